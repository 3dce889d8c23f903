"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, in LibreOffice through its UNO API (tests/lawyer_uno.py): counsel's
questions answered in the file by the owner's side before it came back, undated.
The owner sees each comment and answer, where it is, and accepting keeps it with the project.
File > Versions names the version each save kept for counsel recorded. A Replace All of
a hundred changes is decided a clause at a time, or all at once, in the review panel. Two
paragraphs joined, and one split in two.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from smpolicy_desktop.render import clause_texts, render_document
from smpolicy_desktop.workspace import Workspace
from tests.test_counsel_markup_lawyers import lawyer
from tests.test_counsel_markup_s31 import accept, listed, rows, texts
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s32 import played
from tests.test_counsel_markup_s33 import WORK_TIME
from tests.ui.test_review_panel import select, window_with_reply
from tests.ui.test_versions import versions_of
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)

sent = example_sent  # the fixture: the example project, sent to counsel from the command line

OWNER = "Dana Reyes"  # the example project's policy owner, whose notes the file carries
COUNSEL = "Morgan Lee"
TITLE = "Social Media Policy"


# --- Counsel's questions answered by the owner's side in the file ---------------------------

@pytest.mark.slow
def test_an_answer_the_owners_side_typed_under_counsels_question_is_listed(
        sent, tmp_path, capsys):
    """Counsel asks on the title and on 4.3; the owner answers each in the file, in their own
    name, before it goes back (LibreOffice, as Google Docs, writes no date). The answers were
    taken for the owner's own notes and dropped: the owner's words, lost without a word."""
    project, sent_docx = sent
    asked, answered = tmp_path / "asked.docx", tmp_path / "reply.docx"
    lawyer(sent_docx, asked, COUNSEL, [
        {"op": "comment", "find": TITLE, "text": "Should the title name the company?"},
        {"op": "comment", "find": "Just make sure your work gets done",
         "text": "Do you allow this on client sites?"}])
    lawyer(asked, answered, OWNER, [
        {"op": "answer", "find": "Do you allow this on client sites?",
         "text": "Yes, but not in front of clients."},
        {"op": "answer", "find": "Should the title name the company?",
         "text": "No, the subtitle does."}])
    assert rows(listed(capsys, project, answered)) == [
        ("comment", TITLE, COUNSEL, "Should the title name the company?"),
        ("comment", TITLE, OWNER, "No, the subtitle does."),
        ("comment", WORK_TIME, COUNSEL, "Do you allow this on client sites?"),
        ("comment", WORK_TIME, OWNER, "Yes, but not in front of clients.")]
    accept(capsys, project, answered)
    kept = {(c.author, c.text) for c in Workspace.open(project).project.counsel_comments}
    assert {(OWNER, "Yes, but not in front of clients."),
            (OWNER, "No, the subtitle does.")} <= kept


# --- File > Versions names what went to counsel ---------------------------------------------

def test_the_versions_kept_for_counsel_say_which_version_went(
        sent, tmp_path, capsys, qtbot, make_window):  # noqa: F811
    """v1 sent, the answers changed, v2 sent, counsel's reply to v1 decided (a comment kept,
    no words changed, so no version of its own): the three saves kept for counsel each said
    "for counsel", not which version went or that it was the reply."""
    project, _ = sent
    workspace = Workspace.open(project)
    workspace.project.company.owner_name = "Dana Reyes-Hart"
    workspace.save()
    workspace.export(tmp_path / "v2.docx", remember=True)  # saves, recording v2
    lawyer(tmp_path / "sent.docx", tmp_path / "reply.docx", COUNSEL, [
        {"op": "comment", "find": TITLE, "text": "Should the title name the company?"}])
    accept(capsys, project, tmp_path / "reply.docx")
    dialog = versions_of(qtbot, make_window(project))
    said = [dialog.list.item(row).text().partition("KB on disk")[2]
            for row in range(dialog.list.count())]
    assert [line for line in said if line != ")"] == [
        ", counsel's reply decided)", ", v2 sent to counsel)", ", v1 sent to counsel)"]


# --- A Replace All of a hundred changes, decided in the panel -------------------------------

ACCOUNTS = "4.2 Your personal accounts"


def _rows(panel) -> list:
    return [panel.items.topLevelItem(i) for i in range(panel.items.topLevelItemCount())]


