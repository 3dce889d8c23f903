"""The Word file counsel receives, read back with python-docx: styles, fields, comments, tables.

Each test exports a filled-in project and checks what a lawyer opening the file would see.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from smpolicy_desktop.dates import long_date_in
from smpolicy_desktop.document import to_html
from smpolicy_desktop.model import CounselNote
from smpolicy_desktop.render import own_wording, render_document
from smpolicy_desktop.workspace import Workspace
from tests.docx_projects import OWNER, clause_ids, filled_project


def export(project, tmp_path: Path, name: str = "policy.docx", **options) -> Path:
    return Workspace(project).export(tmp_path / name, **options)


def body_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def instructions(part_element) -> str:
    return " ".join(e.text for e in part_element.iter(qn("w:instrText")))


def test_headings_use_word_heading_styles(tmp_path):
    project = filled_project()
    document = render_document(project)
    word = docx.Document(export(project, tmp_path))
    style_of = {p.text.strip(): p.style.name for p in word.paragraphs}
    expected = {"title": "Title", "heading1": "Heading 1", "heading2": "Heading 2",
                "bullet": "List Bullet", "numbered": "List Number", "signature": "Signature Line"}
    for block in document.blocks:
        if block.kind in expected:
            assert style_of[block.text] == expected[block.kind], block.text


def test_text_carries_styles_only_never_direct_formatting(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path))
    for paragraph in word.paragraphs:
        ppr = paragraph._p.pPr
        if ppr is not None:
            direct = {child.tag.split("}")[1] for child in ppr} - {"pStyle", "numPr",
                                                                   "pageBreakBefore"}
            assert not direct, (paragraph.text, direct)
        for run in paragraph.runs:
            rpr = run._r.rPr
            if rpr is not None:
                assert {c.tag.split("}")[1] for c in rpr} == {"rStyle"}, paragraph.text


def test_bold_lead_ins_use_the_strong_character_style(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path))
    strong = [run for p in word.paragraphs for run in p.runs if run.style.name == "Strong"]
    assert strong and all(run.text.strip() for run in strong)


def test_title_block_names_company_version_date_and_owner(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path))
    top = "\n".join(p.text for p in word.paragraphs[:4])
    for words in ("Social Media Policy", "Northwind Analytics LLC", "Version 2.1",
                  "March 1, 2025", "Dana Reyes, Managing Director"):
        assert words in top


def test_draft_header_until_the_project_is_final(tmp_path):
    draft = docx.Document(export(filled_project(), tmp_path, "draft.docx"))
    final = docx.Document(export(filled_project(review__final=True), tmp_path, "final.docx"))
    assert draft.sections[0].header.paragraphs[0].text == "DRAFT - for review by counsel"
    assert "DRAFT" not in " ".join(p.text for p in final.sections[0].header.paragraphs)
    assert "DRAFT" not in " ".join(p.text for p in final.paragraphs)


def test_footer_says_page_x_of_y_with_real_fields(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path))
    footer = word.sections[0].footer.paragraphs[-1]
    assert instructions(footer._p).split() == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Page ") and " of " in footer.text


def test_every_page_says_which_policy_version_and_draft_or_redline_it_is(tmp_path):
    def footer(path: Path) -> str:
        return docx.Document(path).sections[0].footer.paragraphs[0].text
    today = long_date_in("US", datetime.now(UTC).date())  # as the export dates it
    workspace = Workspace(filled_project())
    workspace.export(tmp_path / "sent.docx", remember=True)
    assert footer(tmp_path / "sent.docx") == (
        f"Social Media Policy - Northwind Analytics LLC, version 2.1, draft of {today}")
    workspace.set_value(("company", "version"), "2.2")
    workspace.export(tmp_path / "changes.docx", changes_since_last=True)
    assert footer(tmp_path / "changes.docx") == (
        f"Social Media Policy - Northwind Analytics LLC, version 2.2, changes since v1 of {today}")
    final = export(filled_project(review__final=True), tmp_path, "final.docx")
    assert footer(final) == "Social Media Policy - Northwind Analytics LLC, version 2.1"
    british = export(filled_project(company__country="GB"), tmp_path, "gb.docx")
    assert footer(british).endswith(f"draft of {long_date_in('UK', datetime.now(UTC).date())}")
    assert footer(british).split(" of ")[-1][0].isdigit()  # "3 December 2026"


@pytest.mark.parametrize(("country", "paper"), [("US", (216, 279)), ("CA", (216, 279)),
                                                ("GB", (210, 297)), ("AU", (210, 297))])
def test_paper_is_the_countrys_a4_or_us_letter_with_the_same_text_width(tmp_path, country,
                                                                         paper):
    section = docx.Document(export(filled_project(company__country=country),
                                   tmp_path)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == paper
    text_width = section.page_width - section.left_margin - section.right_margin
    assert round(text_width / 914400, 2) == 6.5  # inches: the tables are sized for it


# ECMA-376 Part 1, 17.3.1.26: the order in which the schema allows a paragraph's properties.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
             "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
             "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")


def test_paragraph_properties_and_zoom_are_as_the_schema_wants_them(tmp_path):
    # Word may call a file with properties out of order unreadable; the review found the
    # header and footer styles' alignment before their spacing, and a zoom without a percent.
    with zipfile.ZipFile(export(filled_project(), tmp_path)) as package:
        for name in ("word/styles.xml", "word/document.xml", "word/header1.xml",
                     "word/footer1.xml"):
            for ppr in etree.fromstring(package.read(name)).iter(qn("w:pPr")):
                order = [PPR_ORDER.index(etree.QName(child).localname) for child in ppr]
                assert order == sorted(order), (name, etree.tostring(ppr))
        zoom = etree.fromstring(package.read("word/settings.xml")).find(qn("w:zoom"))
        assert zoom.get(qn("w:percent")) == "100"


def test_full_policy_has_a_contents_field_that_only_the_final_version_updates_on_open(
        tmp_path):
    # A draft for counsel does not make Word ask about "fields that may refer to other files"
    # (nor record the update as counsel's tracked change); its contents list the sections.
    for final in (False, True):
        word = docx.Document(export(filled_project(review__final=final), tmp_path))
        assert instructions(word.element.body).strip().startswith("TOC ")
        update = word.settings.element.find(qn("w:updateFields"))
        assert (update is not None and update.get(qn("w:val")) == "true") is final
        contents = [p.text for p in word.paragraphs if p.style.name == "toc 1"]
        headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
        assert contents == headings


def test_short_guidelines_have_no_contents(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path, kind="short"))
    assert "TOC" not in instructions(word.element.body)
    assert word.settings.element.find(qn("w:updateFields")) is None


def test_tables_are_real_with_a_header_row_that_repeats(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path))
    assert len(word.tables) >= 2  # response matrix and escalation chain
    matrix = next(t for t in word.tables if t.rows[0].cells[0].text == "Situation")
    assert [row.cells[0].text for row in matrix.rows][1:4] == ["Praise", "Question",
                                                               "Complaint"]
    for table in word.tables:
        assert table.style.name == "Policy Table"
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])


def test_appendix_b_starts_on_its_own_page(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path))
    heading = next(p for p in word.paragraphs
                   if p.text.startswith("Appendix B") and p.style.name == "Heading 1")
    assert heading._p.pPr.find(qn("w:pageBreakBefore")) is not None


def test_acknowledgement_has_lines_to_sign_and_date(tmp_path):
    word = docx.Document(export(filled_project(), tmp_path))
    lines = [p for p in word.paragraphs if p.style.name == "Signature Line"]
    labels = [p.text.strip() for p in lines]
    assert "Signature" in labels and "Date" in labels
    assert all(p._p.find(f".//{qn('w:tab')}") is not None for p in lines)


def test_line_numbers_only_when_asked(tmp_path):
    plain = docx.Document(export(filled_project(), tmp_path, "plain.docx"))
    numbered = docx.Document(export(filled_project(), tmp_path, "lines.docx",
                                    line_numbers=True))
    assert plain.sections[0]._sectPr.find(qn("w:lnNumType")) is None
    lines = numbered.sections[0]._sectPr.find(qn("w:lnNumType"))
    assert lines is not None and lines.get(qn("w:countBy")) == "1"


# --- notes to counsel ------------------------------------------------------------------------

def comment_anchors(word) -> dict[str, str]:
    """Comment id -> the text of the paragraph where its range starts."""
    anchors = {}
    for paragraph in word.paragraphs:
        for start in paragraph._p.iter(qn("w:commentRangeStart")):
            anchors[start.get(qn("w:id"))] = paragraph.text
    return anchors


def test_notes_to_counsel_are_comments_on_their_clauses(tmp_path):
    project = filled_project()
    clauses = render_document(project).clauses()
    confidential = next(i for i in clause_ids(project) if i.endswith("confidential"))
    monitoring = next(i for i in clause_ids(project) if i.endswith("monitoring"))
    project.review.notes_to_counsel = [
        CounselNote(clause_id=confidential, question="Is this list too broad?"),
        CounselNote(clause_id=monitoring, question="Is our monitoring notice enough in Ohio?")]
    word = docx.Document(export(project, tmp_path))
    comments = list(word.comments)
    assert [c.text for c in comments] == ["Is this list too broad?",
                                          "Is our monitoring notice enough in Ohio?"]
    assert {c.author for c in comments} == {OWNER}
    assert comments[0].initials == "DR"
    anchors = comment_anchors(word)
    assert anchors[str(comments[0].comment_id)] == clauses[confidential]
    assert anchors[str(comments[1].comment_id)] == clauses[monitoring]


def test_a_note_on_a_removed_clause_lands_on_the_title_and_names_the_clause_in_words(tmp_path):
    """Counsel deleted the clause the owner's note was about (or the owner emptied its
    wording): the note goes on the title, naming the clause by its title, as the owner and
    counsel know it, never by the app's internal id."""
    project = filled_project()
    project.review.notes_to_counsel = [CounselNote(clause_id="purpose.related",
                                                   question="Do we still need this?")]
    project.wording = [own_wording(project, "purpose.related", "")]  # as counsel's reply does
    preview = to_html(render_document(project))
    assert "Other policies" not in preview and "purpose.related" not in preview
    word = docx.Document(export(project, tmp_path))
    (comment,) = list(word.comments)
    assert comment.text == ('This note was about "Other policies" (no longer in the policy). '
                            "Do we still need this?")
    assert comment_anchors(word)[str(comment.comment_id)] == "Social Media Policy"


