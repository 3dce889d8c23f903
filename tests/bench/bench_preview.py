"""Benchmark: from an edit to the preview updated in the real window (one render shared by the
preview, marks and pickers; the check runs on its worker), p95 over 200 edits, on the example
and on a project with 1,000 list rows.

The floor is a bare QTextBrowser.setHtml of the same HTML, measured in the same run. The time
is what the UI thread spends; the check's time on its worker thread is reported beside it.
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
EDITS = 200


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def big(project):
    """The example with 1,000 rows in its lists (what a long-lived project can reach)."""
    employees = project.employees
    employees.confidential_info = [f"Client file number {n}" for n in range(500)]
    project.presence.we_never_publish = [f"Private matter {n}" for n in range(500)]
    return project


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
        bare = QTextBrowser()
        bare.resize(560, 700)
        bare.show()
        shown = []
        window.preview.rendered.connect(lambda: shown.append(time.perf_counter()))
        name = project.company.name or "Northwind"
        updates, floors = [], []
        for edit in range(EDITS):
            started = time.perf_counter()
            window.model.set_value(("company", "name"), f"{name} {edit}")  # what typing does
            while not shown:
                app.processEvents()
            updates.append(shown.pop() - started)
            started = time.perf_counter()
            bare.setHtml(window.preview.html)
            floors.append(time.perf_counter() - started)
        window.model.undo_stack.setClean()  # close without asking to save
        window.close()
    return [{"name": f"edit to preview updated, {label} (UI thread, p95 of {EDITS})",
             "seconds": p95(updates), "target": 1.5,
             "floor_name": "bare QTextBrowser.setHtml of the same HTML (p95)",
             "floor_seconds": p95(floors)}]


def measure() -> list[dict]:
    from smpolicy_desktop.storage import load_project

    return [*measure_one("example", load_project(EXAMPLE)),
            *measure_one("1,000 list rows", big(load_project(EXAMPLE)))]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']}: {row['seconds'] * 1000:.1f} ms (goal <= 16 ms); "
              f"{row['floor_name']}: {row['floor_seconds'] * 1000:.1f} ms; ratio "
              f"{row['seconds'] / row['floor_seconds']:.2f}")
