"""Concepts the learned model reads besides words: restriction, speech, pay, media, reviews,
patients, personal channels and so on, so that it generalises to wording it has never seen.

Each concept is a pattern over normalised text; the model also sees every pair of concepts.
"""

from __future__ import annotations

from .language import (
    COMPANY_VOICE,
    COWORKERS,
    CUSTOMERS,
    EMPLOYER,
    HARASSMENT_CONTEXT,
    OBLIGATION,
    PROHIBITION,
    RESTRAINT,
    RIGHTS_NOTE,
    SPEECH,
    words,
)
from .wording import (
    APPROVAL,
    CONCERNS,
    DISPARAGE,
    EMPLOYEE_INFO,
    GOVERNMENT,
    INCIVILITY,
    KEEP_SECRET,
    LOGO,
    MALICE,
    MEDIA,
    NARROWED,
    PUBLIC_ROUTE,
    REPUTATION,
    RESPECT_DEMAND,
    VAGUE_INFO,
    WORK_TERMS,
)

# A prohibition aimed at the act itself ("Never discuss a patient's care.") is the safe side in
# the sector areas; one that stops a disclosure or a report ("do not mention...") is not.
NEGATED_DISCLOSURE = words(r"(?:do not|don't|never|not) (?:need to )?(?:mention|disclose|say|tell|"
                            r"label|report|add)\w*", "leave out", "keep quiet", "without saying",
                            "without mentioning", "without telling", "without approval")

CONCEPTS = {
    "prohibition": PROHIBITION, "obligation": OBLIGATION, "speech": SPEECH,
    "restraint": RESTRAINT, "negated_disclosure": NEGATED_DISCLOSURE,
    "employer": EMPLOYER, "coworkers": COWORKERS, "customers": CUSTOMERS,
    "harassment": HARASSMENT_CONTEXT, "company_voice": COMPANY_VOICE, "right": words(RIGHTS_NOTE),
    "approval": APPROVAL, "concerns": CONCERNS, "disparage": DISPARAGE,
    "employee_info": EMPLOYEE_INFO, "government": GOVERNMENT, "incivility": INCIVILITY,
    "keep_secret": KEEP_SECRET, "logo": LOGO, "malice": MALICE, "media": MEDIA,
    "narrowed": NARROWED, "public_route": PUBLIC_ROUTE, "reputation": REPUTATION,
    "respect": RESPECT_DEMAND, "vague_info": VAGUE_INFO, "pay": WORK_TERMS,
    "permission": words("may", "can", "feel free", "free to", "allowed", "fine", "ok", "okay",
                        "whenever you like", "if you want", "it's fine", "is fine"),
    "photo": words(r"photo\w*", r"pictures?", r"videos?", r"record\w*", r"film\w*", r"cameras?",
                   r"selfies?", r"x-?rays?", r"images?"),
    "review": words(r"reviews?", r"reviewers?", r"ratings?", r"rate", r"stars?", "yelp", "google",
                    "glassdoor", "indeed", "amazon", r"testimonials?"),
    "incentive": words("discount", "free", r"gifts?", r"prizes?", r"draws?", r"refunds?",
                       r"\d+% off", r"rewards?", r"coupons?", r"gift cards?", "pay for",
                       r"paid", "in exchange"),
    "suppress": words("hide", "delete", r"remov\w*", r"flag\w*", "take down", r"take \w+ down",
                      r"sue", r"threaten\w*", "only show", "come down", "not to post"),
    "influence": words(r"followers?", r"likes", r"views?", r"bots?", "fake accounts?",
                       r"shares?", "boost"),
    "patient": words(r"patients?'?s?", r"treatment\w*", r"visits?", r"diagnos\w*",
                     r"appointments?", r"charts?", r"procedures?", r"doctor", "insurance",
                     r"recovery", "waiting room", "treatment room", r"cases?"),
    "connection": words("work here", r"employees?", r"#ad", "paid", r"sponsor\w*",
                        "free product", r"connection", "ambassadors?", "relationship",
                        "who they are", r"relatives?", "family", "friends", "new hires"),
    "hide": words("without mentioning", "keep quiet", "leave out", "leave that part out",
                  "no need to", "do not need to", "don't mention", r"not mention\w*", "hide",
                  "as if", "independent", "natural", "without any disclosure",
                  "without saying", "not say", "under other names", "personal names"),
    "personal_channel": words("text", "texts", "texting", "whatsapp", "signal", "imessage",
                              "messenger", r"dms?", "personal phones?", "own phones?",
                              r"personal devices?", "disappearing", "personal email",
                              "chat apps?", "own email"),
    "client": words(r"clients?'?", r"investors?", r"shareholders?", r"analysts?",
                    r"customers?'?"),
    "fin_product": words(r"funds?'?s?", r"stocks?", r"portfolios?", r"invest\w*", "returns",
                         r"trades?", "performance", r"gains", "market", r"tips", "shares"),
    "unsupervised": words("without review", "whenever you like", "without compliance",
                          "without any archiving", "personal account", "own account",
                          "personal instagram", "own x account", "views are my own",
                          "public comment", r"facebook groups?", "linkedin", "blog"),
    "news": words("results", "earnings", "merger", "acquisition", r"deals?", "quarter\\w*",
                  "numbers", "contract", "news", "figures", "preview"),
    "early": words("before", "early", "ahead", "hint", "preview", "teaser", "a day early",
                   "not yet", "before the announcement", "before it is announced"),
    "account_access": words(r"passwords?", "log in", r"log-?ins?", "access", "scroll",
                            "show us", "unlock", "connect with", r"friend\w*", "follow",
                            "private profile", "privacy settings", r"usernames?", "make .{0,20}"
                            r"public"),
    "personal_account": words("personal", "private", "your own", "facebook", "instagram",
                              "tiktok", "linkedin", "social media", r"accounts?"),
}


def concepts_of(text: str) -> list[str]:
    """Names of the concepts present in normalised text."""
    return [name for name, pattern in CONCEPTS.items() if pattern.search(text)]
