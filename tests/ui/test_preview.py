"""The preview rewrites only the words an edit changed, and what it shows is always what a
fresh load of the same Document shows: the same text, formats, tables and anchors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from smpolicy_desktop.document import in_section, to_html
from smpolicy_desktop.model import ClauseWording, Project, Reviewer
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project
from tests.conftest import EXAMPLE
from ui.preview import HIGHLIGHT, PolicyPreview, _table


def as_loaded(document, beside: PolicyPreview) -> str:
    """The preview's document as Qt writes it back, had this Document been loaded afresh in a
    preview of the same size (its tables' columns are sized to the view)."""
    fresh = PolicyPreview()
    fresh.resize(beside.size())
    fresh.show()
    fresh.show_document(document)
    html = fresh.document().toHtml()
    fresh.close()
    return html


def highlighted(preview, block: QTextBlock) -> bool:
    """Whether the block shows on the highlight: the view's left edge beside it, scrolled
    into view, has the highlight's colour."""
    cursor = QTextCursor(block)
    preview.setTextCursor(cursor)
    preview.ensureCursorVisible()
    y = preview.cursorRect(cursor).center().y()
    return preview.viewport().grab().toImage().pixelColor(2, y).name() == HIGHLIGHT


def block_starting(preview, text: str) -> QTextBlock:
    block = preview.document().begin()
    while not block.text().startswith(text):
        block = block.next()
    return block


def heading(document, area: str) -> str:
    """The first line of the section where the area's answers show."""
    section = Project.areas()[area].section
    return next(b.text for b in document.blocks if in_section(b, section))


EDITS = {
    "the company's name, in every section": lambda p: setattr(p.company, "name", "Süd & <Co>"),
    "a list row": lambda p: p.presence.we_never_publish.__setitem__(0, "Nothing about **clients**"),
    "a table cell": lambda p: setattr(p.presence.accounts[0], "platform", "Mastodon"),
    "a lead-in in bold": lambda p: setattr(p.employees, "confidential_info",
                                           ["Client names", "Pay of others"]),
    "the title block": lambda p: setattr(p.company, "version", "2.0"),
    "the owner's wording": lambda p: p.wording.append(
        ClauseWording(clause_id="presence.never", text="Our own words.")),
}


@pytest.fixture
def preview(qtbot):
    shown = PolicyPreview()
    qtbot.addWidget(shown)
    shown.resize(560, 700)
    shown.show()
    return shown


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_shows_what_a_fresh_load_shows(preview, edit):
    project = load_project(EXAMPLE)
    preview.show_document(render_document(project))
    EDITS[edit](project)
    document = render_document(project)
    preview.show_document(document)
    assert preview.document().toHtml() == as_loaded(document, preview)
    assert preview.html == to_html(document)


def test_words_are_rewritten_in_place_and_the_view_stays_where_it_was(preview, monkeypatch):
    project = load_project(EXAMPLE)
    preview.show_document(render_document(project))
    preview.verticalScrollBar().setValue(900)
    loads = []
    monkeypatch.setattr(preview, "setHtml", lambda html: loads.append(html))
    for number in range(5):
        project.company.name = f"Northwind {number}"
        preview.show_document(render_document(project))
    assert loads == []
    assert preview.verticalScrollBar().value() == 900
    assert "Northwind 4" in preview.toPlainText()


def test_words_rewritten_again_and_again_at_typing_speed_all_show(qtbot):
    """A name typed letter by letter, each letter a rewrite before Qt had laid the last one
    out: from section 3 on the preview showed only its tables (found by a tester)."""
    from smpolicy_desktop.presets import presets

    project = presets()["retail_consumer"].project()
    preview = PolicyPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 700)
    preview.show()
    preview.show_document(render_document(project))
    for typed in ("P", "Pa", "Pat", "Pat ", "Pat L"):
        project.company.owner_name = typed
        preview.show_document(render_document(project))
    qtbot.wait(100)
    block, blank = preview.document().begin(), []
    while block.isValid():
        if block.text() and block.layout().lineCount() == 0:
            blank.append(block.text())
        block = block.next()
    assert blank == []


def test_a_new_block_or_table_row_loads_the_document_afresh(preview):
    project = load_project(EXAMPLE)
    preview.show_document(render_document(project))
    project.presence.we_never_publish.append("Anything about a lawsuit")
    project.review.reviewers.append(Reviewer(name="Ada Brown", role="Counsel"))
    document = render_document(project)
    preview.show_document(document)
    assert "Anything about a lawsuit" in preview.toPlainText()
    assert preview.document().toHtml() == as_loaded(document, preview)


