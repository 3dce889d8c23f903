"""Counsel's reply over several rounds, as an owner meets it: the file the owner sent coming
back untouched, a second round's comments, and a reply to the changes for counsel (a redline).
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml import etree

from smpolicy_desktop.cli import main
from smpolicy_desktop.model import ClauseWording
from smpolicy_desktop.render import clause_texts, own_wording
from smpolicy_desktop.review import Decision
from smpolicy_desktop.storage import load_project, save_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import REPO, require_tool
from tests.docx_projects import filled_project
from tests.test_counsel_markup_lists import _delete_paragraph, _row_with
from tests.test_review_import import (
    COUNSEL,
    _change,
    _mark_paragraph,
    _new_paragraph,
    _paragraph,
    _run,
    _split,
    _uno_python,
    edited_reply,
    export_for_counsel,
    w,
)
from tests.test_review_other_editors import element, on_body, rewrite, xml_edit

CONSEQUENCES = "serious breaches may lead to discipline"


def test_the_owners_own_export_coming_back_unchanged_offers_nothing(tmp_path, capsys):
    # The example's reviewers table has a row whose last cell (the date) is empty.
    project_file = tmp_path / "northwind.smpolicy"
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "sent.docx"),
                 "--remember"]) == 0
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(tmp_path / "sent.docx")]) == 0
    assert "no changes or comments" in capsys.readouterr().out
    assert main(["import-review", str(project_file), str(tmp_path / "sent.docx"),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def _with_comment(text: str):
    """A comment of counsel's on the consequences clause (Word's markup, id 90)."""
    def comments(root) -> None:
        made = etree.SubElement(root, w("comment"), {w("id"): "90", w("author"): COUNSEL,
                                                     w("date"): "2026-12-01T11:00:00Z"})
        etree.SubElement(made, w("p")).append(_run(text))

    def anchor(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        p.find(w("r")).addprevious(element("commentRangeStart", id="90"))
        p.append(element("commentRangeEnd", id="90"))
        p.append(element("r", element("commentReference", id="90")))
    return [xml_edit("word/comments.xml", comments), on_body(anchor)]


def _accept_all(project_file: Path, reply: Path) -> list[str]:
    workspace = Workspace.open(project_file)
    read = workspace.read_reply(reply)
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    workspace.save()
    return outcome.done + outcome.warnings


def test_a_second_rounds_comment_is_kept_beside_the_first(tmp_path):
    project_file, sent_docx = export_for_counsel(tmp_path)
    first = rewrite(sent_docx, tmp_path / "round1.docx", *_with_comment("Say who decides."))
    second = rewrite(sent_docx, tmp_path / "round2.docx", *_with_comment("Fine now, thanks."))
    _accept_all(project_file, first)
    said = _accept_all(project_file, second)
    # named by its clause, as the owner knows it (it said "c1: kept as a note", found by a tester)
    assert any(line.endswith(": kept as a note from Morgan Lee")
               and line.startswith("7.4 If this policy is broken") for line in said), said
    _accept_all(project_file, second)  # the same reply opened again adds nothing
    notes = [(c.author, c.text) for c in load_project(project_file).counsel_comments]
    assert notes == [(COUNSEL, "Say who decides."), (COUNSEL, "Fine now, thanks.")]


def test_a_reply_to_the_changes_for_counsel_offers_only_counsels_changes(tmp_path, capsys):
    project_file, _ = export_for_counsel(tmp_path)
    project = load_project(project_file)
    project.company.version = "2.2"
    project.responses.holding_statement = "We are aware of the problem and are on it."
    save_project(project, project_file)
    redline = tmp_path / "changes.docx"
    assert main(["export", str(project_file), "-o", str(redline), "--changes-since-last"]) == 0

    def counsel(root) -> None:
        _paragraph(root, CONSEQUENCES).append(
            _change("ins", 901, _run(" We will put any warning in writing.")))
    reply = rewrite(redline, tmp_path / "reply.docx", on_body(counsel))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--json"]) == 0
    offered = [(i["kind"], i["clause_id"], i["text"])
               for i in json.loads(capsys.readouterr().out)]
    assert offered == [("insertion", "training.consequences",
                        " We will put any warning in writing.")]

    _accept_all(project_file, reply)
    texts = clause_texts(Workspace.open(project_file).document())
    assert "discipline. We will put any warning in writing." in texts["training.consequences"]
    assert "We are aware of the problem and are on it." in texts["responses.holding"]
    assert load_project(project_file).company.version == "2.2"


def test_a_word_file_that_is_not_this_policy_is_refused(tmp_path, capsys):
    import docx

    project_file, _ = export_for_counsel(tmp_path)
    letter = docx.Document()
    letter.add_heading("Engagement letter", 1)
    letter.add_paragraph("Dear Dana, thank you for instructing us on your policy.")
    letter.save(str(tmp_path / "letter.docx"))
    before = project_file.read_bytes()
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(tmp_path / "letter.docx"),
                 "--accept", "all"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "not a version of this policy" in error
    assert project_file.read_bytes() == before
def test_a_whole_clause_counsel_deleted_is_named_when_accepted(tmp_path):
    project_file, sent_docx = export_for_counsel(tmp_path)

    def delete_clause(root) -> None:
        for p in root.iter(w("p")):
            bookmarks = [b.get(w("name")) for b in p.iter(w("bookmarkStart"))]
            if bookmarks == ["smp_employees_others_work"]:
                break
        heading, body = p, p.getnext()
        for paragraph in (heading, body):
            for run in list(paragraph.iter(w("r"))):
                for text in run.iter(w("t")):
                    text.tag = w("delText")
                run.addprevious(_change("del", 950))
                run.getprevious().append(run)
            _mark_paragraph(paragraph, "del", 951)
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(delete_clause))
    said = _accept_all(project_file, reply)
    assert any(line.startswith("4.") and "Other people's work: removed" in line
               for line in said), said
    assert "employees.others_work" not in clause_texts(Workspace.open(project_file).document())


def _reply_adding_a_sentence(tmp_path: Path, sent_docx: Path) -> Path:
    def counsel(root) -> None:
        _paragraph(root, CONSEQUENCES).append(
            _change("ins", 901, _run(" We will put any warning in writing.")))
    return rewrite(sent_docx, tmp_path / "reply.docx", on_body(counsel))


def test_what_the_owner_changed_after_sending_stays_beside_counsels_change(tmp_path):
    project_file, sent_docx = export_for_counsel(tmp_path)
    reply = _reply_adding_a_sentence(tmp_path, sent_docx)
    project = load_project(project_file)
    project.training.consequences = project.training.consequences.replace(
        "Coaching first", "Coaching always comes first")
    save_project(project, project_file)

    said = _accept_all(project_file, reply)
    assert any("your changes since you sent it are kept" in line for line in said), said
    text = clause_texts(Workspace.open(project_file).document())["training.consequences"]
    assert "Coaching always comes first; serious breaches may lead to discipline. We will put " \
           "any warning in writing." in text


def test_counsel_and_the_owner_changing_the_same_words_is_told_not_overwritten(tmp_path):
    project_file, sent_docx = export_for_counsel(tmp_path)
    reply = _reply_adding_a_sentence(tmp_path, sent_docx)
    project = load_project(project_file)
    project.training.consequences = project.training.consequences.replace(
        "may lead to discipline.", "may lead to a written warning.")
    save_project(project, project_file)

    said = _accept_all(project_file, reply)
    warning, = [line for line in said if "changed the same words" in line]
    # counsel's words, to copy, and only those (it quoted the whole clause)
    assert warning.endswith('counsel\'s text: "We will put any warning in writing."')
    assert "Coaching" not in warning
    text = clause_texts(Workspace.open(project_file).document())["training.consequences"]
    assert "may lead to a written warning." in text and "We will put" not in text


def test_a_conflicting_deletion_is_quoted_as_what_counsel_took_out(tmp_path):
    project_file, sent_docx = export_for_counsel(tmp_path)
    taken = "Coaching first; serious breaches may lead to discipline."

    def counsel(root) -> None:
        _split(_paragraph(root, taken), taken,
               lambda text: _change("del", 905, _run(text, deleted=True)))
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(counsel))
    project = load_project(project_file)
    project.training.consequences = project.training.consequences.replace(
        "may lead to discipline.", "may lead to a written warning.")
    save_project(project, project_file)

    warning, = [line for line in _accept_all(project_file, reply)
                if "changed the same words" in line]
    assert warning.endswith("counsel took out: \"Coaching first; serious breaches may lead to "
                            "discipline.\"")


def test_a_deletion_running_over_a_paragraphs_end_is_one_change(tmp_path):
    # As LibreOffice and Word write it: a w:del in each paragraph, the first one's mark deleted.
    project_file, sent_docx = export_for_counsel(tmp_path)
    first, second = "for Northwind Analytics LLC.", "If you post about our products"

    def counsel(root) -> None:
        def deleted(change_id: int):
            return lambda text: _change("del", change_id, _run(text, deleted=True))
        _split(_paragraph(root, first), first, deleted(960))
        _mark_paragraph(_paragraph(root, first), "del", 961)
        _split(_paragraph(root, second), second, deleted(962))
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(counsel))
    workspace = Workspace.open(project_file)
    read = workspace.read_reply(reply)
    change, = [i for i in read.items if i.changes_text]
    assert (change.kind, change.text) == ("deletion", f"{first}\n{second}")

    workspace.apply_review(read, {change.id: Decision("accept")})
    text = clause_texts(workspace.document())["employees.identity"]
    assert "You are welcome to say that you work or services, please add" in text


def test_another_projects_version_for_counsel_is_refused(tmp_path, capsys):
    # Both projects have a v1; the other one's reply would read as dozens of untracked edits.
    (tmp_path / "ours").mkdir()
    (tmp_path / "theirs").mkdir()
    project_file, _ = export_for_counsel(tmp_path / "ours")
    _, other_docx = export_for_counsel(tmp_path / "theirs")
    before = project_file.read_bytes()
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(other_docx), "--accept", "all"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "is v1, sent to counsel on" in error and "from another project file" in error
    assert "open the project it was sent from" in error
    assert project_file.read_bytes() == before



def _sent_at(when: str):
    """The reply's own record of when it was sent (its smpolicySentOn property) set to `when`."""
    def edit(root) -> None:
        sent_on = next(p for p in root if p.get("name") == "smpolicySentOn")
        next(iter(sent_on)).text = when
    return xml_edit("docProps/custom.xml", edit)


