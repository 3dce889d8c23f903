"""The main window: one tab of questions per policy area beside the live preview.

It keeps menus, layout and dialogs only: the file rules (open, save, autosave, recovery,
export and its baseline) are the workspace's, which the window drives through the ProjectModel.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop import PROJECT_EXTENSION as EXTENSION
from ui import menus

if TYPE_CHECKING:
    from smpolicy_desktop.model import Project

# The frame (menus, toolbar, title, geometry) needs Qt only; the core (pydantic models,
# storage, rendering) and the forms are imported by fill(), after the frame shows, and the
# panels the first paint does not show by ensure_loaded(), after the filled window shows.

AUTOSAVE_MS = 30_000
MAX_RECENT = 8
PROJECT_FILTER = f"smpolicy projects (*{EXTENSION})"
# What ensure_loaded() adds once the filled window is on screen (or as soon as it is asked for).
BUILT_LATER = ("findings", "findings_dock", "wording", "stale_bar", "review_panel", "review_dock",
               "find_bar")


def example_project() -> Path:
    from smpolicy_desktop.resources import resource_path

    return resource_path("assets", "examples", "northwind.smpolicy")


def forget_module_sources() -> None:
    """PySide6 reads the source of every module imported after it (to see whether it asks for
    one of its __feature__s) and linecache keeps it all, some 9 MB that nothing here reads;
    a traceback reads the lines it shows again."""
    linecache.clearcache()


class _AfterPaint(QObject):
    """Calls back one turn of the event loop after the widget's next paint, so that what the
    paint drew is on screen before the call-back's work begins."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
            self.deleteLater()
        return False


