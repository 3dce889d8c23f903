"""Huge values, from a paste or a crafted file: the policy still says everything, a reply from
counsel is still read back to the right clause."""

from smpolicy_desktop.checks.policy_check import apply_suggestion, check_project
from smpolicy_desktop.model import Project
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project
from tests.conftest import EXAMPLE

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
