"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, in LibreOffice through its UNO API (tests/lawyer_uno.py): counsel's
questions answered in the file by the owner's side before it came back, undated.
The owner sees each comment and answer, where it is, and accepting keeps it with the project.
"""

from __future__ import annotations

import pytest

from smpolicy_desktop.workspace import Workspace
from tests.test_counsel_markup_lawyers import lawyer
from tests.test_counsel_markup_s31 import accept, listed, rows
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s33 import WORK_TIME

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

