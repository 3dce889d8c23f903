"""The window's actions, menus and toolbar: what each command is called, its key and icon.

The window and its command objects (window.files, window.exports) do the work; this module
only builds and arranges the commands.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QToolBar, QWidget

from smpolicy_desktop.resources import resource_path

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def action(window: MainWindow, text: str, slot, shortcut=None, icon=None) -> QAction:
    """A command that fills the window first if it is still only its frame."""
    command = QAction(text, window)
    if shortcut is not None:
        keys_later(window, command, shortcut)
    if icon is not None:
        command.setIcon(window.style().standardIcon(icon))
    command.triggered.connect(lambda: (window.ensure_loaded(), slot()))  # even before filling
    return command


def own_icon(name: str) -> QIcon:
    """One of the app's own icons (assets/icons/NAME.svg), for commands whose standard icon
    says something else (Qt's arrows read as "play", not "undo" or "export")."""
    return QIcon(str(resource_path("assets", "icons", f"{name}.svg")))


def keys_later(window: MainWindow, command: QAction, *keys) -> None:
    """A command's keys, given by give_keys() once the window fills: the first key set builds
    PySide's Qt namespace (some 30 ms), which the frame does without."""
    window.keys_to_give.append((command, keys))


def give_keys(window: MainWindow) -> None:
    """Each command's keys, a standard key with every binding the system gives it, each once:
    Windows's Redo is Ctrl+Y already, and Ctrl+Y given twice is an ambiguous shortcut, which Qt
    ignores (Redo's key did nothing)."""
    for command, keys in window.keys_to_give:
        sequences: list[QKeySequence] = []
        for key in keys:
            for sequence in (QKeySequence.keyBindings(key)
                             if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]):
                if sequence not in sequences:
                    sequences.append(sequence)
        command.setShortcuts(sequences)
        if sequences and command.toolTip() == command.iconText():  # no words of its own
            command.setToolTip(f"{command.iconText()} "
                               f"({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})")
    window.keys_to_give.clear()


