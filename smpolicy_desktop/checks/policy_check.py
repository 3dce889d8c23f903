"""The risk check over sentences, a rendered document or a whole project, for a business's facts;
and applying a finding's safer wording. Pure functions, safe to run on a worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..document import Document
from ..model import Choice, CounselNote, Project
from ..questions import Question, question_at
from ..unseen import UNSEEN
from .coverage import missing_pieces
from .detect import flagged_families
from .facts import CheckFacts
from .families import FAMILIES, Family
from .finding import Finding, Rewrite
from .language import (
    Sentence,
    as_ban,
    as_the_company,
    bans,
    forbids,
    pieces,
    sentences,
)
from .safer import safer_text

FieldPath = tuple[str | int, ...]


def check_text(text: str, facts: CheckFacts | None = None, *, company_name: str = "",
               lead: str = "") -> list[Finding]:
    """Findings for one piece of text read as a clause of the policy; with a `lead`, a list item
    read as going on from it (language.bans: BAN under a heading that forbids, or a lead-in's
    words), each finding quoting the sentence of the item it is about."""
    facts = facts or CheckFacts()
    if not lead:
        return list(_text_findings(text, facts, (), "", company_name, False))
    return [finding for written, ban in bans(text, lead)
            for sentence in sentences(ban, company_name)
            for finding in _sentence_findings(sentence, facts, (), "", written, False, None,
                                              company_name)]


def check_document(document: Document, facts: CheckFacts, *,
                   company_name: str = "") -> list[Finding]:
    """Findings for every sentence of a rendered policy (a Document), in document order."""
    return [finding for clause_id, sentence in document_sentences(document)
            for finding in _sentence_findings(sentence, facts, (), clause_id, sentence.original,
                                              False, None, company_name)]


def check_project(project: Project, document: Document | None = None) -> list[Finding]:
    """Every finding for the project, most severe first, then in document order."""
    from ..render import render_document  # loaded when a check runs, not at import

    document = document or render_document(project)
    facts = CheckFacts.from_project(project)
    name = project.company.name
    findings: list[Finding] = []
    clause_of = _clause_index(document)
    user_sentences: set[str] = set()
    for path, text in user_texts(project):
        written = [original for _, _, original in pieces(text)]
        clause = clause_of.get(_squash(written[0]), _area_section(path))
        company_speech = Project.areas()[str(path[0])].company_speech
        user_sentences.update(map(_squash, written))
        if _states_no_rule(path):  # aims or figures: none of them read as a rule
            continue
        findings.extend(_text_findings(text, facts, path, clause, name, company_speech))
    flagged_user = [_squash(f.excerpt) for f in findings if f.excerpt]
    for clause_id, sentence in document_sentences(document, name):
        squashed = _squash(sentence.original)
        # The owner's own words, or a sentence quoting an answer already flagged, are the
        # owner's findings: reported once, where the owner can change them.
        if squashed in user_sentences or any(excerpt in squashed for excerpt in flagged_user):
            continue
        findings.extend(_sentence_findings(sentence, facts, (), clause_id, sentence.original,
                                           False, None, name))
    findings.extend(missing_pieces(project, document))
    order = {clause_id: i for i, clause_id in enumerate(document.clauses())}
    spelling = project.company.spelling
    return sorted((finding.in_spelling(spelling) for finding in findings),
                  key=lambda f: (-_rank(f), order.get(f.clause_id, len(order))))


def apply_suggestion(project: Project, finding: Finding) -> Project:
    """A copy of the project with the finding's safer wording in place."""
    if not finding.applicable:
        raise ValueError("this finding has no wording that can be applied automatically")
    copy = project.model_copy(deep=True)
    _assign(copy, finding.path, finding.new_value())
    return Project.model_validate(copy.model_dump())


def owner_words_fix(project: Project, finding: Finding) -> tuple[FieldPath, Any] | None:
    """For a risky sentence in a rule of the owner's own or a clause they reworded: (the
    project list to change, its new value with the safer wording in that sentence's place);
    None for anything else."""
    if finding.path or not finding.excerpt or not finding.suggestion:
        return None
    for name in ("owner_clauses", "wording"):
        items = getattr(project, name)
        for index, item in enumerate(items):
            if finding.clause_id == getattr(item, "id", getattr(item, "clause_id", None)) \
                    and finding.excerpt in item.text:
                text = item.text.replace(finding.excerpt, finding.suggestion, 1)
                return (name,), [*items[:index], item.model_copy(update={"text": text}),
                                 *items[index + 1:]]
    return None


def user_texts(project: Project) -> Iterator[tuple[FieldPath, str]]:
    """Every piece of text the user wrote, with its field path. Notes to counsel are
    questions for the lawyer, not policy text, so they are left out."""
    return ((path, text) for path, text in user_answers(project, str) if text.strip())


def user_answers(project: Project, kind: type) -> Iterator[tuple[FieldPath, Any]]:
    """Every answer of this kind the user gave (a number, a date, a text; no choice from a
    list, tick or note to counsel), with its field path."""
    for area in Project.areas():
        yield from _answers(getattr(project, area), (area,), kind)


def document_sentences(document: Document,
                       company_name: str = "") -> Iterator[tuple[str, Sentence]]:
    """(clause id, sentence) for every paragraph, list item and table cell of a document."""
    for clause_id, line in _document_lines(document):
        for sentence in sentences(line, company_name):
            yield clause_id, sentence


