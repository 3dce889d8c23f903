"""The window from the keyboard alone: Tab in the order the window reads, and F6 / Shift+F6
from one pane to the next (the questions, the preview, the risk check, counsel's review).

Qt's Tab order is the order widgets were made in, and the forms and docks are made late (a form
when first shown), so Tab went from the area tabs to the preview, or from a form to the docks
and back to the middle of another form. The window asks here where Tab goes instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def tab_moves_on(box: QPlainTextEdit) -> QPlainTextEdit:
    """A multi-line box in a dialog that Tab leaves, as the form's boxes do (it typed tab
    characters into the reply to counsel and the clause's wording; found by testers), and
    Ctrl+Tab (Ctrl+Shift+Tab) too, as Tab (Shift+Tab): the keyboard goes on (or back), as from
    a box that takes Tab in other programs (GTK's). Qt leaves Ctrl+Tab to the box, which did
    nothing with it."""
    box.setTabChangesFocus(True)
    box.installEventFilter(_CtrlTabAsTab(box))
    return box


class _CtrlTabAsTab(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            QApplication.sendEvent(watched, QKeyEvent(
                QEvent.Type.KeyPress, event.key(),
                event.modifiers() & ~Qt.KeyboardModifier.ControlModifier))
            return True
        return False


def panes(window: MainWindow) -> list[QWidget]:
    """The panes on screen, in the order F6 visits them: the questions (with the notices above
    the areas' tabs), the preview and its find bar, then each dock shown."""
    return [window.tabs.parentWidget(), window.preview.parentWidget(),
            *(dock for dock in (window.findings_dock, window.review_dock) if dock.isVisible())]


def tab_order(window: MainWindow) -> list[QWidget]:
    """Every widget Tab stops at now, in the order Tab visits them: the notices above the
    areas, the areas' tabs, the form shown, the preview, the docks. Within each, the order
    the widgets were made in, which is the order they show in."""
    shown = panes(window)
    tabs, form = window.tabs, window.tabs.currentWidget()

    def place(widget: QWidget) -> int | None:
        if form.isAncestorOf(widget):
            return 2
        if tabs.isAncestorOf(widget):
            return 1
        return next((2 + i if i else 0 for i, pane in enumerate(shown)
                     if pane.isAncestorOf(widget)), None)

    stops: list[tuple[int, QWidget]] = []
    widget = window.nextInFocusChain()
    while widget is not window:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None \
                and widget.isVisible() and widget.isEnabled() \
                and (rank := place(widget)) is not None:
            stops.append((rank, widget))
        widget = widget.nextInFocusChain()
    return [stop for _, stop in sorted(stops, key=lambda pair: pair[0])]


def tab_from(window: MainWindow, forward: bool) -> bool:
    """Tab (or Shift+Tab) to the next widget in tab_order(); False when the keyboard is in
    none of them (the toolbar, a dialog's part), where Qt's own order goes on."""
    stops = tab_order(window)
    here = QApplication.focusWidget()
    if here not in stops:
        return False
    step, reason = (1, Qt.FocusReason.TabFocusReason) if forward else \
        (-1, Qt.FocusReason.BacktabFocusReason)
    stops[(stops.index(here) + step) % len(stops)].setFocus(reason)
    return True


class PaneKeys(QObject):
    """F6 and Shift+F6: the keyboard goes to the next (or previous) pane: back where it was
    when F6 last left that pane, else to its start (in the questions: the form's first answer)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.left: dict[int, QWidget] = {}  # id of a pane -> where the keyboard was as F6 left it

    def _pane_of(self, widget: QWidget | None) -> QWidget | None:
        return next((pane for pane in panes(self.window)
                     if widget is not None and pane.isAncestorOf(widget)), None)

    def move(self, step: int) -> None:
        shown = panes(self.window)
        here = QApplication.focusWidget()
        pane = self._pane_of(here)
        if pane is not None and here is not None:
            self.left[id(pane)] = here
        index = shown.index(pane) + step if pane in shown else 0 if step > 0 else -1
        self.enter(shown[index % len(shown)])

    def enter(self, pane: QWidget) -> None:
        last = self.left.get(id(pane))
        if last is not None and shiboken6.isValid(last) and last.isVisible() \
                and pane.isAncestorOf(last):
            last.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif pane is self.window.tabs.parentWidget():
            form = self.window.tabs.currentWidget()
            form.focus_field(form.fields()[0])
        else:
            stops = [stop for stop in tab_order(self.window) if pane.isAncestorOf(stop)]
            (stops[0] if stops else pane).setFocus(Qt.FocusReason.ShortcutFocusReason)
