"""The findings panel: risky sentences with a safer wording, and how complete each area is.

Re-runs the check about 400 ms after the last edit. Activating a finding asks the window to
show its field; "Apply safer wording" edits the model, so Undo takes it back.
"""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop.model import Project
from ui.project_model import ProjectModel

DEBOUNCE_MS = 400

_LOOK = {  # severity -> (standard icon, text colour, plain word)
    "error": (QStyle.StandardPixmap.SP_MessageBoxCritical, "#a61b1b", "Likely unlawful"),
    "warning": (QStyle.StandardPixmap.SP_MessageBoxWarning, "#8a5a00", "Risky"),
    "info": (QStyle.StandardPixmap.SP_MessageBoxInformation, "#2f4f7f", "Missing"),
}
_STATUS_MARK = {"done": "\u2713", "partial": "\u25d0", "empty": "\u25cb"}


class FindingsPanel(QWidget):
    """Lists the check's findings for the model's project, most severe first.

    `field_requested(path)` asks the window to focus and mark a field (a finding on the
    user's text, or an area from the completeness list); `clause_requested(clause_id)` asks
    the preview to show the clause a finding is about.
    """

    field_requested = Signal(tuple)
    clause_requested = Signal(str)

    def __init__(self, model: ProjectModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.findings: list = []
        self.status: dict[str, tuple[str, list[str]]] = {}
        self.numbers: dict[str, str] = {}  # clause id -> its number in the policy
        self.setObjectName("findings")
        self.summary = QLabel(self, wordWrap=True)
        self.list = QListWidget(self)
        self.completeness = QListWidget(self)
        self.completeness.setAccessibleName("Completeness by area")
        self.list.setAccessibleName("Findings")
        for view in (self.list, self.completeness):
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details = QLabel(self, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_button = QPushButton("Apply safer wording", self, enabled=False)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.list, self.details, self.apply_button,
                       QLabel("<b>Completeness</b>", self), self.completeness):
            layout.addWidget(widget)
        layout.setStretch(1, 3)
        layout.setStretch(5, 2)

        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(self._request_finding)
        self.completeness.itemActivated.connect(
            lambda item: self.field_requested.emit((item.data(Qt.ItemDataRole.UserRole),)))
        self.apply_button.clicked.connect(self.apply_current)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        model.changed.connect(lambda _path: self._timer.start())
        self._timer.start()  # the first check waits until the window is on screen

    def refresh(self) -> None:
        """Run the check now and show its findings, keeping the selected one if it remains."""
        from smpolicy_desktop.checks import area_status, check_project  # heavy: on demand
        from smpolicy_desktop.render import render_document

        selected = self.current_finding()
        document = render_document(self.model.project)
        self.numbers = {b.clause_id: b.number for b in document.blocks if b.number}
        self.findings = check_project(self.model.project, document)
        self.status = area_status(self.model.project)
        self._fill_findings(selected)
        self._fill_completeness()

    def current_finding(self):
        row = self.list.currentRow()
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def apply_current(self) -> None:
        """Put the selected finding's safer wording into its field, as one undoable edit."""
        finding = self.current_finding()
        if finding is None or not finding.applicable:
            return
        try:
            self.model.set_value(finding.path, finding.replacement, "Apply safer wording",
                                 typing=False)
        except ValidationError:
            self.details.setText("The safer wording does not fit this answer; edit it by hand.")
            return
        self.refresh()

    def _fill_findings(self, selected) -> None:
        self.list.clear()
        for finding in self.findings:
            icon, colour, word = _LOOK[finding.severity]
            where = self.numbers.get(finding.clause_id) or finding.clause_id or "policy"
            what = f'"{finding.excerpt}"' if finding.excerpt else finding.reason.split(". ")[0]
            item = QListWidgetItem(self.style().standardIcon(icon), f"{word}, {where}: {what}")
            item.setForeground(QBrush(QColor(colour)))
            item.setToolTip(finding.authority)
            self.list.addItem(item)
        if selected in self.findings:
            self.list.setCurrentRow(self.findings.index(selected))
        self._show_details(self.list.currentRow())
        worrying = sum(f.at_least("warning") for f in self.findings)
        notes = len(self.findings) - worrying
        self.summary.setText(
            f"{worrying} risky sentence(s) and {notes} note(s)" if self.findings
            else "No risky sentences found.")

    def _fill_completeness(self) -> None:
        self.completeness.clear()
        for area, (state, missing) in self.status.items():
            title = Project.model_fields[area].title or area
            text = f"{_STATUS_MARK[state]} {title}: {state}"
            if missing:
                text += " - still open: " + ", ".join(missing)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, area)
            self.completeness.addItem(item)

    def _show_details(self, row: int) -> None:
        finding = self.findings[row] if 0 <= row < len(self.findings) else None
        self.apply_button.setEnabled(bool(finding and finding.applicable))
        if finding is None:
            self.details.setText("")
            return
        parts = [f'"{finding.excerpt}"' if finding.excerpt else "", finding.reason,
                 f"Based on: {finding.authority}",
                 f"Safer wording: {finding.suggestion}" if finding.suggestion else ""]
        self.details.setText("\n\n".join(filter(None, parts)))

    def _request_finding(self, item: QListWidgetItem) -> None:
        finding = self.findings[self.list.row(item)]
        if finding.clause_id:
            self.clause_requested.emit(finding.clause_id)
        if finding.path:
            self.field_requested.emit(finding.path)
