"""Benchmark: start to window shown, and to window filled, with the example project, the peak
memory and the processor time used by then (steadier than the clock when other work shares the
cores), each against a bare PySide6 window (tabs and a QTextBrowser) measured the same way in
the same run.

Each run is a fresh process timed from launch, started as a user starts the app (main.py with
the project's path). "Shown": the event loop turned after the window's first paint (the app's
frame, the bare window). "Filled": the forms of the first tab and the preview's first document
are painted, as the app says itself when SMPOLICY_SAY_FILLED asks (ui/app.py; the bundle's
benchmark and tests use the same). Each program is stopped at its last mark and its peak memory
(VmHWM) read then.

The app is timed opening the example twice over: as a project reopened (this build rendered it
before, so its policy comes from the document cache, smpolicy_desktop/document_cache.py), and
as a project opened for the first time (the cache's documents removed before each run: the
templates are loaded and the policy rendered).

Beside them, the filled window's widgets drawn by Qt alone (QT_ALONE: the same widgets, words
and document in the same places, written down by the app itself when filled, DRAWN), to tell
what the filled window costs Qt to draw from what it costs the app to get there; and the same
after the project is read through the app's model (READ_THEN_QT_ALONE), the least a start that
reads the project before it fills the window can take.

Modules are loaded as a user's start loads them: compiled. A user's Python keeps each module's
bytecode in __pycache__ and the bundle ships it, but the environment here may say
PYTHONDONTWRITEBYTECODE=1, which would have every run compile the app's (and pydantic's, Jinja's)
sources again, a cost no user pays. So the runs write and read bytecode in a folder of their own
(PYTHONPYCACHEPREFIX), and a first, untimed start of each program fills it.
Run: .venv/bin/python -m tests.bench.bench_start
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import REPO
from tests.packaged import example_copy, peak_memory_mb

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

# The app as main.py starts it, the window watched from the moment open_window() makes it. It
# says when it is filled itself (SMPOLICY_SAY_FILLED, ui/app.py: the one definition of filled,
# shared with the bundle's benchmark and tests).
APP = ON_FIRST_PAINT + """
import sys
import main
import ui.app

def shown():
    print("shown", flush=True)

def watched(argv):
    window = open_window(argv)
    window.installEventFilter(first_paint)
    return window

open_window, ui.app.open_window = ui.app.open_window, watched
sys.argv = ["main.py", sys.argv[1]]  # a copy of the example (it may be killed)
main.main()
"""

BARE = ON_FIRST_PAINT + """
import resource

def shown():
    print("shown", flush=True)
    use = resource.getrusage(resource.RUSAGE_SELF)
    print(f"bare {use.ru_utime + use.ru_stime}", flush=True)

from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget, QTextBrowser
from PySide6.QtWidgets import QLabel
app = QApplication([])
window = QMainWindow()
splitter = QSplitter()
tabs = QTabWidget()
for number in range(8):
    tabs.addTab(QLabel(f"Area {number}"), f"Area {number}")
preview = QTextBrowser()
preview.setHtml("<h1>Social Media Policy</h1>" + "<p>Some words of the policy.</p>" * 200)
splitter.addWidget(tabs)
splitter.addWidget(preview)
window.setCentralWidget(splitter)
window.installEventFilter(first_paint)
window.resize(1280, 760)
window.show()
app.exec()
"""


# The app again, made to write down its window as the owner first sees it (every widget drawn:
# its Qt class, place, size and words, the menus' commands, the preview's document) at the
# moment it says it is filled, for QT_ALONE below.
DRAWN = APP.replace("main.main()", """
import builtins
import json
import os

from PySide6 import QtWidgets

KINDS = ("QTextBrowser", "QLineEdit", "QComboBox", "QCheckBox", "QLabel", "QTabBar", "QMenuBar",
         "QToolBar")

