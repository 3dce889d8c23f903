"""Which editor a question gets: its kind, texts and limits, read from the model's field.

One Question per model field; the form and the table columns are built from these.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from smpolicy_desktop.model import Choice


@dataclass(frozen=True)
class Question:
    """A model field as the form needs it: its kind of editor, texts and limits."""

    name: str
    kind: str  # line, text, check, choice, choices, number, date, list, table, clause
    title: str
    help: str
    example: str
    optional: bool = False
    item_type: Any = None  # the Choice enum, or the row model of a table
    minimum: int = 0
    maximum: int = 2_147_483_647

    @classmethod
    def of(cls, name: str, info: FieldInfo) -> Question:
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        kind, optional, item = _kind(info.annotation, extra)
        limits = {key: getattr(meta, attr) for meta in info.metadata
                  for key, attr in (("minimum", "ge"), ("maximum", "le"))
                  if getattr(meta, attr, None) is not None}
        return cls(name, kind, info.title or name.replace("_", " ").capitalize(),
                   info.description or "", (info.examples or [""])[0], optional, item, **limits)


def questions(model: type[BaseModel]) -> list[Question]:
    """Every question of an area or row model, in the model's order."""
    return [Question.of(name, info) for name, info in model.model_fields.items()]


def _kind(annotation: Any, extra: dict) -> tuple[str, bool, Any]:
    args = get_args(annotation)
    optional = get_origin(annotation) in (types.UnionType,) and type(None) in args
    base = next(a for a in args if a is not type(None)) if optional else annotation
    if extra.get("clause_ref"):
        return "clause", optional, None
    if base is str:
        return ("text" if extra.get("multiline") else "line"), optional, None
    if base is bool:
        return "check", optional, None
    if base is int:
        return "number", optional, None
    if base is date:
        return "date", optional, None
    if isinstance(base, type) and issubclass(base, Choice):
        return "choice", optional, base
    if get_origin(base) is list:
        (item,) = get_args(base)
        if item is str:
            return "list", optional, None
        if isinstance(item, type) and issubclass(item, Choice):
            return "choices", optional, item
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "table", optional, item
    raise TypeError(f"The form has no editor for answers of type {annotation!r}")
