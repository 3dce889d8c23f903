"""Projects for the Word export tests: every area answered, tables long enough to matter.

Built here rather than read from the shipped presets, whose wording is still being written.
"""

from __future__ import annotations

from datetime import date

from smpolicy_desktop.model import Project

OWNER = "Dana Reyes"


def filled_project(**overrides: object) -> Project:
    """A B2B company's policy with every question answered and two notes to counsel."""
    answers = {
        "company": {"name": "Northwind Analytics LLC", "state": "US-OH", "staff_count": 40,
                    "owner_name": OWNER, "owner_title": "Managing Director",
                    "effective_date": "2025-03-01", "version": "2.1",
                    "related_policies": ["confidentiality", "code_of_conduct"]},
        "presence": {
            "accounts": [{"platform": "LinkedIn", "handle": "@northwind-analytics",
                          "purpose": "Company news and hiring", "owner": "Marketing lead"},
                         {"platform": "YouTube", "handle": "@northwind",
                          "purpose": "Webinars", "owner": "Marketing lead"}],
            "goals": ["Show the quality of our work", "Find good people"],
            "we_publish": ["Case studies", "Event news"],
            "we_never_publish": ["Client names without written consent", "Pricing"],
            "post_approver": "Marketing lead",
            "password_handling": "In the company password manager, never in email",
            "access_removal": "On their last working day"},
        "voice": {"spokespeople": [{"name": OWNER, "title": "Managing Director",
                                    "topics": "Company news and strategy"}],
                  "media_contact": "Dana Reyes, Managing Director",
                  "voice_attributes": ["Plain", "Helpful"], "voice_avoid": ["Sarcastic"]},
        "employees": {"confidential_info": ["Client files and client data",
                                            "Unreleased projects", "Financial results"],
                      "recruiting_posts": "Share our job posts; send candidates to hiring."},
        "public": {"name_and_logo": "Ask marketing before using our logo.",
                   "removed_comments": ["Spam and scams", "Threats"],
                   "comment_note": "We leave honest criticism up and answer it."},
        "responses": {
            "monitor_who": "Marketing lead", "monitor_frequency": "Twice each working day",
            "response_matrix": [
                {"situation": situation, "action": f"Respond to the {situation.lower()} "
                 "calmly and move detail to a private message.",
                 "responder": "Account owner", "response_time": "Within one working day"}
                for situation in ("Praise", "Question", "Complaint", "Misinformation",
                                  "Abuse or spam", "Legal threat", "Crisis")],
            "escalation_chain": [
                {"role": "Account owner", "name": "Sam Ortiz", "contact": "+1 555 0101",
                 "when": "Any complaint that is not settled in a day"},
                {"role": "Policy owner", "name": OWNER, "contact": "+1 555 0100",
                 "when": "Any legal threat or possible crisis"},
                {"role": "Company lawyer", "name": "Lee Park", "contact": "lee@example.com",
                 "when": "Any legal threat"}],
            "crisis_signs": ["A data breach or service outage", "A post that goes viral"],
            "first_steps": ["Pause all scheduled posts", "Tell the escalation chain",
                            "Call our lawyer"],
            "holding_statement": "We know about the problem and are looking into it."},
        "training": {"who_is_trained": "Everyone who posts for us",
                     "when_trained": "When they join, and once a year",
                     "report_to": "Their manager or HR",
                     "consequences": "Coaching first; serious breaches may lead to discipline.",
                     "measures": ["Enquiries that came from social media"]},
        "review": {"next_review_date": "2026-03-01",
                   "reviewers": [{"role": "Company lawyer", "name": "Lee Park",
                                  "status": "in_review"}],
                   "revisions": [{"version": "2.1", "revised_on": "2025-02-01",
                                  "summary": "Added the response matrix"}],
                   "distribution": "Emailed to all staff and kept on the intranet.",
                   "notes_to_counsel": []},
    }
    project = Project.model_validate(answers)
    for path, value in overrides.items():
        area, name = path.split("__")
        setattr(getattr(project, area), name, value)
    return project


def clause_ids(project: Project) -> list[str]:
    """The clause ids (not sections) of the project's rendered policy, in order."""
    from smpolicy_desktop.render import render_document

    return [b.clause_id for b in render_document(project).blocks if b.kind == "heading2"]


TODAY = date(2025, 3, 1)


def record_sent(project: Project) -> None:
    """Record the project's Word text as a version sent to counsel, as a Word export for
    counsel does (the base of the next redline)."""
    from datetime import UTC, datetime

    from smpolicy_desktop.render import render_document
    from smpolicy_desktop.tracked_changes import next_version_id, version_of

    project.sent_versions.append(version_of(
        render_document(project), next_version_id(project), "Sent to counsel",
        datetime.now(UTC).replace(microsecond=0), project.company.version))