@pytest.mark.parametrize(("theirs", "at", "ours"), [
    ("2026-12-04T10:04:52.100000+00:00", "10:04:52 UTC", "on December 4, 2026, 10:04:05 UTC"),
    ("2026-12-04T10:04:05.900000+00:00", "10:04:05 UTC", "in the same second")],
    ids=["same minute", "same second"])
def test_a_reply_from_a_copy_sent_moments_apart_tells_the_two_apart(tmp_path, capsys, theirs,
                                                                     at, ours):
    """The owner saved a copy of the project and sent v1 from each, a minute apart or less:
    the refusal read "sent ... 10:04 UTC ... this project's v1 was sent ... 10:04 UTC"."""
    project_file, sent_docx = export_for_counsel(tmp_path)
    project = load_project(project_file)
    project.sent_versions[0].sent_on = datetime(2026, 12, 4, 10, 4, 5, 250000, tzinfo=UTC)
    save_project(project, project_file)
    other = rewrite(sent_docx, tmp_path / "other.docx", _sent_at(theirs))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(other)]) == 2
    error = capsys.readouterr().err
    assert f"this Word file is v1, sent to counsel on December 4, 2026, {at} from another " \
           f"project file (this project's v1 was sent {ours})" in error
    assert error.count("10:04:05") == 1

def test_another_companys_policy_scrubbed_of_its_properties_is_refused(tmp_path, capsys):
    """A law firm's metadata cleaner strips the file's document properties (which name the
    version sent), and counsel sends another client's reply: without them it read as this
    policy with 29 edits made with Track Changes off, ready to accept."""
    project_file, _ = export_for_counsel(tmp_path)
    other = filled_project(company__name="Acme Widgets Inc")
    save_project(other, tmp_path / "acme.smpolicy")
    assert main(["export", str(tmp_path / "acme.smpolicy"), "-o", str(tmp_path / "acme.docx"),
                 "--remember"]) == 0
    reply = rewrite(tmp_path / "acme.docx", tmp_path / "reply.docx",
                    lambda parts: parts.pop("docProps/custom.xml"))
    before = project_file.read_bytes()
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "another company's policy: it never names Northwind Analytics LLC" in error
    assert project_file.read_bytes() == before


def test_a_late_reply_to_v1_scrubbed_of_its_properties_is_read_against_v1(tmp_path):
    """The owner sent v1, changed 7.4 and sent v2; counsel's reply to v1 comes back without
    the properties that name it (a metadata cleaner). Read against v2, the owner's own change
    was listed as counsel's edit made with Track Changes off, putting the old words back."""
    project_file, sent_docx = export_for_counsel(tmp_path)
    workspace = Workspace.open(project_file)
    workspace.set_value(("training", "consequences"),
                        "Coaching first; serious breaches may lead to a written warning.")
    workspace.export(tmp_path / "v2.docx", remember=True)
    workspace.save()

    def forecasts(root) -> None:
        _paragraph(root, "Financial results").append(_change("ins", 1090, _run(" and forecasts")))

    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(forecasts),
                    lambda parts: parts.pop("docProps/custom.xml"))
    read = Workspace.open(project_file).read_reply(reply)
    assert read.version.id == "v1"
    assert [(i.kind, i.clause_id, i.text) for i in read.items] == [
        ("insertion", "employees.confidential", " and forecasts")]


