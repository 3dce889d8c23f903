"""Counsel's markup the reader placed or kept wrongly: a section whose clauses the owner
rejects, a heading typed inside a clause, a paragraph typed above a redline's note.
"""

from __future__ import annotations

import copy

import pytest

from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.review import Decision
from smpolicy_desktop.workspace import Workspace
from tests.test_counsel_markup_lawyers import accept_all, lawyer, play
from tests.test_counsel_markup_s18 import accept_the_line_typed_before_section_1
from tests.test_counsel_markup_word import AI_SECTION, typed_after_your_rights
from tests.test_review_import import (
    _change,
    _mark_paragraph,
    _new_paragraph,
    _paragraph,
    _run,
    _split,
    export_for_counsel,
    marked_paragraphs,
    w,
)
from tests.test_review_other_editors import offered, on_body, reply_of, rewrite
from tests.test_review_rounds import _redline_changing_the_holding_statement


@pytest.fixture
def sent(tmp_path):
    return export_for_counsel(tmp_path)


def test_a_section_whose_clause_the_owner_rejects_is_not_kept_and_the_owner_is_told(
        sent, tmp_path):
    """Counsel's new section 'Artificial intelligence' accepted, its clause 'AI tools'
    rejected: it was added "as a section of your own" with nothing in it, and shown nowhere
    (not in the preview, not in the Word file). The policy shows a section only with a
    clause in it: it is not added, and the owner is told why."""
    workspace, read = reply_of(sent, tmp_path, typed_after_your_rights(*AI_SECTION))
    before = workspace.document().clauses()
    section, clause = (next(i.id for i in read.items if i.text.startswith(title))
                       for title in ("Artificial intelligence", "AI tools"))
    outcome = workspace.apply_review(read, {section: Decision("accept"),
                                            clause: Decision("reject")})
    assert outcome.done == []
    assert outcome.warnings == [
        "The section 'Artificial intelligence' is not added: a section shows only "
        "with a clause in it, and none of counsel's clauses under it is accepted"]
    assert workspace.project.owner_clauses == []
    assert workspace.document().clauses() == before


FAST = "It also moves fast."
AUDIENCE = "Our audience"
CLIENTS_FIRST = "We write for clients first."
THOUSANDS = "thousands of "


def _split_after(root, text: str, *typed: tuple[str, str]) -> None:
    """Enter typed after `text` in its paragraph, then the paragraphs `typed` ((text, Word
    style)) between its two halves, as Word writes it: the first half's end is counsel's."""
    p = _paragraph(root, text)
    second = copy.deepcopy(p)
    for mark in second.iter(w("bookmarkStart"), w("bookmarkEnd")):
        mark.getparent().remove(mark)
    for first_node, second_node in zip(p.iter(w("t")), second.iter(w("t")), strict=True):
        if text in (first_node.text or ""):
            first_node.text, second_node.text = first_node.text.split(text)[0] + text, \
                first_node.text.split(text)[1]
            break
    _mark_paragraph(p, "ins", 1500)
    p.addnext(second)
    for number, (words, style) in enumerate(typed):
        second.addprevious(_new_paragraph(words, style, 1502 + 2 * number))


def _the_rest_of_why_under_audience(workspace, texts, outcome, rule: str, tmp_path) -> None:
    first, rest = texts["purpose.why"].split(FAST)
    assert outcome.done == ["1.1 Why we have this policy: kept counsel's wording",
                            f"Added {AUDIENCE!r} as a clause of your own, with the words "
                            "after it in the clause counsel typed it in"]
    assert clause_texts(workspace.document())["purpose.why"] == first + FAST
    own, = workspace.project.owner_clauses
    assert (own.after, own.title) == ("purpose.why", AUDIENCE)
    assert own.text == (f"{rule}\n" if rule else "") + rest.strip()
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []


@pytest.mark.parametrize("rule", ["", CLIENTS_FIRST], ids=["heading", "heading and rule"])
def test_a_heading_typed_between_two_sentences_of_a_paragraph_lands_there(sent, tmp_path,
                                                                          rule):
    """Enter typed after 'It also moves fast.' in 1.1, then a Heading 2 (and a rule) between
    the two halves: the heading went after the whole of 1.1 (with a rule, 1.1 came back in
    two paragraphs, and an "untracked edit" with no words was listed), and the next redline
    showed it moved. 1.1 ends where counsel typed the heading; the words after it are the
    new clause's."""
    typed = [(AUDIENCE, "Heading2")] + ([(rule, "")] if rule else [])
    workspace, read = reply_of(sent, tmp_path, on_body(
        lambda root: _split_after(root, FAST, *typed)))
    texts = clause_texts(workspace.document())
    assert offered(read) == {("new clause", "purpose.why", "\n".join(
        text for text, _ in typed))}
    assert read.in_context(read.items[0]) == ("", "")  # not "reads now: One post can..."
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    _the_rest_of_why_under_audience(workspace, texts, outcome, rule, tmp_path)


