"""A column that scrolls up and down, never sideways: a form, or a panel in a dock.

As narrow as its content allows and only a few lines high, so the window fits a small screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QWidget,
)


class ScrollColumn(QScrollArea):
    """Its content fills its width (labels and help wrap), so focusing a field never
    scrolls the labels sideways out of view; what is taller than the room scrolls."""

    def __init__(self, content: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds, not to it
        if content is not None:
            self.setWidget(content)

    def sizeHint(self) -> QSize:
        # As wide as the content's hint now: Qt keeps the first one it read, and a panel's
        # follows its window's width (ui/findings.py)
        hint = super().sizeHint()
        content = self.widget()
        if content is not None:
            hint.setWidth(content.sizeHint().width() + 2 * self.frameWidth())
        return hint

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the content's hints changed: so do
            self.updateGeometry()  # the column's, for the dock or the splitter it is in
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        # As wide as the content's narrowest layout, so a splitter or a dock never cuts it.
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is not None:
            hint.setWidth(content.minimumSizeHint().expandedTo(content.minimumSize()).width()
                          + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth())
        return hint


class _LinesHigh(ScrollColumn):
    """`lines` lines of its label high whatever the label says, down to `fewest`."""

    def __init__(self, label: QLabel, lines: int, fewest: int, parent: QWidget | None):
        super().__init__(label, parent)
        self.lines, self.fewest = lines, fewest
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._high(self.lines))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._high(self.fewest))

    def _high(self, lines: int) -> int:
        return self.widget().fontMetrics().lineSpacing() * lines


def lines_high(label: QLabel, lines: int, name: str, parent: QWidget | None = None,
               fewest: int | None = None) -> ScrollColumn:
    """A label in a box of its own height, `lines` lines, scrolled when its text is longer: an
    explanation that changes with each pick in a list above no longer moves the buttons below
    it, away from the pointer. Given `fewest`, the box yields down to that many lines where its
    panel is short of room (big text on a laptop), for the list above it. The label is a Tab
    stop whose words the keyboard can select, so the keyboard (and a screen reader, which
    calls it `name`) reads it."""
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(name)
    # a parent now: Tab reaches it where it was made
    return _LinesHigh(label, lines, fewest or lines, parent)


class Filled(QWidget):
    """Holds a panel at the height it is given, down to its minimum. In a ScrollColumn a panel
    of wrapped text was laid out at its preferred height, so a dock of ample height scrolled."""

    def __init__(self, panel: QWidget):
        super().__init__()
        self.panel = panel
        panel.setParent(self)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)  # the column asks heightForWidth(), below
        self.setSizePolicy(policy)

    def minimumSizeHint(self) -> QSize:
        return self.panel.minimumSizeHint().expandedTo(self.panel.minimumSize())

    def sizeHint(self) -> QSize:
        return self.panel.sizeHint()

    def heightForWidth(self, width: int) -> int:
        """The panel's least height at this width, its wrapped text whole: Qt's minimum
        leaves wrapped text out, and the column then cut the text rather than scroll."""
        layout = self.panel.layout()
        if layout is None or not layout.hasHeightForWidth():
            return self.minimumSizeHint().height()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        shown = [item for item in (layout.itemAt(i) for i in range(layout.count()))
                 if not item.isEmpty()]
        return margins.top() + margins.bottom() + max(0, len(shown) - 1) * layout.spacing() + \
            sum(item.heightForWidth(inner) if item.hasHeightForWidth()
                else item.minimumSize().height() for item in shown)

    def resizeEvent(self, event) -> None:
        self.panel.resize(event.size())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the panel's text changed: lay out anew
            area = self.parentWidget()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parentWidget()
            if area is not None:
                QApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))
        return super().event(event)