def _document_lines(document: Document) -> Iterator[tuple[str, str]]:
    """(clause id, text) of every paragraph, list item and table cell of a document; an item
    listed under a heading that forbids is read as the ban it is ("Use personal accounts for
    client business." under "Don't": "Do not use personal accounts for client business.")."""
    forbidding = False
    for block in document.blocks:
        text = "".join(run.text for run in block.runs)
        if block.kind in ("heading1", "heading2"):
            forbidding = forbids(text)
        if block.kind in ("bullet", "numbered") and forbidding:
            yield block.clause_id, as_ban(text)
        elif block.kind in ("paragraph", "bullet", "numbered"):
            yield block.clause_id, text
        elif block.kind == "table":
            for row in block.rows[1:]:
                for cell in row:
                    yield block.clause_id, cell


def _answers(value: Any, path: FieldPath, kind: type) -> Iterator[tuple[FieldPath, Any]]:
    if isinstance(value, Choice | CounselNote | bool):
        return
    if isinstance(value, kind):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _answers(getattr(value, name), (*path, name), kind)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _answers(item, (*path, index), kind)


def implied_rule(path: FieldPath, text: str) -> str:
    """The rule a list item stands for ("Do not share {item}."), or "" for free text."""
    return _as_rule(_implied(path), text)


def _states_no_rule(path: FieldPath) -> bool:
    question = _question(path)
    return question is not None and not question.rule


def _implied(path: FieldPath) -> str:
    question = _question(path)
    return question.implied_rule if question else ""


def _question(path: FieldPath) -> Question | None:
    return _question_for(tuple(key for key in path if not isinstance(key, int)))


@lru_cache(maxsize=1024)
def _question_for(question_path: FieldPath) -> Question | None:
    """The answer's question, looked up once per question (not once per list row)."""
    return question_at(question_path)


def _as_rule(implied: str, text: str) -> str:
    return implied.format(text.strip().rstrip(".")) if implied else ""


def _text_findings(text: str, facts: CheckFacts, path: FieldPath, clause_id: str,
                   company_name: str, company_speech: bool) -> Iterator[Finding]:
    implied = _implied(path)
    if implied:
        rule = _as_rule(implied, text)
        for finding in _sentence_findings(sentences(rule, company_name)[0], facts, path,
                                          clause_id, text.strip(), company_speech, None,
                                          company_name):
            yield replace(finding, replacement=_item_replacement(text, implied, finding, facts,
                                                                 company_name))
        return
    for sentence in sentences(text, company_name):
        yield from _sentence_findings(sentence, facts, path, clause_id, sentence.original,
                                      company_speech, text, company_name)


def _sentence_findings(sentence: Sentence, facts: CheckFacts, path: FieldPath, clause_id: str,
                       excerpt: str, company_speech: bool, whole: str | None,
                       company_name: str) -> Iterator[Finding]:
    read = as_the_company(sentence.original, company_name)
    for family, precedent in flagged_families(read, facts, company_speech):
        severity, authority = _severity_and_authority(family, facts)
        safer = safer_text(sentence.original, family, facts, company_name=company_name)
        replacement = None
        if path and whole is not None:
            replacement = Rewrite(whole, sentence.start, sentence.end, safer)
        yield Finding(family.id, severity, family.reason, authority, safer, clause_id,
                      path, excerpt, replacement,
                      precedent=precedent.sentence() if precedent else "",
                      area=family.area)


def _item_replacement(item: str, implied: str, finding: Finding, facts: CheckFacts,
                      company_name: str) -> str | None:
    """A list item keeps its lawful part; an item with none left has no one-step fix."""
    family = FAMILIES[finding.rule]
    kept = safer_text(implied.format(item.strip().rstrip(".")), family, facts, keep_only=True,
                      company_name=company_name)
    match = re.fullmatch(re.escape(implied.split("{}")[0]) + r"(.+?)\.?", kept or "")
    return match.group(1)[0].upper() + match.group(1)[1:] if match else None


def _severity_and_authority(family: Family, facts: CheckFacts) -> tuple[str, str]:
    """The family's, except that the state's own account-privacy law is cited where there is
    one, and a state without one gets a warning (still a privacy and labour-law risk)."""
    if family.area == "account_privacy":
        statute = facts.account_privacy_statute()
        if statute:
            return family.severity, f"{statute}; {family.authority}"
        if statute == "":
            return "warning", family.authority
    return family.severity, family.authority


def _clause_index(document: Document) -> dict[str, str]:
    """First line of each block, squashed -> its clause id (the first clause that shows it)."""
    index: dict[str, str] = {}
    for clause_id, line in _document_lines(document):
        for _, _, original in pieces(line):
            index.setdefault(_squash(original), clause_id)
    return index


def _area_section(path: FieldPath) -> str:
    return Project.areas()[str(path[0])].section if path else ""


def _squash(text: str) -> str:
    """A sentence as answer and policy both read: spaces, case and characters the policy
    leaves out (controls, invisible marks) aside. With an ESC in an answer, its risky sentence
    was found twice, in the answer and in the policy (found by a tester)."""
    return " ".join(UNSEEN.sub("", " ".join(text.split())).split()).lower()


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