def test_a_heading_typed_inside_a_clause_and_rejected_leaves_the_clause_whole(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(
        lambda root: _split_after(root, FAST, (AUDIENCE, "Heading2"))))
    texts = clause_texts(workspace.document())
    outcome = workspace.apply_review(read, {i.id: Decision("reject") for i in read.items})
    assert (outcome.done, outcome.warnings) == ([], [])
    assert clause_texts(workspace.document()) == texts
    assert workspace.project.owner_clauses == workspace.project.wording == []


@pytest.mark.parametrize("deletion", ["accept", "reject"])
def test_a_heading_typed_inside_a_clause_never_carries_a_rejected_edit_with_it(sent, tmp_path,
                                                                              deletion):
    """Counsel types a heading after 'It also moves fast.' and also deletes 'thousands of'
    in the words after it. The owner accepts the heading and decides the deletion: with the
    words moving under the heading, a rejected deletion was applied all the same. Each change
    is the owner's to decide; the heading goes after the clause, as a new clause."""
    def edit(root) -> None:
        _split_after(root, FAST, (AUDIENCE, "Heading2"))
        _split(_paragraph(root, THOUSANDS), THOUSANDS,
               lambda words: _change("del", 1700, _run(words, deleted=True)))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    heading = next(i for i in read.items if i.kind == "new clause")
    cut = next(i for i in read.items if i.kind == "deletion")
    outcome = workspace.apply_review(read, {heading.id: Decision("accept"),
                                            cut.id: Decision(deletion)})
    policy = " ".join(clause_texts(workspace.document()).values())
    assert (THOUSANDS in policy) == (deletion == "reject")
    assert [own.title for own in workspace.project.owner_clauses] == [AUDIENCE]
    assert outcome.done[-1] == f"Added {AUDIENCE!r} as a clause of your own"  # none taken


@pytest.mark.slow
def test_a_lawyer_who_types_a_heading_between_two_sentences(tmp_path):
    """The same in LibreOffice: Enter after 'It also moves fast.', a Heading 2 between."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "split", "find": FAST},
        {"op": "paragraph", "find": FAST, "text": AUDIENCE, "style": "Heading 2"}])
    texts = clause_texts(workspace.document())
    listed, outcome = accept_all(workspace, reply)
    assert listed == {("new clause", "purpose.why", AUDIENCE)}
    _the_rest_of_why_under_audience(workspace, texts, outcome, "", tmp_path)


PRIVILEGED = "Privileged and confidential."


@pytest.mark.parametrize("style", ["Normal", "Heading1"])
def test_a_paragraph_typed_above_a_redlines_note_leaves_the_note_out(tmp_path, style):
    """Counsel types a line above the redline's first line ("Changes since ... shown as
    tracked changes"): the note, which no version records, was then read in the title block,
    listed as counsel's "untracked edit", and in the sections' style made the body of a
    section of the owner's own. Counsel's line is read as one typed before the first section;
    the note is no text of the policy."""
    project_file, redline = _redline_changing_the_holding_statement(tmp_path)

    def edit(root) -> None:
        _paragraph(root, "shown as tracked changes").addprevious(
            _new_paragraph(PRIVILEGED, style, 1600))

    workspace = Workspace.open(project_file)
    read = workspace.read_reply(rewrite(redline, tmp_path / "reply.docx", on_body(edit)))
    accept_the_line_typed_before_section_1(workspace, read, style, PRIVILEGED)
    assert "Changes since" not in "".join(clause_texts(workspace.document()).values())


@pytest.mark.slow
def test_a_lawyer_who_types_a_line_above_a_redlines_note(tmp_path):
    """The same in LibreOffice: typed at the start of the note, then Enter."""
    project_file, redline = _redline_changing_the_holding_statement(tmp_path)
    lawyer(redline, tmp_path / "reply.docx", "Priya Shah", [
        {"op": "paragraph_before", "find": "shown as tracked changes", "text": PRIVILEGED}])
    read = Workspace.open(project_file).read_reply(tmp_path / "reply.docx")
    assert offered(read) == {("insertion", "title", PRIVILEGED)}
