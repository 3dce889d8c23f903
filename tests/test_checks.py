"""The risk check, family by family: rules an employee could read as barring lawful talk about
work are flagged; narrow, lawful rules are not; safer wording keeps what was lawful. Every
example is written in our own words after the public source named beside it (GC 15-04 and the
OM memos are named only as where the rule was reported, never as authority).
"""

from __future__ import annotations

import re

import pytest

from smpolicy_desktop.checks.facts import CheckFacts
from smpolicy_desktop.checks.families import FAMILIES
from smpolicy_desktop.checks.language import sentences
from smpolicy_desktop.checks.model import model
from smpolicy_desktop.checks.policy_check import check_text
from smpolicy_desktop.checks.wording import RULES

HEALTH = CheckFacts(country="US", industry="health_care")
GENERAL = CheckFacts(country="US", industry="general_b2b", publicly_traded=False)

GC_15_04 = "NLRB General Counsel memo GC 15-04 (2015)"
OM_12_59 = "NLRB Acting General Counsel memo OM 12-59 (2012)"
OM_12_31 = "NLRB Acting General Counsel memo OM 12-31 (2012)"

# (sentence, the rule that must flag it, the source the example follows)
FLAGGED = [
    ("Do not share any information about the company with outsiders.",
     "nlra.confidentiality", GC_15_04 + ", rules on 'company information'"),
    ("Never talk about staff information or personnel matters outside work.",
     "nlra.confidentiality", GC_15_04 + ", rules on 'employee information'"),
    ("Employees may not disclose sensitive internal matters online.",
     "nlra.confidentiality", OM_12_59 + ", General Motors rule on non-public information"),
    ("Salaries are strictly confidential and may not be discussed with colleagues.",
     "nlra.pay", "NLRA section 7; " + GC_15_04 + ", wage rules"),
    ("Do not talk about your wages or bonuses with co-workers.",
     "nlra.pay", GC_15_04 + ", wage rules"),
    ("Employees must not post about workplace safety concerns.",
     "nlra.pay", "NLRA section 7; Stericycle, 372 NLRB No. 113 (2023)"),
    ("Never bad-mouth management on social media.",
     "nlra.disparagement", GC_15_04 + ", rules on criticising the employer"),
    ("Employees shall not post derogatory remarks about supervisors or colleagues.",
     "nlra.disparagement", "Hills and Dales General Hospital, 360 NLRB No. 70 (2014)"),
    ("Everything you post must be completely accurate.",
     "nlra.false_statements", OM_12_59 + ", General Motors accuracy rule"),
    ("Employees may not spread false rumours about the company.",
     "nlra.false_statements", GC_15_04 + ", false-statement rules without malice"),
    ("Always be positive when you talk about the company online.",
     "nlra.civility", GC_15_04 + ", civility rules"),
    ("Do not post anything inappropriate or controversial.",
     "nlra.civility", GC_15_04 + ", rules on 'inappropriate' posts"),
    ("Do not speak to reporters about the company without approval from HR.",
     "nlra.media", GC_15_04 + ", media contact rules"),
    ("Employees are not allowed to give interviews to the press.",
     "nlra.media", GC_15_04 + ", media contact rules"),
    ("Do not contact government agencies about workplace matters without telling HR.",
     "nlra.government", "NLRA sections 7 and 8(a)(4); " + GC_15_04),
    ("Employees must not report safety problems to OSHA before raising them internally.",
     "nlra.government", "NLRA section 7; OSH Act section 11(c)"),
    ("Check with your supervisor before you post anything about work.",
     "nlra.approval", OM_12_31 + ", prior-permission rules"),
    ("Posts that mention the company require prior approval from marketing.",
     "nlra.approval", OM_12_31 + ", prior-permission rules"),
    ("Never use the company logo.",
     "nlra.logo", GC_15_04 + ", logo and trademark rules"),
    ("Ask marketing before using our name or logo.",
     "nlra.logo", "Pepsi Bottling Group advice memo (2012) as summarised in " + GC_15_04),
    ("Staff must keep all internal communications private.",
     "nlra.confidentiality", GC_15_04 + ", rules on 'internal' matters"),
    ("Keep your posts positive about the company.",
     "nlra.civility", GC_15_04 + ", rules demanding a positive tone"),
    ("Do not post photos of the office without approval.",
     "nlra.approval", "Whole Foods Market, 363 NLRB No. 87 (2015), recording rules"),
    ("It is a violation of policy to record any conversation at work.",
     "nlra.recording", "Whole Foods Market, 363 NLRB No. 87 (2015), recording rules"),
    ("No cameras or filming anywhere on company property.",
     "nlra.recording", "Whole Foods Market, 363 NLRB No. 87 (2015), recording rules"),
    ("Do not friend or follow your coworkers on social media.",
     "nlra.coworker_contact", "Stericycle, 372 NLRB No. 113 (2023), rules on staff contact"),
    ("Messaging colleagues about work outside your shift is not permitted.",
     "nlra.coworker_contact", "Stericycle, 372 NLRB No. 113 (2023), rules on staff contact"),
    ("Bring complaints about work to your manager before posting about them online.",
     "nlra.internal_first", GC_15_04 + ", rules requiring internal resolution"),
    ("Do not air workplace grievances on social media.",
     "nlra.internal_first", OM_12_59 + ", rules against airing grievances online"),
]

# Lawful rules that name specific conduct; at most two may be flagged (see the test).
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


def rules_flagging(text: str, facts: CheckFacts | None = None, **kwargs) -> set[str]:
    return {f.rule for f in check_text(text, facts, **kwargs) if f.at_least("warning")}


@pytest.mark.parametrize(("text", "rule", "source"), FLAGGED, ids=[r for _, r, _ in FLAGGED])
def test_risky_rule_is_flagged(text, rule, source):
    assert rule in rules_flagging(text), f"not flagged ({source}): {text}"


def test_lawful_rules_are_rarely_flagged():
    """The learned model makes some false alarms (measured in the accuracy bench); on these
    lawful rules, written before the model and never trained on, it may make at most two."""
    flagged = {text: rules_flagging(text) for text, _ in LAWFUL}
    false_alarms = {text: rules for text, rules in flagged.items() if rules}
    assert len(false_alarms) <= 2, false_alarms


def test_every_keyword_family_has_two_flagged_examples():
    families = [family for family, _ in RULES if family.startswith("nlra.")]
    assert all(sum(r == family for _, r, _ in FLAGGED) >= 2 for family in families)


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_every_safer_wording_passes_the_check_itself(family):
    assert rules_flagging(family.safer) == set(), family.safer


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_every_finding_says_why_and_on_what_current_authority(family):
    assert family.severity in ("info", "warning", "error")
    assert 1 <= family.reason.count(".") <= 3 and family.authority
    assert "15-04" not in family.authority and "12-31" not in family.authority


def test_the_company_name_counts_as_the_employer():
    text = "Do not criticise Northwind Analytics online."
    assert "nlra.disparagement" in rules_flagging(text, company_name="Northwind Analytics LLC")


NAMING_THE_COMPANY = [
    "Never say anything negative about Larkspur online.",
    "Do not criticise Larkspur or its managers on social media.",
    "Keep everything about Larkspur private.",
    "Do not talk to reporters about Larkspur.",
    "Don't post anything that makes Larkspur look bad.",
    "You may not use the Larkspur logo in any post.",
    "Employees must not disparage Larkspur, its owners or its staff.",
]


@pytest.mark.parametrize("text", NAMING_THE_COMPANY)
def test_a_rule_naming_the_company_is_read_as_one_about_the_employer(text):
    """An owner writes the business's name where our rules say "the company": the check
    finds the same whichever is written (the rules and the learned model alike)."""
    named = check_text(text, company_name="Larkspur Ltd")
    assert [f.rule for f in named] == [f.rule for f in check_text(
        text.replace("Larkspur", "the company"))]
    assert all(f.excerpt == text for f in named)  # quoted as the owner wrote it


