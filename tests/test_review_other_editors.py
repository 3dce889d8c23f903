"""Counsel's markup as other lawyers' programs write it: Word's wrappers, fields, moves,
formatting-only changes, tables, threads of comments, Word 365's extras, unusual packages.

Each reply is our own export with its XML edited the way that program writes the construct;
the tests check what the owner is offered after importing it.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from smpolicy_desktop import review
from smpolicy_desktop.cli import main
from smpolicy_desktop.render import clause_texts, render_document
from smpolicy_desktop.review import Decision, ReviewError, apply_decisions, formatting_said
from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import require_tool
from tests.test_review_import import (
    COUNSEL,
    W14,
    W15,
    W,
    _change,
    _mark_paragraph,
    _paragraph,
    _run,
    _split,
    accept_all_and_check,
    build_word_reply,
    export_for_counsel,
    items,
    marked_paragraphs,
    w,
)

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CONSEQUENCES = "serious breaches may lead to discipline"


@pytest.fixture
def sent(tmp_path):
    return export_for_counsel(tmp_path)


Parts = dict[str, bytes]


def rewrite(source: Path, target: Path, *edits: Callable[[Parts], None]) -> Path:
    """Copy a .docx, each edit changing its parts (name -> bytes) in place."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for edit in edits:
        edit(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def xml_edit(name: str, edit: Callable[[etree._Element], None]) -> Callable[[Parts], None]:
    """An edit of one XML part (its root element)."""
    def apply(parts: Parts) -> None:
        root = etree.fromstring(parts[name])
        edit(root)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)
    return apply


def on_body(edit: Callable[[etree._Element], None]) -> Callable[[Parts], None]:
    return xml_edit("word/document.xml", edit)


def element(tag: str, *children, **attributes: str):
    """A w: element with w: attributes and children."""
    made = etree.Element(w(tag), {w(k): v for k, v in attributes.items()})
    made.extend(children)
    return made


def reply_of(sent, tmp_path: Path, *edits: Callable[[Parts], None]) -> tuple[Workspace, object]:
    """The sent project's workspace and the reply made by `edits`, read."""
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", *edits)
    workspace = Workspace.open(project_file)
    return workspace, workspace.read_reply(reply)


def offered(read) -> set[tuple[str, str, str]]:
    return {(i.kind, i.clause_id, i.text.strip()) for i in read.items}


def accepted_text(workspace: Workspace, read, clause_id: str) -> str:
    """A clause's text once every change in the reply is accepted."""
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    return clause_texts(workspace.document())[clause_id]


# --- Where the changed text sits --------------------------------------------------------------

def _wrapped(kind: str, inner):
    if kind == "sdt":
        return element("sdt", element("sdtPr"), element("sdtContent", inner))
    wrapper = element(kind, inner)
    if kind == "fldSimple":
        wrapper.set(w("instr"), " QUOTE ")
    return wrapper


@pytest.mark.parametrize("wrapper", ["hyperlink", "smartTag", "customXml", "sdt", "fldSimple"])
@pytest.mark.parametrize("inside", [True, False], ids=["ins-inside", "ins-outside"])
def test_an_insertion_inside_words_wrappers(sent, tmp_path, wrapper, inside):
    added = " See the staff handbook."

    def edit(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        if inside:
            p.append(_wrapped(wrapper, _change("ins", 700, _run(added))))
        else:
            p.append(_change("ins", 700, _wrapped(wrapper, _run(added))))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("insertion", "training.consequences", added.strip())}
    assert "discipline. See the staff handbook.\n" in accepted_text(
        workspace, read, "training.consequences")


def _field(change: str, code: str, shown: str) -> list:
    """A complex field as Word writes it, every run inside a w:ins or w:del."""
    deleted = change == "del"
    instr = element("delInstrText" if deleted else "instrText")
    instr.text = code
    runs = [element("r", element("fldChar", fldCharType="begin")), element("r", instr),
            element("r", element("fldChar", fldCharType="separate")),
            _run(shown, deleted=deleted), element("r", element("fldChar", fldCharType="end"))]
    return [_change(change, 710 + index, run) for index, run in enumerate(runs)]


