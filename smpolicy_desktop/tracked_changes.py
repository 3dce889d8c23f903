"""What changed since a version sent to counsel: paragraph, sentence, then word by word.

A version sent keeps the text of each paragraph (a table row is its cells joined by tabs), its
clause id and style; a later export compares with it and the Word writer marks the difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from difflib import SequenceMatcher

from .document import Document
from .model import DocumentType, Project, SentVersion, next_id

CELL_BREAK = "\t"  # never inside a paragraph or cell: the renderer collapses all whitespace
SAME, INSERTED, DELETED = "", "ins", "del"

# A sentence runs to a full stop, question or exclamation mark followed by a space (so "4.3"
# and "e.g.x" stay whole), or to the end of a table cell.
_SENTENCE = re.compile(r".*?(?:[.!?]+(?:\s+|$)|\t|$)", re.DOTALL)
_WORD = re.compile(r"\w+|[^\w\s]+|\s+")
_HEADING_NUMBER = re.compile(r"\d+(?:\.\d+)*[A-Z]? ")  # "4.7 " of "4.7 AI tools"
_LISTS = {"bullet", "numbered"}  # a paragraph's styles as a list item
_SIMILAR = 0.5  # below this share of common words two paragraphs count as different ones


@dataclass(frozen=True)
class Edit:
    """A piece of a paragraph's text: unchanged, inserted or deleted since the last export."""

    text: str
    change: str = SAME


@dataclass(frozen=True)
class ParagraphChange:
    """How one paragraph of the current document differs from the last export."""

    edits: tuple[Edit, ...]
    inserted: bool = False  # the whole paragraph is new
    deleted_before: tuple[int, ...] = ()  # old paragraphs (indices) removed just before it
    deleted_after: tuple[int, ...] = ()  # a table row's: old rows removed after it, at the end
    restyled_from: str = ""  # its style sent, where it is another now (a bullet made a line)

    @property
    def changed(self) -> bool:
        return self.inserted or bool(self.restyled_from) or any(edit.change
                                                                  for edit in self.edits)


def paragraph_texts(document: Document) -> list[str]:
    """The document's text as a version keeps it: one entry per paragraph or table row."""
    return [text for text, _, _ in paragraph_records(document)]


def paragraph_records(document: Document) -> list[tuple[str, str, str]]:
    """(text, clause id, style) per paragraph or table row; a row's style is "row"."""
    records: list[tuple[str, str, str]] = []
    for block in document.blocks:
        if block.kind == "table":
            records.extend((CELL_BREAK.join(row), block.clause_id, "row") for row in block.rows)
        else:
            records.append((block.text, block.clause_id, block.kind))
    return records


def version_of(document: Document, version_id: str, label: str, when: datetime,
               version: str = "") -> SentVersion:
    """The record of a document sent to counsel (or of counsel's reply)."""
    records = paragraph_records(document)
    return SentVersion(id=version_id, sent_on=when, kind=DocumentType(document.kind),
                       label=label, version=version,
                       paragraphs=[text for text, _, _ in records],
                       clause_ids=[clause_id for _, clause_id, _ in records],
                       styles=[style for _, _, style in records],
                       notes=[note.text for note in document.notes] if document.draft else [])


def compare(old: list[str], new: list[str], old_styles: list[str] | tuple[()] = (),
            new_styles: list[str] | tuple[()] = ()
            ) -> tuple[list[ParagraphChange], tuple[int, ...]]:
    """A change for every new paragraph, and the old paragraphs (indices) deleted after the
    last one. A heading's number (the styles say which paragraphs are headings) is written
    as it is now, unmarked: a clause taken out renumbers every later one, and marking each
    number would flood the redline (Word does not mark its own list numbers either). A
    paragraph made a list item or no longer one (a bullet made a plain line) is a formatting
    change: the redline said "No changes" (found by a tester). Other styles are not compared:
    a reply kept as a version reads the title block and signature lines as plain paragraphs."""
    changes: list[ParagraphChange] = []
    deleted: list[int] = []
    for old_index, new_index in _aligned(old, new):
        if new_index is None:
            if old_index is not None:
                deleted.append(old_index)
            continue
        new_text = new[new_index]
        edits: tuple[Edit, ...]
        if old_index is None:
            edits, inserted = (Edit(new_text, INSERTED),), True
        elif _heading(old_styles, old_index) and _heading(new_styles, new_index):
            edits, inserted = _diff_heading(old[old_index], new_text), False
        elif _style(old_styles, old_index) == _style(new_styles, new_index) == "row":
            edits, inserted = _diff_row(old[old_index], new_text), False
        else:
            edits, inserted = diff_text(old[old_index], new_text), False
        deleted = _rows_ending(changes, deleted, old_styles, new_styles, new_index)
        was, now = "" if old_index is None else _style(old_styles, old_index), \
            _style(new_styles, new_index)
        restyled = was if was != now and _LISTS & {was, now} and not {"", "row"} & {was, now} \
            else ""
        changes.append(ParagraphChange(edits, inserted, tuple(deleted), restyled_from=restyled))
        deleted = []
    return changes, tuple(_rows_ending(changes, deleted, old_styles, new_styles, len(new)))


