"""Area tabs down the left side with their titles written level, like a list of steps.

Eight long area titles do not fit across the top; on the side every one stays readable.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QStyle, QStyleOptionTab, QStylePainter, QTabBar, QTabWidget


class LevelTabBar(QTabBar):
    """West-side tabs laid out and labelled as if they were on top, so the text is level.

    The tab bar draws itself rather than through a QProxyStyle: PySide6 hands a style
    override its null widget as a None it does not own, and every tab painted that way
    brought the app nearer a crash ("deallocating None").
    """

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        size.transpose()
        size.setHeight(max(size.height(), 34))
        if self.tabIcon(index).isNull():  # room for the mark the check puts there: the form
            size.setWidth(size.width() + self.iconSize().width() + 4)  # beside never moves
        return size

    def minimumSizeHint(self) -> QSize:
        # Qt's styles tell a side tab bar by its being taller than wide: a shorter one had its
        # scroll buttons put as if on top, which scrolled the first tabs out of sight.
        hint = super().minimumSizeHint()
        return hint.expandedTo(QSize(0, hint.width() + 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionTab()
        for index in range(self.count()):
            self.initStyleOption(option, index)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabShape, option)
            option.shape = QTabBar.Shape.RoundedNorth
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabLabel, option)


def put_tabs_on_the_side(tabs: QTabWidget) -> None:
    tabs.setTabBar(LevelTabBar(tabs))
    tabs.setTabPosition(QTabWidget.TabPosition.West)
