"""The Project: one typed, validated model per policy area.

Every question is defined once here, with its label, help text and example; the form, the
project file, the templates and the completeness check all read these definitions.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`): pydantic
# would compile and evaluate a string per field (211 in all) as it builds the models: some 5 ms
# of each start.
import os
import re
import sys
import types
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .law import LawPack, law_pack, places
from .state import KEY
from .unseen import OTHER_LINE_BREAKS


def _find_no_plugins() -> None:
    """Plugins are off (smpolicy_desktop/__init__.py), so pydantic looks for none, but the
    module it would look with imports importlib.metadata (and email, csv...) all the same when
    the first model class is built: some 10 ms of each start, for nothing. With every plugin
    off, a stand-in that finds none takes its place (pydantic asks it only for get_plugins)."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") == "__all__":
        stand_in = types.ModuleType("pydantic.plugin._loader", "smpolicy: no pydantic plugins")
        stand_in.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules.setdefault(stand_in.__name__, stand_in)


_find_no_plugins()  # before the first model class


class Choice(StrEnum):
    """A fixed answer with a label a user reads; the value is what the file stores."""

    label: str

    def __new__(cls, value: str, label: str = "") -> "Choice":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def new_list() -> list:
    """A new empty list: the default of every list answer. Not `list` itself: pydantic reads
    each default factory's signature as it builds the models, and list's is parsed from text
    (0.2 ms each: some 6 ms of every start for the 27 lists); this function's is not."""
    return []


def question(default: Any = None, label: str = "", help: str = "", example: str = "", *,
             multiline: bool = False, clause_ref: bool = False, required: bool = True,
             unit: str = "", implied_rule: str = "", within: str = "", rule: bool = True,
             **constraints: Any) -> Any:
    """One question: its default, label, help text, example and facts, kept together.

    multiline: a text of several lines; clause_ref: the answer names a clause of the policy;
    required=False: a good policy often leaves it blank, so it never counts as missing;
    unit: what a number counts; implied_rule: the rule each item of a list becomes in the
    policy ("Do not share {}."), which is what the risk check reads; within: the answer beside
    it whose code starts each choice offered (a state "US-OH" within the country "US");
    rule=False: its answers state the company's aims or figures, no rule, so the risk check
    reads none of them ("New Google reviews each month" was an FTC finding, and Apply put a
    rule among the figures; found by a tester). smpolicy_desktop.questions reads these facts.
    """
    extra: dict[str, Any] = {"editor": "clause"} if clause_ref else {}
    extra.update({key: value for key, value, default_value in (
        ("multiline", multiline, False), ("required", required, True), ("unit", unit, ""),
        ("implied_rule", implied_rule, ""), ("within", within, ""), ("rule", rule, True))
        if value != default_value})
    factory = {"default_factory": default} if callable(default) else {"default": default}
    return Field(**factory, title=label, description=help,
                 examples=[example] if example else None,
                 json_schema_extra=extra or None, **constraints)


# Line breaks other than "\n": Word's manual line break (U+000B, in text pasted from Word), its
# page break, the Unicode line and paragraph separators... The preview and the exports dropped
# them, running the words either side together, while the risk check read them as line breaks
# (found by a tester). Decided once, as an answer is set or read from a file: a line break in a
# multi-line answer, a space in any other text (none at its ends: "2.0" copied with its break).
_AS_NEW_LINE = str.maketrans(dict.fromkeys(OTHER_LINE_BREAKS, "\n"))
_AS_SPACE = str.maketrans(dict.fromkeys(OTHER_LINE_BREAKS, " "))


def _plain_breaks(value: Any, multiline: bool) -> Any:
    """The text (or each text of a list) with its other line breaks made plain."""
    if isinstance(value, list):
        return [_plain_breaks(each, multiline) for each in value]
    if not isinstance(value, str) or not any(mark in value for mark in OTHER_LINE_BREAKS):
        return value
    if multiline:
        return value.translate(_AS_NEW_LINE)
    return value.strip(OTHER_LINE_BREAKS).translate(_AS_SPACE)