def test_a_note_on_a_clause_nothing_names_any_more_says_so_without_an_id(tmp_path):
    project = filled_project()
    project.review.notes_to_counsel = [CounselNote(clause_id="own.7",  # an owner's, deleted
                                                   question="Do we still need this?")]
    word = docx.Document(export(project, tmp_path))
    (comment,) = list(word.comments)
    assert comment.text == ("This note was about a clause no longer in the policy. "
                            "Do we still need this?")


def test_blank_notes_make_no_comments(tmp_path):
    project = filled_project()
    project.review.notes_to_counsel = [CounselNote(clause_id="", question="  ")]
    word = docx.Document(export(project, tmp_path))
    assert list(word.comments) == []


# --- the package -----------------------------------------------------------------------------

def test_document_properties_name_the_policy_and_company(tmp_path):
    properties = docx.Document(export(filled_project(), tmp_path)).core_properties
    assert properties.title == "Social Media Policy - Northwind Analytics LLC"
    assert properties.author == "Northwind Analytics LLC"
    assert properties.subject == "Full policy"
    assert properties.created is not None and properties.modified == properties.created
    assert properties.comments == "" and properties.keywords == ""


def test_a_name_with_a_line_break_or_tab_is_one_line_in_the_footer_and_properties(tmp_path):
    """The body showed "Northwind Analytics LLC"; the footer broke the line and the file's
    title and author kept the break and the tab (a hand-edited file, or a paste)."""
    word = docx.Document(export(filled_project(company__name="Northwind\nAnalytics\tLLC",
                                               company__version="2.1\n"), tmp_path))
    assert word.sections[0].footer.paragraphs[0].text.startswith(
        "Social Media Policy - Northwind Analytics LLC, version 2.1, ")
    assert word.core_properties.title == "Social Media Policy - Northwind Analytics LLC"
    assert word.core_properties.author == "Northwind Analytics LLC"


