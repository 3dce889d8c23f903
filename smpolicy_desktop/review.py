"""Counsel's reply: a returned Word file read back into the project, change by change.

Reads tracked insertions, deletions and moves, comments with their replies, and edits made
without Track Changes (by comparing with the version sent); ties each to a clause id through
the clause bookmarks (or the headings, when an editor dropped them), and applies what the owner
accepts as an answer, as clause wording or as a new clause of the owner's own. Word's, Word
365's, LibreOffice's and Google Docs' ways of writing these are all read; what the project
cannot hold (a footnote, a picture, a change to a header) is listed, never dropped.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import cached_property, partial
from hashlib import sha256
from itertools import pairwise
from pathlib import Path
from textwrap import shorten
from typing import TYPE_CHECKING, Any

from lxml import etree

from .document import Document
from .model import (
    CommentReply,
    CounselComment,
    DocumentType,
    OwnerClause,
    Project,
    SentVersion,
)
from .reading import OLE, NotAFileError, locked_office_file, regular_file

if TYPE_CHECKING:
    from .checks.finding import Finding
    from .tracked_changes import Edit

_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
       "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
       "w16du": "http://schemas.microsoft.com/office/word/2023/wordml/word16du",
       "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
       "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _tag(name: str) -> str:
    """An element's or attribute's full name from its prefixed one ("w:ins")."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_CHANGES = {_tag("w:ins"): "insertion", _tag("w:del"): "deletion", _tag("w:moveTo"): "move",
            _tag("w:moveFrom"): "move", _tag("w:cellIns"): "insertion",
            _tag("w:cellDel"): "deletion"}
_ADDS = (_tag("w:ins"), _tag("w:moveTo"), _tag("w:cellIns"))
_REMOVES = (_tag("w:del"), _tag("w:moveFrom"), _tag("w:cellDel"))
# A blank counsel leaves for the client, "[Client to confirm]" or "[X]": accepted, it goes
# into the policy as it is (all staff would read it), so the owner is told; words in square
# brackets, not a number alone (a UK case citation's year, "[2023] UKSC 1")
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{0,200}[^\W\d_][^\[\]\n]{0,200}\]")
# a w:date: its seconds' fraction ignored, its offset from UTC (if written) kept
_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?"
                   r"(?:([+-])(\d\d):(\d\d))?")
# Word's styles a level down: its sub-items' ("List Bullet 2") and sub-headings' ("Heading 3")
_SUB_LEVEL = re.compile(r"(list bullet|list number) [2-9]|heading [3-9]")
_STEP = re.compile(r"^\d+\. ")  # a numbered list item's number, as a clause's text writes it
_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*[A-Za-z]?\.?(?:\s+|$)")  # "1.5" alone: words deleted
_PICTURES = (_tag("w:drawing"), _tag("w:pict"), _tag("w:object"))
_NOTES = {_tag("w:footnoteReference"): "footnote", _tag("w:endnoteReference"): "endnote"}
_COMMENT_MARKS = (_tag("w:commentRangeStart"), _tag("w:commentRangeEnd"),
                  _tag("w:commentReference"))
_CONTENTS = "contents"  # the style of the contents' heading and entries
# What a formatting change's properties are, as a message names them; any other is
# "formatting". Not a run's style: LibreOffice marks words made a link so (the link's address
# is its insertion), nor what sits beside a paragraph's properties (its mark's own), nor a
# strikethrough: struck words are read as taken out (_run_pieces), not as formatting not kept.
_FORMATTING = {"b": "bold", "bCs": "bold", "i": "italic", "iCs": "italic", "u": "underline",
               "rFonts": "font", "sz": "size", "szCs": "size", "highlight": "highlight",
               "caps": "capitals", "smallCaps": "capitals", "jc": "alignment", "ind": "indent",
               "spacing": "spacing", "pStyle": "paragraph style", "numPr": "list",
               "ilvl": "list level"}
_NOT_FORMATTING = {_tag(f"w:{name}") for name in (
    "rStyle", "rPr", "sectPr", "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange",
    "strike", "dstrike")}
_STYLE_IDS = {"Heading1": "heading1", "Heading2": "heading2", "ListBullet": "bullet",
              "ListNumber": "numbered", "TOCHeading": _CONTENTS,
              "TOC1": _CONTENTS}  # our styles' ids, for a file without style names

_WITHIN = ">"  # joins a removal's item to the move it removes words from
# The owner's own tracked changes, in a reply to a redline ("changes for counsel"): its pieces
# have no change tag (they are not counsel's to decide) but one of these as their item.
_OWNER_ADDED, _OWNER_REMOVED = "\x02+", "\x02-"
_BEFORE: tuple[str, ...] = ("\x02",)  # accepted: none of counsel's, and the owner's undone
_HEADING = "\x01"  # starts a heading's line (never in policy text: XML cannot hold it)
# a heading's title (its text without the number) -> each heading sent with it, and its clause
_Titles = dict[str, list[tuple[str, str]]]
ANSWER, WORDING, NEW_CLAUSE = "answer", "wording", "new clause"
NO_NAME = "counsel"  # who made a change or comment, when the reply names no one
REJECTION = "rejection of your change"  # counsel undid a change of the owner's redline
UNTRACKED = "untracked edit"  # made with Track Changes off: found by comparing with the sent
_UNMARKED = (UNTRACKED, REJECTION)  # counsel's edits that Word marks nowhere
PICTURE = "picture"
TEXT_BOX = "text box"  # counsel's words in a box drawn on the page: kept as a note
HIDDEN = "hidden text"  # counsel's words formatted hidden (a drafting note): kept as a note
CONTENTS_EDIT = "contents edit"  # the contents list is rebuilt from the headings: told, not taken
NUMBERING = "numbering change"  # a heading's number alone: the app numbers them: told, not taken


class ReviewError(Exception):
    """A reply that cannot be read or applied, with the reason in plain words."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class ReviewItem:
    """One change or comment in counsel's reply.

    kind: insertion, deletion, move, untracked edit, rejection (of the owner's change in a
    redline), new clause, comment, reply, footnote, text box or hidden text
    (kept as a note: the project has none), picture, contents edit or numbering change
    (listed only).
    clause_id
    is the clause it is in ("" when it is outside every clause), and also_clauses those a
    comment's range runs on into; for a reply, parent is the comment it answers (an item id, or
    the owner's question it answers).
    """

    id: str
    kind: str
    clause_id: str
    author: str = ""
    date: datetime | None = None
    text: str = ""
    parent: str = ""
    owner_note: str = ""  # for a comment or reply on the owner's own note: that question
    resolved: bool = False  # a comment marked done (Word's "Resolve")
    also_clauses: tuple[str, ...] = ()
    # an insertion another reviewer cut words from (both still tracked): those reviewers
    edited_by: tuple[str, ...] = ()
    # Word's cross-references in its words (REF fields): the words shown, the clause pointed to
    refers_to: tuple[tuple[str, str], ...] = ()
    new_clause: str = ""  # a comment or note on words of a clause counsel added: its item

    @property
    def is_comment(self) -> bool:
        return self.kind in ("comment", "reply", "footnote", TEXT_BOX, HIDDEN)

    @property
    def clauses(self) -> tuple[str, ...]:
        return (self.clause_id, *self.also_clauses)

    @property
    def words(self) -> str:
        """Its text on one line, as a list shows it; spaces alone (a second reviewer's edit
        inside the first one's insertion can leave the first one just its space) say so,
        where the row's text was empty, and so does an insertion another reviewer cut whole."""
        return " ".join(self.text.split()) or ("(spaces only)" if self.text else
                                               f"(nothing left once {self.edited})"
                                               if self.edited else "")

    @property
    def who(self) -> str:
        """Who made it, as the owner is told: "counsel" when the file names no one (an edit
        made without tracking; LibreOffice with no user name leaves its comments nameless and
        signs its changes "Unknown Author"; Google Docs signs a suggestion "Unknown" or not at
        all)."""
        return named_author(self.author)

    @property
    def edited(self) -> str:
        """"edited by Tom Reed": who cut words from this insertion; "" when no one did."""
        return f"edited by {' and '.join(map(named_author, self.edited_by))}" if self.edited_by \
            else ""

    @property
    def made_by(self) -> str:
        """Who made it, as a list of the reply names them: "Priya Shah, edited by Tom Reed"
        for the associate's insertion the partner cut words from."""
        return f"{self.who}, {self.edited}" if self.edited else self.who

    @property
    def listed_as(self) -> str:
        """Its kind as a list of the reply says it: "comment (resolved)" for one marked done."""
        return f"{self.kind} (resolved)" if self.resolved else self.kind

    @property
    def changes_text(self) -> bool:
        """Whether accepting it changes the policy's text (a picture cannot: text only)."""
        return not self.is_comment and self.kind not in (PICTURE, CONTENTS_EDIT, NUMBERING)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "clause_id": self.clause_id,
                "author": self.author, "date": self.date.isoformat() if self.date else None,
                "text": self.text, "parent": self.parent, "owner_note": self.owner_note,
                "resolved": self.resolved, "also_clauses": list(self.also_clauses),
                "edited_by": list(self.edited_by),
                "refers_to": [list(reference) for reference in self.refers_to]}


def named_author(author: str) -> str:
    """Who made a change or comment, or wrote a note kept from one, as the owner is told."""
    return NO_NAME if author in ("", "Unknown", "Unknown Author") else author


@dataclass
class _Paragraph:
    """A paragraph (or table row) of the reply: its pieces, each with the item that made it."""

    clause_id: str
    style: str  # a block kind, or "row"
    pieces: list[tuple[str, str, str]] = field(default_factory=list)  # text, change tag, item
    mark: tuple[str, str] = ("", "")  # the paragraph mark's change tag and item
    new_clause: str = ""  # the new-clause item this paragraph belongs to
    under: str = ""  # a new clause whose heading counsel typed above this paragraph of a clause
    sent_style: str = ""  # its style as sent, where counsel's words in it have another

    def style_in(self, accepted: Iterable[str] | None) -> str:
        """Its style: the one sent where none of counsel's words in it are accepted."""
        added = any(tag in _ADDS and _kept(tag, item, accepted)
                    for text, tag, item in self.pieces if text.strip())
        return self.sent_style if self.sent_style and not added else self.style

    def text(self, accepted: Iterable[str] | None) -> str:
        """The text with the accepted items applied (None: every item accepted)."""
        kept = [piece for piece in self.pieces if _kept(piece[1], piece[2], accepted)]
        padded = [("", "", ""), ("", "", ""), *kept, ("", "", "")]
        return "".join(f" {text}" if _apart(*padded[at:at + 4]) else text
                       for at, (text, _, _) in enumerate(kept))

    def joins_next(self, accepted: Iterable[str] | None) -> bool:
        tag, item = self.mark
        return bool(tag) and not _kept(tag, item, accepted)


def _apart(before: tuple[str, str, str], one: tuple[str, str, str],
           other: tuple[str, str, str], after: tuple[str, str, str]) -> bool:
    """Whether two pieces kept side by side need a space between them: half a replacement
    of whole words taken (counsel's words typed over the owner's, both kept), which ran
    together ("on time.Use social media", "on a work computeron a company laptop"). Within a
    word they stay as Word shows them ("disciplin" "e" "ary action": "disciplineary")."""
    (text, tag, item), (next_text, next_tag, next_item) = one, other
    halves = bool(tag and next_tag) and (tag in _REMOVES) != (next_tag in _REMOVES)
    whole = not before[0][-1:].isalnum() and not after[0][:1].isalnum()
    return halves and whole and _WITHIN not in item + next_item \
        and text[-1:].strip() != "" and next_text[:1].isalnum()


def _kept(tag: str, item: str, accepted: Iterable[str] | None) -> bool:
    """Whether a piece stays: added and accepted, or removed and not; words one reviewer
    removed from another's insertion (item "removal>insertion") also need the insertion."""
    if not tag:  # the owner's redline reads as made, except in the text as it was before it
        return item != (_OWNER_ADDED if accepted is _BEFORE else _OWNER_REMOVED)
    item, _, within = item.partition(_WITHIN)
    taken = accepted is None or item in accepted
    kept = taken if tag in _ADDS else not taken
    return kept and (not within or accepted is None or within in accepted)


def counted(items: list[ReviewItem]) -> str:
    """Counsel's items, counted: "4 changes and 2 comments", "1 change"."""
    comments = sum(item.is_comment for item in items)
    parts = [f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in (
        (len(items) - comments, "change"), (comments, "comment")) if count]
    return " and ".join(parts) or "no changes or comments"


@dataclass
class Reply:
    """Counsel's reply as read: the items, and enough of the text to apply any of them."""

    path: Path
    version: SentVersion  # the version it answers
    items: list[ReviewItem]
    paragraphs: list[_Paragraph]
    sent_bodies: dict[str, str]  # clause id -> its text as sent
    sections: dict[str, str]  # clause id -> its section id
    new_clauses: dict[str, str]  # a new clause's item id -> the clause (or new one) it follows
    moves: dict[str, str] = field(default_factory=dict)  # each half of a move -> the other
    # counsel's formatting changes, not kept: a clause and what they change, per paragraph
    formatting: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    recorded_as: str = ""  # the version this reply was kept as, once a decision was applied
    made: dict[str, str] = field(default_factory=dict)  # new clause's item -> the owner's clause

    def item(self, item_id: str) -> ReviewItem:
        found = next((i for i in self.items if i.id == item_id), None)
        if found is None:
            raise ReviewError(self.path, f"no change or comment {item_id!r} in this reply "
                                         f"(ids: {', '.join(i.id for i in self.items)})")
        return found

    @cached_property
    def key(self) -> str:
        """What tells this reply from another (the same markup saved again reads alike): the
        version it answers and its items."""
        items = [[item.id, item.kind, item.clause_id, item.author, item.text]
                 for item in self.items]
        return sha256(json.dumps([self.version.id, items]).encode()).hexdigest()[:16]

    def named(self, ids: Iterable[str]) -> str:
        """Counsel's items as the owner sees them listed, for a message: 'The insertion "We
        read every one."', not their ids, which the window never shows (found by a tester)."""
        items = sorted((self.item(i) for i in ids), key=self.items.index)
        return "The " + " and the ".join(
            f'{item.kind} "{shorten(item.words, 60, placeholder="...")}"' if item.words
            else item.kind for item in items)

    def decided(self, project: Project) -> dict[str, Decision]:
        """What the owner decided on its items before (kept in the project), by item id."""
        ids = {item.id for item in self.items}
        return {item_id: Decision(action) for item_id, action
                in project.counsel_decisions.get(self.key, {}).items() if item_id in ids}

    def counted(self) -> str:
        """What the reply holds, counted: "4 changes and 2 comments", "1 change"."""
        return counted(self.items)

    def with_other_halves(self, decisions: dict[str, Decision]) -> dict[str, Decision]:
        """The decisions, with the other half of each decided move, and of each heading or
        title block line typed over, decided alike unless it was decided itself: half a move
        is the whole move, and half a retyped heading is no title (its deletion alone took the
        clause out, its words running on into the clause before; its insertion alone ran both
        titles together: found by a tester), as half a retyped version ran both versions
        together into the answer, "1.1Version 1.2"."""
        return {**{other: d for i, d in decisions.items() for other in self._halves(i)},
                **decisions}

    def _halves(self, item_id: str) -> set[str]:
        """The other half of a move, or of a heading or title block line typed over."""
        from .render import TITLE_BLOCK

        retyped = any(item_id == made for p in self.paragraphs
                      if p.style in ("heading1", "heading2") or p.clause_id == TITLE_BLOCK
                      for _, _, made in p.pieces)
        return {self.moves.get(item_id, ""), *(self._replaced_with(item_id) if retyped
                                               else ())} - {""}

    def moved_clauses(self) -> dict[str, str]:
        """Each half of a move that takes a clause's heading elsewhere, and of the moves of
        its words with it -> that clause."""
        moving = {p.clause_id for p in self.paragraphs if p.style in ("heading1", "heading2")
                  and {tag for text, tag, _ in p.pieces if text.strip()} == {_tag("w:moveFrom")}}
        parts = {item: p.clause_id for p in self.paragraphs if p.clause_id in moving
                 for tag, item in (*((t, i) for _, t, i in p.pieces), p.mark)
                 if tag == _tag("w:moveFrom") and item}
        return {**{self.moves[i]: c for i, c in parts.items() if i in self.moves}, **parts}

    def clause_text(self, clause_id: str, accepted: Iterable[str] | None) -> tuple[str, str]:
        """(title, body) of a clause with the accepted items applied, as render's
        clause_text writes a body."""
        lines = _lines_of([p for p, placed in zip(self.paragraphs, self._placed(accepted),
                                                  strict=True)
                           if placed == clause_id and not p.new_clause
                           and not (p.under and (accepted is None or p.under in accepted))],
                          accepted)
        return _split_heading(lines)

    def _placed(self, accepted: Iterable[str] | None) -> list[str]:
        """The clause each paragraph reads in once the accepted items are applied: the rules
        of a clause whose heading counsel took out read on in the clause before it, as in
        the reply (a section keeps its heading: see _apply_clause)."""
        placed: list[str] = []
        for at, paragraph in enumerate(self.paragraphs):
            runs_on = at and (self.paragraphs[at - 1].clause_id == paragraph.clause_id or (
                paragraph.style == "heading2" and not paragraph.new_clause
                and not self._heading_words(at, accepted).strip()))
            placed.append(placed[-1] if runs_on else paragraph.clause_id)
        return placed

    def read_on_in(self, clause_id: str, accepted: Iterable[str] | None) -> str:
        """The clause a clause's words read on in once its heading is taken out ("" where
        none of them are left, or it keeps its heading)."""
        return next((placed for paragraph, placed in zip(self.paragraphs,
                                                         self._placed(accepted), strict=True)
                     if paragraph.clause_id == clause_id != placed
                     and paragraph.text(accepted).strip()), "")

    def _heading_words(self, at: int, accepted: Iterable[str] | None) -> str:
        """The words of the heading at `at` once the accepted items are applied, with those
        of a heading its end runs into: LibreOffice, a whole clause typed over, keeps the old
        heading and words deleted with their ends and counsel's new title in a heading after
        them (the clause read as taken out, and its new title and words as lines of the
        clause before)."""
        words = ""
        for paragraph in self.paragraphs[at:]:
            if paragraph.clause_id != self.paragraphs[at].clause_id:
                break
            if paragraph.style == "heading2":
                words += paragraph.text(accepted)
            if not paragraph.joins_next(accepted):
                break
        return words

    def new_clause_text(self, item_id: str) -> tuple[str, str]:
        """(title, body) of counsel's new clause: its words, and the words of the clause it was
        typed in that follow its heading."""
        return _split_heading(_lines_of([p for p in self.paragraphs
                                         if item_id in (p.new_clause, p.under)], None))

    def splits(self, item_id: str) -> bool:
        """Whether counsel typed the new clause inside a clause, which then ends there."""
        return any(p.under == item_id for p in self.paragraphs)

    def opens_section(self, item_id: str) -> bool:
        """Whether counsel's new clause is a section: its heading is in the sections' style,
        with a rule or a new clause of counsel's under it. Words alone in that style (typed
        at the start of a section's heading, LibreOffice gives them its style) would be a
        section shown nowhere, with nothing in it: they are a rule, as words alone in a
        clause's heading style are."""
        return next((p.style for p in self.paragraphs if p.new_clause == item_id), "") == \
            "heading1" and bool(self.new_clause_text(item_id)[1]
                                or item_id in self.new_clauses.values())

    def in_context(self, item: ReviewItem, accepted: Iterable[str] = (),
                   rejected: Iterable[str] = ()) -> tuple[str, str]:
        """(before, after): the sentences of the item's clause (its title, without its number,
        too) that it changes, as they read now (the `accepted` items applied) and with it; ("",
        "") for an item that changes no sentence, and for a new clause (typed inside a clause,
        it takes the words after it: they would read as taken out). The other half of a move,
        and of a replacement unless `rejected`, comes with it: "reach clientsreach customers"
        was no sentence anyone wrote."""
        if not item.changes_text or item.kind == NEW_CLAUSE \
                or item.clause_id not in self.sent_bodies:
            return "", ""
        if item.kind == UNTRACKED:  # the clause as sent, and as it came back
            without = "\n".join(_split_heading(self.sent_bodies[item.clause_id].split("\n")))
            made = "\n".join(self.clause_text(item.clause_id, ()))
        else:
            halves = {item.id, self.moves.get(item.id, "")}
            taken = set(accepted) - halves
            halves |= self._replaced_with(item.id) - set(rejected)
            without = "\n".join(self.clause_text(item.clause_id, taken))
            made = "\n".join(self.clause_text(item.clause_id, taken | halves))
        return (" ".join(_sentences_only_in(without, made)),
                " ".join(_sentences_only_in(made, without)))

    def _replaced_with(self, item_id: str) -> set[str]:
        """The other half of a replacement: a deletion and an insertion side by side in one
        paragraph (typing over words is recorded as the two)."""
        halves = (_tag("w:ins"), _tag("w:del"))
        return {other if one == item_id else one
                for paragraph in self.paragraphs
                for (_, tag, one), (_, other_tag, other) in pairwise(paragraph.pieces)
                if item_id in (one, other) and one != other
                and {tag, other_tag} == set(halves)}

    def clauses_of(self, item: ReviewItem, accepted: Iterable[str] = ()) -> list[str]:
        """The clauses the item changes: the one it starts in, those its words run on into
        (one deletion of several clauses, or of a whole section), and the clause its words
        read in once it and the `accepted` items are applied, where a heading taken out
        runs its rules on into the clause before."""
        taken = {*accepted, item.id}
        found = [item.clause_id]
        for paragraph, placed in zip(self.paragraphs, self._placed(taken), strict=True):
            made = {part for _, _, made_by in paragraph.pieces
                    for part in made_by.split(_WITHIN)} | {paragraph.mark[1]}
            if item.id not in made:
                continue
            if paragraph.clause_id not in found:
                found.append(paragraph.clause_id)
            if placed not in found and self.clause_text(placed, taken) != \
                    self.clause_text(placed, taken - {item.id}):
                found.append(placed)
        return found

    def accepted_records(self) -> list[tuple[str, str, str]]:
        """(text, clause id, style) of the reply with every change accepted, but for
        paragraphs with no words left: a table row whose cells counsel emptied too (the
        policy writes no empty row, and reads one as none: _lines_of)."""
        records = []
        for style, clause_id, text in _merged(self.paragraphs, None):
            if text.strip():
                records.append((text, clause_id, style))
        return _typed_numbers(records)