def test_a_version_the_project_file_has_no_record_of_is_refused(tmp_path, capsys):
    project_file, _ = export_for_counsel(tmp_path)
    older = tmp_path / "older copy.smpolicy"
    shutil.copy(project_file, older)
    assert main(["export", str(project_file), "-o", str(tmp_path / "v2.docx"),
                 "--remember"]) == 0
    capsys.readouterr()
    assert main(["import-review", str(older), str(tmp_path / "v2.docx")]) == 2
    assert "is v2, sent to counsel on" in capsys.readouterr().err
    assert main(["import-review", str(project_file), str(tmp_path / "v2.docx")]) == 0
    assert "the reply to v2" in capsys.readouterr().out


LAST_DONT = "Use other people's photos, videos or writing without the right to, or without credit."


def _last_item_deleted_as_libreoffice_saves_it(root) -> None:
    """Counsel deletes the last item of the quick guide's list, with its end, tracked:
    LibreOffice saves the heading after it ("Your rights") in the list item's style."""
    item = _paragraph(root, LAST_DONT)
    for run in list(item.iter(w("r"))):
        for text in run.iter(w("t")):
            text.tag = w("delText")
        run.addprevious(_change("del", 970))
        run.getprevious().append(run)
    _mark_paragraph(item, "del", 971)
    heading = item.getnext()
    heading.find(w("pPr")).find(w("pStyle")).set(w("val"), "ListBullet")


def test_a_heading_libreoffice_restyled_after_a_deleted_list_item_stays_a_heading(tmp_path):
    project_file, sent_docx = export_for_counsel(tmp_path)
    reply = rewrite(sent_docx, tmp_path / "reply.docx",
                    on_body(_last_item_deleted_as_libreoffice_saves_it))
    workspace = Workspace.open(project_file)
    before = clause_texts(workspace.document())["quick_guide.rights"]
    read = workspace.read_reply(reply)
    assert [(i.kind, i.clause_id, i.text) for i in read.items] == [
        ("deletion", "quick_guide.dont", LAST_DONT)]
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    texts = clause_texts(workspace.document())
    assert texts["quick_guide.rights"] == before
    assert LAST_DONT not in texts["quick_guide.dont"]


@pytest.mark.slow
def test_libreoffice_deleting_the_last_list_item_before_a_heading(tmp_path):
    require_tool("soffice")
    project_file, sent_docx = export_for_counsel(tmp_path)
    (tmp_path / "edits.json").write_text(json.dumps([
        {"op": "delete_paragraph", "find": LAST_DONT}]))
    reply = tmp_path / "reply.docx"
    played = subprocess.run([_uno_python(), str(REPO / "tests" / "lawyer_uno.py"),
                             str(sent_docx), str(reply), COUNSEL, str(tmp_path / "edits.json")],
                            timeout=300, capture_output=True, text=True)
    assert played.returncode == 0, played.stderr
    read = Workspace.open(project_file).read_reply(reply)
    assert [(i.kind, i.clause_id, i.text.strip()) for i in read.items] == [
        ("deletion", "quick_guide.dont", LAST_DONT)]


def test_short_changes_when_only_the_full_policy_was_sent_say_so(tmp_path, capsys):
    project_file, _ = export_for_counsel(tmp_path)
    capsys.readouterr()
    assert main(["export", str(project_file), "-o", str(tmp_path / "short.docx"),
                 "--changes-since-last", "--kind", "short"]) == 2
    error = capsys.readouterr().err
    assert "the versions sent to counsel (v1) are of the full policy" in error
    assert "send the short guidelines to counsel first" in error
    assert not (tmp_path / "short.docx").exists()


HOLDING_SENT = "We know about the problem and are looking into it."
HOLDING_NOW = "We are aware of the problem and are on it."


def _redline_changing_the_holding_statement(tmp_path: Path) -> tuple[Path, Path]:
    project_file, _ = export_for_counsel(tmp_path)
    project = load_project(project_file)
    assert project.responses.holding_statement == HOLDING_SENT
    project.responses.holding_statement = HOLDING_NOW
    save_project(project, project_file)
    redline = tmp_path / "changes.docx"
    assert main(["export", str(project_file), "-o", str(redline), "--changes-since-last"]) == 0
    return project_file, redline


def _owners_changes_rejected(root) -> None:
    """Counsel rejects the owner's changes, as Word saves that: no mark is left, the words
    the owner added are gone and the ones the owner took out are back."""
    p = _paragraph(root, " the problem and are ")
    for change in list(p.iter(w("ins"), w("del"))):
        for text in change.iter(w("delText")):
            text.tag = w("t")
        if change.tag == w("del"):
            for run in list(change):
                change.addprevious(run)
        change.getparent().remove(change)


def test_counsel_rejecting_the_owners_change_in_a_redline_is_offered(tmp_path, capsys):
    project_file, redline = _redline_changing_the_holding_statement(tmp_path)
    reply = rewrite(redline, tmp_path / "reply.docx", on_body(_owners_changes_rejected))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--json"]) == 0
    offered = [(i["kind"], i["clause_id"], i["text"]) for i in json.loads(capsys.readouterr().out)]
    assert offered == [("rejection of your change", "responses.holding", HOLDING_NOW)]

    said = _accept_all(project_file, reply)
    assert any("kept as your answer" in line for line in said), said
    assert load_project(project_file).responses.holding_statement == HOLDING_SENT
    texts = clause_texts(Workspace.open(project_file).document())
    assert HOLDING_SENT in texts["responses.holding"]


def test_rejecting_counsels_rejection_keeps_the_owners_change(tmp_path, capsys):
    project_file, redline = _redline_changing_the_holding_statement(tmp_path)
    reply = rewrite(redline, tmp_path / "reply.docx", on_body(_owners_changes_rejected))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--reject", "c1"]) == 0
    assert load_project(project_file).responses.holding_statement == HOLDING_NOW
    # The next redline compares with counsel's reply, so it shows the change again.
    assert main(["export", str(project_file), "-o", str(tmp_path / "again.docx"),
                 "--changes-since-last"]) == 0
    body = etree.fromstring(zipfile.ZipFile(tmp_path / "again.docx").read("word/document.xml"))
    assert "aware of" in "".join(t.text for t in body.iter(w("t"))
                                 if next(t.iterancestors(w("ins")), None) is not None)


