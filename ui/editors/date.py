"""Editors for dates: a date box with a calendar, and an answer that may be left empty.

A box writes a date in the order its project's policy does: "Dec 2, 2026" in a US project,
"2 Dec 2026" elsewhere, whatever the system.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from smpolicy_desktop.questions import Question

from .base import Commit, DateText, FieldEditor, guard_wheel, leave_window_keys

_SAMPLE = date(1999, 12, 31)  # its day, month and year cannot be taken for one another


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def follow_dates(edit: QDateEdit, dates: DateText) -> None:
    """The box writes a date in the order `dates` (long_date_in, for the project) does, its
    month short: "Dec 4, 2026" beside "December 4, 2026" in the policy, or "4 Dec 2026"."""
    written = dates(_SAMPLE)  # "December 31, 1999" or "31 December 1999"
    shape = re.sub(r"[^\W\d]+", "MMM", written).replace("31", "d").replace("1999", "yyyy")
    if edit.displayFormat() != shape:  # a new format lays the box out again: not per key
        edit.setDisplayFormat(shape)


def date_edit(dates: DateText, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    follow_dates(edit, dates)
    # The month in English, as the policy names it ("4 déc. 2026" on a French system), and
    # the same on every system ("Sep": Qt's British English says "Sept"). The calendar's weeks
    # still start on the day the system's country starts them.
    edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    edit.calendarWidget().setFirstDayOfWeek(QLocale().firstDayOfWeek())
    edit.setMinimumDate(QDate(100, 1, 1))  # the earliest Qt allows; its default, 14 Sep 1752,
    # showed a file's earlier date as that day while the policy said the file's date
    edit.setKeyboardTracking(False)
    edit.setDate(QDate.currentDate())
    guard_wheel(edit)
    leave_window_keys(edit)
    return edit


class DateField(QWidget, FieldEditor):
    """A date that may be left empty: a "Set" checkbox beside the date."""

    def __init__(self, question: Question, commit: Commit, dates: DateText):
        super().__init__()
        self.dates = dates
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.is_set = QCheckBox("Set")
        self.is_set.setAccessibleName(f"{question.title} is set")
        self.suggestion: Callable[[], date | None] = lambda: None  # the date "Set" fills in
        self.edit = date_edit(dates)
        self.edit.setAccessibleName(question.title)
        layout.addWidget(self.is_set)
        layout.addWidget(self.edit)
        layout.addStretch()
        self.setFocusProxy(self.is_set)
        self.is_set.clicked.connect(
            lambda on: commit((), from_qdate(self.edit.date()) if on else None))
        self.edit.dateChanged.connect(lambda day: commit((), from_qdate(day)))

    def show_value(self, value: date | None) -> None:
        """The answer, in the order the project's policy writes dates now."""
        with QSignalBlocker(self.is_set), QSignalBlocker(self.edit):
            follow_dates(self.edit, self.dates)
            self.is_set.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
            shown = value or self.suggestion()
            if shown is not None:
                self.edit.setDate(to_qdate(shown))
