"""Counsel's changes to headings: a clause's or a section's title typed over whole with Track
Changes on (a deletion and an insertion side by side), accepted a row at a time.
"""

from __future__ import annotations

import pytest

from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.review import Decision
from tests.test_review_import import _change, _run, export_for_counsel, w
from tests.test_review_other_editors import on_body, reply_of


@pytest.fixture
def sent(tmp_path):
    return export_for_counsel(tmp_path)


def _retyped(clause_id: str, title: str):
    """Counsel selects the heading of `clause_id` and types its number and `title` over it."""
    def edit(root) -> None:
        heading = next(p for p in root.iter(w("p")) if any(
            mark.get(w("name")) == f"smp_{clause_id.replace('.', '_')}"
            for mark in p.iter(w("bookmarkStart"))))
        runs = heading.findall(w("r"))
        old = "".join(node.text or "" for run in runs for node in run.iter(w("t")))
        for run in runs:
            heading.remove(run)
        number = old.split(" ")[0]
        heading.extend([_change("del", 901, _run(old, deleted=True)),
                        _change("ins", 902, _run(f"{number} {title}"))])
    return on_body(edit)


@pytest.mark.parametrize("first", [0, 1])
def test_either_half_of_a_retyped_clause_heading_renames_the_clause(sent, tmp_path, first):
    """Accepting the deletion of the old heading alone took the clause out, its words running
    on into the clause before (found by a tester); the insertion alone ran both titles
    together. Either half is the new title, and the other half is decided with it."""
    workspace, read = reply_of(sent, tmp_path, _retyped("employees.others_work",
                                                        "Respecting other people's work"))
    before = clause_texts(workspace.document())
    outcome = workspace.apply_review(read, {read.items[first].id: Decision("accept")})
    after = clause_texts(workspace.document())
    assert outcome.done == ["4.8 Other people's work: kept counsel's title"]
    assert workspace.document().clauses()["employees.others_work"] == \
        "4.8 Respecting other people's work"
    assert after["employees.others_work"] == before["employees.others_work"]
    assert after["employees.ai"] == before["employees.ai"]
    assert set(read.decided(workspace.project)) == {item.id for item in read.items}


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_retyped_section_heading_accepted_a_row_at_a_time(sent, tmp_path, order):
    """Row by row, the section's title read "5 Use of our content5 Using our content"; and a
    section, which has no words of its own, was said to have "its words removed"."""
    workspace, read = reply_of(sent, tmp_path, _retyped("content", "Using our content"))
    done = [line for at in order
            for line in workspace.apply_review(read, {read.items[at].id: Decision("accept")}
                                               ).done]
    assert done[0] == "5 Use of our content: kept counsel's title"
    assert workspace.document().clauses()["content"] == "5 Using our content"
    assert not any("removed" in line for line in done)