def test_counsel_accepting_the_owners_change_in_a_redline_offers_nothing(tmp_path, capsys):
    project_file, redline = _redline_changing_the_holding_statement(tmp_path)

    def accepted(root) -> None:  # as Word saves it: the new words stay, with no mark
        p = _paragraph(root, " the problem and are ")
        for change in list(p.iter(w("ins"), w("del"))):
            if change.tag == w("ins"):
                for run in list(change):
                    change.addprevious(run)
            change.getparent().remove(change)
    reply = rewrite(redline, tmp_path / "reply.docx", on_body(accepted))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # was a false "untracked edit"


def _accepted_clause_is_before_the_heading(project_file: Path, reply: Path) -> None:
    """The reply offers one new clause after 4.7; accepted, it sits between 4.7 and the
    heading it was typed before."""
    read = Workspace.open(project_file).read_reply(reply)
    assert [(i.kind, i.clause_id) for i in read.items] == [("new clause", "employees.ai")]
    _accept_all(project_file, reply)
    document = Workspace.open(project_file).document()
    headings = ["".join(r.text for r in b.runs) for b in document.blocks if b.kind == "heading2"]
    at = headings.index("AI tools and fake images")
    assert headings[at:at + 3] == [
        "AI tools and fake images", "Photos of colleagues", "Other people's work"]
    own, = load_project(project_file).owner_clauses
    assert clause_texts(document)[own.id] == "Ask a colleague before you post their photo."


def test_a_clause_typed_before_a_heading_that_took_its_bookmark_stays_before_it(tmp_path):
    # LibreOffice, typing at the start of "4.x Other people's work" and pressing Enter, saves
    # the clause's bookmark in the new paragraph before it.
    project_file, sent_docx = export_for_counsel(tmp_path)

    def typed_before(root) -> None:
        heading = next(p for p in root.iter(w("p")) if [b.get(w("name")) for b in p.iter(
            w("bookmarkStart"))] == ["smp_employees_others_work"])
        new = _new_paragraph("Photos of colleagues", "Heading2", 980)
        for mark in list(heading.iter(w("bookmarkStart"), w("bookmarkEnd"))):
            new.find(w("ins")).insert(0, mark)
        heading.addprevious(new)
        heading.addprevious(_new_paragraph("Ask a colleague before you post their photo.", "",
                                           982))
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(typed_before))
    _accepted_clause_is_before_the_heading(project_file, reply)


@pytest.mark.slow
def test_libreoffice_typing_a_clause_at_the_start_of_a_heading(tmp_path):
    require_tool("soffice")
    project_file, sent_docx = export_for_counsel(tmp_path)
    (tmp_path / "edits.json").write_text(json.dumps([
        {"op": "paragraph_before", "find": "Other people's work",
         "text": "Photos of colleagues"},
        {"op": "paragraph", "find": "Photos of colleagues",
         "text": "Ask a colleague before you post their photo."}]))
    reply = tmp_path / "reply.docx"
    played = subprocess.run([_uno_python(), str(REPO / "tests" / "lawyer_uno.py"),
                             str(sent_docx), str(reply), COUNSEL, str(tmp_path / "edits.json")],
                            timeout=300, capture_output=True, text=True)
    assert played.returncode == 0, played.stderr
    _accepted_clause_is_before_the_heading(project_file, reply)


def test_a_new_clause_of_only_a_heading_keeps_its_words_as_the_rule(tmp_path):
    # A sentence typed at the start of a heading in LibreOffice takes the heading's style: the
    # clause made of it was added with a title and no text, and so never shown.
    project_file, sent_docx = export_for_counsel(tmp_path)
    rule = "Ask a colleague before you post their photo."

    def typed_before(root) -> None:
        heading = next(p for p in root.iter(w("p")) if "Other people's work" in "".join(
            p.itertext()) and p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "Heading2")
        heading.addprevious(_new_paragraph(rule, "Heading2", 984))
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(typed_before))
    said = _accept_all(project_file, reply)
    assert any("as a clause of your own" in line for line in said), said
    own, = load_project(project_file).owner_clauses
    assert clause_texts(Workspace.open(project_file).document())[own.id] == rule


def test_counsel_rejecting_one_of_two_changes_of_the_owners_in_a_clause(tmp_path, capsys):
    project_file, _ = export_for_counsel(tmp_path)
    project = load_project(project_file)
    project.training.consequences = ("Coaching always comes first; serious breaches may lead "
                                     "to a written warning.")
    save_project(project, project_file)
    redline = tmp_path / "changes.docx"
    assert main(["export", str(project_file), "-o", str(redline), "--changes-since-last"]) == 0

    def second_rejected(root) -> None:  # "discipline" back, "always comes" kept
        p = _paragraph(root, "serious breaches")
        for change in [c for c in p if c.tag in (w("ins"), w("del"))][-2:]:
            for text in change.iter(w("delText")):
                text.tag = w("t")
            if change.tag == w("del"):
                for run in list(change):
                    change.addprevious(run)
            p.remove(change)
    reply = rewrite(redline, tmp_path / "reply.docx", on_body(second_rejected))
    offered, = Workspace.open(project_file).read_reply(reply).items
    assert offered.kind == "rejection of your change"  # it was an "untracked edit"
    _accept_all(project_file, reply)
    assert load_project(project_file).training.consequences == (
        "Coaching always comes first; serious breaches may lead to discipline.")


def test_counsels_edit_under_a_heading_counsel_kept_keeps_the_owners_own_title(tmp_path):
    """The owner titled the clause "Breaking the rules" and wrote its words; counsel adds a
    sentence and leaves the heading: the policy still says "Breaking the rules" (it went back
    to "If this policy is broken"), with counsel's sentence."""
    project_file, _ = export_for_counsel(tmp_path)
    project = load_project(project_file)
    project.wording = [ClauseWording(
        clause_id="training.consequences", title="Breaking the rules",
        text=f"Coaching first; {CONSEQUENCES}. We talk it through with you first.")]
    save_project(project, project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "sent2.docx"),
                 "--remember"]) == 0

    def counsel(root) -> None:
        _paragraph(root, CONSEQUENCES).append(
            _change("ins", 903, _run(" We will put any warning in writing.")))
    _accept_all(project_file, rewrite(tmp_path / "sent2.docx", tmp_path / "reply.docx",
                                      on_body(counsel)))
    document = Workspace.open(project_file).document()
    assert document.clauses()["training.consequences"].endswith(" Breaking the rules")
    assert "We will put any warning in writing." in clause_texts(document)[
        "training.consequences"]


def _example_reply(tmp_path: Path, edit) -> tuple[Path, Path]:
    """The example project sent to counsel, and counsel's reply: the sent file with `edit`
    made to its body."""
    project_file = tmp_path / "northwind.smpolicy"
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "sent.docx"),
                 "--remember"]) == 0
    return project_file, rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx",
                                 on_body(edit))


