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
    COWORKERS,
    EXTENDS_LAST_CLAUSE,
    HARASSMENT_CONTEXT,
    NOTHING_HERE,
    PROHIBITION,
    RIGHTS_NOTE,
    RULE,
    Sentence,
    clauses,
    is_title,
    sentences,
    states_consequence,
    words,
)
from .model import Model, Precedent, model
from .wording import (
    DISPARAGE,
    EMPLOYEE_INFO,
    GOVERNMENT,
    MALICE,
    RULES,
    SENSITIVE_PERSONAL,
    WORK_TALK,
    skips_control,
)

_COMPETITORS = words(r"competitors?'?")
_COMPLAINT_OF_HARASSMENT = words(
    r"(?:complaints?|reports?|allegations?|investigations?) (?:of|about|into) (?:\w+ )?"
    r"(?:harassment|discrimination|retaliation)",
    r"(?:harassment|discrimination|retaliation) (?:complaints?|reports?|allegations?|"
    r"investigations?)")
# A safeguard states a protection, not a rule, outside labour law (where "we" is often the staff:
# "We will not engage in gossip." is labelled unlawful): the company or its managers promising
# restraint ("We never hide negative reviews.", "Managers may not ask for passwords."), not "We
# do not allow staff to..."; or what staff are never asked or made to do ("Applicants will not
# be asked for their usernames."), unless what they are spared is a control ("Advisers do not
# need to archive texts."). Neither keeps something back ("We never mention that reviewers were
# paid.", "You do not have to say the product was free.").
# A ban written after its act: "Texting clients on WhatsApp is not allowed.", "Asking staff for
# their passwords is prohibited."
_BANNED_AFTER = (r"(?:are|is) (?:strictly )?(?:prohibited|forbidden|banned|not allowed|"
                 r"not permitted)")
_RESTRAINED = re.compile(
    rf"(?:{RESTRAINT.pattern}"
    r"|^(?:managers?|supervisors?|owners?|hr|human resources)(?: \w+)? (?:may|must|will|shall|can|"
    r"should|would) (?:not|never)\b"
    # first, or after when it applies: "During the quiet period, no one at the company will..."
    r"|^(?:(?:during|before|until|while|in|on|at|after) [^,]{1,60}, )?(?:no one|nobody|"
    r"no managers?|no supervisors?)(?: \w+){0,3} (?:may|must|will|shall|can|should|would)\b"
    # the demand itself forbidden: "Asking staff for their passwords is prohibited."
    r"|^(?:asking|requesting|requiring|demanding|forcing|pressuring|making) (?:[\w']+,? ){1,15}"
    rf"{_BANNED_AFTER}\b)"
    r"(?! (?:allow|permit|let|tolerate|want|accept)\b)")
_SPARED = re.compile(
    r"\b(?:will|shall|would) (?:not|never) be (?:asked|required|made to|forced|pressured|"
    r"expected)\b"
    r"|\b(?:are|is) (?:never|not) (?:asked|required|expected|obliged|forced)\b"
    r"|\b(?:never|do not|does not|will not) (?:have|need) to\b")
_CONTROL = words(r"approv\w*", r"authori[sz]\w*", "consent", "permission", r"archiv\w*",
                 r"supervis(?:e|ed|ion|ing)", r"pre-?clear\w*", "compliance", r"records?",
                 r"retain\w*", r"cop(?:y|ies)", "sign off", "signed off", r"review(?:ed)? by")
_KEPT_BACK = re.compile(
    rf"{NEGATED_DISCLOSURE.pattern}|\b(?:not|never) (?:\w+ )?(?:need|have|required|obliged|asked|"
    r"expected) to (?:mention|disclose|say|tell|label|tag|report)\w*|\bnever tag\w*")
