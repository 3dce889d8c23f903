"""Benchmark: the packaged app's size, start to window and peak memory, against a packaged
bare PySide6 window built in the same run, with the same Qt trimming (.ci/qt_trim.py).

Start is timed from launch on a private Xvfb (Linux only): "shown" when the window is mapped
(xwininfo), "filled" when its frame, the forms of the first tab and the preview are drawn: the
app says so when SMPOLICY_SAY_FILLED asks (one loop turn after the preview first paints the
project; ui/app.py), with the clock and its processor time, and one xwd frame then must be
detailed (more than 128 colours below the toolbar). The tab marks of the risk check, which come
later from a second process, are not waited for. The bare window is filled one loop turn after
its first paint.
Run: .venv/bin/python tests/bench/run.py bundle
"""

from __future__ import annotations

import os
import statistics
import struct
import subprocess
import tempfile
import time
from pathlib import Path

from PIL import Image

from tests import packaged
from tests.conftest import REPO

REPEATS = 9  # the machine is shared: the medians of 5 moved by a third from run to run
SETTLE_SECONDS = 2  # after the window shows, the preview renders; memory peaks by then
DETAILED_COLOURS = 128  # the filled window has some 250 below its toolbar; "Opening FILE..." ~50
BARE_TITLE = "bare window"

# Says "filled", the clock and its processor time one loop turn after the window's first paint,
# as the app does.
BARE_APP = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print(
                f"filled {{time.monotonic()}} {{time.process_time()}}", flush=True))
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle({BARE_TITLE!r})
window.resize(1280, 820)
first_paint = FirstPaint()
window.installEventFilter(first_paint)
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


def frame(display: str, window: str) -> Image.Image:
    """What the window shows now (xwd's dump of a 24-bit TrueColor window)."""
    dump = subprocess.run(["xwd", "-silent", "-id", window], capture_output=True, check=True,
                          env={"DISPLAY": display, "PATH": os.environ.get("PATH", "")}).stdout
    fields = struct.unpack(">25I", dump[:100])
    header, width, height, line, colours = fields[0], fields[4], fields[5], fields[12], fields[19]
    pixels = dump[header + 12 * colours:]
    return Image.frombuffer("RGB", (width, height), pixels, "raw", "BGRX", line, 1)


def detailed(image: Image.Image) -> bool:
    width, height = image.size
    return image.crop((0, height // 8, width, height)).getcolors(DETAILED_COLOURS) is None


def start_and_memory(command: list, display: str,
                     title: str) -> tuple[float, float, float, float]:
    """Seconds until the window shows and until it is filled, peak resident memory (MB) once
    it has settled, and the processor time (s) used until filled."""
    started = time.monotonic()
    with packaged.running_until_shown(command, display, title,
                                      SMPOLICY_SAY_FILLED="1") as (process, shown):
        clock, processor_time = packaged.said_filled(process)
        filled = clock - started
        if title != BARE_TITLE:  # what it said is on screen: the forms and the preview
            window = packaged.viewable_windows(display, title)[0]
            assert detailed(frame(display, window)), f"{title!r} said filled, shows little"
        time.sleep(max(0.0, SETTLE_SECONDS - (time.monotonic() - started - shown)))
        return shown, filled, packaged.peak_memory_mb(process), processor_time


def measure() -> list[dict]:
    app = packaged.build()
    with tempfile.TemporaryDirectory() as temporary:
        for variable in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[variable] = str(Path(temporary, variable.lower()))  # no real autosaves
        bare = build_bare_window(Path(temporary))
        example = packaged.example_copy(Path(temporary))
        runs = {"app": [], "bare": []}
        with packaged.virtual_screen() as display:
            for repeat in range(REPEATS + 1):  # the first round only warms the disk cache
                app_run = start_and_memory([app, example], display, "smpolicy")
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
        {"name": f"bundle start to window shown, example (median of {REPEATS})",
         "seconds": median("app", 0), "floor_name": bare_build,
         "floor_seconds": median("bare", 0)},
        {"name": f"bundle start to window filled, example (median of {REPEATS})",
         "seconds": median("app", 1), "floor_name": bare_build,
         "floor_seconds": median("bare", 1), "target": 1.5},
        {"name": "bundle peak memory (RSS), example open", "value": median("app", 2),
         "unit": "MB", "floor_name": bare_build, "floor_value": median("bare", 2)},
        # Processor time: steadier than the clock when other work shares the cores.
        {"name": "bundle processor time, start to window filled", "seconds": median("app", 3),
         "floor_name": bare_build, "floor_seconds": median("bare", 3)},
    ]


if __name__ == "__main__":
    for row in measure():
        print(row)
