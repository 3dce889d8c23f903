"""More lawyers: each marks up the example project (assets/examples/northwind.smpolicy) as sent
with the command line, in LibreOffice through its UNO API (tests/lawyer_uno.py) or as Word or
Google Docs write what LibreOffice cannot. The owner sees each change where it is, and accepting
puts counsel's words where they belong.
"""

from __future__ import annotations

import shutil

import pytest

from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import REPO
from tests.test_counsel_markup_s31 import accept, listed, rows, texts
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s32 import played
from tests.test_review_import import COUNSEL, W, _change, _paragraph, _run, _split, w
from tests.test_review_other_editors import element, on_body, rewrite, xml_edit
from tests.ui.test_review_panel import select, window_with_reply
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)

sent = example_sent  # the fixture: the example project, sent to counsel from the command line

LIBREOFFICE = "Margaret O'Brien"
WORK_TIME = "4.3 Social media during work time"
WORK_TIME_WORDS = ("You may use social media for personal reasons at work, on a work computer "
                   "or on your own phone. Just make sure your work gets done well and on time.")
PERSONAL_USE = "Personal use of social media at work"
PERSONAL_USE_WORDS = ("You may use social media for personal reasons during breaks. Keep it "
                      "short during working hours.")


# --- A clause's heading and words retyped in one go -------------------------------------------

def _clause_retyped(root) -> None:
    """As Word writes it: all of 4.3 (heading and words) selected and typed over, the new title
    on its own line. The new title and its paragraph mark (in the heading's style) are inserted
    before the old heading; the new words follow in the old heading's paragraph, whose mark and
    words are deleted with the old body's words."""
    heading = _paragraph(root, "Social media during work time")
    body = heading.getnext()
    title = element("p", element("pPr", element("pStyle", val="Heading2"),
                                 element("rPr", _change("ins", 960))))
    for mark in heading.findall(w("bookmarkStart")) + heading.findall(w("bookmarkEnd")):
        title.append(mark)
    title.append(_change("ins", 961, _run(f"4.3 {PERSONAL_USE}")))
    heading.addprevious(title)
    old = [run for run in heading.findall(w("r"))]
    for run in old:
        run.find(w("t")).tag = w("delText")
        heading.remove(run)
    heading.find(w("pPr")).append(element("rPr", _change("del", 962)))
    heading.append(_change("ins", 963, _run(PERSONAL_USE_WORDS)))
    heading.append(_change("del", 964, *old))
    for run in body.findall(w("r")):
        run.find(w("t")).tag = w("delText")
        body.remove(run)
        body.append(_change("del", 965, run))


