"""The risk check in a process of its own, so typing never waits for it, however big the project.

A check reads a copy of the project and its document, sent to the checker process; one
process serves every window, started with the app (start()) or at the first check, and
stopped when the app quits.
"""

from __future__ import annotations

import atexit
import traceback
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from .document import Document
from .model import Project

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

Result = tuple[list, dict]  # the findings, and each area's completeness


def start() -> None:
    """Start the checker process now: it takes as long to get ready as the window takes to
    fill (longer in the bundle), and on a second core the two overlap."""
    _checker()


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
