"""The live preview: the rendered policy beside the forms, as the Word file will say it.

Shows each Document the workspace renders (the same one every export writes), keeps its scroll
position, and scrolls to and highlights the section of the area being edited, bringing the
words an edit changed there into view. An edit that changes words only rewrites those words in
place; it never loads anything from the network.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QPoint,
    QRectF,
    QRegularExpression,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
    QTextLength,
    QTextOption,
    QTextTable,
    QTextTableCell,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from smpolicy_desktop.document import (
    DRAFT_MARK,
    PIECE,
    Block,
    Document,
    as_previewed,
    in_section,
    qt_length,
    to_html,
)
from smpolicy_desktop.model import Project
from ui.colours import focus_colour
from ui.column_widths import column_widths

_MAY_BE_STRONG = ("paragraph", "bullet", "numbered", "signature")
READABLE_CHARACTERS = 32  # the narrowest preview: a short line of a paperback
SQUEEZED_COLUMN = 4  # characters a line: the least a table's column of long words keeps while
# the columns of short words keep their words whole
WHOLE_WORD = 16  # characters: a table's words up to this long ("Misinformation") are never
# broken, the table scrolling sideways in a preview too narrow for them; a longer one (a web
# address, a handle) breaks, its column squeezed as the view's width needs
HIGHLIGHT = "#fffcef"  # the section being edited: pale enough to read through
RISKY_LINE = "#c62828"  # the wavy line under a risky sentence (the tabs' warning colour)
RISKY_BACKGROUND = "#fdeaea"  # and a pale red behind it, to be seen at a glance


class PolicyPreview(QTextBrowser):
    """Shows the workspace's Document; `rendered` fires after each one is on screen, and
    `double_clicked` with the point (in the viewport) where the owner double-clicked."""

    rendered = Signal()
    double_clicked = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = ""
        self.shown: Document | None = None
        # Where each of the shown Document's blocks starts: a QTextBlock number (for a table,
        # its first cell's); None when the text could not be matched (every change reloads).
        self._places: list[int] | None = None
        # The highlight, a band painted behind the text: the QTextBlock numbers where the
        # section starts and where what follows it starts (None: the end), or None for none.
        self._band: tuple[int, int | None] | None = None
        self._band_for: tuple = ()  # the section and load it was placed for
        self._loads = 0
        self._kept_top: tuple[QTextCursor, int] | None = None  # see resizeEvent
        self.setObjectName("preview")
        self._on_paper()
        self.setOpenLinks(False)  # the document has anchors only; no link leaves the app
        self.setAccessibleName("Policy preview")
        self.document().setDocumentMargin(14)
        # The text wraps to the view; only a table too wide for its words (WHOLE_WORD) scrolls
        # sideways, inside the preview.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Never a column of a few letters a line: in a window too narrow for forms and preview
        # side by side (1366x768 at 2x), the work scrolls sideways to a preview one can read.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * READABLE_CHARACTERS)
        self._scroll_pending = False
        self._edited = False  # an answer changed: the next document shows where (follow_edit)
        self._risky: list[str] = []  # the sentences the risk check found risky
        # The marks drawn over the text, by who asked: "risky" (mark_risky), "found" (find bar)
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {"risky": [], "found": []}
        self._after_paint: list[Callable[[], object]] = []

    def after_next_paint(self, callback: Callable[[], object]) -> None:
        """Call back one turn of the event loop after the preview's next paint, so that what
        it drew is on screen before the call-back's work begins; the latest asked first, as
        Qt calls event filters (the start's SMPOLICY_SAY_FILLED asks after the window, which
        then loads its panels). The preview tells it itself: watching its viewport's paints
        would ask PySide for the viewport, which the first time takes some 20 ms (PySide works
        out the widget's Python type) just as the window fills."""
        self._after_paint.insert(0, callback)

    def _on_paper(self) -> None:
        """The policy is shown as it prints, dark on white, whatever the desktop's theme: in a
        dark theme its band, table headers, risk marks and subtitles (colours of the page)
        were unreadable, white on cream or grey on black (found by a tester)."""
        palette = self.palette()
        for role, colour in ((QPalette.ColorRole.Base, Qt.GlobalColor.white),
                             (QPalette.ColorRole.Text, Qt.GlobalColor.black)):
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                palette.setColor(group, role, colour)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and \
                self.palette().color(QPalette.ColorRole.Base) != Qt.GlobalColor.white:
            self._on_paper()  # the desktop's theme changed while the app ran
        elif event.type() == QEvent.Type.FontChange:
            self._fit_tables()  # zoomed (Ctrl+wheel): the words are wider or narrower

    def mark_risky(self, sentences: list[str]) -> None:
        """Underline each of these sentences with a wavy red line, wherever it shows."""
        self._risky = sentences
        self._draw_risky()

    def _draw_risky(self) -> None:
        marks = []
        line = QTextCharFormat()
        line.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        line.setUnderlineColor(QColor(RISKY_LINE))
        line.setBackground(QColor(RISKY_BACKGROUND))
        if self._risky:  # one pass for all of them: a find each read the whole policy again
            # (50 risky rows of a 1,000-row policy took 15 ms a render, now 2.4)
            pattern = _whole_sentences(self._risky)
            found = self.document().find(pattern)
            while not found.isNull():
                mark = QTextEdit.ExtraSelection()
                mark.cursor, mark.format = found, line
                marks.append(mark)
                found = self.document().find(pattern, found)
        self.show_marks(marks, "risky")

    def show_marks(self, marks: list[QTextEdit.ExtraSelection], kind: str = "found") -> None:
        """Draw these marks in place of the earlier ones of their kind; the other kind's stay
        (closing the find bar took the risky sentences' underlines with its highlights)."""
        self._marks[kind] = marks
        self.setExtraSelections(self._marks["risky"] + self._marks["found"])

    @property
    def html(self) -> str:
        """The HTML of what is shown, as the core writes it ("" before the first document)."""
        return to_html(self.shown) if self.shown else ""

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit(event.position().toPoint())  # in place of selecting a word

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the reader's place: the text at the top stays at the top when the width
        changes (a dock opens, the window is resized) and the lines wrap anew."""
        bar = self.verticalScrollBar()
        # Asked again before the text is laid out anew (resizes one after another as the
        # window opens), the text at the top was read off a stale layout, and the preview
        # opened at section 3 (at 2x on a laptop; found by testers): the place kept last is
        # kept while the view has not moved since, and the very top stays the top.
        kept, at_top = self._kept_top, bar.value() == 0
        top = kept[0] if kept and kept[1] == bar.value() else self.cursorForPosition(QPoint())
        if event.size().width() != event.oldSize().width():
            self._fit_tables()  # the view has its new width; Qt wraps the text to it next
        super().resizeEvent(event)
        if event.size().width() < event.oldSize().width():  # Qt keeps the wider width else
            self.document().markContentsDirty(0, self.document().characterCount())
        if not at_top:
            bar.setValue(bar.value() + self.cursorRect(top).top())
        self._kept_top = (top, bar.value())

    def loadResource(self, kind: int, url: QUrl) -> object:
        # Images or style sheets named in user text are never fetched, local or remote.
        return None

    def show_area(self, area: str) -> None:
        """Highlight and scroll to the section where this area's answers show."""
        self._go_to(Project.areas()[area].section)

    def show_clause(self, clause_id: str) -> None:
        """Highlight and scroll to one clause (a finding of the risk check is about it)."""
        self._go_to(clause_id)

    def follow_edit(self, path: tuple) -> None:
        """An edit: the next document shown scrolls to its area's section, if another, and
        brings the words that changed there into view (the owner's wording and other records
        are no area: the view stays where it is)."""
        area = Project.areas().get(str(path[0])) if path else None
        section = area.section if area else ""
        if section and section != self.section:
            self.section = section
            self._scroll_pending = True
        self._edited = bool(section)

    def _go_to(self, section: str) -> None:
        if section != self.section:
            self.section = section
            if self.shown is not None:
                self.show_document(self.shown, scroll_to_section=True)

    def show_document(self, document: Document, scroll_to_section: bool = False) -> None:
        scroll_to_section = scroll_to_section or self._scroll_pending
        edited, self._scroll_pending, self._edited = self._edited, False, False
        document = as_previewed(document)
        before = self.shown
        if not self._rewrite_words(document):
            self._load(document)
        self.shown = document
        self._place_band()
        if scroll_to_section and self.section:
            self.scrollToAnchor(self.section)
        if edited and before is not None:
            self._bring_into_view(_first_change(before, document, self.section))
        self.rendered.emit()

    def _bring_into_view(self, index: int | None) -> None:
        """Scroll the shown Document's block at `index` a third of the way down the view,
        unless it shows already."""
        if index is None or self._places is None:
            return
        top, bar = self._top(self._places[index]), self.verticalScrollBar()
        height = self.viewport().height()
        if not bar.value() <= top <= bar.value() + height - 2 * self.fontMetrics().lineSpacing():
            bar.setValue(round(top - height / 3))

    def _load(self, document: Document) -> None:
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(to_html(document))
        self._fit_tables()
        self._loads += 1
        self._kept_top = None
        self._places = _places(self.document().begin(), document)
        # New text: marks on the old point nowhere (words rewritten in place keep theirs); the
        # find bar finds again when told `rendered`.
        self._marks["found"] = []
        self._draw_risky()
        bar.setValue(position)

    def _place_band(self) -> None:
        """Put the highlight on self.section (none while the text could not be placed). Words
        rewritten in place leave it where it was."""
        if self._band_for == (self.section, self._loads):
            return
        self._band_for = (self.section, self._loads)
        band = None
        if self.shown is not None and self._places is not None:
            inside = [n for n, block in enumerate(self.shown.blocks)
                      if in_section(block, self.section)]
            if inside:
                after = inside[-1] + 1
                band = (self._places[inside[0]],
                        self._places[after] if after < len(self._places) else None)
        if band != self._band:
            self._band = band
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The highlight first, as a pale band the width of the view, then the text."""
        if self._band is not None:
            first, after = self._band
            top = self._top(first)
            bottom = self._top(after) if after is not None else \
                self.document().documentLayout().documentSize().height()
            painter = QPainter(self.viewport())
            painter.fillRect(QRectF(0, top - self.verticalScrollBar().value(),
                                    self.viewport().width(), bottom - top), QColor(HIGHLIGHT))
            painter.end()
        super().paintEvent(event)
        if self.hasFocus():  # the keyboard is here: a frame says so (nothing did; a tester)
            painter = QPainter(self.viewport())
            palette = self.palette()
            painter.setPen(QPen(focus_colour(palette, palette.color(QPalette.ColorRole.Base)), 2))
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
            painter.end()
        for callback in self._after_paint:
            QTimer.singleShot(0, callback)
        self._after_paint.clear()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Home and End (with Ctrl too) go to the policy's start and end, and Shift+F10
        opens the menu, as the Menu key does (they did nothing; found by a tester)."""
        bar, key = self.verticalScrollBar(), event.key()
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            bar.setValue(bar.minimum() if key == Qt.Key.Key_Home else bar.maximum())
        elif key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            self._keyboard_menu()
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and \
                event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._keyboard_menu()
            return True
        return super().event(event)

    def _keyboard_menu(self) -> None:
        """The menu the Menu key opens, on the words the keyboard is at if they show (found
        with Ctrl+F), else on the first line in view: it opened on the policy's last clause
        and scrolled there (found by a tester)."""
        if self.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            return
        at = self.cursorRect().center()
        if not self.viewport().rect().contains(at):
            margin = round(self.document().documentMargin())
            at = QPoint(margin + 2, margin + self.fontMetrics().height() // 2)
        self.customContextMenuRequested.emit(at)

    def _fit_tables(self, tables: list[QTextTable] | None = None) -> None:
        """Size the columns of these tables (all, if None) to the width of the view."""
        document = self.document()
        # The room for the columns: the view's width (the text's, once Qt has wrapped it anew)
        # inside the page's margins and the table's outer border
        room = math.floor(self.viewport().width() - 2 * document.documentMargin()) - 2
        character = QFontMetricsF(document.defaultFont()).averageCharWidth()
        for table in tables if tables is not None else document.rootFrame().childFrames():
            if isinstance(table, QTextTable):  # the preview's only frames are tables
                _fit_columns(table, room, character)

    def _top(self, number: int) -> float:
        """Where a block (a table: its frame) starts, in the document's coordinates."""
        block = self.document().findBlockByNumber(number)
        table, layout = _table(block), self.document().documentLayout()
        return (layout.frameBoundingRect(table) if table else layout.blockBoundingRect(block)).top()

    def _rewrite_words(self, new: Document) -> bool:
        """Show `new` by rewriting the words that changed, if nothing else did."""
        old, places = self.shown, self._places
        if old is None or places is None or old.draft != new.draft \
                or len(old.blocks) != len(new.blocks):
            return False
        changed = [(place, a, b) for place, a, b in zip(places, old.blocks, new.blocks, strict=True)
                   if a is not b and a != b]  # a section rendered again gives new blocks
        if not all(_same_shape(a, b) for _, a, b in changed):
            return False
        layout, last = self.document().documentLayout(), self.document().lastBlock()
        for place, a, b in changed:
            # Qt lays an edited text out again lazily, a stretch at a time; edited again
            # before it was done (a name in every section, typed letter by letter), the
            # blocks it had not reached were never laid out and showed blank until the width
            # changed (found by a tester). Each edit finds the text laid out to its end (once
            # laid out, that costs next to nothing).
            layout.blockBoundingRect(last)
            first = self.document().findBlockByNumber(place)
            if b.kind == "table":
                self._fit_tables([_rewrite_cells(first, a, b)])
            elif max(len(a.text), len(b.text)) <= PIECE:
                _rewrite_block(first, b)
            elif not _rewrite_piece(first, a, b):
                return False
        return True


def _whole_sentences(sentences: list[str]) -> QRegularExpression:
    """A case-insensitive pattern of the sentences, the longest first (a sentence inside
    another is marked by the longer one), each never part of a longer word: "team 1" is not
    found in "team 10". An end that is punctuation needs no boundary ("civil." before "Next")."""
    def edge(character: str) -> str:
        return r"\b" if character.isalnum() or character == "_" else ""

    return QRegularExpression("|".join(
        edge(sentence[:1]) + QRegularExpression.escape(sentence) + edge(sentence[-1:])
        for sentence in sorted(set(sentences), key=len, reverse=True)),
        QRegularExpression.PatternOption.CaseInsensitiveOption)


def _first_change(old: Document, new: Document, section: str) -> int | None:
    """The index of the first block of `new` in the section that `old` did not have there."""
    return next((index for index, block in enumerate(new.blocks) if in_section(block, section)
                 and (index >= len(old.blocks) or old.blocks[index] is not block
                      and old.blocks[index] != block)), None)


def _same_shape(a: Block, b: Block) -> bool:
    """Only words differ: the same kind of block in the same clause (a table of the same size)."""
    if (a.kind, a.clause_id, a.page_break_before) != (b.kind, b.clause_id, b.page_break_before):
        return False
    return a.kind != "table" or (len(a.rows), len(a.rows[0])) == (len(b.rows), len(b.rows[0]))


def _places(block: QTextBlock, document: Document) -> list[int] | None:
    """The QTextBlock number where each of the document's blocks shows, or None if the text
    as Qt laid it out does not match block for block."""
    if document.draft:
        if block.text() != DRAFT_MARK:
            return None
        block = block.next()
    places: list[int] = []
    for item in document.blocks:
        while block.isValid() and not block.text() and _table(block) is None:
            block = block.next()  # the empty paragraph Qt keeps after a table
        if not block.isValid():
            return None
        table = _table(block)
        if (table is not None) != (item.kind == "table"):
            return None
        places.append(block.blockNumber())
        if table is not None:
            if table.rows() != len(item.rows):
                return None
            block = table.document().findBlock(table.lastPosition() + 1)
        else:
            pieces = _pieces(block, item)
            if " ".join(piece.text() for piece in pieces) != item.text:
                return None
            block = pieces[-1].next()
    return places


def _pieces(block: QTextBlock, item: Block) -> list[QTextBlock]:
    """The QTextBlocks a paragraph shows in, from its first: one, or a long one's pieces
    (document.PIECE), as many as its text needs."""
    pieces, length = [block], len(block.text())
    while length < len(item.text) and pieces[-1].next().isValid():
        pieces.append(pieces[-1].next())
        length += 1 + len(pieces[-1].text())
    return pieces


def _table(block: QTextBlock) -> QTextTable | None:
    """The table the block is in, if any (the preview's only frames are tables).

    QTextCursor.currentTable() is not asked outside a table: PySide6 6.x returns its None
    without a reference, and enough of them crash the app."""
    frame = QTextCursor(block).currentFrame()
    return frame if isinstance(frame, QTextTable) else None


def _rewrite_block(block: QTextBlock, new: Block) -> None:
    """Put the block's new words in place, in the formats the words there had, as one edit
    (Qt lays the text out again once, not after each piece)."""
    formats = _formats(block)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    if new.kind not in _MAY_BE_STRONG:  # one format, the first letter may carry the anchor
        pieces = [(new.text[:1], formats[0]), (new.text[1:], formats[-1])]
    else:
        plain = QTextCharFormat(formats[0])
        plain.setFontWeight(QFont.Weight.Normal)
        strong = QTextCharFormat(plain)
        strong.setFontWeight(QFont.Weight.Bold)
        pieces = [(f"{new.number} ", plain)] if new.number else []
        pieces += [(run.text, strong if run.strong else plain) for run in new.runs]
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    for text, text_format in pieces:
        cursor.insertText(text, text_format)
    cursor.endEditBlock()


def _rewrite_piece(first: QTextBlock, old: Block, new: Block) -> bool:
    """In a long paragraph shown in pieces, replace only the characters that changed, if
    they lie inside one piece, are no longer than one and carry no bold lead-in words."""
    if any(run.strong for run in old.runs + new.runs):
        return False
    start, same_end = _common_ends(old.text, new.text)
    if start == 0 or len(new.text) - same_end - start > PIECE:
        return False
    document = first.document()
    begin, end = (first.position() + qt_length(old.text[:at])
                  for at in (start, len(old.text) - same_end))
    if document.findBlock(begin).blockNumber() != document.findBlock(end).blockNumber():
        return False
    cursor = QTextCursor(document)
    cursor.setPosition(begin)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new.text[start:len(new.text) - same_end], _formats(first)[-1])
    return True


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters a and b share at their start, and then at their end (found by
    halving, each comparison of slices running in C)."""
    shared = []
    for ends in (lambda n: (a[:n], b[:n]), lambda n: (a[len(a) - n:], b[len(b) - n:])):
        low, high = 0, min(len(a), len(b)) - sum(shared)
        while low < high:
            middle = (low + high + 1) // 2
            first, second = ends(middle)
            low, high = (middle, high) if first == second else (low, middle - 1)
        shared.append(low)
    return shared[0], shared[1]


def _rewrite_cells(first: QTextBlock, old: Block, new: Block) -> QTextTable:
    table = _table(first)
    assert table is not None  # _places found it there
    for row, (old_row, new_row) in enumerate(zip(old.rows, new.rows, strict=True)):
        for column, (was, text) in enumerate(zip(old_row, new_row, strict=True)):
            if was != text:
                cell = table.cellAt(row, column)
                cursor = cell.firstCursorPosition()
                first_format = _formats(cursor.block())[0]
                cursor.setPosition(cell.lastCursorPosition().position(),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(text, first_format)
    return table


def _fit_columns(table: QTextTable, room: int, character: float) -> None:
    """Give the table's columns widths in pixels that fill `room` and break its words at
    spaces. Qt, which may break a word anywhere in the preview (a long web address has to),
    gave every column an equal share and split any word wider than that: 'Platfo' over 'rm',
    'Misinforma' over 'tion', even where every word fitted (seen at 2x on a 1920x1080 screen
    and in a window 1024 pixels wide). Where `room` is too narrow for the words up to
    WHOLE_WORD characters long, the table is as wide as they need, wider than the view, and
    a longer word's column as wide as WHOLE_WORD characters."""
    cell = table.cellAt(0, 0).format().toTableCellFormat()
    padding = math.ceil(cell.leftPadding() + cell.rightPadding() + cell.leftBorder()
                        + cell.rightBorder())
    columns = [[_widths(table.cellAt(row, column)) for row in range(table.rows())]
               for column in range(table.columns())]
    words = [max(word for word, _ in cells) + padding for cells in columns]
    least, longest = (character * length + padding for length in (SQUEEZED_COLUMN, WHOLE_WORD))
    if room < sum(word if word <= longest else least for word in words):
        room = math.ceil(sum(min(word, longest) for word in words))  # wider than the view
    constraints = [QTextLength(QTextLength.Type.FixedLength, width) for width in column_widths(
        words, [max(line for _, line in cells) + padding for cells in columns], room, least)]
    table_format = table.format()
    if table_format.columnWidthConstraints() != constraints:
        table_format.setColumnWidthConstraints(constraints)
        table.setFormat(table_format)


def _widths(cell: QTextTableCell) -> tuple[int, int]:
    """How wide a cell's text is, without padding: its longest word (the text broken only where
    a line may break: at a space, after a hyphen or a slash), and all of it on one line."""
    block = cell.firstCursorPosition().block()
    text_format = next(iter(block)).fragment().charFormat() if block.text() else block.charFormat()
    layout = QTextLayout(block.text(), text_format.font().resolve(block.document().defaultFont()))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(0)  # a word a line
    layout.endLayout()
    return math.ceil(layout.minimumWidth()), math.ceil(layout.maximumWidth())


def _formats(block: QTextBlock) -> list[QTextCharFormat]:
    """The character formats of the block's pieces of text, in order (an empty block: its own)."""
    return [piece.fragment().charFormat() for piece in block] or [block.charFormat()]