def _says_clause_retyped(capsys, project, reply, listed_as: list[tuple[str, ...]],
                         decision: str) -> None:
    """Each change listed in 4.3; accepted, 4.3 has counsel's title and words and 4.2 is as
    sent; rejected, 4.3 is as sent."""
    assert rows(listed(capsys, project, reply)) == listed_as
    said = accept(capsys, project, reply, *(["--accept", "all"] if decision == "accept" else
                                            ["--reject", "c1", "c2", "c3"]))
    after = texts(project)
    assert after["employees.accounts"].endswith("a post that someone has shown us.")
    saved = load_project(project)
    assert saved.owner_clauses == []
    if decision == "reject":
        assert after["employees.personal_use"] == WORK_TIME_WORDS
        assert saved.wording == []
        return
    assert said[0] == f"{WORK_TIME}: kept counsel's wording"
    assert after["employees.personal_use"] == PERSONAL_USE_WORDS
    wording, = saved.wording
    assert (wording.clause_id, wording.title) == ("employees.personal_use", PERSONAL_USE)


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_a_clause_retyped_heading_and_words_in_one_go_as_word_writes_it(sent, tmp_path, capsys,
                                                                        decision):
    """The new title was listed as a new clause in 4.2, and accepting added it as a clause of
    the owner's own, warning that 4.3 had lost its title."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_clause_retyped))
    _says_clause_retyped(capsys, project, reply, [
        ("insertion", WORK_TIME, COUNSEL, f"4.3 {PERSONAL_USE}"),
        ("insertion", WORK_TIME, COUNSEL, PERSONAL_USE_WORDS),
        ("deletion", WORK_TIME, COUNSEL, f"{WORK_TIME} {WORK_TIME_WORDS}")], decision)


@pytest.mark.slow
@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_a_clause_retyped_heading_and_words_in_one_go_in_libreoffice(sent, tmp_path, capsys,
                                                                     decision):
    """Accepted, 4.3 was removed and its new title and words became lines of 4.2 (LibreOffice
    keeps the old heading deleted with its end, and the new title in a heading after it)."""
    project, _ = sent
    reply = played(sent, tmp_path, "Margaret O'Brien", [
        {"op": "replace_through", "find": WORK_TIME, "to": "well and on time.",
         "text": f"4.3 {PERSONAL_USE}{PERSONAL_USE_WORDS}"},
        {"op": "split", "find": PERSONAL_USE}])
    _says_clause_retyped(capsys, project, reply, [
        ("deletion", WORK_TIME, "Margaret O'Brien", f"{WORK_TIME} {WORK_TIME_WORDS}"),
        ("insertion", WORK_TIME, "Margaret O'Brien", f"4.3 {PERSONAL_USE}"),
        ("insertion", WORK_TIME, "Margaret O'Brien", PERSONAL_USE_WORDS)], decision)


@pytest.mark.slow
@pytest.mark.parametrize(("heading", "last", "title", "words", "clause_id", "body"), [
    ("4.2 Your personal accounts", "someone has shown us.", "Your own accounts",
     "We will never ask for your passwords.", "employees.accounts",
     "We will never ask for your passwords."),
    ("2.5 What we never publish", "Views on party politics or elections",
     "Content we never post", "Our accounts never post client data or politics.",
     "presence.never", "- Our accounts never post client data or politics.")])
def test_a_clause_of_many_paragraphs_retyped_in_one_go_in_libreoffice(
        sent, tmp_path, capsys, heading, last, title, words, clause_id, body):
    """A clause of two paragraphs, and one of a sentence and a list, typed over from its
    heading to its end: accepting removed it and put counsel's title and words in the clause
    before; the list's clause also listed a change "of its layout" nobody made. Counsel's
    words stay in the list's style, as LibreOffice showed them to counsel."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "replace_through", "find": heading, "to": last,
         "text": f"{heading.split()[0]} {title}{words}"},
        {"op": "split", "find": title}])
    assert [kind for kind, clause, _, _ in rows(listed(capsys, project, reply))
            if clause == heading] == ["deletion", "insertion", "insertion"]
    assert accept(capsys, project, reply)[:2] == [f"{heading}: kept counsel's wording",
                                                  "Saved " + str(project)]
    wording, = load_project(project).wording
    assert (wording.clause_id, wording.title, wording.text) == (clause_id, title, body)


# --- Two rounds by one lawyer, as Word writes them ------------------------------------------

HARASS = ("Do not use social media to harass, threaten or bully co-workers, customers or anyone "
          "else.")


def _two_rounds(root) -> None:
    """Counsel's first round (November 20) adds a sentence to 4.9; a second round (December 1)
    adds words inside that sentence and a sentence to 7.1, each its own w:ins with its own
    date, as Word keeps an author's revisions made at different times."""
    first, second = "2026-11-20T09:30:00Z", "2026-12-01T16:05:00Z"
    _paragraph(root, HARASS).extend([
        _change("ins", 970, _run(" This includes private messages"), date=first),
        _change("ins", 971, _run(" and group chats"), date=second),
        _change("ins", 972, _run("."), date=first)])
    _paragraph(root, "We would rather teach than punish.").append(
        _change("ins", 973, _run(" Ask us for help at any time."), date=second))


