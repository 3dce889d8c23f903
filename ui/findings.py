"""The findings panel: risky sentences with a safer wording, and how complete each area is;
and the dialog that checks a policy document the owner already has.

Shows each result of the check that runs in the background after every change. Activating a
finding (or Go to) asks the window to show its field; "Apply safer wording" edits the model, so Undo
takes it back.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop.checks.facts import CheckFacts
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import labels_for
from ui.colours import readable
from ui.project_model import ProjectModel
from ui.rendering import CheckResult, Rendering
from ui.screen_fit import fit_text_to_screen
from ui.scroll_column import lines_high

_LOOK = {  # severity -> (standard icon, text colour); its words: Finding.plain_severity
    "error": (QStyle.StandardPixmap.SP_MessageBoxCritical, "#a61b1b"),
    "warning": (QStyle.StandardPixmap.SP_MessageBoxWarning, "#8a5a00"),
    "info": (QStyle.StandardPixmap.SP_MessageBoxInformation, "#2f4f7f"),
}
_CHECK_DOCUMENT = "Check a Policy Document"  # its file dialog's and its error's title
_STATUS_MARK = {"done": "\u2713", "partial": "\u25d0", "empty": "\u25cb", "warning": "!"}


class SeverityColours(QStyledItemDelegate):
    """Draws each finding in its severity's colour, made readable on the list as it is drawn
    now: dark red on a near-black list could not be read (found by a tester), and a colour
    set once stayed the light theme's when the desktop turned dark."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        colour = index.data(Qt.ItemDataRole.UserRole)
        if colour:
            option.palette.setColor(QPalette.ColorRole.Text, readable(
                colour, option.palette.color(QPalette.ColorRole.Base)))


