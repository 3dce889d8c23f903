"""Lawyers we have not seen, played in LibreOffice through its UNO API (tests/lawyer_uno.py):
each marks up the file sent in their own way; the owner is offered every change (or told why
not), and accepting all of them gives the policy the lawyer meant, its lists still answers.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx
import pytest

from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.review import Decision, ReviewError
from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import REPO, require_tool
from tests.test_review_import import (
    QUESTION,
    _uno_python,
    export_for_counsel,
    marked_paragraphs,
    w,
)
from tests.test_review_other_editors import on_body, rewrite

HR_ROW = ["HR", "Kim Lo", "+1 555 0102", "Any claim of harassment"]
SOURCE_CODE = "Source code and system designs"
LEAVE_REPLIES = "Leave replies for the company to the people who run our accounts."


def play(tmp_path: Path, reviewer: str, edits: list[dict], suffix: str = ".docx"
         ) -> tuple[Workspace, Path]:
    """The project sent to counsel, opened, and the lawyer's reply made in LibreOffice."""
    project_file, sent_docx = export_for_counsel(tmp_path)
    reply = tmp_path / f"reply{suffix}"
    lawyer(sent_docx, reply, reviewer, edits)
    return Workspace.open(project_file), reply


def lawyer(source: Path, reply: Path, reviewer: str, edits: list[dict]) -> None:
    """The lawyer's reply to the Word file `source`, made in LibreOffice."""
    require_tool("soffice")
    edits_file = reply.with_name("edits.json")
    edits_file.write_text(json.dumps(edits))
    played = subprocess.run([_uno_python(), str(REPO / "tests" / "lawyer_uno.py"),
                             str(source), str(reply), reviewer, str(edits_file)],
                            timeout=300, capture_output=True, text=True)
    assert played.returncode == 0, played.stderr


def accept_all(workspace: Workspace, reply: Path) -> tuple[set[tuple[str, str, str]], object]:
    """What the review panel lists ((kind, clause, text) of each item), then accepting all."""
    read = workspace.read_reply(reply)
    listed = {(i.kind, i.clause_id, i.text.strip()) for i in read.items}
    return listed, workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})


@pytest.mark.slow
def test_a_lawyer_who_adds_and_deletes_rows_and_list_items(tmp_path):
    """LibreOffice records a row added through its API, and the bullet typed after the last
    but one item; a row it deletes through its API is not recorded (found by comparing), and
    the sentence after a deleted last bullet is saved as a bullet (read as it was sent)."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "insert_row", "find": "Sam Ortiz", "cells": HR_ROW},
        {"op": "delete_row", "find": "lee@example.com"},
        {"op": "paragraph", "find": "Unreleased projects", "text": SOURCE_CODE},
        {"op": "delete_paragraph", "find": "Financial results"}])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {
        ("insertion", "employees.confidential", SOURCE_CODE),
        ("deletion", "employees.confidential", "Financial results"),
        ("insertion", "responses.escalation", " | ".join(HR_ROW)),
        ("untracked edit", "responses.escalation",
         "taken out: Company lawyer | Lee Park | lee@example.com | Any legal threat")}
    project = workspace.project
    assert project.employees.confidential_info == [
        "Client files and client data", "Unreleased projects", SOURCE_CODE]
    assert [c.role for c in project.responses.escalation_chain] == [
        "Account owner", "HR", "Policy owner"]
    assert project.wording == [], outcome.done  # both clauses follow their answers
    text = clause_texts(workspace.document())["employees.confidential"]
    assert "\nThis rule is about business information." in text  # not made a bullet



@pytest.mark.slow
def test_a_lawyers_one_word_keeps_following_the_answers_in_the_word_file(tmp_path):
    """Counsel changes one word of 1.1 with tracked changes in LibreOffice; the owner accepts
    it, and months later renames the company: the next Word file has both (a tester found the
    clause frozen at the old name)."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "replace", "find": "reach clients", "text": "reach customers"}])
    read = workspace.read_reply(reply)
    by_kind = {item.kind: item for item in read.items}  # one deletion, one insertion
    for item in read.items:  # each half shows the whole replacement (found by a tester)
        assert "helps Northwind Analytics LLC reach customers, share" in read.in_context(item)[1]
    deletion, insertion = by_kind["deletion"], by_kind["insertion"]
    assert "LLC , share" in read.in_context(insertion, accepted={deletion.id})[0]  # as it reads
    accept_all(workspace, reply)
    assert [w.clause_id for w in workspace.project.wording] == ["purpose.why"]
    workspace.set_value(("company", "name"), "Harbor Lights Inc")
    exported = workspace.export(tmp_path / "later.docx")
    text = "\n".join(p.text for p in docx.Document(exported).paragraphs)
    assert "Social media helps Harbor Lights Inc reach customers, share our work" in text
    assert "Northwind" not in text


