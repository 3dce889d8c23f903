"""The policy text as an owner reads it: every answer shows up, an empty answer leaves no trace.

Walks the model itself (every field of every area, list rows included), so a new question
is covered the moment it is added to smpolicy_desktop/model.py.
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from enum import Enum

import lxml.html
import pytest
from pydantic import BaseModel

from smpolicy_desktop.document import DRAFT_MARK, Document
from smpolicy_desktop.model import Project
from smpolicy_desktop.render import render_document
from smpolicy_desktop.workspace import Workspace
from tests.clients import pandoc_text
from tests.conftest import EXAMPLE

# Notes to counsel are questions for the lawyer, not policy text: they travel as Word
# comments on their clause (see the Word export tests), so they are not in the body text.
NOT_POLICY_TEXT = {("review", "notes_to_counsel")}

MARKER_NUMBER = 47
MARKER_DATE = date(2031, 7, 19)
MARKER_DATE_TEXT = "July 19, 2031"
SECTION_TITLES = ["Purpose and scope", "Our presence online", "Who speaks for the company",
                  "Guidelines for employees", "Use of our content",
                  "Responding to comments and handling a crisis",
                  "Training, monitoring and enforcement", "Your rights",
                  "Review of this policy"]
# Signs of a sentence with a hole in it: "Contact: ", " .", ",.", "()", '""', "..".
DANGLING = re.compile(r"[:,]$|\s[.,;:]|[,;][.,]|\(\s*\)|\"\s*\"|\.\.")


# --- Walking the model -----------------------------------------------------------------------

def _inner(annotation):
    """list[X] -> X, X | None -> X."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    return args[0] if args else annotation


def _is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list


def _optional(annotation) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and \
        type(None) in typing.get_args(annotation)


def _is_row_list(annotation) -> bool:
    inner = _inner(annotation)
    return _is_list(annotation) and isinstance(inner, type) and issubclass(inner, BaseModel)


def question_cases():
    """(area, list field or None, field name, annotation) for every question in the model."""
    for area_name, area in Project.areas().items():
        for name, field in area.model_fields.items():
            if (area_name, name) in NOT_POLICY_TEXT:
                continue
            if _is_row_list(field.annotation):
                for row_name, row_field in _inner(field.annotation).model_fields.items():
                    yield area_name, name, row_name, row_field.annotation
            else:
                yield area_name, None, name, field.annotation


def case_id(case) -> str:
    area, rows, name, _ = case
    return ".".join(filter(None, (area, rows, name)))


CASES = list(question_cases())
TEXT_CASES = [c for c in CASES if _inner(c[3]) in (str, int, date) or _is_list(c[3])]
# Where the business is (country, state) changes which law the text follows: its own tests
# are in tests/test_jurisdictions.py, one per country and per state rule.
PLACE_FIELDS = {("company", None, "country"), ("company", None, "state")}
FLIP_CASES = [c for c in CASES if (c[3] is bool or
              (isinstance(c[3], type) and issubclass(c[3], Enum))) and c[:3] not in PLACE_FIELDS]
EMPTY_CASES = [c for c in TEXT_CASES if _inner(c[3]) is str or _is_list(c[3]) or _optional(c[3])]


def set_answer(project: Project, case, value) -> None:
    """Answer one question; for a list of rows, the same answer in every row."""
    area_name, rows, name, _ = case
    area = getattr(project, area_name)
    targets = getattr(area, rows) if rows else [area]
    assert targets, f"the example has no rows in {area_name}.{rows}"
    for target in targets:
        setattr(target, name, value)


def marker_for(case, number: int):
    """A distinctive answer and the words it must put into the policy."""
    annotation = case[3]
    inner = _inner(annotation)
    if _is_list(annotation) and isinstance(inner, type) and issubclass(inner, Enum):
        return list(inner), [member.label for member in inner]
    if inner is int:
        return MARKER_NUMBER, [str(MARKER_NUMBER)]
    if inner is date:
        return MARKER_DATE, [MARKER_DATE_TEXT]
    marker = f"zq{number}marker"
    return ([marker] if _is_list(annotation) else marker), [marker]


def empty_for(case):
    annotation = case[3]
    return [] if _is_list(annotation) else None if _optional(annotation) else ""


# --- Reading the result ----------------------------------------------------------------------

def example() -> Project:
    from smpolicy_desktop.storage import load_project

    return load_project(EXAMPLE)


def documents(project: Project) -> list[Document]:
    """The full policy, and the document type the owner chose (which may be the short one)."""
    return [render_document(project, "full"), render_document(project)]


