"""Writes the rendered policy as the Word file counsel reviews, through python-docx.

Every paragraph gets a style from templates/reference.docx and nothing else; on top come the
parts a review needs: draft header, page fields, contents, comments and tracked changes, and
what brings counsel's reply back: a bookmark per clause id, the version id in the document's
custom properties, and Track Changes switched on.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import groupby
from typing import BinaryIO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Twips
from docx.text.run import Run as WordRun
from lxml import etree

from .dates import long_date_in
from .document import DRAFT_MARK, Block, Document, footer_line
from .model import DocumentType, SentVersion
from .render import xml_safe
from .resources import resource_path
from .tracked_changes import (
    CELL_BREAK,
    DELETED,
    INSERTED,
    SAME,
    Edit,
    ParagraphChange,
    compare,
    paragraph_records,
)

STYLE_IDS = {"title": "Title", "subtitle": "Subtitle", "heading1": "Heading1",
             "heading2": "Heading2", "paragraph": "Normal", "bullet": "ListBullet",
             "numbered": "ListNumber", "signature": "SignatureLine"}
_TWIPS_PER_CHARACTER = 120  # a generous average for 10 pt table text
_CELL_MARGINS = 260  # left and right cell margins of the Policy Table style, and some air
TEXT_WIDTH = 9360  # twentieths of a point: US Letter less one-inch margins (A4 keeps it)

_W = {name: qn(f"w:{name}") for name in (
    "p", "pPr", "pStyle", "pageBreakBefore", "numPr", "ilvl", "numId", "rPr", "rStyle", "r", "t",
    "delText", "ins", "del", "val", "id", "author", "date", "tbl", "tblPr", "tblStyle", "tblW",
    "w", "type", "tblLook", "tblGrid", "gridCol", "tr", "trPr", "tblHeader", "cantSplit", "tc",
    "tcPr", "tcW", "fldChar", "fldCharType", "instrText", "lnNumType", "countBy", "restart",
    "updateFields", "compat", "cols", "firstRow", "noHBand", "noVBand", "tab", "bookmarkStart",
    "bookmarkEnd", "name", "trackRevisions", "defaultTabStop", "docDefaults", "rPrDefault",
    "lang")}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Bookmarks name the clauses (Word allows letters, digits and "_", at most 40 characters); the
# reader maps a name back through the clause ids of the version sent. The contents get a
# bookmark of their own, so a reader can leave them out.
BOOKMARK_PREFIX = "smp_"
CONTENTS_BOOKMARK = "smpContents"
VERSION_PROPERTY = "smpolicyVersion"
SENT_PROPERTY = "smpolicySentOn"  # when it was sent: tells this project's v1 from another's
_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_DELETED_STYLES = {"heading1": "Heading1", "heading2": "Heading2", "bullet": "ListBullet",
                   "numbered": "ListNumber", "title": "Title", "subtitle": "Subtitle"}


def bookmark_names(clause_ids: Iterable[str]) -> dict[str, str]:
    """The bookmark that marks each clause in one Word file: its id in Word's letters, cut at
    40. Ids that would share one (hand-edited ids alike in their first 36 characters, or
    'a.b' and 'a-b') end instead in a hash of their own id, so counsel's changes come back
    to the clause they were made in; every other name is as it always was, so files already
    sent still read back."""
    plain = {clause_id: (BOOKMARK_PREFIX + re.sub(r"\W", "_", clause_id, flags=re.ASCII))[:40]
             for clause_id in clause_ids}
    shared = Counter(plain.values())
    return {clause_id: name if shared[name] == 1 else
            f"{name[:31]}_{hashlib.sha256(clause_id.encode()).hexdigest()[:8]}"
            for clause_id, name in plain.items()}


@dataclass(frozen=True)
class Piece:
    """A run of text to write: bold lead-in or not, and whether it is a tracked change."""

    text: str
    strong: bool = False
    change: str = SAME


def write_docx(document: Document, handle: BinaryIO, *,
               line_numbers: bool = False, changes_since: SentVersion | None = None,
               version_id: str = "", now: datetime | None = None) -> None:
    """Write the document as .docx; with changes_since, the difference is tracked changes.

    version_id names the version this file is, sent to counsel at `now` (both kept in its
    custom properties, so counsel's reply can be matched with what was sent).
    """
    sent_on = now or datetime.now(UTC)  # to the microsecond: no other project's is the same
    now = sent_on.replace(microsecond=0)
    word = docx.Document(str(resource_path("templates", "reference.docx")))
    reviser = _Reviser(document.author, now)
    body = _Body(word, reviser, changes_since)
    changes = _changes(document, changes_since)
    if changes_since is not None and changes is not None:
        unchanged = not changes[1] and not any(c.changed or c.deleted_before for c in changes[0])
        body.paragraph("Normal", [Piece(compared_with(changes_since, document.spelling,
                                                      unchanged))])
    body.write(document, (iter(changes[0]), changes[1]) if changes else None)
    if document.draft:  # a final version goes to all staff: no questions for the lawyer
        _add_notes_to_counsel(word, body, document)
    _set_page_furniture(word, document, line_numbers, footer_line(document, now, changes_since))
    _set_properties(word, document, now, version_id, sent_on)
    buffer = io.BytesIO()  # the zip is finished in memory, so a full disk cannot leave it
    word.save(buffer)     # half-written (its cleanup would then print a traceback)
    handle.write(buffer.getbuffer())


def compared_with(version: SentVersion, spelling: str = "US", unchanged: bool = False) -> str:
    """The redline's first line: what it compares with (and, with no change, says so)."""
    number = f"version {version.version}, " if version.version else ""
    kind = DocumentType(version.kind).label.lower()
    return (f"{'No changes' if unchanged else 'Changes'} since {number}{version.said} on "
            f"{long_date_in(spelling, version.sent_on.date())} ({kind}, {version.id})"
            f"{'.' if unchanged else ', shown as tracked changes.'}")


def _changes(document: Document, since: SentVersion | None
             ) -> tuple[list[ParagraphChange], tuple[int, ...]] | None:
    if since is None:
        return None
    records = paragraph_records(document)
    return compare(since.paragraphs, [text for text, _, _ in records], since.styles,
                   [style for _, _, style in records])


class _Reviser:
    """Marks text as inserted or deleted, each mark with its own id, the author and the date."""

    def __init__(self, author: str, when: datetime):
        self.author = author
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 1

    def mark(self, change: str) -> etree._Element:
        element = OxmlElement(f"w:{change}")
        element.set(_W["id"], str(self.next_id))
        element.set(_W["author"], self.author)
        element.set(_W["date"], self.date)
        self.next_id += 1
        return element


class _Body:
    """Appends paragraphs and tables to the document body and remembers where clauses are."""

    def __init__(self, word: docx.document.Document, reviser: _Reviser,
                 since: SentVersion | None = None):
        self.word = word
        self.reviser = reviser
        self.since = since
        self.bookmark = ""  # the name of the clause being written
        self.bookmarks: dict[str, str] = {}  # clause id -> its bookmark's name
        self.bookmark_ids = 0
        self.end = word.element.body.sectPr  # everything goes before the section properties
        self.clause_paragraphs: dict[str, list[etree._Element]] = {}
        self.about_paragraphs: dict[str, list[etree._Element]] = {}  # by Block.about
        self.title_paragraph: etree._Element | None = None
        self.numbering = word.part.numbering_part.element
        list_number = word.styles.element.get_by_id("ListNumber")
        self.numbered_list_num = int(list_number.pPr.numPr.numId.val)

    def write(self, document: Document,
              changes: tuple[Iterator[ParagraphChange], tuple[int, ...]] | None) -> None:
        changed = changes[0] if changes else None
        self.bookmarks = bookmark_names(block.clause_id for block in document.blocks)
        contents_due = document.kind == DocumentType.FULL.value
        previous: Block | None = None
        num_id = 0
        for block in document.blocks:
            if block.kind == "heading1" and contents_due:
                self._contents(document)
                contents_due = False
                block = replace(block, page_break_before=True)  # contents on a page of its own
            if block.kind == "table":
                self._table(block, [next(changed) for _ in block.rows] if changed else None)
            else:
                if block.kind == "numbered" and not (previous and previous.kind == "numbered"
                                                     and previous.clause_id == block.clause_id):
                    num_id = self._restarted_numbering()
                self._block(block, next(changed) if changed else None,
                            num_id if block.kind == "numbered" else 0)
            previous = block
        self._deleted(changes[1] if changes else ())

    # --- bookmarks ----------------------------------------------------------------------

    def mark_clause(self, name: str, paragraph: etree._Element) -> None:
        """Mark where the clause `name` starts, unless this paragraph continues it.

        The bookmark is a point at the start of the clause's first paragraph: LibreOffice
        keeps those, where it drops or splits bookmarks that span paragraphs and tables.
        """
        if name == self.bookmark:
            return
        self.bookmark = name
        self.bookmark_ids += 1
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(_W["id"], str(self.bookmark_ids))
        start.set(_W["name"], name)
        end.set(_W["id"], str(self.bookmark_ids))
        ppr = paragraph.find(_W["pPr"])
        paragraph.insert(0 if ppr is None else 1, start)
        start.addnext(end)

    # --- paragraphs ---------------------------------------------------------------------

    def _block(self, block: Block, change: ParagraphChange | None, num_id: int) -> None:
        self._deleted(change.deleted_before if change else ())
        p = self.paragraph(STYLE_IDS[block.kind], _pieces(block, change),
                           page_break=block.page_break_before, num_id=num_id,
                           inserted=bool(change and change.inserted),
                           restyled_from=STYLE_IDS.get(change.restyled_from, "Normal")
                           if change and change.restyled_from else "")
        self.mark_clause(self.bookmarks[block.clause_id], p)
        if block.kind == "signature":  # the style's tab leader draws the line to sign on
            etree.SubElement(etree.SubElement(p, _W["r"]), _W["tab"])
        self.clause_paragraphs.setdefault(block.clause_id, []).append(p)
        if block.about:
            self.about_paragraphs.setdefault(block.about, []).append(p)
        if block.kind == "title" and self.title_paragraph is None:
            self.title_paragraph = p

    def _deleted(self, indices: tuple[int, ...]) -> None:
        """Old paragraphs, deleted, each in its old style (so rejecting the deletion restores a
        heading or list item as one); the rows of a table taken out whole as that table, its
        rows deleted (they were paragraphs "Platform | Handle or address | ...", found by a
        tester)."""
        if not indices:
            return
        assert self.since is not None
        since = self.since
        for table, run in groupby(indices, lambda index: since.clause_ids[index] if _style_of(
                since, index) == "row" else ""):
            if table:
                old = list(run)
                element, widths = self._new_table(tuple(
                    tuple(since.paragraphs[index].split(CELL_BREAK)) for index in old))
                for index in old:
                    self._deleted_row(element, widths, index)
                continue
            for index in run:
                self.paragraph(_DELETED_STYLES.get(_style_of(since, index), "Normal"),
                               [Piece(since.paragraphs[index], change=DELETED)], deleted=True)

    def paragraph(self, style_id: str, pieces: list[Piece], *, page_break: bool = False,
                  num_id: int = 0, inserted: bool = False, deleted: bool = False,
                  restyled_from: str = "", parent: etree._Element | None = None
                  ) -> etree._Element:
        """A paragraph of the pieces in the style; restyled_from, a style it had in the
        version compared with, is a tracked formatting change (Word lists it as "Formatted")."""
        p = OxmlElement("w:p")
        ppr = etree.SubElement(p, _W["pPr"])
        if style_id != "Normal":
            etree.SubElement(ppr, _W["pStyle"]).set(_W["val"], style_id)
        if page_break:
            etree.SubElement(ppr, _W["pageBreakBefore"])
        if num_id:
            numpr = etree.SubElement(ppr, _W["numPr"])
            etree.SubElement(numpr, _W["ilvl"]).set(_W["val"], "0")
            etree.SubElement(numpr, _W["numId"]).set(_W["val"], str(num_id))
        if inserted or deleted:  # the paragraph mark itself is new or gone
            etree.SubElement(ppr, _W["rPr"]).append(
                self.reviser.mark(INSERTED if inserted else DELETED))
        if restyled_from:
            was = self.reviser.mark("pPrChange")
            ppr.append(was)
            etree.SubElement(etree.SubElement(was, _W["pPr"]), _W["pStyle"]).set(
                _W["val"], restyled_from)
        if len(ppr) == 0:
            p.remove(ppr)
        for piece in pieces:
            self._run(p, piece)
        if parent is None:
            self.end.addprevious(p)
        else:
            parent.append(p)
        return p

    def _run(self, p: etree._Element, piece: Piece) -> None:
        container = p
        if piece.change != SAME:
            container = self.reviser.mark(piece.change)
            p.append(container)
        r = etree.SubElement(container, _W["r"])
        if piece.strong:
            etree.SubElement(etree.SubElement(r, _W["rPr"]), _W["rStyle"]).set(_W["val"],
                                                                                 "Strong")
        text = etree.SubElement(r, _W["delText"] if piece.change == DELETED else _W["t"])
        # The Document's text is safe already; a version sent, read from the file, may not be.
        text.text = xml_safe(piece.text)
        if text.text != text.text.strip():
            text.set(_XML_SPACE, "preserve")

    def _restarted_numbering(self) -> int:
        """A fresh numbering instance, so each numbered list starts again at 1."""
        abstract = self.numbering.num_having_numId(self.numbered_list_num).abstractNumId.val
        num = self.numbering.add_num(abstract)
        num.add_lvlOverride(0).add_startOverride(1)
        return int(num.numId)

    # --- tables -------------------------------------------------------------------------

    def _table(self, block: Block, changes: list[ParagraphChange] | None) -> None:
        self._deleted(changes[0].deleted_before if changes else ())
        table, widths = self._new_table(block.rows)
        for index, cells in enumerate(block.rows):
            change = changes[index] if changes else None
            for old in (change.deleted_before if change and index else ()):
                self._deleted_row(table, widths, old)
            pieces = (_cell_pieces(change.edits) if change
                      else [[Piece(cell)] for cell in cells])
            self._row(table, widths, pieces, header=index == 0,
                      inserted=bool(change and change.inserted))
            for old in (change.deleted_after if change else ()):
                self._deleted_row(table, widths, old)
        self.mark_clause(self.bookmarks[block.clause_id], table.find(f".//{_W['p']}"))

    def _new_table(self, rows: tuple[tuple[str, ...], ...]) -> tuple[etree._Element, list[int]]:
        """An empty table in the body, sized for the rows, and its column widths."""
        table = OxmlElement("w:tbl")
        tblpr = etree.SubElement(table, _W["tblPr"])
        etree.SubElement(tblpr, _W["tblStyle"]).set(_W["val"], "PolicyTable")
        width = etree.SubElement(tblpr, _W["tblW"])
        width.set(_W["w"], "5000")
        width.set(_W["type"], "pct")
        look = etree.SubElement(tblpr, _W["tblLook"])
        for name, value in (("val", "04A0"), ("firstRow", "1"), ("noHBand", "1"),
                            ("noVBand", "1")):
            look.set(_W[name], value)
        widths = _column_widths(rows)
        grid = etree.SubElement(table, _W["tblGrid"])
        for width in widths:
            etree.SubElement(grid, _W["gridCol"]).set(_W["w"], str(width))
        self.end.addprevious(table)
        return table, widths

    def _deleted_row(self, table: etree._Element, widths: list[int], old: int) -> None:
        text = self.since.paragraphs[old] if self.since else ""
        self._row(table, widths, [[Piece(cell, change=DELETED)]
                                  for cell in text.split(CELL_BREAK)], deleted=True)

    def _row(self, table: etree._Element, widths: list[int], cells: list[list[Piece]], *,
             header: bool = False, inserted: bool = False, deleted: bool = False) -> None:
        columns = len(widths)  # a deleted row of another shape is fitted to this table
        cells = (cells + [[]] * columns)[:columns - 1] + [
            [piece for cell in cells[columns - 1:] for piece in cell]]
        tr = etree.SubElement(table, _W["tr"])
        trpr = etree.SubElement(tr, _W["trPr"])
        etree.SubElement(trpr, _W["cantSplit"])
        if header:  # repeats at the top of every page the table runs onto
            etree.SubElement(trpr, _W["tblHeader"])
        if inserted or deleted:
            trpr.append(self.reviser.mark(INSERTED if inserted else DELETED))
        for pieces, width in zip(cells, widths, strict=True):
            tc = etree.SubElement(tr, _W["tc"])
            tcw = etree.SubElement(etree.SubElement(tc, _W["tcPr"]), _W["tcW"])
            tcw.set(_W["w"], str(width))
            tcw.set(_W["type"], "dxa")
            self.paragraph("Normal", pieces, parent=tc)

    # --- contents -----------------------------------------------------------------------

    def _contents(self, document: Document) -> None:
        """A table of contents field Word refreshes on opening; until then it lists headings,
        in a redline with their changes marked: unmarked, a section renamed or added showed
        in the contents as if sent so, and rejecting every change left it there (found by a
        tester)."""
        self.mark_clause(CONTENTS_BOOKMARK, self.paragraph("TOCHeading", [Piece("Contents")]))
        entries = [block.text for block in document.blocks if block.kind == "heading1"]
        sent = [text for text, style in zip(self.since.paragraphs, self.since.styles,
                                            strict=False) if style == "heading1"] \
            if self.since else entries
        changes, gone = compare(sent, entries, ["heading1"] * len(sent),
                                ["heading1"] * len(entries))
        for number, change in enumerate(changes):
            for old in change.deleted_before:
                self.paragraph("TOC1", [Piece(sent[old], change=DELETED)], deleted=True)
            p = self.paragraph("TOC1", [], inserted=change.inserted)
            if number == 0:  # the field starts before the first entry's words
                _field_start(p, ' TOC \\o "1-1" \\h \\z \\u ')
            for edit in change.edits:
                self._run(p, Piece(edit.text, change=edit.change))
        for old in gone:
            self.paragraph("TOC1", [Piece(sent[old], change=DELETED)], deleted=True)
        _field_end(self.paragraph("Normal", []))


def _style_of(version: SentVersion, index: int) -> str:
    """A paragraph's style in the version ("" in one recorded before styles were kept)."""
    return version.styles[index] if index < len(version.styles) else ""


def _column_widths(rows: tuple[tuple[str, ...], ...]) -> list[int]:
    """Each column gets room for its longest word, and the rest of the width by how much it
    says on average, so long answers wrap and short ones never break mid-word."""
    columns = list(zip(*rows, strict=False))
    least = [_TWIPS_PER_CHARACTER * max(len(word) for cell in column for word in cell.split()
                                        or [""]) + _CELL_MARGINS for column in columns]
    spare = max(0, TEXT_WIDTH - sum(least))
    weights = [min(60, max(1, sum(len(cell) for cell in column) / len(column)))
               for column in columns]
    widths = [width + spare * weight / sum(weights) for width, weight in zip(least, weights,
                                                                             strict=True)]
    return [int(width * TEXT_WIDTH / sum(widths)) for width in widths]


def _pieces(block: Block, change: ParagraphChange | None) -> list[Piece]:
    """The block's text as pieces, keeping bold lead-ins inside tracked changes too."""
    spans = [(f"{block.number} ", False)] if block.number else []
    spans += [(run.text, run.strong) for run in block.runs]
    if change is None:
        return [Piece(text, strong) for text, strong in spans]
    pieces: list[Piece] = []
    span, offset = 0, 0
    for edit in change.edits:
        if edit.change == DELETED:
            pieces.append(Piece(edit.text, change=DELETED))
            continue
        remaining = edit.text
        while remaining:  # the new text is exactly the spans' text, so this walks in step
            text, strong = spans[span]
            taken = remaining[:len(text) - offset]
            pieces.append(Piece(taken, strong, edit.change))
            remaining = remaining[len(taken):]
            offset += len(taken)
            if offset == len(text):
                span, offset = span + 1, 0
    return pieces


def _cell_pieces(edits: tuple[Edit, ...]) -> list[list[Piece]]:
    """A table row's edits split into its cells (deleted text stays in the cell it was in)."""
    cells: list[list[Piece]] = [[]]
    for edit in edits:
        if edit.change == DELETED:
            cells[-1].append(Piece(edit.text.replace(CELL_BREAK, " "), change=DELETED))
            continue
        for index, part in enumerate(edit.text.split(CELL_BREAK)):
            if index:
                cells.append([])
            if part:
                cells[-1].append(Piece(part, change=edit.change))
    return cells


# --- fields, header, footer, settings -------------------------------------------------------

def _fld_char(p: etree._Element, kind: str) -> None:
    etree.SubElement(etree.SubElement(p, _W["r"]), _W["fldChar"]).set(_W["fldCharType"], kind)


def _field_start(p: etree._Element, instruction: str) -> None:
    _fld_char(p, "begin")
    instr = etree.SubElement(etree.SubElement(p, _W["r"]), _W["instrText"])
    instr.text = instruction
    instr.set(_XML_SPACE, "preserve")
    _fld_char(p, "separate")


def _field_end(p: etree._Element) -> None:
    _fld_char(p, "end")


def _field(p: etree._Element, instruction: str, shown: str) -> None:
    """A complete field with the result shown until Word or LibreOffice recalculates it."""
    _field_start(p, f" {instruction} ")
    etree.SubElement(etree.SubElement(p, _W["r"]), _W["t"]).text = shown
    _field_end(p)


def _set_page_furniture(word: docx.document.Document, document: Document,
                        line_numbers: bool, footer_text: str) -> None:
    section = word.sections[0]
    if document.paper == "A4":  # reference.docx is US Letter; the text keeps its width
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Emu((Mm(210) - Twips(TEXT_WIDTH)) // 2)
    if document.draft:
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].add_run(DRAFT_MARK)
    section.footer.is_linked_to_previous = False
    section.footer.paragraphs[0].add_run(footer_text)
    footer = section.footer.add_paragraph(style="Footer")
    footer.add_run("Page ")
    _field(footer._p, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer._p, "NUMPAGES", "1")
    if line_numbers:  # restart on each page, so counsel can cite "page 3, line 12"
        numbering = OxmlElement("w:lnNumType")
        numbering.set(_W["countBy"], "1")
        numbering.set(_W["restart"], "newPage")
        section._sectPr.find(_W["cols"]).addprevious(numbering)
    # Word checks the spelling in the country's English (reference.docx says en-US).
    word.styles.element.find(f"{_W['docDefaults']}/{_W['rPrDefault']}/{_W['rPr']}/"
                             f"{_W['lang']}").set(_W["val"], document.language)
    settings = word.settings.element
    # Counsel's edits to a draft are recorded as tracked changes even if they forget to switch
    # it on; the final version, for all staff, opens as any document does (HR's edits to it
    # showed as tracked changes; found by a tester).
    if document.draft:
        settings.find(_W["defaultTabStop"]).addprevious(OxmlElement("w:trackRevisions"))
    # The final version asks Word to fill in the contents' page numbers on opening. A draft
    # does not: Word's question ("fields that may refer to other files") alarms a lawyer, and
    # with Track Changes on, the update would be recorded as counsel's change to the contents.
    if document.kind == DocumentType.FULL.value and not document.draft:
        update = OxmlElement("w:updateFields")
        update.set(_W["val"], "true")
        settings.find(_W["compat"]).addprevious(update)


def _property(text: str) -> str:
    """Word's document properties hold at most 255 characters (python-docx refuses more)."""
    return text if len(text) <= 255 else text[:254] + "\u2026"


def _set_properties(word: docx.document.Document, document: Document, now: datetime,
                    version_id: str, sent_on: datetime) -> None:
    properties = word.core_properties
    company = document.company or "the Company"
    properties.title = _property(f"{document.title} - {company}")
    properties.subject = DocumentType(document.kind).label
    properties.author = properties.last_modified_by = _property(company)
    properties.version = _property(document.version)
    properties.content_status = "Draft" if document.draft else "Final"
    properties.created = properties.modified = now.replace(tzinfo=None)
    properties.revision = 1
    if version_id:  # the headers too: the project keeps no text of theirs to compare with
        from .review import MARGINS_PROPERTY, margin_marks

        margins = [relation.target_part.element for relation in word.part.rels.values()
                   if relation.reltype.rsplit("/", 1)[-1] in ("header", "footer")]
        _set_custom_properties(word, {VERSION_PROPERTY: version_id,
                                      SENT_PROPERTY: sent_on.isoformat(),
                                      MARGINS_PROPERTY: margin_marks(margins)})


def _set_custom_properties(word: docx.document.Document, values: dict[str, str]) -> None:
    """Custom document properties (docProps/custom.xml), which Word and LibreOffice keep."""
    namespace = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    root = etree.Element(f"{{{namespace}}}Properties", nsmap={None: namespace, "vt": vt})
    for pid, (name, value) in enumerate(values.items(), start=2):
        item = etree.SubElement(root, f"{{{namespace}}}property", fmtid=(
            "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"), pid=str(pid), name=name)
        etree.SubElement(item, f"{{{vt}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = word.part.package
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


# --- notes to counsel -----------------------------------------------------------------------

def _add_notes_to_counsel(word: docx.document.Document, body: _Body, document: Document
                          ) -> None:
    """Each note becomes a comment on its clause (in the short guidelines, on the item that
    restates it); a note on a clause now gone goes on the title."""
    author = document.author
    initials = "".join(name[0] for name in author.split()[:3]).upper()
    for note in document.notes:
        question, clause_id = note.text, note.clause_id
        paragraphs = (body.clause_paragraphs.get(clause_id)
                      or body.about_paragraphs.get(clause_id)) if clause_id else None
        if not paragraphs:
            target = body.title_paragraph
            if target is None:
                target = word.element.body.find(_W["p"])
            paragraphs = [target]
            if clause_id and document.kind == DocumentType.SHORT.value:
                question = ("This note is about a clause of the full policy, which the short "
                            f"guidelines leave out. {question}")
            elif clause_id:
                question = f"This note was about {note.clause_name}. {question}"
        # Never anchored in deleted text: accepting the deletion would take the note with it.
        runs = [r for p in paragraphs for r in p.iter(_W["r"])
                if r.getparent().tag != _W["del"]]
        if runs:
            first, last = WordRun(runs[0], None), WordRun(runs[-1], None)  # type: ignore[arg-type]
            word.add_comment([first, last], question, author=author, initials=initials)
