"""The risk check over a whole project: the user's answers, the rendered policy, and the
pieces a policy like this one should have. Also applies a finding's safer wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..document import Document
from ..model import Choice, CounselNote, Industry, Project
from .coverage import missing_pieces
from .finding import Finding
from .language import sentences
from .wording import PATIENT_RULE, RULES, WordingRule

FieldPath = tuple[str | int, ...]

# Areas that describe what the company itself publishes or does: its own speech may be
# restricted freely, so only the rules about names, logos and patients apply there.
COMPANY_SPEECH_AREAS = frozenset({"company", "presence", "voice", "public", "responses"})

# List answers whose items are things employees must not share: each item is checked as
# the rule it becomes in the policy.
IMPLIED_RULES = {("employees", "confidential_info"): "Do not share {}."}


def check_text(text: str, *, company_name: str = "", company_speech: bool = False,
               industry: Industry = Industry.GENERAL_B2B) -> list[Finding]:
    """Findings for one piece of text read as a clause of the policy."""
    return list(_text_findings(text, (), "", company_name, company_speech, industry))


def check_project(project: Project, document: Document | None = None) -> list[Finding]:
    """Every finding for the project, most severe first, then in document order."""
    from ..render import render_document  # loaded when a check runs, not at import

    document = document or render_document(project)
    name, industry = project.company.name, project.company.industry
    findings: list[Finding] = []
    flagged_texts: list[str] = []
    for path, text in user_texts(project):
        clause = _clause_of(text, document, path)
        company_speech = path[0] in COMPANY_SPEECH_AREAS
        found = list(_text_findings(text, path, clause, name, company_speech, industry))
        if found:
            flagged_texts.append(_squash(text))
        findings.extend(found)
    for clause_id, line in _document_lines(document):
        if not any(text in _squash(line) for text in flagged_texts):
            findings.extend(_text_findings(line, (), clause_id, name, False, industry))
    findings.extend(missing_pieces(project, document))
    order = {clause_id: i for i, clause_id in enumerate(document.clauses())}
    return sorted(findings, key=lambda f: (-_rank(f), order.get(f.clause_id, len(order))))


def apply_suggestion(project: Project, finding: Finding) -> Project:
    """A copy of the project with the finding's safer wording in place."""
    if not finding.applicable:
        raise ValueError("this finding has no wording that can be applied automatically")
    copy = project.model_copy(deep=True)
    _assign(copy, finding.path, finding.replacement)
    return Project.model_validate(copy.model_dump())


def user_texts(project: Project) -> Iterator[tuple[FieldPath, str]]:
    """Every piece of text the user wrote, with its field path. Notes to counsel are
    questions for the lawyer, not policy text, so they are left out."""
    for area in Project.areas():
        yield from _texts(getattr(project, area), (area,))


def _texts(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, Choice | CounselNote):
        return
    if isinstance(value, str):
        if value.strip():
            yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _text_findings(text: str, path: FieldPath, clause_id: str, company_name: str,
                   company_speech: bool, industry: Industry) -> Iterator[Finding]:
    rules = RULES + ((PATIENT_RULE,) if industry == Industry.HEALTH_CARE else ())
    rules = [rule for rule in rules if rule.for_company_speech or not company_speech]
    implied = IMPLIED_RULES.get(tuple(p for p in path if not isinstance(p, int)))
    checked = implied.format(text.strip().rstrip(".")) if implied else text
    for sentence in sentences(checked, company_name):
        for rule in rules:
            if rule.test(sentence):
                excerpt = text.strip() if implied else sentence.original
                yield Finding(rule.id, rule.severity, rule.reason, rule.authority,
                              rule.item_suggestion if implied else rule.suggestion, clause_id,
                              path, excerpt, _replacement(rule, text, sentence, path, implied))


def _replacement(rule: WordingRule, text: str, sentence: Any, path: FieldPath,
                 implied: str | None) -> str | None:
    if not path:
        return None
    if implied:
        return rule.item_suggestion or None
    return text[:sentence.start] + rule.suggestion + text[sentence.end:]


def _document_lines(document: Document) -> Iterator[tuple[str, str]]:
    for block in document.blocks:
        if block.kind in ("paragraph", "bullet", "numbered"):
            yield block.clause_id, "".join(run.text for run in block.runs)
        elif block.kind == "table":
            for row in block.rows[1:]:
                yield from ((block.clause_id, cell) for cell in row)


def _clause_of(text: str, document: Document, path: FieldPath) -> str:
    """The clause that shows this answer, else the section of its area."""
    from ..render import AREA_SECTIONS

    needle = _squash(text.splitlines()[0] if text.strip() else text)
    for clause_id, line in _document_lines(document):
        if needle and needle in _squash(line):
            return clause_id
    return AREA_SECTIONS.get(str(path[0]), str(path[0])) if path else ""


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _rank(finding: Finding) -> int:
    return ("info", "warning", "error").index(finding.severity)


def _assign(target: Any, path: FieldPath, value: Any) -> None:
    *parents, last = path
    for key in parents:
        target = target[key] if isinstance(key, int) else getattr(target, key)
    if isinstance(last, int):
        target[last] = value
    else:
        setattr(target, last, value)
