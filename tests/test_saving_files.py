"""Saving keeps what the user's file is: links, mode, attributes, privacy, versions; odd files
and names are refused or handled in one plain line (issue 15, items 4, 5, 6, 9 and 10)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
import tracemalloc
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from smpolicy_desktop import versions
from smpolicy_desktop.file_watch import OpenLock, changed
from smpolicy_desktop.model import Project
from smpolicy_desktop.state import file_key
from smpolicy_desktop.storage import (
    FileChangedError,
    ProjectFileError,
    backup_path,
    load_project,
    project_to_bytes,
    project_to_data,
    read_project,
    save_project,
)
from smpolicy_desktop.workspace import Workspace
from tests.conftest import EXAMPLE, REPO

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def named(name: str) -> Project:
    project = Project()
    project.company.name = name
    return project


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "policy.smpolicy"
    save_project(named("First"), path)
    return path


@posix_only
def test_saving_through_a_link_writes_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "synced" / "policy.smpolicy"
    real.parent.mkdir()
    save_project(named("First"), real)
    link = tmp_path / "desktop.smpolicy"
    link.symlink_to(real)
    save_project(named("Through the link"), link)
    assert link.is_symlink()
    assert load_project(real).company.name == "Through the link"
    assert load_project(backup_path(real)).company.name == "First"
    assert not backup_path(link).exists()


@posix_only
def test_the_backup_and_the_file_keep_a_private_mode(saved):
    saved.chmod(0o600)
    backup_path(saved).write_text("an older, wider backup")
    backup_path(saved).chmod(0o644)
    save_project(named("Second"), saved)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(saved).stat().st_mode) == 0o600


@posix_only
def test_extended_attributes_are_kept(saved):
    try:
        os.setxattr(saved, "user.tag", b"important")
    except OSError:
        pytest.skip("this file system keeps no user attributes")
    save_project(named("Second"), saved)
    assert os.getxattr(saved, "user.tag") == b"important"


@posix_only
def test_a_hard_link_that_cannot_be_kept_is_reported(saved):
    os.link(saved, saved.with_name("hardlink.smpolicy"))
    result = save_project(named("Second"), saved)
    assert any("hard links" in note for note in result.notes)


@posix_only
def test_a_read_only_backup_does_not_block_saving(saved):
    save_project(named("Second"), saved)
    backup_path(saved).chmod(0o444)
    save_project(named("Third"), saved)
    assert load_project(saved).company.name == "Third"
    assert load_project(backup_path(saved)).company.name == "Second"


@posix_only
def test_a_link_put_where_the_backup_goes_is_replaced_not_written_through(saved, tmp_path):
    """In a shared folder, someone links policy.smpolicy.bak to a file of the owner's: saving
    must not overwrite that file with the project."""
    theirs = tmp_path / "elsewhere" / "notes.txt"
    theirs.parent.mkdir()
    theirs.write_text("the owner's own notes")
    backup_path(saved).symlink_to(theirs)
    save_project(named("Second"), saved)
    assert theirs.read_text() == "the owner's own notes"
    assert not backup_path(saved).is_symlink()
    assert load_project(backup_path(saved)).company.name == "First"
    assert load_project(saved).company.name == "Second"


@posix_only
@pytest.mark.parametrize("fmt", ["docx", "html", "md"])
def test_an_export_over_a_link_put_at_its_name_replaces_the_link_not_its_target(
        tmp_path, capsys, fmt):
    """Someone links policy.docx in a shared folder to a file of the owner's; the owner
    exports there and answers "Replace?" (it names policy.docx): their file stays as it was."""
    from smpolicy_desktop.cli import main

    theirs = tmp_path / "elsewhere" / "thesis.txt"
    theirs.parent.mkdir()
    theirs.write_text("the owner's own thesis")
    project = tmp_path / "policy.smpolicy"
    save_project(named("Careful Ltd"), project)
    export = tmp_path / f"policy.{fmt}"
    export.symlink_to(theirs)
    assert main(["export", str(project), "-o", str(export)]) == 0
    assert capsys.readouterr().out == f"Wrote {export}\n"
    assert theirs.read_text() == "the owner's own thesis"
    assert not export.is_symlink()
    assert export.read_bytes().startswith(b"PK") if fmt == "docx" else \
        "Careful Ltd" in export.read_text()


@posix_only
@pytest.mark.parametrize("planted", ["link", "pipe"])
def test_a_link_or_pipe_put_where_the_open_lock_goes_is_never_written(saved, tmp_path, planted):
    """Opening a project in a shared folder where someone put a link (or a pipe) at its lock
    file's name: the linked file stays as it was, and the project still opens."""
    theirs = tmp_path / "notes.txt"
    theirs.write_text("the owner's own notes")
    where = OpenLock(saved).path
    if planted == "link":
        where.symlink_to(theirs)
    else:
        os.mkfifo(where)
    mine = OpenLock(saved)
    assert mine.acquire()  # nothing to protect there: the window opens the file as usual
    assert OpenLock.holder(saved) is None
    mine.release()
    assert theirs.read_text() == "the owner's own notes"


