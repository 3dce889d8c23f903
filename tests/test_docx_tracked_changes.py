"""Changes since the last export: counsel sees exactly what was edited, as Word tracked changes.

Accepting every change must give the new policy, rejecting every change the old one, and the
marks must sit inside the sentences that were edited and nowhere else.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml.ns import qn

from smpolicy_desktop.cli import main
from smpolicy_desktop.exporters import ExportError
from smpolicy_desktop.model import CounselNote, ResponseMatrixRow
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project, save_project
from smpolicy_desktop.tracked_changes import (
    DELETED,
    INSERTED,
    Edit,
    diff_text,
    paragraph_texts,
)
from smpolicy_desktop.workspace import Workspace
from tests.docx_projects import OWNER, filled_project, record_sent

W = {name: qn(f"w:{name}") for name in ("p", "tbl", "tr", "t", "delText", "ins", "del", "pPr",
                                         "rPr", "trPr", "pStyle", "tc")}
SKIPPED_STYLES = {"TOCHeading", "TOC1"}  # the contents are a field Word rebuilds, not text


def _style(p) -> str:
    style = p.find(f"{W['pPr']}/{W['pStyle']}")
    return style.get(qn("w:val")) if style is not None else "Normal"


def _mark(element, holder: str):
    """The w:ins or w:del on a paragraph mark (pPr/rPr) or table row (trPr), if any."""
    properties = element.find(f"{W['pPr']}/{W['rPr']}") if holder == "p" \
        else element.find(W["trPr"])
    if properties is None:
        return None
    return properties.find(W["ins"]) if properties.find(W["ins"]) is not None \
        else properties.find(W["del"])


def _text(element, view: str) -> str:
    """The element's text with every change accepted ("new") or rejected ("old")."""
    pieces = []
    for node in element.iter(W["t"], W["delText"]):
        inside = {a.tag for a in node.iterancestors(W["ins"], W["del"])}
        if view == "new" and W["del"] not in inside or view == "old" and W["ins"] not in inside:
            pieces.append(node.text or "")
    return "".join(pieces)


def document_texts(path, view: str) -> list[str]:
    """The paragraphs (and tab-joined table rows) a reader sees after accepting or rejecting."""
    gone = W["del"] if view == "new" else W["ins"]
    texts = []
    for element in docx.Document(path).element.body:
        if element.tag == W["p"] and _style(element) not in SKIPPED_STYLES:
            mark = _mark(element, "p")
            text = _text(element, view)
            if text and (mark is None or mark.tag != gone):
                texts.append(text)
        elif element.tag == W["tbl"]:
            for row in element.iter(W["tr"]):
                mark = _mark(row, "tr")
                if mark is None or mark.tag != gone:
                    texts.append("\t".join(_text(cell, view) for cell in row.iter(W["tc"])))
    return texts


def marks(path) -> list:
    body = docx.Document(path).element.body
    return list(body.iter(W["ins"], W["del"]))


def sentences(text: str) -> set[str]:
    return set(re.split(r"(?<=[.!?])\s+", text))


@pytest.fixture
def remembered():
    """A project whose first Word export was remembered, as after sending it to counsel."""
    project = filled_project()
    record_sent(project)
    before = list(project.sent_versions[-1].paragraphs)
    return project, before


def export_changes(project, tmp_path):
    return Workspace(project).export(tmp_path / "changes.docx", changes_since_last=True)


def test_remembering_keeps_the_exported_text_in_the_project(remembered):
    project, before = remembered
    assert project.sent_versions[-1].sent_on.date() == datetime.now(UTC).date()
    assert before == paragraph_texts(render_document(project))
    assert any("\t" in row for row in before)  # table rows, cells joined by tabs


def test_nothing_edited_means_no_marks_and_the_first_line_says_so(remembered, tmp_path):
    project, _ = remembered
    path = export_changes(project, tmp_path)
    assert marks(path) == []
    first = docx.Document(path).paragraphs[0].text  # it said "shown as tracked changes"
    assert first.startswith("No changes since version 2.1, sent to counsel on ")
    assert first.endswith("(full policy, v1).")


