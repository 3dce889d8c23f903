"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, as Word writes what they did (or in LibreOffice through its UNO
API, tests/lawyer_uno.py): symbols in a symbol font from AutoCorrect and Insert Symbol, a line
added to the acknowledgement's lines to sign on, a date written with its offset from UTC, a
comment and a drafting note on a clause counsel added, a content control left to fill in, a
comment on the whole policy, a sub-bullet, a screenshot pasted in a comment and a watermark.
The owner sees each change as counsel saw it, where it is, and accepting puts counsel's words
where they belong, or says why not.
"""

from __future__ import annotations

import copy
import shutil

import docx
import pytest
from lxml import etree

from smpolicy_desktop.cli import main
from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import REPO
from tests.test_counsel_markup_s31 import accept, listed, rows, texts
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s32 import played
from tests.test_counsel_markup_s32c import LIBREOFFICE
from tests.test_review_import import (
    COUNSEL,
    W,
    _change,
    _mark_paragraph,
    _new_paragraph,
    _paragraph,
    _run,
    items,
    w,
)
from tests.test_review_other_editors import (
    _anchor,
    _comment,
    _relate,
    element,
    on_body,
    rewrite,
    xml_edit,
)
from tests.ui.test_review_panel import select, window_with_reply
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)

sent = example_sent  # the fixture: the example project, sent to counsel from the command line

RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

WORK_TIME = "4.3 Social media during work time"
WORK_TIME_WORDS = ("You may use social media for personal reasons at work, on a work computer "
                   "or on your own phone. Just make sure your work gets done well and on time.")


# --- Symbols in a symbol font -----------------------------------------------------------------

def _symbols(root) -> None:
    """Counsel types "Breaks --> 30 min" (Word's AutoCorrect makes "-->" an arrow in the
    Wingdings font), and a "≥" and a tick from Insert Symbol (Symbol's and Wingdings'): Word
    writes each as a w:sym, the character's code in that font plus F000."""
    def sym(font: str, char: str):
        return element("r", element("sym", font=font, char=char))

    _paragraph(root, "well and on time.").append(_change(
        "ins", 990, _run(" Breaks "), sym("Wingdings", "F0E0"), _run(" "), sym("Symbol", "F0B3"),
        _run(" 30 minutes "), sym("Wingdings", "F0FC"), sym("Symbol", "-1")))  # damaged: none


def test_a_lawyer_whose_word_writes_symbols_in_a_symbol_font(sent, tmp_path, capsys):
    """The arrow, the "≥" and the tick read as characters of no font (U+F0E0, U+F0B3,
    U+F0FC): blank or a box in the review list, and in the policy once accepted."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_symbols))
    added = "Breaks \u2192 \u2265 30 minutes \u2714"
    assert rows(listed(capsys, project, reply)) == [("insertion", WORK_TIME, COUNSEL, added)]
    accept(capsys, project, reply)
    assert texts(project)["employees.personal_use"] == f"{WORK_TIME_WORDS} {added}"


# --- The acknowledgement's lines to sign on ---------------------------------------------------

def _job_title_line(root):
    return next(p for p in root.iter(w("p")) if "".join(p.itertext()) == "Job title"
                and p.find("w:pPr/w:pStyle", {"w": W}) is not None)


def _employee_id(root) -> None:
    """Counsel presses Enter after the "Job title" line of the acknowledgement and types
    "Employee ID": the new line is in the lines' style, its tab leader to sign on with."""
    added = _new_paragraph("Employee ID", "SignatureLine", 991)
    added.append(element("r", element("tab")))
    _job_title_line(root).addnext(added)


def _no_job_title(root) -> None:
    """Counsel deletes the "Job title" line, its end with it."""
    line = _job_title_line(root)
    for run in line.findall(w("r")):
        for node in run.iter(w("t")):
            node.tag = w("delText")
        deleted = _change("del", 993)
        run.addprevious(deleted)
        deleted.append(run)
    _mark_paragraph(line, "del", 994)


@pytest.mark.parametrize(("edit", "change", "lines"), [
    (_employee_id, ("insertion", "Employee ID"),
     ["Employee name", "Job title", "Employee ID", "Signature", "Date"]),
    (_no_job_title, ("deletion", "Job title"), ["Employee name", "Signature", "Date"])],
    ids=["added", "deleted"])
