"""The owner's own wording: reworded clauses, rules of their own, stale wording, the file.

Also the Final version: what a final export leaves out.
"""

from __future__ import annotations

import json
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from smpolicy_desktop.checks.policy_check import check_project
from smpolicy_desktop.model import (
    ClauseWording,
    CounselNote,
    DocumentType,
    OwnerClause,
    ResponseMatrixRow,
)
from smpolicy_desktop.render import clause_texts, own_wording, render_document, stale_wording
from smpolicy_desktop.storage import FORMAT, SCHEMA_VERSION, load_project, save_project
from smpolicy_desktop.workspace import Workspace
from tests.docx_projects import filled_project

REWORDED = "Staff may use social media at work in moderation.\n- Never during client meetings"


def headings(document) -> list[tuple[str, str]]:
    return [(b.clause_id, b.text) for b in document.blocks if b.kind == "heading2"]


def word_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def test_a_reworded_clause_says_the_owners_words_in_every_format(tmp_path):
    project = filled_project()
    number = next(b.number for b in render_document(project).blocks
                  if b.clause_id == "employees.personal_use" and b.kind == "heading2")
    project.wording.append(own_wording(project, "employees.personal_use", REWORDED))
    document = render_document(project)
    assert clause_texts(document)["employees.personal_use"] == REWORDED
    blocks = [b for b in document.blocks if b.clause_id == "employees.personal_use"]
    assert [b.kind for b in blocks] == ["heading2", "paragraph", "bullet"]
    assert blocks[0].number == number  # same place, same number
    text = word_text(Workspace(project).export(tmp_path / "p.docx"))
    assert "Staff may use social media at work in moderation." in text
    assert "Just make sure your work gets done" not in text


def test_a_lone_line_between_bars_is_said_not_dropped(tmp_path):
    """One line written as a table row ("| a | b |") is no table (a table's first row is its
    header, and a header alone was drawn nowhere): the document says the line as typed."""
    project = filled_project()
    wording = "Keep these two apart:\n| Personal accounts | Company accounts |"
    project.wording.append(own_wording(project, "employees.personal_use", wording))
    document = render_document(project)
    assert clause_texts(document)["employees.personal_use"] == wording
    text = word_text(Workspace(project).export(tmp_path / "p.docx"))
    assert "| Personal accounts | Company accounts |" in text


def test_reverting_gives_the_generated_text_back():
    project = filled_project()
    generated = clause_texts(render_document(project))["training.consequences"]
    project.wording.append(own_wording(project, "training.consequences", "Anything."))
    project.wording = []
    assert clause_texts(render_document(project))["training.consequences"] == generated


def test_an_owner_clause_is_numbered_with_the_rest_of_its_section(tmp_path):
    project = filled_project()
    before = headings(render_document(project))
    at = next(i for i, (clause_id, _) in enumerate(before)
              if clause_id == "employees.personal_use")
    number = before[at][1].split()[0]
    project.owner_clauses.append(OwnerClause(
        id="own.1", section_id="employees", after="employees.personal_use",
        title="Personal devices", text="Keep work apps behind a screen lock."))
    after = headings(render_document(project))
    section, clause = number.split(".")
    new_number = f"{section}.{int(clause) + 1}"
    assert after[at + 1] == ("own.1", f"{new_number} Personal devices")
    assert after[at + 2][0] == before[at + 1][0]  # the rest move on by one
    assert after[at + 2][1].split()[0] == f"{section}.{int(clause) + 2}"
    text = word_text(Workspace(project).export(tmp_path / "p.docx"))
    assert f"{new_number} Personal devices\nKeep work apps behind a screen lock." in text


def test_wording_goes_stale_when_an_answer_behind_it_changes():
    project = filled_project(training__consequences="Coaching first.")
    project.wording.append(own_wording(project, "training.consequences", "Our own words."))
    assert stale_wording(project) == {}
    project.training.consequences = "A written warning first."
    stale = stale_wording(project)
    assert list(stale) == ["training.consequences"]
    assert "A written warning first." in stale["training.consequences"]
    assert "Our own words." in clause_texts(render_document(project))["training.consequences"]


