"""The editor for rows of answers (accounts, contacts, reviewers...) on a Qt table view.

A column per field of the row model; cells are edited in place with an editor that suits
the field. Clicking a row number selects that row, so Remove row takes the row you see.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QHelpEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop.questions import Question, questions
from ui.column_widths import column_widths
from ui.outlines import outline_boxes

from .base import Clauses, Commit, DateText, FieldEditor, follow_current
from .choice import ClauseField, fill_choices
from .date import DateBox, date_edit, from_qdate, to_qdate
from .lists import CellLine, RowKeys, buttons, moved
from .rows import AnswerRows, typed_in


class TableField(QWidget, FieldEditor):
    """Rows of answers: a column per row field, edited in place, rows added and moved."""

    typing = Signal()  # in a cell: no edit of the answer until taken
    refused = Signal(str)  # why the words in a date's cell are no date; "" once none are

    def __init__(self, question: Question, commit: Commit, read: Callable[[], list],
                 clauses: Clauses, dates: DateText):
        super().__init__()
        self.title = question.title
        self.commit, self.dates = commit, dates
        self.row_model: type[BaseModel] = question.item_type
        self.columns = questions(self.row_model)
        self.items = AnswerRows(question.title, read, commit, self.columns, clauses, dates,
                                self)
        self.clauses = clauses
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = RowsTable()
        self.view.setModel(self.items)
        follow_current(self.view)
        self.view.setAccessibleName(question.title)
        self.view.setItemDelegate(CellDelegate(self))
        self.view.installEventFilter(RowKeys(self))
        self.view.paste = self.paste  # Edit > Paste pastes into what has the keyboard
        self.view.verticalHeader().sectionPressed.connect(self.select_row)
        layout.addWidget(self.view)
        row_buttons = QHBoxLayout()
        for button in buttons(self, question.title, [
                ("Add row", "Ctrl+Return", self.add), ("Remove row", "Ctrl+Del", self.remove),
                ("Move up", "Ctrl+Up", lambda: self.move(-1)),
                ("Move down", "Ctrl+Down", lambda: self.move(1))]):
            row_buttons.addWidget(button)
        row_buttons.addStretch()
        layout.addLayout(row_buttons)
        self.setFocusProxy(self.view)

    @property
    def rows(self) -> list[BaseModel]:
        return self.items.read()

    def typed(self) -> list[tuple[tuple, Any]]:
        """The cell being typed in (a new row's first cell too)."""
        return typed_in(self.view, self.view.itemDelegate().read_typed)

    def current_cell(self) -> tuple[int, int]:
        index = self.view.currentIndex()
        return (index.row(), index.column()) if index.isValid() else (-1, -1)

    def set_current_cell(self, row: int, column: int) -> None:
        self.view.setCurrentIndex(self.items.index(row, column))

    def select_row(self, row: int) -> None:
        """A click on a row number: that row is the one Remove row and Move act on."""
        column = max(self.current_cell()[1], 0)
        self.view.selectionModel().setCurrentIndex(
            self.items.index(row, column),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def show_value(self, value: list[BaseModel]) -> None:
        self.items.sync()
        self.view.fit()

    def _dumps(self) -> list[dict]:
        return [row.model_dump() for row in self.rows]

    def add(self) -> None:
        self.commit((), [*self._dumps(), {}], f"Add a row to {self.title}")
        self.set_current_cell(len(self.rows) - 1, 0)
        self.view.setFocus()
        self.view.edit(self.view.currentIndex())

    def paste(self) -> None:
        """Lines pasted are rows after the one picked (or at the end), one undo step; a line's
        cells are split at its tabs, as a spreadsheet copies them, and fill the written
        columns in order (Ctrl+V on a table did nothing); cells beyond the last one go into
        it (they were dropped without a word; found by a tester)."""
        from PySide6.QtWidgets import QApplication

        written = [column.name for column in self.columns if column.kind in ("line", "text")]

        def row(line: str) -> dict[str, str]:
            cells = [cell.strip() for cell in line.split("\t")]
            last = len(written) - 1
            return dict(zip(written, [*cells[:last], " ".join(filter(None, cells[last:]))],
                            strict=False))
        new = [row(line) for line in QApplication.clipboard().text().splitlines()
               if line.strip()]
        if new:
            at = self.current_cell()[0] + 1 or len(self.rows)
            dumps = self._dumps()
            self.commit((), [*dumps[:at], *new, *dumps[at:]], f"Paste into {self.title}")
            self.set_current_cell(at + len(new) - 1, 0)

    def remove(self) -> None:
        row = self.current_cell()[0]
        if 0 <= row < len(self.rows):
            dumps = self._dumps()
            self.commit((), dumps[:row] + dumps[row + 1:], f"Remove a row from {self.title}")

    def move(self, step: int) -> None:
        row, column = self.current_cell()
        if row >= 0 and 0 <= row + step < len(self.rows):
            self.commit((), moved(self._dumps(), row, step), f"Move a row in {self.title}")
            self.set_current_cell(row + step, column)

    def clear_item(self) -> None:
        row, column = self.current_cell()
        if row >= 0 and column >= 0:
            name = self.columns[column].name
            self.commit((row, name), self.row_model.model_fields[name].get_default(
                call_default_factory=True), f"Clear {self.title}: {self.columns[column].title}")

    def focus_item(self, rest: tuple) -> None:
        if rest:
            names = [c.name for c in self.columns]
            column = names.index(rest[1]) if len(rest) > 1 and rest[1] in names else 0
            self.set_current_cell(rest[0], column)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_marks(self, marks: dict[tuple, str]) -> None:
        self.items.set_marks(marks)


class RowsTable(QTableView):
    """A table as tall as its rows (two to eight), so short lists leave no empty box."""

    def __init__(self):
        super().__init__()
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the buttons; arrows move in the table
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Typing is handled by RowKeys: it edits at the end of the cell, never over it.
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setHorizontalHeader(ColumnTitles())
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Qt sizes the rows to their text once; when the columns narrow or widen (a dock
        # opens, the window is resized) the text wraps anew, once for all the columns.
        self._rewrap = QTimer(self, singleShot=True, interval=0)
        self._rewrap.timeout.connect(lambda: (self.resizeRowsToContents(), self.fit()))
        self.horizontalHeader().sectionResized.connect(lambda *_: self._rewrap.start())
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._measured: tuple[list[int], list[int]] | None = None  # see _measure

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        for changed in (model.dataChanged, model.rowsInserted, model.rowsRemoved,
                        model.modelReset, model.layoutChanged):
            changed.connect(self._texts_changed)

    def _texts_changed(self, *_: Any) -> None:
        self._measured = None
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def fit_columns(self) -> None:
        """Share the table's width among its columns so that each keeps its longest word
        whole where it can: in equal shares, at 1366x768, the Response matrix's Situation
        column cut "Misinformati..." while What we do had room to spare."""
        if self._measured is None:
            self._measured = self._measure()
        words, lines = self._measured
        header = self.horizontalHeader()
        for column, width in enumerate(column_widths(words, lines, self.viewport().width(),
                                                     header.minimumSectionSize())):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _measure(self) -> tuple[list[int], list[int]]:
        """The room each column's longest word and its longest text on one line need: its
        cells' text in the table's font, its title's in bold (as drawn while a cell of its
        column is selected), each with the margins the style keeps round it."""
        model, header = self.model(), self.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        # in fractions of a pixel, rounded up: a word 89.1 pixels wide in 89 was cut
        cell = _ceiled(QFontMetricsF(self.font()).horizontalAdvance)
        title = _ceiled(QFontMetricsF(bold).horizontalAdvance)
        cell_margin = 2 * _text_margin(self) + 1  # and the grid's line
        title_margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None,
                                                    header)
        words, lines = [], []
        for column in range(model.columnCount()):
            texts = [(str(model.data(model.index(row, column)) or ""), cell, cell_margin)
                     for row in range(model.rowCount())]
            texts.append((str(model.headerData(column, Qt.Orientation.Horizontal)), title,
                          title_margin))
            words.append(max(max(map(advance, text.split()), default=0) + margin
                             for text, advance, margin in texts))
            lines.append(max(advance(text) + margin for text, advance, margin in texts))
        return words, lines

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab (or Shift+Tab) in a cell being edited keeps what was typed and goes on as it
        does outside one, to the table's buttons (or back): Qt went to the next cell, from
        the last to row 1, whose words then took what was typed next ("Marcus BellZZ";
        found by a tester)."""
        Hint = QAbstractItemDelegate.EndEditHint
        step = {Hint.EditNextItem: True, Hint.EditPreviousItem: False}.get(hint)
        super().closeEditor(editor, Hint.SubmitModelCache if step is not None else hint)
        if step is not None:
            self.focusNextPrevChild(step)

    def fit(self) -> None:
        empty_row = self.fontMetrics().lineSpacing() + 10
        heights = [self.rowHeight(row) for row in range(min(self.model().rowCount(), 8))]
        body = sum(heights) + empty_row * max(0, 2 - len(heights))
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + body
                            + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.model().columnCount() * 50, super().minimumSizeHint().height())


def _text_margin(view: QAbstractItemView) -> int:
    """The room the style keeps each side of a cell's text."""
    return view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1


def _ceiled(advance: Callable[[str], float]) -> Callable[[str], int]:
    return lambda text: math.ceil(advance(text))


class ColumnTitles(QHeaderView):
    """Column titles that share the table's width and wrap at words to fit their columns
    (a title wider than its column was cut at both ends: "andle or addres"); the header is
    as tall as its longest title."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setSectionsClickable(True)  # as QTableView's own header
        self.setHighlightSections(True)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # RowsTable.fit_columns
        self.setMinimumSectionSize(50)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)  # as tall as one line
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        room = QRect(0, 0, self.sectionSize(logical) - 2 * margin, size.height() * 10)
        title = self.model().headerData(logical, self.orientation())
        # measured bold, as the title of the selected cell's column is drawn: measured plain,
        # "Handle or address" wrapped to a third line when bold and was cut
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        lines = metrics.boundingRect(room, self.defaultAlignment(), title).height()
        return QSize(size.width(), size.height() + lines - metrics.height())


class CellDelegate(QStyledItemDelegate):
    """Cell editors that suit the column: a choice list, a clause picker, a date, text."""

    def __init__(self, table: TableField):
        super().__init__(table)
        self.table = table

    def sizeHint(self, option: Any, index: Any) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)  # breathing room above and below text

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: Any,
                  index: Any) -> bool:
        """A cell's words cut short ("@northwindana..." in a narrow column) show whole in its
        tooltip, above what the tooltip says otherwise."""
        if event.type() != QEvent.Type.ToolTip:  # "What's This?" and the like: Qt's own
            return super().helpEvent(event, view, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        margin = _text_margin(view)
        room = view.visualRect(index).adjusted(margin, 0, -margin, 0)
        needed = option.fontMetrics.boundingRect(QRect(0, 0, room.width(), 1_000_000),
                                                 Qt.TextFlag.TextWordWrap, text)
        if needed.width() <= room.width() and needed.height() <= room.height():
            return super().helpEvent(event, view, option, index)
        said = index.data(Qt.ItemDataRole.ToolTipRole) or ""
        QToolTip.showText(event.globalPos(), text if said in ("", text) else f"{text}\n\n{said}",
                          view)
        return True

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        question = self.table.columns[index.column()]
        if question.kind == "choice":
            editor = QComboBox(parent)
            fill_choices(editor, question.item_type)
        elif question.kind == "clause":
            editor = ClauseField(self.table.clauses, parent=parent)
            editor.refresh()
        elif question.kind == "date":
            editor = date_edit(self.table.dates, parent)
            editor.refused.connect(self.table.refused)
        else:
            editor = CellLine(parent)
            editor.show_example(question.example)
            editor.textChanged.connect(editor._italic_when_empty)
            editor.textEdited.connect(self.table.typing)
        editor.setAccessibleName(question.title)
        outline_boxes(editor)  # drawn after the form was framed (outline_boxes in FieldRow)
        return editor

    def updateEditorGeometry(self, editor: QWidget, option: Any, index: Any) -> None:
        """A date box narrower than its date cut it ("Feb 10, 20" in a narrow column): it
        reaches over the cell beside it, to the left in the last column."""
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, DateBox) and editor.width() < editor.sizeHint().width():
            room = self.table.view.viewport().width()
            place = editor.geometry()
            place.setWidth(min(editor.sizeHint().width(), room))
            place.moveRight(min(place.right(), room - 1))
            editor.setGeometry(place)

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, ClauseField):
            editor.show_value(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(str(value)))
        elif isinstance(editor, DateBox):
            if value is not None:
                editor.setDate(to_qdate(value))
        else:
            editor.setText(value)
            editor._italic_when_empty()

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter (or Tab) on what a date's cell did not take leaves it there, the cell open,
        and the form says why under the table: words that are no date (the box put its date
        back with a tooltip that went as the cell closed, so the owner could think the words
        saved), or a date the project refuses, in a year no policy means (the cell closed on
        the date saved before, and the date typed was lost); both found by testers. Qt's
        own cell editors stay open so on Tab with text their validator does not accept.
        Escape gives it up, and what was said of it."""
        if isinstance(editor, DateBox) and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab,
                               Qt.Key.Key_Backtab) and not self._taken(editor):
                return True
            if event.key() == Qt.Key.Key_Escape:
                editor.setDate(editor.date())  # the words go, and why they were no date
                self.table.refused.emit("")  # and why the project refused a date
        return super().eventFilter(editor, event)

    def _taken(self, editor: DateBox) -> bool:
        """The date typed in the box, put in its cell (the current one): whether the cell
        took it."""
        if not editor.take_typed():
            return False
        self.commitData.emit(editor)
        return self.table.view.currentIndex().data(Qt.ItemDataRole.EditRole) \
            == from_qdate(editor.date())

    def setModelData(self, editor: QWidget, item_model: Any, index: Any) -> None:
        if isinstance(editor, DateBox):
            # leaving the cell commits before the box reads its text; words that are no date
            # stay in the box, not taken (an empty cell was given the box's first date, today's)
            editor.take_typed()
        self.read_typed(editor, item_model, index)

    def read_typed(self, editor: QWidget, item_model: Any, index: Any) -> None:
        """The edit the cell's editor holds, made through item_model, the editor left as it
        is: the autosave reads a cell being typed in so. Taking a date's text into its box
        there put half a date ("3/1") back to the saved one under the owner's cursor."""
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, DateBox):
            if (day := editor.date_typed()) is None:
                return  # no date yet: nothing to keep
            value = from_qdate(day)
        else:
            value = editor.text()
        item_model.setData(index, value, Qt.ItemDataRole.EditRole)
