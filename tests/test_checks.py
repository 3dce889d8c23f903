"""The risk check, family by family: rules an employee could read as barring lawful talk about
work are flagged; narrow, lawful rules are not. Every example is written in our own words
after the public source named beside it.
"""

from __future__ import annotations

import pytest

from smpolicy_desktop.checks import check_text
from smpolicy_desktop.checks.wording import PATIENT_RULE, RULES
from smpolicy_desktop.model import Industry

GC_15_04 = "NLRB General Counsel memo GC 15-04 (2015)"
OM_12_59 = "NLRB Acting General Counsel memo OM 12-59 (2012)"
OM_12_31 = "NLRB Acting General Counsel memo OM 12-31 (2012)"

# (sentence, the rule that must flag it, the source the example follows)
FLAGGED = [
    ("Do not share any information about the company with outsiders.",
     "confidentiality.overbroad", GC_15_04 + ", rules on 'company information'"),
    ("Never talk about staff information or personnel matters outside work.",
     "confidentiality.overbroad", GC_15_04 + ", rules on 'employee information'"),
    ("Employees may not disclose sensitive internal matters online.",
     "confidentiality.overbroad", OM_12_59 + ", General Motors rule on non-public information"),
    ("Salaries are strictly confidential and may not be discussed with colleagues.",
     "working_conditions.discussion", "NLRA section 7; " + GC_15_04 + ", wage rules"),
    ("Do not talk about your wages or bonuses with co-workers.",
     "working_conditions.discussion", GC_15_04 + ", wage rules"),
    ("Employees must not post about workplace safety concerns.",
     "working_conditions.discussion", "NLRA section 7; Stericycle, 372 NLRB No. 113 (2023)"),
    ("Never bad-mouth management on social media.",
     "disparagement.employer", GC_15_04 + ", rules on criticising the employer"),
    ("Employees shall not post derogatory remarks about supervisors or colleagues.",
     "disparagement.employer", "Hills and Dales General Hospital, 360 NLRB No. 70 (2014)"),
    ("Everything you post must be completely accurate.",
     "accuracy.false_statements", OM_12_59 + ", General Motors accuracy rule"),
    ("Employees may not spread false rumours about the company.",
     "accuracy.false_statements", GC_15_04 + ", false-statement rules without malice"),
    ("Always be positive when you talk about the company online.",
     "civility.vague", GC_15_04 + ", civility rules"),
    ("Do not post anything inappropriate or controversial.",
     "civility.vague", GC_15_04 + ", rules on 'inappropriate' posts"),
    ("Do not speak to reporters about the company without approval from HR.",
     "media.employee_speech", GC_15_04 + ", media contact rules"),
    ("Employees are not allowed to give interviews to the press.",
     "media.employee_speech", GC_15_04 + ", media contact rules"),
    ("Do not contact government agencies about workplace matters without telling HR.",
     "government.employee_speech", "NLRA sections 7 and 8(a)(4); " + GC_15_04),
    ("Employees must not report safety problems to OSHA before raising them internally.",
     "government.employee_speech", "NLRA section 7; OSH Act section 11(c)"),
    ("Check with your supervisor before you post anything about work.",
     "approval.before_posting", OM_12_31 + ", prior-permission rules"),
    ("Posts that mention the company require prior approval from marketing.",
     "approval.before_posting", OM_12_31 + ", prior-permission rules"),
    ("Never use the company logo.",
     "logo.any_use", GC_15_04 + ", logo and trademark rules"),
    ("Ask marketing before using our name or logo.",
     "logo.any_use", "Pepsi Bottling Group advice memo (2012) as summarised in " + GC_15_04),
    ("Staff must keep all internal communications private.",
     "confidentiality.overbroad", GC_15_04 + ", rules on 'internal' matters"),
    ("Keep your posts positive about the company.",
     "civility.vague", GC_15_04 + ", rules demanding a positive tone"),
    ("Do not post photos of the office without approval.",
     "approval.before_posting", "Whole Foods Market, 363 NLRB No. 87 (2015), recording rules"),
    ("Bring complaints about work to your manager before posting about them online.",
     "concerns.internal_first", GC_15_04 + ", rules requiring internal resolution"),
    ("Do not air workplace grievances on social media.",
     "concerns.internal_first", OM_12_59 + ", rules against airing grievances online"),
]

