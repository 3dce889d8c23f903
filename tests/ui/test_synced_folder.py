"""The owner months later, with the project in a synced folder (Dropbox, OneDrive, Google
Drive) and open on two computers: what the other computer saves reaches this window's notice
however the sync client puts it in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import load_project, save_project
from ui import dialogs
from ui.main_window import MainWindow
from ui.versions_window import VersionsWindow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "policy.smpolicy"
    save_project(Project(company={"name": "As Saved Here"}), path)
    monkeypatch.setattr(dialogs, "ask_reload", lambda *args: True)
    shown = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.start(path)
    shown.show()
    return shown


def name_in(window: MainWindow) -> str:
    return window.forms["company"].editor(("company", "name")).text()


def test_a_file_a_sync_client_deletes_then_puts_back_is_offered(qtbot, window, tmp_path):
    """Some sync clients delete the file, then write the other computer's version at its
    name a moment later. The window said the file was moved or deleted, then stopped looking:
    the owner went on editing the old answers, to be told of the other version only at Save."""
    path = window.model.path
    later = path.read_text(encoding="utf-8").replace("As Saved Here", "Saved On The Laptop")
    path.unlink()
    qtbot.waitUntil(lambda: "moved or deleted" in window.statusBar().currentMessage(),
                    timeout=5000)
    path.write_text(later, encoding="utf-8")
    qtbot.waitUntil(lambda: name_in(window) == "Saved On The Laptop", timeout=5000)
    assert not window.isWindowModified()
    QTest.qWait(300)
    again = later.replace("Saved On The Laptop", "Saved Again On The Laptop")
    path.write_text(again, encoding="utf-8")  # and it is watched as before
    qtbot.waitUntil(lambda: name_in(window) == "Saved Again On The Laptop", timeout=5000)


def test_a_version_restored_after_the_file_changed_elsewhere_is_not_saved_over_it(
        qtbot, window, monkeypatch):
    """The laptop saved the project; here the owner kept the answers shown, then restored an
    earlier save from File > Versions and saved: the laptop's version was replaced without a
    question, as if the restore had read the file anew."""
    asked = []
    monkeypatch.setattr(dialogs, "ask_reload", lambda *args: asked.append("reload") and False)
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *args: "discard")
    monkeypatch.setattr(dialogs, "ask_file_changed",
                        lambda *args: asked.append("file_changed") or "cancel")
    path = window.model.path
    editor = window.forms["company"].editor(("company", "name"))
    editor.clear()
    qtbot.keyClicks(editor, "Second Save Here")
    assert window.files.save()
    QTest.qWait(300)
    laptop = path.read_text(encoding="utf-8").replace("Second Save Here", "Saved On The Laptop")
    path.write_text(laptop, encoding="utf-8")
    qtbot.waitUntil(lambda: asked == ["reload"], timeout=5000)  # kept the answers shown
    dialog = VersionsWindow(window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(dialog.list.count() - 1)  # as first saved
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Restore").click()
    assert name_in(window) == "As Saved Here"
    assert not window.files.save()
    assert asked == ["reload", "file_changed"]
    assert load_project(path).company.name == "Saved On The Laptop"


def test_a_lock_file_synced_from_the_other_computer_says_open_elsewhere(qtbot, tmp_path):
    """The owner left the project open at work; the sync client brought its lock file home.
    Opened at home, the project said nothing: a lock file no window here holds was taken for
    one a crash left, and both computers edited it. Now the window asks, naming the other
    computer, and says what to do if the project is no longer open there."""
    import json

    from smpolicy_desktop.file_watch import OpenLock
    from tests.ui.test_never_lose_work import press_in_dialog

    path = tmp_path / "policy.smpolicy"
    save_project(Project(company={"name": "As Saved At Work"}), path)
    OpenLock(path).path.write_text(json.dumps(
        {"user": "dana", "host": "office-pc", "since": "2026-12-03T09:12", "pid": 4242}))
    said: list[str] = []
    press_in_dialog("Open Read-Only", said=said)
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.start(path)
    window.show()
    assert said[0].startswith("policy.smpolicy is already open (dana on office-pc since ")
    assert said[0].endswith(" 2026, 09:12).")  # the date as the system's spelling writes it
    assert said[1].startswith("It was opened on another computer, and the synced folder brought "
                              "word of it here; if it is no longer open there")
    assert window.windowTitle().startswith("policy.smpolicy[*] (read-only)")