def test_a_field_reads_as_the_text_it_shows_never_its_code_a_links_address_too(sent, tmp_path):
    def edit(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        p.append(_change("ins", 709, _run(" See ")))
        p.extend(_field("ins", ' HYPERLINK "https://example.com/handbook" ', "the handbook"))
        p.append(_change("ins", 720, _run(".")))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    address = "(https://example.com/handbook)"  # a link's address is kept, as text
    assert offered(read) == {("insertion", "training.consequences",
                              f"See the handbook {address}.")}
    assert f"discipline. See the handbook {address}.\n" in accepted_text(
        workspace, read, "training.consequences")


def _moved(root) -> None:
    """The first confidential item moved to the end of its list."""
    _move(root, "Client files and client data", "Financial results")


def _move(root, item: str, after: str) -> None:
    """The list item `item` moved after the one holding `after`, as Word brackets moved text:
    named range markers, and the paragraphs' ends marked."""
    moved = _paragraph(root, item)
    last = _paragraph(root, after)
    arrived = etree.fromstring(etree.tostring(moved))
    for run in arrived.findall(w("r")):
        arrived.remove(run)
    arrived.extend([element("moveToRangeStart", id="801", author=COUNSEL, name="move1"),
                    _change("moveTo", 802, _run(item)),
                    element("moveToRangeEnd", id="801")])
    _mark_paragraph(arrived, "moveTo", 803)
    last.addnext(arrived)
    for run in moved.findall(w("r")):
        moved.replace(run, _change("moveFrom", 804, _run(run.findtext(w("t")))))
    moved.find(w("pPr")).addnext(element("moveFromRangeStart", id="805", author=COUNSEL,
                                         name="move1"))
    moved.append(element("moveFromRangeEnd", id="805"))
    _mark_paragraph(moved, "moveFrom", 806)


MOVED_LIST = ["- Unreleased projects", "- Financial results", "- Client files and client data"]


def test_a_move_with_its_range_markers(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(_moved))
    assert offered(read) == {("move", "employees.confidential", "Client files and client data")}
    assert [i.kind for i in read.items] == ["move", "move"]
    lines = accepted_text(workspace, read, "employees.confidential").splitlines()
    assert lines[1:4] == MOVED_LIST


@pytest.mark.parametrize("half", [0, 1], ids=["where-it-left", "where-it-arrived"])
def test_accepting_half_a_move_moves_the_words_once(sent, tmp_path, half):
    """Deciding one half of a move decides the other: the words are never lost or doubled."""
    workspace, read = reply_of(sent, tmp_path, on_body(_moved))
    workspace.apply_review(read, {read.items[half].id: Decision("accept")})
    lines = clause_texts(workspace.document())["employees.confidential"].splitlines()
    assert lines[1:4] == MOVED_LIST and sum("Client files" in line for line in lines) == 1


def test_formatting_changes_are_not_text_changes(sent, tmp_path, capsys):
    """Bold on a word (w:rPrChange), a centred paragraph and a paragraph made a list item
    (w:pPrChange): not changes to decide, but said in one line, each where it is (a reply
    with bold alone said it had "no changes or comments": found by a tester)."""
    def edit(root) -> None:
        bold = element("rPr", element("b"), element("rPrChange", element("rPr"), id="820",
                                                     author=COUNSEL, date="2026-12-01T10:00:00Z"))
        _split(_paragraph(root, CONSEQUENCES), "serious", lambda text: _bolded(bold, text))
        p = _paragraph(root, "Just make sure your work gets done")
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = element("pPr")
            p.insert(0, ppr)
        ppr.extend([element("jc", val="center"),
                    element("pPrChange", element("pPr"), id="821", author=COUNSEL)])
        listed = _paragraph(root, "Do not post or share these kinds")
        listed.insert(0, element("pPr", element("pStyle", val="ListBullet"), element(
            "pPrChange", element("pPr"), id="822", author=COUNSEL)))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert read.items == []
    said = "3 formatting changes (alignment in 4.3 Social media during work time; paragraph " \
        "style in 4.6 Confidential business information; bold in 7.4 If this policy is " \
        "broken): not kept; the policy sets its own formatting"
    assert formatting_said(workspace.project, read) == said
    capsys.readouterr()
    assert main(["import-review", str(sent[0]), str(tmp_path / "reply.docx")]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [said]


def _bolded(rpr, text: str):
    run = _run(text)
    run.insert(0, rpr)
    return run


# --- Whole paragraphs -------------------------------------------------------------------------

def test_a_deleted_paragraph_and_two_paragraphs_made_one(sent, tmp_path):
    gone = "US law expects this"

    def edit(root) -> None:
        p = _paragraph(root, gone)
        for run in p.findall(w("r")):
            text = run.findtext(w("t"))
            p.replace(run, _change("del", 830, _run(text, deleted=True)))
        _mark_paragraph(p, "del", 831)
        _mark_paragraph(_paragraph(root, "If you praise or promote our products"), "del", 832)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert {(i.kind, i.clause_id, i.text.strip()[:len(gone)]) for i in read.items} == {
        ("deletion", "employees.endorsements", "\u00b6 (two paragraphs joined)"[:len(gone)]),
        ("deletion", "employees.endorsements", gone)}
    lines = accepted_text(workspace, read, "employees.endorsements").splitlines()
    assert len(lines) == 1 and "for example \"#Northwind" in lines[0]
    assert lines[0].count("say that you work here") == 2 and gone not in lines[0]


def test_tabs_breaks_and_special_hyphens_keep_words_apart(sent, tmp_path):
    """w:tab, w:br, w:noBreakHyphen, w:softHyphen and w:sym are text a reader sees."""
    def edit(root) -> None:
        run = element("r")
        for piece in ("Call", element("tab"), "HR", element("br"), "on", element("noBreakHyphen"),
                      "site, per the pro", element("softHyphen"), "cedure",
                      element("sym", font="Symbol", char="2013"), "today."):
            if isinstance(piece, str):
                node = element("t")
                node.text = piece
                run.append(node)
            else:
                run.append(piece)
        _paragraph(root, CONSEQUENCES).append(_change("ins", 840, _run(" "), run))

    _, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("insertion", "training.consequences",
                              "Call HR on-site, per the procedure\u2013today.")}


# --- Tables -----------------------------------------------------------------------------------

def test_changes_in_a_table_with_content_controls_in_its_cells(sent, tmp_path):
    """A cell's paragraphs inside w:sdt (as Word writes content controls), an edit in it, a
    second paragraph in a cell, a row counsel added and one counsel took out."""
    def edit(root) -> None:
        cell = next(tc for tc in root.iter(w("tc")) if "Sam Ortiz" in "".join(tc.itertext()))
        row = cell.getparent()
        new_row = etree.fromstring(etree.tostring(row))
        paragraphs = cell.findall(w("p"))
        control = element("sdt", element("sdtPr"), element("sdtContent", *paragraphs))
        cell.append(control)
        paragraphs[0].append(_change("ins", 850, _run(" (weekdays)")))
        when = next(tc for tc in row.iter(w("tc")) if "not settled" in "".join(tc.itertext()))
        _mark_paragraph(when[-1], "ins", 853)
        when.append(element("p", _change("ins", 854, _run("or a week"))))
        new_row.find(w("trPr")).append(_change("ins", 851))
        for node, text in zip(new_row.iter(w("t")), ("HR", "Kim Lo", "+1 555 0102", "Any claim"),
                              strict=False):
            node.text = text
        for r in list(new_row.iter(w("r"))):
            r.getparent().replace(r, _change("ins", 852, etree.fromstring(etree.tostring(r))))
        row.addnext(new_row)
        lawyer = next(tr for tr in root.iter(w("tr")) if "Lee Park" in "".join(tr.itertext()))
        lawyer.find(w("trPr")).append(_change("del", 855))
        for r in list(lawyer.iter(w("r"))):
            r.getparent().replace(r, _change("del", 856, _run(r.findtext(w("t")),
                                                              deleted=True)))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("insertion", "responses.escalation", "(weekdays)"),
                             ("insertion", "responses.escalation", "or a week"),
                             ("insertion", "responses.escalation",
                              "HR | Kim Lo | +1 555 0102 | Any claim"),
                             ("deletion", "responses.escalation",
                              "Company lawyer | Lee Park | lee@example.com | Any legal threat")}
    table = accepted_text(workspace, read, "responses.escalation")
    assert "| Sam Ortiz (weekdays) |" in table and "not settled in a day or a week |" in table
    assert "| HR | Kim Lo | +1 555 0102 | Any claim |" in table and "Lee Park" not in table


