"""Benchmark: how long the Word export of the largest preset takes, against two floors.

Floors, measured in the same run: raw python-docx writing the same paragraphs and tables (with
its own template, and with ours), and `pandoc -f html -t docx` on the preview HTML.
Run: .venv/bin/python -m tests.bench.bench_export
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median

import docx

from smpolicy_desktop.document import Document, to_html
from smpolicy_desktop.docx_export import write_docx
from smpolicy_desktop.model import Project
from smpolicy_desktop.presets import presets
from smpolicy_desktop.render import render_document
from smpolicy_desktop.resources import resource_path
from tests.docx_projects import record_sent

RUNS = 7
RAW_STYLES = {"title": "Title", "subtitle": "Subtitle", "heading1": "Heading 1",
              "heading2": "Heading 2", "bullet": "List Bullet", "numbered": "List Number"}


def largest_preset() -> tuple[str, Project]:
    """The preset whose policy has the most lines of text."""
    name, preset = max(presets().items(),
                       key=lambda item: len(render_document(item[1].project()).text_lines()))
    return name, preset.project()


def seconds(work: Callable[[], object]) -> float:
    """Median wall time of a few runs, after one warm-up run."""
    work()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return median(times)


def smpolicy_export(project: Project, **options: object) -> bytes:
    handle = io.BytesIO()
    write_docx(render_document(project), handle, **options)
    return handle.getvalue()


def raw_python_docx(document: Document, template: str | None = None) -> bytes:
    """What the plainest python-docx script would do with the same blocks."""
    word = docx.Document(template)
    for block in document.blocks:
        if block.kind == "table":
            table = word.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            for row, cells in zip(table.rows, block.rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
        else:
            word.add_paragraph(block.text, RAW_STYLES.get(block.kind))
    handle = io.BytesIO()
    word.save(handle)
    return handle.getvalue()


def pandoc_from_html(document: Document, folder: Path) -> None:
    source = folder / "preview.html"
    source.write_text(to_html(document, standalone=True), encoding="utf-8")
    subprocess.run(["pandoc", "-f", "html", "-t", "docx", "-o", str(folder / "pandoc.docx"),
                    str(source)], check=True)


def measure() -> list[dict[str, object]]:
    name, project = largest_preset()
    document = render_document(project)
    remembered = project.model_copy(deep=True)
    record_sent(remembered)
    remembered.training.when_trained = "In the first week, and every spring"
    ours = seconds(lambda: smpolicy_export(project))
    raw = seconds(lambda: raw_python_docx(document))
    reference = str(resource_path("templates", "reference.docx"))
    raw_ours = seconds(lambda: raw_python_docx(document, reference))
    rows = [
        {"name": f"smpolicy export, {name} preset (render + write .docx)", "seconds": ours,
         "floor_name": "raw python-docx, same paragraphs and tables", "floor_seconds": raw},
        {"name": f"smpolicy export, {name} preset", "seconds": ours,
         "floor_name": "raw python-docx on our reference.docx", "floor_seconds": raw_ours},
        {"name": "smpolicy export with changes since last (tracked changes)",
         "seconds": seconds(lambda: smpolicy_export(
             remembered, changes_since=remembered.sent_versions[-1])),
         "floor_name": "raw python-docx on our reference.docx", "floor_seconds": raw_ours},
    ]
    if shutil.which("pandoc"):
        with tempfile.TemporaryDirectory() as folder:
            pandoc = seconds(lambda: pandoc_from_html(document, Path(folder)))
        rows.append({"name": f"smpolicy export, {name} preset", "seconds": ours,
                     "floor_name": "pandoc -f html -t docx on the preview HTML",
                     "floor_seconds": pandoc})
    return rows


if __name__ == "__main__":
    for row in measure():
        ratio = row["seconds"] / row["floor_seconds"]
        print(f"{row['name']}: {row['seconds'] * 1000:.1f} ms | {row['floor_name']}: "
              f"{row['floor_seconds'] * 1000:.1f} ms | ratio {ratio:.2f}x")
