"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, as Word or LibreOffice writes what they did: a table's column
deleted or added, told as a column.
The owner sees each change as counsel saw it, where it is, and accepting puts counsel's words
where they belong.
"""

from __future__ import annotations

import pytest

from tests.test_counsel_markup_s31 import listed, rows
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s33b import (
    ACCOUNTS,
    BACKUPS,
    _backup_owner_column,
    _no_purpose_column,
)
from tests.test_review_import import COUNSEL
from tests.test_review_other_editors import on_body, rewrite

sent = example_sent  # the fixture: the example project, sent to counsel from the command line

PURPOSES = ["Company news, case studies and hiring", "Product demos and webinar recordings",
            "Event news and links to new articles"]


# --- A column deleted or added, told as a column ------------------------------------------------

@pytest.mark.parametrize(("edit", "said"), [
    (_no_purpose_column, ("deletion", f'column "Purpose" taken out: {" | ".join(PURPOSES)}')),
    (_backup_owner_column, ("insertion",
                            f'column "{BACKUPS[0]}" added: {" | ".join(BACKUPS[1:])}'))],
    ids=["deleted", "added"])
def test_a_table_column_is_told_as_a_column(sent, tmp_path, capsys, edit, said):
    """A column counsel deleted read as a row of the table ("Purpose | Company news, ..."):
    nothing said it was a column, its heading one cell among the others."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(edit))
    assert rows(listed(capsys, project, reply)) == [(said[0], ACCOUNTS, COUNSEL, said[1])]