def _typed_numbers(records: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The records with paragraphs numbered by typing ("1. ", "2. "..., as Google Docs may
    save a numbered list) kept as the numbered list they read as, which the policy writes
    for them: kept as typed, the next redline showed the owner deleting each number (found by
    a tester)."""
    kept: list[tuple[str, str, str]] = []
    step = 0
    for text, clause_id, style in records:
        if step and kept[-1][1] != clause_id or not text.startswith(f"{step + 1}. "):
            step = 0
        typed = f"{step + 1}. "
        if style == "paragraph" and text.startswith(typed) and text[len(typed):].strip():
            step += 1
            kept.append((text[len(typed):], clause_id, "numbered"))
        else:
            step = 0
            kept.append((text, clause_id, style))
    return kept


# --- Reading ---------------------------------------------------------------------------------

def read_reply(project: Project, path: Path | str) -> Reply:
    """Read counsel's reply; raises ReviewError when it is not a Word file from this project."""
    path = Path(path)
    package = _Package(path)
    body = package.xml(package.main).find(_tag("w:body"))
    if body is None:
        raise ReviewError(path, "this is not a Word (.docx) file: it has no document text")
    version = _version(project, package, body)
    from .docx_export import CONTENTS_BOOKMARK, bookmark_names
    from .render import render_document

    owner = _owner(project)
    clause_ids = version.clause_ids or [b.clause_id for b in render_document(
        project, version.kind).blocks]
    names: dict[str, str | None] = {name: clause_id for clause_id, name
                                    in bookmark_names(clause_ids).items()}
    if not _of_this_policy(body, names, version):
        raise ReviewError(path, "this Word file is not a version of this policy (it has none of "
                                "its clauses); open the file you sent to counsel, with their "
                                "changes in it")
    # Without its document properties (a law firm's metadata cleaner strips them) another
    # client's reply would read as this policy: the company named under the title tells.
    company = company_in(version)
    if not any(company in reading for reading in _readings(body)):
        raise ReviewError(path, f"this Word file is another company's policy: it never names "
                                f"{company}; open the reply counsel sent about this one")
    names[CONTENTS_BOOKMARK] = None
    _pasted_as_moves(body)
    # Only a redline carries tracked changes of the owner's: in a reply to any other version,
    # a change in the owner's name is someone's at their computer, and theirs to decide.
    reader = _Reader(names, owner if version.compares_with else None, *_style_names(package),
                     _list_kinds(package))
    base = next((v for v in project.sent_versions if v.id == version.compares_with), None)
    if base is not None:
        reader.as_sent = ()
    titles: _Titles = {}
    for text, clause_id, style in zip(version.paragraphs, version.clause_ids, version.styles,
                                      strict=False):
        text = " ".join(text.split())
        reader.sent_styles.setdefault((clause_id, text), style)
        reader.first_styles.setdefault(clause_id, style)
        if style in ("heading1", "heading2"):
            titles.setdefault(_NUMBER.sub("", text), []).append((text, clause_id))
    reader.walk(body, titles, clause_ids[0] if clause_ids else None)
    reader.finish()
    margins = [package.xml(name) for kind in ("header", "footer")
               for name in package.related(package.main, kind)]
    reader.margins(margins)
    untracked = _untracked(reader, version, base, len(reader.items))
    # A reply read as most of the policy gone was almost surely not read right (its clauses
    # not found: a Google Docs reply once read so, and Accept all emptied the policy); no
    # lawyer deletes the whole policy with Track Changes off.
    clauses = set(version.clause_ids) - {""}
    gone = len(clauses - {paragraph.clause_id for paragraph in reader.paragraphs})
    if gone > max(2, len(clauses) // 2):
        raise ReviewError(path, f"this reply reads as if almost all of the policy were deleted "
                                f"({gone} of its {len(clauses)} clauses not in it), so it was "
                                f"not read as the policy; ask counsel for their changes in the "
                                f"Word file you sent, with Track Changes on")
    untracked += _margins_edited(_custom_properties(package).get(MARGINS_PROPERTY), margins,
                                 len(reader.items) + len(untracked))
    own = {note.text: note.clause_id for note in render_document(project, version.kind).notes}
    asked = {text: own.get(text, "") for text in (
        own if version.notes is None else version.notes)}  # the file's, as far as known
    comments = _comments(package, reader, owner, {*own, *asked}, asked,
                         len(reader.items) + len(untracked),
                         None if version.compares_with else version.sent_on)
    notes = _footnotes(package, reader, len(reader.items) + len(untracked) + len(comments))
    return Reply(path, version, reader.items + untracked + comments + notes, reader.paragraphs,
                 _bodies(version), _sections(version), reader.new_clauses,
                 _paired_moves(reader.items, reader.move_sides), formatting=reader.formatting)


_PASTED = {_tag("w:del"): _tag("w:moveFrom"), _tag("w:ins"): _tag("w:moveTo")}


def _pasted_as_moves(body: Any) -> None:
    """Paragraphs cut and pasted elsewhere with Track Changes on, which LibreOffice writes
    as a deletion and an insertion (a clause moved read as taken out and a new clause of
    counsel's): the same paragraphs deleted whole in one place and inserted whole in
    another, by one reviewer, are made a move, as Word writes one, and read as Word's are."""
    blocks: list[tuple[str, str, str, list[Any]]] = []  # (change, author, text, paragraphs)
    for p in body.iterchildren(_tag("w:p")):
        changes = [c for c in p.iterchildren(*_PASTED) if "".join(c.itertext()).strip()]
        kinds = {(c.tag, c.get(_tag("w:author"), "")) for c in changes}
        plain = any(run.findtext(_tag("w:t")) for run in p.iterchildren(_tag("w:r")))
        if len(kinds) != 1 or plain:
            blocks.append(("", "", "", [p]))
            continue
        (tag, author), = kinds
        text = "".join(node.text or "" for c in changes for node in c.iter(*_TEXTS))
        last = blocks[-1] if blocks else None
        if last and last[:2] == (tag, author) and last[3][-1].getnext() is p:
            blocks[-1] = (tag, author, f"{last[2]}\n{text}", [*last[3], p])
        else:
            blocks.append((tag, author, text, [p]))
    for at, (tag, author, text, paragraphs) in enumerate(blocks):
        pasted = next((block for block in blocks[:max(at - 1, 0)] + blocks[at + 2:]
                       if tag == _tag("w:del") and block[:3] == (_tag("w:ins"), author, text)),
                      None)
        for p in [*paragraphs, *pasted[3]] if pasted else ():
            for change in p.iter(*_PASTED):
                change.tag = _PASTED[change.tag]
            for node in p.iter(_tag("w:delText")):
                node.tag = _tag("w:t")


def company_in(version: SentVersion) -> str:
    """The company's name as a version names it, under the policy's title."""
    return " ".join(next((text for text, style in zip(version.paragraphs, version.styles,
                                                      strict=False) if style == "subtitle"),
                         "").split())


def old_name_back(project: Project, reply: Reply, item: ReviewItem) -> str:
    """The company's name in the version counsel replied to, when the company was renamed
    since and the item brings that name into the policy again (a late reply's sentence
    naming it: accepted in silence, found by a tester); else ""."""
    old = company_in(reply.version)
    if not old or old in project.company.name or not item.changes_text:
        return ""
    before, after = ("", "\n".join(reply.new_clause_text(item.id))) \
        if item.kind == NEW_CLAUSE else reply.in_context(item)
    return old if after.count(old) > before.count(old) else ""


def old_name_said(project: Project, reply: Reply, decided: Iterable[str] = ()) -> str:
    """One line on a reply made on an older version whose changes, not `decided`, would bring
    back the company's name then; "" for none."""
    back = [item.id for item in reply.items
            if item.id not in decided and old_name_back(project, reply, item)]
    if not back:
        return ""
    return f"made on {reply.version.id}, an older version: accepting " \
        f"{reply.named(back)[0].lower()}{reply.named(back)[1:]} would bring back " \
        f"\"{company_in(reply.version)}\", the company's name then (it is " \
        f"\"{project.company.name}\" now)"


def _readings(body: Any) -> tuple[str, str]:
    """The body's words with every tracked change accepted, and with every one rejected (the
    words deleted are neither: a redline of a renamed company read "Northwind AnalyticsData
    LLC" and was refused as another company's; found by a tester)."""
    accepted, rejected = [], []
    for node in body.iter(_tag("w:t"), _tag("w:delText")):
        changes = {ancestor.tag for ancestor in node.iterancestors() if ancestor.tag in _CHANGES}
        if node.tag == _tag("w:t") and not changes & set(_REMOVES):
            accepted.append(node.text or "")
        if node.tag == _tag("w:delText") or not changes & set(_ADDS):
            rejected.append(node.text or "")
    return " ".join("".join(accepted).split()), " ".join("".join(rejected).split())


def _clause_headed(heading: str, titles: _Titles) -> str | None:
    """The clause a heading without its bookmark opens: the one sent with that heading, or
    else the one sent with its title, if no other heading has that title (typed over from its
    start, a heading loses its bookmark in LibreOffice, and counsel may have typed a new
    number over the old)."""
    same = titles.get(_NUMBER.sub("", heading), [])
    return next((clause_id for text, clause_id in same if text == heading),
                same[0][1] if len(same) == 1 else None)


def _of_this_policy(body: Any, names: dict[str, str | None], version: SentVersion) -> bool:
    """Whether the file holds a clause of the version sent: its bookmark, or (an editor may
    drop bookmarks and heading styles) one of its headings as a paragraph of its own."""
    if any(start.get(_tag("w:name")) in names for start in body.iter(_tag("w:bookmarkStart"))):
        return True
    if not version.styles:  # recorded before styles were kept: nothing to tell by
        return True
    headings = {" ".join(text.split()) for text, style in zip(
        version.paragraphs, version.styles, strict=False) if style in ("heading1", "heading2")}
    return any(" ".join("".join(_character(node) for node in _run_pieces(p)).split())
               in headings for p in body.iter(_tag("w:p")))


def _paired_moves(items: list[ReviewItem], sides: dict[str, str]) -> dict[str, str]:
    """Each half of a move -> the other (the same words by the same reviewer, taken out in
    one place and put in the other): deciding one decides both, so no words are lost or
    doubled."""
    arrived = [i for i in items if sides.get(i.id) == _tag("w:moveTo")]
    pairs: dict[str, str] = {}
    for left in (i for i in items if sides.get(i.id) == _tag("w:moveFrom")):
        match = next((i for i in arrived if i.id not in pairs and
                      (i.author, i.text.strip()) == (left.author, left.text.strip())), None)
        if match is not None:
            pairs.update({left.id: match.id, match.id: left.id})
    return pairs


def _owner(project: Project) -> str:
    from .render import author_of

    return author_of(project)


MAX_TEXT_BYTES = 200 * 2**20  # of XML in a reply (a long policy's is well under 1 MB)
_OTHER_FORMATS = {  # a file's first bytes -> what it is, and what to do
    b"{\\rtf": "this is a Rich Text Format file (.rtf); open it in Word or LibreOffice and save "
               "it as Word (.docx)",
    b"%PDF": "this is a PDF, which keeps no tracked changes; ask counsel for the Word (.docx) "
             "file with their changes"}
_STRICT = {b"http://purl.oclc.org/ooxml/wordprocessingml/main": _NS["w"].encode()}
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class _Package:
    """The XML parts of a .docx, found the way Word finds them: through the package's
    relationships, whatever the parts are called and in whatever order they are stored."""

    def __init__(self, path: Path):
        self.path = path
        try:
            regular_file(path)
            with path.open("rb") as file:
                head = file.read(len(OLE))
            self.parts = self._unzipped(head)
        except NotAFileError as exc:
            raise ReviewError(path, exc.reason) from None
        except OSError as exc:
            raise ReviewError(path, f"the file cannot be read ({exc.strerror})") from None
        main = self.related("", "officeDocument") or ["word/document.xml"]
        if main[0] not in self.parts:
            raise ReviewError(path, "this is not a Word (.docx) file")
        self.main = main[0]

    def _unzipped(self, head: bytes) -> dict[str, bytes]:
        if not head:
            raise ReviewError(self.path, "the file is empty")
        if head == OLE:
            if locked_office_file(self.path):
                raise ReviewError(self.path, "the file is protected with a password; open it in "
                                             "Word, remove the password and save it again")
            raise ReviewError(self.path, "this is the older Word format (.doc); open it in Word "
                                         "or LibreOffice and save it as Word (.docx)")
        told = next((what for start, what in _OTHER_FORMATS.items() if head.startswith(start)),
                    None)
        if told:
            raise ReviewError(self.path, told)
        try:
            with zipfile.ZipFile(self.path) as archive:
                infos = [i for i in archive.infolist() if i.filename.endswith((".xml", ".rels"))
                         or i.filename == "mimetype"]
                size = sum(info.file_size for info in infos)
                if size > MAX_TEXT_BYTES:  # a zip bomb, or no reply from a lawyer
                    raise ReviewError(self.path, f"the Word file holds too much text to read "
                                                 f"({size / 2**20:.0f} MB)")
                parts = {i.filename.lstrip("/"): archive.read(i) for i in infos}
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            if head.startswith(b"PK\x03\x04"):  # a zip's start, its end missing or broken
                raise ReviewError(self.path, "the Word file is incomplete or damaged; ask "
                                             "counsel to send it again") from None
            raise ReviewError(self.path, "this is not a Word (.docx) file") from None
        if parts.get("mimetype", b"").startswith(b"application/vnd.oasis.opendocument"):
            raise ReviewError(self.path, "this is an OpenDocument file (.odt); save it as Word "
                                         "(.docx) in LibreOffice and open that")
        return parts

    def related(self, source: str, kind: str) -> list[str]:
        """The parts `source` (the package itself for "") relates to as `kind`, such as
        "comments": the last word of the relationship's type."""
        folder = posixpath.dirname(source)
        found = []
        for relation in self.relations(source):
            if relation.get("Type", "").rsplit("/", 1)[-1] == kind \
                    and relation.get("TargetMode") != "External":
                target = relation.get("Target", "")
                joined = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                found.append(posixpath.normpath(joined))
        return [part for part in found if part in self.parts]

    def xml(self, name: str) -> Any:
        data = self.parts[name]
        for strict, transitional in _STRICT.items():  # Word's "Strict Open XML" names
            data = data.replace(strict, transitional)
        try:
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False,
                                                          no_network=True))
        except etree.XMLSyntaxError:
            raise ReviewError(self.path, f"the Word file is damaged ({name})") from None
        _choose_alternatives(root)
        _links_as_text(root, self.link_addresses(name))
        _controls_as_text(root)
        return root

    def relations(self, source: str) -> list[Any]:
        """The relationships of a part (of the package itself for "")."""
        folder, name = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        return list(self.xml(rels).iter(_RELS)) if rels in self.parts else []

    def link_addresses(self, name: str) -> dict[str, str]:
        """The addresses of the part's links: relationship id -> address."""
        return {relation.get("Id", ""): relation.get("Target", "")
                for relation in self.relations(name)
                if relation.get("Type", "").endswith("/hyperlink")}

    def part_xml(self, kind: str) -> Any | None:
        """The main document's part of this kind, parsed; None when it has none."""
        return next((self.xml(name) for name in self.related(self.main, kind)), None)


def _choose_alternatives(root: Any) -> None:
    """Keep one of each mc:AlternateContent's versions (Word 365 writes the same text twice):
    its first choice, else its fallback, in its place."""
    for alternate in list(root.iter(f"{{{_MC}}}AlternateContent")):
        chosen = alternate.find(f"{{{_MC}}}Choice")
        if chosen is None:
            chosen = alternate.find(f"{{{_MC}}}Fallback")
        for child in list(chosen if chosen is not None else ()):
            alternate.addprevious(child)
        alternate.getparent().remove(alternate)


_LINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"')  # not `HYPERLINK \l`: a place in the file
_REF_FIELD = re.compile(r"^\s*REF\s+(\S+)")  # a cross-reference: the bookmark it points at


def _links_as_text(root: Any, addresses: dict[str, str]) -> None:
    """Each link as its words with its address after them in brackets, as plain text: the
    policy keeps no links (its Word file writes none), so an address counsel gave is kept the
    way an owner would type one. A link is a w:hyperlink (its address in the part's
    relationships) or a HYPERLINK field; a link to a place in the file keeps its words only."""
    for link in list(root.iter(_tag("w:hyperlink"))):
        _add_address(list(link.iter(_tag("w:r"))), addresses.get(link.get(_tag("r:id")), ""))
        for child in list(link):  # unwrapped: its changes read as neighbours of those around
            link.addprevious(child)
        link.getparent().remove(link)
    for simple in root.iter(_tag("w:fldSimple")):
        found = _LINK_FIELD.match(simple.get(_tag("w:instr"), ""))
        _add_address(list(simple.iter(_tag("w:r"))), found.group(1) if found else "")
    for p in root.iter(_tag("w:p")):
        runs: list[Any] = []  # a complex field's result runs, between `separate` and `end`
        address = ""
        for run in p.iter(_tag("w:r")):
            code = "".join(run.itertext()) if run.find("w:instrText", _NS) is not None else ""
            kind = next((c.get(_tag("w:fldCharType")) for c in run.iter(_tag("w:fldChar"))),
                        "")
            found = _LINK_FIELD.match(code)
            if found:
                runs, address = [], found.group(1)
            elif kind == "end" and address:
                _add_address(runs, address)
                runs, address = [], ""
            elif address and not kind:
                runs.append(run)


def _controls_as_text(root: Any) -> None:
    """Each content control (w:sdt) in a paragraph as its words, unwrapped as a link is: a
    sentence counsel typed around one was listed as three changes. A control still showing
    its placeholder ("Click or tap here to enter text.") reads in square brackets (unless
    they are there already: "[Name]"), the blank it is, so accepting it is told as one to
    fill in (it went into the policy without a word, "agreed with Click or tap here to enter
    text.."; found by a tester)."""
    for control in list(root.iter(_tag("w:sdt"))):
        content = control.find("w:sdtContent", _NS)
        if content is None:
            continue
        texts = list(content.iter(_tag("w:t")))
        if texts and control.find("w:sdtPr/w:showingPlcHdr", _NS) is not None \
                and not _PLACEHOLDER.fullmatch("".join(t.text or "" for t in texts).strip()):
            texts[0].text = f"[{texts[0].text or ''}"
            texts[-1].text = f"{texts[-1].text or ''}]"
        if control.getparent().tag == _tag("w:p"):
            for child in list(content):
                control.addprevious(child)
            control.getparent().remove(control)


def _add_address(runs: list[Any], address: str) -> None:
    """The address after the link's last words, inside the same change (none when the words
    already say it). Words already there made a link with Track Changes on carry a tracked
    formatting change (LibreOffice's w:rPrChange): their address is that reviewer's
    insertion."""
    address = address.removeprefix("mailto:")
    texts = [run for run in runs if run.find("w:t", _NS) is not None
             or run.find("w:delText", _NS) is not None]
    if not address or not texts or address in "".join(
            "".join(run.itertext()) for run in texts):
        return
    last = texts[-1]
    deleted = last.find("w:delText", _NS) is not None
    run = etree.Element(_tag("w:r"))
    etree.SubElement(run, _tag("w:delText" if deleted else "w:t")).text = f" ({address})"
    formatted = last.find("w:rPr/w:rPrChange", _NS)
    if formatted is not None and next(last.iterancestors(*_CHANGES), None) is None:
        inserted = etree.Element(_tag("w:ins"), dict(formatted.attrib))
        inserted.append(run)
        run = inserted
    last.addnext(run)


