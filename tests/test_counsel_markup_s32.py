"""Lawyers with habits the earlier ones had not: each marks up the example project
(assets/examples/northwind.smpolicy) as sent with the command line, in LibreOffice through its
UNO API (tests/lawyer_uno.py) or as Word writes what LibreOffice cannot (text pasted from
another policy with its styles, tracked formatting, German and French quotes, a text box). The
owner sees each change where it is, and accepting puts counsel's words where they belong.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from smpolicy_desktop.cli import main
from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import REPO
from tests.test_counsel_markup_lawyers import lawyer
from tests.test_counsel_markup_s31 import accept, listed, rows, texts
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s31b import HOLDING_REWORDED, owners_redline
from tests.test_review_import import (
    COUNSEL,
    W,
    _change,
    _paragraph,
    _run,
    _split,
    marked_paragraphs,
    w,
)
from tests.test_review_other_editors import (
    _anchor,
    _comment,
    element,
    on_body,
    rewrite,
    xml_edit,
)
from tests.ui.test_review_panel import select, window_with_reply
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)

COMPANY = "Northwind Analytics LLC"
CITATION = "Stericycle, Inc., 372 NLRB No. 113 (2023)."
REVIEWS_RULE = "See 89 Fed. Reg. 68034 (Aug. 22, 2024)."

sent = example_sent  # the fixture: the example project, sent to counsel from the command line


def played(sent, tmp_path: Path, reviewer: str, edits: list[dict], source: Path | None = None
           ) -> Path:
    """The lawyer's reply to the file sent (or `source`), made in LibreOffice."""
    reply = tmp_path / "reply.docx"
    lawyer(source or sent[1], reply, reviewer, edits)
    return reply


def redline(project: Path) -> list[str]:
    """The paragraphs the next "changes since the last version" marks."""
    changes = project.with_name("changes.docx")
    assert main(["export", str(project), "-o", str(changes), "--changes-since-last"]) == 0
    return marked_paragraphs(changes)


# --- In LibreOffice -----------------------------------------------------------------------

ACCOUNTS = "4.2 Your personal accounts"
ACCOUNTS_NOW = ("We will not ask for access to your personal accounts, and we will not ask you "
                "to connect with a manager. If we investigate a complaint, we may ask about a "
                "post someone has shown us.")


@pytest.mark.slow
@pytest.mark.parametrize("decision", ["all", "deletion only"])
def test_a_lawyer_who_rewrites_a_whole_clause_as_one_deletion_and_one_insertion(
        sent, tmp_path, capsys, decision):
    """Both paragraphs of 4.2 selected and typed over: one deletion of both, one insertion.
    Accepted, the clause reads as counsel wrote it; the deletion alone leaves the heading with
    no words, the owner told how to bring them back, and the next redline shows counsel their
    words refused."""
    project, _ = sent
    reply = played(sent, tmp_path, "Margaret O'Brien", [
        {"op": "replace_through", "find": "We will never ask for your passwords",
         "to": "someone has shown us.", "text": ACCOUNTS_NOW}])
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", ACCOUNTS, "Margaret O'Brien",
         "We will never ask for your passwords or ask you to log in to your personal accounts "
         "in front of us. We will never ask you to add a manager as a friend or follower. If "
         "we are looking into a complaint, we may ask you about a post that someone has shown "
         "us."),
        ("insertion", ACCOUNTS, "Margaret O'Brien", ACCOUNTS_NOW)]
    if decision == "all":
        assert accept(capsys, project, reply)[0] == f"{ACCOUNTS}: kept counsel's wording"
        assert texts(project)["employees.accounts"] == ACCOUNTS_NOW
    else:
        assert accept(capsys, project, reply, "--accept", "c1", "--reject", "c2")[0] == (
            f"{ACCOUNTS}: its words removed, as counsel deleted them; its heading stays, as "
            "counsel left it (Revert to the generated wording brings the words back)")
        assert texts(project)["employees.accounts"] == ""
    # the next redline shows counsel what the owner took: nothing, or their words refused
    assert redline(project) == ([] if decision == "all" else [f"[-{ACCOUNTS_NOW}-]"])


