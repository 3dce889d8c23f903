"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, in LibreOffice through its UNO API (tests/lawyer_uno.py): counsel's
questions answered in the file by the owner's side before it came back, undated.
The owner sees each comment and answer, where it is, and accepting keeps it with the project.
File > Versions names the version each save kept for counsel recorded.
"""

from __future__ import annotations

import pytest

from smpolicy_desktop.workspace import Workspace
from tests.test_counsel_markup_lawyers import lawyer
from tests.test_counsel_markup_s31 import accept, listed, rows
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s33 import WORK_TIME
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