def test_counsels_one_word_keeps_following_the_answers_in_every_format(tmp_path):
    """Counsel changed one word of 1.1; the company's new name still reaches the clause (a
    tester found it frozen at the old name), in the preview's Document and the Word file."""
    project = filled_project()
    generated = clause_texts(render_document(project))["purpose.why"]
    counsels = generated.replace("reach clients", "reach customers")
    project.wording.append(own_wording(project, "purpose.why", counsels))
    project.company.name = "Northwind Inc"
    shown = clause_texts(render_document(project))["purpose.why"]
    assert shown == counsels.replace("Northwind Analytics LLC", "Northwind Inc")
    assert stale_wording(project) == {}
    assert "helps Northwind Inc reach customers, share" in \
        word_text(Workspace(project).export(tmp_path / "p.docx"))
    project.company.name = "Northwind Analytics LLC"  # the answer back: the words as counsel's
    assert clause_texts(render_document(project))["purpose.why"] == counsels


def test_an_answer_that_changes_the_words_the_wording_changed_leaves_it_as_written():
    project = filled_project(training__consequences="Coaching first. Then a written warning.")
    generated = clause_texts(render_document(project))["training.consequences"]
    own = generated.replace("a written warning", "a formal warning")
    project.wording.append(own_wording(project, "training.consequences", own))
    project.training.consequences = "Coaching, always first. Then a written warning."
    assert clause_texts(render_document(project))["training.consequences"] == \
        own.replace("Coaching first.", "Coaching, always first.")  # apart: both kept
    project.training.consequences = "Coaching first. Then a final written warning."
    assert clause_texts(render_document(project))["training.consequences"] == own  # touching
    assert "a final written warning" in stale_wording(project)["training.consequences"]


def _worded(project, clause_id: str, edit) -> str:
    """The clause as counsel left it: its generated text changed by `edit`, kept as wording."""
    text = edit(clause_texts(render_document(project))[clause_id])
    project.wording.append(own_wording(project, clause_id, text))
    return text


@pytest.mark.parametrize("clause_id, edit, change", [
    # counsel added a sentence naming the company; the company's name changes
    ("presence.ownership",
     lambda g: g.replace("Accounts you open",
                         "Northwind Analytics LLC may suspend any company account at any "
                         "time.\nAccounts you open"),
     lambda p: setattr(p.company, "name", "Acme Corp")),
    # counsel took a bullet out; the owner only reorders the list (it must not come back)
    ("presence.never", lambda g: g.replace("\n- Pricing", ""),
     lambda p: setattr(p.presence, "we_never_publish", p.presence.we_never_publish[::-1])),
    # counsel and the owner add the same item, in different places (it must not be there twice)
    ("employees.confidential",
     lambda g: g.replace("- Client files", "- Trade secrets\n- Client files"),
     lambda p: setattr(p.employees, "confidential_info",
                       [*p.employees.confidential_info, "Trade secrets"])),
    # the answer behind the clause is emptied: no generated text is left to follow
    ("training.consequences", lambda g: g.replace("honestly", "in good faith"),
     lambda p: setattr(p.training, "consequences", "")),
])
def test_wording_that_cannot_follow_the_answers_stays_as_written_and_is_stale(
        clause_id, edit, change):
    """Merges without overlapping changes that would still say the wrong thing (found by a
    tester): the wording stays as counsel left it, and the stale bar asks."""
    project = filled_project()
    counsels = _worded(project, clause_id, edit)
    change(project)
    assert clause_texts(render_document(project))[clause_id] == counsels
    assert clause_id in stale_wording(project)