def test_a_lawyer_whose_reply_holds_two_rounds_on_different_days(sent, tmp_path, capsys):
    """The words added inside the first round's sentence are one change with it, dated by the
    round that began it; the second round's sentence elsewhere is listed by its own day.
    Accepted, the sentence reads as counsel left it after both rounds."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_two_rounds))
    assert [line.split("\t")[1:] for line in listed(capsys, project, reply)[1:]] == [
        ["insertion", "4.9 Harassment, threats and discrimination",
         f"{COUNSEL} November 20, 2026", "This includes private messages and group chats."],
        ["insertion", "7.1 Training", f"{COUNSEL} December 1, 2026",
         "Ask us for help at any time."]]
    accept(capsys, project, reply)
    after = texts(project)
    assert HARASS + " This includes private messages and group chats." in \
        after["employees.respect"]
    assert "ask before you publish it. Ask us for help at any time.\n" in \
        after["training.training"]


# --- Google Docs ----------------------------------------------------------------------------

GOOGLE = "Jane Roe"
GOOGLE_DATE = "2026-12-02T14:31:07Z"


def _as_google_docs_saves_it(parts) -> None:
    """Counsel's suggestions in Google Docs, downloaded as Word: the file's own properties
    and bookmarks gone (Google keeps a "_heading=h..." bookmark on each heading instead), each
    run marked left-to-right, and the suggestions as w:ins and w:del by the account's name,
    one id each, all at the second the file was downloaded; a suggested bullet's paragraph
    mark an insertion too; a comment with no initials."""
    from lxml import etree

    parts.pop("docProps/custom.xml")
    changes = iter(range(100, 200))

    def suggested(tag: str, *runs):
        return element(tag, *runs, id=str(next(changes)), author=GOOGLE, date=GOOGLE_DATE)

    def body(root) -> None:
        for mark in [*root.iter(w("bookmarkStart")), *root.iter(w("bookmarkEnd"))]:
            mark.getparent().remove(mark)
        for at, heading in enumerate(p for p in root.iter(w("p"))
                                     if p.find("w:pPr/w:pStyle", {"w": W}) is not None
                                     and "Heading" in p.find("w:pPr/w:pStyle", {"w": W})
                                     .get(w("val"))):
            heading.find(w("pPr")).addnext(element("bookmarkStart", id=str(500 + at),
                                                   name=f"_heading=h.{at:06x}"))
            heading.append(element("bookmarkEnd", id=str(500 + at)))
        for run in root.iter(w("r")):
            run.insert(0, element("rPr", element("rtl", val="0")))
        watching = _paragraph(root, "twice each working day")
        _split(watching, "twice", lambda text: suggested("del", _run(text, deleted=True)))
        watching.find(w("del")).addnext(suggested("ins", _run("three times")))
        released = _paragraph(root, "Work that is not yet released")
        bullet = etree.fromstring(etree.tostring(released))
        for run in bullet.findall(w("r")):
            bullet.remove(run)
        bullet.find(w("pPr")).append(element("rPr", suggested("ins")))
        bullet.append(suggested("ins", _run("Anything about a client's staff")))
        released.addnext(bullet)
        covers = _paragraph(root, "Bluesky")
        _split(covers, "Bluesky", lambda text: element("r", _run(text)[0]))
        bluesky = next(r for r in covers.findall(w("r")) if "".join(r.itertext()) == "Bluesky")
        bluesky.addprevious(element("commentRangeStart", id="90"))
        bluesky.addnext(element("commentRangeEnd", id="90"))
        covers.find(w("commentRangeEnd")).addnext(element("r", element("commentReference",
                                                                         id="90")))

    def comments(root) -> None:
        root.append(element("comment", element("p", _run("Add Mastodon?")), id="90",
                            author=GOOGLE, date=GOOGLE_DATE, initials=""))

    on_body(body)(parts)
    xml_edit("word/comments.xml", comments)(parts)


def test_a_lawyer_who_suggests_in_google_docs(sent, tmp_path, capsys):
    """Placed by their headings, the suggestions are the answers: the accounts are checked
    three times each working day, and the new bullet joins what we never publish; the comment
    is kept as counsel's note on 1.2."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _as_google_docs_saves_it)
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", "2.5 What we never publish", GOOGLE, "Anything about a client's staff"),
        ("deletion", "6.1 Watching our accounts", GOOGLE, "twice"),
        ("insertion", "6.1 Watching our accounts", GOOGLE, "three times"),
        ("comment", "1.2 Who and what it covers", GOOGLE, "Add Mastodon?")]
    assert accept(capsys, project, reply)[:3] == [
        '2.5 What we never publish: kept as your answer to "What we never publish"',
        '6.1 Watching our accounts: kept as your answer to "How often"',
        f"1.2 Who and what it covers: kept as a note from {GOOGLE}"]
    after = texts(project)
    assert after["presence.never"].endswith(
        "- Work that is not yet released\n- Anything about a client's staff\n"
        "- Views on party politics or elections")
    assert after["responses.monitoring"].startswith(
        "We check our accounts for comments and messages three times each working day")
    saved = load_project(project)
    assert (saved.wording, [(c.clause_id, c.text) for c in saved.counsel_comments]) == (
        [], [("purpose.scope", "Add Mastodon?")])


# --- In LibreOffice -----------------------------------------------------------------------