class MainWindow(QMainWindow):
    """The project window; `settings` holds geometry, recent files and the last file.

    It is built in three steps so it appears at once and fills soon after: the constructor
    builds the frame with a placeholder; fill() what shows a project (the model, the tabs with
    the first one's form, the preview); ensure_loaded() the rest (the risk-check and review
    panels, the wording bar and menu, the find bar, PDF export), which it does by itself once
    the filled window is on screen. start() and offer_recovery() fill first; every command,
    and anything that asks for one of BUILT_LATER, loads the rest first. `loaded` fires when
    filled.
    """

    loaded = Signal()
    _filled = False
    _loaded = False

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.forms: dict = {}
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)  # the undo actions exist before the project does
        self.placeholder = QLabel(objectName="opening")
        # By name: the frame never touches PySide's Qt namespace, whose enums take some 30 ms
        # to build (the forms build them after the frame shows).
        self.placeholder.setProperty("alignment", "AlignCenter")
        self.placeholder.setEnabled(False)  # drawn in the calm, greyed text colour
        self.setCentralWidget(self.placeholder)
        self.keys_to_give: list = []  # see menus.keys_later()
        menus.build_actions(self)
        menus.build_menus_and_toolbar(self)
        self.statusBar()
        self.setWindowTitle("smpolicy")
        self._autosave_failed = False
        self._recovery_later: set[Path] = set()  # crash work the user put off this session
        self._restore_geometry()

    def __getattr__(self, name: str) -> Any:
        if name in BUILT_LATER and self._filled and not self._loaded:
            self.ensure_loaded()
            return getattr(self, name)
        raise AttributeError(f"'MainWindow' object has no attribute '{name}'")

    def show_opening(self, path: Path | None) -> None:
        """Show the frame and name the file coming; fill the window once the frame is drawn."""
        last = self.settings.value("last_file", "")
        path = path or (Path(last) if last else None)
        name = path.name if path is not None and path.is_file() else None
        self.placeholder.setText(f"Opening {name}..." if name else "Starting...")
        self.setWindowTitle(f"{name or 'Untitled'} - smpolicy")
        _AfterPaint(self, self.fill)
        self.show()
        QTimer.singleShot(200, self.fill)  # in case no paint comes (e.g. minimised)

    def fill(self) -> None:
        """Build what shows a project: the model, the tabs of forms, the preview."""
        if self._filled:
            return
        self._filled = True
        from PySide6.QtCore import Qt

        from ui.disk_watch import DiskWatch
        from ui.project_model import ProjectModel
        from ui.rendering import Rendering

        self.model = ProjectModel(parent=self)
        self.disk = DiskWatch(self, self.model.workspace)
        self.disk.changed.connect(self._disk_changed)
        self.rendering = Rendering(self.model, self)
        self.undo_group.addStack(self.model.undo_stack)
        self.undo_group.setActiveStack(self.model.undo_stack)
        self._build_central()
        self.rendering.rendered.connect(self.preview.show_document)
        self.rendering.rendered.connect(self._update_kind)
        self.rendering.checked.connect(self._update_marks)
        self.model.changed.connect(self.preview.follow_edit)
        menus.build_go_to_menu(self)
        menus.give_keys(self)
        self._autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosave_timer.start()
        self.model.changed.connect(self._review_date_edited)
        self.model.changed.connect(self._final_edited)
        self.model.changed.connect(self._follow_spelling)
        self.model.changed.connect(self._update_export_changes)
        self.model.path_changed.connect(self._update_title)
        self.model.modified_changed.connect(self._modified_changed)
        self._project_replaced()
        self.preview.rendered.connect(  # the rest once the first document is on screen
            lambda: _AfterPaint(self.preview.viewport(), self.ensure_loaded),
            Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(1000, self.ensure_loaded)  # in case the preview is not drawn
        forget_module_sources()
        self.loaded.emit()

    def ensure_loaded(self) -> None:
        """Fill the window, then add the panels and commands the first paint does not show."""
        self.fill()
        if self._loaded:
            return
        self._loaded = True
        from PySide6.QtCore import Qt

        from ui import review_panel, wording  # the counsel round trip: issue 14
        from ui.find_bar import FindBar
        from ui.findings import FindingsPanel
        from ui.printing import register_pdf

        self.find_bar = FindBar(self.preview)
        self.preview.parentWidget().layout().addWidget(self.find_bar)
        self.findings_dock = QDockWidget("Risk check", self, objectName="findingsDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)
        self.findings_dock.hide()
        self.restoreDockWidget(self.findings_dock)  # as the last session left it
        toggle = self.findings_dock.toggleViewAction()
        toggle.toggled.connect(self.risk_check_action.setChecked)
        toggle.triggered.connect(self._risk_check_toggled)
        self.findings = FindingsPanel(self.model, self.rendering)
        self.findings.field_requested.connect(self._show_finding_field)
        self.findings.applied.connect(self._after_apply)
        self.findings.clause_requested.connect(self.preview.show_clause)
        self.findings_dock.setWidget(self.findings)
        self.findings.setMinimumWidth(240)  # the dock takes what the form can spare, no more
        self.findings_dock.setMaximumWidth(420)
        self.wording = wording.install(self)
        self.review_panel = review_panel.install(self)
        register_pdf()  # a format Qt draws, so the window adds it to the export registry
        forget_module_sources()

    # --- Layout ------------------------------------------------------------------------------

    def _build_central(self) -> None:
        from PySide6.QtCore import Qt

        from smpolicy_desktop.model import Project
        from ui.forms import AreaForm
        from ui.marks import ProgressStrip
        from ui.notice_bar import ReviewBanner
        from ui.preview import PolicyPreview
        from ui.side_tabs import put_tabs_on_the_side

        self.banner = ReviewBanner()
        self.banner.review_now.clicked.connect(
            lambda: self.focus_field(("review", "next_review_date")))
        self.tabs = QTabWidget(documentMode=True, objectName="areas")
        put_tabs_on_the_side(self.tabs)
        for name in Project.areas():
            form = AreaForm(self.model, name)
            form.field_focused.connect(lambda path: self.preview.show_area(str(path[0])))
            self.forms[name] = form
            self.tabs.addTab(form, Project.model_fields[name].title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.preview = PolicyPreview()
        self.progress = ProgressStrip()
        self.progress.go.connect(lambda area: self.tabs.setCurrentWidget(self.forms[area]))
        forms_side = QWidget()
        column = QVBoxLayout(forms_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.progress)
        column.addWidget(self.tabs, 1)
        preview_side = QWidget()
        column = QVBoxLayout(preview_side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.preview, 1)  # the find bar goes below it, with the rest
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="splitter")
        self.splitter.addWidget(forms_side)
        self.splitter.addWidget(preview_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        if not self.splitter.restoreState(self.settings.value("splitter", QByteArray())):
            self.splitter.setSizes([720, 560])
        self.stack = QStackedWidget(objectName="central")  # the start page or the work
        self.stack.addWidget(self.splitter)
        self.start_page = None
        self.setCentralWidget(self.stack)  # the placeholder goes
        self.placeholder = None
        self._marked: tuple | None = None

    def _about(self) -> None:
        from ui import dialogs

        dialogs.about(self)

    def _check_policy_document(self) -> None:
        from ui.findings import check_policy_document

        check_policy_document(self, self.model.project)

    # --- What the window shows ---------------------------------------------------------------

    def show_project(self, project: Project, path: Path | None, *,
                     modified: bool = False) -> None:
        """Show another project (new, opened or restored); its undo history starts afresh."""
        self.model.replace(project, path, modified=modified)
        self._project_replaced()

    def _project_replaced(self) -> None:
        self.stack.setCurrentWidget(self.splitter)
        self._update_title()
        self._update_export_changes()
        self.banner.show_for(self.model.project.review.next_review_date)

    def _update_title(self) -> None:
        name = self.model.path.name if self.model.path else "Untitled"
        read_only = " (read-only)" if self.disk.read_only else ""
        self.setWindowTitle(f"{name}[*]{read_only} - smpolicy")
        self.setWindowModified(self.model.workspace.modified)

    def _update_kind(self, document) -> None:
        for action in self.kind_actions.actions():
            action.setChecked(action.data() == document.kind)

    def _update_marks(self, result) -> None:
        from smpolicy_desktop.checks.readiness import area_marks
        from smpolicy_desktop.model import Project
        from ui.marks import WORDS as MARK_WORDS
        from ui.marks import status_icon

        titles = {name: Project.model_fields[name].title for name in Project.areas()}
        marks = area_marks(self.model.project, result.findings, result.status)
        for index, (name, (mark, missing)) in enumerate(marks.items()):
            self.tabs.setTabIcon(index, status_icon(mark))
            tip = f"{titles[name]}: {MARK_WORDS[mark]}"
            if missing and mark != "empty":
                tip += "\nStill to answer: " + ", ".join(missing)
            self.tabs.setTabToolTip(index, tip)
            self.tabs.widget(index).setProperty("status", mark)
        self.progress.show_marks(marks, titles)

    def _update_export_changes(self, _path: tuple = ()) -> None:
        self.export_changes_action.setEnabled(self.model.workspace.has_baseline)

    def _follow_spelling(self, path: tuple = ()) -> None:
        """The spell check follows the business's country: US or British spelling."""
        from ui.spelling import use_british_spelling

        if path[:2] in ((), ("company",), ("company", "country")):
            use_british_spelling(self.model.project.company.spelling == "UK")

    def _review_date_edited(self, path: tuple) -> None:
        if path[:2] == ("review", "next_review_date") and self.banner.isVisible():
            self.banner.show_for(self.model.project.review.next_review_date)

    def _final_edited(self, path: tuple) -> None:
        if path == ("review", "final"):
            from ui.review_panel import final_edited

            final_edited(self)

    def _tab_changed(self, index: int) -> None:
        from smpolicy_desktop.model import Project

        self.preview.show_area(list(Project.areas())[index])

    def focus_field(self, path: tuple, note: str | None = None) -> None:
        """Bring a question into view, e.g. from the findings panel or the banner."""
        form = self.forms[str(path[0])]
        self.tabs.setCurrentWidget(form)
        form.focus_field(path)
        if note is not None:
            form.mark_field(path, note)

    def _show_finding_field(self, path: tuple) -> None:
        """A finding or an area picked in the risk check: show it, marked with the reason."""
        if len(path) < 2:
            self.tabs.setCurrentWidget(self.forms[str(path[0])])
            return
        if self._marked is not None:
            self.forms[str(self._marked[0])].mark_field(self._marked, None)
        finding = self.findings.current_finding()
        self.focus_field(path, finding.reason if finding and finding.path == path else None)
        self._marked = path

    def _toggle_risk_check(self) -> None:
        self.findings_dock.toggleViewAction().trigger()

    def _risk_check_toggled(self, shown: bool) -> None:
        """F7 takes the keyboard to the findings, so the owner need not Tab across the form."""
        from PySide6.QtCore import Qt

        if shown:
            self.findings.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _after_apply(self, path: tuple) -> None:
        """After "Apply safer wording": the keyboard goes back to that answer, nothing selected,
        and the old mark goes (the next check marks what is still wrong)."""
        if self._marked is not None:
            self.forms[str(self._marked[0])].mark_field(self._marked, None)
            self._marked = None
        self.focus_field(path)

    def _modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        if not modified:
            self.model.workspace.discard_autosave()

    # --- Files -------------------------------------------------------------------------------

    def start(self, path: Path | None) -> None:
        """What the app shows first: the given file, else the last one, else the start page."""
        self.fill()
        last = self.settings.value("last_file", "")
        if path is None and last and Path(last).is_file():
            path = Path(last)
        if path is None or not self.load(path):
            self.show_start_page(first=True)

    def show_start_page(self, first: bool = False) -> None:
        """Welcome: what the app does, a new policy by kind of business, open, the example;
        from the menu, also the way back to the policy open."""
        from smpolicy_desktop.presets import presets
        from ui.start_page import StartPage

        back_to = "" if first else (self.model.path.name if self.model.path else "your policy")
        if self.start_page is not None:
            self.stack.removeWidget(self.start_page)
            self.start_page.deleteLater()
        recent = [Path(p) for p in self.recent_files() if Path(p).is_file()]
        self.start_page = StartPage(presets(), recent[:5], example_project(), back_to)
        self.start_page.chosen.connect(self._start_chosen)
        self.stack.addWidget(self.start_page)
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.setFocus()
        self.setWindowTitle("Welcome - smpolicy")

    def _start_chosen(self, choice) -> None:
        from smpolicy_desktop.workspace import Workspace

        if choice.back:
            self.stack.setCurrentWidget(self.splitter)
            self._update_title()
            return
        if choice.ask_for_file:
            self.open_project()  # it asks about unsaved work itself
            return
        if not self.maybe_save():
            return
        if choice.preset is not None:
            self.show_project(choice.preset.project(), None)
            self.focus_field(("company", "name"))  # where a new owner starts typing
        elif choice.path == example_project():  # a copy: the shipped file stays as it is
            self.show_project(Workspace.open(choice.path).project, None)
        else:
            self.load(choice.path)

    def open_project(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Open project", self._folder(),
                                                    PROJECT_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        return self.load(path)

    def load(self, path: Path) -> bool:
        """Show the project in `path`; a bad file is reported (offering its backup) and the
        current work stays. A file open in another window opens read-only if the user wants;
        work a crashed window left on this file is offered.
        """
        from smpolicy_desktop.storage import ProjectFileError, backup_path
        from smpolicy_desktop.workspace import Workspace

        try:
            opened = Workspace.open(path)
        except ProjectFileError as exc:
            from ui import dialogs

            backup = backup_path(path)
            if not dialogs.offer_backup(self, Path(path), exc.reason,
                                        backup if backup.is_file() else None):
                return False
            try:
                opened = Workspace.open(backup)
            except ProjectFileError as again:
                dialogs.show_error(self, "Cannot open the backup either", again.reason)
                return False
            if not self.disk.claim(Path(path)):
                return False
            # Unsaved, under the damaged file's name: saving puts the good version back.
            self.show_project(opened.project, Path(path), modified=True)
            return True
        if not self.disk.claim(Path(path)):
            return False
        self.model.replace(opened.project, opened.path, on_disk=opened.on_disk)
        self._project_replaced()
        self._remember_file(Path(path))
        self.offer_recovery(Path(path))
        return True

    def save(self) -> bool:
        if self.model.path is None or self.disk.read_only:
            return self.save_as()
        return self._save_to(self.model.path)

    def save_as(self) -> bool:
        from smpolicy_desktop.workspace import project_file_name

        suggested = self.model.path or Path(self._folder()) / project_file_name(
            self.model.workspace.suggested_name())
        chosen, _ = QFileDialog.getSaveFileName(self, "Save project", str(suggested),
                                                PROJECT_FILTER)
        if not chosen:
            return False
        return self._save_to(Path(project_file_name(chosen)))

    def _save_to(self, path: Path, *, overwrite: bool = False) -> bool:
        """Save; a file changed elsewhere since it was read or saved here is never overwritten
        without asking (Reload, Save As or Overwrite)."""
        from smpolicy_desktop.storage import FileChangedError, ProjectFileError
        from ui import dialogs

        if path != self.model.path and not self.disk.claim(path):
            return False
        try:
            self.model.workspace.save(path, overwrite=overwrite)
        except FileChangedError:
            answer = dialogs.ask_file_changed(self, path.name)
            if answer == "reload":
                return self.load(path)
            if answer == "overwrite":
                return self._save_to(path, overwrite=True)
            return answer == "save_as" and self.save_as()
        except ProjectFileError as exc:
            if dialogs.save_failed(self, path, exc.reason) == "save_as":
                return self.save_as()
            return False
        self.disk.watch(path)
        self._update_title()  # no longer read-only
        self._remember_file(path)
        notes = self.model.workspace.save_notes
        self.statusBar().showMessage(" ".join([f"Saved {path.name}.", *(
            f"Note: {note}." for note in notes)]), 15000 if notes else 4000)
        return True

    def _disk_changed(self) -> None:
        """The open file changed on disk: a window without unsaved changes offers to show the
        new version; one with unsaved changes is asked at its next save."""
        from ui import dialogs

        if self.model.path is None:
            return
        if not self.model.workspace.modified and dialogs.ask_reload(self, self.model.path.name):
            self.load(self.model.path)
        else:
            self.statusBar().showMessage(f"{self.model.path.name} was changed elsewhere; "
                                         "saving will ask before replacing it.", 15000)

    def _show_versions(self) -> None:
        from ui.versions_window import VersionsWindow

        if self.model.path is None:
            self.statusBar().showMessage("Versions are kept once the project is saved.", 6000)
            return
        VersionsWindow(self).show()

    def maybe_save(self) -> bool:
        """True when the current work may be replaced: saved, clean or discarded."""
        from ui import dialogs

        if not self.model.workspace.modified:
            return True
        name = self.model.path.name if self.model.path else "this new project"
        answer = dialogs.ask_unsaved_changes(self, name)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.model.workspace.discard_autosave()
            return True
        return False

    def _folder(self) -> str:
        folder = self.model.path.parent if self.model.path else Path.home()
        return str(self.settings.value("last_folder", str(folder)))

    def _remember_file(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])
        self.settings.setValue("last_file", str(path))
        self.settings.setValue("last_folder", str(path.parent))

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        existing = [p for p in self.recent_files() if Path(p).is_file()]
        for number, name in enumerate(existing, 1):
            self.recent_menu.addAction(f"&{number} {Path(name).name}",
                                       lambda name=name: self.open_project(Path(name)))
        if not existing:
            self.recent_menu.addAction("No recent projects").setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_project(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_project(event)
        if path is not None:
            event.acceptProposedAction()
            opener = self._open_reply if path.suffix.lower() == ".docx" else self.open_project
            QTimer.singleShot(0, lambda: opener(path))  # let the drag finish first

    @staticmethod
    def _dropped_project(event: QDragEnterEvent | QDropEvent) -> Path | None:
        """A dropped project, or a .docx: counsel's reply."""
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            path = Path(urls[0].toLocalFile())
            return path if path.suffix.lower() in (EXTENSION, ".docx") else None
        return None

    def _open_reply(self, path: Path | None = None) -> None:
        from ui.review_panel import open_reply_in

        self.ensure_loaded()
        open_reply_in(self, path)

    # --- Autosave and recovery ---------------------------------------------------------------

    def autosave_now(self) -> None:
        from smpolicy_desktop.safe_write import WriteError

        try:
            self.model.workspace.autosave()
        except WriteError as exc:  # shown until an autosave works again
            self.statusBar().showMessage(f"Autosave is not working: {exc.reason}. Save your "
                                         "work with Ctrl+S.")
            self._autosave_failed = True
            return
        if self._autosave_failed:
            self.statusBar().clearMessage()
            self._autosave_failed = False

    def offer_recovery(self, original: Path | None = None) -> bool:
        """Offer the work crashed windows left (on `original` only, when given); restoring
        shows it as unsaved changes. Closing the offer keeps it for the next start; only a
        confirmed Discard deletes it. True when work was restored.
        """
        self.fill()
        found = [work for work in self.model.workspace.left_by_crash(original)
                 if work.path not in self._recovery_later]
        if not found:
            return False
        from smpolicy_desktop.storage import ProjectFileError
        from ui import dialogs

        answer, chosen = dialogs.choose_recovery(self, found)
        if answer == "later":  # offered again at the next start, not at every Open
            self._recovery_later.update(work.path for work in found)
        if answer == "discard":
            for leftover in found:
                leftover.remove()
        if chosen is None or (chosen.original is not None and chosen.original != self.model.path
                              and not self.disk.claim(chosen.original)):
            return False
        try:
            self.model.restore(chosen)
        except ProjectFileError as exc:
            dialogs.show_error(self, "Cannot restore", exc.reason)
            return False
        self._project_replaced()
        return True

    # --- Export ------------------------------------------------------------------------------

    def export(self, fmt: str, changes_since_last: bool = False, send: bool = False
               ) -> Path | None:
        """Export through a file dialog; failures offer Retry and Save As.

        A Word file sent to counsel is recorded as a version (never an undo step); a changes
        export compares with one of those (the owner picks which) and never moves it.
        """
        from smpolicy_desktop.exporters import ExportError
        from smpolicy_desktop.safe_write import WriteError
        from ui import dialogs
        from ui.review_panel import choose_version

        if not self._final_confirmed():
            return None
        against = choose_version(self, self.model.workspace) if changes_since_last else None
        if changes_since_last and against is None:
            return None
        path = self._ask_export_path(fmt)
        while path is not None:
            try:
                self.model.workspace.export(
                    path, fmt, line_numbers=fmt == "docx" and self.line_numbers_action.isChecked(),
                    changes_since_last=changes_since_last, against=against, remember=send)
            except ExportError as exc:
                reason = exc.reason[:1].upper() + exc.reason[1:]
                dialogs.show_error(self, "Cannot export", f"{reason}.")
                return None
            except WriteError as exc:
                answer = dialogs.export_failed(self, path, exc.reason)
                if answer == "save_as":
                    path = self._ask_export_path(fmt, path)
                elif answer != "retry":
                    path = None
                continue
            self.settings.setValue("export_folder", str(path.parent))
            self._update_export_changes()
            dialogs.export_done(self, path)
            return path
        return None

    def _ask_export_path(self, fmt: str, previous: Path | None = None) -> Path | None:
        from smpolicy_desktop.exporters import EXPORTERS

        exporter = EXPORTERS[fmt]
        folder = self.settings.value("export_folder", self._folder())
        suggested = previous or Path(folder) / (
            f"{self.model.workspace.suggested_name()}.{exporter.extension}")
        chosen, _ = QFileDialog.getSaveFileName(
            self, f"Export {exporter.label.lower()}", str(suggested),
            f"{exporter.label} (*.{exporter.extension})")
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == f".{exporter.extension}" else path.with_name(
            f"{path.name}.{exporter.extension}")

    def _final_confirmed(self) -> bool:
        """A final version with risky sentences, reviewers not approved or a review date
        passed: ask first (the answer defaults to going back)."""
        from ui import dialogs

        if not self.model.project.review.final:
            return True
        items = self.open_before_final()
        return not items or dialogs.confirm_final(self, items)

    def open_before_final(self) -> list[str]:
        """What a final version would go out with (risky sentences, reviewers not approved)."""
        from smpolicy_desktop.checks import check_project
        from smpolicy_desktop.checks.readiness import open_before_final

        project = self.model.project
        document, latest = self.model.workspace.document(), self.rendering.latest
        findings = latest.findings if latest and latest.document is document else \
            check_project(project, document)  # the background check has not caught up
        return open_before_final(project, findings)

    def print_policy(self) -> None:
        from smpolicy_desktop.document import to_html
        from ui.printing import print_html

        print_html(self, to_html(self.model.workspace.document()))

    def show_help(self) -> None:
        """F1: the help page of the area on screen (the contents from the start page)."""
        from smpolicy_desktop.model import Project
        from ui.help import HelpWindow

        if not hasattr(self, "help_window"):
            self.help_window = HelpWindow(self)
        on_start_page = self.stack.currentWidget() is self.start_page
        area = list(Project.areas())[self.tabs.currentIndex()]
        self.help_window.show_topic("index" if on_start_page else area)

    # --- Closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._filled:
            if not self.maybe_save():
                event.ignore()
                return
            self.model.workspace.close()
            self._autosave_timer.stop()
            self.disk.release()
            self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            self.restoreState(self.settings.value("window_state", QByteArray()))
        else:
            self._fit_screen()

    def _fit_screen(self) -> None:
        """A first start: as large as suits the screen's free area (less the frame), centred."""
        screen = self.screen().availableGeometry()
        frame = 40  # the title bar and borders the window manager adds
        width = min(1280, screen.width() - 2 * frame)
        height = min(820, screen.height() - 2 * frame)
        self.resize(width, height)
        self.move(screen.x() + (screen.width() - width) // 2,
                  screen.y() + (screen.height() - height - frame) // 2)