class Area(BaseModel):
    """Common settings for every part of the project.

    A policy area's `section` is the id of the document section where its answers mostly show,
    and `also_sections` those of sections with no tab of their own that follow its answers;
    `company_speech` says its answers are what the company itself publishes or does (its own
    speech may be restricted freely, so the rules on employees' rights do not apply there).
    """

    # Each model's validator is built as its class is made, so the project's reuses its
    # areas' (built on first use instead, each area's was built twice: alone and in the project).
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    section: ClassVar[str] = ""
    also_sections: ClassVar[tuple[str, ...]] = ()
    company_speech: ClassVar[bool] = False

    @field_validator("*", mode="before")
    @classmethod
    def _line_breaks(cls, value: Any, info: ValidationInfo) -> Any:
        extra = cls.model_fields[str(info.field_name)].json_schema_extra
        return _plain_breaks(value, isinstance(extra, dict) and bool(extra.get("multiline")))


# --- Choices ---------------------------------------------------------------------------------

class Industry(Choice):
    GENERAL_B2B = "general_b2b", "General B2B"
    PROFESSIONAL_SERVICES = "professional_services", "Professional services"
    HEALTH_CARE = "health_care", "Health care"
    FINANCIAL_SERVICES = "financial_services", "Financial services"
    RETAIL_CONSUMER = "retail_consumer", "Retail / consumer"
    NONPROFIT = "nonprofit", "Nonprofit"
    OTHER = "other", "Other"


class DocumentType(Choice):
    FULL = "full", "Full policy"
    SHORT = "short", "Short guidelines (one to two pages)"


class RelatedPolicy(Choice):
    COMMUNICATIONS = "communications", "Communications policy"
    CONFIDENTIALITY = "confidentiality", "Confidentiality / NDA"
    CODE_OF_CONDUCT = "code_of_conduct", "Code of conduct"
    INTELLECTUAL_PROPERTY = "intellectual_property", "Intellectual property policy"
    IT_ACCEPTABLE_USE = "it_acceptable_use", "IT acceptable use policy"
    ANTI_HARASSMENT = "anti_harassment", "Anti-harassment policy"
    PRIVACY = "privacy", "Privacy policy"
    EMPLOYEE_HANDBOOK = "employee_handbook", "Employee handbook"


class PersonalUse(Choice):
    REASONABLE = "reasonable", "Reasonable personal use is fine if the work gets done"
    BREAKS_ONLY = "breaks_only", "Personal use during breaks and meal periods only"


class ClientMentions(Choice):
    ASK_FIRST = "ask_first", "Only with the client's permission"
    PUBLIC_ONLY = "public_only", "Only what the client has already made public"


class ContentLicence(Choice):
    SHARE_WITH_CREDIT = "share_with_credit", "Share links and short quotes with credit"
    CC_BY = "cc_by", "Creative Commons Attribution (CC BY 4.0)"
    CC_BY_NC = "cc_by_nc", "Creative Commons Attribution-NonCommercial (CC BY-NC 4.0)"
    ASK_FIRST = "ask_first", "Ask us before reusing anything"


def _place_choices(name: str, places: dict[str, str], label: str) -> type[Choice]:
    """A Choice per ISO 3166 code ("" first, read as 'Not set'), from assets/law/places.json."""
    members = [("NOT_SET", ("", "Not set")), *((code, (code, label.format(name=place)))
                                               for code, place in places.items())]
    return Choice(name, members)  # type: ignore[arg-type,return-value]  # the functional API


# ISO 3166-1 alpha-2 ("US", "GB"...), listed by name.
Country = _place_choices("Country", dict(sorted(places()["countries"].items(),
                                                key=lambda item: item[1])), "{name}")
# ISO 3166-2 ("US-CA", "CA-ON", "GB-ENG", "AU-NSW") for the countries whose law varies inside.
Region = _place_choices("Region", {code: f"{name}, {places()['countries'][country]}"
                                   for country, regions in places()["subdivisions"].items()
                                   for code, name in regions.items()}, "{name}")


class ReviewStatus(Choice):
    NOT_STARTED = "not_started", "Not started"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"


# --- List rows -------------------------------------------------------------------------------

class OfficialAccount(Area):
    platform: str = question("", "Platform", "Where the account lives.", "LinkedIn")
    handle: str = question("", "Handle or address", "The account's name or web address.",
                           "@northwind-analytics", required=False)
    purpose: str = question("", "Purpose", "What the account is for.",
                            "Company news, case studies and hiring", required=False)
    owner: str = question("", "Account owner", "The person responsible for the account.",
                          "Marketing lead")


class Spokesperson(Area):
    name: str = question("", "Name", "", "Dana Reyes")
    title: str = question("", "Job title", "", "Managing Director", required=False)
    topics: str = question("", "Speaks about", "The subjects this person may speak on.",
                           "Company news, strategy, media interviews", required=False)


class ResponseMatrixRow(Area):
    situation: str = question("", "Situation", "The kind of comment or event.", "Complaint")
    action: str = question("", "What we do", "How we respond.",
                           "Thank them, move the conversation to a private message")
    responder: str = question("", "Who responds", "", "Account owner", required=False)
    response_time: str = question("", "How fast", "", "Within one working day",
                                  required=False)


class EscalationContact(Area):
    role: str = question("", "Role", "Their place in the chain.", "Policy owner")
    name: str = question("", "Name", "", "Dana Reyes")
    contact: str = question("", "How to reach them", "Phone or email.", "+1 555 0100")
    when: str = question("", "When to call", "What makes you go to this person.",
                         "Any legal threat or possible crisis", required=False)


class Reviewer(Area):
    role: str = question("", "Role", "", "Company lawyer")
    name: str = question("", "Name", "", "")
    status: ReviewStatus = question(ReviewStatus.NOT_STARTED, "Status", "")
    reviewed_on: date | None = question(None, "Date", "When they finished their review.",
                                        required=False)


class Revision(Area):
    version: str = question("", "Version", "", "1.0")
    revised_on: date | None = question(None, "Date", "", required=False)
    summary: str = question("", "What changed", "", "First version", required=False)


class CounselNote(Area):
    clause_id: str = question("", "Clause", "The clause your question is about.",
                              clause_ref=True, required=False)
    question: str = question("", "Question for your lawyer", "",
                             "Is our monitoring statement enough, or do we need consent?",
                             multiline=True)


# --- The policy areas ------------------------------------------------------------------------

class Company(Area):
    """1. Company: who the policy is for and what kind of document it is."""

    section: ClassVar[str] = "purpose"
    company_speech: ClassVar[bool] = True

    name: str = question("", "Company name", "The legal or trading name used in the policy.",
                         "Northwind Analytics LLC")
    industry: Industry = question(Industry.GENERAL_B2B, "Industry",
                                  "Sets sector rules such as patient or client privacy.")
    publicly_traded: bool = question(False, "Publicly traded",
                                     "Listed companies have extra rules on sharing news.")
    # Country and Region are made at import from the places list, so mypy cannot see them.
    country: Country = question(  # type: ignore[valid-type]
        Country("US"), "Country", "Where the business is: the policy follows its law.")
    state: Region = question(  # type: ignore[valid-type]
        Region(""), "State, province or nation",
        "Some rules differ by US state, Canadian province or Australian state.", required=False,
        within="country")
    staff_count: int | None = question(
        None, "Number of staff", "The policy notes the size when this version was written.",
        "40", required=False, unit="people", ge=1, le=10_000_000, strict=True)
    owner_name: str = question("", "Policy owner", "The person who looks after this policy.",
                               "Dana Reyes")
    owner_title: str = question("", "Policy owner's job title",
                                "Shown beside the owner's name, so staff know whom to ask.",
                                "Managing Director")
    effective_date: date | None = question(None, "Effective date",
                                           "The day the policy starts to apply.")
    version: str = question("1.0", "Version",
                            "On the title page and the sign-off page; raise it for each revision.",
                            "1.0")
    document_type: DocumentType = question(
        DocumentType.FULL, "Document type",
        "A full policy, or one to two pages of do's and don'ts.")
    related_policies: list[RelatedPolicy] = question(
        new_list, "Policies this one refers to", "Other company policies the reader should know.",
        required=False)

    @model_validator(mode="after")
    def _state_inside_country(self) -> "Company":
        """A state left over from another country is dropped, not kept as a contradiction."""
        if self.state and not self.state.startswith(f"{self.country}-"):  # type: ignore[attr-defined]
            self.__dict__["state"] = Region("")
        return self

    @property
    def law_pack(self) -> LawPack:
        """The law the policy follows: the country's pack plus the state's rules."""
        return law_pack(self.country.value, self.state.value)  # type: ignore[attr-defined]

    @property
    def in_us(self) -> bool:
        """Whether US law and its statements apply (the United States or an outlying area)."""
        return self.law_pack.in_us

    @property
    def spelling(self) -> str:
        """'US', 'CA' (Canadian: British but for -ize words) or 'UK' (British, elsewhere)."""
        return self.law_pack.spelling