@pytest.mark.parametrize(("text", "name", "read"), [
    ("Never say anything negative about Larkspur online.", "Larkspur Dental",
     "Never say anything negative about the company online."),
    ("Do not post Blue Sky prices.", "Blue Sky Plumbing LLC", "Do not post the company prices."),
    ("Larkspur staff may post.", "Larkspur Dental", "Larkspur staff may post."),  # first word
    ("First, never post in anger.", "First Choice Bakery", "First, never post in anger."),
    ("Keep everything about northwind private.", "Northwind Ltd",
     "Keep everything about the company private."),
])
def test_the_first_words_of_a_longer_name_are_the_company_too(text, name, read):
    from smpolicy_desktop.checks.language import as_the_company

    assert as_the_company(text, name) == read


@pytest.mark.parametrize(("text", "rule"), [
    ("Don't tell anyone outside the team what you make here.", "nlra.pay"),
    ("You may not criticise your shift lead in any online forum.", "nlra.disparagement"),
    ("If you have a problem with your job, talk to your manager, not Facebook.",
     "nlra.internal_first"),
    ("Check with HR before you contact any government agency about work.", "nlra.government"),
    ("Ask your manager first before you talk to a reporter.", "nlra.media"),
])
def test_rules_in_plain_words_are_caught_by_what_they_do(text, rule):
    """Owners write rules without the words a lawyer would: what a rule does (keeps pay
    quiet, sends complaints to a manager instead of the internet, asks leave before an agency)
    is what the keyword rules read."""
    assert rule in [f.rule for f in check_text(text)]


@pytest.mark.parametrize("text", [
    "If a customer has a problem, tell your manager first.",
    "Report any security problem to your manager first.",
    "Ask your manager before you speak to the press on behalf of the company.",
])
def test_everyday_instructions_in_the_same_words_are_not_flagged(text):
    assert not any(f.area == "nlra" and f.at_least("warning") for f in check_text(text))


@pytest.mark.parametrize("text", ["Keep pay rates to yourself.",
                                  "Keep your salary private.",
                                  "Keep your compensation to yourself."])
def test_keeping_pay_to_yourself_is_a_pay_secrecy_rule(text):
    assert [f.rule for f in check_text(text)] == ["nlra.pay"]


@pytest.mark.parametrize("text", ["Keep patients' billing and benefits details private.",
                                  "Keep clients' pay-roll data and bank details confidential."])
def test_keeping_others_records_private_is_not_pay_secrecy(text):
    assert "nlra.pay" not in [f.rule for f in check_text(text)]


def test_safer_wording_keeps_the_company_name_as_written():
    # not "Follow Larkspur on LinkedIn": a duty to follow the employer's account is itself
    # risky under some account privacy laws (820 ILCS 55/10: "join an online account
    # established by the employer")
    [finding] = check_text("Visit the Larkspur website; keep everything about Larkspur private.",
                           company_name="Larkspur Ltd")
    assert finding.suggestion.startswith("Visit the Larkspur website. ")


def test_the_flagged_sentence_is_quoted_from_the_original_text():
    text = "Post about your hobbies when you like. Never say anything negative about the bosses!"
    [finding] = check_text(text)
    assert finding.excerpt == "Never say anything negative about the bosses!"


def test_semicolons_and_questions_do_not_split_a_rule():
    [finding] = check_text("Questions about pay? Do not discuss them with coworkers; ask HR.")
    assert finding.rule == "nlra.pay"
    assert finding.excerpt == "Questions about pay? Do not discuss them with coworkers; ask HR."


@pytest.mark.parametrize("text", [
    "From 9 a.m. to 5 p.m. on weekdays, employees may not discuss their pay with coworkers.",
    "Unless Ms. Ortiz in HR says so, employees may not discuss their pay with coworkers.",
    "Employees may not discuss pay, e.g. salaries or bonuses, with coworkers.",
])
def test_abbreviations_do_not_end_a_rule(text):
    """A full stop in "a.m.", "Ms." or "e.g." is no sentence's end: the finding quotes the whole
    rule (not "on weekdays, employees may not..."), and no piece of it is checked on its own."""
    [finding] = check_text(text)
    assert (finding.rule, finding.excerpt) == ("nlra.pay", text)


def test_safer_wording_keeps_a_list_whole():
    """", and" that ends a list is no clause break: the safer wording read "Post photos of our
    cakes, cookies. Pies whenever you like." """
    [finding] = check_text("Post photos of our cakes, cookies, and pies whenever you like, and "
                           "never discuss your pay with coworkers.", GENERAL)
    assert finding.suggestion.startswith(
        "Post photos of our cakes, cookies, and pies whenever you like. You are free to talk")


def test_opening_hours_are_not_checked_piece_by_piece():
    """"to 2 p.m. on Thanksgiving." read alone was flagged as a Regulation FD rule."""
    assert check_text("Holiday hours: 6 a.m. to 2 p.m. on Thanksgiving.") == []


@pytest.mark.parametrize("text", ["Next review: May 30, 2027.",
                                  "Our anniversary sale starts May 10.",
                                  "Post the spring photos before May 20."])
def test_a_date_in_may_grants_nothing(text):
    """"May 30" is a date, not "may" the permission: read as one, these were flagged (a review
    reply, a review incentive, patient content)."""
    assert check_text(text) == []


@pytest.mark.parametrize("text", [
    "Tag us in your kitchen remodel photos with #OakRidgeBuilds!",
    "Our bakery is closed on Mondays so the team can rest.",
    "New customers can reset their loyalty card PIN at the front counter.",
    "Follow our page for weekly specials and new arrivals.",
    # A known false alarm since the retrain with set Z (6 Dec 2026), every area checked: the
    # new rows' patient photos taught the model "a picture ... in the comments" as a patient's
    # photo. Kept, as the retrain made fewer errors on both sets it never saw (README); a
    # business outside health care is not checked for HIPAA at all.
    pytest.param("Share a picture of your dog's new haircut in the comments!",
                 marks=pytest.mark.xfail(strict=True, reason="read as a patient's photo by the "
                                                             "model retrained on set Z")),
    "Ask Priya at the front desk if the printer jams again.",
])
def test_an_ordinary_sentence_of_the_business_is_no_rule(text):
    """Sentences of a business's life that no law objects to, written for this test (in no
    training file): the first four were flagged before the model read whether a sentence is a
    rule at all (an undisclosed endorsement, insider reviews, review suppression, fake
    indicators), on words they share with risky rules."""
    assert check_text(text) == []


@pytest.mark.parametrize("text, area", [
    ("Customers who leave us a five-star review get a free pastry on their next visit.", "ftc"),
    ("We only publish the good reviews on our website and delete the rest.", "ftc"),
    ("Advisers text clients about their accounts from their personal WhatsApp.", "finance"),
    ("Nobody here talks about what they earn with coworkers.", "nlra"),
    ("Tell your friends about our earnings before the quarterly report comes out.", "reg_fd"),
])
def test_a_risky_practice_told_as_a_fact_is_still_a_rule(text, area):
    """What the business does, told as a plain statement, is a practice: the learned model
    (not only the keyword rules) reads it as risky, its rule gate letting it through."""
    assert area in model().risky_areas(text)


@pytest.mark.parametrize("text", [
    "Nobody here will hold it against you if you talk about your pay.",
    "You can talk about your hours with coworkers, and you won't be punished for it.",
    "No one at the company will treat you differently for discussing wages.",
])
def test_a_promise_not_to_retaliate_is_no_rule(text):
    """"Nobody will hold it against you" binds the company, not the staff: it was read as a
    pay secrecy rule ("nobody" a ban, "pay" its subject)."""
    assert rules_flagging(text) == set()


@pytest.mark.parametrize("text", [
    "Nobody may discuss their pay with coworkers.",
    "Do not discuss pay with coworkers; nobody will punish you for asking HR.",
])
def test_a_ban_beside_a_promise_is_still_a_ban(text):
    assert "nlra.pay" in rules_flagging(text)