def test_a_lawyer_who_adds_or_deletes_a_line_to_sign_on(sent, tmp_path, capsys, edit, change,
                                                        lines):
    """A line counsel added was kept in the acknowledgement's words, but the next version
    sent to staff had it as a plain paragraph, with nowhere to write the ID; with one deleted,
    every line after it lost its line to sign on."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(edit))
    assert rows(listed(capsys, project, reply)) == [
        (change[0], "Appendix A: Employee acknowledgement", COUNSEL, change[1])]
    accept(capsys, project, reply)
    assert main(["export", str(project), "-o", str(tmp_path / "next.docx")]) == 0
    assert [p.text.strip() for p in docx.Document(str(tmp_path / "next.docx")).paragraphs
            if p.style.name == "Signature Line"] == lines


# --- Dates in another time zone ---------------------------------------------------------------

def test_a_change_dated_in_another_time_zone_is_dated_at_its_instant(sent, tmp_path, capsys,
                                                                     time_zone):
    """An editor that writes the author's clock with its offset (22:30 on 1 December in
    California, 06:30 on the 2nd in UTC) had the offset dropped: the change was listed as
    made on December 1, at 22:30 UTC, eight hours off. (On a computer in UTC.)"""
    time_zone("UTC")
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(lambda root: _paragraph(
        root, "well and on time.").append(_change(
            "ins", 992, _run(" Breaks are yours."), date="2026-12-01T22:30:00-08:00"))))
    assert [i["date"] for i in items(capsys, project, reply)] == ["2026-12-02T06:30:00+00:00"]
    assert f"{COUNSEL} December 2, 2026\tBreaks are yours." in listed(capsys, project, reply)[1]


# --- A comment on counsel's own new clause ----------------------------------------------------

AI_AT_WORK = "Ask your manager before you use a new AI tool for work."
AI_QUESTION = "Do you have an AI policy we could point to here?"


def _new_clause_with_a_comment(parts) -> None:
    """Counsel types a clause "4.15 Using AI at work" after 4.14, Track Changes on, and
    comments on its words."""
    def body(root) -> None:
        words = _new_paragraph(AI_AT_WORK, "", 1012)
        _paragraph(root, "Send interested people to careers@").addnext(words)
        words.addprevious(_new_paragraph("4.15 Using AI at work", "Heading2", 1010))
        words.find(w("ins")).addprevious(element("commentRangeStart", id="80"))
        words.extend([element("commentRangeEnd", id="80"),
                      element("r", element("commentReference", id="80"))])

    on_body(body)(parts)
    xml_edit("word/comments.xml", lambda root: _comment(root, "80", [AI_QUESTION],
                                                        ["3000000E"]))(parts)


def test_a_comment_on_counsels_new_clause_is_kept_on_that_clause(sent, tmp_path, capsys):
    """Accepted with the clause, the note was kept on 4.14, the clause before it, and said
    so: the owner looked for counsel's question beside the wrong clause."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _new_clause_with_a_comment)
    assert rows(listed(capsys, project, reply)) == [
        ("new clause", "4.14 Sharing job openings", COUNSEL,
         f"4.15 Using AI at work {AI_AT_WORK}"),
        ("comment", "4.14 Sharing job openings", COUNSEL, AI_QUESTION)]
    assert accept(capsys, project, reply)[:2] == [
        "Added 'Using AI at work' as a clause of your own",
        f"'Using AI at work': kept as a note from {COUNSEL}"]
    saved = load_project(project)
    own, = saved.owner_clauses
    assert [(note.clause_id, note.text) for note in saved.counsel_comments] == [
        (own.id, AI_QUESTION)]


DRAFTING_NOTE = "Drafting note: align with the IT acceptable use policy."


def _new_clause_with_a_drafting_note(how: str):
    """Counsel's new clause 4.15 as above, with a drafting note after its words: hidden text
    (Word's way for a note not printed), or a footnote."""
    def edit(parts) -> None:
        def body(root) -> None:
            words = _new_paragraph(AI_AT_WORK, "", 1012)
            _paragraph(root, "Send interested people to careers@").addnext(words)
            words.addprevious(_new_paragraph("4.15 Using AI at work", "Heading2", 1010))
            note = element("r", element("footnoteReference", id="1")) if how == "footnote" \
                else _run(f" {DRAFTING_NOTE}")
            if how == "hidden":
                note.insert(0, element("rPr", element("vanish")))
            words.find(w("ins")).append(note)

        on_body(body)(parts)
        if how == "footnote":
            notes = element("footnotes", element("footnote", element(
                "p", element("r", element("footnoteRef")), _run(f" {DRAFTING_NOTE}")), id="1"))
            parts["word/footnotes.xml"] = etree.tostring(notes)
            _relate(parts, "footnotes.xml", f"{RELATIONSHIPS}/footnotes", FOOTNOTES)
    return edit


