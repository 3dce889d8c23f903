"""Huge values, from a paste or a crafted file: the policy still says everything, a reply from
counsel is still read back to the right clause."""

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