def test_a_cell_counsel_added_and_one_counsel_took_out(sent, tmp_path):
    """Word marks a whole cell inserted or deleted in its w:tcPr (w:cellIns, w:cellDel)."""
    def edit(root) -> None:
        row = next(tr for tr in root.iter(w("tr")) if "Sam Ortiz" in "".join(tr.itertext()))
        cells = row.findall(w("tc"))
        cells[2].find(w("tcPr")).append(_change("cellDel", 940))
        added = etree.fromstring(etree.tostring(cells[3]))
        added.find(w("tcPr")).append(_change("cellIns", 941))
        for node in added.iter(w("t")):
            node.text = "Weekdays only"
        cells[3].addnext(added)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("deletion", "responses.escalation", "+1 555 0101"),
                             ("insertion", "responses.escalation", "Weekdays only")}
    table = accepted_text(workspace, read, "responses.escalation")
    assert "| Account owner | Sam Ortiz | Any complaint that is not settled in a day | " \
           "Weekdays only |" in table


# --- Comments ---------------------------------------------------------------------------------

def _comment(comments, comment_id: str, paragraphs: list[str], para_ids: list[str],
             author: str = COUNSEL) -> None:
    made = etree.SubElement(comments, w("comment"), {w("id"): comment_id, w("author"): author,
                                                     w("date"): "2026-12-01T11:00:00Z"})
    for text, para_id in zip(paragraphs, para_ids, strict=True):
        etree.SubElement(made, w("p"), {f"{{{W14}}}paraId": para_id}).append(_run(text))


def _anchor(start, end, comment_id: str) -> None:
    """A comment range from before `start`'s first run to the end of `end`, then its mark."""
    start.find(w("r")).addprevious(element("commentRangeStart", id=comment_id))
    end.append(element("commentRangeEnd", id=comment_id))
    end.append(element("r", element("commentReference", id=comment_id)))


