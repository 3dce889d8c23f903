"""The presets and the example: a new project is never a blank page, and each one exports.

Each preset answers every area for its kind of business and leaves only what the owner alone
knows (names, dates, the state) for the owner to fill in.
"""

from __future__ import annotations

import json
import re
import typing

import pytest

from smpolicy_desktop.model import Industry, Project
from smpolicy_desktop.presets import presets
from smpolicy_desktop.render import SPELLINGS, UK_SPELLING, render_document, respell
from smpolicy_desktop.resources import resource_path
from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import EXAMPLE
from tests.test_policy_text import holes

KINDS_OF_BUSINESS = {"general_b2b", "professional_services", "health_care",
                     "financial_services", "retail_consumer", "nonprofit"}
# Only the owner knows these; a preset that filled them would put a stranger in the policy.
OWNER_FILLS = {("company", "name"), ("company", "owner_name"), ("company", "owner_title"),
               ("company", "state"), ("company", "staff_count"), ("company", "effective_date"),
               ("review", "next_review_date"), ("review", "revisions")}
NAMES_AND_DATES = {"name", "contact", "handle", "reviewed_on", "revised_on"}
SITUATIONS = ["praise", "question", "complaint", "misinformation", "abuse", "legal", "crisis"]

PRESETS = presets()


def projects():
    """Every preset's starting project, and the example."""
    return [pytest.param(preset.project(), id=name) for name, preset in PRESETS.items()] + \
        [pytest.param(load_project(EXAMPLE), id="example")]


def test_there_is_a_preset_for_each_kind_of_business_general_b2b_first():
    assert set(PRESETS) >= KINDS_OF_BUSINESS
    assert next(iter(PRESETS)) == "general_b2b"
    for name, preset in PRESETS.items():
        assert preset.title.strip() and preset.description.strip()
        if name in {member.value for member in Industry}:
            assert preset.project().company.industry == name


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_file_holds_only_known_questions(name):
    data = json.loads(resource_path("assets", "presets", f"{name}.json").read_text("utf-8"))
    assert set(data) == {"title", "description", "answers"}
    assert set(data["answers"]) <= set(Project.areas())
    Project.model_validate(data["answers"])


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_answers_in_words_spelled_alike_everywhere(name):
    """A preset's answers become the owner's own, which are never respelled: a British or
    Canadian owner who starts from one must not get "Inquiries" or "program" in a policy whose
    own words say "enquiries" and "programme"; nor a US owner "enquiries" in a policy that
    says "inquiries"."""
    data = json.loads(resource_path("assets", "presets", f"{name}.json").read_text("utf-8"))
    answers = json.dumps(data["answers"])
    for spelling in SPELLINGS:
        assert respell(spelling, answers) == answers
    assert british_words(answers) == []


def british_words(text: str) -> list[str]:
    """The British forms of the words the templates respell, found in text."""
    return [uk for uk in UK_SPELLING.values() if re.search(rf"\b{uk}\b", text, re.I)]


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_answers_every_area_but_leaves_names_and_dates_to_the_owner(name):
    project = PRESETS[name].project()
    for area_name, area in Project.areas().items():
        answers = getattr(project, area_name)
        for field in area.model_fields:
            value = getattr(answers, field)
            if (area_name, field) in OWNER_FILLS:
                assert value in ("", None, []), f"{name} fills {area_name}.{field}"
            elif isinstance(value, (str, list)):
                assert value, f"{name} leaves {area_name}.{field} empty"
            for row in value if isinstance(value, list) else []:
                for row_field in getattr(type(row), "model_fields", {}):
                    if row_field in NAMES_AND_DATES:
                        assert getattr(row, row_field) in ("", None), \
                            f"{name} fills {area_name}.{field}.{row_field}"


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_response_matrix_covers_every_kind_of_comment(name):
    situations = [row.situation.lower() for row in PRESETS[name].project().responses
                  .response_matrix]
    for kind in SITUATIONS:
        assert any(kind in situation for situation in situations), f"{name} lacks {kind}"


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_notes_to_counsel_point_at_clauses_of_the_policy(name):
    project = PRESETS[name].project()
    clauses = render_document(project, "full").clauses()
    assert all(note.clause_id in clauses for note in project.review.notes_to_counsel)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_and_its_description_name_no_one_countrys_law(name):
    """A preset is chosen before the country, and its answers become the owner's own: the
    templates name the place's law, the answers must fit any place. Notes to counsel in the
    Word file asked an Australian clinic's lawyer about HIPAA, an Indian firm's about FINRA
    and the SEC, a German firm's about "our state" (found by a tester). Its description on the
    start page too: an Ontario dentist read 'patient privacy (HIPAA) comes first'."""
    answers = json.dumps([PRESETS[name].description, PRESETS[name].answers])
    assert re.findall(r"\b(?:HIPAA|FINRA|SEC|NLRA|NLRB|FTC|IRS|our state|state's)\b",
                      answers) == []


@pytest.mark.parametrize("project", projects())
def test_presets_and_the_example_render_both_kinds_without_holes(project):
    for kind in ("full", "short"):
        document = render_document(project, kind)
        assert document.blocks and holes(document) == []


@pytest.mark.parametrize("project", projects())
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_presets_and_the_example_export_to_html_and_markdown(project, fmt, tmp_path):
    for kind in ("full", "short"):
        written = Workspace(project).export(tmp_path / f"{kind}.{fmt}", kind=kind)
        assert "Social Media Policy" in written.read_text("utf-8")


def test_the_example_is_a_complete_fictional_company():
    project = load_project(EXAMPLE)
    assert project.company.name == "Northwind Analytics LLC"
    assert (project.company.country, project.company.state) == ("US", "US-OH")
    assert project.company.staff_count == 40
    assert project.company.effective_date and project.review.next_review_date
    assert project.review.reviewers and project.review.revisions
    for area_name, area in Project.areas().items():
        for field, info in area.model_fields.items():
            if info.annotation is str or typing.get_origin(info.annotation) is list:
                assert getattr(getattr(project, area_name), field), f"{area_name}.{field}"
    assert not EXAMPLE.with_name(EXAMPLE.name + ".bak").exists()


def test_a_charitys_policy_calls_it_an_organization_and_a_companys_a_company():
    """The nonprofit preset's policy said "These are the official accounts of the organization.
    Only these accounts speak for the company." (the company in 25 of our own sentences and
    headings): a charity's owner now reads of the organization throughout, in both documents,
    and a business's policy still of the company."""
    charity = presets()["nonprofit"].project()
    business = presets()["general_b2b"].project()
    for kind in ("full", "short"):
        words = " ".join(block.text for block in render_document(charity, kind).blocks)
        assert "compan" not in words.casefold() and "speak for the organization" in words
        words = " ".join(block.text for block in render_document(business, kind).blocks)
        assert "organization" not in words.casefold() and "speak for the company" in words
    lines = render_document(charity, "full").text_lines()
    assert "3 Who speaks for the organization" in lines
    assert "2.8 Approving organization posts" in lines
