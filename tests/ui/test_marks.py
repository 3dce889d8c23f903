"""The area marks and the progress strip: how many areas are ready and what to do next."""

from __future__ import annotations

from ui.marks import ProgressStrip, status_icon

TITLES = {"company": "Company", "voice": "Voice and spokespeople", "employees": "Employees"}


def test_the_strip_counts_ready_areas_and_names_the_next_step(qtbot):
    strip = ProgressStrip()
    qtbot.addWidget(strip)
    strip.show()
    strip.show_marks({"company": ("done", []), "voice": ("partial", ["Spokespeople"]),
                      "employees": ("empty", ["What counts as confidential"])}, TITLES)
    assert strip.count.text() == "1 of 3 areas ready"
    assert strip.hint.text() == "Next: Employees: not started yet."
    with qtbot.waitSignal(strip.go) as went:
        strip.go_button.click()
    assert went.args == ["employees"]


def test_a_risky_area_comes_first_and_a_finished_policy_says_export(qtbot):
    strip = ProgressStrip()
    qtbot.addWidget(strip)
    strip.show()
    strip.show_marks({"company": ("done", []), "voice": ("partial", ["Spokespeople"]),
                      "employees": ("warning", [])}, TITLES)
    assert strip.area == "employees" and "could be unlawful" in strip.hint.text()
    strip.show_marks({area: ("done", []) for area in TITLES}, TITLES)
    assert strip.count.text() == "3 of 3 areas ready"
    assert "Export to Word" in strip.hint.text() and not strip.go_button.isVisible()


def test_every_mark_has_its_own_icon():
    images = {status: status_icon(status).pixmap(16, 16).toImage()
              for status in ("empty", "partial", "done", "warning")}
    assert len({image.cacheKey() for image in images.values()}) == 4
    assert images["warning"] != images["done"]