def _threads(parts: Parts) -> None:
    def anchors(root) -> None:
        first = _paragraph(root, "If you praise or promote our products")
        last = _paragraph(root, "Do not post or share these kinds")  # the next clause's
        _anchor(first, last, "60")
        personal = _paragraph(root, "Just make sure your work gets done")
        _split(personal, "well and on time", lambda text: _change("del", 861, _run(
            text, deleted=True)))
        deleted = personal.find(w("del"))
        deleted.addprevious(element("commentRangeStart", id="61"))
        deleted.addnext(element("commentRangeEnd", id="61"))
        deleted.getnext().addnext(element("r", element("commentReference", id="61")))
        _paragraph(root, CONSEQUENCES).append(element("r", element("commentReference",
                                                                   id="62")))

    on_body(anchors)(parts)
    comments = etree.fromstring(parts["word/comments.xml"])
    _comment(comments, "60", ["These two clauses overlap.", "Merge them?"], ["3000000A",
                                                                          "3000000B"])
    _comment(comments, "61", ["Why delete this?"], ["3000000C"])
    _comment(comments, "62", ["Fine as it is."], ["3000000D"])
    _comment(comments, "63", ["Yes, merge them."], ["3000000E"], author="Alex Kim")
    parts["word/comments.xml"] = etree.tostring(comments)
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    for para_id, parent, done in (("3000000B", "", "1"), ("3000000C", "", "0"),
                                  ("3000000D", "", "0"), ("3000000E", "3000000B", "1")):
        entry = etree.SubElement(extended, f"{{{W15}}}commentEx",
                                 {f"{{{W15}}}paraId": para_id, f"{{{W15}}}done": done})
        if parent:
            entry.set(f"{{{W15}}}paraIdParent", parent)
    parts["word/commentsExtended.xml"] = etree.tostring(extended)
    people = etree.Element(f"{{{W15}}}people", nsmap={"w15": W15})
    for author in (COUNSEL, "Alex Kim"):
        person = etree.SubElement(people, f"{{{W15}}}person", {f"{{{W15}}}author": author})
        etree.SubElement(person, f"{{{W15}}}presenceInfo", {
            f"{{{W15}}}providerId": "None", f"{{{W15}}}userId": author})
    parts["word/people.xml"] = etree.tostring(people)
    _relate(parts, "commentsExtended.xml",
            "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml")
    _relate(parts, "people.xml", "http://schemas.microsoft.com/office/2011/relationships/people",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml")


def _relate(parts: Parts, target: str, kind: str, content_type: str,
            source: str = "word/_rels/document.xml.rels") -> None:
    """Declare a part of the main document (its relationship and content type)."""
    rels = etree.fromstring(parts[source])
    etree.SubElement(rels, rels.tag.replace("Relationships", "Relationship"), {
        "Id": f"rIdT{len(rels)}", "Type": kind, "Target": target})
    parts[source] = etree.tostring(rels)
    types = etree.fromstring(parts["[Content_Types].xml"])
    etree.SubElement(types, types.tag.replace("Types", "Override"), {
        "PartName": f"/word/{target}", "ContentType": content_type})
    parts["[Content_Types].xml"] = etree.tostring(types)


def test_comments_across_clauses_on_deleted_text_unanchored_threaded_and_resolved(sent,
                                                                                  tmp_path):
    workspace, read = reply_of(sent, tmp_path, _threads)
    comments = {i.text: i for i in read.items if i.is_comment}
    assert {(i.kind, i.clause_id, i.author, i.resolved) for i in comments.values()} == {
        ("comment", "employees.endorsements", COUNSEL, True),
        ("comment", "employees.personal_use", COUNSEL, False),
        ("comment", "training.consequences", COUNSEL, False),
        ("reply", "employees.endorsements", "Alex Kim", True)}
    first = comments["These two clauses overlap.\nMerge them?"]
    assert comments["Yes, merge them."].parent == first.id
    assert first.clauses == ("employees.endorsements", "employees.confidential")  # it spans
    assert first.to_dict()["also_clauses"] == ["employees.confidential"]
    assert ("deletion", "employees.personal_use", "well and on time") in offered(read)
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    kept = {c.text: c for c in workspace.project.counsel_comments}
    assert kept[first.text].resolved and not kept["Why delete this?"].resolved
    assert kept[first.text].clauses == first.clauses
    assert kept["Why delete this?"].clauses == ("employees.personal_use",)
    assert [r.author for r in kept[first.text].replies] == ["Alex Kim"]


# --- What Word 365 and others add around the text ---------------------------------------------

def _rsids(root) -> None:
    """rsids and paraIds on everything, runs cut at every word, proofing marks."""
    for p in root.iter(w("p")):
        p.set(w("rsidR"), "00A1B2C3")
        p.set(w("rsidRDefault"), "00A1B2C3")
        p.set(f"{{{W14}}}paraId", f"{abs(hash(id(p))) % 0x7FFFFFFF:08X}")
        for run in p.findall(w("r")):
            node = run.find(w("t"))
            if node is None or " " not in (node.text or "").strip():
                continue
            words = node.text.split(" ")
            for index, word in enumerate(words):
                piece = _run(word + (" " if index < len(words) - 1 else ""))
                piece.set(w("rsidRPr"), "00D4E5F6")
                run.addprevious(piece)
            p.remove(run)
        p.insert(len(p), element("proofErr", type="spellStart"))


def _word365(root) -> None:
    """_rsids, and an mc:AlternateContent whose choice and fallback both hold the text."""
    _rsids(root)
    consequences = _paragraph(root, CONSEQUENCES)
    choice = etree.Element(f"{{{MC}}}Choice", {"Requires": "w14"})
    choice.append(_change("ins", 870, _run(" Ask HR.")))
    fallback = etree.Element(f"{{{MC}}}Fallback")
    fallback.append(_change("ins", 871, _run(" Ask HR.")))
    alternate = etree.SubElement(consequences, f"{{{MC}}}AlternateContent")
    alternate.extend([choice, fallback])
    consequences.append(_change("ins", 872, _run(" In "), _run("writing.")))


def test_a_word_365_file_with_rsids_split_runs_and_alternate_content(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(_word365))
    assert offered(read) == {("insertion", "training.consequences", "Ask HR. In writing.")}
    assert "discipline. Ask HR. In writing.\n" in accepted_text(
        workspace, read, "training.consequences")


def _localised_styles(parts: Parts) -> None:
    """German Word's style ids: berschrift2 for heading 2, Aufzhlungszeichen for List Bullet."""
    ids = {"Heading2": "berschrift2", "ListBullet": "Aufzhlungszeichen"}
    for name in ("word/styles.xml", "word/document.xml"):
        text = parts[name].decode()
        for old, new in ids.items():
            text = text.replace(f'w:styleId="{old}"', f'w:styleId="{new}"').replace(
                f'w:val="{old}"', f'w:val="{new}"')
        parts[name] = text.encode()


def test_localised_style_ids_keep_headings_and_lists(sent, tmp_path):
    def add_clause(root) -> None:
        p = element("p", element("pPr", element("pStyle", val="berschrift2"),
                                 element("rPr", _change("ins", 880))),
                    _change("ins", 881, _run("4.2A Personal devices")))
        _paragraph(root, "Just make sure your work gets done").addnext(p)

    _, read = reply_of(sent, tmp_path, _localised_styles, on_body(add_clause))
    assert offered(read) == {("new clause", "employees.personal_use", "4.2A Personal devices")}


# --- The package ------------------------------------------------------------------------------

def _renamed_main_part(parts: Parts) -> None:
    """The main part as word/main.xml (named by _rels/.rels and [Content_Types].xml), its
    comments as word/notes.xml, and the parts stored in reverse order."""
    renames = {"word/document.xml": "word/main.xml", "word/comments.xml": "word/notes.xml",
               "word/_rels/document.xml.rels": "word/_rels/main.xml.rels"}
    for old, new in renames.items():
        parts[new] = parts.pop(old)
    for name in ("_rels/.rels", "word/_rels/main.xml.rels", "[Content_Types].xml"):
        parts[name] = parts[name].replace(b"document.xml", b"main.xml").replace(
            b"comments.xml", b"notes.xml")
    reordered = dict(reversed(parts.items()))
    parts.clear()
    parts.update(reordered)


def test_a_package_with_other_part_names_in_another_order(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    build_word_reply(sent_docx, tmp_path / "word.docx")
    expected = {(i["kind"], i["clause_id"], i["text"]) for i in
                items(capsys, project_file, tmp_path / "word.docx")}
    renamed = rewrite(tmp_path / "word.docx", tmp_path / "renamed.docx", _renamed_main_part)
    assert {(i["kind"], i["clause_id"], i["text"]) for i in
            items(capsys, project_file, renamed)} == expected


OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def _ole(stream: str) -> bytes:
    """The start of an OLE compound file naming one stream (as .doc and encrypted files are)."""
    return OLE + bytes(504) + stream.encode("utf-16-le") + bytes(64)


def _zipped(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="{}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>')
WRONG_FILES = {
    "doc": (_ole("WordDocument"), "older Word format (.doc)"),
    "password": (_ole("EncryptedPackage"), "protected with a password"),
    "odt": (_zipped({"mimetype": "application/vnd.oasis.opendocument.text",
                     "content.xml": "<office:document-content/>"}), "OpenDocument"),
    "xlsx": (_zipped({"_rels/.rels": RELS.format("xl/workbook.xml"),
                      "xl/workbook.xml": "<workbook/>"}), "it has no document text"),
    "damaged": (_zipped({"_rels/.rels": RELS.format("word/document.xml"),
                         "word/document.xml": "<w:document"}), "damaged (word/document.xml)"),
    "empty": (b"", "empty"),
    "rtf": (b"{\\rtf1\\ansi\\deff0 {\\*\\revtbl {Unknown;}{Morgan Lee;}} Policy}",
            "Rich Text Format file (.rtf); open it in Word or LibreOffice and save it as Word"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF, which keeps no tracked changes; ask "
            "counsel for the Word (.docx) file"),
    "cut short": (_zipped({"_rels/.rels": RELS.format("word/document.xml"),  # a download
                           "word/document.xml": "<w:document/>"})[:200],   # that stopped
                  "the Word file is incomplete or damaged; ask counsel to send it again"),
}


@pytest.mark.parametrize("kind", WRONG_FILES)
def test_a_wrong_file_gets_one_plain_line_and_changes_nothing(sent, tmp_path, capsys, kind):
    project_file, _ = sent
    content, reason = WRONG_FILES[kind]
    reply = tmp_path / "reply.docx"
    reply.write_bytes(content)
    before = project_file.read_bytes()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and reason in error, error
    assert project_file.read_bytes() == before
    assert load_project(project_file).counsel_comments == []


def _drop_bookmarks(parts: Parts) -> None:
    """As an editor that keeps no bookmarks of others writes the file (Google Docs names its
    own, _heading=h.x), without our version property."""
    def rename(root) -> None:
        for index, mark in enumerate(root.iter(w("bookmarkStart"))):
            mark.set(w("name"), f"_heading=h.{index:x}")

    on_body(rename)(parts)
    parts.pop("docProps/custom.xml")


def _in_writing(root) -> None:
    _paragraph(root, CONSEQUENCES).append(_change("ins", 890, _run(" In writing.")))


def _lost_bookmarks(parts: Parts) -> None:
    """_drop_bookmarks, then an insertion in a clause and a deletion in the title block."""
    _drop_bookmarks(parts)
    on_body(_in_writing)(parts)
    on_body(lambda root: _split(_paragraph(root, "Northwind Analytics LLC"), "LLC", lambda
                                text: _change("del", 891, _run(text, deleted=True))))(parts)


def test_a_file_that_lost_the_clause_bookmarks_is_placed_by_its_headings(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, _lost_bookmarks)
    assert offered(read) == {("insertion", "training.consequences", "In writing."),
                             ("deletion", "title", "LLC")}
    assert "discipline. In writing.\n" in accepted_text(workspace, read,
                                                        "training.consequences")


def _renamed_everywhere(root) -> None:
    """Counsel's replace-all of the company's name, tracked: each place a deletion and an
    insertion."""
    def replaced(text: str):
        deletion = _change("del", 900 + len(changes), _run(text, deleted=True))
        changes.append(deletion)
        return deletion

    changes: list = []
    places = [p for p in root.iter(w("p")) for t in p.iter(w("t")) for _ in range(
        (t.text or "").count(NAME))]
    for place in places:
        _split(place, NAME, replaced)
        changes[-1].addnext(_change("ins", 1900 + len(changes), _run(RENAMED)))
    assert len(places) > 5


NAME, RENAMED = "Northwind Analytics LLC", "Northwind Analytics, LLC"


def test_a_name_counsel_changed_everywhere_is_the_new_answer(sent, tmp_path, capsys):
    """Taken clause by clause, the company kept its old name and each clause was frozen in
    counsel's wording (found by a tester)."""
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_renamed_everywhere))
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    said = capsys.readouterr().out
    assert "The company's name: now \"Northwind Analytics, LLC\"" in said
    assert "warning" not in said and "kept counsel's wording" not in said, said
    project = load_project(project_file)
    assert (project.company.name, project.wording) == (RENAMED, [])
    project.company.name = "Northwind Data Inc."  # the answer is what each clause follows
    assert not any(NAME in text or RENAMED in text for text in clause_texts(
        render_document(project)).values())


def _table_and_page_break(root) -> None:
    """A new table after the clause on consequences, and a page break before its text, both
    tracked."""
    consequences = _paragraph(root, CONSEQUENCES)
    consequences.insert(1, _change("ins", 920, element("r", element("br", type="page"))))
    table = element("tbl", element("tblPr"))
    for index, cells in enumerate((("Role", "Referral bonus"), ("Engineer", "$1,000"))):
        table.append(element("tr", element("trPr", _change("ins", 921 + index)), *(
            element("tc", element("p", _change("ins", 930 + index, _run(text))))
            for text in cells)))
    consequences.addnext(table)


def test_a_new_table_and_a_page_break_are_said_not_taken(sent, tmp_path, capsys):
    """The table's rows went into the clause's text as "| Role | Referral bonus |" (an answer,
    which the risk check then read as a rule), and the page break was listed as "(spaces
    only)" and dropped without a word; found by a tester."""
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_table_and_page_break))
    before = clause_texts(Workspace.open(project_file).document())
    listed = [line.split("\t")[-1] for line in _listing(capsys, project_file, reply)]
    assert "page break (the policy sets its own pages and keeps none; add it to the Word file " \
        "after you export it)" in listed
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    assert "counsel added a table where the policy has none, which it cannot hold as a table, " \
        "so it is not kept" in capsys.readouterr().out
    assert clause_texts(Workspace.open(project_file).document()) == before