def _version(project: Project, package: _Package, body: Any) -> SentVersion:
    """The version the reply answers: named in its properties, else the one whose paragraphs
    the body holds most of (a metadata cleaner strips the properties, and counsel may answer
    an earlier version), the last of those alike. A file that says when it was sent must be
    one this project sent (another project, or a copy made before it was sent, has a v1 of
    its own)."""
    from .dates import moment_in
    from .docx_export import SENT_PROPERTY, VERSION_PROPERTY

    sent = [v for v in project.sent_versions if v.paragraphs]
    if not sent:
        raise ReviewError(package.path, "this project has no version sent to counsel to "
                                        "compare the reply with; export a version for counsel "
                                        "first")
    named = _custom_properties(package)
    version = next((v for v in sent if v.id == named.get(VERSION_PROPERTY)), None)
    sent_on = _when(named.get(SENT_PROPERTY, ""))
    if sent_on is not None and (version is None or version.sent_on != sent_on):
        at = moment_in(project.company.spelling, sent_on)
        theirs = f"this Word file is {named.get(VERSION_PROPERTY)}, sent to counsel on {at}"
        if version is None:
            reason = f"{theirs}, which this project file has no record of (it may be an older " \
                     "copy)"
        else:  # to the second, and a copy sent within it is told so, not given the same time
            ours = moment_in(project.company.spelling, version.sent_on)
            when = "in the same second" if ours == at else f"on {ours}"
            reason = f"{theirs} from another project file (this project's {version.id} was " \
                     f"sent {when})"
        raise ReviewError(package.path, f"{reason}; open the project it was sent from")
    if version is not None:
        return version
    held = {line for lines in _paragraph_lines([body]) for line in lines}
    return max(reversed(sent), key=lambda v: sum(" ".join(p.split()) in held
                                                 for p in v.paragraphs))


def _custom_properties(package: _Package) -> dict[str, str]:
    """The file's custom document properties: name -> value."""
    return {prop.get("name"): "".join(prop.itertext()).strip()
            for custom in package.related("", "custom-properties")
            for prop in package.xml(custom).iterfind("cp:property", _NS)}


# The page headers and footers sent, each line by a short fingerprint (a document property
# holds 255 characters): the project keeps no header text, so an edit made there without Track
# Changes is found by its line's fingerprint missing.
MARGINS_PROPERTY = "smpolicyMargins"


def margin_marks(roots: Iterable[Any]) -> str:
    """The fingerprints of the lines of the headers and footers (their parts' roots) as sent."""
    return " ".join(_mark(sent) for sent, _ in _paragraph_lines(roots) if sent)


def _mark(line: str) -> str:
    from hashlib import sha256

    return sha256(line.encode()).hexdigest()[:8]


def _paragraph_lines(roots: Iterable[Any]) -> list[tuple[str, str]]:
    """(as sent, as it reads now) for each paragraph of the parts (headers and footers, or a
    body): as sent with the tracked changes undone, now with them made; fields' results (page
    numbers, which every program works out anew) are left out."""
    lines = []
    for root in roots:
        for p in root.iter(_tag("w:p")):
            results = _field_results(p)
            nodes = [node for node in _run_pieces(p) if node not in results]
            sent, now = (" ".join("".join(_character(node) for node in nodes if next(
                node.iterancestors(*changes), None) is None).split())
                for changes in (_ADDS, _REMOVES))
            lines.append((sent, now))
    return lines


def _field_results(p: Any) -> set[Any]:
    """The paragraph's text that shows a field's result."""
    return {node for _, nodes in _fields(p) for node in nodes}


_CODES = (_tag("w:instrText"), _tag("w:delInstrText"))


def _fields(p: Any) -> list[tuple[str, list[Any]]]:
    """(code, the text nodes showing its result) for each field of the paragraph: its result
    is between the field's separate and end marks, or inside a simple field."""
    done: list[tuple[str, list[Any]]] = []
    fields: list[tuple[list[str], list[Any], list[bool]]] = []  # open: code, result, begun
    for node in p.iter(_tag("w:fldChar"), *_CODES, *_TEXTS):
        kind = node.get(_tag("w:fldCharType")) if node.tag == _tag("w:fldChar") else None
        if kind == "begin":
            fields.append(([], [], [False]))
        elif not fields:
            continue
        elif kind == "separate":
            fields[-1][2][0] = True
        elif kind == "end":
            code, nodes, _ = fields.pop()
            done.append(("".join(code), nodes))
        elif node.tag in _CODES:
            fields[-1][0].append(node.text or "")
        elif kind is None and fields[-1][2][0]:
            fields[-1][1].append(node)
    return done + [(simple.get(_tag("w:instr"), ""), list(simple.iter(*_TEXTS)))
                   for simple in p.iter(_tag("w:fldSimple"))]


def _margins_edited(sent: str | None, roots: list[Any], count: int) -> list[ReviewItem]:
    """An item when a header or footer line is not as sent (None: a file sent before its
    headers were noted, so there is nothing to compare with)."""
    if sent is None:
        return []
    known, lines = sent.split(), _paragraph_lines(roots)
    changed = [now for was, now in lines if was and _mark(was) not in known]
    if not changed and sorted(_mark(was) for was, _ in lines if was) == sorted(known):
        return []
    said = f"now reads \"{' / '.join(changed)}\"" if changed else "a line taken out"
    return [ReviewItem(f"c{count + 1}", UNTRACKED, "",
                       text=f"Page header or footer, edited without Track Changes: {said}")]


def _when(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def parse_date(text: str | None) -> datetime | None:
    """A w:date as a time; None for a missing or impossible one (LibreOffice writes
    0-00-00T00:00:00Z when it does not know). A time written with its offset ("-08:00") is
    read at that offset: dropped, a change made at 22:30 in California was dated the day
    before its instant."""
    match = _DATE.match(text or "")
    if not match:
        return None
    *moment, sign, hours, minutes = match.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes)) if sign else timedelta()
    try:
        year, month, day, hour, minute, second = map(int, moment)
        written = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        return written - offset if sign == "+" else written + offset
    except (ValueError, OverflowError):  # no such day, or beyond the last a date can be
        return None


def written_at(element: Any) -> datetime | None:
    """When a change or comment was made. Word 365 writes the author's clock in w:date, marked
    as UTC whatever their time zone, and the instant itself in w16du:dateUtc; other writers
    (LibreOffice, older Word, this app) write the instant in w:date alone."""
    return (parse_date(element.get(_tag("w16du:dateUtc")))
            or parse_date(element.get(_tag("w:date"))))


class _Reader:
    """Walks the body in order, keeping the clause each paragraph is in."""

    def __init__(self, names: dict[str, str | None], owner: str | None, styles: dict[str, str],
                 levels: dict[str, str], lists: dict[str, str]):
        self.names, self.owner, self.styles, self.lists = names, owner, styles, lists
        self.levels = levels  # style id -> the level it sets that the policy has no room for
        self.clause: str | None = None  # None: outside every clause (or in the contents)
        self._outside = False  # in lines counsel typed outside every clause (read in the first)
        self.paragraphs: list[_Paragraph] = []
        self.items: list[ReviewItem] = []
        self.new_clauses: dict[str, str] = {}
        self.comment_clauses: dict[str, list[str]] = {}  # comment id -> the clauses it covers
        self.comment_new_clauses: dict[str, str] = {}  # comment id -> the new clause it is on
        self._open_comments: set[str] = set()  # comments whose range has begun, not ended
        # footnotes: reference, clause, counsel's new clause it is in
        self.notes: dict[tuple[str, str], tuple[Any, str, str]] = {}
        self._new_clause = ""
        self._under = ""  # the new clause whose heading counsel typed in this clause
        # a paragraph whose end counsel added, read as the end it always had, before a new clause
        self._ended: tuple[str, _Paragraph] | None = None
        self._open: tuple[Any, str] | None = None  # last change element and its item
        self._made: dict[Any, str] = {}  # change element -> its item
        self.move_sides: dict[str, str] = {}  # a move's item -> w:moveFrom or w:moveTo
        self.formatting: list[tuple[str, tuple[str, ...]]] = []  # Reply.formatting
        self._mark_change: Any = None
        # a table's column -> the row, change tag, author and item of counsel's whole cell
        # there, and the words of that item's cells, row by row
        self._cells_above: dict[int, tuple[Any, str, str, str, list[str]]] = {}
        self._moved: tuple[Any, str | None] | None = None  # a paragraph typed before a clause
        self.by_headings = False  # the file has no clause bookmarks: its headings place them
        self.sent_styles: dict[tuple[str, str], str] = {}  # (clause id, text) -> style sent
        self.first_styles: dict[str, str] = {}  # clause id -> its first paragraph's style, in order
        self._bookmarked: set[str | None] = set()  # the clauses whose bookmarks the file has
        self._places: dict[str, str] = {}  # each bookmark's name -> the clause it is in
        # The text as sent is the reply with counsel's changes undone, and the owner's too
        # unless the version sent records them (a redline made since it is recorded).
        self.as_sent: tuple[str, ...] = _BEFORE

    def walk(self, body: Any, titles: _Titles, first: str | None) -> None:
        """Read the body; `titles` (the headings sent) and `first` (the clause the file starts
        in) place clauses in a file whose editor dropped the bookmarks. A paragraph counsel
        typed where no clause is (between the contents and the first section, or above a
        redline's note) is read in `first`, the title block: else it would be offered nowhere.
        The redline's note and the contents, which no version records, are read in none."""
        self._bookmarked = {self.names[start.get(_tag("w:name"))] for start in
                            body.iter(_tag("w:bookmarkStart"))
                            if start.get(_tag("w:name")) in self.names}
        self.by_headings = not self._bookmarked
        if self.by_headings:
            self.clause = first
        for element in body.iter(_tag("w:p"), _tag("w:tr"), _tag("w:bookmarkStart"),
                                 *_COMMENT_MARKS, *_NOTES, *_PICTURES):
            tag = element.tag
            if self._moved is not None and (tag == _tag("w:tr") or tag == _tag("w:p")
                                            and not self._typed(element)):
                self._enter(self._moved[1])
                self._moved = None
            if tag == _tag("w:bookmarkStart") and element.get(_tag("w:name")) in self.names:
                if self._moved is None:
                    self._enter(self.names[element.get(_tag("w:name"))])
                self._places.setdefault(element.get(_tag("w:name")), self.clause or "")
            elif tag == _tag("w:bookmarkStart"):  # another's: Word's cross-references use them
                self._places.setdefault(element.get(_tag("w:name"), ""), self.clause or "")
            elif tag in _COMMENT_MARKS:
                self._comment_mark(tag, element.get(_tag("w:id")))
            elif tag in _NOTES:
                self.notes[(_NOTES[tag], element.get(_tag("w:id")))] = (
                    element, self.clause or "", self._new_clause)
            elif tag in _PICTURES:
                self._picture(element)
            elif tag == _tag("w:tr"):
                self._formatted(element)
                self._row(element)
            elif tag == _tag("w:p") and not any(a.tag in (_tag("w:tc"), _tag("w:txbxContent"))
                                                for a in element.iterancestors()):
                marks = self._marks(element)
                style = _style(element, self.styles, self.lists, self.owner)
                if style == _CONTENTS:
                    self._contents_edit(element)
                if self._outside and not self._typed(element):
                    self._enter(None)  # what follows counsel's lines there: the redline's note
                if marks:
                    self._enter(marks[-1])
                elif style == _CONTENTS:
                    self._enter(None)
                elif style in ("heading1", "heading2", "paragraph"):
                    sent = " ".join("".join(  # as sent: before counsel's changes
                        text for text, tag, item in self._pieces(element, dry=True)
                        if _kept(tag, item, self.as_sent)).split())
                    clause_id = _clause_headed(sent, titles)
                    if clause_id and style == "paragraph":
                        # Google Docs saves a heading as bold text of a size, with no heading
                        # style: in a file without our bookmarks its words alone tell it (else
                        # every clause read as deleted); it is read in the style sent
                        heading = next(text for text, id_ in titles[_NUMBER.sub("", sent)]
                                       if id_ == clause_id)
                        style = self.sent_styles[(clause_id, heading)]
                        clause_id = clause_id if self.by_headings else None
                    elif not clause_id and not self.by_headings and style != "paragraph":
                        clause_id = self._retitled(style)
                    if clause_id:
                        self._enter(clause_id)
                if self.clause is None and style != _CONTENTS and self._typed(element):
                    self._enter(first)
                    self._outside = True
                renumbered = style in ("heading1", "heading2") and self._renumbered(element)
                self._formatted(element)
                self._paragraph(element, *self._styles(element, style), told=renumbered,
                                heads=bool(marks))
                self._hidden(element)
        self._keep_edited_clauses_whole()
        self._cross_references(body)

    def _cross_references(self, body: Any) -> None:
        """Each cross-reference counsel inserted (Word's REF field, "see 4.6" pointing at a
        heading's bookmark), on the item whose words show it, with the clause it points to:
        the policy keeps the words shown, which go stale when the clauses are renumbered, so
        the owner is told (found by a tester)."""
        for p in body.iter(_tag("w:p")):
            for code, nodes in _fields(p):
                found = _REF_FIELD.match(code)
                item = next((self._made[change] for node in nodes
                             for change in node.iterancestors(*_ADDS) if change in self._made),
                            None)
                if found is None or item is None:
                    continue
                reference = ("".join(_character(node) for node in nodes).strip(),
                             self._places.get(found.group(1), ""))
                self._update(item, lambda was: replace(
                    was, refers_to=(*was.refers_to, reference)))  # noqa: B023 (called here)

    def _formatted(self, element: Any) -> None:
        """Counsel's formatting changes in a paragraph or table row (bold, a font...), named
        by what they change: the policy sets its own formatting, so none is kept, but a reply
        with bold alone said it had "no changes or comments" (found by a tester)."""
        kinds = {_FORMATTING.get(etree.QName(tag).localname, "formatting")
                 for change in element.iter(_tag("w:rPrChange"), _tag("w:pPrChange"))
                 if self._by_counsel(change) for tag in _changed_properties(change)}
        if element.tag == _tag("w:p"):
            kinds |= _list_relaid(element, self.styles, self.levels)
        if kinds and self.clause:
            self.formatting.append((self.clause, tuple(sorted(kinds))))

    def _retitled(self, style: str) -> str | None:
        """The clause sent next, when its bookmark is gone and its heading was in this style:
        counsel typed over the whole heading with Track Changes off, and LibreOffice dropped
        the bookmark with its words. Read in the clause before, the new title was a line of
        that clause and the clause itself read as taken out (found by a tester)."""
        order = list(self.first_styles)
        after = order[order.index(self.clause) + 1:][:1] if self.clause in order else []
        return next((clause_id for clause_id in after if self.first_styles[clause_id] == style
                     and clause_id not in self._bookmarked), None)

    def _keep_edited_clauses_whole(self) -> None:
        """A heading counsel typed inside a clause takes the clause's words after it only if
        counsel changed none of them: else each of those changes would be taken or left with
        the heading, whatever the owner decides of it. The heading then goes after the clause.
        """
        edited = {p.under for p in self.paragraphs if p.under and any(
            item not in ("", p.under) for item in (*(i for _, _, i in p.pieces), p.mark[1]))}
        for paragraph in self.paragraphs:
            if paragraph.under in edited:
                paragraph.under = ""

    def _contents_edit(self, p: Any) -> None:
        """Counsel's tracked edit of a line of the contents list: an item that says so. The
        list is a field rebuilt from the headings (Word rebuilds it too), so taking the edit
        into a heading would guess which one it meant and, where counsel also changed the
        heading or Word refreshed the list, change it twice; the owner reads it instead."""
        change = next((c for c in p.iter(*_CHANGES) if self._by_counsel(c)), None)
        was, now = self._was_and_now(p)
        if change is None or was == now:
            return
        self._item(change, CONTENTS_EDIT, "counsel edited the contents list; it is rebuilt "
                                          "from the headings, so this edit is not taken: "
                                          f"{_reads_now(was, now)}")

    def _renumbered(self, heading: Any) -> bool:
        """Whether counsel changed the heading's number and nothing else: an item that says
        so, not taken (the app numbers its headings, so a number alone is no change of
        wording; the heading reads as sent)."""
        changes = [c for c in heading.iter(*_CHANGES) if self._by_counsel(c)]
        was, now = self._was_and_now(heading)
        if not changes or was == now or _NUMBER.sub("", was) != _NUMBER.sub("", now) \
                or any(c.getparent().tag == _tag("w:rPr") for c in changes):  # its end too
            return False
        self._item(changes[0], NUMBERING, _renumbering(was, now))
        return True

    def _was_and_now(self, p: Any) -> tuple[str, str]:
        """The paragraph's text without counsel's changes, and with them."""
        pieces = self._pieces(p, dry=True)
        was, now = (" ".join("".join(text for text, tag, item in pieces if _kept(
            tag, item, accepted)).split()) for accepted in ((), None))
        return was, now

    def _marks(self, p: Any) -> list[str | None]:
        """The clauses whose bookmarks are in the paragraph. A paragraph counsel typed at the
        start of a clause's first one (then Enter) takes its bookmark in LibreOffice: that
        clause starts at the next paragraph, so the new one is in the clause before it."""
        marks = [self.names[start.get(_tag("w:name"))] for start in p.iter(
            _tag("w:bookmarkStart")) if start.get(_tag("w:name")) in self.names]
        if marks and self._typed(p) and not self._all_taken_out(p.getnext()):
            self._moved = (p, marks[-1])
            return []
        return marks

    def _all_taken_out(self, p: Any) -> bool:
        """Whether counsel deleted every word of the paragraph as sent: a paragraph typed
        with a clause's bookmark above such a heading is the clause's heading retyped (Word,
        the whole clause typed over: its new title on a line of its own), not a clause typed
        before it (it was read as a new clause in the clause before, and the clause as
        deleted)."""
        if p is None or p.tag != _tag("w:p"):
            return False
        sent = [tag for text, tag, item in self._pieces(p, dry=True)
                if text.strip() and _kept(tag, item, self.as_sent)]
        return bool(sent) and all(tag in _REMOVES for tag in sent)

    def _typed(self, p: Any) -> bool:
        """Whether counsel typed the whole paragraph, its end too."""
        mark = p.find("w:pPr/w:rPr/w:ins", _NS)
        texts = [tag for text, tag, _ in self._pieces(p, dry=True) if text.strip()]
        return mark is not None and self._by_counsel(mark) and bool(texts) \
            and all(tag in _ADDS for tag in texts)

    def _styles(self, p: Any, style: str) -> tuple[str, str]:
        """The paragraph's style, and its style as sent, where LibreOffice restyled it:
        deleting the paragraph before it with its mark (the last item of a list), tracked, it
        saves this one (a heading, the sentence after the list) in the deleted paragraph's
        style. A paragraph whose words as sent counsel all deleted has the style counsel saw
        with counsel's words: the heading's, where counsel typed a new title over a whole
        clause (its words were read as the sent paragraph's, and the title as a rule)."""
        previous = p.getprevious()
        if previous is None or previous.tag != _tag("w:p") \
                or previous.find("w:pPr/w:rPr/w:del", _NS) is None:
            return style, style
        text = " ".join("".join(text for text, tag, item in self._pieces(p, dry=True)
                                if _kept(tag, item, self.as_sent)).split())
        sent = self.sent_styles.get((self.clause or "", text), style)
        return style if self._all_taken_out(p) else sent, sent

    def _hidden(self, p: Any) -> None:
        """Counsel's words formatted hidden (Word's drafting notes, not shown or printed): an
        item, kept as counsel's note (they were read as words of the policy, and accepting
        put "[Drafting note: ...]" in it for all staff to read)."""
        runs = [run for run in _own(p, p.iter(_tag("w:r")), _tag("w:p"))
                if _marked(run, "vanish")]
        text = "".join(node.text or "" for run in runs for node in run.iterfind("w:t", _NS))
        if self.clause is not None and text.strip():
            change = next(runs[0].iterancestors(*_CHANGES), None)
            self._item(change if change is not None else runs[0], HIDDEN, text.strip())

    def _picture(self, picture: Any) -> None:
        """A picture (our files have none): listed where it is, by its description; a text
        box by its words, which are kept as counsel's note (a "NOTE TO CLIENT" box was listed
        as a picture, and its words as lines that accepting put in the policy)."""
        if self.clause is None or next(picture.iterancestors(*_PICTURES), None) is not None:
            return
        change = next(picture.iterancestors(*_CHANGES), None)
        box = picture.find(".//w:txbxContent", _NS)
        if box is not None:
            self._item(change if change is not None else picture, TEXT_BOX, "\n".join(
                _plain(p) for p in box.iter(_tag("w:p"))).strip())
            return
        self._item(change if change is not None else picture, PICTURE, _described(picture))

    def _enter(self, clause: str | None) -> None:
        self.clause = clause
        self._new_clause = self._under = ""
        self._outside = False
        for comment in self._open_comments:  # a comment's range runs on into this clause
            if clause and clause not in self.comment_clauses[comment]:
                self.comment_clauses[comment].append(clause)

    def _comment_mark(self, tag: str, comment: str) -> None:
        """A comment covers the clause its range (or, without one, its mark) starts in and
        every clause entered before the range ends (at its mark, if the end is missing); on
        the words of a clause counsel added, that new clause too."""
        if comment not in self.comment_clauses and self._new_clause:
            self.comment_new_clauses[comment] = self._new_clause
        self.comment_clauses.setdefault(comment, [self.clause or ""])
        if tag == _tag("w:commentRangeStart"):
            self._open_comments.add(comment)
        else:
            self._open_comments.discard(comment)

    def _paragraph(self, p: Any, style: str = "", sent_style: str = "", told: bool = False,
                   heads: bool = False) -> None:
        """Add the paragraph, each change in it an item (sent_style: its style as sent, if
        not `style`; told: its changes are told by an item of their own already, and kept out
        of its text; heads: it holds the clause's bookmark, so a heading counsel typed there
        is the clause's own, retitled)."""
        if self.clause is None:
            return
        style = style or _style(p, self.styles, self.lists, self.owner)
        dry = [piece for piece in self._pieces(p, dry=True) if piece[2] != _OWNER_REMOVED]
        new = [change for change in dry if change[0].strip()]
        whole = bool(new) and all(tag in _ADDS for _, tag, _ in new)  # all counsel's
        heading = style in ("heading1", "heading2")
        if not whole or (heading and any(tag != _tag("w:ins") for _, tag, _ in new)):
            # the clause's words (or a heading moved here): under counsel's heading, if any
            # is above them in the clause, as the reply shows them
            self._under = self._new_clause or self._under
            self._new_clause = ""
        elif heading and not heads:  # a new clause, after the clause it is in or one before
            follows = self._new_clause or self._under or self.clause
            first = next(c for c in p.iter(*_ADDS))
            self._new_clause = self._item(first, "new clause", "")
            self.new_clauses[self._new_clause] = follows
        paragraph = _Paragraph(self.clause, style, self._pieces(p, dry=told),
                               new_clause=self._new_clause,
                               under="" if self._new_clause else self._under,
                               sent_style="" if sent_style == style else sent_style)
        previous = self.paragraphs[-1] if self.paragraphs else None
        if previous is not None and previous.mark[0] and not previous.mark[1]:
            # the mark before a wholly new paragraph is part of adding that paragraph; before
            # a new clause, which is read on its own, it is the end the paragraph always had
            # (else the clause before runs on into its next paragraph without the new one)
            item = next((i for _, tag, i in paragraph.pieces if tag), "") if whole else ""
            if item and item == self._new_clause != previous.new_clause \
                    and previous.mark[0] in _ADDS:
                previous.mark = ("", "")
                self._ended = (item, previous)
            else:
                previous.mark = (previous.mark[0], item or self._lone_mark(self._mark_change))
        if self._ended is not None and previous is not None and paragraph.under == \
                self._ended[0] == previous.new_clause and previous.mark[1] == paragraph.under:
            # counsel's new clause ends with an end of its own too: typed in the middle of the
            # paragraph before it, which, without the new clause, runs on into this one
            self._ended[1].mark = previous.mark
        change = self._counsels(p.find("w:pPr/w:rPr", _NS))
        if change is not None:
            self._mark_change = change
            if whole and change.tag in _ADDS:  # the mark of a paragraph counsel wrote
                item = next(i for _, tag, i in paragraph.pieces if tag)
            elif (change.tag in _REMOVES and self._open is not None
                  and self._open[0].tag in _REMOVES and self._open[0].getparent() is p):
                item = self._open[1]  # deleted up to and with the paragraph's end
            else:
                item = ""  # settled by the next paragraph
            paragraph.mark = (change.tag, item)
        self.paragraphs.append(paragraph)
        if self._new_clause:
            self._extend_new_clause(paragraph)

    def finish(self) -> None:
        last = self.paragraphs[-1] if self.paragraphs else None
        if last is not None and last.mark[0] and not last.mark[1]:
            last.mark = (last.mark[0], self._lone_mark(self._mark_change))
        # A line break (Shift+Enter) reads as a space, as the policy has none within a
        # paragraph or a cell: one typed alone would be listed with no words at all. So would
        # a page or column break, which the policy, setting its own pages, does not keep.
        for change, item_id in self._made.items():
            kinds = {node.get(_tag("w:type"), "textWrapping")
                     for node in change.iter(_tag("w:br"), _tag("w:cr"))}
            if not kinds:
                continue
            said = "\u21b5 (line break; the policy writes it as a space)"
            if kinds != {"textWrapping"}:
                said = f"{min(kinds - {'textWrapping'})} break (the policy sets its own pages " \
                       "and keeps none; add it to the Word file after you export it)"
            self._reword(item_id, partial(_or_said, said))

    def margins(self, parts: Iterable[Any]) -> None:
        """Counsel's tracked changes in headers and footers: items outside every clause (the
        project keeps no header text, so the owner is told, not the text changed)."""
        kept = len(self.paragraphs)
        self._enter("")
        for root in parts:
            for element in root.iter(_tag("w:p"), *_PICTURES):
                if element.tag == _tag("w:p"):
                    self._paragraph(element)
                else:
                    self._picture(element)
        self.finish()
        del self.paragraphs[kept:]

    def _lone_mark(self, change: Any, in_cell: bool = False) -> str:
        """A paragraph break added or removed on its own: an item of its own, said in words
        (one added in a table cell reads as a space, as a cell's answer is one line)."""
        if change.tag not in _ADDS:
            said = "\u00b6 (two paragraphs joined)"
        elif in_cell:
            said = "\u00b6 (new paragraph in a table cell; the policy writes it as a space)"
        else:
            said = "\u00b6 (new paragraph)"
        return self._item(change, _CHANGES[change.tag], said)

    def _row(self, row: Any) -> None:
        if self.clause is None:
            return
        change = self._counsels(row.find("w:trPr", _NS))
        pieces: list[tuple[str, str, str]] = []
        # the (change tag, item) of counsel's whole cell before, while every cell so far is one
        leading: tuple[str, str] | None = None
        for index, cell in enumerate(_own(row, row.iter(_tag("w:tc")), _tag("w:tr"))):
            cell_change = None if change is not None else self._counsels(
                cell.find("w:tcPr", _NS))
            whole = change is not None or cell_change is not None
            cut: list[tuple[str, str, str]] = []
            previous = None
            for p in _own(cell, cell.iter(_tag("w:p")), _tag("w:tc")):
                words = [piece for piece in self._pieces(p, dry=whole)
                         if not (whole and piece[2] == _OWNER_REMOVED)]
                if previous is not None:  # a cell's paragraphs read as one line
                    cut.append((" ", "", "") if whole else self._cell_break(previous, words))
                cut.extend(words)
                previous = p
            own = None
            if cell_change is not None:
                cut = self._whole_cell(row, index, cell_change, cut)
                own = (cell_change.tag, self._cells_above[index][3])
            if index:  # the tab between two cells goes with counsel's whole cell before it
                # while all before it are (else, accepted, the row starts with an empty cell:
                # the first column deleted), or else with counsel's whole cell after it
                pieces.append(("\t", *(leading or own or ("", ""))))
            leading = own if index == 0 or leading else None
            pieces.extend(cut)
        if change is not None:
            pieces = self._as_one(change, pieces)
        self.paragraphs.append(_Paragraph(self.clause, "row", pieces))

    def _cell_break(self, before: Any, after: list[tuple[str, str, str]]
                    ) -> tuple[str, str, str]:
        """The break between two paragraphs of a cell, read as a space. Counsel's Enter there
        is part of the words typed after it, or, typed alone, an item of its own (else it
        would be listed nowhere)."""
        change = self._counsels(before.find("w:pPr/w:rPr", _NS))
        if change is None:
            return " ", "", ""
        typed = [(tag, item) for text, tag, item in after if text.strip()]
        if change.tag in _ADDS and typed and all(tag in _ADDS for tag, _ in typed):
            return " ", change.tag, typed[0][1]
        return " ", change.tag, self._lone_mark(change, in_cell=True)

    def _counsels(self, properties: Any) -> Any:
        """Counsel's insertion or deletion recorded in the properties, if any: of a whole row
        (w:trPr) or cell (w:tcPr, as w:cellIns or w:cellDel), or of a paragraph's mark
        (w:pPr/w:rPr)."""
        return next((c for c in (properties if properties is not None else ())
                     if c.tag in _CHANGES and self._by_counsel(c)), None)

    def _whole_cell(self, row: Any, index: int, change: Any, pieces: list[tuple[str, str, str]]
                    ) -> list[tuple[str, str, str]]:
        """A whole cell inserted or deleted: one item, or part of the item of the cell above
        it, changed alike by the same reviewer: a column counsel deleted is one change, as a
        row is (listed cell by cell, accepting some left a ragged table: found by a tester).
        Cells from the table's first row to its last are told as a column, named by its
        heading (read as a row, "Purpose | Company news, ...", nothing said it was one)."""
        author = change.get(_tag("w:author"), "")
        words = "".join(text for text, _, _ in pieces).strip("\t")
        above = self._cells_above.get(index)
        if above and above[0] is row.getprevious() and above[1:3] == (change.tag, author):
            item, cells = above[3], [*above[4], words]
            done = "taken out" if change.tag in _REMOVES else "added"
            told = f'column "{cells[0]}" {done}: {" | ".join(cells[1:])}' \
                if len(cells) == len(row.getparent().findall("w:tr", _NS)) else " | ".join(cells)
            self._update(item, lambda was: replace(was, text=told))
            pieces = [(text, change.tag, item) for text, _, _ in pieces]
        else:
            pieces = self._as_one(change, pieces)
            item, cells = self.items[-1].id, [words]
        self._cells_above[index] = (row, change.tag, author, item, cells)
        return pieces

    def _as_one(self, change: Any, pieces: list[tuple[str, str, str]]
                ) -> list[tuple[str, str, str]]:
        """A whole row or cell inserted or deleted: one item, its cells' text between bars."""
        item = self._mark_item(change)
        self.items[-1] = replace(self.items[-1], text=" | ".join(
            "".join(text for text, _, _ in pieces).strip("\t").split("\t")))
        return [(text, change.tag, item) for text, _, _ in pieces]

    def _pieces(self, p: Any, dry: bool = False) -> list[tuple[str, str, str]]:
        pieces: list[tuple[str, str, str]] = []
        for node in _run_pieces(p):
            text = _character(node)
            change = next((a for a in node.iterancestors(*_CHANGES) if a is not p), None)
            if change is None or not self._by_counsel(change):
                owner = "" if change is None else \
                    _OWNER_REMOVED if change.tag in _REMOVES else _OWNER_ADDED
                pieces.append((text, "", owner))
            else:
                outer = next((a for a in change.iterancestors(*_ADDS) if self._by_counsel(a)),
                             None) if change.tag in _REMOVES else None
                if outer is not None and outer.tag == _tag("w:ins"):
                    # one reviewer cut words from another's insertion (a partner's edit of the
                    # associate's sentence): the firm proposes the insertion as cut, one item
                    # (listed as two insertions and a deletion, the cut words had no version
                    # of the policy to be taken out of; found by a tester)
                    if not dry:
                        self._edited(self._text_item(outer, ""), change)
                    continue
                item = "" if dry else self._text_item(change, text)
                if outer is not None and not dry:  # words taken out of a move: with the move
                    item += _WITHIN + self._text_item(outer, text)
                pieces.append((text, change.tag, item))
        return pieces

    def _by_counsel(self, change: Any) -> bool:
        return change.get(_tag("w:author"), "") != self.owner

    def _tag(self, change: Any) -> str:
        return change.tag if self._by_counsel(change) else ""

    def _item(self, change: Any, kind: str, text: str) -> str:
        item = ReviewItem(f"c{len(self.items) + 1}", kind, self.clause or "",
                          change.get(_tag("w:author"), ""), written_at(change),
                          text)
        if item.is_comment:  # a text box or hidden words: a note, on the new clause it is in
            item = replace(item, new_clause=self._new_clause)
        self.items.append(item)
        if kind == "move":
            self.move_sides[item.id] = change.tag
        return item.id

    def _text_item(self, change: Any, text: str) -> str:
        """The item a piece of changed text belongs to: neighbouring changes of one kind
        by one author are one item."""
        if self._new_clause:
            return self._new_clause
        kind = _CHANGES[change.tag]
        known = self._made.get(change)
        if known is not None:  # the same change, after another one inside it
            self._reword(known, lambda was: was + text)
            self._open = (change, known)
            return known
        if self._open is not None:
            previous, item_id = self._open
            last = self.items[-1]
            if (last.id == item_id and last.kind == kind and last.author ==
                    change.get(_tag("w:author"), "") and (previous is change or _adjacent(
                        previous, change) or self._across_mark(item_id, change))):
                joint = "\n" if previous is not change and self._across_mark(item_id, change) \
                    else ""
                self.items[-1] = replace(last, text=last.text + joint + text)
                self._open = (change, item_id)
                self._made[change] = item_id
                return item_id
        item_id = self._item(change, kind, text)
        self._open = (change, item_id)
        self._made[change] = item_id
        return item_id

    def _across_mark(self, item_id: str, change: Any) -> bool:
        """Whether the change starts its paragraph right after the previous paragraph's mark,
        removed as part of item_id: one deletion running over a paragraph's end (as
        LibreOffice writes it, a w:del in each paragraph) is one item, so it is never half
        accepted, joining what is left of two sentences."""
        previous = self.paragraphs[-1] if self.paragraphs else None
        if previous is None or previous.mark != (_tag("w:del"), item_id) \
                or change.tag != _tag("w:del"):
            return False
        p = next(change.iterancestors(_tag("w:p")), None)
        first = next((node for node in _run_pieces(p) if _character(node)), None) \
            if p is not None else None
        return first is not None and change in first.iterancestors(_tag("w:del"))

    def _mark_item(self, change: Any) -> str:
        """A whole row's change: one item."""
        if not self._by_counsel(change):
            return ""
        item_id = self._item(change, _CHANGES[change.tag], "")
        self._open = (change, item_id)
        return item_id

    def _extend_new_clause(self, paragraph: _Paragraph) -> None:
        text = paragraph.text(None)
        self._reword(self._new_clause, lambda was: f"{was}\n{text}" if was else text)

    def _edited(self, item_id: str, cut: Any) -> None:
        """The insertion item_id, with the reviewer who made `cut` in it among its editors."""
        author = cut.get(_tag("w:author"), "")
        self._update(item_id, lambda item: item if author in (item.author, *item.edited_by)
                     else replace(item, edited_by=(*item.edited_by, author)))

    def _reword(self, item_id: str, words: Callable[[str], str]) -> None:
        """Give an item new words, made from its words so far."""
        self._update(item_id, lambda item: replace(item, text=words(item.text)))

    def _update(self, item_id: str, change: Callable[[ReviewItem], ReviewItem]) -> None:
        """Put change(item) in the item's place (an item's id is its place: "c3" is the
        third)."""
        index = int(item_id[1:]) - 1
        self.items[index] = change(self.items[index])


