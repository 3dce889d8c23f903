"""Find in the preview (Ctrl+F) and the PDF written from the same HTML as the preview."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from smpolicy_desktop.document import to_html
from smpolicy_desktop.render import render_document
from smpolicy_desktop.workspace import Workspace
from tests.conftest import require_tool
from ui.find_bar import FindBar
from ui.printing import register_pdf


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


@pytest.mark.parametrize(("country", "paper"), [("US", "letter"), ("GB", "A4"), ("CA", "letter")])
def test_export_to_pdf_goes_through_the_registry_and_says_what_the_preview_says(
        qtbot, tmp_path, example_project, country, paper):
    """On the paper the business's country uses, as its Word file, whatever the computer's
    locale (an Ontario firm's PDF was A4, its Word file Letter; found by a tester)."""
    pdftotext = require_tool("pdftotext")
    register_pdf()
    example_project.company.country = country
    workspace = Workspace(example_project)
    path = workspace.export(tmp_path / "policy.pdf", "pdf")
    text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert example_project.company.name in text
    preview = QTextBrowser()
    preview.setHtml(to_html(workspace.document()))
    first_heading = next(line for line in preview.toPlainText().splitlines()
                         if line.startswith("1 "))
    assert first_heading in text
    info = subprocess.run([pdftotext.replace("pdftotext", "pdfinfo"), str(path)],
                          capture_output=True, text=True, check=True).stdout
    assert paper in info
    assert f"{workspace.document().title} - {example_project.company.name}" in info
    pages = text.split("\f")[:-1]  # as the Word file: the mark and what it is on every page
    assert len(pages) > 3 and all(
        "DRAFT" in page and f"Page {number} of {len(pages)}" in page
        and f"{example_project.company.name}, version" in page
        for number, page in enumerate(pages, start=1))


def find_bar_on(qtbot, document) -> tuple[QTextBrowser, FindBar]:
    from ui.preview import PolicyPreview

    view = PolicyPreview()
    view.show_document(document)
    bar = FindBar(view)
    qtbot.addWidget(view)
    qtbot.addWidget(bar)
    return view, bar


def test_a_phrase_is_found_across_the_pieces_of_a_long_paragraph(qtbot, example_project):
    """A paragraph of more than 2,000 characters shows in pieces joined where a space was;
    a phrase that spans two of them is found and selected whole."""
    from smpolicy_desktop.document import PIECE

    example_project.training.consequences = " ".join(
        f"Breaking rule {number} is handled fairly." for number in range(600))
    view, bar = find_bar_on(qtbot, render_document(example_project))
    piece = view.document().findBlock(view.toPlainText().index("Breaking"))
    assert len(piece.text()) <= PIECE < len(example_project.training.consequences)
    last_words = " ".join(piece.text().split()[-4:])
    first_words = " ".join(piece.next().text().split()[:4])
    phrase = f"{last_words} {first_words}".upper()  # case does not matter either
    bar.box.setText(phrase)
    assert bar.count.text() == "1 found"
    assert view.textCursor().selectedText().replace("\u2029", " ").upper() == phrase


def test_matches_after_an_emoji_are_selected_where_they_are(qtbot, example_project):
    example_project.company.name = "Northwind \U0001f600 Traders \U0001f680"
    view, bar = find_bar_on(qtbot, render_document(example_project))
    bar.box.setText("traders")
    assert bar.count.text().endswith("found") and bar.count.text() != "Not found"
    for selection in view.extraSelections():
        assert selection.cursor.selectedText().lower() == "traders"
    bar.find(forward=True)
    assert view.textCursor().selectedText().lower() == "traders"


def test_a_print_has_the_pdfs_margins_and_a_long_footer_wraps_whole(qtbot, tmp_path, monkeypatch,
                                                                    example_project):
    """A print had no margins (the DRAFT mark and page numbers 10 pt from the paper's edge),
    and a company name of 79 characters cut the footer at both ends, the draft's date too
    (both found by testers). pdftotext reads clipped text too: the wrap itself was seen on
    the page rendered (pdftoppm), not here."""
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrintDialog

    from ui import printing

    pdftotext = require_tool("pdftotext")
    example_project.company.name = ("Northwind Analytics & Consulting Cooperative Association "
                                    "of Central Ohio, Inc.")
    workspace = Workspace(example_project)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    printed = []
    monkeypatch.setattr(printing, "_print", lambda document, device: printed.append(
        device.pageLayout().margins(QPageLayout.Unit.Millimeter)))
    assert printing.print_policy(None, workspace.document(), "policy")
    assert [(m.left(), m.top(), m.right(), m.bottom()) for m in printed] == \
        [(printing.MARGIN_MM,) * 4]
    monkeypatch.undo()
    register_pdf()
    path = workspace.export(tmp_path / "policy.pdf", "pdf")
    pages = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    flat = [" ".join(page.split()) for page in pages]
    assert all("Central Ohio, Inc., version 1.1, draft of" in page for page in flat)
