"""Safer wording that keeps what was lawful: a flagged sentence loses only its risky clauses or
list items and gains the family's safer rule, so no protection the owner wrote is deleted.
"""

from __future__ import annotations

import re

from .detect import flagged_families
from .facts import CheckFacts
from .families import Family
from .language import as_the_company, clauses

_LIST_RULE = re.compile(
    r"^(?P<head>.*?\b(?:share|post|discuss|disclose|reveal|mention|publish|talk about|"
    r"photograph|record|film)\s+)(?P<items>.+)$", re.I)
_ITEM = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_POINTS_BACK = re.compile(r"\b(?:them|it|those|these|this|that|such)\b", re.I)
# A list's items are short things ("wages, hours or the schedule"), not clauses joined by
# commas: "Post photos of patients' teeth, they wont mind" offered back "Post they wont mind."
_ITEM_WORDS = 6
_CLAUSE_WORDS = re.compile(r"\b(?:i|you|we|they|he|she|it|its|it's|everyone|nobody|will|wont|"
                           r"won't|can|must|should|may|is|are|just|never|always)\b", re.I)


def safer_text(text: str, family: Family, facts: CheckFacts, keep_only: bool = False,
               company_name: str = "") -> str:
    """The sentence's lawful clauses and list items, then the family's safer rule. What is
    kept must read as lawful together too, or nothing is kept: parts each lawful alone can
    make the risky rule again ("don't talk about ur pay with each other, its private")."""
    kept = " ".join(_sentence(part) for part in _lawful_parts(text, family, facts,
                                                               company_name))
    if kept and _risky(kept, family, facts, company_name):
        kept = ""
    if keep_only:
        return kept
    return f"{kept} {family.safer}" if kept else family.safer


def _lawful_parts(text: str, family: Family, facts: CheckFacts, company_name: str) -> list[str]:
    parts, dropped = [], False
    for clause in clauses(text):
        if not _risky(clause, family, facts, company_name):
            # one that speaks of a clause taken out ("... and post them") cannot stand alone
            if not (dropped and _POINTS_BACK.search(clause)):
                parts.append(clause)
            continue
        dropped = True
        match = _LIST_RULE.match(clause)
        if match is None:
            continue
        items = [i.strip() for i in _ITEM.split(match["items"])]
        if any(len(i.split()) > _ITEM_WORDS or _CLAUSE_WORDS.search(i) for i in items):
            continue  # no list: the clause goes whole
        lawful = [i for i in items
                  if i and not _risky(match["head"] + i, family, facts, company_name)]
        # every item lawful alone: the risk is the clause's, not an item's
        if len(items) > 1 and lawful and len(lawful) < len(items):
            listed = lawful[0] if len(lawful) == 1 else \
                ", ".join(lawful[:-1]) + " or " + lawful[-1]
            parts.append(match["head"] + listed)
    return parts


def _risky(text: str, family: Family, facts: CheckFacts, company_name: str) -> bool:
    return any(found.area == family.area for found, _ in flagged_families(
        as_the_company(text, company_name), facts, precedents=False))


def _sentence(part: str) -> str:
    return part[0].upper() + part[1:] + "."
