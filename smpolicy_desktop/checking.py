"""The risk check in a process of its own, so typing never waits for it, however big the project.

A check reads a copy of the project and its document, sent to the checker process; one
process serves every window, started as the window fills if a core is idle, else at the first
check, and stopped when the app quits.
"""

from __future__ import annotations

import atexit
import os
import traceback
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window starts the checker before it loads the model
    from multiprocessing.pool import Pool

    from .document import Document
    from .model import Project

Result = tuple[list, dict]  # the findings, and each area's completeness


def start_if_idle() -> None:
    """Start the checker process now if a core is idle: it takes a second or more to get
    ready (longer in the bundle), which then overlaps the window's filling. On a busy machine
    it would slow the filling instead, so it waits for the first check."""
    if _idle_core():
        _checker()


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
    def failed(error: BaseException) -> None:
        traceback.print_exception(error)
        done(None)

    _checker().apply_async(check, (project, document), callback=done, error_callback=failed)


def check(project: Project, document: Document) -> Result:
    """The whole check: every finding, and how complete each area is."""
    from .checks import area_status, check_project

    return check_project(project, document), area_status(project)


def _get_ready() -> None:
    """In the checker process, before any check: load the check's model (some 0.4 s), which
    the first check would otherwise wait for."""
    from .checks.model import model

    model()


@cache
def _checker() -> Pool:
    import multiprocessing  # here: the window's start does not wait for it

    # spawn, not fork: the window's process has threads (Qt's) that a fork would copy stuck
    pool = multiprocessing.get_context("spawn").Pool(1, initializer=_get_ready)
    atexit.register(pool.terminate)  # a check under way never holds up quitting
    return pool