# In the sector areas the harm is the act (posting a patient's photo, sharing results early,
# texting clients from WhatsApp, gating reviews), so a rule that forbids it is the safe side:
# whoever the rule is for ("Staff who hear about a deal may not trade until it is public."),
# unless it forbids a disclosure or a report to the authorities, only relaxes a control ("Posts
# do not need compliance approval.", "Do not keep client texts.") or forbids something only
# without approval (a gag with a permit). Not in account privacy, where forbidding staff to keep
# a profile private is the harm.
_FORBIDS = re.compile(
    r"^(?:please )?(?:do not|never|(?:\w+ ){0,12}(?:may|must|should|shall|can|will) (?:not|never)|"
    rf"(?:[\w']+,? ){{0,15}}{_BANNED_AFTER})\b")
_RELAXED = words(r"(?:do|does|did) not need", "no need", "not required", "not necessary",
                 r"without (?:\w+ ){0,3}approval",
                 r"(?:do|does) not have to", "never have to",
                 # a ban on archiving, recording, saving... is skips_control's, in _safeguard
                 r"^(?:please )?(?:do not|never) (?:check|review|keep)\w*")
# A ban laid on customers is a gag ("Customers agree that the contract's terms shall not be made
# public."), not a ban on the harm.
_ON_CUSTOMERS = re.compile(r"^(?:the |our |any |every |a )?(?:customers?|clients?|buyers?|"
                           r"purchasers?|guests?|patients?|tenants?|users?|reviewers?)\b"
                           # not a word naming what is theirs: "Client messages on personal
                           # phones are not permitted." is a ban on the act
                           r"(?!'| (?:messages?|texts?|emails?|calls?|chats?|communications|"
                           r"files?|records?|data|information|details|names?|photos?|pictures?|"
                           r"accounts?|business|orders?|trades?|lists?|stories|story)\b)")
_BAN_IS_SAFE = ("ftc", "hipaa", "finance", "reg_fd")
# A reward for any review, whatever it says, is one the review rule allows (16 CFR 465.4 bans
# only rewards conditioned on what the review says): "a $5 coupon for a review, good or bad".
_ANY_SENTIMENT = words(r"(?:good|positive|glowing) or (?:bad|negative|critical)",
                       r"including (?:the )?(?:negative|bad|critical|unhappy) ones",
                       r"(?:bad|negative|critical) or (?:good|positive|glowing)",
                       r"regardless of (?:the |its |their )?(?:rating|stars|score|what)",
                       r"whatever (?:the |its |their )?(?:rating|stars|score|it says|you think)")
# Telling someone outside the company: what a gag on whistleblowing stops.
# The SEC's cases include agreements that gag every disclosure without naming it (KBR, 2015).
_TELLING_OUTSIDE = words(r"report\w*", r"whistle\w*", r"complain\w*", r"outside\w*",
                         r"third[- ]part(?:y|ies)", r"anyone(?: else)?", "anybody", "external",
                         r"disclos\w*", r"communicat\w*", r"discuss\w*")
# Agencies named by their initials, which the labour-law reading of GOVERNMENT leaves aside.
_REGULATORS = words("sec", "finra", "securities and exchange commission", "ftc", "hhs", "ocr",
                    "cfpb", "irs", "department of labou?r", "attorney general")
# Account privacy laws protect staff's personal accounts, not the business's own.
_PLATFORM = r"(?:instagram|facebook|tiktok|linkedin|x|youtube|twitter|pinterest|snapchat|threads)"
_BUSINESS_ACCOUNT = words(r"(?:the|our) (?:company|firm|business|practice)'s (?:\w+ )?accounts?",
                          r"(?:official|business|company|work|shared) (?:\w+ ){0,2}"
                          r"(?:accounts?|pages?)",
                          rf"official {_PLATFORM}", rf"our {_PLATFORM} (?:accounts?|pages?)",
                          r"\w+'s official", r"accounts? (?:you manage|we own|owned by)",
                          # one used for the business is not personal under those laws
                          r"accounts? (?:\w+ ){0,3}(?:for|in|on) (?:the |our |firm )?"
                          r"(?:business|work|the firm)\b")
