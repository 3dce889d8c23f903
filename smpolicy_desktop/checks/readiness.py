"""Whether the policy is ready: each area's mark (never a tick over a risky rule), the
overall progress, and what still stands in the way of a final version.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Literal

from ..model import Project, ReviewStatus
from .completeness import area_status
from .facts import CheckFacts
from .finding import Finding

Mark = Literal["empty", "partial", "done", "warning"]


def area_marks(project: Project, findings: Iterable[Finding],
               status: dict[str, tuple[str, list[str]]] | None = None
               ) -> dict[str, tuple[Mark, list[str]]]:
    """Area -> (mark, labels still blank); "warning" when a risky rule of the owner's is in it:
    in an answer, or in a rule or wording of the owner's own in the area's section.

    `status` is area_status(project) when the caller has it already.
    """
    risky = {str(f.path[0]) if f.path else owner_words_area(project, f.clause_id)
             for f in findings if f.at_least("warning")}
    return {area: ("warning" if area in risky else state, missing)  # type: ignore[misc]
            for area, (state, missing) in (status or area_status(project)).items()}


def owner_words_area(project: Project, clause_id: str) -> str:
    """The area (tab) of a clause in the owner's own words (a rule added, or a clause
    reworded); "" for the app's own text."""
    own = next((c for c in project.owner_clauses if c.id == clause_id), None)
    if own is not None:
        section = own.section_id
    elif project.wording_for(clause_id) is not None:
        section = clause_id.split(".")[0]
    else:
        return ""
    return Project.area_of_section(section)


def risky_left(findings: Iterable[Finding] | None) -> str:
    """"The risk check still lists 2 risky sentences." ("" when it lists none); findings None:
    the check could not run."""
    if findings is None:
        return "The risk check could not run, so risky sentences may be left."
    risky = sum(f.at_least("warning") for f in findings)
    return f"The risk check still lists {risky} risky sentence{'s' if risky != 1 else ''}." \
        if risky else ""


def open_before_final(project: Project, findings: Iterable[Finding] | None,
                      today: date | None = None) -> list[str]:
    """What a final version would go out with, one plain sentence each (empty: nothing)."""
    from ..dates import long_date_in

    today = today or date.today()
    review = project.review
    long_date = partial(long_date_in, project.company.spelling)
    items = [note for note in (CheckFacts.from_project(project).unchecked_note(),
                               risky_left(findings)) if note]
    waiting = [r.name or r.role or "a reviewer" for r in review.reviewers
               if r.status != ReviewStatus.APPROVED]
    if waiting:
        items.append("Not approved yet by: " + ", ".join(waiting) + ".")
    if not review.reviewers:
        items.append("No reviewer is listed; a lawyer should approve the policy.")
    due, start = review.next_review_date, project.company.effective_date
    if due is not None and due < today:
        items.append(f"The next review date, {long_date(due)}, has passed.")
    elif due is not None and start is not None and due < start:
        items.append(f"The next review date, {long_date(due)}, is before the policy starts "
                     f"({long_date(start)}).")
    return items
