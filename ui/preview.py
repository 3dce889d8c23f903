"""The live preview: the rendered policy beside the forms, as the Word file will say it.

Shows each Document the workspace renders (the same one every export writes), keeps its scroll
position, and scrolls to and highlights the section of the area being edited. It never loads
anything from the network.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from smpolicy_desktop.document import Document, to_html
from smpolicy_desktop.model import Project


class PolicyPreview(QTextBrowser):
    """Shows the workspace's Document; `rendered` fires after each one is on screen."""

    rendered = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = ""
        self.html = ""  # the last HTML shown, as the core wrote it
        self.shown: Document | None = None
        self.setObjectName("preview")
        self.setOpenLinks(False)  # the document has anchors only; no link leaves the app
        self.setAccessibleName("Policy preview")
        self.document().setDocumentMargin(14)
        self._scroll_pending = False

    def loadResource(self, kind: int, url: QUrl) -> object:
        # Images or style sheets named in user text are never fetched, local or remote.
        return None

    def show_area(self, area: str) -> None:
        """Highlight and scroll to the section where this area's answers show."""
        self._go_to(Project.areas()[area].section)

    def show_clause(self, clause_id: str) -> None:
        """Highlight and scroll to one clause (a finding of the risk check is about it)."""
        self._go_to(clause_id)

    def follow_edit(self, path: tuple) -> None:
        """An edit in another area: the next document shown scrolls to its section (the
        owner's wording and other records are no area: the view stays where it is)."""
        area = Project.areas().get(str(path[0])) if path else None
        section = area.section if area else ""
        if section and section != self.section:
            self.section = section
            self._scroll_pending = True

    def _go_to(self, section: str) -> None:
        if section != self.section:
            self.section = section
            if self.shown is not None:
                self.show_document(self.shown, scroll_to_section=True)

    def show_document(self, document: Document, scroll_to_section: bool = False) -> None:
        scroll_to_section = scroll_to_section or self._scroll_pending
        self.shown = document
        self.html = to_html(document, highlight=self.section)
        self._scroll_pending = False
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(self.html)
        if scroll_to_section and self.section:
            self.scrollToAnchor(self.section)
        else:
            bar.setValue(position)
        self.rendered.emit()
