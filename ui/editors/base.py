"""What every answer editor shares: how it reports edits, its example, its keys and marks.

An editor shows the value it is given (show_value, never reporting it back) and reports each
user edit through commit(rest, value, undo_text); rest is () for the whole answer or
(row,) / (row, column name) inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

Commit = Callable[..., None]  # commit(rest: tuple, value, undo_text: str | None = None)
# clause id -> its name (render.clause_names): the policy's clauses in document order, and
# the ones asked for that it no longer has
Clauses = Callable[[Iterable[str]], dict[str, str]]


class DateText(Protocol):
    """Dates as the project has them, read from it each time (its country may change)."""

    def __call__(self, value: date) -> str:
        """A date as the project's policy writes it (long_date_in)."""

    def week_start(self) -> Qt.DayOfWeek:
        """The day weeks start on in the project's country: a calendar's first column."""


MARK_COLOUR = QColor(240, 140, 20)
MARK_BACKGROUND = QColor(240, 140, 20, 70)  # translucent, so it reads on light and dark themes
NOT_SET = "Not set"
NEW_ENTRY = "newEntry"  # the object name of a list's box for its next item (take_typing)
# The most a one-line box holds (QLineEdit.setMaxLength). Qt's default of 32,767 characters
# would cut a longer answer from a file, and the next edit would save it cut.
WHOLE_TEXT = 2**31 - 1


class FieldEditor:
    """What the form asks of every editor, beyond being a widget."""

    kind = ""  # the kind of answer it edits (questions.KINDS), set by make_editor()

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def typed(self) -> list[tuple[tuple, Any]]:
        """What is typed here and not yet the answer, as the edits taking it makes: (rest,
        value), as commit() gets them. The autosave keeps them without taking them."""
        return []

    def focus_item(self, rest: tuple) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_marks(self, marks: dict[tuple, str]) -> None:
        """Marks on items inside the answer (rows, cells); the form marks the answer itself."""


def example_text(example: str) -> str:
    """An example shown in an empty box, worded so it never reads as a filled-in answer."""
    return f"e.g. {example}" if example else ""


class ShowsExample:
    """A text box whose example (placeholder) is in italics, unlike a real answer."""

    def show_example(self, example: str) -> None:
        self.setPlaceholderText(example_text(example))
        self._italic_when_empty()

    def _italic_when_empty(self) -> None:
        font = self.font()
        empty = not self.text() if hasattr(self, "text") else self.document().isEmpty()
        if font.italic() != empty:
            font.setItalic(empty)
            self.setFont(font)


# Keys a text box keeps even when the window has an action on them: text editing itself.
_TEXT_KEYS = tuple(QKeySequence.StandardKey(k) for k in (
    QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Delete))


def window_owns(widget: QWidget, event: QKeyEvent) -> bool:
    """True when the key is a shortcut of the window (Undo, Export...), not text editing.

    QLineEdit claims Ctrl+E (end of line on X11) and Ctrl+Z before the window's shortcuts.
    """
    if any(event.matches(key) for key in _TEXT_KEYS):
        return False
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
            QKeySequence.StandardKey.Redo):
        return True
    if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):
        return False
    pressed = QKeySequence(event.keyCombination())
    return any(action.isEnabled() and pressed in action.shortcuts()
               for action in widget.window().findChildren(QAction))


class ShowsItsStart:
    """A one-line box that reads from its start again when it narrows. Qt keeps the place
    of the cursor in view, which after typing is the end: the start of the answer went out
    of sight to the left. The box being typed in keeps its cursor where it is."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # type: ignore[misc]
        if event.size().width() < event.oldSize().width() \
                and self.window().focusWidget() is not self:
            self.setCursorPosition(0)


class WindowKeys:
    """Text boxes leave the window's shortcuts (Ctrl+Z, Ctrl+E, ...) to the window, whose
    undo covers every field."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and window_owns(self, event):
            event.ignore()
            return False
        return super().event(event)


class _BoxKeys(QObject):
    """A number's or date's box (its line edit and the box around it) leaves the window's
    shortcuts to the window, as WindowKeys does, but for Undo and Redo while something is typed
    there: it is not an answer until Enter, so they undo the typing. With nothing typed since
    the box last showed or took an answer (its line edit not modified), they are the window's:
    Ctrl+8 put the keyboard in "Review every (months)", where Ctrl+Z did nothing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and window_owns(watched, event):  # type: ignore[arg-type]
            edit = watched if isinstance(watched, QLineEdit) else watched.findChild(QLineEdit)
            if (event.matches(QKeySequence.StandardKey.Undo)
                    or event.matches(QKeySequence.StandardKey.Redo)) \
                    and edit is not None and edit.isModified():
                return False
            event.ignore()
            return True
        return False


_box_keys: _BoxKeys | None = None


def leave_window_keys(box: QWidget) -> None:
    """Ctrl+E and the other window keys work from a spin or date box (QLineEdit inside it
    takes Ctrl+E as "end of line" on X11)."""
    global _box_keys
    _box_keys = _box_keys or _BoxKeys(QApplication.instance())
    for widget in (box, *box.findChildren(QLineEdit)):
        widget.installEventFilter(_box_keys)


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


def guard_wheel(widget: QWidget) -> None:
    global _wheel_guard
    _wheel_guard = _wheel_guard or _WheelGuard(QApplication.instance())
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_wheel_guard)


def lines_high(box: QPlainTextEdit, lines: int) -> int:
    """The height that shows `lines` lines whole. QPlainTextEdit counts its document's margin
    above and below the text and wants one pixel to spare: a box a pixel shorter scrolled."""
    margin = round(box.document().documentMargin())
    return box.fontMetrics().lineSpacing() * lines + 2 * box.frameWidth() + 2 * margin + 1


def keep_in_view(widget: QWidget, rect: Callable[[], QRect]) -> None:
    """Once the form is laid out, the part `rect` of widget (where the keyboard is, or a
    message) scrolled into view in the form: typing in a box growing past the form's bottom,
    or in a table's new row, went on out of sight (found by a tester)."""
    def scroll() -> None:
        area = widget.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None or area.widget() is None:
            return
        # the layouts still to run, the form's height too: the timer may come before them
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        where = rect()
        top = widget.mapTo(area.widget(), where.topLeft())
        bottom = widget.mapTo(area.widget(), where.bottomLeft())
        margin = widget.fontMetrics().height() // 2
        area.ensureVisible(bottom.x(), bottom.y(), 0, margin)
        area.ensureVisible(top.x(), top.y(), 0, margin)  # its top first, if both cannot show
    QTimer.singleShot(0, scroll)


def follow_current(view: QAbstractItemView) -> None:
    """The current item (a row added or moved) kept in view while the keyboard is there."""
    def followed(current) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and (focus is view or view.isAncestorOf(focus)):
            keep_in_view(view.viewport(), lambda: view.visualRect(current))
    view.selectionModel().currentChanged.connect(followed)
