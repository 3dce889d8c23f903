"""Limits: an oversized project file is refused before it is read; a huge answer still works."""

from __future__ import annotations

import builtins
import io
import os
import pathlib

import pytest

from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import MAX_FILE_BYTES, ProjectFileError, load_project
from smpolicy_desktop.workspace import Workspace
from tests.reliability.hostile import docx_text, words


def test_project_file_over_20_mb_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "enormous.smpolicy"
    with path.open("wb") as sparse:  # 21 MB on paper, no disk blocks used
        sparse.truncate(21 * 2**20)
    assert MAX_FILE_BYTES == 20 * 2**20
    opened: list[str] = []

    def no_reading(*args, **kwargs):
        opened.append(repr(args[:1]))
        raise AssertionError("the oversized file was opened for reading")

    for owner, name in ((builtins, "open"), (io, "open"), (os, "open"),
                        (pathlib.Path, "read_bytes"), (pathlib.Path, "read_text"),
                        (pathlib.Path, "open")):
        monkeypatch.setattr(owner, name, no_reading)
    with pytest.raises(ProjectFileError) as error:
        load_project(path)
    monkeypatch.undo()
    assert opened == []
    assert str(error.value) == f"{path}: the file is too large (21 MB; a project is at most 20 MB)"


def test_one_megabyte_answer_renders_and_exports_to_every_format(tmp_path):
    project = Project()
    project.company.name = "Big Answers Ltd"
    answer = "We answer fair criticism in public and politely. " * 22_000
    assert len(answer) > 2**20
    project.training.consequences = answer
    exported = {fmt: Workspace(project).export(tmp_path / f"policy.{fmt}") for fmt in
                ("docx", "html", "md")}
    assert words(answer) in words(exported["html"].read_text(encoding="utf-8"))
    assert words(answer) in words(exported["md"].read_text(encoding="utf-8"))
    assert words(answer) in docx_text(exported["docx"].read_bytes())