@pytest.mark.parametrize("text", [
    "You may post about your job, including what you think of how we run things.",
    "Sharing your own wage information with anyone is always allowed.",
    "Staff may criticise management online.",
    "Feel free to review us on Glassdoor, good or bad.",
    "You never need a manager's permission to talk to the labor board.",
    "Talking to a union organizer never needs anyone's okay.",
    "Speak to the labor board whenever you like, without notice to or approval from anyone.",
    "Nothing in this policy limits your right to discuss wages with coworkers.",
])
def test_a_freedom_granted_to_staff_is_no_labour_law_rule(text):
    """Protective guidance in a rule's words: the model read the first two as a confidentiality
    and a pay secrecy rule ("unlawful on its face"), the keyword rules the next three as rules
    on contacting the government or on pay ("permission", "approval", "union")."""
    assert rules_flagging(text) == set()


@pytest.mark.parametrize("text", [
    "Staff who run payroll may not share the salary records they see as part of their job.",
    "HR assistants must not pass on the personnel files they handle in their role.",
])
def test_a_rule_on_records_seen_only_in_the_job_is_lawful(text):
    """Staff may talk about their own and their coworkers' pay, but not hand out the records
    they see only through their duties (Centura, NLRB Division of Advice, 2019): the keyword
    rules read these as pay secrecy and a confidentiality rule."""
    assert rules_flagging(text) == set()


@pytest.mark.parametrize("text", [
    "Payroll staff may not disclose the pay records they handle in their job, and nobody may "
    "discuss wages.",
    "Employees may not discuss their pay; payroll staff may not disclose the pay records they "
    "handle in their job.",
    "Do not discuss wages you learn about on the job.",
])
def test_a_pay_ban_beside_a_rule_on_records_is_still_a_pay_ban(text):
    assert "nlra.pay" in rules_flagging(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("You may post about your job only after your manager approves it.", "nlra.approval"),
    ("Staff may criticise management online as long as they stay positive.", "nlra.civility"),
    ("Employees may discuss pay with HR but not with coworkers.", "nlra.pay"),
    ("You may talk to reporters about work if you clear it with the owner first.", "nlra.media"),
    ("You never need permission to post about work, but never criticise management online.",
     "nlra.disparagement"),
    ("Contacting the labor board is optional, but you must tell your manager first.",
     "nlra.government"),
    ("You do not need approval to talk to reporters, unless you discuss confidential company "
     "information.", "nlra.media"),
])
def test_a_freedom_with_a_limit_is_still_read_as_a_rule(text, rule):
    assert rule in rules_flagging(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Staff may text clients about firm business from their personal phones.",
     "finance.off_channel"),
    ("Employees may trade our shares while they know about a merger that has not been "
     "announced.", "regfd.trading"),
])
def test_outside_labour_law_a_permission_can_be_the_harm(text, rule):
    facts = CheckFacts(country="US", industry="financial_services", publicly_traded=True)
    assert rule in rules_flagging(text, facts)


def test_no_us_labour_law_finding_outside_the_us():
    assert rules_flagging("Never discuss your salary.", CheckFacts(country="GB")) == set()
    assert rules_flagging("Never discuss your salary.", CheckFacts(country="US")) == {"nlra.pay"}


def test_sector_rules_follow_the_industry_and_listing():
    reply = "Reply to patient reviews with details of their visit."
    assert "hipaa.review_reply" in rules_flagging(reply, HEALTH)
    assert rules_flagging(reply, CheckFacts(country="US", industry="retail_consumer")) == set()
    early = "Share important company news before we announce it to everyone."
    assert "regfd.selective" in rules_flagging(early, CheckFacts(publicly_traded=True))
    assert rules_flagging(early, CheckFacts(publicly_traded=False)) == set()


def test_a_state_without_an_account_privacy_law_still_gets_a_warning():
    demand = "You must give us your Instagram password if asked."
    [in_california] = check_text(demand, CheckFacts(country="US", state="US-CA"))
    [in_texas] = check_text(demand, CheckFacts(country="US", state="US-TX"))
    assert (in_california.severity, in_texas.severity) == ("error", "warning")


# (sentence mixing a lawful and a risky part, the family, words of the lawful part that must
# survive the safer wording) - one per area and for the list rules of the labour-law families.
MIXED = [
    ("Never share client files, trade secrets or your salary.", "nlra.pay", HEALTH,
     ["client files", "trade secrets"]),
    ("Do not post customer card numbers, and do not criticise managers online.",
     "nlra.disparagement", GENERAL, ["customer card numbers"]),
    ("Do not harass anyone, and never talk to reporters.", "nlra.media", GENERAL, ["harass"]),
    ("Keep client data safe, and get your manager's approval before posting about work.",
     "nlra.approval", GENERAL, ["client data"]),
    ("Do not threaten anyone online; take complaints to your manager, not the internet.",
     "nlra.internal_first", GENERAL, ["threaten"]),
    ("Thank every reviewer, and reply to bad reviews with the details of the patient's visit.",
     "hipaa.review_reply", HEALTH, ["thank every reviewer"]),
    ("Reply to every review within two days, and customers who leave a 5-star review get 10% "
     "off.", "ftc.review_incentive", None, ["reply to every review"]),
    ("Record every client call on the office line, and advisers may text clients from their "
     "personal phones.", "finance.off_channel", CheckFacts(industry="financial_services"),
     ["record every client call"]),
    ("Protect the company account passwords, and you must give us your Instagram password if "
     "asked.", "account.access", None, ["company account passwords"]),
]


@pytest.mark.parametrize(("text", "family", "facts", "kept"), MIXED)
def test_safer_wording_keeps_the_lawful_part(text, family, facts, kept):
    facts = facts or CheckFacts()
    finding = next(f for f in check_text(text, facts) if f.rule == family)
    for words in kept:
        assert words.lower() in finding.suggestion.lower(), finding.suggestion
    assert rules_flagging(finding.suggestion, facts) == set(), finding.suggestion


@pytest.mark.parametrize("text", [
    "guys dont discuss ur wages w each other, its private",
    "Please don't talk about pay with one another, it stays between you and HR.",
])
def test_safer_wording_keeps_nothing_that_reads_risky_together(text):
    """Parts each lawful alone can make the risky rule again: the safer wording offered was
    "Hey team pls dont talk about ur pay with each other or its private. You are free to talk
    about your pay..." (found by a tester)."""
    [finding] = [f for f in check_text(text, CheckFacts()) if f.rule == "nlra.pay"]
    assert rules_flagging(finding.suggestion, CheckFacts()) == set(), finding.suggestion
    assert finding.suggestion == FAMILIES["nlra.pay"].safer


def test_patient_stories_need_written_authorisation_in_health_care():
    story = "Share patient success stories from our clinic."
    assert "hipaa.patient_content" in rules_flagging(story, HEALTH, )
    assert rules_flagging(story, CheckFacts(industry="general_b2b")) == set()


def test_the_company_may_restrict_its_own_speech():
    # What the company's own accounts never publish is the company's choice, not a rule
    # that reaches employees.
    from smpolicy_desktop.checks.detect import flagged_families

    assert flagged_families("We never post negative comments about competitors or staff.",
                            CheckFacts(), company_speech=True) == []


def test_the_safer_wording_a_us_business_is_offered_is_in_us_spelling():
    """The check speaks only to US businesses, whose policy is in US spelling: a safer wording
    applied must not put 'criticise' into it, nor a reason say 'labour board'."""
    from smpolicy_desktop.render import UK_SPELLING

    finding = check_text("Never post anything negative about your manager.", CheckFacts("US"))[0]
    assert "criticize how we run our workplace" in finding.suggestion
    british = re.compile(r"\b(" + "|".join(UK_SPELLING.values()) + r")\b", re.I)
    assert [(f.id, british.findall(f.safer + f.reason)) for f in FAMILIES.values()
            if british.search(f.safer + f.reason)] == []