def build_actions(window: MainWindow) -> None:
    pixmap, keys = QStyle.StandardPixmap, QKeySequence.StandardKey
    w = window

    def add(text: str, slot, shortcut=None, icon=None) -> QAction:
        return action(w, text, slot, shortcut, icon)

    # New: the start page's kinds of business (with a way back to the policy open).
    # The command objects are made as the window fills, which every command asks for first.
    w.new_action = add("&New...", lambda: w.files.show_start_page(), keys.New,
                       pixmap.SP_FileIcon)
    w.open_action = add("&Open...", lambda: w.files.open_project(), keys.Open,
                        pixmap.SP_DialogOpenButton)
    w.save_action = add("&Save", lambda: w.files.save(), keys.Save, pixmap.SP_DialogSaveButton)
    w.save_as_action = add("Save &As...", lambda: w.files.save_as(), keys.SaveAs)
    w.versions_action = add("&Versions...", lambda: w.files.show_versions())
    w.versions_action.setToolTip("Earlier saves of this project: open, compare, restore")
    w.open_reply_action = add("Open Co&unsel's Reply...", lambda: w.open_reply())
    w.export_actions = {
        fmt: add(f"Export to {label}..." if fmt == "docx" else f"Export as {label}...",
                 lambda fmt=fmt: w.exports.export(fmt), "Ctrl+E" if fmt == "docx" else None)
        for fmt, label in (("docx", "&Word"), ("html", "We&b Page"), ("md", "&Markdown"),
                           ("pdf", "PD&F"))}
    w.export_actions["docx"].setIcon(own_icon("export-word"))
    w.send_action = add("Send to &Counsel (Word)...", lambda: w.exports.export("docx", send=True))
    w.send_action.setToolTip("A Word file for your lawyer, kept in the project as the "
                             "version their reply and later changes compare with")
    w.export_changes_action = add("Export C&hanges for Counsel...",
                                  lambda: w.exports.export("docx", True))
    w.export_changes_action.setToolTip("A Word file showing what changed since a version "
                                       "sent to counsel, as tracked changes")
    w.line_numbers_action = QAction("Number &Lines in Word Exports", w, checkable=True)
    w.line_numbers_action.setChecked(w.settings.value("line_numbers", False, bool))
    w.line_numbers_action.toggled.connect(lambda on: w.settings.setValue("line_numbers", on))
    w.quit_action = QAction("&Quit", w)
    keys_later(w, w.quit_action, "Ctrl+Q")
    w.quit_action.triggered.connect(w.close)
    w.undo_action = w.undo_group.createUndoAction(w, "&Undo")
    keys_later(w, w.undo_action, keys.Undo)
    w.undo_action.setIcon(own_icon("undo"))
    w.redo_action = w.undo_group.createRedoAction(w, "&Redo")
    keys_later(w, w.redo_action, "Ctrl+Y", keys.Redo)  # shown as README and Help say it
    w.redo_action.setIcon(own_icon("redo"))
    # The document kind is the project's Document type: these set it (an undoable edit).
    w.kind_actions = QActionGroup(w)
    for kind, text in (("full", "&Full policy"), ("short", "S&hort guidelines")):
        choice = add(text, lambda kind=kind: w.model.set_value(
            ("company", "document_type"), kind, typing=False))
        choice.setCheckable(True)
        choice.setChecked(kind == "full")
        choice.setData(kind)
        choice.setToolTip(f"Show and export the {text.replace('&', '').lower()}")
        w.kind_actions.addAction(choice)
    # Cut, Copy, Paste and Select All in the box being typed in, as its own keys do there;
    # the keys stay the box's (a window shortcut would take them from lists and the preview),
    # so the menu only shows them, after the tab.
    w.text_actions = [
        add(f"{text}\t{QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)}",
            lambda method=method: getattr(w.focusWidget(), method, lambda: None)())
        for text, key, method in (("Cu&t", keys.Cut, "cut"), ("&Copy", keys.Copy, "copy"),
                                  ("&Paste", keys.Paste, "paste"),
                                  ("Select &All", keys.SelectAll, "selectAll"))]
    w.print_action = add("&Print...", lambda: w.exports.print_policy(), keys.Print)
    w.find_action = add("&Find in the Policy...", lambda: w.find_bar.open_bar(), keys.Find)
    w.find_next_action = add("Find &Next", lambda: w.find_bar.find(True), keys.FindNext)
    w.find_previous_action = add("Find Pre&vious", lambda: w.find_bar.find(False),
                                 keys.FindPrevious)
    w.help_action = add("&Help", w.show_help, keys.HelpContents)
    w.welcome_action = add("&Welcome Page...", lambda: w.files.show_start_page())
    # The toolbar's Undo and Redo keep short labels, so the buttons never shift sideways;
    # their tooltips say what they would undo.
    w.undo_tool = tool(w, w.undo_action, "Undo")
    w.redo_tool = tool(w, w.redo_action, "Redo")
    w.about_action = QAction("&About smpolicy", w)
    w.about_action.triggered.connect(w._about)
    # What acts on the project shown, when one is (MainWindow.showing_project).
    w.project_actions = [w.save_action, w.save_as_action, w.versions_action,
                         w.open_reply_action, *w.export_actions.values(), w.send_action,
                         w.export_changes_action, *w.kind_actions.actions(), w.print_action,
                         w.find_action, w.find_next_action, w.find_previous_action]


def tool(window: MainWindow, command: QAction, text: str) -> QAction:
    """A toolbar copy of a command with a fixed short label; its tooltip says the rest."""
    button = QAction(command.icon(), text, window)
    button.triggered.connect(command.trigger)
    command.changed.connect(lambda: (button.setEnabled(command.isEnabled()),
                                     button.setToolTip(command.text().replace("&", ""))))
    button.setEnabled(False)
    return button


