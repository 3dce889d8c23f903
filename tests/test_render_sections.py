"""Only the sections whose answers changed are rendered again, and the policy is always the
one a fresh render gives: every answer of every area is changed in turn and compared."""

from __future__ import annotations

import random
from datetime import timedelta
from enum import Enum

import pytest
from pydantic import BaseModel

from smpolicy_desktop import render
from smpolicy_desktop.model import ClauseWording, DocumentType, OwnerClause, Project
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project
from tests.conftest import EXAMPLE


def fresh(project: Project, kind: DocumentType, own_wording: bool = True):
    """What rendering everything from scratch gives."""
    keep = render._SECTIONS, render._CLAUSES
    render._SECTIONS, render._CLAUSES = render._Sections(), render._Clauses()
    try:
        return render_document(project, kind, own_wording=own_wording)
    finally:
        render._SECTIONS, render._CLAUSES = keep


def other_value(value):
    """A different answer of the same type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, Enum):
        members = list(type(value))
        return members[(members.index(value) + 1) % len(members)]
    if isinstance(value, str):
        return value + " and more" if value else "Something new"
    if isinstance(value, int | float):
        return value + 1
    if hasattr(value, "toordinal"):
        return value + timedelta(days=1)
    if isinstance(value, list):
        return value[:-1] if value else None
    if isinstance(value, BaseModel):
        return None
    return None


def edits(project: Project):
    """(area, field, new value) for every answer that can take another value; a choice takes
    each of its values in turn (the industry's financial services, which the text reads
    through a fact made of another fact, was two choices on)."""
    for area in Project.areas():
        model = getattr(project, area)
        for name in type(model).model_fields:
            value = getattr(model, name)
            others = [member for member in type(value) if member != value] + [value] \
                if isinstance(value, Enum) else [other_value(value)]
            for new in others:
                if new is not None:
                    yield area, name, new


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(DocumentType))
def test_every_edit_renders_what_a_fresh_render_gives(kind):
    project = load_project(EXAMPLE)
    project.wording = [ClauseWording(clause_id="presence.never", text="Our own words.")]
    project.owner_clauses = [OwnerClause(id="own.1", section_id="employees",
                                         title="Our clause", text="- one\n- two")]
    changed = 0
    for area, name, new in list(edits(project)):
        before = render_document(project, kind)
        try:
            setattr(getattr(project, area), name, new)
        except ValueError:  # not a valid answer (e.g. a date out of order)
            continue
        after = render_document(project, kind)
        assert after == fresh(project, kind), f"{area}.{name}"
        changed += after != before
    assert changed > (40 if kind == DocumentType.FULL else 10)  # the edits reached the text


def test_a_generated_render_and_the_owners_render_do_not_mix():
    project = load_project(EXAMPLE)
    project.wording = [ClauseWording(clause_id="presence.never", text="Our own words.")]
    for _ in range(2):
        own = render_document(project)
        generated = render_document(project, own_wording=False)
        assert "Our own words." in own.text_lines()
        assert "Our own words." not in generated.text_lines()


def test_british_and_american_renders_do_not_mix():
    project = load_project(EXAMPLE)
    american = render_document(project)
    project.company.country = "GB"
    british = render_document(project)
    assert british == fresh(project, DocumentType.FULL)
    assert "Version 1.1, effective 1 March 2026" in british.text_lines()
    project.company.country = "US"
    assert render_document(project) == fresh(project, DocumentType.FULL) != british
    assert american != british


def big(project: Project) -> Project:
    """The example with 1,000 list rows, as the preview benchmark types into it."""
    project.employees.confidential_info = [f"Client file number {n}" for n in range(500)]
    project.presence.we_never_publish = [f"Private matter {n}" for n in range(500)]
    return project


def row_edit(rows: list[str], chance: random.Random) -> list[str]:
    """A list answer with one row changed, added or deleted, as the owner does it."""
    rows, at = list(rows), chance.randrange(len(rows) + 1)
    action = chance.choice(["change", "add", "delete"]) if at < len(rows) else "add"
    if action == "change":
        rows[at] += chance.choice([" more", ";", "", "."])
    elif action == "add":
        rows.insert(at, chance.choice(["Payroll data", "Client file number 7", "", "New plans."]))
    else:
        del rows[at]
    return rows


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(DocumentType))
def test_random_edits_of_a_big_project_render_what_a_fresh_render_gives(kind):
    """Each section and each clause is rendered again only when its answers changed; 90
    random edits (rows of the long lists most of all) of a project with 1,000 list rows, in
    both documents, each compared with a fresh render."""
    project = big(load_project(EXAMPLE))
    project.wording = [ClauseWording(clause_id="presence.goals", text="Our own words.")]
    project.owner_clauses = [OwnerClause(id="own.1", section_id="employees", after=
                                         "employees.confidential", title="Ours", text="- one")]
    chance = random.Random(12)
    answers = list(edits(project))
    for step in range(90):
        if step % 3:
            area, name = chance.choice([("employees", "confidential_info"),
                                        ("presence", "we_never_publish")])
            new = row_edit(getattr(getattr(project, area), name), chance)
        else:
            area, name, _ = chance.choice(answers)
            new = other_value(getattr(getattr(project, area), name))
        if new is None:  # an emptied list: nothing left to take away
            continue
        try:
            setattr(getattr(project, area), name, new)
        except ValueError:  # not a valid answer (e.g. a date out of order)
            continue
        assert render_document(project, kind) == fresh(project, kind), f"{step}: {area}.{name}"