@pytest.mark.slow
def test_a_labelled_rule_in_new_names_is_read_by_the_rules_most_like_it():
    """The model's neighbours: a rule the corpus labels unlawful, with a name the corpus never
    had, is voted unlawful in its area by the labelled sentences most like it; sentences that
    differ only in such words get the same vote."""
    from smpolicy_desktop.checks.model import model

    learned = model()
    rules = [p for p in learned.precedents if p.verdict == "unlawful"]
    voted = [p for p in rules if learned.votes(f"{p.text} Zanthor").get(p.area, 0.0) >= 0.5]
    assert len(voted) >= 0.9 * len(rules)
    assert learned.votes("Client contract 12") == learned.votes("Client contract 4031")


def test_the_shipped_neighbours_index_is_what_the_labelled_sentences_read_as_today():
    """The model ships its neighbours' index (model.neighbour_index, written by train.py) so
    that it loads in a fraction of the second it took to read every labelled sentence again.
    When what the model reads of a sentence changes (model.features, concepts.py), the index
    is due again: `.venv/bin/python tests/data/corpus/train.py --index`."""
    import gzip
    import json

    from smpolicy_desktop.checks.model import MODEL_FILE, neighbour_index
    from smpolicy_desktop.resources import resource_path

    shipped = json.loads(gzip.decompress(resource_path(*MODEL_FILE).read_bytes()))
    assert shipped["index"] == neighbour_index(shipped["precedents"], shipped["ours"]), (
        "the model's index is stale: run .venv/bin/python tests/data/corpus/train.py --index")


# Rules no keyword rule catches, in words of our own: the model finds them, and names their kind.
MODEL_ONLY = [
    ("Company matters stay inside the company, not on Facebook.", GENERAL,
     "nlra.confidentiality"),
    ("Don't say anything online that makes people doubt the owners.", GENERAL,
     "nlra.disparagement"),
    ("Whatever you earn is between you and the payroll office.", GENERAL, "nlra.pay"),
    ("Influencers we send free samples to can keep quiet about getting them.", GENERAL,
     "ftc.endorsement_disclosure"),
    ("Share the story of a patient's recovery on our page; no need to ask her.", HEALTH,
     "hipaa.patient_content"),
]


@pytest.mark.parametrize(("text", "facts", "kind"), MODEL_ONLY)
def test_a_finding_names_the_kind_of_rule_the_labelled_rules_most_like_it_are(text, facts,
                                                                             kind):
    """The kind (and so the reason) comes from the area's unlawful rules most like the
    sentence, rare words counting most: "employees may not" is in rules of every kind and does
    not make a pay rule read as a logo rule."""
    from smpolicy_desktop.checks.detect import flagged_families

    assert not any(test(sentences(text)[0]) for _, test in RULES)
    assert kind in {f.id for f, _ in flagged_families(text, facts)}


def test_a_quoted_precedent_is_always_of_the_findings_own_kind():
    """"This reads like the rule found unlawful in ..." quotes a rule of the kind the finding
    names, never the nearest rule of another kind."""
    from smpolicy_desktop.checks.detect import flagged_families
    from smpolicy_desktop.checks.model import model

    texts = [text for text, *_ in FLAGGED + MODEL_ONLY]
    texts += [p.text for p in model().precedents if p.verdict == "unlawful"][::7]
    quoted = [(family.id, precedent.family) for text in texts
              for family, precedent in flagged_families(text, CheckFacts("US"))
              if precedent is not None]
    assert len(quoted) > 20
    assert [pair for pair in quoted if pair[0] != pair[1]] == []


@pytest.mark.parametrize("text", [
    "You never have to show us your personal profiles.",
    "We will not announce results to analysts before the public release.",
    "We never share quarterly numbers with anyone before the press release.",
    "We never hide negative reviews.",
])
def test_a_safeguard_the_company_promises_is_not_a_rule(text):
    """The company promising restraint, or telling staff what they never have to do, is the
    safe side of a sector rule, whatever the model makes of its words."""
    facts = CheckFacts("US", industry="financial_services", publicly_traded=True)
    assert check_text(text, facts) == []


@pytest.mark.parametrize("text", [
    "Use of WhatsApp, Signal or iMessage for client business is prohibited.",
    "Client messages on personal phones are not permitted.",
    "Texting clients on WhatsApp is not allowed.",
    "Asking employees for their personal social media passwords is prohibited.",
    "Requiring applicants to friend a manager on Facebook is not permitted.",
    "Giving analysts earnings numbers before the press release is prohibited.",
    "Posting photos of patients, their charts or their rooms is strictly forbidden.",
])
def test_a_ban_written_after_its_act_is_the_safe_side(text):
    """"X is prohibited" forbids X as "never X" does: the owner's own compliance rule was
    reported as the thing it bans, at error level (found by a tester)."""
    facts = CheckFacts("US", industry="financial_services", publicly_traded=True,
                       state="US-CA")
    assert check_text(text, facts) == [] == check_text(text, CheckFacts(
        "US", industry="health_care", state="US-CA"))


@pytest.mark.parametrize(("text", "flagged"), [
    ("Company social media accounts belong to the company; staff who manage them must hand "
     "over the logins when they leave.", False),
    ("Staff who run our TikTok account must sign in with the company email, not a personal "
     "login.", False),
    ("Hand over the logins to your personal accounts when you leave.", True),
    ("You must give us the password to your own Instagram account.", True),
])
def test_a_rule_on_the_business_s_own_accounts_is_no_demand_for_personal_ones(text, flagged):
    """State account-privacy laws leave the employer's own accounts alone; such rules were
    reported as demands for personal logins (found by a tester)."""
    found = check_text(text, CheckFacts("US", state="US-CA", industry="retail_consumer"))
    assert ("account.access" in {f.rule for f in found}) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Anyone who reviews us on Google, positive or negative, gets a free dessert.", False),
    ("Every customer who posts a review gets 5% off, whatever the rating.", False),
    ("We give every reviewer a $5 coupon whether the review is positive or negative.", False),
    ("Customers who leave us five stars on Google get a free dessert.", True),
])
def test_a_reward_for_any_review_whatever_it_says_is_allowed(text, flagged):
    """16 CFR 465.4 bans rewards conditioned on what a review says; "a $5 coupon to anyone
    who leaves a review, good or bad" was reported as buying only positive ones (a tester)."""
    found = check_text(text, CheckFacts("US", industry="retail_consumer"))
    assert ("ftc.review_incentive" in {f.rule for f in found}) == flagged
    assert "nlra.civility" not in {f.rule for f in found}  # "is positive or negative": no demand


def test_a_gag_on_the_sec_needs_a_report_an_agency_or_someone_outside():
    """A rule on posting about the business was reported as impeding reports to the SEC under
    Rule 21F-17 (found by a tester)."""
    facts = CheckFacts("US", industry="retail_consumer")
    posting = ("You must get approval from the owner before posting anything that mentions the "
               "restaurant.")
    assert "regfd.whistleblower" not in {f.rule for f in check_text(posting, facts)}
    reporting = "Employees must not report concerns to the SEC without first going through legal."
    assert "regfd.whistleblower" in {f.rule for f in check_text(reporting, facts)}
    # a gag on every disclosure, naming no agency, is one too (the SEC's KBR order, 2015)
    gag = ("Employees interviewed in an internal investigation may not discuss the matter with "
           "any outside party without prior approval of the Legal Department.")
    assert "regfd.whistleblower" in {f.rule for f in check_text(gag, facts)}


def test_a_knowing_falsehood_is_lawful_to_ban_however_it_is_said():
    """Board law lets a rule ban knowingly false statements; "deliberately" alone is no such
    limit (test below), but "that you know are lies" is."""
    assert check_text("Don't post things about coworkers that you know are lies.",
                      CheckFacts("US")) == []


@pytest.mark.parametrize("text", [
    "Discussing wages with coworkers is prohibited.",
    "Staff must not discuss their salaries with one another, deliberately or accidentally.",
    "Employees may not, whether deliberately or by accident, talk about their pay.",
])
def test_a_labour_rule_stays_a_rule_however_it_is_worded(text):
    """Written after its act, or with "deliberately" (which is no knowing falsehood), a ban on
    pay talk is still one ("deliberately or accidentally" hid it)."""
    assert "nlra.pay" in {f.rule for f in check_text(text, CheckFacts("US"))}