def test_after_many_edits_the_text_still_matches_block_for_block(preview):
    project = load_project(EXAMPLE)
    for number in range(30):
        project.company.name = f"Acme {number}"
        project.presence.we_never_publish[0] = f"Item {number}"
        preview.show_document(render_document(project))
    document = render_document(project)
    reference = QTextDocument()
    reference.setHtml(to_html(document))
    assert preview.toPlainText() == reference.toPlainText()


def test_the_highlight_moves_in_place_from_section_to_section(preview, monkeypatch):
    project = load_project(EXAMPLE)
    document = render_document(project)
    preview.show_document(document)
    loads = []
    monkeypatch.setattr(preview, "setHtml", lambda html: loads.append(html))
    areas = ("company", "presence", "employees", "presence", "review")
    for area, before in zip(areas, ("review", *areas), strict=False):
        preview.show_area(area)
        assert highlighted(preview, block_starting(preview, heading(document, area)))
        assert not highlighted(preview, block_starting(preview, heading(document, before))) \
            or area == before
    preview.show_clause("presence.accounts")  # a clause with a table
    assert highlighted(preview, block_starting(preview, "Platform"))  # its first cell
    assert not highlighted(preview, block_starting(preview, heading(document, "presence")))
    assert preview.document().toHtml() == as_loaded(document, preview)  # the text itself untouched
    assert loads == []


def test_an_edit_in_another_area_highlights_and_scrolls_to_its_section(preview):
    project = load_project(EXAMPLE)
    preview.show_document(render_document(project))
    preview.follow_edit(("review", "distribution"))
    project.review.distribution = "By email to everyone"
    document = render_document(project)
    preview.show_document(document)
    assert preview.document().toHtml() == as_loaded(document, preview)
    assert highlighted(preview, block_starting(preview, heading(document, "review")))
    assert preview.verticalScrollBar().value() > 0


def in_view(preview, text: str) -> bool:
    found = preview.document().find(text)
    return preview.viewport().rect().contains(preview.cursorRect(found))


def test_an_edit_far_down_its_section_is_scrolled_into_view(preview):
    """The preview followed the area, not the answer: with section 6 at its top, the new words
    of the holding statement (6.6) were out of sight below."""
    project = load_project(EXAMPLE)
    preview.show_document(render_document(project))
    preview.show_area("responses")
    preview.follow_edit(("responses", "holding_statement"))
    project.responses.holding_statement = "We know the site is down and are on it."
    preview.show_document(render_document(project))
    assert in_view(preview, "We know the site is down and are on it.")
    assert highlighted(preview, block_starting(preview, heading(render_document(project),
                                                                "responses")))


def test_a_narrower_preview_keeps_the_section_in_view(preview, qtbot):
    preview.resize(600, 600)
    preview.show_document(render_document(load_project(EXAMPLE)))
    preview.show_area("employees")
    top = preview.cursorForPosition(QPoint(5, 5)).block().text()
    assert top.endswith("Guidelines for employees")
    preview.resize(350, 600)  # the risk check's dock opens beside it
    qtbot.wait(10)
    assert preview.cursorForPosition(QPoint(5, 5)).block().text() == top


def test_resized_again_and_again_as_the_window_opens_the_preview_keeps_its_place(
        preview, qtbot):
    """Resized several times before it was laid out anew (as the window opens at 2x on a
    laptop), the preview read its top line off a stale layout and opened at section 3
    (found by testers). The top stays the top; a place scrolled to stays too."""
    preview.show_document(render_document(load_project(EXAMPLE)))
    for width in (260, 190, 195, 181):  # no paint between them
        preview.resize(width, 300)
    assert preview.verticalScrollBar().value() == 0
    preview.resize(560, 700)
    qtbot.wait(10)
    preview.show_area("voice")
    top = preview.cursorForPosition(QPoint(5, 5)).block().text()
    for width in (400, 300, 320, 280):
        preview.resize(width, 500)
    qtbot.wait(10)
    assert preview.cursorForPosition(QPoint(5, 5)).block().text() == top