class Presence(Area):
    """2. Our presence online: what the business will and will not do."""

    section: ClassVar[str] = "presence"
    company_speech: ClassVar[bool] = True

    accounts: list[OfficialAccount] = question(new_list, "Official accounts",
                                               "Every account that speaks for the company.")
    goals: list[str] = question(new_list, "Our goals", "What the accounts are for.",
                                "Show the quality of our work", rule=False)
    we_publish: list[str] = question(new_list, "What we publish",
                                     "The kinds of posts the company puts out, one per line.",
                                     "Case studies")
    we_never_publish: list[str] = question(new_list, "What we never publish",
                                           "Each line becomes a rule: \"We never publish ...\".",
                                           "Client names without written consent",
                                           implied_rule="We never publish {}.")
    post_approver: str = question("", "Who approves posts",
                                  "The person who signs off posts before they go out.",
                                  "Marketing lead")
    two_factor_required: bool = question(True, "Two-factor sign-in on every account",
                                         "A code or key as well as the password.")
    password_handling: str = question(
        "", "How shared passwords are kept",
        "Where the logins to company accounts live, and where they never go.",
        "In the company password manager, never in email or chat", multiline=True)
    access_removal: str = question("", "When someone leaves",
                                   "How fast their access to company accounts is removed.",
                                   "On their last working day")


class Voice(Area):
    """3. Voice and spokespeople: who speaks for the company and how it sounds."""

    section: ClassVar[str] = "voice"
    company_speech: ClassVar[bool] = True

    spokespeople: list[Spokesperson] = question(new_list, "Spokespeople",
                                                "The people who may speak for the company.")
    media_contact: str = question("", "Where media and analyst questions go",
                                  "The person who receives every press or analyst question.",
                                  "Dana Reyes, Managing Director")
    voice_attributes: list[str] = question(new_list, "Our voice", "A few words for how we sound.",
                                           "Plain")
    voice_avoid: list[str] = question(new_list, "Our voice is never",
                                      "Words for a tone you avoid, one per line.", "Sarcastic")
    training_before_posting: bool = question(
        True, "Brief people before they post for us",
        "Training or a talk with the policy owner before anyone posts for the company.")


class EmployeeGuidelines(Area):
    """4. Employees: what employees can and cannot do online."""

    section: ClassVar[str] = "employees"
    also_sections: ClassVar[tuple[str, ...]] = ("rights", "quick_guide")

    personal_use: PersonalUse = question(PersonalUse.REASONABLE, "Personal use at work",
                                         "Covers work computers and personal phones alike.")
    views_disclaimer: bool = question(
        True, "Ask for a 'views are my own' note",
        "When employees say where they work and post about our field.")
    disclaimer_text: str = question("The views I share here are my own.",
                                    "Suggested wording of the note",
                                    "What staff add when they post about our field.",
                                    "Views are my own.")
    endorsement_disclosure: bool = question(
        True, "Disclose the relationship when promoting our products",
        "Advertising law expects it when employees praise the company's products or "
        "services; the policy names the rule where you are.")
    confidential_info: list[str] = question(new_list, "What counts as confidential",
                                            "Name specific kinds of information.",
                                            "Client files and client data",
                                            implied_rule="Do not share {}.")
    third_party_rights: bool = question(
        True, "Respect others' copyright and trademarks",
        "Staff ask before using photos, music or logos that belong to others.")
    respect_people: bool = question(
        True, "No harassment, threats or discrimination",
        "Toward co-workers, customers and anyone else.")
    client_mentions: ClientMentions = question(
        ClientMentions.ASK_FIRST, "Mentioning clients and partners",
        "Whether staff may name clients or partners online.")
    recruiting_posts: str = question("", "Recruiting posts", "How staff may share job openings.",
                                     "Share our job posts; send candidates to hiring@",
                                     multiline=True)
    savings_clause: bool = question(
        True, "Include the employee rights statement",
        "States that nothing in the policy limits employees' legal rights, such as talking "
        "about pay and working conditions.")