def _or_said(said: str, text: str) -> str:
    """The text, or what is said for it where it has no words."""
    return text if text.strip() else said


def _reads_now(was: str, now: str) -> str:
    """A text counsel changed, in words: "a" now reads "b", "b" added or "a" taken out."""
    return f'"{was}" now reads "{now}"' if was and now else \
        f'"{now}" added' if now else f'"{was}" taken out'


def _renumbering(was: str, now: str) -> str:
    """What a numbering change of a heading (its text as sent, and now) is told as."""
    numbers = [found.group().strip() if found else "" for found in (
        _NUMBER.match(was), _NUMBER.match(now))]
    return f"counsel changed the heading's number: {_reads_now(*numbers)}; the policy " \
           "numbers its headings itself, so this is not taken"


def _adjacent(previous: Any, change: Any) -> bool:
    """Two change elements with nothing but changes (or a paragraph break) between them."""
    if previous.getparent() is not change.getparent():
        return False
    sibling = previous.getnext()
    while sibling is not None and sibling is not change:
        if sibling.tag == _tag("w:r") and sibling.find("w:t", _NS) is not None:
            return False
        sibling = sibling.getnext()
    return True


def _own(container: Any, nodes: Iterable[Any], level: str) -> Iterable[Any]:
    """The nodes whose nearest `level` element (paragraph, cell or row) is the container:
    not those of a text box or a table inside it."""
    return (node for node in nodes if next(node.iterancestors(level), None) is container)


# What a reader sees of each piece of a run: its text, its deleted text, and the characters
# Word writes as elements. Field codes (w:instrText, w:delInstrText) are not text.
_TEXTS = (_tag("w:t"), _tag("w:delText"))
_CHARACTERS = {_tag("w:tab"): " ", _tag("w:ptab"): " ", _tag("w:br"): " ", _tag("w:cr"): " ",
               _tag("w:noBreakHyphen"): "-", _tag("w:softHyphen"): ""}


def _run_pieces(p: Any) -> Iterable[Any]:
    """The pieces of the paragraph's own runs (not a text box's in it, not tab stops), but
    words struck through (once, or twice: Word's double strikethrough), or hidden (the policy
    has neither): a lawyer who redlines by hand, Track Changes off, strikes out what they take
    out, which was read as no change at all, and accepting their words typed beside kept those
    they struck; hidden words are counsel's drafting note (_Reader._hidden)."""
    nodes = p.iter(*_TEXTS, *_CHARACTERS, _tag("w:sym"))
    return (node for node in _own(p, nodes, _tag("w:p")) if node.getparent().tag == _tag("w:r")
            and not _marked(node.getparent(), "strike", "dstrike", "vanish"))


def _marked(run: Any, *marks: str) -> bool:
    """Whether the run's own properties set one of the marks (w:strike...) on."""
    return any(mark.get(_tag("w:val"), "true") not in ("0", "false", "off")
               for name in marks for mark in run.iterfind(f"w:rPr/w:{name}", _NS))


# The characters of the symbol fonts Word's AutoCorrect ("-->", ":)") and its Insert Symbol
# write most, by their place in the font: a w:sym names the font and that place plus F000
_SYMBOL_FONTS = {
    "symbol": {  # arrows, signs of comparison and of law
        0xA3: "\u2264", 0xA5: "\u221e", 0xAB: "\u2194", 0xAC: "\u2190", 0xAD: "\u2191",
        0xAE: "\u2192", 0xAF: "\u2193", 0xB0: "\u00b0", 0xB1: "\u00b1", 0xB3: "\u2265",
        0xB4: "\u00d7", 0xB7: "\u2022", 0xB8: "\u00f7", 0xB9: "\u2260", 0xBB: "\u2248",
        0xBC: "\u2026", 0xD2: "\u00ae", 0xD3: "\u00a9", 0xD4: "\u2122", 0xDB: "\u21d4",
        0xDC: "\u21d0", 0xDE: "\u21d2", 0xE2: "\u00ae", 0xE3: "\u00a9", 0xE4: "\u2122"},
    "wingdings": {  # smileys, bullets, boxes, arrows, ticks and crosses
        0x4A: "\u263a", 0x4C: "\u2639", 0x6C: "\u25cf", 0x6E: "\u25a0", 0x6F: "\u25a1",
        0x71: "\u2751", 0x9F: "\u2022", 0xA7: "\u25aa", 0xA8: "\u25fb", 0xD8: "\u27a2",
        0xDF: "\u2190", 0xE0: "\u2192", 0xE7: "\u2b05", 0xE8: "\u2794", 0xF3: "\u21d4",
        0xFB: "\u2718", 0xFC: "\u2714", 0xFD: "\u2612", 0xFE: "\u2611"}}


def _character(node: Any) -> str:
    if node.tag in _TEXTS:
        return node.text or ""
    if node.tag == _tag("w:sym"):
        return _symbol(node.get(_tag("w:font"), ""), node.get(_tag("w:char"), ""))
    return _CHARACTERS[node.tag]


def _symbol(font: str, char: str) -> str:
    """A w:sym's character: its code point, or, for a place in a font (F000 and after), the
    character there (U+F0E0 is no character at all: Word's "-->" arrow in Wingdings read as
    a blank in the review and in the policy; found by a tester). A symbol font's character
    not known here reads as U+FFFD, the sign for a character that cannot be shown."""
    try:
        code = int(char, 16)
        if code < 0xF000:
            return chr(code)
    except ValueError:  # no number, or none a character has ("-1")
        return ""
    place = code - 0xF000
    table = _SYMBOL_FONTS.get(font.strip().lower())
    if table is not None:
        return table.get(place, "\ufffd")
    return bytes([place]).decode("cp1252", "replace") if place < 0x100 else "\ufffd"


def _plain(p: Any) -> str:
    """A paragraph's text as it reads with its tracked changes accepted."""
    return "".join(_character(node) for node in _run_pieces(p)
                   if node.tag != _tag("w:delText") and next(node.iterancestors(*_REMOVES), None)
                   is None)


def _changed_properties(change: Any) -> set[str]:
    """The tags of the properties a formatting change (w:rPrChange, w:pPrChange) set, took
    off or gave another value, but for _NOT_FORMATTING's."""
    was = change.find("w:rPr" if change.tag == _tag("w:rPrChange") else "w:pPr", _NS)
    said = [{(node.tag, tuple(sorted(node.attrib.items()))) for node in nodes
             if node.tag not in _NOT_FORMATTING}
            for nodes in (change.getparent(), [] if was is None else was)]
    return {tag for tag, _ in said[0] ^ said[1]}


