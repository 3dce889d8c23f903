"""Autosave and crash recovery in the core: never the user's file, only work left by a crash."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from smpolicy_desktop import autosave
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import load_project, save_project
from tests.conftest import REPO


def named(name: str) -> Project:
    project = Project()
    project.company.name = name
    return project


@pytest.fixture
def window():
    """This test's window: its instance, released (as by a crash or a close) at the end."""
    instance = autosave.Instance()
    yield instance
    instance.release()


def crashed(instance: autosave.Instance) -> None:
    instance.release()  # what the end of a killed process does: the lock goes, the file stays


def test_autosave_goes_to_the_state_folder_and_leaves_the_users_file_alone(tmp_path, window):
    users_file = tmp_path / "policy.smpolicy"
    save_project(named("Saved by the user"), users_file)
    before = users_file.read_bytes()

    written = autosave.write_autosave(named("Typed since"), users_file, window)

    assert users_file.read_bytes() == before
    assert written.parent == autosave.autosave_folder()
    assert tmp_path not in written.parents
    assert list(tmp_path.iterdir()) == [users_file]


def test_autosaves_are_kept_apart_per_project_file_and_window(tmp_path, window):
    other_window = autosave.Instance()
    first = autosave.write_autosave(named("A"), tmp_path / "a" / "policy.smpolicy", window)
    second = autosave.write_autosave(named("B"), tmp_path / "b" / "policy.smpolicy", window)
    untitled = autosave.write_autosave(named("C"), None, window)
    same_file = autosave.write_autosave(named("D"), tmp_path / "a" / "policy.smpolicy",
                                        other_window)
    assert len({first, second, untitled, same_file}) == 4
    other_window.release()


def test_work_of_a_window_that_crashed_is_offered_with_its_original_file(tmp_path, window):
    original = tmp_path / "policy.smpolicy"
    autosave.write_autosave(named("Unsaved edits"), original, window)
    assert autosave.left_by_crash() == []  # its window is alive
    crashed(window)

    [found] = autosave.left_by_crash()

    assert found.original == original
    assert found.name == "policy.smpolicy"
    assert found.load().company.name == "Unsaved edits"


HOLD_AN_AUTOSAVE = """
import sys, time
from pathlib import Path
from smpolicy_desktop import autosave
from smpolicy_desktop.model import Project
autosave.write_autosave(Project(company={"name": "Someone else's window"}), Path(sys.argv[1]),
                        autosave.Instance())
print("autosaved", flush=True)
time.sleep(60)
"""


