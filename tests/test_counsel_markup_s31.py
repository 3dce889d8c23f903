"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line: in LibreOffice through its UNO API (tests/lawyer_uno.py), or as
Word writes what LibreOffice cannot make (a firm's own heading style, typographic quotes, a
cross-reference, a move between two lists). The owner sees each change and comment, and
accepting them puts counsel's words in the answers they belong to.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from lxml import etree

from smpolicy_desktop.cli import main
from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.workspace import Workspace
from tests.conftest import REPO
from tests.test_counsel_markup_lawyers import lawyer
from tests.test_review_import import (
    COUNSEL,
    W,
    _change,
    _new_paragraph,
    _paragraph,
    _run,
    _split,
    marked_paragraphs,
    w,
)
from tests.test_review_other_editors import _field, _move, element, on_body, rewrite, xml_edit

COMPANY = "Northwind Analytics LLC"


@pytest.fixture
def sent(tmp_path) -> tuple[Path, Path]:
    """The example project, sent to counsel from the command line: (project, the .docx)."""
    project = tmp_path / "northwind.smpolicy"
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", project)
    assert main(["export", str(project), "-o", str(tmp_path / "sent.docx"), "--remember"]) == 0
    return project, tmp_path / "sent.docx"


def listed(capsys, project: Path, reply: Path) -> list[str]:
    """What `import-review` prints: its heading, then a line per change and comment."""
    capsys.readouterr()
    assert main(["import-review", str(project), str(reply)]) == 0
    return capsys.readouterr().out.splitlines()


def rows(lines: list[str]) -> list[tuple[str, ...]]:
    """(kind, clause, author, words) of each change and comment listed (the date left out)."""
    return [(kind, clause, who.split(" December")[0].split(" 20")[0], words)
            for line in lines if line.startswith("c")
            for _, kind, clause, who, words in [line.split("\t")]]


def accept(capsys, project: Path, reply: Path, *decisions: str) -> list[str]:
    """`import-review` deciding (`--accept all` unless told): the lines it says after the list."""
    capsys.readouterr()
    assert main(["import-review", str(project), str(reply),
                 *(decisions or ("--accept", "all"))]) == 0
    return [line for line in capsys.readouterr().out.splitlines()
            if not line.startswith(("c", str(reply)))]


def texts(project: Path) -> dict[str, str]:
    return clause_texts(Workspace.open(project).document())


# --- In LibreOffice -----------------------------------------------------------------------

@pytest.mark.slow
def test_a_lawyer_who_renames_the_company_with_replace_all(sent, tmp_path, capsys):
    """Find & Replace's Replace All, Track Changes on, and a bold added on the way: each place
    is listed, the bold in one line as not kept, and accepting all renames the company (every
    clause still following its answers, the footer and acknowledgement with it)."""
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    lawyer(sent_docx, reply, "Priya Shah", [
        {"op": "replace_all", "find": COMPANY, "text": "Northwind Analytics, Inc."},
        {"op": "bold", "find": "two-factor sign-in"}])
    lines = listed(capsys, project, reply)
    assert lines[0].endswith("32 changes")
    assert lines[1] == ("1 formatting change (bold in 2.9 Keeping our accounts safe): not kept; "
                        "the policy sets its own formatting")
    places = rows(lines)
    assert {kind for kind, *_ in places} == {"deletion", "insertion"}
    assert {words for *_, words in places} == {COMPANY, "Northwind Analytics, Inc."}
    assert {clause for _, clause, _, _ in places} >= {
        "Social Media Policy", "1.1 Why we have this policy", "4.12 When you see criticism of us",
        "Appendix A: Employee acknowledgement", "Appendix B: Quick guide, Don't"}
    assert accept(capsys, project, reply)[1:] == [  # after the formatting line
        'The company\'s name: now "Northwind Analytics, Inc.", as counsel wrote it everywhere',
        f"Saved {project}"]
    workspace = Workspace.open(project)
    assert workspace.project.company.name == "Northwind Analytics, Inc."
    assert workspace.project.wording == []
    exported = workspace.export(tmp_path / "next.docx")
    footer = "".join(p.text for s in docx.Document(exported).sections for p in s.footer.paragraphs)
    assert "Northwind Analytics, Inc." in footer and COMPANY not in footer


