"""File > Versions...: the kept versions of the open project, to open, compare or restore.

The versions live in the state folder (smpolicy_desktop.versions); nothing here writes a file.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop import versions
from smpolicy_desktop.dates import long_date_in
from smpolicy_desktop.storage import ProjectFileError
from ui.screen_fit import fit_text_to_screen

SAME = "This version says the same as the window"


class VersionsWindow(QDialog):
    """Lists the versions newest first; Compare shows what differs from the window's answers,
    Open shows a version as a new untitled project, Restore puts it back as unsaved changes."""

    def __init__(self, window: QWidget):
        self.workspace = window.model.workspace
        super().__init__(window, windowTitle=f"Versions of {self.workspace.path.name}")
        self.window_ = window
        self.kept = self.workspace.versions()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"The last {versions.KEEP_LAST} saves, the last save of each "
                                f"day for {versions.KEEP_DAYS} days (fewer days for a very "
                                "large project), and every save that recorded a version sent "
                                "to counsel or counsel's reply:", wordWrap=True))
        self.list = QListWidget(objectName="versions")
        spelling = self.workspace.project.company.spelling
        for at, version in enumerate(self.kept):
            counsel = f", {self._counsel(at)}" if version.for_counsel else ""
            self.list.addItem(f"{saved_at(version, spelling)}  "
                              f"({version.size() / 1024:.0f} KB on disk{counsel})")
        if not self.kept:  # a file this app has not saved yet
            self.list.addItem("No versions yet: each save from now on is kept here.")
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.setCurrentRow(0)
        self.list.setAccessibleName("Versions kept")
        layout.addWidget(self.list)
        # where a copy's history began, in full under the list (a line of it was cut off)
        self.origin = QLabel(self._origin(), wordWrap=True, objectName="copiedFrom")
        self.origin.setVisible(bool(self.origin.text()))
        layout.addWidget(self.origin)
        self.details = QPlainTextEdit(readOnly=True, objectName="differences")
        self.details.setAccessibleName("What the version says differently")
        self.details.setPlaceholderText("Compare shows what this version says differently.")
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for text, slot in (("Compare", self.compare), ("Open as Copy", self.open_copy),
                           ("Restore", self.restore)):
            button = QPushButton(text)
            button.setEnabled(bool(self.kept))
            button.clicked.connect(slot)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_text_to_screen(self, 91, 32)  # 640x480 at 10 points

    def _origin(self) -> str:
        """Whose versions a copied project lists: another file's until its first save here,
        then its own, begun as the copy ("" for a project not copied)."""
        history = self.workspace.history()
        if (original := versions.copy_of(history, self.workspace.path)) is not None:
            return (f"This file is a copy of {original.name} (in {original.parent}): the "
                    "versions above are that file's. Saving this one starts a list of its own.")
        if (original := versions.copied_from(history)) is not None:
            return (f"Copied from {original.name} (in {original.parent}): the versions saved "
                    "before the copy are in that file's Versions.")
        return ""

    def _counsel(self, at: int) -> str:
        """What the save kept for counsel at row `at` recorded, against the save before it
        ("v2 sent to counsel"): it said only "for counsel", not which version went."""
        try:
            saved = self.workspace.read_version(self.kept[at])
        except ProjectFileError:
            return "for counsel"
        before = None
        with contextlib.suppress(ProjectFileError, IndexError):
            before = self.workspace.read_version(self.kept[at + 1])
        return versions.counsel_record(saved, before)

    def _picked(self) -> versions.Version:
        return self.kept[max(self.list.currentRow(), 0)]

    def _chosen(self):
        """The version picked, None if it cannot be read."""
        try:
            return self.workspace.read_version(self._picked())
        except ProjectFileError as exc:
            self.details.setPlainText(f"This version cannot be read: {exc.reason}")
            return None

    def compare(self) -> None:
        project = self._chosen()
        if project is None:
            return
        found = versions.differences(project, self.workspace.project)
        self.details.setPlainText("\n\n".join(
            f"{where}\n  this version: {was}\n  now: {now}" for where, was, now in found)
            or f"{SAME}.")

    def open_copy(self) -> None:
        project = self._chosen()
        if project is not None and self.window_.files.maybe_save("opening this version"):
            self.window_.show_project(project, None, modified=True)  # a copy, unsaved
            self.accept()

    def restore(self) -> None:
        """The version's answers replace the window's, as unsaved changes to the same file: an
        undo step, so the answers shown before it, saved or not, are never lost."""
        project = self._chosen()
        if project is None or not self.window_.files.may_change_answers(
                "restoring this version"):
            return
        if not versions.differences(project, self.workspace.project):  # no step changing nothing
            self.details.setPlainText(f"{SAME}: there is nothing to restore.")
            return
        spelling = self.workspace.project.company.spelling
        self.window_.model.restore_version(
            project, f"Restore the version saved {saved_at(self._picked(), spelling)}")
        self.window_.project_replaced()
        self.accept()


def saved_at(version: versions.Version, spelling: str) -> str:
    """"December 6, 2026, 16:40:12": when the version was saved, as the list says it."""
    return f"{long_date_in(spelling, version.saved_at.date())}, {version.saved_at:%H:%M:%S}"
