"""Never lose work, in the window (issue 15): the recovery offer survives Esc, a file changed
elsewhere is never silently overwritten, a second window is told the file is open, each
window keeps its own autosave, and File > Versions brings back an earlier save."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from smpolicy_desktop import autosave, versions
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import FORMAT, backup_path, load_project, save_project
from tests.conftest import EXAMPLE
from ui import dialogs
from ui.main_window import MainWindow
from ui.versions_window import VersionsWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def users_file(tmp_path):
    path = tmp_path / "shared.smpolicy"
    save_project(Project(company={"name": "As Saved"}), path)
    return path


@pytest.fixture
def asked(monkeypatch):
    """The answers the 'user' gives, and the questions the window asked."""
    answers = {"open_elsewhere": "read_only", "file_changed": "cancel", "reload": True,
               "unsaved": "discard", "save_as": ""}
    answers["asked"] = []

    def answer(kind):
        def ask(*args):
            answers["asked"].append(kind)
            return answers[kind]
        return ask

    monkeypatch.setattr(dialogs, "ask_open_elsewhere", answer("open_elsewhere"))
    monkeypatch.setattr(dialogs, "ask_file_changed", answer("file_changed"))
    monkeypatch.setattr(dialogs, "ask_reload", answer("reload"))
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", answer("unsaved"))
    monkeypatch.setattr(dialogs, "save_file_name",
                        lambda *a: answers["asked"].append("save_as") or str(answers["save_as"]))
    return answers


def open_window(qtbot, settings, path: Path | None, *, to_crash: bool = False) -> MainWindow:
    window = MainWindow(settings)
    if not to_crash:  # closed by qtbot at the end
        qtbot.addWidget(window)
    window.start(path)
    window.show()
    return window


def crash(window: MainWindow) -> None:
    """What SIGKILL does to a window: its locks go with the process; nothing is cleaned up."""
    window.model.workspace.instance.release()
    window.disk.release()
    shiboken6.delete(window)


def name_in(window: MainWindow) -> str:
    return window.forms["company"].editor(("company", "name")).text()


def type_name(qtbot, window: MainWindow, text: str) -> None:
    editor = window.forms["company"].editor(("company", "name"))
    editor.clear()
    qtbot.keyClicks(editor, text)


def press_in_dialog(*presses: str, said: list[str] | None = None) -> list[str]:
    """Once a modal dialog shows, press Escape or click the button with that text; in each
    dialog that shows after it (the same one shown again too), the next of `presses`. Returns
    the dialog titles seen; `said` gets the words of the last message box: its text, its
    informative text and its buttons."""
    seen: list[str] = []

    def press(rest: tuple[str, ...], last: QWidget | None, left: bool) -> None:
        dialog = QApplication.activeModalWidget()
        left = left or dialog is not last  # the dialog pressed in has closed since
        if dialog is None or not left:
            QTimer.singleShot(20, lambda: press(rest, last, left))
            return
        seen.append(dialog.windowTitle())
        if said is not None and isinstance(dialog, QMessageBox):
            said[:] = [dialog.text(), dialog.informativeText(),
                       *(button.text() for button in dialog.buttons())]
        if rest[0] == "Esc":
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            next(b for b in dialog.findChildren(QPushButton)
                 if b.text().replace("&", "") == rest[0]).click()
        if rest[1:]:
            QTimer.singleShot(20, lambda: press(rest[1:], dialog, False))

    QTimer.singleShot(0, lambda: press(presses, None, True))
    return seen


def left_crash_work(qtbot, settings, users_file, text="Typed Before The Crash") -> None:
    window = open_window(qtbot, settings, users_file, to_crash=True)
    type_name(qtbot, window, text)
    window.recovery.autosave_now()
    crash(window)


# --- 1. Recovery: only a confirmed Discard deletes the work ---------------------------------

@pytest.mark.parametrize("how", ["Esc", "Later"])
def test_closing_the_recovery_offer_keeps_the_work_for_next_time(qtbot, settings, users_file,
                                                                 asked, how):
    left_crash_work(qtbot, settings, users_file)
    seen = press_in_dialog(how)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert not window.offer_recovery()
    assert seen == ["Restore unsaved work"]
    [kept] = autosave.left_by_crash()
    assert kept.load().company.name == "Typed Before The Crash"

    press_in_dialog("Restore")  # the next start offers it again
    next_start = MainWindow(settings)
    qtbot.addWidget(next_start)
    assert next_start.offer_recovery()
    assert name_in(next_start) == "Typed Before The Crash"


def test_discard_asks_before_deleting_the_work(qtbot, settings, users_file, asked):
    left_crash_work(qtbot, settings, users_file)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    seen = press_in_dialog("Discard...", "Cancel", "Later")  # Cancel: back to the choice
    assert not window.offer_recovery()
    assert seen == ["Restore unsaved work", "Discard unsaved work", "Restore unsaved work"]
    assert len(autosave.left_by_crash()) == 1  # not confirmed: kept

    window.recovery.later.clear()  # as at the next start
    press_in_dialog("Discard...", "Discard")
    assert not window.offer_recovery()
    assert autosave.left_by_crash() == []
    assert load_project(users_file).company.name == "As Saved"


@pytest.mark.parametrize("answer", ["Save", "Cancel"])
def test_the_file_asked_for_at_the_start_never_drops_the_work_just_restored(
        qtbot, settings, users_file, asked, tmp_path, answer):
    """The owner double-clicks asked.smpolicy; the app first offers work a crash left in
    shared.smpolicy, and they restore it. Before the file they asked for replaces that work,
    the app asks to save it, with no Don't Save: saved, it is in shared.smpolicy and the file
    asked for opens; cancelled, it stays in the window, unsaved, and still comes back if the
    app dies now."""
    asked_for = tmp_path / "asked.smpolicy"
    save_project(Project(company={"name": "Asked For"}), asked_for)
    left_crash_work(qtbot, settings, users_file)
    question: list[str] = []
    seen = press_in_dialog("Restore", answer, said=question)
    window = MainWindow(settings)
    window.start_up(asked_for)
    assert seen == ["Restore unsaved work", "Save the restored work"]
    assert question == ["The window shows the unsaved work restored for shared.smpolicy. Save it "
                        "before opening asked.smpolicy?",
                        "Cancel keeps the restored work here, unsaved, and does not open "
                        "asked.smpolicy; you can open it later with File > Open.",
                        "Save", "Cancel"]
    assert "unsaved" not in asked["asked"]  # not the Save / Don't Save / Cancel of Open
    if answer == "Save":
        assert load_project(users_file).company.name == "Typed Before The Crash"
        assert window.model.path == asked_for and name_in(window) == "Asked For"
        window.close()
        assert autosave.left_by_crash() == []
    else:
        assert window.model.path == users_file and window.isWindowModified()
        assert name_in(window) == "Typed Before The Crash"
        assert load_project(users_file).company.name == "As Saved"
        crash(window)
        [kept] = autosave.left_by_crash()
        assert kept.load().company.name == "Typed Before The Crash"
    assert load_project(asked_for).company.name == "Asked For"


def test_restoring_the_file_asked_for_opens_it_once(qtbot, settings, users_file, asked):
    left_crash_work(qtbot, settings, users_file)
    press_in_dialog("Restore")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start_up(users_file)
    assert name_in(window) == "Typed Before The Crash" and window.isWindowModified()
    assert asked["asked"] == []


def enabled_in_file_menu(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.text().replace("&", "") for a in menu.actions()
            if not a.isSeparator() and a.isEnabled()]


# The File menu with no project on screen: what opens one, a setting, a file's check, Quit.
NO_PROJECT_COMMANDS = ["New...", "Open...", "Open Recent", "Number Lines in Word Exports",
                       "Check a Policy Document...", "Quit"]


@pytest.mark.parametrize(("button", "then_shown"), [("Restore", "Typed Before The Crash"),
                                                  ("Later", "As Saved")])
def test_while_the_recovery_offer_shows_nothing_but_the_offer_can_be_acted_on(
        qtbot, users_file, asked, button, then_shown):
    """Seen after a crash: behind the offer sat a blank "Untitled" project with Save, Save As
    and Export enabled; one could save an empty policy, or think the work gone. Now the window
    says what it is opening, and only the owner's choice brings a project and its commands."""
    from ui.app import open_window as start_app

    left_crash_work(qtbot, QSettings(), users_file)  # the app's settings: the last file comes
    behind: list = []

    def look_then_press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look_then_press)
            return
        window = dialog.parentWidget()
        behind.extend([dialog.windowTitle(), window.windowTitle(),
                       [label.text() for label in window.findChildren(QLabel, "opening")
                        if label.isVisible()], window.forms["company"].isVisible(),
                       enabled_in_file_menu(window), window.save_action.isEnabled()])
        next(b for b in dialog.findChildren(QPushButton)
             if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, look_then_press)
    window = start_app([])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: behind != [] and window.forms["company"].isVisible(), timeout=10_000)
    assert behind == ["Restore unsaved work", "shared.smpolicy — smpolicy",
                      ["Opening shared.smpolicy..."], False, NO_PROJECT_COMMANDS, False]
    assert name_in(window) == then_shown
    assert window.windowTitle().startswith("shared.smpolicy")
    assert {"Save", "Save As...", "Export to Word...", "Print..."} <= {
        *enabled_in_file_menu(window)}
    assert not window.export_changes_action.isEnabled()  # nothing was sent to counsel


