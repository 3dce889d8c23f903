"""One render per change for every view, and the risk check in a process of its own.

After the edits of one pass of the event loop, the workspace renders its Document once and
`rendered` hands it to the preview, marks and pickers. On a project so big that this takes a
while, it waits instead for typing to pause, so keys never queue behind it. When typing
pauses, the check runs in the checker process (so it never competes with the keystrokes, even
on a big project) and `checked` brings its findings back. A result for an older project state
is dropped. A command that needs the check of the project as it stands (an export just after
typing) has it run at once and waits for it, the window painting meanwhile.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from functools import cache, partial

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot

from smpolicy_desktop.checking import Result, check_elsewhere
from smpolicy_desktop.document import Document
from ui.project_model import ProjectModel

CHECK_PAUSE_MS = 300  # typing pauses this long before the check runs
SLOW_RENDER_S = 0.15  # an answer whose last render and views took longer waits for a pause
# An answer not yet timed renders at once, unless rendering the whole project took longer than
# this (100,000 rows: seconds); one answer redoes only its sections, so it is far quicker.
SLOW_PROJECT_S = 1.0
RENDER_PAUSE_MS = 250


class CheckResult:
    """What one run of the check found: findings and each area's completeness."""

    def __init__(self, document: Document, findings: list, status: dict):
        self.document, self.findings, self.status = document, findings, status


class _Relay(QObject):
    """Brings a call from the checker's thread to the main thread. It is never deleted, so a
    result that arrives after its window closed still has somewhere safe to go."""

    call = Signal(object)  # a callable, called on the main thread

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._call)  # queued: the relay lives on the main thread

    @Slot(object)
    def _call(self, call: Callable[[], None]) -> None:
        call()


@cache
def _relay() -> _Relay:
    return _Relay()  # made on the main thread, at the first check


def main_thread_caller() -> Callable[[Callable[[], None]], None]:
    """Asked on the main thread: a function any thread may give a call to make there."""
    return _relay().call.emit


class Rendering(QObject):
    """Renders after each change and checks in the background; `latest` is the last result."""

    rendered = Signal(object)  # Document
    checked = Signal(object)  # CheckResult
    check_failed = Signal()  # the check of the current project failed, or its process died

    def __init__(self, model: ProjectModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.document: Document | None = None
        self.latest: CheckResult | None = None
        self._generation = 0
        self._running = False
        self._waited_for = 0  # how many current_check() calls wait (one inside another)
        self._check_at_once = True  # a project just shown: its marks are wanted now
        self.checks_held = False  # see hold_checks()
        # Seconds the last render with its views took after edits of one answer (its path),
        # or of the whole project (()), which speaks for an answer not yet edited.
        self._took: dict[tuple, float] = {}
        self._edited: tuple | None = None  # the one answer edited since then, if one
        self._timer = QTimer(self, singleShot=True, interval=0)  # after this pass's edits
        self._timer.timeout.connect(self.render_now)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_PAUSE_MS)
        self._check_timer.timeout.connect(self._start_check)
        model.changed.connect(self._changed)

    def _changed(self, path: tuple) -> None:
        self._check_at_once = self._check_at_once or not path  # () is a whole new project
        answer = path[:2]
        self._edited = answer if not self._timer.isActive() or self._edited == answer else None
        slow = self._took[answer] > SLOW_RENDER_S if answer in self._took \
            else self._took.get((), 0.0) > SLOW_PROJECT_S
        self._timer.start(RENDER_PAUSE_MS if slow else 0)  # each edit restarts it

    def render_now(self) -> Document:
        """Render the current project (once), tell the views, and start a check."""
        self._timer.stop()
        started = time.perf_counter()
        self._generation += 1
        self.document = self.model.workspace.document()
        self.rendered.emit(self.document)
        if self._edited is not None:
            self._took[self._edited] = time.perf_counter() - started
        self._edited = None
        self._schedule_check()
        return self.document

    def hold_checks(self, held: bool) -> None:
        """While held, a render starts no check; once let go, the latest document is checked.
        The window holds them until its first document is on screen: the first check starts
        the checker from a thread (multiprocessing loaded, its process started), which ran
        beside that paint, and the window often filled later with up to 4 MB more memory."""
        self.checks_held = held
        if not held and self.document is not None:
            self._schedule_check()

    def _schedule_check(self) -> None:
        if not self.checks_held:
            self._check_timer.start(0 if self._check_at_once else CHECK_PAUSE_MS)
            self._check_at_once = False

    def _start_check(self) -> None:
        if self._running:  # one at a time: the newest state is checked when this one ends
            return
        self._running = True
        generation, project, document = self._generation, self.model.project, self.document
        relay, this = _relay(), weakref.ref(self)

        def arrived(result: Result | None) -> None:  # on the main thread
            rendering = this()
            if rendering is not None and shiboken6.isValid(rendering):  # its window is open
                rendering._check_done(generation, result and CheckResult(document, *result))

        check_elsewhere(project, document, lambda result: relay.call.emit(partial(arrived, result)))

    def _check_done(self, generation: int, result: CheckResult | None) -> None:
        self._running = False
        if generation != self._generation:  # changed meanwhile: check once typing pauses
            # (a copy torn by the edit may have failed); at once if a command waits for it
            self._check_timer.start(0 if self._waited_for else CHECK_PAUSE_MS)
            return
        if result is None:  # the check failed (its error is on stderr): the marks stay
            self.check_failed.emit()
            return
        self.latest = result
        self.checked.emit(result)

    def behind(self) -> bool:
        """Whether the latest check is of an earlier state of the project than the current."""
        return self.latest is None or self.latest.document is not self.model.workspace.document()

    def current_check(self) -> CheckResult | None:
        """The check of the project as it stands, for a command that needs it now (export, the
        Final question): the latest, unless it is behind; then a check started at once, not
        after the typing pause, and waited for. The window keeps painting meanwhile; what the
        owner types or clicks waits until the check is back. None if the check failed (or the
        app quit meanwhile)."""
        if not self.behind():
            return self.latest
        if self._timer.isActive() or self.document is not self.model.workspace.document():
            self.render_now()  # due anyway; the check is of the document the views show
        waiting = QEventLoop()  # its connections end with it
        self.checked.connect(waiting.quit)
        self.check_failed.connect(waiting.quit)
        self._waited_for += 1
        self._check_timer.stop()
        self._start_check()  # or, if one of an older state runs, as soon as it ends
        waiting.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self._waited_for -= 1
        return None if self.behind() else self.latest
