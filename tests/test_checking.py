"""The risk check runs in a process of its own and gives what checking in this process gives;
a check that fails says so (None) instead of leaving the window waiting."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from smpolicy_desktop import checking
from smpolicy_desktop.checking import check, check_elsewhere
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project
from tests.conftest import EXAMPLE


def checked_elsewhere(project, document):
    return answer_of(partial(check_elsewhere, project, document))


def answer_of(send) -> object:
    """What send(done) gives `done`, from the checker's thread."""
    results, arrived = [], threading.Event()

    def done(result):
        results.append(result)
        arrived.set()

    send(done)
    assert arrived.wait(60), "the checker process never answered"
    return results[0]


@pytest.mark.slow
def test_the_checker_process_finds_what_this_process_finds():
    project = load_project(EXAMPLE)
    project.employees.confidential_info.append("Never discuss your pay with coworkers")
    document = render_document(project)
    findings, status = checked_elsewhere(project, document)
    assert findings == check(project, document)[0]
    assert any(finding.path[:2] == ("employees", "confidential_info") for finding in findings)
    assert status == check(project, document)[1]


def test_a_check_that_fails_answers_none(capsys):
    assert checked_elsewhere(None, None) is None  # no project to check
    assert "Traceback" in capsys.readouterr().err


def busy(flag: str) -> None:
    """In the checker: work that takes a while, once it has begun."""
    Path(flag).touch()
    time.sleep(60)


@pytest.mark.slow
def test_a_check_whose_process_dies_answers_none_and_the_next_check_runs(tmp_path, capsys):
    """A checker killed under its work (out of memory) never answered, and the pool started
    another without a word: an export waiting for the check would have waited for ever."""
    flag = tmp_path / "busy"

    def kill_once_busy() -> None:
        while not flag.exists():
            time.sleep(0.05)
        for checker in multiprocessing.active_children():
            checker.kill()

    threading.Thread(target=kill_once_busy).start()
    assert answer_of(partial(checking._send, busy, (str(flag),))) is None
    assert "the checker process ended before it answered" in capsys.readouterr().err
    project = load_project(EXAMPLE)
    assert checked_elsewhere(project, render_document(project)) is not None


def test_the_checker_starts_with_the_window_only_beside_an_idle_core(monkeypatch):
    from smpolicy_desktop import checking

    monkeypatch.setattr(checking.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    for load, idle in ((0.9, True), (1.6, False), (3.0, False)):  # two cores
        monkeypatch.setattr(checking.os, "getloadavg", lambda load=load: (load, load, load))
        assert checking._idle_core() is idle
    monkeypatch.delattr(checking.os, "getloadavg")  # Windows: more than one core is enough
    assert checking._idle_core()


@pytest.mark.skipif(os.name != "posix", reason="the semaphores' tracker is POSIX's")
def test_starting_the_checker_leaves_the_environment_of_other_programs_alone(monkeypatch):
    """The checker starts on a thread of its own while the window may start another program
    (xdg-open after an export): it set PYTHONWARNINGS for a moment, to quiet the tracker of
    its semaphores after a kill -9, and a program started then inherited it. The tracker now
    gets that filter on its own command line."""
    changed: list[str] = []
    monkeypatch.setattr(os._Environ, "__setitem__", lambda self, key, value: changed.append(key))
    monkeypatch.setattr(os._Environ, "__delitem__", lambda self, key: changed.append(key))
    monkeypatch.setattr(sys, "warnoptions", list(sys.warnoptions))
    checking._start_quiet_resource_tracker()
    assert changed == []
