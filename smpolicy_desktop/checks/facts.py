"""The business facts that decide which laws the check applies: country, state, industry and
whether the company is listed. The one place the check reads them from a project.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..law import LawPack, law_pack, places, us_law, with_article


@dataclass(frozen=True)
class CheckFacts:
    """None means unknown: an unknown country is read as the US (the law the check knows), and
    an unknown industry or listing checks every sector's rules."""

    country: str | None = None  # ISO 3166-1 alpha-2, e.g. "US"
    state: str | None = None  # ISO 3166-2, e.g. "US-CA"
    industry: str | None = None  # an Industry value, e.g. "health_care"
    publicly_traded: bool | None = None

    @classmethod
    def from_project(cls, project) -> CheckFacts:
        company = project.company
        return cls(company.country.value or None, company.state.value or None,
                   company.industry.value, company.publicly_traded)

    @property
    def in_us(self) -> bool:
        return self.country is None or us_law(self.country)

    @property
    def law(self) -> LawPack:
        """The law pack the policy follows for this business (the US's when no country is set)."""
        return law_pack(self.country or "US", self.state or "")

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

    def unchecked_note(self) -> str:
        """What a reader of an empty result must know: outside the US no rule is checked at
        all (the check knows US law only), so "no findings" does not mean safe."""
        if self.in_us:
            return ""
        name = with_article(places()["countries"].get(self.country or "", self.country or ""))
        return (f"No sentence was checked for risk: the risk check covers US law only, and this "
                f"business is in {name}. Ask a lawyer there to read these rules.")

    def account_privacy_statute(self) -> str | None:
        """The state's law on access to personal accounts: its citation, "" when the state has
        none, None when the state is not known."""
        if not self.law.region:  # an outlying area is its own region
            return None
        return self.law.cite("account_privacy")


def known_country(code: str) -> bool:
    return code in places()["countries"]


def known_region(code: str) -> bool:
    country = code.split("-")[0]
    return code in places()["subdivisions"].get(country, {})
