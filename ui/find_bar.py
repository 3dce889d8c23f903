"""Find in the preview (Ctrl+F): a bar under the policy with the words to find, Previous and
Next (F3, Shift+F3, Enter), the number of matches, every match highlighted; Esc closes it.
"""

from __future__ import annotations

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

_ALL = QColor(255, 221, 87, 150)  # every match, pale yellow


class FindBar(QWidget):
    """Finds text in one QTextBrowser; hidden until open_bar()."""

    def __init__(self, view: QTextBrowser, parent: QWidget | None = None):
        super().__init__(parent, objectName="findBar")
        self.view = view
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
        self.view.setExtraSelections([])
        self.hide()
        self.view.setFocus()

    def find(self, forward: bool = True, again: bool = False) -> bool:
        """Select the next (or previous) match, wrapping round; True when there is one."""
        words = self.box.text()
        self._highlight_all(words)
        if not words:
            self.count.setText("")
            return False
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        cursor = self.view.textCursor()
        if again:  # typing: search from the start of the current match, so it grows in place
            cursor.setPosition(cursor.selectionStart())
        found = self.view.document().find(words, cursor, flags)
        if found.isNull():  # wrap round
            start = QTextCursor(self.view.document())
            if not forward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = self.view.document().find(words, start, flags)
        if found.isNull():
            self.count.setText("Not found")
            return False
        self.view.setTextCursor(found)
        self.view.ensureCursorVisible()
        return True

    def _highlight_all(self, words: str) -> None:
        selections = []
        cursor = QTextCursor(self.view.document())
        while words:
            cursor = self.view.document().find(words, cursor)
            if cursor.isNull():
                break
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(_ALL)
            selections.append(selection)
        self.view.setExtraSelections(selections)
        if words:
            self.count.setText(f"{len(selections)} found" if selections else "Not found")
