"""Pieces a policy like this one should have: the FTC disclosure rule, spokespeople, an
escalation chain, a review date, and the rules the company's sector adds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dates import suggested_review_date
from ..document import Document
from ..model import Industry, Project
from .facts import CheckFacts
from .finding import Finding

_PATIENT_RULE = re.compile(r"\bpatient", re.I)
_PRIVACY = re.compile(r"confidential|privacy|private|hipaa|authori[sz]|identif", re.I)
# Keeping business messages, or keeping them off channels the firm cannot archive.
_RECORDKEEPING = re.compile(r"\barchiv|\bretain|\bretention|record-?keeping|\bkeep\b[^.]{0,40}"
                            r"\b(?:records?|messages|communications)\b|books and records|"
                            r"personal (?:accounts?|phones?)[^.]{0,40}\bclient business", re.I)
_SUPERVISION = re.compile(r"\bsupervis|\bprincipal\b|\bpre-?approv", re.I)
# Material news kept until it is announced: "material ... non-public", "... news before we
# announce it" (the policy's own clause, and the item this check offers, were not read as one).
_MATERIAL_NEWS = re.compile(r"\bmaterial\b[^.]{0,80}\b(?:non-?public|not (?:yet )?(?:been )?"
                            r"(?:made )?(?:public|announced|released))|regulation fd|"
                            r"selective disclosure|\b(?:news|information)\b[^.]{0,80}\bbefore "
                            r"(?:we|it|they) (?:\w+ ){0,2}announced?\b", re.I)

PATIENT_ITEM = "Patient information, including photos or details that could identify a patient"
MATERIAL_NEWS_ITEM = ("Material information about the company, such as results or deals, "
                      "before it has been announced to investors")


def missing_pieces(project: Project, document: Document) -> Iterator[Finding]:
    yield from _general_pieces(project)
    yield from _sector_pieces(project, document)


def _authority(project: Project, us: str, *rule_ids: str) -> str:
    """The authority a missing piece names: the US one in the US (or where the country is not
    known), else the first of the rules the place's law pack holds, else the kind of law."""
    if CheckFacts.from_project(project).in_us:
        return us
    law = project.company.law_pack
    return next((law.cite(rule) for rule in rule_ids if law.has(rule)), _KIND_OF_LAW[rule_ids[-1]])


# What a missing piece's authority is called where the law pack names no rule for it.
_KIND_OF_LAW = {"consumer_reviews": "Consumer protection law", "data_protection": "Privacy law",
                "insider_trading": "Securities law", "financial_records":
                "Financial services rules on keeping and supervising business messages"}


