"""The main window: one tab of questions per policy area beside the live preview.

It keeps the layout, the staged start and the wiring. Its commands live beside it (files in
ui/file_commands, autosave and recovery in ui/recovery, export and print in ui/export_commands,
the risk check's dock in ui/findings); the file rules are the workspace's, which the window
drives through the ProjectModel.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop import APP_NAME
from ui import menus
from ui.app import window_title
from ui.screen_fit import FRAME, first_size

if TYPE_CHECKING:
    from smpolicy_desktop.model import Project

# The frame (menus, toolbar, title, geometry) needs Qt only; the core (pydantic models,
# storage, rendering) and the forms are imported by fill(), after the frame shows, and the
# panels the first paint does not show by ensure_loaded(), after the filled window shows.

# What ensure_loaded() adds once the filled window is on screen (or as soon as it is asked for).
BUILT_LATER = ("findings", "findings_dock", "wording", "stale_bar", "review_panel", "review_dock",
               "find_bar", "pane_keys")


def _literal(name: str) -> str:
    """A file's name for the window's title: "[*]" in it written doubled, or Qt takes it for
    its unsaved-changes mark ("a[*]b.smpolicy" read "ab.smpolicy"; found by a tester)."""
    return name.replace("[*]", "[*][*]")


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
    the filled window is on screen. The placeholder stays until start() (a file or the start
    page) or a restore shows something. start() and offer_recovery() fill first; every command,
    and anything that asks for one of BUILT_LATER, loads the rest first. `loaded` fires when
    filled. The commands are made as it fills: `files` (FileCommands), `exports`
    (ExportCommands) and `recovery` (Recovery, with the autosave timer).
    """

    loaded = Signal()
    settled = Signal()  # the start is over: every panel and command is built
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
        self._docks_away: list = []  # the panels put away while the start page shows
        menus.build_actions(self)
        menus.build_menus_and_toolbar(self)
        self._commands_follow_page()  # no project shows yet
        self.statusBar()
        self.setWindowTitle(APP_NAME)
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
        name = path.name if path is not None and os.path.isfile(path) else None
        self.placeholder.setText(f"Opening {name}..." if name else "Starting...")
        self.setWindowTitle(window_title(_literal(name)) if name else APP_NAME)
        _AfterPaint(self, self.fill)
        self.show()
        QTimer.singleShot(200, self.fill)  # in case no paint comes (e.g. minimised)

    def fill(self) -> None:
        """Build what shows a project (the model, the tabs of forms, the preview), behind the
        placeholder until a project is shown (project_replaced)."""
        if self._filled:
            return
        self._filled = True
        from PySide6.QtCore import Qt

        from ui.disk_watch import DiskWatch
        from ui.export_commands import ExportCommands
        from ui.file_commands import FileCommands
        from ui.marks import show_marks
        from ui.project_model import ProjectModel
        from ui.recovery import Recovery
        from ui.rendering import Rendering

        self.model = ProjectModel(parent=self)
        self.files = FileCommands(self)
        self.exports = ExportCommands(self)
        self.disk = DiskWatch(self, self.model.workspace)
        self.disk.changed.connect(self.files.disk_changed)
        self.disk.gone.connect(self.files.disk_gone)
        self.rendering = Rendering(self.model, self)
        self.rendering.hold_checks(True)  # until the first document is on screen
        self.undo_group.addStack(self.model.undo_stack)  # active while shown: _commands_follow_page
        self._build_central()
        self.rendering.rendered.connect(self.preview.show_document)
        self.rendering.rendered.connect(self._update_kind)
        self.rendering.checked.connect(
            lambda result: show_marks(self.tabs, self.progress, self.model.project, result))
        self.model.changed.connect(self.preview.follow_edit)
        self.model.stepped.connect(self._show_stepped)
        menus.build_go_to_menu(self)
        menus.give_keys(self)
        self.recovery = Recovery(self)
        self.model.changed.connect(self._review_date_edited)
        self.model.changed.connect(self._final_edited)
        self.model.changed.connect(self._follow_spelling)
        self.model.changed.connect(self.exports.update_changes_action)
        self.model.path_changed.connect(self.update_title)
        self.model.modified_changed.connect(self.setWindowModified)
        self.preview.rendered.connect(  # the rest once the first document is on screen
            lambda: self.preview.after_next_paint(self.ensure_loaded),
            Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(1000, self.ensure_loaded)  # in case the preview is not drawn
        self.loaded.emit()

    def ensure_loaded(self) -> None:
        """Fill the window, then add the panels and commands the first paint does not show."""
        self.fill()
        if self._loaded:
            return
        self._loaded = True
        from smpolicy_desktop.checking import start_if_idle
        from ui import findings, keyboard, review_panel, wording  # counsel's round trip: issue 14
        from ui.find_bar import FindBar
        from ui.printing import register_pdf

        start_if_idle()  # after the filled window shows: started as it filled, it slowed that
        self.rendering.hold_checks(False)

        self.find_bar = FindBar(self.preview, show_marks=self.preview.show_marks)
        self.preview.rendered.connect(self.find_bar.find_again)
        self.preview.parentWidget().layout().addWidget(self.find_bar)
        self.work.horizontalScrollBar().rangeChanged.connect(  # once the side is laid out
            lambda: QTimer.singleShot(0, self._find_bar_in_view))
        self.findings = findings.install(self)
        self.wording = wording.install(self)
        self.review_panel = review_panel.install(self)
        self.pane_keys = keyboard.PaneKeys(self)
        register_pdf()  # a format Qt draws, so the window adds it to the export registry
        self.settled.emit()

    def start(self, path: Path | None) -> None:
        """What the app shows first: the given file, else the last one, else the start page."""
        self.fill()
        last = self.settings.value("last_file", "")
        if path is None and last and os.path.isfile(last):
            path = Path(last)
        if path is None or not self.files.load(path):
            self.files.show_start_page(first=True)
            if path is None and last:  # moved or deleted since: said, not a silent first run
                self.statusBar().showMessage(f"{Path(last).name} was not found where it was "
                                             f"last opened ({Path(last).parent}); open it "
                                             "where it is now.", 30000)

    def start_up(self, path: Path | None) -> None:
        """The app's start: first the work crashed windows left (restored if the owner wants),
        then the file asked for (double-clicked, or on the command line), as start() does. If
        other work was restored, that work is saved before the file opens (see open_asked_for)."""
        if not self.offer_recovery():
            self.start(path)
        elif path is not None and not self.model.workspace.is_at(path):
            self.files.open_asked_for(path)

    def offer_recovery(self, original: Path | None = None) -> bool:
        """Fill, then offer the work crashed windows left (see Recovery.offer)."""
        self.fill()
        return self.recovery.offer(original)

    # --- Layout ------------------------------------------------------------------------------

    def _build_central(self) -> None:
        from PySide6.QtCore import Qt

        from smpolicy_desktop.model import Project
        from ui.forms import AreaForm
        from ui.marks import ProgressStrip
        from ui.notice_bar import FileNotes, ReviewBanner
        from ui.preview import PolicyPreview
        from ui.side_tabs import TabsThatFit, put_tabs_on_the_side

        self.banner = ReviewBanner()
        self.banner.review_now.clicked.connect(
            lambda: self.focus_field(("review", "next_review_date")))
        self.file_notes = FileNotes()
        self.file_notes.versions.clicked.connect(lambda: self.files.show_versions())
        self.model.path_changed.connect(self.file_notes.hide)  # saved, or another project
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
        column.addWidget(self.file_notes)
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
        # Form and preview share the room evenly: with the form's three fifths, beside the risk
        # check (1366x768 at 1.25, a portrait screen) the form had room to spare and the
        # preview broke the words of its tables ("Misinform-ation")
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        if not self.splitter.restoreState(self.settings.value("splitter", QByteArray())):
            self.splitter.setSizes([640, 640])
        # On a screen too small for forms and preview side by side (1366x768 at 2x), the work
        # scrolls sideways rather than pushing the window, its toolbar and docks off-screen.
        self.work = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.work.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing
        self.work.setWidget(self.splitter)
        TabsThatFit(self.tabs, self.work)
        QApplication.instance().focusChanged.connect(self._keyboard_in_view)
        self.stack = QStackedWidget(objectName="central")  # placeholder, start page or work
        # The placeholder stays until a project or the start page shows: behind the offer of
        # a crash's work, a blank project looked like the work was gone, and could be saved.
        self.stack.addWidget(self.takeCentralWidget())
        self.stack.addWidget(self.work)
        self.stack.currentChanged.connect(self._commands_follow_page)
        self.start_page = None
        self.setCentralWidget(self.stack)

    def _keyboard_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Where the work scrolls sideways (a window too narrow for forms and preview side by
        side: large text, a laptop at 2x), the part the keyboard goes to is brought into view:
        F6 into the preview left it out of sight, and no key could scroll to it (found by a
        tester)."""
        if new is None or not self.work.isAncestorOf(new):
            return
        part = next((side for side in (self.splitter.widget(0), self.preview)
                     if side is new or side.isAncestorOf(new)), new)  # its side's start
        bar, room = self.work.horizontalScrollBar(), self.work.viewport().width()
        left = part.mapTo(self.work.widget(), QPoint(0, 0)).x()
        if left < bar.value() or left + min(part.width(), room) > bar.value() + room:
            bar.setValue(left)

    def _find_bar_in_view(self) -> None:
        """The find bar widens the preview's side as it opens and as its count grows: where
        the work scrolls sideways, it is kept in view while the keyboard is in it (at 1920x1080
        at 2x beside the risk check, its buttons were past the edge; found by a tester)."""
        if self.find_bar.isAncestorOf(QApplication.focusWidget()):
            self.work.ensureWidgetVisible(self.find_bar, 0, 0)

    def add_panel(self, title: str, name: str, panel: QWidget) -> QDockWidget:
        """A panel in a dock on the right, hidden until asked for; it scrolls when the window
        is shorter than the panel."""
        from PySide6.QtCore import Qt

        from ui.scroll_column import Filled, ScrollColumn

        dock = QDockWidget(title, self, objectName=name)
        dock.setWidget(ScrollColumn(Filled(panel)))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.topLevelChanged.connect(lambda floating: floating and QTimer.singleShot(
            0, lambda: self._beside_floated_panels(dock)))
        dock.hide()
        return dock

    def _beside_floated_panels(self, dock: QDockWidget) -> None:
        """A panel the owner floats opens beside the other floated panel, to its left (else
        its right), not on top of it: it opened where it was docked, over the other one
        (found by a tester)."""
        frame, free = dock.frameGeometry(), dock.screen().availableGeometry()
        for other in self.findChildren(QDockWidget):
            there = other.frameGeometry()
            if other is dock or not (other.isFloating() and other.isVisible()) \
                    or not frame.intersects(there):
                continue
            left = there.left() - frame.width()
            frame.moveLeft(left if left >= free.left() else
                           min(there.right() + 1, free.right() + 1 - frame.width()))
        dock.move(frame.topLeft())

    def _about(self) -> None:
        from ui import dialogs

        dialogs.about(self)

    def _check_policy_document(self) -> None:
        from ui.findings import check_policy_document

        check_policy_document(self, self.model.project, folder=self.files.folder())

    # --- What the window shows ---------------------------------------------------------------

    def show_project(self, project: Project, path: Path | None, *,
                     modified: bool = False) -> None:
        """Show another project (new, opened or restored); its undo history starts afresh."""
        self.model.replace(project, path, modified=modified)
        self.project_replaced()

    def project_replaced(self) -> None:
        self.stack.setCurrentWidget(self.work)
        self.update_title()
        self.exports.update_changes_action()
        self.banner.show_for(self.model.project)
        if not self.work.isAncestorOf(QApplication.focusWidget()):
            # the keyboard in the tab's first answer: opened, the window had no focus at all,
            # and keys typed went nowhere (found by a tester)
            self.go_to_area(self.tabs.currentIndex())

    def showing_project(self) -> bool:
        """Whether a project is on screen. The frame, the offer of a crash's work and the start
        page show none: the commands on a project wait (they acted on a blank one unseen)."""
        return self._filled and self.stack.currentWidget() is self.work

    def _commands_follow_page(self) -> None:
        """Save, Export, the risk check and the rest act on the project shown."""
        shown = self.showing_project()
        for command in self.project_actions:
            command.setEnabled(shown)
        # Undo and Redo follow the active history: none while no project shows (Ctrl+Z
        # changed the hidden one), the project's own, as it was, when it shows again.
        self.undo_group.setActiveStack(self.model.undo_stack if shown else None)
        if shown:
            self.exports.update_changes_action()
        if self._loaded and not shown:  # the panels speak of the project shown: put away
            self._docks_away = [dock for dock in (self.findings_dock, self.review_dock)
                                if dock.isVisible()]
            for dock in self._docks_away:
                dock.hide()
        elif shown:  # back with it
            for dock in self._docks_away:
                dock.show()
            self._docks_away = []

    def update_title(self) -> None:
        name = self.model.path.name if self.model.path else "Untitled"
        read_only = " (read-only)" if self.model.workspace.read_only else ""
        self.setWindowTitle(window_title(f"{_literal(name)}[*]{read_only}"))
        self.setWindowModified(self.model.workspace.modified)

    def _update_kind(self, document) -> None:
        for action in self.kind_actions.actions():
            action.setChecked(action.data() == document.kind)

    def _follow_spelling(self, path: tuple = ()) -> None:
        """The spell check follows the business's country: US, or British forms allowed too."""
        from ui.spelling import use_british_spelling

        if path[:2] in ((), ("company",), ("company", "country")):
            use_british_spelling(self.model.project.company.spelling != "US")

    def _review_date_edited(self, path: tuple) -> None:
        """A new review date puts the banner away; undone, it comes back (it stayed away;
        found by a tester). A whole project's answers (a restore, and its undo) too."""
        if path[:2] in ((), ("review", "next_review_date")):
            self.banner.show_for(self.model.project)

    def _final_edited(self, path: tuple) -> None:
        if path == ("review", "final"):
            from ui.review_panel import final_edited

            final_edited(self)

    def _show_stepped(self, path: tuple) -> None:
        """Undo and Redo show the answer they changed, in its tab (the preview goes to its
        section); the owner's own wording and rules are no tab's, and stay in the preview."""
        if len(path) > 1 and str(path[0]) in self.forms:
            self.focus_field(path[:2])

    def _tab_changed(self, index: int) -> None:
        from smpolicy_desktop.model import Project

        self.preview.show_area(list(Project.areas())[index])

    def go_to_area(self, index: int) -> None:
        """Ctrl+1...8: the area's tab, the keyboard in its first answer (it stayed behind in
        the tab left, out of sight, and keys typed next went nowhere)."""
        self.tabs.setCurrentIndex(index)
        form = self.tabs.currentWidget()
        form.focus_field(form.fields()[0])
        box = form.editor(form.fields()[0])
        if isinstance(box, QLineEdit):
            box.end(False)  # what is typed next adds to the answer, at its end

    def focus_field(self, path: tuple, note: str | None = None) -> None:
        """Bring a question into view, e.g. from the findings panel or the banner."""
        form = self.forms[str(path[0])]
        self.tabs.setCurrentWidget(form)
        form.focus_field(path)
        if note is not None:
            form.mark_field(path, note)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        """Tab and Shift+Tab go in the order the window reads (ui/keyboard.py)."""
        if self._loaded and self.showing_project():
            from ui.keyboard import tab_from

            if tab_from(self, next):
                return True
        return super().focusNextPrevChild(next)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from ui.file_commands import dropped_file

        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.open_dropped(event)

    def open_reply(self, path: Path | None = None) -> None:
        from ui.review_panel import open_reply_in

        self.ensure_loaded()
        open_reply_in(self, path)

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
            if not self.files.maybe_save():
                event.ignore()
                return
            self.model.workspace.close()
            self.recovery.timer.stop()
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
        width, height = first_size(screen.width(), screen.height())
        self.resize(width, height)
        self.move(screen.x() + (screen.width() - width) // 2,
                  screen.y() + (screen.height() - height - FRAME) // 2)
