"""The rendered policy: an ordered list of blocks with stable clause ids.

One Document feeds the preview, the HTML and Markdown files and the Word file, so they all
say the same words. This module also writes the HTML and Markdown forms.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING

BLOCK_KINDS = ("title", "subtitle", "heading1", "heading2", "paragraph", "bullet", "numbered",
               "table", "signature")

if TYPE_CHECKING:
    from .model import SentVersion


@dataclass(frozen=True)
class Run:
    """A piece of text; strong runs are the lead-in words of a guideline."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of the document.

    kind is one of BLOCK_KINDS. clause_id names the section or clause it belongs to (stable
    across edits, e.g. "employees.confidential"); number is the shown clause number ("4.3").
    A table's rows hold the cell texts, the first row being the header.
    """

    kind: str
    runs: tuple[Run, ...] = ()
    clause_id: str = ""
    number: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    page_break_before: bool = False
    about: str = ""  # the full policy's clause an item of the short guidelines restates

    @property
    def text(self) -> str:
        """The block's words as shown, number included."""
        body = "".join(run.text for run in self.runs)
        return f"{self.number} {body}" if self.number else body


@dataclass(frozen=True)
class Note:
    """A question for counsel about one clause (an empty clause_id: the policy as a whole)."""

    clause_id: str
    text: str
    clause_name: str = ""  # the clause as the owner knows it (render.clause_names)


@dataclass(frozen=True)
class Document:
    """A rendered policy: the full policy or the short guidelines.

    author is who its comments and tracked changes are from; notes go to counsel as comments.
    """

    kind: str
    title: str
    company: str
    owner: str
    draft: bool
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    author: str = "Policy owner"
    version: str = ""
    notes: tuple[Note, ...] = ()
    paper: str = "Letter"  # or "A4": the paper of the business's country
    spelling: str = "US"  # "UK" or "CA" elsewhere (dates as "1 March 2026")
    language: str = "en-US"  # what Word checks the spelling against: see language_tag()

    @property
    def named(self) -> str:
        """"Social Media Policy - Northwind Analytics LLC": the policy and whose it is."""
        return f"{self.title} - {self.company}" if self.company else self.title

    def clauses(self) -> dict[str, str]:
        """Clause id -> its numbered heading, in document order (for pickers and comments)."""
        return {b.clause_id: b.text for b in self.blocks if b.kind in ("heading1", "heading2")}

    def text_lines(self) -> list[str]:
        """Every line of text in reading order; tables give one line per cell."""
        lines: list[str] = []
        for block in self.blocks:
            lines.extend(cell for row in block.rows for cell in row) if block.kind == "table" \
                else lines.append(block.text)
        return [line for line in lines if line]


DRAFT_MARK = "DRAFT - for review by counsel"
# Countries whose paper is US Letter (CLDR's supplemental measurement data); A4 elsewhere.
LETTER_COUNTRIES = frozenset({"AS", "BZ", "CA", "CL", "CO", "CR", "GT", "GU", "MP", "MX", "NI",
                              "PA", "PH", "PR", "SV", "US", "VE", "VI"})

# Countries with an English of their own in Word's proofing languages.
ENGLISH_REGIONS = frozenset({"AU", "BZ", "CA", "GB", "HK", "IE", "IN", "JM", "MY", "NZ", "PH",
                             "SG", "TT", "US", "ZA", "ZW"})


def language_tag(country: str, spelling: str) -> str:
    """The document's language: the country's English ("en-GB", "en-AU"), else the English
    its spelling follows ("en-GB" for a policy in British spelling written for Germany)."""
    if country in ENGLISH_REGIONS:
        return f"en-{country}"
    return {"US": "en-US", "CA": "en-CA"}.get(spelling, "en-GB")


# --- HTML ------------------------------------------------------------------------------------

_HTML_TAGS = {"title": "h1", "subtitle": "p", "heading1": "h2", "heading2": "h3",
              "paragraph": "p", "signature": "p"}

# Margins and padding in px: Qt's preview reads no other unit there (in pt a table's cells had
# no padding, so the words of one column ran into the next, and a heading after it no margin).
PREVIEW_CSS = """
body { font-family: sans-serif; line-height: 1.4; }
h1 { font-size: 20pt; margin-bottom: 3px; }
h2 { font-size: 14pt; margin-top: 19px; }
h3 { font-size: 11.5pt; margin-top: 13px; }
p.subtitle { color: #444; margin: 0; }
p.draft { color: #a33; font-weight: bold; }
p.signature { margin-top: 24px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #999; padding: 4px 7px; vertical-align: top; }
th { background: #eee; text-align: left; }
"""