@pytest.mark.parametrize("width", [450, 400, 373])  # 373: the widest table's words just fit
def test_a_narrower_preview_never_scrolls_sideways(preview, qtbot, width):
    """The text wraps to the view: no scroll bar or sideways scrolling after it narrows,
    while its tables' words fit (narrower, see the test below)."""
    preview.resize(1000, 600)
    preview.show_document(render_document(load_project(EXAMPLE)))
    qtbot.wait(10)
    preview.resize(width, 600)
    bar = preview.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() <= 1)  # once laid out anew; a border's rounding
    assert not bar.isVisible()


LONG = " ".join(["Breaking the policy is handled fairly and in proportion."] * 400)


def words(text: str) -> list[str]:
    return text.split()


def paragraph_pieces(preview, start: str) -> list:
    """The QTextBlocks from the one starting with `start` up to the next empty or short one."""
    block = preview.document().begin()
    while not block.text().startswith(start):
        block = block.next()
    pieces = [block]
    while pieces[-1].next().text().startswith("Breaking"):
        pieces.append(pieces[-1].next())
    return pieces


def test_a_long_paragraph_shows_in_pieces_that_read_as_one(preview):
    from smpolicy_desktop.document import PIECE

    project = load_project(EXAMPLE)
    project.training.consequences = LONG
    preview.section = "training"
    preview.show_document(render_document(project))
    pieces = paragraph_pieces(preview, "Breaking")
    assert len(pieces) == len(LONG) // PIECE + 1
    assert " ".join(piece.text() for piece in pieces) == LONG
    assert highlighted(preview, pieces[0]) and highlighted(preview, pieces[-1])
    margins = [(p.blockFormat().topMargin(), p.blockFormat().bottomMargin()) for p in pieces]
    assert margins[0][1] == margins[-1][0] == 0 and margins[0][0] > 0 and margins[-1][1] > 0


@pytest.mark.parametrize("edit, in_place", [
    (lambda text: text[:5000] + "very " + text[5000:], True),  # typing inside a piece
    (lambda text: text + " Done.", True),
    (lambda text: text.replace("fairly", "firmly"), False),  # every piece: loaded afresh
    (lambda text: text[:100] + LONG + text[100:], False),  # a long paste
])
def test_an_edit_in_a_long_paragraph_shows_what_a_fresh_load_shows(preview, monkeypatch,
                                                                    edit, in_place):
    project = load_project(EXAMPLE)
    project.training.consequences = LONG
    preview.show_document(render_document(project))
    project.training.consequences = edit(LONG)
    document = render_document(project)
    loads = []
    set_html = preview.setHtml
    monkeypatch.setattr(preview, "setHtml", lambda html: loads.append(html) or set_html(html))
    preview.show_document(document)
    fresh = PolicyPreview()
    fresh.show_document(document)
    assert words(preview.toPlainText()) == words(fresh.toPlainText())
    assert (loads == []) == in_place
    project.training.consequences += " Again."  # the places still match after the rewrite
    again = render_document(project)
    preview.show_document(again)
    fresh.show_document(again)
    assert words(preview.toPlainText()) == words(fresh.toPlainText())


def test_an_edit_after_an_emoji_in_a_long_paragraph_lands_where_it_was_made(preview,
                                                                             monkeypatch):
    """Qt counts an emoji as two characters, the policy as one: the preview rewrote the words
    a letter off ("We willNOTt comment further"; found by a tester)."""
    project = load_project(EXAMPLE)
    project.training.consequences = "Our team \U0001F600 will say this. " + LONG
    preview.show_document(render_document(project))
    project.training.consequences = project.training.consequences[:5000] + "NOT " + \
        project.training.consequences[5000:]
    document = render_document(project)
    monkeypatch.setattr(preview, "setHtml", lambda html: pytest.fail("loaded afresh"))
    preview.show_document(document)
    fresh = PolicyPreview()
    fresh.show_document(document)
    assert words(preview.toPlainText()) == words(fresh.toPlainText())


@pytest.mark.parametrize("kind", ["full", "short"])
def test_every_section_and_clause_is_one_run_of_blocks_for_the_band(kind):
    from smpolicy_desktop.presets import presets

    for preset in presets().values():
        blocks = render_document(preset.project(), kind).blocks
        for section in {block.clause_id for block in blocks}:
            inside = [n for n, block in enumerate(blocks) if in_section(block, section)]
            assert inside == list(range(inside[0], inside[-1] + 1)), section