# The business's own page on a platform: a labour-law rule on using it is the employer's to make
# ("DON'T use the salon's Instagram to post personal stuff." was read as a logo rule; a tester).
_OWN_PAGE = words(rf"(?:(?:the|our) \w+'s|our) {_PLATFORM}")
_PERSONAL = words("personal", "private", "your own", "their own")
_YOURS = words(r"(?:your|their|his|her) (?:\w+ ){0,2}(?:accounts?|passwords?|logins?|profiles?|"
               r"pages?)")
_NOT_PERSONAL = words(r"(?:not|never|no) (?:a |an |your |their )?(?:personal|private)")
# A firm's duty to keep every record (FINRA 4511, SEC 17a-4) is the control itself: "Record
# every client call on the office line.", "Archive all client messages." (not "... on your own
# phone", nor one that holds back: "Log every call unless the client objects.").
_KEEPS_EVERY_RECORD = re.compile(
    r"^(?:please )?(?:always )?(?:record|archive|retain|log|capture)\w* (?:\w+ )?"
    r"(?:every|all|each)\b(?!.*\b(?:not|never|unless|except|personal|private|own|home)\b)")
# A freedom granted to staff with nothing that narrows it is no work rule at all in labour law
# ("You may post about your job.", "Sharing your own pay is always allowed.", "Feel free to
# review us on Glassdoor."): its words are a rule's words, so the keyword rules and the model
# may read it as one. Not so with a limit, a condition, a consequence or a manner asked for ("You
# may post only with approval.", "... as long as you stay positive.", "... may be
# disciplined"). Outside labour law a permission is often the harm itself ("Staff may text
# clients from personal phones.").
_STAFF = r"(?:you|employees|staff|workers|team members|associates|everyone|anyone)"
# In the company's own speech (its pages, its replies, its crisis plan) a sentence aimed at staff,
# or at what they say to each other, is still a work rule: "Staff must never criticize the
# practice on social media." typed into the note on criticism went unchecked into a final policy
# (found by a tester).
_AT_STAFF = re.compile(rf"^(?:please )?(?:all |our )?{_STAFF}\b|\b(?:coworkers|colleagues)\b")
_GRANTED = re.compile(
    r"^we (?:fully )?(?:respect|support|protect|recogni[sz]e) (?:your|employees'|staff's|"
    r"everyone's) right to\b|"
    rf"^(?:{_STAFF}(?: \w+){{0,2}} (?:may|can|are free to|are welcome to|"
    r"are (?:always )?(?:allowed|permitted|encouraged) to|have (?:every|the) right to)\b(?! be\b)"
    r"|you're (?:always )?(?:free|welcome|allowed|permitted|encouraged) to\b"
    r"|it(?:'s| is) (?:always |perfectly )?(?:fine|ok|okay|allowed) (?:for (?:you|staff|"
    r"employees) )?to\b"
    r"|(?:please )?feel free to\b"
    # speech about work told, with nothing to narrow it ("Talk about your pay online.", an item
    # under a "Do" heading): an invitation; not speech told to say nothing, or to go only inside
    # ("Share nothing about your wages.", "Talk about work with your manager, not on Facebook.")
    r"|(?:please )?(?:talk|share|post|discuss|speak|tell|write|critici[sz]e|complain)\b"
    r"(?!.*\b(?:nothing|not|no|none|never|only|just|internally|(?:with|to) (?:your|the|a) "
    r"(?:manager|supervisor|owner|boss|hr|lead)\w*)\b)"
    r"|\w+ing\b(?: [\w']+){0,12} (?:is|are) (?:always |fully |completely |perfectly )?"
    r"(?:allowed|permitted|welcome|fine|ok|okay|protected)\b)")
