"""The Qt binding keeps Python's None alive: a long evening of edits never crashes the app.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call that returns None
(every setter, every update), and the window died "deallocating None" after some thousands.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtWidgets import QPushButton

from tests.conftest import EXAMPLE
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)


def test_qt_calls_returning_none_leave_none_alive(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for number in range(2000):
        button.setText(str(number))
        button.update()
    assert sys.getrefcount(None) >= before - 50


@pytest.mark.slow
def test_typing_and_repainting_the_window_leave_none_alive(make_window, qtbot):  # noqa: F811
    window = make_window(EXAMPLE)
    assert window.rendering.current_check() is not None

    def settled() -> int:
        """None's references with the window at rest: the project checked, garbage collected
        (what the first check or a late render frees is no leak; CI once lost 280 so)."""
        window.rendering.current_check()
        qtbot.wait(50)
        gc.collect()
        return sys.getrefcount(None)

    before = settled()
    for number in range(300):
        window.model.set_value(("company", "name"), f"Northwind {number}")
        window.tabs.tabBar().repaint()
    assert settled() >= before - 200