@pytest.mark.parametrize("text", [
    "Managers must not ask staff to log in to their personal accounts at work.",
    "Supervisors will not follow staff on personal accounts, and staff never have to accept "
    "their requests.",
    "Never post a photo of a patient, even with their face hidden.",
    "Do not offer customers a discount in exchange for a five-star review.",
    "Do not text clients from WhatsApp or any other app the firm does not archive.",
    "Log every client text in the firm's archive.",
    "Staff who hear about a deal before it is announced may not buy or sell our shares until it "
    "is public.",
    "Team members who work on our quarterly numbers must never share them with friends or "
    "family before we publish them.",
])
def test_a_rule_against_the_harm_itself_is_not_flagged(text):
    """Outside labour law a rule that stops managers asking for access, or forbids the act a
    sector law is about, protects: every sector checked, none of these has a finding (each
    had one)."""
    assert check_text(text, CheckFacts("US", publicly_traded=True)) == []


@pytest.mark.parametrize(("text", "rule"), [
    ("You do not have to say that we gave you the product for free.",
     "ftc.endorsement_disclosure"),
    ("Employees are not required to disclose that they work here when they post reviews.",
     "ftc.insider_reviews"),
    ("Brand partners should never label their posts as sponsored.", "ftc.endorsement_disclosure"),
    ("Do not report concerns to the SEC before talking to legal.", "regfd.whistleblower"),
    ("Advisers do not need to archive their texts with clients.", "finance.off_channel"),
    ("Once an employee installs the approved messaging app, we assume their messages are "
     "archived and do not check.", "finance.off_channel"),
    ("Customers agree that the terms of this contract shall not be made public, including in "
     "online reviews.", "ftc.review_suppression"),
])
def test_a_rule_that_keeps_back_a_disclosure_or_a_control_is_still_flagged(text, rule):
    """Worded as a promise or a ban, a rule that spares staff a disclosure, a report to the
    authorities or a record the law requires keeps its finding."""
    assert rule in {f.rule for f in check_text(text, CheckFacts("US", publicly_traded=True))}


@pytest.mark.parametrize(("text", "rule"), [
    ("We never mention that our reviewers were paid.", "ftc.endorsement_disclosure"),
    ("We do not let advisers keep client texts on the firm's archive; use WhatsApp.",
     "finance.off_channel"),
])
def test_a_rule_in_the_companys_voice_is_still_a_rule(text, rule):
    facts = CheckFacts("US", industry="financial_services", publicly_traded=True)
    assert rule in {f.rule for f in check_text(text, facts)}


@pytest.mark.parametrize("text", [
    "Reply to every review with something like 'Thank you for telling us; please call our "
    "office manager so we can help.'",
    'Answer complaints with a line such as "We are sorry; please message us privately so we '
    'can help."',
])
def test_a_quoted_example_is_read_whole_not_as_rules_of_its_own(text):
    """A quotation's ";" does not split it into clauses checked on their own: the example
    reply's "please call our office manager" was read as a demand for account access."""
    assert check_text(text, CheckFacts("US", publicly_traded=True)) == []


@pytest.mark.parametrize(("text", "rule"), [
    ("We do not archive texts with clients.", "finance.off_channel"),
    ("We never keep copies of messages advisers send from their phones.", "finance.off_channel"),
    ("Erase investor emails once a deal closes.", "finance.off_channel"),
    ("We do not get consent before sharing patient stories on Instagram.",
     "hipaa.patient_content"),
])
def test_a_promise_to_skip_a_control_the_law_requires_is_flagged(text, rule):
    """Negated, it reads like restraint; what is skipped is the record or the patient's
    authorization the law requires (none of these had a finding)."""
    assert rule in {f.rule for f in check_text(text, CheckFacts("US", publicly_traded=True))}


@pytest.mark.parametrize("text", [
    "Texts with clients go through the archived texting app.",
    "We never post patient photos without written authorization.",
    "We do not monitor your personal accounts.",
    # the written authorization HIPAA asks for, in other words (found by a tester)
    "Patient photos may go on our page only with the patient's signed authorisation.",
    "A patient's story is shared only once the patient signs our release form.",
])
def test_keeping_the_control_is_not_flagged(text):
    assert check_text(text, CheckFacts("US", publicly_traded=True)) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("Reach clients on WhatsApp when it is quicker.", "finance.off_channel"),
    ("We keep no copies of client texts; use your own phone.", "finance.off_channel"),
    ("Never use WhatsApp for client business.", None),
    ("Text clients only from the firm's app, not your own phone.", None),
    ("Use a personal email address to register the page.", None),
    ("You do not have to say the product was free.", "ftc.endorsement_disclosure"),
    ("We never mention that our reviewers were paid.", "ftc.endorsement_disclosure"),
    ("Staff need not mention that they work here when they review us on Yelp.",
     "ftc.insider_reviews"),
    ("Always say you were paid when you review a product.", None),
    ("Do not post a review without saying you work here.", None),
    ("Never tell a customer what a coworker is paid.", None),
])
def test_a_keyword_rule_reads_what_a_sector_rule_sends_or_keeps_back(text, kind):
    """Client business sent to a chat app or one's own phone, and a post or review that need
    not say who paid for it or who wrote it, are caught by what they do; the same words in a
    ban or a duty are not."""
    fired = {family for family, test in RULES
             if family.startswith(("finance.", "ftc.")) and test(sentences(text)[0])}
    assert fired == ({kind} if kind else set())


# Found by a tester who wrote rules as owners do (none of these sentences is theirs).
@pytest.mark.parametrize(("text", "rule"), [
    # contractions typed without the apostrophe
    ("Dont discuss your salary with other staff.", "nlra.pay"),
    ("Youre not allowed to speak to journalists about work.", "nlra.media"),
    ("Employees shouldnt talk to the labor board without checking with me.", "nlra.government"),
    # a lawful clause no longer hides an unlawful one beside it
    ("Threats against coworkers are prohibited, and so is complaining about management online.",
     "nlra.disparagement"),
    # ", but" with a new subject and its modal opens a clause of its own
    ("We will never ask for your personal login details, but your supervisor must be allowed to "
     "follow your Instagram.", "account.access"),
])
def test_an_owners_rule_is_read_as_written(text, rule):
    assert rule in {f.rule for f in check_text(text, CheckFacts("US", "US-CA"))}


@pytest.mark.parametrize("text", [
    # titles name a topic and state no rule
    "Employee Social Media Policy",
    "PERSONAL ACCOUNTS AND PASSWORDS",
    # rights and promises stated, with no rule beside them
    "Nothing in this policy prevents you from filing a complaint with the EEOC or any other "
    "agency.",
    "You do not need to notify us before you speak with a government agency.",
    "We will never retaliate against an employee who declines to share a social media password.",
    # a clause that speaks of the others by a pronoun keeps the sentence's lawful subject
    "Do not harass coworkers online, and do not post anything that demeans them.",
    # an account used for the business is no personal account under the states' laws
    "Advisers must tell compliance about each social media account they use for business.",
    # what follows a breach of the policy, with no act named: no rule of its own
    "Anyone who ignores these rules will be fired immediately.",
    "Workers who disregard these guidelines will be dismissed without warning.",
    # the business's own recipes, and its own page on a platform, are the employer's to guard
    "Team members may not share the bakery's recipes online.",
    "Please don't use the gym's TikTok for your own videos.",
])
def test_a_title_or_a_protection_is_no_risky_rule(text):
    assert check_text(text, CheckFacts("US", "US-CA", publicly_traded=True)) == []


@pytest.mark.parametrize(("text", "rule"), [
    # a breach named beside an act: the act is read
    ("Breaking this policy by posting about your wages will get you fired.", "nlra.pay"),
    # recipes beside staff's pay are no lawful list
    ("Do not post our recipes or anything about your wages.", "nlra.pay"),
])
def test_a_rule_beside_a_consequence_or_a_secret_is_still_read(text, rule):
    assert rule in {f.rule for f in check_text(text, GENERAL)}


