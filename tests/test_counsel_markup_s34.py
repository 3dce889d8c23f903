"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, in LibreOffice through its UNO API (tests/lawyer_uno.py) or as
Word or Google Docs writes what they did: a clause retyped in one go, the owner taking counsel's new
words and keeping their own too; Google Docs' suggestions, signed "Unknown" or by no one, and
its comments, undated; a comment marked done in Word, kept as a note; Word's Compare
Documents, a clause's heading deleted with its end (its words read on in the clause before);
a whole clause cut and pasted elsewhere in LibreOffice, told as a move.
The owner sees each change as counsel saw it, where it is, and accepting puts counsel's words
where they belong.
"""

from __future__ import annotations

import pytest
from lxml import etree

from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.test_counsel_markup_s31 import accept, listed, rows, texts
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s32 import played
from tests.test_counsel_markup_s32c import LIBREOFFICE, WORK_TIME, WORK_TIME_WORDS
from tests.test_review_import import COUNSEL, _change, _mark_paragraph, _paragraph, _run, _split, w
from tests.test_review_other_editors import (
    _anchor,
    _comment,
    _relate,
    on_body,
    rewrite,
    xml_edit,
)
from tests.ui.test_review_panel import select, window_with_reply
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)

sent = example_sent  # the fixture: the example project, sent to counsel from the command line


# --- A clause retyped in one go, half of it taken -----------------------------------------------

BREAKS = "Use social media for personal reasons in your breaks."


@pytest.mark.slow
def test_a_retyped_clause_whose_new_words_alone_are_accepted(sent, tmp_path, capsys):
    """Counsel selects 4.3's words and types new ones over them; the owner accepts the new
    words and rejects the deletion, keeping both. They ran together, "on time.Use social
    media", in the policy: the old words' last sentence and counsel's first are apart."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "replace", "find": WORK_TIME_WORDS, "text": BREAKS}])
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", WORK_TIME, LIBREOFFICE, WORK_TIME_WORDS),
        ("insertion", WORK_TIME, LIBREOFFICE, BREAKS)]
    accept(capsys, project, reply, "--accept", "c2", "--reject", "c1")
    assert texts(project)["employees.personal_use"] == f"{WORK_TIME_WORDS} {BREAKS}"


# --- Google Docs' suggestions -------------------------------------------------------------------

def _suggested(change_id: int, tag: str, *children, author: str | None):
    """A suggestion as Google Docs exports it: no date, signed "Unknown" or by no one."""
    made = etree.Element(w(tag), {w("id"): str(change_id)})
    if author is not None:
        made.set(w("author"), author)
    made.extend(children)
    return made


def _google_suggestions(root) -> None:
    """"on a work computer" suggested away by "Unknown", "on a company laptop" suggested in
    by no one."""
    words = _paragraph(root, "well and on time.")
    _split(words, "on a work computer", lambda text: _suggested(
        5, "del", _run(text, deleted=True), author="Unknown"))
    words.find(w("del")).addnext(_suggested(6, "ins", _run("on a company laptop"), author=None))


def test_half_a_replacement_of_whole_words_keeps_the_words_apart(sent, tmp_path, capsys):
    """The owner takes counsel's "on a company laptop" and keeps their own "on a work
    computer" too: they ran together, "computeron a company laptop"."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_google_suggestions))
    accept(capsys, project, reply, "--accept", "c2", "--reject", "c1")
    assert texts(project)["employees.personal_use"] == WORK_TIME_WORDS.replace(
        "on a work computer", "on a work computer on a company laptop")


def test_google_docs_suggestions_signed_unknown_or_by_no_one(sent, tmp_path, capsys):
    """The deletion was listed as made by "Unknown", as if that were counsel's name, the
    insertion as made by counsel. Both are counsel's."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_google_suggestions))
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", WORK_TIME, "counsel", "on a work computer"),
        ("insertion", WORK_TIME, "counsel", "on a company laptop")]
    accept(capsys, project, reply)
    assert texts(project)["employees.personal_use"] == WORK_TIME_WORDS.replace(
        "on a work computer", "on a company laptop")


ACCOUNTS = "4.2 Your personal accounts"
HR = "Please check this with HR."


def _same_words_on_two_clauses(parts) -> None:
    """Counsel comments "Please check this with HR." on 4.2 and again on 4.3: Google Docs
    writes each comment with no date, signed "Unknown"."""
    def body(root) -> None:
        for comment_id, words in (("0", "We will never ask for your passwords"),
                                  ("1", "well and on time.")):
            paragraph = _paragraph(root, words)
            _anchor(paragraph, paragraph, comment_id)

    def comments(root) -> None:
        for comment_id in ("0", "1"):
            made = etree.SubElement(root, w("comment"), {
                w("id"): comment_id, w("author"): "Unknown", w("initials"): ""})
            etree.SubElement(made, w("p")).append(_run(HR))

    on_body(body)(parts)
    xml_edit("word/comments.xml", comments)(parts)