# --- 2. Outside changes ----------------------------------------------------------------------

def test_a_second_window_is_told_and_opens_read_only(qtbot, settings, users_file, asked,
                                                     tmp_path):
    first = open_window(qtbot, settings, users_file)
    second = open_window(qtbot, settings, users_file)
    assert asked["asked"] == ["open_elsewhere"]
    assert "(read-only)" in second.windowTitle()
    type_name(qtbot, second, "Edited In The Second")
    asked["save_as"] = tmp_path / "copy.smpolicy"
    assert second.files.save()  # read-only: Save asks where, the shared file stays as it was
    assert "save_as" in asked["asked"]
    assert load_project(users_file).company.name == "As Saved"
    assert load_project(tmp_path / "copy.smpolicy").company.name == "Edited In The Second"
    assert "(read-only)" not in second.windowTitle()
    first.close()


def test_a_read_only_window_never_writes_the_file(qtbot, settings, users_file, asked,
                                                  tmp_path):
    """From a window opened read-only, Send to Counsel saved the record of v1 into the file
    the other window was editing, and Save As to the same name wrote it without a question,
    the title still saying read-only (found by a tester)."""
    first = open_window(qtbot, settings, users_file)
    second = open_window(qtbot, settings, users_file)
    written = users_file.read_bytes()
    second.model.workspace.export(tmp_path / "sent.docx", "docx", remember=True)
    assert users_file.read_bytes() == written and second.isWindowModified()
    asked["save_as"] = users_file
    assert not second.files.save()  # asked again: read-only again
    assert asked["asked"] == ["open_elsewhere", "save_as", "open_elsewhere"]
    assert users_file.read_bytes() == written and "(read-only)" in second.windowTitle()
    asked["open_elsewhere"] = "edit"
    assert second.files.save()  # edit anyway: written, no longer read-only
    assert [v.id for v in load_project(users_file).sent_versions] == ["v1"]
    assert "(read-only)" not in second.windowTitle()
    first.close()


