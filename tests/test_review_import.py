"""Counsel's reply back into the project: LibreOffice playing the lawyer, and a reply built by
hand in Word's own conventions, each change and comment mapped to its clause and accepted.

"Exactly what counsel wrote" is judged by pandoc, an independent reader: the next export and
the reply with every change accepted read the same.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from smpolicy_desktop.cli import main
from smpolicy_desktop.model import CounselNote
from smpolicy_desktop.render import clause_texts, own_wording, render_document
from smpolicy_desktop.review import NEW_CLAUSE, Decision, parse_date
from smpolicy_desktop.storage import backup_path, load_project, save_project
from smpolicy_desktop.tracked_changes import sentences
from smpolicy_desktop.workspace import Workspace
from tests.conftest import IN_CI, REPO, require_tool
from tests.docx_projects import filled_project

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
COUNSEL = "Morgan Lee"
QUESTION = "Is our monitoring statement enough for Ohio?"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture
def sent(tmp_path):
    """A project exported for counsel with --remember: (project file, the .docx sent)."""
    return export_for_counsel(tmp_path)


def export_for_counsel(tmp_path: Path) -> tuple[Path, Path]:
    """The `sent` fixture's work, for other test modules."""
    project_file = tmp_path / "policy.smpolicy"
    save_project(filled_project(review__notes_to_counsel=[
        CounselNote(clause_id="training.monitoring", question=QUESTION)]), project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "sent.docx"),
                 "--remember"]) == 0
    return project_file, tmp_path / "sent.docx"


def items(capsys, project_file, reply) -> list[dict]:
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def plain(path: Path, accept: bool = False) -> list[str]:
    """What pandoc reads in a Word file (every tracked change accepted); list numbers left
    out, as LibreOffice and we number restarted lists differently, and empty list items, which
    pandoc keeps where a paragraph moved away (it does not read a moved paragraph mark)."""
    pandoc = require_tool("pandoc")
    options = ["--track-changes=accept"] if accept else []
    text = subprocess.run([pandoc, "-f", "docx", *options, "-t", "plain", "--wrap=none",
                           str(path)], check=True, capture_output=True, text=True).stdout
    return [re.sub(r"^\d+\.\s+", "", line) for line in text.splitlines()
            if line.strip() not in ("", "-")]


def accept_all_and_check(capsys, project_file, reply, tmp_path,
                         restated: dict[str, str] | None = None) -> str:
    """--accept all, then: the next export says what counsel wrote, the redline is empty.
    `restated`: lines where another clause repeats an answer counsel changed (old -> new);
    they change with it, and are no change of the owner's for the next redline to show."""
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    said = capsys.readouterr().out
    assert backup_path(project_file).is_file()  # the file before the import, kept
    assert main(["export", str(project_file), "-o", str(tmp_path / "next.docx")]) == 0
    restated = restated or {}
    assert plain(tmp_path / "next.docx") == [restated.get(line, line) for line in
                                             plain(reply, accept=True)]
    assert main(["export", str(project_file), "-o", str(tmp_path / "redline.docx"),
                 "--changes-since-last"]) == 0
    assert marked_paragraphs(tmp_path / "redline.docx") == []
    return said


def marked_paragraphs(docx: Path) -> list[str]:
    """The paragraphs of a Word file with tracked changes, as its reader sees them: deleted
    words in [- -], inserted ones in [+ +], a formatting change as "[formatted] " before."""
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml")).find(w("body"))
    marked = []
    for p in body.iter(w("p")):
        if p.find(f".//{w('pPrChange')}") is not None:  # a bullet made a line, or a line one
            marked.append("[formatted] " + "".join(p.itertext()))
        if p.find(f".//{w('ins')}") is None and p.find(f".//{w('del')}") is None:
            continue
        text = ""
        for node in p.iter(w("t"), w("delText")):
            change = next((a.tag for a in node.iterancestors(w("ins"), w("del"))), None)
            sign = {w("ins"): "+", w("del"): "-"}.get(change)
            text += f"[{sign}{node.text}{sign}]" if sign else node.text or ""
        marked.append(text.replace("+][+", "").replace("-][-", ""))
    return marked


# --- LibreOffice plays the lawyer ------------------------------------------------------------

