"""One editor widget per kind of answer, chosen from the model field's annotation.

An editor shows the value it is given (show_value, never reporting it back) and reports each
user edit through commit(rest, value); rest is () for the whole answer or (row, column) inside it.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop.model import Choice

Commit = Callable[[tuple, Any], None]
Clauses = Callable[[], dict[str, str]]  # clause id -> numbered heading, in document order

MARK_COLOUR = QColor(240, 140, 20)
_MARK_BACKGROUND = QColor(240, 140, 20, 70)  # translucent, so it reads on light and dark themes
NOT_SET = "Not set"


# --- Which editor a field gets --------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    """A model field as the form needs it: its kind of editor, texts and limits."""

    name: str
    kind: str  # line, text, check, choice, choices, number, date, list, table, clause
    title: str
    help: str
    example: str
    optional: bool = False
    item_type: Any = None  # the Choice enum, or the row model of a table
    minimum: int = 0
    maximum: int = 2_147_483_647

    @classmethod
    def of(cls, name: str, info: FieldInfo) -> Question:
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        kind, optional, item = _kind(info.annotation, extra)
        limits = {key: getattr(meta, attr) for meta in info.metadata
                  for key, attr in (("minimum", "ge"), ("maximum", "le"))
                  if getattr(meta, attr, None) is not None}
        return cls(name, kind, info.title or name.replace("_", " ").capitalize(),
                   info.description or "", (info.examples or [""])[0], optional, item, **limits)


def questions(model: type[BaseModel]) -> list[Question]:
    """Every question of an area or row model, in the model's order."""
    return [Question.of(name, info) for name, info in model.model_fields.items()]


def _kind(annotation: Any, extra: dict) -> tuple[str, bool, Any]:
    args = get_args(annotation)
    optional = get_origin(annotation) in (types.UnionType,) and type(None) in args
    base = next(a for a in args if a is not type(None)) if optional else annotation
    if extra.get("clause_ref"):
        return "clause", optional, None
    if base is str:
        return ("text" if extra.get("multiline") else "line"), optional, None
    if base is bool:
        return "check", optional, None
    if base is int:
        return "number", optional, None
    if base is date:
        return "date", optional, None
    if isinstance(base, type) and issubclass(base, Choice):
        return "choice", optional, base
    if get_origin(base) is list:
        (item,) = get_args(base)
        if item is str:
            return "list", optional, None
        if isinstance(item, type) and issubclass(item, Choice):
            return "choices", optional, item
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "table", optional, item
    raise TypeError(f"The form has no editor for answers of type {annotation!r}")


def make_editor(question: Question, commit: Commit, clauses: Clauses) -> QWidget:
    """The editor widget for one question."""
    editors = {"line": LineField, "text": TextField, "check": CheckField,
               "choice": ChoiceField, "choices": ChoicesField, "number": NumberField,
               "date": DateField, "list": ListField, "table": TableField}
    if question.kind == "clause":
        editor = ClauseField(clauses, commit)
    else:
        editor = editors[question.kind](question, commit)
    if question.kind == "table":
        editor.clauses = clauses
    editor.setAccessibleName(question.title)
    editor.setAccessibleDescription(question.help)
    return editor


class FieldEditor:
    """What the form asks of every editor, beyond being a widget."""

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_item(self, rest: tuple) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_marks(self, marks: dict[tuple, str]) -> None:
        """Marks on items inside the answer (rows, cells); the form marks the answer itself."""


class _WheelGuard(QObject):
    """Lets the wheel scroll the form instead of changing a box the pointer passes over."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            area = watched.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:
                QApplication.sendEvent(area.viewport(), event)
            return True
        return False


_wheel_guard: _WheelGuard | None = None


def _guard_wheel(widget: QWidget) -> None:
    global _wheel_guard
    _wheel_guard = _wheel_guard or _WheelGuard(QApplication.instance())
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_wheel_guard)


def _lines_high(widget: QWidget, lines: int) -> int:
    return widget.fontMetrics().lineSpacing() * lines + 2 * widget.frameWidth() + 8


class _WindowUndo:
    """Text boxes leave Ctrl+Z / Ctrl+Y to the window, whose undo covers every field."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return False
        return super().event(event)


