"""Area tabs down the left side with their titles written level, like a list of steps.

Eight long area titles do not fit across the top; on the side every one stays readable.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionTab, QTabBar, QTabWidget


class LevelTabLabels(QProxyStyle):
    """Lays out and draws west-side tabs as if they were on top, so the text is level."""

    def sizeFromContents(self, kind, option, size, widget=None) -> QSize:
        size = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_TabBarTab:
            size.transpose()
            size.setHeight(max(size.height(), 34))
        return size

    def drawControl(self, element, option, painter, widget=None) -> None:
        if element == QStyle.ControlElement.CE_TabBarTabLabel and isinstance(
                option, QStyleOptionTab):
            level = QStyleOptionTab(option)
            level.shape = QTabBar.Shape.RoundedNorth
            super().drawControl(element, level, painter, widget)
            return
        super().drawControl(element, option, painter, widget)


def put_tabs_on_the_side(tabs: QTabWidget) -> None:
    tabs.setTabPosition(QTabWidget.TabPosition.West)
    style = LevelTabLabels()
    style.setParent(tabs)  # the tab bar does not own its style
    tabs.tabBar().setStyle(style)