def drawn(widget):
    kind = next((kind for kind in KINDS if isinstance(widget, getattr(QtWidgets, kind))), "")
    central = widget.window().centralWidget()  # QT_ALONE's widgets go in a plain one
    place = widget.mapTo(central if central.isAncestorOf(widget) else widget.window(),
                         widget.rect().topLeft())
    item = {"kind": kind, "place": [place.x(), place.y(), widget.width(), widget.height()]}
    if kind in ("QLineEdit", "QCheckBox", "QLabel"):
        item["text"] = widget.text()
    if kind == "QLabel":
        item["wrap"] = widget.wordWrap()
    if kind == "QComboBox":
        item["text"] = widget.currentText()
    if kind == "QTextBrowser":
        item["html"] = widget.toHtml()
    if kind == "QTabBar":
        item["tabs"] = [widget.tabText(index) for index in range(widget.count())]
    if kind in ("QMenuBar", "QToolBar"):
        item["actions"] = [[action.text(), [each.text() for each in action.menu().actions()]
                            if action.menu() else []] for action in widget.actions()]
    yield item
    if kind in ("", "QLabel"):  # the rest make their own parts
        for child in widget.findChildren(QtWidgets.QWidget, options=FIND_CHILDREN_DIRECTLY):
            if child.isVisible() and not child.isWindow():
                yield from drawn(child)

from PySide6.QtCore import Qt
FIND_CHILDREN_DIRECTLY = Qt.FindChildOption.FindDirectChildrenOnly

def said(*words, **how):
    if words and str(words[0]).startswith("filled"):
        window = QtWidgets.QApplication.activeWindow() or next(
            each for each in QtWidgets.QApplication.topLevelWidgets() if each.isVisible())
        with open(os.environ["SMPOLICY_BENCH_DRAWN"], "w") as out:
            json.dump({"size": [window.width(), window.height()], "items": list(drawn(window))},
                      out)
    builtins.print(*words, **how)

ui.app.print = said  # ui.app says "filled" when the window is filled
main.main()""")

# The window the app first shows, built by Qt alone from what DRAWN wrote down: the same widgets
# in the same places with the same words and the same document, but no layouts, no models, no
# app code. Against the bare window it tells what drawing that much costs Qt, so the rest of
# the app's time to filled is the app's own work.
QT_ALONE = ON_FIRST_PAINT + """
import json
import os
import resource

def shown():
    print("shown", flush=True)
    use = resource.getrusage(resource.RUSAGE_SELF)
    print(f"bare {use.ru_utime + use.ru_stime}", flush=True)

from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QMainWindow,
                               QTabBar, QTextBrowser, QWidget)
with open(os.environ["SMPOLICY_BENCH_DRAWN"]) as drawn:
    window_drawn = json.load(drawn)
app = QApplication([])
window = QMainWindow()
central = QWidget()
bars = {"QMenuBar": window.menuBar, "QToolBar": lambda: window.addToolBar("Tools")}
for item in window_drawn["items"]:
    kind, text, widget = item["kind"], item.get("text", ""), None
    if kind in bars:
        bar = bars[kind]()
        for words, commands in item["actions"]:
            menu = bar.addMenu(words) if commands else bar.addAction(words)
            for command in commands:
                menu.addAction(command)
    elif kind == "QLabel":
        widget = QLabel(text, central)
        widget.setWordWrap(item["wrap"])
    elif kind in ("QLineEdit", "QCheckBox"):
        widget = (QLineEdit if kind == "QLineEdit" else QCheckBox)(text, central)
    elif kind == "QComboBox":
        widget = QComboBox(central)
        widget.addItem(text)
    elif kind == "QTabBar":
        widget = QTabBar(central)
        for words in item["tabs"]:
            widget.addTab(words)
    elif kind == "QTextBrowser":
        widget = QTextBrowser(central)
        widget.setHtml(item["html"])
    if widget is not None:
        widget.setGeometry(*item["place"])