@pytest.mark.slow
def test_a_lawyer_who_changes_only_punctuation_and_capitals(sent, tmp_path, capsys):
    """Oxford commas in a sentence, in the tone the owner chose and in a list item, "email"
    spelt "e-mail" and a heading in title case: each is one small change where it is. The
    list item stays the answer; the sentences built from answers keep counsel's commas as
    their wording (the policy writes "a, b and c"); the heading is counsel's title."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "insert", "find": "Bluesky, TikTok", "text": ","},
        {"op": "insert", "find": "confident without hype", "text": ","},
        {"op": "replace", "find": "a work email", "text": "a work e-mail"},
        {"op": "replace", "find": "Your personal accounts", "text": "Your Personal Accounts"},
        {"op": "replace", "find": "Spam, scams and links", "text": "Spam, scams, and links"}])
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", "1.2 Who and what it covers", LIBREOFFICE, ","),
        ("deletion", "2.2 Who owns our accounts", LIBREOFFICE, "a work email"),
        ("insertion", "2.2 Who owns our accounts", LIBREOFFICE, "a work e-mail"),
        ("insertion", "3.3 How we sound", LIBREOFFICE, ","),
        ("deletion", "4.2 Your personal accounts", LIBREOFFICE, "Your personal accounts"),
        ("insertion", "4.2 Your personal accounts", LIBREOFFICE, "Your Personal Accounts"),
        ("deletion", "5.3 Comments on our pages", LIBREOFFICE, "Spam, scams and links"),
        ("insertion", "5.3 Comments on our pages", LIBREOFFICE, "Spam, scams, and links")]
    assert accept(capsys, project, reply)[:5] == [
        "1.2 Who and what it covers: kept counsel's wording",
        "2.2 Who owns our accounts: kept counsel's wording",
        "3.3 How we sound: kept counsel's wording",
        "4.2 Your personal accounts: kept counsel's title",
        '5.3 Comments on our pages: kept as your answer to "Comments we hide or remove"']
    after = texts(project)
    assert "TikTok, and YouTube" in after["purpose.scope"]
    assert "confident without hype, and friendly." in after["voice.tone"]
    assert "with a work e-mail address" in after["presence.ownership"]
    assert after["content.comments"].count("- Spam, scams, and links to harmful sites") == 1
    assert next(w.title for w in load_project(project).wording
                if w.clause_id == "employees.accounts") == "Your Personal Accounts"


@pytest.mark.slow
def test_a_lawyer_who_comments_on_a_heading_and_a_table_cell(sent, tmp_path, capsys):
    """A comment on 4.2's heading is on 4.2, not the clause before it; one on a cell of the
    response table is on 6.2. Accepted, each is a note on its clause and nothing changes."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "comment", "find": "Your personal accounts", "text": "Cover BYOD phones too?"},
        {"op": "comment", "find": "Within four working hours", "text": "Too slow?"}])
    assert rows(listed(capsys, project, reply)) == [
        ("comment", "4.2 Your personal accounts", LIBREOFFICE, "Cover BYOD phones too?"),
        ("comment", "6.2 How we respond", LIBREOFFICE, "Too slow?")]
    assert accept(capsys, project, reply)[:2] == [
        f"4.2 Your personal accounts: kept as a note from {LIBREOFFICE}",
        f"6.2 How we respond: kept as a note from {LIBREOFFICE}"]
    saved = load_project(project)
    assert [(c.clause_id, c.text) for c in saved.counsel_comments] == [
        ("employees.accounts", "Cover BYOD phones too?"), ("responses.matrix", "Too slow?")]
    assert saved.wording == []


@pytest.mark.slow
def test_a_lawyer_who_changes_dates_and_a_status_in_the_sign_off_tables(sent, tmp_path,
                                                                         capsys):
    """A reviewer's date and another's status typed over in 9.3's table, a line of the
    revision history reworded: the reviewers and the history are the answers, row for row."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "replace", "find": "February 12, 2026", "text": "February 13, 2026"},
        {"op": "replace", "find": "Changes requested", "text": "Approved"},
        {"op": "replace", "find": "First version", "text": "First version (draft 3)"}])
    assert [(kind, clause, words) for kind, clause, _, words in
            rows(listed(capsys, project, reply))] == [
        ("deletion", "9.3 Who reviews it", "February 12, 2026"),
        ("insertion", "9.3 Who reviews it", "February 13, 2026"),
        ("deletion", "9.3 Who reviews it", "Changes requested"),
        ("insertion", "9.3 Who reviews it", "Approved"),
        ("deletion", "9.4 Revision history", "First version"),
        ("insertion", "9.4 Revision history", "First version (draft 3)")]
    assert accept(capsys, project, reply)[:2] == [
        '9.3 Who reviews it: kept as your answer to "Reviewers"',
        '9.4 Revision history: kept as your answer to "Revision history"']
    review = load_project(project).review
    assert [(r.name, r.status.value, str(r.reviewed_on)) for r in review.reviewers][2:] == [
        ("Luis Ortega", "approved", "2026-02-13"), ("Chris Novak", "approved", "2026-02-14")]
    assert [r.summary for r in review.revisions] == [
        "First version (draft 3)", "Added YouTube, the response table and the crisis steps"]
    assert load_project(project).wording == []


PLACEHOLDER_NOTE = " [Client to confirm which AI tools are approved.]"


@pytest.mark.slow
def test_a_lawyer_who_leaves_client_to_confirm_placeholders(sent, tmp_path, capsys):
    """"[Client to confirm]" typed inline, once as a sentence and once in place of a number.
    Accepting put both in the policy for all staff to read without a word: the owner is told
    each is a blank of counsel's to fill in before the policy goes out."""
    project, _ = sent
    reply = played(sent, tmp_path, LIBREOFFICE, [
        {"op": "insert", "find": "before it goes out.", "text": PLACEHOLDER_NOTE},
        {"op": "replace", "find": "twice each working day",
         "text": "[Client to confirm] times each working day"}])
    assert [words for _, _, _, words in rows(listed(capsys, project, reply))] == [
        PLACEHOLDER_NOTE.strip(), "twice each working day",
        "[Client to confirm] times each working day"]
    said = accept(capsys, project, reply)
    assert said[:4] == [
        "2.7 AI tools and made-up images: kept counsel's wording",
        '6.1 Watching our accounts: kept as your answer to "How often"',
        "warning: 2.7 AI tools and made-up images: counsel's words hold "
        f'"{PLACEHOLDER_NOTE.strip()}", left for you to fill in; put your own words in its '
        "place before the policy goes out",
        'warning: 6.1 Watching our accounts: counsel\'s words hold "[Client to confirm]", left '
        "for you to fill in; put your own words in its place before the policy goes out"]


