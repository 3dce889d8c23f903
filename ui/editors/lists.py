"""The editor for a list of short answers (goals, what we publish...) on a Qt list view.

Items are edited in place; Add, Remove and Move act on the selected item, with the same keys
in tables: Ctrl+Enter adds, Ctrl+Up/Down move, Ctrl+Delete removes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QGridLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QWidget,
)

from smpolicy_desktop.questions import Question
from ui.outlines import outline_boxes

from .base import (
    NEW_ENTRY,
    WHOLE_TEXT,
    Commit,
    FieldEditor,
    ShowsExample,
    ShowsItsStart,
    WindowKeys,
    example_text,
    follow_current,
)
from .rows import AnswerRows, edit_with_key, is_typing, typed_in


def buttons(owner: QWidget, title: str,
            actions: list[tuple[str, str, Callable]]) -> list[QPushButton]:
    made = []
    for text, shortcut, action in actions:
        button = QPushButton(text, owner)
        button.setAutoDefault(False)
        button.setAccessibleName(f"{text} ({title})")
        button.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})")
        button.clicked.connect(action)
        made.append(button)
    return made


def moved(items: list, index: int, step: int) -> list:
    items = list(items)
    items[index], items[index + step] = items[index + step], items[index]
    return items


class RowKeys(QObject):
    """The keyboard for list and table views: Ctrl+Enter adds, Ctrl+Up/Down move,
    Ctrl+Delete removes; typing edits the item (never replaces or removes it)."""

    def __init__(self, owner: ListField):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if watched.state() == QAbstractItemView.State.EditingState:
            # Ctrl+Up/Down in an item being typed in: the words typed, then the move (the
            # key came up from the box and did nothing, found by a tester); others: the box's
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                    and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                editor = watched.focusWidget()  # the box the view opened
                watched.commitData(editor)
                watched.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.owner.move(-1 if key == Qt.Key.Key_Up else 1)
                return True
            return False
        if event.matches(QKeySequence.StandardKey.Paste) and hasattr(self.owner, "paste"):
            self.owner.paste()
            return True
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            action = {Qt.Key.Key_Up: lambda: self.owner.move(-1),
                      Qt.Key.Key_Down: lambda: self.owner.move(1),
                      Qt.Key.Key_Return: self.owner.add, Qt.Key.Key_Enter: self.owner.add,
                      Qt.Key.Key_Delete: self.owner.remove}.get(key)
        elif key == Qt.Key.Key_Delete:
            action = self.owner.clear_item
        else:
            action = (lambda: edit_with_key(watched, event)) if is_typing(event) else None
        if action is None:
            return False
        action()
        return True


class CellLine(WindowKeys, ShowsExample, ShowsItsStart, QLineEdit):
    """The text box that edits an item or a cell in place. It opens with the cursor after
    the text, not with the text selected, so the first key adds instead of replacing."""

    _opened = False

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxLength(WHOLE_TEXT)

    def keyPressEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            event.ignore()  # up to the list or table it edits: the row moves (RowKeys)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if not self._opened:
            self._opened = True
            self.deselect()
            self.end(False)


class TextDelegate(QStyledItemDelegate):
    """Edits text items in a CellLine, which leaves the window's shortcuts to the window."""

    def __init__(self, example: str, parent: QObject, typing: SignalInstance):
        super().__init__(parent)
        self.example, self.typing = example, typing

    def createEditor(self, parent, option, index) -> QWidget:
        editor = CellLine(parent)
        editor.show_example(self.example)
        editor.textChanged.connect(editor._italic_when_empty)
        editor.textEdited.connect(self.typing)
        outline_boxes(editor)  # drawn after the form was framed (outline_boxes in FieldRow)
        return editor