def policy_text(project: Project) -> str:
    lines = []
    for document in documents(project):
        lines += ([DRAFT_MARK] if document.draft else []) + document.text_lines()
    return "\n".join(lines)


def holes(document: Document) -> list[str]:
    """Lines that end in a colon, empty headings, and sentences with a hole in them."""
    found = [f"empty {b.kind} {b.clause_id}" for b in document.blocks
             if b.kind != "table" and not "".join(r.text for r in b.runs).strip()]
    return found + [line for line in document.text_lines() if DANGLING.search(line)]


# --- Every answer changes the text -----------------------------------------------------------

@pytest.mark.parametrize("case", TEXT_CASES, ids=case_id)
def test_a_filled_answer_appears_in_the_policy(case):
    project = example()
    value, expected = marker_for(case, TEXT_CASES.index(case))
    before = policy_text(project)
    set_answer(project, case, value)
    text = policy_text(project)
    for words in expected:
        assert words in text, f"{case_id(case)} = {value!r} does not show in the policy"
    assert text != before


@pytest.mark.parametrize("case", FLIP_CASES, ids=case_id)
def test_changing_a_choice_or_switch_changes_the_policy(case):
    annotation = case[3]
    options = [True, False] if annotation is bool else list(annotation)
    project = example()
    area = getattr(project, case[0])
    current = getattr(getattr(area, case[1])[0] if case[1] else area, case[2])
    before = policy_text(project)
    for option in options:
        if option == current:
            continue
        changed = project.model_copy(deep=True)
        set_answer(changed, case, option)
        assert policy_text(changed) != before, f"{case_id(case)} = {option!r} changes nothing"


@pytest.mark.parametrize("case", EMPTY_CASES, ids=case_id)
def test_an_empty_answer_leaves_no_trace(case):
    project = example()
    value, expected = marker_for(case, EMPTY_CASES.index(case))
    set_answer(project, case, value)
    set_answer(project, case, empty_for(case))
    text = policy_text(project)
    if not (_is_list(case[3]) and issubclass(_inner(case[3]), Enum)):
        assert not any(words in text for words in expected)
    for document in documents(project):
        assert holes(document) == [], f"emptying {case_id(case)} left a hole"


def test_a_project_with_no_answers_reads_cleanly():
    blank = Project()
    for case in EMPTY_CASES:
        if not case[1]:
            set_answer(blank, case, empty_for(case))
    for kind in ("full", "short"):
        assert holes(render_document(blank, kind)) == []


def test_the_example_and_the_defaults_have_no_holes():
    for project in (example(), Project()):
        for kind in ("full", "short"):
            assert holes(render_document(project, kind)) == []


# --- Structure -------------------------------------------------------------------------------

def headings(document: Document, kind: str):
    return [block for block in document.blocks if block.kind == kind]


def test_sections_are_numbered_one_to_nine_in_order():
    sections = headings(render_document(example(), "full"), "heading1")
    numbered = [(s.number, "".join(r.text for r in s.runs)) for s in sections if s.number]
    assert numbered == [(str(n), title) for n, title in enumerate(SECTION_TITLES, start=1)]
    assert [s.clause_id for s in sections if not s.number] == ["acknowledgement", "quick_guide"]


def test_clauses_are_numbered_within_their_section():
    for section in headings(render_document(example(), "full"), "heading1"):
        clauses = [b for b in render_document(example(), "full").blocks
                   if b.kind == "heading2" and b.clause_id.startswith(section.clause_id + ".")]
        if section.number:
            assert [c.number for c in clauses] == [f"{section.number}.{n}"
                                                    for n in range(1, len(clauses) + 1)]


def test_your_rights_always_keeps_reporting_and_no_retaliation_the_switch_drops_the_rest():
    project = example()
    clauses = render_document(project, "full").clauses()
    assert {"rights.labor_law", "rights.reporting", "rights.no_retaliation"} <= set(clauses)
    project.employees.savings_clause = False
    clauses = render_document(project, "full").clauses()
    assert "rights.labor_law" not in clauses
    assert {"rights.reporting", "rights.no_retaliation"} <= set(clauses)
    project.employees.savings_clause = True
    project.company.country = "CA"
    document = render_document(project, "full")
    assert {"rights.labor_law", "rights.reporting"} <= set(document.clauses())
    assert "National Labor Relations Act" not in "\n".join(document.text_lines())
    assert document.clauses()["review"] == "9 Review of this policy"