@pytest.mark.slow
def test_a_lawyer_who_splits_one_bullet_in_two_and_joins_two_into_one(sent, tmp_path, capsys):
    """Enter typed inside a bullet of 2.4 (its second half then deleted), Delete pressed at
    the end of another (the next joins it), and Enter in 4.1's paragraph: the list is the
    answer as counsel left it, 4.1 two paragraphs."""
    project, _ = sent
    reply = played(sent, tmp_path, "Margaret O'Brien", [
        {"op": "split", "find": "How-to articles"},
        {"op": "delete", "find": " and short data tips"},
        {"op": "insert", "find": "Webinar dates and recordings", "text": ", and "},
        {"op": "join", "find": "Webinar dates and recordings"},
        {"op": "split", "find": "We trust you to use good sense online."}])
    publish = "2.4 What we publish"
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", publish, "Margaret O'Brien", "and short data tips"),
        ("insertion", publish, "Margaret O'Brien", "¶ (new paragraph)"),
        ("insertion", publish, "Margaret O'Brien", ", and"),
        ("deletion", publish, "Margaret O'Brien", "¶ (two paragraphs joined)"),
        ("insertion", "4.1 Our approach", "Margaret O'Brien", "¶ (new paragraph)")]
    assert accept(capsys, project, reply)[:2] == [
        f'{publish}: kept as your answer to "What we publish"',
        "4.1 Our approach: kept counsel's wording"]
    saved = load_project(project)
    assert saved.presence.we_publish == [
        "Case studies that clients have approved", "How-to articles",
        "Webinar dates and recordings, and Job openings and team news"]
    assert texts(project)["employees.approach"].startswith(
        "We trust you to use good sense online.\nThis section names")
    assert redline(project) == []


@pytest.mark.slow
def test_a_lawyer_who_adds_a_numbered_section_at_the_end(sent, tmp_path, capsys):
    """A Heading 1 after the last clause of section 9, a Heading 2 and a rule under it: a
    section 10 of the owner's own, before the appendices."""
    project, _ = sent
    reply = played(sent, tmp_path, "Margaret O'Brien", [
        {"op": "paragraph", "find": "We ask everyone to sign the acknowledgement form",
         "text": "Definitions", "style": "Heading 1"},
        {"op": "paragraph", "find": "Definitions", "text": "Terms we use", "style": "Heading 2"},
        {"op": "paragraph", "find": "Terms we use", "style": "Standard",
         "text": "Social media means any website or app where people share content."}])
    receive = "9.5 How you receive it"
    assert rows(listed(capsys, project, reply)) == [
        ("new clause", receive, "Margaret O'Brien", "Definitions"),
        ("new clause", receive, "Margaret O'Brien",
         "Terms we use Social media means any website or app where people share content.")]
    assert accept(capsys, project, reply)[:2] == [
        "Added 'Definitions' as a section of your own",
        "Added 'Terms we use' as a clause of your own"]
    headings = list(Workspace.open(project).document().clauses().values())
    at = headings.index("10 Definitions")
    assert headings[at - 1:at + 3] == [receive, "10 Definitions", "10.1 Terms we use",
                                       "Appendix A: Employee acknowledgement"]
    assert redline(project) == []


@pytest.mark.slow
def test_a_lawyer_who_edits_the_title_page(sent, tmp_path, capsys):
    """The company's name, the version, the effective date and the owner's job title typed
    over on the title page. The version and date become the answers; the owner is told to
    change the name and job title themselves, and only those (the version and date were named
    with them as not taken, and offered again each time the reply was read)."""
    project, _ = sent
    reply = played(sent, tmp_path, "Margaret O'Brien", [
        {"op": "replace", "find": COMPANY, "text": "Northwind Analytics Inc."},
        {"op": "replace", "find": "Version 1.1", "text": "Version 1.2"},
        {"op": "replace", "find": "effective March 1, 2026", "text": "effective April 1, 2026"},
        {"op": "replace", "find": "Policy owner: Dana Reyes, Managing Director",
         "text": "Policy owner: Dana Reyes, Chief Executive Officer"}])
    title = "Social Media Policy"
    assert [words for kind, clause, _, words in rows(listed(capsys, project, reply))
            if clause == title] == [
        COMPANY, "Northwind Analytics Inc.", "Version 1.1", "Version 1.2",
        "effective March 1, 2026", "effective April 1, 2026",
        "Policy owner: Dana Reyes, Managing Director",
        "Policy owner: Dana Reyes, Chief Executive Officer"]
    assert accept(capsys, project, reply)[:2] == [
        f'{title}: your answer to "Version" and "Effective date" changed with counsel\'s lines; '
        '"Appendix A: Employee acknowledgement" repeats it and changes with it',
        f'warning: The deletion "{COMPANY}" and the insertion "Northwind Analytics Inc." and '
        'the deletion "Policy owner: Dana Reyes, Managing Director" and the insertion "Policy '
        'owner: Dana Reyes, Chief Executive Officer": counsel changed text that is not in a '
        "clause (such as the title block); change the answers behind it yourself"]
    saved = load_project(project)
    assert (saved.company.version, str(saved.company.effective_date)) == ("1.2",
                                                                              "2026-04-01")
    assert (saved.company.name, saved.company.owner_title) == (COMPANY, "Managing Director")
    assert "Version 1.2, effective April 1, 2026" in texts(project)["title"]
    assert "(version 1.2)" in texts(project)["acknowledgement"]
    # read again, only the four not taken are still to decide
    assert [line.split("\t")[0] for line in listed(capsys, project, reply)
            if line.startswith("c") and "Accepted" not in line and "accepted" not in line] == [
        "c1", "c2", "c7", "c8"]


