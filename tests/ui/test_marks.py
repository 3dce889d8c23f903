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


def test_the_strip_holds_its_place_before_and_after_the_marks_arrive(qtbot):
    strip = ProgressStrip()
    qtbot.addWidget(strip)
    strip.resize(900, strip.sizeHint().height())
    strip.show()
    def height() -> int:  # what a layout gives it
        return max(strip.sizeHint().height(), strip.minimumHeight())

    before = height()
    assert strip.isVisible() and strip.count.text() == "Checking your answers..."
    strip.show_marks({"company": ("partial", ["Policy owner", "Policy owner's job title",
                                              "Effective date"]),
                      "voice": ("empty", []), "employees": ("empty", [])}, TITLES)
    assert height() == before


def test_the_area_tabs_keep_their_width_when_the_marks_arrive(qtbot):
    from PySide6.QtWidgets import QLabel, QTabWidget

    from ui.marks import status_icon
    from ui.side_tabs import put_tabs_on_the_side

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    put_tabs_on_the_side(tabs)
    for title in TITLES.values():
        tabs.addTab(QLabel(title), title)
    tabs.show()
    before = tabs.tabBar().sizeHint().width()
    for index in range(tabs.count()):
        tabs.setTabIcon(index, status_icon("done"))
    assert tabs.tabBar().sizeHint().width() == before
