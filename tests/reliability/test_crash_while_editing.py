"""The app killed while editing: the next start offers the autosaved work.

A real window in a child process edits through its forms, autosaves, and is SIGKILLed. The
next start (this process) shows the recovery dialog: Restore brings back every edit made
before the last autosave; Discard leaves the user's file byte for byte as it was.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from smpolicy_desktop import autosave
from smpolicy_desktop.file_watch import lock_path
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import load_project, save_project
from tests.conftest import REPO
from tests.reliability.edit_and_crash import AFTER_THE_LAST_AUTOSAVE
from ui import dialogs
from ui.app import open_window
from ui.main_window import MainWindow

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


@pytest.fixture
def crashed(tmp_path):
    """The user's file, and the project as the killed window last autosaved it."""
    project = Project()
    project.company.name = "As Saved"
    users_file = tmp_path / "policy.smpolicy"
    save_project(project, users_file)
    expected = tmp_path / "as-autosaved.smpolicy"
    child = subprocess.run([sys.executable, "-m", "tests.reliability.edit_and_crash",
                            str(users_file), str(expected)], cwd=REPO, timeout=120,
                           capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    return users_file, load_project(expected)


def start_answering(qtbot, monkeypatch, users_file, *presses: str) -> MainWindow:
    """Start the app on the file, pressing each of `presses` (a button's text, or Esc) in the
    dialogs it shows one after the other; window.offered lists their titles."""
    offered: list[str] = []
    to_press = list(presses)

    def press_when_shown():
        dialog = QApplication.activeModalWidget()
        if dialog is None or (offered and dialog.windowTitle() == offered[-1]):
            QTimer.singleShot(20, press_when_shown)
            return
        offered.append(dialog.windowTitle())
        press = to_press.pop(0)
        if press == "Esc":
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            next(b for b in dialog.findChildren(QPushButton)
                 if b.text().replace("&", "") == press).click()
        if to_press:
            QTimer.singleShot(20, press_when_shown)

    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    QTimer.singleShot(0, press_when_shown)
    window = open_window([str(users_file)])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=30_000):  # the frame shows, then fills
        pass
    window.offered = offered
    return window


def test_restore_brings_back_every_edit_made_before_the_last_autosave(qtbot, monkeypatch,
                                                                       crashed):
    users_file, as_autosaved = crashed
    before = users_file.read_bytes()
    window = start_answering(qtbot, monkeypatch, users_file, "Restore")
    assert window.offered == ["Restore unsaved work"]

    restored = window.model.project
    assert restored == as_autosaved
    assert restored.company.name == "Typed Before The Crash"
    assert restored.company.publicly_traded and restored.company.staff_count == 40
    assert restored.company.industry == "professional_services"
    assert restored.company.related_policies == ["privacy"]
    assert restored.presence.goals == ["Win clients"]
    assert restored.employees.recruiting_posts == "Share our job posts"
    assert restored.company.name != AFTER_THE_LAST_AUTOSAVE  # that edit was never autosaved
    assert window.model.path == users_file and window.isWindowModified()
    assert users_file.read_bytes() == before


def test_discard_leaves_the_users_file_exactly_as_it_was(qtbot, monkeypatch, crashed):
    users_file, _ = crashed
    before = users_file.read_bytes()
    window = start_answering(qtbot, monkeypatch, users_file, "Discard...", "Discard")

    assert window.offered == ["Restore unsaved work", "Discard unsaved work"]
    assert window.model.project == load_project(users_file)
    assert not window.isWindowModified()
    assert users_file.read_bytes() == before
    assert autosave.left_by_crash() == []


def test_escape_keeps_the_work_and_the_next_start_offers_it_again(qtbot, monkeypatch,
                                                                  crashed):
    users_file, as_autosaved = crashed
    first_start = start_answering(qtbot, monkeypatch, users_file, "Esc")
    assert first_start.offered == ["Restore unsaved work"]  # once, not again for the file
    assert first_start.model.project == load_project(users_file)
    assert len(autosave.left_by_crash()) == 1
    first_start.close()

    next_start = start_answering(qtbot, monkeypatch, users_file, "Restore")
    assert next_start.offered == ["Restore unsaved work"]
    assert next_start.model.project == as_autosaved


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_a_logout_sigterm_autosaves_the_last_typing_and_leaves_the_file(tmp_path, ending):
    """At a logout the session sends SIGTERM (or SIGHUP) and waits for nobody: what was typed
    since the last autosave is autosaved, the user's file is untouched, its lock file is gone,
    and the next start offers the work."""
    from tests.reliability.edit_and_terminate import TYPED

    project = Project()
    project.company.name = "As Saved"
    users_file = tmp_path / "policy.smpolicy"
    save_project(project, users_file)
    before = users_file.read_bytes()
    child = subprocess.run([sys.executable, "-m", "tests.reliability.edit_and_terminate",
                            str(users_file), ending.name], cwd=REPO, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 128 + ending, child.stderr
    assert users_file.read_bytes() == before
    assert not lock_path(users_file).exists()
    [found] = autosave.left_by_crash()
    assert found.original == users_file and found.load().company.name == TYPED


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_the_app_ended_at_a_logout_quits_at_once_and_leaves_no_lock_file(tmp_path, ending):
    """The app itself (main.py) on a copy of the example project, sent SIGTERM or SIGHUP once
    its window is filled: it ends within seconds, the lock file beside the project is gone,
    and the project file is byte for byte as it was."""
    import os

    from tests.packaged import example_copy

    project = example_copy(tmp_path)
    before = project.read_bytes()
    app = subprocess.Popen([sys.executable, str(REPO / "main.py"), str(project)], cwd=REPO,
                           env={**os.environ, "SMPOLICY_SAY_FILLED": "1"},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None
        assert app.stdout.readline().startswith("filled"), app.stderr.read()
        assert lock_path(project).exists()
        app.send_signal(ending)
        assert app.wait(timeout=5) == 128 + ending
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert not lock_path(project).exists()
    assert project.read_bytes() == before