# --- Single answers -------------------------------------------------------------------------

class LineField(_WindowUndo, QLineEdit, FieldEditor):
    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        self.setPlaceholderText(question.example)
        self.textEdited.connect(lambda text: commit((), text))

    def show_value(self, value: str) -> None:
        if self.text() != value:
            position = self.cursorPosition()
            with QSignalBlocker(self):
                self.setText(value)
            self.setCursorPosition(min(position, len(value)))


class TextField(_WindowUndo, QPlainTextEdit, FieldEditor):
    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        self.setPlaceholderText(question.example)
        self.setTabChangesFocus(True)  # Tab leaves the box, so the form works from the keyboard
        self.setUndoRedoEnabled(False)  # one undo history for the whole project (the window's)
        self.setFixedHeight(_lines_high(self, 4))
        self.textChanged.connect(lambda: commit((), self.toPlainText()))

    def show_value(self, value: str) -> None:
        if self.toPlainText() != value:
            position = self.textCursor().position()
            with QSignalBlocker(self):
                self.setPlainText(value)
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(value)))
            self.setTextCursor(cursor)


class CheckField(QCheckBox, FieldEditor):
    def __init__(self, question: Question, commit: Commit):
        super().__init__(question.title)
        self.clicked.connect(lambda checked: commit((), checked))

    def show_value(self, value: bool) -> None:
        with QSignalBlocker(self):
            self.setChecked(bool(value))


class ChoiceField(QComboBox, FieldEditor):
    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        _fill_choices(self, question.item_type)
        _guard_wheel(self)
        self.activated.connect(lambda index: commit((), self.itemData(index)))

    def show_value(self, value: Choice) -> None:
        with QSignalBlocker(self):
            self.setCurrentIndex(self.findData(str(value)))


def _fill_choices(combo: QComboBox, choices: type[Choice]) -> None:
    for choice in choices:
        combo.addItem(choice.label, str(choice))


class ChoicesField(QWidget, FieldEditor):
    """Several fixed answers at once: one checkbox each, two columns."""

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        choices = list(question.item_type)
        half = (len(choices) + 1) // 2
        for index, choice in enumerate(choices):
            box = QCheckBox(choice.label)
            box.clicked.connect(lambda: commit((), [v for v, b in self.boxes.items()
                                                    if b.isChecked()]))
            self.boxes[str(choice)] = box
            grid.addWidget(box, index % half, index // half, Qt.AlignmentFlag.AlignLeft)
        self.setFocusProxy(next(iter(self.boxes.values())))

    def show_value(self, value: list[Choice]) -> None:
        chosen = {str(item) for item in value}
        for name, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(name in chosen)


class NumberField(QSpinBox, FieldEditor):
    """A whole number; an optional one shows "Not set" one step below its minimum."""

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        self.optional = question.optional
        self.setRange(question.minimum - self.optional, question.maximum)
        if self.optional:
            self.setSpecialValueText(NOT_SET)
        self.setKeyboardTracking(False)  # typing "40" is one edit, not "4" then "40"
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 10) + 40)
        _guard_wheel(self)
        self.valueChanged.connect(lambda number: commit((), self._answer(number)))

    def _answer(self, number: int) -> int | None:
        return None if self.optional and number == self.minimum() else number

    def show_value(self, value: int | None) -> None:
        with QSignalBlocker(self):
            self.setValue(self.minimum() if value is None else value)


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")  # reads the same in the US and elsewhere
    edit.setKeyboardTracking(False)
    edit.setDate(QDate.currentDate())
    _guard_wheel(edit)
    return edit


class DateField(QWidget, FieldEditor):
    """A date that may be left empty: a "Set" checkbox beside the date."""

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.is_set = QCheckBox("Set")
        self.is_set.setAccessibleName(f"{question.title} is set")
        self.edit = _date_edit()
        self.edit.setAccessibleName(question.title)
        layout.addWidget(self.is_set)
        layout.addWidget(self.edit)
        layout.addStretch()
        self.setFocusProxy(self.is_set)
        self.is_set.clicked.connect(
            lambda on: commit((), _from_qdate(self.edit.date()) if on else None))
        self.edit.dateChanged.connect(lambda day: commit((), _from_qdate(day)))

    def show_value(self, value: date | None) -> None:
        with QSignalBlocker(self.is_set), QSignalBlocker(self.edit):
            self.is_set.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
            if value is not None:
                self.edit.setDate(_to_qdate(value))