def _general_pieces(project: Project) -> Iterator[Finding]:
    employees, voice = project.employees, project.voice
    if not employees.endorsement_disclosure:
        yield Finding(
            "missing.ftc_disclosure", "warning",
            "Employees who praise or promote the company's products online must say that they "
            "work for it. Without this rule the company shares the blame for hidden ads.",
            _authority(project, "FTC Endorsement Guides, 16 CFR Part 255 (revised 2023)",
                       "endorsements", "consumer_reviews"),
            "Turn on 'Disclose the relationship when promoting our products'.", "employees",
            ("employees", "endorsement_disclosure"), replacement=True)
    in_us, law = CheckFacts.from_project(project).in_us, project.company.law_pack
    if not in_us:
        yield Finding(
            "jurisdiction.outside_us", "info",
            "The risk check covers US law only. "
            + ("The policy text follows your country's law as of the date on its title page; "
               "have a lawyer there review it." if law.covered else
               f"The policy text names only {law.union} law, not the law of your country. Ask "
               "a lawyer there to adapt it before you use it." if law.union else
               "The policy text names no law of your country. Ask a lawyer there to adapt it "
               "before you use it."), "Common practice", "", "purpose")
    if law.has("french_language"):
        yield Finding(
            "jurisdiction.french_copy", "info",
            f"{law.region_name} law requires what you give staff in writing to be in French. "
            "Have the policy translated before you hand it out; you may give an English copy "
            "as well.", law.cite("french_language"), "", "review")
    if employees.savings_clause is False and in_us:
        yield Finding(
            "missing.rights_statement", "warning",
            "Without the statement of employees' rights, staff may read the rules as going "
            "further than the law allows.",
            "Stericycle, 372 NLRB No. 113 (2023)",
            "Turn on 'Include the employee rights statement'.", "rights",
            ("employees", "savings_clause"), replacement=True)
    statute = project.company.law_pack.cite("monitoring_acknowledgement")
    if statute and project.training.monitoring_notice and \
            not project.review.acknowledgement_required:
        yield Finding(
            "missing.monitoring_acknowledgement", "warning",
            "Your state requires written notice of electronic monitoring that each employee "
            "confirms. Without the signed acknowledgement the notice is not complete.", statute,
            "Turn on 'Staff sign an acknowledgement'.", "review",
            ("review", "acknowledgement_required"), replacement=True)
    if not voice.spokespeople and not voice.media_contact.strip():
        yield Finding(
            "missing.spokesperson", "info",
            "Nobody is named to speak for the company, so staff will not know where to send a "
            "reporter or who may answer for the company.", "Common practice",
            "Add at least one spokesperson and where media questions go.", "voice",
            ("voice", "spokespeople"))
    if not project.responses.escalation_chain:
        yield Finding(
            "missing.escalation_chain", "info",
            "There is no escalation chain, so in a crisis nobody knows whom to call, in what "
            "order.", "Common practice",
            "Add the people to call, in order, with how to reach them.", "responses",
            ("responses", "escalation_chain"))
    review = project.review
    if review.next_review_date is None:
        yield Finding(
            "missing.review_date", "info",
            "The policy has no next review date; platforms and the law change, so a date "
            "keeps it current.", "Common practice",
            f"Set the next review date, {review.review_cycle_months} months on.", "review",
            ("review", "next_review_date"),
            replacement=suggested_review_date(project))


def _sector_pieces(project: Project, document: Document) -> Iterator[Finding]:
    lines = [(b.clause_id, b.text) for b in document.blocks] + [
        (b.clause_id, cell) for b in document.blocks for row in b.rows for cell in row]
    text = "\n".join(line for _, line in lines)
    confidential = project.employees.confidential_info
    industry = project.company.industry
    if industry == Industry.HEALTH_CARE and not any(
            _PATIENT_RULE.search(line) and _PRIVACY.search(f"{clause} {line}")
            for clause, line in lines):
        yield Finding(
            "sector.health.patient_information", "warning",
            "A health care policy must say plainly that patient information, photos and "
            "stories are never posted without the patient's written authorization.",
            _authority(project, "HIPAA Privacy Rule, 45 CFR Parts 160 and 164",
                       "health_privacy", "data_protection"), PATIENT_ITEM, "employees",
            ("employees", "confidential_info"), replacement=[*confidential, PATIENT_ITEM])
    if industry == Industry.FINANCIAL_SERVICES:
        authority = _authority(project, "FINRA Rule 2210 / 4511, SEC Rule 17a-4",
                               "financial_records")
        if not _RECORDKEEPING.search(text):
            yield Finding(
                "sector.finance.recordkeeping", "warning",
                "Financial firms must keep records of business communications made on social "
                "media. The policy does not say how they are archived.", authority,
                "Business messages to clients go only through accounts the firm archives; "
                "never use personal accounts or chat apps for client business.", "presence")
        if not _SUPERVISION.search(text):
            yield Finding(
                "sector.finance.supervision", "warning",
                "Financial firms must supervise business communications, and a principal must "
                "approve some posts before they are published. The policy does not say who.",
                authority,
                "A supervising principal reviews business posts about our services before "
                "they are published.", "presence")
    if project.company.publicly_traded and not _MATERIAL_NEWS.search(text):
        yield Finding(
            "sector.public_company.selective_disclosure", "warning",
            "A listed company must not share important news with some people before the "
            "public. The policy should say that material news is shared only through official "
            "announcements.", _authority(project, "SEC Regulation FD", "insider_trading"),
            MATERIAL_NEWS_ITEM, "employees",
            ("employees", "confidential_info"), replacement=[*confidential, MATERIAL_NEWS_ITEM])
