"""File > New, Open, Save and Save As, with the questions around them: unsaved work, a bad
file and its backup, a file changed elsewhere, the recent files and the start page's choices.

The workspace makes the file rules; these commands ask for paths and answers and show messages.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from smpolicy_desktop import PROJECT_EXTENSION as EXTENSION
from smpolicy_desktop import REPLY_SUFFIXES
from ui.app import window_title
from ui.editors import take_typing

MAX_RECENT = 8
PROJECT_KIND = "smpolicy projects"
PROJECT_FILTER = f"{PROJECT_KIND} (*{EXTENSION})"


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """A project dragged onto the window, or counsel's reply (a .docx, or a file in another
    format counsel may have saved it in: opening it says what to do)."""
    urls = event.mimeData().urls()
    if len(urls) == 1 and urls[0].isLocalFile():
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in (EXTENSION, *REPLY_SUFFIXES) else None
    return None


def example_project() -> Path:
    from smpolicy_desktop.resources import resource_path

    return resource_path("assets", "examples", "northwind.smpolicy")


class FileCommands:
    """The window's file commands; `window.settings` keeps the recent files and folder."""

    def __init__(self, window):
        self.window = window
        self.model = window.model
        self.settings = window.settings

    def show_start_page(self, first: bool = False) -> None:
        """Welcome: what the app does, a new policy by kind of business, open, the example;
        from the menu, also the way back to the policy open."""
        from smpolicy_desktop.presets import presets
        from ui.start_page import StartPage

        window = self.window
        back_to = "" if first else (self.model.path.name if self.model.path else "your policy")
        if window.start_page is not None:
            window.stack.removeWidget(window.start_page)
            window.start_page.deleteLater()
        recent = [Path(p) for p in recent_files(self.settings) if os.path.isfile(p)]
        window.start_page = StartPage(presets(), recent[:5], example_project(), back_to)
        window.start_page.chosen.connect(self._start_chosen)
        window.stack.addWidget(window.start_page)
        window.stack.setCurrentWidget(window.start_page)
        window.start_page.setFocus()
        window.setWindowTitle(window_title("Welcome"))

    def _start_chosen(self, choice) -> None:
        from smpolicy_desktop.workspace import Workspace

        window = self.window
        if choice.back:
            window.stack.setCurrentWidget(window.work)
            window.update_title()
            return
        if choice.ask_for_file:
            self.open_project()  # it asks about unsaved work itself
            return
        if not self.maybe_save("starting a new project" if choice.preset is not None
                               else "opening another project"):
            return
        if choice.preset is not None:
            window.show_project(choice.preset.project(), None)
            window.focus_field(("company", "name"))  # where a new owner starts typing
        elif choice.path == example_project():  # a copy: the shipped file stays as it is
            window.show_project(Workspace.open(choice.path).project, None)
        else:
            self.load(choice.path)

    def open_project(self, path: Path | None = None) -> bool:
        if not self.maybe_save("opening another project"):
            return False
        if path is None:
            from ui import dialogs

            chosen = dialogs.open_file_name(self.window, "Open project", self.folder(),
                                            PROJECT_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        return self.load(path)

    def open_asked_for(self, path: Path) -> bool:
        """Open the file asked for at the start, after the owner restored other work: that
        work is saved first, never dropped; Cancel (or a save that failed) keeps it here and
        leaves the file unopened."""
        from ui import dialogs

        restored = self.model.path.name if self.model.path else "a new project"
        if not dialogs.ask_save_restored(self.window, restored, path.name) or not self.save():
            return False
        return self.load(path)

    def load(self, path: Path) -> bool:
        """Show the project in `path`; a bad file is reported (offering its backup) and the
        current work stays. A file open in another window opens read-only if the user wants;
        work a crashed window left on this file is offered.
        """
        from smpolicy_desktop.storage import ProjectFileError
        from smpolicy_desktop.workspace import Workspace
        from ui.versions_window import saved_at

        window = self.window
        try:
            opened = Workspace.open(path)
        except ProjectFileError as exc:
            from ui import dialogs

            backup = Workspace.fallback_for(path, exc)  # its .bak, else its last version
            if not dialogs.offer_backup(window, Path(path), exc.reason, backup):
                return False
            try:
                opened = Workspace.open(backup)
            except ProjectFileError as again:
                dialogs.show_error(window, "Cannot open the backup either", again.reason)
                return False
            if not window.disk.claim(Path(path)):
                return False
            # Unsaved, under the damaged file's name: saving puts the good version back.
            window.show_project(opened.project, Path(path), modified=True)
            return True
        if not window.disk.claim(Path(path)):
            return False
        self.model.replace(opened.project, opened.path, on_disk=opened.on_disk)
        window.project_replaced()
        # an older file's answer that could not be read, a later save here: said, not lost
        later = self.model.workspace.saved_here_later()
        window.file_notes.show_for(path.name, opened.open_notes, "" if later is None else
                                   saved_at(later, self.model.project.company.spelling))
        remember(self.settings, Path(path))
        window.offer_recovery(Path(path))
        return True

    def save(self) -> bool:
        """Save to the project's file; Save As for a project never saved, one looked at
        read-only, or a file deleted or moved away since (saving there again made a second
        copy, at the old place, of a project moved elsewhere)."""
        take_typing(self.window)
        if self.model.path is None or self.model.workspace.read_only:
            return self.save_as()
        if not os.path.exists(self.model.path):  # the dialog says why it asks (found by a tester)
            return self.save_as(f"Save project: {self.model.path.name} was moved or deleted")
        return self.save_to(self.model.path)

    def save_as(self, title: str = "Save project") -> bool:
        from smpolicy_desktop.workspace import project_file_name
        from ui import dialogs

        take_typing(self.window)
        name = self.model.path.name if self.model.path else project_file_name(
            self.model.workspace.suggested_name())
        # its own folder while it is there (a folder gone left the dialog in the app's own)
        folder = self.model.path.parent if self.model.path and os.path.isdir(
            self.model.path.parent) else Path(self.folder())
        suggested = folder / name
        chosen = dialogs.ask_save_path(self.window, title, suggested,
                                       PROJECT_KIND, EXTENSION.lstrip("."))
        return chosen is not None and self.save_to(chosen)

    def save_to(self, path: Path, *, overwrite: bool = False) -> bool:
        """Save; a file changed elsewhere since it was read or saved here is never overwritten
        without asking (Reload, Save As or Overwrite)."""
        from smpolicy_desktop.storage import FileChangedError, ProjectFileError
        from ui import dialogs

        window = self.window
        # the file looked at read-only, chosen in Save As: asked again (it was written without
        # a question, and the window still said read-only; found by a tester)
        if (path != self.model.path or self.model.workspace.read_only) and \
                (not window.disk.claim(path) or self.model.workspace.read_only):
            return False
        try:
            self.model.workspace.save(path, overwrite=overwrite)
        except FileChangedError:
            answer = dialogs.ask_file_changed(window, path.name)
            if answer == "reload":
                return self.load(path)
            if answer == "overwrite":
                return self.save_to(path, overwrite=True)
            return answer == "save_as" and self.save_as()
        except ProjectFileError as exc:
            if dialogs.save_failed(window, path, exc.reason) == "save_as":
                return self.save_as()
            return False
        window.disk.watch(path)
        window.update_title()  # no longer read-only
        remember(self.settings, path)
        # an answer refused in red is in no file: said, or the owner took it as saved
        notes = [*(f"Note: {note}." for note in self.model.workspace.save_notes),
                 *(why for _, why in self._refused())]
        window.statusBar().showMessage(" ".join([f"Saved {path.name}.", *notes]),
                                       15000 if notes else 4000)
        return True

    def _refused(self) -> list[tuple]:
        """Answers typed and refused in the forms: (field, "Title: why")."""
        return [each for form in self.window.forms.values() for each in form.refused()]

    def maybe_save(self, doing: str = "closing") -> bool:
        """True when the current work may be replaced: saved, clean or discarded. The question
        names what the owner is `doing` ("opening another project")."""
        from ui import dialogs

        if not self.may_change_answers(doing):
            return False
        if not self.model.workspace.modified:
            return True
        answer = dialogs.ask_unsaved_changes(self.window, self.model.path, doing)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.model.workspace.discard_autosave()
            return True
        return False

    def may_change_answers(self, doing: str) -> bool:
        """What is being typed taken as an answer (an undo step), and True unless an answer
        refused in the forms is left behind and the owner stays with it."""
        take_typing(self.window)
        return self._refused_left_behind(doing)

    def _refused_left_behind(self, doing: str) -> bool:
        """Answers typed and refused (a review date before the effective date) are in no file:
        True when there are none, or the owner goes on without them; else the first one is
        shown. Closing went on without a word and the typed answer was lost (found by a
        tester)."""
        from ui import dialogs

        refused = self._refused()
        if not refused or dialogs.go_on_without(self.window, [why for _, why in refused],
                                                doing):
            return True
        self.window.focus_field(refused[0][0])
        return False

    def disk_changed(self) -> None:
        """The open file changed on disk: a window without unsaved changes offers to show the
        new version; one with unsaved changes is asked at its next save."""
        from ui import dialogs

        if self.model.path is None:
            return
        if not self.model.workspace.modified:
            if dialogs.ask_reload(self.window, self.model.path.name):
                self.load(self.model.path)
            else:
                self.model.keep_as_unsaved()
        else:
            self.window.statusBar().showMessage(f"{self.model.path.name} was changed "
                                                "elsewhere; saving will ask before replacing it.",
                                                15000)

    def disk_gone(self) -> None:
        """The open file was deleted or moved away: the owner's work is in the window (and its
        autosave), and the next save asks where."""
        if self.model.path is not None:
            self.window.statusBar().showMessage(
                f"{self.model.path.name} was moved or deleted; Save will ask where to save your "
                "work.", 30000)

    def open_dropped(self, event: QDropEvent) -> None:
        """A project dropped on the window opens; any other file as counsel's reply."""
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            opener = self.open_project if path.suffix.lower() == EXTENSION else \
                self.window.open_reply
            QTimer.singleShot(0, lambda: opener(path))  # let the drag finish first

    def show_versions(self) -> None:
        from ui.versions_window import VersionsWindow

        if self.model.path is None:
            self.window.statusBar().showMessage("Versions are kept once the project is saved.",
                                                6000)
            return
        # modal: open beside the window, it went on restoring and comparing the project shown
        # before another was opened (found by a tester)
        VersionsWindow(self.window).open()
        self.window.file_notes.hide()  # the owner acts on a later save: told, it stayed

    def folder(self) -> str:
        """The folder dialogs start in: the last one used, else the project's, while it is
        there, else Documents (where there is one), else home."""
        folders = [str(self.settings.value("last_folder", "")),
                   str(self.model.path.parent) if self.model.path else "",
                   # not home first: on Windows it is the profile folder, C:\Users\NAME
                   QStandardPaths.writableLocation(
                       QStandardPaths.StandardLocation.DocumentsLocation)]
        return next((folder for folder in folders if folder and os.path.isdir(folder)),
                    str(Path.home()))


# The recent files need only the settings: File > Open Recent lists them while the window fills.

def remember(settings: QSettings, path: Path) -> None:
    """The file first among the recent ones, and the last file and folder. What the settings
    hold already is not set again: QSettings writes its file after any set (waiting for the
    disk), and on the usual start, the last project reopened, it did so before the first paint."""
    held = recent_files(settings)
    recent = ([str(path)] + [p for p in held if p != str(path)])[:MAX_RECENT]
    if recent != held:
        settings.setValue("recent_files", recent)
    for key, value in (("last_file", str(path)), ("last_folder", str(path.parent))):
        if settings.value(key) != value:
            settings.setValue(key, value)


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("recent_files", [])
    return [value] if isinstance(value, str) else list(value or [])