# Staff need no one's leave: no permission, approval, sign-off or notice ("You never need our
# permission to contact an agency.", "No approval is needed to post about work.", "... without
# notice to or approval from anyone"), the choice is theirs ("The open-door policy is
# voluntary."), or the policy says it forbids nothing ("Nothing in this handbook limits your
# right to ..."). Read as a freedom granted; what it frees is then not read as narrowing it.
_NEEDS_NO_LEAVE = re.compile(
    r"\b(?:(?:do|does|did|will|would) not|never) (?:ever )?(?:need|needs|require|requires|"
    r"have to|has to)(?: (?:to )?(?:ask for|ask|get|seek|obtain|give|tell|notify|inform|warn|"
    r"clear it with|check with|go through))?(?: (?:us|our|any|anyone|anyone's|anybody's|a|the|"
    r"prior|advance|management|management's|\w+'s)){0,2}(?: (?:permission|approval|sign-off|"
    r"sign off|clearance|consent|notice|ok|okay|go-ahead))?"
    # "do not need approval", as the rights note reads it
    rf"|\b{RIGHTS_NOTE}(?: to)?(?: (?:ask for|get|seek|obtain))?(?: (?:any|anyone's|a|the|prior|"
    r"advance|management's|\w+'s)){0,2} (?:permission|approval|sign-off|clearance|consent|"
    r"notice|ok|okay|go-ahead)\b"
    r"|\bno (?:\w+ )?(?:approval|permission|sign-off|clearance|notice|consent) (?:is|are) "
    r"(?:ever )?(?:needed|required|necessary)\b"
    r"|\bwithout (?:\w+ ){0,3}(?:notice to|approval from|permission from)(?: or \w+ from)? "
    r"(?:anyone|anybody|us|the company|management|a manager)\b"
    r"|\b(?:is|are) (?:entirely |completely |always )?(?:optional|voluntary)\b"
    rf"|^{NOTHING_HERE} (?:\w+ ){{0,2}}(?:prohibits|restricts|limits|prevents|stops|bars|"
    r"forbids|interferes with)\b"
    # "... without telling the company or getting permission."
    r"|\bwithout (?:first )?(?:telling|notifying|informing|asking|getting|seeking|obtaining) "
    r"(?:\w+ ){0,2}?(?:permission|approval|consent|clearance|the company|us|anyone|management|"
    r"(?:a|your|the) (?:manager|supervisor|owner|boss))"
    r"(?: (?:or|and) (?:telling|notifying|informing|asking|getting|seeking|obtaining) "
    r"(?:\w+ ){0,2}?(?:permission|approval|consent|clearance|the company|us|anyone|management))?")
# A rule limited to other people's records that staff handle in their job (payroll, HR,
# personnel files) is lawful: staff may share what they know of their own and their coworkers'
# pay, but not the employer's confidential records they see only through their duties (the
# Board's long-held line; Centura, NLRB Division of Advice, 2019). Both must be said: the
# records, and that they come to staff through the job.
_IN_THE_JOB = re.compile(
    r"\b(?:as (?:a )?part of (?:their|her|his|your|the|that) (?:\w+ )?(?:job|duties|work|role|"
    r"position)|through (?:their|her|his|your) (?:\w+ )?(?:job|duties|work|role)|"
    r"(?:in|on) (?:the|that|their|her|his|your) (?:\w+ )?(?:job|duties|role)\b|"
    r"(?:they|she|he|you) (?:see|access|handle|process|obtain|view)\w*(?: \w+){0,4} (?:in|at|on|"
    r"through|during) (?:the|that|their|her|his|your) (?:job|work|duties|role))")
_OTHERS_RECORDS = re.compile(
    r"\b(?:payroll|pay|wage|salary|personnel|hr)\b(?: [\w']+){0,3}? (?:records?|files?|data)\b")
