"""The risk check over whole projects: findings point at the field that holds the text, the
safer wording can be applied, missing pieces are reported, and our own text is clean.
"""

from __future__ import annotations

from datetime import date

import pytest

from smpolicy_desktop.checks.completeness import area_status
from smpolicy_desktop.checks.policy_check import apply_suggestion, check_project
from smpolicy_desktop.cli import main
from smpolicy_desktop.document import Block, Document, Run
from smpolicy_desktop.model import CounselNote, Industry, Project, ResponseMatrixRow
from smpolicy_desktop.presets import presets
from smpolicy_desktop.storage import save_project


def warnings(project: Project, **kwargs) -> list:
    return [f for f in check_project(project, **kwargs) if f.at_least("warning")]


def document_saying(*paragraphs: str) -> Document:
    blocks = tuple(Block("paragraph", (Run(text),), "employees.general") for text in paragraphs)
    return Document("full", "Social Media Policy", "Acme", "", True, blocks)


@pytest.mark.parametrize("listed", [False, True])
@pytest.mark.parametrize("kind", ["full", "short"])
@pytest.mark.parametrize("name", ["(defaults)", *presets()])
def test_our_default_text_and_every_preset_raise_no_warnings(name, kind, listed):
    """Publicly traded too: the policy's own clause on news that could move the share price
    was reported as three Reg FD errors, and the clause as missing (found by a tester)."""
    project = Project() if name == "(defaults)" else presets()[name].project()
    project.company.document_type = kind
    project.company.publicly_traded = listed
    assert [(f.rule, f.clause_id, f.excerpt) for f in warnings(project)] == []


def test_the_shipped_example_raises_no_warnings(example_project):
    assert warnings(example_project) == []


def test_a_risky_answer_points_at_its_field_and_the_clause_that_shows_it():
    project = Project()
    project.training.consequences = ("Coaching comes first. Never post negative comments "
                                     "about managers.")
    [finding] = warnings(project)
    assert finding.rule == "nlra.disparagement"
    assert finding.path == ("training", "consequences")
    assert finding.clause_id.startswith("training")
    assert finding.excerpt == "Never post negative comments about managers."


@pytest.mark.parametrize("unseen", ["\x1b", "\u202e", "\u200b"])
def test_an_invisible_character_in_a_risky_answer_leaves_one_finding_at_its_clause(unseen):
    """With an ESC (or a direction mark) pasted into it, a risky answer was found twice: in
    the answer, placed at its section ("7"), and again in the policy, which leaves the
    character out (found by a tester)."""
    project = Project()
    project.training.consequences = f"Employees who criticize the company {unseen} online " \
                                     "will be fired."
    found = [f for f in check_project(project) if f.rule == "nlra.disparagement"]
    assert [(f.path, f.clause_id) for f in found] == [(("training", "consequences"),
                                                        "training.consequences")]


def test_applying_the_safer_wording_replaces_only_the_flagged_sentence():
    project = Project()
    project.training.consequences = ("Coaching comes first. Never post negative comments "
                                     "about managers.")
    [finding] = warnings(project)
    fixed = apply_suggestion(project, finding)
    assert fixed.training.consequences.startswith("Coaching comes first. ")
    assert finding.suggestion in fixed.training.consequences
    assert warnings(fixed) == []
    assert project.training.consequences.endswith("about managers.")  # the original is kept


def test_an_overbroad_confidential_item_is_flagged_and_replaced_in_place():
    project = Project()
    project.employees.confidential_info = ["Client files", "Trade secrets and salaries",
                                           "Anything about the company"]
    found = warnings(project)
    assert {f.path for f in found} == {("employees", "confidential_info", 1),
                                       ("employees", "confidential_info", 2)}
    item = next(f for f in found if f.path[-1] == 1)
    fixed = apply_suggestion(project, item)  # the item keeps its lawful part
    assert fixed.employees.confidential_info == ["Client files", "Trade secrets",
                                                 "Anything about the company"]
    assert not next(f for f in found if f.path[-1] == 2).applicable  # nothing lawful to keep


def test_text_in_table_rows_is_checked_with_its_row_and_column():
    project = Project()
    project.company.industry = Industry.HEALTH_CARE
    project.responses.response_matrix = [
        ResponseMatrixRow(situation="Praise", action="Thank them and repost the patient's photo")]
    [finding] = warnings(project)
    assert finding.rule == "hipaa.patient_content"
    assert finding.path == ("responses", "response_matrix", 0, "action")
    assert finding.clause_id.startswith("responses")


def test_what_the_company_itself_never_publishes_is_its_own_choice():
    project = Project()
    project.presence.we_never_publish = ["Negative comments about our staff", "Internal matters"]
    assert warnings(project) == []


