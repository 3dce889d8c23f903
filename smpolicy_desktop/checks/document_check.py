"""Check a policy the owner already has: read a .docx, .odt, .pdf, web page, .txt or .md file,
check every sentence, and say which of our topics it covers and which it lacks.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from itertools import takewhile
from pathlib import Path
from typing import NamedTuple

from ..law import LawPack
from ..reading import (
    OLE,
    POLICY_DOCUMENTS,
    SAVE_AS_WORD,
    NotAFileError,
    locked_office_file,
    regular_file,
    saved_as_word,
)
from ..safe_write import plain_reason
from .facts import CheckFacts
from .finding import Finding
from .language import BAN, forbids, heads, is_title, pieces, states_rule
from .policy_check import check_text

PAGE = 3_000  # characters of text on a page, roughly
MAX_UNPACKED_BYTES = 100 * 2**20  # a Word or ODF file's parts unpacked: a zip bomb is refused
MAX_PAGES = 200  # longer is no single policy, and checking it would hold up the window's check
# Topic of our policy -> words that show a document covers it.
_TOPICS = {
    "Who the policy covers": r"\bapplies to\b|\bcovers\b|\bscope\b",
    "Official company accounts": r"official (?:company )?accounts?|company (?:page|accounts?)",
    "Who speaks for the company": r"spokes\w*|on behalf of|speak for",
    "Confidential business information": r"confidential|trade secret",
    # a disclosure of the tie to the business, not any "disclose" ("shall not disclose trade
    # secrets" covered it; found by a tester)
    "Saying you work here when you promote us":
        r"#ad\b|\bwork (?:here|for)\b|\b(?:i|you|we) work at\b|endorse\w*|sponsored|"
        r"paid partnership|disclos\w* (?:\w+ ){0,5}(?:relationship|connection|employ\w*|"
        r"that you work)",
    "Harassment and threats": r"harass\w*|threat\w*|bully\w*",
    "Employees' rights (pay, working conditions, reporting to the authorities)":
        r"working conditions|section 7|national labor|government agenc|regulator|public body|"
        r"(?:talk|speak|discuss\w*) (?:\w+ ){0,2}(?:pay|wages|salar\w*)",
    "Passwords and account security": r"password|two-factor|2fa|log-?ins?",
    "Crisis and complaints response": r"crisis|escalat\w*|negative (?:comments?|reviews?)",
    "Monitoring": r"\bmonitor\w*",
    "Consequences": r"disciplin\w*|consequence",
    "Review and updates": r"review(?:ed)? (?:this policy|annually|every|each year)|updat\w*",
}


def topics(law: LawPack) -> dict[str, str]:
    """Our policy's topics for the place, each with the words that show a document covers it,
    named with the law our policy cites there (the FTC's only in the US)."""
    named = {"": "", "ftc_endorsements": " (FTC)"}.get(law.endorsement_rule,
                                                      " (consumer and advertising rules)")
    return {topic + (named if topic.startswith("Saying you work here") else ""): words
            for topic, words in _TOPICS.items()}


_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # "2\.9" is how Markdown writes "2.9"
# The line under a Markdown table's header row ("|---|:---|"): the row above it holds column
# titles, as a Word table's header row does, not rules.
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


class DocumentError(Exception):
    """A file that cannot be read as a policy; the message is one line for the user."""


# Words of almost every English sentence and of few in other languages ("a", "no" and "en"
# left out): a paragraph of some length with none of them is not English.
_ENGLISH = frozenset(("the", "and", "of", "to", "is", "are", "you", "your", "our", "we", "be",
                      "not", "with", "for", "on", "in", "or", "this", "that", "it", "any", "must",
                      "may", "will", "do", "about", "at", "by", "from", "as", "if", "all",
                      "their", "they", "can", "should", "who", "when", "what", "an", "never",
                      "only", "us"))
_WORDS_TO_TELL = 6  # shorter paragraphs (headings, list items) could be either


class Place(NamedTuple):
    """Where a paragraph stands: its number in the body, or the header or footer it is in
    (numbered 0: the paragraphs of every page's header or footer are read once, in no order
    the owner counts)."""

    part: str  # "" for the body, "header" or "footer"
    number: int

    def __str__(self) -> str:
        return f"the {self.part}" if self.part else f"paragraph {self.number}"


@dataclass(frozen=True)
class DocumentReport:
    findings: list[tuple[Place, Finding]]
    covered: list[str]
    missing: list[str]
    foreign: list[Place]  # paragraphs not in English, which the check cannot read

    def foreign_note(self) -> str:
        """Paragraphs not read, said: the check reads English only, and "No findings." on a
        Spanish handbook read as all clear."""
        if not self.foreign:
            return ""
        numbers = [str(place.number) for place in self.foreign if not place.part]
        several = len(self.foreign) > 1
        named = [f"Paragraph{'s' if len(numbers) > 1 else ''} {_listed(numbers)}"] \
            if numbers else []
        named += dict.fromkeys(str(place) for place in self.foreign if place.part)
        listed = _listed(named)
        return (f"{listed[:1].upper()}{listed[1:]} {'are' if several else 'is'} not in "
                f"English and {'were' if several else 'was'} not checked: the risk check reads "
                f"English only.")


def _listed(words: list[str]) -> str:
    """"3", "3 and 5", "3, 4 and 5"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


_KNOWN_ENGLISH = 3 / 4  # of a paragraph's words in an English dictionary: French has half


def _english(paragraph: str) -> bool:
    """Whether a paragraph is English: it holds a small word of English, or most of its words
    are English ("discuss patient details, even without names;", a list item, has none of the
    small words and was said not to be in English)."""
    words = re.findall(r"[^\W\d_]+", paragraph.lower())
    return len(words) < _WORDS_TO_TELL or any(word in _ENGLISH for word in words) or \
        len(_dictionary().known(words)) >= _KNOWN_ENGLISH * len(set(words))


@cache
def _dictionary():
    """pyspellchecker's English words (loaded in about 0.4 s, only for a paragraph that has
    none of the small words)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