@pytest.mark.slow
def test_a_lawyer_who_deletes_a_clause_adds_one_and_moves_a_sentence(tmp_path):
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "delete_through", "find": "4.7 AI tools and fake images",
         "to": "4.8 Other people"},
        {"op": "paragraph", "find": "any other status the law protects",
         "text": "4.9A Off-duty conduct", "style": "Heading 2"},
        {"op": "paragraph", "find": "4.9A Off-duty conduct", "style": "Standard",
         "text": "What you do in your own time is your own business."},
        {"op": "delete", "find": " " + LEAVE_REPLIES},
        {"op": "paragraph", "find": "4.13 Privacy and posts that last", "text": LEAVE_REPLIES,
         "style": "Standard"},
        {"op": "comment", "find": "Coaching first", "text": "Consider a written warning."},
        {"op": "delete_through", "find": "5 Use of our content", "to": "6 Responding to",
         "skip": 1},  # the first is in the contents
        {"op": "answer", "find": QUESTION, "text": "Yes, for company systems."},
        {"op": "resolve", "find": QUESTION}])
    listed, outcome = accept_all(workspace, reply)
    kinds = sorted((kind, clause_id) for kind, clause_id, _ in listed)
    assert ("comment", "training.monitoring", f"Marked done: \"{QUESTION}\"") in listed
    assert ("comment", "training.monitoring", "Yes, for company systems.") in listed
    assert kinds == [("comment", "training.consequences"), ("comment", "training.monitoring"),
                     ("comment", "training.monitoring"), ("deletion", "content"),
                     ("deletion", "employees.ai"),
                     ("move", "employees.criticism"), ("move", "employees.privacy"),
                     ("new clause", "employees.respect")]  # no false "untracked edit"
    texts = clause_texts(workspace.document())
    assert "employees.ai" not in texts or not texts["employees.ai"].strip()
    assert not [clause_id for clause_id in texts if clause_id.startswith("content")]
    assert LEAVE_REPLIES not in texts["employees.criticism"]
    assert texts["employees.privacy"].startswith(LEAVE_REPLIES)
    clause, = workspace.project.owner_clauses
    assert (clause.after, clause.title) == ("employees.respect", "Off-duty conduct")
    assert {c.text for c in workspace.project.counsel_comments} == {
        "Consider a written warning.", "Yes, for company systems.",
        f"Marked done: \"{QUESTION}\""}


@pytest.mark.slow
def test_a_lawyer_whose_comment_spans_two_clauses_is_heard_on_both(tmp_path, capsys):
    from smpolicy_desktop.cli import main

    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "comment", "find": "If you praise or promote our products",
         "to": "Do not post or share these kinds", "text": "These two overlap."}])
    read = workspace.read_reply(reply)
    comment, = [item for item in read.items if item.text == "These two overlap."]
    assert comment.clauses == ("employees.endorsements", "employees.confidential")
    assert main(["import-review", str(workspace.path), str(reply)]) == 0
    names = workspace.document().clauses()
    assert (f"\t{names['employees.endorsements']}; {names['employees.confidential']}\t"
            in capsys.readouterr().out)
    workspace.apply_review(read, {comment.id: Decision("accept")})
    kept, = [c for c in workspace.project.counsel_comments if c.text == "These two overlap."]
    assert kept.clauses == comment.clauses