def test_work_of_an_app_still_running_is_not_offered_until_it_dies(tmp_path):
    other = subprocess.Popen([sys.executable, "-c", HOLD_AN_AUTOSAVE, str(tmp_path / "p.smpolicy")],
                             stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert other.stdout.readline() == "autosaved\n"
        assert autosave.left_by_crash() == []
    finally:
        other.kill()
        other.wait()
    [found] = autosave.left_by_crash()  # that app is gone now: its work is offered
    assert found.load().company.name == "Someone else's window"


def test_a_process_id_now_used_by_another_program_does_not_hide_a_crash(tmp_path, window):
    written = autosave.write_autosave(named("After a reboot"), tmp_path / "p.smpolicy", window)
    crashed(window)
    record = json.loads(written.read_text())
    record["pid"] = 1  # as an old autosave would say: a process that is certainly alive
    written.write_text(json.dumps(record))
    assert [found.load().company.name for found in autosave.left_by_crash()] == ["After a reboot"]


def test_one_window_closing_cleanly_keeps_the_work_another_window_crashed_with(tmp_path):
    shared = tmp_path / "shared.smpolicy"
    first, second = autosave.Instance(), autosave.Instance()
    autosave.write_autosave(named("ONE"), shared, first)
    autosave.write_autosave(named("TWO"), shared, second)
    crashed(second)
    autosave.remove_autosave(shared, first)  # the first saves and quits cleanly
    first.release()
    assert [found.load().company.name for found in autosave.left_by_crash(shared)] == ["TWO"]
    assert autosave.left_by_crash(tmp_path / "other.smpolicy") == []


def test_autosaves_are_readable_by_this_user_only(tmp_path, window):
    written = autosave.write_autosave(named("Private"), tmp_path / "p.smpolicy", window)
    assert written.stat().st_mode & 0o777 == 0o600


def test_an_unusable_state_folder_is_reported_not_silent(tmp_path, window, monkeypatch):
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    with pytest.raises(autosave.WriteError) as error:
        autosave.write_autosave(named("X"), tmp_path / "p.smpolicy", window)
    assert "the autosave folder cannot be used" in error.value.reason
    autosave.remove_autosave(tmp_path / "p.smpolicy", window)  # nothing to remove: no error
    assert autosave.left_by_crash() == []


def test_removing_the_autosave_after_a_save(tmp_path, window):
    original = tmp_path / "policy.smpolicy"
    autosave.write_autosave(named("X"), original, window)
    autosave.remove_autosave(original, window)
    crashed(window)
    assert autosave.left_by_crash() == []


def test_a_damaged_autosave_is_skipped_not_fatal(tmp_path, window):
    autosave.autosave_folder().mkdir(parents=True)
    (autosave.autosave_folder() / f"broken{autosave.SUFFIX}").write_text("{not json")
    autosave.write_autosave(named("Good"), None, window)
    crashed(window)
    assert [found.load().company.name for found in autosave.left_by_crash()] == ["Good"]


def test_a_restored_project_is_the_same_as_a_saved_one(tmp_path, example_project, window):
    autosave.write_autosave(example_project, tmp_path / "northwind.smpolicy", window)
    crashed(window)
    save_project(example_project, tmp_path / "copy.smpolicy")
    [found] = autosave.left_by_crash()
    assert found.load() == load_project(tmp_path / "copy.smpolicy")


def test_half_written_autosaves_of_killed_windows_do_not_pile_up(tmp_path, window):
    """A window killed while writing its autosave leaves a hidden temporary file as large as
    the project, under a name no later autosave uses; the next start removes it, never one
    that a running window is still writing."""
    import os
    import time

    from smpolicy_desktop.safe_write import lock

    autosave.write_autosave(named("Mine"), tmp_path / "p.smpolicy", window)
    folder = autosave.autosave_folder()
    killed, writing, fresh = (folder / f".p.{n}.autosave.json.x1y2z3.tmp"
                              for n in ("killed", "writing", "fresh"))
    for leftover in (killed, writing, fresh):
        leftover.write_bytes(b"x" * 100_000)
    an_hour_ago = time.time() - 3600
    for leftover in (killed, writing):
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    held = os.open(writing, os.O_RDWR)
    try:
        lock(held)
        autosave.left_by_crash()
        assert not killed.exists()
        assert writing.exists() and fresh.exists()  # being written; or too new to tell
    finally:
        os.close(held)


def test_restoring_when_the_state_disk_is_full_keeps_the_crashed_work_until_saved(
        tmp_path, window, monkeypatch):
    """The crashed window's autosave is restored, but the state disk is full, so this window
    cannot autosave it again: the restore still shows the work, and the crashed autosave stays
    (offered again if this window dies too) until the work is saved."""
    from smpolicy_desktop.safe_write import WriteError
    from smpolicy_desktop.workspace import Workspace

    original = tmp_path / "policy.smpolicy"
    save_project(named("As Saved"), original)
    autosave.write_autosave(named("Typed Before The Crash"), original, window)
    crashed(window)
    [found] = autosave.left_by_crash()

    def disk_full(*args, **kwargs):
        raise WriteError(autosave.autosave_folder(), "the disk is full")

    workspace = Workspace()
    with monkeypatch.context() as full:
        full.setattr(autosave, "write_autosave", disk_full)
        workspace.restore(found)
    assert workspace.project.company.name == "Typed Before The Crash" and workspace.modified
    assert found.path.exists()
    workspace.save()
    assert load_project(original).company.name == "Typed Before The Crash"
    assert not found.path.exists()
    workspace.close()


def test_a_home_on_a_disk_that_cannot_lock_files_still_autosaves_and_offers_the_work(
        tmp_path, window, monkeypatch):
    import errno
    import fcntl

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    autosave.write_autosave(named("Typed on a network home"), tmp_path / "p.smpolicy", window)
    crashed(window)
    [found] = autosave.left_by_crash()
    assert found.load().company.name == "Typed on a network home"


def test_the_save_after_a_crash_that_holds_a_version_sent_is_kept_for_good(tmp_path, window):
    """A version sent to counsel while the answers were unsaved, then a crash: restored and
    saved, that save was kept as any save, to be thinned out in time, where without the crash
    it is kept for good (found by a tester)."""
    from smpolicy_desktop import versions
    from smpolicy_desktop.workspace import Workspace

    original = tmp_path / "policy.smpolicy"
    save_project(named("Saved"), original)
    sent = Workspace.open(original)
    sent.project.company.name = "Edited"
    sent.set_edited(True)
    sent.export(tmp_path / "sent.docx", "docx", remember=True)  # the record stays unsaved
    autosave.write_autosave(sent.project, original, window)
    crashed(window)
    [found] = autosave.left_by_crash()
    restored = Workspace()
    restored.restore(found)
    restored.save()
    assert versions.kept(versions.history_of(original))[0].for_counsel
    restored.instance.release()
