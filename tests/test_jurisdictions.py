"""The right law for where the business is: every preset in five countries, and each state rule.

Walks every preset x country (US, GB, CA, AU and Germany for the rest) x document kind, and
every state or province rule in the law packs, reading the text an owner would send out.
"""

from __future__ import annotations

import json
import re
import typing

import docx
import pytest

from smpolicy_desktop.checks.facts import CheckFacts
from smpolicy_desktop.checks.policy_check import check_text
from smpolicy_desktop.dates import long_date_in
from smpolicy_desktop.law import COVERED, US_AREAS, law_as_of, law_pack, places, state_rules
from smpolicy_desktop.model import Company, Project
from smpolicy_desktop.presets import presets
from smpolicy_desktop.render import render_document
from smpolicy_desktop.resources import resource_path
from smpolicy_desktop.storage import FORMAT, project_from_data
from smpolicy_desktop.workspace import Workspace
from tests.test_policy_text import flesch_kincaid_grade, holes

# Each country with a state whose own rules show, and Germany for "any other country".
PLACES = {"US": "US-CA", "GB": "GB-ENG", "CA": "CA-ON", "AU": "AU-NSW", "DE": ""}
KINDS = ("full", "short")
PRESETS = presets()

# What each country's full policy must say (its own law), and its short guidelines.
OWN_POINTS = {
    "US": ["National Labor Relations Act", "16 CFR Part 465", "SEC Rule 21F-17",
           "18 U.S.C. 1833(b)", "Cal. Lab. Code 980", "at-will status"],
    "GB": ["Public Interest Disclosure Act 1998", "Equality Act 2010",
           "UK GDPR and the Data Protection Act 2018", "Acas Code of Practice",
           "Digital Markets, Competition and Consumers Act 2024"],
    "CA": ["Criminal Code, section 425.1", "Competition Act", "Employment Standards Act, 2000",
           "the Human Rights Code (Ontario)"],
    "AU": ["Corporations Act 2001", "Australian Consumer Law", "Workplace Surveillance Act 2005",
           "Fair Work Act 2009", "Age Discrimination Acts"],
    "DE": ["a local lawyer must adapt it", "works council", "(EU law only)",
           "General Data Protection Regulation (EU) 2016/679", "Directive (EU) 2019/1937"],
}
SHORT_POINTS = {"US": ["for California, the United States", "a government agency"],
                "GB": ["for England, the United Kingdom", "a regulator"],
                "CA": ["for Ontario, Canada", "a regulator"],
                "AU": ["for New South Wales, Australia", "a regulator"],
                "DE": ["not yet adapted to the law of Germany", "a regulator"]}
# US law and US-only ideas that must never reach a policy for another country.
US_ONLY = ["National Labor Relations", "NLRA", "Federal Trade Commission", "FTC", "HIPAA",
           "FINRA", "SEC", "Regulation FD", "Regulation Z", "CFR", "U.S.C.", "Title VII",
           "at-will", "federal", "US law", "Section 7", "TAKE IT DOWN", "AICPA", "ABA ",
           "HHS", "New York and Florida", "color"]
# Words that never start a proper name, so a capital one inside a sentence is a bug.
NOT_NAMES = {"The", "Our", "Your", "Their", "An", "This", "That", "These", "Those", "We",
             "You", "It", "Please", "Each", "Every", "And", "Or", "To", "Of", "For", "With"}
DOUBLED = re.compile(r"[.,;:!?]\s*[.,;:!?]")
# Words that point to a list or table; with every list empty they must not appear.
POINTERS = ["escalation chain", "account owners", "listed below", "the people below",
            "response table", "crisis steps", "the kinds listed"]


def cites_of(country: str) -> set[str]:
    """Every citation in a country's pack, states included."""
    union = json.loads(resource_path("assets", "law", "EU.json").read_text("utf-8"))
    name = country if country in COVERED else "EU" if country in union["members"] else "other"
    data = json.loads(resource_path("assets", "law", f"{name}.json").read_text("utf-8"))
    return {rule["cite"] for rule in data["rules"] if "cite" in rule} | {
        cite for regions in state_rules(country).values() for cite in regions.values()}


def placed(project: Project, country: str, state: str = "") -> Project:
    project = project.model_copy(deep=True)
    project.company.country = country
    project.company.state = state
    return project