def every_string_replaced(project: Project) -> Project:
    """The same project with every typed answer different."""
    changed = project.model_copy(deep=True)
    for number, case in enumerate(CASES):
        if _inner(case[3]) is str and not _is_list(case[3]):
            set_answer(changed, case, f"other answer {number}")
        elif _is_list(case[3]) and _inner(case[3]) is str:
            set_answer(changed, case, [f"other item {number}"])
    changed.company.country = project.company.country  # which sections apply is not wording
    return changed


def test_clause_ids_are_unique_meaningful_and_do_not_depend_on_the_answers():
    first = render_document(example(), "full")
    second = render_document(every_string_replaced(example()), "full")
    ids = [b.clause_id for b in first.blocks if b.kind in ("heading1", "heading2")]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", clause_id) for clause_id in ids)
    assert ids == [b.clause_id for b in second.blocks if b.kind in ("heading1", "heading2")]
    sparse = [b.clause_id for b in render_document(Project(), "full").blocks
              if b.kind in ("heading1", "heading2")]
    assert set(sparse) <= set(ids)


def test_the_examples_notes_to_counsel_point_at_real_clauses():
    project = example()
    clauses = render_document(project, "full").clauses()
    notes = project.review.notes_to_counsel
    assert len(notes) == 2
    assert all(note.clause_id in clauses and note.question.strip() for note in notes)


def test_short_guidelines_hold_the_quick_guide_and_acknowledgement_only():
    short = render_document(example(), "short")
    sections = [b.clause_id for b in headings(short, "heading1")]
    assert sections == ["quick_guide", "acknowledgement"]
    assert {"quick_guide.do", "quick_guide.dont"} <= set(short.clauses())
    assert "employees" not in short.clauses()
    assert [b.text for b in short.blocks if b.kind == "signature"] == \
        ["Employee name", "Job title", "Signature", "Date"]


def test_the_full_policy_has_the_promised_title_block_and_draft_mark(tmp_path):
    project = example()
    title = [b.text for b in render_document(project, "full").blocks if b.clause_id == "title"]
    assert title == ["Social Media Policy", "Northwind Analytics LLC",
                     "Version 1.1, effective March 1, 2026",
                     "Policy owner: Dana Reyes, Managing Director",
                     "Law as of December 2, 2026, for Ohio, the United States"]
    for fmt in ("html", "md"):
        assert DRAFT_MARK in Workspace(project).export(tmp_path / f"draft.{fmt}").read_text("utf-8")
    project.review.final = True
    for fmt in ("html", "md"):
        assert DRAFT_MARK not in Workspace(project).export(tmp_path / f"final.{fmt}").read_text(
            "utf-8")


def test_the_response_matrix_and_escalation_chain_are_tables_with_a_header_row():
    document = render_document(example(), "full")
    tables = {b.clause_id: b.rows for b in document.blocks if b.kind == "table"}
    assert tables["responses.matrix"][0] == ("Situation", "What we do", "Who responds",
                                             "How fast")
    assert [row[0] for row in tables["responses.matrix"][1:]] == [
        "Praise", "Question", "Complaint", "Misinformation", "Abuse or spam", "Legal threat",
        "Crisis"]
    assert tables["responses.escalation"][0][:2] == ("Role", "Name")


# --- User text is data -----------------------------------------------------------------------

EMOJI, HEBREW, ARABIC = "\U0001f600", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627"
LITERAL = ["{{ 7*7 }}", "{% raw %}", "<b>x</b>", EMOJI, HEBREW, ARABIC]
PAYLOAD = " ".join(LITERAL) + " a\x01\x08b\x0b\x1fc"  # control characters XML forbids


def project_full_of_payloads() -> Project:
    project = example()
    for case in CASES:
        if _inner(case[3]) is str:
            set_answer(project, case, [PAYLOAD] if _is_list(case[3]) else PAYLOAD)
    return project


def test_typed_code_markup_emoji_and_right_to_left_text_come_out_literally(tmp_path):
    project = project_full_of_payloads()
    html_file = Workspace(project).export(tmp_path / "policy.html")
    md_file = Workspace(project).export(tmp_path / "policy.md")
    html_text = lxml.html.fromstring(html_file.read_bytes()).text_content()
    md_text = pandoc_text(md_file, "markdown")
    for text in (html_text, md_text):
        for literal in LITERAL:
            assert literal in text
        assert "49" not in text.replace("2031", "")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert html_text.count("<b>x</b>") >= len([c for c in CASES if _inner(c[3]) is str]) // 2


# --- Reading level ---------------------------------------------------------------------------

def syllables(word: str) -> int:
    """A rough English syllable count: vowel groups, less a silent final e."""
    word = word.lower()
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def flesch_kincaid_grade(sentences: list[str]) -> float:
    words = [w for s in sentences for w in re.findall(r"[A-Za-z']+", s)]
    return (0.39 * len(words) / len(sentences)
            + 11.8 * sum(map(syllables, words)) / len(words) - 15.59)