def test_the_open_lock_file_goes_when_the_window_closes_where_open_files_stay(
        saved, monkeypatch):
    """Seen by a tester on Windows: ".~lock.NAME.smpolicy#" stayed beside every project after
    its window closed, as the lock file was removed while still open, which Windows refuses
    (WinError 32, ignored). Here a removal of an open file is refused as Windows does."""
    import smpolicy_desktop.file_watch as file_watch

    mine = OpenLock(saved)
    assert mine.acquire()
    real_unlink = Path.unlink

    def still_open(fd: int | None) -> bool:
        try:
            return fd is not None and os.fstat(fd) is not None
        except OSError:
            return False

    def unlink_as_windows_does(path, missing_ok=False):
        if path == mine.path and still_open(mine._fd):
            raise PermissionError(32, "The process cannot access the file because it is "
                                      "being used by another process", str(path))
        return real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(file_watch, "_REMOVES_OPEN_FILES", False, raising=False)  # Windows
    monkeypatch.setattr(Path, "unlink", unlink_as_windows_does)
    mine.release()
    assert not mine.path.exists()
    assert mine.acquire()  # and the project opens again as before
    mine.release()


@posix_only
def test_a_save_refused_for_a_read_only_file_leaves_its_backup_as_it_was(saved):
    save_project(named("Second"), saved)  # the backup now holds "First"
    saved.chmod(0o444)
    with pytest.raises(ProjectFileError, match="read-only"):
        save_project(named("Third"), saved)
    assert load_project(backup_path(saved)).company.name == "First"
    assert load_project(saved).company.name == "Second"


def test_a_backup_that_is_a_folder_is_named_in_the_message(saved):
    backup_path(saved).mkdir()
    with pytest.raises(ProjectFileError) as error:
        save_project(named("Second"), saved)
    assert error.value.path.name == "policy.smpolicy.bak"
    assert "backup" in error.value.reason
    assert load_project(saved).company.name == "First"


def test_saving_twice_without_changes_keeps_the_previous_backup(saved):
    save_project(named("Oops Wrong Name"), saved)
    save_project(named("Oops Wrong Name"), saved)
    assert load_project(backup_path(saved)).company.name == "First"


@posix_only
def test_a_pipe_a_device_and_a_folder_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "fifo.smpolicy"
    os.mkfifo(fifo)
    for path, words in ((fifo, "a pipe"), ("/dev/zero", "a device"), (tmp_path, "folder")):
        with pytest.raises(ProjectFileError) as error:
            load_project(path)  # would hang (pipe) or eat the memory (/dev/zero)
        assert words in error.value.reason