def _uno_python() -> str:
    python = "/usr/bin/python3"
    found = Path(python).is_file() and subprocess.run(
        [python, "-c", "import uno"], capture_output=True).returncode == 0
    if not found:
        if IN_CI:
            pytest.fail("python3-uno is required in CI (see .ci/apt-packages.txt)")
        pytest.skip("python3-uno is not installed")
    return python


@pytest.mark.slow
def test_libreoffice_as_counsel_round_trip(sent, tmp_path, capsys):
    require_tool("soffice")
    project_file, sent_docx = sent
    texts = clause_texts(render_document(load_project(project_file)))
    *_, last_sentence = sentences(texts["employees.personal_use"].splitlines()[-1])
    monitoring = texts["training.monitoring"].splitlines()[-1]
    edits = [
        {"op": "insert", "find": "may lead to discipline",
         "text": ", up to and including termination of employment"},
        {"op": "delete", "find": " " + last_sentence.strip()},
        {"op": "paragraph", "find": monitoring,
         "text": "We tell you before we start any new kind of monitoring."},
        {"op": "comment", "find": "twice each working day",
         "text": "Is this realistic for a team of two?"}]
    (tmp_path / "edits.json").write_text(json.dumps(edits))
    reply = tmp_path / "reply.docx"
    played = subprocess.run([_uno_python(), str(REPO / "tests" / "lawyer_uno.py"),
                             str(sent_docx), str(reply), COUNSEL, str(tmp_path / "edits.json")],
                            timeout=300, capture_output=True, text=True)
    assert played.returncode == 0, played.stderr

    found = {(i["kind"], i["clause_id"], i["text"].strip()) for i in
             items(capsys, project_file, reply)}
    assert found == {
        ("insertion", "training.consequences", ", up to and including termination of employment"),
        ("deletion", "employees.personal_use", last_sentence.strip()),
        ("insertion", "training.monitoring",
         "We tell you before we start any new kind of monitoring."),
        ("comment", "responses.monitoring", "Is this realistic for a team of two?")}
    assert {i["author"] for i in items(capsys, project_file, reply)} == {COUNSEL}

    accept_all_and_check(capsys, project_file, reply, tmp_path)
    project = load_project(project_file)
    assert project.training.consequences.endswith(  # where a change maps to an answer
        "up to and including termination of employment.")
    note, = project.counsel_comments
    assert (note.author, note.clause_id) == (COUNSEL, "responses.monitoring")


# --- A reply in Word's own conventions, built by hand -----------------------------------------

def _paragraph(body, text: str):
    return next(p for p in body.iter(w("p")) if text in "".join(p.itertext()))


def _run(text: str, deleted: bool = False):
    run = etree.Element(w("r"))
    node = etree.SubElement(run, w("delText" if deleted else "t"))
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _change(tag: str, change_id: int, *children, date: str = "2026-12-01T10:00:00Z"):
    element = etree.Element(w(tag), {w("id"): str(change_id), w("author"): COUNSEL,
                                     w("date"): date})
    element.extend(children)
    return element


def _split(p, text: str, wrap) -> None:
    """Cut the run holding `text` in three and wrap the middle (deleted or moved)."""
    for run in p.iter(w("r")):
        node = run.find(w("t"))
        if node is not None and text in (node.text or ""):
            before, after = node.text.split(text, 1)
            index = run.getparent().index(run)
            parent = run.getparent()
            parent.remove(run)
            for offset, piece in enumerate((_run(before), wrap(text), _run(after))):
                parent.insert(index + offset, piece)
            return
    raise AssertionError(f"no run holds {text!r}")


def _mark_paragraph(p, tag: str, change_id: int) -> None:
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, w("rPr"))
    rpr.append(_change(tag, change_id))


