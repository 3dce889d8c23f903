"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, as Word writes what they did (or in LibreOffice through its UNO
API, tests/lawyer_uno.py): a lawyer working late in California, read on the owner's computer
in California; sub-bullets and sub-headings in Word's own styles ("List Bullet 2", "Heading
3").
The owner sees each change as counsel saw it, where it is, and accepting puts counsel's words
where they belong, or says why not.
"""

from __future__ import annotations

import copy

import pytest

from tests.test_counsel_markup_s31 import accept, listed, rows, texts
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s33 import CONFIDENTIAL, EMAILS, WORK_TIME, in_the_window
from tests.test_review_import import COUNSEL, _change, _new_paragraph, _paragraph, _run, w
from tests.test_review_other_editors import element, on_body, rewrite, xml_edit
from tests.ui.test_review_panel import select
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)

sent = example_sent  # the fixture: the example project, sent to counsel from the command line


# --- A lawyer working late, on the owner's clock ------------------------------------------------

def _late_evening(root) -> None:
    """Counsel in California adds a sentence at 22:30 on 1 December, her time: Word writes the
    instant, 06:30 on the 2nd in UTC."""
    _paragraph(root, "well and on time.").append(_change(
        "ins", 992, _run(" Breaks are yours."), date="2026-12-02T06:30:00Z"))


def test_a_late_evening_change_is_dated_on_the_owners_day(sent, tmp_path, capsys, time_zone):
    """On the owner's computer in California the change was listed as made on December 2,
    the day in UTC; Word, on the same computer, says December 1."""
    time_zone("America/Los_Angeles")
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_late_evening))
    assert listed(capsys, project, reply)[1].endswith(
        f"\t{COUNSEL} December 1, 2026\tBreaks are yours.")


def test_a_late_evening_change_in_the_panel(qtbot, make_window, tmp_path,  # noqa: F811
                                            monkeypatch, time_zone):
    time_zone("America/Los_Angeles")
    window = in_the_window(qtbot, make_window, tmp_path, monkeypatch, on_body(_late_evening))
    assert select(window, "Breaks are yours.").toolTip(2) == f"by {COUNSEL}, December 1, 2026"
    assert window.review_panel.details.text().startswith(
        f"Insertion by {COUNSEL}, December 1, 2026")


# --- Sub-bullets and sub-headings in Word's styles ----------------------------------------------

BREAKS = "During breaks"


def _word_style(style_id: str, name: str, *properties):
    """A style as Word adds it to styles.xml the first time a document uses it."""
    def add(root) -> None:
        root.append(element("style", element("name", val=name), element("basedOn", val="Normal"),
                            element("pPr", *properties), type="paragraph", styleId=style_id))
    return xml_edit("word/styles.xml", add)


def _list_bullet_2(parts) -> None:
    """Counsel puts the cursor after "Client files and client data", presses Enter and picks
    "List Bullet 2" from the styles: the level is the style's, none on the paragraph."""
    _word_style("ListBullet2", "List Bullet 2",
                element("numPr", element("numId", val="7")))(parts)
    on_body(lambda root: _paragraph(root, "Client files and client data").addnext(
        _new_paragraph(EMAILS, "ListBullet2", 1400)))(parts)


def _heading_3(parts) -> None:
    """Counsel gives 4.3 a sub-heading in "Heading 3", and a sentence under it."""
    _word_style("Heading3", "heading 3", element("outlineLvl", val="2"))(parts)

    def body(root) -> None:
        clause = _paragraph(root, "well and on time.")
        clause.addnext(_new_paragraph("Breaks are yours.", "", 1410))
        clause.addnext(_new_paragraph(BREAKS, "Heading3", 1412))
    on_body(body)(parts)


@pytest.mark.parametrize(("edit", "said", "clause", "added"), [
    (_list_bullet_2, "list level", CONFIDENTIAL, [EMAILS]),
    (_heading_3, "heading level", WORK_TIME, [BREAKS, "Breaks are yours."])],
    ids=["list-bullet-2", "heading-3"])
