"""How complete each policy area is, read from the model's own question definitions: every
question that can be left blank and is required counts toward its area.
"""

from __future__ import annotations

from typing import Literal

from ..model import Project
from ..questions import is_blank, questions

Status = Literal["empty", "partial", "done"]


def area_status(project: Project) -> dict[str, tuple[Status, list[str]]]:
    """Area name -> ("empty" | "partial" | "done", labels of the questions still blank)."""
    result: dict[str, tuple[Status, list[str]]] = {}
    for area_name, area_class in Project.areas().items():
        area = getattr(project, area_name)
        expected = [question for question in questions(area_class)
                    if question.can_be_blank and question.required]
        missing = [question.title for question in expected
                   if is_blank(getattr(area, question.name))]
        status: Status = ("done" if not missing
                          else "empty" if len(missing) == len(expected) else "partial")
        result[area_name] = (status, missing)
    return result