def text_of(project: Project, kind: str) -> str:
    return "\n".join(render_document(project, kind).text_lines())


def sentences(text: str) -> list[str]:
    """Sentences, a new one also after a colon (lead-ins such as 'Send these questions to:')."""
    return [part for line in text.splitlines()
            for part in re.split(r"(?<=[.!?:])\s+", line) if part.strip()]


def capital_inside(text: str) -> list[str]:
    return [sentence for sentence in sentences(text)
            if any(word in NOT_NAMES for word in re.findall(r"[A-Za-z]+", sentence)[1:])]


def emptied(project: Project) -> Project:
    """Every list answer emptied, as an owner who cleared them all would have it."""
    project = project.model_copy(deep=True)
    for area_name, area in Project.areas().items():
        for name, field in area.model_fields.items():
            if typing.get_origin(field.annotation) is list:
                setattr(getattr(project, area_name), name, [])
    return project


MATRIX = [pytest.param(name, country, kind, id=f"{name}-{country}-{kind}")
          for name in PRESETS for country in PLACES for kind in KINDS]


@pytest.mark.parametrize(("preset", "country", "kind"), MATRIX)
def test_each_preset_follows_the_law_of_its_country(preset, country, kind):
    project = placed(PRESETS[preset].project(), country, PLACES[country])
    text = text_of(project, kind)
    for point in (OWN_POINTS[country] if kind == "full" else SHORT_POINTS[country]):
        assert point in text, f"{preset} in {country} ({kind}) lacks {point!r}"
    if country != "US":
        assert [word for word in US_ONLY if re.search(rf"\b{re.escape(word)}", text)] == []
    foreign = set().union(*(cites_of(other) for other in PLACES if other != country))
    assert [cite for cite in foreign - cites_of(country) if cite in text] == []


@pytest.mark.parametrize(("preset", "country", "kind"), MATRIX)
def test_each_preset_reads_cleanly_in_every_country(preset, country, kind):
    for project in (placed(PRESETS[preset].project(), country, PLACES[country]),
                    placed(emptied(PRESETS[preset].project()), country, PLACES[country])):
        document = render_document(project, kind)
        text = "\n".join(document.text_lines())
        assert holes(document) == []
        assert DOUBLED.findall(text) == [], DOUBLED.findall(text)
        assert capital_inside(text) == []
    bare = text_of(placed(emptied(PRESETS[preset].project()), country, PLACES[country]), kind)
    assert [pointer for pointer in POINTERS if pointer in bare] == []


def section_grades(document) -> dict[str, float]:
    """Flesch-Kincaid grade of each section's sentences (titles and tables left out)."""
    texts: dict[str, list[str]] = {}
    for block in document.blocks:
        if block.kind in ("paragraph", "bullet", "numbered"):
            section = block.clause_id.split(".")[0]
            texts.setdefault(section, []).extend(
                s for s in re.split(r"(?<=[.!?])\s+", block.text) if s.strip())
    return {section: flesch_kincaid_grade(found) for section, found in texts.items()}


@pytest.mark.parametrize(("preset", "country", "kind"), MATRIX)
def test_every_section_reads_at_grade_eight_or_below(preset, country, kind):
    document = render_document(placed(PRESETS[preset].project(), country, PLACES[country]),
                               kind)
    grades = section_grades(document)
    assert grades and {s: round(g, 1) for s, g in grades.items() if g > 8.0} == {}


# --- State and province rules ----------------------------------------------------------------

STATE_RULES = [pytest.param(country, rule, region, cite, id=f"{rule}-{region}")
               for country in ("US", "CA", "AU", "GB")
               for rule, regions in state_rules(country).items()
               for region, cite in regions.items()]
# The words each state-only rule adds to the full policy; a state without the rule lacks them.
RULE_WORDS = {"account_privacy": "law requires this (",
              "investigation_request": "share a specific post or message",
              "off_duty_conduct": "in your own time and away from work",
              "political_activity": "protects your political views",
              "monitoring_acknowledgement": "law requires us to give you this notice",
              "electronic_monitoring_policy": "our written policy on electronic monitoring",
              "surveillance_notice": "our policy on computer surveillance",
              "monitoring_privacy": "We monitor only what we need to",
              "french_language": "in French, as"}
