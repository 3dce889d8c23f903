"""Starts the desktop app: the QApplication, its names and icon, and the main window.

main.py calls run_app() with no arguments or one project file to open.
"""

from __future__ import annotations

import gc
import linecache
import locale
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from smpolicy_desktop import APP_NAME, __version__
from smpolicy_desktop.resources import resource_path


def _skip_pyside_source_scan() -> None:
    """PySide6 reads the whole source of every module imported after it, to see whether it
    opts in to one of PySide's __feature__s (snake_case, true_property); this app never does.
    Reading none saves some 40 ms of the start and 5 MB (pydantic's, Jinja's and our sources).
    Without sources (the bundle ships bytecode only) PySide reads none either. What it read
    before this (PySide's own, os, enum, pathlib: 0.4 MB of lines) is dropped."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):  # PySide6 6.11
        feature._mod_uses_pyside = lambda module: False
        linecache.clearcache()


_skip_pyside_source_scan()


def _hash_without_openssl() -> None:
    """hashlib's OpenSSL module maps libcrypto, 3.4 MB of the start's memory (pydantic loads
    it through secrets and hmac, Jinja through its template cache), for the SHA-256 sums the
    window takes of a project file or a cache key. Python's own SHA-256, which hashlib uses
    without it, does those: a 10 MB project file read and hashed in 36 ms instead of 11."""
    sys.modules.setdefault("_hashlib", None)  # type: ignore[arg-type]


_hash_without_openssl()


# Qt puts the app's name after every other window's title ("Help — smpolicy"), joined as
# its platform plugin has it: an em dash on Linux and macOS, a hyphen on Windows.
TITLE_SEPARATOR = " - " if sys.platform == "win32" else " \u2014 "


def window_title(words: str) -> str:
    """The main window's title: its words, then the app's name, joined as in every dialog's
    title. Qt would add the name itself, but not after a file name that ends with it
    ("policy.smpolicy")."""
    return f"{words}{TITLE_SEPARATOR}{APP_NAME}"


def app_icon() -> QIcon:
    icon = QIcon(str(resource_path("assets", "icons", "smpolicy.svg")))
    for size in (16, 32, 48, 64, 128, 256):  # crisp small sizes where SVG is not drawn
        icon.addFile(str(resource_path("assets", "icons", f"smpolicy-{size}.png")))
    return icon


class Application(QApplication):
    """macOS hands the app a project double-clicked in Finder as an event, not in argv."""

    file_opened = Signal(Path)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and event.file():
            self.file_opened.emit(Path(event.file()))
            return True
        return super().event(event)


def application(argv: list[str]) -> QApplication:
    """The one QApplication, named so QSettings and the state folder agree on the app."""
    app = QApplication.instance() or Application([sys.argv[0], *argv])
    # Qt on Linux and macOS sets the C library's locale from the system's as it starts, and
    # Python's month names follow it: "décembre 4, 2026" in the policy on a French desktop.
    # The policy and the app write dates in English (Qt's own QLocale is not affected).
    locale.setlocale(locale.LC_TIME, "C")
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def _say_when_filled(window) -> None:
    """Test-only, asked for by SMPOLICY_SAY_FILLED (the start benchmarks, of the source and of
    the bundle, and the bundle's tests: the one definition of filled): print "filled", the
    clock (time.monotonic) and the processor time used, one loop turn after the preview first
    paints a document: the forms and preview are shown."""
    from PySide6.QtCore import Qt

    def say() -> None:
        print(f"filled {time.monotonic()} {time.process_time()}", flush=True)

    window.preview.rendered.connect(lambda: window.preview.after_next_paint(say),
                                    Qt.ConnectionType.SingleShotConnection)


def open_window(argv: list[str]):
    """Show the main window's frame at once; once drawn, it offers any work left by a crash,
    then opens the file asked for (see MainWindow.start_up)."""
    from ui.main_window import MainWindow  # after the QApplication exists

    path = Path(argv[0]) if argv else None
    window = MainWindow()
    started = False

    def file_opened(opened: Path) -> None:  # from Finder
        nonlocal path
        if started:
            window.files.open_project(opened)
        else:
            path = opened  # start() opens it

    def loaded() -> None:
        nonlocal started
        started = True
        window.start_up(path)

    if isinstance(QApplication.instance(), Application):
        QApplication.instance().file_opened.connect(file_opened)
    if os.environ.get("SMPOLICY_SAY_FILLED"):
        window.loaded.connect(lambda: _say_when_filled(window))
    window.loaded.connect(loaded)
    window.show_opening(path)
    return window


def _collect_after_start() -> None:
    """Once the window has settled: collect the start's garbage once, keep what is left
    out of later collections (the modules, the window), and collect as usual from then on."""
    gc.collect()
    gc.freeze()
    gc.enable()


def run_app(argv: list[str]) -> int:
    gc.disable()  # the start allocates much and frees little: collecting then is wasted time
    app = application(argv)
    window = open_window(argv)  # kept referenced while the app runs
    window.settled.connect(_collect_after_start)
    from ui.recovery import autosave_when_terminated

    autosave_when_terminated(window)  # a logout keeps the typing since the last autosave
    code = app.exec()
    del window
    return code
