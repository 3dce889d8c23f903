"""Counsel's markup the reader placed or kept wrongly: a section whose clauses the owner
rejects, a heading typed inside a clause, a paragraph typed above a redline's note.
"""

from __future__ import annotations

import pytest

from smpolicy_desktop.review import Decision
from tests.test_counsel_markup_word import AI_SECTION, typed_after_your_rights
from tests.test_review_import import export_for_counsel
from tests.test_review_other_editors import reply_of


@pytest.fixture
def sent(tmp_path):
    return export_for_counsel(tmp_path)


def test_a_section_whose_clause_the_owner_rejects_is_not_kept_and_the_owner_is_told(
        sent, tmp_path):
    """Counsel's new section 'Artificial intelligence' accepted, its clause 'AI tools'
    rejected: it was added "as a section of your own" with nothing in it, and shown nowhere
    (not in the preview, not in the Word file). The policy shows a section only with a
    clause in it: it is not added, and the owner is told why."""
    workspace, read = reply_of(sent, tmp_path, typed_after_your_rights(*AI_SECTION))
    before = workspace.document().clauses()
    section, clause = (next(i.id for i in read.items if i.text.startswith(title))
                       for title in ("Artificial intelligence", "AI tools"))
    outcome = workspace.apply_review(read, {section: Decision("accept"),
                                            clause: Decision("reject")})
    assert outcome.done == []
    assert outcome.warnings == [
        f"{section}: the section 'Artificial intelligence' is not added: a section shows only "
        "with a clause in it, and none of counsel's clauses under it is accepted"]
    assert workspace.project.owner_clauses == []
    assert workspace.document().clauses() == before