_NARROWED = re.compile(f"{PROHIBITION.pattern}|" + words(
    "must", "should", "shall", "required", "need to", "have to", "only", "unless", "except",
    "but", "provided", "as long as", "so long as", "if", "when", "once", "after", "before",
    "until", r"approv\w*", "permission", r"authori[sz]\w*", "consent", r"disciplin\w*",
    r"terminat\w*", "fired", "firing", r"violat\w*", "result in", "subject to",
    r"respectful\w*", r"courteous\w*", r"professional\w*", r"appropriat\w*", r"polite\w*",
    r"positive\w*", "civil", "kind", "reasonable").pattern)
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
    if is_title(text) or states_consequence(text):
        return []
    sentence = sentences(text)[0] if text.strip() else None
    # a rule aimed at staff is a work rule wherever it is typed (see _AT_STAFF)
    company_speech = company_speech and not (sentence and sentence.has(_AT_STAFF))
    found: dict[str, tuple[Family, Precedent | None]] = {}
    # a freedom granted and narrowed in no way is no labour-law rule, for either reading
    freed = sentence is not None and _grants_freedom(sentence)
    if sentence is not None:
        # nor, for the keyword rules, a rule on records seen only in the job (the model's
        # reading has it among the lawful subjects)
        no_labour_rule = freed or _job_records(sentence)
        for family_id, test in RULES:
            family = FAMILIES[family_id]
            # a freedom to go to an agency is no gag on it under securities law either
            if family.checked(areas) and _may_apply(family, company_speech) and not (
                    no_labour_rule and family.area == "nlra") and not (
                    freed and family.id == "regfd.whistleblower") and test(sentence):
                found.setdefault(family.id, (family, precedents and _shown(learned, text,
                                                                           family) or None))
    parts = clauses(text)
    # A clause of one or two words ("ask HR") carries no rule of its own, nor does a safeguard
    # (see _safeguard), a right or promise stated with no rule besides, or, in labour law, a
    # rule lawful by its subject: the sentence, or the clause of it, which the model reads as
    # risky. Each clause on its own: "Harassing coworkers online is prohibited, and so is
    # criticizing the company" was let through whole for its lawful first clause. A clause
    # that speaks of the others by a pronoun keeps the subject the sentence gave them ("Do not
    # harass coworkers, and do not post anything that demeans them.").
    risky = {area for part in ([text, *parts] if len(parts) > 1 else [text])
             if len(part.split()) > 2 and not EXTENDS_LAST_CLAUSE.match(part)
             for read in sentences(part)[:1] if not _only_protects(read)
             for area in learned.risky_areas(part) if not _safeguard(read, area, sentence)
             and not (area == "nlra" and _lawful_by_subject(
                 sentence if sentence is not None and read.has(_REFERS_BACK) else read))}
    for area in sorted(risky):
        if sentence is None or len(sentence.text.split()) < 3 or (area == "nlra" and freed):
            continue
        if areas and all(f.area != area for f, _ in found.values()):
            kind = learned.family(text, area)
            learned_family = FAMILIES[kind] if kind else None
            if learned_family and learned_family.checked(areas) and \
                    _may_apply(learned_family, company_speech) and \
                    _has_context(learned_family, sentence):
                found[learned_family.id] = (learned_family,
                                            precedents and _shown(learned, text, learned_family)
                                            or None)
    return list(found.values())


_REFERS_BACK = words("them", "they", "him", "her", "those")
# Trade secrets and the like are the employer's to keep: a rule limited to them is lawful
# ("Employees shall not disclose trade secrets." was voted a confidentiality gag by its
# neighbours, and safer wording dropped "customer lists" beside a ban on talk of wages; a tester;
# "Employees must not post the restaurant's recipes." was read as a gag, by another)
_TRADE_SECRETS = words(r"trade secrets?", "source code", r"recipes?",
                       r"proprietary (?:formulas?|recipes?|code|designs?|algorithms?)",
                       r"(?:customer|client) lists?", r"pricing (?:formulas?|models?)",
                       r"(?:formulas?|blends?|recipes?|designs?) (?:[\w-]+ ){0,6}(?:is|are) "
                       r"(?:proprietary|trade secrets?)")
