"""The progress marks on the area tabs (an open ring, a half-filled circle, a tick, and a
warning sign over a risky rule) and the overall progress strip with the next step.

Icons are drawn with QPainter at the screen's pixel ratio, so they stay sharp on HiDPI.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.colours import readable, text_on

if TYPE_CHECKING:
    from smpolicy_desktop.model import Project
    from ui.rendering import CheckResult

SIZE = 16
COLOURS = {"empty": "#9aa0a6", "partial": "#d98c00", "done": "#2e8540", "warning": "#c62828"}
WORDS = {"empty": "not started", "partial": "partly answered", "done": "ready",
         "warning": "has a risky rule"}


@cache
def status_icon(status: str, background: str = "#ffffff") -> QIcon:
    """"empty", "partial", "done" or "warning" as a small icon, to be seen on the background
    (a colour's name): its colour made to stand out from it, the tick or exclamation mark
    inside in black or white to stand out from that. Drawn in fixed colours, the empty ring
    and the half circle were 2.3:1 on a light tab, the red 2.9:1 on a dark one."""
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() \
        else 1.0
    pixmap = QPixmap(round(SIZE * ratio), round(SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = readable(COLOURS[status], QColor(background))  # as text: the ring is thin
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    circle = QRectF(2, 2, SIZE - 4, SIZE - 4)
    painter.setPen(QPen(colour, 1.6))
    if status in ("done", "warning"):
        painter.setBrush(colour)
    painter.drawEllipse(circle)
    if status == "partial":
        half = QPainterPath()
        half.moveTo(circle.center())
        half.arcTo(circle, 90, 180)  # the left half, filled
        painter.fillPath(half, colour)
    inside = QPen(text_on(colour), 1.8)
    inside.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(inside)
    if status == "done":
        painter.drawPolyline([QPointF(5, 8.2), QPointF(7.2, 10.4), QPointF(11, 5.8)])
    if status == "warning":  # an exclamation mark
        painter.drawLine(QPointF(8, 4.8), QPointF(8, 8.8))
        painter.drawPoint(QPointF(8, 11.2))
    painter.end()
    return QIcon(pixmap)


def next_step(marks: dict[str, tuple[str, list[str]]], titles: dict[str, str]) -> tuple[str, str]:
    """(area, hint) for the first area that needs the owner: a risky rule first, then the
    first area in tab order that is not ready; ("", hint) when every area is ready."""
    for wanted in ("warning", "empty", "partial"):
        for area, (mark, missing) in marks.items():
            if mark != wanted:
                continue
            if mark == "warning":
                return area, f"{titles[area]}: a rule there could be unlawful; see the risk check."
            if mark == "empty":
                return area, f"{titles[area]}: not started yet."
            return area, f"{titles[area]}: still to answer: {', '.join(missing)}."
    return "", "Every area is ready. Export to Word (Ctrl+E) and send it to your lawyer."


class ProgressStrip(QWidget):
    """"3 of 8 areas ready", a bar, and the next step with a Go button (`go(area)`)."""

    go = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="progressStrip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.count = QLabel()
        font = QFont(self.count.font())
        font.setBold(True)
        self.count.setFont(font)
        self.bar = QProgressBar(textVisible=False, maximumWidth=120, maximumHeight=10)
        self.hint = TwoLines()
        self.go_button = QPushButton("Go there")
        self.go_button.setAutoDefault(False)
        self.area = ""
        self.go_button.clicked.connect(lambda: self.go.emit(self.area))
        # The count over its bar, so the next step has their room beside them: side by side,
        # they left it a third of the strip, and at 1440x900 at 1.5 "Every area is ready.
        # Export to Word (Ctrl+E) and send it to your lawyer." was cut after "Ctrl+E".
        done = QVBoxLayout()
        done.setSpacing(2)
        done.addWidget(self.count)
        done.addWidget(self.bar)
        layout.addLayout(done)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.go_button)
        # Shown from the start and two lines of hint high, so the marks arriving from the
        # check, or a longer hint, never push the tabs down.
        self.count.setText("Checking your answers...")
        self.go_button.hide()
        self.setMinimumHeight(max(self.hint.height(), self.go_button.sizeHint().height()) + 8)

    def show_marks(self, marks: dict[str, tuple[str, list[str]]],
                   titles: dict[str, str]) -> None:
        ready = sum(mark == "done" for mark, _ in marks.values())
        self.count.setText(f"{ready} of {len(marks)} areas ready")
        self.bar.setRange(0, len(marks))
        self.bar.setValue(ready)
        self.area, hint = next_step(marks, titles)
        self.hint.setText(f"Next: {hint}" if self.area else hint)
        self.hint.setToolTip(self.hint.text())  # the whole of it, where it is cut short
        self.go_button.setVisible(bool(self.area))


class TwoLines(QLabel):
    """Plain words in two lines at most, whatever the room: the rest cut short with "...".
    The next step wrapped to as many lines as it needed, and the tabs and the form under the
    strip moved down and up as it changed (at 2x beside the risk check; found by a tester)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, textFormat=Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(2 * self.fontMetrics().lineSpacing())

    def shown(self) -> str:
        """The lines as drawn, at the label's width."""
        text, width = self.text(), self.contentsRect().width()
        layout = QTextLayout(text, self.font())
        layout.beginLayout()
        starts = []
        while len(starts) < 3 and (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            starts.append(line.textStart())
        layout.endLayout()
        if len(starts) < 3:
            return "\n".join(text[start:end].strip() for start, end in
                             zip(starts, [*starts[1:], len(text)], strict=True))
        rest = self.fontMetrics().elidedText(text[starts[1]:], Qt.TextElideMode.ElideRight,
                                             width)
        return f"{text[:starts[1]].strip()}\n{rest}"

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), Qt.AlignmentFlag.AlignVCenter, self.shown())


def show_marks(tabs: QTabWidget, progress: ProgressStrip, project: Project,
               result: CheckResult) -> None:
    """A check's result on the area tabs (icon, tooltip, status) and the progress strip."""
    from smpolicy_desktop.checks.readiness import area_marks
    from smpolicy_desktop.model import Project

    titles = {name: Project.model_fields[name].title for name in Project.areas()}
    marks = area_marks(project, result.findings, result.status)
    background = tabs.palette().color(QPalette.ColorRole.Window).name()
    for index, (name, (mark, missing)) in enumerate(marks.items()):
        tabs.setTabIcon(index, status_icon(mark, background))
        tip = f"{titles[name]}: {WORDS[mark]}"
        if missing and mark != "empty":
            tip += "\nStill to answer: " + ", ".join(missing)
        tabs.setTabToolTip(index, tip)
        tabs.widget(index).setProperty("status", mark)
    progress.show_marks(marks, titles)