WITHOUT = {"US": "US-TX", "CA": "CA-NU", "AU": "AU-QLD", "GB": "GB-ENG"}  # none of them
RULE_PRESET = {"health_privacy": "health_care"}  # a rule only some businesses' policies state


@pytest.mark.parametrize(("country", "rule", "region", "cite"), STATE_RULES)
def test_a_state_rule_shows_in_its_state_only(country, rule, region, cite):
    base = PRESETS[RULE_PRESET.get(rule, "general_b2b")].project()
    here = text_of(placed(base, country, region), "full")
    elsewhere = text_of(placed(base, country, WITHOUT[country]), "full")
    words = RULE_WORDS.get(rule, cite)  # a rule the whole country has: the state's own cite
    assert words in here and cite in here
    assert words not in elsewhere and cite not in elsewhere


def test_california_differs_from_texas_where_the_law_does():
    base = PRESETS["general_b2b"].project()
    california, texas = (text_of(placed(base, "US", state), "full") for state in ("US-CA", "US-TX"))
    assert "Cal. Lab. Code 980(c)(1)" in california and "Cal. Lab. Code 1101-1102" in california
    assert "ask you about a post that someone has shown us" in texas
    assert "ask you about a post that someone has shown us" not in california


def test_new_yorks_account_privacy_law_is_cited_in_the_policy_and_the_check():
    """N.Y. Labor Law 201-i (in force 12 March 2024) bars asking for personal account
    passwords or access: a New York policy lacked the line other such states get, and the
    check cited other states' laws (found by a tester)."""
    project = placed(PRESETS["general_b2b"].project(), "US", "US-NY")
    assert "New York law requires this (N.Y. Lab. Law 201-i)." in text_of(project, "full")
    [found] = check_text("You must give us your Instagram password if asked.",
                         CheckFacts.from_project(project))
    assert found.severity == "error" and found.authority.startswith("N.Y. Lab. Law 201-i;")


@pytest.mark.parametrize(("country", "state"), [("PR", ""), ("US", "US-PR"), ("VI", ""),
                                              ("GU", "")])
def test_a_business_in_an_outlying_area_of_the_us_follows_us_law(country, state):
    """Federal law (the NLRA, the FTC's rules, HIPAA, the SEC's) applies in Puerto Rico, Guam
    and the U.S. Virgin Islands: a business there got the text for "any other country" and a
    risk check that read nothing (found by a tester)."""
    project = placed(PRESETS["general_b2b"].project(), country, state)
    text = text_of(project, "full")
    assert "National Labor Relations Act" in text and "16 CFR Part 465" in text
    assert "a local lawyer must adapt it" not in text and "Yelp" in text
    # Puerto Rico's employment is not at will (Act 80 of 1976): the policy does not say it is
    assert ("at-will status" in text) == (country not in ("PR",) and state != "US-PR")
    facts = CheckFacts.from_project(project)
    assert facts.unchecked_note() == "" and "nlra" in facts.areas()
    found = check_text("Employees must not discuss their wages with co-workers.", facts)
    assert [f.rule for f in found] == ["nlra.pay"]


def test_montana_where_employment_is_not_at_will_is_not_told_it_is():
    base = PRESETS["general_b2b"].project()
    montana, ohio = (text_of(placed(base, "US", state), "full") for state in ("US-MT", "US-OH"))
    assert "at-will" not in montana and "including at-will status" in ohio


def test_a_place_is_named_as_a_sentence_reads_it():
    """"...this business is in the Virgin Islands, British." read ISO's inverted name."""
    note = CheckFacts("VG").unchecked_note()
    assert "this business is in the British Virgin Islands. Ask" in note
    assert law_pack("CD").place == "the Democratic Republic of the Congo"
    assert law_pack("VI").place == "the U.S. Virgin Islands"