@pytest.mark.slow
def test_a_lawyer_who_edits_without_tracking(tmp_path):
    """Every edit found by comparing with the version sent, each in plain words, a clause
    deleted whole too."""
    workspace, reply = play(tmp_path, "Tom Reed", [
        {"op": "track", "on": False},
        {"op": "replace", "find": "may lead to discipline", "text": "may lead to dismissal"},
        {"op": "delete", "find": " " + LEAVE_REPLIES},
        {"op": "paragraph", "find": "Unreleased projects", "text": SOURCE_CODE},
        {"op": "insert_row", "find": "Sam Ortiz", "cells": HR_ROW},
        {"op": "delete_through", "find": "4.7 AI tools", "to": "4.8 Other people"}])
    listed, _ = accept_all(workspace, reply)
    gone = next(text for kind, clause_id, text in listed if clause_id == "employees.ai")
    assert gone.startswith("taken out: 4.7 AI tools and fake images")
    assert listed - {("untracked edit", "employees.ai", gone)} == {
        ("untracked edit", "training.consequences", '"discipline" now reads "dismissal"'),
        ("untracked edit", "employees.criticism", f"taken out: {LEAVE_REPLIES}"),
        ("untracked edit", "employees.confidential", SOURCE_CODE),
        ("untracked edit", "responses.escalation", " | ".join(HR_ROW))}
    project = workspace.project
    assert project.training.consequences.endswith("may lead to dismissal.")
    assert project.employees.confidential_info[2] == SOURCE_CODE
    assert project.responses.escalation_chain[1].name == "Kim Lo"
    assert [w.clause_id for w in project.wording] == ["employees.ai", "employees.criticism"]
    assert "employees.ai" not in workspace.document().clauses()


def _accept_every_mark(root) -> None:
    """Word's Accept All on words: inserted ones kept as plain text, deleted ones gone."""
    for change in list(root.iter(w("del"))):
        change.getparent().remove(change)
    for change in list(root.iter(w("ins"))):
        parent = change.getparent()
        at = parent.index(change)
        parent[at:at + 1] = [] if parent.tag in (w("rPr"), w("trPr")) else list(change)


@pytest.mark.slow
def test_a_lawyer_who_accepts_all_of_the_owners_redline_then_edits(tmp_path):
    """Counsel accepts every change of the owner's redline, then marks up their own: only
    counsel's change is offered, the owner's changes stay, and the next redline is empty."""
    project_file, _ = export_for_counsel(tmp_path)
    workspace = Workspace.open(project_file)
    workspace.set_value(("training", "consequences"),
                        "Coaching first; serious breaches may lead to a written warning.")
    workspace.set_value(("company", "version"), "2.2")
    workspace.export(tmp_path / "redline.docx", changes_since_last=True)
    workspace.save()
    rewrite(tmp_path / "redline.docx", tmp_path / "accepted.docx", on_body(_accept_every_mark))
    lawyer(tmp_path / "accepted.docx", tmp_path / "reply.docx", "Priya Shah", [
        {"op": "insert", "find": "may lead to a written warning", "text": ", then dismissal"}])
    listed, _ = accept_all(workspace, tmp_path / "reply.docx")
    assert listed == {("insertion", "training.consequences", ", then dismissal")}
    assert workspace.project.training.consequences == \
        "Coaching first; serious breaches may lead to a written warning, then dismissal."
    assert workspace.project.company.version == "2.2"
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []


@pytest.mark.slow
def test_a_lawyer_who_edits_the_header_without_tracking(tmp_path):
    """Only the line counsel edited is listed: LibreOffice works the footer's page numbers
    out anew (without a view, "Page 0 of 1"), which is no edit."""
    workspace, reply = play(tmp_path, "Tom Reed", [
        {"op": "track", "on": False},
        {"op": "margin", "find": "for review by counsel", "text": "privileged and confidential"}])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {("untracked edit", "", "Page header or footer, edited without Track "
                       "Changes: now reads \"DRAFT - privileged and confidential\"")}
    assert any("in the page header or footer" in warning for warning in outcome.warnings)


@pytest.mark.slow
@pytest.mark.parametrize(("suffix", "reason"), [
    (".odt", "this is an OpenDocument file (.odt); save it as Word (.docx)"),
    (".doc", "this is the older Word format (.doc)"),
    (".rtf", "this is a Rich Text Format file (.rtf); open it in Word or LibreOffice and save "
             "it as Word (.docx)")])
def test_a_lawyer_who_saves_in_another_format_is_told_what_to_do(tmp_path, suffix, reason):
    workspace, reply = play(tmp_path, "Ana Costa", [
        {"op": "insert", "find": "may lead to discipline", "text": " in writing"}], suffix)
    before = workspace.project.model_copy(deep=True)
    with pytest.raises(ReviewError) as refused:
        workspace.read_reply(reply)
    assert refused.value.reason.startswith(reason)
    assert workspace.project == before
    assert load_project(tmp_path / "policy.smpolicy") == before


@pytest.mark.slow
def test_a_lawyer_who_adds_a_link_keeps_its_address(tmp_path):
    """LibreOffice writes a link as w:hyperlink, its address in the relationships: the policy
    gets the words and the address (it got the words only)."""
    handbook = "https://example.com/handbook"
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "insert", "find": "may lead to discipline.", "text": " See the staff handbook",
         "url": handbook}])
    listed, _ = accept_all(workspace, reply)
    assert listed == {("insertion", "training.consequences",
                       f"See the staff handbook ({handbook})")}
    assert workspace.project.training.consequences.endswith(
        f"discipline. See the staff handbook ({handbook})")


@pytest.mark.slow
def test_a_lawyer_who_edits_the_contents_list_is_told_it_is_not_taken(tmp_path):
    """The contents list is rebuilt from the headings: counsel's edit there is told to the
    owner in words and changes nothing (it was dropped without a word)."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "replace", "find": "Guidelines for employees", "text": "Guidelines for staff"}])
    listed, outcome = accept_all(workspace, reply)
    said = ('counsel edited the contents list; it is rebuilt from the headings, so this edit '
            'is not taken: "4 Guidelines for employees" now reads "4 Guidelines for staff"')
    assert listed == {("contents edit", "", said)}
    assert [line.split(": ", 1)[1] for line in outcome.warnings] == [
        f"{said}; change the heading itself to rename the section"]
    assert workspace.document().clauses()["employees"] == "4 Guidelines for employees"


@pytest.mark.slow
def test_a_lawyer_who_adds_a_section_with_a_clause(tmp_path):
    """A heading typed in the Heading 1 style after section 8, a Heading 2 and a rule under
    it: a section 9 of the owner's own with its clause 9.1 (it came in as 8.4 and 8.5)."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "paragraph", "find": "We will not punish you", "text": "Artificial intelligence",
         "style": "Heading 1"},
        {"op": "paragraph", "find": "Artificial intelligence", "text": "Using AI at work",
         "style": "Heading 2"},
        {"op": "paragraph", "find": "Using AI at work",
         "text": "Ask before you use an AI tool for work."}])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {
        ("new clause", "rights.no_retaliation", "Artificial intelligence"),
        ("new clause", "rights.no_retaliation",
         "Using AI at work\nAsk before you use an AI tool for work.")}
    assert outcome.done == ["Added 'Artificial intelligence' as a section of your own",
                            "Added 'Using AI at work' as a clause of your own"]
    headings = list(workspace.document().clauses().values())
    at = headings.index("9 Artificial intelligence")
    assert headings[at - 1] == "8.3 No retaliation"
    assert headings[at + 1:at + 3] == ["9.1 Using AI at work", "10 Review of this policy"]
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []  # it marked "[+9 +]", "[+9.1 +]"