def test_a_kind_of_comment_the_company_removes_is_read_as_what_it_removes():
    """A row of the comments the business hides, read alone ("Negative reviews"), said nothing;
    what the policy says of it is "We hide or remove negative reviews from our pages": review
    suppression (found by a tester)."""
    project = Project()
    project.public.removed_comments = ["Spam and scams", "Critical reviews", "Threats"]
    [finding] = warnings(project)
    assert (finding.rule, finding.excerpt) == ("ftc.review_suppression", "Critical reviews")
    assert finding.path == ("public", "removed_comments", 1)


def test_questions_for_the_lawyer_are_not_policy_text():
    project = Project()
    project.review.notes_to_counsel = [CounselNote(
        clause_id="employees", question="Can we forbid staff from discussing pay?")]
    assert warnings(project) == []


def test_risky_template_text_is_reported_on_its_clause_without_a_field():
    project = Project()
    [finding] = warnings(project, document=document_saying(
        "Employees may not talk to reporters about the company."))
    assert (finding.rule, finding.clause_id, finding.path) == (
        "nlra.media", "employees.general", ())
    assert not finding.applicable


def test_turning_off_the_ftc_disclosure_is_a_warning_that_one_click_undoes():
    project = Project()
    project.employees.endorsement_disclosure = False
    [finding] = [f for f in warnings(project) if f.rule == "missing.ftc_disclosure"]
    assert "16 CFR Part 255" in finding.authority
    assert apply_suggestion(project, finding).employees.endorsement_disclosure is True


def test_missing_spokesperson_escalation_chain_and_review_date_are_noted():
    project = Project()
    project.company.effective_date = date(2026, 1, 31)
    notes = {f.rule: f for f in check_project(project) if f.severity == "info"}
    assert {"missing.spokesperson", "missing.escalation_chain",
            "missing.review_date"} <= set(notes)
    fixed = apply_suggestion(project, notes["missing.review_date"])
    assert fixed.review.next_review_date == date(2027, 1, 31)


def test_health_care_policy_without_a_patient_rule_is_warned_and_fixed_by_one_item():
    project = Project()
    project.company.industry = Industry.HEALTH_CARE
    bare = document_saying("Be careful online.")
    [finding] = [f for f in warnings(project, document=bare)
                 if f.rule == "sector.health.patient_information"]
    assert "HIPAA" in finding.authority
    fixed = apply_suggestion(project, finding)
    assert "patient" in fixed.employees.confidential_info[-1].lower()


def test_financial_firm_needs_recordkeeping_and_supervision():
    project = Project()
    project.company.industry = Industry.FINANCIAL_SERVICES
    rules = {f.rule for f in warnings(project, document=document_saying("Be careful online."))}
    assert {"sector.finance.recordkeeping", "sector.finance.supervision"} <= rules
    covered = document_saying("We archive every business message and retain it for six years.",
                              "A supervising principal approves posts about our services.")
    assert not {f.rule for f in warnings(project, document=covered)} & rules


def test_public_company_needs_a_selective_disclosure_rule():
    project = Project()
    project.company.publicly_traded = True
    [finding] = [f for f in warnings(project, document=document_saying("Hello."))
                 if f.rule == "sector.public_company.selective_disclosure"]
    assert finding.authority == "SEC Regulation FD"
    assert project.company.industry == Industry.GENERAL_B2B  # applies to any industry


def test_area_status_follows_the_model_questions():
    project = Project()
    status = area_status(project)
    assert list(status) == list(Project.areas())
    assert status["presence"][0] == "empty"
    assert "Who approves posts" in status["presence"][1]
    project.presence.post_approver = "Marketing lead"
    state, missing = area_status(project)["presence"]
    assert state == "partial" and "Who approves posts" not in missing


def test_an_area_with_every_question_answered_is_done():
    project = Project()
    project.training.who_is_trained = "Everyone who posts for us"
    project.training.when_trained = "When they join"
    project.training.report_to = "Their manager or HR"
    project.training.consequences = "Coaching first"
    project.training.measures = ["Enquiries from social media"]
    assert area_status(project)["training"] == ("done", [])


def test_a_risky_sentence_typed_into_an_answer_is_listed_once():
    project = Project()
    project.training.consequences = "Never criticise the company online."
    found = [f for f in warnings(project) if f.rule == "nlra.disparagement"]
    assert len(found) == 1 and found[0].path == ("training", "consequences")