def _listing(capsys, project_file: Path, reply: Path) -> list[str]:
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply)]) == 0
    return capsys.readouterr().out.splitlines()


# --- Text the project has no place for --------------------------------------------------------

def _footnote_and_header(parts: Parts) -> None:
    """A footnote counsel added (its reference a tracked insertion) and a header line."""
    notes = etree.Element(w("footnotes"), nsmap={"w": W})
    for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        etree.SubElement(notes, w("footnote"), {w("type"): kind, w("id"): note_id}).append(
            element("p", element("r", element("separator"))))
    footnote = etree.SubElement(notes, w("footnote"), {w("id"): "1"})
    footnote.extend([element("p", element("r", element("footnoteRef")),
                             _run(" Ohio law allows this.")),
                     element("p", _run("See R.C. 4113.52."))])
    parts["word/footnotes.xml"] = etree.tostring(notes)
    _relate(parts, "footnotes.xml",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml")
    on_body(lambda root: _paragraph(root, CONSEQUENCES).append(_change(
        "ins", 900, element("r", element("footnoteReference", id="1")))))(parts)
    xml_edit("word/header1.xml", lambda root: next(root.iter(w("p"))).append(
        _change("ins", 901, _run(" Privileged and confidential"))))(parts)


def test_a_footnote_and_a_header_change_are_listed_not_lost(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, _footnote_and_header)
    assert {(i.kind, i.clause_id, i.author, i.text) for i in read.items} == {
        ("footnote", "training.consequences", COUNSEL,
         "Ohio law allows this.\nSee R.C. 4113.52."),
        ("insertion", "", COUNSEL, " Privileged and confidential")}
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    note, = workspace.project.counsel_comments
    assert (note.clause_id, note.text) == ("training.consequences",
                                           "Ohio law allows this.\nSee R.C. 4113.52.")
    header = next(i for i in read.items if i.kind == "insertion")
    assert f"{read.named([header.id])}: in the page header or footer" in outcome.warnings[0]


def _page_numbers(parts: Parts) -> None:
    """The footer's page fields as Word works them out on opening ("Page 3 of 12")."""
    def count(root) -> None:
        for node, shown in zip([t for t in root.iter(w("t")) if t.text == "1"], ("3", "12"),
                               strict=True):
            node.text = shown
    xml_edit("word/footer1.xml", count)(parts)


def _header_retyped(parts: Parts) -> None:
    """The DRAFT line of the header edited with Track Changes off."""
    def retype(root) -> None:
        node = next(t for t in root.iter(w("t")) if "for review by counsel" in t.text)
        node.text = node.text.replace("for review by counsel", "privileged and confidential")
    xml_edit("word/header1.xml", retype)(parts)


def test_a_header_edited_without_tracking_is_listed(sent, tmp_path):
    """The project keeps no header text, so the file sent notes each header and footer line
    (by a fingerprint); a line edited with Track Changes off is listed, as it now reads, and
    the page numbers Word works out anew are no edit."""
    _, read = reply_of(sent, tmp_path, _page_numbers)
    assert read.items == []
    workspace, read = reply_of(sent, tmp_path, _page_numbers, _header_retyped)
    assert offered(read) == {("untracked edit", "", "Page header or footer, edited without "
                              "Track Changes: now reads \"DRAFT - privileged and confidential\"")}
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert any("make the change in the Word file after you export it" in warning
               for warning in outcome.warnings), outcome.warnings


STRICT = {b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
          b"http://purl.oclc.org/ooxml/wordprocessingml/main",
          b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
          b"http://purl.oclc.org/ooxml/officeDocument/relationships"}


def _strict(parts: Parts) -> None:
    """Saved as Word's "Strict Open XML Document": other namespace and relationship names."""
    for name, data in parts.items():
        for transitional, strict in STRICT.items():
            data = data.replace(transitional, strict)
        parts[name] = data


def test_a_strict_open_xml_file_reads_like_any_other(sent, tmp_path, capsys):
    project_file, sent_docx = sent
    build_word_reply(sent_docx, tmp_path / "word.docx")
    expected = items(capsys, project_file, tmp_path / "word.docx")
    strict = rewrite(tmp_path / "word.docx", tmp_path / "strict.docx", _strict)
    assert items(capsys, project_file, strict) == expected


def _pictures(root) -> None:
    """A picture counsel inserted with Track Changes (DrawingML, described) and one pasted
    without (VML, as older Word and LibreOffice write)."""
    drawing = etree.fromstring(
        f'<w:drawing xmlns:w="{W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:inline><wp:docPr id="1" name="Picture 1" '
        'descr="Escalation flow chart"/></wp:inline></w:drawing>')
    _paragraph(root, CONSEQUENCES).append(_change("ins", 910, element("r", drawing)))
    vml = etree.fromstring(f'<w:pict xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml">'
                           '<v:shape id="s1" alt="Company logo"/></w:pict>')
    _paragraph(root, "Just make sure your work gets done").append(element("r", vml))


def test_a_picture_is_listed_where_it_is_and_not_kept(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(_pictures))
    assert {(i.kind, i.clause_id, i.author, i.text) for i in read.items} == {
        ("picture", "training.consequences", COUNSEL, "Escalation flow chart"),
        ("picture", "employees.personal_use", "", "Company logo")}
    before = clause_texts(workspace.document())
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert clause_texts(workspace.document()) == before
    assert sum("the picture is not kept" in warning for warning in outcome.warnings) == 2


def _cut_by_another(root) -> None:
    """Word writes a second reviewer's deletion inside the first one's insertion."""
    taken_out = element("del", _run(" in writing", deleted=True), id="921", author="Alex Kim",
                        date="2026-12-01T12:00:00Z")
    _paragraph(root, CONSEQUENCES).append(_change("ins", 920, _run(" Ask HR"), taken_out,
                                                  _run(".")))


def test_words_one_reviewer_took_out_of_anothers_insertion(sent, tmp_path):
    """One insertion as the second reviewer left it, edited by them: no deletion of words the
    policy never had beside it, and rejected, none of it comes in."""
    workspace, read = reply_of(sent, tmp_path, on_body(_cut_by_another))
    insertion, = read.items
    assert (insertion.kind, insertion.made_by, insertion.text) == (
        "insertion", f"{COUNSEL}, edited by Alex Kim", " Ask HR.")
    assert read.clause_text("training.consequences", ()) == \
        read.clause_text("training.consequences", {"none"})
    before = clause_texts(workspace.document())["training.consequences"]
    workspace.apply_review(read, {insertion.id: Decision("reject")})
    assert clause_texts(workspace.document())["training.consequences"] == before
    assert "discipline. Ask HR.\n" in accepted_text(workspace, read, "training.consequences")


def _all_cut_by_another(root) -> None:
    taken_out = element("del", _run(" Ask HR in writing.", deleted=True), id="921",
                        author="Alex Kim", date="2026-12-01T12:00:00Z")
    _paragraph(root, CONSEQUENCES).append(_change("ins", 920, taken_out))


def test_an_insertion_another_reviewer_took_all_of_out_says_so(sent, tmp_path):
    """Listed (the owner sees what the firm went over), saying nothing of it is left; accepted,
    the clause stays as it was."""
    workspace, read = reply_of(sent, tmp_path, on_body(_all_cut_by_another))
    insertion, = read.items
    assert (insertion.made_by, insertion.words) == (
        f"{COUNSEL}, edited by Alex Kim", "(nothing left once edited by Alex Kim)")
    before = clause_texts(workspace.document())["training.consequences"]
    assert accepted_text(workspace, read, "training.consequences") == before


def _google_docs(parts: Parts) -> None:
    """As Google Docs writes a document: no bookmarks of ours, and no styles of its own for
    lists, so list items are Normal paragraphs numbered through numbering.xml (here with the
    lists our export defines: 1 bullets, 2 numbers)."""
    _drop_bookmarks(parts)

    def lists(root) -> None:
        for style in root.iter(w("pStyle")):
            number = {"ListBullet": "1", "ListNumber": "2"}.get(style.get(w("val")))
            if number:
                style.getparent().replace(style, element("numPr", element("ilvl", val="0"),
                                                         element("numId", val=number)))
    on_body(lists)(parts)


def test_a_google_docs_file_with_lists_as_numbered_paragraphs(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, _google_docs, on_body(_in_writing))
    assert offered(read) == {("insertion", "training.consequences", "In writing.")}


def _headings_as_bold_text(edit: Callable[[etree._Element], None]) -> Callable[[Parts], None]:
    """As Google Docs may write headings: Normal paragraphs in bold of a size (no heading
    style), each run's text put through `edit`."""
    def restyle(root) -> None:
        for style in list(root.iter(w("pStyle"))):
            if style.get(w("val")) in ("Heading1", "Heading2"):
                paragraph = style.getparent().getparent()
                style.getparent().remove(style)
                for run in paragraph.iter(w("r")):
                    run.insert(0, element("rPr", element("b"), element("sz", val="32")))
                    for text in run.iter(w("t")):
                        edit(text)
    return on_body(restyle)


def test_headings_without_a_heading_style_are_found_by_their_words(sent, tmp_path):
    """A Google Docs reply read as every clause deleted (71 "taken out" items, Accept all left
    the title block alone); found by a tester."""
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _google_docs,
                    _headings_as_bold_text(lambda text: None), on_body(_in_writing))
    workspace = Workspace.open(project_file)
    read = workspace.read_reply(reply)
    assert offered(read) == {("insertion", "training.consequences", "In writing.")}
    clauses = clause_texts(workspace.document())
    assert "discipline. In writing.\n" in accepted_text(workspace, read,
                                                        "training.consequences")
    assert clause_texts(workspace.document()).keys() == clauses.keys()