@pytest.mark.slow
def test_a_lawyer_who_changes_a_cell_of_the_response_table_and_adds_a_row(sent, tmp_path,
                                                                          capsys):
    """A cell typed over, words added in another cell and a row inserted in the middle of
    6.2's table: the table is the answer as counsel left it, row for row."""
    project, _ = sent
    row = ["Data request", "Do not reply in public; pass it to our lawyer",
           "Managing Director", "The same day"]
    reply = played(sent, tmp_path, "Margaret O'Brien", [
        {"op": "replace", "find": "Within four working hours", "text": "Within two working hours"},
        {"op": "insert_row", "find": "Legal threat", "cells": row},
        {"op": "insert", "find": "Correct the facts once, calmly", "text": " and politely"}])
    respond = "6.2 How we respond"
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", respond, "Margaret O'Brien", "Within four working hours"),
        ("insertion", respond, "Margaret O'Brien", "Within two working hours"),
        ("insertion", respond, "Margaret O'Brien", "and politely"),
        ("insertion", respond, "Margaret O'Brien", " | ".join(row))]
    assert accept(capsys, project, reply)[0] == \
        f'{respond}: kept as your answer to "Response matrix"'
    matrix = load_project(project).responses.response_matrix
    assert [r.situation for r in matrix].index("Data request") == \
        [r.situation for r in matrix].index("Legal threat") + 1
    assert next(r for r in matrix if r.situation == "Complaint").response_time == \
        "Within two working hours"
    assert next(r for r in matrix if r.situation == "Misinformation").action.startswith(
        "Correct the facts once, calmly and politely,")
    assert load_project(project).wording == []


@pytest.mark.slow
def test_a_lawyer_who_types_non_breaking_spaces_dashes_and_capitals(sent, tmp_path, capsys):
    """A phone number and a review cycle typed with non-breaking spaces, an email address with
    a non-breaking hyphen, en dashes, and DO NOT in capitals: the number, cycle and address are
    the answers as the policy writes them (plain spaces and hyphen); the capitals are
    counsel's wording."""
    project, _ = sent
    reply = played(sent, tmp_path, "Margaret O'Brien", [
        {"op": "replace", "find": "+1 614 555 0142", "text": "+1\u00a0614\u00a0555\u00a00143"},
        {"op": "replace", "find": "press@northwind-analytics.example",
         "text": "press@northwind\u2011analytics.example"},
        {"op": "insert", "find": "Send these questions to: Dana Reyes, Managing Director",
         "text": "\u00a0\u2013 or, if she is away, Sam Okafor \u2013"},
        {"op": "replace", "find": "every 12 months", "text": "every\u00a06\u00a0months"},
        {"op": "replace", "find": "Do not delete posts", "text": "DO NOT delete posts"}])
    listed(capsys, project, reply)
    assert accept(capsys, project, reply)[:4] == [
        "3.2 Questions from reporters and analysts: kept as your answer to \"Where media and "
        "analyst questions go\"; \"Appendix B: Quick guide, Do\" repeats it and changes with it",
        '6.3 Escalation chain: kept as your answer to "Escalation chain"',
        "6.5 First steps in a crisis: kept counsel's wording",
        '9.1 When we review it: kept as your answer to "Review every (months)"']
    saved = load_project(project)
    assert saved.responses.escalation_chain[0].contact == "+1 614 555 0143"
    assert saved.voice.media_contact == ("Dana Reyes, Managing Director \u2013 or, if she is "
                                           "away, Sam Okafor \u2013 "
                                           "(press@northwind-analytics.example)")
    assert saved.review.review_cycle_months == 6
    assert [w.clause_id for w in saved.wording] == ["responses.first_steps"]


