"""The question schema: what the form, the completeness marks and the tests need to know of
each answer, read from its one definition in the model (type, texts, limits and facts)."""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import Choice

# The kinds of editor an answer can have; the form has one widget per kind.
KINDS = ("line", "text", "check", "choice", "choices", "number", "date", "list", "table",
         "clause")
# A one-line answer longer than this many characters is edited in the multi-line box: Qt lays
# a one-line box out whole at every key (0.6 s a key for a megabyte), the multi-line box shows
# a long paragraph in pieces.
LONG_LINE = 2_000


@dataclass(frozen=True)
class Question:
    """One model field as the rest of the app sees it.

    kind is one of KINDS. required: counts toward its area's completeness when blank.
    item_type is the Choice enum of a choice answer, or the row model of a table.
    """

    name: str
    kind: str
    title: str
    help: str
    example: str
    optional: bool = False  # None is a valid answer
    required: bool = True
    item_type: Any = None
    minimum: int = 0
    maximum: int = 2_147_483_647
    unit: str = ""
    implied_rule: str = ""
    within: str = ""  # the answer whose code starts each choice offered (see model.question)
    rule: bool = True  # False: its answers state aims or figures, not rules (model.question)

    @classmethod
    def of(cls, name: str, info: FieldInfo) -> Question:
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        kind, optional, item = _kind(info.annotation, extra)
        limits = {key: getattr(meta, attr) for meta in info.metadata
                  for key, attr in (("minimum", "ge"), ("maximum", "le"))
                  if getattr(meta, attr, None) is not None}
        return cls(name, kind, info.title or name.replace("_", " ").capitalize(),
                   info.description or "", (info.examples or [""])[0], optional,
                   bool(extra.get("required", True)), item, unit=str(extra.get("unit", "")),
                   implied_rule=str(extra.get("implied_rule", "")),
                   within=str(extra.get("within", "")), rule=bool(extra.get("rule", True)),
                   **limits)

    def editor_kind(self, value: Any) -> str:
        """The kind of editor that shows this answer: its kind, but "text" for a one-line
        answer longer than LONG_LINE (pasted, or read from a file)."""
        if self.kind == "line" and isinstance(value, str) and len(value) > LONG_LINE:
            return "text"
        return self.kind

    @property
    def can_be_blank(self) -> bool:
        """Text, lists and optional values can be left blank; yes/no and choices never are."""
        return self.kind in ("line", "text", "list", "choices", "table", "clause") or self.optional

    @property
    def choices(self) -> list[Choice]:
        """The fixed answers of a choice or choices question, in the model's order."""
        return list(self.item_type) if self.kind in ("choice", "choices") else []


def questions(model: type[BaseModel]) -> list[Question]:
    """Every question of an area or row model, in the model's order."""
    return [Question.of(name, info) for name, info in model.model_fields.items()]


def question_at(path: tuple[str | int, ...]) -> Question | None:
    """The question an answer's path leads to (row indexes skipped), None for an area."""
    from .model import Project

    model: Any = Project.areas().get(str(path[0])) if path else None
    found = None
    for key in path[1:]:
        if isinstance(key, int):
            continue
        found = next((q for q in questions(model) if q.name == key), None) if model else None
        if found is None:
            return None
        model = found.item_type
    return found


def answer_behind(project: BaseModel, section: str, words: str) -> tuple[str | int, ...]:
    """The answer a paragraph of the policy (`words`, in `section`) comes from: of the
    section's area, the one whose text (a list item's, a table cell's: then the item's or
    cell's own path, where "Go to the Answer" took the list's first item; found by a tester)
    it shows at the greatest length; else of another area's (4.12 names who monitors the
    accounts, an answer of Responses; found by a tester); else the area's first question;
    () for a section no area fills."""
    from .model import Project

    area = Project.area_of_section(section)
    if not area:
        return ()
    words = " ".join(words.split()).casefold()
    found, longest = (area, questions(Project.areas()[area])[0].name), 2  # not 1-2 letters
    for each in [area, *(other for other in Project.areas() if other != area)]:
        answers = getattr(project, each)
        for question in questions(type(answers)):
            value = getattr(answers, question.name)
            listed = isinstance(value, list)
            for index, item in enumerate(value if listed else [value]):
                cells = vars(item).items() if isinstance(item, BaseModel) else [("", item)]
                for column, text in cells:
                    typed = isinstance(text, str) and not isinstance(text, Choice)
                    text = " ".join(text.split()).casefold() if typed else ""
                    if len(text) > longest and text in words:
                        where = (index, column) if column else (index,)
                        found = (each, question.name, *(where if listed else ()))
                        longest = len(text)
        if each == area:  # the section's own area first; another's, a name or more
            if longest > 2:
                break
            longest = _ANOTHER_AREAS_AT_LEAST
    return found


# Letters another area's answer shows, at least, to be the one behind a paragraph ("Sam
# Okafor"): a word or two ("Yes", "Email") would be found in any sentence.
_ANOTHER_AREAS_AT_LEAST = 8


def is_blank(value: Any) -> bool:
    """An answer left empty: blank text, no items, or no value."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == []


def _kind(annotation: Any, extra: dict) -> tuple[str, bool, Any]:
    args = get_args(annotation)
    optional = get_origin(annotation) in (types.UnionType,) and type(None) in args
    base = next(a for a in args if a is not type(None)) if optional else annotation
    if extra.get("editor"):
        return str(extra["editor"]), optional, None
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
    raise TypeError(f"No kind of editor fits answers of type {annotation!r}")