def test_accepting_all_gives_the_new_policy_and_rejecting_all_the_old(remembered, tmp_path):
    project, before = remembered
    project.responses.monitor_frequency = "Every hour during the working day"
    project.employees.confidential_info = ["Client files and client data", "Salary plans"]
    project.presence.we_publish = ["Case studies", "Event news", "Webinar recordings"]
    project.responses.response_matrix = [
        *project.responses.response_matrix[:2],
        ResponseMatrixRow(situation="Job question", action="Point them to our careers page.",
                          responder="HR", response_time="Same day"),
        *project.responses.response_matrix[3:]]
    path = export_changes(project, tmp_path)
    compared_with, *new = document_texts(path, "new")
    assert compared_with.startswith("Changes since version 2.1, sent to counsel on ")
    assert new == paragraph_texts(render_document(project))
    assert document_texts(path, "old")[1:] == before


def test_marks_sit_inside_the_edited_sentence_only(remembered, tmp_path):
    project, before = remembered
    project.responses.monitor_frequency = "Every hour during the working day"
    path = export_changes(project, tmp_path)
    after = paragraph_texts(render_document(project))
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed, "the edit should change the text"
    edited_new = set().union(*(sentences(new) - sentences(old) for old, new in changed))
    edited_old = set().union(*(sentences(old) - sentences(new) for old, new in changed))
    found = marks(path)
    assert found
    for mark in found:
        text = "".join(node.text or "" for node in mark.iter(W["t"], W["delText"]))
        pool = edited_new if mark.tag == W["ins"] else edited_old
        assert any(text in sentence for sentence in pool), text


def test_every_mark_carries_the_owner_and_a_date(remembered, tmp_path):
    project, _ = remembered
    project.public.comment_note = "We answer fair criticism in public and never delete it."
    found = marks(export_changes(project, tmp_path))
    assert found
    for mark in found:
        assert mark.get(qn("w:author")) == OWNER
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", mark.get(qn("w:date")))
    assert len({mark.get(qn("w:id")) for mark in found}) == len(found)


def test_a_removed_list_item_is_a_deleted_paragraph(remembered, tmp_path):
    project, _ = remembered
    project.employees.confidential_info = ["Client files and client data",
                                           "Financial results"]
    path = export_changes(project, tmp_path)
    deleted = [p for p in docx.Document(path).element.body.iter(W["p"])
               if (mark := _mark(p, "p")) is not None and mark.tag == W["del"]]
    assert [_text(p, "old") for p in deleted] == ["Unreleased projects"]


def test_deleted_headings_and_list_items_keep_their_styles(remembered, tmp_path):
    project, _ = remembered
    project.employees.confidential_info = ["Client files and client data",
                                           "Financial results"]
    project.employees.third_party_rights = False  # the clause on others' work goes
    path = export_changes(project, tmp_path)
    deleted = {_text(p, "old"): _style(p) for p in docx.Document(path).element.body.iter(W["p"])
               if (mark := _mark(p, "p")) is not None and mark.tag == W["del"]}
    assert deleted["Unreleased projects"] == "ListBullet"  # Reject brings back a bullet
    heading = next(text for text in deleted if text.split(" ", 1)[0].count(".") == 1
                   and text.split(" ", 1)[0].replace(".", "").isdigit())
    assert deleted[heading] == "Heading2"  # ... and a clause heading, not body text


def test_a_clause_taken_out_is_marked_but_the_renumbering_after_it_is_not(remembered,
                                                                          tmp_path):
    project, before = remembered
    project.employees.third_party_rights = False  # the clause on others' work goes
    path = export_changes(project, tmp_path)
    after = paragraph_texts(render_document(project))
    assert document_texts(path, "new")[1:] == after  # every later clause has its new number
    renumbered = [(old, new) for old, new in zip(before, after, strict=False)
                  if old != new and old.split(" ", 1)[1:] == new.split(" ", 1)[1:]]
    assert renumbered  # "4.9 Harassment..." is now "4.8 Harassment..."
    assert {_text(mark, "new") for mark in marks(path) if mark.tag == W["ins"]} <= {""}
    deleted = {_text(mark, "old") for mark in marks(path)} - {""}
    assert all(text in before and text not in after for text in deleted), deleted


