"""Benchmark: start to window shown, with the example project, against a bare PySide6 window.

Each run is a fresh process timed from launch until its window has been shown and the event
loop has turned once; the floor is a bare QMainWindow measured the same way in the same run.
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

APP = f"""
import sys
from PySide6.QtCore import QTimer
from ui.app import application, open_window
app = application([])
window = open_window([{str(EXAMPLE)!r}])
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def time_to_shown(code: str, home: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
               PYTHONPATH=str(REPO))
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = child.stdout.readline()
    seconds = time.perf_counter() - started
    child.wait()
    if line.strip() != "shown":
        raise RuntimeError("the window was not shown")
    return seconds


def measure() -> list[dict]:
    apps, bares = [], []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(REPEATS):  # interleaved, so both see the same machine load
            bares.append(time_to_shown(BARE, Path(home)))
            apps.append(time_to_shown(APP, Path(home)))
    return [{"name": "start to window shown (example project)",
             "seconds": statistics.median(apps),
             "floor_name": "bare PySide6 QMainWindow shown",
             "floor_seconds": statistics.median(bares)}]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']}: {row['seconds'] * 1000:.0f} ms; {row['floor_name']}: "
              f"{row['floor_seconds'] * 1000:.0f} ms; ratio "
              f"{row['seconds'] / row['floor_seconds']:.2f} (target <= 2)")
