"""The window with the desktop's text made bigger (Windows at 125-150%, a 13-16pt Linux
desktop font): Qt follows the desktop's font, and what the owner reads is neither small nor
cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QCommandLinkButton

from tests.ui.test_window import answers, settings  # noqa: F401
from ui.main_window import MainWindow


@pytest.fixture
def text_of(qapp):
    """text_of(15): the desktop's font at that many points until the test ends."""
    before = QApplication.font()

    def use(points: int) -> None:
        font = QApplication.font()
        font.setPointSize(points)
        QApplication.setFont(font)

    yield use
    QApplication.setFont(before)


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