def test_a_note_never_ends_inside_a_deletion(tmp_path):
    project = filled_project(responses__holding_statement=(
        "We know about the problem. We will post an update within the hour."))
    project.review.notes_to_counsel = [CounselNote(clause_id="responses.holding",
                                                   question="Is this statement enough?")]
    record_sent(project)
    project.responses.holding_statement = "We know about the problem."  # the note's last words go
    body = docx.Document(export_changes(project, tmp_path)).element.body
    assert "We will post an update" in "".join(
        "".join(d.itertext()) for d in body.iter(W["del"]))
    for tag in ("commentRangeEnd", "commentReference", "commentRangeStart"):
        for node in body.iter(qn(f"w:{tag}")):
            assert not list(node.iterancestors(W["del"])), tag


def test_the_redline_compares_with_the_version_asked_for_and_like_with_like(remembered,
                                                                            tmp_path):
    project, _ = remembered
    project.company.version = "3.0"
    record_sent(project)  # v2
    project.company.version = "3.1"
    path = Workspace(project).export(tmp_path / "c.docx", changes_since_last=True,
                                     against="v1")
    assert "(full policy, v1)" in docx.Document(path).paragraphs[0].text
    with pytest.raises(ExportError, match="like with like"):
        Workspace(project).export(tmp_path / "s.docx", kind="short", changes_since_last=True,
                                  against="v1")
    with pytest.raises(ExportError, match="no version sent with this id"):
        Workspace(project).export(tmp_path / "x.docx", changes_since_last=True, against="v9")


def test_the_file_sent_carries_clause_bookmarks_its_version_and_track_changes(tmp_path):
    import zipfile

    project = filled_project()
    path = Workspace(project).export(tmp_path / "sent.docx", remember=True)
    with zipfile.ZipFile(path) as files:
        document = files.read("word/document.xml").decode()
        custom = files.read("docProps/custom.xml").decode()
        settings = files.read("word/settings.xml").decode()
    assert 'w:name="smp_employees_confidential"' in document
    assert "smpolicyVersion" in custom and ">v1<" in custom
    assert "<w:trackRevisions/>" in settings
    assert project.sent_versions[-1].id == "v1"
    # the final version, for all staff, opens without Track Changes (found by a tester)
    project.review.final = True
    final = Workspace(project).export(tmp_path / "final.docx")
    with zipfile.ZipFile(final) as files:
        assert "trackRevisions" not in files.read("word/settings.xml").decode()


def test_a_new_table_row_is_an_inserted_row(remembered, tmp_path):
    project, _ = remembered
    project.responses.escalation_chain = [
        *project.responses.escalation_chain,
        {"role": "Insurer", "name": "Acme Cover", "contact": "+1 555 0199",
         "when": "Any data breach"}]
    path = export_changes(project, tmp_path)
    inserted = [row for row in docx.Document(path).element.body.iter(W["tr"])
                if (mark := _mark(row, "tr")) is not None and mark.tag == W["ins"]]
    assert len(inserted) == 1 and "Acme Cover" in _text(inserted[0], "new")