@pytest.mark.parametrize(("how", "kind"), [("hidden", "hidden text"), ("footnote", "footnote")])
def test_a_drafting_note_in_counsels_new_clause_is_kept_on_that_clause(sent, tmp_path, capsys,
                                                                       how, kind):
    """As a comment there, the note was kept on 4.14, the clause before the new one."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _new_clause_with_a_drafting_note(how))
    assert rows(listed(capsys, project, reply)) == [
        ("new clause", "4.14 Sharing job openings", COUNSEL,
         f"4.15 Using AI at work {AI_AT_WORK}"),
        (kind, "4.14 Sharing job openings", COUNSEL, DRAFTING_NOTE)]
    assert accept(capsys, project, reply)[:2] == [
        "Added 'Using AI at work' as a clause of your own",
        f"'Using AI at work': kept as a note from {COUNSEL}"]
    saved = load_project(project)
    own, = saved.owner_clauses
    assert (own.text, [(note.clause_id, note.text) for note in saved.counsel_comments]) == (
        AI_AT_WORK, [(own.id, DRAFTING_NOTE)])


def in_the_window(qtbot, make_window, tmp_path, monkeypatch, edit):  # noqa: F811
    """The example project sent to counsel, in a window, the reply `edit` makes opened."""
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", tmp_path / "p.smpolicy")
    workspace = Workspace.open(tmp_path / "p.smpolicy")
    workspace.export(tmp_path / "sent.docx", remember=True)
    rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx", edit)
    return window_with_reply(qtbot, make_window, workspace.project, tmp_path / "reply.docx",
                             monkeypatch)


@pytest.mark.parametrize("clause_first", [True, False], ids=["clause-first", "comment-first"])
def test_a_comment_on_counsels_new_clause_accepted_in_the_panel(
        qtbot, make_window, tmp_path, monkeypatch, clause_first):  # noqa: F811
    """The clause and the comment accepted a click each, in either order: the notes show
    counsel's question beside the new clause (it was beside 4.14; with the comment taken
    first, it stayed there once the clause was added)."""
    window = in_the_window(qtbot, make_window, tmp_path, monkeypatch,
                           _new_clause_with_a_comment)
    panel = window.review_panel
    for words in ("4.15 Using AI at work", AI_QUESTION)[::1 if clause_first else -1]:
        select(window, words)
        panel.accept_button.click()
    qtbot.waitUntil(lambda: AI_AT_WORK in window.preview.toPlainText()
                    and AI_QUESTION in noted(panel))
    assert noted(panel)[AI_QUESTION] == "4.15 Using AI at work"


def noted(panel) -> dict[str, str]:
    """The review panel's notes: each note's words -> the clause it is shown beside."""
    rows = (panel.notes.topLevelItem(i) for i in range(panel.notes.topLevelItemCount()))
    return {row.text(2): row.text(0) for row in rows}


# --- A content control left for the client to fill in -----------------------------------------

CONTROL_HINT = "Click or tap here to enter text."


def _content_control(hint: str):
    """Counsel types "Breaks are agreed with ___." and, for the blank, inserts a content
    control (Developer > Plain Text), left showing its placeholder (Word's, or the firm's own
    in square brackets): Word writes the control as a w:sdt between the sentence's two
    insertions, its placeholder an insertion of its own inside it."""
    def edit(root) -> None:
        shown = _run(hint)
        shown.insert(0, element("rPr", element("rStyle", val="PlaceholderText")))
        _paragraph(root, "well and on time.").extend([
            _change("ins", 1020, _run(" Breaks are agreed with ")),
            element("sdt", element("sdtPr", element("id", val="1234"), element("showingPlcHdr")),
                    element("sdtContent", _change("ins", 1021, shown))),
            _change("ins", 1022, _run("."))])
    return edit


@pytest.mark.parametrize(("hint", "blank"), [(CONTROL_HINT, f"[{CONTROL_HINT}]"),
                                             ("[HR contact]", "[HR contact]")])
def test_a_lawyer_who_leaves_a_content_control_to_fill_in(sent, tmp_path, capsys, hint, blank):
    """One sentence was listed as three insertions, the control's placeholder one of them;
    accepting put "Breaks are agreed with Click or tap here to enter text.." in the policy
    for all staff to read, without a word. The sentence is one change, its blank in square
    brackets (once), and accepting it is told as a blank left to fill in."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_content_control(hint)))
    added = f"Breaks are agreed with {blank}."
    assert rows(listed(capsys, project, reply)) == [("insertion", WORK_TIME, COUNSEL, added)]
    assert accept(capsys, project, reply)[:2] == [
        f"{WORK_TIME}: kept counsel's wording",
        f'warning: {WORK_TIME}: counsel\'s words hold "{blank}", left for you to fill in; put '
        "your own words in its place before the policy goes out"]
    assert texts(project)["employees.personal_use"] == f"{WORK_TIME_WORDS} {added}"