# The premises' security and safety on the road: what a thief could use ("Don't post photos
# showing where the cash drawer is kept.") and posting while driving (read as a gag on
# criticism); and posing as a customer, deception the FTC forbids (read as a secrecy rule).
_SECURITY_OR_SAFETY = words(r"cash (?:drawers?|registers?|office)", r"deposit bags?", "the safe",
                            r"alarm (?:codes?|panels?)", r"keypads?", r"lock combinations?",
                            r"security (?:codes?|systems?)", r"while (?:driving|operating)",
                            "behind the wheel",
                            r"(?:pretend\w*|pos(?:e|es|ing)) (?:to be |as )(?:an? )?customers?")
# Staff told they may go to a regulator or an agency without asking first: "You may report
# possible violations to the SEC without telling the firm first.", "You do not need to tell us
# before you contact the SEC." (both were reported as gags; found by a tester)
_FREE_TO_REPORT = re.compile(
    rf"\b(?:may|can|are free to|are welcome to|(?:have|has) the right to|{RIGHTS_NOTE}(?: to)?)"
    r"(?: \w+){0,2} (?:report|contact|talk to|speak (?:to|with)|tell|notify|inform|ask|"
    r"communicate with|go to|"
    r"file|reach out to)\b")
_PROTECTS = re.compile(rf"\b{RIGHTS_NOTE}\b(?! to\b)")


def _only_protects(sentence: Sentence) -> bool:
    """A right or a promise stated (language.RIGHTS_NOTE: "We will not retaliate against anyone
    who refuses to give access to a personal account.") with nothing that narrows it, and not
    one that spares staff a disclosure or a control ("Advisers do not need to archive their
    texts with clients.": a duty lifted, its note followed by "to")."""
    return sentence.has(_PROTECTS) and not _NARROWED.search(sentence.text) and not (
        sentence.has(_KEPT_BACK) or skips_control(sentence))


def _has_context(family: Family, sentence: Sentence | None) -> bool:
    """Whether the sentence speaks of what the family is about, where a family needs it: a gag
    on reports to the SEC needs a report, an agency or someone outside ("Get approval before
    posting anything that mentions the restaurant." was reported as one; found by a tester)."""
    return family.id != "regfd.whistleblower" or sentence is None or any(
        sentence.has(p) for p in (GOVERNMENT, _REGULATORS, _TELLING_OUTSIDE))


def _lawful_by_subject(sentence: Sentence) -> bool:
    """By Board law a rule limited to harassment, malicious falsehood, others' personal data,
    others' records seen only in the job, competitors' products, trade secrets, speaking as
    the company or the business's own page is lawful whatever its other words; but not a rule
    that silences complaints about harassment (Stericycle's own rule)."""
    if sentence.has(_COMPLAINT_OF_HARASSMENT):
        return False
    # trade secrets and the like, unless staff's own information is in the list too (Bettie
    # Page's "pricing, client lists" beside "personnel information" was unlawful)
    secrets = sentence.has(_TRADE_SECRETS) and not sentence.has(EMPLOYEE_INFO)
    return secrets or _job_records(sentence) or (
        sentence.has(_WORKING_TIME) or sentence.has(_NOT_YET_PUBLIC)) and not _work_talk(
        sentence) or any(
        sentence.has(p) for p in (HARASSMENT_CONTEXT, MALICE, COMPANY_VOICE, SENSITIVE_PERSONAL,
                                  _COMPETITORS, _OWN_PAGE, _SECURITY_OR_SAFETY))


# Working time, not breaks or "work hours" (Republic Aviation; Our Way): "Servers may not post
# while waiting on tables." is lawful; a ban on what staff may say is not, whenever it applies.
_WORKING_TIME = words(
    r"while (?:you are |you're |they are |they're )?(?:working|on duty|on the clock|on shift|"
    r"serving|waiting on|with (?:a )?(?:customers?|clients?|patients?|guests?)|"
    r"at (?:the|your|their) (?:register|counter|desk|station|till))",
    r"(?:during|on) working time", r"on the (?:shop|clinic|sales|factory|restaurant) floor")


