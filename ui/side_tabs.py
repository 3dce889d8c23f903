"""Area tabs down the left side with their titles written level, like a list of steps.

Eight long area titles do not fit across the top; on the side every one stays readable. Where
the work area has no room for them beside the form and the preview, they go across the top.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QScrollArea,
    QStyle,
    QStyleOptionTab,
    QStylePainter,
    QTabBar,
    QTabWidget,
    QToolButton,
)

from ui.colours import focus_colour

GAP = 8  # between a tab's edge, its mark and its title


class LevelTabBar(QTabBar):
    """West-side tabs laid out and labelled as if they were on top, so the text is level.

    The tab bar draws itself rather than through a QProxyStyle: PySide6 hands a style
    override its null widget as a None it does not own, and every tab painted that way
    brought the app nearer a crash ("deallocating None").
    """

    def __init__(self, parent: QTabWidget):
        super().__init__(parent)
        for button in self.findChildren(QToolButton):  # the scroll arrows, when on top: the
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrow keys move between tabs

    def on_the_side(self) -> bool:
        return self.shape() == QTabBar.Shape.RoundedWest

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        if self.on_the_side():
            size.transpose()
            size.setHeight(max(size.height(), 34))
        if self.tabIcon(index).isNull():  # room for the mark the check puts there: the form
            size.setWidth(size.width() + self.iconSize().width() + 4)  # beside never moves
        return size

    def minimumSizeHint(self) -> QSize:
        # Qt's styles tell a side tab bar by its being taller than wide: a shorter one had its
        # scroll buttons put as if on top, which scrolled the first tabs out of sight.
        hint = super().minimumSizeHint()
        return hint.expandedTo(QSize(0, hint.width() + 1)) if self.on_the_side() else hint

    def paintEvent(self, event: QPaintEvent) -> None:
        """Each tab's mark at its left, then its title beside it, so the titles line up (the
        style's label centres a title in the room the mark leaves)."""
        painter = QStylePainter(self)
        option = QStyleOptionTab()
        size = self.iconSize()
        for index in range(self.count()):
            self.initStyleOption(option, index)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabShape, option)
            room = option.rect.adjusted(GAP, 0, -GAP, 0)
            mark = QRect(room.left(), room.center().y() - size.height() // 2, size.width(),
                         size.height())
            option.icon.paint(painter, mark)
            title = room.adjusted(size.width() + GAP, 0, 0, 0)
            painter.drawItemText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 option.palette, self.isTabEnabled(index), option.text,
                                 QPalette.ColorRole.WindowText)
            keyboard = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
            if option.state & keyboard == keyboard:  # the keyboard came to this tab
                # a frame of our own: the style's was faint on a dark tab (1.2:1)
                painter.setPen(QPen(focus_colour(option.palette, option.palette.color(
                    QPalette.ColorRole.Window)), 2))
                painter.drawRect(QRectF(option.rect).adjusted(3, 3, -3, -3))


def put_tabs_on_the_side(tabs: QTabWidget) -> None:
    tabs.setTabBar(LevelTabBar(tabs))
    tabs.setTabPosition(QTabWidget.TabPosition.West)


class TabsThatFit(QObject):
    """Keeps the area tabs on the side while the work area (`work`, which scrolls `content`)
    is as wide as the content needs with them there, and puts them across the top when it is
    not: at 2x on a 1920x1080 screen, with counsel's review open beside, the side tabs took
    the room the preview needed, and the preview scrolled out of sight."""

    def __init__(self, tabs: QTabWidget, work: QScrollArea):
        super().__init__(tabs)
        self.tabs, self.work = tabs, work
        self.needs_on_the_side = 0
        work.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        bar = self.tabs.tabBar()
        if isinstance(bar, LevelTabBar) and bar.on_the_side():
            self.needs_on_the_side = self.work.widget().minimumSizeHint().width()
        side = self.work.viewport().width() >= self.needs_on_the_side
        self.tabs.setTabPosition(QTabWidget.TabPosition.West if side
                                 else QTabWidget.TabPosition.North)
