"""The Word file an owner outside the US sends out, read as that owner would read it.

One test per country: the shipped example project moved to the country, exported to .docx (the
full policy and the short guidelines), its text read back with python-docx, tables included; and
the risk check's findings for the same project.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from smpolicy_desktop.checks.policy_check import check_project
from smpolicy_desktop.document import Document
from smpolicy_desktop.presets import presets
from smpolicy_desktop.resources import resource_path
from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace

# US law, agencies and terms no owner elsewhere should be told apply to them.
US_ONLY = ["NLRA", "National Labor Relations", "NLRB", "FTC", "Federal Trade Commission",
           "HIPAA", "FINRA", "SEC ", "Regulation FD", "at-will", "CFR", "U.S.C.", "Title VII"]


def placed(country: str, state: str = "", **company: object):
    project = load_project(resource_path("assets", "examples", "northwind.smpolicy"))
    project.company.country, project.company.state = country, state
    for name, value in company.items():
        setattr(project.company, name, value)
    return project


def exported(project, tmp_path: Path, kind: str) -> str:
    """The Word file's text: paragraphs and table rows in order, cells joined by ' | '."""
    path = Workspace(project).export(tmp_path / f"{kind}.docx", kind=kind)
    body = docx.Document(str(path))
    lines = []
    for item in body.iter_inner_content():
        if isinstance(item, docx.table.Table):
            lines += [" | ".join(cell.text for cell in row.cells) for row in item.rows]
        else:
            lines.append(item.text)
    return "\n".join(lines)


def proofing_language(project, tmp_path: Path) -> str:
    """The language Word checks the exported file's spelling in (the styles' default)."""
    path = Workspace(project).export(tmp_path / "language.docx")
    lang = docx.Document(str(path)).styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return lang.get(qn("w:val"))


def both(project, tmp_path: Path) -> tuple[str, str]:
    return exported(project, tmp_path, "full"), exported(project, tmp_path, "short")


def authorities(project, lacking_all: bool = False) -> str:
    """The findings' authorities and reasons; lacking_all: for a policy without our clauses
    (our own clause on market news is the rule a listed company needs)."""
    document = Document("full", "Social Media Policy", "", "", True, ()) if lacking_all else None
    return "\n".join(f"{f.authority}: {f.reason}" for f in check_project(project, document))


def us_terms(text: str) -> list[str]:
    return [term for term in US_ONLY if term in text]


def test_united_kingdom_dates_cap_code_and_findings(tmp_path):
    project = placed("GB", "GB-ENG", publicly_traded=True)
    full, short = both(project, tmp_path)
    # The reviewers' and revision tables write dates as the rest of the policy does.
    assert "Marketing | Sam Okafor | Approved | 10 February 2026" in full
    assert "1.0 | 1 March 2025 | First version" in full
    assert "February 10, 2026" not in full and "March 1, 2025" not in full
    assert "the CAP Code, section 2, and the Digital Markets, Competition and Consumers Act " \
           "2024" in full
    assert "insider trading laws (the UK Market Abuse Regulation)" in full
    assert "sex, or sexual orientation. These grounds are protected by the Equality Act " \
           "2010." in full
    assert "Law as of 2 December 2026, for England, the United Kingdom" in short
    assert us_terms(full) == us_terms(short) == []
    # Word checks "organisation" and "licence" as British English, not as US typos.
    assert proofing_language(project, tmp_path) == "en-GB"
    assert proofing_language(placed("US", "US-OH"), tmp_path) == "en-US"
    # A UK owner who drops the disclosure rule is pointed to UK law, not the FTC or the SEC.
    project.employees.endorsement_disclosure = False
    project.employees.confidential_info = []
    found = authorities(project, lacking_all=True)
    assert "the CAP Code, section 2" in found and "the UK Market Abuse Regulation" in found
    assert us_terms(found) == []


