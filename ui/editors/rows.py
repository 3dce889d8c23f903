"""The rows of a list or table answer as a Qt item model, read straight from the project.

The model keeps no copy of the answers: data() reads the project's list each time, setData()
commits an edit, and sync() tells the views how many rows there are now and which changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from smpolicy_desktop.questions import Question

from .base import MARK_BACKGROUND, Clauses, Commit
from .date import DateBox

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_TRANSPARENT = QColor(Qt.GlobalColor.transparent)


class AnswerRows(QAbstractTableModel):
    """One answer's rows; `columns` are the row model's questions, or None for a list of text.

    `read` returns the answer as the project holds it now; `commit(rest, value, undo_text)`
    records an edit of one item or cell.
    """

    def __init__(self, title: str, read: Callable[[], list], commit: Commit,
                 columns: list[Question] | None = None, clauses: Clauses = dict,
                 dates: Callable[[date], str] = str, parent: QObject | None = None):
        super().__init__(parent)
        self.title, self.read, self.commit = title, read, commit
        self.columns = columns
        self.clauses = clauses
        self.dates = dates  # a date cell reads as in the policy's table: as its country writes
        self.shown = 0  # rows the views know about; the project may already hold more or fewer
        self._synced: list = []  # the list the views were last told about (edits replace it)
        self.marks: dict[tuple, str] = {}

    # --- what the views read ---

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns or [None])

    def value(self, row: int, column: int = 0) -> Any:
        item = self.read()[row]
        return item if self.columns is None else getattr(item, self.columns[column].name)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.read()):
            return None
        row, column = index.row(), index.column()
        mark = self.marks.get(self.key(row, column)) or self.marks.get((row,))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(row, column)
            help_text = self.columns[column].help if self.columns else ""
            return mark or (text if len(text) > 30 else help_text)
        if role == Qt.ItemDataRole.BackgroundRole:
            return MARK_BACKGROUND if mark else _TRANSPARENT
        return None

    def text(self, row: int, column: int) -> str:
        value = self.value(row, column)
        if value is None or value == "":
            return ""
        kind = self.columns[column].kind if self.columns else "line"
        if kind == "choice":
            return self.columns[column].item_type(value).label
        if kind == "date":
            return self.dates(value)
        if kind == "clause":
            return self.clauses([value])[value]  # as the policy has it now (0.1 ms)
        return " ".join(str(value).split())  # a multi-line answer shows on one line in its cell

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        column = self.columns[section] if self.columns else None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title if column else self.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.help or column.title) if column else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    # --- what the views change ---

    def key(self, row: int, column: int) -> tuple:
        return (row,) if self.columns is None else (row, self.columns[column].name)

    def undo_text(self, column: int) -> str:
        return f"Edit {self.title}" if self.columns is None else \
            f"Edit {self.title}: {self.columns[column].title}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        if value != self.value(row, column):
            self.commit(self.key(row, column), value, self.undo_text(column))
        return True

    def sync(self) -> None:
        """The project's answer changed: announce added or removed rows, then new contents
        (when only some rows changed, only those: a key in one of 1,000 rows redraws one)."""
        rows, last = self.read(), self._synced
        self._synced = rows
        if rows is not last and len(rows) == len(last) == self.shown:
            changed = [row for row, (old, new) in enumerate(zip(last, rows, strict=True))
                       if old != new]
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0),
                                      self.index(changed[-1], self.columnCount() - 1))
            return
        count = len(rows)
        if count > self.shown:
            self.beginInsertRows(QModelIndex(), self.shown, count - 1)
            self.shown = count
            self.endInsertRows()
        elif count < self.shown:
            self.beginRemoveRows(QModelIndex(), count, self.shown - 1)
            self.shown = count
            self.endRemoveRows()
        self.refresh()

    def refresh(self) -> None:
        if self.shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.shown - 1, self.columnCount() - 1))

    def set_marks(self, marks: dict[tuple, str]) -> None:
        self.marks = marks
        self.refresh()


def cell_editor(box: QWidget | None) -> tuple[QAbstractItemView, QWidget] | None:
    """The item view and the cell editor it opened that hold `box` (the editor, or a part of
    it: a date's), or None when the box is in no cell editor."""
    editor = box
    while editor is not None and editor.parentWidget() is not None:
        view = editor.parentWidget().parentWidget()  # a cell's editor is in its view's viewport
        if isinstance(view, QAbstractItemView) and editor.parentWidget() is view.viewport():
            return view, editor
        editor = editor.parentWidget()
    return None


def typed_in(view: QAbstractItemView,
             read: Callable[[QWidget, AnswerRows, QModelIndex], None]) -> list[tuple[tuple, Any]]:
    """The item or cell being typed in, its box still open, as (rest, value): the edit that
    `read(editor, rows, index)` makes of it, reading the box as the view's commitData does
    (as take_typing takes it) but leaving the box as it is, caught before it reaches the
    answer, so the box and the project stay as they are."""
    found = cell_editor(view.focusWidget())
    rows = view.model()
    if found is None or found[0] is not view or not isinstance(rows, AnswerRows) \
            or view.state() != QAbstractItemView.State.EditingState:
        return []
    typed: list[tuple[tuple, Any]] = []
    commit = rows.commit
    rows.commit = lambda rest, value, text=None: typed.append((rest, value))
    try:  # the editor's cell is the current one: Qt closes it when another becomes current
        read(found[1], rows, view.currentIndex())
    finally:
        rows.commit = commit
    return typed


def edit_with_key(view: QAbstractItemView, event: QKeyEvent) -> bool:
    """Typing on an item edits it: the editor opens with the cursor after the text and the
    key goes in there, so nothing is overwritten (Backspace removes one letter). A date is
    typed whole, over the one there ("5 Dec 202615/01/2027" was read as no date)."""
    index = view.currentIndex()
    if not index.isValid() or view.state() == QAbstractItemView.State.EditingState:
        return False
    view.edit(index)
    editor = view.focusWidget()
    if editor is view or editor is None:
        return False
    if isinstance(editor, DateBox):
        editor.selectAll()
    elif isinstance(editor, QLineEdit):
        editor.deselect()
        editor.end(False)
    QApplication.sendEvent(editor, QKeyEvent(QEvent.Type.KeyPress, event.key(),
                                             event.modifiers(), event.text()))
    return True


def is_typing(event: QKeyEvent) -> bool:
    """A key that writes text, a space too (" and more" typed on an item lost its space:
    "open rolesand more"; found by a tester), or Backspace, without Ctrl or Alt."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False
    return event.key() == Qt.Key.Key_Backspace or (event.text().isprintable()
                                                   and event.text() != "")