@posix_only
def test_the_cli_refuses_a_pipe_in_one_line(tmp_path):
    fifo = tmp_path / "fifo.smpolicy"
    os.mkfifo(fifo)
    run = subprocess.run([sys.executable, "main.py", "validate", str(fifo)], cwd=REPO,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "pipe" in run.stderr


@pytest.mark.parametrize("length", [230, 245, 255])
def test_names_up_to_255_bytes_save_or_say_why(tmp_path, length):
    path = tmp_path / ("p" * (length - len(".smpolicy")) + ".smpolicy")
    save_project(named("First"), path)
    result = save_project(named("Second"), path)
    assert load_project(path).company.name == "Second"
    if len(backup_path(path).name) > 255:
        assert any("too long" in note and "Versions" in note for note in result.notes)
    else:
        assert load_project(backup_path(path)).company.name == "First"
    newest, previous = versions.kept(versions.history_of(path))[:2]
    assert b"Second" in newest.read() and b"First" in previous.read()


@pytest.mark.parametrize("target", ["policy.smpolicy", "other.smpolicy", "policy.smpolicy.bak",
                                    "renamed.docx"])
def test_export_onto_a_project_file_is_refused_in_one_line(tmp_path, target):
    project = tmp_path / "policy.smpolicy"
    for name in ("policy.smpolicy", "other.smpolicy", "renamed.docx", "policy.smpolicy.bak"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())  # a project, whatever its name
    run = subprocess.run([sys.executable, "main.py", "export", str(project), "-o",
                          str(tmp_path / target)], cwd=REPO, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert "that is a project file" in run.stderr
    assert (tmp_path / target).read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize("company, expected", [
    ("Nordisk Design A/S", "Nordisk Design A S social media policy"),
    ("Acme Widgets Inc.", "Acme Widgets Inc social media policy"),
    ('Who: "Us" <Ltd>?', "Who Us Ltd social media policy"),
    ("", "Social media policy"),
    # a right-to-left override would show "...policy.docx" as "...xcod.ycilop...exe.jpg"
    ("Evil\u202egpj.exe", "Evil gpj.exe social media policy"),
    ("Bell\x7f\x9b\u200bhop\ufeff \u2067Ltd\u2069", "Bell hop Ltd social media policy"),
    ("\U0001F468\u200D\U0001F469 Care", "\U0001F468\u200D\U0001F469 Care social media policy"),
    ("Acme\u200e\u00ad Ltd\u200f\U000e0041", "Acme Ltd social media policy"),
])
def test_file_names_from_company_names_stay_one_name(company, expected):
    assert Workspace(named(company)).suggested_name() == expected


def test_a_very_long_company_name_still_gives_a_name_that_can_be_saved_with_a_backup():
    name = Workspace(named("Ö" * 300)).suggested_name() + ".smpolicy.bak"
    assert len(name.encode()) <= 255


def test_each_save_is_kept_as_a_version_and_old_ones_thin_out(saved):
    for number in range(2, 15):
        save_project(named(f"Save {number}"), saved)
    kept = versions.kept(versions.history_of(saved))
    assert len(kept) == 10  # all made today: the last ten
    assert [load_project(v.path).company.name for v in kept[:2]] == ["Save 14", "Save 13"]
    if os.name == "posix":
        assert {stat.S_IMODE(v.path.stat().st_mode) for v in kept} == {0o600}


def test_a_file_dated_in_the_future_does_not_date_the_saves_after_it(tmp_path):
    """A file stamped July 4, 2031 (copied from a machine with a wrong clock) dated every
    later save 2031, so a month's saves counted as one day's (found by a tester)."""
    copied = tmp_path / "copied.smpolicy"
    copied.write_bytes(EXAMPLE.read_bytes())
    future = datetime(2031, 7, 4, 10, 0).timestamp()
    os.utime(copied, (future, future))
    for number in range(2, 5):
        save_project(named(f"Save {number}"), copied)
    assert len(versions.kept(versions.history_of(copied))) == 4
    assert all(v.saved_at <= datetime.now() for v in versions.kept(versions.history_of(copied)))


def _set_clock(monkeypatch) -> list[datetime]:
    """The clock versions reads, set by assigning its one item."""
    clock = [datetime.now()]

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return clock[0]

    monkeypatch.setattr(versions, "datetime", Clock)
    return clock


def test_saves_after_the_clock_was_put_right_keep_their_own_times(monkeypatch):
    """The clock was a year ahead for two saves, then put right: every later save was dated
    just after those two, to keep the order, so File > Versions showed a month of saves at one
    moment a year ahead, and all but the last ten were thinned away (found by a tester)."""
    history = f"p-{'1' * 16}"
    clock = _set_clock(monkeypatch)
    for hour in (9, 10):  # the clock a year ahead
        clock[0] = datetime(2028, 2, 1, hour)
        versions.keep(history, f"ahead-{hour}".encode())
    for day in range(40):  # put right
        for hour in (9, 17):
            clock[0] = datetime(2027, 1, 5, hour) + timedelta(days=day)
            versions.keep(history, f"{day}-{hour}".encode())
    kept = versions.kept(history)
    assert kept[0].read() == b"39-17"
    assert kept[0].saved_at == datetime(2027, 2, 13, 17)
    assert len({v.saved_at.date() for v in kept}) == 30  # one for each of the last 30 days
    assert all(v.saved_at <= clock[0] for v in kept)


def test_a_save_while_the_clock_is_years_behind_leaves_the_history_its_dates(monkeypatch):
    """A flat clock battery: the computer starts in 2009. The versions kept before are not
    dated again to 2009 (their dates would be lost for good); the save goes after them."""
    history = f"p-{'2' * 16}"
    clock = _set_clock(monkeypatch)
    for day in (5, 6):
        clock[0] = datetime(2027, 3, day, 9)
        versions.keep(history, f"march-{day}".encode())
    clock[0] = datetime(2009, 1, 1, 0, 5)
    versions.keep(history, b"flat battery")
    kept = versions.kept(history)
    assert [v.read() for v in kept] == [b"flat battery", b"march-6", b"march-5"]
    assert [v.saved_at for v in kept[1:]] == [datetime(2027, 3, 6, 9), datetime(2027, 3, 5, 9)]
    assert kept[0].saved_at > kept[1].saved_at


def test_one_version_a_day_is_kept_for_a_month():
    history = f"p-{'0' * 16}"
    start = datetime(2026, 10, 1, 9)
    for day in range(40):
        for hour in (9, 17):
            when = start + timedelta(days=day, hours=hour - 9)
            versions.keep(history, f"{day}-{hour}".encode(), when)
    kept = versions.kept(history)
    assert len({v.saved_at.date() for v in kept}) == 30  # one for each of the last 30 days
    assert len(kept) == 35  # ... and the last ten saves (five days of two)
    assert kept[0].read() == b"39-17"


def test_versions_of_a_large_project_stay_within_their_room_but_counsels_stay(
        tmp_path, monkeypatch):
    """A project with a book pasted in it, saved daily for 40 days: its versions once took
    40 times its size (800 MB for 20 MB). Now they are kept compressed and within MAX_TOTAL
    (here made small), the newest always; the save made when the policy went to counsel is
    never dropped, and opens with its record of the version sent."""
    monkeypatch.setattr(versions, "MAX_TOTAL", 2_000_000)
    path = tmp_path / "big.smpolicy"
    workspace = Workspace(named("Big Ltd"), path)
    book = os.urandom(150_000).hex()  # 300 KB of text that compresses about 2:1, as a book
    workspace.project.training.consequences = book
    workspace.save()
    workspace.export(tmp_path / "for counsel.docx", remember=True)  # saves, recording v1
    now = datetime.now()
    for day in range(1, 41):
        workspace.project.training.consequences = f"{book} Day {day}."
        versions.keep(workspace.history(), project_to_bytes(workspace.project),
                      now + timedelta(days=day))
    kept = workspace.versions()
    assert sum(version.size() for version in kept if not version.for_counsel) <= 2_000_000
    assert len(kept) > versions.KEEP_ALWAYS
    assert load_project(kept[0].path).training.consequences.endswith("Day 40.")
    [sent] = [version for version in kept if version.for_counsel]
    assert [v.id for v in load_project(sent.path).sent_versions] == ["v1"]
    as_saved = len(project_to_bytes(workspace.project))
    assert all(version.size() < as_saved * 0.7 for version in kept)  # compressed


def test_a_version_kept_plain_by_an_older_smpolicy_is_still_listed_and_opens(saved):
    folder = versions.versions_folder(versions.history_of(saved))
    (folder / "20260101T090000.000000.smpolicy").write_bytes(EXAMPLE.read_bytes())
    oldest = versions.kept(versions.history_of(saved))[-1]
    assert oldest.saved_at == datetime(2026, 1, 1, 9)
    assert load_project(oldest.path).company.name == "Northwind Analytics LLC"


@pytest.mark.slow
def test_a_version_that_inflates_to_a_gigabyte_is_refused_and_saving_still_works(saved):
    """Something put a gzip bomb where the newest version of the project is kept: 5 MB that
    inflate to 1 GB of zeros. Each save compares the project with its newest version: that
    read now stops at a project's 20 MB, so the save takes little memory and keeps its version;
    opening the bomb in File > Versions says why it cannot; the other versions still open."""
    squeeze = zlib.compressobj(1, zlib.DEFLATED, 31)  # gzip, built 1 MB at a time
    zeros = bytes(2**20)
    bomb = b"".join(squeeze.compress(zeros) for _ in range(1024)) + squeeze.flush()
    newest_name = f"{datetime.now():%Y%m%dT%H%M%S.%f}.smpolicy.gz"
    planted = versions.versions_folder(versions.history_of(saved)) / newest_name
    planted.write_bytes(bomb)
    tracemalloc.start()
    try:
        save_project(named("Second"), saved)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 2**20
    kept = versions.kept(versions.history_of(saved))
    [bombed] = [version for version in kept if version.path == planted]
    assert [load_project(version.path).company.name for version in kept
            if version != bombed] == ["Second", "First", "First"]  # as saved, then before
    with pytest.raises(ProjectFileError) as refused:
        Workspace.read_version(bombed)
    assert refused.value.reason == ("the file is compressed and over 20 MB uncompressed (a "
                                    "project is at most 20 MB)")


@pytest.mark.parametrize("content, reason", [
    (gzip.compress(b" " * (21 * 2**20)), "over 20 MB uncompressed"),  # 21 KB, read as 21 MB
    (gzip.compress(EXAMPLE.read_bytes())[:-100], "compressed and cut short"),
])
def test_a_compressed_file_is_read_within_the_size_limit(tmp_path, content, reason):
    path = tmp_path / "odd.smpolicy"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError, match=re.escape(reason)):
        load_project(path)


def test_a_state_folder_that_cannot_keep_versions_is_said_once_in_plain_words(saved, tmp_path,
                                                                             monkeypatch):
    blocked = tmp_path / "state-is-a-file"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    result = save_project(named("Second"), saved)
    assert load_project(saved).company.name == "Second"
    assert result.notes == ("no version was kept (part of the path is not a folder)",)


def test_a_change_on_disk_is_noticed_and_save_refuses_to_overwrite_it(saved):
    _, stamp = read_project(saved)
    assert not changed(stamp, saved)
    os.utime(saved, ns=(0, 0))  # touched, same content: not a change
    assert not changed(stamp, saved)
    saved.write_bytes(saved.read_bytes().replace(b"First", b"Synced"))
    assert changed(stamp, saved)
    with pytest.raises(FileChangedError):
        save_project(named("Mine"), saved, expected=stamp)
    assert load_project(saved).company.name == "Synced"
    save_project(named("Mine"), saved)  # Overwrite: the user chose to
    assert load_project(saved).company.name == "Mine"


def test_an_outside_edit_of_the_same_size_and_time_is_not_saved_over(saved):
    """A sync client or `touch -r` puts the old time back on an edit of the same length (or a
    FAT disk's 2-second clock hides it): Save still asks, and the other version stays."""
    _, stamp = read_project(saved)
    before = saved.stat()
    saved.write_bytes(saved.read_bytes().replace(b"First", b"Fresh"))
    os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(FileChangedError):
        save_project(named("Mine"), saved, expected=stamp)
    assert load_project(saved).company.name == "Fresh"


def test_a_file_put_in_place_that_is_too_large_to_read_is_not_saved_over(saved):
    """Another program (or an older smpolicy) put a file over 20 MB where the project was:
    it cannot be kept as a backup, so Save asks before replacing it."""
    _, stamp = read_project(saved)
    saved.write_bytes(b"x" * (21 * 2**20))
    with pytest.raises(FileChangedError):
        save_project(named("Mine"), saved, expected=stamp)
    assert saved.stat().st_size == 21 * 2**20


def test_a_project_too_large_to_open_again_is_not_saved(saved):
    """A pasted book in one answer: the file would be over the 20 MB that opening accepts, so
    the save is refused in plain words and the file on disk stays one that opens."""
    project = named("Second")
    project.training.consequences = "x" * 21 * 2**20
    with pytest.raises(ProjectFileError) as error:
        save_project(project, saved)
    assert error.value.reason == ("could not save: the file is too large (21 MB; a project is "
                                  "at most 20 MB); shorten the longest answers")
    assert load_project(saved).company.name == "First"


def test_a_second_window_is_told_the_file_is_open_elsewhere(saved):
    first = OpenLock(saved)
    assert first.acquire()
    assert " on " in OpenLock.holder(saved).who
    assert not OpenLock(saved).acquire()
    first.release()
    assert OpenLock.holder(saved) is None and OpenLock(saved).acquire()


def test_a_lock_left_by_a_crash_here_is_free_and_one_synced_from_another_computer_is_not(
        saved):
    """A lock file no window holds: left by a window on this computer that crashed (free to
    take, nobody is named), or brought by a synced folder from the computer where the project
    is open (that computer is named, and said to be another one)."""
    import platform

    def written_on(host: str) -> None:
        OpenLock(saved).path.write_text(json.dumps(
            {"user": "dana", "host": host, "since": "2026-12-03T09:12", "pid": 4242}))

    written_on(platform.node())
    assert OpenLock.holder(saved) is None
    written_on("office-pc")
    holder = OpenLock.holder(saved)
    assert holder.synced and holder.says("US") == "dana on office-pc since December 3, 2026, 09:12"
    mine = OpenLock(saved)
    assert mine.acquire()  # edit anyway: the lock is this window's now
    assert OpenLock.holder(saved) is not None and not OpenLock.holder(saved).synced
    mine.release()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to act as a second user")
def test_a_second_user_on_a_shared_folder_is_told_the_file_is_open():
    """Dana has the project open; Sam, another user of the shared folder, opens it too. Dana's
    lock file is hers (Sam may read it, not write it), and Sam is still told."""
    import shutil
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="shared-"))  # pytest's own folder is root's only
    shared.chmod(0o777)
    saved = shared / "policy.smpolicy"
    save_project(named("First"), saved)
    first = OpenLock(saved)
    assert first.acquire()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # Sam
        try:
            os.setgid(65534)
            os.setuid(65534)
            holder = OpenLock.holder(saved)
            os.write(write, (holder.says() if holder else "nobody").encode())
        finally:
            os._exit(0)
    os.waitpid(child, 0)
    os.close(write)
    told = os.read(read, 4096).decode()
    os.close(read)
    first.release()
    shutil.rmtree(shared)
    assert " on " in told and " since " in told


