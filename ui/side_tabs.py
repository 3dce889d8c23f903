"""Area tabs down the left side with their titles written level, like a list of steps.

Eight long area titles do not fit across the top; on the side every one stays readable.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionTab,
    QStylePainter,
    QTabBar,
    QTabWidget,
)

GAP = 8  # between a tab's edge, its mark and its title


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
            if option.state & QStyle.StateFlag.State_HasFocus:  # the keyboard is on this tab
                focus = QStyleOptionFocusRect()
                focus.initFrom(self)
                focus.rect = option.rect.adjusted(3, 3, -3, -3)
                painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


def put_tabs_on_the_side(tabs: QTabWidget) -> None:
    tabs.setTabBar(LevelTabBar(tabs))
    tabs.setTabPosition(QTabWidget.TabPosition.West)
