"""Editors for fixed answers: a checkbox, one choice, several choices, a number, a clause.

Each shows its value without reporting it back and commits only what the user picks.
"""

from __future__ import annotations

import time
import unicodedata

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPaintEvent, QValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from smpolicy_desktop.model import Choice
from smpolicy_desktop.questions import Question

from .base import NOT_SET, Clauses, Commit, FieldEditor, guard_wheel, leave_window_keys


class CheckField(QWidget, FieldEditor):
    """A yes/no answer: a checkbox whose label wraps, so a long question never widens the
    form; clicking the label ticks the box, as with a plain checkbox."""

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox()
        self.box.setAccessibleName(question.title)
        self.label = QLabel(question.title, wordWrap=True)
        self.label.setBuddy(self.box)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setFocusProxy(self.box)
        self.box.clicked.connect(lambda checked: commit((), checked))

    def mousePressEvent(self, event) -> None:
        event.accept()  # a press on the label (which ignores it) comes here

    def mouseReleaseEvent(self, event) -> None:
        if self.rect().contains(event.position().toPoint()):
            self.box.click()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def show_value(self, value: bool) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))


def fill_choices(combo: QComboBox, choices: type[Choice]) -> None:
    for choice in choices:
        combo.addItem(choice.label, str(choice))


class ElidingComboBox(QComboBox):
    """A drop-down whose choice, when the box is too narrow for it, ends in "..." (and shows
    whole as a tooltip) instead of being cut off mid-word."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)  # long labels elide rather than widen the form

    def shown_text(self) -> str:
        """The current choice as it fits in the box."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight,
                                             field.width())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        self.setToolTip(self.currentText() if option.currentText != self.currentText() else "")
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ChoiceField(ElidingComboBox, FieldEditor):
    """One fixed answer from a drop-down. Letters typed on it pick the first choice whose
    name, or a word of it, starts with them, spaces and all ("United K", "kingdom"); what
    they picked becomes the answer once the typing pauses or the box is left. Qt's own search
    made each letter an answer, and the policy rendered anew after each one took so long that
    the next letter started a new search ("Canada" picked Andorra), and a space opened the
    list ("United K" picked Nicaragua; found by a tester)."""

    typing = Signal()  # a choice picked by letters: no edit of the answer until taken

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        fill_choices(self, question.item_type)
        guard_wheel(self)
        self._typed, self._typed_at = "", 0.0
        self._shown: str | None = None  # the answer, as its item's data
        self._take_typed = QTimer(self, singleShot=True,
                                  interval=QApplication.keyboardInputInterval())
        self._commit = commit
        self._take_typed.timeout.connect(self._answer)
        self.activated.connect(lambda index: (self._take_typed.stop(),
                                              commit((), self.itemData(index))))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text, now = event.text(), time.monotonic()
        if now - self._typed_at > QApplication.keyboardInputInterval() / 1000:
            self._typed = ""
        if not text or not text.isprintable() or not (text.strip() or self._typed) or \
                event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            super().keyPressEvent(event)  # arrows, Space to open the list, ...
            return
        self._typed, self._typed_at = self._typed + text, now
        row = self._row_named(self._typed)
        if row is not None:
            with QSignalBlocker(self):
                self.setCurrentIndex(row)
            self.update()
            self._take_typed.start()
            self.typing.emit()

    def _row_named(self, typed: str) -> int | None:
        """The first choice offered whose name, else a word of it, starts with typed."""
        typed = _plain(typed)
        offered = [(row, _plain(self.itemText(row))) for row in range(self.count())
                   if self.itemData(row) and self.model().item(row).isEnabled()]
        return next((row for row, name in offered if name.startswith(typed)),
                    next((row for row, name in offered
                          if any(word.startswith(typed) for word in name.split())), None))

    def event(self, event: QEvent) -> bool:
        """Tab goes on after the choice typed is the answer (the state box it enables is
        the next stop, not skipped as still greyed out)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab,
                                                                    Qt.Key.Key_Backtab):
            self.answer_typed()
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.answer_typed()
        super().focusOutEvent(event)

    def _answer(self) -> None:
        self._typed = ""  # what is typed next starts a new name
        self._commit((), self.currentData())

    def answer_typed(self) -> None:
        """The choice typed, if it is waiting for the typing to pause, made the answer now."""
        if self._take_typed.isActive():
            self._take_typed.stop()
            self._answer()

    def typed(self) -> list[tuple[tuple, str]]:
        """The choice typed, while it waits for the typing to pause, if it is another."""
        picked = self.currentData()
        return [((), picked)] if self._take_typed.isActive() and picked != self._shown else []

    def show_value(self, value: Choice) -> None:
        self._take_typed.stop()
        self._shown = str(value)
        with QSignalBlocker(self):
            self.setCurrentIndex(self.findData(self._shown))

    def offer_only(self, prefix: str) -> None:
        """Offer "Not set" and the choices whose code starts with prefix (a country's
        states); the box is greyed out when there is none to pick."""
        items = self.model()
        offered = 0
        for row in range(self.count()):
            code = str(self.itemData(row) or "")
            shown = not code or code.startswith(prefix)
            offered += bool(code) and shown
            self.view().setRowHidden(row, not shown)
            items.item(row).setEnabled(shown)
        self.setEnabled(offered > 0)


def _plain(text: str) -> str:
    """Text as typed to find a name: no case, no accents ("cote" for "Côte d'Ivoire")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
            box.setAccessibleDescription(question.title)  # the question it is an answer to
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

    typing = Signal()  # in its box: no edit of the answer until Enter or the box is left

    def __init__(self, question: Question, commit: Commit):
        super().__init__()
        self.optional = question.optional
        self.setRange(question.minimum - self.optional, question.maximum)
        if self.optional:
            self.setSpecialValueText(NOT_SET)
        self.setKeyboardTracking(False)  # typing "40" is one edit, not "4" then "40"
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 10) + 40)
        guard_wheel(self)
        leave_window_keys(self)
        self.valueChanged.connect(lambda number: commit((), self._answer(number)))
        self.valueChanged.connect(lambda _: self.lineEdit().setModified(False))  # an answer now
        self.lineEdit().textEdited.connect(self.typing)

    def typed(self) -> list[tuple[tuple, int | None]]:
        """The number typed and not taken yet, when the box would take it (Qt's validate and
        valueFromText, as interpretText reads it) and it is another than the answer."""
        text = self.lineEdit().text()
        if self.validate(text, 0)[0] != QValidator.State.Acceptable:
            return []
        number = self.valueFromText(text)
        return [] if number == self.value() else [((), self._answer(number))]

    def _answer(self, number: int) -> int | None:
        return None if self.optional and number == self.minimum() else number

    def show_value(self, value: int | None) -> None:
        with QSignalBlocker(self):
            self.setValue(self.minimum() if value is None else value)
        self.lineEdit().setModified(False)


class ClauseField(ElidingComboBox, FieldEditor):
    """Picks a clause of the rendered policy; the list is read afresh each time it opens."""

    def __init__(self, clauses: Clauses, commit: Commit | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.clauses = clauses
        self.loaded = False
        guard_wheel(self)
        if commit:
            self.activated.connect(lambda index: commit((), self.itemData(index)))

    def refresh(self) -> None:
        current = self.currentData() or ""
        with QSignalBlocker(self):
            self.clear()
            self.addItem("(no clause)", "")
            for clause_id, heading in self.clauses(()).items():
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
                self.addItem(self.clauses([value])[value], value)
                index = self.count() - 1
            self.setCurrentIndex(index)