@pytest.mark.slow
def test_a_lawyer_who_makes_words_a_link_is_offered_its_address(tmp_path):
    """LibreOffice records making words a link as a formatting change: the address is
    offered as that lawyer's insertion (it was lost, and then listed as an untracked edit by
    no one)."""
    intranet = "https://intranet.example/policy"
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "link", "find": "kept on the intranet", "url": intranet}])
    read = workspace.read_reply(reply)
    assert [(i.kind, i.clause_id, i.author, i.text) for i in read.items] == [
        ("insertion", "review.distribution", "Priya Shah", f" ({intranet})")]
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert workspace.project.review.distribution == \
        f"Emailed to all staff and kept on the intranet ({intranet})."


AI_RULES = "Do not paste confidential business information"


@pytest.mark.slow
def test_a_lawyer_who_deletes_only_a_clauses_heading_joins_its_rules_to_the_clause_before(
        tmp_path):
    """Counsel takes out the heading 4.7 and keeps its rules: accepted, they read on in 4.6,
    as in the reply, and the next redline is empty (the heading stayed, "already says this")."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "delete_paragraph", "find": "4.7 AI tools and fake images"}])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {("deletion", "employees.ai", "4.7 AI tools and fake images")}
    texts = clause_texts(workspace.document())
    assert "employees.ai" not in workspace.document().clauses()
    assert AI_RULES in texts["employees.confidential"]
    assert any(line.startswith("4.7 AI tools and fake images: removed") for line in outcome.done)
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []


@pytest.mark.slow
def test_a_lawyer_who_deletes_only_a_sections_heading_is_told_it_stays(tmp_path):
    """A section keeps its heading while it has clauses: the owner is told so (it said
    "removed" and kept it)."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "delete_paragraph", "find": "5 Use of our content", "skip": 1}])
    listed, outcome = accept_all(workspace, reply)
    assert listed == {("deletion", "content", "5 Use of our content")}
    assert workspace.document().clauses()["content"] == "5 Use of our content"
    assert not [line for line in outcome.done if "removed" in line]
    assert [line for line in outcome.warnings if line.startswith("5 Use of our content: ")] == [
        "5 Use of our content: counsel took out the section's heading but not its clauses; "
        "a section keeps its heading while it has clauses, so it stays"]