def test_northern_ireland_names_its_own_equality_whistleblowing_and_discipline_law(tmp_path):
    full, short = both(placed("GB", "GB-NIR"), tmp_path)
    assert "religious belief, political opinion" in full
    assert "Fair Employment and Treatment (Northern Ireland) Order 1998" in full
    assert "(Public Interest Disclosure (Northern Ireland) Order 1998)" in full
    assert "Labour Relations Agency Code of Practice" in full
    # Great Britain's Acts and Acas do not apply there.
    assert "Equality Act 2010" not in full and "Acas" not in full
    assert "Public Interest Disclosure Act 1998" not in full
    assert "for Northern Ireland, the United Kingdom" in short and us_terms(full + short) == []


@pytest.mark.parametrize(("country", "name"), [("IE", "Ireland"), ("DE", "Germany")])
def test_an_eu_country_names_eu_law_and_says_its_own_law_is_not_in_it(tmp_path, country, name):
    project = placed(country, publicly_traded=True)
    full, short = both(project, tmp_path)
    assert f"(EU law only), not yet adapted to the law of {name}" in short
    assert "The only law it names is EU law, which applies there too" in full
    assert "We monitor only what we need to, and we tell you about it first (the General " \
           "Data Protection Regulation (EU) 2016/679)." in full
    assert "Directive (EU) 2019/1937" in full and "works council" in full
    assert proofing_language(project, tmp_path) == ("en-IE" if country == "IE" else "en-GB")
    assert "the Market Abuse Regulation (EU) No 596/2014" in full
    assert "1.0 | 1 March 2025 | First version" in full
    assert us_terms(full) == us_terms(short) == []
    project.employees.endorsement_disclosure = False
    found = authorities(project)
    assert "names only EU law, not the law of your country" in found
    assert "Unfair Commercial Practices Directive" in found and us_terms(found) == []


def test_ontario_has_its_monitoring_policy_and_no_federal_privacy_law_it_lacks(tmp_path):
    full, short = both(placed("CA", "CA-ON"), tmp_path)
    assert "our written policy on electronic monitoring (Employment Standards Act, 2000 " \
           "(Ontario), Part XI.1)" in full
    # PIPEDA does not reach the staff of an employer Ontario regulates.
    assert "PIPEDA" not in full and "in French" not in full + short
    assert us_terms(full) == us_terms(short) == []
    # Canadian spelling: British "licence", but -ize words as in the US.
    charity = presets()["nonprofit"].project()
    charity.company.country, charity.company.state = "CA", "CA-ON"
    text = exported(charity, tmp_path, "full")
    assert "Credit the organization, link to the licence" in text
    assert "organisation" not in text and "1 March" in exported(placed("CA"), tmp_path, "full")


def test_quebec_names_law_25_and_gives_the_policy_in_french(tmp_path):
    project = placed("CA", "CA-QC")
    full, short = both(project, tmp_path)
    assert "(Act respecting the protection of personal information in the private sector " \
           "(Quebec), as amended by Law 25)" in full
    assert "We give every employee this policy in French, as Quebec law requires (Charter of " \
           "the French Language, section 41)." in full
    assert "We give every employee these guidelines in French, as Quebec law requires" in short
    assert "protected by the Charter of human rights and freedoms (Quebec)" in full
    assert proofing_language(project, tmp_path) == "en-CA"
    # The owner is told to have it translated before handing it out.
    assert "Charter of the French Language, section 41: Quebec law requires what you give " \
           "staff in writing to be in French." in authorities(project)
    assert "in French" not in authorities(placed("CA", "CA-ON"))
    assert us_terms(full) == us_terms(short) == []


def test_new_south_wales_names_australian_law_and_the_check_does_too(tmp_path):
    project = placed("AU", "AU-NSW", publicly_traded=True)
    full, short = both(project, tmp_path)
    assert "Workplace Surveillance Act 2005 (NSW)" in full
    assert proofing_language(project, tmp_path) == "en-AU"
    assert "insider trading laws (Corporations Act 2001, Part 7.10)" in full
    assert "10 February 2026" in full and us_terms(full) == us_terms(short) == []
    project.employees.endorsement_disclosure = False
    project.employees.confidential_info = []
    found = authorities(project, lacking_all=True)
    assert "Australian Consumer Law" in found and "Corporations Act 2001, Part 7.10" in found
    assert us_terms(found) == []


