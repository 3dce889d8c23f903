"""The live preview: the rendered policy beside the forms, as the Word file will say it.

Re-renders about 150 ms after the last edit, keeps its scroll position, and scrolls to and
highlights the section of the area being edited. It never loads anything from the network.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from smpolicy_desktop.document import to_html
from smpolicy_desktop.model import DocumentType
from smpolicy_desktop.render import AREA_SECTIONS, render_document
from ui.project_model import ProjectModel

DEBOUNCE_MS = 150


class PolicyPreview(QTextBrowser):
    """Shows the project's Document; `kind` switches full policy / short guidelines.

    `rendered` fires after each render has been handed to the view.
    """

    rendered = Signal()

    def __init__(self, model: ProjectModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.kind = DocumentType.FULL
        self.section = ""
        self.html = ""  # the last HTML shown, as the core wrote it
        self.setObjectName("preview")
        self.setOpenLinks(False)  # the document has anchors only; no link leaves the app
        self.setAccessibleName("Policy preview")
        self.document().setDocumentMargin(14)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._refresh_after_edit)
        self._scroll_pending = False
        model.changed.connect(self._schedule)
        self._timer.start(0)  # the first render waits until the window is on screen

    def loadResource(self, kind: int, url: QUrl) -> object:
        # Images or style sheets named in user text are never fetched, local or remote.
        return None

    def set_kind(self, kind: DocumentType) -> None:
        self.kind = DocumentType(kind)
        self.refresh(scroll_to_section=True)

    def show_area(self, area: str) -> None:
        """Highlight and scroll to the section where this area's answers show."""
        section = AREA_SECTIONS.get(area, "")
        if section != self.section:
            self.section = section
            self.refresh(scroll_to_section=True)

    def show_clause(self, clause_id: str) -> None:
        """Highlight and scroll to one clause (a finding of the risk check is about it)."""
        self.section = clause_id
        self.refresh(scroll_to_section=True)

    def refresh(self, scroll_to_section: bool = False) -> None:
        document = render_document(self.model.project, self.kind)
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

    def _schedule(self, path: tuple) -> None:
        section = AREA_SECTIONS.get(path[0], "") if path else ""
        if section and section != self.section:  # an edit in another area: follow it there
            self.section = section
            self._scroll_pending = True
        self._timer.start(DEBOUNCE_MS if path else 0)  # a new project shows at once

    def _refresh_after_edit(self) -> None:
        self.refresh(scroll_to_section=self._scroll_pending)