def _rows_ending(changes: list[ParagraphChange], deleted: list[int],
                 old_styles: list[str] | tuple[()], new_styles: list[str] | tuple[()],
                 new_index: int) -> list[int]:
    """The deleted paragraphs before new paragraph `new_index` (or the end), less the rows
    that ended the table before it, which go to that table's last row (a last row taken out
    was shown as a paragraph under the table, "IT support | Chris Novak | ...", and rejected,
    came back as one; found by a tester)."""
    if not changes or _style(new_styles, new_index - 1) != "row" or \
            _style(new_styles, new_index) == "row":
        return deleted
    rows = 0
    while rows < len(deleted) and _style(old_styles, deleted[rows]) == "row":
        rows += 1
    if rows:
        changes[-1] = replace(changes[-1], deleted_after=tuple(deleted[:rows]))
    return deleted[rows:]


def _style(styles: list[str] | tuple[()], index: int) -> str:
    return styles[index] if index < len(styles) else ""


def _heading(styles: list[str] | tuple[()], index: int) -> bool:
    return _style(styles, index) in ("heading1", "heading2")


def _diff_row(old: str, new: str) -> tuple[Edit, ...]:
    """A table row's change cell by cell, where it keeps its columns: compared as one text, a
    change ran from one cell into the next, and the responder deleted from its column was
    shown struck out in the column before it (rejected, the row lost it; found by a tester)."""
    old_cells, new_cells = old.split(CELL_BREAK), new.split(CELL_BREAK)
    if len(old_cells) != len(new_cells):
        return diff_text(old, new)
    edits: list[Edit] = []
    for index, (before, after) in enumerate(zip(old_cells, new_cells, strict=True)):
        edits += [Edit(CELL_BREAK)] * bool(index) + list(diff_text(before, after))
    return _merged(edits)


def _diff_heading(old: str, new: str) -> tuple[Edit, ...]:
    """A heading's change with its new number unmarked, and its old one left out: also where
    it had none (counsel types a new clause's heading without one, and the policy numbers it
    once accepted)."""
    old_number, new_number = _HEADING_NUMBER.match(old), _HEADING_NUMBER.match(new)
    old_start, new_start = (number.end() if number else 0 for number in (old_number, new_number))
    return _merged([Edit(new[:new_start]), *diff_text(old[old_start:], new[new_start:])])


def _aligned(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Old and new paragraphs (indices) side by side; None where one has no counterpart."""
    pairs: list[tuple[int | None, int | None]] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            pairs.extend((None if i is None else i1 + i, None if j is None else j1 + j)
                         for i, j in _pair_similar(old[i1:i2], new[j1:j2]))
    return pairs


def _pair_similar(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Pair edited paragraphs with their earlier versions, keeping the order (a small DP)."""
    similar = [[_similarity(a, b) for b in new] for a in old]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]  # best[i][j]: old[i:], new[j:]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            paired = best[i + 1][j + 1] + similar[i][j] if similar[i][j] >= _SIMILAR else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < len(old) or j < len(new):
        if (i < len(old) and j < len(new) and similar[i][j] >= _SIMILAR
                and best[i][j] == best[i + 1][j + 1] + similar[i][j]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif i < len(old) and (j == len(new) or best[i][j] == best[i + 1][j]):
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    return pairs


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def diff_text(old: str, new: str) -> tuple[Edit, ...]:
    """The new text with what changed marked: whole sentences compared first, then words."""
    old_sentences, new_sentences = sentences(old), sentences(new)
    edits: list[Edit] = []
    matcher = SequenceMatcher(None, old_sentences, new_sentences, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = old_sentences[i1:i2], new_sentences[j1:j2]
        if tag == "equal":
            edits.append(Edit("".join(after)))
        elif tag == "replace" and len(before) == len(after):
            for sentence_before, sentence_after in zip(before, after, strict=True):
                edits.extend(_diff_words(sentence_before, sentence_after))
        else:
            edits.extend(_diff_words("".join(before), "".join(after)))
    return _merged(edits)


def sentences(text: str) -> list[str]:
    return [piece for piece in _SENTENCE.findall(text) if piece]


def _diff_words(old: str, new: str) -> list[Edit]:
    """Word by word; changes split only by spaces read as one deletion and one insertion."""
    old_words, new_words = _WORD.findall(old), _WORD.findall(new)
    spans: list[list[str]] = []  # [old text, new text, "same" or "changed"]
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        kind = "same" if tag == "equal" else "changed"
        if spans and spans[-1][2] == "changed" and (kind == "changed" or before.isspace()):
            spans[-1][0] += before
            spans[-1][1] += after
        else:
            spans.append([before, after, kind])
    edits: list[Edit] = []
    for before, after, kind in spans:
        if kind == "same":
            edits.append(Edit(after))
            continue
        shared = ""  # a space folded in at the end belongs to both sides: leave it unmarked
        while before.endswith(" ") and after.endswith(" "):
            before, after, shared = before[:-1], after[:-1], shared + " "
        edits += [Edit(before, DELETED), Edit(after, INSERTED), Edit(shared)]
    return edits


def _merged(edits: list[Edit]) -> tuple[Edit, ...]:
    """Neighbouring pieces of the same kind as one piece, so Word shows one mark, not many."""
    merged: list[Edit] = []
    for edit in edits:
        if not edit.text:
            continue
        if merged and merged[-1].change == edit.change:
            merged[-1] = Edit(merged[-1].text + edit.text, edit.change)
        else:
            merged.append(edit)
    return tuple(merged)


def next_version_id(project: Project) -> str:
    """A new version's id: "v" and the next number."""
    return next_id("v", (version.id for version in project.sent_versions))