@pytest.mark.slow
def test_a_lawyer_who_adds_footnotes_in_libreoffice(sent, tmp_path, capsys):
    """A footnote on a sentence counsel adds and one on words already there: each citation is
    listed in its clause and kept as counsel's note; the sentence is counsel's wording and the
    clause with only a footnote keeps its words."""
    project, _ = sent
    reply = played(sent, tmp_path, "Tomás Ruiz", [
        {"op": "insert", "find": "in a way that limits these rights.",
         "text": " The NLRB reads work rules this way."},
        {"op": "footnote", "find": "The NLRB reads work rules this way.", "text": CITATION},
        {"op": "footnote", "find": "(16 CFR Part 465)", "text": REVIEWS_RULE}])
    rights, reviews = "8.1 Your right to talk about work", "2.6 Honest numbers and reviews"
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", rights, "Tomás Ruiz", "The NLRB reads work rules this way."),
        ("footnote", reviews, "Tomás Ruiz", REVIEWS_RULE),
        ("footnote", rights, "Tomás Ruiz", CITATION)]
    before = texts(project)["presence.honest"]
    accept(capsys, project, reply)
    assert {(note.clause_id, note.text) for note in load_project(project).counsel_comments} \
        == {("rights.labor_law", CITATION), ("presence.honest", REVIEWS_RULE)}
    assert texts(project)["rights.labor_law"].endswith(
        "in a way that limits these rights. The NLRB reads work rules this way.")
    assert texts(project)["presence.honest"] == before


@pytest.mark.slow
def test_a_lawyer_who_redlines_by_hand_striking_out_with_track_changes_off(sent, tmp_path,
                                                                         capsys):
    """An old-school redline: Track Changes off, the words taken out struck through, new ones
    typed beside. The struck words were read as still there: no change at all for a struck
    bullet, and accepting the sentence typed beside the struck one kept both. Now the struck
    words are taken out with the edit of their clause, the bullet leaves the answer."""
    project, _ = sent
    politics = "Views on party politics or elections"
    reply = played(sent, tmp_path, "Arthur Pendleton", [
        {"op": "track", "on": False},
        {"op": "insert", "find": "well and on time.", "text": " Keep it brief."},
        {"op": "strike", "find": " Just make sure your work gets done well and on time."},
        {"op": "strike", "find": politics}])
    assert rows(listed(capsys, project, reply)) == [
        ("untracked edit", "2.5 What we never publish", "counsel", f"taken out: {politics}"),
        ("untracked edit", "4.3 Social media during work time", "counsel",
         '"Just make sure your work gets done well and on time" now reads "Keep it brief"')]
    assert accept(capsys, project, reply)[:2] == [
        '2.5 What we never publish: kept as your answer to "What we never publish"',
        "4.3 Social media during work time: kept counsel's wording"]
    assert politics not in load_project(project).presence.we_never_publish
    assert texts(project)["employees.personal_use"] == (
        "You may use social media for personal reasons at work, on a work computer or on your "
        "own phone. Keep it brief.")
    assert redline(project) == []


@pytest.mark.slow
def test_a_lawyer_who_edits_inside_the_owners_changes(sent, tmp_path, capsys):
    """The owner changed two answers and sent "changes since the last version"; counsel types
    inside the owner's inserted words (Word and LibreOffice nest her deletion in the owner's
    insertion). Only counsel's edits are offered, and accepting them gives the answers as
    counsel left them, the owner's words around them kept."""
    project, _ = sent
    reply = played(sent, tmp_path, "Ingrid Sørensen", [
        {"op": "replace", "find": "aware", "text": "fully aware"},
        {"op": "replace", "find": "three times", "text": "four times"}],
        source=owners_redline(project))
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", "6.1 Watching our accounts", "Ingrid Sørensen", "three times"),
        ("insertion", "6.1 Watching our accounts", "Ingrid Sørensen", "four times"),
        ("deletion", "6.6 Holding statement", "Ingrid Sørensen", "aware"),
        ("insertion", "6.6 Holding statement", "Ingrid Sørensen", "fully aware")]
    accept(capsys, project, reply)
    saved = load_project(project)
    assert saved.responses.holding_statement == HOLDING_REWORDED.replace("aware",
                                                                           "fully aware")
    assert saved.responses.monitor_frequency == (
        "Four times each working day, and once on weekends during a campaign")
    assert saved.wording == []