@pytest.mark.slow
def test_a_lawyer_who_changes_the_dates(sent, tmp_path, capsys):
    """The review date replaced wherever it is, and the date of the law typed over: the
    review date is the answer (so the reminder follows it), the other the clause's words."""
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    lawyer(sent_docx, reply, "Priya Shah", [
        {"op": "replace_all", "find": "March 1, 2027", "text": "January 15, 2027"},
        {"op": "replace", "find": "as it stood on December 2, 2026",
         "text": "as it stood on January 5, 2027"}])
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", "1.3 The law this policy follows", "Priya Shah",
         "as it stood on December 2, 2026"),
        ("insertion", "1.3 The law this policy follows", "Priya Shah",
         "as it stood on January 5, 2027"),
        ("deletion", "9.1 When we review it", "Priya Shah", "March 1, 2027"),
        ("insertion", "9.1 When we review it", "Priya Shah", "January 15, 2027")]
    assert accept(capsys, project, reply)[:2] == [
        "1.3 The law this policy follows: kept counsel's wording",
        '9.1 When we review it: kept as your answer to "Next review date"']
    workspace = Workspace.open(project)
    assert str(workspace.project.review.next_review_date) == "2027-01-15"
    assert [w.clause_id for w in workspace.project.wording] == ["purpose.law"]


TWO_REVIEWERS = [
    ("Priya Shah", [
        {"op": "insert", "find": "the people who run our accounts.",
         "text": " Never argue with a critic in public, even on your own account."},
        {"op": "comment", "find": "send a link to Sam Okafor",
         "text": "Should this go to Dana instead?"}]),
    ("Tom Reed", [  # the partner, after the associate
        {"op": "delete", "find": ", even on your own account"},
        {"op": "answer", "find": "Should this go to Dana instead?",
         "text": "No, Sam runs the accounts."},
        {"op": "resolve", "find": "Should this go to Dana instead?"}])]


def two_reviewers(sent_docx: Path, tmp_path: Path) -> Path:
    """The associate's markup, then the partner's on it, each in LibreOffice under their name."""
    source = sent_docx
    for turn, (reviewer, edits) in enumerate(TWO_REVIEWERS):
        reply = tmp_path / f"reply{turn}.docx"
        lawyer(source, reply, reviewer, edits)
        source = reply
    return source


@pytest.mark.slow
@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_two_reviewers_the_partner_cutting_the_associates_words(sent, tmp_path, capsys,
                                                                decision):
    """The partner's cut inside the associate's sentence, both still tracked, is what the firm
    proposes: one insertion, the sentence as the partner left it, the associate's and edited by
    the partner (it was listed as two insertions and a deletion of words no version of the
    policy had). Accepted, the sentence comes in as cut; rejected, the clause stays as sent.
    Each comment is listed under its reviewer."""
    project, sent_docx = sent
    reply = two_reviewers(sent_docx, tmp_path)
    criticism = "4.12 When you see criticism of us"
    sent_text = texts(project)["employees.criticism"]
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", criticism, "Priya Shah, edited by Tom Reed",
         "Never argue with a critic in public."),
        ("comment (resolved)", criticism, "Priya Shah", "Should this go to Dana instead?"),
        ("comment", criticism, "Tom Reed", "No, Sam runs the accounts.")]
    said = accept(capsys, project, reply, *(() if decision == "accept" else
                                            ("--accept", "c2", "c3", "--reject", "c1")))
    notes = [f"{criticism}: kept as a note from Priya Shah",
             f"{criticism}: kept as a note from Tom Reed"]
    told = [f"{criticism}: kept counsel's wording", *notes] if decision == "accept" else notes
    assert said[:len(told)] == told
    assert texts(project)["employees.criticism"] == {
        "accept": sent_text.replace("run our accounts.",
                                    "run our accounts. Never argue with a critic in public."),
        "reject": sent_text}[decision]