def test_the_short_guidelines_acknowledgement_follows_the_answers_too():
    """The acknowledgement reads differently in the two documents: a wording of the short one's
    follows the short one's generated text (it was compared with the full one's)."""
    project = filled_project()
    project.company.document_type = DocumentType.SHORT
    counsels = _worded(project, "acknowledgement",
                       lambda g: g.replace("I will follow them.", "I will comply with them."))
    project.company.name = "Acme Corp"
    shown = clause_texts(render_document(project))["acknowledgement"]
    assert shown == counsels.replace("Northwind Analytics LLC", "Acme Corp")
    assert "I will comply with them." in shown and stale_wording(project) == {}


def test_a_long_table_follows_the_answers_line_by_line():
    """500 rows: the lines are compared first and only changed lines word by word (word by
    word throughout, a merge took 1.6 s, on every change anywhere while the bar was shown)."""
    project = filled_project()
    project.responses.response_matrix = [
        ResponseMatrixRow(situation=f"Situation {i}", action=f"Answer case {i} calmly.",
                          responder="Account owner", response_time="Within a day")
        for i in range(500)]
    counsels = _worded(project, "responses.matrix",
                       lambda g: g.replace("| Situation 3 | Answer", "| Situation 3 | Reply to"))
    project.responses.response_matrix[498].responder = "Marketing lead"
    shown = clause_texts(render_document(project))["responses.matrix"]
    assert shown == counsels.replace("Answer case 498 calmly. | Account owner",
                                     "Answer case 498 calmly. | Marketing lead")


def test_the_project_file_keeps_wording_and_owner_clauses(tmp_path):
    project = filled_project()
    project.wording.append(own_wording(project, "employees.personal_use", REWORDED))
    project.owner_clauses.append(OwnerClause(id="own.1", section_id="voice", title="Emoji",
                                             text="Use emoji sparingly."))
    save_project(project, tmp_path / "p.smpolicy")
    again = load_project(tmp_path / "p.smpolicy")
    assert again.wording == project.wording and again.owner_clauses == project.owner_clauses
    assert "Use emoji sparingly." in clause_texts(render_document(again))["own.1"]


def test_a_schema_6_file_with_counsels_title_on_a_clause_opens_as_it_showed(tmp_path):
    """Before schema 7 a clause counsel only renamed kept its words with the new title, and
    they stayed as they were when an answer changed. Such a file keeps the title, and the
    words, unchanged from the generated ones, follow the answers (as any wording does where
    the owner did not change it). Saved again, it says it is schema 7."""
    project = filled_project()
    words = clause_texts(render_document(project))["employees.confidential"]
    project.wording.append(ClauseWording(clause_id="employees.confidential",  # as 6 kept it
                                         title="Confidential information", text=words,
                                         based_on=words))
    project.employees.confidential_info = [*project.employees.confidential_info,
                                           "Prices before launch"]
    answers = project.model_dump(mode="json")
    for wording in answers["wording"]:
        del wording["title_only"]  # a field of schema 7
    path = tmp_path / "six.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 6, "project": answers}))
    opened = load_project(path)
    document = render_document(opened)
    assert document.clauses()["employees.confidential"].endswith(" Confidential information")
    assert clause_texts(document)["employees.confidential"] == \
        clause_texts(render_document(project, own_wording=False))["employees.confidential"]
    assert "- Prices before launch" in clause_texts(document)["employees.confidential"]
    assert stale_wording(opened) == {}
    save_project(opened, path)
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION
    assert load_project(path) == opened


def test_a_title_alone_is_kept_in_the_file_and_its_words_follow_the_answers(tmp_path):
    project = filled_project()
    project.wording.append(ClauseWording(clause_id="employees.confidential",
                                         title="Confidential information", title_only=True))
    save_project(project, tmp_path / "p.smpolicy")
    again = load_project(tmp_path / "p.smpolicy")
    assert again.wording == project.wording
    again.employees.confidential_info = ["Prices before launch"]
    document = render_document(again)
    assert document.clauses()["employees.confidential"].endswith(" Confidential information")
    assert "- Prices before launch" in clause_texts(document)["employees.confidential"]