def test_a_reply_read_as_the_policy_deleted_is_refused(sent, tmp_path, capsys):
    """Headings the app cannot tell (here retyped in capitals, Track Changes off): the reply
    would read as most clauses taken out, and Accept all would empty the policy."""
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", _google_docs, _headings_as_bold_text(
        lambda text: setattr(text, "text", (text.text or "").upper())))
    before = project_file.read_bytes()
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) != 0
    assert "this reply reads as if almost all of the policy were deleted" in \
        capsys.readouterr().err
    assert project_file.read_bytes() == before


def _typed_numbers(root) -> None:
    """As Google Docs may save a numbered list: "1. ", "2. "... typed at each item's start,
    in Normal paragraphs."""
    step, typed = 0, 0
    for paragraph in root.iter(w("p")):
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        if style is None or style.get(w("val")) != "ListNumber":
            step = 0
            continue
        step, typed = step + 1, typed + 1
        properties = style.getparent()
        properties.remove(style)
        properties.remove(properties.find(w("numPr")))
        properties.addnext(_run(f"{step}. "))
    assert typed > 2


def test_typed_list_numbers_are_no_change_of_the_owners(sent, tmp_path, capsys):
    """Once such a reply was accepted, the redline showed the owner deleting "1. " to "6. "
    (and counsel rejecting them gave "1. 1. Keep a record..."); found by a tester."""
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_typed_numbers), _google_docs,
                    on_body(_in_writing))
    assert main(["import-review", str(project_file), str(reply), "--accept", "all"]) == 0
    redline = tmp_path / "redline.docx"
    assert main(["export", str(project_file), "-o", str(redline), "--changes-since-last"]) == 0
    assert marked_paragraphs(redline) == []