class FindingsPanel(QWidget):
    """Lists the check's findings for the model's project, most severe first.

    `field_requested(path)` asks the window to focus and mark a field (a finding on the
    user's text, or an area from the completeness list); `clause_requested(clause_id)` asks
    the preview to show the clause a finding is about.
    """

    field_requested = Signal(tuple)
    applied = Signal(tuple, int)  # where a safer wording went: the path, and the position
    # after the words it changed (-1: none to give)
    clause_requested = Signal(str)

    def __init__(self, model: ProjectModel, rendering: Rendering,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.findings: list = []
        self._picked = None  # the finding picked last, kept while it is gone (see show_result)
        self.status: dict[str, tuple[str, list[str]]] = {}
        self.numbers: dict[str, str] = {}  # clause id -> its number in the policy
        self.setObjectName("findings")
        self.summary = QLabel(self, wordWrap=True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Findings")
        self.list.setItemDelegate(SeverityColours(self.list))
        # Room for a long finding whole and the start of the next: a long explanation below
        # took the height of a short dock, and left the list two lines high.
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 8
                                   + 2 * self.list.frameWidth())
        self.details = QLabel(self, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        # the same height whichever finding is picked; a Tab stop
        self.details_box = lines_high(self.details, 9, "Why it is risky", self)
        self.go_button = QPushButton("&Go to", self, enabled=False)  # as a double-click does
        self.apply_button = QPushButton("Apply safer &wording", self, enabled=False)
        # Made after the buttons, so that Tab comes to it after them, as the panel reads
        self.completeness = QListWidget(self)
        self.completeness.setAccessibleName("Completeness by area")
        for view in (self.list, self.completeness):
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.apply_button, 1)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.list, self.details_box):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        for widget in (QLabel("<b>Completeness</b>", self), self.completeness):
            layout.addWidget(widget)
        layout.setStretch(1, 3)
        layout.setStretch(5, 2)
        # Never so narrow that an area's line in the completeness wraps more than once
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 22)

        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(self._request_finding)
        self.completeness.itemActivated.connect(
            lambda item: self.field_requested.emit((item.data(Qt.ItemDataRole.UserRole),)))
        self.go_button.clicked.connect(lambda: self._request_finding(self.list.currentItem()))
        self.apply_button.clicked.connect(self.apply_current)
        rendering.checked.connect(self.show_result)
        model.replaced.connect(self.forget)
        if rendering.latest is not None:
            self.show_result(rendering.latest)

    def take_keyboard(self) -> None:
        """F7: the keyboard in the findings, or in the completeness while there are none."""
        (self.list if self.list.isVisibleTo(self) else self.completeness).setFocus(
            Qt.FocusReason.ShortcutFocusReason)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """A fifth of the window at most, or the least its buttons need: the form and the
        preview beside it keep their room (at 1024x768 the panel took a quarter)."""
        hint = super().sizeHint()
        return hint.boundedTo(QSize(max(self.window().width() // 5,
                                        self.minimumSizeHint().width()), hint.height()))

    def forget(self) -> None:
        """Another project is shown: until its check arrives, no finding of the one before
        (Apply put its words into the next project; found by a tester)."""
        self.findings, self._picked = [], None
        self._fill_findings(-1)
        self.summary.setText("Checking the policy...")

    def show_result(self, result: CheckResult) -> None:
        """Show a check's findings, keeping the selected one if it remains. One gone (applied,
        or mended by hand) leaves the one that followed it selected, ready for the next Apply;
        the last one picked, back (an Apply undone), is picked again (none was, and Go to and
        Apply stayed grey; found by a tester)."""
        selected, row = self.current_finding() or self._picked, self.list.currentRow()
        self.numbers = {b.clause_id: b.number for b in result.document.blocks if b.number}
        self.findings = result.findings
        self.status = result.status
        if selected in self.findings:
            row = self.findings.index(selected)
        self._fill_findings(min(row, len(self.findings) - 1))
        self._fill_completeness()

    def current_finding(self):
        row = self.list.currentRow()
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def apply_current(self) -> None:
        """Put the selected finding's safer wording into its field, or into the owner's own
        rule or wording it is in, as one undoable edit."""
        finding = self.current_finding()
        if finding is not None and finding.applicable and not _still_there(self.model, finding):
            self.details.setText("The answer changed since this was found; the check is "
                                 "reading it again.")
            return
        fix = _fix(self.model, finding)
        if fix is None:
            return
        before = self.model.value(fix[0])
        try:
            self.model.set_value(*fix, "Apply safer wording", typing=False)
        except ValidationError:
            self.details.setText("The safer wording does not fit this answer; edit it by hand.")
            return
        if finding.path:  # an answer: the keyboard goes back to it, after the new words
            self.applied.emit(finding.path, _end_of_change(before, fix[1])
                              if tuple(fix[0]) == tuple(finding.path) else -1)

    def _fill_findings(self, row: int) -> None:
        self.list.clear()
        for finding in self.findings:
            icon, colour = _LOOK[finding.severity]
            # a missing piece says so; any other finding its severity (under its law)
            word = "Missing" if finding.rule.startswith("missing.") and not finding.area \
                else finding.plain_severity()
            # "Missing, section 9: ..." (a bare "Missing, 9:" puzzled an owner; a tester)
            number = self.numbers.get(finding.clause_id)
            where = f"section {number}" if number else (
                labels_for(finding.path[:2]) if finding.path else "policy")
            what = f'"{finding.excerpt}"' if finding.excerpt else finding.reason.split(". ")[0]
            if finding.rule.startswith("jurisdiction."):  # the whole policy's, no section's
                text = f"{word}: {what}"
            else:
                text = f"{word}, {where}: {what}"
            item = QListWidgetItem(self.style().standardIcon(icon), text)
            item.setData(Qt.ItemDataRole.UserRole, colour)  # as SeverityColours draws it
            item.setToolTip(finding.authority)
            self.list.addItem(item)
        # No finding: no empty list, and no buttons that can do nothing; the completeness
        # takes the room. Findings that come take the keyboard F7 gave the completeness.
        came = bool(self.findings) and not self.list.isVisibleTo(self)
        for widget in (self.list, self.details_box, self.go_button, self.apply_button):
            widget.setVisible(bool(self.findings))
        if came and self.completeness.hasFocus():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.list.setCurrentRow(row)
        self._show_details(row)
        worrying = sum(f.at_least("warning") for f in self.findings)
        notes = len(self.findings) - worrying
        if not CheckFacts.from_project(self.model.project).in_us:  # "0 risky" would reassure
            self.summary.setText(f"Sentences not checked (US law only); "
                                 f"{_count(notes, 'note')}")
            return
        self.summary.setText(
            f"{_count(worrying, 'risky sentence')} and {_count(notes, 'note')}"
            if self.findings else "No risky sentences found.")

    def _fill_completeness(self) -> None:
        """Each area as its tab marks it: never "done" over a risky rule."""
        from smpolicy_desktop.checks.readiness import area_marks

        self.completeness.clear()
        marks = area_marks(self.model.project, self.findings, self.status)
        for area, (state, missing) in marks.items():
            title = Project.model_fields[area].title or area
            said = "has a risky rule" if state == "warning" else state
            text = f"{_STATUS_MARK[state]} {title}: {said}"
            if missing:
                text += " - still open: " + ", ".join(missing)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, area)
            self.completeness.addItem(item)

    def _show_details(self, row: int) -> None:
        finding = self.findings[row] if 0 <= row < len(self.findings) else None
        self._picked = finding or self._picked
        fixable = _fix(self.model, finding) is not None
        self.apply_button.setEnabled(fixable)
        self.go_button.setEnabled(finding is not None and bool(finding.path or finding.clause_id))
        if finding is None:
            self.details.setText("")
            return
        parts = [f'"{finding.excerpt}"' if finding.excerpt else "", finding.reason,
                 finding.precedent, f"Based on: {finding.authority}",
                 f"Safer wording: {finding.suggestion}" if finding.suggestion else ""]
        if _whole_item(finding):
            parts.append("Apply removes this item from the list: no part of it can stay.")
        elif finding.suggestion and not fixable:  # why the button is greyed out, and what to do
            parts.append("Apply cannot make this change in one step: double-click the finding "
                         "and change the answer by hand." if finding.path else
                         "To change this text, right-click it in the preview and choose Edit "
                         "wording.")
        self.details.setText("\n\n".join(filter(None, parts)))

    def _request_finding(self, item: QListWidgetItem) -> None:
        finding = self.findings[self.list.row(item)]
        if finding.clause_id:
            self.clause_requested.emit(finding.clause_id)
        if finding.path:
            self.field_requested.emit(finding.path)