# --- As Word writes it ----------------------------------------------------------------------



OTHER_POLICYS_STYLES = [f'<w:style xmlns:w="{W}" w:type="paragraph" {style}</w:style>'
                        for style in (
    'w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>',
    'w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr>',
    # its clause headings: outline level 2, as Word's navigation pane shows them
    'w:styleId="PolicyHeading2"><w:name w:val="Policy Heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="BodyText"/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>'
    '<w:rPr><w:b/><w:sz w:val="26"/></w:rPr>')]
OTHER_POLICYS_BULLETS = (
    f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u25aa"/><w:lvlJc w:val="left"/>'
    '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl>'
    '</w:abstractNum>')


def _pasted(style: str, change_id: int, *runs, bullet: bool = False):
    """A paragraph pasted with its own style, font and colour, a bookmark of the policy it came
    from around it, its mark and words counsel's insertion."""
    properties = element("pPr", element("pStyle", val=style))
    if bullet:
        properties.append(element("numPr", element("ilvl", val="0"), element("numId", val="77")))
    properties.append(element("rPr", _change("ins", change_id)))
    inserted = _change("ins", change_id + 1, *(_run(piece) if isinstance(piece, str) else piece
                                               for piece in runs))
    for run in inserted:
        run.insert(0, element("rPr", element("rFonts", ascii="Calibri", hAnsi="Calibri"),
                              element("color", val="1F3864")))
    return element("p", properties, element("bookmarkStart", id=str(change_id),
                                            name=f"_Toc{change_id}"),
                   inserted, element("bookmarkEnd", id=str(change_id)))


def _pasted_from_another_policy(parts) -> None:
    """Counsel pastes from another client's policy: a bullet in "List Paragraph" with its own
    list, a sentence in "Body Text" (with a smart tag and a soft hyphen), and a whole clause
    whose heading is in that policy's "Policy Heading 2"."""
    xml_edit("word/styles.xml", lambda root: root.extend(
        etree.fromstring(style) for style in OTHER_POLICYS_STYLES))(parts)

    def numbering(root) -> None:
        root.find(w("num")).addprevious(etree.fromstring(OTHER_POLICYS_BULLETS))
        root.append(element("num", element("abstractNumId", val="77"), numId="77"))

    xml_edit("word/numbering.xml", numbering)(parts)

    def body(root) -> None:
        _paragraph(root, "Client contracts, prices and bids").addnext(_pasted(
            "ListParagraph", 910, "Personal data of staff and job applicants", bullet=True))
        smart = element("smartTag", _run("Friday"))
        smart.set(w("element"), "date")
        soft = element("r", element("t"), element("softHyphen"), element("t"))
        soft[0].text, soft[2].text = "lunch", "time"
        _paragraph(root, "Just make sure your work gets done").addnext(_pasted(
            "BodyText", 920, "Personal browsing is fine at ", soft, " and on ", smart,
            " afternoons."))
        last = _paragraph(root, "or refer them through the referral form")
        last.addnext(_pasted("BodyText", 940, "What you do in your own time is your own "
                                              "business, unless it harms our clients."))
        last.addnext(_pasted("PolicyHeading2", 930, "Off-duty conduct"))

    on_body(body)(parts)


