"""Killing a save at any moment loses nothing: the file is the whole old or the whole new one.

Real processes save (the CLI's `new --force` and the window's save_project in a loop) and are
killed with SIGKILL at random moments. Policy for temporary files (.NAME.*.tmp beside the
file): a kill leaves at most one per file being written (the project and its .bak), and the
next save removes every leftover.
"""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from smpolicy_desktop.model import Project
from smpolicy_desktop.presets import presets
from smpolicy_desktop.storage import backup_path, load_project, project_to_bytes, save_project
from tests.conftest import REPO
from tests.reliability.save_loop import versions

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

CLI_KILLS = 110
APP_KILLS = 150
RANDOM = random.Random(8)


def temporaries(path: Path) -> tuple[list[Path], list[Path]]:
    """Leftover temporary files of the project and of its backup."""
    found = sorted(path.parent.glob(f".{path.name}.*.tmp"))
    of_backup = [p for p in found if p.name.startswith(f".{backup_path(path).name}.")]
    return [p for p in found if p not in of_backup], of_backup


def assert_no_accumulation(path: Path) -> None:
    of_project, of_backup = temporaries(path)
    assert len(of_project) <= 1, of_project
    assert len(of_backup) <= 1, of_backup


def kill_after(process: subprocess.Popen, delay: float) -> None:
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()


def answers_in(path: Path) -> Project:
    """The project in the file, but for its history (each `new` makes one of its own)."""
    return load_project(path).model_copy(update={"history": ""})


def run_cli_new(path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "main.py", "new", "--force", "-o", str(path)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_cli_new_force_killed_at_random_moments_leaves_old_or_new_file(tmp_path):
    path = tmp_path / "policy.smpolicy"
    old, new = Project(), presets()["general_b2b"].project()
    old.company.name = "Our old answers"
    old.employees.recruiting_posts = "kept text\n" * 50_000  # a backup copy that takes a while
    old_bytes = project_to_bytes(old)

    path.write_bytes(old_bytes)
    started = time.monotonic()
    finished = run_cli_new(path)
    assert finished.wait() == 0, finished.stderr.read()
    full_run = time.monotonic() - started
    assert answers_in(path) == new
    assert load_project(backup_path(path)) == old

    outcomes: Counter[str] = Counter()
    for _ in range(CLI_KILLS):
        if path.read_bytes() != old_bytes:
            path.write_bytes(old_bytes)  # every run replaces the old answers by the preset
        kill_after(run_cli_new(path), RANDOM.uniform(0.2, 1.1) * full_run)

        saved = answers_in(path)
        assert saved in (old, new)
        if saved == new:  # the save over the old file happened, so the old one is the backup
            outcomes["replaced"] += 1
            assert load_project(backup_path(path)) == old
        else:
            outcomes["untouched"] += 1
            if backup_path(path).exists():
                assert load_project(backup_path(path)) == old
        outcomes["left a temporary file"] += any(temporaries(path))
        assert_no_accumulation(path)

    assert run_cli_new(path).wait() == 0
    assert temporaries(path) == ([], [])
    print(f"\nCLI: {CLI_KILLS} kills survived over a {full_run:.2f} s run: {dict(outcomes)}")


def test_app_save_loop_killed_at_random_moments_leaves_old_or_new_file(tmp_path):
    path = tmp_path / "policy.smpolicy"
    both = versions()
    outcomes: Counter[str] = Counter()
    for _ in range(APP_KILLS):
        saver = subprocess.Popen([sys.executable, "-m", "tests.reliability.save_loop", str(path)],
                                 cwd=REPO, stdout=subprocess.PIPE, text=True)
        assert saver.stdout.readline() == "ready\n"
        kill_after(saver, RANDOM.uniform(0, 0.08))

        assert load_project(path) in both
        assert load_project(backup_path(path)) in both
        of_project, of_backup = temporaries(path)
        outcomes["killed writing the project"] += bool(of_project)
        outcomes["killed writing the backup"] += bool(of_backup)
        assert_no_accumulation(path)

    save_project(both[0], path)
    assert temporaries(path) == ([], [])
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, backup_path(path).name]
    print(f"\nsave_project: {APP_KILLS} kills survived: {dict(outcomes)}")
    assert outcomes["killed writing the project"] > 0, "no kill landed inside a save"


def test_next_save_removes_a_killed_writers_temporary_file_but_not_a_live_ones(tmp_path):
    path = tmp_path / "policy.smpolicy"
    leftover = tmp_path / f".{path.name}.dead1234.tmp"
    in_flight = tmp_path / f".{path.name}.live5678.tmp"
    leftover.write_bytes(b"half a proj")
    in_flight.write_bytes(b"being written")
    writer = os.open(in_flight, os.O_RDWR)
    fcntl.flock(writer, fcntl.LOCK_EX)  # what a live writer holds while it writes
    try:
        save_project(Project(), path)
        assert not leftover.exists()
        assert in_flight.read_bytes() == b"being written"
    finally:
        os.close(writer)
    save_project(Project(), path)
    assert temporaries(path) == ([], [])