@pytest.mark.parametrize("answer, on_disk, shown", [
    ("cancel", "Changed By Sync", "Mine"),
    ("overwrite", "Mine", "Mine"),
    ("reload", "Changed By Sync", "Changed By Sync"),
])
def test_saving_over_a_file_changed_elsewhere_asks_first(qtbot, settings, users_file, asked,
                                                         answer, on_disk, shown):
    asked["reload"] = False  # the watcher's offer: keep this version for now
    window = open_window(qtbot, settings, users_file)
    save_project(Project(company={"name": "Changed By Sync"}), users_file)  # Dropbox, say
    type_name(qtbot, window, "Mine")
    asked["file_changed"] = answer
    window.files.save()
    assert "file_changed" in asked["asked"]
    assert load_project(users_file).company.name == on_disk
    assert name_in(window) == shown
    assert window.isWindowModified() == (answer == "cancel")
    kept = [load_project(version.path).company.name
            for version in versions.kept(versions.history_of(users_file))]
    assert answer != "overwrite" or "Changed By Sync" in kept  # overwritten, yet kept


def test_a_file_moved_away_while_open_is_told_and_save_asks_where(qtbot, settings, users_file,
                                                                  asked, tmp_path):
    """The owner moved the project to another folder with the file manager: nothing was
    said, and Ctrl+S wrote it again at the old place, beside a moved copy now stale."""
    window = open_window(qtbot, settings, users_file)
    moved = tmp_path / "moved.smpolicy"
    users_file.rename(moved)
    qtbot.waitUntil(lambda: "was moved or deleted" in window.statusBar().currentMessage(),
                    timeout=5000)
    type_name(qtbot, window, "Typed After The Move")
    asked["save_as"] = moved
    assert window.files.save()
    assert "save_as" in asked["asked"] and not users_file.exists()
    assert load_project(moved).company.name == "Typed After The Move"


