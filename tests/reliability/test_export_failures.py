"""A failed export says why in one line (exit 2), leaves the project alone and no partial file.

Faults: the folder is missing or read-only, the target is read-only or held open by Word
(Windows' PermissionError, simulated), the disk fills up part-way (ENOSPC, simulated).
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from smpolicy_desktop import safe_write
from smpolicy_desktop.cli import main
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import save_project
from tests.conftest import REPO

FORMATS = ["docx", "html", "md"]


@pytest.fixture
def project_file(tmp_path) -> Path:
    project = Project()
    project.company.name = "Careful Ltd"
    path = tmp_path / "careful.smpolicy"
    save_project(project, path, keep_backup=False)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp")) if folder.is_dir() else []


def export_fails(capsys, project_file: Path, target: Path) -> str:
    """Run the CLI export; it must fail with exit 2 and one line; returns that line."""
    before = project_file.read_bytes()
    assert main(["export", str(project_file), "-o", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"error: {target}: ")
    assert project_file.read_bytes() == before
    assert leftovers(target.parent) == []
    return err


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_folder(capsys, project_file, tmp_path, fmt):
    target = tmp_path / "no such folder" / f"policy.{fmt}"
    assert "the folder does not exist" in export_fails(capsys, project_file, target)
    assert not target.parent.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_word_holds_the_target_open(capsys, project_file, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"policy.{fmt}"
    target.write_bytes(b"the copy open in Word")

    def locked(source, destination):  # what Windows says while Word has the file open
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(target))

    monkeypatch.setattr(safe_write.os, "replace", locked)
    assert "open in another program" in export_fails(capsys, project_file, target)
    assert target.read_bytes() == b"the copy open in Word"


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_only_target(capsys, project_file, tmp_path, fmt):
    target = tmp_path / f"policy.{fmt}"
    target.write_bytes(b"a signed-off copy")
    target.chmod(0o444)
    assert "read-only" in export_fails(capsys, project_file, target)
    assert target.read_bytes() == b"a signed-off copy"


class _DiskFillsUp(io.FileIO):
    """A file on a disk with 4 KB left: the write that goes past it fails with ENOSPC."""

    def write(self, data) -> int:
        if self.tell() + len(data) > 4096:
            super().write(bytes(data)[:max(0, 4096 - self.tell())])
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_disk_full(capsys, project_file, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"policy.{fmt}"
    monkeypatch.setattr(safe_write.os, "fdopen", lambda fd, mode: _DiskFillsUp(fd, "wb"))
    assert "the disk is full" in export_fails(capsys, project_file, target)
    assert not target.exists()


def export_as_user(project: Path, target: Path) -> subprocess.CompletedProcess:
    """`main.py export`, as root (CI) run as 'nobody', whom permissions bind."""
    command = [sys.executable, "main.py", "export", str(project), "-o", str(target)]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_folder_that_may_not_be_looked_into(project_file):
    """A target (and the app's cache) in a folder the user may not even look into: one
    line, no traceback."""
    project = Path(tempfile.mkdtemp(prefix="readable-")) / project_file.name
    project.write_bytes(project_file.read_bytes())
    project.parent.chmod(0o755)
    project.chmod(0o644)
    closed = Path(tempfile.mkdtemp(prefix="closed-"))  # 0700, someone else's
    target = closed / "policy.docx"
    try:
        run = export_as_user(project, target)
        if os.geteuid() != 0:  # the folder is the user's own: the export works
            assert run.returncode == 0, run.stderr
            return
        assert run.returncode == 2, run.stderr
        assert run.stderr.count("\n") == 1
        assert run.stderr.startswith(f"error: {target}: permission denied")
    finally:
        for path in (target, project):
            path.unlink(missing_ok=True)
        closed.rmdir()
        project.parent.rmdir()


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
@pytest.mark.parametrize("fmt", FORMATS)
def test_read_only_folder(project_file, fmt):
    """A real read-only folder; as root (CI) the export runs as 'nobody', whom it binds."""
    folder = Path(tempfile.mkdtemp(prefix="read-only-"))
    try:
        project = folder / project_file.name
        project.write_bytes(project_file.read_bytes())
        target = folder / f"policy.{fmt}"
        for path, mode in ((project, 0o444), (folder, 0o555)):
            path.chmod(mode)
        run = export_as_user(project, target)
        assert run.returncode == 2, run.stderr
        assert run.stdout == ""
        assert run.stderr.count("\n") == 1
        assert run.stderr.startswith(f"error: {target}: permission denied")
        assert sorted(p.name for p in folder.iterdir()) == [project.name]
        assert project.read_bytes() == project_file.read_bytes()
    finally:
        folder.chmod(0o755)
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