@pytest.mark.slow
def test_a_lawyer_who_edits_cells_of_the_accounts_speakers_and_escalation_tables(
        sent, tmp_path, capsys):
    """Words typed over in a cell of each table, and a comment on a speaker's name: each cell's
    change goes into the row's answer, and the clauses still follow their answers."""
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    lawyer(sent_docx, reply, "Priya Shah", [
        {"op": "replace", "find": "@northwind_data", "text": "@northwindanalytics_x"},
        {"op": "replace", "find": "Head of Data Science", "text": "Chief Data Scientist"},
        {"op": "replace", "find": "+1 614 555 0199", "text": "+1 614 555 0200"},
        {"op": "comment", "find": "Luis Ortega", "text": "Has Luis had media training?"}])
    accounts, speakers, chain = ("2.1 Our official accounts", "3.1 Who may speak for the company",
                                 "6.3 Escalation chain")
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", accounts, "Priya Shah", "@northwind_data"),
        ("insertion", accounts, "Priya Shah", "@northwindanalytics_x"),
        ("deletion", speakers, "Priya Shah", "Head of Data Science"),
        ("insertion", speakers, "Priya Shah", "Chief Data Scientist"),
        ("deletion", chain, "Priya Shah", "+1 614 555 0199"),
        ("insertion", chain, "Priya Shah", "+1 614 555 0200"),
        ("comment", speakers, "Priya Shah", "Has Luis had media training?")]
    assert accept(capsys, project, reply)[:4] == [
        f'{accounts}: kept as your answer to "Official accounts"',
        f'{speakers}: kept as your answer to "Spokespeople"',
        f'{chain}: kept as your answer to "Escalation chain"',
        f"{speakers}: kept as a note from Priya Shah"]
    answers = Workspace.open(project).project
    assert answers.presence.accounts[2].handle == "@northwindanalytics_x"
    assert answers.voice.spokespeople[1].title == "Chief Data Scientist"
    assert answers.responses.escalation_chain[2].contact == "+1 614 555 0200"
    assert answers.wording == []


# --- As Word writes it ----------------------------------------------------------------------

def _typographic(root) -> None:
    """Word's AutoFormat as you type: counsel types over the example note, quotes and all, and
    over the holding statement's first words, with curly quotes and an apostrophe."""
    note = _paragraph(root, 'for example: "Views are my own."')
    _split(note, '"Views are my own."', lambda text: _change("del", 901, _run(text, deleted=True)))
    note.find(w("del")).addnext(_change("ins", 902, _run("\u201cOpinions are my own.\u201d")))
    holding = _paragraph(root, "We know about the problem and are looking into it now.")
    _split(holding, "We know about", lambda text: _change("del", 903, _run(text, deleted=True)))
    holding.find(w("del")).addnext(_change("ins", 904, _run("We\u2019re aware of")))


def test_counsels_curly_quotes_still_give_the_answer(sent, tmp_path, capsys):
    """“Opinions are my own.” typed in Word froze 4.4 as counsel's wording, the answer kept
    "Views are my own." and the quick guide went on saying it. The note is the answer now,
    in the policy's own quotes; the holding statement keeps counsel's apostrophe; and the
    next redline shows no change of the owner's."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_typographic))
    assert [words for *_, words in rows(listed(capsys, project, reply))] == [
        '"Views are my own."', "\u201cOpinions are my own.\u201d", "We know about",
        "We\u2019re aware of"]
    assert accept(capsys, project, reply)[:2] == [
        '4.4 Saying where you work: kept as your answer to "Suggested wording of the note"; '
        '"Appendix B: Quick guide, Do" repeats it and changes with it',
        '6.6 Holding statement: kept as your answer to "Holding statement"']
    answers = Workspace.open(project).project
    assert answers.employees.disclaimer_text == "Opinions are my own."
    assert answers.responses.holding_statement.startswith("We\u2019re aware of the problem")
    assert answers.wording == []
    assert 'such as "Opinions are my own."' in texts(project)["quick_guide.do"]
    assert main(["export", str(project), "-o", str(tmp_path / "redline.docx"),
                 "--changes-since-last"]) == 0
    assert marked_paragraphs(tmp_path / "redline.docx") == []


FIRM_STYLE = (f'<w:style xmlns:w="{W}" w:type="paragraph" w:customStyle="1" '
              'w:styleId="ClauseHeading"><w:name w:val="Clause Heading"/>'
              '<w:basedOn w:val="Heading2"/><w:next w:val="Normal"/>'
              '<w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/></w:rPr></w:style>')


def _in_word_2007(root) -> None:
    for setting in root.iter(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode":
            setting.set(w("val"), "12")


def _clause_in_the_firms_style(root) -> None:
    last = _paragraph(root, "or refer them through the referral form")
    rule = _new_paragraph("What you do in your own time is your own business.", "Normal", 960)
    last.addnext(rule)
    rule.addprevious(_new_paragraph("Off-duty conduct", "ClauseHeading", 962))


def test_a_clause_typed_in_the_firms_own_heading_style_is_a_new_clause(sent, tmp_path,
                                                                       capsys):
    """The firm's template (opened in Word 2007's compatibility mode) has "Clause Heading",
    based on Heading 2: counsel's clause in it was read as two lines added to 4.14, and
    accepting them made both part of the answer on recruiting posts."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx",
                    xml_edit("word/styles.xml", lambda root: root.append(
                        etree.fromstring(FIRM_STYLE))),
                    xml_edit("word/settings.xml", _in_word_2007),
                    on_body(_clause_in_the_firms_style))
    assert rows(listed(capsys, project, reply)) == [
        ("new clause", "4.14 Sharing job openings", COUNSEL,
         "Off-duty conduct What you do in your own time is your own business.")]
    assert accept(capsys, project, reply)[0] == \
        "Added 'Off-duty conduct' as a clause of your own"
    answers = Workspace.open(project).project
    clause, = answers.owner_clauses
    assert (clause.title, clause.after, clause.text) == (
        "Off-duty conduct", "employees.recruiting",
        "What you do in your own time is your own business.")
    assert "Off-duty" not in answers.employees.recruiting_posts


