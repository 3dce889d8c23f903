"""Benchmark: the packaged app's size, start to window and peak memory, against a packaged
bare PySide6 window built in the same run, with the same Qt trimming (.ci/qt_trim.py).

Start is timed from launch on a private Xvfb (Linux only): "shown" when the window is mapped,
"filled" when it shows the forms and the preview (xwd frames of the window, read with Pillow: the
first frame that is detailed, more than 256 colours below the toolbar where the frame shows one
grey line, and looks like the frame once it stays still). The bare window is filled once it is
drawn. Run: .venv/bin/python tests/bench/run.py bundle
"""

from __future__ import annotations

import os
import statistics
import struct
import subprocess
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageChops

from tests import packaged
from tests.conftest import EXAMPLE, REPO

REPEATS = 5
SETTLE_SECONDS = 2  # after the window shows, the preview renders; memory peaks by then
STILL_SECONDS = 1.0  # no change for this long: the window is filled
SAME_PIXELS = 400  # frames differing in a smaller box are the same (a blinking text cursor)
DETAILED_COLOURS = 256  # the filled window has more below its toolbar; "Opening FILE..." ~50
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


def frame(display: str, window: str) -> Image.Image:
    """What the window shows now (xwd's dump of a 24-bit TrueColor window)."""
    dump = subprocess.run(["xwd", "-silent", "-id", window], capture_output=True, check=True,
                          env={"DISPLAY": display, "PATH": os.environ.get("PATH", "")}).stdout
    fields = struct.unpack(">25I", dump[:100])
    header, width, height, line, colours = fields[0], fields[4], fields[5], fields[12], fields[19]
    pixels = dump[header + 12 * colours:]
    return Image.frombuffer("RGB", (width, height), pixels, "raw", "BGRX", line, 1)


def same(first: Image.Image, second: Image.Image) -> bool:
    if first.size != second.size:
        return False
    box = ImageChops.difference(first, second).getbbox()
    return box is None or (box[2] - box[0]) * (box[3] - box[1]) < SAME_PIXELS


def detailed(image: Image.Image) -> bool:
    width, height = image.size
    return image.crop((0, height // 8, width, height)).getcolors(DETAILED_COLOURS) is None


def seconds_to_filled(display: str, title: str, started: float, busy_window: bool) -> float:
    """From started until the first frame that looks like the window once it stays still (and,
    for a busy_window, is detailed: a frame waiting to be filled stays still too)."""
    window = packaged.viewable_windows(display, title)[0]
    frames: list[tuple[float, Image.Image]] = []
    still_since = None
    while still_since is None or time.perf_counter() - still_since < STILL_SECONDS:
        assert time.perf_counter() - started < 120, f"{title!r} was not filled within 120 s"
        image = frame(display, window)
        frames.append((time.perf_counter() - started, image))
        if (len(frames) > 1 and same(frames[-2][1], image)
                and (detailed(image) or not busy_window)):
            still_since = still_since or time.perf_counter()
        else:
            still_since = None
    final = frames[-1][1]
    return next(seconds for seconds, image in frames if same(image, final))


def start_and_memory(command: list, display: str, title: str,
                     busy_window: bool) -> tuple[float, float, float]:
    """Seconds until the window shows and until it is filled, and peak resident memory (MB)
    once it has settled."""
    started = time.perf_counter()
    with packaged.running_until_shown(command, display, title) as (process, shown):
        filled = seconds_to_filled(display, title, started, busy_window)
        time.sleep(max(0.0, SETTLE_SECONDS - (time.perf_counter() - started - shown)))
        return shown, filled, packaged.peak_memory_mb(process)


def measure() -> list[dict]:
    app = packaged.build()
    with tempfile.TemporaryDirectory() as temporary:
        for variable in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[variable] = str(Path(temporary, variable.lower()))  # no real autosaves
        bare = build_bare_window(Path(temporary))
        runs = {"app": [], "bare": []}
        with packaged.virtual_screen() as display:
            for repeat in range(REPEATS + 1):  # the first round only warms the disk cache
                app_run = start_and_memory([app, EXAMPLE], display, "smpolicy", True)
                bare_run = start_and_memory([bare], display, BARE_TITLE, False)
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
    ]


if __name__ == "__main__":
    for row in measure():
        print(row)