def _lead_in_reworded_and_bullet_taken_out(root, bullet_words: str = "Other people's personal"
                                           ) -> None:
    """Counsel adds a sentence to 5.3's lead-in and deletes one of its bullets (an answer's
    list item)."""
    lead_in = _paragraph(root, "We welcome comments on our pages.")
    _split(lead_in, "We welcome comments on our pages.", _run)
    next(r for r in lead_in.iter(w("r")) if "We welcome" in "".join(r.itertext())).addnext(
        _change("ins", 901, _run(" We read every one.")))
    _delete_paragraph(_paragraph(root, bullet_words), 902)


@pytest.mark.parametrize("bullet_words", ["Other people's personal", "Spam, scams"])
@pytest.mark.parametrize("order", ["lead-in first", "bullet first", "together"])
def test_a_reworded_lead_in_and_a_deleted_bullet_land_alike_in_any_order(tmp_path, order,
                                                                         bullet_words):
    """The bullet leaves the owner's list whichever change is accepted first (accepted after
    the lead-in, it was kept only in the clause's wording and stayed in the list), and the
    clause reads as counsel left it. The first bullet too: its line and the lead-in's read
    as one change of two lines into one (found by a tester)."""
    project_file, reply = _example_reply(
        tmp_path, lambda root: _lead_in_reworded_and_bullet_taken_out(root, bullet_words))
    workspace = Workspace.open(project_file)
    read = workspace.read_reply(reply)
    lead_in, bullet = (next(i.id for i in read.items if words in i.text)
                       for words in ("We read every one.", bullet_words))
    steps = {"lead-in first": [[lead_in], [lead_in, bullet]],
             "bullet first": [[bullet], [bullet, lead_in]],
             "together": [[lead_in, bullet]]}[order]
    for accepted in steps:  # as the window applies them: each clause's accepted so far
        workspace.apply_review(read, {i: Decision("accept") for i in accepted})
    project = workspace.project
    assert not any(bullet_words in item for item in project.public.removed_comments)
    assert len(project.public.removed_comments) == 3
    text = clause_texts(workspace.document())["content.comments"]
    assert "pages. We read every one. We hide" in text
    assert bullet_words not in text and "- Threats, hate speech" in text
    wording, = project.wording
    assert bullet_words not in wording.text
    # the list follows its answer again: an item taken out there leaves the policy too
    workspace.set_value(("public", "removed_comments"), project.public.removed_comments[1:])
    assert len(re.findall("(?m)^- ", clause_texts(workspace.document())["content.comments"])) \
        == 2


def test_a_reply_read_again_on_the_command_line_says_what_was_decided(tmp_path, capsys):
    """One change accepted; the reply read again lists it as accepted before, refuses to
    reject it (its words are in the policy), and "all" takes the rest only."""
    project_file, sent_docx = export_for_counsel(tmp_path)
    reply = edited_reply(sent_docx, tmp_path / "reply.docx", lambda root: [
        _paragraph(root, CONSEQUENCES).append(_change("ins", 903, _run(" In writing."))),
            _lead_in_of_training(root)])
    listed = _items(capsys, project_file, reply)
    first, second = (next(i["id"] for i in listed if words in i["text"])
                     for words in ("In writing.", "Ask us anything."))
    assert main(["import-review", str(project_file), str(reply), "--accept", first]) == 0
    assert f"{first}\tinsertion (accepted before)\t" in _listed(capsys, project_file, reply)
    assert [i.get("decided") for i in _items(capsys, project_file, reply)
            if i["id"] == first] == ["accept"]
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--reject", first]) == 2
    assert f"{first} was accepted when this reply was read before" in capsys.readouterr().err
    assert main(["import-review", str(project_file), str(reply), "--accept", second,
                 "--reject", second]) == 2  # the last one won, without a word (by a tester)
    assert f"{second}: both accepted and rejected" in capsys.readouterr().err
    assert "In writing." in clause_texts(Workspace.open(project_file).document())[
        "training.consequences"]
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert f"{second}\tinsertion (accepted before)" in _listed(capsys, project_file, reply)
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert "decided before: nothing to do" in capsys.readouterr().out


def _lead_in_of_training(root) -> None:
    _paragraph(root, "We would rather teach than punish.").append(
        _change("ins", 904, _run(" Ask us anything.")))


def _items(capsys, project_file: Path, reply: Path) -> list[dict]:
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _listed(capsys, project_file: Path, reply: Path) -> str:
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply)]) == 0
    return capsys.readouterr().out


def test_a_deleted_bullet_is_shown_as_its_words_without_the_dash(tmp_path):
    project_file, reply = _example_reply(tmp_path, _lead_in_reworded_and_bullet_taken_out)
    read = Workspace.open(project_file).read_reply(reply)
    bullet = next(i for i in read.items if "personal details" in i.text)
    assert read.in_context(bullet) == (
        "Other people's personal details, such as phone numbers", "")


def _three_edits_in_a_list_clause(root) -> None:
    """Counsel types over words in 5.3's lead-in and in a bullet, and adds a bullet (Word's
    markup: a deletion and an insertion side by side; a paragraph inserted whole)."""
    lead_in = _paragraph(root, "We welcome comments on our pages.")
    _split(lead_in, "hide or remove", lambda text: _change("del", 911, _run(text, True)))
    next(c for c in lead_in if c.tag == w("del")).addnext(
        _change("ins", 912, _run("may hide or remove")))
    bullet = _paragraph(root, "such as phone numbers")
    _split(bullet, "phone numbers", lambda text: _change("del", 913, _run(text, True)))
    next(c for c in bullet if c.tag == w("del")).addnext(
        _change("ins", 914, _run("home addresses")))
    added = _new_paragraph("Impersonation of our staff", "", 915)
    added.find(w("pPr")).getparent().replace(added.find(w("pPr")), copy.deepcopy(
        bullet.find(w("pPr"))))
    _mark_paragraph(added, "ins", 917)
    bullet.addprevious(added)


@pytest.mark.parametrize("first", ["hide or remove", "may hide or remove",
                                   "Impersonation of our staff", "home addresses"])
def test_the_rest_accepted_after_one_change_reads_as_counsel_wrote_it(tmp_path, capsys, first):
    """One change accepted, then the rest in a second run: the clause reads as counsel wrote
    it (half a replacement accepted first, the rest met the other half as the owner's own
    edit: a false warning and counsel's words lost; a bullet accepted first came twice).
    Found by a tester."""
    project_file, reply = _example_reply(tmp_path, _three_edits_in_a_list_clause)
    item = next(i["id"] for i in _items(capsys, project_file, reply) if i["text"] == first)
    assert main(["import-review", str(project_file), str(reply), "--accept", item]) == 0
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert "warning" not in capsys.readouterr().out
    text = clause_texts(Workspace.open(project_file).document())["content.comments"]
    assert "We may hide or remove comments of the kinds" in text
    assert text.count("- Impersonation of our staff\n- Other people's personal details, such "
                      "as home addresses\n") == 1


