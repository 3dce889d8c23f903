"""The kinds of risky rule the check knows: for each, its legal area, how serious it is, a plain
reason, the authority in force today (2 Dec 2026) and a safer wording of our own.
"""

from __future__ import annotations

from dataclasses import dataclass

STERICYCLE = ("NLRA section 7; Stericycle, Inc., 372 NLRB No. 113 (2023), the Board's standard "
              "for work rules (GC 26-03 of Feb. 2026 changed enforcement priorities, not the "
              "standard)")
FACIAL = ("NLRA section 7; Stericycle, Inc., 372 NLRB No. 113 (2023); NLRB GC 26-03 (Feb. 2026) "
          "keeps such rules as a facial violation it prosecutes")
CARVE_OUT = ("This does not stop you from talking about your pay, hours or working conditions, "
             "or from reporting a concern to a government agency.")
REVIEW_RULE = "FTC Rule on Consumer Reviews and Testimonials, 16 CFR Part 465 (2024)"
FINRA = ("FINRA Rules 2210, 3110 and 4511; SEA Rule 17a-4(b)(4); SEC off-channel "
         "communications settlements (2021-2024)")
STATE_PRIVACY = ("State social media privacy laws in about 27 states, e.g. Cal. Lab. Code 980, "
                 "820 ILCS 55/10, Md. Code Lab. & Empl. 3-712")


@dataclass(frozen=True)
class Family:
    id: str
    area: str
    severity: str  # "error" = likely unlawful, "warning" = risky, "info" = a note
    reason: str
    authority: str
    safer: str
    also: tuple[str, ...] = ()  # other areas whose businesses it binds too

    def checked(self, areas: frozenset[str]) -> bool:
        """Whether a business checked in `areas` is bound by this kind of rule."""
        return self.area in areas or not areas.isdisjoint(self.also)


# Each legal area as a finding names it ("Risky under labor law"): two findings on one
# sentence must not read alike.
# The law a finding is under, in the window's words: by area, or by family where the family's
# law is not its area's (a gag on the SEC binds a firm that is not listed, where Reg FD does
# not apply: "Likely unlawful under Reg FD" misled; found by a tester).
UNDER = {"nlra": "labor law", "ftc": "FTC rules", "hipaa": "HIPAA", "finance": "FINRA/SEC rules",
         "reg_fd": "Reg FD", "account_privacy": "state privacy laws",
         "regfd.whistleblower": "SEC Rule 21F-17"}

_AREA_OF = {"nlra": "nlra", "ftc": "ftc", "hipaa": "hipaa", "finance": "finance",
            "regfd": "reg_fd", "account": "account_privacy"}


def _family(id: str, severity: str, reason: str, authority: str, safer: str,
            also: tuple[str, ...] = ()) -> Family:
    return Family(id, _AREA_OF[id.split(".")[0]], severity, reason, authority, safer, also)