@pytest.mark.parametrize("width", [260, 520, 760])  # narrow, 1366x768, 1920x1080
def test_a_table_cells_words_never_run_into_the_next_column(qtbot, width):
    """The official accounts as the preview shows them: every cell's words end well before the
    next column's begin (the cells wrap), and the heading after the table stands clear of it."""
    from smpolicy_desktop.presets import presets

    preview = PolicyPreview()
    qtbot.addWidget(preview)
    preview.resize(width, 600)
    preview.show()
    preview.show_document(render_document(presets()["professional_services"].project()))
    layout = preview.document().documentLayout()
    table = _table(block_starting(preview, "Platform"))
    assert table.cellAt(2, 0).firstCursorPosition().block().text() == "Company website blog"

    def text_edges(row: int, column: int) -> tuple[float, float]:
        block = table.cellAt(row, column).firstCursorPosition().block()
        left = layout.blockBoundingRect(block).left()
        lines = [block.layout().lineAt(n) for n in range(block.layout().lineCount())]
        return left, left + max(line.x() + line.naturalTextWidth() for line in lines)

    for row in range(table.rows()):
        for column in range(table.columns() - 1):
            assert text_edges(row, column)[1] + 8 <= text_edges(row, column + 1)[0]
    last_row = max(layout.blockBoundingRect(table.cellAt(table.rows() - 1, column)
                                            .firstCursorPosition().block()).bottom()
                   for column in range(table.columns()))
    heading = block_starting(preview, "2.2 ")
    assert layout.blockBoundingRect(heading).top() >= last_row + 10


def split_words(preview, width: int) -> list[list[str]]:
    """The preview's tables, in order, laid out with the text `width` wide: the cells of each
    with a word split across two lines. A line ends at a space, at the end of the cell, or
    after a slash or hyphen (where a web address or 'day-to-day' breaks)."""
    preview.resize(width + preview.width() - preview.viewport().width(), 700)
    assert preview.document().textWidth() == width
    return words_split(preview)


def words_split(preview) -> list[list[str]]:
    """The preview's tables, in order, as it is laid out: the cells of each with a word split
    across two lines."""
    tables = []
    for table in preview.document().rootFrame().childFrames():
        cells = [table.cellAt(row, column).firstCursorPosition().block()
                 for row in range(table.rows()) for column in range(table.columns())]
        tables.append([
            cell.text() for cell in cells
            if any(cell.text()[line.textStart() + line.textLength() - 1] not in " /-"
                   for line in map(cell.layout().lineAt, range(cell.layout().lineCount() - 1)))])
    return tables


@pytest.mark.parametrize("width", [480, 420])
def test_a_narrow_preview_breaks_the_words_of_its_tables_only_at_spaces(preview, width):
    """Qt gave a table's columns equal shares and broke any word that did not fit its share:
    'Misinforma-tion', '@northwindanaly-tics' where every word fitted (found by testers). Each
    column is now as wide as its longest word, and the room left goes to the columns with
    the most to say."""
    preview.show_document(render_document(load_project(EXAMPLE)))
    assert split_words(preview, width) == [[]] * 6


def test_too_narrow_for_every_word_only_the_long_ones_break(preview):
    """In a window 1024 pixels wide the preview is too narrow for the longest words of the
    official accounts side by side: the handles break, the platforms, purposes and owners
    do not."""
    preview.show_document(render_document(load_project(EXAMPLE)))
    accounts = load_project(EXAMPLE).presence.accounts
    assert split_words(preview, 315)[0] == ["Handle or address"] + [  # the first table
        account.handle for account in accounts]


def test_after_its_next_paint_the_preview_calls_back_once_the_latest_asked_first(qtbot):
    """As the window's start uses it: the benchmarks' "filled" (asked last) is said before
    the window loads the rest of its panels (asked first)."""
    preview = PolicyPreview()
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    calls = []
    preview.after_next_paint(lambda: calls.append("load the rest"))
    preview.after_next_paint(lambda: calls.append("say filled"))
    preview.show_document(render_document(Project()))
    qtbot.waitUntil(lambda: len(calls) == 2)
    preview.viewport().repaint()
    qtbot.wait(20)
    assert calls == ["say filled", "load the rest"]