@pytest.mark.parametrize("edits", [
    (on_body(_rsids), on_body(_in_writing)),
    (_drop_bookmarks, on_body(_in_writing)),
    (_localised_styles, on_body(_in_writing)),
    (_threads,), (_google_docs, on_body(_in_writing))],
    ids=["rsids", "lost-bookmarks", "localised-styles", "threads", "google-docs"])
def test_accepting_all_gives_the_policy_counsel_sees(sent, tmp_path, capsys, edits):
    """The next export reads as the reply with every change accepted (by pandoc, which reads
    no mc:AlternateContent, so none here); the redline is empty."""
    require_tool("pandoc")
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", *edits)
    accept_all_and_check(capsys, project_file, reply, tmp_path)


def _damage(rng: random.Random) -> Callable[[Parts], None]:
    """Take out elements and attributes at random, or give attributes odd values, in the
    parts a reply is read from (as a program that writes half a construct might)."""
    def apply(parts: Parts) -> None:
        for name in ("word/document.xml", "word/comments.xml", "word/commentsExtended.xml",
                     "word/_rels/document.xml.rels", "word/footnotes.xml", "word/styles.xml",
                     "word/numbering.xml", "_rels/.rels"):
            root = etree.fromstring(parts[name])
            nodes = list(root.iter())
            for _ in range(rng.randint(3, 15)):
                node = rng.choice(nodes)
                if rng.random() < 0.4 and node.getparent() is not None:
                    node.getparent().remove(node)
                elif node.attrib:
                    key = rng.choice(list(node.attrib))
                    node.set(key, rng.choice(["", "x", "-1", "0", "99999"]))
            parts[name] = etree.tostring(root)
    return apply


@pytest.mark.slow
def test_a_damaged_reply_is_read_or_refused_in_plain_words(sent, tmp_path):
    project_file, sent_docx = sent
    whole = rewrite(sent_docx, tmp_path / "whole.docx", _threads, _footnote_and_header,
                    on_body(_pictures))
    workspace = Workspace.open(project_file)
    rng = random.Random(14)
    for _ in range(40):
        damaged = rewrite(whole, tmp_path / "damaged.docx", _damage(rng))
        try:
            read = workspace.read_reply(damaged)
        except ReviewError as error:
            assert "\n" not in str(error)
            continue
        project = workspace.project.model_copy(deep=True)
        apply_decisions(project, read, {i.id: Decision("accept") for i in read.items})


def _anonymous(parts: Parts) -> None:
    """Word's "remove personal information from this file": every author is "Author", and
    no change or comment has a date."""
    for name in ("word/document.xml", "word/comments.xml"):
        def scrub(root) -> None:
            for node in root.iter():
                if node.get(w("author")) is not None:
                    node.set(w("author"), "Author")
                node.attrib.pop(w("date"), None)
        xml_edit(name, scrub)(parts)


