"""The workspace, the one place where the rules about the open project live: what the window
and the CLI both get when they open, export and save."""

from __future__ import annotations

import subprocess
import sys
import threading
import zipfile
from datetime import datetime

import pytest

from smpolicy_desktop import autosave
from smpolicy_desktop.exporters import EXPORTERS, ExportError
from smpolicy_desktop.storage import ProjectFileError, load_project, save_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import EXAMPLE, REPO


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "policy.smpolicy"
    save_project(load_project(EXAMPLE), path, keep_backup=False)
    return Workspace.open(path)


def test_an_unknown_export_format_is_an_error_not_markdown(saved, tmp_path):
    with pytest.raises(ExportError, match="no export format called 'pdfx'"):
        saved.export(tmp_path / "policy.pdfx", "pdfx")
    assert not (tmp_path / "policy.pdfx").exists()


def test_every_core_format_writes_the_company_name(saved, tmp_path):
    name = saved.project.company.name
    for exporter in (EXPORTERS[fmt] for fmt in ("docx", "html", "md")):
        written = saved.export(tmp_path / f"policy.{exporter.extension}", exporter.name)
        raw = written.read_bytes()
        text = zipfile.ZipFile(written).read("word/document.xml").decode() \
            if exporter.name == "docx" else raw.decode("utf-8")
        assert name in text, exporter.name


def test_an_export_never_overwrites_a_project_file(saved, tmp_path):
    before = saved.path.read_bytes()
    for target in (saved.path, tmp_path / "other.smpolicy"):
        with pytest.raises(ExportError, match="that is a project file"):
            saved.export(target, "docx")
    assert saved.path.read_bytes() == before


def test_a_version_sent_to_counsel_is_recorded_and_a_saved_project_stays_saved(saved, tmp_path):
    events = []
    saved.on("modified", events.append)
    saved.export(tmp_path / "sent.docx", remember=True)
    assert not saved.modified and events == []
    assert [v.id for v in load_project(saved.path).sent_versions] == \
        [v.id for v in saved.project.sent_versions]


def test_a_version_sent_from_unsaved_work_waits_for_the_next_save(saved, tmp_path):
    saved.set_value(("company", "name"), "Northwind Analytics Group LLC")
    saved.export(tmp_path / "sent.docx", remember=True)
    assert saved.modified and not load_project(saved.path).sent_versions
    saved.save()
    assert len(load_project(saved.path).sent_versions) == 1 and not saved.modified


def test_a_version_sent_that_cannot_be_saved_stays_as_unsaved_work(saved, tmp_path):
    """Send to Counsel on a saved project whose file cannot be written now (read-only here;
    also changed elsewhere, a full disk): the Word file is written, the save's reason is
    raised, and the record is unsaved work - closing asks, the autosave keeps it."""
    saved.path.chmod(0o444)
    with pytest.raises(ProjectFileError, match="read-only"):
        saved.export(tmp_path / "sent.docx", remember=True)
    assert (tmp_path / "sent.docx").is_file()
    assert saved.modified
    saved.autosave().result()
    saved.instance.release()  # the window is killed: its autosave is offered at the next start
    [found] = autosave.left_by_crash(saved.path)
    assert [v.id for v in found.load().sent_versions] == ["v1"]
    assert not load_project(saved.path).sent_versions


def test_a_changes_export_never_moves_what_it_compares_with(saved, tmp_path):
    saved.export(tmp_path / "sent.docx", remember=True)
    sent = list(saved.project.sent_versions)
    saved.set_value(("company", "name"), "Northwind Analytics Group LLC")
    for name in ("changes1.docx", "changes2.docx"):
        saved.export(tmp_path / name, changes_since_last=True)
        assert b"<w:ins " in zipfile.ZipFile(tmp_path / name).read("word/document.xml")
    assert saved.sent_to_compare() == sent
    # The redline is kept (counsel's reply may undo its changes), once for the same text.
    assert [(v.id, v.label, v.compares_with) for v in saved.project.sent_versions[1:]] == [
        ("v2", "Changes for counsel", "v1")]


