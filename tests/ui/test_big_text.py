"""The window with the desktop's text made bigger (Windows at 125-150%, a 13-16pt Linux
desktop font): Qt follows the desktop's font, and what the owner reads is neither small nor
cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QCommandLinkButton, QPushButton

from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import EXAMPLE
from tests.ui.test_review_panel import reply, window_with_reply  # noqa: F401
from tests.ui.test_window import answers, make_window, settings  # noqa: F401
from ui.main_window import MainWindow, first_size
from ui.screen_fit import FRAME
from ui.versions_window import VersionsWindow


@pytest.mark.parametrize("points", [10, 13, 15, 18])
def test_the_kinds_of_business_read_at_the_desktops_size_and_whole(
        qtbot, settings, answers, text_of, points):  # noqa: F811
    """The start page's kinds of business were drawn at 9 points whatever the desktop's
    size, and their rows were shorter than the words ("...through approved, archived", its
    last line cut off at 1366x768); with bigger text the page stayed 1000 pixels wide and cut
    the names ("Health care pract")."""
    text_of(points)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(None)
    window.show()
    window.resize(1280, 648)  # 1366x768, less the taskbar and the frame
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page)
    kinds = window.start_page.findChildren(QCommandLinkButton)
    assert len(kinds) == 6
    for kind in kinds:
        assert kind.font().pointSize() == points
        qtbot.waitUntil(lambda kind=kind: kind.width() >= kind.minimumSizeHint().width()
                        and kind.height() >= kind.heightForWidth(kind.width()))


@pytest.mark.parametrize(("points", "screen", "rows_whole"),
                         [(13, (1366, 768), 1), (15, (1366, 768), 1), (15, (1920, 1080), 2),
                          (18, (1920, 1080), 1)])
def test_counsels_changes_show_the_change_picked_whole_in_big_text(
        qtbot, make_window, reply, monkeypatch, text_of, points, screen, rows_whole):  # noqa: F811
    """With a 15pt font at 1366x768 the list of counsel's changes was squeezed to about one
    row, of which a line or two showed, and its Text column was six characters wide ("Just /
    make / sure"). The change picked now reads whole with the start of the next (both whole at
    15pt on a bigger screen), its words at least twelve characters a line; the buttons below it stay
    in view without scrolling the panel."""
    text_of(points)
    window = window_with_reply(qtbot, make_window, *reply, monkeypatch)
    window.resize(*first_size(screen[0], screen[1] - 40))  # less the taskbar
    panel, items = window.review_panel, window.review_panel.items
    items.setCurrentItem(items.topLevelItem(0))

    def rows_in_view() -> bool:
        view = items.viewport().rect()
        return all(view.contains(items.visualItemRect(items.topLevelItem(row)))
                   for row in range(rows_whole)) \
            and view.intersects(items.visualItemRect(items.topLevelItem(rows_whole)))

    qtbot.waitUntil(rows_in_view, timeout=5_000)
    assert items.columnWidth(3) >= 12 * items.fontMetrics().averageCharWidth()
    for button in (panel.accept_button, panel.reject_button):
        assert button.visibleRegion().boundingRect() == button.rect()


@pytest.mark.parametrize("points", [10, 15, 18])
def test_versions_compare_shows_a_screenful_in_big_text(qtbot, settings, answers, tmp_path,  # noqa: F811, E501
                                                        monkeypatch, text_of, points):
    """File > Versions was 640x480 pixels whatever the text's size: at 18 points Compare's
    differences showed in three lines below the list. It is now as many characters and lines
    of its font as 640x480 holds at 10 points, and never larger than the screen."""
    monkeypatch.setattr("ui.screen_fit.free_area", lambda _window: QRect(0, 0, 1366, 728))
    text_of(points)
    workspace = Workspace(load_project(EXAMPLE))
    workspace.save(tmp_path / "policy.smpolicy")
    workspace.project.company.name = "Northwind Analytics Inc."
    workspace.save()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(tmp_path / "policy.smpolicy")
    qtbot.waitUntil(lambda: window.model.path is not None)
    versions = VersionsWindow(window)
    qtbot.addWidget(versions)
    versions.show()
    versions.list.setCurrentRow(1)
    versions.compare()
    assert "Northwind Analytics LLC" in versions.details.toPlainText()
    assert versions.width() <= 1366 - FRAME and versions.height() <= 728 - FRAME
    line = versions.details.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: versions.details.viewport().height() >= 8 * line)
    for button in versions.findChildren(QPushButton):
        assert button.visibleRegion().boundingRect() == button.rect()
