"""The start of the app as a user starts it (main.py with a project), in a process of its own:
the garbage collector waits until the window has settled."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.packaged import example_copy

STARTED = """
import gc, sys
from PySide6.QtCore import QTimer
import main, ui.app

def watched(argv):
    window = open_window(argv)
    print("collecting while starting:", gc.isenabled(), flush=True)
    window.settled.connect(lambda: QTimer.singleShot(0, lambda: (
        print("collecting once settled:", gc.isenabled(), gc.get_freeze_count() > 0, flush=True),
        window.close())))
    return window

open_window, ui.app.open_window = ui.app.open_window, watched
sys.argv = ["main.py", sys.argv[1]]
sys.exit(main.main())
"""


@pytest.mark.slow
def test_the_start_collects_no_garbage_until_the_window_has_settled(tmp_path):
    """The start allocates much and frees little, so it runs without collections; once every
    panel is built the start's garbage is collected and collections run as usual again."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "s"),
           "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_CACHE_HOME": str(tmp_path / "k")}
    result = subprocess.run([sys.executable, "-c", STARTED, str(example_copy(tmp_path))],
                            cwd=REPO, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["collecting while starting: False",
                                          "collecting once settled: True True"]
