"""A project opened again shows the policy this build rendered for it, without rendering; any
change to the answers or to the build renders afresh, and a bad cache is harmless."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import platformdirs
import pytest

from smpolicy_desktop import document_cache
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project, save_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import EXAMPLE, REPO

OPEN = ("import sys; from smpolicy_desktop.workspace import Workspace; "
        "document = Workspace.open(sys.argv[1]).document(); "
        "print(len(document.blocks), 'jinja2' in sys.modules, 'lxml' in sys.modules)")


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "example.smpolicy"
    shutil.copy(EXAMPLE, path)
    return path


def entries() -> list:
    return sorted((platformdirs.user_cache_path("smpolicy") / "documents").glob("*.json"))


def test_a_project_opened_again_is_shown_without_loading_the_templates(project_file):
    def open_in_fresh_process() -> str:
        return subprocess.run([sys.executable, "-c", OPEN, str(project_file)], cwd=REPO,
                              env=dict(os.environ), check=True, capture_output=True,
                              text=True).stdout.split()

    blocks = str(len(render_document(load_project(project_file)).blocks))
    assert open_in_fresh_process() == [blocks, "True", "True"]  # rendered, and kept
    assert open_in_fresh_process() == [blocks, "False", "False"]  # read back


def test_the_policy_read_back_is_the_one_the_templates_render(project_file):
    Workspace.open(project_file).document()
    again = Workspace.open(project_file)
    assert document_cache.recall(again.project) == render_document(again.project)


def test_edits_render_afresh_and_the_saved_project_is_kept(project_file):
    workspace = Workspace.open(project_file)
    workspace.document()
    workspace.set_value(("company", "name"), "Wrenfield Joinery Ltd")
    edited = workspace.document()
    assert "Wrenfield Joinery Ltd" in " ".join(edited.text_lines())
    assert document_cache.recall(workspace.project) is None  # unsaved edits are not kept
    workspace.save()
    reopened = Workspace.open(project_file)
    assert document_cache.recall(reopened.project) == edited
    assert reopened.document() == edited


def test_a_new_build_renders_afresh(project_file, monkeypatch):
    Workspace.open(project_file).document()
    project = load_project(project_file)
    assert document_cache.recall(project) is not None
    monkeypatch.setattr(document_cache, "_build", lambda: "another build")
    assert document_cache.recall(project) is None


def test_a_damaged_or_foreign_entry_is_rendered_again(project_file):
    Workspace.open(project_file).document()
    expected = render_document(load_project(project_file))
    for damage in (b"", b"{not json", b"[1, 2]", b'{"blocks": 3}', b'{"kind": "x"}', b"\xff"):
        entries()[0].write_bytes(damage)
        assert Workspace.open(project_file).document() == expected


def test_a_cache_that_cannot_be_written_costs_a_render_and_nothing_else(
        project_file, tmp_path, monkeypatch):
    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    expected = render_document(load_project(project_file))
    assert Workspace.open(project_file).document() == expected
    assert Workspace.open(project_file).document() == expected


def test_only_the_most_recent_documents_are_kept(tmp_path):
    for number in range(document_cache.KEPT + 5):
        project = load_project(EXAMPLE)
        project.company.version = f"1.{number}"
        document_cache.keep(project, render_document(project))
    assert len(entries()) == document_cache.KEPT


READS = """
import json, sys
opened = set()
sys.addaudithook(lambda event, args: event == "open" and isinstance(args[0], str)
                 and opened.add(args[0]))
from smpolicy_desktop.presets import presets
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project
projects = [load_project(sys.argv[1]), *(preset.project() for preset in presets().values())]
opened.clear()  # from here on: what rendering reads
for project in projects:
    for kind in ("full", "short"):
        render_document(project, kind)
print(json.dumps(sorted(opened)))
"""


def test_every_file_the_render_reads_is_part_of_the_build_that_finds_a_document(tmp_path):
    """A change to any of them (a template, a law pack, the code) renders afresh."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([sys.executable, "-c", READS, str(EXAMPLE)], cwd=REPO, env=env,
                            check=True, capture_output=True, text=True)
    read = {os.path.realpath(p) for p in json.loads(result.stdout)
            if not p.startswith(str(tmp_path)) and os.path.isfile(p)}
    shipped = {os.path.realpath(p) for p in read if p.startswith(str(REPO))}
    assert shipped, "the render read none of the app's files"
    assert shipped <= {os.path.realpath(p) for p in document_cache.build_files()}


def test_a_big_project_is_rendered_every_time(tmp_path):
    """Reading a big project's document back would cost as much as rendering it."""
    project = load_project(EXAMPLE)
    project.employees.confidential_info = [f"Client contract {i}" for i in range(5000)]
    path = tmp_path / "big.smpolicy"
    save_project(project, path)
    assert path.stat().st_size > document_cache.LARGEST
    Workspace.open(path).document()
    workspace = Workspace.open(path)
    workspace.document()
    workspace.save()
    assert entries() == []
