"""An amber strip above the forms that tells the owner something needs a look, with a
message and a few buttons; the review-date banner, the stale-wording bar and the notes on the
file just opened are each one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.colours import mixed

if TYPE_CHECKING:
    from smpolicy_desktop.model import Project


AMBER = QColor("#e0a800")  # the strip's edge, and a quarter of its background


class NoticeBar(QFrame):
    """Hidden until shown; `buttons` holds one QPushButton per text given, in order."""

    def __init__(self, name: str, *button_texts: str, parent: QWidget | None = None):
        super().__init__(parent, objectName=name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # titles typed
        layout.addWidget(self.message, 1)
        self.buttons = [QPushButton(text) for text in button_texts]
        for button in self.buttons:
            layout.addWidget(button)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """A quarter amber over the window's colour, the message in the window's text colour:
        pale yellow on a light theme, dark amber on a dark one. Fixed colours (dark brown on
        pale yellow) ignored a dark or high-contrast theme and glared in it."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(AMBER)
        painter.setBrush(mixed(self.palette().color(QPalette.ColorRole.Window), AMBER, 0.25))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)


class ReviewBanner(NoticeBar):
    """A strip above the tabs saying the policy's review date has passed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("reviewBanner", "Review now", "Dismiss", parent=parent)
        self.review_now, self.dismiss = self.buttons
        self.dismiss.clicked.connect(self.hide)

    def show_for(self, project: Project) -> None:
        due = project.review.next_review_date
        if due is None or due >= date.today():
            self.hide()
            return
        from smpolicy_desktop.dates import long_date_in  # imported after the frame shows

        self.message.setText(f"This policy was due for review on "
                             f"{long_date_in(project.company.spelling, due)}. Check "
                             "that it still fits, then set the next review date.")
        self.show()


class FileNotes(NoticeBar):
    """What opening the project's file found: answers an older file held that could not be
    read, and a file older than the version last saved here. Shown until the owner opens
    Versions, dismisses it, saves or opens another project: said in the status bar for 30
    seconds, it went while the owner was still reading (found by a tester)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("fileNotes", "Versions...", "Dismiss", parent=parent)
        self.versions, dismiss = self.buttons  # Versions opened by any way puts it away
        dismiss.clicked.connect(self.hide)

    def show_for(self, name: str, notes: tuple[str, ...], saved_later: str) -> None:
        """`notes` from reading the file `name`; `saved_later`: when the version last saved
        here was, if the file is older than it ("" if not)."""
        said = [f"Note: {note}." for note in notes]
        if saved_later:
            said.append(f"{name} is older than the version last saved here, on {saved_later}: "
                        "a synced folder or a backup may have put an older copy back. Versions "
                        "has the later one.")
        self.message.setText(" ".join(said))
        self.versions.setVisible(bool(saved_later))
        self.setVisible(bool(said))
