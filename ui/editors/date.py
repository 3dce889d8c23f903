"""Editors for dates: a date box with a calendar, and an answer that may be left empty.

A box writes a date in the order its project's policy does: "Dec 2, 2026" in a US project,
"2 Dec 2026" elsewhere, whatever the system. It reads a date typed whole in any usual way
("12/31/2026", "31.12.2026", "31-12-2026", "2026-12-31", "Dec 31 2026", "31 december 2026",
"1st March 2026", "5 Sept. 2026"), its year in two figures too ("12/31/26", "Dec 31 26"), as
well as one picked in its calendar, whose weeks start on the day the project's country's do,
or stepped with the arrow keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QWidget,
)

from smpolicy_desktop.questions import Question

from .base import Commit, DateText, FieldEditor, guard_wheel, leave_window_keys

_SAMPLE = date(1999, 12, 31)  # its day, month and year cannot be taken for one another
# The month in English, as the policy names it ("4 déc. 2026" on a French system), and the
# same on every system ("Sep": Qt's British English says "Sept").
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
# Ways to type a date whole, after commas go and each word is capitalised ("dec" -> "Dec");
# numbers alone are read in the order the box shows dates (month first in a US project). A
# year in two figures is one from 1950 to 2049 ("Mar 1 26" was no date).
_WORDS = tuple(f"{shape} {year}" for year in ("yyyy", "yy")
               for shape in ("MMM d", "MMMM d", "d MMM", "d MMMM"))
_NUMBERS = {True: ("M/d/yyyy", "M/d/yy"), False: ("d/M/yyyy", "d/M/yy")}
_CENTURY = 1950  # the first year a year in two figures can be


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def follow_dates(edit: DateBox, dates: DateText) -> None:
    """The box writes a date in the order `dates` (long_date_in, for the project) does, its
    month short: "Dec 4, 2026" beside "December 4, 2026" in the policy, or "4 Dec 2026"; its
    calendar's weeks start as the project's country's do, whatever the system's."""
    written = dates(_SAMPLE)  # "December 31, 1999" or "31 December 1999"
    shape = re.sub(r"[^\W\d]+", "MMM", written).replace("31", "d").replace("1999", "yyyy")
    if edit.displayFormat() != shape:
        edit.setDisplayFormat(shape)
    calendar = edit.calendarWidget()
    if calendar.firstDayOfWeek() != (first := dates.week_start()):
        calendar.setFirstDayOfWeek(first)


def week_start_in(country: str) -> Qt.DayOfWeek:
    """The day weeks start on in the country (its ISO code), as Qt's locale data (CLDR) says:
    Monday in the UK, Germany and Australia, Sunday in the US and Canada; with no country
    set, as in the system's."""
    territory = QLocale.codeToTerritory(country)
    return (QLocale() if territory == QLocale.Country.AnyTerritory else
            QLocale(QLocale.Language.AnyLanguage, territory)).firstDayOfWeek()


def read_date(text: str, month_first: bool) -> QDate | None:
    """The date typed, or None when it is none: also with a day's ending ("1st March"), a
    month's full stop or British "Sept" ("5 Sept. 2026"), dashes ("31-12-2026") and the year
    first ("2026/12/31")."""
    words = " ".join(text.replace(",", " ").split()).title()
    words = re.sub(r"(?<=\d)(?:St|Nd|Rd|Th)\b", "", words)
    words = re.sub(r"\b(Sep)t\b", r"\1", re.sub(r"(?<=[A-Za-z])\.", "", words))
    numbers = re.sub(r"\s*[./-]\s*", "/", words)
    for shape, typed in [*((f, words) for f in _WORDS),
                         *((f, numbers) for f in ("yyyy/M/d", *_NUMBERS[month_first]))]:
        day = _ENGLISH.toDate(typed, shape, _CENTURY)
        if day.isValid():
            return day
    return None