def test_a_folder_renamed_while_open_saves_there_without_calling_its_own_lock_another_window(
        qtbot, settings, asked, tmp_path, monkeypatch):
    """The owner renamed the project's folder while it was open: Save asked where with no word
    why, and saving into the renamed folder said the project was "already open" - by this
    window's own lock, moved with the folder; its default, Open Read-Only, saved nothing and
    left the lock behind (found by a tester)."""
    path = tmp_path / "Policy" / "P.smpolicy"
    path.parent.mkdir()
    save_project(Project(company={"name": "As Saved"}), path)
    window = open_window(qtbot, settings, path)
    type_name(qtbot, window, "Typed Work")
    path.parent.rename(tmp_path / "Policy 2026")
    moved = tmp_path / "Policy 2026" / "P.smpolicy"
    titles = []
    monkeypatch.setattr(dialogs, "save_file_name",
                        lambda parent, title, *a: titles.append(title) or str(moved))
    assert window.files.save()
    assert titles == ["Save project: P.smpolicy was moved or deleted"]
    assert asked["asked"] == [] and not window.isWindowModified()
    assert load_project(moved).company.name == "Typed Work"
    window.close()
    assert sorted(os.listdir(moved.parent)) == ["P.smpolicy", "P.smpolicy.bak"]


def test_a_clean_window_offers_to_show_a_change_made_elsewhere(qtbot, settings, users_file,
                                                               asked):
    window = open_window(qtbot, settings, users_file)
    save_project(Project(company={"name": "Changed Elsewhere"}), users_file)
    qtbot.waitUntil(lambda: "reload" in asked["asked"], timeout=5000)
    qtbot.waitUntil(lambda: name_in(window) == "Changed Elsewhere")
    assert not window.isWindowModified()


def test_the_version_kept_when_the_file_changed_elsewhere_is_unsaved_work(qtbot, settings,
                                                                          users_file, asked):
    """A copy from a USB stick put over the open file, and Keep This Version: the window
    looked saved, closed without a question, and the version kept was nowhere (found by a
    tester). It is unsaved work: closing asks, and Save asks before it replaces the copy."""
    asked["reload"] = False  # Keep This Version
    window = open_window(qtbot, settings, users_file)
    save_project(Project(company={"name": "Old USB Copy"}), users_file)
    qtbot.waitUntil(lambda: "reload" in asked["asked"], timeout=5000)
    qtbot.waitUntil(window.isWindowModified)
    assert name_in(window) == "As Saved"
    asked["unsaved"] = "cancel"
    assert not window.close() and "unsaved" in asked["asked"]
    asked["file_changed"] = "overwrite"
    assert window.files.save() and "file_changed" in asked["asked"]
    assert load_project(users_file).company.name == "As Saved"
    kept = [load_project(version.path).company.name
            for version in versions.kept(versions.history_of(users_file))]
    assert "Old USB Copy" in kept  # overwritten, yet kept


@pytest.mark.slow  # 2.7 s: the file is written in steps while the offer shows
def test_a_file_written_in_place_is_offered_once_whole(qtbot, settings, users_file, asked,
                                                      monkeypatch):
    """Seen by a tester: a program that writes the file in place (emptied, then written, as
    many editors and scripts do) brought the offer twice, stacked: one still showed after
    Reload. The offer is asked once, with the file whole, however long the user takes."""
    window = open_window(qtbot, settings, users_file)
    whole = users_file.read_text(encoding="utf-8").replace("As Saved", "Written In Place")

    def ask_slowly(*_):  # the question is a dialog: its event loop runs while it shows
        asked["asked"].append("reload")
        QTest.qWait(600)
        return True

    monkeypatch.setattr(dialogs, "ask_reload", ask_slowly)
    with users_file.open("w", encoding="utf-8") as file:  # emptied...
        file.flush()
        QTest.qWait(50)  # the watcher sees the empty file
        file.write(whole[:40])
        file.flush()
        QTest.qWait(50)
        file.write(whole[40:])  # ...then written
    qtbot.waitUntil(lambda: name_in(window) == "Written In Place", timeout=5000)
    QTest.qWait(800)
    assert asked["asked"] == ["reload"]
    assert not window.isWindowModified()
    users_file.write_text(whole.replace("Written In Place", "Written Again"), encoding="utf-8")
    qtbot.waitUntil(lambda: name_in(window) == "Written Again", timeout=5000)
    assert asked["asked"] == ["reload", "reload"]  # a later change is offered again


def test_own_saves_do_not_look_like_outside_changes(qtbot, settings, users_file, asked):
    window = open_window(qtbot, settings, users_file)
    for text in ("One", "Two"):
        type_name(qtbot, window, text)
        assert window.files.save()
    QTest.qWait(300)
    assert asked["asked"] == []
    assert load_project(backup_path(users_file)).company.name == "One"


# --- 3. One autosave per window and file ------------------------------------------------------

