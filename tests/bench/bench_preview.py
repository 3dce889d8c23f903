"""Benchmark: from a keystroke in an answer to the preview updated in the real window, p95, on
the example and on a project with 1,000 list rows.

Once the project's first check is in, the owner clicks into every text and list answer of
every area in turn (the company's name among them: the preview moves to its section), pauses,
types a short word a key at a time (a text box passes on each key; a list row passes on its
new text when Enter closes it, so there Enter is the one key timed), and pauses again, so the
risk check runs on its worker and its marks and findings reach the window as they do in use.
One key is timed from the edit to the preview showing it; marks and check results that arrive
meanwhile are in that time. The company's name shows in every section; its keys are
also reported alone, as the worst case. The floor is a bare QTextBrowser.setHtml of the same
HTML, measured in the same run.
Run: .venv/bin/python -m tests.bench.bench_preview
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "assets" / "examples" / "northwind.smpolicy"
WORD = " more"  # typed a key at a time into each answer
PAUSE_S = 0.4  # before and after each word: longer than the check's pause, so it runs


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def big(project):
    """The example with 1,000 rows in its lists (what a long-lived project can reach)."""
    employees = project.employees
    employees.confidential_info = [f"Client file number {n}" for n in range(500)]
    project.presence.we_never_publish = [f"Private matter {n}" for n in range(500)]
    return project


def typed_answers(project) -> list[tuple]:
    """The path of every text answer, and the first row of every list answer, of every area."""
    from smpolicy_desktop.model import Project
    from smpolicy_desktop.questions import questions

    paths = []
    for area, model in Project.areas().items():
        for question in questions(model):
            if question.kind in ("line", "text"):
                paths.append((area, question.name))
            elif question.kind == "list" and getattr(getattr(project, area), question.name):
                paths.append((area, question.name, 0))
    return paths


def measure_one(label: str, project) -> list[dict]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
        window.ensure_loaded()
        window.resize(1366, 740)
        window.show_project(project, None)
        window.show()
        window.rendering.render_now()
        while window.rendering.latest is None:  # the first check, as the project opens
            app.processEvents()
        bare = QTextBrowser()
        bare.resize(560, 700)
        bare.show()
        shown: list[float] = []
        window.preview.rendered.connect(lambda: shown.append(time.perf_counter()))
        keys, name_keys, floors = [], [], []
        def pause() -> None:
            paused = time.perf_counter()
            while time.perf_counter() - paused < PAUSE_S:
                app.processEvents()

        for path in typed_answers(project):
            window.focus_field(path)
            pause()
            start = window.model.value(path)
            for end in range(1 if len(path) == 2 else len(WORD), len(WORD) + 1):
                started = time.perf_counter()
                window.model.set_value(path, start + WORD[:end])  # what a keystroke does
                while not shown:
                    app.processEvents()
                (name_keys if path == ("company", "name") else keys).append(
                    shown.pop() - started)
            pause()
            started = time.perf_counter()
            bare.setHtml(window.preview.html)
            floors.append(time.perf_counter() - started)
        window.model.undo_stack.setClean()  # close without asking to save
        window.close()
    floor = {"floor_name": "bare QTextBrowser.setHtml of the same HTML (p95)",
             "floor_seconds": p95(floors)}
    return [{"name": f"keystroke to preview updated, {label}: every answer (p95 of {len(keys)})",
             "seconds": p95(keys), "target": 1.0, **floor},
            {"name": f"keystroke to preview updated, {label}: the company's name, in every "
                     f"section (max of {len(name_keys)})",
             "seconds": max(name_keys), **floor}]


def measure() -> list[dict]:
    from smpolicy_desktop.storage import load_project

    return [*measure_one("example", load_project(EXAMPLE)),
            *measure_one("1,000 list rows", big(load_project(EXAMPLE)))]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']}: {row['seconds'] * 1000:.1f} ms (goal <= 16 ms); "
              f"{row['floor_name']}: {row['floor_seconds'] * 1000:.1f} ms; ratio "
              f"{row['seconds'] / row['floor_seconds']:.2f}")