# --- A comment on the whole policy ------------------------------------------------------------

OVERALL = "Overall this is in good shape; see my changes."
WHOLE_POLICY = "Social Media Policy to Appendix B: Quick guide, Not sure? (72 in all)"


def _comment_on_everything(parts) -> None:
    """Counsel selects all (Ctrl+A) and comments: the range runs from the title to the last
    line of Appendix B."""
    def body(root) -> None:
        worded = [p for p in root.iter(w("p")) if p.find(w("r")) is not None]
        _anchor(worded[0], worded[-1], "90")

    on_body(body)(parts)
    xml_edit("word/comments.xml", lambda root: _comment(root, "90", [OVERALL],
                                                        ["30000010"]))(parts)


def test_a_comment_on_the_whole_policy_names_where_it_runs(sent, tmp_path, capsys):
    """The comment's clause was every clause and heading it covers, one after another: a line
    of 2,100 characters before counsel's words."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _comment_on_everything)
    assert rows(listed(capsys, project, reply)) == [
        ("comment", WHOLE_POLICY, COUNSEL, OVERALL)]


def test_a_comment_on_the_whole_policy_in_the_panel(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """In the review list the comment was one row as tall as the list, the clauses' names
    wrapped in it and counsel's words out of sight; kept, it was as tall in the notes."""
    window = in_the_window(qtbot, make_window, tmp_path, monkeypatch, _comment_on_everything)
    assert select(window, OVERALL).text(0) == WHOLE_POLICY
    window.review_panel.accept_button.click()
    qtbot.waitUntil(lambda: OVERALL in noted(window.review_panel))
    assert noted(window.review_panel)[OVERALL] == WHOLE_POLICY


# --- A sub-bullet -----------------------------------------------------------------------------

CONFIDENTIAL = "4.6 Confidential business information"
EMAILS = "Including client emails and chat logs"


def _sub_bullet(root) -> None:
    """Counsel presses Enter after "Client files and client data", then Tab, and types: Word
    writes the new item in the list's style a level down (w:ilvl 1)."""
    item = _new_paragraph(EMAILS, "ListBullet", 1400)
    item.find("w:pPr/w:pStyle", {"w": W}).addnext(
        element("numPr", element("ilvl", val="1"), element("numId", val="1")))
    _paragraph(root, "Client files and client data").addnext(item)


def test_a_lawyer_who_adds_a_sub_bullet_is_told_it_is_one_more_item(sent, tmp_path, capsys):
    """Counsel's sub-bullet, meant as part of the item above it, became a kind of confidential
    information of its own (and of the quick guide's sentence), without a word: the
    policy's lists have one level. The owner is told its level is not kept."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_sub_bullet))
    lines = listed(capsys, project, reply)
    assert lines[1] == (f"1 formatting change (list level in {CONFIDENTIAL}): not kept; the "
                        "policy sets its own formatting")
    assert rows(lines) == [("insertion", CONFIDENTIAL, COUNSEL, EMAILS)]


@pytest.mark.slow
def test_a_lawyer_who_adds_a_sub_bullet_in_libreoffice(sent, tmp_path, capsys):
    """As in Word: LibreOffice writes the item a level down the same way."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "paragraph", "find": "Client files and client data", "text": EMAILS,
         "level": 1}])
    lines = listed(capsys, project, reply)
    assert lines[1] == (f"1 formatting change (list level in {CONFIDENTIAL}): not kept; the "
                        "policy sets its own formatting")
    assert rows(lines) == [("insertion", CONFIDENTIAL, LIBREOFFICE, EMAILS)]


