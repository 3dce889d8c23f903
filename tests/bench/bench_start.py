"""Benchmark: start to window shown, and to window filled, with the example project, each
against a bare PySide6 window measured the same way in the same run.

Each run is a fresh process timed from launch. "Shown": the event loop turned after the
window's first paint (the app's frame, the bare window). "Filled": the forms hold the
example's answers and the preview's first render has been painted.
Run: .venv/bin/python -m tests.bench.bench_start
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "assets" / "examples" / "northwind.smpolicy"
REPEATS = 7

# Prints "shown" one loop turn after the window's first paint; the filter sees the paint
# before the window does, so this turn comes before anything the window schedules on it.
ON_FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = True
            QTimer.singleShot(0, shown)
        return False

first_paint = FirstPaint()
"""

APP = ON_FIRST_PAINT + f"""
def shown():
    print("shown", flush=True)

from ui.app import application, open_window
app = application([])
window = open_window([{str(EXAMPLE)!r}])
window.installEventFilter(first_paint)

def filled():
    assert window.forms["company"].editor(("company", "name")).text()
    print("filled", flush=True)
    app.quit()

window.loaded.connect(lambda: window.preview.rendered.connect(
    lambda: QTimer.singleShot(0, filled)))
app.exec()
"""

BARE = ON_FIRST_PAINT + """
def shown():
    print("shown", flush=True)
    app.quit()

from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.installEventFilter(first_paint)
window.resize(1280, 820)
window.show()
app.exec()
"""


def time_to_marks(code: str, home: Path) -> dict[str, float]:
    """Seconds from launch to each line the child prints ("shown", "filled")."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
               PYTHONPATH=str(REPO))
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    marks = {line.strip(): time.perf_counter() - started for line in child.stdout}
    if child.wait() != 0 or "shown" not in marks:
        raise RuntimeError(f"the window was not shown (marks: {sorted(marks)})")
    return marks


def measure() -> list[dict]:
    apps, bares = [], []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(REPEATS):  # interleaved, so both see the same machine load
            bares.append(time_to_marks(BARE, Path(home))["shown"])
            apps.append(time_to_marks(APP, Path(home)))
    floor = {"floor_name": "bare PySide6 QMainWindow shown",
             "floor_seconds": statistics.median(bares), "target": 2.0}
    return [{"name": f"start to window {mark} (example project, median of {REPEATS})",
             "seconds": statistics.median(run[mark] for run in apps), **floor}
            for mark in ("shown", "filled")]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']}: {row['seconds'] * 1000:.0f} ms; {row['floor_name']}: "
              f"{row['floor_seconds'] * 1000:.0f} ms; ratio "
              f"{row['seconds'] / row['floor_seconds']:.2f} (target <= {row['target']:g})")