def test_a_rule_written_as_a_title_is_still_read():
    assert "nlra.pay" in {f.rule for f in check_text("Never Share Your Pay", GENERAL)}


def test_safer_wording_keeps_the_lawful_items_of_a_list_beside_a_ban_on_talk_of_pay():
    """The pay sentence alone replaced "Employees shall not disclose customer lists, pricing
    formulas or the wages of any employee." (found by a tester)."""
    [finding] = check_text("Staff must not disclose client lists, pricing models or anyone's "
                           "salary.", GENERAL)
    assert finding.rule == "nlra.pay"
    assert finding.suggestion.startswith("Staff must not disclose client lists or pricing "
                                         "models. ")


@pytest.mark.parametrize(("text", "kept"), [
    # a comma-spliced clause is no list item ("Post nobody will mind.")
    ("Share photos of patients' x-rays on our page, nobody will mind.", ""),
    # a clause that points back at the one taken out cannot stand alone ("Upload it to TikTok.")
    ("Take photos of patients at the front desk and share them with friends.", ""),
    ("Do not post client records, and share patient photos whenever you like.",
     "Do not post client records."),
])
def test_safer_wording_keeps_only_what_reads_whole(text, kept):
    [finding] = check_text(text, HEALTH)
    assert finding.suggestion == f"{kept} {FAMILIES[finding.rule].safer}".strip()


def test_criticism_is_read_as_criticism_not_as_secrets():
    """"Anything negative about the company" was a confidentiality finding too, and Apply on
    it put a confidentiality rule in the place of the ban on criticism (found by a tester)."""
    found = check_text("Never post anything negative about our company online.", GENERAL)
    assert [f.rule for f in found] == ["nlra.disparagement"]


def test_no_finding_cites_a_rule_its_tribunal_found_lawful():
    """"This reads like the rule found unlawful in K-Mart ...: rule found lawful by the Board"
    (found by a tester): a rule upheld under the standard of its day is evidence for a verdict
    under Stericycle, not a precedent a finding may name."""
    cited = [p.source for p in model().precedents if p.citable]
    assert cited and not [s for s in cited if re.search(r"found lawful|upheld", s)]


# Found by a tester who brought owners' own policies (none of these sentences is theirs).
@pytest.mark.parametrize("text", [
    # Rule 21F-17's own carve-out, in the words owners use
    "Staff may report suspected fraud to the SEC without telling their manager first.",
    "You do not need to inform the firm before you contact FINRA.",
    "Nothing in this policy stops you from contacting the SEC, and you need not tell us first.",
    # promises not to punish talk about pay, and rights respected
    "Managers must not retaliate against staff who compare salaries.",
    "We respect your right to discuss your pay and hours with anyone.",
])
def test_a_right_to_report_or_to_talk_about_pay_is_no_gag(text):
    facts = CheckFacts("US", industry="financial_services", publicly_traded=False)
    assert check_text(text, facts) == []


def test_a_gag_on_every_agency_at_a_financial_firm_is_a_gag_on_the_sec_too():
    facts = CheckFacts("US", industry="financial_services", publicly_traded=False)
    found = check_text("Brokers must not tell any government agency about problems they see "
                       "in client accounts.", facts)
    assert {"nlra.government", "regfd.whistleblower"} <= {f.rule for f in found}


def test_a_rule_on_trade_secrets_alone_is_lawful_and_one_with_pay_is_not():
    """"Employees shall not disclose trade secrets." was voted a confidentiality gag by the
    rules most like it (found by a tester)."""
    assert check_text("Employees shall not disclose trade secrets.", GENERAL) == []
    assert "nlra.pay" in {f.rule for f in check_text(
        "Employees shall not disclose trade secrets or anyone's salary.", GENERAL)}


def test_a_gag_on_the_sec_is_named_under_its_own_rule_where_reg_fd_does_not_apply():
    facts = CheckFacts("US", industry="financial_services", publicly_traded=False)
    [found] = [f for f in check_text("Staff must get the owner's approval before talking to "
                                     "the SEC about the firm.", facts)
               if f.rule == "regfd.whistleblower"]
    assert found.plain_severity() == "Likely unlawful under SEC Rule 21F-17"


FIRM = CheckFacts("US", industry="financial_services")


def keyword_rules_alone(text: str, facts: CheckFacts) -> set[str]:
    """The kinds of rule the keyword rules find in a sentence with a model that finds nothing
    (as on wording far from everything it learned from)."""
    from smpolicy_desktop.checks.detect import flagged_families
    from smpolicy_desktop.checks.model import Model, model

    shipped = model()
    blind = Model({"areas": {area: {"topic": {"bias": -30.0, "threshold": 0.5, "weights": {}},
                                    "risk": {"bias": -30.0, "threshold": 0.5, "weights": {},
                                             "vote": 2.0}}
                             for area in shipped.areas},
                   "rule": {"bias": -30.0, "threshold": 0.5, "weights": {}}, "precedents": [],
                   "ours": [], "index": {"postings": {}, "sizes": [], "counts": {}}})
    return {family.id for family, _ in flagged_families(text, facts, learned=blind,
                                                        precedents=False)}


@pytest.mark.parametrize(("text", "rule"), [
    # investments promoted in public, let out with no control, or returns promised
    ("Wealth advisers are free to host a weekly Twitch stream with their picks in growth "
     "stocks.", "finance.unsupervised"),
    ("Articles we reshare that praise our bond ladder need no compliance review.",
     "finance.unsupervised"),
    ("Go ahead and tell your LinkedIn followers that our dividend portfolio never loses "
     "money.", "finance.unsupervised"),
    ("Reps may promote our new annuity in a LinkedIn group and get approval after the fact.",
     "finance.unsupervised"),
    # client business on a personal channel, allowed or left unkept
    ("Hotmail is fine for client correspondence when the office server is down.",
     "finance.off_channel"),
    ("Signal threads with investors about their accounts are not archived and nobody needs to "
     "keep them.", "finance.off_channel"),
    # an adviser's endorsers and ratings without disclosure or oversight
    ("Affiliates we pay per funded account may describe our brokerage however they want.",
     "finance.testimonials"),
    ("Client testimonials from advisers' cousins can run on the website without disclosing "
     "the family tie.", "finance.testimonials"),
    ("Put our Top Adviser ranking on the homepage without the date it was awarded.",
     "finance.testimonials"),
])
def test_a_securities_firms_rule_that_lets_things_out_is_caught(text, rule):
    assert rule in {f.rule for f in check_text(text, FIRM)}
    assert rule in keyword_rules_alone(text, FIRM)


@pytest.mark.parametrize("text", [
    "Reps may post about our funds only after a principal approves the post.",
    "Posts about your weekend that never mention investing need no approval.",
    "Never discuss a client's portfolio on WhatsApp or from your personal phone.",
    "Client messages go through the firm's recorded line, so your personal number stays "
    "private.",
    "Testimonials may be used only with the disclosures the SEC requires.",
])
def test_a_securities_firms_control_is_no_finding(text):
    assert [f.rule for f in check_text(text, FIRM) if f.area == "finance"] == []
    assert not {rule for rule in keyword_rules_alone(text, FIRM) if rule.startswith("finance")}


def test_an_item_under_a_dont_heading_is_read_as_the_ban_it_is():
    """"Use personal accounts or chat apps for client business." under the quick guide's "Don't"
    read as an order to use them, once chat apps counted as a personal channel."""
    from smpolicy_desktop.checks.policy_check import check_document
    from smpolicy_desktop.document import Block, Document, Run

    def block(kind: str, text: str) -> Block:
        return Block(kind, (Run(text),), "quick_guide.dont")

    items = ["Text clients from your own phone.", "Use WhatsApp for client orders."]
    for heading, found in (("Don\u2019t", []), ("Do", ["finance.off_channel"] * 2)):
        document = Document("full", "Policy", "Acme", "", True,
                            (block("heading2", heading), *(block("bullet", i) for i in items)))
        assert [f.rule for f in check_document(document, FIRM)] == found


LISTED = CheckFacts("US", publicly_traded=True)