def test_a_row_changed_in_two_cells_and_a_last_row_taken_out_reject_back_to_the_table_sent(
        remembered, tmp_path):
    """A row's action reworded and its responder changed: the old responder was shown struck
    out in the action's cell, and rejected, the row read "... if they agree Account owner"
    with no responder. The escalation chain's last row taken out was shown as a paragraph
    under the table, "IT support | ...", and came back as one (found by a tester)."""
    project, before = remembered
    first = project.responses.response_matrix[0]
    project.responses.response_matrix[0] = first.model_copy(update={
        "action": first.action + " Then log it. And thank them twice.",
        "responder": "Marketing team"})
    project.responses.escalation_chain = project.responses.escalation_chain[:-1]
    path = export_changes(project, tmp_path)
    assert document_texts(path, "old")[1:] == before
    assert document_texts(path, "new")[1:] == paragraph_texts(render_document(project))
    tables = list(docx.Document(path).element.body.iter(W["tbl"]))
    row = next(r for t in tables for r in t.iter(W["tr"]) if first.situation in _text(r, "old"))
    cells = [(_text(cell, "old"), _text(cell, "new")) for cell in row.iter(W["tc"])]
    assert (first.responder, "Marketing team") in cells
    assert not [p for p in docx.Document(path).element.body.iter(W["p"])
                if " | " in _text(p, "old")]


def test_a_table_taken_out_whole_is_a_table_of_deleted_rows(remembered, tmp_path):
    """Every row of the accounts table taken out (as counsel's tracked row deletions, once
    accepted, do): the redline showed them as struck-out paragraphs, "Platform | Handle or
    address | Purpose | Account owner", which rejected came back as paragraphs (a single row
    taken out was a deleted row; found by a tester). They are the table's rows, deleted."""
    from smpolicy_desktop.render import clause_texts, own_wording

    project, before = remembered
    text = clause_texts(render_document(project))["presence.accounts"]
    project.wording.append(own_wording(project, "presence.accounts", "\n".join(
        line for line in text.split("\n") if not line.startswith("| "))))
    path = export_changes(project, tmp_path)
    assert document_texts(path, "old")[1:] == before
    assert document_texts(path, "new")[1:] == paragraph_texts(render_document(project))
    body = docx.Document(path).element.body
    assert not [p for p in body.iter(W["p"]) if " | " in _text(p, "old")]
    table = next(table for table in body.iter(W["tbl"]) if "Platform" in _text(table, "old"))
    assert [("\t".join(_text(cell, "old") for cell in row.iter(W["tc"])), _mark(row, "tr").tag)
            for row in table.iter(W["tr"])] == [(row, W["del"]) for row in before if row in (
                "Platform\tHandle or address\tPurpose\tAccount owner",
                *("\t".join(account.model_dump().values())
                  for account in project.presence.accounts))]


def test_the_contents_show_a_section_renamed_or_added_as_changes(remembered, tmp_path):
    """The contents listed a renamed section's new title and a new section unmarked, so
    they read as sent, and rejecting every change left them there (found by a tester)."""
    from smpolicy_desktop.model import ClauseWording, OwnerClause

    project, before = remembered
    project.wording.append(ClauseWording(clause_id="voice", title="Who may speak for us",
                                         title_only=True))
    project.owner_clauses.append(OwnerClause(id="own.1", section_id="", after="content",
                                             title="Our own new section",
                                             text="We keep this short."))
    path = export_changes(project, tmp_path)
    entries = [p for p in docx.Document(path).element.body.iter(W["p"]) if _style(p) == "TOC1"]
    old = [_text(p, "old") for p in entries if _mark(p, "p") is None or
           _mark(p, "p").tag != W["ins"]]
    new = [_text(p, "new") for p in entries if _mark(p, "p") is None or
           _mark(p, "p").tag != W["del"]]
    sent = [text for text, style in zip(before, project.sent_versions[0].styles, strict=True)
            if style == "heading1"]
    shown = [b.text for b in render_document(project).blocks if b.kind == "heading1"]
    assert [_numberless(t) for t in old] == [_numberless(t) for t in sent]
    assert new == shown
    assert "Who may speak for us" in new[2] and "Our own new section" in " ".join(new)


def _numberless(heading: str) -> str:
    return re.sub(r"^\d+ ", "", heading)


def test_notes_to_counsel_stay_in_the_changes_document(remembered, tmp_path):
    project, _ = remembered
    project.review.notes_to_counsel = [CounselNote(clause_id="", question="Anything else?")]
    project.training.when_trained = "In their first week"
    word = docx.Document(export_changes(project, tmp_path))
    assert [c.text for c in word.comments] == ["Anything else?"]


