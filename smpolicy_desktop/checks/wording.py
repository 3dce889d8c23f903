"""The keyword rules: sentence patterns an employee could read as barring lawful talk about work.

Each rule pairs a restriction with a protected subject (pay, co-workers, the employer, the
media) and lets narrow, lawful objects through (trade secrets, customer data, harassment,
speaking as the company). Each names the family (families.py) whose reason and advice it gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .language import (
    COMPANY_VOICE,
    COURSE_OF_WORK,
    COWORKERS,
    CUSTOMERS,
    EMPLOYER,
    HARASSMENT_CONTEXT,
    OTHERS,
    PRODUCTS,
    PROHIBITION,
    RESTRAINT,
    RIGHTS_NOTE,
    RULE,
    SPEECH,
    Sentence,
    clauses,
    words,
)

# An act said to bring discipline is banned as surely as one forbidden: "Posting about your
# tips is a disciplinary matter.", "Taping a talk with a supervisor will get you fired."
PUNISHED = re.compile(
    r"\b(?:will|would|can|could|may|might) (?:get (?:you|them|him|her)|lead to|result in|mean|be) "
    r"(?:\w+ ){0,2}(?:fired|disciplin\w*|terminat\w*|dismiss\w*|let go|written up|sacked)\b|"
    r"\b(?:disciplinary (?:matter|offen[cs]e|issue)|fireable|firing offen[cs]e|breach of "
    r"confidentiality)\b")

# The business as owners name it.
_BUSINESS_WORDS = (r"(?:company|business|shop|salon|studio|brewery|store|restaurant|practice|"
                   r"clinic|gym|bakery|cafe|pharmacy)")

# --- Overbroad confidentiality ---------------------------------------------------------------

VAGUE_INFO = re.compile(
    r"\b(?:non-public|not (?:yet )?public|internal|private|sensitive)(?: [\w-]+){0,3}? "
    r"(?:information|info|matters|conversations|communications|discussions|affairs|data|"
    r"details|documents|reports|policies|procedures|memos|emails|meetings)\b|"
    r"\b(?:information|conversations|communications|discussions|matters|anything)\b.{0,40}"
    r"\b(?:private|internal|non-public)\b|"
    r"\b(?:company|business|corporate|work) (?:information|matters)\b|"
    r"\b(?:anyone|people|someone) outside (?:of )?(?:the|our|this|your) (?:company|work)")
NARROWED = words("confidential", "proprietary", r"trade secrets?", "privileged", "classified",
                  r"material,? non-public", r"customers?'?", r"clients?'?", r"patients?'?",
                  r"passwords?", "security")
EMPLOYEE_INFO = re.compile(
    r"\b(?:employee|staff|personnel|coworker|colleague|worker|team member)s?'? "
    r"(?:[\w-]+ )?(?:information|info|details|data|records|matters)\b|"
    r"\b(?:information|details) (?:about|on|regarding|concerning|of) (?:\w+ ){0,2}"
    r"(?:employees?|coworkers|colleagues|staff|team members)\b|"
    r"\bdetails (?:about|of|regarding|on) (?:your |the |our )?(?:job|work|company|employer|"
    r"workplace)\b|\bcompany business\b|"
    r"\b(?:anything|everything|all information|any information) (?:\w+ ){0,2}(?:about|regarding|"
    r"concerning|related to|relating to|on) (?:\w+ ){0,2}(?:work|job|company|employer|workplace|"
    r"business|colleagues|coworkers)\b")


OTHERS_RECORDS = words(r"customers?'?", r"clients?'?", r"patients?'?")
# "Keep X private" restricts sharing X as much as "do not share X" does.
KEEP_SECRET = re.compile(r"\b(?:keep|treat|maintain|hold)\b(?: [\w-]+){0,5}? (?:private|"
                          r"confidential|secret|to yourself|in confidence)\b|"
                          r"\bmaintain the confidentiality of\b")


# "Anything negative about the company" is criticism, not information kept secret: the
# disparagement rule's, not this one's (both were reported, and Apply on this one put a
# confidentiality rule in its place; found by a tester).
_JUDGED_SPEECH = re.compile(r"\b(?:anything|something|nothing|things)\s+(?:negative|bad|"
                            r"critical|disparaging|unflattering|embarrassing|harmful|damaging|"
                            r"derogatory|nasty|mean|rude|unkind|offensive)\b")


# What is said and done inside the business, as owners name it, kept inside: "Nothing said in
# staff meetings may be repeated outside them.", "Team chats are for the team only.", "Our
# internal numbers, plans and staffing are nobody else's business.", "Everything about a
# workplace investigation must be kept confidential." (Stericycle overruled Apogee's blanket
# secrecy of investigations). Not the company's own promise ("HR keeps your complaint
# confidential.").
_INSIDE_MATTERS = re.compile(
    r"\b(?:(?:staff|team|internal|company|crew|shift) )?(?:meetings?|huddles?)\b|"
    r"\b(?:team|group|staff|internal|crew|work) (?:chats?|threads?|emails?)\b|"
    r"\binternal (?:[\w-]+ ){0,2}(?:numbers|plans|matters|figures|memos?|business)\b|"
    r"\bstaffing\b|\b(?:what|everything|anything|whatever|nothing) (?:that )?(?:happens|goes on|"
    r"is said|gets said|was said|said|you hear|we discuss)\b|\binvestigations?\b|"
    r"\b(?:this|the|our|employee) (?:handbook|manual)\b|"
    r"\bwho(?:'s| is) (?:leaving|on a warning|getting|being)\b|\btheir complaints\b")
_KEPT_IN = re.compile(
    r"\b(?:stays?|remains?|kept|keep|is|are|be) (?:strictly |completely |totally |100% )?"
    r"(?:private|confidential|secret|in-house)\b|\bstays? (?:inside|in here|here|within)\b|"
    r"\b(?:not|never) leaves?\b|\b(?:nobody|no one) else's business\b|"
    r"\b(?:not|never) (?:be )?repeated\b|\bnothing\b.{0,60}\b(?:may|can|should|is to) be "
    r"(?:repeated|shared|posted|discussed)\b|\bfor the (?:\w+ )?only\b|\beyes only\b|"
    r"\bmaintain (?:the )?confidentiality\b|\bnever show\b|\b(?:must|may) not (?:be )?disclose|"
    r"\boff (?:social media|the internet|facebook|instagram|tiktok|line|online)\b")
_OUR_PROMISE = re.compile(r"^(?:we|hr|the company|management|human resources|our \w+)(?: will| "
                          r"would)? (?:keep|keeps|treat|treats|maintain|maintains|handle|handles|"
                          r"protect|protects)\b")


def _inside_kept_in(s: Sentence) -> bool:
    """A clause keeping inside matters in, naming no customer's or patient's records (the
    chats where "patient information never leaves the EHR" are the records' channel)."""
    return not s.has(_OUR_PROMISE) and any(
        _INSIDE_MATTERS.search(part) and _KEPT_IN.search(part) and not OTHERS_RECORDS.search(part)
        for part in clauses(s.text))


def _overbroad_confidentiality(s: Sentence) -> bool:
    if s.has(COMPANY_VOICE) or s.has(_JUDGED_SPEECH):
        return False
    if _inside_kept_in(s):
        return True
    if s.has(KEEP_SECRET):
        return s.has(EMPLOYEE_INFO) or (s.has(VAGUE_INFO) and not s.has(NARROWED))
    return s.has(PROHIBITION) and (s.after(SPEECH, EMPLOYEE_INFO) or _work_kept_in(s) or (
        s.after(SPEECH, VAGUE_INFO) and not s.has(NARROWED)))


def _work_kept_in(s: Sentence) -> bool:
    """Work talked of kept in, in the passive: "Staffing and schedules may not be shared." A ban
    on pay talk is the pay rule's (_talk_about_work), but for pay in one list with others'
    private details ("names, phone numbers and wages"), which that rule leaves alone."""
    return s.after(WORK_TALK, _SPOKEN_OF) and (s.has(SENSITIVE_PERSONAL) or not s.has(WORK_TERMS))


# Knowingly or maliciously false statements are unprotected, so a rule limited to them is fine.
# Malice as Board law reads it: knowing falsehood. "Deliberately" alone is no such limit
# ("must not discuss their salaries, deliberately or accidentally" silences pay talk).
_UNTRUE = r"(?:false\w*|untrue|lies|lying|misleading|defamatory|fabricat\w*|made-up)"
_KNOWINGLY = r"(?:knowing\w*|deliberate\w*|intentional\w*|reckless\w*)"
MALICE = words(r"malicious\w*", rf"{_KNOWINGLY} (?:[\w-]+ ){{0,3}}{_UNTRUE}",
               rf"{_UNTRUE} (?:[\w-]+ ){{0,4}}(?:{_KNOWINGLY}|you know|known)",
               rf"(?:you know|known) (?:\w+ ){{0,3}}{_UNTRUE}", "reckless disregard")


# --- Pay, working conditions and co-workers --------------------------------------------------

WORK_TERMS = re.compile(
    r"\b(?:pay(?! attention| for| close)|paid|wages?|salar(?:y|ies)|compensation|bonus(?:es)?|"
    r"raises|benefits|overtime|commissions?|working conditions|conditions of (?:work|employment)|"
    r"terms (?:and conditions )?of (?:your |their |his or her |our )?employment|"
    r"(?<!hostile )work(?:ing)? environment|"
    r"workplace (?:conditions|safety)|(?:safety|health) (?:concerns|issues|conditions)|"
    r"performance (?:reviews?|ratings?|evaluations?)|layoffs?|unions?|unioni[sz]\w*|"
    r"(?:what|how much) (?:you|they|we|people|others|anyone|coworkers|colleagues) "
    r"(?:make|earn|get paid|are paid|take home))\b")
# Others' private details and bodies: customers' or members' personal data, intimate or private
# pictures of someone ("Please don't post private photos of a coworker without their consent."
# was read as a gag on talk of coworkers, a ban on photos at work and leave asked to post).
SENSITIVE_PERSONAL = words(r"home address\w*", r"phone numbers?", r"social security",
                            r"medical", r"health (?:information|records|data|notes)", r"passwords?",
                            r"bank", r"account numbers?", r"credit card", "intimate", "nude",
                            r"private (?:photos?|pictures?|images?|videos?)",
                            r"(?:customers?|clients?|members?|guests?|patients?)'? personal "
                            r"(?:info\w*|data|details)")


# Pay and hours as owners name them ("tips", "your schedule", "pay stubs", "raise amounts"), and
# what takes them off the table without a word of prohibition ("strictly between you and the
# owner", "not a topic for social media", "keep their pay rate to themselves").
_PAY_ALSO = words(r"(?:your|their|our|my|cash|card) tips", r"tip (?:pools?|outs?|splits?)",
                  r"(?:your|their|my) (?:hours|schedules?|shifts?)",
                  r"pay ?(?:stubs?|rates?|slips?|checks?)", r"raise amounts?", r"offer letters?",
                  r"(?:commission|tip) splits?", r"raises?", r"workloads?",
                  r"(?:rest |meal |lunch |your |their )breaks", "staffing", r"short-?staffed",
                  r"understaff\w*",
                  r"how (?:you are|you're|they are|they're|we are|staff are|employees are|people "
                  r"are) (?:treated|managed|paid)")
# Work, as the law protects talk of it: its terms, or as owners name them.
WORK_TALK = re.compile(f"{WORK_TERMS.pattern}|{_PAY_ALSO.pattern}")
# Talk of it banned in the passive: "Wages may not be shared outside the company."
_SPOKEN_OF = words(r"(?:be|is|are|being) (?:shared|discussed|disclosed|posted|mentioned|revealed|"
                   r"published|talked about|spoken about)")
_OFF_THE_TABLE = words(r"(?:strictly )?between (?:you|each employee|staff) and (?:the|your|me|us)",
                       r"not (?:a )?(?:topic|subject|something) for",
                       r"to (?:themselves|yourselves)")


def _talk_about_work(s: Sentence) -> bool:
    """Rules that stop talk of pay, conditions or co-workers; "keep pay rates to yourself"
    silences it as much as "do not discuss pay" (keeping customers', clients' or patients'
    details private is another matter)."""
    if s.has(HARASSMENT_CONTEXT) or s.has(SENSITIVE_PERSONAL) or s.has(MALICE):
        return False
    if s.has(KEEP_SECRET) and s.has(WORK_TERMS) and not s.has(OTHERS_RECORDS):
        return True
    if s.has(WORK_TALK) and (s.has(_OFF_THE_TABLE) or (s.has(SPEECH) and s.has(PUNISHED))):
        return True
    return s.has(PROHIBITION) and (
        s.after(SPEECH, WORK_TALK) or s.after(SPEECH, COWORKERS) or s.after(WORK_TERMS, _SPOKEN_OF)
        or (s.has(WORK_TERMS) and s.has(words(r"(?:is|are|remain) (?:strictly )?confidential"))))


# --- Non-disparagement and false statements --------------------------------------------------

DISPARAGE = words(r"disparag\w*", "derogatory",
                   r"(?:anything|something|things) (?:bad|negative|critical|unflattering)",
                   "bad things", r"negative (?:comments?|remarks?|posts?|"
                   r"statements?|things|opinions?|reviews?)", "anything negative",
                   r"bad-?mouth\w*", r"speak(?:ing)? (?:ill|badly|negatively)", r"insult\w*",
                   r"demean\w*", r"belittl\w*", r"ridicul\w*", r"criticis\w*", r"criticiz\w*",
                   r"critical (?:comments?|remarks?|posts?)", "unflattering")
_TARGETS = re.compile(f"(?P<person>{EMPLOYER.pattern}|{COWORKERS.pattern})|"
                      f"(?P<commerce>{PRODUCTS.pattern})")


def _first_target(s: Sentence, start: int) -> str:
    match = _TARGETS.search(s.text, start)
    return (match.lastgroup or "") if match else ""


# Running down the business or its bosses as owners say it ("Never run down your boss in
# public.", "dissing their supervisor", "no bad-mouthing the pharmacy"), the business as they
# name it, and its standing as they put it ("anything that could make customers think less of
# our gym", "opinions that could hurt the way customers see us"); reviews of it as an employer
# ("Do not write reviews of us as an employer on job sites."), not fake ones.
_DISPARAGE_ALSO = words(r"run(?:s|ning)? down", r"diss(?:es|ed|ing)?", r"trash[- ]talk\w*",
                        r"grip(?:e|es|ing)", r"moan(?:s|ing)?", r"whin(?:e|es|ing)",
                        r"trash(?:es|ed|ing)?", r"talk(?:ing)? smack", r"bad-?mouth\w*",
                        r"air(?:s|ing)? (?:\w+ ){0,2}(?:gripes|grievances|dirty laundry)")
_OUR_BUSINESS = re.compile(rf"\b(?:the|our|this|your) (?:{_BUSINESS_WORDS}|"
                           r"(?:\w+ )?(?:boss|owner|supervisor|manager)s?)\b")
_STANDING = words(r"think less of", r"(?:the way|how) (?:\w+ ){0,2}(?:see|view|think of) us",
                  r"look bad", r"makes? us look")
_EMPLOYER_REVIEWS = words(r"reviews? (?:of|about) (?:us|the \w+) as an employer",
                          r"review (?:us|the \w+) as an employer", r"job sites?", "glassdoor",
                          r"employer reviews?")
_NOT_GENUINE = words("fake", r"pos(?:e|ing) as", r"pretend\w*", r"incentiv\w*", "paid", "free")
_WORK_ITSELF = words("workplace", "work", "job", r"the (?:schedules?|rota|shifts?)")


def _disparagement(s: Sentence) -> bool:
    if s.has(HARASSMENT_CONTEXT) or s.has(MALICE):
        return False
    if _banned_at_work(s) and (s.has(_DISPARAGE_ALSO) and (
            s.has(_OUR_BUSINESS) or s.has(EMPLOYER) or s.has(_WORK_ITSELF))
            or s.has(_STANDING) and not s.has(PRODUCTS)
            or s.has(_EMPLOYER_REVIEWS) and not s.has(_NOT_GENUINE)):
        return True
    for match in DISPARAGE.finditer(s.text):
        is_list_item = match.start() < 2  # "Negative comments about managers" as a rule item
        # Disparaging products is commercial speech; running down people at work is protected.
        if (s.has(PROHIBITION) or is_list_item) and _first_target(s, match.end()) == "person":
            return True
    return False


_FALSE = words("false", "untrue", "inaccurate", "misleading", "accurate", "truthful", "not true",
               "unverified", "unconfirmed", r"not (?:fully )?verified", r"misinterpret\w*")
_STATEMENT = words(r"statements?", r"accusations?", r"claims?", r"comments?", r"posts?",
                   "posting", r"remarks?", "information", r"rumou?rs?", r"allegations?", "say",
                   "write")
_DEFAMATION = words(r"defam\w*", "libel", "slander")
_PRODUCT_CLAIMS = words(r"products?", r"services?", r"endors\w*", r"advertis\w*", "results",
                        r"testimonials?", "reviews")


def _false_statements(s: Sentence) -> bool:
    return (s.has(RULE) and s.has(_FALSE) and s.has(_STATEMENT)
            and not s.has(MALICE) and not s.has(_DEFAMATION)
            and not s.has(_PRODUCT_CLAIMS) and not s.has(COMPANY_VOICE))


# --- Civility --------------------------------------------------------------------------------

# Not a quality and its opposite ("whether the review is positive or negative"): no demand.
RESPECT_DEMAND = re.compile(
    r"\b(?:be|being|remain|stay|are|is|keep)\b(?: \w+){0,3}? (?:respectful|courteous|polite|"
    r"professional|positive|civil|friendly|kind|nice|tactful|considerate)\b"
    r"(?! or (?:negative|critical|not|bad|unfriendly|rude)\b)")
INCIVILITY = words(r"disrespect\w*", r"rude\w*", r"discourte\w*", "impolite", "unprofessional",
                    "inappropriate", "offensive", r"pick(?:ing)? (?:a )?fights?", r"fights?",
                    r"arguments?", "argue", "arguing", "heated", "inflammatory",
                    "controversial", "provocative", "profanity", "profane", "negativity",
                    "uncivil", "incivility")
REPUTATION = re.compile(
    r"\b(?:injur\w*|harm\w*|damag\w*|hurt\w*|tarnish\w*|undermin\w*|discredit\w*|"
    r"embarrass\w*|reflects? (?:poorly|badly|negatively|unfavou?rably))\b.{0,60}"
    r"\b(?:image|reputation|good name|standing|goodwill)\b")


def _dealing_with_customers(s: Sentence) -> bool:
    """Courtesy toward customers while working is a lawful rule."""
    return s.has(CUSTOMERS) and s.has(COURSE_OF_WORK)


# Incivility as owners name it beside the concept's words ("Gossip is not tolerated.", "Bickering
# about schedules is unprofessional and not allowed.", "vulgar language is not acceptable"), and
# the company to be shown in a good light ("represent the Company in a favorable light").
_INCIVILITY_ALSO = words(r"gossip\w*", r"obscen\w*", "vulgar", r"bicker\w*")
_NOT_TOLERATED = words(r"not (?:be )?(?:tolerated|acceptable|allowed|permitted)", "unacceptable")
_GOOD_LIGHT = words(r"in a (?:favou?rable|positive|good) light",
                    rf"(?:demonstrate|show) respect for (?:{EMPLOYER.pattern})")


def _banned_at_work(s: Sentence) -> bool:
    """A ban as a work rule puts it: forbidden, not tolerated, or punished."""
    return s.has(PROHIBITION) or s.has(_NOT_TOLERATED) or s.has(PUNISHED)


def _civility(s: Sentence) -> bool:
    if s.has(HARASSMENT_CONTEXT) or s.has(COMPANY_VOICE) or _dealing_with_customers(s):
        return False
    if s.has(_GOOD_LIGHT) or _banned_at_work(s) and (
            s.has(_INCIVILITY_ALSO) or s.has(INCIVILITY)):
        return True
    for match in RESPECT_DEMAND.finditer(s.text):
        rest = s.text[match.end():]
        people = EMPLOYER.search(rest) or COWORKERS.search(rest) or OTHERS.search(rest)
        if people or not CUSTOMERS.search(rest):
            return True
    return s.has(PROHIBITION) and (s.has(INCIVILITY) or s.has(REPUTATION))


# --- Photos and recordings at work ----------------------------------------------------------

# A ban on photos or recordings at work reaches pictures of unsafe conditions and of a protest
# (Whole Foods Market, 363 NLRB No. 87 (2015); Stericycle): "No recording of any kind on the
# premises.", "It is a violation of company policy to record conversations unless a manager
# approves." One limited to people, papers and places that need privacy or safety is lawful
# ("Do not photograph patients.", "No phones on the roof while you're harnessed in."), as is one
# about sponsored content or the logo (their families'), or news not yet announced (Reg FD's).
_PICTURES = r"(?:photos?|pictures?|pics|videos?|selfies?|images?|screenshots?)"
_PICTURES_WORD = words(_PICTURES)
_RECORDING = words(r"record(?:ed|ing|ings)?", r"recording devices?", r"photograph(?:s|ed|ing|y)?",
                   r"film(?:s|ed|ing)?", r"cameras?", "camera-enabled", r"tape recorders?",
                   rf"(?:take|taking|took|snap\w*|shoot\w*|captur\w*) (?:\w+ ){{0,2}}{_PICTURES}",
                   rf"(?:no|any) {_PICTURES}", rf"{_PICTURES} taken",
                   rf"post\w* (?:\w+ ){{0,2}}{_PICTURES} (?:of|from|taken)",
                   r"tap(?:e|es|ed|ing) (?:a |the |any )?(?:talk|conversation|meeting|call)s?")
# A ban as a work rule says it, besides the words of prohibition: "... is against company
# policy", "... is not allowed", "... is off limits".
_AGAINST_POLICY = re.compile(rf"{PROHIBITION.pattern}|\bagainst (?:\w+ ){{0,2}}policy|"
                             r"\b(?:not allowed|not permitted|off limits)\b")
_RECORDING_BANNED = re.compile(
    rf"{_AGAINST_POLICY.pattern}|{PUNISHED.pattern}|\bviolation of (?:\w+ ){{0,4}}policy|"
    r"\b(?:banned|must stay in lockers)\b|"
    r"^(?:hey \w+,? )?(?:\w+ \w+: )?no (?:\w+ ){0,3}(?:photos?|recordings?|cameras?|filming|"
    r"videos?|pictures?|selfies?|phones?)")
_KEPT_PRIVATE = words(
    r"patients?'?", r"customers?'?", r"clients?'?", r"guests?'?", r"residents?'?", "children",
    "kids", r"students?", r"members?", r"charts?", r"documents?", r"cards?", r"ids?", "data",
    r"files?", r"screens?", r"locker rooms?", r"restrooms?", r"bathrooms?", "changing",
    r"treatment (?:rooms?|areas?)", "consultation", "other people's", "fake", r"prototypes?",
    "server room", "alarm", "phi",
    r"prescriptions?", r"forklifts?", r"ovens?", r"ladders?", "roof", r"harness\w*", "operating",
    "driving", "state law", "the law", r"sexual\w*", "nude", "confidential", r"trade secrets?",
    r"homes?", "sponsored", r"influencers?", r"youtubers?", "paid", "logo", r"trademarks?",
    "merch", r"uniforms?", r"announc\w*")


def _recording_ban(s: Sentence) -> bool:
    """A clause that bans photos or recordings, in a sentence that names nothing private."""
    if s.has(_KEPT_PRIVATE) or s.has(HARASSMENT_CONTEXT) or s.has(SENSITIVE_PERSONAL):
        return False
    return any(_RECORDING.search(part) and _RECORDING_BANNED.search(part)
               for part in clauses(s.text))


# --- Staff reaching each other ---------------------------------------------------------------

# A ban on staff reaching each other online: "Don't friend or follow coworkers online.",
# "Messaging coworkers after hours about work problems is not allowed." (not managers kept
# from friending the people they manage, nor harassment).
_REACHING = words(r"friend(?:ed|ing)?", r"follow(?:s|ed|ing)?", r"messag\w*",
                  r"text(?:s|ed|ing)?", r"dms?", r"contact\w*", r"connect\w*",
                  r"add(?:s|ed|ing)? (?:\w+ ){0,6}(?:groups?|chats?)")
# who is kept from reaching staff (managers, the company) or what makes it harassment
_NOT_STAFFS_OWN = re.compile(r"^(?:managers?|supervisors?|leads?|owners?|we)\b|\brepeated\w*|"
                             r"\bunwanted\b|\bask\w* (?:you )?to stop\b")


def _coworker_contact(s: Sentence) -> bool:
    return s.has(COWORKERS) and s.has(_REACHING) and s.has(_AGAINST_POLICY) and not (
        s.has(HARASSMENT_CONTEXT) or s.has(_NOT_STAFFS_OWN))


# --- Media and government --------------------------------------------------------------------

_NEWS_PEOPLE = ("press", r"reporters?", r"journalists?", r"news\w*", r"bloggers?", r"podcast\w*",
                r"influencers?")
MEDIA = words("media", *_NEWS_PEOPLE)
# The press as a rule about contact means it: "social media" is where staff post, not a reporter.
PRESS = words(r"(?<!social )media", *_NEWS_PEOPLE)
GOVERNMENT = words(r"government\w*", r"agenc(?:y|ies)", r"regulators?", "officials",
                    "authorities", "police", "law enforcement", "nlrb", r"labou?r board",
                    "osha", "eeoc", r"inspectors?", "legislators", "lawmakers")
_CONTACT = words(r"contact\w*", r"comment\w*", r"speak\w*", r"talk\w*", r"respond\w*", "tell",
                 r"communicat\w*", r"interview\w*", r"answer\w*", "reply", "replies",
                 "replying", "quoted", r"statements?", r"go(?:ing)? to", r"reach(?:ing)? out",
                 r"report\w*", r"cooperat\w*")


# "Check with HR before you talk to an agency" asks leave as much as "do not ... without"; "You
# do not need to tell us before you report to the SEC" (a right stated) does not.
_ASK_FIRST = re.compile(rf"(?<!{RIGHTS_NOTE} )(?<!{RIGHTS_NOTE} to )"
                        r"\b(?:check|clear it|speak|talk|consult|ask|inform|notify|tell)\b"
                        r"(?: [\w-]+){0,4}? (?:before|first)\b")


# The press as owners name it beside the media concept's words ("If the local paper calls,
# say nothing.", "Nobody may give interviews about working here."), the ways they silence it
# ("Refuse all media contact.", "Reporters are told 'no comment' by everyone.") and more ways
# staff might talk to it ("Don't share your stories with YouTubers.", "TV crews are not to be
# spoken to.").
_PRESS_ALSO = words(r"(?:give|giving|gives) (?:\w+ )?interviews?", r"newspapers?",
                    r"(?:the|local) paper", "tv", "television", "radio", r"(?:tv|news|film) crews?",
                    r"youtubers?", r"podcasters?")
_SILENCED = words("to not", "say nothing", "no comment", r"refus\w*", "hang up")
_SPOKEN = words("spoken")
_TALK_ALSO = words("spoken", r"discuss\w*", r"shar(?:e|es|ing)", "give", r"call(?:s|ed|ing)?")


def _media_contact(s: Sentence) -> bool:
    return (any(s.has(p) for p in (PROHIBITION, _ASK_FIRST, _SILENCED, _GATED)) and (
        s.has(PRESS) and (s.has(_CONTACT) or s.has(_SPOKEN)) or s.has(_PRESS_ALSO) and (
            s.has(_CONTACT) or s.has(_TALK_ALSO))) and not s.has(COMPANY_VOICE))


# Agencies as owners name them ("before you go to the state", "a wage-and-hour investigator"),
# the company told first in their words ("tell the office manager ahead of time"), and going to
# an agency punished ("Filing a charge with the NLRB before our grievance process will result
# in discipline.").
_AGENCY_ALSO = words("the state", r"(?:wage[- ]and[- ]hour|government|state|federal|osha|labou?r) "
                     r"investigators?", "outside agencies")
_TOLD_FIRST = re.compile(r"\b(?:tell|notify|inform|let \w+ know)\b.{0,60}\b(?:ahead of time|in "
                         r"advance|beforehand)\b")
# (the act named first: "... will be subject to discipline and may be reported to regulators"
# is a consequence, not going to an agency punished)
_GOING_TO = re.compile(r"^(?:\w+ ){0,2}(?:filing|contacting|talking|speaking|going|reporting|"
                       r"calling|complaining|writing)\b")
_JOINS_IN = words(r"tak(?:e|es|ing) part", r"participat\w*", "involve", "go to", "file")
# Leave asked with the act first ("Before speaking to an investigator, get approval."), and the
# agency waved away ("there's no need to involve outside agencies").
_LEAVE_AFTER = re.compile(r"^before\b.*\b(?:get|ask for|obtain|seek|check with|clear it with)\b|"
                          r"\bno need to (?:involve|go to|call|contact)\b")


def _government_contact(s: Sentence) -> bool:
    return ((any(s.has(p) for p in (PROHIBITION, _ASK_FIRST, _GATED, _TOLD_FIRST, _LEAVE_AFTER))
             or s.has(_GOING_TO) and s.has(PUNISHED))
            and (s.has(GOVERNMENT) or s.has(_AGENCY_ALSO))
            and (s.has(_CONTACT) or s.has(_TO_AGENCY) or s.has(_JOINS_IN))
            and not s.has(COMPANY_VOICE))


# The securities regulators, whom no rule may keep staff from (SEC Rule 21F-17; FINRA
# Regulatory Notice 14-40): "Nobody may contact the SEC without the CEO's approval."
# (not their rulebooks: "copies are kept as FINRA rules require" names no one staff might tell)
_SECURITIES_REGULATORS = words(r"(?:sec|finra)(?! rules?\b| regulations?\b)",
                               "securities and exchange commission")


# What staff might give an agency besides talk: information, a complaint, a charge.
_TO_AGENCY = words(r"disclos\w*", r"discuss\w*", "share", "shared", "sharing", r"complain\w*",
                   "telling", r"call(?:s|ed|ing)?",
                   r"fil(?:e|ed|es|ing) (?:a |an |any )?(?:\w+ )?(?:complaints?|charges?|reports?|"
                   r"tips?|claims?)")
# A gate on it other than a ban: leave asked ("requires permission from management"), or the
# company told of it, before or after ("If you contact the SEC about us, let HR know the same
# day."): the SEC has fined both (Rule 21F-17).
_GATED = re.compile(
    r"(?<!neither )(?<!never )\brequires? (?!no\b)(?:\w+ ){0,2}(?:permission|approval|consent|"
    rf"sign-?off|authori[sz]ation)|(?<!{RIGHTS_NOTE} )(?<!{RIGHTS_NOTE} to )(?<!not )(?<!never )"
    r"\b(?:let (?:hr|us|"
    r"legal|compliance|management|your manager|the company) know|notify (?:hr|us|legal|"
    r"compliance|management|your manager|the company))\b")


# Agencies of labour law: a gag on them alone is labour law's ("Don't call the labor board.").
_LABOUR_AGENCIES = words("nlrb", r"labou?r (?:board|department)", r"department of labou?r", "osha",
                         "eeoc")


def _securities_gag(s: Sentence) -> bool:
    """A gag on the securities regulators, or on every agency (the family is checked only
    where securities law applies: "must not tell anyone, including any government agency,
    about compliance problems" at an adviser)."""
    return (any(s.has(p) for p in (PROHIBITION, _ASK_FIRST, _GATED)) and (
        s.has(_SECURITIES_REGULATORS) or s.has(GOVERNMENT) and not s.has(_LABOUR_AGENCIES)) and (
        s.has(_CONTACT) or s.has(_TO_AGENCY)))


# --- Permission before posting ---------------------------------------------------------------

APPROVAL = words(r"approv\w*", "permission", r"authori[sz]\w*", "consent", "clearance",
                  r"sign-?off", "signed off", "go-ahead", r"preapprov\w*", r"preauthori\w*",
                  r"unauthori[sz]ed", r"clear (?:it|them|posts?)", r"check(?:ing)? with",
                  r"ask(?:ing)? (?:\w+ ){0,2}(?:manager|supervisor|boss|hr|marketing|pr)")
_POSTING = words(r"post\w*", r"publish\w*", r"blog\w*", r"tweet\w*", "share", "sharing",
                 "write", "writing", r"distribut\w*", r"upload\w*", r"comment\w*")
_ABOUT_WORK = re.compile(
    r"\b(?:about|regarding|concerning|on|related to|relating to|mentions?|of|refers? to|"
    r"referring to|naming|involving) (?:\w+ ){0,2}"
    r"(?:work|job|jobs|employer|company|workplace|colleagues|coworkers|employment|business|"
    r"staff|team)\b|"
    r"\b(?:anything|any material|any content|any information|any materials)\b|"
    r"\b(?:photos?|pictures?|videos?|recordings?) (?:of|from|at|in|inside) (?:the |our |your )?"
    r"(?:company |work )?(?:office|workplace|store|premises|facility|plant)\b")


# A securities firm's own supervision of what staff post about its investments (FINRA 2210,
# 3110): "Before posting anything about our investment products, submit it to compliance."
_FIRM_SUPERVISION = words("compliance", r"supervis\w*", r"principals?")


# Leave asked in an owner's words ("Run anything you post about the salon by me first.", "No
# posts about the job until the manager has had a look.") about work in theirs ("about the
# salon", "work-related posts", "about working here"), and a gate on staff's own groups and
# channels ("Starting a Discord server for employees requires the company's prior approval.").
_APPROVAL_ALSO = words(r"run (?:\w+ ){0,7}(?:by|past)", "my okay", r"(?:had|has|have|take) a look",
                       r"for (?:a |an )?(?:quick |short )?review", r"(?:has|have) reviewed",
                       r"(?:is|are) reviewed", "reviewed them", "reviewed it")
_ABOUT_WORK_ALSO = re.compile(
    rf"\b(?:about|mentions?|referencing|regarding) (?:\w+ ){{0,2}}(?:{EMPLOYER.pattern}|the "
    r"(?:salon|shop|studio|gym|bakery|cafe|brewery|workplace|job)\b|working here)|"
    r"\bwork-related\b")
_STAFF_GROUPS = re.compile(
    r"\b(?:start\w*|set\w* up|creat\w*|join\w*|open\w*|add\w*) (?:\w+ ){0,3}(?:groups?|"
    r"servers?|channels?|group chats?|chats?)\b")


# Posting as the business, on its page: the employer's to approve.
_AS_THE_BUSINESS = words(r"as the (?:business|shop|salon|studio|brand|store)",
                         r"(?:the |our )?(?:business|company|official) page")


# A post going up as owners say it ("before it hits Insta", "send ... to us for a quick
# review"), and the job as its subject ("discuss their job online").
_POSTING_ALSO = words(r"hits? (?:insta\w*|tiktok|facebook|social|the internet|online)",
                      r"goes? (?:up|online|live)", "send", r"submit\w*")
_THE_JOB = words(r"(?:discuss\w*|talk\w* about|post\w* about) (?:their|your|the) (?:job|work)",
                 r"work[- ]related")


# Leave that is not the employer's to give: "without the client's written consent" (a rule on
# others' privacy, read as a gate on posting).
_THEIR_CONSENT = words(r"(?:clients?|customers?|patients?|guests?|persons?|person's|people's|"
                       r"individuals?|subjects?)'?s? (?:\w+ )?(?:consent|permission|"
                       r"authori[sz]ation)", r"hipaa authori[sz]ations?")


def _prior_approval(s: Sentence) -> bool:
    gated = s.has(APPROVAL) or s.has(_APPROVAL_ALSO)
    posts_on_work = (s.has(_POSTING) or s.has(_POSTING_ALSO)) and (
        s.has(_ABOUT_WORK) or s.has(_ABOUT_WORK_ALSO) or s.has(_THE_JOB))
    return (gated and (posts_on_work or s.has(_STAFF_GROUPS))
            and not s.has(COMPANY_VOICE) and not s.has(_AS_THE_BUSINESS)
            and not s.has(SENSITIVE_PERSONAL) and not s.has(_THEIR_CONSENT)
            and not s.has(words("confidential", "trade secrets?"))
            and not (s.has(_FIRM_SUPERVISION) and s.has(_INVESTMENTS)))


# --- The company's name and logo -------------------------------------------------------------

LOGO = words(r"logos?", r"trade ?marks?", r"brand (?:name|marks?|assets)", "service marks?",
              r"(?:company|our|the company's) name", r"name (?:and|or) logo", "insignia")
_LOGO_LIMIT = re.compile(
    f"{PROHIBITION.pattern}|" r"\b(?:only with|ask\b.{0,40}\b(?:before|first)|"
    r"(?:need|needs|require|requires|get|obtain|seek) (?:\w+ ){0,3}(?:permission|approval|"
    r"consent|authori[sz]ation))\b")
_LOGO_LAWFUL = words(r"endors\w*", r"sponsor\w*", r"impl(?:y|ies|ied)", r"suggest\w*",
                     "on behalf", r"speak\w* for", "official", r"commercial\w*", r"sell\w*",
                     "sale", r"products?", "merchandise", r"advertis\w*", "for profit",
                     r"impersonat\w*", r"pretend\w*", r"mislead\w*", r"confus\w*", "fake",
                     r"domains?", r"usernames?", r"handles?", r"account names?", "as if",
                     r"look(?:s)? like (?:the company|we|us|it)",
                     "others'", "other people's", r"third[- ]part\w*", "someone else's",
                     r"competitors?", r"clients?'?", r"customers?'?", r"partners?'?",
                     r"suppliers?'?", r"vendors?'?")


# The business named as owners put it ("the dental practice's name", "tagging the brewery",
# "where you work"), and kept off a post ("Keep our name and logo off your personal social
# media.").
_NAMING = words(rf"tag\w* (?:the|our) {_BUSINESS_WORDS}", r"mention\w* (?:it|us) by name",
                "where you work", rf"the (?:\w+ )?{_BUSINESS_WORDS}'s name", r"graphics")
_KEPT_OFF = re.compile(r"\bkeep (?:[\w']+ ){0,6}(?:off|out of)\b")


# The brand as staff wear and work in it, kept out of their pictures ("Don't post selfies in
# your studio tee.", "Photos showing the storefront, signage, or branded aprons are not allowed
# on personal accounts.", "Keep the van wraps out of every picture.").
_BRANDED = words(rf"(?:{_BUSINESS_WORDS}|work|branded) (?:tees?|t-shirts?|shirts?|aprons?|"
                 r"uniforms?|hoodies?|jackets?|polos?|hats?)", r"branded \w+", "signage",
                 r"storefronts?", r"van wraps?", r"(?:company|work) (?:vans?|trucks?|vehicles?)")
# Union insignia at work, which staff may wear (Republic Aviation; Tesla, 370 NLRB No. 101).
_UNION_INSIGNIA = words(r"union (?:buttons?|pins?|stickers?|insignia|shirts?|t-shirts?|hats?|"
                        r"badges?|lanyards?|masks?)")
_TAKE_OFF = words(r"remove\w*", r"take (?:off|down)", r"may not wear", r"(?:not|never) wear")


def _logo_ban(s: Sentence) -> bool:
    if s.has(_UNION_INSIGNIA) and (s.has(PROHIBITION) or s.has(_TAKE_OFF)):
        return True
    pictured = s.has(_BRANDED) and s.has(_PICTURES_WORD)  # its pictures: "not allowed" too
    limited = s.has(_LOGO_LIMIT) or s.has(_KEPT_OFF) or (pictured and s.has(_AGAINST_POLICY))
    return (s.has(LOGO) or s.has(_NAMING) or pictured) and limited and not s.has(_LOGO_LAWFUL)


# --- Resolve concerns internally first -------------------------------------------------------

CONCERNS = words(r"concerns?", r"complaints?", "issues", "problems", r"grievances?",
                  r"disputes?", r"disagreements?", r"frustrations?", "dissatisfaction",
                  "criticism", r"(?:a |any )?problem (?:with|about|at) (?:your |the |our |a )?"
                  r"(?:job|work|pay|manager|supervisor|boss|schedule|shifts?|coworkers?|"
                  r"colleagues?|team|company|employer)")
INTERNAL_ROUTE = words("internally", r"internal (?:channels?|process\w*|procedures?)",
                        r"(?:your|a|the|their) (?:manager|supervisor|boss|hr|human resources|"
                        r"team lead\w*)", "chain of command", r"open[- ]door")
_FIRST = words("first", "before", "rather than", "instead of", "prior to")
PUBLIC_ROUTE = words("online", "publicly", "in public", "social media", "to the media",
                      "on the internet", "the internet", "facebook", "instagram", "tiktok",
                      "twitter", "linkedin", "reddit", "glassdoor", "indeed", "yelp", "youtube")
# "Talk to your manager, not Facebook": the internal route instead of the public one.
_NOT_PUBLIC = re.compile(r"\bnot (?:on |in |to |through )?(?:" + PUBLIC_ROUTE.pattern + ")")
_FREE_CHOICE = words(RIGHTS_NOTE, "does not replace",
                     "are free to", "you may also", "you can also", "optional", "not required",
                     r"if you (?:wish|want|prefer|choose)", "your choice")


# The inside route as owners name it ("only to the owner", "the suggestion box", "the safety
# officer") and what it shuts out besides the public ("stop complaining among yourselves",
# "before they are shared with anyone else").
_INSIDE_ALSO = words("suggestion box", "up the chain", r"(?:the|your) (?:owner|president|"
                     r"safety officer|office manager|general manager|people (?:support|team))",
                     r"(?:resolved|handled|dealt with|settled|sorted out|fixed) (?:here|in-house|"
                     r"in house)", "in the family")
# A concern routed inside as an order, with no other way left open ("Direct any concerns about
# the workplace to your manager."), and one named by a pronoun ("Take it up the chain, never to
# the group chat.").
_ROUTED = re.compile(r"^(?:please )?(?:direct|bring|take|send|raise|refer) (?:any |all |your )?"
                     r"(?:\w+ ){0,4}?(?:concerns?|complaints?|problems|issues|grievances)\b.{0,40}"
                     r"\bto (?:your|the|a)\b")
_TAKE_IT = words(r"(?:take|bring|keep) it")
_ONLY_INSIDE = words("only to", r"belongs? in", "among yourselves", "with anyone else",
                     r"(?:not|never) (?:on |in |to )?(?:the )?(?:group|team) chat")


def _internal_first(s: Sentence) -> bool:
    if not (s.has(CONCERNS) or s.has(_TAKE_IT)) or s.has(_FREE_CHOICE):
        return False
    inside = s.has(INTERNAL_ROUTE) or s.has(_INSIDE_ALSO)
    if inside and s.has(_ROUTED) and not s.has(HARASSMENT_CONTEXT):
        return True
    return ((inside and (s.has(_FIRST) or s.has(_NOT_PUBLIC) or s.has(_ONLY_INSIDE)))
            or (s.has(PROHIBITION) and s.has(PUBLIC_ROUTE)))


# --- Endorsements ------------------------------------------------------------------------------

# Keeping back the tie behind a post or review (FTC Endorsement Guides s. 255.5; review rule s.
# 465.5): "You do not have to say we gave you the product for free.", "We never mention that our
# reviewers were paid."; not "Never post about us without saying you work here.".
_KEEPS_QUIET = re.compile(
    rf"\b(?:(?:(?:do|does|did) not|don't|never|not|no need to)(?: (?:need|have|required|obliged|"
    rf"expected|asked) to)?|{RIGHTS_NOTE}(?: to)?|need not|without) (?:\w+ )?(?:mention|disclose|"
    r"say|tell|label|tag|reveal|admit|make it clear|include (?:any )?disclos)\w*|"
    r"\bkeep (?:\w+ )?quiet\b|\bleave out\b")  # rightsnote: "do not have to", "do not need"
# A tie left out without a word for it: "Pay bloggers to recommend us without any disclosure."
_NO_DISCLOSURE = re.compile(r"\bwithout (?:any |an? )?(?:ad labels?|disclos\w*|labels?|#ad)|"
                            r"\bno (?:ad )?(?:disclosure|label)\b|"
                            # "Disclosures like #ad are not needed.", "Don't use #employee."
                            r"\b(?:disclos\w*|labels?|#\w+)\b(?: [\w#]+){0,6} (?:is|are) not "
                            r"(?:needed|required|necessary)\b|"
                            r"\b(?:do not|never) (?:use|add|put|include) (?:the |a |any )?"
                            r"(?=#\w+|disclos|ad labels?)")
_WORKS_HERE = (r"(?:work|works|worked) (?:here|for (?:us|the company|the business))",
               r"employees?", "employed")
_TIE = words("paid", r"pay(?:s|ing)?", "free", r"freebies?", r"gift\w*", r"sponsor\w*",
             r"compensat\w*", r"discount\w*", r"commissions?", r"perks?", r"samples?", "comped",
             r"affiliat\w*", r"partner\w*", r"ads?", r"advertis\w*", "payment", "your job",
             "connection", "relationship", "#ad", r"sell(?:s|ing)? (?:them|it|our)", *_WORKS_HERE)
_ENDORSING = words(r"reviews?", r"reviewers?", r"posts?", r"endors\w*", r"promot\w*", "#ad",
                   "#sponsored", "#employee",
                   r"recommend\w*", r"influencers?", r"testimonials?", r"prais\w*", r"creators?",
                   r"ambassadors?", r"content", r"videos?", r"products?")
_REVIEWS = words(r"reviews?", r"reviewers?", "yelp", "google", "trustpilot", "tripadvisor",
                 r"ratings?", r"stars?")
_STAFF_TIE = words(*_WORKS_HERE, "staff", r"team members?")


def _hidden_tie(s: Sentence) -> bool:
    return (s.after(_KEEPS_QUIET, _TIE) and not _forbidden(s, _KEEPS_QUIET) or s.has(
        _NO_DISCLOSURE) and s.has(_TIE) and not _forbidden(s, _NO_DISCLOSURE)) and s.has(_ENDORSING)


def _forbidden(s: Sentence, *inside: re.Pattern[str]) -> bool:
    """Whether the sentence forbids or condemns what it names, outside the words of the act
    itself (the "not" of "do not mention that you were paid" is the act, not a ban on it)."""
    rest = _SAID_OF_OTHERS.sub(" ", s.text)
    for pattern in inside:
        rest = pattern.sub(" ", rest)
    return bool(_BANNED.search(rest) or _CONDEMNED.search(rest) or RESTRAINT.search(rest))


# A "not" said of something else, in a clause of its own: "products that don't have any reviews
# yet", "at the end, where they don't distract" (read as a ban, it let the rule through).
_SAID_OF_OTHERS = re.compile(r"\b(?:that|which|who|where|when|so) (?:\w+ )?(?:do|does|did|will|"
                             r"would|can|could) not\b")


# What the sentence says of the act: against the law or the policy ("Posing as a customer to
# leave reviews violates consumer protection law.", "The FTC's rule bans fake follower counts.").
_CONDEMNED = words(r"violat\w*", "illegal", "unlawful", r"against (?:the law|our policy|policy)",
                   "bans", r"breaks? the law")
# A disclosure put where readers miss it (16 CFR 255.5: clear and conspicuous): "Bury #ad among
# the hashtags.", "Put the paid-partnership note in your bio rather than in each post."
_DISCLOSURE = words(r"#\w+", r"disclos\w*", r"ad labels?", r"(?:paid[- ])?partnership", "paid",
                    r"sponsor\w*", r"affiliate links?", r"commissions?")
_BURIED = re.compile(
    r"\b(?:bur(?:y|ied|ies)|tuck\w*|hid(?:e|den|ing))\b|"
    r"\b(?:only )?(?:(?:after|below) (?:the )?['\"]?(?:see )?more['\"]?|"
    r"in the (?:very )?last line)|"
    r"\b(?:very )?end of the caption\b|\bin (?:your|the|their) bio\b|\bin a comment\b|"
    r"\bwall of hashtags\b|\bamong (?:\w+ ){0,3}hashtags\b|\bonly in the description\b|"
    r"\brather than in (?:each|every|the) post\b|\bsomewhere in the middle\b|"
    r"\b(?:on|in) (?:your|the|their) (?:about|profile|bio) (?:page|section)\b|"
    r"\bskip (?:it|them|the \w+) (?:on|in) (?:individual|each|every|the) posts?\b|"
    r"\b(?:less|not as|barely|hardly) (?:noticeable|visible|obvious)\b|"
    r"\bafter (?:all )?(?:the )?(?:other )?hashtags\b")
_UNBURIED = re.compile(r"\bnot (?:\w+ )?(?:bur|hid|tuck)\w*|\bis not enough\b|"
                       r"\bnot (?:\w+ ){0,2}after (?:all )?(?:the )?(?:other )?hashtags\b")


# A tie told too faintly to count (16 CFR 255.5): a tag readers do not read as an ad ("use #sp
# or #collab instead of #ad"), or one mention held to be enough ("a single mention at the start
# is all you need", "tag us with 'thanks @ourbrand', that's all the disclosure anyone needs").
_TOO_FAINT = re.compile(
    r"(?<!\w)#(?:sp|spon|collab|thanks|ambassador)\b|"
    r"\binstead of (?:#ad|#sponsored|(?:a |an |the )?(?:clear )?(?:disclos\w*|ad labels?))|"
    r"\b(?:is|are|'s) all the (?:disclosure|labell?ing) (?:\w+ )?needs?\b|"
    r"\b(?:a single|one|just one|one-time|once)\b(?: [\w-]+){0,8} (?:is|are|'s) (?:all (?:you|"
    r"anyone|we|they) (?:need|needs)|enough|plenty|sufficient)\b")


def _buried_disclosure(s: Sentence) -> bool:
    return s.has(_DISCLOSURE) and (s.has(_BURIED) and not s.has(_UNBURIED) or s.has(
        _TOO_FAINT)) and not _forbidden(s, _BURIED, _TOO_FAINT)


# Staff or the owner passing for customers: "Employees should pose as customers in the
# comments.", "Answer questions on Reddit as satisfied customers."
_POSING = re.compile(
    r"\b(?:pose|posing|pretend\w*|come across|passing (?:themselves|yourself) off|disguis\w*) as\b|"
    r"\bas (?:a |an )?['\"]?(?:happy|satisfied|regular|ordinary|real|independent|normal) "
    r"(?:customers?|clients?|members?|patients?|buyers?|users?|shoppers?)|"
    r"\blike any other (?:customer|patient|client|buyer|member)|"
    r"\b(?:look|looks|appear|appears|seem|seems) (?:like|to be) (?:an? )?(?:independent |real |"
    r"ordinary |regular |happy |satisfied |normal )?(?:customers?|clients?|members?|patients?|"
    r"buyers?|users?|shoppers?|reviewers?|fans?)\b|"
    # under names not theirs, or reviews the business writes itself, by hand or by AI
    r"\b(?:made-up|fake|fictitious|invented|alias|burner|throwaway) (?:user ?names?|names?|"
    r"accounts?|profiles?|handles?|identities)\b|\b(?:customer|real)-sounding names?\b|"
    r"\b(?:chatgpt|ai|a bot|bots|an llm)\b(?: \w+){0,3} (?:to )?(?:write|create|generate|draft)\w*"
    r"(?: [\w-]+){0,4} (?:reviews?|testimonials?)\b|"
    r"\bwrite (?:[\w-]+ ){0,5}(?:reviews?|testimonials?) (?:[\w-]+ ){0,6}?(?:ourselves|yourselves|"
    r"yourself|in-house)\b")
_SPEAKING_UP = words(r"posts?", r"post(?:ed|ing)", r"recommend\w*", r"reviews?", r"videos?",
                     r"testimonials?",
                     r"endors\w*", r"talk\w* up", r"promot\w*", r"tweet\w*", r"comments?",
                     r"rave\w*", r"shar(?:e|es|ing)", r"answer\w*")


def _posing_as_customers(s: Sentence) -> bool:
    return s.has(_POSING) and s.has(_SPEAKING_UP) and not _forbidden(s, _POSING)


# Bad reviews kept from readers (16 CFR 465.7): removed, hidden or threatened in one clause
# ("Quietly remove the negative ones.", "Threaten legal action against anyone who posts a one-star
# review."), or customers bound not to write them ("Purchasers agree not to review us negatively.")
_BAD_REVIEW = words("negative", "negatively", "critical", "bad", "harsh", r"one-?star", r"1-?star",
                    r"(?:two|three|2|3) stars? or (?:fewer|less|below)", r"low(?:er)? ratings?",
                    r"complain\w*", "unhappy", "poor")
_REVIEWED = words(r"reviews?", r"reviewers?", r"ratings?", "rated", r"comments?", r"posts?",
                  "feedback")
_KEPT_DOWN = words(r"remov\w*", "hide", "hidden", "delete", r"flag\w* for removal", "take down",
                   "taken down", "last page", r"threaten\w*", r"lawyers?", "legal action",
                   "police", "sue", "suing", r"bur(?:y|ied)", "liquidated damages")
_CUSTOMERS_BOUND = re.compile(
    r"(?:^|saying |stating |that )(?:the |our |all )?(?:customers?|purchasers?|buyers?|clients?|"
    r"guests?|tenants?|applicants?|patients?)\b.{0,40}\b(?:can not|may not|must not|agree\w* not "
    r"to|shall not|will not)\b.{0,60}\b(?:post|review|write|publish|rate|blog|speak|disparage)\w*")


# Rewards for reviews that praise (16 CFR 465.4): "Staff earn bonus points for every review they
# bring in, as long as the review is positive.", "A free coffee for each five-star review."
_REWARD = words(r"bonus\w*", r"points?", r"gift cards?", r"prizes?", r"rewards?", r"discounts?",
                r"raffles?", r"entr(?:y|ies)", r"\$\d+", "free", "cash", r"incentives?", r"perks?",
                r"coupons?", r"vouchers?", r"credits?")
_FOR_PRAISE = re.compile(
    r"\b(?:positive|good|glowing|great|favou?rable|5-?star|five-?star) (?:\w+ )?(?:reviews?|"
    r"ratings?)\b|\b(?:as long as|only if|provided|so long as|if|when) (?:\w+ ){0,3}(?:is|are|"
    r"gives?|leaves?|rates?) (?:\w+ )?(?:positive|good|glowing|great|5 stars?|five stars?|"
    r"5-?star|five-?star)\b")


def _incentive_for_praise(s: Sentence) -> bool:
    return s.has(_REWARD) and s.has(_REVIEWS) and s.has(_FOR_PRAISE) and not _forbidden(s)


def _review_suppression(s: Sentence) -> bool:
    return s.has(_CUSTOMERS_BOUND) or not _forbidden(s) and any(
        _BAD_REVIEW.search(part) and _REVIEWED.search(part) and _KEPT_DOWN.search(part)
        for part in clauses(s.text))


# Bought or fake followers, likes and views (16 CFR 465.8).
_FAKE_ENGAGEMENT = re.compile(
    r"\b(?:fake|dummy|bots?|purchased|bought|sock-?puppets?)\b.{0,40}\b(?:followers?|likes?|views?|"
    r"profiles?|accounts?|subscribers?|engagement)\b|\b(?:buy|purchase)\w* (?:\w+ ){0,3}"
    r"(?:followers?|likes?|views?|subscribers?|engagement)\b|\bauto-?likes?\b")
_NEGATION = words("no", "not", "never", "nobody", "nothing")


def _fake_engagement(s: Sentence) -> bool:
    return s.has(_FAKE_ENGAGEMENT) and not s.has(_NEGATION) and not _forbidden(s)


def _by_staff(s: Sentence) -> bool:
    """A review whose writer's tie to the business is what goes unsaid."""
    return s.has(_REVIEWS) and s.after(_KEEPS_QUIET, _STAFF_TIE)


def _hidden_endorsement(s: Sentence) -> bool:
    return _hidden_tie(s) and not _by_staff(s)


def _insider_review(s: Sentence) -> bool:
    """An owner's or staff member's review that need not say who wrote it."""
    return _by_staff(s) and _hidden_tie(s)


# --- Sector controls ---------------------------------------------------------------------------

# A promise to skip a control the law requires (a patient's authorization, keeping business
# messages) is the harm, however it is negated: "We do not archive texts with clients.", "We
# never ask patients for written authorization."; but not a ban on something else, however it
# describes what it bans ("Do not text clients from any app the firm does not archive.").
_SKIPS_CONTROL = re.compile(
    rf"\b(?:never|not|no need to|{RIGHTS_NOTE}(?: to)?) (?:\w+ ){{0,2}}(?:archiv|retain|record|"
    r"supervis|monitor|"
    r"keep (?:\w+ )?cop|save|store|obtain|seek|(?:get|ask|asks|need) (?:\w+ ){0,3}(?:for )?"
    r"(?:\w+ )?(?:consent|approval|authori[sz]ation|permission|clearance))")
_OTHER_BAN = re.compile(r"^(?:please )?(?:do not|never)\b(?! (?:\w+ ){0,2}(?:archiv|retain|"
                        r"record|supervis|monitor|keep|save|store|obtain|seek|get|ask|need)\w*)")


def skips_control(s: Sentence) -> bool:
    return s.has(_SKIPS_CONTROL) and not s.has(_OTHER_BAN)


_MESSAGES = words(r"(?:texts?|messages?|emails?|chats?|communications|dms?|records)")
_ERASED = re.compile(r"\b(?:delete|clear|erase|wipe)\w* (?:\w+ ){0,4}(?:clients?|customers?|"
                     r"business|work|trade|investors?)'?s? (?:\w+ )?(?:texts?|messages?|emails?|"
                     r"chats?|dms?)\b|"
                     # "If you text a client from your phone, just delete the thread."
                     r"\b(?:clients?|customers?|investors?)\b.*\b(?:delete|clear|erase|wipe)\w* "
                     r"(?:the |that |this |those |your )?(?:text |message |chat )?(?:threads?|"
                     r"conversations?|chats?|texts?|messages?)\b")


def _unkept_messages(s: Sentence) -> bool:
    """Business messages not kept (FINRA 4511, SEC 17a-4): "Delete client texts after a week."
    """
    return s.has(_ERASED) or (skips_control(s) and s.has(_MESSAGES))


# A rule that bans what it names, or a rule about something else: what a sector rule that lets a
# thing out ("may", "go ahead") or promises something leaves aside.
_BANNED = words("can not", "may not", "must not", "do not", "never", "should not", "shall not",
                "not allowed", "not permitted", r"prohibit\w*", r"forbid\w*", "banned", "only")
# Posts that leave investing out ("Personal posts unrelated to the firm need no approval."), and
# news before its announcement, which is Regulation FD's (its own area).
_NOT_INVESTING = words("unrelated", "nothing to do with",
                       r"(?:do|does) not (?:mention|discuss|involve)",
                       "unannounced", "unreleased", "earnings", "results",
                       r"before (?:\w+ ){0,4}(?:announce\w*|press release|public|publish\w*)")

# A clause that sends client business to a chat app or a personal phone or address: "Text
# clients from your own phone.", "We keep no copies of client texts; use WhatsApp." (not "Never
# use WhatsApp for clients.", nor "Use only the firm's app, not your own phone."); or a sentence
# that allows it or leaves its messages unkept ("Personal Gmail is acceptable for client
# correspondence.", "WhatsApp voice notes about trades are not really written communications,
# so nobody has to keep them.").
_PERSONAL_CHANNEL = words("whatsapp", "signal", "telegram", "wechat", "imessage", "snapchat",
                          "gmail", "yahoo", "hotmail", r"messaging (?:apps?|applications?)",
                          r"chat apps?", r"voice notes?", r"of (?:their|your|his|her) choosing",
                          r"(?:your|their|his|her) own (?:phones?|cells?|mobiles?|numbers?|"
                          r"emails?)", r"(?:personal|private) (?:phones?|cells?|mobiles?|"
                          r"numbers?|emails?|texts?|devices?|telegram|whatsapp)")
_SENDS_TO = re.compile(r"^(?:please |feel free to |(?:you|advisers?|advisors?|reps?|staff|brokers?"
                       r"|employees?|everyone) (?:may|can|should|must|are free to|are welcome to) "
                       r")?(?:use|text|message|chat|reach|contact|switch|move|take|send|reply)\b")
_NOT_SENT = words("not", "never", "no", "only", "instead", "rather than", r"prohibit\w*",
                  r"forbid\w*", "banned")
_CLIENT_BUSINESS = words(r"clients?'?", r"customers?'?", r"investors?'?", "business", r"trades?",
                         r"orders?", r"accounts? holders?", "correspondence",
                         r"account statements?", r"rebalanc\w*")
_CHANNEL_ALLOWED = words("acceptable", "permitted", "fine", "okay", "ok", "works", "go ahead",
                         "just handle", r"handle (?:\w+ ){0,2}(?:there|in)", "may", "can",
                         "free to", "welcome to", r"of (?:their|your|his|her) choosing")
_UNKEPT = re.compile(
    rf"\b(?:nobody|no one) (?:has|needs) to keep|\b(?:{RIGHTS_NOTE}|not|never) (?:\w+ )?(?:to )?"
    r"(?:be )?(?:kept|archived|saved|checked|check|keep)\b|\boutside (?:our|the|its) record\w*|"
    r"\bclean up\b|\b(?:regulators|examiners|compliance) (?:do|does|will|can) not see\b")
_KEPT_CHANNEL = words("instead", "rather than", "move", r"recorded (?:line|system|app)")


def _personal_channel(s: Sentence) -> bool:
    """Client business sent off the firm's archive (FINRA 4511, SEC 17a-4)."""
    return s.has(_CLIENT_BUSINESS) and (any(
        _SENDS_TO.search(part) and _PERSONAL_CHANNEL.search(part) and not _NOT_SENT.search(part)
        for part in clauses(s.text)) or s.has(_PERSONAL_CHANNEL) and (
        s.has(_CHANNEL_ALLOWED) or s.has(_UNKEPT)) and not any(
        s.has(p) for p in (_BANNED, _KEPT_CHANNEL, _NOT_INVESTING)))


# What a rep says in public about investments is a communication the firm must approve or
# supervise (FINRA 2210, 3110): a rule that lets it out unreviewed ("Reps may post about our
# funds on LinkedIn without review.", "Feel free to tweet your stock picks.") or has staff
# promise returns ("Tell followers our portfolio can't lose.") is the harm.
_INVESTMENTS = words(r"funds?'?s?", r"stocks?", r"portfolios?", r"etfs?", r"bonds?", r"tokens?",
                     r"invest(?:ing|ments?|ed)", "performance charts?", "securities", r"returns?",
                     r"(?:fund|portfolio|investment|past|historical|hypothetical) performance",
                     r"dividends?", "market commentary", r"(?:buy|sell) (?:(?:or|and) sell )?"
                     r"(?:calls|recommendations|ideas|signals)", r"stock (?:ideas|picks|tips)",
                     r"trading (?:ideas|tips|calls)", r"retirement (?:plans?|savings)",
                     r"annuit\w*", r"variable life", r"margin loans?", r"crypto\w*",
                     "wealth management", r"managed accounts?", r"advisory services?")
_IN_PUBLIC = words(r"posts?", r"post(?:ed|ing)", r"publish\w*", r"followers?", "social media",
                   "youtube", "tiktok", "reddit", "discord", r"forums?", r"blogs?", r"podcasts?",
                   r"live[- ]?stream\w*", "streaming", "twitch", r"webinars?", r"comments?",
                   "instagram", "facebook",
                   "linkedin", "x account", "twitter", "website", "homepage", r"videos?",
                   r"retweet\w*", r"tweets?", r"re-?shar\w*", r"re-?post\w*", r"groups?",
                   "online", "in public", "publicly")
_FREE_HAND = words("may", "can", "free to", "feel free", "welcome to",
                   r"at (?:their|your|his|her) (?:own )?discretion",
                   r"however (?:they|you) (?:see fit|like|want)", "up to (?:you|them)",
                   r"whenever (?:you|they) (?:like|want)", "go ahead",
                   r"(?:it's|it is|is) (?:okay|ok|fine) to", r"just (?:answer|reply|post)")
_CONTROL_LIFTED = re.compile(
    r"\bwithout (?:\w+ ){0,2}(?:review\w*|approv\w*|pre-?clear\w*|sign-?off|supervis\w*|"
    r"archiv\w*)|\bno (?:\w+ )?(?:review|approval|pre-?clearance|sign-?off)(?: is)? (?:needed|"
    r"required|necessary)|\b(?:needs?|requires?) no (?:\w+ )?(?:review|approval|pre-?clearance|"
    rf"sign-?off)|\b{RIGHTS_NOTE}(?: to)? (?:\w+ ){{0,3}}(?:review\w*|approv\w*|pre-?clear\w*|"
    r"sav\w*|archiv\w*|look\w* at|supervis\w*)|\boutside the scope of (?:\w+ )?review|"
    r"\bafter the fact\b|\b(?:reviewed|approved) (?:later|next \w+|afterwards)")
_CONTROLLED = words(r"approv\w*", r"review\w*", "compliance", r"pre-?clear\w*", r"principals?",
                    r"archiv\w*", r"supervis\w*", r"sign-?off", r"disclos\w*", r"disclaimers?")
_PROMISED = words(r"guarantee\w*", r"can not lose\w*", r"risk-?free", "no risk", "sure thing",
                  r"reliably (?:delivers?|returns?|pays?)", r"beats? the market",
                  r"never (?:los(?:e|es|ing)|goes down)", r"los(?:e|es|ing) money",
                  r"doubl\w* (?:your|their|her|his) (?:money|savings)")
_SAVINGS = words("money", "retirement", "savings", r"plans?", r"strateg\w*")


def _free_promotion(s: Sentence) -> bool:
    """Investments promoted in public with no control, or returns promised."""
    if _BANNED.search(_PROMISED.sub(" ", s.text)) or s.has(_NOT_INVESTING):
        return False  # the "never" of "our fund never loses money" forbids nothing
    if s.has(_PROMISED) and (s.has(_INVESTMENTS) or s.has(_SAVINGS)):
        return True
    return s.has(_INVESTMENTS) and s.has(_IN_PUBLIC) and (
        s.has(_CONTROL_LIFTED) or s.has(_FREE_HAND) and not s.has(_CONTROLLED))


# An adviser's testimonials, endorsements and ratings need their disclosures and the firm's
# oversight (SEC Marketing Rule 206(4)-1): one that leaves out who paid or who the endorser is
# ("Influencers we pay per funded account may post about our brokerage without our review.",
# "Client testimonials from advisers' relatives may be used without disclosing it."), or a
# rating shown without its date, is the harm.
_ENDORSERS = words(r"influencers?", r"creators?", r"promoters?", r"testimonials?", r"endorse\w*",
                   r"referral fees?", r"ratings?", r"rankings?", r"affiliates?", r"ambassadors?",
                   r"quotes?")
_ADVISER = words(r"advis[eo]rs?'?", "advisory", "brokerage", r"broker-dealers?", "wealth",
                 "financial", r"firm'?s?", "fiduciary")
_PAID_FOR = words("we pay", "paid", r"referral fees?", "cut of", r"commissions?", "earn",
                  r"(?:per|for (?:each|every)) (?:signup|sign-up|funded account|referral|client|"
                  r"lead)")
_UNSAID = re.compile(r"\bwithout (?:\w+ ){0,2}(?:disclos\w*|mentioning|saying|telling|"
                     r"explain\w*|the date)|\bas if (?:they|she|he) (?:were|was) (?:a |an )?"
                     r"(?:clients?|customers?|independent)")


def _adviser_endorsement(s: Sentence) -> bool:
    """An adviser's endorsement, testimonial or rating without its disclosure or oversight."""
    if s.has(_BANNED) or not s.has(_ENDORSERS) or not (s.has(_ADVISER) or s.has(_INVESTMENTS)):
        return False
    return _hidden_tie(s) or s.has(_UNSAID) or s.has(_PAID_FOR) and (
        s.has(_CONTROL_LIFTED) or s.has(_FREE_HAND) and not s.has(_CONTROLLED))


# --- Sector: listed companies ----------------------------------------------------------------

# News that could move the share price, let out before the public has it (Regulation FD): "Let
# the activist fund know the CEO is stepping down before the board releases it.", "Staff are
# free to post photos of the merger party before we announce the deal." Not a warning of what
# it could lead to ("Leaking earnings before release may breach securities law").
_PRICE_NEWS = words(r"(?:company|material|big|important|market-moving) news", "results",
                    "earnings", "numbers", "guidance", r"dividends?", r"acquisitions?",
                    r"mergers?", r"deals?", r"contracts?", r"write-?downs?", "stepping down",
                    r"data breach\w*", "discovery", "pipeline", "bookings", r"forecasts?",
                    r"quarter\w*", "something big", "sales figures", r"launch\w*", r"buyouts?",
                    r"takeovers?", r"restructuring(?: plans?)?",
                    r"(?:fda|regulatory|trial|drill|assay|clinical) (?:news|results?|decisions?|"
                    r"approvals?|data|numbers)", r"assay numbers")
_BEFORE_PUBLIC = re.compile(
    r"\bbefore (?:\w+ ){0,3}(?:announc\w*|releas\w*|publish\w*|(?:is|are|goes|go|becomes?|made) "
    r"public|press release|the call|it is out)|\bunannounced\b|\b(?:not|never) (?:yet |been )?"
    r"(?:announced|released|public)|\bhave not announced\b|\bahead of (?:the |its )?"
    r"(?:announcement|release|call)|\bin advance\b|"
    # not yet out by its nature: talks, rumours, what is on deck or just back from the lab
    r"\b(?:buyout|merger|acquisition|deal|takeover) (?:talks|negotiations|discussions)\b|"
    r"\brumou?rs?\b|\bon deck\b|\bin the works\b|\bbig things coming\b|"
    r"\b(?:as soon as|the moment) (?:\w+ ){0,4}(?:come|comes|get|gets|are|is) (?:back|in|ready)\b|"
    r"\b(?:early|advance|sneak) (?:look|peek|preview|copy|access)\b|"
    r"\b(?:then|later|afterwards?|the next (?:day|morning))\b(?: \w+){0,6} (?:press release|"
    r"announc\w*|8-k|filing)")
_LETS_OUT = re.compile(rf"{SPEECH.pattern}|\b(?:brief\w*|hint\w*|teas\w*|leak\w*|"
                       r"let (?:\w+ ){1,4}know|give (?:\w+ )?(?:a )?heads-?up|"
                       r"give (?:\w+ ){0,5}(?:an? )?(?:early|advance|sneak) (?:look|peek|preview)|"
                       r"set the record straight|confirm\w*|retweet\w*|like|one-on-one|"
                       r"private (?:calls?|meetings?|briefings?)|reassur\w*)\b")
_LET_GO = re.compile(rf"{_FREE_HAND.pattern}|^(?:please |pls )?(?:post|share|tell|let|brief|"
                     r"tease|hint|drop|give|leak)\b|\b(?:fair game|totally fine|is fine)\b|"
                     r"\b(?:should|are to|make sure to|be sure to) (?:\w+ ){0,2}(?:post|share|tell|"
                     r"let|brief|tease|hint|drop|give|leak|send|call|ping)\b|"
                     r"\ballowed to\b|\b(?:usually|always|often|typically|normally|still|first)\b")
_WARNS = words(r"(?:may|can|could) (?:breach|violate|break|lead|cause|land|result|hurt|harm)")
# Trading on the news is the trading family's (insider trading), not a disclosure.
_TRADING = words(r"trad(?:e|es|ing)", "buy", "sell", r"options?")


# Analysts steered in private: "If an analyst's estimates are way off, quietly ping them."
_ANALYSTS = words(r"analysts?'?s?")
_THEIR_NUMBERS = words(r"estimates?", r"models?", "consensus", r"forecasts?", "numbers")
_STEERED = words("ping", r"nudg\w*", r"steer\w*", r"guid(?:e|ing)", r"suggest\w*", r"hint\w*",
                 r"(?:walk|tell|call) (?:them|him|her)")


def _early_news(s: Sentence) -> bool:
    """Price-moving news let out, or ordered out, before its announcement, or analysts steered
    on their numbers."""
    if any(s.has(p) for p in (_BANNED, _WARNS, _TRADING)):
        return False
    return s.has(_PRICE_NEWS) and s.has(_BEFORE_PUBLIC) and s.has(_LETS_OUT) and s.has(
        _LET_GO) or s.has(_ANALYSTS) and s.has(_THEIR_NUMBERS) and s.has(_STEERED)


# --- Sector: patients ------------------------------------------------------------------------

_PATIENT_MEDIA = re.compile(
    r"\b(?:patient|resident)(?:s|'s|s')? (?:[\w-]+ )?(?:stories|story|photos?|pictures?|images?|"
    r"videos?|testimonials?|case studies|cases|success|names?|faces?|before-and-after)\b|"
    r"\b(?:stories|photos?|pictures?|images?|videos?|testimonials?) (?:of|from|about|with) "
    r"(?:our |a )?(?:patients?|residents)\b")
_PATIENT_SAFEGUARD = words(r"(?:written|signed) (?:\w+ )?(?:authori[sz]ation|consent|permission|"
                           r"release)", r"signs? (?:\w+ ){0,2}(?:authori[sz]ation|consent|release)",
                           r"(?:authori[sz]ation|consent|release) forms?", r"de-?identified",
                           "hipaa")


def _patient_content(s: Sentence) -> bool:
    return s.has(_PATIENT_MEDIA) and (skips_control(s) or (
        not s.has(PROHIBITION) and not s.has(_PATIENT_SAFEGUARD)))


# Family -> test. The learned model (model.py) catches wording these patterns do not know.
RULES: tuple[tuple[str, Callable[[Sentence], bool]], ...] = (
    ("nlra.confidentiality", _overbroad_confidentiality),
    ("nlra.pay", _talk_about_work),
    ("nlra.disparagement", _disparagement),
    ("nlra.false_statements", _false_statements),
    ("nlra.civility", _civility),
    ("nlra.media", _media_contact),
    ("nlra.recording", _recording_ban),
    ("nlra.coworker_contact", _coworker_contact),
    ("nlra.government", _government_contact),
    ("regfd.whistleblower", _securities_gag),
    ("nlra.approval", _prior_approval),
    ("nlra.logo", _logo_ban),
    ("nlra.internal_first", _internal_first),
    ("ftc.endorsement_disclosure", _hidden_endorsement),
    ("ftc.insider_reviews", _insider_review),
    ("ftc.endorsement_disclosure", _buried_disclosure),
    ("ftc.insider_reviews", _posing_as_customers),
    ("ftc.review_incentive", _incentive_for_praise),
    ("ftc.review_suppression", _review_suppression),
    ("ftc.fake_indicators", _fake_engagement),
    ("hipaa.patient_content", _patient_content),
    ("finance.off_channel", _unkept_messages),
    ("finance.off_channel", _personal_channel),
    ("finance.unsupervised", _free_promotion),
    ("finance.testimonials", _adviser_endorsement),
    ("regfd.selective", _early_news),
)