class PublicContent(Area):
    """5. The public and our content: what others can and cannot do with it."""

    section: ClassVar[str] = "content"
    company_speech: ClassVar[bool] = True

    content_licence: ContentLicence = question(
        ContentLicence.SHARE_WITH_CREDIT, "How others may reuse our content",
        "What the public may do with our posts, photos and articles.")
    name_and_logo: str = question("", "Use of our name and logo",
                                  "What we ask of others who use our name or logo.",
                                  "Please don't use our logo in a way that suggests we endorse you",
                                  multiline=True)
    removed_comments: list[str] = question(new_list, "Comments we hide or remove",
                                           "On our own pages.", "Spam and scams",
                                           implied_rule="We hide or remove {} from our pages.")
    comment_note: str = question("", "Note on criticism",
                                 "What happens to fair criticism on our pages.",
                                 "We leave honest criticism up and answer it", multiline=True)
    repost_with_permission: bool = question(
        True, "Repost customers' content only with permission",
        "We ask before sharing a customer's photo or post on our accounts.")
    contests: bool = question(False, "We run contests and giveaways",
                              "Adds the rules every contest or prize draw follows.")


class ResponsesAndCrises(Area):
    """6. Responses and crises: the chain of command and the response policy."""

    section: ClassVar[str] = "responses"
    company_speech: ClassVar[bool] = True

    monitor_who: str = question("", "Who monitors our accounts",
                                "A person or role who reads comments and messages.",
                                "Marketing lead")
    monitor_frequency: str = question("", "How often", "How often the accounts are checked.",
                                      "Twice each working day")
    response_matrix: list[ResponseMatrixRow] = question(new_list, "Response matrix",
                                                        "What we do for each kind of comment.")
    escalation_chain: list[EscalationContact] = question(new_list, "Escalation chain",
                                                         "Who to call, in order.")
    crisis_signs: list[str] = question(new_list, "What counts as a crisis",
                                       "Signs that call for the escalation chain, one per line.",
                                       "A data breach or service outage")
    first_steps: list[str] = question(new_list, "First steps in a crisis",
                                      "In order: what the first person to notice does.",
                                      "Pause all scheduled posts")
    holding_statement: str = question("", "Holding statement",
                                      "What we post while we find out more.",
                                      "We know about the problem and are looking into it.",
                                      multiline=True)
    after_review: bool = question(True, "Review what happened after every crisis",
                                  "A short look back, so the next one goes better.")


class TrainingAndEnforcement(Area):
    """7. Training and enforcement: training first, consequences last."""

    section: ClassVar[str] = "training"

    who_is_trained: str = question("", "Who is trained",
                                   "Everyone, or only the people who post for the company.",
                                   "Everyone who posts for us")
    when_trained: str = question("", "When",
                                 "When the training happens, for example when people join.",
                                 "When they join, and once a year")
    report_to: str = question("", "Where staff report concerns",
                              "A person or role, not only a mailbox.", "Their manager or HR")
    monitoring_notice: bool = question(
        True, "State openly that company systems are monitored",
        "Company devices and accounts only; never employees' personal accounts.")
    consequences: str = question("", "Consequences", "What happens when the policy is broken.",
                                 "Coaching first; serious breaches may lead to discipline",
                                 multiline=True)
    measures: list[str] = question(new_list, "How we measure results",
                                   "What we track to know the policy works, one per line.",
                                   "Questions from customers that came through social media",
                                   rule=False)


