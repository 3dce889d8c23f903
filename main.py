"""smpolicy's entry point: the window with no arguments (or a project file), else the CLI.

On Linux a system library Qt needs but cannot find is told in a message box, not only on stderr.
On Windows the app holds a named mutex while it runs, so its installer and uninstaller can ask
the user to close it before they replace or remove its files.
"""

import sys

MISSING_LIBRARY = (
    "smpolicy cannot open its window: a system library is missing ({error}).\n\n"
    "Install your system's graphics libraries and fonts, then start smpolicy again. "
    "On Debian, Ubuntu or Mint:\n  sudo apt install libgl1 libegl1 libxcb1 fontconfig "
    "fonts-dejavu-core{wayland}")
# What Qt's Wayland platform (QT_QPA_PLATFORM=wayland) needs of the system besides.
WAYLAND_PACKAGES = " libwayland-client0 libwayland-cursor0"
NO_DISPLAY = ("smpolicy cannot open its window: there is no display here (DISPLAY and "
              "WAYLAND_DISPLAY are not set). The command line works without one: smpolicy "
              "--help")
# Message boxes a Linux desktop may have, tried in order; the first one found shows the message.
MESSAGE_BOXES = (("zenity", "--error", "--no-markup", "--text"), ("kdialog", "--error"),
                 ("xmessage", "-center"), ("notify-send", "--urgency=critical", "smpolicy"))


# The installer and uninstaller look for it (packaging/windows/smpolicy.nsi, RUNNING_MUTEX).
RUNNING_MUTEX = "smpolicy.running"
_running_mark = None  # its handle, kept open until the process ends


def mark_running() -> None:
    """Windows only: hold the named mutex that tells the installer this app is running (the
    system closes it when the process ends, however it ends)."""
    global _running_mark
    if sys.platform == "win32" and _running_mark is None:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32")
        kernel32.CreateMutexW.restype = ctypes.c_void_p
        _running_mark = kernel32.CreateMutexW(None, False, RUNNING_MUTEX)


def tell_missing_library(error: ImportError | OSError) -> int:
    import shutil
    import subprocess

    message = MISSING_LIBRARY.format(
        error=error, wayland=WAYLAND_PACKAGES if "libwayland" in str(error) else "")
    print(message, file=sys.stderr)
    for command in MESSAGE_BOXES:
        if shutil.which(command[0]):
            subprocess.run([*command, message], check=False)
            break
    return 1


# Set for the app alone by PyInstaller's Qt hook (the bundle's plugins and QML) and by shiboken
# (PySide6's enums), after the runtime hook that restores the user's LD_LIBRARY_PATH has run.
BUNDLE_ONLY = ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH", "PYSIDE6_OPTION_PYTHON_ENUM")


def leave_bundle_environment() -> None:
    """Linux bundle, once PySide6 is imported and before Qt starts: programs the app starts
    (xdg-open after an export, and what it opens) do not get the bundle's Qt plugin folder and
    the rest of BUNDLE_ONLY. Qt finds its plugins without QT_PLUGIN_PATH, from the qt.conf that
    PySide6 builds in, and shiboken has read its option already."""
    import os

    if getattr(sys, "frozen", False):
        for name in BUNDLE_ONLY:
            os.environ.pop(name, None)


def platform_plugin_error() -> OSError | None:
    """Linux: why none of the Qt platform plugins the window may use can load (a system library
    one links against is missing), else None. Qt itself would only abort, with a line on stderr
    a double-clicking user never sees. Loading the plugin first costs nothing: Qt loads it next."""
    import os
    from _ctypes import dlopen  # not ctypes.CDLL: the bundle's replaces the error with a guess
    from pathlib import Path

    import PySide6

    folder = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    asked = [name.split(":")[0].strip()  # "wayland;xcb", "xcb:option=value"
             for name in os.environ.get("QT_QPA_PLATFORM", "").split(";") if name.strip()]
    if not asked:  # Qt's own choice: Wayland first in a Wayland session, else X11
        asked = ["wayland", "xcb"] if os.environ.get("XDG_SESSION_TYPE") == "wayland" else ["xcb"]
    first = None
    for name in asked:
        plugin = folder / f"libq{name}.so"
        if not plugin.is_file():  # one we do not ship: Qt says so itself
            return None
        try:
            dlopen(str(plugin), os.RTLD_LOCAL)
        except OSError as error:  # "libwayland-cursor.so.0: cannot open shared object file..."
            first = first or error
        else:
            return None
    return first


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

    mark_running()
    args = sys.argv[1:]
    if not args or (len(args) == 1 and _a_file(args[0]) and args[0] not in COMMAND_NAMES):
        try:
            from ui.app import run_app
        except ImportError as error:  # e.g. "libEGL.so.1: cannot open shared object file"
            if sys.platform != "linux" or ".so" not in str(error):
                raise
            return tell_missing_library(error)
        if sys.platform == "linux":
            leave_bundle_environment()
            unloadable = platform_plugin_error()
            if unloadable:
                return tell_missing_library(unloadable)
        if _no_display():  # after what is missing, which a message box may still tell
            print(NO_DISPLAY, file=sys.stderr)
            return 2
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
