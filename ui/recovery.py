"""Autosave after a pause in typing and on a timer, and the offer of the work a crashed window
left behind.

The workspace writes and finds the autosaves; this asks the owner and says when autosave fails.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from concurrent.futures import Future, wait
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer

AUTOSAVE_MS = 30_000  # at the longest between autosaves, while the owner types on
PAUSE_MS = 2_000  # after the last edit, when the owner stops typing
PAUSE_PER_WRITE = 20  # the pause is at least this many times the last autosave's time


def autosave_when_terminated(window) -> None:
    """A logout or a shutdown ends the app with SIGTERM (SIGHUP when its session hangs up),
    and nothing asks the window first: the work since the last autosave (up to AUTOSAVE_MS of
    typing) was lost. Now it is autosaved, the project's lock file goes, and the app ends as
    after a crash, so the next start offers the work. Python runs a
    signal's handler only when it runs, so a timer wakes it four times a second."""
    if sys.platform == "win32":  # Windows ends a process without a signal
        return

    def terminated(signum: int, frame: object) -> None:
        recovery = getattr(window, "recovery", None)  # none before the window is filled
        if recovery is not None:
            with contextlib.suppress(Exception):  # whatever fails, the app must still end
                recovery.autosave_now()
        disk = getattr(window, "disk", None)
        if disk is not None:  # the open-lock goes, as at a normal close
            with contextlib.suppress(Exception):
                disk.release()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, terminated)
    signal.signal(signal.SIGHUP, terminated)  # the terminal or session went away
    wake = QTimer(window, interval=250)
    wake.timeout.connect(lambda: None)
    wake.start()


class Recovery:
    """Autosaves the window's work a pause after the last edit (PAUSE_MS, longer for a project
    whose autosave takes long: a crash or a power cut loses what was typed in those seconds,
    not half a minute), and every AUTOSAVE_MS while the owner types on. Stopping `timer`
    stops both. `later` holds the crash work the owner put off this session (offered again at
    the next start, not at every Open)."""

    def __init__(self, window):
        self.window = window
        self.model = window.model
        self.later: set[Path] = set()
        self._failed = False
        self.timer = QTimer(window, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_soon)
        self.timer.start()
        self.pause = QTimer(window, singleShot=True, interval=PAUSE_MS)
        self.pause.timeout.connect(self.autosave_soon)
        self.model.changed.connect(self._edited)
        for form in window.forms.values():
            form.typing.connect(self._edited)

    def _edited(self, path: tuple = ()) -> None:
        if self.timer.isActive():
            self.pause.start()

    def autosave_now(self) -> None:
        """Autosave, and wait until it is written (the app may end right after: what is being
        typed is taken first, as Save takes it)."""
        from ui.editors import take_typing

        take_typing(self.window)
        started = time.perf_counter()
        written = self._autosave()
        wait([written])
        self._written(written, time.perf_counter() - started)

    def autosave_soon(self) -> None:
        """Autosave on the autosave thread: typing goes on while a big project is written."""
        from ui.rendering import main_thread_caller

        started, call = time.perf_counter(), main_thread_caller()
        self._autosave().add_done_callback(lambda written: call(partial(
            self._written, written, time.perf_counter() - started)))

    def _autosave(self) -> Future[None]:
        if self.timer.isActive():
            self.timer.start()  # the next one on the timer AUTOSAVE_MS after this one
        # with what is typed and not taken yet (a list's new entry, a cell, a date, a number, a
        # choice), as Save takes it
        return self.model.workspace.autosave(
            [each for form in self.window.forms.values() for each in form.typed()])

    def _written(self, written: Future[None], seconds: float) -> None:
        from smpolicy_desktop.safe_write import WriteError

        if not shiboken6.isValid(self.window):  # closed while its last autosave was written
            return
        status = self.window.statusBar()
        try:
            written.result()
        except WriteError as exc:  # shown until an autosave works again
            status.showMessage(f"Autosave is not working: {exc.reason}. Save your work with "
                               "Ctrl+S.")
            self._failed = True
            return
        self.pause.setInterval(max(PAUSE_MS, round(PAUSE_PER_WRITE * 1000 * seconds)))
        if self._failed:
            status.clearMessage()
            self._failed = False

    def offer(self, original: Path | None = None) -> bool:
        """Offer the work crashed windows left (on `original` only, when given); restoring
        shows it as unsaved changes. Closing the offer keeps it for the next start; only a
        confirmed Discard deletes it. True when work was restored.
        """
        found = [work for work in self.model.workspace.left_by_crash(original)
                 if work.path not in self.later]
        if not found:
            return False
        from smpolicy_desktop.storage import ProjectFileError
        from ui import dialogs

        window = self.window
        answer, chosen = dialogs.choose_recovery(window, found)
        if answer == "later":
            self.later.update(work.path for work in found)
        if answer == "discard":
            for leftover in found:
                leftover.remove()
        if chosen is None or (chosen.original is not None and chosen.original != self.model.path
                              and not window.disk.claim(chosen.original)):
            return False
        try:
            self.model.restore(chosen)
        except ProjectFileError as exc:
            dialogs.show_error(window, "Cannot restore", exc.reason)
            return False
        window.project_replaced()
        return True
