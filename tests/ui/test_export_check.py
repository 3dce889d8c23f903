"""An export just after an edit waits for the background risk check of the policy as it stands,
with the window painting, and says honestly when that check could not run."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from smpolicy_desktop.checking import check
from tests.ui.test_window import EXPORT_DONE, read_then_click
from ui import dialogs

WAGES = "Employees must not discuss their wages on social media"
CHECK_S = 0.5  # how long the stand-in checker takes


class Paints(QObject):
    """Counts the paint events a widget gets."""

    def __init__(self, widget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


@pytest.fixture
def slow_checker(monkeypatch):
    """The checker process as the window sees it: a copy of the project, checked on another
    thread, its answer CHECK_S later; `fails` makes it answer None, as a failed check does."""
    class Checker:
        fails = False

        def check_elsewhere(self, project, document, done):
            project = project.model_copy(deep=True)
            threading.Timer(CHECK_S, lambda: done(
                None if self.fails else check(project, document))).start()

    checker = Checker()
    monkeypatch.setattr("ui.rendering.check_elsewhere", checker.check_elsewhere)
    return checker


def first_check(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.rendering.behind(), timeout=10_000)


def export_after_an_edit(window, answers, path, while_waiting=lambda: None) -> list[str]:
    """Add a risky rule and export at once; `while_waiting` is called halfway through the
    check. What the export's message said."""
    QTimer.singleShot(int(CHECK_S * 500), while_waiting)
    window.model.set_value(("employees", "confidential_info"), [WAGES])
    answers.save_path = path
    told: list[str] = []
    read_then_click(told, QMessageBox.StandardButton.Close)
    window.export_actions["docx"].trigger()
    return told


@pytest.mark.slow
def test_an_export_waits_for_the_check_with_the_window_painting(
        qtbot, tmp_path, make_window, answers, monkeypatch, slow_checker):
    monkeypatch.setattr(dialogs, "export_done", EXPORT_DONE)
    window = make_window()
    first_check(qtbot, window)
    paints = Paints(window.preview.viewport())
    seen = []

    def while_waiting() -> None:
        seen.append((window.statusBar().currentMessage(), QApplication.overrideCursor().shape()))
        paints.count = 0
        window.preview.viewport().update()

    told = export_after_an_edit(window, answers, tmp_path / "draft.docx", while_waiting)
    assert seen == [("Checking the policy for risky rules...", Qt.CursorShape.WaitCursor)]
    assert paints.count > 0
    assert told == ["Exported to draft.docx. The risk check still lists 1 risky sentence. "
                    "See Risk Check (F7) before you send the file."]
    assert QApplication.overrideCursor() is None and window.statusBar().currentMessage() == ""


@pytest.mark.slow
def test_an_export_whose_check_fails_says_the_check_could_not_run(
        qtbot, tmp_path, make_window, answers, monkeypatch, slow_checker):
    """The file is written all the same; the message does not read as a clean policy."""
    monkeypatch.setattr(dialogs, "export_done", EXPORT_DONE)
    window = make_window()
    first_check(qtbot, window)
    slow_checker.fails = True
    told = export_after_an_edit(window, answers, tmp_path / "draft.docx")
    assert (tmp_path / "draft.docx").is_file()
    assert told == ["Exported to draft.docx. The risk check could not run, so risky sentences "
                    "may be left. See Risk Check (F7) before you send the file."]


@pytest.mark.slow
def test_closing_a_window_while_its_export_waits_for_the_check_still_tells_the_owner(
        qtbot, tmp_path, make_window, answers, monkeypatch, slow_checker):
    """One of two windows (closing the last one quits the app, which ends every wait): the
    file is written, and the message says what the check found."""
    monkeypatch.setattr(dialogs, "export_done", EXPORT_DONE)
    make_window()
    window = make_window()
    first_check(qtbot, window)
    told = export_after_an_edit(window, answers, tmp_path / "draft.docx", window.close)
    assert not window.isVisible() and (tmp_path / "draft.docx").is_file()
    assert told == ["Exported to draft.docx. The risk check still lists 1 risky sentence. "
                    "See Risk Check (F7) before you send the file."]