def _cross_reference(root) -> None:
    """Word's Insert > Cross-reference to 4.6's heading: a hidden _Ref bookmark around the
    heading's words, and a REF field showing its number."""
    heading = _paragraph(root, "4.6 Confidential business information")
    runs = heading.findall(w("r"))
    runs[0].addprevious(element("bookmarkStart", id="990", name="_Ref201234567"))
    runs[-1].addnext(element("bookmarkEnd", id="990"))
    rule = _paragraph(root, "Our account owners know who has agreed.")
    rule.append(_change("ins", 991, _run(
        " Client names are confidential business information (see ")))
    rule.extend(_field("ins", " REF _Ref201234567 \\r \\h ", "4.6"))
    rule.append(_change("ins", 992, _run(").")))


REFERRED = ('a cross-reference ("4.6") to 4.6 Confidential business information, which the '
            'policy keeps as plain words: check it if the clauses are renumbered')


def test_a_cross_reference_counsel_inserts_reads_as_the_number_it_shows(sent, tmp_path,
                                                                        capsys):
    """The policy has no cross-references: the number Word showed comes in as words, and the
    owner is told which clause it points to, so they can check it when the clauses are
    renumbered (it came in as "(see 4.6)" and nothing said it was a reference that will go
    stale)."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_cross_reference))
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", "4.10 Naming clients and partners", COUNSEL,
         "Client names are confidential business information (see 4.6).")]
    assert accept(capsys, project, reply)[:2] == [
        "4.10 Naming clients and partners: kept counsel's wording",
        f"warning: 4.10 Naming clients and partners: counsel's change has {REFERRED}"]
    read = texts(project)
    assert "has agreed. Client names are confidential business information (see 4.6).\n" \
        in read["employees.clients"]
    assert read["employees.confidential"].startswith("Do not post or share these kinds")


def test_a_bullet_counsel_moves_from_one_list_to_another_changes_both_answers(sent, tmp_path,
                                                                              capsys):
    """A bullet of 2.5 moved to the end of 4.6's list: it leaves one answer for the other."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(lambda root: _move(
        root, "Client data, even if it looks anonymous", "Client contracts, prices and bids")))
    moved = "Client data, even if it looks anonymous"
    assert rows(listed(capsys, project, reply)) == [
        ("move", "2.5 What we never publish", COUNSEL, moved),
        ("move", "4.6 Confidential business information", COUNSEL, moved)]
    assert accept(capsys, project, reply)[:2] == [
        '2.5 What we never publish: kept as your answer to "What we never publish"',
        '4.6 Confidential business information: kept as your answer to "What counts as '
        'confidential"; "Appendix B: Quick guide, Don\'t" repeats it and changes with it']
    answers = Workspace.open(project).project
    assert moved not in answers.presence.we_never_publish
    assert answers.employees.confidential_info[-1] == moved
    assert answers.wording == []


def test_counsels_cover_letter_opened_instead_of_the_markup_is_refused(sent, tmp_path, capsys):
    """The letter that came with the markup names the company and a clause, but is no version
    of the policy: one line says so and what to open, and the project is left as it was."""
    project, _ = sent
    before = project.read_bytes()
    letter = docx.Document()
    for line in ("Lee & Hart LLP", "Dear Dana,",
                 f"Please find our comments on the {COMPANY} social media policy attached. "
                 "4.6 Confidential business information needs the most work.",
                 "Kind regards, Morgan Lee"):
        letter.add_paragraph(line)
    letter.save(tmp_path / "letter.docx")
    capsys.readouterr()
    assert main(["import-review", str(project), str(tmp_path / "letter.docx")]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'letter.docx'}: this Word file is not a version of this policy (it "
        "has none of its clauses); open the file you sent to counsel, with their changes in it\n")
    assert project.read_bytes() == before
