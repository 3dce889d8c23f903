"""Find in the preview (Ctrl+F) and the PDF written from the same HTML as the preview."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from smpolicy_desktop.document import to_html
from smpolicy_desktop.render import render_document
from tests.conftest import require_tool
from ui.find_bar import FindBar
from ui.printing import pdf_bytes


def test_find_highlights_every_match_and_steps_through_them(qtbot, example_project):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    view = QTextBrowser()
    view.setHtml(to_html(render_document(example_project)))
    bar = FindBar(view)
    layout.addWidget(view)
    layout.addWidget(bar)
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    qtbot.waitExposed(holder)
    bar.open_bar()
    assert bar.isVisible()
    qtbot.waitUntil(bar.box.hasFocus)
    qtbot.keyClicks(bar.box, "northwind")
    matches = len(view.extraSelections())
    assert matches >= 2 and bar.count.text() == f"{matches} found"
    first = view.textCursor().selectionStart()
    assert view.textCursor().selectedText().lower() == "northwind"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert view.textCursor().selectionStart() > first
    bar.find(forward=False)
    assert view.textCursor().selectionStart() == first
    qtbot.keyClicks(bar.box, "zzz")
    assert bar.count.text() == "Not found" and not view.extraSelections()
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_the_pdf_says_what_the_preview_says(tmp_path, example_project):
    pdftotext = require_tool("pdftotext")
    html = to_html(render_document(example_project))
    path = tmp_path / "policy.pdf"
    path.write_bytes(pdf_bytes(html, "Northwind social media policy", letter=True))
    text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert example_project.company.name in text
    assert "Purpose and scope" in text
    info = subprocess.run([pdftotext.replace("pdftotext", "pdfinfo"), str(path)],
                          capture_output=True, text=True, check=True).stdout
    assert "letter" in info and "Northwind social media policy" in info
