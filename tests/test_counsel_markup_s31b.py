"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy)
as sent with the command line: the short guidelines, a policy for the United Kingdom, the
"changes since the last version" with the app's own changes decided, a reply to an older
version, a whole section deleted, comments with no words under them, a reply that went through
LibreOffice's own format, a numbered list renumbered, a LibreOffice with no user name, a
comment of 5,000 words and one with a table in it. The owner sees each change and comment,
and taking them puts counsel's words in the answers they belong to.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from smpolicy_desktop.cli import main
from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.storage import load_project, save_project
from smpolicy_desktop.workspace import Workspace
from tests.clients import to_docx
from tests.conftest import REPO
from tests.test_counsel_markup_lawyers import lawyer
from tests.test_counsel_markup_s31 import accept, listed, texts
from tests.test_review_import import COUNSEL, _change, _paragraph, _run, w
from tests.test_review_other_editors import element, on_body, rewrite, xml_edit

REPOSTING = "5.4 Reposting other people's content"
CREDIT = "We always credit them."
PERMISSION = " We keep a copy of each permission."


def rows(lines: list[str]) -> list[tuple[str, ...]]:
    """(kind, clause, author, words) of each change and comment listed, the date (in the US or
    British way) left out."""
    return [(kind, clause, re.sub(r" (\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})$", "", who), words)
            for line in lines if line.startswith("c")
            for _, kind, clause, who, words in [line.split("\t")]]


def northwind(tmp_path: Path, **company) -> Path:
    """The example project with the company's answers given changed."""
    project = tmp_path / "northwind.smpolicy"
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", project)
    answers = load_project(project)
    for name, value in company.items():
        setattr(answers.company, name, value)
    save_project(answers, project)
    return project


def send(project: Path, *options: str) -> Path:
    """The project sent to counsel from the command line (`options` given to `export`)."""
    sent_docx = project.with_name("sent.docx")
    assert main(["export", str(project), "-o", str(sent_docx), "--remember", *options]) == 0
    return sent_docx


@pytest.fixture
def sent(tmp_path) -> tuple[Path, Path]:
    """The example project, sent to counsel: (project, the .docx)."""
    project = northwind(tmp_path)
    return project, send(project)


# --- In LibreOffice -----------------------------------------------------------------------

@pytest.mark.slow
def test_a_lawyer_who_marks_up_the_short_guidelines(tmp_path, capsys):
    """The one-page guidelines sent instead of the policy: each change and comment is named by
    the guidelines' own headings, and accepted they are in the guidelines and in the policy's
    quick guide, which says the same."""
    project = northwind(tmp_path)
    reply = tmp_path / "reply.docx"
    lawyer(send(project, "--kind", "short"), reply, "Priya Shah", [
        {"op": "replace", "find": "ask Dana Reyes", "text": "ask Sam Okafor"},
        {"op": "insert", "find": "Correct your own mistakes openly.",
         "text": " Never delete a post to hide a mistake."},
        {"op": "comment", "find": "Use two-factor sign-in", "text": "Also on personal accounts?"}])
    do, unsure = "Social media guidelines, Do", "Social media guidelines, Not sure?"
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", do, "Priya Shah", "Never delete a post to hide a mistake."),
        ("deletion", unsure, "Priya Shah", "ask Dana Reyes"),
        ("insertion", unsure, "Priya Shah", "ask Sam Okafor"),
        ("comment", do, "Priya Shah", "Also on personal accounts?")]
    assert accept(capsys, project, reply)[:3] == [
        f"{do}: kept counsel's wording", f"{unsure}: kept counsel's wording",
        f"{do}: kept as a note from Priya Shah"]
    workspace = Workspace.open(project)
    for document in (workspace.document_of_kind("short"), workspace.document()):
        said = clause_texts(document)
        assert "- Correct your own mistakes openly. Never delete a post to hide a mistake.\n" \
            in said["quick_guide.do"]
        assert said["quick_guide.help"].startswith(
            "If you are unsure about a post, ask Sam Okafor.")
    assert workspace.project.company.owner_name == "Dana Reyes"  # named elsewhere still