def _typed_over_two_clauses(root) -> None:
    """Counsel selects from 4.11's last sentence through 4.12's heading to "You do not have to
    reply for us" and types over it (Word's markup: a deletion in each paragraph, the marks of
    the first two deleted, and an insertion)."""
    last, heading, words = ("Say what you changed, rather than quietly deleting it.",
                            "When you see criticism of us", "You do not have to reply for us")

    def deleted(change_id: int):
        return lambda text: _change("del", change_id, _run(text, deleted=True))
    _split(_paragraph(root, last), last, deleted(960))
    _mark_paragraph(_paragraph(root, last), "del", 961)
    _delete_paragraph(_paragraph(root, heading), 962)
    body = _paragraph(root, words)
    _split(body, words, deleted(970))
    next(c for c in body if c.tag == w("del")).addnext(
        _change("ins", 971, _run("Say what you changed. You need not reply for us")))


@pytest.mark.parametrize("first", ["deletion", "insertion"])
def test_words_typed_over_two_clauses_accepted_one_run_each_land_in_the_first(
        tmp_path, capsys, first):
    """Accepted one half per run, either way round, the policy reads as with both at once:
    counsel's new words were lost after the deletion, with a warning that they were not in
    a clause (found by a tester)."""
    project_file, reply = _example_reply(tmp_path, _typed_over_two_clauses)
    kinds = {i["kind"]: i["id"] for i in _items(capsys, project_file, reply)}
    assert set(kinds) == {"deletion", "insertion"}
    for kind in (first, *(set(kinds) - {first})):
        capsys.readouterr()
        assert main(["import-review", str(project_file), str(reply), "--accept",
                     kinds[kind]]) == 0
        assert "warning" not in capsys.readouterr().out
    document = Workspace.open(project_file).document()
    assert "correct it openly and quickly. Say what you changed. You need not reply for us " \
           "when you see criticism" in clause_texts(document)["employees.honesty"]
    assert not any("When you see criticism" in title for title in document.clauses().values())


def _typed_over(root, words: str, new: str, change_id: int) -> None:
    """Counsel types `new` over `words` (a deletion and an insertion side by side)."""
    p = _paragraph(root, words)
    _split(p, words, lambda text: _change("del", change_id, _run(text, True)))
    next(c for c in p if c.tag == w("del")).addnext(_change("ins", change_id + 1, _run(new)))


def test_numbers_and_dates_counsel_changes_become_the_answers(tmp_path, capsys):
    """Counsel's new staff count, review cycle and review date are the answers (they were
    kept as words only, so the review reminder kept the old date), each clause following its
    answers again."""
    def counsel(root) -> None:
        _typed_over(root, "(40 people", "(45 people", 920)
        _typed_over(root, "every 12 months", "every 6 months", 922)
        _typed_over(root, "March 1, 2027", "September 1, 2027", 924)
    project_file, reply = _example_reply(tmp_path, counsel)
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    out = capsys.readouterr().out
    assert 'kept as your answer to "Number of staff"' in out
    assert 'kept as your answer to "Review every (months)" and "Next review date"' in out
    project = load_project(project_file)
    assert (project.company.staff_count, project.review.review_cycle_months,
            project.review.next_review_date) == (45, 6, date(2027, 9, 1))
    assert project.wording == []


def test_counsels_effective_date_and_version_in_the_title_block_become_the_answers(
        tmp_path, capsys):
    """The title block is in no clause, so counsel's new effective date and version there were
    refused ("change the answers behind it yourself"); they are the answers now. What no answer
    gives (the law's date) still is refused, and left open."""
    def counsel(root) -> None:
        _typed_over(root, "March 1, 2026", "April 15, 2026", 930)
        _typed_over(root, "Version 1.1", "Version 2.0", 932)
        _typed_over(root, "Law as of December 2, 2026", "Law as of today", 934)
    project_file, reply = _example_reply(tmp_path, counsel)
    ids = [item["id"] for item in _items(capsys, project_file, reply)]
    assert main(["import-review", str(project_file), str(reply), "--accept", *ids[:4]]) == 0
    out = capsys.readouterr().out
    assert 'kept as your answer to "Version" and "Effective date"' in out
    project = load_project(project_file)
    assert (project.company.effective_date, project.company.version) == (date(2026, 4, 15),
                                                                         "2.0")
    assert main(["import-review", str(project_file), str(reply), "--accept", *ids[4:]]) == 0
    out = capsys.readouterr().out
    assert "change the answers behind it yourself" in out
    assert [item["id"] for item in _items(capsys, project_file, reply)
            if not item.get("decided")] == ids[4:]


def _reworded_without_tracking_beside_a_tracked_insertion(root) -> None:
    """Counsel rewords 5.3's first bullet with Track Changes off and adds a sentence to its
    lead-in with it on."""
    for text in _paragraph(root, "Spam, scams and links").iter(w("t")):
        text.text = text.text.replace("Spam, scams and links to harmful sites", "Spam and scams")
    _paragraph(root, "We welcome comments on our pages.").append(
        _change("ins", 930, _run(" We read every one.")))


@pytest.mark.parametrize("first", [["--reject", "untracked"], []])
def test_an_edit_made_without_tracking_stays_out_unless_accepted(tmp_path, capsys, first):
    """Rejected, or not yet decided, counsel's edit made with Track Changes off stays out of
    the policy when a tracked change in the same clause is accepted (its words are in every
    reading of the reply, so it came in with the other, found by a tester)."""
    project_file, reply = _example_reply(tmp_path,
                                         _reworded_without_tracking_beside_a_tracked_insertion)
    ids = {i["kind"]: i["id"] for i in _items(capsys, project_file, reply)}
    if first:
        assert main(["import-review", str(project_file), str(reply), first[0],
                     ids[first[1] + " edit"]]) == 0
    assert main(["import-review", str(project_file), str(reply), "--accept",
                 ids["insertion"]]) == 0
    text = clause_texts(Workspace.open(project_file).document())["content.comments"]
    assert "listed below. We read every one.\n" in text
    assert "- Spam, scams and links to harmful sites\n" in text
    assert "Spam, scams and links to harmful sites" in load_project(
        project_file).public.removed_comments
    if not first:  # still open: accepted now, it comes in beside the insertion
        assert main(["import-review", str(project_file), str(reply), "--accept",
                     ids["untracked edit"]]) == 0
        text = clause_texts(Workspace.open(project_file).document())["content.comments"]
        assert "- Spam and scams\n" in text and "We read every one." in text