def _fix(model: ProjectModel, finding) -> tuple | None:
    """(where, new value) for a finding's safer wording: its answer, or the owner's own rule
    or wording; None when it cannot be applied in one step."""
    if finding is None:
        return None
    if finding.applicable:
        return finding.path, finding.new_value()
    if _whole_item(finding):  # nothing in the list item can stay as a rule: it goes
        items = list(model.value(finding.path[:-1]))
        return finding.path[:-1], items[:finding.path[-1]] + items[finding.path[-1] + 1:]
    from smpolicy_desktop.checks.policy_check import owner_words_fix  # the check's rules

    return owner_words_fix(model.project, finding)


def _whole_item(finding) -> bool:
    """A risky list item with no lawful part to keep (greyed out, Apply left the owner to
    find and delete it by hand; found by a tester)."""
    return bool(finding.suggestion) and len(finding.path) > 2 and \
        isinstance(finding.path[-1], int) and finding.replacement is None


def _still_there(model: ProjectModel, finding) -> bool:
    """Whether the answer says what it said when the check found this in it (the check runs
    after a pause in typing: its findings can be a moment behind)."""
    from smpolicy_desktop.checks.finding import Rewrite

    now = model.value(finding.path)
    fix = finding.replacement
    return now == fix.text if isinstance(fix, Rewrite) else finding.excerpt in str(now)