# Lawful rules that name specific conduct; none may be flagged as a warning or worse.
LAWFUL = [
    ("Do not disclose trade secrets, source code or client contracts.",
     GC_15_04 + ", trade secret rules"),
    ("Never post a customer's account details or payment data.",
     GC_15_04 + ", customer data rules"),
    ("Do not post a co-worker's home address or medical history.",
     "OM 12-59 (2012), rules limited to confidential personnel records"),
    ("Do not post during working hours unless it is part of your job.",
     "NLRB: work-time rules are lawful (Republic Aviation, 324 U.S. 793 (1945))"),
    ("Do not post derogatory remarks about a co-worker's race or religion.",
     GC_15_04 + ", anti-harassment rules"),
    ("Do not make disparaging claims about competitors' products.",
     "Jefferson Standard, 346 U.S. 464 (1953): product disparagement is unprotected"),
    ("Do not post statements about co-workers that you know are false.",
     GC_15_04 + ", maliciously false statements"),
    ("Claims about our products must be truthful and backed by evidence.",
     "FTC Act section 5; FTC Endorsement Guides, 16 CFR Part 255"),
    ("Do not threaten or harass anyone online.",
     GC_15_04 + ", threats and harassment"),
    ("Be courteous to customers when you answer them on the job.",
     GC_15_04 + ", courtesy to customers while working"),
    ("Do not post content that discriminates against people because of their disability.",
     "Title VII / ADA; " + GC_15_04 + ", anti-discrimination rules"),
    ("Only our spokespeople give statements to the media on behalf of the company.",
     GC_15_04 + ", speaking for the company"),
    ("If a journalist contacts you, pass the request to our media contact.",
     GC_15_04 + ", media referral rules"),
    ("Nothing in this policy limits your right to contact any government agency.",
     "NLRA section 8(a)(4)"),
    ("Posts on the company's official accounts need approval from the marketing lead.",
     GC_15_04 + ", approval for company posts"),
    ("Get permission from the client before you post photos of their site.",
     "Client confidentiality; " + GC_15_04 + ", customer information"),
    ("Do not use our logo to make it look as if the company endorses your opinions.",
     GC_15_04 + ", logo rules tied to impersonation"),
    ("Respect other people's trademarks and copyright.",
     GC_15_04 + ", third-party intellectual property"),
    ("You can raise a concern with your manager or HR at any time.",
     GC_15_04 + ", open-door offers"),
    ("HR can help with a problem at work; this does not limit your right to discuss it with "
     "anyone.", "Stericycle, 372 NLRB No. 113 (2023)"),
    ("Do not speak for the company unless you are a named spokesperson.",
     GC_15_04 + ", speaking as the company"),
]


def rules_flagging(text: str, **kwargs) -> set[str]:
    return {f.rule for f in check_text(text, **kwargs) if f.at_least("warning")}


@pytest.mark.parametrize(("text", "rule", "source"), FLAGGED, ids=[r for _, r, _ in FLAGGED])
def test_risky_rule_is_flagged(text, rule, source):
    assert rule in rules_flagging(text), f"not flagged ({source}): {text}"


@pytest.mark.parametrize(("text", "source"), LAWFUL)
def test_lawful_rule_is_not_flagged(text, source):
    assert rules_flagging(text) == set(), f"lawful per {source}: {text}"


def test_every_family_has_two_flagged_examples():
    families = [rule.id for rule in RULES]
    assert all(sum(r == family for _, r, _ in FLAGGED) >= 2 for family in families)


@pytest.mark.parametrize("rule", [*RULES, PATIENT_RULE], ids=lambda r: r.id)
def test_every_safer_wording_passes_the_check_itself(rule):
    for wording in filter(None, (rule.suggestion, rule.item_suggestion)):
        assert rules_flagging(wording, industry=Industry.HEALTH_CARE) == set(), wording


@pytest.mark.parametrize("rule", [*RULES, PATIENT_RULE], ids=lambda r: r.id)
def test_every_finding_says_why_and_on_what_authority(rule):
    assert rule.severity in ("info", "warning", "error")
    assert 1 <= rule.reason.count(".") <= 3 and rule.authority


def test_the_company_name_counts_as_the_employer():
    text = "Do not criticise Northwind Analytics online."
    assert "disparagement.employer" in rules_flagging(text,
                                                       company_name="Northwind Analytics LLC")


def test_the_flagged_sentence_is_quoted_from_the_original_text():
    text = "Use our hashtag when you like. Never say anything negative about the bosses!"
    [finding] = check_text(text)
    assert finding.excerpt == "Never say anything negative about the bosses!"


def test_patient_stories_need_written_authorisation_in_health_care():
    story = "Patient success stories from our clinic"
    assert "sector.health.patient_content" in rules_flagging(
        story, industry=Industry.HEALTH_CARE, company_speech=True)
    assert rules_flagging("Patient success stories, with the patient's written authorization",
                          industry=Industry.HEALTH_CARE, company_speech=True) == set()
    assert rules_flagging(story, company_speech=True) == set()  # other sectors: no rule


def test_the_company_may_restrict_its_own_speech():
    # What the company's own accounts never publish is the company's choice, not a rule
    # that reaches employees.
    assert rules_flagging("We never post negative comments about competitors or staff.",
                          company_speech=True) == set()
