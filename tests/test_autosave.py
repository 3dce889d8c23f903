"""Autosave and crash recovery in the core: never the user's file, only work left by a crash."""

from __future__ import annotations

import os
import subprocess
import sys

from smpolicy_desktop import autosave
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import load_project, save_project


def named(name: str) -> Project:
    project = Project()
    project.company.name = name
    return project


def test_autosave_goes_to_the_state_folder_and_leaves_the_users_file_alone(tmp_path):
    users_file = tmp_path / "policy.smpolicy"
    save_project(named("Saved by the user"), users_file)
    before = users_file.read_bytes()

    written = autosave.write_autosave(named("Typed since"), users_file)

    assert users_file.read_bytes() == before
    assert written.parent == autosave.autosave_folder()
    assert tmp_path not in written.parents
    assert list(tmp_path.iterdir()) == [users_file]


def test_autosaves_are_kept_apart_per_project_file(tmp_path):
    first = autosave.write_autosave(named("A"), tmp_path / "a" / "policy.smpolicy")
    second = autosave.write_autosave(named("B"), tmp_path / "b" / "policy.smpolicy")
    untitled = autosave.write_autosave(named("C"), None)
    assert len({first, second, untitled}) == 3


def test_work_left_by_this_process_is_offered_with_its_original_file(tmp_path):
    original = tmp_path / "policy.smpolicy"
    autosave.write_autosave(named("Unsaved edits"), original)

    [found] = autosave.left_by_crash()

    assert found.original == original
    assert found.name == "policy.smpolicy"
    assert found.load().company.name == "Unsaved edits"


def test_work_of_an_app_still_running_is_not_offered(tmp_path, monkeypatch):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with monkeypatch.context() as patch:
            patch.setattr(os, "getpid", lambda: other.pid)
            autosave.write_autosave(named("Someone else's window"), tmp_path / "p.smpolicy")
        assert autosave.left_by_crash() == []
    finally:
        other.kill()
        other.wait()
    [found] = autosave.left_by_crash()  # that app is gone now: its work is offered
    assert found.load().company.name == "Someone else's window"


def test_removing_the_autosave_after_a_save(tmp_path):
    original = tmp_path / "policy.smpolicy"
    autosave.write_autosave(named("X"), original)
    autosave.remove_autosave(original)
    assert autosave.left_by_crash() == []


def test_a_damaged_autosave_is_skipped_not_fatal(tmp_path):
    autosave.autosave_folder().mkdir(parents=True)
    (autosave.autosave_folder() / f"broken{autosave.SUFFIX}").write_text("{not json")
    autosave.write_autosave(named("Good"), None)
    assert [found.load().company.name for found in autosave.left_by_crash()] == ["Good"]


def test_a_restored_project_is_the_same_as_a_saved_one(tmp_path, example_project):
    autosave.write_autosave(example_project, tmp_path / "northwind.smpolicy")
    save_project(example_project, tmp_path / "copy.smpolicy")
    [found] = autosave.left_by_crash()
    assert found.load() == load_project(tmp_path / "copy.smpolicy")
