"""Autosave in the window and recovery after a crash, as the user sees it on the next start."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QToolTip,
)

from smpolicy_desktop import autosave
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import save_project
from ui import dialogs
from ui.main_window import MainWindow
from ui.recovery import AUTOSAVE_MS, PAUSE_MS


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def users_file(tmp_path):
    project = Project()
    project.company.name = "As Saved"
    path = tmp_path / "policy.smpolicy"
    save_project(project, path)
    return path


def crashed_window(qtbot, settings, users_file) -> None:
    """A window with unsaved edits that autosaves, then vanishes without closing."""
    window = MainWindow(settings)
    window.start(users_file)
    window.show()
    name = window.forms["company"].editor(("company", "name"))
    name.clear()
    qtbot.keyClicks(name, "Typed Before The Crash")
    window.recovery.autosave_now()
    window.model.workspace.instance.release()  # what the end of the process does...
    window.disk.release()
    shiboken6.delete(window)  # ...and no closeEvent: like a crash, nothing is cleaned up


def new_window(qtbot, settings, monkeypatch, answer) -> MainWindow:
    offered = []

    def choose(parent, found):
        offered.append(found)
        return ("restore", found[0]) if answer == "restore" else (answer, None)

    monkeypatch.setattr(dialogs, "choose_recovery", choose)
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    if not window.offer_recovery():
        window.start(None)
    window.offered = offered
    return window


def test_unsaved_edits_come_back_after_a_crash(qtbot, settings, users_file, monkeypatch):
    before = users_file.read_bytes()
    crashed_window(qtbot, settings, users_file)

    window = new_window(qtbot, settings, monkeypatch, "restore")

    assert [found.original for found in window.offered[0]] == [users_file]
    assert window.forms["company"].editor(("company", "name")).text() == \
        "Typed Before The Crash"
    assert window.isWindowModified()
    assert window.model.path == users_file  # Save goes back to the user's file
    assert users_file.read_bytes() == before  # ...but only when they save

    monkeypatch.setattr(dialogs, "save_file_name", lambda *a: "")
    window.save_action.trigger()
    assert b"Typed Before The Crash" in users_file.read_bytes()
    assert autosave.left_by_crash() == []


def test_declining_recovery_leaves_the_users_file_as_it_was(qtbot, settings, users_file,
                                                             monkeypatch):
    before = users_file.read_bytes()
    crashed_window(qtbot, settings, users_file)

    window = new_window(qtbot, settings, monkeypatch, "discard")

    assert len(window.offered) == 1
    assert window.model.project.company.name == "As Saved"  # the last file, opened as usual
    assert users_file.read_bytes() == before
    assert autosave.left_by_crash() == []


def test_a_clean_close_leaves_nothing_to_recover(qtbot, settings, users_file, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(users_file)
    window.model.set_value(("company", "name"), "Changed then discarded")
    window.recovery.autosave_now()
    assert list(autosave.autosave_folder().glob(f"*{autosave.SUFFIX}"))
    assert autosave.left_by_crash() == []  # its window is alive
    window.close()
    assert not list(autosave.autosave_folder().glob(f"*{autosave.SUFFIX}"))
    assert autosave.left_by_crash() == []


@pytest.mark.slow
def test_a_pause_in_typing_autosaves_within_seconds_not_half_a_minute(qtbot, settings,
                                                                     users_file, monkeypatch):
    """A power cut a few seconds after the owner stops typing loses nothing (the timer alone
    autosaved every 30 s: up to half a minute of typing was lost)."""
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(users_file)
    window.show()
    name = window.forms["company"].editor(("company", "name"))
    name.clear()
    qtbot.keyClicks(name, "Typed Then Paused")
    autosaved = autosave.autosave_path(users_file, window.model.workspace.instance)
    assert not autosaved.exists()  # not at every key
    qtbot.waitUntil(autosaved.exists, timeout=PAUSE_MS + 3_000)
    assert window.recovery.timer.remainingTime() > AUTOSAVE_MS - 3_000  # and not twice
    kept = autosave.Autosave(autosaved, users_file, datetime.now())
    assert kept.load().company.name == "Typed Then Paused"


@pytest.mark.parametrize("box", ["new list entry", "table's new row"])
def test_what_is_typed_in_a_list_or_table_comes_back_after_a_crash(qtbot, settings, users_file,
                                                                   monkeypatch, box):
    """Typed into a list's new entry, or a table's new row, without Enter, and the app killed:
    the work restored lacked it (typing there started no autosave, and the autosave left it
    out; found by a tester). The autosave a pause after it keeps it, as Save does, and leaves
    it in its box."""
    window = MainWindow(settings)
    window.start(users_file)
    window.show()
    window.ensure_loaded()
    form = window.forms["presence"]
    window.tabs.setCurrentWidget(form)
    field = ("presence", "goals" if box == "new list entry" else "accounts")
    editor = form.editor(field)
    if box == "new list entry":
        editor.new_item.setFocus()
        typing_in = editor.new_item
    else:
        editor.add()  # Add row: a row, and its first cell open to type in
        typing_in = editor.view.focusWidget()
    qtbot.keyClicks(typing_in, "LinkedIn")
    autosaved = autosave.autosave_path(users_file, window.model.workspace.instance)

    def kept() -> list:
        found = autosave.Autosave(autosaved, users_file, datetime.now())
        return getattr(found.load().presence, field[1]) if autosaved.exists() else []

    qtbot.waitUntil(lambda: "LinkedIn" in str(kept()), timeout=PAUSE_MS + 3_000)
    assert typing_in.text() == "LinkedIn" and typing_in.isVisible()  # not taken from the box
    assert "LinkedIn" not in str(window.model.value(field))
    if box != "new list entry":  # closed untaken: Qt trips on a window deleted with it open
        editor.view.closeEditor(typing_in, QAbstractItemDelegate.EndEditHint.NoHint)
    window.model.workspace.instance.release()  # killed: nothing is cleaned up
    window.disk.release()
    shiboken6.delete(window)

    restored = new_window(qtbot, settings, monkeypatch, "restore").model.value(field)
    assert (restored[-1] if box == "new list entry" else restored[-1].platform) == "LinkedIn"


# (the answer's field, what is typed into its box, the answer that makes)
_BOXES = {"date": ("effective_date", "3/15/2027", date(2027, 3, 15)),
          "number": ("staff_count", "40", 40),
          "choice": ("country", "Canada", "CA")}


@pytest.fixture
def slow_typist():
    """Letters on a drop-down pick a choice that is the answer once the typing pauses: a long
    pause (the system's own setting) leaves it picked and not the answer for a while."""
    interval = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(30_000)
    yield
    QApplication.setKeyboardInputInterval(interval)


@pytest.mark.parametrize("box", list(_BOXES))
def test_a_date_number_or_choice_typed_and_not_yet_taken_comes_back_after_a_crash(
        qtbot, settings, tmp_path, monkeypatch, slow_typist, box):
    """A date, number or choice typed into its box, without Enter and the keyboard still
    there, and the app killed: the work restored lacked it, though the autosave ran after it
    (only Save, close and logout took it). The autosave a pause after it keeps it, and leaves
    it in its box, the project and its undo history as they were until the box is left."""
    name, typing, answer = _BOXES[box]
    project = Project()
    project.company.effective_date = date(2026, 1, 5)
    project.company.staff_count = 12
    users_file = tmp_path / "policy.smpolicy"
    save_project(project, users_file)
    window = MainWindow(settings)
    window.start(users_file)
    window.show()
    window.ensure_loaded()
    field = ("company", name)
    editor = window.forms["company"].editor(field)
    typing_in = {"date": getattr(editor, "edit", None), "number": editor}.get(box, editor)
    typing_in.setFocus()
    if box != "choice":
        typing_in.lineEdit().selectAll() if box == "number" else typing_in.selectAll()
    qtbot.keyClicks(typing_in, typing)
    autosaved = autosave.autosave_path(users_file, window.model.workspace.instance)

    def kept() -> object:
        found = autosave.Autosave(autosaved, users_file, datetime.now())
        return getattr(found.load().company, name) if autosaved.exists() else None

    qtbot.waitUntil(lambda: kept() == answer, timeout=PAUSE_MS + 3_000)
    assert window.focusWidget() is typing_in  # not taken from the box
    assert window.model.value(field) == getattr(project.company, name)
    assert window.model.undo_stack.count() == 0
    # killed: nothing is cleaned up, and the box is never left (deleting the window leaves
    # it, and what it took would reach the window's commands being deleted)
    monkeypatch.setattr(window.model, "set_value", lambda *edit: None)
    window.model.workspace.instance.release()
    window.disk.release()
    shiboken6.delete(window)

    restored = new_window(qtbot, settings, monkeypatch, "restore").model.value(field)
    assert restored == answer


def test_words_that_are_no_date_or_number_yet_are_left_out_of_the_autosave_and_in_their_box(
        qtbot, settings, users_file, monkeypatch):
    """Half a date, or a number's box emptied, is no answer the box would take: the autosave
    leaves it out and leaves it where it is typed (no "is not a date" while typing on)."""
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(users_file)
    window.show()
    form = window.forms["review"]
    window.tabs.setCurrentWidget(form)
    window.model.set_value(("review", "next_review_date"), date(2027, 1, 5))
    box = form.editor(("review", "next_review_date")).edit
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "3/15/")
    assert form.typed() == [] and box.text() == "3/15/"
    months = form.editor(("review", "review_cycle_months"))
    months.setFocus()
    months.lineEdit().selectAll()
    qtbot.keyClick(months, Qt.Key.Key_Backspace)
    assert form.typed() == [] and months.lineEdit().text() == ""


