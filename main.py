"""smpolicy's entry point: the window with no arguments (or a project file), else the CLI."""

import sys


def main() -> int:
    from smpolicy_desktop.cli import COMMANDS
    from smpolicy_desktop.cli import main as cli_main

    args = sys.argv[1:]
    if not args or (len(args) == 1 and args[0] not in COMMANDS and not args[0].startswith("-")):
        from ui.app import run_app

        return run_app(args)
    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