def _list_relaid(p: Any, styles: dict[str, str], levels: dict[str, str]) -> set[str]:
    """What was done to a paragraph's list or level with no tracked change to say so, as a
    message names it: in a list's style, its numbering taken off (numId 0; LibreOffice records
    none, and a bullet made a plain line read as no change at all), or an item a level down (a
    sub-bullet, typed after Enter and Tab: the policy's lists have one level, so it became
    an item of its own without a word), or a style a level down (`levels`); found by testers.
    Our files have none of these."""
    properties = p.find("w:pPr", _NS)
    if properties is None or properties.find("w:pPrChange", _NS) is not None:
        return set()
    style, number = properties.find("w:pStyle", _NS), properties.find("w:numPr/w:numId", _NS)
    name = style.get(_tag("w:val")) if style is not None else ""
    level = properties.find("w:numPr/w:ilvl", _NS)
    said = set()
    if (styles.get(name) or _STYLE_IDS.get(name)) in ("bullet", "numbered") \
            and number is not None and number.get(_tag("w:val")) == "0":
        said.add(_FORMATTING["numPr"])
    if level is not None and level.get(_tag("w:val"), "0") != "0":
        said.add(_FORMATTING["ilvl"])
    return said | ({levels[name]} if name in levels else set())


def formatting_said(project: Project, reply: Reply, document: Document | None = None) -> str:
    """Counsel's formatting changes in one line, each clause named with what they change
    there ("2 formatting changes (bold in 4.7 AI tools and fake images; bold and font in 8.3 No
    retaliation): not kept; the policy sets its own formatting"); "" for none. They are not
    items to decide: the policy keeps no formatting of counsel's. In more clauses than are
    named one by one, what they change is said once, with where they run from and to ("font
    in Social Media Policy to Appendix B: Quick guide, Not sure? (72 in all)"): the font set
    all through was told clause by clause, 2,700 characters that filled the review panel."""
    if not reply.formatting:
        return ""
    from .render import NAMED_CLAUSES, clause_names, in_clauses

    names = clause_names(project, [clause_id for clause_id, _ in reply.formatting], document)
    kinds: dict[str, set[str]] = {}
    for clause_id, changed in reply.formatting:
        kinds.setdefault(clause_id, set()).update(changed)
    if len(kinds) > NAMED_CLAUSES:
        where = f"{' and '.join(sorted(set().union(*kinds.values())))} in " \
                f"{in_clauses(names, kinds)}"
    else:
        where = "; ".join(f"{' and '.join(sorted(changed))} in {names[clause_id]}"
                          for clause_id, changed in kinds.items())
    count = len(reply.formatting)
    return f"{count} formatting change{'' if count == 1 else 's'} ({where}): not kept; the " \
        "policy sets its own formatting"


def _style_names(package: _Package) -> tuple[dict[str, str], dict[str, str]]:
    """Style id -> a block kind, by the style's name (Word writes its built-in styles' names
    in English whatever the language; their ids are translated: berschrift2), or by its
    outline level, as Word's navigation pane shows it (another policy's "Policy Heading 2",
    pasted with its clause, was read as two lines of the clause before, and accepting put the
    heading in an answer), or else by the style it is based on (a law firm's "Clause Heading",
    based on Heading 2, is a clause's heading: counsel's new clause in it was read as two lines
    of the clause before). And style id -> the level a style sets that the policy has no room
    for, as a message names it: a sub-heading ("Heading 3" or a style at its outline level, a
    line of its clause) or a sub-item ("List Bullet 2", an item of the list): the policy has
    two levels of headings and one of lists, and a level set with Word's styles was lost
    without a word (found by a tester)."""
    root = package.part_xml("styles")
    kinds = {"heading 1": "heading1", "heading 2": "heading2", "list bullet": "bullet",
             "list number": "numbered", "toc heading": _CONTENTS}
    levels = {"0": "heading1", "1": "heading2"}  # w:outlineLvl counts from 0; 9 is body text
    named, based_on, deeper = {}, {}, {}
    for style in root.iterfind("w:style", _NS) if root is not None else ():
        style_id = style.get(_tag("w:styleId"), "")
        name = style.find("w:name", _NS)
        name_text = (name.get(_tag("w:val"), "") if name is not None else "").lower()
        level = style.find("w:pPr/w:outlineLvl", _NS)
        outline = level.get(_tag("w:val"), "") if level is not None else ""
        sub = _SUB_LEVEL.fullmatch(name_text)
        if sub or outline.isdigit() and 2 <= int(outline) <= 8:
            deeper[style_id] = _FORMATTING["ilvl"] if sub and sub.group(1) else "heading level"
        kind = _CONTENTS if name_text.startswith("toc ") else kinds.get(name_text) or (
            kinds.get(sub.group(1)) if sub else None) or levels.get(outline)
        if kind:
            named[style_id] = kind
        base = style.find("w:basedOn", _NS)
        if base is not None:
            based_on[style_id] = base.get(_tag("w:val"), "")
    styles = {}
    for style_id in {*named, *based_on}:
        seen, at = set(), style_id
        while at in based_on and at not in named and at not in seen:
            seen.add(at)
            at = based_on[at]
        if at in named:
            styles[style_id] = named[at]
    return styles, deeper


def _list_kinds(package: _Package) -> dict[str, str]:
    """List (w:numId) -> bullet or numbered, by its first level's format: an editor without
    our list styles (Google Docs) writes lists as numbered paragraphs of the Normal style."""
    root = package.part_xml("numbering")
    if root is None:
        return {}
    formats = {abstract.get(_tag("w:abstractNumId")): abstract.find("w:lvl/w:numFmt", _NS)
               for abstract in root.iterfind("w:abstractNum", _NS)}
    kinds = {}
    for number in root.iterfind("w:num", _NS):
        abstract = number.find("w:abstractNumId", _NS)
        found = formats.get(abstract.get(_tag("w:val")) if abstract is not None else None)
        if found is not None:
            kinds[number.get(_tag("w:numId"))] = "bullet" if found.get(_tag("w:val")) == "bullet" \
                else "numbered"
    return kinds


def _style(p: Any, styles: dict[str, str], lists: dict[str, str], owner: str | None = None
           ) -> str:
    """The paragraph's block kind; as it was before a tracked formatting change (w:pPrChange:
    formatting is not text, and the project keeps none), but for the owner's own in a redline
    (a bullet made a line), which the version sent has already."""
    change = p.find("w:pPr/w:pPrChange", _NS)
    properties = None if change is None or change.get(_tag("w:author"), "") == owner \
        else change.find("w:pPr", _NS)
    if properties is None:
        properties = p.find("w:pPr", _NS)
    if properties is None:
        return "paragraph"
    style = properties.find("w:pStyle", _NS)
    name = style.get(_tag("w:val")) if style is not None else ""
    kind = styles.get(name) or _STYLE_IDS.get(name, "")
    if kind:
        return kind
    number = properties.find("w:numPr/w:numId", _NS)
    if number is None or number.get(_tag("w:val")) == "0":  # numId 0: numbering taken off
        return "paragraph"
    return lists.get(number.get(_tag("w:val")), "bullet")


def _merged(paragraphs: list[_Paragraph], accepted: Iterable[str] | None
            ) -> list[tuple[str, str, str]]:
    """(style, clause id, text) per paragraph once the accepted items are applied (a
    paragraph whose mark is gone runs on into the next, a sentence it ends apart from the
    next one's: "follower.If we are", as Word shows two paragraphs joined, is no sentence)."""
    merged: list[tuple[str, str, str]] = []
    carry, carried = "", "paragraph"
    for paragraph in paragraphs:
        own = paragraph.text(accepted)
        # a paragraph with none of its words left takes the style of the one it joins
        style = paragraph.style_in(accepted) if own.strip() or not carry.strip() else carried
        apart = carry.endswith((".", "!", "?", ":", ";")) and own[:1].isalnum()
        text = f"{carry} {own}" if apart else carry + own
        if paragraph.joins_next(accepted) and paragraph.style != "row":
            carry, carried = text, style
            continue
        carry = ""
        merged.append((style, paragraph.clause_id, _stripped(style, text)))
    if carry:
        merged.append((carried, paragraphs[-1].clause_id, carry.strip()))
    return merged


def _stripped(style: str, text: str) -> str:
    """The text with its spaces as the policy shows them (a run of spaces, non-breaking ones
    too, is one; none at its ends); a row keeps its cell breaks, so an empty first or last
    cell stays a cell (as the version sent has it)."""
    if style == "row":
        return "\t".join(" ".join(cell.split()) for cell in text.split("\t"))
    return " ".join(text.split())


def _lines_of(paragraphs: list[_Paragraph], accepted: Iterable[str] | None) -> list[str]:
    lines: list[str] = []
    step = 0
    for style, _, text in _merged(paragraphs, accepted):
        if not text.strip():
            continue
        step = step + 1 if style == "numbered" else 0
        lines.append(_line(style, text, step))
    return lines


def _line(style: str, text: str, step: int) -> str:
    if style == "bullet":
        return f"- {text}"
    if style == "numbered":
        return f"{step}. {text}"
    if style == "row":
        return "| " + " | ".join(" ".join(cell.split()) for cell in text.split("\t")) + " |"
    if style in ("heading1", "heading2"):
        return _HEADING + text
    return text


def _split_heading(lines: list[str]) -> tuple[str, str]:
    title = ""
    if lines and lines[0].startswith(_HEADING):
        title = _NUMBER.sub("", lines[0][1:]).strip()
        lines = lines[1:]
    return title, "\n".join(line.lstrip(_HEADING) for line in lines)


def _bodies(version: SentVersion) -> dict[str, str]:
    """Clause id -> (title line and) body as sent, written like Reply.clause_text."""
    by_clause: dict[str, list[str]] = {}
    step = 0
    for index, text in enumerate(version.paragraphs):
        clause_id = version.clause_ids[index] if index < len(version.clause_ids) else ""
        style = version.styles[index] if index < len(version.styles) else "paragraph"
        step = step + 1 if style == "numbered" else 0
        by_clause.setdefault(clause_id, []).append(_line(style, text, step))
    return {clause_id: "\n".join(lines) for clause_id, lines in by_clause.items()}


def _sections(version: SentVersion) -> dict[str, str]:
    sections: dict[str, str] = {}
    section = ""
    for clause_id, style in zip(version.clause_ids, version.styles, strict=False):
        if style == "heading1":
            section = clause_id
        sections.setdefault(clause_id, section)
    return sections


def _untracked(reader: _Reader, version: SentVersion, base: SentVersion | None, count: int
               ) -> list[ReviewItem]:
    """An item for each clause whose text (with counsel's tracked changes rejected) is not
    the text sent, or that is gone: it was edited with Track Changes off (its heading's number
    alone: a numbering change, not taken, as _Reader._renumbered tells). In a reply to a
    redline (compared with `base`), a clause that lost some of the owner's changes and
    nothing else is counsel rejecting them (a rejected change leaves no mark)."""
    from .tracked_changes import diff_text

    sent, earlier = _bodies(version), _bodies(base) if base else {}
    reply: dict[str, list[_Paragraph]] = {}
    for paragraph in reader.paragraphs:
        if not paragraph.new_clause:
            reply.setdefault(paragraph.clause_id, []).append(paragraph)
    items = []
    for clause_id, before in sent.items():  # a clause gone from the reply was taken out
        if not clause_id and clause_id not in reply:
            continue  # the title block, which the reply's clauses do not include
        now = "\n".join(_lines_of(reply.get(clause_id, []), reader.as_sent))
        if now == before:
            continue
        count += 1
        lines = [text.split("\n") for text in (before, now)]
        if _split_heading(lines[0]) == _split_heading(lines[1]):  # only the heading's number
            items.append(ReviewItem(f"c{count}", NUMBERING, clause_id,
                                    text=_renumbering(lines[0][0][1:], lines[1][0][1:])))
            continue
        if clause_id in earlier and _undoes(earlier[clause_id], before, now):
            undone = _sentences_only_in(before, now) or _sentences_only_in(now, before)
            items.append(ReviewItem(f"c{count}", REJECTION, clause_id, text=" ".join(undone)))
            continue
        edits = diff_text(before.replace(_HEADING, ""), now.replace(_HEADING, ""))
        items.append(ReviewItem(f"c{count}", UNTRACKED, clause_id,
                                text=_edits_said(edits) or _relaid(before, now)))
    return items


def _edits_said(edits: Iterable[Edit]) -> str:
    """An untracked edit's changes in words: the words added where counsel only added, and
    what counsel typed over in its place ('"during work time" now reads "at work"'): the
    words added alone read "at", and the owner could not tell what had changed (found by a
    tester). Only words taken out: "taken out: ...". Each run of changes side by side is one
    (their words without the marks of the lines around them, "- " and "|")."""
    from .tracked_changes import DELETED, INSERTED

    runs: list[dict[str, list[str]]] = [{}]
    for edit in edits:
        if edit.change in (INSERTED, DELETED):
            words = edit.text.strip(" \n-|")
            if words:
                runs[-1].setdefault(edit.change, []).append(words)
        elif runs[-1]:
            runs.append({})
    said = [(" ".join(run.get(DELETED, ())), " ".join(run.get(INSERTED, ())))
            for run in runs if run]
    if not any(added for _, added in said):
        return "taken out: " + " ... ".join(taken for taken, _ in said) if said else ""
    return " ... ".join(_reads_now(taken, added) if taken else added for taken, added in said)


def _relaid(before: str, now: str) -> str:
    """What an edit that keeps a clause's words did: each paragraph split in two (Enter typed
    inside it, which was called a change of layout; found by a tester), else a paragraph made
    a list item or table row, or no longer one."""
    from difflib import SequenceMatcher

    old, new = (text.replace(_HEADING, "").split("\n") for text in (before, now))
    splits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        halves = [_LIST_MARK.sub("", line) for line in new[j1:j2]]
        if (i2 - i1, j2 - j1) != (1, 2) or \
                " ".join(halves).split() != _LIST_MARK.sub("", old[i1]).split():
            return "the same words, as a list or table now, or no longer (its layout)"
        words = halves[0].split()
        splits.append(f'paragraph split in two after "{"..." * (len(words) > 6)}'
                      f'{" ".join(words[-6:])}"')
    return "; ".join(splits)


def _undoes(base: str, made: str, now: str) -> bool:
    """Whether `now` is `made` with some of its changes to `base` taken out, and no other
    (each choice of the changes is tried: a clause has a few)."""
    from itertools import product

    base, made, now = (_spaced(text.replace(_HEADING, "")) for text in (base, made, now))
    changes = _changes(base, made)
    if now == made or len(changes) > 10:
        return False
    for kept in product((False, True), repeat=len(changes)):
        words = _tokens(base)
        for (start, end, new), keep in sorted(zip(changes, kept, strict=True), reverse=True):
            if keep:
                words[start:end] = new
        if "".join(words) == now:
            return True
    return False


_LIST_MARK = re.compile(r"^(?:- |\d+\. )")  # as _line writes a list's items


def _sentences_only_in(text: str, other: str) -> list[str]:
    """The sentences of text (line by line, without the heading mark, a bullet's dash or an
    item's number, which a deleted item changes for those after it) that other lacks."""
    from .tracked_changes import sentences

    def split(words: str) -> list[str]:
        return [s.strip() for line in words.replace(_HEADING, "").split("\n")
                for s in sentences(_LIST_MARK.sub("", line)) if s.strip()]
    known = set(split(other))
    return [sentence for sentence in split(text) if sentence not in known]


def _described(picture: Any) -> str:
    """A picture's description: its alt text, else its title or name (DrawingML); VML has
    alt on its shape, or words of its own on a text path (WordArt, Word's watermarks)."""
    described = picture.find(".//wp:docPr", _NS)
    if described is not None:
        return described.get("descr") or described.get("title") or described.get("name", "")
    return next((n.get("alt") or n.get("string") for n in picture.iter()
                 if n.get("alt") or n.get("string")), "")


def _comment_text(comment: Any) -> str:
    """A comment's words, a line per paragraph; a table in it reads a line per row, as the
    policy's rows do ("| Photos | Client |"; each cell was a line of its own). A picture in
    it (a screenshot counsel pasted) is said after its paragraph's words: the note keeps text
    only, and a comment of a picture alone read as no words at all (found by a tester)."""
    lines = []
    for block in comment.iter(_tag("w:p"), _tag("w:tr")):
        if block.tag == _tag("w:tr"):
            lines.append(_line("row", "\t".join(" ".join(map(_plain, cell.iterfind(
                ".//w:p", _NS))) for cell in block.iterfind("w:tc", _NS)), 0))
        elif next(block.iterancestors(_tag("w:tr")), None) is None:
            pictures = [picture for picture in _own(block, block.iter(*_PICTURES), _tag("w:p"))
                        if next(picture.iterancestors(*_PICTURES), None) is None]
            lines.append(" ".join([_plain(block), *map(_picture_said, pictures)]).strip())
    return "\n".join(lines).strip()


def _picture_said(picture: Any) -> str:
    described = _described(picture)
    return f"(picture{': ' + described if described else ''}; open counsel's Word file to see it)"


def _comments(package: _Package, reader: _Reader, owner: str, own_notes: set[str],
              asked: dict[str, str], count: int, sent_on: datetime | None) -> list[ReviewItem]:
    """Counsel's comments and replies (the owner's own notes are context, not items: told by
    their author, or by their words when the file's authors were made anonymous, as Word's
    "remove personal information" does). Unless the version was a redline (sent_on None: it
    may be written again, its notes with it), a comment in the owner's name dated other than
    when the version was sent is someone's at the owner's computer: counsel's; so is one
    undated (Google Docs and LibreOffice may write none) that holds none of the owner's
    notes, such as the owner's side answering counsel's question. Words typed
    after the owner's question in their own comment are a reply to it. A question the file
    carried (`asked`: its clause by its words) that the reply has no comment with is one
    counsel took out: an item that says so (the reply read as having nothing in it, and
    the question stayed open, silently; found by a tester)."""
    def owners(comment: Any, text: str) -> bool:
        if comment.get(_tag("w:author"), "") != owner:
            return False
        written = written_at(comment)
        if written is None:  # undated (Google Docs, LibreOffice): the owner's if it asks theirs
            return any(note in text for note in own_notes)
        return sent_on is None or abs(written - sent_on) < timedelta(minutes=1)

    root = package.part_xml("comments")
    threads: dict[str, Any] = {}  # a comment's last paragraph's paraId -> its w15:commentEx
    extended = package.part_xml("commentsExtended")
    for entry in extended.iterfind("w15:commentEx", _NS) if extended is not None else ():
        threads[entry.get(_tag("w15:paraId"))] = entry
    written = []  # comment, its text, its last paragraph's paraId, its item ("": the owner's)
    for comment in root.iterfind("w:comment", _NS) if root is not None else ():
        paragraphs = comment.findall(".//w:p", _NS)
        text = _comment_text(comment)
        para_id = paragraphs[-1].get(_tag("w14:paraId"), "") if paragraphs else ""
        if owners(comment, text) or any(text.endswith(note) for note in own_notes):
            written.append((comment, text, para_id, ""))
        else:
            count += 1
            written.append((comment, text, para_id, f"c{count}"))
    by_para = {entry[2]: entry for entry in written if entry[2]}

    def parent_of(para_id: str) -> str:
        thread = threads.get(para_id)
        return thread.get(_tag("w15:paraIdParent"), "") if thread is not None else ""

    def clauses(comment: Any, above: tuple[str, ...] = ("",)) -> tuple[str, ...]:
        """The clauses the comment covers; a reply outside every clause takes its thread's."""
        own = tuple(reader.comment_clauses.get(comment.get(_tag("w:id")), [""]))
        return own if own[0] else above

    def thread_of(para_id: str, depth: int = 0) -> tuple[str, str, tuple[str, ...]]:
        """(item, the owner's note it answers, clauses) that a reply to the comment ending in
        para_id takes on, whatever order the file lists the thread in."""
        if para_id not in by_para or depth > len(written):  # none, or a loop of replies
            return "", "", ("",)
        comment, text, _, item_id = by_para[para_id]
        _, note, above = thread_of(parent_of(para_id), depth + 1)
        return item_id, note if item_id else text, clauses(comment, above)

    items: list[ReviewItem] = []
    for comment, text, para_id, item_id in written:
        if not item_id:
            continue
        parent_item, parent_note, parent_clauses = thread_of(parent_of(para_id))
        first, *more = clauses(comment, parent_clauses)
        thread = threads.get(para_id)
        items.append(ReviewItem(
            item_id, "reply" if parent_item or parent_note else "comment", first,
            comment.get(_tag("w:author"), ""), written_at(comment), text,
            parent_item, parent_note, thread is not None and thread.get(_tag("w15:done")) == "1",
            tuple(more), new_clause=reader.comment_new_clauses.get(comment.get(_tag("w:id")), "")))
    for comment, text, para_id, item_id in written:  # the owner's own, marked done or typed in
        if item_id:
            continue
        thread = threads.get(para_id)
        question = next((note for note in own_notes if note in text), text)
        first, *more = clauses(comment)
        if thread is not None and thread.get(_tag("w15:done")) == "1":
            count += 1
            items.append(ReviewItem(
                f"c{count}", "comment", first, text=f"Marked done: \"{question}\"",
                owner_note=question, resolved=True, also_clauses=tuple(more)))
        typed = text.rpartition(question)[2].strip() if question else ""
        if typed:  # the words are not the owner's, whoever the comment names
            count += 1
            items.append(ReviewItem(f"c{count}", "reply", first, text=typed,
                                    owner_note=question, also_clauses=tuple(more)))
    for question, clause_id in asked.items():
        if not any(question in text for _, text, _, _ in written):
            count += 1
            items.append(ReviewItem(f"c{count}", "comment", clause_id, text="Counsel took out "
                                    f"your question without answering it: \"{question}\"",
                                    owner_note=question))
    return items