def policy_sentences(document: Document) -> list[str]:
    sentences = []
    for block in document.blocks:
        if block.kind in ("paragraph", "bullet", "numbered"):
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", block.text) if s.strip()]
    return sentences


def test_the_policy_reads_at_about_us_grade_ten_or_below():
    grade = flesch_kincaid_grade(policy_sentences(render_document(example(), "full")))
    assert grade <= 10.0, f"Flesch-Kincaid grade {grade:.1f}"


# --- Answers typed with their own punctuation or capitals ------------------------------------

def test_typed_punctuation_and_capitals_read_as_one_sentence():
    project = example()
    project.company.name = "Acme Widgets, Inc."
    project.voice.media_contact = "The owner or managing director"
    project.voice.voice_attributes = ["Plain.", "helpful"]
    project.employees.confidential_info = ["Client files.", "Source code;", "Bids"]
    project.company.owner_name = ""
    project.company.owner_title = "Owner"
    text = policy_text(project)
    assert "Inc.." not in text and "you work for Acme Widgets, Inc." in text
    assert "official view to the owner or managing director." in text
    assert "aim to sound plain and helpful." in text
    assert "That means client files; source code; and bids." in text
    assert "ask our owner." in text
    assert not re.search(r"\.[.;]|;[.;,]|,[.,]", text)  # "Inc.," is English; ".." is not


def test_an_owners_name_or_title_typed_with_a_full_stop_reads_as_one_sentence():
    """A dog groomer typed her title as 'Owner.': the policy said 'Sharon Oldroyd, our owner.,
    looks after this policy', and a name ending in 'Jr.' closed a sentence with '..'."""
    project = example()
    project.company.owner_name = "Sam Okafor Jr."
    project.company.owner_title = "Owner."
    text = policy_text(project)
    assert "Sam Okafor Jr., our owner, looks after this policy." in text
    assert "a short talk with Sam Okafor Jr. It covers our voice" in text
    project.company.owner_name = ""
    assert "talk to our owner first." in policy_text(project)


def test_list_answers_typed_with_an_exclamation_mark_read_as_one_sentence():
    """A dog groomer's voice was 'Fun!': the policy said 'aim to sound fun!, friendly and
    honest.' and her quick guide 'our prices before they go up!; and alarm codes.'"""
    project = example()
    project.voice.voice_attributes = ["Fun!", "Friendly", "honest"]
    project.voice.voice_avoid = ["Rude", "Sarcastic!"]
    project.employees.confidential_info = ["Customer addresses", "Our prices before they go up!",
                                           "Alarm codes"]
    text = policy_text(project)
    assert "aim to sound fun, friendly and honest." in text
    assert "Our posts are never rude or sarcastic." in text
    assert "That means customer addresses; our prices before they go up; and alarm codes." in text


def test_two_confidential_items_read_as_a_pair():
    project = example()
    project.employees.confidential_info = ["Client files", "Source code"]
    assert "That means client files and source code." in policy_text(project)


def test_a_policy_without_an_owner_never_points_to_an_unnamed_policy_owner():
    project = example()
    project.company.owner_name = project.company.owner_title = ""
    project.responses.first_steps = ["Pause all scheduled posts"]
    assert "the policy owner" not in policy_text(project).lower().replace("policy owner:", "")


def test_a_role_reads_as_a_role_and_a_name_stays_a_name():
    project = example()
    project.responses.monitor_who = "Practice manager"
    project.voice.media_contact = "The IT team"
    text = policy_text(project)
    assert "send a link to our practice manager." in text
    assert "official view to the IT team." in text
    project.responses.monitor_who = "Sam Okafor, Marketing Lead"
    assert "send a link to Sam Okafor, Marketing Lead." in policy_text(project)


def test_the_forms_words_are_spelled_alike_in_every_country():
    """The forms are the same for every owner (the policy is respelled, they are not): their
    titles, help and examples use no word that British or Canadian English spells otherwise
    ("rights under labor law" for a British owner)."""
    import re

    from smpolicy_desktop.model import Project
    from smpolicy_desktop.questions import questions
    from smpolicy_desktop.render import UK_SPELLING

    us_words = re.compile(r"\b(?:" + "|".join(UK_SPELLING) + r")\b", re.IGNORECASE)
    found = [(area, question.name, word) for area, model in Project.areas().items()
             for question in questions(model)
             for text in (question.title, question.help, question.example)
             for word in us_words.findall(text or "")]
    assert found == []