def test_the_timers_autosave_reads_a_date_cell_being_typed_in_without_touching_its_box(
        qtbot, settings, tmp_path, monkeypatch):
    """A reviewer's Date cell being typed in, and the 30-second autosave runs: it took the
    text into the box, so half a date ("3/1") was put back to the saved one with "is not a
    date", and a whole one was written anew under the owner's cursor. It reads the cell as
    it is: half a date is left out, a whole one kept, the box, the project and its undo
    history left as they were; Save still takes it."""
    from smpolicy_desktop.model import Reviewer

    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    project = Project()
    project.review.reviewers = [Reviewer(name="Ana Diaz", reviewed_on=date(2026, 1, 5))]
    users_file = tmp_path / "policy.smpolicy"
    save_project(project, users_file)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(users_file)
    window.show()
    window.ensure_loaded()
    window.recovery.timer.stop()  # the autosaves are this test's own
    window.model.set_value(("company", "name"), "Unsaved")  # something for each to write
    undo_steps = window.model.undo_stack.count()
    form = window.forms["review"]
    window.tabs.setCurrentWidget(form)
    table = form.editor(("review", "reviewers"))
    column = next(i for i, q in enumerate(table.columns) if q.name == "reviewed_on")
    table.view.setCurrentIndex(table.items.index(0, column))
    table.view.edit(table.view.currentIndex())  # as a double-click opens it
    box = table.view.focusWidget()
    box.selectAll()
    autosaved = autosave.autosave_path(users_file, window.model.workspace.instance)

    def kept() -> date | None:
        if not autosaved.exists():
            return None
        found = autosave.Autosave(autosaved, users_file, datetime.now()).load()
        return found.review.reviewers[0].reviewed_on if found.company.name == "Unsaved" \
            else None

    for typed, keeps in (("3/1", date(2026, 1, 5)), ("/2027", date(2027, 3, 1))):
        qtbot.keyClicks(box, typed)
        text, cursor = box.text(), box.cursorPosition()
        window.recovery.timer.timeout.emit()  # the timer's autosave
        qtbot.waitUntil(lambda keeps=keeps: kept() == keeps)
        assert (box.text(), box.cursorPosition()) == (text, cursor)
        assert table.view.focusWidget() is box and not QToolTip.isVisible()
        assert table.view.state() == QAbstractItemView.State.EditingState
        assert window.model.project.review.reviewers[0].reviewed_on == date(2026, 1, 5)
        assert window.model.undo_stack.count() == undo_steps
    assert box.text() == "3/1/2027"

    window.save_action.trigger()
    assert window.model.project.review.reviewers[0].reviewed_on == date(2027, 3, 1)
    assert not window.isWindowModified()
    table.view.closeEditor(box, QAbstractItemDelegate.EndEditHint.NoHint)


