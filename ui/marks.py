"""The progress marks on the area tabs: an open ring, a half-filled circle, a tick.

Drawn with QPainter at the screen's pixel ratio, so they stay sharp on high-DPI displays.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZE = 16
COLOURS = {"empty": "#9aa0a6", "partial": "#d98c00", "done": "#2e8540"}


@cache
def status_icon(status: str) -> QIcon:
    """"empty", "partial" or "done" as a small icon."""
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() \
        else 1.0
    pixmap = QPixmap(round(SIZE * ratio), round(SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(COLOURS[status])
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    circle = QRectF(2, 2, SIZE - 4, SIZE - 4)
    painter.setPen(QPen(colour, 1.6))
    if status == "done":
        painter.setBrush(colour)
    painter.drawEllipse(circle)
    if status == "partial":
        half = QPainterPath()
        half.moveTo(circle.center())
        half.arcTo(circle, 90, 180)  # the left half, filled
        painter.fillPath(half, colour)
    if status == "done":
        tick = QPen(QColor("white"), 1.8)
        tick.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(tick)
        painter.drawPolyline([QPointF(5, 8.2), QPointF(7.2, 10.4), QPointF(11, 5.8)])
    painter.end()
    return QIcon(pixmap)