class ClauseField(QComboBox, FieldEditor):
    """Picks a clause of the rendered policy; the list is read afresh each time it opens."""

    def __init__(self, clauses: Clauses, commit: Commit | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.clauses = clauses
        self.loaded = False
        _guard_wheel(self)
        if commit:
            self.activated.connect(lambda index: commit((), self.itemData(index)))

    def refresh(self) -> None:
        current = self.currentData() or ""
        with QSignalBlocker(self):
            self.clear()
            self.addItem("(no clause)", "")
            for clause_id, heading in self.clauses().items():
                self.addItem(heading, clause_id)
            self.loaded = True
            self.show_value(current)

    def showPopup(self) -> None:
        self.refresh()
        super().showPopup()

    def show_value(self, value: str) -> None:
        if not self.loaded:
            self.refresh()
        with QSignalBlocker(self):
            index = self.findData(value)
            if index < 0:  # the clause is gone; keep the note's link visible, not lost
                self.addItem(missing_clause(value), value)
                index = self.count() - 1
            self.setCurrentIndex(index)


def missing_clause(clause_id: str) -> str:
    return f"(missing clause: {clause_id})"


# --- Lists ----------------------------------------------------------------------------------

def _buttons(owner: QWidget, title: str,
             actions: list[tuple[str, str, Callable]]) -> list[QPushButton]:
    buttons = []
    for text, shortcut, action in actions:
        button = QPushButton(text, owner)
        button.setAutoDefault(False)
        button.setAccessibleName(f"{text} ({title})")
        button.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})")
        button.clicked.connect(action)
        buttons.append(button)
    return buttons


def _moved(items: list, index: int, step: int) -> list:
    items = list(items)
    items[index], items[index + step] = items[index + step], items[index]
    return items


class _ListKeys(QObject):
    """The keyboard for list and table editors: Ctrl+Enter adds, Ctrl+Up/Down move,
    Ctrl+Delete removes (Delete alone clears a table cell)."""

    def __init__(self, owner: ListField | TableField):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched.state() == \
                QAbstractItemView.State.EditingState:
            return False
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        key = event.key()
        actions = {Qt.Key.Key_Up: lambda: self.owner.move(-1),
                   Qt.Key.Key_Down: lambda: self.owner.move(1),
                   Qt.Key.Key_Return: self.owner.add, Qt.Key.Key_Enter: self.owner.add,
                   Qt.Key.Key_Delete: self.owner.remove} if ctrl else \
            {Qt.Key.Key_Delete: self.owner.clear_item, Qt.Key.Key_Backspace: self.owner.clear_item}
        if key in actions:
            actions[key]()
            return True
        return False


