"""Benchmark: a project with one answer of 10 MB (a document pasted whole, or a crafted file).

Timed: opening the window on it (forms and preview filled), showing that answer's box (its tab
clicked), and the window on a 10 MB company's name, which the policy repeats in 18 places.
The floor is a bare QTextBrowser.setHtml of the same text as one paragraph, laid out, in the
same run: what Qt alone takes to show it once.
Run: .venv/bin/python -m tests.bench.bench_huge_answer   (or tests/bench/run.py huge_answer)
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "assets" / "examples" / "northwind.smpolicy"
SIZE = 10_000_000
SENTENCE = "Breaking the policy is handled fairly and in proportion."
ANSWER = ("training", "consequences")


def measure() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(Path(folder) / name.lower())
        return _measure(Path(folder))


def _measure(folder: Path) -> list[dict]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from smpolicy_desktop.storage import load_project, save_project
    from tests.bench.bench_big_project import close_window, open_window

    app = QApplication.instance() or QApplication([])
    answer = " ".join([SENTENCE] * (SIZE // (len(SENTENCE) + 1)))
    files = {}
    for which, field in (("answer", ANSWER), ("name", ("company", "name"))):
        project = load_project(EXAMPLE)
        setattr(getattr(project, field[0]), field[1], answer)
        files[which] = folder / f"{which}.smpolicy"
        save_project(project, files[which])
    settings = QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)

    started = time.perf_counter()
    bare = QTextBrowser()
    bare.resize(560, 700)
    bare.show()
    bare.setHtml(f"<p>{answer}</p>")
    bare.repaint()
    floor = time.perf_counter() - started
    bare.close()

    window, opened = open_window(settings, files["answer"])
    started = time.perf_counter()
    window.focus_field(ANSWER)
    window.forms[ANSWER[0]].editor(ANSWER).repaint()
    app.processEvents()
    box = time.perf_counter() - started
    close_window(window)
    window, named = open_window(settings, files["name"])
    close_window(window)
    floor_name = "bare QTextBrowser.setHtml of the 10 MB as one paragraph"
    return [{"name": name, "seconds": seconds, "floor_name": floor_name, "floor_seconds": floor}
            for name, seconds in (
                ("open the window on a 10 MB answer (forms and preview)", opened),
                ("show the 10 MB answer's box (its tab clicked)", box),
                ("open the window on a 10 MB company's name (in 18 places)", named))]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']}: {row['seconds']:.2f} s; {row['floor_name']}: "
              f"{row['floor_seconds']:.2f} s; ratio {row['seconds'] / row['floor_seconds']:.2f}x")
