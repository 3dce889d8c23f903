"""smpolicy's entry point: the window with no arguments (or a project file), else the CLI.

On Linux a system library Qt needs but cannot find is told in a message box, not only on stderr.
"""

import sys

MISSING_LIBRARY = (
    "smpolicy cannot open its window: a system library is missing ({error}).\n\n"
    "Install your system's graphics libraries and fonts, then start smpolicy again. "
    "On Debian, Ubuntu or Mint:\n  sudo apt install libgl1 libegl1 libxcb1 fontconfig "
    "fonts-dejavu-core")
NO_DISPLAY = ("smpolicy cannot open its window: there is no display here (DISPLAY and "
              "WAYLAND_DISPLAY are not set). The command line works without one: smpolicy "
              "--help")
# Message boxes a Linux desktop may have, tried in order; the first one found shows the message.
MESSAGE_BOXES = (("zenity", "--error", "--no-markup", "--text"), ("kdialog", "--error"),
                 ("xmessage", "-center"), ("notify-send", "--urgency=critical", "smpolicy"))


def tell_missing_library(error: ImportError) -> int:
    import shutil
    import subprocess

    message = MISSING_LIBRARY.format(error=error)
    print(message, file=sys.stderr)
    for command in MESSAGE_BOXES:
        if shutil.which(command[0]):
            subprocess.run([*command, message], check=False)
            break
    return 1


def _no_display() -> bool:
    """Linux with no screen to open a window on (a cron job, an ssh session): Qt aborted with
    an xcb message that advised reinstalling."""
    import os

    return sys.platform == "linux" and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _a_file(arg: str) -> bool:
    """Whether the one word given names a project to open in the window: a file there, or a
    name with a file's extension. A mistyped command ("help", "Presets", "/?") is the command
    line's to refuse in a line: it opened the window, or aborted without a display under cron
    (found by a tester)."""
    import os

    return not arg.startswith("-") and (os.path.lexists(arg) or bool(os.path.splitext(arg)[1]))


def main() -> int:
    from smpolicy_desktop import COMMAND_NAMES

    args = sys.argv[1:]
    if not args or (len(args) == 1 and _a_file(args[0]) and args[0] not in COMMAND_NAMES):
        if _no_display():
            print(NO_DISPLAY, file=sys.stderr)
            return 2
        try:
            from ui.app import run_app
        except ImportError as error:  # e.g. "libEGL.so.1: cannot open shared object file"
            if sys.platform != "linux" or ".so" not in str(error):
                raise
            return tell_missing_library(error)
        return run_app(args)
    import signal

    from smpolicy_desktop.cli import main as cli_main  # only now: the window never needs it
    from smpolicy_desktop.cli import stop_as_ctrl_c

    signal.signal(signal.SIGTERM, stop_as_ctrl_c)
    return cli_main(args)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the bundle: the risk check's process starts here
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