def _end_of_change(before: object, after: object) -> int:
    """Where the words that changed end in the new text (-1 if not text): after Apply, a key
    typed there lands after the safer wording, never inside it."""
    if not isinstance(before, str) or not isinstance(after, str):
        return -1
    same = 0  # characters alike at the end
    while same < min(len(before), len(after)) and before[-1 - same] == after[-1 - same]:
        same += 1
    end = len(after) - same
    while end < len(after) and after[end] in ".!?;:,)\"'":  # the full stop both had
        end += 1
    return end


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def check_policy_document(parent: QWidget, project: Project, path: Path | None = None,
                          folder: str = "") -> None:
    """File > Check a Policy Document...: the risky sentences of an existing policy, for this
    business's facts, and which of our topics it covers or lacks. The report's window opens at
    once and the check runs in the checker process: a long document takes seconds, and the
    window must not freeze meanwhile."""
    from smpolicy_desktop.checking import report_elsewhere
    from smpolicy_desktop.reading import POLICY_DOCUMENTS, SAVE_AS_WORD
    from ui import dialogs
    from ui.rendering import main_thread_caller

    if path is None:
        patterns = " ".join(f"*{suffix}" for suffix in (*POLICY_DOCUMENTS, *SAVE_AS_WORD))
        name = dialogs.open_file_name(parent, _CHECK_DOCUMENT, folder, f"Policies ({patterns})")
        if not name:
            return
        path = Path(name)
    dialog = QDialog(parent, windowTitle=f"Risk check of {path.name}")
    report = QPlainTextEdit(f"Checking {path.name}...", dialog, readOnly=True)
    report.setAccessibleName("Risk check report")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(report)
    layout.addWidget(buttons)
    fit_text_to_screen(dialog, 103, 37)  # 720x560 at 10 points
    dialog.open()

    def show(outcome: tuple[str, bool] | None) -> None:  # on the main thread
        if not shiboken6.isValid(report):  # the owner closed the window meanwhile
            return
        text, error = outcome or ("The check failed; try again.", False)
        if error:
            dialog.close()
            from ui import dialogs

            dialogs.show_error(parent, _CHECK_DOCUMENT, text)
        else:
            report.setPlainText(text)

    on_main_thread = main_thread_caller()
    report_elsewhere(path, CheckFacts.from_project(project), project.company.name,
                     lambda outcome: on_main_thread(lambda: show(outcome)))


def install(window) -> FindingsPanel:
    """The panel in the Risk check dock, shown as the last session left it (F7 shows it with
    the keyboard on the findings); a finding picked shows its answer, marked with the reason."""
    panel = FindingsPanel(window.model, window.rendering)
    dock = window.findings_dock = window.add_panel("Risk check", "findingsDock", panel)
    window.restoreDockWidget(dock)  # as the last session left it
    toggle = dock.toggleViewAction()
    toggle.toggled.connect(window.risk_check_action.setChecked)
    toggle.triggered.connect(  # so the owner need not Tab across the form
        lambda shown: shown and panel.take_keyboard())
    mark = _FieldMark(window, panel)
    panel.field_requested.connect(mark.show_field)
    panel.applied.connect(mark.after_apply)
    panel.clause_requested.connect(window.preview.show_clause)
    window.rendering.checked.connect(lambda result: _mark_preview(window.preview, result))
    if window.rendering.latest is not None:  # a check that ended before the panel was made
        _mark_preview(window.preview, window.rendering.latest)
    dock.setMaximumWidth(420)
    return panel


def _mark_preview(preview, result: CheckResult) -> None:
    """The risky sentences underlined in the preview, where the owner reads the policy."""
    preview.mark_risky([f.excerpt for f in result.findings
                        if f.excerpt and f.at_least("warning")])


class _FieldMark(QObject):
    """The one answer marked with the reason of the finding picked in the panel."""

    def __init__(self, window, panel: FindingsPanel):
        super().__init__(panel)  # lives as long as the panel
        self.window, self.panel = window, panel
        self.path: tuple | None = None

    def show_field(self, path: tuple) -> None:
        """A finding or an area picked in the risk check: show it, marked with the reason."""
        if len(path) < 2:
            self.window.tabs.setCurrentWidget(self.window.forms[str(path[0])])
            return
        self.clear()
        finding = self.panel.current_finding()
        self.window.focus_field(path, finding.reason if finding and finding.path == path
                                else None)
        self.path = path

    def after_apply(self, path: tuple, position: int) -> None:
        """After "Apply safer wording": the keyboard goes back to that answer, nothing
        selected, the cursor after the new words, and the old mark goes (the next check marks
        what is still wrong)."""
        self.clear()
        self.window.focus_field(path)
        editor = self.window.forms[str(path[0])].editor(path)
        if position >= 0 and len(path) == 2 and hasattr(editor, "setCursorPosition"):
            editor.setCursorPosition(position)

    def clear(self) -> None:
        if self.path is not None:
            self.window.forms[str(self.path[0])].mark_field(self.path, None)
            self.path = None
