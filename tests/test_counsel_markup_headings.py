"""Counsel's changes to headings: a clause's or a section's title typed over whole with Track
Changes on (a deletion and an insertion side by side), accepted a row at a time.
"""

from __future__ import annotations

import pytest

from smpolicy_desktop.cli import main
from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.review import Decision
from smpolicy_desktop.workspace import Workspace
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


def _retyped_untracked(clause_id: str, title: str):
    """Counsel types the number and `title` over the heading of `clause_id` with Track
    Changes off: LibreOffice drops the clause's bookmark with the words, the paragraph keeps
    its heading style."""
    def edit(root) -> None:
        name = f"smp_{clause_id.replace('.', '_')}"
        start = next(mark for mark in root.iter(w("bookmarkStart")) if mark.get(w("name")) == name)
        heading = next(start.iterancestors(w("p")))
        end = next(mark for mark in root.iter(w("bookmarkEnd"))
                   if mark.get(w("id")) == start.get(w("id")))
        for mark in (start, end):
            mark.getparent().remove(mark)
        texts = list(heading.iter(w("t")))
        texts[0].text = f"{texts[0].text.split(' ')[0]} {title}"
        for node in texts[1:]:
            node.text = ""
    return on_body(edit)


def test_a_clause_heading_typed_over_untracked_is_the_clauses_new_title(sent, tmp_path):
    """The heading in the clause's place, in its style, without its bookmark, was read as a
    line of the clause before, and the clause as taken out: Accept all put the new title in
    4.7's words and left two 4.8s (found by a tester)."""
    workspace, read = reply_of(sent, tmp_path, _retyped_untracked(
        "employees.others_work", "Respecting other people's work"))
    assert [(item.kind, item.clause_id) for item in read.items] == [
        ("untracked edit", "employees.others_work")]
    before = clause_texts(workspace.document())
    workspace.apply_review(read, {item.id: Decision("accept") for item in read.items})
    after = clause_texts(workspace.document())
    assert workspace.document().clauses()["employees.others_work"] == \
        "4.8 Respecting other people's work"
    assert after["employees.others_work"] == before["employees.others_work"]
    assert after["employees.ai"] == before["employees.ai"]


def _added_to_others_work(root) -> None:
    """Counsel adds words to 4.8, tracked."""
    p = next(p for p in root.iter(w("p"))
             if "".join(p.itertext()).startswith("Respect other people's copyright"))
    p.append(_change("ins", 911, _run(" Never upload a client's logo.")))


def test_a_change_in_a_clause_the_owner_took_out_since_says_so(sent, tmp_path):
    """Counsel changed 4.8, which the owner has taken out since sending (its answer turned
    off): Accept said counsel "changed text that is not in a clause (such as the title
    block)" (found by a tester). It names the clause and says why it is not kept."""
    workspace, read = reply_of(sent, tmp_path, on_body(_added_to_others_work))
    workspace.set_value(("employees", "third_party_rights"), False)
    outcome = workspace.apply_review(read, {item.id: Decision("accept") for item in read.items})
    assert outcome.warnings == [
        "The insertion \"Never upload a client's logo.\": in \"Other people's work\", a clause "
        "you took out of the policy since you sent v1, so not kept; bring the clause back to "
        "accept it"]
    assert outcome.not_taken == {item.id for item in read.items}


def test_the_command_line_decides_the_halves_of_a_retyped_heading_alike(sent, tmp_path,
                                                                       capsys):
    """--accept c1 --reject c2 took the clause out, as the deletion alone did; refused, and
    --accept all --reject c2 rejects both halves (the title stays)."""
    project_file, _ = sent
    reply_of(sent, tmp_path, _retyped("employees.others_work", "Respecting other people's work"))
    reply = str(tmp_path / "reply.docx")
    capsys.readouterr()
    assert main(["import-review", str(project_file), reply, "--accept", "c1", "--reject",
                 "c2"]) == 2
    assert capsys.readouterr().err.endswith(
        "c1 and c2: the two halves of one change (a move, or a heading typed over); decide "
        "them alike\n")
    assert main(["import-review", str(project_file), reply, "--accept", "all", "--reject",
                 "c2"]) == 0
    document = Workspace.open(project_file).document()
    assert document.clauses()["employees.others_work"] == "4.8 Other people's work"