def test_ontarios_monitoring_policy_gives_its_dates_and_says_when_the_firm_is_small():
    """Part XI.1 asks for the date the policy was prepared and the dates it changed: the
    revision history's. The effective date, possibly to come, is not when it was prepared
    ("We prepared it on 15 January 2027", written in December); and a firm under 25 staff
    is not told it must have one (found by a tester)."""
    from datetime import date

    from smpolicy_desktop.model import Revision

    project = placed(PRESETS["general_b2b"].project(), "CA", "CA-ON")
    project.company.staff_count, project.company.effective_date = 18, date(2027, 1, 15)
    assert ("give every employee a copy; we keep one although we have fewer. It takes effect "
            "on 15 January 2027.") in text_of(project, "full")
    project.company.staff_count = 40
    project.review.revisions = [Revision(version="1.1", revised_on=date(2027, 2, 1)),
                                Revision(version="1.0", revised_on=date(2026, 12, 5))]
    assert ("give every employee a copy. We prepared it on 5 December 2026 and changed it on "
            "1 February 2027.") in text_of(project, "full")


@pytest.mark.parametrize(("country", "state", "rule"), [
    ("CA", "CA-ON", "electronic_monitoring_policy"), ("AU", "AU-NSW", "surveillance_notice"),
    ("US", "US-NY", "monitoring_acknowledgement")])
def test_the_short_guidelines_keep_the_monitoring_statement_the_law_asks_for(country, state,
                                                                             rule):
    """The short guidelines of an Ontario firm with 25 or more staff, or of a NSW business,
    dropped the written monitoring statement the full policy says the law requires (found by
    a tester); where no law asks for one they stay short."""
    project = placed(PRESETS["general_b2b"].project(), country, state)
    project.company.staff_count = 40
    short = text_of(project, "short")
    assert RULE_WORDS[rule] in short and law_pack(country, state).cite(rule) in short
    assert "Appendix A" not in short
    assert "Monitoring of company systems" not in text_of(
        placed(project, "US", "US-OH"), "short")
    project.training.monitoring_notice = False  # as the full policy: no statement at all
    assert "Monitoring of company systems" not in text_of(project, "short")


def test_a_monitoring_notice_state_adds_the_acknowledgement_line():
    base = PRESETS["general_b2b"].project()
    for kind in KINDS:
        assert "as New York law requires" in text_of(placed(base, "US", "US-NY"), kind)
        assert "law requires" not in text_of(placed(base, "US", "US-OH"), kind)


# --- Spelling, dates and the law-as-of stamp -------------------------------------------------

def test_spelling_and_dates_follow_the_country():
    project = PRESETS["general_b2b"].project()
    project.company.effective_date = law_as_of()
    us, uk = text_of(project, "full"), text_of(placed(project, "GB", "GB-SCT"), "full")
    assert "criticize" in us and "December 2, 2026" in us
    assert "2 December 2026" in uk and "criticise" not in uk and "December 2," not in uk
    charity = text_of(placed(PRESETS["nonprofit"].project(), "GB"), "full")
    assert "the organisation" in charity and "organization" not in charity
    assert project.company.spelling == "US" and placed(project, "AU").company.spelling == "UK"


@pytest.mark.parametrize(("country", "sites"), [
    ("US", "Google or Yelp"), ("CA", "Google or Yelp"), ("GB", "Google or Trustpilot"),
    ("AU", "Google or Trustpilot"), ("DE", "Google or Trustpilot"), ("JP", "Google or Trustpilot")])
def test_the_review_sites_named_are_ones_used_in_the_country(country, sites):
    project = placed(PRESETS["general_b2b"].project(), country)
    for kind in KINDS:
        text = text_of(project, kind)
        assert f"If you review us on a site such as {sites}, say that you work here." in text
        assert ("Yelp" in text) == (country in ("US", "CA"))


def test_every_document_carries_the_law_as_of_date():
    stamp = long_date_in("US", law_as_of())
    for country, state in PLACES.items():
        for kind in KINDS:
            project = placed(PRESETS["general_b2b"].project(), country, state)
            title = [b.text for b in render_document(project, kind).blocks
                     if b.clause_id == "title"]
            assert any("Law as of" in line for line in title), title
    assert stamp == "December 2, 2026"


@pytest.mark.parametrize(("country", "title"), [
    ("JP", "Not yet adapted to the law of Japan"), ("", "Not yet adapted to any country's law")])
def test_a_country_without_a_law_pack_is_not_told_its_law_was_checked_on_a_date(country, title):
    project = placed(PRESETS["general_b2b"].project(), country)
    project.company.effective_date = None
    for kind in KINDS:
        text = text_of(project, kind)
        assert title in text.splitlines()
        assert "Law as of" not in text and "as it stood on" not in text
        assert long_date_in(project.company.spelling, law_as_of()) not in text


