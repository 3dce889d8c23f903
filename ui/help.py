"""The offline guide (F1): pages in assets/help/, one per area plus the lawyer round trip, what
the risk check covers, and the keys. Pages are Markdown shown in a QTextBrowser; nothing is
fetched from anywhere but that folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from smpolicy_desktop.resources import resource_path
from ui import screen_fit

HOME = "index"


def page_url(topic: str) -> QUrl:
    """The help page for a topic (an area's name, "lawyer", "check", "keys"), else the index."""
    path = resource_path("assets", "help", f"{topic}.md")
    if not path.is_file():
        path = resource_path("assets", "help", f"{HOME}.md")
    return QUrl.fromLocalFile(str(path))


class HelpBrowser(QTextBrowser):
    """Follows links between help pages; a link out of the help folder is never opened."""

    def loadResource(self, kind: int, url: QUrl) -> object:
        folder = resource_path("assets", "help").resolve()
        if url.isLocalFile() and Path(url.toLocalFile()).resolve().parent == folder:
            return super().loadResource(kind, url)
        return None


class HelpWindow(QDialog):
    """A small window beside the app: Back, Contents, and the page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, windowTitle="Help")
        self.setObjectName("help")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = HelpBrowser(openExternalLinks=False)
        self.browser.setAccessibleName("Help page")
        back = QPushButton("Back")
        back.setEnabled(False)
        home = QPushButton("Contents")
        back.clicked.connect(self.browser.backward)
        home.clicked.connect(lambda: self.show_topic(HOME))
        self.browser.backwardAvailable.connect(back.setEnabled)
        bar = QHBoxLayout()
        bar.addWidget(back)
        bar.addWidget(home)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser)
        # A third of the screen wide and most of it high: at 560x640 a big screen showed a
        # small box, most of a page out of sight
        free = screen_fit.free_area(self)
        screen_fit.fit_to_screen(self, max(560, free.width() // 3),
                                 max(640, free.height() * 4 // 5))

    def show_topic(self, topic: str) -> None:
        self.browser.setSource(page_url(topic), QTextDocument.ResourceType.MarkdownResource)
        self.show()
        self.raise_()
        self.activateWindow()
        self.browser.setFocus()  # the page is read first, not the "Contents" button