class ListField(QWidget, FieldEditor):
    """A list of short answers: edit in place (F2 or double-click), add, remove, reorder."""

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        self.commit = commit
        self.values: list[str] = []
        self.marks: dict[tuple, str] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QListWidget()
        self.view.setAccessibleName(question.title)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.itemChanged.connect(
            lambda item: commit((self.view.row(item),), item.text()))
        self.view.installEventFilter(_ListKeys(self))
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(
            f"New entry, e.g. {question.example}" if question.example else "New entry")
        self.new_item.setAccessibleName(f"New entry for {question.title}")
        self.new_item.returnPressed.connect(self.add)
        add, *others = _buttons(self, question.title, [
            ("Add", "Ctrl+Return", self.add), ("Remove", "Ctrl+Del", self.remove),
            ("Move up", "Ctrl+Up", lambda: self.move(-1)),
            ("Move down", "Ctrl+Down", lambda: self.move(1))])
        # The classic list editor: buttons beside the list, the new entry box below it.
        layout.addWidget(self.view, 0, 0, len(others), 1)
        for row, button in enumerate(others):
            layout.addWidget(button, row, 1)
        layout.addWidget(self.new_item, len(others), 0)
        layout.addWidget(add, len(others), 1)
        self.buttons_height = sum(b.sizeHint().height() for b in others) + \
            layout.spacing() * (len(others) - 1)
        self.setFocusProxy(self.view)
        self._fit()

    def show_value(self, value: list[str]) -> None:
        # Items are updated in place: this may run while the view is committing an item edit.
        self.values = list(value)
        with QSignalBlocker(self.view):
            while self.view.count() > len(value):
                self.view.takeItem(self.view.count() - 1)
            while self.view.count() < len(value):
                item = QListWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.view.addItem(item)
            for row, text in enumerate(value):
                if self.view.item(row).text() != text:
                    self.view.item(row).setText(text)
        self.set_marks(self.marks)
        self._fit()

    def _fit(self) -> None:
        rows = max(2, min(len(self.values), 8))
        row_height = self.view.sizeHintForRow(0) if self.values else 0
        row_height = max(row_height, self.fontMetrics().lineSpacing() + 4)
        self.view.setFixedHeight(max(row_height * rows + 2 * self.view.frameWidth() + 4,
                                     self.buttons_height))

    def add(self) -> None:
        text = self.new_item.text().strip()
        if not text:
            self.new_item.setFocus()
            return
        self.commit((), [*self.values, text])
        self.new_item.clear()
        self.view.setCurrentRow(len(self.values) - 1)

    def remove(self) -> None:
        row = self.view.currentRow()
        if 0 <= row < len(self.values):
            self.commit((), self.values[:row] + self.values[row + 1:])

    def clear_item(self) -> None:
        self.remove()

    def move(self, step: int) -> None:
        row = self.view.currentRow()
        if 0 <= row + step < len(self.values) and row >= 0:
            self.commit((), _moved(self.values, row, step))
            self.view.setCurrentRow(row + step)

    def focus_item(self, rest: tuple) -> None:
        if rest:
            self.view.setCurrentRow(rest[0])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_marks(self, marks: dict[tuple, str]) -> None:
        self.marks = marks
        for row in range(self.view.count()):
            item = self.view.item(row)
            text = marks.get((row,))
            with QSignalBlocker(self.view):
                item.setBackground(_MARK_BACKGROUND if text else QColor(Qt.GlobalColor.transparent))
                item.setToolTip(text or "")