def test_work_undone_back_to_the_saved_file_leaves_no_autosave(saved):
    saved.set_value(("company", "name"), "Typed, then undone")
    saved.autosave().result()
    kept = autosave.autosave_path(saved.path, saved.instance)
    assert kept.is_file()
    saved.set_edited(False)  # the window's undo history is back where the file was
    assert not kept.exists() and not saved.modified
    saved.close()


def test_an_entry_typed_and_not_added_is_autosaved_and_goes_when_cleared(saved):
    """The window's answers as they stand include a list's new entry being typed: the autosave
    keeps it, the project does not take it; cleared, its autosave goes too."""
    goals = saved.project.presence.goals
    saved.autosave([(("presence", "goals"), [*goals, "Sell more"])]).result()
    kept = autosave.autosave_path(saved.path, saved.instance)
    assert autosave.Autosave(kept, saved.path, datetime.now()).load().presence.goals == [
        *goals, "Sell more"]
    assert saved.project.presence.goals == goals and not saved.modified
    saved.autosave().result()  # the entry cleared, nothing else changed
    assert not kept.exists()
    saved.close()


def autosaved_name(workspace: Workspace) -> str:
    kept = autosave.autosave_path(workspace.path, workspace.instance)
    return autosave.Autosave(kept, workspace.path, datetime.now()).load().company.name


def test_an_autosave_holds_the_answers_of_when_it_began_and_the_next_one_the_latest(saved):
    """The autosave is written on a thread of its own, so typing goes on meanwhile; what is
    typed then is the next autosave's, never lost and never half in this one."""
    busy = threading.Event()
    autosave.in_order(busy.wait)  # the autosave thread is still writing an earlier one
    saved.set_value(("company", "name"), "Typed before the pause")
    first = saved.autosave()
    saved.set_value(("company", "name"), "Typed while it was written")
    busy.set()
    first.result()
    assert autosaved_name(saved) == "Typed before the pause"
    saved.autosave().result()
    assert autosaved_name(saved) == "Typed while it was written"
    saved.close()


def test_a_save_while_an_autosave_is_written_leaves_no_autosave_behind(saved):
    """Else the autosave, landing after the save, would be offered as a crash's work."""
    busy = threading.Event()
    autosave.in_order(busy.wait)
    saved.set_value(("company", "name"), "Saved at once")
    saved.autosave()
    threading.Timer(0.2, busy.set).start()
    saved.save()
    assert not autosave.autosave_path(saved.path, saved.instance).exists()
    assert load_project(saved.path).company.name == "Saved at once"
    saved.close()


def test_the_document_is_rendered_once_per_change_and_follows_the_document_type(saved):
    first = saved.document()
    assert saved.document() is first  # every view shares it
    saved.set_value(("company", "document_type"), "short")
    assert saved.document() is not first and saved.document().kind == "short"


def test_the_cli_export_goes_through_the_same_rules(saved, tmp_path):
    done = subprocess.run([sys.executable, "main.py", "export", str(saved.path), "-o",
                           str(saved.path)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "that is a project file" in done.stderr


def test_a_company_name_with_a_slash_suggests_a_file_name_not_a_folder(saved):
    saved.set_value(("company", "name"), "Nordisk Design A/S")
    assert saved.suggested_name() == "Nordisk Design A S social media policy"


@pytest.mark.slow
def test_pip_wheel_builds_a_wheel_with_the_shipped_files(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(REPO)], check=True, capture_output=True,
                   timeout=600)
    (wheel,) = tmp_path.glob("smpolicy-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "smpolicy_desktop/workspace.py" in names and "main.py" in names
    assert "templates/policy_full.html.j2" in names
    assert "assets/examples/northwind.smpolicy" in names
