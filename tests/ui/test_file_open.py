"""macOS Finder opens a project by sending the running app a FileOpen event (argv stays empty):
the window opens that project, whether the event comes while it starts or once it is filled.

Each case is a fresh app process (the event goes to the app's own QApplication subclass).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, REPO

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from ui.app import application, open_window

app = application([])
window = open_window([])
finder = lambda: app.postEvent(app, QFileOpenEvent(sys.argv[1]))
if sys.argv[2] == "while starting":
    finder()
else:
    window.loaded.connect(lambda: QTimer.singleShot(0, finder))
QTimer.singleShot(3000, lambda: (print(window.windowTitle()), app.quit()))
app.exec()
"""


@pytest.mark.slow
@pytest.mark.parametrize("when", ["while starting", "once filled"])
def test_a_project_opened_from_finder_opens_in_the_window(when):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(EXAMPLE), when], cwd=REPO,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(f"{EXAMPLE.name}[*] — smpolicy")