@pytest.mark.slow
def test_a_british_lawyer_with_a_cyrillic_name_marks_up_a_uk_policy(tmp_path, capsys):
    """A policy for the United Kingdom writes its dates the British way: the review date
    counsel types over is the answer; her name, in Cyrillic letters, is kept as she wrote it."""
    project = northwind(tmp_path, country="GB")
    reply = tmp_path / "reply.docx"
    lawyer(send(project), reply, "Аня Петрова", [
        {"op": "replace", "find": "1 March 2027", "text": "15 January 2027"},
        {"op": "insert", "find": CREDIT, "text": PERMISSION},
        {"op": "comment", "find": "for our workplace in the United Kingdom",
         "text": "Does this cover Northern Ireland?"}])
    lines = listed(capsys, project, reply)
    assert re.search(r"Аня Петрова \d{1,2} \w+ 2026\t", lines[1])  # the date the British way
    assert rows(lines) == [
        ("insertion", REPOSTING, "Аня Петрова", PERMISSION.strip()),
        ("deletion", "9.1 When we review it", "Аня Петрова", "1 March 2027"),
        ("insertion", "9.1 When we review it", "Аня Петрова", "15 January 2027"),
        ("comment", "1.3 The law this policy follows", "Аня Петрова",
         "Does this cover Northern Ireland?")]
    assert accept(capsys, project, reply)[:3] == [
        f"{REPOSTING}: kept counsel's wording",
        '9.1 When we review it: kept as your answer to "Next review date"',
        "1.3 The law this policy follows: kept as a note from Аня Петрова"]
    answers = load_project(project)
    assert str(answers.review.next_review_date) == "2027-01-15"
    assert texts(project)["review.cycle"].endswith("The next review is due by 15 January 2027.")
    assert [c.author for c in answers.counsel_comments if c.author != "Dana Reyes"] == [
        "Аня Петрова"]


@pytest.mark.slow
def test_a_lawyer_who_deletes_a_whole_section_heading_and_all(sent, tmp_path, capsys):
    """From section 5's heading to section 6's, deleted in one go: one change, named by the
    section; accepted, each clause is named as removed, and the other sections stay."""
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    lawyer(sent_docx, reply, "Priya Shah", [
        {"op": "delete_through", "find": "5 Use of our content", "skip": 1,
         "to": "6 Responding to comments"}])
    (kind, clause, who, words), = rows(listed(capsys, project, reply))
    assert (kind, clause, who) == ("deletion", "5 Use of our content", "Priya Shah")
    assert words.startswith("5 Use of our content 5.1 Sharing and reusing our content You ")
    assert words.endswith(f"5.4 Reposting other people's content We repost photos, reviews "
                          f"and other content from clients only when they have given us "
                          f"permission. {CREDIT}")
    removed = ("removed, as counsel deleted it (Revert to the generated wording brings it "
               "back)")
    assert accept(capsys, project, reply)[:5] == [
        f"{name}: {removed}" for name in (
            "5 Use of our content", "5.1 Sharing and reusing our content",
            "5.2 Our name and logo", "5.3 Comments on our pages", REPOSTING)]
    after = texts(project)
    assert not [clause for clause in after if clause.startswith("content")]
    assert after["responses.monitoring"] == clause_texts(
        Workspace.open(REPO / "assets" / "examples" / "northwind.smpolicy").document())[
        "responses.monitoring"]


@pytest.mark.slow
def test_comments_with_no_words_under_them_in_a_paragraph_and_a_table_cell(sent, tmp_path,
                                                                           capsys):
    """Insert > Comment with nothing selected, once after a sentence and once in a cell of
    the speakers' table: each is listed in its clause and kept as a note there."""
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    lawyer(sent_docx, reply, "Priya Shah", [
        {"op": "comment", "find": CREDIT, "text": "Add a line on music?", "point": True},
        {"op": "comment", "find": "Luis Ortega", "text": "Media trained?", "point": True}])
    speakers = "3.1 Who may speak for the company"
    assert rows(listed(capsys, project, reply)) == [
        ("comment", speakers, "Priya Shah", "Media trained?"),
        ("comment", REPOSTING, "Priya Shah", "Add a line on music?")]
    assert accept(capsys, project, reply)[:2] == [
        f"{speakers}: kept as a note from Priya Shah",
        f"{REPOSTING}: kept as a note from Priya Shah"]
    kept = {(c.clause_id, c.text) for c in load_project(project).counsel_comments}
    assert {("content.reposting", "Add a line on music?"),
            ("voice.spokespeople", "Media trained?")} <= kept


@pytest.mark.slow
def test_a_reply_saved_as_odt_then_as_word_by_libreoffice(sent, tmp_path, capsys):
    """Counsel saved her markup in LibreOffice's own format, then opened it and saved it as
    Word: the changes and comments come through the two saves as she made them."""
    project, sent_docx = sent
    lawyer(sent_docx, tmp_path / "reply.odt", "Priya Shah", [
        {"op": "replace", "find": "twice each working day",
         "text": "three times each working day"},
        {"op": "comment", "find": "Pause all scheduled posts", "text": "Including ads?"}])
    reply = to_docx(tmp_path / "reply.odt", tmp_path / "as_word")
    watching = "6.1 Watching our accounts"
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", watching, "Priya Shah", "twice each working day"),
        ("insertion", watching, "Priya Shah", "three times each working day"),
        ("comment", "6.5 First steps in a crisis", "Priya Shah", "Including ads?")]
    assert accept(capsys, project, reply)[:2] == [
        f'{watching}: kept as your answer to "How often"',
        "6.5 First steps in a crisis: kept as a note from Priya Shah"]
    answers = load_project(project)
    assert answers.responses.monitor_frequency == (
        "Three times each working day, and once on weekends during a campaign")
    assert answers.wording == []