class DateBox(QLineEdit):
    """A date typed whole, picked in the calendar (the button, or Alt+Down) or stepped a day
    at a time (Up, Down); `dateChanged` when it is another date. Text that is no date stays
    in the box, not taken, and `refused` says why (the form shows it under the answer), then
    "" once the box shows its date again."""

    dateChanged = Signal(QDate)
    refused = Signal(str)
    # The earliest and latest a date can be, a Python date's: a file's date earlier than the
    # earliest would show as that day while the policy said the file's date (Qt's calendar
    # stops at 1752 unless told), and a date typed earlier was said to be no date ("Mar 1,
    # 0026", which the project's rules refuse with its year named: dates.YEARS); Up on
    # December 31, 9999 raised, showing "Jan 1, +10000" (found by a tester).
    EARLIEST, LATEST = QDate(1, 1, 1), QDate(9999, 12, 31)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._date, self._shape = QDate.currentDate(), "MMM d, yyyy"
        self.refusing = False  # the words in the box are no date: `refused` said why
        self.setText(self._written())
        self._calendar = QCalendarWidget(self)  # a window of its own, gone with the box
        self._calendar.setWindowFlags(Qt.WindowType.Popup)
        self._calendar.setMinimumDate(self.EARLIEST)
        self._calendar.clicked.connect(self._picked)
        self._calendar.activated.connect(self._picked)  # Enter: the keyboard's pick (a tester)
        icon = QIcon.fromTheme("x-office-calendar",
                               self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        pick = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("Pick the date in a calendar (Alt+Down)")
        pick.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self.take_typed)

    def date(self) -> QDate:
        return self._date

    def setDate(self, value: QDate | date) -> None:
        self._refuse("")  # any words refused are gone
        value = min(max(value if isinstance(value, QDate) else to_qdate(value), self.EARLIEST),
                    self.LATEST)
        changed = value != self._date
        self._date = value
        self.setText(self._written())
        if changed:
            self.dateChanged.emit(value)

    def displayFormat(self) -> str:
        return self._shape

    def setDisplayFormat(self, shape: str) -> None:
        self._shape = shape
        self.setText(self._written())
        self.updateGeometry()  # a new format lays the box out again: not per key

    def calendarWidget(self) -> QCalendarWidget:
        return self._calendar

    def show_calendar(self) -> None:
        """The calendar below the box, or above it where the screen ends first (at 2x on a
        laptop it opened half off the screen; found by a tester)."""
        self._calendar.setSelectedDate(self._date)
        size, screen = self._calendar.sizeHint(), self.screen().availableGeometry()
        below, above = self.mapToGlobal(QPoint(0, self.height())), self.mapToGlobal(QPoint())
        y = below.y() if below.y() + size.height() <= screen.bottom() else \
            max(screen.top(), above.y() - size.height())
        x = max(screen.left(), min(below.x(), screen.right() - size.width()))
        self._calendar.move(x, y)
        self._calendar.show()
        self._calendar.setFocus()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        longest = _ENGLISH.toString(QDate(2000, 9, 30), self._shape)
        return QSize(self.fontMetrics().horizontalAdvance(longest) + 3 * hint.height(),
                     hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_Down and alt:
            self.show_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.take_typed()
            self.setDate(self._date.addDays(1 if key == Qt.Key.Key_Up else -1))
        else:
            super().keyPressEvent(event)

    def _picked(self, day: QDate) -> None:
        self._calendar.hide()
        self.setDate(day)
        self.setFocus()

    def take_typed(self) -> bool:
        """Read the text typed, if it changed: the date it says, taken; or, when it says none,
        the text left as it is and `refused` saying why (the words were put back to the date
        with a tooltip, gone as a table's cell closed; found by a tester). Whether it was a
        date."""
        shown = self._written()
        if self.text() == shown:
            self.setModified(False)  # typed back as it was: nothing left to undo in the box
            self._refuse("")
            return True
        day = self.date_typed()
        if day is None:
            self._refuse(f"\u201c{self.text()}\u201d is not a date. Type one as {shown}, or "
                         "pick it in the calendar")
            return False
        self.setDate(day)
        return True

    def _refuse(self, why: str) -> None:
        """`refused` says why the words in the box are no date, or "" that none are now."""
        if why or self.refusing:
            self.refusing = bool(why)
            self.refused.emit(why)

    def date_typed(self) -> QDate | None:
        """The date the text typed says, or None when it says none; nothing is taken."""
        day = read_date(self.text(), self._shape.startswith("M"))
        return None if day is None or day < self.EARLIEST else day

    def _written(self) -> str:
        return _ENGLISH.toString(self._date, self._shape)


def date_edit(dates: DateText, parent: QWidget | None = None) -> DateBox:
    edit = DateBox(parent)
    follow_dates(edit, dates)
    guard_wheel(edit)
    leave_window_keys(edit)
    return edit


class DateField(QWidget, FieldEditor):
    """A date that may be left empty: a "Set" checkbox beside the date."""

    typing = Signal()  # in the date's box: no edit of the answer until taken
    refused = Signal(str)  # why the words in its box are no date; "" once none are

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
        self.edit.textEdited.connect(self.typing)
        self.edit.refused.connect(self.refused)

    def typed(self) -> list[tuple[tuple, date]]:
        """The date typed and not taken yet, when it is one and another than the answer."""
        day = self.edit.date_typed() if self.is_set.isChecked() else None
        return [] if day is None or day == self.edit.date() else [((), from_qdate(day))]

    def show_value(self, value: date | None) -> None:
        """The answer, in the order the project's policy writes dates now."""
        with QSignalBlocker(self.is_set), QSignalBlocker(self.edit):
            follow_dates(self.edit, self.dates)
            self.is_set.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
            # with none, the date "Set" would fill in: never the last project's answer
            self.edit.setDate(to_qdate(value or self.suggestion() or date.today()))
