"""More lawyers we have not seen: edits in LibreOffice (tests/lawyer_uno.py), and the same
constructs as Word writes them where the reader's rule is worth checking without LibreOffice.
"""

from __future__ import annotations

import copy

import pytest

from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.review import Decision
from tests.test_counsel_markup_lawyers import accept_all, play
from tests.test_counsel_markup_lists import _row_with
from tests.test_review_import import (
    _change,
    _mark_paragraph,
    _new_paragraph,
    _paragraph,
    _run,
    export_for_counsel,
    marked_paragraphs,
    w,
)
from tests.test_review_other_editors import offered, on_body, reply_of

CELL_BREAK = "\u00b6 (new paragraph in a table cell; the policy writes it as a space)"


@pytest.fixture
def sent(tmp_path):
    return export_for_counsel(tmp_path)


@pytest.mark.slow
def test_a_lawyer_who_presses_enter_in_table_cells(tmp_path):
    """Enter in the middle of a cell of the response table and of the escalation chain: each
    is listed (neither was, nothing at all was offered), and the one-line answers read it as
    a space."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "split", "find": "Respond to the praise calmly"},
        {"op": "split", "find": "Any complaint that is not settled"}])
    answers = workspace.project.responses.model_copy(deep=True)
    listed, _ = accept_all(workspace, reply)
    assert listed == {("insertion", "responses.matrix", CELL_BREAK),
                      ("insertion", "responses.escalation", CELL_BREAK)}
    assert workspace.project.responses == answers
    assert workspace.project.wording == []  # the tables still follow the answers


@pytest.mark.parametrize(("typed", "listed", "contact"), [
    ("", CELL_BREAK, "+1 555 0101"),
    ("+1 555 0199 (mobile)", "+1 555 0199 (mobile)", "+1 555 0101 +1 555 0199 (mobile)")],
    ids=["alone", "before words"])
@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_enter_counsel_types_in_a_table_cell_as_word_writes_it(sent, tmp_path, typed, listed,
                                                                contact, decision):
    """Enter at the end of the contact cell (then words, or none), the new paragraph's mark
    in the one before it: the break alone is an item of its own, with words it is theirs."""
    def edit(root) -> None:
        cell = _paragraph(root, "+1 555 0101")
        added = copy.deepcopy(cell)
        for run in added.findall(w("r")):
            added.remove(run)
        if typed:
            added.append(_change("ins", 1410, _run(typed)))
        _mark_paragraph(cell, "ins", 1411)
        cell.addnext(added)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("insertion", "responses.escalation", listed)}
    workspace.apply_review(read, {i.id: Decision(decision) for i in read.items})
    assert workspace.project.responses.escalation_chain[0].contact == (
        contact if decision == "accept" else "+1 555 0101")
    assert workspace.project.wording == []


LAWYER_ROW = ["Company lawyer", "Lee Park", "lee@example.com", "Any legal threat"]


@pytest.mark.slow
def test_a_lawyer_who_empties_a_row_instead_of_deleting_it(tmp_path):
    """Each cell of Lee Park's row cleared with Track Changes on (LibreOffice keeps the empty
    row): the row leaves the escalation chain, and the next redline is empty (it showed the
    emptied row taken out, as " |  |  | ")."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "delete", "find": text, "skip": 1 if text == "Any legal threat" else 0}
        for text in LAWYER_ROW])
    listed, _ = accept_all(workspace, reply)
    assert listed == {("deletion", "responses.escalation", text) for text in LAWYER_ROW}
    assert [c.name for c in workspace.project.responses.escalation_chain] == [
        "Sam Ortiz", "Dana Reyes"]
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []


def test_a_row_whose_cells_counsel_emptied_is_no_row_in_the_next_redline(sent, tmp_path):
    """The same as Word writes it: a deletion in each cell, the row itself kept."""
    def edit(root) -> None:
        for number, p in enumerate(_row_with(root, "lee@example.com").iter(w("p"))):
            for run in list(p.iter(w("r"))):
                run.getparent().replace(run, _change("del", 1420 + number, _run(
                    "".join(run.itertext()), deleted=True)))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("deletion", "responses.escalation", text) for text in LAWYER_ROW}
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert len(workspace.project.responses.escalation_chain) == 2
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []


WHY = "One post can reach thousands of people in a few hours."
AUDIENCE = "Our audience"


def _audience_heads_the_rest_of_why(workspace, listed, outcome, texts, tmp_path) -> None:
    """Counsel's heading where counsel typed it: 1.1 keeps its words before it, the new
    clause 1.2 has those after it, and the next redline marks nothing (it showed the heading
    and 1.1's last paragraphs moved)."""
    first, *rest = texts["purpose.why"].split("\n")
    assert listed == {("new clause", "purpose.why", AUDIENCE)}
    assert outcome.done == ["1.1 Why we have this policy: kept counsel's wording",
                            f"Added {AUDIENCE!r} as a clause of your own, with the words "
                            "after it in the clause counsel typed it in"]
    own, = workspace.project.owner_clauses
    assert (own.after, own.title, own.text) == ("purpose.why", AUDIENCE, "\n".join(rest))
    assert clause_texts(workspace.document())["purpose.why"] == first
    assert workspace.document().clauses()[own.id] == f"1.2 {AUDIENCE}"
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []


@pytest.mark.slow
def test_a_lawyer_who_types_a_heading_between_two_paragraphs_of_a_clause(tmp_path):
    """A Heading 2 typed after the first paragraph of 1.1 (Enter at its end, as LibreOffice
    records it: the new mark is the first paragraph's). 1.1's paragraphs after it are the new
    clause's, as in the reply: they stayed in 1.1 and the clause went after it (before that,
    the first ran on into the second, "hours.This policy")."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "paragraph", "find": WHY, "text": AUDIENCE, "style": "Heading 2"}])
    texts = clause_texts(workspace.document())
    listed, outcome = accept_all(workspace, reply)
    _audience_heads_the_rest_of_why(workspace, listed, outcome, texts, tmp_path)


def test_a_heading_typed_between_two_paragraphs_with_the_new_mark_before_it(sent, tmp_path):
    """The same as Word writes it when Enter is pressed at a paragraph's end."""
    def edit(root) -> None:
        p = _paragraph(root, WHY)
        _mark_paragraph(p, "ins", 1430)
        heading = _new_paragraph(AUDIENCE, "Heading2", 1431)
        heading.find(f"{w('pPr')}/{w('rPr')}").clear()  # its mark is the one p had
        p.addnext(heading)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    texts, listed = clause_texts(workspace.document()), offered(read)
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    _audience_heads_the_rest_of_why(workspace, listed, outcome, texts, tmp_path)


ACCOUNTS_ONLY = "This part applies to company accounts only."


@pytest.mark.slow
@pytest.mark.parametrize(("edit", "title", "rule", "heading"), [
    ({"op": "paragraph_before", "find": "2 Our presence online", "skip": 1,
      "text": ACCOUNTS_ONLY}, "This part applies to company accounts...", ACCOUNTS_ONLY,
     "1.6 This part applies to company accounts..."),
    ({"op": "paragraph", "find": "We will not punish you", "text": "Miscellaneous",
      "style": "Heading 1"}, "Miscellaneous", "Miscellaneous", "8.4 Miscellaneous")],
    ids=["typed before a section's heading", "a section's heading alone"])
def test_a_lawyer_whose_words_in_the_sections_style_open_no_clause_is_kept(
        tmp_path, edit, title, rule, heading):
    """A sentence typed at the start of section 2's heading (LibreOffice gives it the
    heading's style), or a Heading 1 typed alone: "added as a section of your own", and the
    section, with no clause in it, was shown nowhere. Like words typed in a clause's heading
    style, they are a clause after the one they follow."""
    workspace, reply = play(tmp_path, "Priya Shah", [edit])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {("new clause", next(iter(listed))[1], rule)}
    assert outcome.done == [f"Added {title!r} as a clause of your own"]
    own, = workspace.project.owner_clauses
    assert workspace.document().clauses()[own.id] == heading
    assert clause_texts(workspace.document())[own.id] == rule