@pytest.mark.parametrize(("country", "name"), [("NZ", "New Zealand"), ("IN", "India"),
                                               ("BR", "Brazil")])
def test_a_country_without_a_pack_says_so_and_names_no_law(tmp_path, country, name):
    project = placed(country, publicly_traded=True)
    full, short = both(project, tmp_path)
    assert f"Not yet adapted to the law of {name}" in short and "Law as of" not in short
    assert f"This draft was not written for the law of {name}, and it names no country's " \
           "law." in full
    assert "1.0 | 1 March 2025 | First version" in full
    assert us_terms(full) == us_terms(short) == []
    assert "GDPR" not in full and "Regulation" not in full
    project.employees.endorsement_disclosure = False
    project.employees.confidential_info = []
    found = authorities(project, lacking_all=True)
    assert "Consumer protection law" in found and "Securities law" in found
    assert us_terms(found) == []


MONTH_FIRST = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December) \d{1,2}\b")


@pytest.mark.parametrize(("country", "state"), [("GB", "GB-ENG"), ("CA", "CA-ON"),
                                                ("CA", "CA-BC"), ("AU", "AU-NSW"), ("IE", ""),
                                                ("NZ", "")])
def test_a_policy_outside_the_us_writes_every_date_day_first(tmp_path, country, state):
    """Ontario's monitoring clause said "employees on January 1" beside "1 March 2026"."""
    full, short = both(placed(country, state), tmp_path)
    assert MONTH_FIRST.findall(full + short) == []


@pytest.mark.parametrize(("state", "law"), [
    ("CA-QC", "the Act respecting health and social services information (Quebec)"),
    ("CA-AB", "the Health Information Act (Alberta)"),
    ("CA-BC", "the Personal Information Protection Act (British Columbia)"),
    ("CA-ON", "the Personal Health Information Protection Act, 2004 (Ontario)")])
def test_a_canadian_practice_is_told_its_own_provinces_health_privacy_law(tmp_path, state, law):
    """A clinic in Quebec, Alberta or British Columbia was told Ontario's PHIPA protects its
    patients' information."""
    clinic = presets()["health_care"].project()
    clinic.company.country, clinic.company.state = "CA", state
    full = exported(clinic, tmp_path, "full")
    assert f"Privacy law protects this information ({law})." in full
    assert ("Ontario" in full) == (state == "CA-ON") and us_terms(full) == []


@pytest.mark.parametrize("state", ["AU-NSW", "AU-VIC"])
def test_australia_cites_a_law_that_protects_religion_where_the_policy_names_it(tmp_path,
                                                                                state):
    """The policy named religion as a protected ground and cited only the Sex, Race,
    Disability and Age Discrimination Acts, none of which protects it."""
    full = exported(placed("AU", state), tmp_path, "full")
    assert "such as their race, religion, sex, age or disability" in full
    assert "These grounds are protected by the Fair Work Act 2009, the Sex, Race, Disability " \
           "and Age Discrimination Acts, and state and territory anti-discrimination laws." in full


@pytest.mark.parametrize(("state", "law"), [
    ("AU-NSW", "the Privacy Act 1988 and the Health Records and Information Privacy Act 2002 "
               "(NSW)"),
    ("AU-VIC", "the Privacy Act 1988 and the Health Records Act 2001 (Vic)"),
    ("AU-QLD", "the Privacy Act 1988")])
def test_an_australian_practice_is_told_its_states_health_records_law(tmp_path, state, law):
    """A clinic in New South Wales or Victoria was told only of the Privacy Act 1988, though
    its state's health records law binds private providers too."""
    clinic = presets()["health_care"].project()
    clinic.company.country, clinic.company.state = "AU", state
    assert f"Privacy law protects this information ({law})." in exported(clinic, tmp_path, "full")


def test_a_us_policy_from_the_b2b_preset_spells_as_the_us_does(tmp_path):
    """A Texas owner's goals read "Bring in enquiries from new clients": British spelling in a
    US policy, from the preset's own words, which are never respelled."""
    business = presets()["general_b2b"].project()
    business.company.country, business.company.state = "US", "US-TX"
    full = exported(business, tmp_path, "full")
    assert "enquir" not in full and "Bring in new clients" in full
