"""Editors for written answers: a one-line box and a multi-line box that grows with its text.

Both show their example in italics and leave the window's shortcuts to the window; the
multi-line box underlines misspelt words (ui/spelling.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from smpolicy_desktop.questions import Question

from .base import Commit, FieldEditor, ShowsExample, WindowKeys, lines_high

MIN_LINES, MAX_LINES = 3, 12


class LineField(WindowKeys, ShowsExample, QLineEdit, FieldEditor):
    def __init__(self, question: Question, commit: Commit):
        super().__init__()
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
        self.spelling = underline_misspellings(self.document())
        self.textChanged.connect(self._italic_when_empty)
        self.textChanged.connect(self._fit)
        self.textChanged.connect(lambda: commit((), self.toPlainText()))
        self._fit()

    def show_value(self, value: str) -> None:
        if self.toPlainText() != value:
            position = self.textCursor().position()
            with QSignalBlocker(self):
                self.setPlainText(value)
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(value)))
            self.setTextCursor(cursor)
            self._italic_when_empty()
            self._fit()

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

    def _fit(self) -> None:
        block, lines = self.document().firstBlock(), 0
        while block.isValid() and lines < MAX_LINES:  # no further: a long answer scrolls
            lines += max(1, block.layout().lineCount() if block.layout() else 1)
            block = block.next()
        self.setFixedHeight(lines_high(self, max(MIN_LINES, min(lines, MAX_LINES))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()  # a narrower box wraps into more lines