class ListField(QWidget, FieldEditor):
    """A list of short answers: edit in place (type, F2 or double-click), add, remove, move;
    lines pasted are items, one per line."""

    typing = Signal()  # in an item or the new entry: no edit of the answer until taken

    def __init__(self, question: Question, commit: Commit, read: Callable[[], list]):
        super().__init__()
        self.title = question.title
        self.commit = commit
        self.items = AnswerRows(question.title, read, self._commit_item, parent=self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The list and the new entry's box are made first: Tab comes to them before the buttons
        self.view = QListView(self)
        self.view.paste = self.paste  # Edit > Paste pastes into what has the keyboard
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # 1,000 rows: laid out in steps
        self.view.setModel(self.items)
        follow_current(self.view)
        self.view.setAccessibleName(question.title)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setItemDelegate(TextDelegate(question.example, self.view, self.typing))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.installEventFilter(RowKeys(self))
        self.new_item = CellLine(self)
        self.new_item.setObjectName(NEW_ENTRY)
        self.new_item.setPlaceholderText(f"New entry, {example_text(question.example)}"
                                         if question.example else "New entry")
        self.new_item._italic_when_empty()
        self.new_item.textChanged.connect(self.new_item._italic_when_empty)
        self.new_item.setAccessibleName(f"New entry for {question.title}")
        self.new_item.returnPressed.connect(self.add)
        self.new_item.textEdited.connect(self.typing)
        add, *others = buttons(self, question.title, [
            ("Add", "Ctrl+Return", self.add), ("Remove", "Ctrl+Del", self.remove),
            ("Move up", "Ctrl+Up", lambda: self.move(-1)),
            ("Move down", "Ctrl+Down", lambda: self.move(1))])
        # The classic list editor: buttons beside the list, the new entry box below it.
        layout.addWidget(self.view, 0, 0, len(others), 1)
        for row, button in enumerate(others):
            layout.addWidget(button, row, 1)
        layout.addWidget(self.new_item, len(others), 0)
        layout.addWidget(add, len(others), 1)
        layout.setColumnStretch(0, 1)
        self.buttons_height = sum(b.sizeHint().height() for b in others) + \
            layout.spacing() * (len(others) - 1)
        self.setFocusProxy(self.view)
        self._fit()

    @property
    def values(self) -> list[str]:
        return self.items.read()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def set_current_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.items.index(row, 0))

    def show_value(self, value: list[str]) -> None:
        self.items.sync()
        self._fit()

    def _fit(self) -> None:
        count = self.items.rowCount()
        rows = max(2, min(count, 8))
        row_height = self.view.sizeHintForRow(0) if count else 0
        row_height = max(row_height, self.fontMetrics().lineSpacing() + 4)
        self.view.setFixedHeight(max(row_height * rows + 2 * self.view.frameWidth() + 4,
                                     self.buttons_height))

    def new_entry(self) -> list[tuple[tuple, Any]]:
        """The new entry typed and not added yet, as adding it makes the answer: the list with
        it at the end ([] for none)."""
        text = self.new_item.text().strip()
        return [((), [*self.values, text])] if text else []

    def typed(self) -> list[tuple[tuple, Any]]:
        """The new entry, then the item being typed in (the entry keeps the items' places)."""
        return [*self.new_entry(), *typed_in(self.view, self.view.itemDelegate().setModelData)]

    def add(self) -> None:
        if not (entry := self.new_entry()):
            self.new_item.setFocus()
            return
        self.commit(*entry[0], f"Add to {self.title}")
        self.new_item.clear()
        self.set_current_row(len(self.values) - 1)

    def paste(self) -> None:
        """The clipboard's lines as items after the one selected (or at the end), one undo
        step: Ctrl+V on a list did nothing."""
        from PySide6.QtWidgets import QApplication

        lines = _items_in(QApplication.clipboard().text())
        if lines:
            at = self.current_row() + 1 or len(self.values)
            self.commit((), [*self.values[:at], *lines, *self.values[at:]],
                        f"Paste into {self.title}")
            self.set_current_row(at + len(lines) - 1)

    def _commit_item(self, path: tuple, value: object, text: str) -> None:
        """An item edited in place; lines pasted into it are items of their own (they were
        one item, shown in the policy as one bullet)."""
        lines = _items_in(value) if isinstance(value, str) and "\n" in value else []
        if len(lines) > 1:
            row = path[0]
            self.commit((), [*self.values[:row], *lines, *self.values[row + 1:]],
                        f"Paste into {self.title}")
        else:
            self.commit(path, value, text)

    def remove(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self.values):
            self.commit((), self.values[:row] + self.values[row + 1:],
                        f"Remove from {self.title}")

    def clear_item(self) -> None:
        """Delete on an item edits it, like typing: removing takes Ctrl+Delete or Remove."""
        self.view.edit(self.view.currentIndex())

    def move(self, step: int) -> None:
        row = self.current_row()
        if row >= 0 and 0 <= row + step < len(self.values):
            self.commit((), moved(self.values, row, step), f"Move in {self.title}")
            self.set_current_row(row + step)

    def focus_item(self, rest: tuple) -> None:
        if rest:
            self.set_current_row(rest[0])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_marks(self, marks: dict[tuple, str]) -> None:
        self.items.set_marks(marks)


def _items_in(text: str) -> list[str]:
    """Pasted text as list items: its lines, each without a bullet or number of its own."""
    lines = (re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])(?:\s+|$)", "", line).strip()
             for line in text.splitlines())  # a bullet alone is no item ("*"; by a tester)
    return [line for line in lines if line]
