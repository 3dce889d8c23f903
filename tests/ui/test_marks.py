"""The area marks and the progress strip: how many areas are ready and what to do next."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("theme", ["light", "dark", "high contrast black", "high contrast white"])
def test_each_areas_mark_stands_out_on_its_tab_in_every_theme(qtbot, desktop_theme, theme):
    """Drawn in fixed colours, the empty ring and the half circle were 2.3:1 on a light tab,
    the red 2.9:1 on a dark one. Each mark stands out from
    the tab by 3:1 or more (WCAG's for what is not text), and the tick or exclamation mark
    from the colour it is drawn on."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QTabWidget

    from ui.colours import contrast, mixed

    if theme != "light":
        desktop_theme(theme)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tab = tabs.palette().color(tabs.backgroundRole())  # as show_marks draws them for
    drawn = {status: status_icon(status, tab.name()).pixmap(16, 16).toImage()
             for status in ("empty", "partial", "done", "warning")}

    def seen(x: int, y: int, image) -> QColor:  # the pixel over the tab
        return mixed(tab, image.pixelColor(x, y), image.pixelColor(x, y).alphaF())

    for status, image in drawn.items():  # the ring's left edge
        assert max(contrast(seen(x, 8, image), tab) for x in range(5)) >= 3, status
    for status in ("done", "warning"):
        fill = seen(4, 6, drawn[status])  # clear of the tick or exclamation mark
        assert max(contrast(seen(x, y, drawn[status]), fill)
                   for x in range(5, 12) for y in range(4, 12)) >= 3, status


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


def test_the_area_tabs_labels_line_up_beside_their_marks(qtbot):
    """The marks stood at the tabs' left edge and each title was centred in the room left, so
    the titles started wherever their length put them."""
    from PySide6.QtWidgets import QLabel, QTabWidget

    from ui.marks import status_icon
    from ui.side_tabs import put_tabs_on_the_side

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    put_tabs_on_the_side(tabs)
    for title in TITLES.values():
        tabs.addTab(QLabel(title), status_icon("done"), title)
    tabs.show()
    qtbot.waitExposed(tabs)
    bar = tabs.tabBar()
    image = bar.grab().toImage()
    ratio = image.devicePixelRatio()

    def first_letter(index: int) -> int:
        """The first column, right of the mark, holding a dark pixel of the title."""
        rect = bar.tabRect(index)
        start = rect.left() + bar.iconSize().width() + 6
        for x in range(start, rect.right()):
            for y in range(rect.top() + 4, rect.bottom() - 4):
                colour = image.pixelColor(round(x * ratio), round(y * ratio))
                if colour.lightness() < 110 and colour.saturation() < 30:  # not the mark
                    return x - rect.left()
        return -1

    starts = [first_letter(index) for index in range(bar.count())]
    assert min(starts) > 0 and max(starts) - min(starts) <= 2, starts  # a letter's own side


@pytest.mark.parametrize("risk_check", [False, True])
def test_at_1440x900_at_150_percent_the_next_step_reads_whole(qtbot, make_window, risk_check):
    """At 1440x900 at 1.5 (960x600 to the app), the count and its bar side by side left the
    next step a third of the strip: "Every area is ready. Export to Word (Ctrl+E) ..." was
    cut. With the count over its bar it reads whole, beside the risk check too."""
    from ui.file_commands import example_project
    from ui.main_window import first_size

    window = make_window(example_project())
    window.resize(*first_size(960, 600 - 27))  # less the panel
    window.findings_dock.setVisible(risk_check)
    hint = window.progress.hint
    qtbot.waitUntil(lambda: hint.text().startswith("Every area is ready"), timeout=20_000)
    qtbot.waitUntil(lambda: hint.shown().replace("\n", " ") == hint.text(), timeout=5_000)
