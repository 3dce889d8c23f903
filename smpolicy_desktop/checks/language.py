"""Sentences and concepts for the wording rules: normalised text and small vocabularies.

Rules are written over concepts (a restriction, a kind of speech, a protected subject), each a
regular expression over lower-case text with contractions and spellings made uniform.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..unseen import OTHER_LINE_BREAKS

# (pattern, replacement, words one of which the text must hold for the pattern to match)
_SPELLINGS = [
    (r"[\u2018\u2019\u02bc`]", "'", ("\u2018", "\u2019", "\u02bc", "`")),
    (r"[\u201c\u201d]", '"', ("\u201c", "\u201d")),
    (r"[\u2013\u2014]", " - ", ("\u2013", "\u2014")),
    (r"\bcan'?t\b|\bcannot\b", "can not", ("can",)), (r"\bwon'?t\b", "will not", ("won",)),
    (r"\b(\w+)n't\b", r"\1 not", ("n't",)),
    # as owners type them in a hurry: "dont discuss pay", "youre not allowed"
    (r"\b(do|does|did|is|are|was|were|should|would|could|must|have|has|had|need)nt\b",
     r"\1 not", ("nt",)),
    (r"\b(you|they)'?re\b|\b(we)'re\b", r"\1\2 are", ("re",)),
    (r"\b(you|we|they|i)'ll\b", r"\1 will", ("'ll",)),
    (r"\bnon[- ]?public\b", "non-public", ("non",)),
    (r"\bco[- ]?workers?\b", "coworkers", ("co",)),
    (r"\bpre[- ]?(approv|authori)", r"pre\1", ("pre",)), (r"\be-?mails?\b", "email", ("mail",)),
    # the month, not the permission: "reopens on May 1", "effective May 2027"
    (r"\bmay(?= \d)", "maymonth", ("may",)),
]
_SPELLING_RULES = [(re.compile(pattern), replacement, needles)
                   for pattern, replacement, needles in _SPELLINGS]


# Owners shorten a name to its first word or two or three ("Blue Sky"), never to more; the
# bound also keeps a pasted essay in the name field from costing a pattern per word.
SHORT_NAME_WORDS = 3


def as_the_company(text: str, company_name: str) -> str:
    """The text with the company's own name (without "LLC", "Ltd"...), in any case, read as
    "the company": a rule about "Northwind" is a rule about the employer. Owners also write
    the first words of a longer name ("Larkspur" for Larkspur Dental): those are read so too
    where they stand capitalised as in the name, after the sentence's first word (so "First"
    of First Choice Bakery is not taken for the company at a sentence's start)."""
    name = company_name.strip()
    for suffix in (" llc", " inc.", " inc", " ltd", " ltd.", " corp", " co."):
        if name.lower().endswith(suffix):
            name = name[:-len(suffix)]
    if len(name) <= 2:
        return text
    if name.lower() in text.lower():
        return re.sub(re.escape(name), "the company", text, flags=re.IGNORECASE)
    words = name.split()
    for count in range(min(len(words) - 1, SHORT_NAME_WORDS), 0, -1):
        short = " ".join(words[:count])
        if len(short) >= 4 and short[0].isupper() and short.replace(" ", "").isalpha():
            found = re.compile(rf"(?<=\S )\b{re.escape(short)}\b")
            if found.search(text):
                return found.sub("the company", text)
    return text


@lru_cache(maxsize=65536)
def normalise(text: str, company_name: str = "") -> str:
    """Lower case, uniform quotes and contractions; the company's own name reads 'the company'."""
    text = as_the_company(text, company_name).lower()
    for pattern, replacement, needles in _SPELLING_RULES:
        if any(needle in text for needle in needles):  # a search costs more than this
            text = pattern.sub(replacement, text)
    return " ".join(text.split())


# Negated restrictions state a right ("this does not stop you from ..."), and promises not to
# retaliate ("nobody here will hold it against you", "you won't be punished for it") bind the
# company; each is replaced by one token so that "not" or "nobody" there never reads as a rule.
RIGHTS_NOTE = "rightsnote"
# Where a policy says what it does not do: "nothing in this policy", "nothing here".
NOTHING_HERE = (r"nothing (?:here|in (?:this|these|the|our) (?:\w+ ){0,2}?(?:policy|policies|"
                r"handbook|rules?|section|guide\w*|agreement|document|code))")
