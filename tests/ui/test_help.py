"""Help (F1): an offline page for every area, the lawyer round trip and the risk check."""

from __future__ import annotations

import re

from smpolicy_desktop.model import Project
from smpolicy_desktop.resources import resource_path
from ui.help import HelpWindow, page_url

HELP = resource_path("assets", "help")


def test_every_area_and_topic_has_a_page_and_every_link_leads_to_one():
    topics = [*Project.areas(), "index", "lawyer", "check", "keys"]
    assert sorted(p.stem for p in HELP.glob("*.md")) == sorted(topics)
    for page in HELP.glob("*.md"):
        for link in re.findall(r"\]\(([^)]+)\)", page.read_text(encoding="utf-8")):
            assert (HELP / link).is_file(), (page.name, link)
    index = (HELP / "index.md").read_text(encoding="utf-8")
    assert "does not give legal advice" in index


def test_the_help_window_shows_the_area_asked_for_and_follows_links(qtbot):
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show_topic("employees")
    text = window.browser.toPlainText()
    assert text.startswith("Employees") and "section 7" in text
    # the page is what a screen reader reads first, not the "Contents" button (a tester)
    assert window.focusWidget() is window.browser
    window.browser.setSource(page_url("lawyer"))
    assert "tracked changes" in window.browser.toPlainText()
    window.browser.backward()
    assert window.browser.toPlainText().startswith("Employees")
    window.show_topic("no such topic")
    assert window.browser.toPlainText().startswith("Help")


def test_help_never_loads_anything_outside_its_folder(qtbot, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret")
    window = HelpWindow()
    qtbot.addWidget(window)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    assert window.browser.loadResource(QTextDocument.ResourceType.MarkdownResource,
                                       QUrl.fromLocalFile(str(outside))) is None
    assert window.browser.loadResource(QTextDocument.ResourceType.ImageResource,
                                       QUrl("https://example.com/x.png")) is None


def test_on_a_big_screen_help_is_a_third_of_it_wide_and_most_of_it_high(qtbot, monkeypatch):
    """At 560x640 on a 2560x1440 screen help was a small box, most of a page out of sight;
    on a small screen it still fits."""
    from PySide6.QtCore import QRect

    for free, size in (((2560, 1400), (853, 1120)), ((1366, 728), (560, 640)),
                       ((683, 344), (560, 304))):  # 1366x768 at 2x: less a frame
        monkeypatch.setattr("ui.screen_fit.free_area", lambda _w, free=free: QRect(0, 0, *free))
        window = HelpWindow()
        qtbot.addWidget(window)
        assert (window.width(), window.height()) == size