def test_a_placeholder_accepted_in_the_panel_is_told(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """As Word writes it, "[insert name of HR contact]" added to 7.2: accepted in the panel,
    the preview shows it where counsel put it and the panel says it is a blank to fill in."""
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", tmp_path / "p.smpolicy")
    workspace = Workspace.open(tmp_path / "p.smpolicy")
    workspace.export(tmp_path / "sent.docx", remember=True)
    rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx", on_body(
        lambda root: _paragraph(root, "Where to go: Your manager, or Dana Reyes").append(
            _change("ins", 980, _run(" or [insert name of HR contact]")))))
    window = window_with_reply(qtbot, make_window, workspace.project, tmp_path / "reply.docx",
                               monkeypatch)
    select(window, "[insert name of HR contact]")
    window.review_panel.accept_button.click()
    qtbot.waitUntil(lambda: "Dana Reyes or [insert name of HR contact]" in
                    window.preview.toPlainText())
    assert window.review_panel.outcome.text().endswith(
        '7.2 Questions and concerns: counsel\'s words hold "[insert name of HR contact]", left '
        "for you to fill in; put your own words in its place before the policy goes out.")


def _locked_and_marked_final(parts) -> None:
    """Word's Restrict Editing (only tracked changes, a password's hash) and Mark as Final
    (a custom property and the status "Final"), over one insertion in 7.4."""
    from lxml import etree

    xml_edit("word/settings.xml", lambda root: root.append(element(
        "documentProtection", edit="trackedChanges", enforcement="1",
        cryptProviderType="rsaAES", cryptAlgorithmClass="hash", cryptAlgorithmType="typeAny",
        cryptAlgorithmSid="14", cryptSpinCount="100000", hash="9oN7nWkCAyEZib1RomSJTjmPpCY=",
        salt="yn4jbvFDmfwcJMXz0Gp5Lg==")))(parts)
    custom = etree.fromstring(parts["docProps/custom.xml"])
    made = etree.fromstring(
        '<property xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-'
        'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes" fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" '
        'name="_MarkAsFinal"><vt:bool>true</vt:bool></property>')
    custom.append(made)
    parts["docProps/custom.xml"] = etree.tostring(custom)
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        b"</cp:coreProperties>", b"<cp:contentStatus>Final</cp:contentStatus>"
                                 b"</cp:coreProperties>")
    on_body(lambda root: _paragraph(root, "Usually we start by talking it through").append(
        _change("ins", 985, _run(" We keep a note of that talk."))))(parts)


def test_a_lawyer_who_locks_the_reply_and_marks_it_final(sent, tmp_path, capsys):
    """The reply opens and reads as any other: the lock and the final mark are Word's."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _locked_and_marked_final)
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", "7.4 If this policy is broken", COUNSEL, "We keep a note of that talk.")]
    assert accept(capsys, project, reply)[0] == \
        "7.4 If this policy is broken: kept as your answer to \"Consequences\""
    assert "Usually we start by talking it through and helping you fix the problem. We keep a " \
        "note of that talk." in texts(project)["training.consequences"]