class ReviewAndSignOff(Area):
    """8. Review and sign-off: keeping the policy current and agreed."""

    section: ClassVar[str] = "review"
    also_sections: ClassVar[tuple[str, ...]] = ("acknowledgement",)

    review_cycle_months: int = question(
        12, "Review every (months)", "How often the policy is read again; 12 suits most.", "12",
        unit="months", ge=1, le=60, strict=True)
    next_review_date: date | None = question(None, "Next review date",
                                             "The app reminds you when it has passed.")
    reviewers: list[Reviewer] = question(new_list, "Reviewers", "Who must review this policy.")
    revisions: list[Revision] = question(new_list, "Revision history",
                                         "Each version with its date and what changed.",
                                         required=False)
    distribution: str = question("", "How staff receive the policy",
                                 "How each person gets a copy, and where it is kept.",
                                 "Emailed to all staff and kept on the intranet",
                                 multiline=True)
    acknowledgement_required: bool = question(
        True, "Staff sign an acknowledgement",
        "Adds a page each person signs to say they have read the policy.")
    notes_to_counsel: list[CounselNote] = question(
        new_list, "Notes to counsel",
        "Questions for your lawyer; each becomes a comment on its clause in Word.",
        required=False)
    final: bool = question(False, "Final version",
                           "Removes the DRAFT mark once your lawyer has approved it.")


# --- The owner's own wording and the versions sent to counsel -------------------------------

class ClauseWording(Area):
    """Words of the owner's (or counsel's) own for one clause, in place of the generated text.

    text holds a line per paragraph: "- " starts a bullet, "1. " a numbered step and "| " a
    table row (cells between " | "). based_on is the generated text the wording replaced,
    so the app can say when the answers behind the clause have changed since.

    A title_only wording is a new title alone (counsel renamed the clause and left its words):
    the body stays the generated one, following the answers; text and based_on stay empty.
    """

    clause_id: str
    title: str = ""  # empty: the generated heading
    text: str = ""
    based_on: str = ""
    title_only: bool = False


class OwnerClause(Area):
    """A rule of the owner's own, numbered with the rest of its section.

    It follows the clause `after` (empty: it opens the section); its id is "own." and a
    number, so notes, counsel's changes and bookmarks can name it like any other clause.
    With no section_id it is a section of its own (text before its first clause) after the
    section `after`, numbered with the rest; its rules name it as their section_id.
    """

    id: str
    section_id: str
    after: str = ""
    title: str = ""
    text: str = ""


class SentVersion(Area):
    """A Word file sent to counsel, or counsel's reply: the text it carried, paragraph by
    paragraph (a table row is its cells joined by tabs), each with its clause id and style, so
    a later redline and an imported reply compare with exactly that."""

    id: str
    sent_on: datetime
    kind: DocumentType = DocumentType.FULL
    label: str = ""  # "Sent to counsel", "Reply from Morgan Lee"
    version: str = ""  # the policy's version number at the time
    paragraphs: list[str] = Field(default_factory=new_list)
    clause_ids: list[str] = Field(default_factory=new_list)
    styles: list[str] = Field(default_factory=new_list)  # block kinds; "row" for table rows
    compares_with: str = ""  # a redline ("changes for counsel"): the version it shows changes to
    # the owner's notes it carried as comments, so a reply without them tells that counsel
    # took them out; None: recorded before they were kept
    notes: list[str] | None = None
    reply_key: str = ""  # counsel's reply kept as this version: which reply (review.Reply.key)

    @property
    def said(self) -> str:
        """Its label in a sentence: "sent to counsel", "reply from Morgan Lee"."""
        return self.label[:1].lower() + self.label[1:] if self.label else "sent"


class CommentReply(Area):
    author: str = ""
    written_on: datetime | None = None
    text: str = ""


