"""Check a policy the owner already has: read a .docx, .pdf, .txt or .md file, check every
sentence, and say which of our topics it covers and which it lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .facts import CheckFacts
from .finding import Finding
from .policy_check import check_text

READABLE = (".docx", ".pdf", ".txt", ".md")
PAGE = 3_000  # characters of text on a page, roughly
MAX_PAGES = 200  # longer is no single policy, and checking it would hold up the window's check
# Topic of our policy -> words that show a document covers it.
TOPICS = {
    "Who the policy covers": r"\bapplies to\b|\bcovers\b|\bscope\b",
    "Official company accounts": r"official (?:company )?accounts?|company (?:page|accounts?)",
    "Who speaks for the company": r"spokes\w*|on behalf of|speak for",
    "Confidential business information": r"confidential|trade secret",
    "Saying you work here when you promote us (FTC)": r"\bdisclos\w*|#ad\b|work (?:here|for)",
    "Harassment and threats": r"harass\w*|threat\w*|bully\w*",
    "Employees' rights (pay, working conditions, agencies)":
        r"working conditions|section 7|national labor|government agenc",
    "Passwords and account security": r"password|two-factor|2fa|log-?ins?",
    "Crisis and complaints response": r"crisis|escalat\w*|negative (?:comments?|reviews?)",
    "Monitoring": r"\bmonitor\w*",
    "Consequences": r"disciplin\w*|consequence",
    "Review and updates": r"review(?:ed)? (?:this policy|annually|every|each year)|updat\w*",
}


class DocumentError(Exception):
    """A file that cannot be read as a policy; the message is one line for the user."""


@dataclass(frozen=True)
class DocumentReport:
    findings: list[tuple[int, Finding]]  # (paragraph number, finding)
    covered: list[str]
    missing: list[str]


def read_paragraphs(path: Path) -> list[str]:
    """The document's paragraphs (and table cells) as plain text."""
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise DocumentError(f"{path}: cannot read {suffix or 'this'} files; use "
                            f"{', '.join(READABLE)}")
    try:
        if suffix == ".docx":
            return _docx_paragraphs(path)
        if suffix == ".pdf":
            return _pdf_lines(path)
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DocumentError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{path}: cannot be read as UTF-8 text") from exc
    return [re.sub(r"^\s*(?:[#>*-]+|\d+[.)])\s*", "", line) for line in text.splitlines()]


def check_policy_file(path: Path, facts: CheckFacts, company_name: str = "") -> DocumentReport:
    """Each risky sentence of a policy document, and which of our topics it covers or lacks;
    a rule naming the business (company_name) reads as one about the employer."""
    paragraphs = read_paragraphs(path)
    if not any(paragraph.strip() for paragraph in paragraphs):
        raise DocumentError(f"{path}: has no text to check (an empty file, or a scan that "
                            f"holds only pictures of the text)")
    pages = sum(map(len, paragraphs)) // PAGE
    if pages > MAX_PAGES:
        raise DocumentError(f"{path}: some {pages} pages of text, too long for one policy; the "
                            f"check reads up to {MAX_PAGES} pages")
    findings = [(number, finding) for number, paragraph in enumerate(paragraphs, start=1)
                if paragraph.strip()
                for finding in check_text(paragraph, facts, company_name=company_name)]
    text = "\n".join(paragraphs).lower()
    covered = [topic for topic, words in TOPICS.items() if re.search(words, text)]
    return DocumentReport(findings, covered, [t for t in TOPICS if t not in covered])


def _pdf_lines(path: Path) -> list[str]:
    """A PDF's text, one line each; a line that starts in lower case continues the sentence
    above it and is joined to it."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not path.exists():
        raise FileNotFoundError(path)
    try:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise DocumentError(f"{path}: not a PDF that can be read") from exc
    lines: list[str] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if lines and lines[-1] and line[:1].islower():
            lines[-1] += " " + line  # a sentence wrapped onto the next line
        else:
            lines.append(line)
    return lines


def _docx_paragraphs(path: Path) -> list[str]:
    import zipfile

    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.exists():
        raise FileNotFoundError(path)
    try:
        document = open_docx(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{path}: not a Word document that can be read") from exc
    cells = [" ".join(_as_accepted(p._p) for p in cell.paragraphs)
             for table in document.tables for row in table.rows for cell in row.cells]
    return [_as_accepted(p._p) for p in document.paragraphs] + cells


def _as_accepted(paragraph) -> str:
    """A paragraph's words as they read with every tracked change accepted: a lawyer's
    insertions count, their deletions and the old place of moved text do not (python-docx's
    own text leaves insertions out)."""
    from docx.oxml.ns import qn

    gone = {qn("w:del"), qn("w:moveFrom")}
    pieces = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if any(ancestor.tag in gone for ancestor in node.iterancestors()):
            continue
        pieces.append((node.text or "") if node.tag == qn("w:t") else " ")
    return "".join(pieces)
