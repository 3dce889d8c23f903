"""How complete each policy area is, read from the model's own question definitions: every
question that can be left blank and is required counts, and so do the rows of a table.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from ..model import Project
from ..questions import Question, is_blank, questions

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
        blank = len(missing)
        missing += [rows for question in questions(area_class) if question.kind == "table"
                    and (rows := _rows_missing(question, getattr(area, question.name)))]
        status: Status = ("done" if not missing
                          else "empty" if blank == len(expected) else "partial")
        result[area_name] = (status, missing)
    return result


def _rows_missing(table: Question, rows: list[BaseModel]) -> str:
    """What the table's rows still need, e.g. "Name and How to reach them in Escalation chain"
    (a contact without a name or a number is no contact); "" when every row is complete."""
    needed = [column for column in questions(table.item_type)
              if column.can_be_blank and column.required]
    blank = [column.title for column in needed
             if any(is_blank(getattr(row, column.name)) for row in rows)]
    return f"{' and '.join(blank)} in {table.title}" if blank else ""
