"""Honest marks: no tick over a risky rule, and a final version is not sent out unasked."""

from __future__ import annotations

from datetime import date

from smpolicy_desktop.checks.policy_check import check_project
from smpolicy_desktop.checks.readiness import area_marks, open_before_final
from smpolicy_desktop.presets import presets

WAGES = "Employees must not discuss their wages on social media"


def test_an_area_with_a_likely_unlawful_rule_is_never_marked_done(example_project):
    assert area_marks(example_project, check_project(example_project))["employees"][0] != "warning"
    example_project.employees.confidential_info = [
        *example_project.employees.confidential_info, WAGES]
    marks = area_marks(example_project, check_project(example_project))
    assert marks["employees"][0] == "warning"
    assert marks["company"][0] == "done"


def test_a_final_version_lists_what_is_still_open():
    project = presets()["professional_services"].project()
    project.employees.confidential_info = [*project.employees.confidential_info, WAGES]
    project.company.effective_date = date(2026, 12, 2)
    project.review.next_review_date = date(2026, 1, 2)
    items = open_before_final(project, check_project(project), today=date(2026, 12, 2))
    assert items[0].startswith("The risk check still lists 1 risky sentence")
    assert any(item.startswith("Not approved yet by: ") for item in items)
    assert "The next review date, January 2, 2026, has passed." in items
    project.company.country = "GB"
    items = open_before_final(project, check_project(project), today=date(2026, 12, 2))
    assert "The next review date, 2 January 2026, has passed." in items
    # nothing was checked outside the US: a final version says so, not "all clear" (the
    # areas all ticked and the dialog named only the reviewers; found by a tester)
    assert items[0].startswith("No sentence was checked for risk: the risk check covers US law "
                               "only, and this business is in the United Kingdom.")


def test_a_final_version_whose_risk_check_could_not_run_is_not_called_clean(example_project):
    """The window's check may fail, or its process die: that is said, not taken for none."""
    for reviewer in example_project.review.reviewers:
        reviewer.status = "approved"
    example_project.review.next_review_date = date(2027, 3, 1)
    assert open_before_final(example_project, None, today=date(2026, 12, 2)) == [
        "The risk check could not run, so risky sentences may be left."]


def test_nothing_is_open_for_an_approved_lawful_policy(example_project):
    for reviewer in example_project.review.reviewers:
        reviewer.status = "approved"
    example_project.review.next_review_date = date(2027, 3, 1)
    items = open_before_final(example_project, check_project(example_project),
                              today=date(2026, 12, 2))
    assert items == []


def test_a_list_of_people_is_not_ready_until_each_has_a_name_and_a_way_to_reach_them():
    project = presets()["professional_services"].project()
    marks = area_marks(project, [])
    assert marks["voice"] == ("partial", ["Name in Spokespeople"])
    assert marks["responses"] == ("partial", ["Name and How to reach them in Escalation chain"])
    assert "Name in Reviewers" in marks["review"][1]
    for contact in project.responses.escalation_chain:
        contact.name, contact.contact = "Dana Reyes", "+1 555 0100"
    for person in project.voice.spokespeople:
        person.name = "Sam Chen"
    marks = area_marks(project, [])
    assert marks["voice"][0] == marks["responses"][0] == "done"