def _reviewers_row_approved_and_dated_and_a_row_deleted(root) -> None:
    """In 9.3, counsel types "Approved" over the lawyer's "In review", dates the row in its
    empty last cell, and deletes the Senior staff row (Word's markup)."""
    _typed_over(root, "In review", "Approved", 940)
    _row_with(root, "In review").findall(w("tc"))[-1].find(w("p")).append(
        _change("ins", 942, _run("December 4, 2026")))
    gone = _row_with(root, "Senior staff")
    properties = gone.find(w("trPr"))
    if properties is None:
        properties = etree.Element(w("trPr"))
        gone.insert(0, properties)
    properties.append(_change("del", 943))
    for at, p in enumerate(gone.iter(w("p"))):
        _delete_paragraph(p, 944 + at)


def test_a_reviewers_row_counsel_approved_and_dated_is_the_answer(tmp_path, capsys):
    """The lawyer's row approved and dated, another row deleted: the reviewers answer reads as
    the table does (the date in an empty cell kept the table as words only, and the check
    said counsel had not approved; found by a tester)."""
    project_file, reply = _example_reply(tmp_path,
                                         _reviewers_row_approved_and_dated_and_a_row_deleted)
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert '9.3 Who reviews it: kept as your answer to "Reviewers"\n' in capsys.readouterr().out
    project = load_project(project_file)
    assert [(r.name, r.status.value, r.reviewed_on) for r in project.review.reviewers] == [
        ("Morgan Lee", "approved", date(2026, 12, 4)),
        ("Sam Okafor", "approved", date(2026, 2, 10)),
        ("Chris Novak", "changes_requested", date(2026, 2, 14))]
    assert project.wording == []


def test_a_warning_names_only_the_changes_decided_in_that_run(tmp_path, capsys):
    """A title-block change accepted after a change elsewhere: the warning names the title
    block's changes, not the one accepted before (found by a tester)."""
    def counsel(root) -> None:
        _typed_over(root, "Policy owner", "Owner", 960)
        _paragraph(root, "We welcome comments on our pages.").append(
            _change("ins", 962, _run(" We read every one.")))
    project_file, reply = _example_reply(tmp_path, counsel)
    ids = {i["text"]: i["id"] for i in _items(capsys, project_file, reply)}
    assert main(["import-review", str(project_file), str(reply), "--accept",
                 ids[" We read every one."]]) == 0
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept",
                 ids["Policy owner"], ids["Owner"]]) == 0
    warning, = [line for line in capsys.readouterr().out.splitlines()
                if line.startswith("warning:")]
    # named as the window lists them (the window shows no ids)
    assert warning.startswith('warning: The deletion "Policy owner" and the insertion "Owner": '
                              "counsel changed text that is not in a clause")
    # not taken, so still open: never listed as accepted (found by a tester)
    assert [i.get("decided") for i in _items(capsys, project_file, reply)] == \
        [None, None, "accept"]


def test_an_item_taken_out_of_a_list_in_a_sentence_leaves_the_list(tmp_path):
    """Counsel deletes one item of the list the quick guide writes in a sentence: the item
    leaves the answer (it stayed as an empty item; found by a tester)."""
    words = "source code, models and analysis methods; "
    project_file, reply = _example_reply(tmp_path, lambda root: _split(
        _paragraph(root, "That means client files"), words,
        lambda text: _change("del", 970, _run(text, True))))
    _accept_all(project_file, reply)
    listed = load_project(project_file).employees.confidential_info
    assert "" not in listed and len(listed) == 3
    assert not any(item.startswith("Source code") for item in listed)


def test_a_list_in_a_sentence_reworked_in_one_go_is_the_answer(tmp_path):
    """In the quick guide's sentence, counsel adds two items, rewords one and deletes one:
    accepted together, the list answer changes, and 4.6, which lists it too, with it (only
    the sentence changed, as words, and 4.6 said otherwise; found by a tester)."""
    def counsel(root) -> None:
        p = _paragraph(root, "That means client files")
        _split(p, "source code, models and analysis methods; ",
               lambda text: _change("del", 980, _run(text, True)))
        next(c for c in p if c.tag == w("del")).addprevious(
            _change("ins", 981, _run("employee records; supplier terms; ")))
        _typed_over(root, "unreleased products and project plans",
                    "unreleased products, roadmaps and project plans", 982)
    project_file, reply = _example_reply(tmp_path, counsel)
    _accept_all(project_file, reply)
    project = load_project(project_file)
    assert project.employees.confidential_info == [
        "Client files and client data", "Employee records", "Supplier terms",
        "Unreleased products, roadmaps and project plans", "Client contracts, prices and bids"]
    assert project.wording == []
    assert "- Supplier terms\n" in clause_texts(Workspace.open(project_file).document())[
        "employees.confidential"]


def test_a_clause_counsel_rewords_keeps_its_labels_in_bold(tmp_path):
    """One word added in 2.9: the clause is counsel's wording now, its labels still in bold in
    the policy and in Word (they came out plain; found by a tester)."""
    project_file, reply = _example_reply(tmp_path, lambda root: _typed_over(
        root, "two-factor sign-in.", "two-factor sign-in (2FA).", 990))
    _accept_all(project_file, reply)
    document = Workspace.open(project_file).document()
    assert load_project(project_file).wording  # counsel's words, not an answer
    bold = [run.text for block in document.blocks if block.clause_id == "presence.security"
            for run in block.runs if run.strong]
    assert bold == ["Shared passwords:", "Removing access when someone leaves:"]


def test_a_reply_to_changes_for_counsel_after_renaming_the_company_is_read(tmp_path, capsys):
    """The company renamed, the changes for counsel show the old name deleted and the new one
    inserted: counsel's reply is read (it was refused as another company's policy: the title
    read 'Northwind AnalyticsData LLC'; found by a tester)."""
    project_file, _ = _example_reply(tmp_path, lambda root: None)
    project = load_project(project_file)
    project.company.name = "Northwind Data LLC"
    save_project(project, project_file)
    redline = tmp_path / "changes.docx"
    assert main(["export", str(project_file), "-o", str(redline), "--changes-since-last"]) == 0
    reply = rewrite(redline, tmp_path / "reply2.docx", on_body(lambda root: _paragraph(
        root, "We welcome comments").append(_change("ins", 995, _run(" In writing.")))))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply)]) == 0
    assert "In writing." in capsys.readouterr().out