def _footnotes(package: _Package, reader: _Reader, count: int) -> list[ReviewItem]:
    """Footnotes and endnotes (our files have none, so someone in review wrote them): kept as
    notes on the clause they are in, as the project has no footnotes."""
    items = []
    for name in _NOTES.values():
        root = package.part_xml(f"{name}s")
        for note in root.iterfind(f"w:{name}", _NS) if root is not None else ():
            reference, clause_id, new_clause = reader.notes.get((name, note.get(_tag("w:id"))),
                                                                (None, "", ""))
            if note.get(_tag("w:type"), "normal") != "normal" or reference is None:
                continue  # a separator, or a note nothing in the text points to
            change = next(reference.iterancestors(*_ADDS), None)
            author = change.get(_tag("w:author"), "") if change is not None else ""
            date = written_at(change) if change is not None else None
            count += 1
            text = "\n".join(_plain(p) for p in note.iter(_tag("w:p"))).strip()
            items.append(ReviewItem(f"c{count}", "footnote", clause_id, author, date, text,
                                    new_clause=new_clause))
    return items


# --- Applying --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    """What the owner does with one item: accept (as `how`, or the best fit), reject, or
    reply (a comment, with the owner's words)."""

    action: str  # "accept", "reject" or "reply"
    how: str = ""  # ANSWER, WORDING or NEW_CLAUSE; "" for the best fit
    text: str = ""  # the owner's reply
    old_name: bool = False  # accepted knowing it brings back the company's old name


DONE_WORDS = {"accept": "Accepted", "reject": "Rejected", "reply": "Answered"}


@dataclass
class Outcome:
    """What applying the decisions did, in sentences an owner reads."""

    done: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # accepted, but not put in the project (a warning says why): left undecided, not listed
    # as accepted (found by a tester)
    not_taken: set[str] = field(default_factory=set)


def apply_decisions(project: Project, reply: Reply, decisions: dict[str, Decision],
                    now: datetime | None = None) -> Outcome:
    """Apply accepted items to the project in place (the caller saves it); the reply is kept
    as a version, so a later redline compares with what counsel last saw. The risks a change
    brings are risks_added's, from checks the caller runs (the window's run off its thread)."""
    outcome = Outcome()
    for item_id in decisions:
        reply.item(item_id)  # unknown ids are refused before anything changes
    decisions = reply.with_other_halves(decisions)
    from .render import clause_names, render_document
    from .tracked_changes import paragraph_records

    document = render_document(project, reply.version.kind)  # as the file sent has it
    decisions = _without_clause_moves(project, reply, decisions, outcome, document)
    decisions = _without_old_name(project, reply, decisions, outcome)
    shown = paragraph_records(document)
    protections = _protections(project)
    accepted = {i for i, d in decisions.items() if d.action == "accept"}
    before = {i for i, d in reply.decided(project).items() if d.action == "accept"}
    tables = _new_tables(reply) & accepted
    if tables:
        accepted -= tables
        outcome.not_taken |= tables
        outcome.warnings.append(f"{reply.named(tables)}: counsel added a table where the "
                                "policy has none, which it cannot hold as a table, so it is "
                                "not kept; add it to the Word file after you export it")
    by_clause: dict[str, list[ReviewItem]] = {}
    for item in reply.items:
        if item.id in accepted and item.changes_text and not _as_clause(item, decisions):
            for clause_id in reply.clauses_of(item, accepted | before):
                by_clause.setdefault(clause_id, []).append(item)
        elif item.id in accepted and reply.splits(item.id):  # the clause it was typed in ends
            by_clause.setdefault(item.clause_id, []).append(item)
    renamed, renaming = _company_renamed(project, reply, accepted | before)
    if renamed:
        project.company.name = renamed
        outcome.done.append(f"The company's name: now \"{renamed}\", as counsel wrote it "
                            "everywhere")
        # a clause the new name alone changes follows it (one worded by the owner takes it
        # as any change of counsel's)
        worded = {wording.clause_id for wording in project.wording}
        by_clause = {clause_id: items for clause_id, items in by_clause.items()
                     if clause_id in worded or {i.id for i in items} - renaming}
    # as the owner knows them before the changes (a note's clause too: "c5" means nothing)
    names = clause_names(project, {*by_clause, *(i.clause_id for i in reply.items
                                                 if i.is_comment and i.clause_id),
                                   *(clause_id for i in reply.items
                                     for _, clause_id in i.refers_to)}, document)
    headed = {section for clause_id, section in reply.sections.items()
              if section != clause_id and reply.clause_text(clause_id, accepted | before)[0]}
    for clause_id, items in by_clause.items():
        hows = {decisions[item.id].how for item in items}
        _apply_clause(project, reply, clause_id, {item.id for item in items}, before, hows,
                      outcome, names.get(clause_id, ""), clause_id in headed)
    for item in reply.items:
        decision = decisions.get(item.id)
        if decision is None or decision.action == "reject":
            continue
        if decision.action == "accept" and _as_clause(item, decisions):
            _add_clause(project, reply, item, outcome)
        elif item.is_comment:
            _keep_comment(project, reply, item, decision, outcome,
                          *_noted_on(project, reply, item, names))
        elif item.kind == PICTURE:
            outcome.not_taken.add(item.id)
            outcome.warnings.append(f"{reply.named([item.id])}: the policy holds text only, so "
                                    "the picture is "
                                    "not kept; add it to the Word file after you export it")
        elif item.kind == CONTENTS_EDIT:
            outcome.not_taken.add(item.id)
            outcome.warnings.append(f"{reply.named([item.id])}: {item.text}; change the heading "
                                    "itself to "
                                    "rename the section")
        elif item.kind == NUMBERING:
            outcome.not_taken.add(item.id)
            outcome.done.append(f"{reply.named([item.id])}: {item.text}")
    for item in reply.items:
        if item.refers_to and item.id in accepted - before - outcome.not_taken:
            outcome.warnings.append(f"{names.get(item.clause_id) or 'The policy'}: counsel's "
                                    f"change has {cross_references_said(item, names)}")
    for item in reply.items:
        if item.id in accepted - before - outcome.not_taken and item.kind != "deletion" \
                and not item.is_comment:
            outcome.warnings.extend(
                f"{names.get(item.clause_id) or 'The policy'}: counsel's words hold "
                f'"{blank}", left for you to fill in; put your own words in its place before '
                "the policy goes out" for blank in _PLACEHOLDER.findall(item.text))
    _place_counsels_clauses(project, reply)
    _drop_empty_sections(project, reply, outcome)
    for clause_id, sentence in sorted(protections - _protections(project)):
        outcome.warnings.append(f"{names.get(clause_id, 'The policy')}: counsel's change removes "
                                f"a protection of employees' rights: \"{sentence}\"")
    _record_reply(project, reply, now, shown)
    project.counsel_decisions = {**project.counsel_decisions, reply.key: {
        **project.counsel_decisions.get(reply.key, {}),
        **{item_id: decision.action for item_id, decision in decisions.items()
           if item_id not in outcome.not_taken}}}
    return outcome


def cross_references_said(item: ReviewItem, names: dict[str, str]) -> str:
    """The cross-references in counsel's change, for the owner to check (`names`: the clauses
    named by clause_names): 'a cross-reference ("4.6") to 4.6 Confidential business
    information, which ...'."""
    pointed = "; ".join(f'("{shown}") to {names.get(clause_id) or "a place outside the clauses"}'
                        for shown, clause_id in item.refers_to)
    return f"a cross-reference {pointed}, which the policy keeps as plain words: check it if " \
           "the clauses are renumbered"


def _new_tables(reply: Reply) -> set[str]:
    """The items that add table rows to a clause sent with no table: taken, they became text
    such as "| Role | Referral bonus |" in an answer, read by the risk check as a rule (found
    by a tester)."""
    return {item for paragraph in reply.paragraphs if paragraph.style == "row"
            and "\n| " not in "\n" + reply.sent_bodies.get(paragraph.clause_id, "")
            for _, _, item in paragraph.pieces if item}


def _company_renamed(project: Project, reply: Reply, accepted: set[str]
                     ) -> tuple[str, set[str]]:
    """The company's new name and the items that give it, when counsel replaced its name with
    the same words in every place the version sent shows it (else "", and each clause keeps
    counsel's words as its own): changed clause by clause, the name stayed the old one and 15
    clauses were frozen in counsel's wording (found by a tester). In fewer places it is no
    rename: "Northwind" in one sentence is counsel's wording there."""
    name = project.company.name
    places = sum(text.count(name) for text in reply.version.paragraphs)
    new_names, items = set(), set()
    for deletion, insertion in zip(reply.items, reply.items[1:], strict=False):
        clause_id = deletion.clause_id
        if (deletion.kind, insertion.kind) != ("deletion", "insertion") or deletion.text != name \
                or insertion.clause_id != clause_id or not {deletion.id, insertion.id} <= accepted:
            continue
        was = "\n".join(reply.clause_text(clause_id, ()))
        now = "\n".join(reply.clause_text(clause_id, {deletion.id, insertion.id}))
        if any(was[:m.start()] + insertion.text + was[m.end():] == now
               for m in re.finditer(re.escape(name), was)):
            new_names.add(insertion.text)
            items |= {deletion.id, insertion.id}
    if len(new_names) != 1 or len(items) != 2 * places:
        return "", set()
    return new_names.pop(), items


def _without_old_name(project: Project, reply: Reply, decisions: dict[str, Decision],
                      outcome: Outcome) -> dict[str, Decision]:
    """The decisions but for changes accepted that bring back the company's old name, unless
    the owner chose that (Decision.old_name): each is left open, with a warning."""
    decided = reply.decided(project)
    refused = {i for i, d in decisions.items() if d.action == "accept" and not d.old_name
               and i not in decided and old_name_back(project, reply, reply.item(i))}
    for item_id in sorted(refused, key=lambda i: reply.items.index(reply.item(i))):
        outcome.warnings.append(
            f"{reply.named([item_id])}: counsel's reply was made on {reply.version.id}, an "
            f"older version, and accepting this would bring back "
            f"\"{company_in(reply.version)}\", the company's name then (it is "
            f"\"{project.company.name}\" now), so it is not taken; accept it again and "
            "choose to bring that name back, or make the change yourself")
    outcome.not_taken |= refused
    return {i: d for i, d in decisions.items() if i not in refused}


def _without_clause_moves(project: Project, reply: Reply, decisions: dict[str, Decision],
                          outcome: Outcome, document: Document) -> dict[str, Decision]:
    """The decisions but for accepted moves of a whole clause, which are not taken, each
    clause said once: the app puts each clause in its place, so a clause moved would come
    back there, and its heading taken into another clause (its words left behind if only
    the heading's move was accepted) mixed two clauses."""
    from .render import clause_names

    moved = reply.moved_clauses()
    refused = {i for i, d in decisions.items() if d.action == "accept" and i in moved}
    for clause_id in dict.fromkeys(moved[item.id] for item in reply.items if item.id in refused):
        arrived = next((at for at, p in enumerate(reply.paragraphs) if any(
            tag == _tag("w:moveTo") and moved.get(item) == clause_id
            for _, tag, item in p.pieces)), 0)
        after = reply.paragraphs[arrived - 1].clause_id if arrived else ""
        names = clause_names(project, [clause_id, after], document)
        where = f"after {names[after]}" if after and after != clause_id else "elsewhere"
        outcome.warnings.append(
            f"{names[clause_id]}: counsel moved the whole clause, heading and all, {where}; the "
            "app keeps each clause in its own place, so the move is not taken and the clause "
            "stays where it was, whole (to have it there, add its words there as a rule of "
            "your own, and take them out here with Edit wording)")
    outcome.not_taken |= refused
    return {i: d for i, d in decisions.items() if i not in refused}


def risks_added(project: Project, before: Iterable[Finding], after: Iterable[Finding],
                document: Document | None = None) -> list[str]:
    """The risks accepted changes brought, in sentences an owner reads: each finding of the
    check after them (`after`, of `project` as it is now, rendered as `document`), a warning or
    worse, that the check before them did not have, with its clause as the owner knows it."""
    from .render import clause_names

    had = {(finding.rule, finding.clause_id) for finding in before}
    new = [finding for finding in after
           if (finding.rule, finding.clause_id) not in had and finding.at_least("warning")]
    names = clause_names(project, [finding.clause_id for finding in new], document) if new else {}
    return [f"{names.get(finding.clause_id, 'The policy')}: {finding.reason}" for finding in new]


def _as_clause(item: ReviewItem, decisions: dict[str, Decision]) -> bool:
    """Whether accepting the item makes a clause of the owner's own."""
    return item.kind == NEW_CLAUSE or decisions[item.id].how == NEW_CLAUSE


def _apply_clause(project: Project, reply: Reply, clause_id: str, accepted: set[str],
                  before: set[str], hows: set[str], outcome: Outcome, name: str,
                  has_clauses: bool) -> None:
    """Counsel's accepted items in one clause, put in the project (`before`: those of the
    reply accepted when it was read before); `has_clauses`: a section that keeps a clause of
    its own once every accepted item is applied."""
    from .render import clause_names, clause_texts, own_wording, render_document

    if not clause_id or clause_id not in reply.sent_bodies:
        outcome.not_taken |= accepted
        outcome.warnings.append(f"{reply.named(accepted)}: in the page header or "
                                "footer, which the policy writes for itself, so there is "
                                "nowhere to keep it; make the change in the Word file after "
                                "you export it")
        return
    reads_now = clause_texts(render_document(project, reply.version.kind)).get(clause_id)
    earlier = before or _accepted_before(reply, clause_id, accepted, reads_now)
    decided, accepted = accepted, accepted | earlier  # decided now, and with those before
    reading = _reading(reply, clause_id, accepted)
    if reading is None:
        outcome.not_taken |= decided
        outcome.warnings.append(f"{name}: counsel's change there touches words counsel also "
                                "changed with Track Changes off; accept that edit with it, or "
                                "make the change yourself")
        return
    title, body = reading
    if reads_now is None and not title and not body.strip():
        return  # taken out by a change accepted when the reply was read before
    if has_clauses and not title:  # the policy writes a section's heading over its clauses
        outcome.not_taken |= decided
        outcome.warnings.append(f"{name}: counsel took out the section's heading but not its "
                                "clauses; a section keeps its heading while it has clauses, "
                                "so it stays")
        return
    merged = _with_owners_later_changes(reply, clause_id, accepted, earlier, body, reads_now)
    if merged is None:  # those that do not touch the words changed since are applied
        applied = _mergeable(reply, clause_id, decided, earlier, reads_now)
        refused = decided - applied
        received = reply.clause_text(clause_id, ())[1]
        theirs = reply.clause_text(clause_id, refused | earlier)[1]
        added = _sentences_only_in(theirs, received)
        quoted = f"counsel's text: \"{' '.join(added)}\"" if added else \
            f"counsel took out: \"{' '.join(_sentences_only_in(received, theirs))}\""
        outcome.not_taken |= refused
        named = reply.named(refused)
        outcome.warnings.append(
            f"{name}: {_changed_since(project, reply, clause_id)} since you sent it changed "
            f"the same words, so {named[0].lower()}{named[1:]} "
            f"{'is' if len(refused) == 1 else 'are'} not applied; {quoted}")
        if applied:
            _apply_clause(project, reply, clause_id, applied, before, hows, outcome, name,
                          has_clauses)
        return
    if merged != body:
        outcome.done.append(f"{name}: {_changed_since(project, reply, clause_id)} since you "
                            "sent it are kept beside counsel's")
        body = merged
    paths = []
    if hows <= {"", ANSWER}:
        shown = clause_texts(render_document(project, reply.version.kind))
        paths = _answers_for(project, clause_id, body)
        whole = bool(paths)
        if not paths and reads_now is not None:
            paths = _answers_for_parts(project, clause_id, body, reads_now)
            whole = bool(paths) and body == clause_texts(
                render_document(project, own_wording=False)).get(clause_id)
            if whole:  # answer by answer, they give it all
                _follow_answers(project, clause_id)
        if paths:
            from .questions import question_at

            labels = list(dict.fromkeys(question.title if question else ".".join(map(str, path))
                                        for path in paths for question in [question_at(path)]))
            answered = render_document(project, reply.version.kind)
            now = clause_texts(answered)
            names = clause_names(project)
            also = [names[other] for other, text in now.items()
                    if other != clause_id and shown.get(other) != text]  # restated there
            verb = "repeats it and changes" if len(also) == 1 else "repeat it and change"
            repeated = f"; {_quoted(also)} {verb} with it" if also else ""
            outcome.done.append(f"{name}: kept as your answer to {_quoted(labels)}{repeated}"
                                if whole else f"{name}: your answer to {_quoted(labels)} "
                                f"changed with counsel's lines{repeated}")
            if whole and (not title or _heading(answered, clause_id) in (None, title)):
                return  # else counsel renamed it too, or changed more: kept below
        if ANSWER in hows:
            outcome.warnings.append(f"{name}: no single answer gives "
                                    f"{'the rest of ' if paths else ''}counsel's text; "
                                    "kept as the clause's wording")
    current = render_document(project, reply.version.kind)
    generated_title = _heading(current, clause_id)
    if generated_title is None:  # the title block, or a clause gone since: no wording to keep
        untaken = decided - _read_as_answers(reply, clause_id, decided, accepted, clause_texts(
            current).get(clause_id, "")) if paths else decided
        if not untaken:
            return
        outcome.not_taken |= untaken
        sent_title = reply.clause_text(clause_id, ())[0]
        outcome.warnings.append(
            f"{reply.named(untaken)}: in \"{sent_title}\", a clause you took out of the policy "
            f"since you sent {reply.version.id}, so not kept; bring the clause back to accept "
            f"{'it' if len(untaken) == 1 else 'them'}" if sent_title else
            f"{reply.named(untaken)}: counsel changed text that is not in a clause (such as the "
            "title block); change the answers behind it yourself")
        return
    if title and title != generated_title and not body.strip() \
            and reply.sections.get(clause_id) != clause_id:  # a section's heading has no rules
        title, body = "", title  # counsel's heading with no rule under it: its words are the rule
    own_title = getattr(project.wording_for(clause_id), "title", "")
    # counsel's heading where they changed it, or kept it with no words under it (what counsel
    # left: the heading stays, alone); where they kept it over words, the title the owner (or
    # counsel, in an earlier round) gave the clause stays
    kept_title = title if title and (title != generated_title or not body.strip()) \
        else own_title if body.strip() else ""
    if not title and body.strip() and reply.clause_text(clause_id, ())[0]:
        outcome.warnings.append(f"{name}: counsel took out the clause's title but not its "
                                "words; a clause keeps a title, so it stays (accept counsel's "
                                "new title with it, if there is one)")
    wording = own_wording(project, clause_id, body, kept_title)
    removed = not body.strip() and not title
    if clause_texts(current).get(clause_id) == body and kept_title == own_title and not removed \
            and not paths:  # else the wording is kept as it reads with the answers changed
        outcome.done.append(f"{name}: already says this")
        return
    # a clause has one wording, for both documents: counsel's words for the document the
    # project does not use never replace those of the one it does
    other = _worded_otherwise(project, clause_id, reply.version.kind) \
        if reply.version.kind != project.company.document_type else None
    if other and (removed or wording is not None and not wording.title_only):
        outcome.not_taken |= decided
        outcome.warnings.append(
            f"{name}: counsel changed it in the {_KIND_WORDS[reply.version.kind]}, and the "
            f"{_KIND_WORDS[other]} words it otherwise, so it is not kept (a clause has one "
            f"wording, and this one would put the words of the {_KIND_WORDS[reply.version.kind]} "
            f"in your {_KIND_WORDS[other]}); make the change in the Word file after you export "
            "it")
        return
    project.wording = [w for w in project.wording if w.clause_id != clause_id] + \
        ([wording] if wording else [])
    if removed:
        into = reply.read_on_in(clause_id, accepted)  # its heading deleted, its words kept
        outcome.done.append(f"{name}: removed, as counsel deleted it" + (
            f"; its words are now at the end of {clause_names(project, [into])[into]}"
            if into else "") + " (Revert to the generated wording brings it back)")
    elif not body.strip() and clause_texts(current).get(clause_id, "").strip():
        outcome.done.append(f"{name}: its words removed, as counsel deleted them; its heading "
                            "stays, as counsel left it (Revert to the generated wording brings "
                            "the words back)")
    else:
        kept = "title" if wording and wording.title_only else "wording"
        outcome.done.append(f"{name}: kept counsel's {kept}")


# Counsel's other changes in one clause, at most, that _accepted_before tries in every
# combination (2^8 readings of the clause, some 0.1 s); a clause with more is merged as edited
# by the owner. _mergeable tries as many of the changes decided.
_EARLIER_AT_MOST = 8


def _accepted_before(reply: Reply, clause_id: str, accepted: set[str],
                     now: str | None) -> set[str]:
    """Counsel's other changes in the clause that the policy already reads with (its body
    `now`, None if it has none): accepted when
    the reply was read before (the window's reply opened again, or the command line run once
    per change), which the project does not list. The fewest whose reply text is the clause's
    text now; none when no combination gives it (the owner edited it since: merged as theirs).
    Without them the other half of a replacement accepted later met its first half as the
    owner's edit of the same words, and counsel's words were lost."""
    from itertools import combinations

    others = [item.id for item in reply.items if item.changes_text and item.id not in accepted
              and clause_id in reply.clauses_of(item)]
    if now is None or len(others) > _EARLIER_AT_MOST \
            or _spaced(now) == _spaced(reply.clause_text(clause_id, ())[1]):
        return set()
    return next((set(some) for size in range(1, len(others) + 1)
                 for some in combinations(others, size)
                 for reading in [_reading(reply, clause_id, some)]
                 if reading is not None and _spaced(reading[1]) == _spaced(now)), set())


_KIND_WORDS = {DocumentType.FULL: "full policy", DocumentType.SHORT: "short guidelines"}


def _mergeable(reply: Reply, clause_id: str, decided: set[str], earlier: set[str],
               now: str | None) -> set[str]:
    """The most of the `decided` items in the clause (each with the other half of its
    replacement) that go into it as it reads `now`, beside the changes made since it was
    sent (by the owner, or in counsel's other replies the owner accepted); none when there are
    more than _EARLIER_AT_MOST. Else one change touching those words kept all the others out,
    and one reply's changes merged with another's on a wrong base doubled a list item."""
    from itertools import combinations

    units: list[set[str]] = []
    for item_id in sorted(decided):
        if not any(item_id in unit for unit in units):
            units.append({item_id, *(reply._replaced_with(item_id) & decided)})
    if len(units) > _EARLIER_AT_MOST:
        return set()
    return next((ids for size in range(len(units) - 1, 0, -1)
                 for some in combinations(units, size) for ids in [set().union(*some)]
                 for reading in [_reading(reply, clause_id, ids | earlier)]
                 if reading is not None and _with_owners_later_changes(
                     reply, clause_id, ids | earlier, earlier, reading[1], now) is not None),
                set())


def _changed_since(project: Project, reply: Reply, clause_id: str) -> str:
    """Whose changes the clause has since the version the reply answers was sent: those of
    counsel's other replies the owner accepted since (their reviewers named), else the
    owner's; it was "you changed this clause" when another lawyer's reply had."""
    sent, ids = reply.sent_bodies.get(clause_id), [v.id for v in project.sent_versions]
    since = project.sent_versions[ids.index(reply.version.id) + 1:] \
        if reply.version.id in ids else []
    reviewers = list(dict.fromkeys(
        version.label.removeprefix(_REPLY_FROM).strip() for version in since
        if version.reply_key not in ("", reply.key) and _bodies(version).get(clause_id, sent)
        != sent))
    if not reviewers:
        return "your changes"
    return f"the changes you accepted from the repl{'y' if len(reviewers) == 1 else 'ies'} " \
        f"of {' and '.join(reviewers)}"


def _worded_otherwise(project: Project, clause_id: str, kind: DocumentType
                      ) -> DocumentType | None:
    """The other document, when it has the clause in words of its own (the acknowledgement:
    "I have read it" in the policy, "I have read them" in the guidelines); else None."""
    from .render import clause_texts, render_document

    other = DocumentType.SHORT if kind == DocumentType.FULL else DocumentType.FULL
    texts = [clause_texts(render_document(project, document, own_wording=False)).get(clause_id)
             for document in (kind, other)]
    return other if texts[1] is not None and texts[0] != texts[1] else None


def _heading(document: Document, clause_id: str) -> str | None:
    """The clause's heading as the document shows it; None for the title block, or a clause
    the document no longer has."""
    block = next((b for b in document.blocks if b.clause_id == clause_id
                  and b.kind in ("heading1", "heading2")), None)
    return None if block is None else "".join(run.text for run in block.runs)


def _quoted(names: list[str]) -> str:
    """'"A"', '"A" and "B"', '"A", "B" and "C"'."""
    quoted = [f'"{name}"' for name in names]
    return " and ".join(filter(None, [", ".join(quoted[:-1]), *quoted[-1:]]))


def _reading(reply: Reply, clause_id: str, accepted: Iterable[str]) -> tuple[str, str] | None:
    """The clause's (title, body) with these of counsel's items accepted: the reply's text,
    but for counsel's edits made with Track Changes off (or a change of the owner's counsel
    undid) that are not among them: the text sent, with the accepted changes made to it;
    None where those change the same words. Their words are in every reading of the reply,
    so accepting another change took them too, rejected or not yet decided (found by a
    tester)."""
    title, body = reply.clause_text(clause_id, accepted)
    if not any(item.clause_id == clause_id and item.kind in _UNMARKED
               and item.id not in accepted for item in reply.items):
        return title, body
    as_sent = "\n".join(_split_heading(reply.sent_bodies[clause_id].split("\n")))
    merged = _merge3(_spaced("\n".join(reply.clause_text(clause_id, ()))),
                     _spaced(f"{title}\n{body}"), _spaced(as_sent))
    if merged is None:
        return None
    kept_title, _, kept_body = merged.partition("\n")
    return kept_title, kept_body


def _with_owners_later_changes(reply: Reply, clause_id: str, accepted: set[str],
                               earlier: set[str], body: str, now: str | None) -> str | None:
    """The clause's body with counsel's accepted changes, keeping what the owner changed in
    it after sending (its body `now`; counsel changed the text sent); None when both changed
    the same words."""
    as_sent = _split_heading(reply.sent_bodies[clause_id].split("\n"))[1]
    received = reply.clause_text(clause_id, ())[1]  # with the owner's redline, if it was one
    # decided one at a time (in the window), the others accepted so far are in it already;
    # the reply read before (the window's opened again, or a run of the command line each),
    # those accepted then (`earlier`)
    so_far = [reading[1] for ids in [*(accepted - {i} for i in accepted), earlier]
              for reading in [_reading(reply, clause_id, ids)] if reading is not None]
    if now is None or _as_answered(now) in {_as_answered(text) for text in
                                            [as_sent, received, body, *so_far]}:
        return body
    base = received if received != reply.clause_text(clause_id, _BEFORE)[1] else as_sent
    # or the reading with the changes accepted before: one with some of those decided now left
    # out, nearest by chance, was a wrong base that doubled a list item another reply changed
    nearest = min([base, *(reading[1] for reading in [_reading(reply, clause_id, earlier)]
                           if reading is not None)],
                  key=lambda text: len(_changes(_spaced(text), _spaced(now))))
    return _merge3(_spaced(nearest), _spaced(body), _spaced(now))


def _tokens(text: str) -> list[str]:
    return re.findall(r"\s+|\S+", text)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _changes(old: str, new: str, split: Any = _tokens) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, new words) for each change from old to new, by old's words (or lines)."""
    from difflib import SequenceMatcher

    words = split(new)
    return [(i1, i2, tuple(words[j1:j2])) for op, i1, i2, j1, j2 in SequenceMatcher(
        None, split(old), words, autojunk=False).get_opcodes() if op != "equal"]


