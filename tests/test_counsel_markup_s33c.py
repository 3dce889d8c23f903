"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, as Word or LibreOffice writes what they did: a table's column
deleted or added, told as a column; the table's first column deleted.
The owner sees each change as counsel saw it, where it is, and accepting puts counsel's words
where they belong.
"""

from __future__ import annotations

import pytest

from tests.test_counsel_markup_s31 import accept, listed, rows, texts
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s33b import (
    ACCOUNTS,
    BACKUPS,
    _backup_owner_column,
    _no_purpose_column,
)
from tests.test_review_import import COUNSEL, _change, _run, w
from tests.test_review_other_editors import on_body, rewrite

sent = example_sent  # the fixture: the example project, sent to counsel from the command line

PURPOSES = ["Company news, case studies and hiring", "Product demos and webinar recordings",
            "Event news and links to new articles"]


def _table(project) -> list[str]:
    """The accounts table's lines in the project's text of 2.1."""
    return [line for line in texts(project)["presence.accounts"].splitlines()
            if line.startswith("|")]


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


def _columns_deleted(*columns: int):
    """Counsel deletes the accounts table's columns at those places, "Platform" the first,
    Track Changes on: as _no_purpose_column, each cell marked deleted with its words."""
    def edit(root) -> None:
        table = next(t for t in root.iter(w("tbl"))
                     if "Handle or address" in "".join(t.itertext()))
        for at, row in enumerate(table.iter(w("tr"))):
            for column in columns:
                cell = row.findall(w("tc"))[column]
                change = 1800 + 20 * column + 2 * at
                cell.find(w("tcPr")).append(_change("cellDel", change))
                for run in list(cell.iter(w("r"))):
                    run.getparent().replace(run, _change("del", change + 1, _run(
                        run.findtext(w("t")), deleted=True)))
    return edit


def test_a_tables_first_column_deleted(sent, tmp_path, capsys):
    """Accepted, the first column deleted left each row starting with an empty cell, where
    the platform was ("|  | Handle or address | ..."), a column more than the table has
    headings for. It reads as the other columns do, and each row starts with its handle."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_columns_deleted(0)))
    assert rows(listed(capsys, project, reply)) == [
        ("deletion", ACCOUNTS, COUNSEL, 'column "Platform" taken out: LinkedIn | YouTube | X')]
    accept(capsys, project, reply)
    table = _table(project)
    assert table[:2] == ["| Handle or address | Purpose | Account owner |",
                         "| linkedin.com/company/northwind-analytics | Company news, case "
                         "studies and hiring | Sam Okafor, Marketing Lead |"]
    assert {line.count("|") for line in table} == {4}


@pytest.mark.parametrize(("accepted", "headings"), [
    ("c1", "| Handle or address | Purpose | Account owner |"),
    ("c2", "| Platform | Purpose | Account owner |"),
    ("all", "| Purpose | Account owner |")])
def test_a_tables_first_two_columns_deleted_either_or_both_accepted(sent, tmp_path, capsys,
                                                                   accepted, headings):
    """Two columns deleted from the start, each its own change: whichever the owner accepts,
    the table keeps the other columns under their headings, no empty cell first."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_columns_deleted(0, 1)))
    assert [words.split(":")[0] for *_, words in rows(listed(capsys, project, reply))] == [
        'column "Platform" taken out', 'column "Handle or address" taken out']
    accept(capsys, project, reply, "--accept", accepted)
    table = _table(project)
    assert table[0] == headings
    assert {line.count("|") for line in table} == {headings.count("|")}