class Paragraph(NamedTuple):
    """A paragraph (or table cell) as plain text; whether it is a heading (a Markdown '#'
    line or table header row, a Word paragraph styled as a title, heading or contents entry,
    a cell of a Word table's header row, or a line or paragraph that reads as one over the list
    or paragraph below it: see _marked_headings), whether it is a list item (a bulleted or
    numbered line, a Word paragraph numbered or styled as a list; never a heading), the part
    of the page it is in ("" for the body, "header" or "footer"), and the list an item is of:
    its marker's kind and indent in a text ("3a)" for "   b)"), its numbering and level in
    Word, its list's style and depth in OpenDocument, its depth on a web page."""

    text: str
    heading: bool
    item: bool = False
    part: str = ""
    kind: str = ""


def read_paragraphs(path: Path) -> list[Paragraph]:
    """The document's paragraphs (and table cells), in order."""
    suffix = path.suffix.lower()
    if suffix in SAVE_AS_WORD:
        raise DocumentError(f"{path}: cannot read {suffix} files; {saved_as_word(suffix)}")
    if suffix not in POLICY_DOCUMENTS:
        kind = f"cannot read {suffix} files" if suffix else \
            "has no extension to tell what kind of file it is"
        raise DocumentError(f"{path}: {kind}; the check reads {', '.join(POLICY_DOCUMENTS)} files")
    try:
        if not _size_of_file(path):
            raise DocumentError(f"{path}: the file is empty (0 bytes); there is nothing to check")
        actual = _kind_of(path)
        if actual in SAVE_AS_WORD:  # WordPad's or Word 97's file, whatever its name
            raise DocumentError(f"{path}: is {_KINDS[actual]}, whatever its name says; "
                                f"{saved_as_word(actual)}")
        if actual and actual != suffix:  # a lawyer's .odt saved as "policy.docx", a renamed PDF
            raise DocumentError(f"{path}: is {_KINDS[actual]}, not {_KINDS.get(suffix, 'text')}, "
                                f"whatever its name says; rename it to end in {actual} and "
                                "check it again")
        if suffix == ".docx":
            return _docx_paragraphs(path)
        if suffix == ".odt":
            return _odt_paragraphs(path)
        if suffix == ".pdf":
            return _pdf_lines(path)
        if suffix in (".html", ".htm"):
            return _web_paragraphs(path)
    except OSError as exc:
        raise DocumentError(f"{path}: the file cannot be read ({plain_reason(exc)})") from exc
    return _plain_paragraphs(text_lines(read_text(path)))


_KINDS = {".docx": "a Word document", ".odt": "an OpenDocument text", ".pdf": "a PDF",
          ".rtf": "a Rich Text Format file (.rtf)", ".doc": "a Word 97-2003 document (.doc)"}
_STARTS = {b"%PDF-": ".pdf", b"{\\rtf": ".rtf", OLE: ".doc"}  # a file's first bytes -> its kind


def _kind_of(path: Path) -> str:
    """The extension a file's content says it has (one of _KINDS), "" for any other content
    (text, or a zip of other files, which its reader refuses as what it is named);
    DocumentError for a Word file protected with a password."""
    import zipfile

    with path.open("rb") as handle:
        start = handle.read(len(OLE))
    actual = next((kind for mark, kind in _STARTS.items() if start.startswith(mark)), "")
    if actual == ".doc" and locked_office_file(path):  # a Word file, locked
        raise _locked(path)
    if actual:
        return actual
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return ".docx"
            if "mimetype" in names:
                return ".odt" if _odf_text(archive) else ""
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError):  # no zip
        pass
    return ""


def _locked(path: Path) -> DocumentError:
    return DocumentError(f"{path}: the file is protected with a password; save a copy without "
                         "one and check that")


def read_text(path: Path) -> str:
    """A plain text file's text: UTF-8, or UTF-16 or 32 with its byte order mark (Notepad's
    "Unicode"), the mark left out; DocumentError for no file, no such text, or more than
    MAX_PAGES of it (refused before more than that is read)."""
    limit = MAX_PAGES * PAGE * 4  # UTF-8 and UTF-32 take at most four bytes a character
    size = _size_of_file(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
        if len(raw) > limit:
            raise _too_long(path, max(size, len(raw)))
        marked = next((name for mark, name in _MARKS if raw.startswith(mark)), "utf-8")
        text = raw.decode(marked)
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{path}: cannot be read as UTF-8 text") from exc
    if len(text) > MAX_PAGES * PAGE:
        raise _too_long(path, len(text))
    return text


# Byte order marks, UTF-32's before UTF-16's (it starts with it), and the codec that reads each.
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
          (codecs.BOM_UTF8, "utf-8-sig"))