@pytest.mark.slow
def test_a_step_added_and_one_deleted_renumber_the_first_steps(sent, tmp_path, capsys):
    """A step typed after the first (LibreOffice numbers it 2 and the rest on) and step 4
    deleted: the steps are the answer, in counsel's order, numbered again by the policy."""
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    lawyer(sent_docx, reply, "Priya Shah", [
        {"op": "paragraph", "find": "Keep a record of posts, replies and times",
         "text": "Tell our insurer"},
        {"op": "delete_paragraph", "find": "Post the holding statement"}])
    steps = "6.5 First steps in a crisis"
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", steps, "Priya Shah", "Tell our insurer"),
        ("deletion", steps, "Priya Shah", "Post the holding statement")]
    assert accept(capsys, project, reply)[0] == \
        f'{steps}: kept as your answer to "First steps in a crisis"'
    assert load_project(project).responses.first_steps == [
        "Keep a record of posts, replies and times", "Tell our insurer",
        "Pause all scheduled posts", "Tell everyone in the escalation chain",
        "Call our lawyer before saying more"]
    assert "\n2. Tell our insurer\n3. Pause all scheduled posts\n" in \
        texts(project)["responses.first_steps"]


@pytest.mark.slow
def test_a_lawyer_whose_libreoffice_has_no_name(sent, tmp_path, capsys):
    """LibreOffice with no user name signs its changes "Unknown Author" and its comments with
    no name: the change was listed by "Unknown Author", the comment by "?" and kept as a note
    from "counsel". Each is counsel's now, listed and kept."""
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    lawyer(sent_docx, reply, "", [
        {"op": "insert", "find": CREDIT, "text": PERMISSION},
        {"op": "comment", "find": CREDIT, "text": "Where do we keep them?"}])
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", REPOSTING, "counsel", PERMISSION.strip()),
        ("comment", REPOSTING, "counsel", "Where do we keep them?")]
    assert accept(capsys, project, reply)[:2] == [
        f"{REPOSTING}: kept counsel's wording", f"{REPOSTING}: kept as a note from counsel"]
    assert texts(project)["content.reposting"].endswith(f"{CREDIT}{PERMISSION}")


@pytest.mark.slow
def test_a_comment_of_five_thousand_words_is_kept_whole(sent, tmp_path, capsys):
    project, sent_docx = sent
    reply = tmp_path / "reply.docx"
    memo = "Our memo. " + " ".join(f"point{n}" for n in range(5000))
    lawyer(sent_docx, reply, "Priya Shah", [{"op": "comment", "find": CREDIT, "text": memo}])
    assert rows(listed(capsys, project, reply)) == [
        ("comment", REPOSTING, "Priya Shah", memo)]
    accept(capsys, project, reply)
    kept, = [c for c in load_project(project).counsel_comments if c.author == "Priya Shah"]
    assert (kept.clause_id, kept.text) == ("content.reposting", memo)


def _text(words: str):
    made = element("t")
    made.text = words
    return element("p", element("r", made))


def _table_in_the_comment(root) -> None:
    """Counsel pastes a table into her comment, as Word lets her, and a line after it."""
    comment, = [c for c in root.iter(w("comment")) if "Who gives permission:" in
                "".join(c.itertext())]
    comment.append(element("tbl", *(element("tr", *(element("tc", _text(cell)) for cell in row))
                                    for row in (("Photos", "The client"),
                                                ("Reviews", "The reviewer")))))
    comment.append(_text("Please add this as a table."))


@pytest.mark.slow
def test_a_comment_with_a_table_in_it_keeps_its_rows(sent, tmp_path, capsys):
    """A table in a comment read as each cell on a line of its own ("Photos", "The client",
    "Reviews", ...): which cell belonged to which row was lost. Each row is a line now, its
    cells apart, as the policy's own rows read."""
    project, sent_docx = sent
    lawyer(sent_docx, tmp_path / "commented.docx", "Priya Shah", [
        {"op": "comment", "find": CREDIT, "text": "Who gives permission:"}])
    reply = rewrite(tmp_path / "commented.docx", tmp_path / "reply.docx",
                    xml_edit("word/comments.xml", _table_in_the_comment))
    assert rows(listed(capsys, project, reply)) == [
        ("comment", REPOSTING, "Priya Shah", "Who gives permission: | Photos | The client | "
         "| Reviews | The reviewer | Please add this as a table.")]
    accept(capsys, project, reply)
    kept, = [c for c in load_project(project).counsel_comments if c.author == "Priya Shah"]
    assert kept.text == ("Who gives permission:\n| Photos | The client |\n"
                         "| Reviews | The reviewer |\nPlease add this as a table.")


