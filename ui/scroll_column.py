"""A column that scrolls up and down, never sideways: a form, or a panel in a dock.

As narrow as its content allows and only a few lines high, so the window fits a small screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class ScrollColumn(QScrollArea):
    """Its content fills its width (labels and help wrap), so focusing a field never
    scrolls the labels sideways out of view; what is taller than the room scrolls."""

    def __init__(self, content: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if content is not None:
            self.setWidget(content)

    def minimumSizeHint(self) -> QSize:
        # As wide as the content's narrowest layout, so a splitter or a dock never cuts it.
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is not None:
            hint.setWidth(content.minimumSizeHint().expandedTo(content.minimumSize()).width()
                          + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth())
        return hint


class Filled(QWidget):
    """Holds a panel at the height it is given, down to its minimum. In a ScrollColumn a panel
    of wrapped text was laid out at its preferred height, so a dock of ample height scrolled."""

    def __init__(self, panel: QWidget):
        super().__init__()
        self.panel = panel
        panel.setParent(self)

    def minimumSizeHint(self) -> QSize:
        return self.panel.minimumSizeHint().expandedTo(self.panel.minimumSize())

    def sizeHint(self) -> QSize:
        return self.panel.sizeHint()

    def resizeEvent(self, event) -> None:
        self.panel.resize(event.size())
