"""Dates: how the app writes one for people (long_date_in; with its time, moment_in), and the
rules for the project's dates: a date edited is in a year a policy can mean (YEARS), the next
review comes after the effective date, and the suggested next review is the effective date
(else today) plus the review cycle.

A project file's dates are shown as they are, any the calendar has, up to 31 Dec 9999: a date
past it is simply not suggested.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from .model import Project

REVIEW = ("review", "next_review_date")
EFFECTIVE = ("company", "effective_date")
# The years a date typed into a policy can be in: one before or after them is a typing
# mistake ("Mar 1, 0026", "1/2/1826" for 2026, "2226"), which was saved as it was.
YEARS = range(1900, 2201)


def long_date_in(spelling: str | None, value: date | None) -> str:
    """A date as the policy writes it: "March 1, 2026", or outside the US "1 March 2026".

    The one way the app writes a date for people, in the policy and in the window alike:
    `spelling` is the project's (Company.spelling), so its views write dates as its country
    does whatever the system's locale. Where the app speaks for itself (About, the recovery
    list), the window passes the spelling of the user's country (ui.dialogs.system_spelling),
    the CLI None ("1 March 2026"). Never a short form such as 03/01/26, which a US and a UK
    reader take for different days.
    """
    if not value:
        return ""
    if spelling == "US":
        return f"{value:%B} {value.day}, {value.year}"
    return f"{value.day} {value:%B} {value.year}"


def read_long_date(spelling: str | None, text: str) -> date | None:
    """The date long_date_in writes as `text` ("September 1, 2026"); None for other text."""
    try:
        return datetime.strptime(text, "%B %d, %Y" if spelling == "US" else "%d %B %Y").date()
    except ValueError:
        return None


def day_made(spelling: str | None, when: datetime) -> str:
    """The day a change or comment was made, as long_date_in writes it: the day on this
    computer's clock (its time zone), as Word shows it; a change made at 22:30 in California
    was dated the next day, the day in UTC."""
    return long_date_in(spelling, when.astimezone().date())


def moment_in(spelling: str | None, when: datetime) -> str:
    """A moment as the app writes one for people: its date as long_date_in writes it, then
    the time to the second, in UTC as the app records it ("March 1, 2026, 10:04:17 UTC"), so
    two files sent in the same minute read apart."""
    return f"{long_date_in(spelling, when.date())}, {when:%H:%M:%S} UTC"


def months_later(start: date, months: int) -> date | None:
    """The same day `months` on (the month's last day if it is shorter); None past year 9999."""
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    if year > date.max.year:
        return None
    day = start.day
    while True:  # 31 January and a month: 28 or 29 February
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def suggested_review_date(project: Project, today: date | None = None) -> date | None:
    start = project.company.effective_date or today or date.today()
    return months_later(start, project.review.review_cycle_months)


def refuse_date(project: Project, path: tuple, value: Any) -> None:
    """Raise ValidationError (as for any refused answer) for a date edited that cannot be
    meant: in a year outside YEARS (in any answer, a table's cell too), or out of order
    (refuse_date_out_of_order)."""
    if isinstance(value, date) and value.year not in YEARS:
        when = f"before {YEARS.start}" if value.year < YEARS.start else f"after {YEARS[-1]}"
        _refuse(path, value, "date_year", f"the date "
                f"{long_date_in(project.company.spelling, value)} is {when}; check its year")
    refuse_date_out_of_order(project, path, value)


def refuse_date_out_of_order(project: Project, path: tuple, value: Any) -> None:
    """Raise ValidationError for a next review date before the effective date, or an
    effective date after the next review date."""
    review, effective = project.review.next_review_date, project.company.effective_date
    if path == REVIEW:
        review = value
    elif path == EFFECTIVE:
        effective = value
    else:
        return
    if not (isinstance(review, date) and isinstance(effective, date)) or review > effective:
        return

    spelling = project.company.spelling
    _refuse(path, value, "date_order",
            f"the next review date must come after the effective date "
            f"({long_date_in(spelling, effective)})" if path == REVIEW else
            f"the effective date must come before the next review date "
            f"({long_date_in(spelling, review)})")


def _refuse(path: tuple, value: Any, kind: str, message: str) -> None:
    raise ValidationError.from_exception_data("date", [InitErrorDetails(
        type=PydanticCustomError(kind, message), loc=path[1:], input=value)])