def test_a_lawyer_who_pastes_from_another_policy(sent, tmp_path, capsys):
    """The bullet is one more answer, the sentence counsel's wording, and the clause in the
    other policy's heading style a clause of the owner's own (it was read as two lines of 4.14,
    and accepting put "Off-duty conduct" into the answer on job posts)."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _pasted_from_another_policy)
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", "4.3 Social media during work time", COUNSEL,
         "Personal browsing is fine at lunchtime and on Friday afternoons."),
        ("insertion", "4.6 Confidential business information", COUNSEL,
         "Personal data of staff and job applicants"),
        ("new clause", "4.14 Sharing job openings", COUNSEL, "Off-duty conduct What you do in "
         "your own time is your own business, unless it harms our clients.")]
    said = accept(capsys, project, reply)
    assert said[:3] == [
        "4.3 Social media during work time: kept counsel's wording",
        '4.6 Confidential business information: kept as your answer to "What counts as '
        'confidential"; "Appendix B: Quick guide, Don\'t" repeats it and changes with it',
        "Added 'Off-duty conduct' as a clause of your own"]
    saved = load_project(project)
    assert saved.employees.confidential_info[-1] == "Personal data of staff and job applicants"
    clause, = saved.owner_clauses
    assert (clause.title, clause.after, clause.text) == (
        "Off-duty conduct", "employees.recruiting",
        "What you do in your own time is your own business, unless it harms our clients.")
    assert "Off-duty" not in saved.employees.recruiting_posts


TITLE_VII = " These grounds are protected by Title VII, other federal laws and state laws."


def _formatted(root) -> None:
    """A paragraph restyled as a heading, words underlined and in capitals, a sentence struck
    through, each a tracked formatting change, and a sentence added beside them."""
    _paragraph(root, "Our anti-harassment policy applies online").insert(0, element(
        "pPr", element("pStyle", val="Heading2"), _change("pPrChange", 950, element("pPr"))))
    bully = _paragraph(root, "Do not use social media to harass")
    for words, marks, change_id in (("harass, threaten or bully", ("u", "caps"), 951),
                                    (TITLE_VII, ("strike",), 953)):
        _split(_paragraph(root, words), words, lambda text, marks=marks, at=change_id: element(
            "r", element("rPr", *(element(mark) for mark in marks),
                         _change("rPrChange", at, element("rPr"))), _run(text)[0]))
    bully.append(_change("ins", 952, _run(" This includes private messages.")))


def test_a_lawyer_who_tracks_formatting_beside_words(sent, tmp_path, capsys):
    """The formatting is said in one line, not kept; the sentence is offered and taken, and the
    paragraph made a heading stays a line of 4.9. The sentence struck through is taken out
    with the owner's accepting it (it was "strikethrough: not kept" beside the formatting, and
    the words stayed)."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_formatted))
    respect = "4.9 Harassment, threats and discrimination"
    lines = listed(capsys, project, reply)
    assert lines[1] == (f"2 formatting changes (capitals and paragraph style and underline in "
                        f"{respect}): not kept; the policy sets its own formatting")
    assert rows(lines) == [
        ("insertion", respect, COUNSEL, "This includes private messages."),
        ("untracked edit", respect, "counsel", f"taken out: {TITLE_VII.strip()}")]
    assert accept(capsys, project, reply)[1] == f"{respect}: kept counsel's wording"
    kept = texts(project)["employees.respect"]
    assert "anyone else. This includes private messages.\n" in kept
    assert "Title VII" not in kept
    assert kept.endswith("Our anti-harassment policy applies online just as it does at work.")


NOTE_TO_CLIENT = "NOTE TO CLIENT: confirm which AI tools staff use."
TEXT_BOX = (  # as Word writes a text box: once for Word 2010 on, once (VML) for older readers
    f'<w:r xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">'
    '<w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
    f'<w:txbxContent><w:p><w:r><w:t>{NOTE_TO_CLIENT}</w:t></w:r></w:p></w:txbxContent>'
    '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape id="Text Box 5"><v:textbox><w:txbxContent><w:p><w:r>'
    f'<w:t>{NOTE_TO_CLIENT}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
    '</mc:Fallback></mc:AlternateContent></w:r>')


DRAFTING_NOTE = "[Drafting note: the TAKE IT DOWN Act's deadlines start in May 2026.]"


def _notes_to_the_client(root) -> None:
    """A text box counsel draws beside 4.7's first rule, a sentence added to that rule, and a
    drafting note in hidden text after the second (Word neither shows nor prints it)."""
    rule = _paragraph(root, "into a public AI tool")
    rule.append(_change("ins", 960, etree.fromstring(TEXT_BOX)))
    rule.append(_change("ins", 961, _run(" Ask IT which tools are approved.")))
    hidden = _run(f" {DRAFTING_NOTE}")
    hidden.insert(0, element("rPr", element("vanish")))
    _paragraph(root, "a federal crime").append(_change("ins", 962, hidden))