def _spaced(text: str) -> str:
    """The text with its spaces as the policy shows them (one between words)."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _as_answered(text: str) -> str:
    """The text as the policy shows it once an answer takes counsel's words: its spaces, and
    straight quotes for typographic ones (the half of a replacement accepted first, “Opinions
    are my own.”, became the answer in straight quotes, and the other half accepted next met
    that as the owner's own edit of the same words, and was not applied)."""
    return _straight_quotes(_spaced(text))


def _merge3(base: str, theirs: str, ours: str) -> str | None:
    """Both sides' changes to base, line by line where they change other lines (a bullet the
    owner added after one counsel took out stays), else word by word; None when they touch
    the same words (a change identical on both sides is made once)."""
    by_lines = _merged_changes(base, theirs, ours, _lines)
    return by_lines if by_lines is not None else _merged_changes(base, theirs, ours, _tokens)


def _merged_changes(base: str, theirs: str, ours: str, split: Any) -> str | None:
    """Both sides' changes to base's pieces (lines or words); None where they overlap or
    touch (lines: only added at the same place)."""
    whole = split is _lines
    counsel, owner = _changes(base, theirs, split), _changes(base, ours, split)
    for start, end, _ in (c for c in counsel if c not in owner):
        for other_start, other_end, _ in (o for o in owner if o not in counsel):
            if start < other_end and other_start < end or start == end == other_start == \
                    other_end or not whole and (start == other_end or end == other_start):
                return None
    merged = split(base)
    for start, end, new in sorted(set(counsel) | set(owner), reverse=True):
        merged[start:end] = new
    return "".join(merged)


# Sentences that protect employees' rights (the risk check's "savings" statements): a change
# that takes one out is worth a second look, whoever made it.
_PROTECTION = re.compile(r"Section 7|National Labor Relations|\brights\b|government agency|"
                         r"pay or working conditions|raise a concern|in good faith", re.I)


def _protections(project: Project) -> set[tuple[str, str]]:
    from .render import render_document
    from .tracked_changes import sentences

    return {(block.clause_id, sentence.strip()) for block in render_document(project).blocks
            for sentence in sentences("".join(run.text for run in block.runs))
            if _PROTECTION.search(sentence)}


def _answers_for(project: Project, clause_id: str, body: str) -> list[tuple[Any, ...]]:
    """The answers whose change gives exactly this clause text, set in the project (and the
    clause's own words dropped, so it follows its answers again; a title alone stays): a list
    whose rows or items counsel added or took out, one text answer, or both; none when no
    such change does. Where counsel's text as typed gives none, its typographic quotes are
    read as the straight ones the policy writes (Word types “Opinions are my own.” for
    "Opinions are my own.", which froze the clause and left the quick guide saying the old
    words)."""
    return next((paths for typed in dict.fromkeys((body, _straight_quotes(body)))
                 if (paths := _answers_giving(project, clause_id, typed))), [])


def _straight_quotes(text: str) -> str:
    """Typographic quotes as the straight ones the policy writes: Word's AutoFormat As You
    Type gives “ ” ‘ ’ in English, „ “ ‚ ‘ in German and « » in French, with the
    (non-breaking) space French puts inside them (German and French counsel's quotes froze
    the clause as the English ones did)."""
    return _GUILLEMETS.sub('"', text).translate(_STRAIGHT_QUOTES)


_STRAIGHT_QUOTES = str.maketrans("\u201c\u201d\u201e\u2018\u2019\u201a", "\"\"\"'''")
_GUILLEMETS = re.compile(r"\u00ab\s*|\s*\u00bb")


def _answers_giving(project: Project, clause_id: str, body: str) -> list[tuple[Any, ...]]:
    """_answers_for, for counsel's text as it is."""
    from .questions import questions
    from .render import clause_texts, render_document

    def generated(trial: Project) -> str:
        return clause_texts(render_document(trial, own_wording=False)).get(clause_id, "")

    before = generated(project)
    if before in ("", body):
        return []
    tries: list[tuple[Project, tuple[tuple[Any, ...], ...]]] = [(project, ())]
    for area, model in Project.areas().items():
        for question in questions(model):
            path = (area, question.name)
            listed = _relisted(project, path, question.item_type, generated, before, body) \
                if question.kind in ("list", "table") else \
                _rechosen(_at(project, path), question.item_type, before, body) \
                if question.kind == "choices" else None
            if listed is None and question.kind == "list":
                listed = _listed_in_a_sentence(_at(project, path), before, body)
            if listed is not None:
                trial = project.model_copy(deep=True)
                _assign(trial, path, listed)
                tries.insert(0, (trial, (path,)))
    for trial, paths in tries:
        if generated(trial) != body:
            text = _text_answer_for(trial, body, generated)
            paths = (*paths, text) if text is not None else ()
        if paths:
            for path in paths:
                _assign(project, path, _at(trial, path))
            _follow_answers(project, clause_id)
            return list(paths)
    return []


def _follow_answers(project: Project, clause_id: str) -> None:
    """The clause's own words dropped, so it follows its answers again (a title alone stays)."""
    project.wording = [w for w in project.wording if w.clause_id != clause_id or w.title_only]


def _read_as_answers(reply: Reply, clause_id: str, decided: set[str], accepted: set[str],
                     now: str) -> set[str]:
    """The decided items that the clause, with the answers behind counsel's lines set, reads
    `now` as counsel left it (each line the item writes is there, none it took out is): in
    the title block, a new version and date are taken as the answers, the company's name
    typed over on the line above is not (all were told as not taken, to change by hand, and
    offered again)."""
    def lines(ids: set[str]) -> set[str]:
        title, body = reply.clause_text(clause_id, ids)
        return set(f"{title}\n{body}".splitlines())

    shown, theirs = set(now.splitlines()), lines(accepted)
    return {item_id for item_id in decided for without in [lines(accepted - {item_id})]
            if theirs - without <= shown and not (without - theirs) & shown}


def _answers_for_parts(project: Project, clause_id: str, body: str, now: str
                       ) -> list[tuple[Any, ...]]:
    """The answers behind some of counsel's lines or words in a clause that no one answer
    gives, set in the project (its wording is kept): a bullet counsel took out leaves the list
    too when counsel also reworded the lead-in, whichever of the two was accepted first (taken
    together, the list kept the bullet); a new review cycle and a new review date in one
    clause are both answers. One answer at a time, each changed by a part of counsel's text
    alone, at most _PARTS_AT_MOST; none unless every list item and table row then reads as
    counsel's (a row taken for another row's new words lost both; found by a tester). A part
    is counsel's: it changes lines the clause has `now` and body has not, and adds lines
    body has and the clause has not (the owner's own words in it went into an answer)."""
    from .render import clause_texts, render_document

    paths: list[tuple[Any, ...]] = []
    if not body.strip():  # the clause taken out: removed as such, the answers left alone
        return paths
    counsels_old = set(_lines(now)) - set(_lines(body))
    counsels_new = set(_lines(body)) - set(_lines(now))
    trial = project.model_copy(deep=True)
    tried = {body}  # the whole text: no one answer gives it (until another answer changes)
    while len(paths) < _PARTS_AT_MOST:
        generated = clause_texts(render_document(trial, own_wording=False)).get(clause_id)
        if generated is None:
            return []
        for cut, start, end, new in [
                *((_lines, *edit) for edit in _line_edits(generated, body)),
                *((_lines, *edit) for edit in _changes(generated, body, _lines)),
                *((_tokens, *edit) for edit in _word_edits(generated, body)),
                *((_tokens, *edit) for edit in _changes(generated, body))]:  # one word apart
            pieces = cut(generated)
            pieces[start:end] = new
            candidate = "".join(pieces)
            was, made = set(_lines(generated)), set(_lines(candidate))
            if candidate in tried or not was - made <= counsels_old \
                    or cut is _lines and not made - was <= counsels_new:
                continue
            tried.add(candidate)
            step = trial.model_copy(deep=True)
            found = _answers_for(step, clause_id, candidate)
            if found:
                for path in found:
                    _assign(trial, path, _at(step, path))
                paths += found
                tried = set()
                counsels_old |= made - set(_lines(body))  # a line counsel changed part-way
                break
        else:
            break
    generated = clause_texts(render_document(trial, own_wording=False)).get(clause_id, "")
    if any(_LIST_MARK.match(line) or line.startswith("|")
           for start, end, new in _changes(generated, body, _lines)
           for line in [*_lines(generated)[start:end], *new]):
        return []
    for path in paths:
        _assign(project, path, _at(trial, path))
    return paths


# Answers changed at most by parts of counsel's text in one clause (each part tried renders
# the policy a few times).
_PARTS_AT_MOST = 8


def _word_edits(old: str, new: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, new words) for each change of words, by old's words: changes a space or
    a short word apart are one ("March 1, 2027" to "September 1, 2026"; apart, the first
    alone made the review's date September 1, 2027)."""
    words = _tokens(old)
    edits: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end, changed in _changes(old, new):
        between = words[edits[-1][1]:start] if edits else []
        if edits and len(between) <= 3 and "." not in "".join(between):
            first, _, made = edits.pop()
            edits.append((first, end, (*made, *between, *changed)))
        else:
            edits.append((start, end, changed))
    return edits


def _line_edits(old: str, new: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, new lines) for each line changed, added or taken out, alone: where a
    reworded lead-in and the first bullet taken out are one change of two lines to one, the
    new line replaces the old line most like it and the other is taken out."""
    from difflib import SequenceMatcher

    def alike(one: str, other: str) -> float:  # by words: any two rows share their "|"s
        return SequenceMatcher(None, one.split(), other.split(), autojunk=False).ratio()

    was, made = _lines(old), _lines(new)
    edits: list[tuple[int, int, tuple[str, ...]]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, was, made, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        at = i1
        for line in made[j1:j2]:
            best = max(range(at, i2), key=lambda k: alike(was[k], line), default=None)
            if best is None or alike(was[best], line) < 0.6:
                edits.append((at, at, (line,)))
                continue
            edits += [(k, k + 1, ()) for k in range(at, best)]
            edits.append((best, best + 1, (line,)))
            at = best + 1
        edits += [(k, k + 1, ()) for k in range(at, i2)]
    return edits


def _text_answer_for(project: Project, body: str, generated: Any) -> tuple[Any, ...] | None:
    """The one text, number or date answer whose change gives exactly this clause text, set
    in the project."""
    old = generated(project)
    for shown, read in _answers_read(project):
        start = old.find(shown)
        if start < 0:
            continue
        end = start + len(shown)
        if old[:start] != body[:start] or not body.endswith(old[end:]):
            continue
        candidate = body[start:len(body) - len(old) + end].strip()
        joints = (old[start - 2:start], old[end:end + 2])  # what the sentence puts around it
        for where, value in read(candidate, joints):
            trial = project.model_copy(deep=True)
            try:
                _assign(trial, where, value)
            except ValueError:
                continue
            if generated(trial) == body and _named_alike(trial, project):
                _assign(project, where, value)
                return where
    return None


def _answers_read(project: Project) -> Iterable[tuple[str, Callable[
        [str, tuple[str, str]], Iterable[tuple[tuple[Any, ...], Any]]]]]:
    """(shown, read) for each answer typed: how the policy shows it, and read(words, joints),
    the answers (path, value) counsel's words in its place would be: "every 6 months" for the
    review cycle's 12, "September 1, 2026" for the next review's date."""
    from .checks.policy_check import user_answers, user_texts
    from .dates import long_date_in

    for path, shown in _answers_as_shown(user_texts(project)):
        yield shown, partial(_typed_answers, project, path, shown)
    for path, number in user_answers(project, int):
        yield str(number), partial(_number_read, path)
    spelling = project.company.spelling
    for path, day in user_answers(project, date):
        yield long_date_in(spelling, day), partial(_date_read, spelling, path)


def _number_read(path: tuple[Any, ...], words: str, _: tuple[str, str]
                 ) -> list[tuple[tuple[Any, ...], int]]:
    return [(path, int(words))] if words.isdigit() else []


def _date_read(spelling: str, path: tuple[Any, ...], words: str, _: tuple[str, str]
               ) -> list[tuple[tuple[Any, ...], date]]:
    from .dates import read_long_date

    return [(path, read) for read in [read_long_date(spelling, words)] if read]


def _named_alike(one: Project, other: Project) -> bool:
    """Whether both name the company and the policy's owner alike. Counsel's words in one
    sentence never rename them: as the answer, "ask Sam Okafor" made Sam the policy owner
    with Dana's job title, in the title block and every clause, and "Northwind" for
    "Northwind Analytics LLC" renamed the company in the footer and the acknowledgement."""
    return all(getattr(one.company, name) == getattr(other.company, name)
               for name in ("name", "owner_name", "owner_title"))


def _typed_answers(project: Project, path: tuple[Any, ...], shown: str, text: str,
                   joints: tuple[str, str]) -> Iterable[tuple[tuple[Any, ...], Any]]:
    """(path, value): counsel's words in place of the answer shown at path, as the owner
    would type them, with the answer's capital back where a sentence shows it in lower case
    ("unreleased projects"). Where a list is written inside a sentence ("client files; unreleased
    projects; and financial results"), words counsel put after the "; " that joins its items
    (`joints`) are items of their own, and a sentence counsel added after the list's is not
    part of its last item."""
    typed = _at(project, path).strip()

    def as_typed(words: str) -> str:
        return words[:1].upper() + words[1:] if shown[:1] != typed[:1] else words
    *where, index = path
    if isinstance(index, int):
        if not text.strip():  # the item taken out, not left empty
            items = list(_at(project, tuple(where)))
            yield tuple(where), items[:index] + items[index + 1:]
            return
        if ". " in text and ". " not in typed:
            return
        joint = next((j for j in ("; ", ", ") if j in joints and j in text and j not in typed),
                     None)
        if joint:
            items = list(_at(project, tuple(where)))
            yield tuple(where), [*items[:index], *map(as_typed, text.split(joint)),
                                 *items[index + 1:]]
            return
    yield path, as_typed(text)


def _relisted(project: Project, path: tuple[Any, ...], row: Any, generated: Any, before: str,
              body: str) -> list[Any] | None:
    """The list (of rows of model `row`, or of texts) at path as the clause's body shows it
    (`before`: the clause's text now),
    where each item makes a line of the clause (a bullet or a table row) and counsel added or
    took out such lines only (else None). An item is known by the line it makes: a line the
    list made before is that item, a new one is read by the line a made-up item makes (its
    texts made up, a choice by its label, a date made up: read where the table has a column
    for it, which one with no dates leaves out)."""
    from .questions import questions

    days = [q.name for q in questions(row) if q.kind == "date"] if row is not None else []
    listed = _relisted_with(project, path, row, generated, before, body, days)
    return listed if listed is not None or not days else \
        _relisted_with(project, path, row, generated, before, body, [])


def _relisted_with(project: Project, path: tuple[Any, ...], row: Any, generated: Any,
                   before: str, body: str, days: list[str]) -> list[Any] | None:
    """_relisted, the dates of `days` read from the lines."""
    from .dates import long_date_in, read_long_date
    from .questions import questions

    items = list(_at(project, path))
    asked = questions(row) if row is not None else []
    markers = {q.name: f"zqx{n}xqz" for n, q in enumerate(asked) if q.kind in ("line", "text")}
    if items and not any(text.strip() and text.lower() in before.lower() for text in (
            [items[0]] if row is None else items[0].model_dump().values())
            if isinstance(text, str)):
        return None  # its first item is not in the clause (quicker to tell than rendering)
    choices = {q.name: q.choices for q in asked if q.kind == "choice"}
    try:
        made_up = row(**markers, **dict.fromkeys(days, _MADE_UP_DAY)) if row is not None \
            else "zqxitemxqz"
    except ValueError:
        return None

    def lines_of(text: str) -> list[str]:  # a numbered list's items without their numbers
        return [_STEP.sub("", line) for line in text.split("\n")]

    def lines_with(at: int) -> list[str]:  # the list's area copied, not the whole project
        area, name = path
        answers = getattr(project, area).model_copy(update={
            name: [*items[:at], made_up, *items[at:]]})
        return lines_of(generated(project.model_copy(update={area: answers})))

    old, new, appended = lines_of(before), lines_of(body), lines_with(len(items))
    last = _added_line(old, appended)
    first = None if last is None else _added_line(old, lines_with(0))
    if first is None or last is None or last - first != len(items):
        return None
    pattern = re.escape(appended[last])
    for name, marker in {**markers, "item": "zqxitemxqz"}.items():
        pattern = re.sub(marker, f"(?P<{name}>.*?)", pattern, flags=re.I)
    for name, options in choices.items():  # a choice's label, where the made-up one's is
        labels = "|".join(re.escape(option.label) for option in options)
        pattern = pattern.replace(re.escape(getattr(made_up, name).label),
                                  f"(?P<{name}>{labels})", 1)
    spelling = project.company.spelling
    for name in days:
        pattern = pattern.replace(re.escape(long_date_in(spelling, _MADE_UP_DAY)),
                                  f"(?P<{name}>.*?)", 1)
    end = len(new) - (len(old) - last)
    if end < first or new[:first] != old[:first] or new[end:] != old[last:]:
        return None
    known = dict(zip(old[first:last], items, strict=True))
    unmatched = [item for line, item in known.items() if line not in new[first:end]]
    listed = []
    for line in new[first:end]:
        match = re.fullmatch(pattern, line)
        if line in known:
            listed.append(known[line])
        elif match is None:
            return None
        elif row is None:
            listed.append(match["item"])
        else:
            shown = {name: text for name, text in match.groupdict().items() if text is not None}
            shown.update({name: next(o for o in choices[name] if o.label == shown[name])
                          for name in choices if name in shown})
            for name in days:
                text = shown.get(name, "").strip()
                shown[name] = read_long_date(spelling, text) if text else None
                if text and shown[name] is None:
                    return None
            base = unmatched.pop(0).model_dump() if unmatched else {}
            try:
                listed.append(row.model_validate({**base, **shown}))
            except ValueError:
                return None
    return listed


def _rechosen(chosen: list[Any], choices: Any, before: str, body: str) -> list[Any] | None:
    """The choices (of several at once, as "Policies this one refers to") that body lists, in
    its order, where the clause's text now (`before`) lists each one chosen as a list item of
    its label: a bullet counsel adds with a choice's label is that choice (it froze 1.4 as
    counsel's wording; found by a tester). Whether the choices give body is the caller's to
    tell."""
    labels = {choice.label: choice for choice in choices}

    def items(text: str) -> list[Any]:
        listed = (_LIST_MARK.sub("", line) for line in text.split("\n") if _LIST_MARK.match(line))
        return [labels[line] for line in listed if line in labels]
    made = items(body)
    return made if chosen and set(chosen) <= set(items(before)) and made != chosen else None


def _listed_in_a_sentence(items: list[str], before: str, body: str) -> list[str] | None:
    """The list a sentence of body writes where the clause's text now (`before`) writes these
    items in one sentence ("client files; source code; and client contracts"): counsel's
    items between the same words, split where the list's items are joined, typed as the
    owner typed them. Items added, reworded and taken out in one go change the list (and
    every clause that lists it), not only this sentence."""
    if len(items) < 2:
        return None
    spans, at = [], 0
    for item in items:
        found = next(((start, start + len(form)) for form in (item, item[:1].lower() + item[1:])
                      for start in [before.find(form, at)] if start >= 0), None)
        if found is None:
            return None
        spans.append(found)
        at = found[1]
    joint, last = (before[one[1]:other[0]] for one, other in (spans[:2], spans[-2:]))
    if joint != "; " or not last.startswith(joint):  # "a; b; and c" (in "a, b and c" an
        return None  # item's own "and" cannot be told from the list's)
    head, tail = before[:spans[0][0]], before[spans[-1][1]:]
    written = body[len(head):len(body) - len(tail)]
    if not (body.startswith(head) and body.endswith(tail)) or "\n" in written \
            or ". " in written and not any(". " in item for item in items):
        return None  # a sentence counsel added after the list's is no item
    parts = written.split(joint)
    if last != joint and parts[-1].startswith(last[len(joint):]):
        parts[-1] = parts[-1][len(last) - len(joint):]
    capital = items[0][:1].isupper() and before[spans[0][0]:spans[0][0] + 1].islower()
    listed = [part[:1].upper() + part[1:] if capital else part for part in map(str.strip, parts)]
    return listed if all(listed) else None


_MADE_UP_DAY = date(1901, 2, 3)  # no review or revision is dated so


def _added_line(old: list[str], new: list[str]) -> int | None:
    """The index of the one line new has beyond old, if that is all that differs."""
    if len(new) != len(old) + 1:
        return None
    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    return at if new[at + 1:] == old[at:] else None


def _answers_as_shown(answers: Iterable[tuple[tuple[Any, ...], str]]
                      ) -> Iterable[tuple[tuple[Any, ...], str]]:
    """Each text answer with the ways the templates show it: as typed, continuing a
    sentence (first letter in lower case), without its full stop."""
    for path, value in answers:
        value = value.strip()
        shown = {value, value[:1].lower() + value[1:], value.rstrip(".")}
        yield from ((path, text) for text in sorted(shown, key=len, reverse=True) if text)


def _at(project: Project, path: tuple[Any, ...]) -> Any:
    """The answer at path (area, name, row index, ...)."""
    target: Any = project
    for key in path:
        target = target[key] if isinstance(key, int) else getattr(target, key)
    return target


def _assign(project: Project, path: tuple[Any, ...], value: Any) -> None:
    *parents, last = path
    target = _at(project, tuple(parents))
    if isinstance(last, int):
        target[last] = value
        setattr(_at(project, tuple(parents[:-1])), parents[-1], list(target))  # validated
    else:
        setattr(target, last, value)


def _add_clause(project: Project, reply: Reply, item: ReviewItem, outcome: Outcome) -> None:
    """A clause of the owner's own from counsel's new clause, or from words counsel added;
    once only (the review panel applies a clause's accepted items again with each one, and
    the owner may have changed the clause's words in between)."""
    if item.kind != NEW_CLAUSE and not (item.kind == "insertion"
                                        and item.clause_id in reply.sections):
        outcome.not_taken.add(item.id)
        outcome.warnings.append(f"{reply.named([item.id])}: only words counsel added can "
                                "become a clause of "
                                "your own")
        return
    clause = _clause_from(project, reply, item)
    made = _made(project, reply, item, clause)
    if made is None:
        made = clause.model_copy(update={"id": project.new_owner_clause_id()})
        project.owner_clauses.append(made)
        what = "clause" if clause.section_id else "section"
        # the words after a heading typed inside a clause moved under it: said, not silent
        took = ", with the words after it in the clause counsel typed it in" if reply.splits(
            item.id) else ""
        outcome.done.append(f"Added {clause.title!r} as a {what} of your own{took}")
    reply.made[item.id] = made.id
    for note in reply.items:  # a note on it kept before it was added: on it now, as after
        kept = _kept_comment(project, note) if note.new_clause == item.id else None
        if kept is not None:
            kept.clause_id = made.id


def _clause_from(project: Project, reply: Reply, item: ReviewItem) -> OwnerClause:
    """The clause of the owner's own (its id not yet given) that a new clause of counsel's,
    or words counsel added, make: after the clause counsel put it after, or after the new
    clause counsel put before it, once that one is added (else where that one goes). A new
    clause under a heading in the sections' style is a section of the owner's own, after
    the section counsel put it after."""
    opens_section = item.kind == NEW_CLAUSE and reply.opens_section(item.id)
    if item.kind == NEW_CLAUSE:
        after = reply.new_clauses[item.id]
        title, body = reply.new_clause_text(item.id)
    else:
        after, title, body = item.clause_id, "", item.text.strip()
    if not body and not opens_section:  # a rule typed in a heading's style (as before a
        title, body = "", title         # heading in LibreOffice: see Reply.opens_section)
    if not title:
        words = body.split()
        title = " ".join(words[:6]).rstrip(".,;:") + ("..." if len(words) > 6 else "")
    section, after = _place_after(project, reply, after)
    if opens_section:
        section, after = "", section
    return OwnerClause(id="", section_id=section, after=after, title=title, text=body)


def _place_after(project: Project, reply: Reply, after: str) -> tuple[str, str]:
    """(section, clause it follows) of a clause counsel put after `after`: a clause, or
    counsel's new clause, once that one is added (else where that one goes). The policy
    starts with its sections: one put after the title block, which is in none, opens the
    first section."""
    if after not in reply.new_clauses:
        section = reply.sections.get(after, after)
        if not section:
            return next((s for s in reply.sections.values() if s), ""), ""
        return section, "" if after == section else after
    earlier = _clause_from(project, reply, reply.item(after))
    made = _made(project, reply, reply.item(after), earlier)
    if earlier.section_id:
        return earlier.section_id, made.id if made else earlier.after
    if made is not None:  # a new section: the clause opens it
        return made.id, ""
    return _place_after(project, reply, reply.new_clauses[after])  # where the section would go


def _place_counsels_clauses(project: Project, reply: Reply) -> None:
    """Each of counsel's new clauses already in the project where it goes now: one accepted
    before the new section counsel put it in (so at the end of the section before) moves
    into that section once it is accepted, in this reading of the reply or a later one."""
    for item in reply.items:
        if item.kind == NEW_CLAUSE:
            clause = _clause_from(project, reply, item)
            made = _made(project, reply, item, clause)
            if made is not None:
                made.section_id, made.after = clause.section_id, clause.after


def _drop_empty_sections(project: Project, reply: Reply, outcome: Outcome) -> None:
    """A section of counsel's whose clauses the owner has not accepted is not kept: the policy
    shows a section only with a clause in it, so it would be in the project and shown nowhere.
    """
    for item_id, made_id in list(reply.made.items()):
        section = next((c for c in project.owner_clauses if c.id == made_id), None)
        if section is None or section.section_id or section.text.strip() or any(
                c.section_id == made_id for c in project.owner_clauses):
            continue
        project.owner_clauses.remove(section)
        del reply.made[item_id]
        added = f"Added {section.title!r} as a section"  # accepted: it comes with a clause
        outcome.done = [line for line in outcome.done if not line.startswith(added)]
        outcome.warnings.append(f"The section {section.title!r} is not added: a "
                                "section shows only with a clause in it, and none of counsel's "
                                "clauses under it is accepted")


def _made(project: Project, reply: Reply, item: ReviewItem,
          clause: OwnerClause) -> OwnerClause | None:
    """The clause of the owner's own that counsel's new clause (`item`, made into `clause`)
    became: the one it made in this reading, whatever its words now (the owner may have
    applied a safer wording to it), else one with its words (the reply read again)."""
    made = reply.made.get(item.id)
    return next((c for c in project.owner_clauses if c.id == made and c.title == clause.title),
                None) or next((c for c in project.owner_clauses if _same(clause, c)), None)


def _same(clause: OwnerClause, other: OwnerClause) -> bool:
    """The same clause of the owner's own, whatever its id and wherever it was put: where
    counsel's clause goes depends on which of counsel's other new clauses are accepted."""
    return (clause.title, clause.text) == (other.title, other.text)


def _noted_on(project: Project, reply: Reply, item: ReviewItem, names: dict[str, str]
              ) -> tuple[str, str]:
    """(clause id, name) of the clause a comment is kept on: the clause of the owner's own
    made from counsel's new clause it is on, once that is added (it was kept on the clause
    before, where counsel's question made no sense; found by a tester), else its own. A note
    kept before its clause is added moves to it then (_add_clause)."""
    made = next((clause for clause in project.owner_clauses
                 if clause.id == reply.made.get(item.new_clause)), None)
    if made is not None:
        return made.id, repr(made.title)
    return item.clause_id, names.get(item.clause_id) or reply.named([item.id])


def _keep_comment(project: Project, reply: Reply, item: ReviewItem, decision: Decision,
                  outcome: Outcome, clause_id: str, name: str) -> None:
    parent_item = next((i for i in reply.items if i.id == item.parent), None)
    parent = _kept_comment(project, parent_item) if parent_item is not None else None
    if parent is not None and item.kind == "reply":
        answer = CommentReply(author=item.author, written_on=item.date, text=item.text)
        if answer not in parent.replies:  # the same reply opened again
            parent.replies = [*parent.replies, answer]
        comment = parent
    else:
        known = _kept_comment(project, item)
        if known is not None:
            comment = known
        else:
            comment = CounselComment(id=_free_comment_id(project, item.id),
                                     clause_id=clause_id,
                                     also_clauses=list(item.also_clauses), author=item.author,
                                     written_on=item.date, text=item.text,
                                     about_note=item.owner_note, resolved=item.resolved)
            project.counsel_comments = [*project.counsel_comments, comment]
    if decision.action == "reply" and decision.text.strip():
        comment.replies = [*comment.replies, CommentReply(
            author=_owner(project), written_on=datetime.now(UTC).replace(microsecond=0),
            text=decision.text.strip())]
        outcome.done.append(f"{name}: your reply is kept with counsel's note")
    else:
        outcome.done.append(f"{name}: kept as a note from {item.who}")


def _kept_comment(project: Project, item: ReviewItem) -> CounselComment | None:
    """The note kept from this comment before (the same reply opened again), known by its
    author, date and words: an item's id ("c3") is its place in one reply, and the next
    round's reply numbers its items from c1 again. One with no date (as Google Docs writes
    them) is known by its clause too: the same words on two clauses were kept once, on the
    first, the second said kept and lost."""
    return next((c for c in project.counsel_comments
                 if (c.author, c.written_on, c.text) == (item.author, item.date, item.text)
                 and (item.date is not None or c.clause_id in item.clauses)), None)


def _free_comment_id(project: Project, wanted: str) -> str:
    taken = {c.id for c in project.counsel_comments}
    if wanted not in taken:
        return wanted
    number = len(taken) + 1
    while f"c{number}" in taken:
        number += 1
    return f"c{number}"


def _record_reply(project: Project, reply: Reply, now: datetime | None,
                  shown: list[tuple[str, str, str]]) -> None:
    """Keep the reply as it stands, every change accepted, as the version counsel last saw
    (`shown`: the policy's records before these decisions)."""
    from .render import render_document
    from .tracked_changes import next_version_id, paragraph_records

    records = reply.accepted_records()
    version = _kept_reply(project, reply, records, shown)
    if version is None:
        paragraphs = [text for text, _, _ in records]
        if any(v.paragraphs == paragraphs for v in project.sent_versions):
            return
        authors = sorted({name for i in reply.items for name in (
            i.who, *map(named_author, i.edited_by))} - {NO_NAME}) or [NO_NAME]
        version = SentVersion(
            id=next_version_id(project),
            sent_on=(now or datetime.now(UTC)).replace(microsecond=0),
            kind=reply.version.kind, label=f"{_REPLY_FROM} {', '.join(authors)}",
            version=reply.version.version, paragraphs=paragraphs, reply_key=reply.key,
            clause_ids=[clause_id for _, clause_id, _ in records],
            styles=[style for _, _, style in records])
        project.sent_versions.append(version)
    reply.recorded_as = version.id
    _follow_repeats(version, reply, shown,
                    paragraph_records(render_document(project, reply.version.kind)))


_REPLY_FROM = "Reply from"


def _kept_reply(project: Project, reply: Reply, records: list[tuple[str, str, str]],
                shown: list[tuple[str, str, str]]) -> SentVersion | None:
    """The version this reply was kept as by earlier decisions: in this reading, or (the reply
    read again) the newest version if it is this reply's, but for clauses counsel did not
    touch that read as the policy does now (they followed a list counsel changed)."""
    known = next((v for v in project.sent_versions if v.id == reply.recorded_as
                  or v.reply_key and v.reply_key == reply.key), None)
    if known is not None or not project.sent_versions:
        return known
    last = project.sent_versions[-1]
    if not last.label.startswith(_REPLY_FROM) or last.kind != reply.version.kind:
        return None
    kept = list(zip(last.paragraphs, last.clause_ids, last.styles, strict=False))
    touched = _touched(reply)
    for clause_id in dict.fromkeys(of for _, of, _ in [*kept, *records]):
        was = _lines_in(kept, clause_id)
        if was != _lines_in(records, clause_id) and (
                clause_id in touched or was != _lines_in(shown, clause_id)):
            return None
    return last


def _touched(reply: Reply) -> set[str]:
    """The clauses counsel's changes are in."""
    return {clause_id for item in reply.items if item.changes_text
            for clause_id in reply.clauses_of(item)}


def _lines_in(records: Iterable[tuple[str, str, str]], clause_id: str) -> list[tuple[str, str]]:
    """(text, style) of each paragraph of the clause."""
    return [(text, style) for text, of, style in records if of == clause_id]


def _follow_repeats(version: SentVersion, reply: Reply, shown: list[tuple[str, str, str]],
                    now: list[tuple[str, str, str]]) -> None:
    """A clause counsel did not touch that changed with an answer counsel changed (the quick
    guide repeats the list of confidential information) is kept as it now reads, where it
    read as counsel saw it, and so is one counsel changed that reads as counsel wrote it but
    for the quotes (an answer takes counsel's “ ” as the policy's "): the next redline shows
    the owner's changes, not counsel's own change a second time as the owner's."""
    touched = _touched(reply)
    kept = list(zip(version.paragraphs, version.clause_ids, version.styles, strict=False))
    for clause_id in dict.fromkeys(of for _, of, _ in now):
        was, made = _lines_in(shown, clause_id), _lines_in(now, clause_id)
        at = [i for i, (_, of, _) in enumerate(kept) if of == clause_id]
        follows = clause_id not in touched and was != made and _lines_in(kept, clause_id) == was
        if not (follows or _quoted_alike(_lines_in(kept, clause_id), made)) or not at \
                or at[-1] - at[0] + 1 != len(at):
            continue
        kept[at[0]:at[-1] + 1] = [(text, clause_id, style) for text, style in made]
    version.paragraphs = [text for text, _, _ in kept]
    version.clause_ids = [clause_id for _, clause_id, _ in kept]
    version.styles = [style for _, _, style in kept]


def _quoted_alike(one: list[tuple[str, str]], other: list[tuple[str, str]]) -> bool:
    """Whether two clauses' (text, style) lines differ in their quotes alone."""
    def straight(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(_straight_quotes(text), style) for text, style in lines]
    return one != other and straight(one) == straight(other)


def decisions_for(project: Project, reply: Reply, accept: list[str], reject: list[str]
                  ) -> dict[str, Decision]:
    """The command line's --accept (ids, or "all": those not decided before, but for the other
    half of a change rejected, and for one that brings back the company's old name) and
    --reject ids as decisions. Rejecting a change accepted
    before is refused: it is in the policy; so is deciding two halves of one change apart."""
    earlier = reply.decided(project)
    both = sorted(set(accept) & set(reject))
    if both:  # the last one said won, without a word (found by a tester)
        raise ReviewError(reply.path, f"{', '.join(both)}: both accepted and rejected; decide "
                                      "each change once")
    ids = [item.id for item in reply.items if item.id not in earlier
           and not reply._halves(item.id) & set(reject)] if accept == ["all"] else accept
    # a change named by its id is chosen, even one that brings back the company's old name
    decisions = {item_id: Decision("accept", old_name=accept != ["all"]) for item_id in ids}
    decisions.update({item_id: Decision("reject") for item_id in reject})
    split = next(([item_id, other] for item_id in reject for other in sorted(reply._halves(item_id))
                  if other in decisions and decisions[other].action == "accept"), None)
    if split:  # half a heading typed over, accepted, took the clause out (found by a tester)
        raise ReviewError(reply.path, f"{' and '.join(sorted(split))}: the two halves of one "
                                      "change (a move, or a heading typed over); decide them "
                                      "alike")
    for item_id, decision in decisions.items():
        if decision.action == "reject" and earlier.get(item_id, decision).action == "accept":
            raise ReviewError(reply.path, f"{item_id} was accepted when this reply was read "
                                          "before, so its change is in the policy; edit the "
                                          "clause to take it out")
    return decisions
