"""Huge values, from a paste or a crafted file: the policy still says everything, a reply from
counsel is still read back to the right clause."""

import json
import re
import zipfile

import pytest

from smpolicy_desktop.checks.policy_check import apply_suggestion, check_project
from smpolicy_desktop.cli import main
from smpolicy_desktop.model import OwnerClause, Project
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project, save_project
from tests.conftest import EXAMPLE
from tests.docx_projects import filled_project
from tests.test_review_import import W, edited_reply

SENTENCE = "Breaking the policy is handled fairly and in proportion."


def test_a_paragraph_over_ten_megabytes_keeps_the_clauses_after_it():
    """The HTML parser stopped at 10,000,000 characters of text: the rest of the section went
    missing from the preview and from every export, without a word (a 10 MB company's name
    took 28 of the policy's clauses with it)."""
    project = load_project(EXAMPLE)
    everything = render_document(project).clauses()
    project.training.consequences = " ".join([SENTENCE] * (10_000_000 // len(SENTENCE) + 1))
    document = render_document(project)
    assert list(document.clauses()) == list(everything)
    [paragraph] = [block for block in document.blocks if block.clause_id ==
                   "training.consequences" and len(block.text) > 10_000_000]
    assert paragraph.text == project.training.consequences


def test_each_risky_sentence_of_a_long_answer_is_found_and_fixed_in_its_own_place():
    """Each finding in a long answer carried a copy of the whole answer with its sentence
    replaced: a 1 MB answer with 4,500 risky sentences took 20 s and gigabytes to check (the
    window's check, and `smpolicy check`). The fix is now written out when applied."""
    risky = "Never post negative comments about managers."
    project = Project()
    def answer(safer_at: int = -1, safer: str = "") -> str:
        return " ".join(safer if n == safer_at else risky if n % 7 == 0 else SENTENCE
                        for n in range(7 * 300))

    project.training.consequences = answer()
    found = [f for f in check_project(project) if f.path == ("training", "consequences")]
    assert len(found) == 300 and {f.excerpt for f in found} == {risky}
    fixed = apply_suggestion(project, found[150]).training.consequences
    assert fixed == answer(7 * 150, found[150].suggestion)


LONG = "own.rules-for-the-warehouse-team-on-the-night-shift"


@pytest.mark.parametrize("ids", [("own.a.b", "own.a-b"), (f"{LONG}-one", f"{LONG}-two")])
def test_counsels_edit_comes_back_to_its_clause_when_two_ids_look_alike(tmp_path, capsys, ids):
    """Ids alike but for punctuation, or in their first 36 characters (hand-edited), were
    given one bookmark in the Word file, and counsel's change to the first clause came back
    as a change to the second."""
    project = filled_project()
    project.owner_clauses = [
        OwnerClause(id=ids[0], section_id="employees", title="Night shift",
                    text="Keep the loading dock off camera."),
        OwnerClause(id=ids[1], section_id="employees", after=ids[0], title="Day shift",
                    text="Keep customers' parcels off camera.")]
    project_file, sent = tmp_path / "policy.smpolicy", tmp_path / "sent.docx"
    save_project(project, project_file)
    assert main(["export", str(project_file), "-o", str(sent), "--remember"]) == 0

    def counsel_edits(root) -> None:
        [text] = [t for t in root.iter(f"{{{W}}}t") if t.text == project.owner_clauses[0].text]
        text.text = "Keep the loading dock and its staff off camera."

    reply = edited_reply(sent, tmp_path / "reply.docx", counsel_edits)
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply), "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["clause_id"] == ids[0]


def test_the_bookmarks_of_a_policy_without_look_alike_ids_are_named_as_before(tmp_path):
    """Files already sent to counsel are read back by these names."""
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path / "sent.docx")]) == 0
    body = zipfile.ZipFile(tmp_path / "sent.docx").read("word/document.xml").decode()
    ids = {block.clause_id for block in render_document(load_project(EXAMPLE)).blocks}
    assert set(re.findall(r'w:name="(smp_\w+)"', body)) == {
        ("smp_" + re.sub(r"\W", "_", clause_id, flags=re.ASCII))[:40] for clause_id in ids}
