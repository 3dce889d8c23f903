"""The business facts that decide which laws the check applies: country, state, industry and
whether the company is listed. The one place the check reads them from a project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_US = re.compile(r"^\s*(?:us|u\.s\.a?\.?|usa|america|united states(?: of america)?)\s*$", re.I)
_STATE_NAMES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
    "michigan minnesota mississippi missouri montana nebraska nevada new_hampshire new_jersey "
    "new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania "
    "rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington "
    "west_virginia wisconsin wyoming district_of_columbia")
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC")
_US_STATES = {name.replace("_", " "): code for name, code
              in zip(_STATE_NAMES.split(), _STATE_CODES.split(), strict=True)}
# States with a law on employers' access to personal social media accounts.
_ACCOUNT_PRIVACY = "AR CA CO CT DE IL LA ME MD MI MT NE NV NH NJ NM OK OR RI TN UT VT VA WA WV WI"
ACCOUNT_PRIVACY_STATES = frozenset(_ACCOUNT_PRIVACY.split())


@dataclass(frozen=True)
class CheckFacts:
    """None means unknown: an unknown country is read as the US (the law the app knows), and an
    unknown industry or listing checks every sector's rules."""

    country: str | None = None  # ISO 3166-1 alpha-2, e.g. "US"
    state: str | None = None  # ISO 3166-2, e.g. "US-CA"
    industry: str | None = None  # an Industry value, e.g. "health_care"
    publicly_traded: bool | None = None

    @classmethod
    def from_project(cls, project) -> CheckFacts:
        company = project.company
        country = country_code(company.country)
        state = state_code(company.state, country)
        return cls(country, state, company.industry.value, company.publicly_traded)

    @property
    def in_us(self) -> bool:
        return self.country in (None, "US")

    def areas(self) -> frozenset[str]:
        """The legal areas checked for this business."""
        if not self.in_us:
            return frozenset()
        areas = {"nlra", "ftc", "account_privacy"}
        if self.industry in (None, "health_care"):
            areas.add("hipaa")
        if self.industry in (None, "financial_services"):
            areas.add("finance")
        if self.publicly_traded is not False:
            areas.add("reg_fd")
        return frozenset(areas)

    def has_account_privacy_law(self) -> bool | None:
        """Whether the business's state has a social media account privacy law (None: unknown)."""
        if not self.state or not self.state.startswith("US-"):
            return None
        return self.state[3:] in ACCOUNT_PRIVACY_STATES


def country_code(country: str) -> str | None:
    """ISO alpha-2 for a country as typed: "United States" -> "US"; blank -> None."""
    text = (country or "").strip()
    if not text:
        return None
    if _US.match(text):
        return "US"
    return text.upper() if len(text) == 2 else text


def state_code(state: str, country: str | None) -> str | None:
    """ISO 3166-2 for a region as typed: "Ohio" or "OH" in the US -> "US-OH"."""
    text = (state or "").strip()
    if not text:
        return None
    if re.fullmatch(r"[A-Za-z]{2}-[A-Za-z0-9]{1,3}", text):
        return text.upper()
    if country in (None, "US"):
        code = _US_STATES.get(text.lower()) or (text.upper() if text.upper() in
                                                _US_STATES.values() else None)
        return f"US-{code}" if code else None
    return None