def text_lines(text: str) -> list[str]:
    """A text file's lines as an editor numbers them: a form feed or U+2028 ends none
    (str.splitlines() ended a line at each, and the check said "line 5" of line 3)."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines[-1] == "" else lines  # the last line's end starts none


def _size_of_file(path: Path) -> int:
    try:
        return regular_file(path).st_size
    except NotAFileError as exc:
        raise DocumentError(str(exc)) from None


def _too_long(path: Path, characters: int) -> DocumentError:
    return DocumentError(f"{path}: some {characters // PAGE} pages of text, too long for one "
                         f"policy; the check reads up to {MAX_PAGES} pages")


def check_policy_file(path: Path, facts: CheckFacts, company_name: str = "") -> DocumentReport:
    """Each risky sentence of a policy document, and which of our topics it covers or lacks;
    a rule naming the business (company_name) reads as one about the employer. A heading that
    names a topic ("Pay and benefits") is no rule and is not checked, as the policy's own check
    skips ours; one that states a rule ("Never discuss pay") is checked: a lawyer reads it as
    a rule of the document, and a Word or Markdown heading's ban went unreported."""
    read = read_paragraphs(path)
    paragraphs = [paragraph.text for paragraph in read]
    if not any(paragraph.strip() for paragraph in paragraphs):
        raise DocumentError(f"{path}: has no text to check (an empty file, or a scan that "
                            f"holds only pictures of the text)")
    if sum(map(len, paragraphs)) > MAX_PAGES * PAGE:
        raise _too_long(path, sum(map(len, paragraphs)))
    places = _places(read)
    findings = [(place, finding) for place, paragraph, checks
                in zip(places, read, _checked(read), strict=True) for words, lead in checks
                if words.strip() and (not paragraph.heading or states_rule(words))
                for finding in check_text(words, facts, company_name=company_name, lead=lead)]
    # A sentence found risky covers no topic: "must not discuss their salary or working
    # conditions" takes employees' rights away rather than stating them.
    risky = {finding.excerpt for _, finding in findings if finding.severity != "info"}
    text = "\n".join(paragraphs)
    for sentence in risky:
        text = text.replace(sentence, " ")
    text = text.lower()
    ours = topics(facts.law)
    covered = [topic for topic, words in ours.items() if re.search(words, text)]
    foreign = [place for place, paragraph in zip(places, read, strict=True)
               if not (paragraph.heading or is_title(paragraph.text) or _english(paragraph.text))]
    return DocumentReport(findings, covered, [t for t in ours if t not in covered], foreign)


def _places(read: list[Paragraph]) -> list[Place]:
    """Each paragraph's place: the body's numbered from 1 (a header's paragraphs, read first,
    count none), a header's or footer's named."""
    body = iter(range(1, len(read) + 1))
    return [Place(paragraph.part, 0 if paragraph.part else next(body)) for paragraph in read]


def _checked(read: list[Paragraph]) -> list[list[tuple[str, str]]]:
    """Each paragraph's words to check, and the words they go on from ("" for none); more than
    one such pair for a lead-in with its items in its own line (_inline_items). An item
    listed under a heading that forbids ("Don't:" over "Talk about your pay online.") goes on
    from BAN, as the policy's own check reads ours; one under a lead-in it finishes
    ("Employees may not:" over "discuss their wages with coworkers;") from the lead-in, whose
    unfinished sentence is not checked alone (_lead_of). The heading or lead-in may be a
    paragraph of its own in any style. The list goes on over empty paragraphs and ends at the
    first that is no item of it; a lead-in (not a "Don't") that is itself an item ("1. You
    must not:") goes on in the items below it of another list ("a) Discuss your pay", indented
    or a level down) or that start in lower case ("2. discuss your pay"), not in the next item
    of its own ("2. Keep salaries confidential."). No list goes on from a header into the body,
    or from the body into a footer."""
    lead, by_item, part, checked = "", None, "", []  # by_item: the lead-in item's list
    for paragraph in read:
        if paragraph.part != part:
            lead, by_item, part = "", None, paragraph.part
        words, opens = _lead_of(paragraph.text)
        goes_on = bool(lead) and paragraph.item and not opens and \
            (by_item is None or paragraph.kind != by_item or paragraph.text[:1].islower())
        checked.append([(words, lead)] if goes_on else _inline_items(words))
        if paragraph.text.strip():
            lead, by_item = \
                (opens, paragraph.kind if paragraph.item and opens != BAN else None) if opens \
                else (lead if goes_on else "", by_item)
    return checked


# A lead-in and its first item in the same line: "Employees must not: a) discuss ...".
_INLINE_LIST = re.compile(r"(?P<lead>.*?:)\s+(?P<marker>\((?P<first>[ai1])\)|(?P<bare>[ai1])[.)])"
                          r"\s+(?P<items>.*)", re.S)
# The markers of items in order, after the first: letters, Roman numbers or numbers.
_IN_ORDER = {"a": "bcdefghijklmnopqrstuvwxyz",
             "i": ("ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"),
             "1": [str(number) for number in range(2, 100)]}