# What a listed company has not yet told the market: "Unannounced products are not to be
# mentioned online until we announce them."
_NOT_YET_PUBLIC = words("unannounced", "unreleased", r"not yet (?:been )?(?:announced|public|"
                        r"released)", r"material non-?public", r"insider? information", "mnpi")


def _work_talk(sentence: Sentence) -> bool:
    """Whether the sentence speaks of work as the law protects talk of it: its terms, the
    co-workers, or criticism (a rule on those is no working-time or market rule)."""
    return any(sentence.has(p) for p in (WORK_TALK, COWORKERS, DISPARAGE))


def _job_records(sentence: Sentence) -> bool:
    """Whether the sentence is a rule on others' records staff handle in the job (see
    _IN_THE_JOB) and on nothing else: no other clause of it states a rule ("Employees may not
    discuss their pay; payroll staff may not disclose the records they handle in the job.")."""
    return sentence.has(_IN_THE_JOB) and sentence.has(_OTHERS_RECORDS) and all(
        _OTHERS_RECORDS.search(part) or not RULE.search(part)
        for part in clauses(sentence.text))


# Where a sentence's parts part: a dash or a semicolon.
_APART = re.compile(r" - |; ")


def _grants_freedom(sentence: Sentence) -> bool:
    """Whether the sentence grants staff a freedom and narrows it in no way (see _GRANTED and
    _NEEDS_NO_LEAVE), but by a part on speaking as the company, lawful by its subject ("You're
    free to talk about pay - just don't pretend you're the company's official voice." was a
    finding on talk of pay; a blind probe)."""
    return (sentence.has(_GRANTED) or sentence.has(_NEEDS_NO_LEAVE)) and not any(
        _NARROWED.search(part) for part in _APART.split(_NEEDS_NO_LEAVE.sub(" ", sentence.text))
        if not COMPANY_VOICE.search(part))


def _safeguard(sentence: Sentence, area: str, whole: Sentence | None) -> bool:
    """A sentence (or clause of the `whole` sentence) the model may read as a rule of the area
    which protects instead. A rule on the business's own accounts is one whichever clause
    names them ("Company accounts belong to us; hand over their logins when you leave.")."""
    agencies = sentence.has(GOVERNMENT) or sentence.has(_REGULATORS)
    if area in ("reg_fd", "finance") and agencies and sentence.has(_FREE_TO_REPORT) and \
            not sentence.has(_CONTROL):
        return True  # Rule 21F-17's own carve-out: staff may go to a regulator, no leave asked
    if area == "nlra" or sentence.has(_KEPT_BACK) or (
            area in _BAN_IS_SAFE and skips_control(sentence)):
        return False
    # "Nobody may contact the SEC without the CEO's approval." is a gag, not restraint
    gate_on_agencies = agencies and sentence.has(_CONTROL)
    return (sentence.has(_RESTRAINED) and not gate_on_agencies or (
        area in _BAN_IS_SAFE and sentence.has(_UNLAWFUL_SAID)) or (
        sentence.has(_SPARED) and not sentence.has(_CONTROL)) or (
        area in _BAN_IS_SAFE and sentence.has(_FORBIDS) and not sentence.has(_RELAXED)
        and not sentence.has(GOVERNMENT) and not sentence.has(_ON_CUSTOMERS)) or (
        area == "account_privacy" and _on_own_accounts(sentence, whole or sentence)) or (
        area == "finance" and (sentence.has(_KEEPS_EVERY_RECORD) or sentence.has(
            _ONLY_CONTROLLED) and not agencies)) or (
        area == "ftc" and (sentence.has(_ANY_SENTIMENT) or _discloses(sentence))) or (
        area == "reg_fd" and (sentence.has(_REFERRED) or (
            sentence.has(_AFTER_RELEASE) and not sentence.has(_BEFORE_RELEASE)))))