@pytest.mark.slow
def test_a_hundred_changes_from_replace_all_decided_a_clause_then_all_at_once(
        sent, tmp_path, capsys, qtbot, make_window, monkeypatch):  # noqa: F811
    """Counsel makes "the Company" a defined term with two Replace Alls and asks three
    questions: 124 changes and comments. The panel decided one at a time, so accepting them
    took a hundred clicks. Now the clause's changes are picked from the list's menu and
    accepted at once, then the rest with the menu's Select All: the policy reads as accepting
    all on the command line (but the contents list's line, which it cannot take), and each
    Undo takes back one of the two steps."""
    project, _ = sent
    reply = played(sent, tmp_path, COUNSEL, [
        {"op": "replace_all", "find": "company", "text": "Company"},
        {"op": "replace_all", "find": "We ", "text": "The Company "},
        {"op": "comment", "find": "The people below may speak", "text": "Spokespeople?"},
        {"op": "comment", "find": "twice each working day", "text": "Weekends too?"},
        {"op": "comment", "find": "Your right to talk about work", "text": "Checked, fine."}])
    before = texts(project)
    everything = tmp_path / "everything.smpolicy"
    shutil.copy(project, everything)
    accept(capsys, everything, reply)
    after = texts(everything)
    window = window_with_reply(qtbot, make_window, Workspace.open(project).project, reply,
                               monkeypatch)
    panel = window.review_panel

    def now() -> dict[str, str]:
        return clause_texts(render_document(window.model.project))

    count = len(_rows(panel))
    assert count > 100 and "changes and 3 comments" in panel.heading.text()
    in_accounts = [at for at, row in enumerate(_rows(panel)) if row.text(0) == ACCOUNTS]
    panel.items.setCurrentItem(_rows(panel)[in_accounts[1]])
    panel.select_clause.trigger()
    assert panel.details.text() == (f"{len(in_accounts)} changes picked, still open: Accept "
                                    "or Reject decides them all at once (one step to undo).")
    panel.accept_button.click()
    decided = [at for at, row in enumerate(_rows(panel)) if row.isDisabled()]
    assert decided == in_accounts
    accounts = panel.reply.item(_rows(panel)[in_accounts[0]].data(0, Qt.ItemDataRole.UserRole)
                                ).clause_id
    assert {**before, accounts: after[accounts]} == now() != after
    next(a for a in panel.items.actions() if a.text() == "Select All").trigger()  # its menu's
    assert panel.details.text().startswith(
        f"{count - len(in_accounts) - 3} changes and 3 comments picked")
    panel.accept_button.click()
    # all decided but the edit of the contents list, which stays open with its warning
    assert [row.text(1) for row in _rows(panel) if not row.isDisabled()] == ["contents edit"]
    # told in one line and the warnings, not a line per clause, which took the panel's room
    # and squeezed the list of changes to a row
    assert panel.outcome.text().startswith(
        f"Accepted {count - len(in_accounts) - 4} changes and 3 comments. Warning: The "
        "contents edit")
    assert "kept counsel's wording" not in panel.outcome.text()
    assert now() == after
    assert "Spokespeople?" in [c.text for c in window.model.project.counsel_comments]
    assert window.undo_action.text().startswith("&Undo Accept ")
    window.undo_action.trigger()
    assert now() == {**before, accounts: after[accounts]}
    assert [at for at, row in enumerate(_rows(panel)) if row.isDisabled()] == in_accounts
    window.undo_action.trigger()
    assert now() == before and not any(row.isDisabled() for row in _rows(panel))
    select(window, "Spokespeople?")
    panel.reject_button.click()  # one still decided alone
    assert select(window, "Spokespeople?").text(1) == "comment - Rejected"


# --- Two paragraphs joined, one split in two ------------------------------------------------

ACCOUNTS_FIRST = ("We will never ask for your passwords or ask you to log in to your personal "
                  "accounts in front of us. We will never ask you to add a manager as a friend "
                  "or follower.")
ACCOUNTS_SECOND = "If we are looking into a complaint, we may ask you about a post that " \
                  "someone has shown us."


@pytest.mark.slow
def test_two_paragraphs_joined_keep_their_sentences_apart(sent, tmp_path, capsys):
    """Counsel presses Delete at the end of 4.2's first paragraph, and Enter after 4.3's first
    sentence. Accepted, 4.2 read "...as a friend or follower.If we are looking into...": the
    sentences ran together, as neither paragraph had a space at its end."""
    project, _ = sent
    reply = played(sent, tmp_path, COUNSEL, [
        {"op": "join", "find": "add a manager as a friend or follower."},
        {"op": "split", "find": "on a work computer or on your own phone."}])
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", ACCOUNTS, COUNSEL, "\u00b6 (two paragraphs joined)"),
        ("insertion", WORK_TIME, COUNSEL, "\u00b6 (new paragraph)")]
    accept(capsys, project, reply)
    said = texts(project)
    assert said["employees.accounts"] == f"{ACCOUNTS_FIRST} {ACCOUNTS_SECOND}"
    assert said["employees.personal_use"] == (
        "You may use social media for personal reasons at work, on a work computer or on your "
        "own phone.\nJust make sure your work gets done well and on time.")