@pytest.mark.parametrize(("text", "rule"), [
    # a gate on going to the SEC other than a ban: leave asked, or the company told
    ("Telling the SEC about accounting problems requires approval from the CFO.",
     "regfd.whistleblower"),
    ("If a regulator such as the SEC calls you, notify legal afterwards.", "regfd.whistleblower"),
    # price-moving news let out before its announcement
    ("Feel free to tell your golf buddies about the merger before we announce it.",
     "regfd.selective"),
    ("Staff are welcome to post pictures from the launch party for the product we have not "
     "announced yet.", "regfd.selective"),
])
def test_a_listed_companys_gag_or_early_news_is_caught(text, rule):
    assert rule in {f.rule for f in check_text(text, LISTED)}
    assert rule in keyword_rules_alone(text, LISTED)


@pytest.mark.parametrize("text", [
    "You do not need to notify us before you contact the SEC.",
    "You may report concerns to the SEC at any time; it requires no approval and you need not "
    "notify us.",
    "Leaking quarterly numbers before release could breach securities law.",
    "Never hint at results before they are public.",
    "Copies of retail communications are kept as FINRA rules require.",
])
def test_a_listed_companys_safeguard_is_no_finding(text):
    assert [f.rule for f in check_text(text, LISTED) if f.area == "reg_fd"] == []


@pytest.mark.parametrize(("text", "rule"), [
    # a disclosure put where readers miss it
    ("Tuck the #sponsored tag into a long block of hashtags, somewhere in the middle.",
     "ftc.endorsement_disclosure"),
    ("Put the paid-partnership note in your bio rather than in each post.",
     "ftc.endorsement_disclosure"),
    ("Creators we gift products to can post about them without any disclosure.",
     "ftc.endorsement_disclosure"),
    # staff passing for customers
    ("Front desk staff should pose as regular customers when they comment on our posts.",
     "ftc.insider_reviews"),
    # bad reviews kept from readers, or customers bound not to write them
    ("Delete the one-star reviews from our page as soon as they show up.",
     "ftc.review_suppression"),
    ("Customers may not post negative reviews about the spa anywhere online.",
     "ftc.review_suppression"),
    # bought followers
    ("Buy a few hundred followers so the new page looks busy.", "ftc.fake_indicators"),
])
def test_a_rule_that_misleads_buyers_is_caught(text, rule):
    assert rule in {f.rule for f in check_text(text, GENERAL)}
    assert rule in keyword_rules_alone(text, GENERAL)


@pytest.mark.parametrize("text", [
    "Putting the disclosure in your bio alone is not enough; put it in the post.",
    "We never buy followers or likes.",
    "Posing as a customer to review us violates the law and this policy.",
    "Spam in the comments may be hidden; negative but on-topic comments stay up.",
    "Never post a review without disclosing that you work here.",
])
def test_a_rule_that_keeps_buyers_informed_is_no_finding(text):
    assert [f.rule for f in check_text(text, GENERAL) if f.area == "ftc"] == []
    assert not {rule for rule in keyword_rules_alone(text, GENERAL) if rule.startswith("ftc")}


@pytest.mark.parametrize(("text", "found"), [
    # a ban on photos or recordings at work reaches pictures of unsafe conditions
    ("Taking videos anywhere in the warehouse is against company policy.", True),
    ("No filming or photos on the shop floor, whatever the reason.", True),
    ("Staff may not record talks with their supervisors unless HR agrees first.", True),
    # limited to people, papers and places that need privacy or safety
    ("Do not film guests at the pool without their consent.", False),
    ("No photos near the forklifts while they are operating.", False),
    ("Photographing customers' receipts is prohibited.", False),
])
def test_a_ban_on_photos_or_recordings_at_work_is_read(text, found):
    assert ("nlra.recording" in {f.rule for f in check_text(text, GENERAL)}) is found
    assert ("nlra.recording" in keyword_rules_alone(text, GENERAL)) is found


@pytest.mark.parametrize("text", [
    "If the local paper calls about the layoffs, say nothing and hang up.",
    "Nobody on staff may give interviews about what it is like to work here.",
    "Please don't share your stories from the kitchen with YouTubers.",
    "News crews are not to be spoken to by anyone on the team.",
])
def test_a_gag_on_the_press_in_an_owners_words_is_caught(text):
    assert "nlra.media" in {f.rule for f in check_text(text, GENERAL)}
    assert "nlra.media" in keyword_rules_alone(text, GENERAL)


@pytest.mark.parametrize(("text", "facts"), [
    # a freedom narrowed only by a part on speaking as the company
    ("You're free to talk about your pay and hours - just don't act as the company's official "
     "voice.", GENERAL),
    # a securities firm's supervision of what staff post about its investments
    ("Before you post anything about our services or our bond funds, send it to "
     "compliance for approval.", FIRM),
])
def test_a_freedom_or_a_firms_supervision_is_no_labour_law_finding(text, facts):
    assert [f.rule for f in check_text(text, facts) if f.area == "nlra"] == []
    assert not {rule for rule in keyword_rules_alone(text, facts) if rule.startswith("nlra")}


@pytest.mark.parametrize(("text", "rule"), [
    # leave asked in an owner's words, and a gate on staff's own groups
    ("Run anything you post about the bakery past me before it goes up.", "nlra.approval"),
    ("Opening a group chat for the crew needs the owner's approval.", "nlra.approval"),
    # the business named as owners put it, kept off a post
    ("Keep the clinic's name out of anything you post on your own accounts.", "nlra.logo"),
    # an agency as owners name it, the company told first, going to it punished
    ("Tell your supervisor ahead of time if you plan to talk to a labor inspector.",
     "nlra.government"),
    ("Calling OSHA before telling the owner will lead to discipline.", "nlra.government"),
    # the inside route and what it shuts out
    ("Complaints about tips belong in the suggestion box, not on Instagram.",
     "nlra.internal_first"),
    # staff kept from reaching each other online
    ("Texting coworkers about work after your shift is not allowed.", "nlra.coworker_contact"),
    # incivility in an owner's words, the company in a good light
    ("Gossip about the team will not be tolerated.", "nlra.civility"),
    ("Everyone must present the company in a favorable light online.", "nlra.civility"),
    # inside matters kept in: meetings, chats, investigations, the handbook
    ("Whatever gets said at the morning huddle is strictly private.", "nlra.confidentiality"),
    ("Details of any workplace investigation must be kept confidential by everyone involved.",
     "nlra.confidentiality"),
    # pay and hours taken off the table without a word of prohibition, or punished
    ("How the tip pool is divided is strictly between you and the manager.", "nlra.pay"),
    ("Complaining about your schedule on Facebook will get you written up.", "nlra.pay"),
    # running the business down, in an owner's words; reviews of it as an employer
    ("Trash-talking the salon on TikTok is not acceptable.", "nlra.disparagement"),
    ("Reviews of the bakery as an employer don't belong on Glassdoor.", "nlra.disparagement"),
    # recording punished, union insignia, the brand in staff's own pictures
    ("Taping a meeting with the owner will get you fired.", "nlra.recording"),
    ("Staff may not wear union pins while on the sales floor.", "nlra.logo"),
    ("Pictures of yourself in your shop apron are not allowed on personal pages.", "nlra.logo"),
    # leave asked before a post goes up, or before an agency is spoken to
    ("Send anything about working here to me for review before it goes live.",
     "nlra.approval"),
    ("Before talking to an OSHA inspector, get the owner's okay.", "nlra.government"),
    # concerns routed inside as an order
    ("Take any complaints about the crew leader to your supervisor.", "nlra.internal_first"),
    # truth demanded beyond knowing falsehood
    ("Any post with unverified claims about safety at the plant is forbidden.",
     "nlra.false_statements"),
    ("Unprofessional posts, even from home, will be disciplined.", "nlra.civility"),
])
def test_a_labour_law_rule_in_an_owners_words_is_caught(text, rule):
    assert rule in {f.rule for f in check_text(text, GENERAL)}
    assert rule in keyword_rules_alone(text, GENERAL)


