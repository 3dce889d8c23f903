"""Find in the preview (Ctrl+F): a bar under the policy with the words to find, Previous and
Next (F3, Shift+F3, Enter), the number of matches, every match highlighted; Esc closes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

from ui.colours import text_on

_ALL = QColor(255, 221, 87, 150)  # every match, pale yellow
_BEYOND_16_BITS = re.compile("[\U00010000-\U0010ffff]")


class FindBar(QWidget):
    """Finds text in one QTextBrowser; hidden until open_bar(). It highlights the matches
    through show_marks (the view's own by default), so a view may keep marks of its own."""

    def __init__(self, view: QTextBrowser, parent: QWidget | None = None, *,
                 show_marks: Callable[[list[QTextEdit.ExtraSelection]], None] | None = None):
        super().__init__(parent, objectName="findBar")
        self.view = view
        self.show_marks = show_marks or view.setExtraSelections
        self.box = QLineEdit(placeholderText="Find in the policy", clearButtonEnabled=True)
        self.box.setAccessibleName("Find in the policy")
        self.count = QLabel()
        # Small buttons, so the bar fits under a narrow preview.
        previous, following, close = (QToolButton(text=text, toolTip=tip, autoRaise=True)
                                      for text, tip in (("\u25b2", "Previous (Shift+F3)"),
                                                        ("\u25bc", "Next (F3, Enter)"),
                                                        ("\u2715", "Close (Esc)")))
        for button, name in zip((previous, following, close), ("Previous", "Next", "Close"),
                                strict=True):
            button.setAccessibleName(name)
        self.box.setMinimumWidth(80)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.box, self.count, previous, following, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.box.textChanged.connect(lambda: self.find(forward=True, again=True))
        self.box.returnPressed.connect(lambda: self.find(forward=True))
        following.clicked.connect(lambda: self.find(forward=True))
        previous.clicked.connect(lambda: self.find(forward=False))
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.box,
                  lambda: self.find(forward=False))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the preview's selected text, if any, ready to type."""
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.box.setText(selected)
        self.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def close_bar(self) -> None:
        self.show_marks([])
        self.hide()
        self.view.setFocus()

    def find(self, forward: bool = True, again: bool = False) -> bool:
        """Select the next (or previous) match, wrapping round; True when there is one."""
        spans = self._mark_all()
        if not spans:
            return False
        here = self.view.textCursor().selectionStart()
        starts = [start for start, _ in spans]
        if forward:  # typing: from the start of the current match, so it grows in place
            index = (bisect.bisect_left if again else bisect.bisect_right)(starts, here)
            start, end = spans[index % len(spans)]
        else:
            start, end = spans[bisect.bisect_left(starts, here) - 1]
        self.view.setTextCursor(_selecting(self.view.document(), start, end))
        self.view.ensureCursorVisible()
        return True

    def find_again(self) -> None:
        """Highlight the matches in the view's new text (after a render), and count them; the
        current match stays selected."""
        if self.isVisible():
            self._mark_all()

    def _mark_all(self) -> list[tuple[int, int]]:
        words = self.box.text()
        spans = _matches(self.view.document(), words)
        self._highlight_all(spans)
        self.count.setText(f"{len(spans)} found" if spans else "Not found" if words else "")
        return spans

    def _highlight_all(self, spans: list[tuple[int, int]]) -> None:
        self.show_marks(highlights(self.view.document(), spans, _ALL))


def _matches(document: QTextDocument, words: str) -> list[tuple[int, int]]:
    """Where the words are in the document, ignoring case: (start, end) positions. Any space
    in the words matches any run of spaces or line breaks, so a phrase is found across the
    pieces a long paragraph is shown in (they are joined where a space was)."""
    if not words:
        return []
    pattern = r"\s+".join(re.escape(part) for part in re.split(r"\s+", words))
    text = document.toRawText()
    return qt_spans(text, [match.span()
                           for match in re.finditer(pattern, text, re.IGNORECASE)])


def qt_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) spans of a Python string as Qt counts the same text: a character past 16
    bits (an emoji) is two."""
    if not spans or not _BEYOND_16_BITS.search(text):
        return spans
    before = list(accumulate((ord(char) > 0xFFFF for char in text), initial=0))
    return [(start + before[start], end + before[end]) for start, end in spans]


def highlights(document: QTextDocument, spans: list[tuple[int, int]],
               colour: QColor) -> list[QTextEdit.ExtraSelection]:
    """A mark of this background colour on each (start, end) of the document (Qt's count),
    its words in black or white to be read on it: in a dark theme the words of Compare's
    pale yellow marks were the theme's white."""
    marks = []
    for start, end in spans:
        mark = QTextEdit.ExtraSelection()
        mark.cursor = _selecting(document, start, end)
        mark.format.setBackground(colour)
        mark.format.setForeground(text_on(colour))
        marks.append(mark)
    return marks


def _selecting(document: QTextDocument, start: int, end: int) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor
