"""How far each policy area is filled in: empty, partly or done (the marks on the tabs).

Read generically from the model: a question that can be left blank (text, list, number, date)
counts as answered when it is not blank; yes/no and choice questions always have an answer.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from .model import Area, Project

Status = Literal["empty", "partly", "done"]


def answered(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def can_be_blank(area: Area, name: str) -> bool:
    value = getattr(area, name)
    plain_text = isinstance(value, str) and not isinstance(value, Enum)
    return plain_text or isinstance(value, list) or type(area).model_fields[name].default is None


def area_status(project: Project) -> dict[str, Status]:
    """Area name -> "empty", "partly" or "done", in tab order."""
    status: dict[str, Status] = {}
    for name in Project.areas():
        area = getattr(project, name)
        blanks = [field for field in type(area).model_fields if can_be_blank(area, field)]
        filled = sum(answered(getattr(area, field)) for field in blanks)
        status[name] = "done" if filled == len(blanks) else "partly" if filled else "empty"
    return status
