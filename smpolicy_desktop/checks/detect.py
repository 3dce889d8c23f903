"""Which kinds of risky rule a sentence falls in: the keyword rules first, then the learned
model for the areas they missed, each with the nearest labelled precedent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .concepts import NEGATED_DISCLOSURE, RESTRAINT
from .facts import CheckFacts
from .families import FAMILIES, Family
from .language import (
    COMPANY_VOICE,
    HARASSMENT_CONTEXT,
    Sentence,
    clauses,
    sentences,
    words,
)
from .model import Model, Precedent, model
from .wording import MALICE, RULES, SENSITIVE_PERSONAL

_COMPETITORS = words(r"competitors?'?")
_COMPLAINT_OF_HARASSMENT = words(
    r"(?:complaints?|reports?|allegations?|investigations?) (?:of|about|into) (?:\w+ )?"
    r"(?:harassment|discrimination|retaliation)",
    r"(?:harassment|discrimination|retaliation) (?:complaints?|reports?|allegations?|"
    r"investigations?)")
# The company promising restraint ("We never hide negative reviews.") or telling staff what they
# never have to do ("You never have to show us your profiles.") states a safeguard, not a rule:
# every such sentence the corpus labels outside labour law is acceptable. Not "We do not allow
# staff to...", a rule in the company's voice, nor one that keeps something back ("We never
# mention that reviewers were paid."); and not in labour law, where "we" is often the staff
# ("We will not engage in gossip.").
_SAFEGUARD = re.compile(rf"(?:{RESTRAINT.pattern}|^you (?:never|do not|will never) (?:have|need) "
                        r"to\b)(?! (?:allow|permit|let|tolerate|want|accept)\b)")
# How alike a citable rule must be (share of features) to be shown as the finding's precedent.
SHOWN_PRECEDENT = 0.12


def flagged_families(text: str, facts: CheckFacts, company_speech: bool = False,
                     learned: Model | None = None, precedents: bool = True
                     ) -> list[tuple[Family, Precedent | None]]:
    """The families a sentence falls in, each with the most similar citable precedent (or None
    when none is alike or not asked for), for the areas the facts call for. Keyword rules
    first; the model adds areas they missed."""
    if learned is None:
        return list(known_families(text, facts, company_speech, precedents))
    return _families(text, facts, company_speech, learned, precedents)


@lru_cache(maxsize=65536)
def known_families(text: str, facts: CheckFacts, company_speech: bool, precedents: bool
                   ) -> tuple[tuple[Family, Precedent | None], ...]:
    """flagged_families with the shipped model, remembered: a re-check after an edit costs only
    the sentences that changed."""
    return tuple(_families(text, facts, company_speech, model(), precedents))


def _families(text: str, facts: CheckFacts, company_speech: bool, learned: Model,
              precedents: bool) -> list[tuple[Family, Precedent | None]]:
    areas = facts.areas()
    sentence = sentences(text)[0] if text.strip() else None
    found: dict[str, tuple[Family, Precedent | None]] = {}
    if sentence is not None:
        for family_id, test in RULES:
            family = FAMILIES[family_id]
            if family.area in areas and _may_apply(family, company_speech) and test(sentence):
                found.setdefault(family.id, (family, precedents and _shown(learned, text,
                                                                           family) or None))
    parts = clauses(text)
    # A clause of one or two words ("ask HR") carries no rule of its own.
    risky = {area for part in ([text, *parts] if len(parts) > 1 else [text])
             if len(part.split()) > 2 for area in learned.risky_areas(part)}
    for area in sorted(risky):
        if sentence is None or len(sentence.text.split()) < 3 or (
                area == "nlra" and _lawful_by_subject(sentence)) or (
                area != "nlra" and _safeguard(sentence)):
            continue
        if area in areas and all(f.area != area for f, _ in found.values()):
            kind = learned.family(text, area)
            learned_family = FAMILIES[kind] if kind else None
            if learned_family and _may_apply(learned_family, company_speech):
                found[learned_family.id] = (learned_family,
                                            precedents and _shown(learned, text, learned_family)
                                            or None)
    return list(found.values())


def _lawful_by_subject(sentence: Sentence) -> bool:
    """By Board law a rule limited to harassment, malicious falsehood, others' personal data,
    competitors' products or speaking as the company is lawful whatever its other words; but
    not a rule that silences complaints about harassment (Stericycle's own rule)."""
    if sentence.has(_COMPLAINT_OF_HARASSMENT):
        return False
    return any(sentence.has(p) for p in (
        HARASSMENT_CONTEXT, MALICE, COMPANY_VOICE, SENSITIVE_PERSONAL, _COMPETITORS))


def _safeguard(sentence: Sentence) -> bool:
    return sentence.has(_SAFEGUARD) and not sentence.has(NEGATED_DISCLOSURE)


def _shown(learned: Model, text: str, family: Family) -> Precedent | None:
    """The citable rule of the finding's own kind most like the sentence, if alike enough."""
    return learned.nearest(text, family.area, citable_only=True, minimum=SHOWN_PRECEDENT,
                           family=family.id)


def _may_apply(family: Family, company_speech: bool) -> bool:
    """The company's own speech may be restricted freely; only non-labour rules and the logo
    rule apply to it."""
    return not company_speech or family.area != "nlra" or family.id == "nlra.logo"