FAMILIES = {f.id: f for f in (
    _family("nlra.confidentiality", "warning",
            "This treats broad kinds of information (anything internal, private or about staff) "
            "as secret. Employees may read it as banning talk about their pay and working "
            "conditions, which the law protects.", STERICYCLE,
            "Do not share our confidential business information, such as trade secrets, client "
            "data and passwords. " + CARVE_OUT),
    _family("nlra.pay", "error",
            "Employees have a legal right to discuss their pay, hours and working conditions "
            "with each other and with others. A rule against it is unlawful on its face.", FACIAL,
            "You are free to talk about your pay, hours and working conditions with anyone."),
    _family("nlra.disparagement", "warning",
            "Criticism of the employer, managers or working conditions, including online "
            "reviews, is protected unless it is knowingly false. A ban on negative or damaging "
            "posts reaches that criticism.", STERICYCLE,
            "Do not post knowingly false statements about the company or anyone here. You may "
            "still criticize how we run our workplace and treat our staff."),
    _family("nlra.false_statements", "warning",
            "Only knowingly or maliciously false statements lose the law's protection. A rule "
            "against anything inaccurate chills honest complaints.", STERICYCLE,
            "Do not post statements about anyone that you know are false."),
    _family("nlra.civility", "warning",
            "Vague demands to be positive, respectful or friendly can be read as banning heated "
            "complaints about work, which the law protects.", STERICYCLE,
            "Do not harass, threaten or use slurs against anyone. You may still disagree with us "
            "and with each other, including online."),
    _family("nlra.media", "warning",
            "Employees may talk to reporters about their own jobs and working conditions. Only "
            "speaking for the company can be reserved to a spokesperson.", STERICYCLE,
            "Only our spokesperson speaks for the company. You may still talk to reporters about "
            "your own job and working conditions."),
    _family("nlra.government", "error",
            "Employees may contact government agencies (labor board, safety inspectors, "
            "regulators) without asking first. A rule that requires approval is unlawful.",
            FACIAL, "You may always report a concern to a government agency, without asking us "
            "first."),
    _family("nlra.approval", "warning",
            "Requiring approval before any post about work reaches posts about pay and working "
            "conditions. Approval can be required for the company's own accounts only.",
            STERICYCLE, "Posts on the company's official accounts need approval. Your personal "
            "posts, including posts about your job, need none."),
    _family("nlra.recording", "warning",
            "A ban on all photos or recordings at work reaches pictures of unsafe conditions or "
            "of a protest, which the law protects. Narrow it to people and documents that need "
            "privacy.", STERICYCLE + "; Whole Foods Market Group, 363 NLRB No. 87 (2015)",
            "Do not photograph or record customers, patients or confidential documents without "
            "consent. You may still record working conditions, such as a safety problem."),
    _family("nlra.logo", "warning",
            "Employees may show the company's name or logo in posts about their work, for "
            "example on a picket sign. Only uses that suggest the company endorses a post can be "
            "banned.", STERICYCLE,
            "Do not use our logo in a way that suggests the company endorses your post."),
    _family("nlra.internal_first", "warning",
            "Requiring staff to raise concerns internally first, or never online, restricts "
            "their right to talk about work with others.", STERICYCLE,
            "You can bring concerns to your manager, and you are also free to raise them "
            "anywhere else, including online."),
    _family("nlra.coworker_contact", "warning",
            "Staff may connect with each other and form groups to talk about work. Limiting "
            "that contact restricts protected activity.", STERICYCLE,
            "You are free to connect with coworkers online and to form groups with them."),
    _family("ftc.endorsement_disclosure", "warning",
            "People who promote the company's products must say they work for it or were paid. "
            "Hidden endorsements are deceptive advertising.",
            "FTC Endorsement Guides, 16 CFR Part 255 (revised 2023), s. 255.5",
            "If you praise our products online, say in the post that you work here or that we "
            "paid you."),
    _family("ftc.insider_reviews", "warning",
            "Reviews by staff, managers or their relatives must say who wrote them, and managers "
            "who ask for them carry extra duties. Undisclosed insider reviews carry civil "
            "penalties.", REVIEW_RULE + ", s. 465.5",
            "If you review us on a site like Google or Yelp, say that you work here. We never "
            "ask staff or their families for undisclosed reviews."),
    _family("ftc.review_incentive", "error",
            "Rewarding only positive reviews, or asking only happy customers, buys a biased "
            "picture of the business. The review rule bans it.", REVIEW_RULE + ", s. 465.4",
            "We ask every customer for an honest review and never reward only positive ones."),
    _family("ftc.review_suppression", "error",
            "Hiding honest negative reviews, or threatening reviewers, is review suppression.",
            REVIEW_RULE + ", s. 465.7; Consumer Review Fairness Act",
            "We never hide, remove or threaten honest reviews because they are negative."),
    _family("ftc.fake_indicators", "error",
            "Bought followers, likes or views are fake indicators of social media influence.",
            REVIEW_RULE + ", s. 465.8", "We never buy followers, likes, views or reviews."),
    _family("hipaa.review_reply", "error",
            "Replying to a review with anything about the patient's visit, care or bill "
            "discloses health information without authorization. HHS has fined practices for "
            "exactly this.", "HIPAA Privacy Rule, 45 CFR 164.502; HHS OCR settlements with "
            "Elite Dental Associates (2019) and New Vision Dental (2022)",
            "When we reply to a review, we never confirm that someone is a patient or mention "
            "their care; we invite them to contact us privately."),
    _family("hipaa.patient_content", "error",
            "Posts about patients, even without names, can identify them. Providers need the "
            "patient's signed authorization before sharing their information, photos or "
            "stories.", "HIPAA Privacy Rule, 45 CFR 164.508",
            "We share patient photos or stories only with the patient's signed HIPAA "
            "authorization."),
    _family("finance.off_channel", "error",
            "Business messages with clients must be kept and supervised. Texts and chat apps on "
            "personal phones escape the archive; the SEC has fined firms billions for it.",
            FINRA, "Business messages to clients go only through accounts the firm archives; "
            "never use personal phones, accounts or chat apps for client business."),
    _family("finance.unsupervised", "warning",
            "A rep's post about the firm's products is a business communication even on a "
            "personal account: it must be approved or supervised and archived.",
            "FINRA Rules 2210 and 3110; FINRA Regulatory Notice 17-18",
            "A post about our products, services or clients is business: make it only through "
            "the channels we approve, supervise and archive."),
    _family("finance.testimonials", "warning",
            "Testimonials and paid endorsements in an adviser's marketing need set disclosures "
            "and oversight.", "SEC Marketing Rule, Advisers Act Rule 206(4)-1",
            "Client testimonials and paid referrals are used only with the required disclosures "
            "and after compliance review."),
    _family("regfd.selective", "error",
            "Sharing material news with some people before the public can break Regulation FD "
            "and insider-trading law, and can force an early announcement.",
            "SEC Regulation FD, 17 CFR 243.100; Exchange Act Rule 10b-5",
            "Material news, such as results or deals, is shared only through our official "
            "public announcements."),
    _family("regfd.trading", "error",
            "Trading on, or tipping others about, news that has not been announced is insider "
            "trading.", "Exchange Act Rule 10b-5",
            "Do not trade on, or tip anyone about, news that has not been announced."),
    _family("regfd.whistleblower", "error",
            "Requiring approval or notice before staff talk to the SEC impedes whistleblowing; "
            "the SEC fined seven companies for such language in 2024.", "SEC Rule 21F-17",
            "Nothing in this policy stops you from reporting a possible violation to the SEC or "
            "any other agency.",
            # Rule 21F-17 binds any person, listed or not: the SEC fined D. E. Shaw, a private
            # investment adviser, under it in 2023
            also=("finance",)),
    _family("account.access", "error",
            "Asking for passwords, for a look at private accounts, or for a friend request "
            "breaks the social media privacy laws of many states and invades privacy elsewhere.",
            STATE_PRIVACY, "We will never ask for your passwords, ask to log in to or view your "
            "private accounts, or require you to connect with us."),
)}