def _inline_items(text: str) -> list[tuple[str, str]]:
    """A paragraph's words to check with the words they go on from: [(text, "")], or, for a
    lead-in with its items in the same line ("Employees must not: a) discuss their wages;
    b) post ..."), the words before the lead-in alone and each item with the lead-in, as
    items below it are read (_checked). The items are marked in order ("a)", "b)", ... or
    "(i)", "(ii)", ... or "1.", "2.", ...); a lone "(a)" in a sentence lists nothing."""
    found = _INLINE_LIST.match(text)
    before, opens = _lead_of(found["lead"]) if found else (text, "")
    if not found or not opens:
        return [(text, "")]
    first = found["first"] or found["bare"]
    form = found["marker"].replace(first, "{}", 1)
    items, rest = [], found["items"]
    for following in _IN_ORDER[first]:
        item, *after = re.split(rf"\s+{re.escape(form.format(following))}\s+", rest, maxsplit=1)
        items.append(item)
        if not after:
            break
        rest = after[0]
    else:  # the last marker there is: the rest is the last item
        items.append(rest)
    if len(items) < 2:
        return [(text, "")]
    return [(before, ""), *((item, opens) for item in items)]


def _lead_of(text: str) -> tuple[str, str]:
    """A paragraph's words to check, and the words the list items below it go on from ("" for
    none): BAN for a heading that forbids; a lead-in's last sentence, which they finish, left
    out of the words to check (_AWAITS: "When you use social media, you must:" alone was
    reported as a demand for logins)."""
    if forbids(text):
        return text, BAN
    last = pieces(text)[-1:]
    if not last or not _AWAITS.search(last[0][2]):
        return text, ""
    start, _, sentence = last[0]
    return text[:start], sentence.removesuffix(":").rstrip() + " "