def build_menus_and_toolbar(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("&File")
    menu.addActions([window.new_action, window.open_action])
    window.recent_menu = menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    menu.addSeparator()
    menu.addActions([window.save_action, window.save_as_action, window.versions_action])
    menu.addSeparator()
    menu.addAction(window.open_reply_action)
    menu.addActions(list(window.export_actions.values()))
    menu.addActions([window.send_action, window.export_changes_action,
                     window.line_numbers_action])
    menu.addSeparator()
    menu.addAction("Check a Policy &Document...", window._check_policy_document)
    menu.addAction(window.print_action)
    menu.addSeparator()
    menu.addAction(window.quit_action)
    edit = window.menuBar().addMenu("&Edit")
    edit.addActions([window.undo_action, window.redo_action])
    edit.addSeparator()
    edit.addActions(window.text_actions)
    edit.addSeparator()
    edit.addActions([window.find_action, window.find_next_action, window.find_previous_action])
    window.view_menu = window.menuBar().addMenu("&View")
    window.view_menu.addSection("Document")
    window.view_menu.addActions(window.kind_actions.actions())
    # The panel is built once the window has filled; its checked state follows the panel's.
    checks = window.risk_check_action = action(
        window, "&Risk Check", lambda: window.findings_dock.toggleViewAction().trigger(), "F7",
        QStyle.StandardPixmap.SP_MessageBoxWarning)
    checks.setCheckable(True)
    window.view_menu.addSection("Panels")
    window.view_menu.addAction(checks)
    # The keyboard from the questions to the preview, the risk check, counsel's review
    window.pane_actions = [
        action(window, text, lambda step=step: window.pane_keys.move(step), key)
        for text, step, key in (("&Next Pane", 1, "F6"), ("&Previous Pane", -1, "Shift+F6"))]
    window.view_menu.addActions(window.pane_actions)
    window.project_actions += [checks, *window.pane_actions]
    window.view_menu.addSection("Go to")  # the areas are added with the model
    window.menuBar().addMenu("&Help").addActions(
        [window.help_action, window.welcome_action, window.about_action])
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # no Qt namespace
    toolbar.addActions([window.new_action, window.open_action, window.save_action])
    toolbar.addSeparator()
    toolbar.addActions([window.undo_tool, window.redo_tool])
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(" Document: "))
    toolbar.addActions(window.kind_actions.actions())
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(checks)
    toolbar.addAction(window.export_actions["docx"])
    ToolbarThatFits(toolbar, [window.new_action, window.open_action, window.save_action,
                              window.undo_tool, window.redo_tool])


class ToolbarThatFits(QObject):
    """Shows the file and undo commands as icons alone (their tooltips name them) while the
    toolbar is narrower than it needs with every label: at 2x on a 1920x1080 screen Export to
    Word, the command the app is for, was behind the toolbar's >> button (found by a tester).
    Narrower still, Qt puts what does not fit behind >> as before."""

    def __init__(self, toolbar: QToolBar, compact: list[QAction]):
        super().__init__(toolbar)
        self.toolbar, self.compact = toolbar, compact
        self.needs = 0  # the toolbar's width with every label, measured while they show
        self.labelled = True
        toolbar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        if self.labelled:
            self.needs = self.toolbar.sizeHint().width()
        labelled = self.toolbar.width() >= self.needs
        if labelled != self.labelled:
            self.labelled = labelled
            style = "ToolButtonTextBesideIcon" if labelled else "ToolButtonIconOnly"
            for command in self.compact:  # by name: the Qt namespace is built later
                self.toolbar.widgetForAction(command).setProperty("toolButtonStyle", style)


def fill_recent_menu(window: MainWindow) -> None:
    """File > Open Recent as it opens: the recent projects still there."""
    from ui.file_commands import recent_files  # not in the frame: each module costs its time

    window.recent_menu.clear()
    existing = [p for p in recent_files(window.settings) if os.path.isfile(p)]
    for number, name in enumerate(existing, 1):
        window.recent_menu.addAction(f"&{number} {Path(name).name}",
                                     lambda name=name: window.files.open_project(Path(name)))
    if not existing:
        window.recent_menu.addAction("No recent projects").setEnabled(False)


def build_go_to_menu(window: MainWindow) -> None:
    """View > Go to: Ctrl+1...8 for the areas, and Ctrl+PgDown/PgUp for the next and the one
    before (as tabs go in a browser; from a list or a table too, whose keys they were),
    added once the model has loaded."""
    from smpolicy_desktop.model import Project

    areas = len(Project.areas())
    go_to = [action(window, f"&{index + 1} {Project.model_fields[name].title}",
                    lambda i=index: window.go_to_area(i), f"Ctrl+{index + 1}")
             for index, name in enumerate(Project.areas())]
    go_to += [action(window, text, lambda step=step: window.go_to_area(
                  (window.tabs.currentIndex() + step) % areas), keys)
              for text, step, keys in (("Next &Area", 1, "Ctrl+PgDown"),
                                       ("Pre&vious Area", -1, "Ctrl+PgUp"))]
    window.view_menu.addActions(go_to)
    window.project_actions += go_to  # no area to go to on the start page (found by a tester)