def test_a_lawyer_who_writes_to_the_client_in_a_text_box_and_hidden_text(sent, tmp_path,
                                                                         capsys):
    """The box's words and the hidden drafting note are counsel's notes on 4.7, not words of
    the policy (the box was listed as a picture "Text Box 5", and its words, like the hidden
    note, as lines that accepting put in the policy for all staff to read); the sentence beside
    the box is counsel's wording."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_notes_to_the_client))
    ai = "4.7 AI tools and fake images"
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", ai, COUNSEL, "Ask IT which tools are approved."),
        ("text box", ai, COUNSEL, NOTE_TO_CLIENT),
        ("hidden text", ai, COUNSEL, DRAFTING_NOTE)]
    assert accept(capsys, project, reply)[:3] == [f"{ai}: kept counsel's wording",
                                                  f"{ai}: kept as a note from {COUNSEL}",
                                                  f"{ai}: kept as a note from {COUNSEL}"]
    assert texts(project)["employees.ai"] == (
        "Do not paste confidential business information or anyone's personal details into a "
        "public AI tool. Ask IT which tools are approved.\nDo not use AI or editing tools to "
        "fake a real person's face or voice in a picture, video or recording, unless that "
        "person has agreed. Sharing fake intimate images of a real person is a federal crime "
        "(the TAKE IT DOWN Act of 2025).")
    assert [(note.clause_id, note.text) for note in load_project(project).counsel_comments] == [
        ("employees.ai", NOTE_TO_CLIENT), ("employees.ai", DRAFTING_NOTE)]


def _comments_on_the_title_and_the_contents(parts) -> None:
    def anchors(root) -> None:
        for comment_id, words in (("70", "Social Media Policy"), ("71", "Contents")):
            line = next(p for p in root.iter(w("p")) if "".join(p.itertext()) == words)
            _anchor(line, line, comment_id)

    on_body(anchors)(parts)
    comments = etree.fromstring(parts["word/comments.xml"])
    _comment(comments, "70", ["Should the title name the company?"], ["4000000A"])
    _comment(comments, "71", ["Add page numbers to the contents."], ["4000000B"])
    parts["word/comments.xml"] = etree.tostring(comments)


def test_a_lawyer_who_comments_on_the_title_and_the_contents(sent, tmp_path, capsys):
    """A comment on the contents list, which is in no clause, is named by its words when kept
    (it was "c2: kept as a note", an id the window never shows)."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _comments_on_the_title_and_the_contents)
    assert rows(listed(capsys, project, reply)) == [
        ("comment", "Social Media Policy", COUNSEL, "Should the title name the company?"),
        ("comment", "(outside the clauses)", COUNSEL, "Add page numbers to the contents.")]
    assert accept(capsys, project, reply)[:2] == [
        f"Social Media Policy: kept as a note from {COUNSEL}",
        f'The comment "Add page numbers to the contents.": kept as a note from {COUNSEL}']
    assert [(note.clause_id, note.text) for note in load_project(project).counsel_comments] == [
        ("title", "Should the title name the company?"),
        ("", "Add page numbers to the contents.")]


def _quoted_as(opening: str, closing: str):
    def edit(root) -> None:
        note = _paragraph(root, 'for example: "Views are my own."')
        _split(note, '"Views are my own."', lambda text: _change("del", 901, _run(
            text, deleted=True)))
        note.find(w("del")).addnext(_change("ins", 902, _run(
            f"{opening}Opinions are my own.{closing}")))
    return on_body(edit)