def _pdf_lines(path: Path) -> list[Paragraph]:
    """A PDF's text, one line each; a line that starts in lower case continues the sentence
    above it and is joined to it; its header and footer are read once (_pdf_margins)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    # pypdf logs what it finds wrong ("invalid pdf header", "EOF marker not found") to the
    # terminal, lines before the one the check says (found by a tester)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        pages = PdfReader(path).pages
        if len(pages) > MAX_PAGES:  # known before a page is read
            raise DocumentError(f"{path}: {len(pages)} pages, too long for one policy; the "
                                f"check reads up to {MAX_PAGES} pages")
        texts = [(page.extract_text() or "").splitlines() for page in pages]
    except LimitReachedError as exc:  # pypdf's guard against a few KB that unpack to GB
        raise DocumentError(f"{path}: part of the PDF unpacks to too much data to read") from exc
    except (PyPdfError, ValueError, KeyError) as exc:
        raise DocumentError(f"{path}: not a PDF that can be read") from exc
    return _pdf_margins(texts)


def _pdf_margins(pages: list[list[str]]) -> list[Paragraph]:
    """A PDF's lines, page by page, as paragraphs (_plain_paragraphs), its header and footer
    read once as a Word file's are, as on the first page that has them: a line on two pages
    at least and on every page after the first (the first page's may differ), its numbers
    aside ("Page 2"), is the header's, or the footer's where it stands in the bottom half of
    its page; a lead-in ("Don't:") heading a list on each page is none. Read with each page,
    a footer's rule was found once a page."""
    on = [{_page_free(line) for line in page} for page in pages]
    running = {line for line in set.intersection(*on[1:]) if line and not _leads_in(line)
               and sum(line in page for page in on) > 1} if len(on) > 1 else set()
    body: list[str] = []
    margins: dict[str, list[str]] = {"header": [], "footer": []}
    read = set()
    for page in pages:
        for place, line in enumerate(page):
            if _page_free(line) not in running:
                body.append(line)
            elif _page_free(line) not in read:
                read.add(_page_free(line))
                margins["header" if place < len(page) / 2 else "footer"].append(line)
    return [*_once("header", _plain_paragraphs(margins["header"])), *_plain_paragraphs(body),
            *_once("footer", _plain_paragraphs(margins["footer"]))]


def _page_free(line: str) -> str:
    """A line of a page with its numbers aside, to tell a header or footer that numbers its
    page ("Page 2 of 5") by the rest of its words."""
    return re.sub(r"\d+", "0", line.strip())


# A line that ends on a word no sentence ends with ("... about the", "... to anyone outside
# the") goes on in the next, whatever its first letter ("Company, such as ..."): read apart,
# the fragment was flagged on its own (found by a tester, in lawyerly text). A heading may end
# on a preposition ("Things to be careful about"), never on the rest (_LEFT_OPEN).
_LEFT_OPEN = r"the|a|an|of|and|or|that|such|as|any|our|your|their|its|this|these|those|not|no"
_CARRIES_ON = re.compile(rf"\b(?:{_LEFT_OPEN}|to|for|with|about|in|on|at|by|from)\s*$", re.I)
# A lead-in's sentence that the list items below it finish: it ends in ":" after a word no
# heading ends with, "to" or "from", or a modal ("Employees may not:", "You agree to:", "Staff
# must:"); not "Things to avoid being shy about:", a heading.
_AWAITS = re.compile(rf"\b(?:{_LEFT_OPEN}|to|from|must|may|should|shall|will|can|cannot|never|"
                     r"always)\s*:$", re.I)
_ENDS_OPEN = re.compile(rf"\b(?:{_LEFT_OPEN})\s*$", re.I)
# A bullet, as typed or as a PDF gives it (Word's bullets come out of a PDF as the Symbol or
# Wingdings font's own characters, U+F0B7 and the like), or a number: "3.", "3)", "(3)", a
# letter ("a)", "(a)", "a.", "A)"; not "A.", a name's initial) or a Roman number ("iv.", "(iv)").
_BULLET = "[-*+\u2022\u2023\u2043\u25aa\u25cf\u25e6\uf0a7\uf0b7\uf0d8\uf076\uf0fc]"
_NUMBER = r"(?:\d+|[a-z]|[ivxIVX]+)[.)]|[A-Z]\)|\((?:\d+|[a-zA-Z]|[ivxIVX]+)\)"
_LIST_ITEM = re.compile(rf"(?:{_BULLET}|(?P<number>{_NUMBER}))\s")
_MARKDOWN_HEADING = re.compile(r"#+(?:\s|$)")  # "#ad" starts a sentence, not a heading
_MARKER = re.compile(rf"^\s*(?:{_MARKDOWN_HEADING.pattern}|>+|{_BULLET}+|(?:{_NUMBER})(?=\s))\s*")


def _plain_paragraphs(lines: list[str]) -> list[Paragraph]:
    """A plain text's (or a PDF's) lines as paragraphs, one a line as an editor numbers them:
    each line's list marker or Markdown mark left out, its headings marked (_marked_headings),
    and a sentence wrapped over several lines joined (_unwrapped)."""
    headers = {number - 1 for number, line in enumerate(lines) if _TABLE_RULE.match(line)}
    read, numbered = [], set()
    for number, line in enumerate(lines):
        text = line.strip()
        marked = _LIST_ITEM.match(text)
        read.append(Paragraph(_MARKDOWN_ESCAPE.sub(r"\1", _MARKER.sub("", text)),
                              bool(_MARKDOWN_HEADING.match(text)) or number in headers,
                              bool(marked), kind=_marker_kind(line, marked[0]) if marked else ""))
        if marked and marked["number"]:
            numbered.add(number)
    return _unwrapped(_marked_headings(read, numbered))


def _marker_kind(line: str, marker: str) -> str:
    """The list a text line's item is of: its indent and its marker's kind ("3a)" for
    "   b) ..."; numbers, small and capital letters told apart, Roman numbers as letters)."""
    kind = re.sub(r"[A-Z]+", "A", re.sub(r"[a-z]+", "a", re.sub(r"\d+", "1", marker.strip())))
    return f"{len(line) - len(line.lstrip())}{kind}"


def _marked_headings(read: list[Paragraph], numbered: Collection[int] = ()) -> list[Paragraph]:
    """The paragraphs with each one that reads as a heading marked so: it heads (language.heads)
    the list or the paragraph below it, and neither goes on from the line above nor is carried
    on by the one below (_flows). It is not checked as a rule ("Posting rules" or "Things to
    avoid being shy about:" alone on a line were, and drew findings); the items under it are
    read in its light, as bans under a "Don't" (_checked). A numbered line (`numbered`: their
    places) is such a heading, no item, where no numbered line stands next to it and no
    lead-in ("Don't:") above it: a Word file's numbered headings come out of a PDF so."""
    filled = [number for number, paragraph in enumerate(read) if paragraph.text.strip()]
    marked = list(read)
    neighbours = [None, *filled, None]
    for place, here in enumerate(filled, start=1):
        before, after = neighbours[place - 1], neighbours[place + 1]
        line, above = read[here], read[before] if before is not None else None
        below = read[after] if after is not None else None
        listed = line.item and (here not in numbered or before in numbered or after in numbered
                                or above is not None and _leads_in(above.text))
        goes_on = above is not None and not above.heading and _flows(above.text, line.text)
        if line.heading or listed or goes_on or below is None or below.heading:
            continue
        if below.item:
            heading = heads(line.text, over_list=True)
        else:  # a paragraph below, which carries on no heading and could be none itself
            heading = not (below.text[:1].islower() or _ENDS_OPEN.search(line.text)) and \
                not heads(below.text, over_list=True) and heads(line.text, over_list=False)
        if heading:
            marked[here] = line._replace(heading=True, item=False)  # in its part still
    return marked


def _leads_in(text: str) -> bool:
    """Whether a paragraph introduces a list: "Don't", "Never", or anything ending in ":"."""
    return text.rstrip().endswith(":") or forbids(text)


def _flows(above: str, line: str) -> bool:
    """Whether a line goes on with the unfinished sentence of the line above it: it starts in
    lower case, or the line above ends on a word no sentence ends with (_CARRIES_ON)."""
    above = above.rstrip()
    return not above.endswith((".", "!", "?")) and (
        line[:1].islower() or bool(_CARRIES_ON.search(above)))


def _unwrapped(read: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs with a sentence wrapped onto the next line joined (_flows); a heading or a
    list item starts its own. The joined line stands at its first line's place and the lines
    it took are left empty, so a finding keeps the line an editor shows (a hard-wrapped text
    file was checked a fragment at a time: "anyone outside the company." alone was reported
    as a gag on reports to the SEC)."""
    joined = list(read)
    start = 0
    for number, (text, heading, item, *_) in enumerate(read):
        above = joined[start]
        if number and text and above.text and not (above.heading or heading or item) and \
                _flows(above.text, text):
            joined[start] = above._replace(text=f"{above.text.rstrip()} {text}")
            joined[number] = Paragraph("", False)
        elif text:
            start = number
    return joined


def _docx_paragraphs(path: Path) -> list[Paragraph]:
    import zipfile

    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as archive:  # python-docx unpacks every part in memory
            _refuse_a_bomb(path, archive, "Word file")
        document = open_docx(str(path))
        # a part is parsed when first read (the styles with the first paragraph's style)
        return [*_docx_margin(document, "header"), *_docx_blocks(document),
                *_docx_margin(document, "footer")]
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{path}: not a Word document that can be read") from exc
    except etree.LxmlError as exc:  # a part cut short, or entities that would explode
        raise DocumentError(f"{path}: the Word file is damaged (a part of it is cut short "
                            "or not as Word writes it); open it in Word and save it again") \
            from exc


def _docx_blocks(container) -> list[Paragraph]:
    """The paragraphs and table cells of a Word document's body, header or footer."""
    from docx.table import Table

    return _with_tables([_docx_cells(block) if isinstance(block, Table)
                         else _docx_paragraph(block) for block in container.iter_inner_content()])


def _docx_margin(document, part: str) -> list[Paragraph]:
    """The paragraphs of a Word document's headers or footers (`part`) that Word shows: each
    section's own (one linked to the section before it is that one), its first page's where
    the section sets it apart, the even pages' where the document does. A paragraph that
    another header or footer repeats (each section's, the first page's) is read once."""
    from docx.blkcntnr import BlockItemContainer
    from docx.oxml.ns import qn

    shown = {"default"} | ({"even"} if document.settings.odd_and_even_pages_header_footer
                           else set())
    parts: dict = {}  # each header or footer once, in the order of the sections
    for section in document.sections:
        kinds = shown | ({"first"} if section.different_first_page_header_footer else set())
        for reference in section._sectPr.iterchildren(qn(f"w:{part}Reference")):
            if reference.get(qn("w:type"), "default") in kinds:
                parts.setdefault(document.part.related_parts[reference.get(qn("r:id"))])
    return _once(part, [paragraph for found in parts
                        for paragraph in _docx_blocks(BlockItemContainer(found.element, found))])


def _once(part: str, read: list[Paragraph]) -> list[Paragraph]:
    """A header's or footer's paragraphs (`part`: "header" or "footer") that hold words, each
    once: every section and first page may repeat them."""
    return list({paragraph.text.strip(): paragraph._replace(part=part) for paragraph in read
                 if paragraph.text.strip()}.values())


WEB_MARKUP = 20  # a saved web page's bytes for each character of its text, at the most
# A web page's blocks: each is a paragraph of its own (its words without those of the blocks
# inside it), a heading, list item or table cell as a Word file's are.
_WEB_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "dt", "summary")
_WEB_BLOCKS = (*_WEB_HEADINGS, "p", "li", "td", "dd", "div", "blockquote", "pre", "address",
               "section", "article", "main", "header", "footer", "aside", "nav", "figcaption")


def _web_paragraphs(path: Path) -> list[Paragraph]:
    """A web page's paragraphs (an intranet's policy page saved from the browser): its blocks'
    words in order, headings and list items marked; its head, scripts, styles, templates and
    noscript text left out. Its markup is held to WEB_MARKUP times MAX_PAGES of text before it
    is read (its text, as any document's, by check_policy_file)."""
    from lxml import etree, html

    if (size := _size_of_file(path)) > MAX_PAGES * PAGE * WEB_MARKUP:
        raise _too_long(path, size // WEB_MARKUP)
    raw = path.read_bytes()
    try:
        page = html.document_fromstring(raw, parser=html.HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True))
    except (etree.LxmlError, ValueError) as exc:
        raise DocumentError(f"{path}: not a web page that can be read") from exc
    for hidden in page.xpath("//script|//style|//template|//noscript|//head"):
        hidden.drop_tree()
    # a list item's words may stand in a paragraph inside it (LibreOffice's <li><p>)
    return _marked_headings([Paragraph(" ".join(words.split()), heading, not heading and
                                       "li" in (element.tag, element.getparent().tag),
                                       _web_part(element),
                                       str(len(element.xpath("ancestor::ol|ancestor::ul"))))
                             for element in page.iter(*_WEB_BLOCKS)
                             for words in [_own_words(element)] if words.strip()
                             for heading in [element.tag in _WEB_HEADINGS]])


def _web_part(element) -> str:
    """The part of the page a web page's block is in: "header" or "footer" within a <header>
    or <footer>, or LibreOffice's <div title="header"> or "footer" (a page's), else ""."""
    within = element.xpath("ancestor-or-self::*[self::header or self::footer or "
                           "self::div[@title='header' or @title='footer']]")
    if not within:
        return ""
    nearest = within[-1]
    return nearest.get("title") if nearest.tag == "div" else nearest.tag


def _own_words(element) -> str:
    """A web page block's words, not those of the blocks inside it (read as their own)."""
    words = [element.text or ""]
    for child in element:
        if child.tag == "br":
            words.append("\n")
        elif isinstance(child.tag, str) and child.tag not in _WEB_BLOCKS:
            words.append(_own_words(child))
        words.append(child.tail or "")
    return "".join(words)


def _with_tables(blocks: list[Paragraph | list[Paragraph]]) -> list[Paragraph]:
    """A document's paragraphs, headings marked (_marked_headings), with each table's cells
    (a list of them) at the table's place: read after all the paragraphs, a cell was said to
    be in a paragraph the owner could not find."""
    marked = iter(_marked_headings([block for block in blocks if isinstance(block, Paragraph)]))
    return [paragraph for block in blocks
            for paragraph in (block if isinstance(block, list) else [next(marked)])]


def _docx_cells(table) -> list[Paragraph]:
    """A Word table's cells, row by row, each once: python-docx gives a merged cell once for
    each column and row it spans."""
    cells: dict = {}
    for row in table.rows:
        for cell in row.cells:
            cells.setdefault(cell._tc, Paragraph(
                " ".join(_as_accepted(p._p) for p in cell.paragraphs), _header_row(row)))
    return list(cells.values())


def _docx_paragraph(paragraph) -> Paragraph:
    """A Word paragraph. A list item is numbered (Word's bullets are numbering too), itself
    or by its style, or styled as a list ("List Bullet"); a numbered heading is a heading."""
    style = paragraph.style
    name = style.name.lower() if style is not None else ""
    heading = name.startswith(("heading", "title", "toc"))
    numbering = [properties.numPr for properties in
                 (paragraph._p.pPr, style.element.pPr if style is not None else None)
                 if properties is not None and properties.numPr is not None]
    kind = _numbering_of(numbering) if numbering else name if name.startswith("list") else ""
    return Paragraph(_as_accepted(paragraph._p), heading, not heading and bool(kind), kind=kind)


def _numbering_of(numbering: list) -> str:
    """The list a numbered Word paragraph is of, from its own numbering and its style's (the
    first that says): "5/1", the list's number and the level in it."""
    number = next((found.numId.val for found in numbering if found.numId is not None), "")
    level = next((found.ilvl.val for found in numbering if found.ilvl is not None), 0)
    return f"{number}/{level}"


def _header_row(row) -> bool:
    """Whether a Word table row is its header row (repeated on each page): its cells are column
    titles ("When to call"), not rules."""
    from docx.oxml.ns import qn

    properties = row._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def _as_accepted(paragraph) -> str:
    """A paragraph's words as they read with every tracked change accepted: a lawyer's
    insertions count, their deletions and the old place of moved text do not (python-docx's
    own text leaves insertions out). A text box's paragraphs in it are read once (Word keeps a
    second copy for older readers, mc:Fallback), set apart by spaces as an .odt's are."""
    from docx.oxml.ns import qn

    # left out, as is what lies in a text box's paragraph (read whole, as one)
    gone = {qn("w:del"), qn("w:moveFrom"), qn("w:p"),
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
    words = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:p")):
        within = takewhile(lambda ancestor: ancestor is not paragraph, node.iterancestors())
        if any(ancestor.tag in gone for ancestor in within):
            continue
        if node.tag == qn("w:p") and node is not paragraph:
            words.append(f" {_as_accepted(node)} ")
        elif node.tag == qn("w:t"):
            words.append(node.text or "")
        elif node.tag != qn("w:p"):
            words.append(" ")
    return "".join(words)


def _refuse_a_bomb(path: Path, archive, kind: str) -> None:
    """DocumentError if a zipped document (`kind`: "Word file") unpacks to more than
    MAX_UNPACKED_BYTES, told by its parts' sizes before any of them is unpacked."""
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocumentError(f"{path}: the {kind} is too large to read ({unpacked / 2**20:.0f} "
                            f"MB unpacked; the check reads up to {MAX_UNPACKED_BYTES // 2**20} "
                            f"MB)")


# OpenDocument text (.odt, what LibreOffice saves): a zip whose content.xml holds the text.
_ODF_TEXT = "application/vnd.oasis.opendocument.text"  # the zip's "mimetype" (".ott" adds more)
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_ODF_PARAGRAPHS = (f"{_TEXT}p", f"{_TEXT}h")
# Not the document's words: its tracked changes (a deletion's old text is kept there; an
# insertion stands in its place), comments, footnotes, a picture's title and description, and
# the declarations before the text.
_ODF_LEFT_OUT = {f"{_TEXT}tracked-changes", f"{_OFFICE}annotation", f"{_TEXT}note",
                 f"{_SVG}title", f"{_SVG}desc", f"{_TEXT}sequence-decls", f"{_OFFICE}forms"}
_ODF_BREAKS = {f"{_TEXT}s", f"{_TEXT}tab", f"{_TEXT}line-break"}  # a space, tab or soft break
# Paragraph styles that make a heading, as a Word paragraph's do (_docx_paragraph): "Title",
# "Heading_20_1" ("Heading 1"), "Contents_20_1" (a line of the table of contents).
_ODF_HEADING_STYLES = ("heading", "title", "contents")


def _odf_text(archive) -> bool:
    """Whether an OpenDocument zip is a text document by its "mimetype" (KeyError if it has
    none), read no further than that says."""
    with archive.open("mimetype") as kind:
        return kind.read(len(_ODF_TEXT)) == _ODF_TEXT.encode()


def _odt_paragraphs(path: Path) -> list[Paragraph]:
    """An OpenDocument text's paragraphs, as a Word file's are read (_docx_paragraphs): its
    headings (text:h, or a paragraph in a heading, title or contents style) and list items
    marked, its tables' cells at their places, a cell of a table's header rows a heading; its
    pages' headers before the body and their footers after it (_odf_margin)."""
    import zipfile

    from lxml import etree

    unreadable = f"{path}: not an OpenDocument text (.odt) that can be read"
    try:
        with zipfile.ZipFile(path) as archive:
            _refuse_a_bomb(path, archive, "OpenDocument file")
            if not _odf_text(archive):
                raise DocumentError(f"{path}: an OpenDocument file but no text document (a "
                                    "spreadsheet or slides); the check reads text documents")
            manifest = "META-INF/manifest.xml"
            if manifest in archive.namelist() and b"encryption-data" in archive.read(manifest):
                raise _locked(path)
            content = archive.read("content.xml")
            styles = archive.read("styles.xml") if "styles.xml" in archive.namelist() else b""
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(content, parser)
        pages = etree.fromstring(styles, parser) if styles else root  # headers and footers
    except (zipfile.BadZipFile, KeyError) as exc:
        raise DocumentError(unreadable) from exc
    except etree.LxmlError as exc:
        raise DocumentError(f"{path}: the file is damaged (a part of it is cut short or not "
                            "as an office program writes it); open it and save it again") \
            from exc
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise DocumentError(unreadable)
    # a paragraph's own style ("P1") is named by the one it derives from ("Heading_20_1")
    derived = {style.get(f"{_STYLE}name"): style.get(f"{_STYLE}parent-style-name", "")
               for tree in {root, pages} for style in tree.iter(f"{_STYLE}style")}
    return [*_odf_margin(pages, "header", derived), *_odf_read(body, derived),
            *_odf_margin(pages, "footer", derived)]


def _odf_margin(styles, part: str, derived: dict[str, str]) -> list[Paragraph]:
    """The paragraphs of an OpenDocument text's headers or footers (`part`), kept with its page
    styles: each page style's own, its left and first pages' where they differ (a hidden one
    left out); a paragraph that another repeats (each page style may) is read once."""
    return _once(part, [paragraph for page in styles.iter(f"{_STYLE}master-page")
                        for kind in (part, f"{part}-left", f"{part}-first")
                        for element in page.iterchildren(f"{_STYLE}{kind}")
                        if element.get(f"{_STYLE}display") != "false"
                        for paragraph in _odf_read(element, derived)])


def _odf_read(within, derived: dict[str, str]) -> list[Paragraph]:
    """The paragraphs and table cells under an OpenDocument element (the body, a header), each
    paragraph's style named by the one it derives from in `derived`."""
    read: list[Paragraph | list[Paragraph]] = []
    for element, kind in _odf_blocks(within):
        if element.tag == f"{_TABLE}table":
            read.append([Paragraph(_odf_words(cell).strip(),
                                   row.getparent().tag == f"{_TABLE}table-header-rows")
                         for row in _odf_own(element, f"{_TABLE}table-row")
                         for cell in _odf_own(element, f"{_TABLE}table-cell", row)])
            continue
        style = element.get(f"{_TEXT}style-name", "")
        heading = element.tag == f"{_TEXT}h" or \
            derived.get(style, style).lower().startswith(_ODF_HEADING_STYLES)
        read.append(Paragraph(_odf_words(element), heading, bool(kind) and not heading,
                              kind=kind))
    return _with_tables(read)


def _odf_blocks(element, style: str = "", depth: int = 0, item: bool = False):
    """The paragraphs (text:p, text:h) and tables under an element, in order, each with the
    list it is an item of ("" for none): its list's style and depth ("WWNum5/2")."""
    for child in element:
        if child.tag in (*_ODF_PARAGRAPHS, f"{_TABLE}table"):
            yield child, f"{style}/{depth}" if item else ""
        elif child.tag not in _ODF_LEFT_OUT:  # a list, list item, section or index
            listed = child.tag == f"{_TEXT}list"
            yield from _odf_blocks(child, child.get(f"{_TEXT}style-name", style) if listed
                                   else style, depth + listed,
                                   item or child.tag == f"{_TEXT}list-item")


def _odf_own(table, tag: str, within=None) -> list:
    """A table's rows or (within a row) cells: not those of a table inside one of its cells."""
    return [found for found in (within if within is not None else table).iter(tag)
            if next(found.iterancestors(f"{_TABLE}table")) is table]


def _odf_words(element) -> str:
    """The words of a paragraph (or table cell), with its spans and links, a space for each
    space mark, tab and soft break, a paragraph inside it (in a text box, a list or table in a
    cell) set apart by spaces, and none of what _ODF_LEFT_OUT leaves out."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag in _ODF_BREAKS:
            pieces.append(" ")
        elif child.tag in _ODF_PARAGRAPHS:
            pieces.append(f" {_odf_words(child)} ")
        elif child.tag not in _ODF_LEFT_OUT:
            pieces.append(_odf_words(child))
        pieces.append(child.tail or "")
    return "".join(pieces)
