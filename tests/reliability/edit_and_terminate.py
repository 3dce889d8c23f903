"""A child process: the real window types an answer and is sent SIGTERM (as at a logout)
before any autosave could run. Run as `python -m tests.reliability.edit_and_terminate PROJECT
[SIGNAL]` (SIGTERM unless SIGHUP is named; QT_QPA_PLATFORM offscreen)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtTest import QTest

import ui.main_window
from ui.app import application
from ui.recovery import autosave_when_terminated

TYPED = "Typed just before the logout"


def main(project_file: Path, ending: signal.Signals = signal.SIGTERM) -> None:
    application([])
    window = ui.main_window.MainWindow()
    window.start(project_file)
    window.show()
    window.recovery.timer.stop()  # no autosave on the timer: only the one SIGTERM makes
    autosave_when_terminated(window)
    name = window.forms["company"].editor(("company", "name"))
    name.clear()
    QTest.keyClicks(name, TYPED)
    assert window.model.project.company.name == TYPED
    os.kill(os.getpid(), ending)
    QTest.qWait(5000)  # the handler runs at the next wake-up, then ends the process
    sys.exit(f"still running 5 s after {ending.name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), signal.Signals[sys.argv[2]] if len(sys.argv) > 2 else signal.SIGTERM)