def test_without_an_earlier_export_it_says_so(tmp_path):
    with pytest.raises(ExportError, match="no version sent to counsel"):
        Workspace(filled_project()).export(tmp_path / "changes.docx", changes_since_last=True)
    assert not (tmp_path / "changes.docx").exists()


def test_diff_marks_words_within_a_sentence():
    edits = diff_text("We post daily. Staff must not share client files. Ask first.",
                      "We post daily. Staff must never share client files. Ask first.")
    assert [e for e in edits if e.change] == [Edit("not", DELETED), Edit("never", INSERTED)]
    assert "".join(e.text for e in edits if e.change != DELETED) == \
        "We post daily. Staff must never share client files. Ask first."


# --- the command line ------------------------------------------------------------------------

def test_cli_remembers_then_shows_changes(tmp_path, capsys):
    project_file = tmp_path / "policy.smpolicy"
    save_project(filled_project(), project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "v1.docx"),
                 "--remember"]) == 0
    assert load_project(project_file).sent_versions[-1].paragraphs
    edited = load_project(project_file)
    edited.training.when_trained = "In their first week"
    save_project(edited, project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "v2.docx"),
                 "--changes-since-last", "--line-numbers"]) == 0
    assert marks(tmp_path / "v2.docx")


def test_cli_without_an_earlier_export_exits_2_with_one_line(tmp_path, capsys):
    project_file = tmp_path / "policy.smpolicy"
    save_project(filled_project(), project_file)
    code = main(["export", str(project_file), "-o", str(tmp_path / "c.docx"),
                 "--changes-since-last"])
    error = capsys.readouterr().err
    assert code == 2 and error.count("\n") == 1 and "no version sent to counsel" in error


def test_cli_refuses_to_remember_anything_but_a_plain_word_export(tmp_path, capsys):
    project_file = tmp_path / "policy.smpolicy"
    save_project(filled_project(), project_file)
    before = project_file.read_bytes()
    code = main(["export", str(project_file), "-o", str(tmp_path / "p.html"), "--remember"])
    assert code == 2 and capsys.readouterr().err.count("\n") == 1
    assert project_file.read_bytes() == before


def test_a_rewritten_phrase_reads_as_one_deletion_and_one_insertion():
    edits = diff_text("We check messages twice each working day.",
                      "We check messages every hour during the working day.")
    assert [e for e in edits if e.change] == [Edit("twice each", DELETED),
                                              Edit("every hour during the", INSERTED)]


def test_a_bullet_made_a_plain_line_is_a_formatting_change(remembered, tmp_path):
    """The owner's wording takes the "- " off a bullet: the redline said "No changes since";
    now it says changes are shown, and the line carries a tracked formatting change (its
    style as sent, so Reject makes it a bullet again). Read back as counsel's reply, that
    change of the owner's is no edit of counsel's (found by a tester)."""
    from smpolicy_desktop.render import generated_texts, own_wording

    project, _ = remembered
    generated = generated_texts(project)["employees.confidential"]
    project.wording.append(own_wording(project, "employees.confidential", generated.replace(
        "- Unreleased projects", "Unreleased projects")))
    workspace = Workspace(project)
    path = workspace.export(tmp_path / "changes.docx", changes_since_last=True)
    first = docx.Document(path).paragraphs[0].text
    assert first.startswith("Changes since version 2.1, sent to counsel on ")
    assert first.endswith(", shown as tracked changes.")
    restyled = [(_text(p, "new"), _style(p), was.get(qn("w:val")))
                for p in docx.Document(path).element.body.iter(W["p"])
                for was in p.iterfind(f"{W['pPr']}/{qn('w:pPrChange')}/{W['pPr']}/{W['pStyle']}")]
    assert restyled == [("Unreleased projects", "Normal", "ListBullet")]
    assert marks(path) == []  # no words marked
    assert workspace.read_reply(path).items == []
