"""Whatever a user types into any answer, the policy still renders, exports and is checked.

Values come from all of Unicode (astral planes, control characters), template and HTML syntax,
URLs and very long text. Nothing may raise; every .docx opens and says what the user typed
(less the characters XML cannot hold); no HTML output contains a live tag from user text.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smpolicy_desktop.checks.policy_check import check_project
from smpolicy_desktop.document import to_html, to_markdown
from smpolicy_desktop.docx_export import write_docx
from smpolicy_desktop.model import Project
from smpolicy_desktop.render import render_document
from tests.reliability.fuzzing import count_example, fuzz
from tests.reliability.hostile import (
    LIVE_HTML,
    docx_text,
    field_values,
    long_values,
    set_answer,
    text_fields,
    words,
)

pytestmark = pytest.mark.slow  # hundreds of generated examples

FIELDS = text_fields()


def everything_out(project: Project) -> dict[str, object]:
    """Render both kinds, write every format and run the checks, as the app and CLI do."""
    outputs: dict[str, object] = {}
    for kind in ("full", "short"):
        document = render_document(project, kind)
        outputs[f"{kind}.preview"] = to_html(document)
        outputs[f"{kind}.html"] = to_html(document, standalone=True)
        outputs[f"{kind}.md"] = to_markdown(document)
        handle = io.BytesIO()
        write_docx(document, handle)
        outputs[f"{kind}.docx"] = handle.getvalue()
        outputs[f"{kind}.document"] = document
        outputs[f"{kind}.findings"] = check_project(project, document)
    return outputs


def assert_sound(outputs: dict[str, object]) -> None:
    for kind in ("full", "short"):
        for html in (outputs[f"{kind}.preview"], outputs[f"{kind}.html"]):
            assert not LIVE_HTML.search(html)
        in_word = docx_text(outputs[f"{kind}.docx"])
        for line in outputs[f"{kind}.document"].text_lines():
            assert words(line) in in_word


@pytest.mark.parametrize("kind", ["full", "short"])
@fuzz(300)
@given(value=field_values | long_values)
def test_company_name_of_any_text_reaches_the_word_file(kind, value):
    count_example("fields: company name")
    project = Project()
    project.company.name = value
    project.company.document_type = kind
    outputs = everything_out(project)
    assert_sound(outputs)
    kept = project.company.name  # as the model keeps it (a form feed in one line: a space)
    if words(kept):
        assert words(kept) in docx_text(outputs[f"{kind}.docx"])


@fuzz(600)
@given(data=st.data())
def test_any_text_in_any_answers_renders_exports_and_checks(data):
    count_example("fields: random answers")
    project = Project()
    for area, name in data.draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=6,
                                         unique=True), label="answers"):
        set_answer(project, area, name, data.draw(field_values, label=f"{area}.{name}"))
    assert_sound(everything_out(project))