def test_words_in_the_sections_style_with_no_clause_after_them_as_word_writes_them(
        sent, tmp_path):
    def edit(root) -> None:
        heading = next(p for p in root.iter(w("p")) if "".join(p.itertext()) ==
                       "2 Our presence online" and p.find(f".//{w('bookmarkStart')}") is not None)
        heading.addprevious(_new_paragraph(ACCOUNTS_ONLY, "Heading1", 1440))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("new clause", "purpose.owner", ACCOUNTS_ONLY)}
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    own, = workspace.project.owner_clauses
    assert (own.section_id, own.after) == ("purpose", "purpose.owner")
    assert clause_texts(workspace.document())[own.id] == ACCOUNTS_ONLY


PRIVILEGED = "Privileged and confidential: attorney-client communication."


@pytest.mark.slow
def test_a_lawyer_who_types_a_line_before_the_first_section(tmp_path):
    """A legend typed at the start of section 1's heading, after the contents: LibreOffice
    gives the new paragraph the heading's bookmark, so it is read in the paragraph before it
    (a page break), which was read in no clause: nothing at all was offered. It is read in
    the title block, and kept as a clause of the owner's own, first in section 1."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "paragraph_before", "find": "1 Purpose and scope", "skip": 1,
         "text": PRIVILEGED}])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {("new clause", "title", PRIVILEGED)}
    own, = workspace.project.owner_clauses
    assert (own.section_id, own.after, own.text) == ("purpose", "", PRIVILEGED)
    headings = list(workspace.document().clauses().values())
    assert headings[:3] == ["1 Purpose and scope",
                            "1.1 Privileged and confidential: attorney-client communication",
                            "1.2 Why we have this policy"]


@pytest.mark.slow
def test_a_lawyer_who_adds_a_clause_under_the_title_block(tmp_path):
    """A Heading 2 and a rule typed after the title block's last line: "added as a section
    of your own", after the title block, which is no section, so shown nowhere. The policy
    starts with its sections: it is the first clause of section 1."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "paragraph", "find": "Law as of December", "text": "Draft for discussion",
         "style": "Heading 2"},
        {"op": "paragraph", "find": "Draft for discussion", "style": "Standard",
         "text": "Not for distribution to staff."}])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {("new clause", "title", "Draft for discussion\n"
                       "Not for distribution to staff.")}
    assert outcome.done == ["Added 'Draft for discussion' as a clause of your own"]
    headings = list(workspace.document().clauses().values())
    assert headings[:3] == ["1 Purpose and scope", "1.1 Draft for discussion",
                            "1.2 Why we have this policy"]


@pytest.mark.parametrize("style", ["Normal", "Heading1"])
def test_a_paragraph_typed_between_the_contents_and_the_first_section(sent, tmp_path, style):
    """As Word writes it, the section's heading keeping its bookmark: the paragraph was read
    in no clause, and nothing was offered."""
    def edit(root) -> None:
        heading = next(p for p in root.iter(w("p")) if "".join(p.itertext()) ==
                       "1 Purpose and scope" and p.find(f".//{w('bookmarkStart')}") is not None)
        heading.addprevious(_new_paragraph(PRIVILEGED, style, 1450))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    accept_the_line_typed_before_section_1(workspace, read, style, PRIVILEGED)


def accept_the_line_typed_before_section_1(workspace, read, style: str, text: str) -> None:
    """Counsel's one line before section 1, read in the title block and accepted: in the
    sections' style a clause of the owner's own, first in section 1; else words in no clause,
    which the owner is told to take into the answers."""
    item, = read.items
    assert (item.kind, item.clause_id, item.text) == (
        "new clause" if style == "Heading1" else "insertion", "title", text)
    outcome = workspace.apply_review(read, {item.id: Decision("accept")})
    if style == "Heading1":
        own, = workspace.project.owner_clauses
        assert (own.section_id, own.after, own.text) == ("purpose", "", text)
    else:
        assert outcome.warnings == [f"{read.named([item.id])}: counsel changed text that is "
                                    "not in a clause "
                                    "(such as the title block); change the answers behind it "
                                    "yourself"]