# Qt lays a paragraph out whole at every change: 0.3-0.6 s for a megabyte. Where Qt shows text
# (the preview, the answer boxes) a longer paragraph is shown as pieces of about this many
# characters, each break standing where a space is, so positions in the text stay the same.
PIECE = 2_000


def piece_breaks(value: str) -> list[int]:
    """Where Qt shows a paragraph break for a space: about every PIECE characters of each
    paragraph longer than that (none in a paragraph without spaces)."""
    found, start = [], 0
    while start <= len(value):
        end = value.find("\n", start)
        end = len(value) if end == -1 else end
        while end - start > PIECE:
            cut = value.rfind(" ", start + 1, start + PIECE)
            cut = value.find(" ", start + PIECE, end) if cut == -1 else cut
            if cut == -1:
                break
            found.append(cut)
            start = cut + 1
        start = end + 1
    return found


def qt_length(text: str) -> int:
    """The text's length as Qt counts it, in UTF-16 units: an emoji (any character beyond
    U+FFFF) is two, where Python counts one. Positions in a box or the preview are Qt's; an
    edit after an emoji, placed by Python's count, went into the answer a letter off ("We
    will cnot omment"; found by a tester)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def index_at(text: str, units: int) -> int:
    """The index in text (Python's count) of the position `units` in (Qt's count)."""
    if text.isascii():
        return units
    return len(text.encode("utf-16-le")[:2 * units].decode("utf-16-le", "ignore"))


def with_breaks(text: str, at: list[int], separator: str) -> str:
    """text with the one character at each position in `at` replaced by separator."""
    if not at:
        return text
    ends = [-1, *at, len(text)]
    return separator.join(text[ends[n] + 1:ends[n + 1]] for n in range(len(ends) - 1))


# Beyond these, Qt takes seconds to show a block however it is cut (10 MB: 20 s), and a run of
# characters without a space costs it time growing with the run's length squared (100,000
# characters: 2 s), so the preview shows a block only up to the first of them.
PREVIEW_LIMIT = 100_000
LONGEST_WORD = 2 * PIECE
LONG_WORD = re.compile(rf"(?<!\S)\S{{{LONGEST_WORD + 1}}}")  # from a word's start: linear


def as_previewed(document: Document) -> Document:
    """The document as the preview shows it: a block too long for Qt to show quickly stops
    where it becomes so (see PREVIEW_LIMIT) and says how much more there is."""
    if all(len(block.text) <= LONGEST_WORD or _shown_length(block.text) == len(block.text)
           for block in document.blocks):
        return document
    return replace(document, blocks=tuple(_cut_for_preview(block) for block in document.blocks))


def _shown_length(text: str) -> int:
    end = min(len(text), PREVIEW_LIMIT)
    word = LONG_WORD.search(text, 0, end)
    return word.start() + LONGEST_WORD if word else end


def _cut_for_preview(block: Block) -> Block:
    if block.kind == "table" or _shown_length(block.text) == len(block.text):
        return block
    shown = min(_shown_length(block.text), PREVIEW_LIMIT - 200)  # room for the note: cut once
    number = len(block.number) + 1 if block.number else 0
    rest = len(block.text) - shown
    note = (f" [The preview stops here: {rest:,} more characters of this answer are not shown. "
            "All of them are kept in the project and go into the exported policy.]")
    runs = _runs_between(block.runs, 0, shown - number)
    return replace(block, runs=(*runs, Run(note)))


QT_LIST_RUN = 100  # Qt loads a list in time growing with its length squared: 10,000 bullets
# took 4.6 s as one list, 0.1 s as lists of this many (which look the same)


def to_html(document: Document, *, standalone: bool = False) -> str:
    """The document as simple HTML: a standalone HTML file, or the fragment Qt shows."""
    parts: list[str] = []
    if document.draft:
        parts.append(f'<p class="draft">{html.escape(DRAFT_MARK)}</p>')
    for (kind, _), blocks in groupby(document.blocks, key=lambda b: (b.kind, b.clause_id)):
        group = list(blocks)
        if kind in ("bullet", "numbered"):
            tag = "ul" if kind == "bullet" else "ol"
            run = len(group) if standalone or tag == "ol" else QT_LIST_RUN
            parts.extend(f"<{tag}>" + "".join(f"<li>{_runs_html(b.runs)}</li>"
                                              for b in group[start:start + run]) + f"</{tag}>"
                         for start in range(0, len(group), run))
        else:
            parts.extend(_pieces_html(block) if not standalone and block.kind == "paragraph"
                         and len(block.text) > PIECE else _block_html(block) for block in group)
    body = "\n".join(parts)
    if not standalone:
        return f"<style>{PREVIEW_CSS}</style>\n{body}"
    return (f'<!DOCTYPE html>\n<html lang="{document.language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(document.title)}</title>\n<style>{PREVIEW_CSS}</style>\n"
            f"</head>\n<body>\n{body}\n</body>\n</html>\n")


def _block_html(block: Block) -> str:
    if block.kind == "table":
        head, *rows = block.rows
        cells = "".join(f"<th>{html.escape(c)}</th>" for c in head)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                       for row in rows)
        return (f"<table><thead><tr>{cells}</tr></thead>"
                f"<tbody>{body}</tbody></table>")
    tag = _HTML_TAGS[block.kind]
    anchor = (f'<a name="{html.escape(block.clause_id)}"></a>'
              if block.kind in ("heading1", "heading2") else "")
    number = f"{html.escape(block.number)} " if block.number else ""
    return f"<{tag}{_class(block)}>{anchor}{number}{_runs_html(block.runs)}</{tag}>"


def _pieces_html(block: Block) -> str:
    """A long paragraph as Qt shows it: pieces (see PIECE) with no space between them."""
    runs = (Run(f"{block.number} "), *block.runs) if block.number else block.runs
    ends = [-1, *piece_breaks(block.text), len(block.text)]
    count = len(ends) - 1

    def style(n: int) -> str:
        return "; ".join(["margin-top: 0"] * (n > 0) + ["margin-bottom: 0"] * (n < count - 1))

    return "".join(f'<p style="{style(n)}">'
                   f"{_runs_html(_runs_between(runs, ends[n] + 1, ends[n + 1]))}</p>"
                   for n in range(count))


def _runs_between(runs: tuple[Run, ...], start: int, end: int) -> tuple[Run, ...]:
    """The runs' text from character start to end, each part keeping its run's weight."""
    parts, offset = [], 0
    for run in runs:
        first, stop = max(start, offset), min(end, offset + len(run.text))
        if first < stop:
            parts.append(Run(run.text[first - offset:stop - offset], run.strong))
        offset += len(run.text)
    return tuple(parts)


def in_section(block: Block, section: str) -> bool:
    """Whether the block belongs to the section or clause (the preview highlights it)."""
    return bool(section) and (block.clause_id == section
                              or block.clause_id.startswith(section + "."))


def _class(block: Block) -> str:
    return f' class="{block.kind}"' if block.kind in ("subtitle", "signature") else ""


def _runs_html(runs: tuple[Run, ...]) -> str:
    return "".join(f"<strong>{html.escape(r.text)}</strong>" if r.strong else html.escape(r.text)
                   for r in runs)


# --- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~^&$])")  # ^: pandoc's superscript (a tester)
_MD_LINE_START = re.compile(r"^(\s*|\s*\d+)((?<=\d)[.)]|(?<!\d)[-+#>=])")


def footer_line(document: Document, now: datetime, since: SentVersion | None = None) -> str:
    """What every page says it is (with its number), in the Word file, the PDF and a print,
    so printed drafts and redlines are told apart."""
    from .dates import long_date_in

    parts = [document.named]
    if document.version:
        parts.append(f"version {document.version}")
    if since is not None:
        parts.append(f"changes since {since.id} of "
                     f"{long_date_in(document.spelling, since.sent_on.date())}")
    elif document.draft:
        parts.append(f"draft of {long_date_in(document.spelling, now.date())}")
    return ", ".join(parts)


def md_escape(text: str) -> str:
    """Escape Markdown syntax so user text reads literally."""
    return _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))


def to_markdown(document: Document) -> str:
    """The document as CommonMark/pandoc Markdown."""
    prefixes = {"title": "# ", "heading1": "## ", "heading2": "### ", "bullet": "- ",
                "numbered": "1. "}
    lines: list[str] = [f"**{md_escape(DRAFT_MARK)}**", ""] if document.draft else []
    previous = ""
    for block in document.blocks:
        if block.kind == "table":
            lines.extend(_md_table(block.rows))
        else:
            number = f"{md_escape(block.number)} " if block.number else ""
            text = "".join(f"**{md_escape(r.text)}**" if r.strong and r.text.strip()
                           else md_escape(r.text) for r in block.runs)
            tight = block.kind == previous and block.kind in ("bullet", "numbered")
            if tight and lines and lines[-1] == "":
                lines.pop()
            lines.append(prefixes.get(block.kind, "") + number + text)
        lines.append("")
        previous = block.kind
    return "\n".join(lines)


def _md_table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(md_escape(" ".join(c.split())) for c in cells) + " |"

    head, *body = rows
    return [row(head), "|" + "---|" * len(head), *(row(r) for r in body)]
