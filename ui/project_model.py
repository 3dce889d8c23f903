"""The workspace as the window sees it: Qt signals for its events, and the undo history.

Every user edit goes through set_value() as a QUndoCommand, and a restore of a kept version
through restore_version(); nothing else is an undo step. The workspace then says what changed,
and views re-read what they show. Views never talk to each other.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from pydantic import BaseModel
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from smpolicy_desktop.autosave import Autosave
from smpolicy_desktop.dates import refuse_date
from smpolicy_desktop.file_watch import Stamp
from smpolicy_desktop.model import Project
from smpolicy_desktop.questions import question_at
from smpolicy_desktop.workspace import FieldPath, Workspace

__all__ = ["FieldPath", "ProjectModel"]


class ProjectModel(QObject):
    """Holds the Workspace; `changed(path)` fires after every edit, undo, redo and replace.

    The path is the edited field's path, or () when the whole project was replaced.
    `stepped(path)` fires after an undo or redo, with the path of the answer it changed.
    """

    changed = Signal(tuple)
    stepped = Signal(tuple)
    replaced = Signal()  # another project is shown (new, opened, restored, reloaded)
    path_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(self, workspace: Workspace | Project | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace if isinstance(workspace, Workspace) else Workspace(workspace)
        self.undo_stack = QUndoStack(self)
        for event, slot in (("changed", self.changed.emit), ("replaced", self.replaced.emit),
                            ("modified", self.modified_changed.emit), ("saved", self._saved)):
            self.workspace.on(event, self._while_alive(slot))
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _while_alive(self, slot: Callable[..., None]) -> Callable[..., None]:
        """A workspace event reaches this object's signals only while the object exists."""
        def forward(*args: Any) -> None:
            if shiboken6.isValid(self):
                slot(*args)
        return forward

    def _clean_changed(self, clean: bool) -> None:
        self.workspace.set_edited(not clean)

    @property
    def project(self) -> Project:
        return self.workspace.project

    @property
    def path(self) -> Path | None:
        return self.workspace.path

    def value(self, path: FieldPath) -> Any:
        return self.workspace.value(path)

    def set_value(self, path: FieldPath, value: Any, text: str = "", *,
                  typing: bool = True) -> None:
        """Record a user's edit; consecutive typing in one text field merges into one step.

        An edit made for the user in one go (typing=False, e.g. applying a suggested
        wording) is always its own step. Raises pydantic's ValidationError, leaving the
        project unchanged, if the value is not a valid answer.
        """
        old = self.value(path)
        if old == value:
            return
        old = copy.deepcopy(old)
        refuse_date(self.project, path, value)  # the rules for dates, across areas too
        owner = self.value(tuple(path[:-1]))
        before = dict(vars(owner)) if isinstance(owner, BaseModel) else {}
        self.workspace.set_value(path, value)  # validates first: a bad value never reaches it
        # An answer the model dropped with this one (a state left from another country):
        # the form shows it gone, and Undo brings it back.
        dropped = {name: was for name, was in before.items() if name != path[-1]
                   and (now := vars(owner)[name]) is not was and now != was}
        self.undo_stack.push(_Edit(self, path, old, value, text or f"Edit {label_of(path)}",
                                   typing, dropped))
        if dropped:
            self.changed.emit(tuple(path[:-1]))

    def replace(self, project: Project, path: Path | None, *, modified: bool = False,
                on_disk: Stamp | None = None) -> None:
        """Show another project (New, Open, a version): the undo history starts afresh."""
        self._afresh(lambda: self.workspace.replace(project, path, modified=modified,
                                                    on_disk=on_disk), modified)

    def restore_version(self, project: Project, text: str) -> None:
        """Show a version from File > Versions, as unsaved changes (Workspace.restore_version):
        one undo step, `text`, which brings back the answers shown before it. The undo history
        was cleared, and what was there before the restore, saved or not, was gone (found by a
        tester)."""
        self.undo_stack.push(_Restore(self, project, text))

    def restore(self, found: Autosave) -> None:
        """Show work a crashed window left, as unsaved changes; raises ProjectFileError."""
        self._afresh(lambda: self.workspace.restore(found), True)

    def keep_as_unsaved(self) -> None:
        """The answers shown are no longer what the file holds (it changed elsewhere, and the
        owner kept this version): unsaved work, which closing asks about and autosave keeps.
        Kept as it was, the window closed without a word, and the version kept was nowhere
        (found by a tester)."""
        self.undo_stack.resetClean()

    def _afresh(self, show: Callable[[], None], modified: bool) -> None:
        self.undo_stack.clear()
        show()
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.path_changed.emit()

    def _saved(self, path: Path) -> None:
        self.undo_stack.setClean()
        self.path_changed.emit()


def label_of(path: FieldPath) -> str:
    """A field's label as the form shows it, e.g. "Policy owner's job title"."""
    question = question_at(path)
    return question.title if question else str(path[0])


class _Edit(QUndoCommand):
    """One edit of one field; the value is already set when it is pushed."""

    def __init__(self, model: ProjectModel, path: FieldPath, old: Any, new: Any, text: str,
                 typing: bool, dropped: dict[str, Any] | None = None):
        super().__init__(text)
        self.model, self.path, self.old, self.new = model, path, old, new
        self.typing = typing
        self.dropped = dropped or {}  # answers beside it the model dropped, as they were
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # set_value has set it already
            self._first_redo = False
        else:
            self.model.workspace.set_value(self.path, self.new)
            if self.dropped:
                self.model.changed.emit(tuple(self.path[:-1]))
            self.model.stepped.emit(tuple(self.path))

    def undo(self) -> None:
        self.model.workspace.set_value(self.path, self.old)
        for name, was in self.dropped.items():
            self.model.workspace.set_value((*self.path[:-1], name), was)
        self.model.stepped.emit(tuple(self.path))

    def id(self) -> int:
        return 1 if self.typing else -1  # -1: Qt never merges this command

    def mergeWith(self, other: QUndoCommand) -> bool:
        if other.path != self.path or not self.typing or not isinstance(self.new, str):
            return False
        self.new = other.new
        self.dropped = {**other.dropped, **self.dropped}  # as they were before the first
        return True


class _Restore(QUndoCommand):
    """A kept version's answers in place of those shown; undone, those come back. Each is
    shown as a copy: an edit after it must not change the one kept here."""

    def __init__(self, model: ProjectModel, project: Project, text: str):
        super().__init__(text)
        self.model = model
        self.before, self.after = model.project.model_copy(deep=True), project

    def redo(self) -> None:
        self.model.workspace.restore_version(self.after.model_copy(deep=True))

    def undo(self) -> None:
        self.model.workspace.restore_version(self.before.model_copy(deep=True))
