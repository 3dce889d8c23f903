"""Frames round an answer's boxes where the style's own are lost: Fusion draws a text box's,
a spin box's, a list's and a checkbox's frame in the window's colour made darker, which on a
black (high-contrast) or dark window cannot be told from the window.

The app draws them itself there, at least 3:1 against the window (WCAG's least for a line).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QLineEdit,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from ui.colours import VISIBLE, muted, readable, text_on

BOXES = (QLineEdit, QAbstractSpinBox, QAbstractScrollArea, QCheckBox)


def lost_outline(widget: QWidget) -> QColor | None:
    """The colour to frame the box in where Fusion's frame is lost (a dark window): the help
    text's grey, at least VISIBLE on the window; else None."""
    palette = widget.palette()
    window = palette.color(QPalette.ColorRole.Window)
    if widget.style().name() != "fusion" or text_on(window) != QColor("white"):
        return None
    return readable(muted(palette), window, VISIBLE)


class _Outlines(QObject):
    """Lets a box paint itself, then draws its frame over the style's lost one."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        colour = lost_outline(watched)
        if colour is None:
            return False
        watched.event(event)  # the box as the style draws it (filters are not asked again)
        painter = QPainter(watched)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1))
        painter.drawRoundedRect(QRectF(_frame(watched)).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        return True


def _frame(box: QWidget) -> QRect:
    """Where the box's frame goes: round it, or round a checkbox's square."""
    if isinstance(box, QCheckBox):
        option = QStyleOptionButton()
        box.initStyleOption(option)
        return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    return box.rect()


_outlines = _Outlines()


def outline_boxes(editor: QWidget) -> None:
    """Frame the editor's boxes (itself, or those it holds) where the style's frames are lost."""
    framed = [box for box in (editor, *editor.findChildren(QWidget)) if isinstance(box, BOXES)
              and not isinstance(box.parentWidget(), QAbstractSpinBox)  # its own text box
              and not (isinstance(box, QAbstractScrollArea) and box.frameWidth() == 0)]
    for box in framed:
        box.installEventFilter(_outlines)
