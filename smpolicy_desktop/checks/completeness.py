"""How complete each policy area is, read from the model's own field definitions: every
question that can be left blank and usually is answered counts toward its area.
"""

from __future__ import annotations

import types
from typing import Any, Literal, get_args, get_origin

from pydantic.fields import FieldInfo

from ..model import Project

Status = Literal["empty", "partial", "done"]

# Questions many good policies leave blank: the region (outside the US), the head count,
# other policies, a revision history for a first version, and questions for the lawyer.
OPTIONAL = frozenset({("company", "state"), ("company", "staff_count"),
                      ("company", "related_policies"), ("review", "revisions"),
                      ("review", "notes_to_counsel")})


def area_status(project: Project) -> dict[str, tuple[Status, list[str]]]:
    """Area name -> ("empty" | "partial" | "done", labels of the questions still blank)."""
    result: dict[str, tuple[Status, list[str]]] = {}
    for area_name, area_class in Project.areas().items():
        area = getattr(project, area_name)
        expected = {name: field for name, field in area_class.model_fields.items()
                    if _can_be_blank(field) and (area_name, name) not in OPTIONAL}
        missing = [field.title or name for name, field in expected.items()
                   if _is_blank(getattr(area, name))]
        status: Status = ("done" if not missing
                          else "empty" if len(missing) == len(expected) else "partial")
        result[area_name] = (status, missing)
    return result


def _can_be_blank(field: FieldInfo) -> bool:
    """Text, lists and optional values can be left blank; yes/no and choices always have one."""
    annotation = field.annotation
    if annotation is str:
        return True
    if get_origin(annotation) is list:
        return True
    return get_origin(annotation) in (types.UnionType,) and type(None) in get_args(annotation)


def _is_blank(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == []
