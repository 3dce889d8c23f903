"""A finding of the risk check: what is wrong, why, on what authority, and a safer wording.

Findings are plain data so the CLI can print them as JSON and the window can list them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

SEVERITIES = ("info", "warning", "error")  # in rising order
# Each severity as the owner reads it in the window.
PLAIN_SEVERITY = {"error": "Likely unlawful", "warning": "Risky", "info": "Note"}


@dataclass(frozen=True)
class Rewrite:
    """A free-text answer with one sentence of it in safer words, written out only when used:
    a copy of the whole answer in each finding made checking a long answer quadratic (1 MB
    with 4,500 risky sentences: 4.5 GB)."""

    text: str
    start: int
    end: int
    safer: str

    def value(self) -> str:
        return self.text[:self.start] + self.safer + self.text[self.end:]


@dataclass(frozen=True)
class Finding:
    """One problem in the policy.

    `path` is the field holding the user's text (e.g. ("employees", "confidential_info", 2));
    empty when the text comes from the policy templates or a whole area is missing something.
    `replacement` is the field's new value when the safer wording can be applied in one step
    (a Rewrite for a sentence of a free-text answer: see new_value).
    """

    rule: str
    severity: str
    reason: str
    authority: str
    suggestion: str = ""
    clause_id: str = ""
    path: tuple[str | int, ...] = ()
    excerpt: str = ""
    replacement: Any = None
    precedent: str = ""  # "This reads like a rule found unlawful in <case> (<year>): '...'"
    area: str = ""  # the legal area, e.g. "nlra"; empty for missing pieces
    spelling: str = "US"  # the project's (Company.spelling), which the check's own words follow

    @property
    def applicable(self) -> bool:
        return bool(self.path) and self.replacement is not None

    def new_value(self) -> Any:
        """The field's value with the safer wording applied."""
        fix = self.replacement
        return fix.value() if isinstance(fix, Rewrite) else fix

    def plain_severity(self) -> str:
        """How serious, in the window's words and under which law: "Risky under labor law"."""
        from .families import UNDER

        under = UNDER.get(self.rule) or UNDER.get(self.area)
        return _respell(self.spelling, f"{PLAIN_SEVERITY[self.severity]} under {under}"
                        if under else PLAIN_SEVERITY[self.severity])

    def in_spelling(self, spelling: str) -> Finding:
        """The finding with the check's own words (why, safer wording, severity) in the
        project's spelling, as the policy's text is. The owner's words (the excerpt), the
        authority and the precedent's quote stay as written; Apply writes what is shown."""
        if spelling == self.spelling:
            return self
        suggestion = _respell(spelling, self.suggestion)
        replacement = self.replacement
        if isinstance(replacement, Rewrite):
            replacement = replace(replacement, safer=suggestion)
        elif isinstance(replacement, str) and self.suggestion:
            replacement = replacement.replace(self.suggestion, suggestion)
        return replace(self, reason=_respell(spelling, self.reason), suggestion=suggestion,
                       replacement=replacement, spelling=spelling)

    def at_least(self, severity: str) -> bool:
        return SEVERITIES.index(self.severity) >= SEVERITIES.index(severity)

    def to_dict(self) -> dict[str, Any]:
        replacement = self.new_value()
        if isinstance(replacement, date):
            replacement = replacement.isoformat()
        return {"rule": self.rule, "severity": self.severity, "clause_id": self.clause_id,
                "path": list(self.path), "excerpt": self.excerpt, "reason": self.reason,
                "authority": self.authority, "suggestion": self.suggestion,
                "replacement": replacement, "precedent": self.precedent, "area": self.area}


def _respell(spelling: str, text: str) -> str:
    if spelling == "US":  # the check's words are written in US spelling
        return text
    from ..render import respell  # the policy's own spelling rule: one definition

    return respell(spelling, text)