def test_a_schema_2_file_keeps_its_remembered_export_as_the_first_version(tmp_path):
    path = tmp_path / "old.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 2, "project": {
        "company": {"name": "Acme", "document_type": "short"},
        "last_export": {"exported_on": "2026-05-04", "paragraphs": ["Social Media Policy"]}}}))
    version, = load_project(path).sent_versions
    assert (version.id, version.kind, version.paragraphs) == ("v1", "short",
                                                             ["Social Media Policy"])
    assert version.sent_on.date().isoformat() == "2026-05-04"


def test_the_risk_check_reads_the_owners_wording():
    project = filled_project()
    project.owner_clauses.append(OwnerClause(
        id="own.1", section_id="employees", title="Pay",
        text="Employees must not discuss their wages on social media."))
    findings = [f for f in check_project(project) if f.clause_id == "own.1"]
    assert findings and findings[0].severity == "error"


def test_a_final_export_has_no_notes_statuses_or_draft_mark(tmp_path):
    notes = [CounselNote(clause_id="training.monitoring", question="Is this enough for Ohio?")]
    draft = Workspace(filled_project(review__notes_to_counsel=notes)).export(tmp_path / "d.docx")
    final = Workspace(filled_project(review__notes_to_counsel=notes, review__final=True)
                      ).export(tmp_path / "final.docx")
    with zipfile.ZipFile(draft) as files:
        assert "Is this enough for Ohio?" in files.read("word/comments.xml").decode()
    assert "In review" in _cells(draft)
    with zipfile.ZipFile(final) as files:
        comments = files.read("word/comments.xml").decode() \
            if "word/comments.xml" in files.namelist() else ""
    assert "Is this enough for Ohio?" not in comments
    assert "In review" not in _cells(final) and "DRAFT" not in _header(final)


def _cells(path) -> str:
    return "\n".join(c.text for t in docx.Document(path).tables for r in t.rows for c in r.cells)


def _header(path) -> str:
    return "\n".join(p.text for p in docx.Document(path).sections[0].header.paragraphs)


def test_a_note_in_the_short_guidelines_sits_on_the_item_that_restates_its_clause(tmp_path):
    # On the title, every note said its clause was left out, though most are restated.
    notes = [CounselNote(clause_id="training.monitoring", question="Is this enough for Ohio?"),
             CounselNote(clause_id="employees.confidential", question="Is the list too broad?"),
             CounselNote(clause_id="responses.holding", question="Is this statement wise?")]
    word = docx.Document(Workspace(filled_project(review__notes_to_counsel=notes)).export(
        tmp_path / "s.docx", kind="short"))
    anchors = {start.get(qn("w:id")): p.text for p in word.paragraphs
               for start in p._p.iter(qn("w:commentRangeStart"))}
    said = {c.text: anchors[str(c.comment_id)] for c in word.comments}
    assert said["Is this enough for Ohio?"].startswith("I know that work devices, networks")
    assert said["Is the list too broad?"].startswith("Share confidential business information.")
    # A clause the short guidelines do not restate: on the title, saying so in words.
    left_out, = [text for text in said if text.endswith("Is this statement wise?")]
    assert left_out.startswith("This note is about a clause of the full policy, which the short "
                               "guidelines leave out.")
    assert said[left_out] == "Social Media Policy" and "responses.holding" not in left_out


def test_the_safer_wording_of_a_risky_sentence_in_a_reworded_clause_replaces_only_it():
    from smpolicy_desktop.checks.policy_check import owner_words_fix

    project = filled_project()
    risky = "Do not discuss your pay with coworkers."
    project.wording = [own_wording(project, "training.consequences", f"Coaching first. {risky}")]
    finding = next(f for f in check_project(project) if f.excerpt == risky)
    path, value = owner_words_fix(project, finding)
    assert path == ("wording",)
    assert value[0].text == f"Coaching first. {finding.suggestion}"
    assert project.wording[0].text == f"Coaching first. {risky}"  # the project is untouched