@pytest.mark.parametrize("text", [
    "If you post as the shop on the business page, run it past me first.",
    "You can say where you work; just don't make it look like the company is posting.",
    "Managers must not friend the staff they supervise.",
    "Do not send a coworker repeated messages after they ask you to stop.",
    "We do not comment on market rumours.",
    # the company's own promise of secrecy; customers' and patients' records kept in
    "HR keeps what you tell it in an investigation confidential.",
    "Customer files discussed in team meetings stay private.",
    "Patients' charts never leave the records system, not even in group chats.",
    # running down customers, fake reviews, a freedom, pictures allowed
    "Never trash-talk customers online.",
    "Fake reviews of us as an employer on Glassdoor are not allowed.",
    "You may share your schedule with anyone you like.",
    "Wearing your work shirt in photos is fine.",
])
def test_a_lawful_rule_in_an_owners_words_is_no_labour_law_finding(text):
    assert not {rule for rule in keyword_rules_alone(text, GENERAL) if rule.startswith("nlra")}


@pytest.mark.parametrize(("text", "area"), [
    # others' private details and bodies, what needs the person's own consent
    ("Please don't post private photos of a coworker without their consent.", "nlra"),
    ("Never share a colleague's nude or intimate images.", "nlra"),
    # trade secrets named as owners put them
    ("Our dye formulas are proprietary, so keep them to yourself.", "nlra"),
    # speaking as the business, in a freedom's own sentence
    ("You may talk to journalists about your job; just don't claim to speak for the business.",
     "nlra"),
    # the tie told, as the FTC asks: no hidden endorsement
    ("When you post about our menu, mention that you work here, as the FTC asks.", "ftc"),
    ("Add #employee to any post about our products.", "ftc"),
])
def test_a_rule_that_protects_someone_is_no_finding_in_its_area(text, area):
    """Lawful by its subject, as a blind probe of owners' rules showed (6 Dec 2026): each of
    these was a finding."""
    assert [f.rule for f in check_text(text, GENERAL) if f.area == area] == []


@pytest.mark.parametrize("text", [
    "Talk about your pay online.",
    "Criticize managers online.",
    "Please share what you think of your schedule with each other.",
])
def test_speech_about_work_told_with_nothing_to_narrow_it_is_an_invitation(text):
    """An item under a "Do" heading, or an owner's plain invitation, is no rule (each was a
    labour-law finding; found by a helper)."""
    assert [f.rule for f in check_text(text, GENERAL) if f.area == "nlra"] == []
    assert not {rule for rule in keyword_rules_alone(text, GENERAL) if rule.startswith("nlra")}


@pytest.mark.parametrize("text", [
    "Share nothing about your wages online.",
    "Tell customers nothing about staffing problems.",
    "Post nothing negative about the owners.",
    "Talk about work with your manager, not on Facebook.",
])
def test_speech_told_to_say_nothing_or_to_go_only_inside_is_a_rule(text):
    """Not an invitation: what it tells staff to say is nothing, or only to the manager."""
    assert [f.rule for f in check_text(text, GENERAL) if f.area == "nlra"]


# Read in a blind probe of owners' sentences (6 Dec 2026, session 31): each was a finding, or
# was missed, before.
RETAIL = CheckFacts("US", industry="retail_consumer")


@pytest.mark.parametrize("text", [
    "Nothing here is meant to stop employees from discussing unions or joining together to "
    "improve their working conditions.",
    "Talking with coworkers about forming a union, on social media or in person, will never be "
    "grounds for discipline.",
    "We will never ask you to report what your coworkers post about their jobs.",
    "Employees may speak with government agencies, including the NLRB, OSHA, and the EEOC, "
    "without telling the company or getting permission.",
    "Employees who talk to the media about their own working conditions do not need approval; "
    "only official company statements must come from the owner.",
    "Servers may not use their phones to post on social media while waiting on tables.",
    "Do not post anything that reveals a client's identity or the details of their engagement "
    "without the client's written consent.",
    "The office manager approves posts that go on the company's own pages.",
])
def test_a_right_a_promise_a_working_time_rule_or_the_companys_own_page_is_no_labour_rule(text):
    assert [f.rule for f in check_text(text, GENERAL) if f.area == "nlra"] == []


@pytest.mark.parametrize(("text", "rule"), [
    ("Discussing your workload, breaks, or how you are treated at work in public forums is "
     "prohibited.", "nlra.pay"),
    ("Raises and bonuses may not be discussed among staff.", "nlra.pay"),
    ("Workers who gripe about the schedule in a group chat will be written up.",
     "nlra.disparagement"),  # criticism of working conditions, the model's kind before
    ("Information about coworkers, including their names, phone numbers and wages, may not be "
     "shared outside the company.", "nlra.confidentiality"),
])
def test_talk_of_work_banned_in_owners_words_is_found(text, rule):
    assert rule in [f.rule for f in check_text(text, GENERAL)]


@pytest.mark.parametrize(("text", "rule"), [
    ("Disclosures like #ad or #employee are not needed on your personal Instagram.",
     "ftc.endorsement_disclosure"),
    ("Don't use #employee on TikTok, it kills engagement.", "ftc.endorsement_disclosure"),
    ("When you tag our products, put #ad at the very end after all the other hashtags so it's "
     "less noticeable.", "ftc.endorsement_disclosure"),
    ("Influencers we send free product to should use #sp or #collab instead of #ad because it "
     "looks less salesy.", "ftc.endorsement_disclosure"),
    ("In a livestream a single mention of the sponsorship at the start is all you need.",
     "ftc.endorsement_disclosure"),
    ("Staff earn bonus points for every review they bring in, as long as the review is "
     "positive.", "ftc.review_incentive"),
    ("The marketing team will set up accounts that look like independent customers to answer "
     "questions about our products.", "ftc.insider_reviews"),
    ("It's fine to have ChatGPT write a batch of customer reviews for new products that don't "
     "have any yet.", "ftc.insider_reviews"),
    ("If employees share our sale posts and add 'love this stuff!!' they don't have to say they "
     "work here.", "ftc.endorsement_disclosure"),
])
def test_hidden_faint_or_bought_praise_is_found(text, rule):
    assert rule in [f.rule for f in check_text(text, RETAIL)]


@pytest.mark.parametrize("text", [
    "We never write, buy or post fake reviews, and that includes reviews made with AI tools.",
    "We will not threaten, sue or ban customers for leaving honest negative reviews.",
    "Anyone who gets free samples from us and reviews them has to mention the free sample in "
    "the review itself.",
    "All reviews on our website get published, including negative ones, unless they contain "
    "profanity or someone's personal info.",
])
def test_a_promise_or_a_disclosure_told_is_no_endorsement_finding(text):
    assert [f.rule for f in check_text(text, RETAIL) if f.area == "ftc"] == []


@pytest.mark.parametrize("text", [
    "Our CEO posts drill results on his personal X account first and then we put out the press "
    "release the next morning.",
    "Site geologists are allowed to post core photos and assay numbers on Facebook as soon as "
    "they come back from the lab.",
    "On the Yahoo Finance message board, execs can set the record straight about whether we're "
    "in buyout talks or not.",
    "Reps should give our preferred hedge fund clients an early look at the restructuring plan "
    "so they can position themselves.",
    "If an analyst's estimates are way off, quietly ping them and suggest they might want to "
    "revisit their model.",
])
def test_news_let_out_early_or_analysts_steered_is_selective_disclosure(text):
    assert "regfd.selective" in [f.rule for f in check_text(text, LISTED)]


@pytest.mark.parametrize("text", [
    "If an analyst or investor contacts you, refer them to investor relations and do not comment.",
    "Employees may repost the company's official announcements after they have been publicly "
    "released.",
    "During the quiet period before earnings, no one at the company will talk with analysts or "
    "investors about the quarter.",
    "It's OK to repost the earnings call replay from our IR page once the call is over and the "
    "numbers are out.",
])
def test_questions_referred_and_news_passed_on_once_public_are_regulation_fds_safe_side(text):
    assert [f.rule for f in check_text(text, LISTED) if f.area == "reg_fd"] == []