def test_the_owners_own_words_in_a_clause_counsel_changed_stay_out_of_the_answers(tmp_path):
    """After sending, the owner reworded 4.12 (", by email" after the name, and a sentence)
    and changed who monitors the accounts; counsel changed another sentence there. Accepted:
    the answer stays the owner's new one, and the clause reads with both (the owner's words
    went into the answer, the new one lost; found by a tester)."""
    project_file, reply = _example_reply(tmp_path, lambda root: _typed_over(
        root, "You do not have to reply for us", "You need not reply for us", 996))
    workspace = Workspace.open(project_file)
    text = clause_texts(workspace.document())["employees.criticism"]
    workspace.project.wording = [own_wording(
        workspace.project, "employees.criticism", text.replace(
            "Marketing Lead.", "Marketing Lead, by email.") + "\nNever argue with critics in "
        "public.", "")]
    workspace.project.responses.monitor_who = "Priya Nair, Content Writer"
    workspace.save()
    _accept_all(project_file, reply)
    project = load_project(project_file)
    assert project.responses.monitor_who == "Priya Nair, Content Writer"
    text = clause_texts(Workspace.open(project_file).document())["employees.criticism"]
    assert text.startswith("You need not reply for us") and ", by email." in text
    assert text.endswith("Never argue with critics in public.")


def test_a_row_counsel_added_then_one_deleted_without_tracking_come_once(tmp_path):
    """Counsel adds a row with Track Changes on and deletes another with it off; accepted one
    run each: the new row is in the escalation chain once (it came twice, and the owner was
    told of changes of their own they never made; found by a tester)."""
    def counsel(root) -> None:
        row = _row_with(root, "Legal threats, press interest")
        added = copy.deepcopy(row)
        added.find(w("trPr")).append(_change("ins", 997))
        for node, text in zip(added.iter(w("t")), ("HR lead", "Jo Banks", "+1 614 555 0111",
                                                   "Any complaint about a post"), strict=False):
            node.text = text
        for run in list(added.iter(w("r"))):
            run.getparent().replace(run, _change("ins", 998, copy.deepcopy(run)))
        row.addnext(added)
        gone = _row_with(root, "Chris Novak")
        gone.getparent().remove(gone)
    project_file, reply = _example_reply(tmp_path, counsel)
    for kind in ("insertion", "untracked edit"):
        read = Workspace.open(project_file).read_reply(reply)
        item = next(i for i in read.items if i.kind == kind)
        assert main(["import-review", str(project_file), str(reply), "--accept", item.id]) == 0
    chain = load_project(project_file).responses.escalation_chain
    assert [c.name for c in chain] == ["Sam Okafor", "Dana Reyes", "Jo Banks",
                                       "Morgan Lee, Lee & Hart LLP"]


def test_a_reply_decided_over_two_sittings_is_kept_as_one_version(tmp_path, capsys):
    """One change accepted, the company renamed and the changes for counsel exported, then the
    other change of the same reply accepted: the reply stays one version (it was kept again as
    a new one, which the next changes for counsel then named; found by a tester)."""
    def counsel(root) -> None:  # the bullet leaves the list, which the quick guide repeats
        _typed_over(root, "every 12 months", "every 6 months", 1000)
        _delete_paragraph(_paragraph(root, "Source code, models and analysis methods"), 1002)
    project_file, reply = _example_reply(tmp_path, counsel)
    ids = {i["text"]: i["id"] for i in _items(capsys, project_file, reply)}
    assert main(["import-review", str(project_file), str(reply), "--accept",
                 ids["Source code, models and analysis methods"]]) == 0
    project = load_project(project_file)
    project.company.name = "Northwind Data LLC"
    save_project(project, project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "changes.docx"),
                 "--changes-since-last"]) == 0
    versions = [v.id for v in load_project(project_file).sent_versions]
    assert main(["import-review", str(project_file), str(reply), "--accept",
                 ids["every 12 months"], ids["every 6 months"]]) == 0
    assert [v.id for v in load_project(project_file).sent_versions] == versions


NEVER = ["A client's name or logo", "Client data, even if it looks anonymous",
         "Prices or quotes for a single client", "Work that is not yet released"]


def _typed_over_each(*pairs: tuple[str, str], author: str = COUNSEL):
    """A lawyer's markup: each bullet's words typed over with new ones, as LibreOffice
    replaces them (a deletion and an insertion)."""
    def edit(root) -> None:
        for at, (words, new) in enumerate(pairs):
            _typed_over(root, words, new, 970 + 2 * at)
        for change in root.iter(w("ins"), w("del")):
            change.set(w("author"), author)
    return on_body(edit)


@pytest.mark.parametrize("between", [False, True])
def test_a_late_reply_to_the_same_version_applies_what_it_can_and_names_the_rest(
        tmp_path, capsys, between):
    """Two lawyers reply to v1: the first one's "Prices, quotes or bids" is accepted (and,
    with a reply to v2 `between`, its "anonymised"), then the second one's three changes. Its
    change of the same words was refused with the whole clause, its other changes too, and
    the owner was told "you changed this clause"; with the reply between, the list came out
    with an item doubled and a change lost (found by a tester). The changes elsewhere are
    applied; those of the same words are named, as the first lawyer's, and stay open."""
    project_file = tmp_path / "policy.smpolicy"
    save_project(filled_project(presence__we_never_publish=NEVER), project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "v1.docx"),
                 "--remember"]) == 0
    if between:
        assert main(["export", str(project_file), "-o", str(tmp_path / "v2.docx"),
                     "--remember"]) == 0
    first = rewrite(tmp_path / "v1.docx", tmp_path / "first.docx", _typed_over_each(
        (NEVER[2], "Prices, quotes or bids for a single client")))
    second = rewrite(tmp_path / "v1.docx", tmp_path / "second.docx", _typed_over_each(
        (NEVER[2], "Prices for a single client"), (NEVER[1], "Client data of any kind"),
        (NEVER[3], "Work that is not yet public"), author="Jordan Blake"))
    _accept_all(project_file, first)
    if between:
        _accept_all(project_file, rewrite(tmp_path / "v2.docx", tmp_path / "v2_reply.docx",
                                          _typed_over_each((NEVER[1], "Client data, even if "
                                                            "it looks anonymised"))))
    said = _accept_all(project_file, second)
    data = "Client data, even if it looks anonymised" if between else "Client data of any kind"
    assert load_project(project_file).presence.we_never_publish == [
        NEVER[0], data, "Prices, quotes or bids for a single client",
        "Work that is not yet public"]
    also = f'the deletion "{NEVER[1]}" and the insertion "Client data of any kind" and ' \
        if between else ""
    assert (f"2.5 What we never publish: the changes you accepted from the reply of {COUNSEL} "
            f"since you sent it changed the same words, so {also}the deletion \"{NEVER[2]}\" "
            "and the insertion \"Prices for a single client\" are not applied;") in \
        " ".join(said)
    data_decided = None if between else "accept"  # the list as the reply orders it
    assert [i.get("decided") for i in _items(capsys, project_file, second)] == [
        data_decided, data_decided, None, None, "accept", "accept"]