def test_an_autosave_after_a_pause_that_fails_is_said(qtbot, settings, users_file, tmp_path,
                                                     monkeypatch):
    """The pause's autosave is written on its own thread; its failure still reaches the
    status bar."""
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(users_file)
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    window.model.set_value(("company", "name"), "Unsaved")
    window.recovery.autosave_soon()
    qtbot.waitUntil(lambda: "Autosave is not working" in window.statusBar().currentMessage())


def test_nothing_is_autosaved_without_changes(qtbot, settings, users_file):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(users_file)
    window.recovery.autosave_now()
    assert not list(autosave.autosave_folder().glob("*"))


@pytest.mark.parametrize(("territory", "written"), [
    (QLocale.Country.UnitedStates, "{when:%B} {when.day}, {when.year}"),
    (QLocale.Country.UnitedKingdom, "{when.day} {when:%B} {when.year}")])
def test_the_recovery_dialog_lists_the_work_with_its_time(qtbot, users_file, monkeypatch,
                                                          system_locale, territory, written):
    """No project speaks in the list: "December 4, 2026, 09:12" on a US system, "4 December
    2026, 09:12" on a UK one (a US system read it day first; found by a tester)."""
    crashed = autosave.Instance()
    autosave.write_autosave(Project(), users_file, crashed)
    autosave.write_autosave(Project(), None, crashed)
    crashed.release()
    found = autosave.left_by_crash()
    shown = {}

    def look_and_restore(dialog):
        rows = dialog.findChild(QListWidget)
        shown["rows"] = [rows.item(i).text() for i in range(rows.count())]
        shown["buttons"] = [b.text() for b in dialog.findChild(QDialogButtonBox).buttons()]
        return 1

    monkeypatch.setattr(QDialog, "exec", look_and_restore)
    system_locale(territory)
    assert dialogs.choose_recovery(None, found) == ("restore", found[0])
    assert any("policy.smpolicy" in row for row in shown["rows"])
    assert any("Untitled project" in row for row in shown["rows"])
    for work, row in zip(found, shown["rows"], strict=True):
        when = work.saved_at
        assert f", {written.format(when=when)}, {when:%H:%M}\n" in row
    assert sorted(shown["buttons"]) == ["&Discard all...", "&Later", "&Restore"]  # Alt keys