def build_word_reply(sent_docx: Path, reply: Path) -> None:
    """Counsel's edits as Word writes them: an insertion, a deletion, a moved list item,
    an edit made with Track Changes off, a comment with a reply, and a reply to the owner's
    note dated the way LibreOffice dates what it does not know."""
    with zipfile.ZipFile(sent_docx) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = etree.fromstring(parts["word/document.xml"]).find(w("body"))
    root = body.getparent()

    consequences = _paragraph(body, "serious breaches may lead to discipline")
    consequences.append(_change("ins", 901, _run(" We will put any warning in writing.")))
    personal = _paragraph(body, "Just make sure your work gets done")
    _split(personal, " Just make sure your work gets done well and on time.",
           lambda text: _change("del", 902, _run(text, deleted=True)))
    # The first confidential item moves to the end of its list.
    moved = _paragraph(body, "Client files and client data")
    last = _paragraph(body, "Financial results")
    arrived = etree.fromstring(etree.tostring(moved))
    for node in arrived.iter(w("r")):
        node.getparent().remove(node)
    arrived.append(_change("moveTo", 904, _run("Client files and client data")))
    _mark_paragraph(last, "moveTo", 905)  # the mark that now ends the old last item is new
    last.addnext(arrived)
    for node in list(moved.iter(w("r"))):
        node.getparent().replace(node, _change("moveFrom", 903, _run(node.findtext(w("t")))))
    _mark_paragraph(moved, "moveFrom", 906)
    # Track Changes off: the words simply changed.
    untracked = _paragraph(body, "twice each working day")
    for node in untracked.iter(w("t")):
        node.text = node.text.replace("twice each working day", "three times each working day")
    # A comment on the rights clause.
    rights = _paragraph(body, "Nothing in this policy limits your rights")
    rights.insert(1, etree.Element(w("commentRangeStart"), {w("id"): "50"}))
    rights.append(etree.Element(w("commentRangeEnd"), {w("id"): "50"}))
    reference = etree.SubElement(rights, w("r"))
    etree.SubElement(reference, w("commentReference"), {w("id"): "50"})
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True,
                                                encoding="UTF-8", standalone=True)

    comments = etree.fromstring(parts["word/comments.xml"])
    for index, paragraph in enumerate(comments.iter(w("p"))):
        paragraph.set(f"{{{W14}}}paraId", f"1000000{index}")
    owners = comments.findall(w("comment"))
    owner_para = owners[0].findall(w("p"))[-1].get(f"{{{W14}}}paraId")
    threads = [("50", COUNSEL, "2026-12-01T11:00:00Z", "Keep this clause exactly as it is.",
                "2000000A", ""),
               ("51", "Alex Kim", "2026-12-01T12:00:00Z", "Agreed, no change needed.",
                "2000000B", "2000000A"),
               ("52", COUNSEL, "0-00-00T00:00:00Z", "Yes, for company systems it is enough.",
                "2000000C", owner_para)]
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    for comment_id, author, date, text, para_id, parent in threads:
        comment = etree.SubElement(comments, w("comment"), {
            w("id"): comment_id, w("author"): author, w("date"): date})
        paragraph = etree.SubElement(comment, w("p"), {f"{{{W14}}}paraId": para_id})
        paragraph.append(_run(text))
        entry = etree.SubElement(extended, f"{{{W15}}}commentEx",
                                 {f"{{{W15}}}paraId": para_id, f"{{{W15}}}done": "0"})
        if parent:
            entry.set(f"{{{W15}}}paraIdParent", parent)
    parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True,
                                                encoding="UTF-8", standalone=True)
    parts["word/commentsExtended.xml"] = etree.tostring(extended, xml_declaration=True,
                                                        encoding="UTF-8", standalone=True)
    types = parts["[Content_Types].xml"].decode().replace("</Types>", (
        '<Override PartName="/word/commentsExtended.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>'))
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["word/_rels/document.xml.rels"].decode().replace("</Relationships>", (
        '<Relationship Id="rIdX1" Type="http://schemas.microsoft.com/office/2011/'
        'relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>'))
    parts["word/_rels/document.xml.rels"] = rels.encode()
    with zipfile.ZipFile(reply, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_a_reply_in_words_conventions_maps_every_change_and_comment(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    reply = tmp_path / "reply.docx"
    build_word_reply(sent_docx, reply)
    listed = items(capsys, project_file, reply)
    found = {(i["kind"], i["clause_id"], i["author"], i["text"].strip()) for i in listed}
    assert found == {
        ("insertion", "training.consequences", COUNSEL, "We will put any warning in writing."),
        ("deletion", "employees.personal_use", COUNSEL,
         "Just make sure your work gets done well and on time."),
        ("move", "employees.confidential", COUNSEL, "Client files and client data"),
        ("untracked edit", "responses.monitoring", "", '"twice" now reads "three times"'),
        ("comment", "rights.labor_law", COUNSEL, "Keep this clause exactly as it is."),
        ("reply", "rights.labor_law", "Alex Kim", "Agreed, no change needed."),
        ("reply", "training.monitoring", COUNSEL, "Yes, for company systems it is enough."),
    }  # the move shows where the item left and where it arrived: two items, one text
    assert [i["kind"] for i in listed].count("move") == 2
    by_text = {i["text"].strip(): i for i in listed}
    comment = by_text["Keep this clause exactly as it is."]
    assert by_text["Agreed, no change needed."]["parent"] == comment["id"]
    answer = by_text["Yes, for company systems it is enough."]
    assert answer["owner_note"] == QUESTION and answer["date"] is None  # LibreOffice's 0-00-00
    assert comment["date"] == "2026-12-01T11:00:00+00:00"

    said = accept_all_and_check(capsys, project_file, reply, tmp_path, restated={
        "-   Share confidential business information. That means client files and client "
        "data; unreleased projects; and financial results.":
        "-   Share confidential business information. That means unreleased projects; "
        "financial results; and client files and client data."})
    assert "\"Appendix B: Quick guide, Don't\" repeats it and changes with it" in said
    project = load_project(project_file)
    assert project.employees.confidential_info[-1] == "Client files and client data"
    assert project.responses.monitor_frequency == "Three times each working day"  # as typed
    kept = {c.text: c for c in project.counsel_comments}
    assert [r.text for r in kept["Keep this clause exactly as it is."].replies] == \
        ["Agreed, no change needed."]
    assert kept["Yes, for company systems it is enough."].about_note == QUESTION


def word_reply_read(sent, tmp_path: Path):
    """The sent project's workspace, and counsel's reply in Word's conventions read into it."""
    project_file, sent_docx = sent
    reply = tmp_path / "reply.docx"
    build_word_reply(sent_docx, reply)
    workspace = Workspace.open(project_file)
    return workspace, workspace.read_reply(reply)


def test_the_owners_reply_to_counsel_goes_out_with_the_next_version(sent, tmp_path):
    workspace, read = word_reply_read(sent, tmp_path)
    comment = next(i for i in read.items if i.text == "Keep this clause exactly as it is.")
    workspace.apply_review(read, {comment.id: Decision("reply", text="Agreed, thank you.")})
    workspace.export(tmp_path / "v2.docx", remember=True)
    comments = zipfile.ZipFile(tmp_path / "v2.docx").read("word/comments.xml").decode()
    assert ("On Morgan Lee&apos;s note" in comments or "On Morgan Lee's note" in comments)
    assert "Agreed, thank you." in comments and QUESTION in comments
    again = workspace.read_reply(tmp_path / "v2.docx")  # the owner's own notes: no items
    assert [i for i in again.items if i.is_comment] == []


def _new_paragraph(text: str, style: str, change_id: int):
    p = etree.Element(w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    if style:
        etree.SubElement(ppr, w("pStyle"), {w("val"): style})
    etree.SubElement(ppr, w("rPr")).append(_change("ins", change_id))
    p.append(_change("ins", change_id + 1, _run(text)))
    return p


def edited_reply(sent_docx: Path, reply: Path, edit) -> Path:
    """The sent file with `edit(root)` applied to its document.xml, saved as counsel's reply."""
    with zipfile.ZipFile(sent_docx) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    edit(root)
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(reply, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return reply


def test_a_clause_counsel_adds_becomes_a_clause_of_the_owners_own(sent, tmp_path, capsys):
    project_file, sent_docx = sent

    def add_clause(root) -> None:
        last = _paragraph(root, "Just make sure your work gets done")
        body = _new_paragraph("Keep work apps on a phone with a screen lock.", "", 960)
        last.addnext(body)
        body.addprevious(_new_paragraph("4.2A Personal devices", "Heading2", 950))

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", add_clause)
    listed = items(capsys, project_file, reply)
    new, = listed
    assert (new["kind"], new["clause_id"]) == ("new clause", "employees.personal_use")
    assert "Personal devices" in new["text"]
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    project = load_project(project_file)
    clause, = project.owner_clauses
    assert (clause.title, clause.section_id, clause.after) == (
        "Personal devices", "employees", "employees.personal_use")
    headings = [b for b in render_document(project).blocks if b.kind == "heading2"]
    at = next(i for i, b in enumerate(headings) if b.clause_id == "employees.personal_use")
    assert headings[at + 1].text.endswith(" Personal devices")  # numbered with the rest
    assert clause_texts(render_document(project))[clause.id] == \
        "Keep work apps on a phone with a screen lock."


def test_words_counsel_added_can_become_a_clause_of_their_own(sent, tmp_path):
    workspace, read = word_reply_read(sent, tmp_path)
    added = next(i for i in read.items if i.text.strip() == "We will put any warning in writing.")
    workspace.apply_review(read, {added.id: Decision("accept", NEW_CLAUSE)})
    clause, = workspace.project.owner_clauses
    assert clause.after == "training.consequences"
    assert clause_texts(workspace.document())[clause.id] == "We will put any warning in writing."
    assert workspace.project.wording == []  # the clause counsel wrote in stays as it was


def test_a_change_to_the_title_block_is_not_lost_without_a_word(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    reply = edited_reply(sent_docx, tmp_path / "reply.docx", lambda root: _paragraph(
        root, "Social Media Policy").append(_change("ins", 980, _run(" (Draft)"))))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert "not in a clause (such as the title block)" in capsys.readouterr().out
    assert load_project(project_file).wording == []


def test_rejected_changes_leave_the_project_as_it_was(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    reply = tmp_path / "reply.docx"
    build_word_reply(sent_docx, reply)
    listed = items(capsys, project_file, reply)
    before = load_project(project_file)
    ids = [i["id"] for i in listed if i["kind"] in ("insertion", "deletion")]
    assert main(["import-review", str(project_file), str(reply), "--reject", *ids]) == 0
    after = load_project(project_file)
    assert after.wording == before.wording and after.training == before.training


def test_accepting_a_deleted_protection_warns(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    sentence = "We will not read or apply this policy in a way that limits these rights."
    reply = edited_reply(sent_docx, tmp_path / "reply.docx", lambda root: _split(
        _paragraph(root, "We will not read or apply this policy in a way"), sentence,
        lambda text: _change("del", 990, _run(text, deleted=True))))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    out = capsys.readouterr().out
    assert "warning: 8.1 Your right to talk about work: counsel's change removes a protection" \
        in out  # the clause as the owner knows it, not its id


def test_accepting_a_change_that_brings_a_risk_warns(sent, tmp_path, capsys):
    """Counsel's words make a clause a rule the Board finds unlawful: the import says so, with
    the clause as the owner knows it and the check's reason; what the policy had before, it
    does not repeat."""
    from smpolicy_desktop.checks.families import FAMILIES

    project_file, sent_docx = sent
    risky = " Never post anything negative about your manager."
    reply = edited_reply(sent_docx, tmp_path / "reply.docx", lambda root: _paragraph(
        root, "Just make sure your work gets done").append(_change("ins", 990, _run(risky))))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines()
                if line.startswith("warning: ")]
    assert warnings == ["warning: 4.3 Social media during work time: "
                        f"{FAMILIES['nlra.disparagement'].reason}"]


def test_the_list_of_counsels_changes_names_each_clause_in_words(sent, tmp_path, capsys):
    """The owner took a clause counsel changed out of the policy since: the list names it by
    its title; the others by number and title; no clause by the app's id (--json keeps it)."""
    project_file, sent_docx = sent
    reply = tmp_path / "reply.docx"
    build_word_reply(sent_docx, reply)
    ids = {item["clause_id"] for item in items(capsys, project_file, reply)} - {""}
    project = load_project(project_file)
    project.wording = [own_wording(project, "training.consequences", "")]
    save_project(project, project_file)
    assert main(["import-review", str(project_file), str(reply)]) == 0
    lines = capsys.readouterr().out.splitlines()
    where = {line.split("\t")[4]: line.split("\t")[2] for line in lines[1:]}
    assert where["We will put any warning in writing."] == (
        '"If this policy is broken" (no longer in the policy)')
    assert "7.3 Monitoring of company systems" in where.values()
    assert ids and not [line for line in lines for id_ in ids if id_ in line]


def test_the_list_of_counsels_changes_dates_them_as_the_policy_does(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    reply = tmp_path / "reply.docx"
    build_word_reply(sent_docx, reply)  # every change and comment dated 1 December 2026
    for country, date in (("US", "December 1, 2026"), ("GB", "1 December 2026")):
        project = load_project(project_file)
        project.company.country = country
        save_project(project, project_file)
        capsys.readouterr()
        assert main(["import-review", str(project_file), str(reply)]) == 0
        listed = capsys.readouterr().out.splitlines()[1:]
        assert f"{COUNSEL} {date}" in [line.split("\t")[3] for line in listed]
        assert "2026-12-01" not in "\n".join(listed)


@pytest.mark.parametrize("content, reason", [
    (b"not a zip", "is not a Word (.docx) file"),
    (None, "does not exist")])
def test_a_file_that_is_no_reply_exits_2_in_one_line(sent, tmp_path, capsys, content, reason):
    project_file, _ = sent
    reply = tmp_path / "reply.docx"
    if content is not None:
        reply.write_bytes(content)
    before = project_file.read_bytes()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and reason in error
    assert project_file.read_bytes() == before


def test_an_unknown_id_changes_nothing(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    reply = tmp_path / "reply.docx"
    shutil.copy(sent_docx, reply)
    before = project_file.read_bytes()
    assert main(["import-review", str(project_file), str(reply), "--accept", "c99"]) == 2
    assert "no change or comment 'c99'" in capsys.readouterr().err
    assert project_file.read_bytes() == before


def test_word_365s_dates_are_read_as_the_instant_not_the_authors_clock(sent, tmp_path, capsys):
    """Word 365 at 08:00 on 2 December in Sydney writes w:date 2026-12-02T08:00:00Z (the
    author's clock, marked UTC) and w16du:dateUtc 2026-12-01T21:00:00Z (the instant)."""
    project_file, sent_docx = sent
    w16du = "http://schemas.microsoft.com/office/word/2023/wordml/word16du"

    def insert(root) -> None:
        change = _change("ins", 970, _run(" Ask us if unsure."), date="2026-12-02T08:00:00Z")
        change.set(f"{{{w16du}}}dateUtc", "2026-12-01T21:00:00Z")
        _paragraph(root, "serious breaches may lead to discipline").append(change)

    listed = items(capsys, project_file, edited_reply(sent_docx, tmp_path / "r.docx", insert))
    assert [i["date"] for i in listed] == ["2026-12-01T21:00:00+00:00"]
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(tmp_path / "r.docx")]) == 0
    assert f"{COUNSEL} December 1, 2026" in capsys.readouterr().out


def test_dates_libreoffice_writes_when_it_does_not_know():
    assert parse_date("0-00-00T00:00:00Z") is None
    assert parse_date("2026-12-01T10:00:00Z").isoformat() == "2026-12-01T10:00:00+00:00"
    assert parse_date(None) is None


def test_a_replacement_decided_over_two_readings_reads_as_counsel_wrote_it(sent, tmp_path,
                                                                          capsys):
    """Counsel replaced a word (a deletion and an insertion). The owner accepts one half, and
    another day, the reply read again, the other, in either order: the clause reads as counsel
    wrote it, and the first half is not taken for an edit of the owner's (which lost counsel's
    words: "... LLC , share our work")."""
    project_file, sent_docx = sent

    def replace(root) -> None:
        p = _paragraph(root, "Just make sure your work gets done")
        _split(p, "work gets", lambda text: _change("del", 901, _run(text, deleted=True)))
        next(p.iter(w("del"))).addnext(_change("ins", 902, _run("job gets")))

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", replace)
    listed = {item["kind"]: item["id"] for item in items(capsys, project_file, reply)}
    halves = (listed["deletion"], listed["insertion"])
    for order in (halves, halves[::-1]):
        copy = tmp_path / f"accepted-{order[0]}.smpolicy"
        shutil.copy(project_file, copy)
        for item_id in order:
            capsys.readouterr()
            assert main(["import-review", str(copy), str(reply), "--accept", item_id]) == 0
            said = capsys.readouterr().out
            assert "not applied" not in said and "your changes" not in said
        text = clause_texts(render_document(load_project(copy)))["employees.personal_use"]
        assert "Just make sure your job gets done" in text


def test_counsel_retitling_a_section_changes_its_heading_and_adds_no_rule(sent, tmp_path,
                                                                          capsys):
    """A section's heading has no rules under it of its own: counsel's new title for it was
    kept as a rule ("Using our content" under the old heading), and accepting only the
    deletion of a title wrote the number as the title ("1.5 1.5"). The deletion of a title
    typed over is decided with its insertion: the new title, whichever is accepted."""
    project_file, sent_docx = sent
    retitled = {"Use of our content": "Using our content",
                "Who looks after this policy": "Who owns this policy"}

    def retitle(root) -> None:
        for old, new in retitled.items():
            p = next(p for p in root.iter(w("p")) if "".join(p.itertext()).endswith(old)
                     and p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")).startswith("Heading"))
            _split(p, old, lambda text: _change("del", 901, _run(text, deleted=True)))
            next(p.iter(w("del"))).addnext(_change("ins", 902, _run(new)))

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", retitle)
    deletions = [item["id"] for item in items(capsys, project_file, reply)
                 if item["kind"] == "deletion"]
    only_deleted = tmp_path / "deleted.smpolicy"
    shutil.copy(project_file, only_deleted)
    capsys.readouterr()
    assert main(["import-review", str(only_deleted), str(reply), "--accept", *deletions]) == 0
    said = capsys.readouterr().out
    assert said.count("kept counsel's title") == 2 and "stays" not in said
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    for path in (only_deleted, project_file):
        document = render_document(load_project(path))
        headings = [b.text for b in document.blocks if b.kind in ("heading1", "heading2")]
        for title in retitled.values():
            assert any(heading.endswith(f" {title}") for heading in headings), title
        paragraphs = {b.text for b in document.blocks if b.kind == "paragraph"}
        assert not paragraphs & {*retitled.values(), "5", "1.5"}


def test_counsel_shortening_the_company_name_in_one_sentence_renames_nothing_else(
        sent, tmp_path, capsys):
    """Counsel wrote "Northwind" for "Northwind Analytics LLC" in one sentence: kept as
    the answer, it renamed the company in the title block, the footer and every clause. It is
    that clause's wording; the company keeps its name."""
    project_file, sent_docx = sent

    def shorten(root) -> None:
        p = _paragraph(root, "These are the official accounts of Northwind Analytics LLC")
        _split(p, " Analytics LLC", lambda text: _change("del", 901, _run(text, deleted=True)))

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", shorten)
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert "kept counsel's wording" in capsys.readouterr().out
    project = load_project(project_file)
    assert project.company.name == "Northwind Analytics LLC"
    texts = clause_texts(render_document(project))
    assert texts["presence.accounts"].startswith("These are the official accounts of Northwind.")
    assert "Northwind Analytics LLC" in texts["voice.spokespeople"]


def test_counsel_editing_the_acknowledgement_keeps_its_lines_to_sign_on(sent, tmp_path,
                                                                         capsys):
    """Any change counsel made in the acknowledgement form ("Date" -> "Date signed") kept the
    clause as counsel's wording, and its four signature lines came out as plain paragraphs,
    with no line to sign on."""
    import docx

    project_file, sent_docx = sent

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", _date_signed)
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert main(["export", str(project_file), "-o", str(tmp_path / "after.docx")]) == 0
    lines = [p.text.strip() for p in docx.Document(str(tmp_path / "after.docx")).paragraphs
             if p.style.name == "Signature Line"]
    assert lines == ["Employee name", "Job title", "Signature", "Date signed"]


def test_clauses_that_change_with_an_answer_are_named_as_a_list():
    """'"A" and "B" and "C" repeats it' read badly when an answer is in several clauses."""
    from smpolicy_desktop.review import _quoted

    assert _quoted(["1.5 Who looks after this policy", "2.1 Our accounts", "3.4 Media"]) == \
        '"1.5 Who looks after this policy", "2.1 Our accounts" and "3.4 Media"'
    assert _quoted(["4.6 Confidential information"]) == '"4.6 Confidential information"'


def test_counsels_change_to_the_short_guidelines_never_puts_their_words_in_the_policy(
        tmp_path, capsys):
    """The acknowledgement reads "I have read it" in the policy and "them" in the guidelines:
    kept as the clause's wording, counsel's change to the guidelines put their words in the
    full policy, and warned of a protection taken out that counsel never touched."""
    project_file = tmp_path / "policy.smpolicy"
    save_project(filled_project(), project_file)
    sent_docx = tmp_path / "sent.docx"
    assert main(["export", str(project_file), "-o", str(sent_docx), "--kind", "short",
                 "--remember"]) == 0
    full_before = clause_texts(render_document(load_project(project_file), "full"))

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", _date_signed)
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    said = capsys.readouterr().out
    assert "counsel changed it in the short guidelines, and the full policy words it " \
           "otherwise, so it is not kept" in said
    assert "removes a protection" not in said
    # named as the guidelines sent name it ("Appendix A: ..." is the full policy's)
    assert "\tEmployee acknowledgement\t" in said and "Appendix" not in said
    assert "warning: Employee acknowledgement: counsel changed it" in said
    assert clause_texts(render_document(load_project(project_file), "full")) == full_before


def _date_signed(root) -> None:
    """Counsel types " signed" after the acknowledgement's last line to sign on, "Date"."""
    date = next(p for p in root.iter(w("p")) if "".join(p.itertext()).strip() == "Date"
                and p.find(f"{w('pPr')}/{w('pStyle')}[@{w('val')}='SignatureLine']")
                is not None)
    date.append(_change("ins", 990, _run(" signed")))


def test_a_paragraph_counsel_made_a_bullet_is_listed_as_such_not_as_nothing_taken_out(
        sent, tmp_path, capsys):
    """Made a bullet with Track Changes off, the same words were listed as 'taken out: '."""
    project_file, sent_docx = sent

    def bulleted(root) -> None:
        p = _paragraph(root, "These are the official accounts of Northwind Analytics LLC")
        if p.find(w("pPr")) is None:
            p.insert(0, etree.Element(w("pPr")))
        properties = p.find(w("pPr"))
        if properties.find(w("pStyle")) is None:
            properties.insert(0, etree.Element(w("pStyle")))
        properties.find(w("pStyle")).set(w("val"), "ListBullet")

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", bulleted)
    edit, = items(capsys, project_file, reply)
    assert (edit["kind"], edit["clause_id"]) == ("untracked edit", "presence.accounts")
    assert edit["text"] == "the same words, as a list or table now, or no longer (its layout)"


def test_an_insertion_of_spaces_alone_says_so_in_the_list(sent, tmp_path, capsys):
    """What a second reviewer's edit inside the first one's insertion can leave of it: its
    row's text was empty."""
    project_file, sent_docx = sent
    reply = edited_reply(sent_docx, tmp_path / "reply.docx", lambda root: _paragraph(
        root, "Just make sure your work gets done").append(_change("ins", 990, _run("  "))))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply)]) == 0
    row, = [line for line in capsys.readouterr().out.splitlines() if "\tinsertion\t" in line]
    assert row.endswith("\t(spaces only)")


def test_each_change_accepted_in_its_own_option_is_taken(sent, tmp_path, capsys):
    """`--accept c1 --accept c2`, as a user types them one by one, kept only the last."""
    project_file, sent_docx = sent

    def two_additions(root) -> None:
        _paragraph(root, "Just make sure your work gets done").append(
            _change("ins", 990, _run(" Lunch breaks are yours.")))
        _paragraph(root, "We would rather teach than punish.").append(
            _change("ins", 991, _run(" Ask us anything.")))

    reply = edited_reply(sent_docx, tmp_path / "reply.docx", two_additions)
    first, second = (item["id"] for item in items(capsys, project_file, reply))
    assert main(["import-review", str(project_file), str(reply), "--accept", first,
                 "--accept", second]) == 0
    words = " ".join(clause_texts(Workspace.open(project_file).document()).values())
    assert "Lunch breaks are yours." in words and "Ask us anything." in words