class CounselComment(Area):
    """A comment from counsel's reply kept with the project, with its replies (the owner's
    too). about_note is the owner's question it answers, when it answers one; also_clauses are
    the clauses after clause_id that the comment covers too, when it spans several."""

    id: str
    clause_id: str = ""
    also_clauses: list[str] = Field(default_factory=new_list)
    author: str = ""
    written_on: datetime | None = None
    text: str = ""
    about_note: str = ""
    replies: list[CommentReply] = Field(default_factory=new_list)
    resolved: bool = False

    @property
    def clauses(self) -> tuple[str, ...]:
        return (self.clause_id, *self.also_clauses)


def next_id(prefix: str, ids: Iterable[str]) -> str:
    """The prefix and the number after the highest among the ids that are it and a number
    ("own.3" -> "own.4", "v2" -> "v3"). An id as the app never makes it, "own.²" (a digit to
    str.isdigit, no number to int) or 5,000 digits (more than int reads), counts for none."""
    made = re.compile(re.escape(prefix) + "([0-9]{1,9})")
    numbers = [int(found[1]) for id_ in ids if (found := made.fullmatch(id_))]
    return f"{prefix}{max(numbers, default=0) + 1}"


class Project(Area):
    """A company's social media policy: every answer, one area per tab."""

    # The name its versions (File > Versions) are kept under, made at its first save and kept
    # in the file, so that they follow it when it is moved, renamed or copied (they were kept
    # under the file's path, and a project moved had "No versions yet"; found by a tester).
    # First, so that a damaged file's can be read (versions.history_of). "" before a save.
    history: str = Field("", pattern=f"^({KEY})?$")
    company: Company = Field(default_factory=Company, title="Company")
    presence: Presence = Field(default_factory=Presence, title="Our presence online")
    voice: Voice = Field(default_factory=Voice, title="Voice and spokespeople")
    employees: EmployeeGuidelines = Field(default_factory=EmployeeGuidelines, title="Employees")
    public: PublicContent = Field(default_factory=PublicContent,
                                  title="The public and our content")
    responses: ResponsesAndCrises = Field(default_factory=ResponsesAndCrises,
                                          title="Responses and crises")
    training: TrainingAndEnforcement = Field(default_factory=TrainingAndEnforcement,
                                             title="Training and enforcement")
    review: ReviewAndSignOff = Field(default_factory=ReviewAndSignOff,
                                     title="Review and sign-off")
    wording: list[ClauseWording] = Field(default_factory=new_list)
    owner_clauses: list[OwnerClause] = Field(default_factory=new_list)
    sent_versions: list[SentVersion] = Field(default_factory=new_list)
    counsel_comments: list[CounselComment] = Field(default_factory=new_list)
    # What the owner decided on counsel's replies: reply (review.Reply.key) -> item id ->
    # "accept", "reject" or "reply", so a reply opened again shows what was decided
    counsel_decisions: dict[str, dict[str, str]] = Field(default_factory=dict)
    # The record of what went to counsel and came back: never undone, and kept when an earlier
    # version's answers are restored (a restore dropped it, and counsel's reply to v1 was
    # then refused as a reply to nothing sent; found by a tester).
    records: ClassVar[tuple[str, ...]] = ("sent_versions", "counsel_comments",
                                          "counsel_decisions")

    @classmethod
    @cache
    def areas(cls) -> Mapping[str, type[Area]]:
        """The policy areas in tab order: attribute name -> model class (worked out once)."""
        return {name: field.annotation for name, field in cls.model_fields.items()
                if isinstance(field.annotation, type) and issubclass(field.annotation, Area)
                and field.annotation.section}

    @classmethod
    def area_of_section(cls, section: str) -> str:
        """The area (tab) whose answers a section of the policy follows; "" for none."""
        return next((name for name, area in cls.areas().items()
                     if section in (area.section, *area.also_sections)), "")

    def wording_for(self, clause_id: str) -> ClauseWording | None:
        return next((w for w in self.wording if w.clause_id == clause_id), None)

    def new_owner_clause_id(self) -> str:
        """The id for the next clause of the owner's own: "own." and the next number."""
        return next_id("own.", (clause.id for clause in self.owner_clauses))

