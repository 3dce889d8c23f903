"""Rows and list items counsel adds or takes out: accepted, they change the owner's list
answer (the escalation chain, what counts as confidential), so the clause still follows the
answers afterwards; it is not frozen as counsel's wording.
"""

from __future__ import annotations

import copy

import pytest

from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.review import Decision
from smpolicy_desktop.workspace import Workspace
from tests.test_review_import import (
    _change,
    _mark_paragraph,
    _paragraph,
    _run,
    _split,
    export_for_counsel,
    marked_paragraphs,
    w,
)
from tests.test_review_other_editors import offered, on_body, reply_of

SOURCE_CODE = "Source code and system designs"
HR_ROW = ("HR", "Kim Lo", "+1 555 0102", "Any claim of harassment")


@pytest.fixture
def sent(tmp_path):
    return export_for_counsel(tmp_path)


def _new_bullet(root) -> None:
    """A bullet typed after "Client files and client data" (Word marks the paragraph end it split as
    inserted, and the new words), and "Financial results" deleted with its end."""
    body = root.find(w("body"))
    _bullet_after(_paragraph(body, "Client files and client data"), SOURCE_CODE, 960)
    _delete_paragraph(_paragraph(body, "Financial results"), 962)


def _bullet_after(before, text: str, change_id: int) -> None:
    """A bullet typed after `before`, as Word marks it: the new words inserted (change_id) and
    the paragraph end they split from `before` (change_id + 1)."""
    added = copy.deepcopy(before)
    for run in added.findall(w("r")):
        added.remove(run)
    added.append(_change("ins", change_id, _run(text)))
    _mark_paragraph(before, "ins", change_id + 1)
    before.addnext(added)


def _delete_paragraph(p, change_id: int) -> None:
    for run in p.findall(w("r")):
        text = "".join(run.itertext())
        p.replace(run, _change("del", change_id, _run(text, deleted=True)))
    _mark_paragraph(p, "del", change_id + 100)


def _row_with(root, text: str):
    return next(tr for tr in root.iter(w("tr")) if text in "".join(tr.itertext()))


def _new_row(root) -> None:
    """An HR row counsel added after Sam Ortiz's, and Lee Park's row taken out (w:trPr)."""
    row = _row_with(root, "Sam Ortiz")
    added = copy.deepcopy(row)
    added.find(w("trPr")).append(_change("ins", 970))
    for node, text in zip(added.iter(w("t")), HR_ROW, strict=True):
        node.text = text
    for run in list(added.iter(w("r"))):
        run.getparent().replace(run, _change("ins", 971, copy.deepcopy(run)))
    row.addnext(added)
    lawyer = _row_with(root, "Lee Park")
    lawyer.find(w("trPr")).append(_change("del", 972))
    for run in list(lawyer.iter(w("r"))):
        run.getparent().replace(run, _change("del", 973, _run("".join(run.itertext()),
                                                              deleted=True)))


def _follows_answers(workspace, clause_id: str) -> None:
    """The clause has no wording of its own: a change of answer shows in it."""
    assert clause_id not in {w.clause_id for w in workspace.project.wording}
    workspace.project.company.name = "Southwind Data Inc"
    workspace.project.responses.escalation_chain[0].name = "Sam Ortega"
    workspace.project.employees.confidential_info[0] = "Client files"
    texts = clause_texts(workspace.document())
    assert "Sam Ortega" in texts["responses.escalation"]
    assert "- Client files\n" in texts["employees.confidential"]


def test_a_bullet_counsel_adds_and_one_counsel_deletes_change_the_list(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(_new_bullet))
    assert offered(read) == {("insertion", "employees.confidential", SOURCE_CODE),
                             ("deletion", "employees.confidential", "Financial results")}
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert workspace.project.employees.confidential_info == [
        "Client files and client data", SOURCE_CODE, "Unreleased projects"]
    assert any("What counts as confidential" in line for line in outcome.done), outcome.done
    _follows_answers(workspace, "employees.confidential")


def test_the_next_redline_shows_the_owners_edit_not_the_quick_guide_line(sent, tmp_path):
    """The quick guide repeats the list counsel changed, and changes with it; the owner never
    edited it, so the redline after the reply marks only what the owner then changed."""
    workspace, read = reply_of(sent, tmp_path, on_body(_new_bullet))
    for item in read.items:  # one at a time, as the review panel applies them
        workspace.apply_review(read, {item.id: Decision("accept")})
    assert "source code and system designs" in clause_texts(workspace.document())[
        "quick_guide.dont"]
    workspace.set_value(("training", "consequences"),
                        "Coaching first; serious breaches may lead to a written warning.")
    workspace.export(tmp_path / "redline.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "redline.docx") == [
        "Coaching first; serious breaches may lead to [-discipline-][+a written warning+]."]


