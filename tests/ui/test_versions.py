"""File > Versions, months later (round 34): a restore is one undo step, a copied project
lists its own saves, and a file older than the last save here is said until acted on."""

from __future__ import annotations

import os
import time

from PySide6.QtWidgets import QPushButton

from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import load_project, save_project
from tests.ui.test_never_lose_work import name_in, type_name
from ui.main_window import MainWindow
from ui.versions_window import VersionsWindow


def versions_of(qtbot, window: MainWindow) -> VersionsWindow:
    dialog = VersionsWindow(window)
    qtbot.addWidget(dialog)
    return dialog


def click(dialog: VersionsWindow, text: str) -> None:
    next(b for b in dialog.findChildren(QPushButton) if b.text() == text).click()


def test_a_restore_is_one_undo_step_and_the_edits_before_it_stay_undoable(
        qtbot, make_window, answers, tmp_path):
    """Restore cleared Undo: the unsaved answers shown before it, and every edit before
    them, were gone for good. Now Ctrl+Z brings back what was there before the restore, then
    the edits before it, one by one; nothing asks to save first, as nothing is lost."""
    path = tmp_path / "policy.smpolicy"
    save_project(Project(company={"name": "As Saved"}), path)
    window = make_window(path)
    type_name(qtbot, window, "Second Save")
    assert window.files.save()
    window.model.set_value(("company", "name"), "Typed Once", typing=False)
    window.model.set_value(("company", "name"), "Typed Twice", typing=False)
    dialog = versions_of(qtbot, window)
    dialog.list.setCurrentRow(dialog.list.count() - 1)  # the first save
    click(dialog, "Restore")
    assert name_in(window) == "As Saved" and window.isWindowModified()
    assert answers.asked_unsaved == 0
    assert window.undo_action.text().startswith("&Undo Restore the version saved ")
    window.undo_action.trigger()
    assert name_in(window) == "Typed Twice" and window.isWindowModified()
    window.undo_action.trigger()
    assert name_in(window) == "Typed Once"
    window.undo_action.trigger()
    assert name_in(window) == "Second Save" and not window.isWindowModified()
    window.redo_action.trigger()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert name_in(window) == "As Saved" and window.isWindowModified()
    assert window.files.save()
    assert load_project(path).company.name == "As Saved"


def test_a_project_copied_in_the_file_manager_lists_only_its_own_saves(
        qtbot, make_window, tmp_path):
    """The history's name is kept in the file, so a copy made in the file manager listed the
    original's saves with its own, and the original the copy's: Restore could bring another
    file's answers back. Saved, the copy gets a history of its own, starting with the file as
    copied, and its Versions list says where it came from."""
    original = tmp_path / "policy.smpolicy"
    copy = tmp_path / "policy for the shop.smpolicy"
    save_project(Project(company={"name": "Before The Copy"}), original)
    copy.write_bytes(original.read_bytes())
    window = make_window(copy)
    type_name(qtbot, window, "The Shop")
    assert window.files.save()
    assert window.files.open_project(original)
    type_name(qtbot, window, "The Office")
    assert window.files.save()

    def names_listed() -> list[str]:
        dialog = versions_of(qtbot, window)
        return [window.model.workspace.read_version(v).company.name for v in dialog.kept]

    assert names_listed() == ["The Office", "Before The Copy"]
    assert window.files.open_project(copy)
    assert names_listed() == ["The Shop", "Before The Copy"]
    dialog = versions_of(qtbot, window)
    assert dialog.origin.isVisibleTo(dialog) and dialog.origin.text() == (
        f"Copied from policy.smpolicy (in {tmp_path}): the versions saved before the copy are "
        "in that file's Versions.")
    assert window.files.open_project(original)
    of_original = versions_of(qtbot, window)
    assert not of_original.origin.isVisibleTo(of_original)


def test_a_copy_not_saved_yet_says_whose_versions_it_lists(qtbot, make_window, tmp_path):
    original = tmp_path / "policy.smpolicy"
    copy = tmp_path / "copy.smpolicy"
    save_project(Project(company={"name": "Before The Copy"}), original)
    copy.write_bytes(original.read_bytes())
    window = make_window(copy)
    dialog = versions_of(qtbot, window)
    assert len(dialog.kept) == 1 and dialog.origin.text() == (
        f"This file is a copy of policy.smpolicy (in {tmp_path}): the versions above are that "
        "file's. Saving this one starts a list of its own.")


def test_a_file_older_than_the_last_save_here_is_said_until_the_owner_acts(
        qtbot, make_window, tmp_path):
    """The synced folder put back an older copy (the other computer's, or a backup) of a
    project saved later here: the window opened it as if it were the newest. Now a note
    above the forms says so, and stays, through edits and autosaves, until the owner opens
    Versions (from the note or the File menu) or dismisses it."""
    from smpolicy_desktop.workspace import Workspace

    path = tmp_path / "policy.smpolicy"
    workspace = Workspace(Project(company={"name": "First"}))
    workspace.save(path)
    older = path.read_bytes()
    workspace.project.company.name = "Saved Later Here"
    workspace.save()
    path.write_bytes(older)
    os.utime(path, (time.time() - 86400,) * 2)  # as the sync client dates it: when written
    window = make_window(path)
    note = window.file_notes
    assert note.isVisible()
    assert note.message.text().startswith(
        "policy.smpolicy is older than the version last saved here, on ")
    assert note.message.text().endswith(
        ": a synced folder or a backup may have put an older copy back. Versions has the "
        "later one.")
    type_name(qtbot, window, "Typed On")
    window.recovery.autosave_now()
    assert note.isVisible()
    assert note.versions.isVisible() and note.versions.text() == "Versions..."
    window.versions_action.trigger()  # File > Versions, or the note's own button
    assert not note.isVisible()
    dialog = window.findChild(VersionsWindow)
    qtbot.addWidget(dialog)  # closed at the end: a modal one left open takes the next keys
    assert window.model.workspace.read_version(dialog.kept[0]).company.name == "Saved Later Here"



def test_restoring_a_version_that_says_the_same_changes_nothing(qtbot, make_window, tmp_path):
    """Restore of the save just made marked the project changed, with an undo step that
    changed nothing, and closing asked to save it."""
    path = tmp_path / "policy.smpolicy"
    save_project(Project(company={"name": "As Saved"}), path)
    window = make_window(path)
    dialog = versions_of(qtbot, window)
    click(dialog, "Restore")
    assert dialog.details.toPlainText() == (
        "This version says the same as the window: there is nothing to restore.")
    assert not window.isWindowModified() and not window.undo_action.isEnabled()
