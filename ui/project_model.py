"""The open project as the window sees it: the Project, its file, and undoable edits.

Every edit goes through set_value() as a QUndoCommand; the model then emits one `changed`
signal, and views re-read what they show. Views never talk to each other.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from smpolicy_desktop.model import Project

FieldPath = tuple[str | int, ...]  # ("employees", "confidential_info") or (..., 2, "action")


class ProjectModel(QObject):
    """Holds one Project; `changed(path)` fires after every edit, undo and redo.

    The path is the edited field's path, or () when the whole project was replaced.
    """

    changed = Signal(tuple)
    path_changed = Signal()

    def __init__(self, project: Project | None = None, path: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.project = project or Project()
        self.path = path
        self.undo_stack = QUndoStack(self)

    def value(self, path: FieldPath) -> Any:
        target: Any = self.project
        for key in path:
            target = target[key] if isinstance(key, int) else getattr(target, key)
        return target

    def set_value(self, path: FieldPath, value: Any, text: str = "", *,
                  typing: bool = True) -> None:
        """Record an edit; consecutive typing in one text field merges into one undo step.

        An edit made for the user in one go (typing=False, e.g. applying a suggested
        wording) is always its own step.

        Raises pydantic's ValidationError, leaving the project unchanged, if the value is
        not a valid answer.
        """
        old = self.value(path)
        if old == value:
            return
        old = copy.deepcopy(old)
        self._assign(path, value)  # validates first, so a bad value never reaches the stack
        self.undo_stack.push(_Edit(self, path, old, value, text or f"Edit {path[-1]}", typing))

    def replace(self, project: Project, path: Path | None) -> None:
        """Show another project (New, Open, restore): the undo history starts afresh."""
        self.project, self.path = project, path
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.path_changed.emit()
        self.changed.emit(())

    def _assign(self, path: FieldPath, value: Any) -> None:
        *parents, last = path
        owner = self.value(tuple(parents))
        if isinstance(last, int):
            items = list(owner)
            items[last] = value
            self._assign(tuple(parents), items)
        else:
            setattr(owner, last, value)


class _Edit(QUndoCommand):
    """One edit of one field; the value is already assigned when it is pushed."""

    def __init__(self, model: ProjectModel, path: FieldPath, old: Any, new: Any, text: str,
                 typing: bool):
        super().__init__(text)
        self.model, self.path, self.old, self.new = model, path, old, new
        self.typing = typing
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:  # set_value has assigned it already
            self._first_redo = False
        else:
            self.model._assign(self.path, self.new)
        self.model.changed.emit(self.path)

    def undo(self) -> None:
        self.model._assign(self.path, self.old)
        self.model.changed.emit(self.path)

    def id(self) -> int:
        return 1 if self.typing else -1  # -1: Qt never merges this command

    def mergeWith(self, other: QUndoCommand) -> bool:
        if other.path != self.path or not self.typing or not isinstance(self.new, str):
            return False
        self.new = other.new
        return True
