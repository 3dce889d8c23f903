"""Benchmark: the preview's refresh after an edit (render + setHtml), p95 over 200 edits.

The floor is a bare QTextBrowser.setHtml of the same HTML, measured in the same run.
Run: .venv/bin/python -m tests.bench.bench_preview
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "assets" / "examples" / "northwind.smpolicy"
EDITS = 200


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure() -> list[dict]:
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from smpolicy_desktop.storage import load_project
    from ui.preview import PolicyPreview
    from ui.project_model import ProjectModel

    app = QApplication.instance() or QApplication([])
    model = ProjectModel(load_project(EXAMPLE))
    preview = PolicyPreview(model)
    preview.resize(560, 800)
    preview.show()
    bare = QTextBrowser()
    bare.resize(560, 800)
    bare.show()
    name = model.project.company.name or "Northwind"
    refreshes, floors = [], []
    for edit in range(EDITS):
        model.set_value(("company", "name"), f"{name} {edit}")  # what typing does
        started = time.perf_counter()
        preview.refresh()
        refreshes.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare.setHtml(preview.html)
        floors.append(time.perf_counter() - started)
        app.processEvents()
    return [{"name": f"preview refresh after an edit (p95 of {EDITS})",
             "seconds": p95(refreshes),
             "floor_name": "bare QTextBrowser.setHtml of the same HTML (p95)",
             "floor_seconds": p95(floors)}]


if __name__ == "__main__":
    for row in measure():
        print(row)
        print(f"{row['name']}: {row['seconds'] * 1000:.1f} ms (target < 16 ms); "
              f"{row['floor_name']}: {row['floor_seconds'] * 1000:.1f} ms; ratio "
              f"{row['seconds'] / row['floor_seconds']:.2f}")