_RETALIATE = (r"(?:act against|retaliat\w*|punish|disciplin\w*|penali[sz]e|take action against|"
              r"hold (?:it|that|this) against|treat (?:you|them|anyone) (?:any )?differently)")
_RIGHTS = re.compile(
    r"\b(?:does|do|will|shall|should|must|may) not (?:stop|prevent|limit|restrict|affect|"
    r"apply to|cover|forbid|prohibit|ban|interfere with|need|have to|require)\b|"
    rf"\b{NOTHING_HERE}(?: (?:\w+ ){{0,2}}?(?:prohibits|"
    r"restricts|limits|prevents|stops|bars|forbids|interferes with|is meant to|is intended to|"
    r"requires you to))?\b|"
    rf"\b(?:will|shall|would|must|may|can|should) (?:never|not) {_RETALIATE}\b|"
    r"\bneed not\b|"
    r"\b(?:will|shall|would) (?:never|not) be (?:held against|punished|disciplined|penali[sz]ed|"
    r"retaliated against|treated (?:any )?differently|(?:a )?(?:grounds?|reason|cause) for "
    r"(?:\w+ )?(?:discipline|dismissal|termination|firing|action))\b|"
    # the company's promise of what it never asks of staff: "We will never ask you to report
    # what your coworkers post." (a rule on the company, not on them)
    r"^(?:we|the company|management|the owners?|managers|supervisors)(?: will| would| shall)? "
    r"(?:never|not|do not|does not) (?:ask|require|make|force|pressure|expect|tell|order) "
    r"(?:you|employees|staff|anyone|any employee|team members|workers)(?: to)?\b|"
    rf"\b(?:no one|nobody)(?: here| at (?:the company|work))? (?:will|shall|would) (?:ever )?"
    rf"{_RETALIATE}\b|"
    r"\bnot (?:meant|intended) to\b")


# The company promising restraint ("We never buy followers.") states a safeguard, not a rule.
RESTRAINT = re.compile(r"^(?:we|the company|our \w+)(?: will| would)? (?:never|not|do not|does "
                       r"not|don't|won't|will not)\b")


