"""Benchmark: the packaged app's size, start to window and peak memory, against a packaged
bare PySide6 window built in the same run, with the same Qt trimming (.ci/qt_trim.py).

Start is timed from launch until the window is shown on a private Xvfb (Linux only).
Run: .venv/bin/python tests/bench/run.py bundle
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from tests import packaged
from tests.conftest import EXAMPLE, REPO

REPEATS = 5
SETTLE_SECONDS = 2  # after the window shows, the preview renders; memory peaks by then
BARE_TITLE = "bare window"

BARE_APP = f"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle({BARE_TITLE!r})
window.resize(1280, 820)
window.show()
sys.exit(app.exec())
"""

BARE_SPEC = f"""
import sys
sys.path.insert(0, {str(REPO / ".ci")!r})
from qt_trim import excluded_modules, trim
a = Analysis(["bare_window.py"], excludes=excluded_modules() + ["tkinter"], noarchive=True)
a.binaries, a.datas = trim(a.binaries, a.datas)
exe = EXE(PYZ(a.pure), a.scripts, [], exclude_binaries=True, name="bare_window",
          console=False, upx=False)
COLLECT(exe, a.binaries, a.datas, upx=False, name="bare_window")
"""


def build_bare_window(folder: Path) -> Path:
    (folder / "bare_window.py").write_text(BARE_APP)
    (folder / "bare_window.spec").write_text(BARE_SPEC)
    return packaged.build(folder / "bare_window.spec", folder / "dist")


def start_and_memory(command: list, display: str, title: str) -> tuple[float, float]:
    """Seconds until the window shows, and peak resident memory (MB) once it has settled."""
    with packaged.running_until_shown(command, display, title) as (process, seconds):
        time.sleep(SETTLE_SECONDS)
        return seconds, packaged.peak_memory_mb(process)


def measure() -> list[dict]:
    app = packaged.build()
    with tempfile.TemporaryDirectory() as temporary:
        for variable in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[variable] = str(Path(temporary, variable.lower()))  # no real autosaves
        bare = build_bare_window(Path(temporary))
        runs = {"app": [], "bare": []}
        with packaged.virtual_screen() as display:
            for repeat in range(REPEATS + 1):  # the first round only warms the disk cache
                app_run = start_and_memory([app, EXAMPLE], display, "smpolicy")
                bare_run = start_and_memory([bare], display, BARE_TITLE)
                if repeat:
                    runs["app"].append(app_run)
                    runs["bare"].append(bare_run)
        sizes = {"app": packaged.folder_size_mb(app.parent),
                 "bare": packaged.folder_size_mb(bare.parent)}

    def median(who: str, index: int) -> float:
        return statistics.median(run[index] for run in runs[who])

    bare_build = "PyInstaller build of a bare PySide6 window"
    return [
        {"name": "bundle size on disk (dist/smpolicy)", "value": sizes["app"], "unit": "MB",
         "floor_name": bare_build, "floor_value": sizes["bare"], "target": 1.3},
        {"name": f"bundle start to window, example open (median of {REPEATS})",
         "seconds": median("app", 0), "floor_name": bare_build,
         "floor_seconds": median("bare", 0), "target": 1.5},
        {"name": "bundle peak memory (RSS), example open", "value": median("app", 1),
         "unit": "MB", "floor_name": bare_build, "floor_value": median("bare", 1)},
    ]


if __name__ == "__main__":
    for row in measure():
        print(row)