def test_a_crashed_windows_work_survives_another_window_quitting_cleanly(qtbot, settings,
                                                                         users_file, asked):
    asked["open_elsewhere"] = "edit"
    first = open_window(qtbot, settings, users_file)
    second = open_window(qtbot, settings, users_file, to_crash=True)
    type_name(qtbot, first, "ONE")
    type_name(qtbot, second, "TWO")
    first.recovery.autosave_now()
    second.recovery.autosave_now()
    crash(second)
    assert first.files.save()
    first.close()
    [offered] = autosave.left_by_crash()
    assert offered.load().company.name == "TWO"


def test_opening_a_file_in_a_running_window_offers_its_crash_work(qtbot, settings, users_file,
                                                                  asked, tmp_path,
                                                                  monkeypatch):
    other = tmp_path / "other.smpolicy"
    save_project(Project(), other)
    left_crash_work(qtbot, settings, users_file, "CRASHWORK2")
    running = open_window(qtbot, settings, other)
    offered = []
    monkeypatch.setattr(dialogs, "choose_recovery",
                        lambda parent, found: offered.append(found) or ("restore", found[0]))
    assert running.files.open_project(users_file)
    assert [work.original for work in offered[0]] == [users_file]
    assert name_in(running) == "CRASHWORK2" and running.isWindowModified()


def test_an_unusable_autosave_folder_is_said_and_saving_still_works(qtbot, settings,
                                                                    users_file, asked,
                                                                    tmp_path, monkeypatch):
    window = open_window(qtbot, settings, users_file)
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    type_name(qtbot, window, "Unsaved")
    window.recovery.autosave_now()
    assert "Autosave is not working" in window.statusBar().currentMessage()
    QTest.qWait(100)
    assert "Autosave is not working" in window.statusBar().currentMessage()  # it stays
    assert window.files.save()
    assert not window.isWindowModified()
    assert "Saved shared.smpolicy" in window.statusBar().currentMessage()


# --- 6. Versions ------------------------------------------------------------------------------

def test_a_file_with_no_versions_yet_says_so(qtbot, settings, tmp_path, asked):
    """Seen by a tester: Versions of a file this app had not saved was an empty list."""
    from smpolicy_desktop.storage import project_to_bytes

    elsewhere = tmp_path / "from elsewhere.smpolicy"  # from a mail or another computer
    elsewhere.write_bytes(project_to_bytes(Project(company={"name": "From Elsewhere"})))
    window = open_window(qtbot, settings, elsewhere)
    dialog = VersionsWindow(window)
    qtbot.addWidget(dialog)
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "No versions yet: each save from now on is kept here."]
    assert dialog.list.accessibleName() and dialog.details.accessibleName()  # for a screen reader
    assert not any(b.isEnabled() for b in dialog.findChildren(QPushButton)
                   if b.text() in ("Compare", "Open as Copy", "Restore"))