def test_a_reply_with_its_authors_made_anonymous(sent, tmp_path, capsys):
    """The owner's own question is still the owner's, not a comment from "Author"."""
    project_file, sent_docx = sent
    build_word_reply(sent_docx, tmp_path / "word.docx")
    named = items(capsys, project_file, tmp_path / "word.docx")
    reply = rewrite(tmp_path / "word.docx", tmp_path / "anonymous.docx", _anonymous)
    listed = items(capsys, project_file, reply)
    assert [(i["kind"], i["clause_id"], i["text"], i["owner_note"]) for i in listed] == \
        [(i["kind"], i["clause_id"], i["text"], i["owner_note"]) for i in named]
    assert {(i["author"], i["date"]) for i in listed if i["kind"] != "untracked edit"} == {
        ("Author", None)}


def _footer_deleted(root) -> None:
    """Counsel deletes the footer's "Page X of Y", fields and all: Word writes the field codes
    as w:delInstrText and the numbers shown as w:delText."""
    p = list(root.iter(w("p")))[-1]
    for run in p.findall(w("r")):
        for node in run:
            if node.tag in (w("t"), w("instrText")):
                node.tag = w("delText") if node.tag == w("t") else w("delInstrText")
        p.replace(run, _change("del", 930, etree.fromstring(etree.tostring(run))))


def test_a_deleted_field_reads_as_the_text_it_showed(sent, tmp_path):
    _, read = reply_of(sent, tmp_path, xml_edit("word/footer1.xml", _footer_deleted))
    assert offered(read) == {("deletion", "", "Page 1 of 1")}


def test_a_reply_with_too_much_text_is_refused_before_it_is_unpacked(sent, tmp_path, capsys,
                                                                      monkeypatch):
    monkeypatch.setattr(review, "MAX_TEXT_BYTES", 2**20)
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx",
                    lambda parts: parts.update({"word/padding.xml": bytes(2 * 2**20)}))
    assert main(["import-review", str(project_file), str(reply)]) == 2
    assert "holds too much text to read (2 MB)" in capsys.readouterr().err


def _replies_first(parts: Parts) -> None:
    """comments.xml listing every reply before the comment it answers."""
    def reverse(root) -> None:
        root[:] = list(reversed(root))
    xml_edit("word/comments.xml", reverse)(parts)


def _shape(read) -> set[tuple]:
    """Each comment with its clause, author, text, the text it answers, and its state."""
    text = {i.id: i.text for i in read.items}
    return {(i.kind, i.clause_id, i.author, i.text, text.get(i.parent, ""), i.owner_note,
             i.resolved) for i in read.items}


def test_a_thread_listed_replies_first_keeps_its_shape(sent, tmp_path):
    project_file, sent_docx = sent
    word = tmp_path / "word.docx"
    build_word_reply(sent_docx, word)  # with counsel's answer to the owner's question
    for source, edits in ((sent, (_threads,)), ((project_file, word), ())):
        _, in_order = reply_of(source, tmp_path, *edits)
        _, replies_first = reply_of(source, tmp_path, *edits, _replies_first)
        assert _shape(replies_first) == _shape(in_order)
        assert any(i.kind == "reply" for i in replies_first.items)


def _clause_moved(clause: str = "employees_endorsements", up_to: str = "employees_confidential",
                  before: str = "employees_ai") -> Callable[[etree._Element], None]:
    """Counsel moves a clause (heading and body, up to the clause `up_to`; 4.5 by default)
    to just before the clause `before` (after 4.6), as a tracked move: the clause bookmark
    goes with the words to their new place."""
    def edit(root) -> None:
        paragraphs = list(root.iter(w("p")))

        def starting(clause: str) -> int:
            return next(i for i, p in enumerate(paragraphs) if any(
                mark.get(w("name")) == f"smp_{clause}" for mark in p.iter(w("bookmarkStart"))))

        moved = paragraphs[starting(clause):starting(up_to)]
        there = paragraphs[starting(before) - 1]
        for p in reversed(moved):
            arrived = etree.fromstring(etree.tostring(p))
            for run in arrived.findall(w("r")):
                run.addprevious(_change("moveTo", 950, etree.fromstring(etree.tostring(run))))
                arrived.remove(run)
            _mark_paragraph(arrived, "moveTo", 951)
            there.addnext(arrived)
        for p in moved:
            for mark in p.findall(w("bookmarkStart")):
                p.remove(mark)
            for run in p.findall(w("r")):
                p.replace(run, _change("moveFrom", 952, _run(run.findtext(w("t")), deleted=True)))
            _mark_paragraph(p, "moveFrom", 953)

    return edit


def test_a_clause_counsel_moved_is_a_move_not_a_new_clause(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(_clause_moved()))
    assert {(i.kind, i.clause_id) for i in read.items} == {("move", "employees.endorsements")}
    assert len(read.moves) == len(read.items) == 8
    before = clause_texts(workspace.document())["employees.endorsements"]
    assert accepted_text(workspace, read, "employees.endorsements") == before
    assert workspace.project.owner_clauses == []  # no second copy of the clause


@pytest.mark.parametrize("heading_only", [False, True])
def test_a_clause_counsel_moved_into_another_section_stays_whole(sent, tmp_path,
                                                                 heading_only):
    """Counsel moves 4.14 after 2.4, heading and all. Accepting it all made "4.14 Sharing
    job openings" a line of 2.4 and removed 4.14 (and told "4.13 ...: already says this");
    accepting the heading's move alone made the heading 2.4's words and ran 4.14's words on
    into 4.13. The clause keeps its place, whole, and the owner is told why."""
    workspace, read = reply_of(sent, tmp_path, on_body(_clause_moved(
        "employees_recruiting", "content", "presence_never")))
    before = workspace.document()
    heading = {i.id for i in read.items if i.text == "4.14 Sharing job openings"}
    outcome = workspace.apply_review(read, {i.id: Decision(
        "reject" if heading_only and i.id not in heading else "accept") for i in read.items})
    assert outcome.warnings == [
        "4.14 Sharing job openings: counsel moved the whole clause, heading and all, after 2.4 "
        "What we publish; the app keeps each clause in its own place, so the move is not "
        "taken and the clause stays where it was, whole (to have it there, add its words "
        "there as a rule of your own, and take them out here with Edit wording)"]
    assert workspace.document().clauses() == before.clauses()
    assert clause_texts(workspace.document()) == clause_texts(before)