def test_the_computed_facts_are_model_properties():
    company = Company(country="US", state="US-CA")
    assert company.in_us and company.law_pack.has("account_privacy")
    assert company.law_pack is law_pack("US", "US-CA")
    company.country = "GB"
    assert company.state == "" and not company.in_us and company.law_pack.covered
    assert not Company(country="DE").law_pack.covered
    assert Company(country="").law_pack.place == ""


def test_every_listed_state_belongs_to_a_covered_country_and_every_code_is_iso():
    assert set(places()["subdivisions"]) == set(COVERED)
    # an outlying area of the US is a country and a US region alike, as in ISO 3166
    assert {code for code in places()["subdivisions"]["US"] if code[3:] in US_AREAS} == {
        f"US-{code}" for code in US_AREAS} and set(US_AREAS) <= set(places()["countries"])
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in places()["countries"])
    for country, regions in places()["subdivisions"].items():
        assert all(code.startswith(f"{country}-") for code in regions)
        for rule_regions in state_rules(country).values():
            assert set(rule_regions) <= set(regions)


@pytest.mark.parametrize("country", ["GB", "DE"])
def test_the_word_file_for_another_country_carries_its_law_and_date(country, tmp_path):
    project = placed(PRESETS["health_care"].project(), country, PLACES[country])
    written = Workspace(project).export(tmp_path / "policy.docx")
    text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "Law as of 2 December 2026" in text
    assert "HIPAA" not in text and "Federal Trade Commission" not in text
    assert ("Equality Act 2010" if country == "GB" else "a local lawyer must adapt it") in text


# --- Older files -----------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "state", "country", "region"), [
    ("United States", "Ohio", "US", "US-OH"), ("USA", "CA", "US", "US-CA"),
    ("U.S.", "Texas", "US", "US-TX"), ("U.S", "ny", "US", "US-NY"), ("USA.", "", "US", ""),
    ("America", "Ohio", "US", "US-OH"), ("United Kingdom", "", "GB", ""),
    ("UK", "Scotland", "GB", "GB-SCT"), ("England", "", "GB", "GB-ENG"),
    ("Canada", "Ontario", "CA", "CA-ON"), ("Australia", "New South Wales", "AU", "AU-NSW"),
    ("Germany", "Bavaria", "DE", ""), ("Netherlands", "", "NL", ""), ("", "", "", ""),
    ("Narnia", "Ohio", "", ""),
    # common spellings, and a state written in the country (these were dropped; a tester)
    ("USA", "Calif.", "US", "US-CA"), ("USA", "Washington, D.C.", "US", "US-DC"),
    ("US", "Washington DC", "US", "US-DC"), ("Canada", "Québec", "CA", "CA-QC"),
    ("USA", "Texas (remote staff in CA)", "US", "US-TX"), ("Ohio, USA", "", "US", "US-OH"),
    ("U.S.A. (Ohio)", "", "US", "US-OH"), ("Georgia, USA", "", "US", "US-GA")])
def test_an_older_file_s_typed_country_becomes_its_iso_code(typed, state, country, region):
    data = {"format": FORMAT, "schema_version": 2,
            "project": {"company": {"country": typed, "state": state}}}
    company = project_from_data(data).company
    assert (company.country, company.state) == (country, region)


@pytest.mark.parametrize(("typed", "state", "said"), [
    ("Narnia", "Ohio", 'the country "Narnia"'), ("USA", "Calif-ish", 'the state "Calif-ish"'),
    ("USA", "Ohio", ""), ("Germany", "Bavaria", ""), ("USA", "", "")])
def test_an_older_file_s_country_or_state_that_cannot_be_read_is_said_on_opening(
        tmp_path, typed, state, said):
    """It was dropped without a word, and with it the state's rules (found by a tester)."""
    path = tmp_path / "old.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 3, "project": {
        "company": {"country": typed, "state": state}}}), encoding="utf-8")
    notes = Workspace.open(path).open_notes
    assert notes == ((f"{said} in this older file could not be read; choose it in Company",)
                     if said else ())


def test_an_older_file_without_a_country_was_in_the_united_states():
    data = {"format": FORMAT, "schema_version": 2, "project": {"company": {"name": "Acme"}}}
    assert project_from_data(data).company.country == "US"