def test_google_docs_comments_alike_on_two_clauses_are_both_kept(sent, tmp_path, capsys):
    """Both were listed and both said "kept as a note", but one note was kept, on 4.2: the
    note on 4.3 was lost (two notes with no date were taken for the same one)."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _same_words_on_two_clauses)
    assert rows(listed(capsys, project, reply)) == [
        ("comment", ACCOUNTS, "counsel", HR), ("comment", WORK_TIME, "counsel", HR)]
    assert accept(capsys, project, reply)[:2] == [
        f"{ACCOUNTS}: kept as a note from counsel", f"{WORK_TIME}: kept as a note from counsel"]
    assert [(note.clause_id, note.text) for note in load_project(project).counsel_comments
            if note.text == HR] == [("employees.accounts", HR), ("employees.personal_use", HR)]
    accept(capsys, project, reply)  # the reply opened again: nothing kept twice
    assert len([note for note in load_project(project).counsel_comments
                if note.text == HR]) == 2


# --- A clause cut and pasted elsewhere in LibreOffice --------------------------------------------

JOBS = "4.14 Sharing job openings"


@pytest.mark.slow
def test_a_clause_cut_and_pasted_elsewhere_is_told_as_a_move(sent, tmp_path, capsys):
    """Counsel cuts 4.3, heading and words, and pastes it after 4.14, Track Changes on:
    LibreOffice writes a deletion and an insertion, listed as 4.3 taken out and a new clause
    of counsel's after 4.14; accepted, 4.3 was removed (its words no longer following the
    answers) and its words came back as a clause of the owner's own. It is told as Word's
    move of a whole clause is: four halves of a move, not taken, 4.3 whole where it was."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "paragraph", "find": "Send interested people to careers@", "text": WORK_TIME,
         "style": "Heading 2"},
        {"op": "paragraph", "find": WORK_TIME, "skip": 1, "text": WORK_TIME_WORDS},
        {"op": "delete_through", "find": WORK_TIME, "to": "4.4 Saying where"}])
    assert rows(listed(capsys, project, reply)) == [
        ("move", clause, LIBREOFFICE, words) for clause in (WORK_TIME, JOBS)
        for words in (WORK_TIME, WORK_TIME_WORDS)]
    assert accept(capsys, project, reply)[0] == (
        f"warning: {WORK_TIME}: counsel moved the whole clause, heading and all, after {JOBS}; "
        "the app keeps each clause in its own place, so the move is not taken and the clause "
        "stays where it was, whole (to have it there, add its words there as a rule of your "
        "own, and take them out here with Edit wording)")
    assert texts(project)["employees.personal_use"] == WORK_TIME_WORDS
    assert load_project(project).owner_clauses == []


# --- Word's Compare Documents: a heading deleted with its end -------------------------------------

def _work_time_heading_deleted(root) -> None:
    """Counsel, in the copy Word compares with the one sent, deleted the line "4.3 Social
    media during work time", its end with it: Compare writes its words and its paragraph mark
    deleted, so 4.3's words read on at the end of 4.2."""
    heading = _paragraph(root, WORK_TIME)
    for run in heading.findall(w("r")):
        run.find(w("t")).tag = w("delText")
        run.addprevious(_change("del", 21))
        run.getprevious().append(run)
    _mark_paragraph(heading, "del", 22)


def test_a_heading_deleted_with_its_end_says_where_the_words_went(sent, tmp_path, capsys):
    """Accepted, 4.3 was said "removed, as counsel deleted it", though its words were kept, at
    the end of 4.2: the owner looked for them in vain, or thought them gone."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_work_time_heading_deleted))
    assert rows(listed(capsys, project, reply)) == [("deletion", WORK_TIME, COUNSEL, WORK_TIME)]
    assert accept(capsys, project, reply)[:2] == [
        f"{WORK_TIME}: removed, as counsel deleted it; its words are now at the end of "
        f"{ACCOUNTS} (Revert to the generated wording brings it back)",
        f"{ACCOUNTS}: kept counsel's wording"]
    after = texts(project)
    assert "employees.personal_use" not in after
    assert after["employees.accounts"].endswith(f"shown us.\n{WORK_TIME_WORDS}")


# --- Counsel's notes, as the panel keeps them -----------------------------------------------------

W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
OHIO = "Is this fine for Ohio?"


def _resolved(parts) -> None:
    """Counsel comments on 4.3, then marks the comment done (Word's Resolve): Word writes
    w15:done="1" for it in commentsExtended."""
    def body(root) -> None:
        words = _paragraph(root, "well and on time.")
        _anchor(words, words, "70")

    def extended(parts) -> None:
        done = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
        etree.SubElement(done, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": "5000000A",
                                                       f"{{{W15}}}done": "1"})
        parts["word/commentsExtended.xml"] = etree.tostring(done)
        _relate(parts, "commentsExtended.xml",
                "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                "application/vnd.openxmlformats-officedocument.wordprocessingml."
                "commentsExtended+xml")

    on_body(body)(parts)
    xml_edit("word/comments.xml", lambda root: _comment(root, "70", [OHIO], ["5000000A"]))(parts)
    extended(parts)


def _note_kept(qtbot, make_window, project, reply, monkeypatch, words: str):  # noqa: F811
    """The Notes list's row for counsel's comment saying `words`, once accepted in the panel:
    (who, note)."""
    window = window_with_reply(qtbot, make_window, Workspace.open(project).project, reply,
                               monkeypatch)
    select(window, words)
    with qtbot.waitSignal(window.rendering.rendered):  # the notes follow the edit's render
        window.review_panel.accept_button.click()
    notes = window.review_panel.notes
    row = next(notes.topLevelItem(i) for i in range(notes.topLevelItemCount())
               if notes.topLevelItem(i).text(2).startswith(words))
    return row.text(1), row.text(2)


@pytest.mark.parametrize(("edit", "words", "who"), [
    (_resolved, OHIO, f"{COUNSEL} (resolved)"),
    (_same_words_on_two_clauses, HR, "counsel")], ids=["resolved", "google-unknown"])
def test_a_note_kept_says_who_and_whether_it_is_resolved(
        qtbot, make_window, sent, tmp_path, monkeypatch, edit, words, who):  # noqa: F811
    """A comment counsel marked done in Word was listed as "comment (resolved)", but kept in
    the notes as any open question was; a Google Docs comment was kept as "Unknown"'s."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", edit)
    assert _note_kept(qtbot, make_window, project, reply, monkeypatch, words)[0] == who