def test_a_level_set_by_a_words_style_is_told_as_not_kept(sent, tmp_path, capsys, edit, said,
                                                           clause, added):
    """A sub-bullet or sub-heading in Word's style lost its level without a word (one set
    with Tab was told): the policy has one level of lists and of clauses."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", edit)
    lines = listed(capsys, project, reply)
    assert lines[1] == (f"1 formatting change ({said} in {clause}): not kept; the policy sets "
                        "its own formatting")
    assert rows(lines) == [("insertion", clause, COUNSEL, words) for words in added]


# --- A table column deleted -------------------------------------------------------------------

ACCOUNTS = "2.1 Our official accounts"


def _no_purpose_column(root) -> None:
    """Counsel deletes the accounts table's "Purpose" column, Track Changes on (LibreOffice
    7.5 on): each of its cells is marked deleted (w:cellDel), its words with it, each with an
    id of its own."""
    table = next(t for t in root.iter(w("tbl")) if "Handle or address" in "".join(t.itertext()))
    for at, row in enumerate(table.iter(w("tr"))):
        cell = row.findall(w("tc"))[2]
        cell.find(w("tcPr")).append(_change("cellDel", 1600 + 2 * at))
        for run in list(cell.iter(w("r"))):
            run.getparent().replace(run, _change("del", 1601 + 2 * at,
                                                 _run(run.findtext(w("t")), deleted=True)))


BACKUPS = ["Backup owner", "Dana Reyes", "Luis Ortega", "Sam Okafor"]


def _backup_owner_column(root) -> None:
    """Counsel adds a column "Backup owner" after "Account owner", Track Changes on: each new
    cell marked inserted (w:cellIns), its words with it."""
    table = next(t for t in root.iter(w("tbl")) if "Handle or address" in "".join(t.itertext()))
    for at, row in enumerate(table.iter(w("tr"))):
        cell = copy.deepcopy(row.findall(w("tc"))[3])
        cell.find(w("tcPr")).append(_change("cellIns", 1700 + 2 * at))
        words = cell.find(w("p"))
        for run in words.findall(w("r")):
            words.remove(run)
        words.append(_change("ins", 1701 + 2 * at, _run(BACKUPS[at])))
        row.append(cell)


def test_a_table_column_added_is_one_change(sent, tmp_path, capsys):
    """As a column deleted: it was four insertions, and accepting some left a ragged table."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_backup_owner_column))
    assert rows(listed(capsys, project, reply)) == [
        ("insertion", ACCOUNTS, COUNSEL,
         'column "Backup owner" added: Dana Reyes | Luis Ortega | Sam Okafor')]
    accept(capsys, project, reply, "--accept", "c1")
    assert [line for line in texts(project)["presence.accounts"].splitlines()
            if line.startswith("|")][:2] == [
        "| Platform | Handle or address | Purpose | Account owner | Backup owner |",
        "| LinkedIn | linkedin.com/company/northwind-analytics | Company news, case studies and "
        "hiring | Sam Okafor, Marketing Lead | Dana Reyes |"]


def test_a_table_column_deleted_is_one_change(sent, tmp_path, capsys):
    """The column was listed as four deletions, a cell each: accepting some left rows of
    three cells under a header of four, each cell under the wrong heading."""
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_no_purpose_column))
    assert rows(listed(capsys, project, reply)) == [(
        "deletion", ACCOUNTS, COUNSEL, 'column "Purpose" taken out: Company news, case studies '
        "and hiring | Product demos and webinar recordings | Event news and links to new "
        "articles")]
    accept(capsys, project, reply, "--accept", "c1")
    table = [line for line in texts(project)["presence.accounts"].splitlines()
             if line.startswith("|")]
    assert table[:2] == ["| Platform | Handle or address | Account owner |",
                         "| LinkedIn | linkedin.com/company/northwind-analytics | "
                         "Sam Okafor, Marketing Lead |"]
    assert {line.count("|") for line in table} == {4}