def test_versions_follow_a_project_whose_folder_was_moved(qtbot, settings, tmp_path, asked):
    """After the owner moved or renamed the project's folder, File > Versions said "No
    versions yet" (found by a tester)."""
    from smpolicy_desktop.workspace import Workspace

    (tmp_path / "Policies").mkdir()
    workspace = Workspace(Project(company={"name": "First Save"}))
    workspace.save(tmp_path / "Policies" / "policy.smpolicy")
    workspace.project.company.name = "Second Save"
    workspace.save()
    (tmp_path / "Policies").rename(tmp_path / "Policies 2026")
    window = open_window(qtbot, settings, tmp_path / "Policies 2026" / "policy.smpolicy")
    dialog = VersionsWindow(window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(1)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Restore").click()
    assert name_in(window) == "First Save"


def test_versions_window_compares_and_restores_an_earlier_save(qtbot, settings, users_file,
                                                               asked):
    window = open_window(qtbot, settings, users_file)
    for text in ("Second Save", "Oops Wrong Name"):
        type_name(qtbot, window, text)
        window.files.save()
        window.files.save()  # a habit: no new version, no lost backup
    dialog = VersionsWindow(window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 3  # as first saved, and the two saves
    dialog.list.setCurrentRow(1)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Compare").click()
    assert "Company name" in dialog.details.toPlainText()
    assert "Second Save" in dialog.details.toPlainText()
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Restore").click()
    assert name_in(window) == "Second Save" and window.isWindowModified()
    assert window.model.path == users_file
    assert load_project(users_file).company.name == "Oops Wrong Name"  # until saved


def test_restoring_a_version_keeps_the_record_of_counsel_and_compare_reads_plainly(
        qtbot, settings, users_file, asked, tmp_path):
    """A save before the policy went to counsel, restored, dropped the record of v1 (counsel's
    reply to it was then refused), and Compare listed that record's insides
    ("'sent_versions' > row 1 > 'clause_ids'") and dates as 2026-06-01 (found by testers)."""
    window = open_window(qtbot, settings, users_file)
    window.model.set_value(("review", "next_review_date"), date(2026, 6, 1))
    assert window.files.save()
    window.model.set_value(("review", "next_review_date"), date(2027, 12, 1))
    assert window.files.save()
    window.model.workspace.export(tmp_path / "sent.docx", "docx", remember=True)
    window.files.show_versions()
    dialog = window.findChild(VersionsWindow)
    assert dialog.isVisible() and dialog.windowModality() != Qt.WindowModality.NonModal
    dialog.list.setCurrentRow(dialog.list.count() - 2)  # the first save
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Compare").click()
    assert dialog.details.toPlainText() == (
        "Review and sign-off > Next review date\n  this version: June 1, 2026\n"
        "  now: December 1, 2027")
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Restore").click()
    assert window.model.project.review.next_review_date == date(2026, 6, 1)
    assert [v.id for v in window.model.project.sent_versions] == ["v1"]
    assert window.exports.update_changes_action() is None and \
        window.export_changes_action.isEnabled()


def test_a_file_from_elsewhere_saved_once_lists_two_versions_told_apart(qtbot, settings,
                                                                        tmp_path, asked):
    """Seen at 1366x768: a project copied in from elsewhere, saved once, showed in File >
    Versions as two identical lines ("December 3, 2026, 17:49:44 (4 KB on disk)"): the file
    as it was and as saved, both stamped with the save. The older one now says when it was
    written."""
    copied = tmp_path / "copied.smpolicy"
    copied.write_bytes(EXAMPLE.read_bytes())
    written = datetime(2026, 1, 5, 10, 0, 0)
    os.utime(copied, (written.timestamp(), written.timestamp()))
    window = open_window(qtbot, settings, copied)
    type_name(qtbot, window, "Harbor Lane Ltd")
    assert window.files.save()
    dialog = VersionsWindow(window)
    qtbot.addWidget(dialog)
    lines = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert len(lines) == 2 and lines[0] != lines[1]
    assert lines[1].startswith("January 5, 2026, 10:00:00")


# --- 9. Names from the company name -------------------------------------------------------------

def test_a_slash_in_the_company_name_does_not_move_the_export(qtbot, settings, users_file,
                                                               asked, monkeypatch):
    window = open_window(qtbot, settings, users_file)
    type_name(qtbot, window, "Nordisk Design A/S")
    suggested = []
    monkeypatch.setattr(dialogs, "save_file_name",
                        lambda parent, title, name, *rest: suggested.append(name) or "")
    window.exports.export("docx")
    window.files.save_as()
    assert [Path(name).name for name in suggested] == [
        "Nordisk Design A S social media policy.docx", "shared.smpolicy"]
    assert Path(suggested[0]).parent == users_file.parent


# --- 7. Dates ---------------------------------------------------------------------------------

def tick_next_review(qtbot, settings, users_file):
    """A policy effective 2 December 2026; the owner ticks "Set" on the next review date."""
    window = open_window(qtbot, settings, users_file)
    window.model.set_value(("company", "effective_date"), date(2026, 12, 2))
    window.focus_field(("review", "next_review_date"))
    field = window.forms["review"].editor(("review", "next_review_date"))
    qtbot.mouseClick(field.is_set, Qt.MouseButton.LeftButton)
    return window, field


def test_ticking_next_review_suggests_the_effective_date_plus_the_cycle(qtbot, settings,
                                                                        users_file, asked):
    window, _ = tick_next_review(qtbot, settings, users_file)
    assert window.model.project.review.next_review_date == date(2027, 12, 2)  # not today


def test_a_review_date_before_the_effective_date_is_refused_in_the_form(qtbot, settings,
                                                                        users_file, asked):
    window, field = tick_next_review(qtbot, settings, users_file)
    field.edit.setDate(date(2026, 1, 2))
    row = window.forms["review"].rows["next_review_date"]
    assert "must come after the effective date" in row.message.text()
    assert window.model.project.review.next_review_date == date(2027, 12, 2)
    # read to a screen reader too, not only shown in red (found by a tester)
    assert field.edit.accessibleDescription().startswith("Not saved: the next review date must")
    # another answer of the area changed: the refused date stays in its box, still said
    window.model.set_value(("review", "review_cycle_months"), 6)
    assert field.edit.date().toPython() == date(2026, 1, 2) and row.refused
    field.edit.setDate(date(2028, 1, 2))
    assert field.edit.accessibleDescription() == row.question.help


@pytest.mark.parametrize("go_on", [False, True])
def test_closing_with_an_answer_refused_asks_first(qtbot, settings, users_file, asked,
                                                  monkeypatch, go_on):
    """A review date before the effective date, refused in red, and Ctrl+Q: the window
    closed without a word and the typed date was lost (found by a tester)."""
    window, field = tick_next_review(qtbot, settings, users_file)
    window.files.save()
    field.edit.setDate(date(2026, 1, 2))
    said: list[tuple[list[str], str]] = []
    monkeypatch.setattr(dialogs, "go_on_without",
                        lambda parent, refused, doing: said.append((refused, doing)) or go_on)
    assert window.close() == go_on
    [(refused, doing)] = said
    assert doing == "closing" and refused[0].startswith(
        "Next review date: Not saved: the next review date must come after")
    if not go_on:
        assert window.forms["review"].isAncestorOf(QApplication.focusWidget()) or \
            window.tabs.currentWidget() is window.forms["review"]
    window.model.set_value(("review", "next_review_date"), date(2028, 1, 2))
    assert not window.forms["review"].refused()  # the box shows a saved answer again


def test_a_year_9999_date_keeps_the_risk_check_working(qtbot, settings, users_file, asked):
    """A file's date in year 9999 (one typed is refused: YEARS)."""
    save_project(Project(company={"effective_date": date(9999, 1, 1)}), users_file)
    window = open_window(qtbot, settings, users_file)
    window.model.set_value(("training", "consequences"),
                           "Employees must not discuss their wages with co-workers.")
    panel = window.findings  # the check used to raise here, and the panel stopped updating

    def flags_the_wages_rule() -> bool:
        return any("unlawful" in panel.list.item(row).text().lower()
                   for row in range(panel.list.count()))

    qtbot.waitUntil(flags_the_wages_rule, timeout=30_000)



# Where each kind of box is, what it holds before, what is typed into it and what it then holds.
TYPED = {"date": (("review", "next_review_date"), date(2026, 6, 1), "2027-12-01",
                  date(2027, 12, 1)),
         "number": (("company", "staff_count"), 40, "55", 55),
         "list item": (("presence", "goals"), ["Hire people"], " now", ["Hire people now"]),
         "table cell": (("presence", "accounts"), [{"platform": "LinkedIn", "handle": "@us"}],
                        " Premium", "LinkedIn Premium"),
         "choice": (("company", "industry"), "general_b2b", "Health", "health_care"),
         "new list entry": (("presence", "goals"), ["Hire people"], "Sell more",
                            ["Hire people", "Sell more"])}


def _type_and_stay(qtbot, window: MainWindow, box: str, text: str) -> None:
    """Type into the box and leave the keyboard there (no Tab, no Enter)."""
    path = TYPED[box][0]
    form = window.forms[path[0]]
    window.tabs.setCurrentWidget(form)
    editor = form.editor(path)
    if box in ("list item", "table cell"):
        index = editor.view.model().index(0, 0)
        editor.view.setCurrentIndex(index)
        editor.view.edit(index)
        editor = editor.view.focusWidget()
        editor.end(False)
    elif box == "new list entry":  # typed below the list, without Enter
        editor = editor.new_item
        editor.setFocus()
    else:
        editor = editor.edit if box == "date" else editor
        editor.setFocus()
        if box != "choice":
            (editor.lineEdit() if box == "number" else editor).selectAll()
    qtbot.keyClicks(editor, text)


@pytest.mark.parametrize("box", list(TYPED))
def test_what_is_typed_and_not_yet_left_is_saved_and_closing_asks(qtbot, settings, users_file,
                                                                   asked, box):
    """Typed into the review date (the owner back after it passed), a number, a list item, a
    table cell or a choice, and saved with Ctrl+S without leaving the box: "Saved", yet the
    file held the old value, and Quit closed without a question, losing it (found by a
    tester)."""
    path, before, typed, after = TYPED[box]
    window = open_window(qtbot, settings, users_file)
    window.ensure_loaded()
    window.model.set_value(path, before)
    assert window.files.save()
    _type_and_stay(qtbot, window, box, typed)
    window.save_action.trigger()
    saved = getattr(load_project(users_file), path[0]).model_dump()[path[1]]
    assert (saved[0]["platform"] if box == "table cell" else saved) == after
    assert not window.isWindowModified()
    _type_and_stay(qtbot, window, box, {"date": "2028-01-01", "number": "7",
                                        "choice": "Retail"}.get(box, " more"))
    asked["unsaved"] = "cancel"
    assert not window.close()
    assert asked["asked"] == ["unsaved"]
    asked["unsaved"] = "discard"


def test_a_new_list_entry_typed_when_the_app_is_ended_is_in_the_work_offered_back(
        qtbot, settings, users_file, asked):
    """A logout ended the app while a list's new entry was typed without Enter, the keyboard
    gone on to another answer: the autosave written then had no such entry (found by a
    tester)."""
    window = open_window(qtbot, settings, users_file, to_crash=True)
    window.ensure_loaded()
    _type_and_stay(qtbot, window, "new list entry", "Half typed goal")
    _type_and_stay(qtbot, window, "number", "12")
    window.recovery.autosave_now()  # what the app does when a logout ends it
    crash(window)
    [left] = autosave.left_by_crash()
    assert left.load().presence.goals[-1] == "Half typed goal"


def _unreachable(monkeypatch, folder: Path) -> None:
    """The folder can no longer be looked into (its permissions taken away, a share gone)."""
    real = os.stat

    def stat(path, *args, **kwargs):
        if str(path).startswith(str(folder)):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)
    monkeypatch.setattr(os, "stat", stat)


def test_a_project_whose_folder_cannot_be_looked_into_keeps_the_app_working(
        qtbot, settings, tmp_path, asked, monkeypatch):
    """The last project's folder made unreachable: the app would not start (a traceback at
    every start), Save did nothing, and Save when quitting closed the window unsaved (found
    by a tester). Now the app starts on the start page, and Save asks where."""
    folder = tmp_path / "shared"
    folder.mkdir()
    project = folder / "p.smpolicy"
    save_project(Project(company={"name": "As Saved"}), project)
    window = open_window(qtbot, settings, project)
    type_name(qtbot, window, "Typed Since")
    _unreachable(monkeypatch, folder)
    assert not window.files.save() and asked["asked"] == ["save_as"]  # cancelled
    asked["unsaved"] = "save"
    assert not window.close()  # Save as... cancelled: the window stays, with the work
    assert name_in(window) == "Typed Since"
    settings.setValue("last_file", str(project))
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show_opening(None)
    again.start(None)
    assert again.stack.currentWidget() is again.start_page


def test_a_project_moved_away_is_said_at_the_start_and_its_backup_puts_it_back(
        qtbot, settings, users_file, asked, tmp_path, monkeypatch):
    """The last project moved since: the app opened on a silent first-run page. Opened by its
    old name, the offer of its backup called the missing file damaged, and Save As then
    started in the app's own folder (found by a tester)."""
    save_project(Project(company={"name": "Saved Twice"}), users_file)  # a .bak beside it
    settings.setValue("last_file", str(users_file))
    users_file.unlink()
    window = open_window(qtbot, settings, None)
    assert window.stack.currentWidget() is window.start_page
    assert window.statusBar().currentMessage().startswith(
        f"{users_file.name} was not found where it was last opened")
    question: list[str] = []
    press_in_dialog("Open the backup", said=question)
    assert window.files.load(users_file)
    assert question[1].endswith(f"Open the backup? Saving puts it back as {users_file.name}.")
    assert window.isWindowModified() and name_in(window) == "As Saved"
    monkeypatch.chdir(tmp_path.parent)
    asked["save_as"] = ""  # cancelled: where did it start?
    starts: list[str] = []
    monkeypatch.setattr(dialogs, "save_file_name",
                        lambda parent, title, where, *a: starts.append(str(where)) or "")
    window.files.save()
    assert starts == [str(users_file)]


def test_saving_with_an_answer_refused_says_it_is_not_in_the_file(qtbot, settings, users_file,
                                                                  asked):
    """Ctrl+S with a review date refused in red said only "Saved": the owner took the typed
    date as kept (found by a tester)."""
    window, field = tick_next_review(qtbot, settings, users_file)
    window.files.save()
    field.edit.setDate(date(2026, 1, 2))
    assert window.files.save()
    said = window.statusBar().currentMessage()
    assert said.startswith("Saved ") and \
        "Next review date: Not saved: the next review date must come after" in said


def test_an_older_file_s_state_that_cannot_be_read_is_said_on_opening(qtbot, settings, asked,
                                                                      tmp_path):
    """A schema 3 file kept the state as typed: one the app could not read was dropped without
    a word, and the policy left out that state's rules (found by a tester)."""
    path = tmp_path / "old.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 3, "project": {
        "company": {"name": "Acme", "country": "USA", "state": "Calif-ish"}}}),
        encoding="utf-8")
    window = open_window(qtbot, settings, path)
    # above the forms until dismissed: in the status bar, it went after 30 seconds
    note = window.file_notes
    assert note.isVisible() and note.message.text() == (
        'Note: the state "Calif-ish" in this older file could not be read; choose it in '
        "Company.")
    assert [b.text() for b in note.buttons if b.isVisible()] == ["Dismiss"]
    note.buttons[-1].click()
    assert not note.isVisible()