window.setCentralWidget(central)
window.statusBar()
window.installEventFilter(first_paint)
window.resize(*window_drawn["size"])
window.show()
app.exec()
"""

# QT_ALONE after reading the project as every start must, through the app's model (pydantic,
# the model's classes, the file validated and migrated): the least any start that reads the
# project before the window is filled can take, however lean the rest of it.
READ_THEN_QT_ALONE = """
import sys
from smpolicy_desktop.storage import load_project
load_project(sys.argv[1])
""" + QT_ALONE


def time_to_marks(code: str, home: Path, first_open: bool = False) -> dict[str, float]:
    """Seconds from launch to the window shown ("shown") and, for the app, filled ("filled");
    peak memory ("rss", bytes) and processor time ("cpu") by the last of them. The app is
    stopped the moment it says it is filled, so its memory is read as it was then. first_open:
    no rendered document is kept for the project (the compiled templates are)."""
    if first_open:
        shutil.rmtree(home / "cache" / "smpolicy" / "documents", ignore_errors=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"),
               PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=str(home / "bytecode"),
               SMPOLICY_SAY_FILLED="1", SMPOLICY_BENCH_DRAWN=str(home / "drawn.json"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.monotonic()
    project = example_copy(Path(tempfile.mkdtemp(dir=home)))  # no lock left by the last run
    child = subprocess.Popen([sys.executable, "-c", code, project], cwd=REPO, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    marks = {}
    for line in child.stdout:
        word, *values = line.split()
        if word == "shown":
            marks["shown"] = time.monotonic() - started
        elif word in ("bare", "filled"):
            child.send_signal(signal.SIGSTOP)  # its memory as it was then
            if word == "filled":
                marks["filled"] = float(values[0]) - started
            marks["cpu"] = float(values[-1])
            marks["rss"] = peak_memory_mb(child) * 2**20
            child.kill()
            break
    child.wait()
    if "shown" not in marks or "cpu" not in marks:
        raise RuntimeError(f"the window was not shown and filled (marks: {sorted(marks)})")
    return marks


def measure() -> list[dict]:
    apps, firsts, bares, qt_alone, read_first = [], [], [], [], []
    with tempfile.TemporaryDirectory() as home:
        for code in (BARE, DRAWN, QT_ALONE, READ_THEN_QT_ALONE):  # untimed: compiles what each
            time_to_marks(code, Path(home))  # loads, and DRAWN writes what QT_ALONE draws
        for _ in range(REPEATS):  # interleaved, so all see the same machine load
            bares.append(time_to_marks(BARE, Path(home)))
            qt_alone.append(time_to_marks(QT_ALONE, Path(home)))
            read_first.append(time_to_marks(READ_THEN_QT_ALONE, Path(home)))
            firsts.append(time_to_marks(APP, Path(home), first_open=True))
            apps.append(time_to_marks(APP, Path(home)))  # reopens what the first one opened
    bare = "bare PySide6 window (tabs, QTextBrowser)"
    floor = {"floor_name": f"{bare} shown",
             "floor_seconds": statistics.median(run["shown"] for run in bares)}
    rows = [{"name": "the filled window's widgets, words and document drawn by Qt alone (no "
                     f"layouts, no app code), shown (median of {REPEATS})",
             "seconds": statistics.median(run["shown"] for run in qt_alone), **floor},
            {"name": "the same, after the project is read through the app's model (the least a "
                     f"start that reads it first can take), shown (median of {REPEATS})",
             "seconds": statistics.median(run["shown"] for run in read_first), **floor}]
    for runs, opened in ((apps, "reopened"), (firsts, "opened for the first time")):
        rows += [*({"name": f"start to window {mark}, example project {opened} (median of "
                            f"{REPEATS})",
                    "seconds": statistics.median(run[mark] for run in runs), **floor,
                    "target": target} for mark, target in (("shown", 1.2), ("filled", 1.5))),
                 {"name": f"peak memory, start to window filled, project {opened}", "unit": "MB",
                  "value": statistics.median(run["rss"] for run in runs) / 2**20,
                  "floor_name": bare,
                  "floor_value": statistics.median(run["rss"] for run in bares) / 2**20,
                  "target": 1.6},
                 # Processor time: steadier than the clock when other work shares the cores.
                 {"name": f"processor time, start to window filled, project {opened}",
                  "seconds": statistics.median(run["cpu"] for run in runs),
                  "floor_name": f"{bare} shown",
                  "floor_seconds": statistics.median(run["cpu"] for run in bares)}]
    return rows


if __name__ == "__main__":
    for row in measure():
        value, floor = row.get("seconds", row.get("value")), row.get("floor_seconds",
                                                                     row.get("floor_value"))
        target = f" (target <= {row['target']:g})" if "target" in row else ""
        print(f"{row['name']}: {value:.3f}; {row['floor_name']}: {floor:.3f}; ratio "
              f"{value / floor:.2f}{target}")