@posix_only
def test_a_disk_that_cannot_lock_files_still_opens_and_saves(saved, monkeypatch):
    """Some network shares answer every file lock with 'No locks available': the project
    still opens, is marked open, and saves."""
    import errno
    import fcntl

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    workspace = Workspace.open(saved)
    mine = OpenLock(saved)
    assert mine.acquire()
    assert " on " in OpenLock.holder(saved).who  # another window is still told
    workspace.project.company.name = "Saved on the share"
    workspace.set_edited(True)
    workspace.save()
    mine.release()
    assert load_project(saved).company.name == "Saved on the share"


@pytest.mark.slow
def test_two_writers_at_once_never_get_a_false_folder_error(tmp_path):
    path = tmp_path / "race.smpolicy"
    errors: list[str] = []

    def writer(name: str) -> None:
        for _ in range(150):
            try:
                save_project(named(name), path)
            except ProjectFileError as exc:
                errors.append(exc.reason)

    threads = [threading.Thread(target=writer, args=(name,)) for name in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert load_project(path).company.name in "AB"


@pytest.mark.slow  # four commands at once: 3-6 s
def test_commands_saving_at_once_never_claim_a_record_the_file_lacks(tmp_path):
    """Four `export --remember` at once each said "Recorded it as v1", and the file kept
    one or two (found by a tester): the comparison with the file as read and the replace
    were two steps. Each command now records its version or says it did not."""
    project = tmp_path / "x.smpolicy"
    project.write_bytes(EXAMPLE.read_bytes())
    runs = [subprocess.Popen([sys.executable, "main.py", "export", str(project), "--remember",
                              "-o", str(tmp_path / f"sent{i}.docx")], cwd=REPO, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(4)]
    said = [run.communicate(timeout=120) for run in runs]
    recorded = sum("Recorded it in" in out for out, _ in said)
    refused = sum("it is not recorded as sent to counsel" in err for _, err in said)
    assert recorded + refused == 4 and recorded >= 1
    assert len(load_project(project).sent_versions) == recorded


def test_save_as_keeps_the_projects_history(tmp_path):
    """Saved under another name or in another folder, a project's earlier saves could no
    longer be reached from File > Versions (found by a tester)."""
    first = tmp_path / "policy.smpolicy"
    workspace = Workspace(named("One"))
    workspace.save(first)
    workspace.project.company.name = "Two"
    workspace.save()
    moved = tmp_path / "moved" / "policy.smpolicy"
    moved.parent.mkdir()
    workspace.project.company.name = "Three"
    workspace.save(moved)
    kept = versions.kept(versions.history_of(moved))
    assert [load_project(v.path).company.name for v in kept] == ["Three", "Two", "One"]
    assert len(versions.kept(versions.history_of(first))) == 2  # the old file keeps its own


def saved_names(path: Path) -> list[str]:
    """The company name of each version File > Versions lists for the project file, newest
    first."""
    return [load_project(v.path).company.name for v in Workspace.open(path).versions()]


def test_a_project_moved_renamed_or_copied_keeps_its_versions(tmp_path):
    """Versions were kept under the file's path: after the owner moved or renamed the project's
    folder, File > Versions said "No versions yet" (found by a tester)."""
    first = tmp_path / "Policies" / "policy.smpolicy"
    first.parent.mkdir()
    workspace = Workspace(named("One"))
    workspace.save(first)
    workspace.project.company.name = "Two"
    workspace.save()
    moved = tmp_path / "Company documents" / "policy 2026.smpolicy"
    (tmp_path / "Policies").rename(moved.parent)
    (moved.parent / "policy.smpolicy").rename(moved)
    assert saved_names(moved) == ["Two", "One"]
    copied = tmp_path / "copy.smpolicy"
    shutil.copy2(moved, copied)  # a copy made in the file manager is the same project
    assert saved_names(copied) == ["Two", "One"]
    opened = Workspace.open(moved)
    opened.project.company.name = "Three"
    opened.save()
    assert saved_names(moved) == ["Three", "Two", "One"]
    assert versions.history_of(moved) == opened.project.history  # read from the file itself


def test_an_untitled_copy_of_a_version_starts_a_history_of_its_own(tmp_path):
    """File > Versions > Open as Copy shows a version, untitled: saved, it is a new project
    whose versions start with that save, as before projects recorded their history."""
    original = Workspace(named("Original"))
    original.save(tmp_path / "policy.smpolicy")
    original.project.company.name = "Changed"
    original.save()
    copy = Workspace(Workspace.read_version(original.versions()[-1]))
    copy.project.company.name = "Copy"
    copy.save(tmp_path / "copy.smpolicy")
    assert saved_names(tmp_path / "copy.smpolicy") == ["Copy"]  # its own save only
    assert saved_names(tmp_path / "policy.smpolicy") == ["Changed", "Original"]


def as_schema_8(project: Project) -> bytes:
    """The project as smpolicy wrote it before projects recorded their history."""
    data = project_to_data(project)
    del data["project"]["history"]
    return json.dumps({**data, "schema_version": 8}, indent=2).encode()


def test_versions_kept_by_an_older_smpolicy_are_found_and_kept(tmp_path):
    """Versions an older smpolicy kept under the file's path are found where the file is, and
    after it was moved too; its next save records them as its history, nothing lost."""
    path = tmp_path / "policy.smpolicy"
    for name in ("One", "Two"):  # as the older app saved it: the file and a version under its path
        path.write_bytes(as_schema_8(named(name)))
        versions.keep(file_key(path), path.read_bytes())
    assert saved_names(path) == ["Two", "One"]
    moved = tmp_path / "moved" / "policy.smpolicy"
    moved.parent.mkdir()
    path.rename(moved)
    assert saved_names(moved) == ["Two", "One"]  # found by its last save
    workspace = Workspace.open(moved)
    workspace.project.company.name = "Three"
    workspace.save()
    assert json.loads(moved.read_text())["project"]["history"] == file_key(path)
    assert saved_names(moved) == ["Three", "Two", "One"]


@posix_only
def test_an_export_over_a_link_to_a_device_is_refused_not_replaced(tmp_path):
    """`export -o /dev/stdout` as root replaced the system's /dev/stdout, a link to the
    terminal, with a Word file (found by a tester): a link naming a device is refused as the
    device is; a link to a file is still replaced, never followed."""
    from smpolicy_desktop.safe_write import WriteError

    link = tmp_path / "out.docx"
    link.symlink_to("/dev/null")
    with pytest.raises(WriteError) as refused:
        Workspace(named("Linked")).export(link, "docx")
    assert "not a regular file" in str(refused.value)
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