def test_no_macros_thumbnail_external_links_or_generator_leftovers(tmp_path):
    path = export(filled_project(), tmp_path)
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        everything = b"".join(package.read(name) for name in names)
    assert not [n for n in names if "thumbnail" in n or "vba" in n.lower()
                or n.startswith("customXml")]
    assert b'TargetMode="External"' not in everything
    for leftover in (b"python-docx", b"Microsoft Macintosh Word", b"2013-12-23", b"rsidR"):
        assert leftover not in everything, leftover


@pytest.mark.parametrize("typed", [
    "{{ 7*7 }}", "{% raw %}", "<b>x</b>", "\U0001f680 launch", "\u05e9\u05dc\u05d5\u05dd",
    "a & b < c"])
def test_user_text_comes_out_literally(tmp_path, typed):
    project = filled_project()
    project.company.name = f"Acme {typed}"
    project.employees.confidential_info = [f"Plans {typed}"]
    project.review.notes_to_counsel = [CounselNote(clause_id="", question=f"Why {typed}?")]
    word = docx.Document(export(project, tmp_path))
    text = "\n".join(p.text for p in word.paragraphs)
    assert f"Acme {typed}" in text and f"Plans {typed}" in text
    assert "49" not in text.replace("2025", "")
    assert next(iter(word.comments)).text == f"Why {typed}?"


def test_control_characters_xml_forbids_are_dropped(tmp_path):
    project = filled_project()
    project.company.name = "Acme\x07 Bell\x1b Ltd"
    project.employees.confidential_info = ["Plans\x00 and\x0b budgets"]
    project.review.notes_to_counsel = [CounselNote(clause_id="", question="Why\x01 not?")]
    word = docx.Document(export(project, tmp_path))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Acme Bell Ltd" in text and "Plans and budgets" in text
    assert next(iter(word.comments)).text == "Why not?"


def test_a_note_on_a_clause_only_the_full_policy_has_names_it_there_in_the_short_guidelines():
    """With the short guidelines chosen, a note on a full-policy clause said it was "no longer
    in the policy" (found by a tester)."""
    from smpolicy_desktop.render import clause_names

    project = filled_project()
    short = render_document(project, "short")
    full = render_document(project, "full")
    clause = next(c for c in full.clauses() if c not in short.clauses() and "." in c)
    name = clause_names(project, [clause], short)[clause]
    assert name == f"{clause_names(project, [clause], full)[clause]} (in the full policy)"
    assert "no longer" not in name
