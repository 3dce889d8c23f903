"""Editors for written answers: a one-line box and a multi-line box that grows with its text.

Both show their example in italics and leave the window's shortcuts to the window; the
multi-line box underlines misspelt words (ui/spelling.py) and shows a very long paragraph in
pieces, so a key in it costs what a key in a short one does.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QMimeData, QSignalBlocker
from PySide6.QtGui import QAction, QTextCursor, QTextOption
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from smpolicy_desktop.document import (
    LONG_WORD,
    PIECE,
    index_at,
    piece_breaks,
    qt_length,
    with_breaks,
)
from smpolicy_desktop.questions import Question

from .base import (
    WHOLE_TEXT,
    Commit,
    FieldEditor,
    ShowsExample,
    ShowsItsStart,
    WindowKeys,
    keep_in_view,
    lines_high,
)

MIN_LINES, MAX_LINES = 3, 12


class LineField(WindowKeys, ShowsExample, ShowsItsStart, QLineEdit, FieldEditor):
    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        self.setMaxLength(WHOLE_TEXT)
        self.show_example(question.example)
        self.textChanged.connect(self._italic_when_empty)
        self.textEdited.connect(lambda text: commit((), text))

    def show_value(self, value: str) -> None:
        if self.text() != value:
            position = self.cursorPosition()
            with QSignalBlocker(self):
                self.setText(value)
            self.setCursorPosition(min(position, len(value)))
            self._italic_when_empty()


class TextField(WindowKeys, ShowsExample, QPlainTextEdit, FieldEditor):
    """Several lines; as tall as its text (three to twelve lines), so it reads at a glance."""

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        from ui.spelling import underline_misspellings

        self.show_example(question.example)
        self.setTabChangesFocus(True)  # Tab leaves the box, so the form works from the keyboard
        self.setUndoRedoEnabled(False)  # one undo history for the whole project (the window's)
        self.spelling = underline_misspellings(self)
        self._breaks: list[int] = []  # shown line breaks that stand for spaces, see piece_breaks()
        # value(), known while there are breaks (mended at each edit, see _move_breaks), else
        # until the text changes (it is asked often)
        self._value: str | None = None
        # whether the answer may hold a character beyond U+FFFF (an emoji), which Qt counts
        # as two: positions in the box are then not the answer's (see qt_length)
        self._wide = False
        self.document().contentsChange.connect(self._move_breaks)
        self.textChanged.connect(self._italic_when_empty)
        self.textChanged.connect(self._fit)
        self.textChanged.connect(self._say_if_unchecked)
        self.textChanged.connect(lambda: commit((), self.value()))
        self.cursorPositionChanged.connect(
            lambda: self.hasFocus() and keep_in_view(self, self.cursorRect))
        self._fit()

    def value(self) -> str:
        """The answer as written: the box's text with its shown breaks back to spaces."""
        if self._value is None:
            self._value = with_breaks(self.toPlainText(), self._breaks, " ")
        return self._value

    def show_value(self, value: str) -> None:
        if self.value() != value:
            self._show(value)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted text goes in as if typed. A long paste goes straight into the answer, shown
        in pieces: Qt would first lay it out as one paragraph (10 MB: 3 s)."""
        text = source.text()
        if len(text) <= PIECE:
            super().insertFromMimeData(source)
            return
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
        cursor, value = self.textCursor(), self.value()
        start, end = self._selection(cursor)
        self._show(value[:start] + text + value[end:])
        self.setCursorPosition(start + len(text))
        self.textChanged.emit()  # as a paste Qt made: the answer is committed

    def cursorPosition(self) -> int:
        """Where the cursor is in the answer, as in a one-line box (a shown break stands
        where a space is, so positions are the same)."""
        return self._in_answer(self.textCursor().position())

    def setCursorPosition(self, position: int) -> None:
        cursor = self.textCursor()
        value = self.value()
        cursor.setPosition(qt_length(value[:position]) if self._wide else
                           min(position, len(value)))
        self.setTextCursor(cursor)

    def _in_answer(self, position: int, value: str | None = None) -> int:
        """A position in the box as an index in the answer (`value`: as it was before an
        edit at or after `position`)."""
        return index_at(self.value() if value is None else value, position) if self._wide \
            else position

    def _selection(self, cursor: QTextCursor) -> tuple[int, int]:
        """Where the cursor's selection starts and ends in the answer."""
        return self._in_answer(cursor.selectionStart()), self._in_answer(cursor.selectionEnd())

    def _show(self, value: str) -> None:
        position = self.cursorPosition()
        self._wide = qt_length(value) != len(value)
        shown = piece_breaks(value)
        self._breaks = []
        self._wrap_for(value)
        with QSignalBlocker(self):
            self.setPlainText(with_breaks(value, shown, "\n"))
        self._breaks, self._value = shown, None
        self.value()  # known before the next edit, which _move_breaks mends it with
        self.setCursorPosition(position)
        self._italic_when_empty()
        self._say_if_unchecked()
        self._fit()

    def _wrap_for(self, text: str) -> None:
        """Lines break anywhere once the text has a run without a space too long for a piece:
        Qt lays such a run out in time growing with its length squared when it wraps at
        words (300,000 characters: 8-17 s), but only with its length when it wraps anywhere
        (0.3 s)."""
        if LONG_WORD.search(text) and self.wordWrapMode() != QTextOption.WrapMode.WrapAnywhere:
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)

    def _move_breaks(self, position: int, removed: int, added: int) -> None:
        """An edit removes the shown breaks inside what it replaced (the owner deleted those
        spaces) and moves those after it; a break typed by the owner is a real one. The answer
        is mended where the edit is, not read whole from the box (10 MB: 70 ms a key)."""
        last = self.document().characterCount() - 1  # the end, before the last block's end
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, last))
        cursor.setPosition(min(position + added, last), QTextCursor.MoveMode.KeepAnchor)
        typed = cursor.selection().toPlainText()
        self._wide = self._wide or qt_length(typed) != len(typed)
        if not self._breaks:
            self._value = None
            return
        value = self.value()  # as it was before the edit
        start = self._in_answer(position, value)
        end = start + (index_at(value[start:start + removed], removed) if self._wide
                       else removed)
        first, after = (bisect_left(self._breaks, at) for at in (start, end))
        was = with_breaks(value[start:end], [at - start for at in self._breaks[first:after]],
                          "\n")
        if typed == was:
            return  # a change of formats alone leaves the text and its breaks as they were
        self._breaks[first:] = [at + len(typed) - (end - start) for at in self._breaks[after:]]
        self._value = value[:start] + typed + value[end:]

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy and drag carry the answer's own spaces, not the breaks the box shows."""
        cursor = self.textCursor()
        data = QMimeData()
        start, end = self._selection(cursor)
        data.setText(self.value()[start:end])
        return data

    def contextMenuEvent(self, event) -> None:
        """Right-click on a misspelt word: its likely corrections come first in the menu."""
        menu = self.createStandardContextMenu(event.pos())
        corrections = self.corrections_at(event.pos())
        if corrections:
            first = menu.actions()[0]
            for action in corrections:
                action.setParent(menu)
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())

    def corrections_at(self, position) -> list[QAction]:
        """One action per likely correction of the misspelt word at a point (none if it is
        spelt right); each replaces the word as one edit of the answer."""
        from ui.spelling import misspelt, suggestions

        cursor = self.cursorForPosition(position)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        word = cursor.selectedText()
        if not word.isalpha() or not misspelt(word):
            return []
        actions = []
        for correction in suggestions(word):
            action = QAction(correction, self)
            action.triggered.connect(lambda _=False, c=correction: cursor.insertText(c))
            actions.append(action)
        return actions

    def _say_if_unchecked(self) -> None:
        from ui.spelling import MAX_CHECKED_BOX, UNCHECKED

        said = UNCHECKED if self.document().characterCount() > MAX_CHECKED_BOX else ""
        if self.toolTip() != said:
            self.setToolTip(said)

    def _fit(self) -> None:
        block, lines = self.document().firstBlock(), 0
        while block.isValid() and lines < MAX_LINES:  # no further: a long answer scrolls
            lines += max(1, block.layout().lineCount() if block.layout() else 1)
            block = block.next()
        self.setFixedHeight(lines_high(self, max(MIN_LINES, min(lines, MAX_LINES))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()  # a narrower box wraps into more lines
