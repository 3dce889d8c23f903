"""Law packs: which rules apply where the business is, kept as data under assets/law/.

One pack per country we cover (US, GB, CA, AU), each with its rules, citations, sources and the
date the law was checked. A member state of the European Union gets the EU pack: the EU law that
applies there (such as the GDPR), not yet its own national law. Any other country gets the empty
pack, which names no law at all.

A rule with "states" applies only in those states or regions, with each one's citation; a rule
with a "cite" and "states" applies everywhere in the country, the states' citations replacing it.
A state's entry is its citation, or its own fields ({"cite": ..., "grounds": ...}). A rule's
"except" lists the states or regions where it does not apply.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from ..resources import resource_path

COVERED = ("US", "GB", "CA", "AU")  # countries with a pack of their own
# The United States' outlying areas, where its federal law applies (the NLRA, the FTC Act,
# HIPAA, the securities laws): a business there follows the US pack. ISO 3166 lists them as
# countries and as US regions alike.
US_AREAS = ("PR", "GU", "VI", "AS", "MP", "UM")


def us_law(country: str | None) -> bool:
    """Whether US law applies in the country (the US or one of its outlying areas)."""
    return country == "US" or country in US_AREAS


@dataclass(frozen=True)
class Rule:
    """One legal point: what it says, its citation in the place, and where we checked it."""

    id: str
    title: str
    cite: str
    source: str
    grounds: str = ""  # what the law protects, as a list in a sentence (equal_opportunity)


@dataclass(frozen=True)
class LawPack:
    """The law for one place: a country, and a state or region inside it when one is chosen."""

    country: str  # ISO 3166-1 alpha-2, "" when not set
    region: str  # ISO 3166-2 inside the country, or ""
    law_as_of: date
    spelling: str  # "US", "UK" or "CA" (British but for -ize words)
    rules: dict[str, Rule] = field(default_factory=dict)
    union: str = ""  # "EU" when the pack holds only the law of a union the country belongs to

    @property
    def covered(self) -> bool:
        """Whether the text was written for this country's law (else counsel must localise)."""
        return self.country in COVERED or us_law(self.country)

    @property
    def in_us(self) -> bool:
        return us_law(self.country)

    @property
    def country_name(self) -> str:
        return places()["countries"].get(self.country, "")

    @property
    def region_name(self) -> str:
        return places()["subdivisions"].get(self.country, {}).get(self.region, "")

    @property
    def place(self) -> str:
        """'Ohio, the United States'; 'the Netherlands'; '' when no country is set."""
        return ", ".join(filter(None, (self.region_name, with_article(self.country_name))))

    @property
    def endorsement_rule(self) -> str:
        """The law behind 'say you work here when you promote us': the FTC's rule in the US,
        else the pack's advertising or consumer review rule, else "" (the policy and the
        check of an existing policy both name it from here)."""
        return next((rule for rule in ("ftc_endorsements", "endorsements", "consumer_reviews")
                     if rule in self.rules), "")

    def has(self, rule_id: str) -> bool:
        return rule_id in self.rules

    def cite(self, rule_id: str) -> str:
        return self.rules[rule_id].cite if rule_id in self.rules else ""

    def grounds(self, rule_id: str) -> str:
        return self.rules[rule_id].grounds if rule_id in self.rules else ""


# Country names read with "the" in a sentence ("in the Netherlands").
_WITH_THE = ("United ", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives",
             "Czech Republic", "Dominican Republic", "Central African Republic", "Comoros",
             "Seychelles", "Marshall Islands", "Solomon Islands", "Cayman Islands",
             "Falkland Islands", "Faroe Islands", "Cook Islands", "British Virgin", "U.S. Virgin",
             "Democratic Republic",
             "Turks and Caicos", "Holy See")


def with_article(name: str) -> str:
    return f"the {name}" if name.startswith(_WITH_THE) else name


@cache
def places() -> dict[str, Any]:
    """ISO 3166 countries ({code: name}) and the states we list ({country: {code: name}})."""
    return json.loads(resource_path("assets", "law", "places.json").read_text("utf-8"))


def _read(name: str) -> dict[str, Any]:
    return json.loads(resource_path("assets", "law", f"{name}.json").read_text("utf-8"))


@cache
def _pack_data(country: str) -> dict[str, Any]:
    if country in COVERED or us_law(country):
        return _read("US" if us_law(country) else country)
    union = _read("EU")
    return union if country in union["members"] else _read("other")


@cache
def law_pack(country: str, region: str = "") -> LawPack:
    """The rules for a place: the country's own, plus the state's where it has one."""
    data = _pack_data(country)
    # an outlying area of the US is a region of the US pack ("US-PR"), whichever way it is chosen
    region = f"US-{country}" if country in US_AREAS else \
        region if region.startswith(f"{country}-") else ""
    rules = {}
    for rule in data["rules"]:
        if region in rule.get("except", ()):
            continue
        local = rule.get("states", {}).get(region, {})
        fields = {"cite": rule.get("cite"), "grounds": rule.get("grounds", ""),
                  **(local if isinstance(local, dict) else {"cite": local})}
        if fields["cite"] is not None:
            rules[rule["id"]] = Rule(rule["id"], rule["title"], source=rule["source"], **fields)
    return LawPack(country, region, date.fromisoformat(data["law_as_of"]), data["spelling"],
                   rules, data.get("union", ""))


def law_as_of() -> date:
    """The date the shipped law was last checked: the oldest of the packs."""
    return min(date.fromisoformat(_read(name)["law_as_of"]) for name in (*COVERED, "EU", "other"))


def state_rules(country: str) -> dict[str, dict[str, str]]:
    """Rule id -> {region code: citation} for the rules that differ by state or region."""
    return {rule["id"]: {region: local if isinstance(local, str) else local["cite"]
                         for region, local in rule["states"].items()}
            for rule in _pack_data(country)["rules"] if "states" in rule}