@pytest.mark.slow
def test_a_lawyer_who_runs_two_clauses_into_one_paragraph(tmp_path):
    """Counsel types over the end of 4.6, the heading 4.7 and the start of its rules: the
    words typed stay, in 4.6 as in the reply (they went into 4.7, whose heading stayed)."""
    merged = ("Our confidentiality policy explains these kinds of information, and never "
              "paste them into a public AI tool.")
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "replace_through", "find": "Our confidentiality policy explains",
         "to": "into a public AI tool.", "text": merged}])
    listed, outcome = accept_all(workspace, reply)
    assert {(kind, clause_id) for kind, clause_id, _ in listed} == {
        ("deletion", "employees.confidential"), ("insertion", "employees.ai")}
    texts = clause_texts(workspace.document())
    assert merged in texts["employees.confidential"]
    assert "Do not use AI or editing tools" in texts["employees.confidential"]
    assert "employees.ai" not in workspace.document().clauses()
    workspace.export(tmp_path / "next.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "next.docx") == []


@pytest.mark.slow
def test_a_lawyer_who_types_line_breaks_in_the_escalation_chain(tmp_path):
    """Shift+Enter in two cells: before a second number, and alone in the middle of a cell.
    The one alone was listed with no words; both read as a space in the one-line answers."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "line_break", "find": "+1 555 0101", "text": "+1 555 0199 (mobile)"},
        {"op": "line_break", "find": "Any legal threat or"}])
    listed, _ = accept_all(workspace, reply)
    assert listed == {
        ("insertion", "responses.escalation", "+1 555 0199 (mobile)"),
        ("insertion", "responses.escalation",
         "\u21b5 (line break; the policy writes it as a space)")}
    first, second, _ = workspace.project.responses.escalation_chain
    assert first.contact == "+1 555 0101 +1 555 0199 (mobile)"
    assert second.when == "Any legal threat or possible crisis"
    assert workspace.project.wording == []  # the table still follows the answers


@pytest.mark.slow
@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "untracked"])
def test_a_lawyer_who_renumbers_headings_is_told_the_numbers_are_the_apps(tmp_path, tracked):
    """Counsel types new numbers over a clause's and a section's (the app numbers them): each
    was a deletion and an insertion that accepting called "already says this". Typed over
    from a heading's start with Track Changes off, LibreOffice drops the clause's bookmark:
    the heading is found by its title, so its clause keeps its text (it was read into the
    clause before, and accepting gave that one both and took this one out)."""
    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "track", "on": tracked},
        {"op": "replace", "find": "4.7", "text": "4.8"},
        {"op": "replace", "find": "6 Responding", "text": "7 Responding", "skip": 1}])
    texts = clause_texts(workspace.document())
    listed, outcome = accept_all(workspace, reply)
    said = "; the policy numbers its headings itself, so this is not taken"
    assert listed == {
        ("numbering change", "employees.ai",
         f'counsel changed the heading\'s number: "4.7" now reads "4.8"{said}'),
        ("numbering change", "responses",
         f'counsel changed the heading\'s number: "6" now reads "7"{said}')}
    assert len(outcome.done) == 2 and outcome.warnings == []
    assert workspace.project.wording == []
    assert clause_texts(workspace.document()) == texts
    headings = workspace.document().clauses()
    assert (headings["employees.ai"], headings["responses"]) == (
        "4.7 AI tools and fake images", "6 Responding to comments and handling a crisis")


@pytest.mark.slow
def test_a_heading_renumbered_without_tracking_whose_title_another_has_is_told(tmp_path):
    """Section 8 and a clause of the quick guide are both titled "Your rights": "9 Your
    rights", without its bookmark, is no heading's by its title alone, and nothing goes into
    the quick guide's clause. It stands where section 8's heading was, in its style: it is
    that heading, renumbered (it was listed as a line added to 7.5 and section 8 taken out)."""
    workspace, reply = play(tmp_path, "Tom Reed", [
        {"op": "track", "on": False},
        {"op": "replace", "find": "8 Your rights", "text": "9 Your rights", "skip": 1}])
    texts = clause_texts(workspace.document())
    listed, _ = accept_all(workspace, reply)
    assert listed == {("numbering change", "rights", 'counsel changed the heading\'s number: '
                       '"8" now reads "9"; the policy numbers its headings itself, so this is '
                       'not taken')}
    assert clause_texts(workspace.document()) == texts


@pytest.mark.slow
@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "untracked"])
def test_a_lawyer_who_takes_a_bullets_list_formatting_off_is_told_it_is_not_kept(
        tmp_path, tracked, capsys):
    """LibreOffice records no change for a bullet made a plain line, tracked or not (it
    writes numbering 0 over the list's style): the reply read as having "no changes or
    comments", and the next redline said "No changes since" with nothing said of it (found
    by a tester). It is named as the formatting change it is, not kept."""
    from smpolicy_desktop.cli import main
    from smpolicy_desktop.review import formatting_said

    workspace, reply = play(tmp_path, "Priya Shah", [
        {"op": "track", "on": tracked}, {"op": "unlist", "find": "Unreleased projects"}])
    read = workspace.read_reply(reply)
    said = "1 formatting change (list in 4.6 Confidential business information): not kept; " \
        "the policy sets its own formatting"
    assert read.items == [] and formatting_said(workspace.project, read) == said
    capsys.readouterr()
    assert main(["import-review", str(workspace.path), str(reply)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [said]
    assert workspace.project.employees.confidential_info[1] == "Unreleased projects"


@pytest.mark.slow
def test_a_lawyer_who_splits_a_paragraph_in_a_clean_copy(tmp_path, capsys):
    """Enter typed in the middle of 1.1's first paragraph with Track Changes off was listed
    as "the same words, as a list or table now, or no longer (its layout)" (found by a
    tester): it is the paragraph split in two, and accepted, each half is in the policy once."""
    from smpolicy_desktop.cli import main

    first = "Social media helps Northwind Analytics LLC reach clients, share our work and " \
        "find good people. It also moves fast."
    second = "One post can reach thousands of people in a few hours."
    workspace, reply = play(tmp_path, "Tom Reed", [
        {"op": "track", "on": False}, {"op": "split", "find": "It also moves fast."}])
    said = 'paragraph split in two after "...good people. It also moves fast."'
    capsys.readouterr()
    assert main(["import-review", str(workspace.path), str(reply)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        f"c1\tuntracked edit\t1.1 Why we have this policy\tcounsel\t{said}"]
    listed, _ = accept_all(workspace, reply)
    assert listed == {("untracked edit", "purpose.why", said)}
    wording, = workspace.project.wording
    assert wording.text.split("\n")[:2] == [first, second]
    exported = workspace.export(tmp_path / "next.docx")
    paragraphs = [p.text for p in docx.Document(exported).paragraphs]
    assert paragraphs.count(first) == paragraphs.count(second) == 1
    assert sum(second in text for text in paragraphs) == 1


@pytest.mark.slow
def test_a_late_reply_that_brings_back_the_old_company_name_waits_for_the_owner(
        tmp_path, capsys):
    """v1 sent, the company renamed and v2 sent, then counsel's reply to v1 adds a sentence
    naming the company as v1 did: accepted, it brought "Northwind Analytics LLC" back into
    the policy without a word (found by a tester). The reply says so; accepting all leaves
    that change open with a warning, and takes the rest; named by its id, it is taken."""
    from smpolicy_desktop.cli import main

    project_file, sent = export_for_counsel(tmp_path)
    workspace = Workspace.open(project_file)
    workspace.set_value(("company", "name"), "Harbor Lights Inc")
    workspace.export(tmp_path / "v2.docx", remember=True)
    workspace.save()
    lawyer(sent, tmp_path / "reply.docx", "Priya Shah", [
        {"op": "insert", "find": "may lead to discipline.",
         "text": " Northwind Analytics LLC decides."},
        {"op": "replace", "find": "reach clients", "text": "reach customers"}])
    back = 'the insertion "Northwind Analytics LLC decides."'
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(tmp_path / "reply.docx")]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        f'Made on v1, an older version: accepting {back} would bring back "Northwind '
        'Analytics LLC", the company\'s name then (it is "Harbor Lights Inc" now)')
    listed, outcome = accept_all(workspace, tmp_path / "reply.docx")
    assert outcome.warnings == [
        f'T{back[1:]}: counsel\'s reply was made on v1, an older version, and accepting this '
        'would bring back "Northwind Analytics LLC", the company\'s name then (it is "Harbor '
        'Lights Inc" now), so it is not taken; accept it again and choose to bring that name '
        'back, or make the change yourself']
    workspace.save()
    project = load_project(project_file)
    assert project.training.consequences == \
        "Coaching first; serious breaches may lead to discipline."
    text = "\n".join(p.text for p in docx.Document(workspace.export(
        tmp_path / "next.docx")).paragraphs)
    assert "Harbor Lights Inc reach customers" in text and "Northwind" not in text
    insertion = next(item.id for item in workspace.read_reply(tmp_path / "reply.docx").items
                     if "Northwind" in item.text)
    assert main(["import-review", str(project_file), str(tmp_path / "reply.docx"),
                 "--accept", insertion]) == 0
    assert load_project(project_file).training.consequences.endswith(
        "may lead to discipline. Northwind Analytics LLC decides.")