def test_check_document_is_a_pure_function_that_threads_can_share():
    from concurrent.futures import ThreadPoolExecutor

    from smpolicy_desktop.checks.facts import CheckFacts
    from smpolicy_desktop.checks.policy_check import check_document

    document = document_saying("Keep salaries confidential.", "Do not harass anyone.")
    facts = CheckFacts(country="US")
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: check_document(document, facts), range(8)))
    assert all(r == results[0] for r in results)
    assert [(f.rule, f.clause_id) for f in results[0]] == [("nlra.pay", "employees.general")]


def test_outside_the_us_there_are_no_us_law_findings_only_a_note():
    project = Project()
    project.company.country = "DE"
    project.training.consequences = "Never discuss your salary."
    found = check_project(project)
    assert not any(f.area == "nlra" for f in found)
    assert any(f.rule == "jurisdiction.outside_us" and f.severity == "info" for f in found)


@pytest.mark.parametrize(("country", "criticize", "labor"), [
    ("US", "criticize", "labor"), ("", "criticise", "labour")])  # no country: British text
def test_the_checks_own_words_follow_the_policys_spelling_and_the_owners_stay_as_typed(
        tmp_path, capsys, country, criticize, labor):
    project = Project()
    project.company.country = country
    project.employees.recruiting_posts = "Never criticize the company online."
    [finding] = [f for f in check_project(project) if f.rule == "nlra.disparagement"]
    assert finding.excerpt == "Never criticize the company online."
    assert finding.suggestion.endswith(f"You may still {criticize} how we run our workplace "
                                       "and treat our staff.")
    assert finding.plain_severity() == f"Risky under {labor} law"
    fixed = apply_suggestion(project, finding)
    assert fixed.employees.recruiting_posts == finding.suggestion  # Apply writes what is shown
    save_project(project, tmp_path / "policy.smpolicy")
    assert main(["check", str(tmp_path / "policy.smpolicy")]) == 1
    assert f"  Safer wording: {finding.suggestion}\n" in capsys.readouterr().out


@pytest.mark.parametrize(("country", "authorization"), [
    ("US", "authorization"), ("GB", "authorisation"), ("AU", "authorisation"),
    ("CA", "authorization")])  # Canadian spelling keeps -ize
def test_a_missing_piece_is_explained_in_the_countrys_spelling(country, authorization):
    project = Project()
    project.company.country = country
    project.company.industry = Industry.HEALTH_CARE
    [finding] = [f for f in warnings(project, document=document_saying("Be careful online."))
                 if f.rule == "sector.health.patient_information"]
    assert finding.reason.endswith(f"without the patient's written {authorization}.")


def test_new_york_monitoring_needs_the_signed_acknowledgement():
    project = Project()
    project.company.state = "US-NY"
    project.review.acknowledgement_required = False
    [finding] = [f for f in check_project(project)
                 if f.rule == "missing.monitoring_acknowledgement"]
    assert finding.authority == "N.Y. Civ. Rights Law 52-c" and finding.severity == "warning"
    assert apply_suggestion(project, finding).review.acknowledgement_required
    project.company.state = "US-OH"
    assert not any(f.rule == "missing.monitoring_acknowledgement" for f in check_project(project))


def test_a_rule_aimed_at_staff_is_checked_in_the_companys_own_speech_too():
    """The company may say what it likes on its own pages, but "Staff must never criticize
    the practice..." typed into the note on criticism, or a crisis step that silences talk
    among coworkers, went unchecked into a final policy (found by a tester)."""
    project = Project()
    project.public.comment_note = "Staff must never criticize the company or its managers online."
    project.responses.first_steps = ["Do not discuss the incident with coworkers or anyone."]
    found = {(f.rule, f.path[0]) for f in warnings(project)}
    assert ("nlra.disparagement", "public") in found
    assert any(area == "responses" and rule.startswith("nlra.") for rule, area in found)
    project.public.comment_note = "We never delete criticism of the company."
    project.responses.first_steps = ["Pause our scheduled posts."]
    assert warnings(project) == []


def test_goals_and_figures_state_no_rule_and_are_not_read_as_one():
    """"New Google reviews each month" among the figures tracked was an FTC finding, and Apply
    put "If you review us on a site like Google or Yelp, say that you work here" among them
    (found by a tester)."""
    project = Project()
    project.company.industry = Industry.HEALTH_CARE
    project.presence.goals = ["Answer patient questions about insurance we accept"]
    project.training.measures = ["New Google reviews each month", "Number of five-star reviews"]
    assert [f for f in check_project(project) if f.path[:1] in (("presence",), ("training",))
            and f.path[1:2] in (("goals",), ("measures",))] == []
    assert not [f for f in warnings(project) if "review" in f.excerpt.lower()]