def test_work_older_than_a_later_save_says_so_and_enter_does_not_restore_it(
        qtbot, settings, users_file, monkeypatch):
    """Work autosaved before a later save of the same file (in another window, or after Later)
    was offered as if it were the newest, with Restore the default (found by a tester)."""
    crashed_window(qtbot, settings, users_file)
    [work] = autosave.left_by_crash()
    shown = []

    def press_enter(dialog):
        dialog.show()
        rows = dialog.findChild(QListWidget)
        shown.append(rows.item(0).text())
        QTest.keyClick(rows, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", press_enter)
    assert dialogs.choose_recovery(None, [work]) == ("restore", work)  # newer than the file
    assert "Older" not in shown[-1]
    project = Project()
    project.company.name = "Saved Later"
    save_project(project, users_file)
    later = work.saved_at + timedelta(hours=1, minutes=5)
    os.utime(users_file, (later.timestamp(), later.timestamp()))
    assert dialogs.choose_recovery(None, [work]) == ("later", None)  # kept, offered again

    def when(moment: datetime) -> str:
        return f"{moment.day} {moment:%B} {moment.year}, {moment:%H:%M}"

    assert shown[-1].endswith(
        f"\nOlder than the saved file: this work is from {when(work.saved_at)}; "
        f"policy.smpolicy was saved later, {when(later)}. Restore it only if you want this "
        "older work back.")


def test_discard_asks_in_plain_words_and_cancel_goes_back_to_the_choice(monkeypatch, users_file):
    """Seen by a tester: Discard asked "Delete the unsaved work in 1 autosave(s) for good?",
    and Cancel there closed both windows: the work could be restored only after a restart."""
    crashed = autosave.Instance()
    autosave.write_autosave(Project(), users_file, crashed)
    crashed.release()
    found = autosave.left_by_crash()
    answers, asked = iter([2, 1]), []  # Discard..., then (after Cancel) Restore
    monkeypatch.setattr(QDialog, "exec", lambda dialog: next(answers))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question, action: (
        asked.append(question), False)[1])
    assert dialogs.choose_recovery(None, found) == ("restore", found[0])
    assert asked == ["Delete this unsaved work for good?"]