def test_in_a_dark_theme_the_preview_stays_the_printed_page(qtbot):
    """With a dark desktop theme the page's own colours (the band, table headers, risk marks,
    subtitles) were unreadable: white on cream, grey on black (found by a tester). The
    preview shows the policy dark on white, as it prints."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = app.palette()
    dark = QPalette(before)
    for role, colour in ((QPalette.ColorRole.Base, "#1b1e20"), (QPalette.ColorRole.Text, "#fcfcfc"),
                         (QPalette.ColorRole.Window, "#2a2e32")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        preview = PolicyPreview()
        qtbot.addWidget(preview)
        for palette in (preview.palette(),):
            assert palette.color(QPalette.ColorRole.Base) == QColor("white")
            assert palette.color(QPalette.ColorRole.Text) == QColor("black")
        app.setPalette(before)  # the theme changed back, and again: still the page
        app.setPalette(dark)
        assert preview.palette().color(QPalette.ColorRole.Base) == QColor("white")
    finally:
        app.setPalette(before)


@pytest.mark.parametrize("theme", ["dark", "high contrast black", "high contrast white"])
def test_the_frame_round_the_preview_with_the_keyboard_shows_on_the_page(
        qtbot, preview, desktop_theme, theme):
    """The frame was the theme's highlight colour: a high-contrast black theme's pale cyan on
    the white page, 1.3:1, not to be seen. It stands out from the page by 3:1 or more."""
    from ui.colours import contrast

    desktop_theme(theme)
    preview.setFocus()
    qtbot.waitUntil(preview.hasFocus)
    page = preview.viewport().grab().toImage()
    middle = page.height() // 2
    assert contrast(page.pixelColor(1, middle), page.pixelColor(8, middle)) >= 3


def test_beside_the_risk_check_the_preview_has_room_for_its_tables_words(qtbot, settings,
                                                                         answers):
    """On a portrait screen (1080x1920) beside the risk check, the form kept three fifths of
    the room, more than it needed, and the preview broke 'Misinform-ation' in its response
    table (so at 1366x768 at 1.25). Form and preview now share the room evenly."""
    from PySide6.QtWidgets import QTabWidget

    from ui.file_commands import example_project
    from ui.main_window import MainWindow, first_size

    window = MainWindow(settings)  # as the app starts: sized to the screen, then filled
    qtbot.addWidget(window)
    window.resize(*first_size(1080, 1880))
    window.start(example_project())
    window.show()
    qtbot.waitUntil(lambda: window.findings.summary.text() == "No risky sentences found.",
                    timeout=20_000)
    window.findings_dock.show()
    # laid out as the owner sees it: the area tabs across the top, where the side has no room
    qtbot.waitUntil(lambda: window.tabs.tabPosition() == QTabWidget.TabPosition.North)
    # laid out (the preview's tables fitted to its width), with no sideways scrolling
    qtbot.waitUntil(lambda: window.work.horizontalScrollBar().maximum() == 0 and all(
        not cells for cells in words_split(window.preview)[1:]), timeout=5_000)  # handles may break


@pytest.mark.parametrize(("points", "screen", "scrolls"),
                         [(15, (1024, 728), True), (10, (1920, 1040), False)])
def test_a_table_too_wide_for_the_preview_scrolls_inside_it_its_words_whole(
        qtbot, settings, answers, text_of, points, screen, scrolls):
    """With the desktop's text at 15 points on a 1024x768 screen, beside the risk check, the
    preview at its narrowest squeezed its 4-column tables to a few letters a line ('Sit / uat
    / ion', 'Acc / oun / t'). Such a table is now as wide as its words, and the preview
    scrolls sideways inside itself to show it; its other text still wraps to the view. On a
    screen with room, nothing scrolls sideways."""
    from ui.file_commands import example_project
    from ui.main_window import MainWindow, first_size

    text_of(points)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(*first_size(*screen))
    window.start(example_project())
    window.show()
    qtbot.waitUntil(lambda: window.findings.summary.text() == "No risky sentences found.",
                    timeout=20_000)
    window.findings_dock.show()
    preview = window.preview
    bar = preview.horizontalScrollBar()
    qtbot.waitUntil(lambda: all(not cells for cells in words_split(preview)[1:])
                    and bar.isVisible() == scrolls and (bar.maximum() > 0) == scrolls,
                    timeout=5_000)  # the handles, over 16 letters, may break
    # the policy's words wrap to the view: a paragraph's lines end inside it
    paragraph = block_starting(preview, "Use this table to decide")
    lines = [paragraph.layout().lineAt(n) for n in range(paragraph.layout().lineCount())]
    assert len(lines) > 1
    left = preview.document().documentLayout().blockBoundingRect(paragraph).left()
    assert all(left + line.naturalTextWidth() <= preview.viewport().width() for line in lines)