def rights_notes(text: str) -> str:
    """Normalised text with each stated right ("this does not stop you from") as one token."""
    return _RIGHTS.sub(RIGHTS_NOTE, text)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the original text (with its place in it) and its normalised form."""

    start: int
    end: int
    original: str
    text: str

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.text) is not None

    def after(self, first: re.Pattern[str], then: re.Pattern[str]) -> bool:
        """True when `then` occurs somewhere after a match of `first` (e.g. verb, then object)."""
        return any(then.search(self.text, m.end()) for m in first.finditer(self.text))


# Sentences end at "." or "!", never at ";" or "?", which join parts of one rule.
# A line ends where the policy ends it: at any line break str.splitlines() knows (a form feed,
# U+2028...), as the policy's paragraphs are made (render._lines), not only at "\n".
_SENTENCE_END = re.compile(rf"(?<=[.!])[\"')\]]*\s+|[\n\r{OTHER_LINE_BREAKS}]+")
# A full stop that ends a word such as these is no sentence's end ("Ask Ms. Lee", "Main St.
# branch"), nor one followed by a small letter or a digit ("from 8 a.m. to 5 p.m. on weekdays",
# "e.g. a photo"): read as sentences, "to 5 p.m." was checked, and flagged, on its own.
_NO_END_AFTER = re.compile(r"(?:\b(?:mr|mrs|ms|mx|dr|prof|st|mt|jr|sr|vs|approx|dept|ext|"
                           r"tel|e\.g|i\.e|[a-z])\.[\"')\]]*\s+$)", re.IGNORECASE)


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    if boundary.group().startswith("\n"):
        return True
    following = text[boundary.end():boundary.end() + 1]
    # a quotation's "!" ends no sentence that goes on in small letters ("add 'love it!!' and
    # say nothing else"); any other "!" ends one
    if text[boundary.start() - 1] == "!":
        return not (following.islower() and boundary.group()[0] in "\"')]")
    return not (following.islower() or following.isdigit()
                or _NO_END_AFTER.search(text, max(0, boundary.start() - 8), boundary.end()))


def pieces(text: str) -> list[tuple[int, int, str]]:
    """Where each sentence (and line) of a text starts and ends, and its words as written."""
    found, start = [], 0
    ends = [boundary for boundary in _SENTENCE_END.finditer(text)
            if _ends_sentence(text, boundary)]
    for boundary in [*ends, None]:
        end = boundary.start() if boundary else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            found.append((start + lead, start + len(piece.rstrip()), piece.strip()))
        start = boundary.end() if boundary else len(text)
    return found


def sentences(text: str, company_name: str = "") -> list[Sentence]:
    """The sentences (and lines) of a text, each also normalised as the rules read it."""
    return [Sentence(start, end, original, rights_notes(normalise(original, company_name)))
            for start, end, original in pieces(text)]


# "or" and "but" are not clause breaks: "We will never ask for X, or ask Y" keeps its "never".
_CLAUSE_OPENER = (r"(?=(?:do not|don't|never|always|you|we|employees|staff|please|keep|post|"
                  r"share|reply|use|ask|get|take|make|tell)\b)")
# ", but" opens a clause of its own when a subject and its modal follow ("We will never ask for
# your passwords, but managers must be added as friends"): read whole, the first clause's
# promise hid the second clause's demand (found by a tester).
_BUT_CLAUSE = (r",\s+but\s+(?=(?:[\w']+\s+){1,3}(?:must|may|will|should|shall|can|need to|"
               r"needs to|have to|has to|are required|is required|are expected|is expected)\b)")
_CLAUSE = re.compile(rf";\s+|(?P<comma>,)\s+and\s+(?P<opens>{_CLAUSE_OPENER})?|"
                     rf"\s+and\s+{_CLAUSE_OPENER}|{_BUT_CLAUSE}", re.I)
# The words after the last comma before ", and" that make it the end of a list ("the battery,
# tires, and wipers"), not of a clause, unless a clause's opening words follow it.
LIST_ITEM_WORDS = 3


# A quotation is one example, however many clauses it has: "Reply with something like 'Thanks;
# please call us.'" is not two rules.
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|"
                     r"(?<!\w)'[^']*'(?!\w)")


# A clause that goes on with the one before it, and states nothing alone: "We never post fake
# reviews, and that includes reviews made with AI." (read alone, it was a rule of its own), or
# whose act is done to what the clause before named ("Putting the disclosure in your bio alone
# is not enough; put it in the post.": "put it in the post" alone read as a hidden ad). Not
# _GOES_ON below, the "Or ..." that carries a listed ban on to an item's next sentence.
EXTENDS_LAST_CLAUSE = re.compile(
    r"^(?:yes,? )?(?:that|this|which|it) (?:includes|covers|applies|goes|means)\b|"
    r"^(?:please |just |then )?\w+ (?:it|them)\b", re.I)


def clauses(text: str) -> list[str]:
    """The clauses of one sentence (split at ";" and "and", not inside a quotation), without
    end punctuation."""
    text = text.strip()
    quoted = [match.span() for match in _QUOTED.finditer(text)]
    parts, start = [], 0
    for brk in _CLAUSE.finditer(text):
        if brk["comma"] and brk["opens"] is None and _ends_a_list(text[start:brk.start()]):
            continue
        if not any(begin < brk.start() < end for begin, end in quoted):
            parts.append(text[start:brk.start()])
            start = brk.end()
    parts.append(text[start:])
    return [c for c in (part.strip(" .!") for part in parts) if c]


def _ends_a_list(part: str) -> bool:
    """Whether ", and" after this part closes a list ("photos, videos, and stories")."""
    _, comma, last = part.rpartition(", ")
    return bool(comma) and len(last.split()) <= LIST_ITEM_WORDS


def words(*alternatives: str) -> re.Pattern[str]:
    """A pattern matching any of the alternatives as whole words: no letter or digit just before
    or after it, so that an alternative may begin or end with a sign ("#ad", "$10", "clients'"),
    which \\b, wanting a letter beside the sign, never matched after a space."""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


# --- The vocabulary rules are written in -----------------------------------------------------

_WITHOUT_CLEARANCE = (r"without (?:\w+ ){0,3}"
                      r"(?:approval|permission|consent|authori[sz]ation|clearance)")
PROHIBITION = re.compile(
    r"\b(?:do not|does not|never|no one|nobody|must not|may not|should not|shall not|will not|"
    r"can not|(?:is|are|be) not (?:allowed|permitted|authori[sz]ed)|prohibit\w*|forbid\w*|"
    r"banned|refrain\w*|avoid\w*|not to|misconduct|grounds for|unauthori[sz]ed|"
    rf"{_WITHOUT_CLEARANCE}|"
    r"unless (?:\w+ )?(?:authori[sz]ed|approved|cleared|preauthori[sz]ed|preapproved)|"
    r"(?:is|are|remain) (?:strictly |kept )?(?:confidential|secret)|"
    r"only \w+(?: \w+)? (?:may|can))\b"
    r"|^no\b|[,:;] no\b")
OBLIGATION = words("must", "should", "shall", "make sure", "ensure", "be sure", "required to",
                   "expected to", "have to", "need to", "are to", "is to", "always")
RULE = re.compile(f"{PROHIBITION.pattern}|{OBLIGATION.pattern}")
# A title names a topic and states no rule: a few words, no end punctuation, every word of four
# letters or more capitalised ("Employee Social Media Policy", "PERSONAL ACCOUNTS"). One with a
# rule's words is a rule written as a title ("Never Share Passwords").
_TITLE_WORDS = 12


# A heading over a list of what not to do ("Don't", "Never", "**Avoid:**"), the whole line and
# nothing else: "We never share passwords." is a rule, not a heading over one.
_FORBIDDING = re.compile(r"^\W*(?:[\d.]+\s+)?(?:don'?ts?|do not|never|avoid)\W*$")
BAN = "Do not "  # what an item listed under such a heading says first, read as the ban it is


# A sentence of such an item that forbids in its own words ("Never talk to reporters.") is read
# as written. A later one goes on with the ban ("Post about pay. Or talk about it with
# customers.", "Complain about managers. Criticise the owners.") unless it says something of its
# own: who does what ("It hurts morale.", "You may post about your shifts."), a turn ("But ..."),
# or the way to go instead ("Use only our approved channels.", "Ask your manager first.").
_OWN_BAN = re.compile(r"^(?:do not|does not|never|no|nobody|no one)\b")
_GOES_ON = re.compile(r"^(?:(?:or|and|nor|also|even)\b[\s,]*)+", re.I)  # "Or talk" bans "talk"
_OWN_SAYING = re.compile(
    r"^(?:it|its|this|that|these|those|they|their|there|here|we|our|us|i|my|you|your|he|she|"
    r"the|but|instead|rather|except|unless|if|when|because|so|everyone|anyone|staff|employees|"
    r"do|please|ask|check|contact|call|email|see|refer|come|go|bring|let)\b|"
    r"\b(?:only|instead|rather|always|first)\b|"
    r"^(?:talk|speak|tell|report|send|raise|take)\b.*\b(?:to|with) (?:your |a |the |our )?"
    r"(?:manager|supervisor|boss|hr|human resources|owner|us)\b")


def forbids(heading: str) -> bool:
    """Whether a heading is one over a list of what not to do: each item is a ban."""
    return bool(_FORBIDDING.match(normalise(heading)))


def bans(item: str, lead: str = BAN) -> list[tuple[str, str]]:
    """Each sentence of an item listed under a heading that forbids, with the ban it is read as
    ("Use personal accounts for client business." under "Don't": "Do not use personal accounts
    ..."): the first unless it forbids in its own words, a later one as it goes on with the
    ban (_GOES_ON, _OWN_SAYING). `lead` is the words the item goes on from: an owner's lead-in
    ("Employees may not ") over "discuss their wages with coworkers;" reads the same way."""
    read = []
    for number, (_, _, sentence) in enumerate(pieces(item.strip())):
        order = _GOES_ON.sub("", sentence) if number else sentence
        said = normalise(order)
        if _OWN_BAN.match(said) or number and _OWN_SAYING.search(said):
            read.append((sentence, sentence))
        else:
            read.append((sentence, f"{lead}{order[:1].lower()}{order[1:]}"))
    return read


def as_ban(item: str) -> str:
    """An item listed under a heading that forbids, read as the ban it is (see bans)."""
    return " ".join(ban for _, ban in bans(item))


def is_title(text: str) -> bool:
    """Whether a line is a title or heading, not a rule (see _TITLE_WORDS): a policy's title
    line was reported as a demand for personal logins (found by a tester)."""
    line = text.strip()
    found = line.split()
    return 0 < len(found) <= _TITLE_WORDS and not line.endswith(tuple(".!?:;,")) and all(
        word[0].isupper() for word in found if len(word) >= 4 and word[0].isalpha()) and \
        not RULE.search(normalise(line))


# A heading over a list or a paragraph: a few words, after any section number ("3.2 ", "IV. "),
# with no sentence's end or clause break in them ("Posting rules", "Things to avoid being shy
# about:"). Over a paragraph it is a title or states no rule (states_rule): "Never talk to
# reporters" over a sentence is a rule written without its full stop.
_HEADING_WORDS = 8
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXL]+\.)\s+")
# A rule's words in the shape of a topic's name: a question-word heading ("What you must not
# post", "Who may speak for us"), "Things to avoid", a ban named as a thing ("Prohibited
# conduct", "Unauthorized disclosure", "Avoiding conflicts", "Posting without approval"), not
# said of something ("Political posts are prohibited" states the ban).
_TOPIC_FORMS = re.compile(
    r"^(?:what|when|where|which|who|why|how|things?|topics?)\b.*"
    r"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bstrictly )"
    r"\b(?:prohibited|forbidden|banned|unauthori[sz]ed|avoiding|misconduct|grounds for)\b"
    rf"|\b{_WITHOUT_CLEARANCE}\b")


def states_rule(heading: str) -> bool:
    """Whether a heading states a rule, as a lawyer reads it, and is checked as one ("Never
    discuss pay", "Salaries are confidential", "Only managers may speak to the press"), rather
    than naming its section's topic ("Confidential information", "Pay and benefits",
    "Posting without approval", "What you must not post") or leading into a list ("Don't",
    "Never:", "Things to avoid:", whose items are checked, read as bans where they are)."""
    text = _SECTION_NUMBER.sub("", heading.strip())
    return not (text.endswith(":") or forbids(text)) and \
        bool(RULE.search(_TOPIC_FORMS.sub(" ", normalise(text))))


def heads(line: str, over_list: bool) -> bool:
    """Whether a line, by its words, can be the heading over the list (over_list) or the
    paragraph below it: it names what follows and is no rule to check (a tester's "Things to
    avoid being shy about:" was reported as a demand to be civil)."""
    text = _SECTION_NUMBER.sub("", line.strip())
    shaped = 0 < len(text.split()) <= _HEADING_WORDS and not text[:1].islower() and \
        not re.search(r"[.!?;,]", text)
    return is_title(text) or shaped and (over_list or not states_rule(text))


# A breach of the policy itself as what a sentence is about: who breaks it, or the breach.
_POLICY = (r"(?:any of )?(?:this|these|the|our) (?:\w+ )?(?:rules?|polic(?:y|ies)|guidelines?|"
           r"standards?)")
_BREACH = re.compile(
    r"^(?:(?:any|an|the)? ?(?:one|anyone|employees?|staff|workers?|those|people|whoever|team "
    r"members?)(?: \w+)? (?:who|that) (?:\w+ )?)?(?:(?:break|breach|violat|ignor|disregard)\w*|"
    rf"fail\w* to (?:follow|comply with|obey)) (?:of )?{_POLICY}"
    r"|^(?:any )?(?:violations?|breach(?:es)?|failures? to (?:follow|comply with)) "
    rf"(?:of )?{_POLICY}")


def states_consequence(text: str) -> bool:
    """Whether a sentence only says what follows a breach of the policy, naming no act of its
    own ("Anyone who breaks these rules will be terminated immediately.", "Violations of this
    policy may lead to discipline."): it sets no rule to check (a tester's was reported as a
    rule on talking to the media). One that names an act is checked ("Posting about pay breaks
    this policy and will lead to discipline.")."""
    normalised = normalise(text).strip()
    return bool(_BREACH.search(normalised)) and not SPEECH.search(normalised)


SPEECH = words(r"post\w*", r"publish\w*", "share", "shares", "shared", "sharing", r"discuss\w*",
               r"disclos\w*", r"reveal\w*", r"talk\w*", r"speak\w*", r"comment\w*",
               r"mention\w*", "write", "writes", "writing", "say", r"tweet\w*", r"blog\w*",
               r"report\w*", "tell", r"communicat\w*", r"contact\w*", r"complain\w*", "air",
               "vent", r"distribut\w*", r"upload\w*", "express", r"make (?:\w+ ){0,3}"
               r"(?:statements?|comments?|remarks?)")

EMPLOYER = re.compile(
    r"\b(?:the|our|this|your|its) (?:company|employer|firm|business|organi[sz]ation|dealership|"
    r"store|hospital|clinic|practice|agency|bank|restaurant)\b(?!'s|')|\bcompany\b(?!'s|')|"
    r"\b(?:employer|management|managers?|supervisors?|superiors?|executives?|leadership|"
    r"officers|directors|bosse?s?|owners?|foreme?n|head office|"
    r"(?:shift|team|crew|store|site|line) lead(?:er)?s?)\b(?!'s|')")
COWORKERS = words("coworkers", r"colleagues?", r"fellow (?:employees|workers|team members|staff)",
                  "other employees", "another employee", "other staff", r"team ?mates?",
                  r"team members?", "employees", r"staff members?", "workers", "peers")
OTHERS = words("others", "everyone", "each other", "one another", "people", "anyone")
CUSTOMERS = words(r"customers?", r"clients?", r"patients?", "the public",
                  "members of the public", r"visitors?", r"guests?", r"vendors?", r"suppliers?",
                  r"consumers?", r"partners?")
PRODUCTS = re.compile(r"\b(?:products?|services?|competitors?'?)(?:'s)?\b")

HARASSMENT_CONTEXT = words(r"harass\w*", r"discriminat\w*", "hostile", r"threat\w*",
                           r"bully\w*", r"slurs?", r"violen\w*", r"stalk\w*",
                           "on the basis of", r"based on (?:race|sex|religion|age|disability)",
                           r"protected (?:status|class|characteristics?|categor\w*)",
                           r"racis\w*", r"sexis\w*", r"obscen\w*", r"pornograph\w*",
                           r"race|racial", r"religio\w*", "gender", r"sexual\w*", r"dox\w*",
                           "national origin", r"disabilit\w*", r"ethnic\w*", r"pregnan\w*")
# Speech as or for the company may be restricted freely; employees' own speech may not.
COMPANY_VOICE = re.compile(
    r"\b(?:on behalf of|on (?:the company's|our|its|the firm's) behalf|for the company|"
    r"as the company|in the company's name|"
    r"speak(?:s|ing)? for (?:the company|us|the business|the firm|the shop|the store|"
    r"the practice)|represent\w* (?:the company|us)|"
    r"official (?:company |business )?(?:position|statements?|comments?|responses?|views?|voice|"
    r"accounts?|pages?|"
    r"channels?|spokes\w*)|"
    r"company's (?:official |own )?(?:position|view|response|statement|accounts?|pages?)|"
    r"our (?:official |own )?(?:accounts?|pages?|position|channels?)|"
    r"company (?:accounts?|pages?|profiles?|channels?)|"
    r"(?:official|authori[sz]ed|designated) spokes\w*|refer (?:them|the|it|all|any|such|those)|"
    r"pass (?:them|it|the) (?:on|to)|forward (?:them|it|the))")
COURSE_OF_WORK = words("in the course of", r"while (?:working|at work|on duty|on the job|serving|"
                       r"representing|dealing with|helping)", "on company time", "at work",
                       "during work", "on the job", "on company business")