def test_a_reply_opened_again_to_decide_the_rest_is_kept_once(sent, tmp_path):
    """Counsel's bullet accepted, the project closed; the reply opened again later for the
    deletion: one version of counsel's reply is kept, and the next redline marks nothing."""
    workspace, read = reply_of(sent, tmp_path, on_body(_new_bullet))
    first, *rest = read.items
    workspace.apply_review(read, {first.id: Decision("accept")})
    workspace.save()
    workspace = Workspace.open(sent[0])
    read = workspace.read_reply(tmp_path / "reply.docx")
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert [v.label for v in workspace.project.sent_versions] == [
        "Sent to counsel", "Reply from Morgan Lee"]
    workspace.export(tmp_path / "redline.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "redline.docx") == []


@pytest.mark.parametrize(("after", "added", "listed"), [
    ("unreleased projects", "; source code",
     ["Client files and client data", "Unreleased projects", "Source code", "Financial results"]),
    ("client files and client data", ", source code",
     ["Client files and client data, source code", "Unreleased projects", "Financial results"]),
    ("unreleased ", "and planned ",
     ["Client files and client data", "Unreleased and planned projects", "Financial results"])])
def test_a_list_item_counsel_writes_into_the_quick_guides_sentence(sent, tmp_path, after, added,
                                                                   listed):
    """The quick guide writes the list inside a sentence ("That means a; b; and c."): an item
    counsel adds there is an item of the list, with its capital, as 4.6 shows it; a word added
    inside an item rewords that item (a comma is the sentence's only where it joins items)."""
    def edit(root) -> None:
        p = _paragraph(root.find(w("body")), "That means client files")
        _split(p, after, _run)
        typed = next(r for r in p.iter(w("r")) if "".join(r.itertext()) == after)
        typed.addnext(_change("ins", 980, _run(added)))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert workspace.project.employees.confidential_info == listed
    assert workspace.project.wording == [], outcome.done
    assert f"- {listed[1]}\n" in clause_texts(workspace.document())["employees.confidential"]


def test_a_list_item_added_after_the_quick_guides_last_is_kept_as_wording(sent, tmp_path):
    """After "and financial results" no single list gives counsel's sentence: it is kept as
    the quick guide's wording, not made part of the last item."""
    def edit(root) -> None:
        _paragraph(root.find(w("body")), "That means client files").append(
            _change("ins", 981, _run(" Also source code.")))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert workspace.project.employees.confidential_info == [
        "Client files and client data", "Unreleased projects", "Financial results"]
    assert "Also source code." in clause_texts(workspace.document())["quick_guide.dont"]
    assert any("kept counsel's wording" in line for line in outcome.done), outcome.done


@pytest.mark.parametrize(("after", "chosen"), [
    ("Confidentiality / NDA", ["confidentiality", "privacy", "code_of_conduct"]),
    ("Code of conduct", ["confidentiality", "code_of_conduct", "privacy"])])
def test_a_policy_counsel_adds_to_the_other_policies_list_is_one_more_answer(sent, tmp_path,
                                                                             after, chosen):
    """1.4's list is the answer "Policies this one refers to" (several choices): a bullet
    counsel adds with a choice's name ticks that choice, where counsel put it. It froze the
    clause as counsel's wording, so ticking or unticking a policy later changed nothing."""
    workspace, read = reply_of(sent, tmp_path, on_body(lambda root: _bullet_after(
        _paragraph(root.find(w("body")), after), "Privacy policy", 960)))
    assert offered(read) == {("insertion", "purpose.related", "Privacy policy")}
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert outcome.done[0] == \
        '1.4 Other policies: kept as your answer to "Policies this one refers to"'
    assert [str(policy) for policy in workspace.project.company.related_policies] == chosen
    assert workspace.project.wording == []
    workspace.project.company.related_policies.remove("code_of_conduct")
    assert clause_texts(workspace.document())["purpose.related"].endswith(
        "\n- Confidentiality / NDA\n- Privacy policy")


def test_a_policy_counsel_takes_off_the_other_policies_list_is_unticked(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(lambda root: _delete_paragraph(
        _paragraph(root.find(w("body")), "Code of conduct"), 962)))
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert outcome.done[0] == \
        '1.4 Other policies: kept as your answer to "Policies this one refers to"'
    assert workspace.project.company.related_policies == ["confidentiality"]
    assert workspace.project.wording == []


def test_a_policy_counsel_adds_that_is_no_choice_keeps_counsels_words(sent, tmp_path):
    """No answer can hold "Whistleblowing policy": the clause keeps counsel's words."""
    workspace, read = reply_of(sent, tmp_path, on_body(lambda root: _bullet_after(
        _paragraph(root.find(w("body")), "Code of conduct"), "Whistleblowing policy", 960)))
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert outcome.done[0] == "1.4 Other policies: kept counsel's wording"
    assert "- Code of conduct\n- Whistleblowing policy" in \
        clause_texts(workspace.document())["purpose.related"]


def test_a_row_counsel_adds_and_one_counsel_deletes_change_the_table(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(_new_row))
    assert offered(read) == {
        ("insertion", "responses.escalation", " | ".join(HR_ROW)),
        ("deletion", "responses.escalation",
         "Company lawyer | Lee Park | lee@example.com | Any legal threat")}
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    chain = workspace.project.responses.escalation_chain
    assert [(c.role, c.name, c.contact, c.when) for c in chain] == [
        ("Account owner", "Sam Ortiz", "+1 555 0101", "Any complaint that is not settled in a day"),
        HR_ROW,
        ("Policy owner", "Dana Reyes", "+1 555 0100", "Any legal threat or possible crisis")]
    _follows_answers(workspace, "responses.escalation")


def test_one_row_accepted_one_rejected_one_at_a_time(sent, tmp_path):
    """As the review panel does it: each decision applied with those accepted before."""
    workspace, read = reply_of(sent, tmp_path, on_body(_new_row), on_body(_new_bullet))
    by_text = {i.text.split(" |")[0]: i.id for i in read.items}
    workspace.apply_review(read, {by_text["HR"]: Decision("accept")})
    workspace.apply_review(read, {by_text["Company lawyer"]: Decision("reject")})
    workspace.apply_review(read, {by_text[SOURCE_CODE]: Decision("accept")})
    workspace.apply_review(read, {by_text[SOURCE_CODE]: Decision("accept"),
                                  by_text["Financial results"]: Decision("accept")})
    assert [c.role for c in workspace.project.responses.escalation_chain] == [
        "Account owner", "HR", "Policy owner", "Company lawyer"]
    assert workspace.project.employees.confidential_info[1] == SOURCE_CODE
    assert "Financial results" not in workspace.project.employees.confidential_info
    _follows_answers(workspace, "responses.escalation")
    _follows_answers(workspace, "employees.confidential")


def test_a_row_with_a_sentence_changed_beside_it_is_still_the_clauses_wording(sent, tmp_path):
    """A row added and the clause's own sentence reworded: no answer gives that, so it is
    kept as the clause's wording, and the owner is told."""
    def edit(root) -> None:
        _new_row(root)
        intro = _paragraph(root.find(w("body")), "contact the people below in order")
        intro.append(_change("ins", 975, _run(" Keep a note of each call.")))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    text = clause_texts(workspace.document())["responses.escalation"]
    assert "Keep a note of each call." in text and "| HR | Kim Lo |" in text
    assert "Lee Park" not in text
    assert any("kept counsel's wording" in line for line in outcome.done), outcome.done


def test_a_bullet_the_owner_added_after_sending_stays_beside_counsels(sent, tmp_path):
    workspace, read = reply_of(sent, tmp_path, on_body(_new_bullet))
    workspace.project.employees.confidential_info = [
        *workspace.project.employees.confidential_info, "Board minutes"]
    outcome = workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    assert workspace.project.employees.confidential_info == [
        "Client files and client data", SOURCE_CODE, "Unreleased projects", "Board minutes"]
    assert workspace.project.wording == [], outcome.done


@pytest.mark.parametrize("editor", ["_google_docs", "_drop_bookmarks", "_localised_styles",
                                    "_rsids"])
def test_rows_and_bullets_from_other_editors_go_into_the_lists(sent, tmp_path, editor):
    """Re-saved by Google Docs, without the clause bookmarks, with translated style ids, or
    with Word's rsids and split runs: the rows and bullets still go into the answers."""
    from tests import test_review_other_editors as editors

    saved = getattr(editors, editor)
    workspace, read = reply_of(sent, tmp_path, on_body(_new_row), on_body(_new_bullet),
                               on_body(saved) if editor == "_rsids" else saved)
    workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})
    project = workspace.project
    assert project.employees.confidential_info == [
        "Client files and client data", SOURCE_CODE, "Unreleased projects"]
    assert [c.role for c in project.responses.escalation_chain] == [
        "Account owner", "HR", "Policy owner"]
    assert project.wording == []