class TableField(QWidget, FieldEditor):
    """Rows of answers (accounts, contacts...): a column per row field, edited in place."""

    clauses: Clauses = dict

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        self.commit = commit
        self.row_model: type[BaseModel] = question.item_type
        self.columns = questions(self.row_model)
        self.rows: list[BaseModel] = []
        self.marks: dict[tuple, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = _FittedTable(0, len(self.columns))
        self.view.setAccessibleName(question.title)
        self.view.setItemDelegate(_CellDelegate(self))
        self.view.installEventFilter(_ListKeys(self))
        for index, column in enumerate(self.columns):
            header = QTableWidgetItem(column.title)
            header.setToolTip(column.help or column.title)
            self.view.setHorizontalHeaderItem(index, header)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        for button in _buttons(self, question.title, [
                ("Add row", "Ctrl+Return", self.add), ("Remove row", "Ctrl+Del", self.remove),
                ("Move up", "Ctrl+Up", lambda: self.move(-1)),
                ("Move down", "Ctrl+Down", lambda: self.move(1))]):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.setFocusProxy(self.view)

    def cell_value(self, row: int, column: int) -> Any:
        return getattr(self.rows[row], self.columns[column].name)

    def show_value(self, value: list[BaseModel]) -> None:
        self.rows = list(value)
        headings = self.clauses() if self.rows and any(
            c.kind == "clause" for c in self.columns) else {}
        with QSignalBlocker(self.view):
            self.view.setRowCount(len(self.rows))
            for row in range(len(self.rows)):
                for column, question in enumerate(self.columns):
                    item = self.view.item(row, column) or QTableWidgetItem()
                    text = _cell_text(question, self.cell_value(row, column), headings)
                    item.setText(text)
                    item.setToolTip(text if len(text) > 30 else question.help)
                    self.view.setItem(row, column, item)
        self.set_marks(self.marks)
        self.view.fit()

    def _dumps(self) -> list[dict]:
        return [row.model_dump() for row in self.rows]

    def add(self) -> None:
        self.commit((), [*self._dumps(), {}])
        self.view.setCurrentCell(len(self.rows) - 1, 0)
        self.view.setFocus()
        self.view.editItem(self.view.currentItem())

    def remove(self) -> None:
        row = self.view.currentRow()
        if 0 <= row < len(self.rows):
            dumps = self._dumps()
            self.commit((), dumps[:row] + dumps[row + 1:])

    def move(self, step: int) -> None:
        row, column = self.view.currentRow(), self.view.currentColumn()
        if row >= 0 and 0 <= row + step < len(self.rows):
            self.commit((), _moved(self._dumps(), row, step))
            self.view.setCurrentCell(row + step, column)

    def clear_item(self) -> None:
        row, column = self.view.currentRow(), self.view.currentColumn()
        if row >= 0 and column >= 0:
            name = self.columns[column].name
            self.commit((row, name), self.row_model.model_fields[name].get_default(
                call_default_factory=True))

    def focus_item(self, rest: tuple) -> None:
        if rest:
            names = [c.name for c in self.columns]
            column = names.index(rest[1]) if len(rest) > 1 and rest[1] in names else 0
            self.view.setCurrentCell(rest[0], column)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_marks(self, marks: dict[tuple, str]) -> None:
        self.marks = marks
        with QSignalBlocker(self.view):
            for row in range(self.view.rowCount()):
                for column, question in enumerate(self.columns):
                    text = marks.get((row, question.name)) or marks.get((row,))
                    item = self.view.item(row, column)
                    item.setBackground(_MARK_BACKGROUND if text
                                       else QColor(Qt.GlobalColor.transparent))
                    if text:
                        item.setToolTip(text)


def _cell_text(question: Question, value: Any, headings: dict[str, str]) -> str:
    if value is None or value == "":
        return ""
    if question.kind == "choice":
        return question.item_type(value).label
    if question.kind == "date":
        return _to_qdate(value).toString(Qt.DateFormat.ISODate)
    if question.kind == "clause":
        return headings.get(value, missing_clause(value))
    return " ".join(str(value).split())  # a multi-line answer shows on one line in its cell


class _FittedTable(QTableWidget):
    """A table as tall as its rows (two to eight), so short lists leave no empty box."""

    def __init__(self, rows: int, columns: int):
        super().__init__(rows, columns)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the buttons; arrows move in the table
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def fit(self) -> None:
        empty_row = self.fontMetrics().lineSpacing() + 10
        heights = [self.rowHeight(row) for row in range(min(self.rowCount(), 8))]
        body = sum(heights) + empty_row * max(0, 2 - len(heights))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + body
                            + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())


class _CellDelegate(QStyledItemDelegate):
    """Cell editors that read from and write to the project, not to the table's items."""

    def __init__(self, table: TableField):
        super().__init__(table)
        self.table = table

    def sizeHint(self, option: Any, index: Any) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)  # breathing room above and below text

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        question = self.table.columns[index.column()]
        if question.kind == "choice":
            editor = QComboBox(parent)
            _fill_choices(editor, question.item_type)
        elif question.kind == "clause":
            editor = ClauseField(self.table.clauses, parent=parent)
            editor.refresh()
        elif question.kind == "date":
            editor = _date_edit(parent)
        else:
            editor = QLineEdit(parent)
            editor.setPlaceholderText(question.example)
        editor.setAccessibleName(question.title)
        return editor

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        value = self.table.cell_value(index.row(), index.column())
        if isinstance(editor, ClauseField):
            editor.show_value(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(str(value)))
        elif isinstance(editor, QDateEdit):
            if value is not None:
                editor.setDate(_to_qdate(value))
        else:
            editor.setText(value)

    def setModelData(self, editor: QWidget, item_model: Any, index: Any) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QDateEdit):
            value = _from_qdate(editor.date())
        else:
            value = editor.text()
        if value != self.table.cell_value(index.row(), index.column()):
            self.table.commit((index.row(), self.table.columns[index.column()].name), value)