# --- A picture in a comment -------------------------------------------------------------------

SCREENSHOT = "Screenshot of the NLRB's guidance on social media policies"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _screenshot_in_a_comment(parts) -> None:
    """Counsel comments on 4.3 with a screenshot pasted in, and no words: Word writes the
    picture in the comment's paragraph, its alt text in wp:docPr."""
    on_body(lambda root: _anchor(*[_paragraph(root, "well and on time.")] * 2, "95"))(parts)

    def comments(root) -> None:
        picture = element("drawing")
        etree.SubElement(etree.SubElement(picture, f"{{{WP}}}inline"), f"{{{WP}}}docPr",
                         id="1", name="Picture 1", descr=SCREENSHOT)
        root.append(element("comment", element("p", element("r", picture)), id="95",
                            author=COUNSEL, date="2026-12-01T11:00:00Z"))

    xml_edit("word/comments.xml", comments)(parts)


def test_a_comment_that_is_a_picture_says_so(sent, tmp_path, capsys):
    """The comment was listed with no words at all, and kept as an empty note."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _screenshot_in_a_comment)
    said = f"(picture: {SCREENSHOT}; open counsel's Word file to see it)"
    assert rows(listed(capsys, project, reply)) == [("comment", WORK_TIME, COUNSEL, said)]
    accept(capsys, project, reply)
    assert [note.text for note in load_project(project).counsel_comments] == [said]


# --- A watermark ------------------------------------------------------------------------------

VML = "urn:schemas-microsoft-com:vml"
PRIVILEGED = "PRIVILEGED & CONFIDENTIAL"


def _watermark(root) -> None:
    """Design > Watermark, "PRIVILEGED & CONFIDENTIAL": Word puts it in the page header, a
    VML shape whose words are on a text path, and does not track it."""
    shape = etree.Element(f"{{{VML}}}shape", id="PowerPlusWaterMarkObject1")
    etree.SubElement(shape, f"{{{VML}}}textpath", string=PRIVILEGED)
    next(root.iter(w("p"))).append(element("r", element("pict", shape)))


def test_a_lawyer_who_adds_a_watermark_is_told_it_is_not_kept(sent, tmp_path, capsys):
    """It was not listed at all ("no changes or comments"), as a picture in the policy's text
    is: the owner never knew counsel had marked the policy privileged."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", xml_edit("word/header1.xml",
                                                                 _watermark))
    assert rows(listed(capsys, project, reply)) == [
        ("picture", "(outside the clauses)", "counsel", PRIVILEGED)]
    assert accept(capsys, project, reply)[0] == (
        f'warning: The picture "{PRIVILEGED}": the policy holds text only, so the picture is '
        "not kept; add it to the Word file after you export it")


# --- The font changed all through --------------------------------------------------------------

def _garamond_everywhere(root) -> None:
    """Counsel selects all and sets the firm's font, Track Formatting on: a w:rPrChange on
    every run; and adds a sentence to 4.3."""
    for run in root.iter(w("r")):
        properties = run.find(w("rPr"))
        if properties is None:
            properties = element("rPr")
            run.insert(0, properties)
        was = copy.deepcopy(properties)
        properties.insert(0, element("rFonts", ascii="Garamond", hAnsi="Garamond"))
        properties.append(_change("rPrChange", 1500, was))
    _paragraph(root, "well and on time.").append(_change("ins", 1501, _run(" Breaks are yours.")))


def test_a_lawyer_who_changes_the_font_all_through(sent, tmp_path, capsys):
    """The formatting not kept was told clause by clause: a line of 2,700 characters, which
    in the review panel filled it and pushed the list of changes out of sight."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_garamond_everywhere))
    lines = listed(capsys, project, reply)
    assert lines[1] == (f"268 formatting changes (font in {WHOLE_POLICY}): not kept; the policy "
                        "sets its own formatting")
    assert rows(lines) == [("insertion", WORK_TIME, COUNSEL, "Breaks are yours.")]
