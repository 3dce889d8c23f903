"""The risk check in a process of its own, so typing never waits for it, however big the project.

A check reads a copy of the project and its document, sent to the checker process; one
process serves every window, started once the filled window shows if a core is idle, else at
the first check, and stopped when the app quits. It is started, and checks are sent, from a
thread of their own: starting it takes the caller some 20-40 ms, which the window's thread
would otherwise spend right after its first paint.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import traceback
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the window starts the checker before it loads the model
    from multiprocessing.pool import AsyncResult, Pool
    from pathlib import Path

    from .checks.facts import CheckFacts
    from .document import Document
    from .model import Project

Result = tuple[list, dict]  # the findings, and each area's completeness


def start_if_idle() -> None:
    """Start the checker process now if a core is idle: it takes a second or more to get
    ready (longer in the bundle), which then overlaps the rest of the window's start. On a busy
    machine it would slow that instead (the bundle, at a load average of 3.5-5 on two cores:
    filled in 3.5 s, against 1.9 s started at the first check), so it waits for that. The
    window asks once it shows filled (started as it filled, the checker slowed the filling),
    and sends the first check then, which starts it on a busy machine."""
    if _idle_core():
        _elsewhere(_checker)


def _idle_core() -> bool:
    """The load average (processes wanting a core, over the last minute) is half a core or
    more below the cores; Windows keeps none: any machine with more than one core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1
    return os.getloadavg()[0] < cores - 0.5 if hasattr(os, "getloadavg") else cores > 1


def check_elsewhere(project: Project, document: Document,
                    done: Callable[[Result | None], None]) -> None:
    """Check the project and its document in the checker process. `done` gets the result, or
    None if the check failed (the error is printed), on a thread of this process."""
    _send(check, (project, document), done)


def report_elsewhere(path: Path, facts: CheckFacts, company_name: str,
                     done: Callable[[tuple[str, bool] | None], None]) -> None:
    """The window's report on a policy document the owner has, made in the checker process:
    `done` gets (the report, False), (why it cannot be read, True), or None if it failed."""
    _send(document_report, (path, facts, company_name), done)


def _send(work: Callable, args: tuple, done: Callable[[Any], None]) -> None:
    """Run work(*args) in the checker process; `done` gets what it returns, or None if it
    failed or the process died under it (the error is printed), on a thread of this process."""
    answered = threading.Lock()

    def answer(result: Any) -> None:  # once: a process may die just after it answered
        if answered.acquire(blocking=False):
            done(result)

    def failed(error: BaseException) -> None:
        traceback.print_exception(error)
        answer(None)

    def send() -> None:
        import multiprocessing

        try:
            pool = _checker()
            checkers = multiprocessing.active_children()  # the pool's: the app has no other
            pending = pool.apply_async(work, args, callback=answer, error_callback=failed)
        except Exception as error:  # e.g. the process could not be started
            failed(error)
            return
        if not _answered(pending, checkers) and not _stopping.is_set():
            failed(CheckerDied("the checker process ended before it answered"))

    _elsewhere(send)


class CheckerDied(Exception):
    """The checker process ended (killed, or out of memory) with work under way."""


def _answered(pending: AsyncResult, checkers: list) -> bool:
    """Wait for the checker's answer; False if its processes died first: the pool starts
    another without a word, and the work under way is never answered."""
    import multiprocessing

    while not pending.ready():
        checkers = checkers or multiprocessing.active_children()  # one was starting
        alive = not checkers or any(checker.is_alive() for checker in checkers)
        pending.wait(0.5)  # an answer sent just before the end is read meanwhile
        if not alive and not pending.ready():
            return False
    return True


def _elsewhere(work: Callable[[], object]) -> None:
    """Do work on a thread of its own, so the caller's (the window's) never waits for it."""
    threading.Thread(target=work, name="checker start", daemon=True).start()


def check(project: Project, document: Document) -> Result:
    """The whole check: every finding, and how complete each area is."""
    from .checks.completeness import area_status
    from .checks.policy_check import check_project

    return check_project(project, document), area_status(project)


def document_report(path: Path, facts: CheckFacts, company_name: str) -> tuple[str, bool]:
    """A document's report in plain words, or why it cannot be read (then True)."""
    from .checks.document_check import DocumentError
    from .checks.report import document_report

    try:
        return document_report(path, facts, company_name=company_name, plain=True).text, False
    except DocumentError as exc:
        return str(exc), True


def _get_ready() -> None:
    """In the checker process, before any check: end with the app, and load the check's model
    (some 0.4 s), which the first check would otherwise wait for."""
    threading.Thread(target=_end_with_the_app, name="app watch", daemon=True).start()
    from .checks.model import model

    model()


def _end_with_the_app() -> None:
    """An app that was killed (kill -9, a crash) cannot stop its checker: the check under way
    ran on, then failed to send its result and printed a BrokenPipe traceback to the terminal.
    The checker ends, quietly, as soon as the app is gone."""
    import multiprocessing

    app = multiprocessing.parent_process()
    if app is not None:
        app.join()  # returns once the app's process has ended, however it ended
        os._exit(0)


_starting = threading.Lock()  # one checker, however many threads ask for it at once


def _checker() -> Pool:
    with _starting:
        return _new_checker()


@cache
def _new_checker() -> Pool:
    import multiprocessing  # here: the window's start does not wait for it

    _start_quiet_resource_tracker()
    # spawn, not fork: the window's process has threads (Qt's) that a fork would copy stuck
    pool = multiprocessing.get_context("spawn").Pool(1, initializer=_get_ready)
    atexit.register(_stop, pool)
    return pool


_stopping = threading.Event()  # the app is ending: its checker ends, which is no failure


def _stop(pool: Pool) -> None:
    """At the app's end: a check under way never holds up quitting."""
    _stopping.set()
    pool.terminate()


def _start_quiet_resource_tracker() -> None:
    """The process that removes the checker's semaphores once the app is gone (POSIX) warned
    on the terminal of "leaked semaphore objects" after every kill -9 of the app; it removes
    them all the same. It is started with that warning off, as a -W option: multiprocessing
    gives the Python processes it starts those of this process (sys.warnoptions, read by
    nothing else once Python has started). Not the environment: every program the window
    starts (xdg-open after an export) would inherit it. Not in the bundle: its copy of the app
    knows the tracker by the interpreter's flags, which the warning filter would change."""
    if os.name != "posix" or getattr(sys, "frozen", False):
        return
    from multiprocessing import resource_tracker

    sys.warnoptions.append("ignore::UserWarning:multiprocessing.resource_tracker")
    resource_tracker.ensure_running()