@pytest.mark.parametrize(("lawyer_name", "opening", "closing"), [
    ("Jürgen Weiß", "\u201e", "\u201c"),  # German Word: „…“
    ("Élodie Lefèvre", "\u00ab\u202f", "\u202f\u00bb"),  # French Word: « … », narrow spaces
])
def test_a_lawyer_whose_word_types_german_or_french_quotes(sent, tmp_path, capsys,
                                                           lawyer_name, opening, closing):
    """„Opinions are my own.“ or « Opinions are my own. » typed over the example note froze
    4.4 as counsel's wording, and the quick guide went on saying "Views are my own.": the note
    is the answer now, in the policy's quotes, and the next redline shows no change of the
    owner's."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _quoted_as(opening, closing),
                    xml_edit("word/document.xml", lambda root: [
                        change.set(w("author"), lawyer_name)
                        for change in root.iter(w("ins"), w("del"))]))
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", "4.4 Saying where you work", lawyer_name, '"Views are my own."'),
        ("insertion", "4.4 Saying where you work", lawyer_name,  # spaces listed as spaces
         f"{opening}Opinions are my own.{closing}".replace("\u202f", " "))]
    assert accept(capsys, project, reply)[0] == (
        '4.4 Saying where you work: kept as your answer to "Suggested wording of the note"; '
        '"Appendix B: Quick guide, Do" repeats it and changes with it')
    saved = load_project(project)
    assert saved.employees.disclaimer_text == "Opinions are my own."
    assert saved.wording == []
    assert 'such as "Opinions are my own."' in texts(project)["quick_guide.do"]
    assert redline(project) == []


def test_the_pasted_clause_and_german_quotes_as_the_owner_sees_them(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """In the review panel: the clause pasted in the other policy's heading style is a new
    clause, accepted it is 4.15 in the preview; the German quotes accepted give the note in
    the policy's quotes, in 4.4 and the quick guide alike."""
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", tmp_path / "p.smpolicy")
    workspace = Workspace.open(tmp_path / "p.smpolicy")
    workspace.export(tmp_path / "sent.docx", remember=True)
    rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx", _pasted_from_another_policy,
            _quoted_as("\u201e", "\u201c"))
    window = window_with_reply(qtbot, make_window, workspace.project, tmp_path / "reply.docx",
                               monkeypatch)
    panel = window.review_panel
    assert panel.items.topLevelItemCount() == 5
    row = select(window, "Off-duty conduct")
    assert (row.text(0), row.text(1), row.text(2)) == ("4.14 Sharing job openings",
                                                       "new clause", COUNSEL)
    panel.accept_button.click()
    qtbot.waitUntil(lambda: "4.15 Off-duty conduct\nWhat you do in your own time" in
                    window.preview.toPlainText())
    assert "Added 'Off-duty conduct' as a clause of your own" in panel.outcome.text()
    select(window, "\u201eOpinions are my own.\u201c")
    panel.accept_button.click()
    select(window, '"Views are my own."')
    panel.accept_button.click()
    qtbot.waitUntil(lambda: window.preview.toPlainText().count('"Opinions are my own."') == 2)
    assert "\u201e" not in window.preview.toPlainText()
    assert window.model.project.employees.disclaimer_text == "Opinions are my own."


def _title_page_retyped(root) -> None:
    """The version and the company's name on the title page typed over, as Word writes it."""
    for line, old, new, change_id in (
            ("effective March 1, 2026", "Version 1.1", "Version 1.2", 990),
            (COMPANY, COMPANY, "Northwind Analytics Inc.", 992)):
        subtitle = next(p for p in root.iter(w("p")) if line in "".join(p.itertext()))
        _split(subtitle, old, lambda text, at=change_id: _change("del", at, _run(
            text, deleted=True)))
        subtitle.find(w("del")).addnext(_change("ins", change_id + 1, _run(new)))


def test_half_a_retyped_title_page_line_accepted_in_the_panel_takes_the_whole_line(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """Accepting the new version alone ran both into the answer, "1.1Version 1.2", on the title
    page and in the acknowledgement: its deletion is accepted with it, as a retyped heading's
    is. The company's name typed over there is told as not taken and stays open."""
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", tmp_path / "p.smpolicy")
    workspace = Workspace.open(tmp_path / "p.smpolicy")
    workspace.export(tmp_path / "sent.docx", remember=True)
    rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx", on_body(_title_page_retyped))
    window = window_with_reply(qtbot, make_window, workspace.project, tmp_path / "reply.docx",
                               monkeypatch)
    panel = window.review_panel
    select(window, "Version 1.2")
    panel.accept_button.click()
    qtbot.waitUntil(lambda: "Version 1.2, effective March 1, 2026" in
                    window.preview.toPlainText())
    assert "(version 1.2)" in window.preview.toPlainText()
    assert window.model.project.company.version == "1.2"
    assert [select(window, words).text(1) for words in ("Version 1.1", "Version 1.2")] == [
        "deletion - Accepted", "insertion - Accepted"]
    select(window, "Northwind Analytics Inc.")
    panel.accept_button.click()
    assert panel.outcome.text().endswith(
        "counsel changed text that is not in a clause (such as the title block); change the "
        "answers behind it yourself.")
    assert select(window, "Northwind Analytics Inc.").text(1) == "insertion"
    assert window.model.project.company.name == COMPANY