# --- As Word writes it ----------------------------------------------------------------------

HOLDING_SENT = "We know about the problem and are looking into it now."
HOLDING_NOW = "We are aware of the problem and are on it."
HOLDING_REWORDED = HOLDING_SENT.replace("We know about", "We are aware of") + \
    " We will share an update here by the end of the day."


def _decide_the_owners_change(root, words: str, take: bool) -> None:
    """Counsel accepts (`take`) or rejects the owner's changes in the paragraph with `words`,
    as Word saves that: no mark is left, and the words kept read as plain text."""
    paragraph = _paragraph(root, words)
    for change in list(paragraph.iter(w("ins"), w("del"))):
        for text in change.iter(w("delText")):
            text.tag = w("t")
        if (change.tag == w("ins")) == take:
            for run in list(change):
                change.addprevious(run)
        change.getparent().remove(change)


def owners_redline(project: Path) -> Path:
    """The owner changes the holding statement and how often the accounts are watched, and
    sends "changes since the last version": the redline."""
    workspace = Workspace.open(project)
    workspace.set_value(("responses", "holding_statement"), HOLDING_REWORDED)
    workspace.set_value(("responses", "monitor_frequency"),
                        "Three times each working day, and once on weekends during a campaign")
    workspace.save()
    redline = project.with_name("changes.docx")
    assert main(["export", str(project), "-o", str(redline), "--changes-since-last"]) == 0
    return redline


def test_a_lawyer_who_decides_the_owners_redline_then_adds_her_own(sent, tmp_path, capsys):
    """The owner changed two answers and sent "changes since the last version"; counsel
    accepts one of them, rejects the other and adds a sentence of her own. The owner is offered
    the rejection and her sentence, nothing for the change she accepted; taking both puts the
    old words back in one answer and keeps the other answer as the owner wrote it."""
    project, _ = sent
    redline = owners_redline(project)

    def counsel(root) -> None:
        _decide_the_owners_change(root, "the problem and are ", take=True)
        _decide_the_owners_change(root, "each working day", take=False)
        _paragraph(root, CREDIT).append(_change("ins", 990, _run(PERMISSION)))

    reply = rewrite(redline, tmp_path / "reply.docx", on_body(counsel))
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", REPOSTING, COUNSEL, PERMISSION.strip()),
        ("rejection of your change", "6.1 Watching our accounts", "counsel",
         "We check our accounts for comments and messages three times each working day, and "
         "once on weekends during a campaign.")]
    assert accept(capsys, project, reply)[:2] == [
        f"{REPOSTING}: kept counsel's wording",
        '6.1 Watching our accounts: kept as your answer to "How often"']
    answers = load_project(project)
    assert answers.responses.monitor_frequency == (
        "Twice each working day, and once on weekends during a campaign")
    assert answers.responses.holding_statement == HOLDING_REWORDED
    assert texts(project)["content.reposting"].endswith(f"{CREDIT}{PERMISSION}")


def test_a_reply_to_the_older_of_two_versions_sent(sent, tmp_path, capsys):
    """The owner sent v1, changed the holding statement and sent v2; counsel's reply to v1
    comes back. It is read against v1 (the owner's new statement is no change of hers), her
    change to the statement is not applied over the owner's, and said so with her words; her
    change elsewhere is taken."""
    project, sent_docx = sent
    workspace = Workspace.open(project)
    workspace.set_value(("responses", "holding_statement"), HOLDING_NOW)
    workspace.export(tmp_path / "v2.docx", remember=True)
    workspace.save()

    def counsel(root) -> None:
        statement = _paragraph(root, HOLDING_SENT)
        statement.append(_change("ins", 990, _run(" We will post an update by 5 pm.")))
        _paragraph(root, CREDIT).append(_change("ins", 991, _run(PERMISSION)))

    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(counsel))
    lines = listed(capsys, project, reply)
    assert lines[0] == f"{reply}: the reply to v1 (sent to counsel), 2 changes"
    assert rows(lines) == [
        ("insertion", REPOSTING, COUNSEL, PERMISSION.strip()),
        ("insertion", "6.6 Holding statement", COUNSEL, "We will post an update by 5 pm.")]
    said = " ".join(accept(capsys, project, reply))
    assert f"{REPOSTING}: kept counsel's wording" in said
    assert "6.6 Holding statement: " in said and "not applied" in said
    assert "We will post an update by 5 pm." in said
    answers = load_project(project)
    assert answers.responses.holding_statement == HOLDING_NOW
    assert texts(project)["content.reposting"].endswith(f"{CREDIT}{PERMISSION}")
