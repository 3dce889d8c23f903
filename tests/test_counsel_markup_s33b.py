"""More lawyers, each marking up the example project (assets/examples/northwind.smpolicy) as
sent with the command line, as Word writes what they did (or in LibreOffice through its UNO
API, tests/lawyer_uno.py): a lawyer working late in California, read on the owner's computer
in California.
The owner sees each change as counsel saw it, where it is, and accepting puts counsel's words
where they belong, or says why not.
"""

from __future__ import annotations

from tests.test_counsel_markup_s31 import listed
from tests.test_counsel_markup_s31 import sent as example_sent
from tests.test_counsel_markup_s33 import in_the_window
from tests.test_review_import import COUNSEL, _change, _paragraph, _run
from tests.test_review_other_editors import on_body, rewrite
from tests.ui.test_review_panel import select
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)

sent = example_sent  # the fixture: the example project, sent to counsel from the command line


# --- A lawyer working late, on the owner's clock ------------------------------------------------

def _late_evening(root) -> None:
    """Counsel in California adds a sentence at 22:30 on 1 December, her time: Word writes the
    instant, 06:30 on the 2nd in UTC."""
    _paragraph(root, "well and on time.").append(_change(
        "ins", 992, _run(" Breaks are yours."), date="2026-12-02T06:30:00Z"))


def test_a_late_evening_change_is_dated_on_the_owners_day(sent, tmp_path, capsys, time_zone):
    """On the owner's computer in California the change was listed as made on December 2,
    the day in UTC; Word, on the same computer, says December 1."""
    time_zone("America/Los_Angeles")
    project, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_late_evening))
    assert listed(capsys, project, reply)[1].endswith(
        f"\t{COUNSEL} December 1, 2026\tBreaks are yours.")


def test_a_late_evening_change_in_the_panel(qtbot, make_window, tmp_path,  # noqa: F811
                                            monkeypatch, time_zone):
    time_zone("America/Los_Angeles")
    window = in_the_window(qtbot, make_window, tmp_path, monkeypatch, on_body(_late_evening))
    assert select(window, "Breaks are yours.").toolTip(2) == f"by {COUNSEL}, December 1, 2026"
    assert window.review_panel.details.text().startswith(
        f"Insertion by {COUNSEL}, December 1, 2026")