# The act said to break the law: "Leaking quarterly numbers before release could breach
# securities law." (a warning, read as the leak it warns of)
_UNLAWFUL_SAID = words(r"(?:may|can|could|would|will|might) (?:breach|violate|break)\w*",
                       "illegal", "unlawful", r"against the law", r"breaks? the law")


# Questions passed to those who answer for the company ("refer them to investor relations"), and
# news passed on once it is public: Regulation FD's own safe side.
_REFERRED = words(r"(?:refer|pass|forward|direct|send) (?:\w+ ){0,3}(?:on )?to (?:our |the |your )?"
                  r"(?:investor relations|ir|spokes\w*|cfo|ceo|communications|disclosure|legal|"
                  r"compliance|media relations|pr)")
_AFTER_RELEASE = words(r"(?:after|once|when) (?:\w+ ){0,4}(?:been )?(?:publicly )?(?:released|"
                       r"announced|published|disclosed|filed|made public)",
                       r"(?:after|once|when) (?:\w+ ){0,6}(?:is|are) (?:out|over|public)",
                       r"already (?:been )?(?:made )?public", r"publicly (?:released|announced|"
                       r"available|disclosed)")
_BEFORE_RELEASE = words("before", "ahead of", "early", "unannounced", "not yet", "until")


# A tie told: "disclose that you are an employee", "include #employee or a similar tag" (read as
# the hidden endorsements they prevent), not one kept back ("no need to add #ad").
_TIE_TOLD = re.compile(
    r"\b(?:disclose|mention|say|state|include|add|use|tag|label)\b(?: [\w#']+){0,4}? "
    r"(?:that you (?:are (?:an? |our )?(?:employee|staff|team member|connected)|work (?:here|for "
    r"us|for the \w+))|#\w+|(?:a |an |the )?"
    r"(?:tag|label|disclosure|hashtag|sponsorship|connection|relationship|free (?:sample|product|"
    r"gift)|gift)s?\b)")
_NOT_TOLD = re.compile(r"\b(?:not|never|no need to|need not|without) (?:\w+ )?(?:disclose|mention|"
                       r"say|state|include|add|use|tag|label)\b")


def _discloses(sentence: Sentence) -> bool:
    return sentence.has(_TIE_TOLD) and not sentence.has(_NOT_TOLD)


# What a firm's staff may do only through its control is the control itself: "Reps may post
# about our funds only after a principal approves the post." (the model read a permission).
_ONLY_CONTROLLED = re.compile(
    r"\bonly (?:after|once|if|when|with|through|via|in) (?:[\w']+ ){0,5}(?:approv\w*|review\w*|"
    r"pre-?clear\w*|sign-?off|signed off|supervis\w*|archiv\w*|compliance)")


def _on_own_accounts(clause: Sentence, whole: Sentence) -> bool:
    """A rule on the business's accounts, named in the clause or (unless the clause is about
    the reader's own: "...and give us your Instagram password") elsewhere in its sentence."""
    return (clause.has(_BUSINESS_ACCOUNT) or whole.has(_BUSINESS_ACCOUNT) and not clause.has(
        _YOURS)) and not _PERSONAL.search(_NOT_PERSONAL.sub(" ", whole.text))


def _shown(learned: Model, text: str, family: Family) -> Precedent | None:
    """The citable rule of the finding's own kind most like the sentence, if alike enough."""
    return learned.nearest(text, family.area, citable_only=True, minimum=SHOWN_PRECEDENT,
                           family=family.id)


def _may_apply(family: Family, company_speech: bool) -> bool:
    """The company's own speech may be restricted freely; only non-labour rules and the logo
    rule apply to it."""
    return not company_speech or family.area != "nlra" or family.id == "nlra.logo"
