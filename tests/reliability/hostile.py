"""Hostile field values, the fields they go into, and readers for what the exports contain.

Shared by the field fuzzing, limits and output-security tests.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, get_args

import docx
from hypothesis import strategies as st
from pydantic import BaseModel

from smpolicy_desktop.model import Project
from smpolicy_desktop.render import xml_safe

PAYLOADS = [
    "{{ 7 * 7 }}", "{% for x in range(9) %}x{% endfor %}", "{# hidden #}", "{{ p.__class__ }}",
    "<img src='http://tracker.example/pixel.png'>", '<script src="https://evil.example/x.js">',
    "<script>alert(1)</script>", "<link rel=stylesheet href=//evil.example/a.css>",
    "<iframe src=http://evil.example>", "<a href='javascript:alert(1)'>x</a>",
    "http://example.com/image.png", "https://evil.example/?q=<b>&x=1", "]]><!--", "&amp; &lt;",
    "\x00\x07\x08\x0b\x0c\x1b\x7f", "\ufffe\uffff", "\U0001d518\U0001f600\U0010fffd", "\u202e",
    "\r\n\r\t\u2028\u2029\x85", "*bold* _x_ # heading\n- item\n1. one", "| a | b |", "\\",
]

# Every character Unicode has except halves of surrogate pairs (no editor can produce those).
any_character = st.characters(exclude_categories=["Cs"])
field_values = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(any_character, max_size=40)),
                        min_size=1, max_size=6).map("".join)
long_values = st.builds(lambda piece, times: piece * times,
                        st.text(any_character, min_size=1, max_size=8), st.integers(1_000, 20_000))


def text_fields() -> list[tuple[str, str]]:
    """(area, field) of every answer that holds text, a list of texts or a table of texts."""
    found = []
    for area_name, area in Project.areas().items():
        for name, field in area.model_fields.items():
            if field.annotation is str or _row_model(field.annotation) or \
                    field.annotation == list[str]:
                found.append((area_name, name))
    return found


def _row_model(annotation: Any) -> type[BaseModel] | None:
    args = get_args(annotation)
    if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


def set_answer(project: Project, area: str, name: str, value: str) -> None:
    """Put the text into the answer: as is, as the one item of a list, or in every row cell."""
    holder = getattr(project, area)
    annotation = type(holder).model_fields[name].annotation
    if annotation is str:
        setattr(holder, name, value)
    elif annotation == list[str]:
        setattr(holder, name, [value, "second item"])
    else:
        row = _row_model(annotation)
        texts = {n: value for n, f in row.model_fields.items() if f.annotation is str}
        setattr(holder, name, [row(**texts)])


def words(text: str) -> str:
    """Text as a reader sees it: characters XML forbids gone, whitespace runs as one space."""
    return " ".join(xml_safe(text).split())


def docx_text(data: bytes) -> str:
    """Every word of a .docx: body, tables, headers, footers and comments; also checks it opens."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
    word = docx.Document(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    for section in word.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    parts += [comment.text for comment in word.comments]
    return words("\n".join(parts))


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


LIVE_HTML = re.compile(r"<\s*(img|script|link|iframe|object|embed|frame|base|meta\s+http-equiv)\b",
                       re.IGNORECASE)
