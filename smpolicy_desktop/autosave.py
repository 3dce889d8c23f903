"""Autosaves of unsaved work and their recovery after a crash, in the user's state folder.

An autosave never touches the user's own file: it lives under the state folder, keyed by the
project file (or "untitled") and by the window's Instance, which holds a lock while it lives.
An autosave whose instance holds no lock was left by a crash (a reused process id cannot
hide it), and is offered until the user restores it or discards it for good.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from functools import cache
from pathlib import Path

from .file_watch import Stamp, changed
from .model import Project
from .safe_write import WriteError, lock, plain_reason, write_bytes_atomically
from .state import file_key, state_folder
from .storage import ProjectFileError, project_from_data, project_to_data

FORMAT = "smpolicy-autosave"
SUFFIX = ".autosave.json"
LOCK_SUFFIX = ".instance.lock"
STALE_SECONDS = 60  # a temporary file this old and not held was left by a killed writer


def autosave_folder() -> Path:
    return state_folder("autosave")


class Instance:
    """One window's claim on its autosaves: a lock file in the autosave folder, locked from
    the first autosave until release() (a clean close) or the end of the process (a crash)."""

    def __init__(self) -> None:
        self.id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._fd: int | None = None

    @property
    def lock_path(self) -> Path:
        return autosave_folder() / f"{self.id}{LOCK_SUFFIX}"

    def hold(self) -> None:
        """Lock, then put the lock file in place: a lock file that is there is held or dead."""
        if self._fd is None:
            fd, name = tempfile.mkstemp(dir=autosave_folder(), prefix=".", suffix=".tmp")
            with contextlib.suppress(OSError):  # a home on a disk that cannot lock files:
                lock(fd)  # the autosave still works, and is offered as if this window crashed
            os.replace(name, self.lock_path)
            self._fd = fd

    def release(self) -> None:
        """This window is done: its lock goes (its autosaves, if any are left, become orphans)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            with contextlib.suppress(OSError):
                self.lock_path.unlink()


def autosave_path(original: Path | None, instance: Instance) -> Path:
    """Where this window's autosave of this project file (None: untitled) goes."""
    key = file_key(original) if original is not None else "untitled"
    return autosave_folder() / f"{key}.{instance.id}{SUFFIX}"


def write_autosave(project: Project, original: Path | None, instance: Instance,
                   stamp: Stamp | None = None) -> Path:
    """Write (atomically, readable by this user only) the autosave; returns its path.

    stamp: the original file as the window last read or saved it, so that a restore can
    still tell whether the file changed since. Raises WriteError saying so when the state
    folder cannot be used.
    """
    return write_record(autosave_record(project, original, stamp), original, instance)


def autosave_record(project: Project, original: Path | None,
                    stamp: Stamp | None = None) -> dict:
    """What an autosave of the project holds, taken now: plain data that later edits of the
    project leave as it is (a 10 MB project in well under a millisecond; the JSON text and the
    write, which take far longer, can then be done on another thread)."""
    return {"format": FORMAT, "original": str(original) if original else None,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "stamp": dataclasses.asdict(stamp) if stamp else None,
            "file": project_to_data(project)}


def write_record(record: dict, original: Path | None, instance: Instance) -> Path:
    """Write an autosave_record() as the instance's autosave of `original` (see write_autosave)."""
    path = autosave_path(original, instance)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        instance.hold()
    except OSError as exc:
        raise WriteError(path.parent, f"the autosave folder cannot be used "
                                      f"({plain_reason(exc)})") from None
    write_bytes_atomically(path, json.dumps({**record, "instance": instance.id},
                                            ensure_ascii=False).encode("utf-8"), mode=0o600)
    return path


@cache
def _writer() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")


def in_order(work: Callable[[], None]) -> Future[None]:
    """Do work on the autosave thread, after the work given before it (so an older autosave
    never lands over a newer one); result() waits for it and raises what it raised."""
    return _writer().submit(work)


def remove_autosave(original: Path | None, instance: Instance) -> None:
    """Forget this window's autosave of `original` (saved or discarded work)."""
    with contextlib.suppress(OSError):  # an unusable folder holds nothing to remove
        autosave_path(original, instance).unlink()


@dataclasses.dataclass(frozen=True)
class Autosave:
    """Unsaved work found in the state folder."""

    path: Path
    original: Path | None
    saved_at: datetime
    stamp: Stamp | None = None

    @property
    def name(self) -> str:
        return self.original.name if self.original else "Untitled project"

    def file_saved_later(self) -> datetime | None:
        """When the project file was saved after this work was autosaved (the work is then older
        than the file, and restoring it brings older answers back); None when it was not, or
        there is no file. A file as the crashed window last read or saved it is the one its
        work was typed on, whatever its time."""
        if self.original is None or (self.stamp is not None
                                     and not changed(self.stamp, self.original)):
            return None
        try:
            # to the second, as saved_at is kept: a save just before it is not later
            saved = datetime.fromtimestamp(self.original.stat().st_mtime).replace(microsecond=0)
        except OSError:  # gone or out of reach: nothing to compare with
            return None
        return saved if saved > self.saved_at else None

    def load(self) -> Project:
        """The project as it was autosaved; raises ProjectFileError if the file is damaged."""
        return project_from_data(_read_record(self.path)["file"], self.path)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def left_by_crash(original: Path | None = None) -> list[Autosave]:
    """Autosaves whose window is gone without closing cleanly, newest first (damaged ones are
    skipped); with `original`, only those of that project file."""
    _forget_dead_locks()
    found = []
    for path in autosave_folder().glob(f"*{SUFFIX}"):
        try:
            record = _read_record(path)
            stamp = record.get("stamp")
            autosave = Autosave(path, Path(record["original"]) if record["original"] else None,
                                datetime.fromisoformat(record["saved_at"]),
                                Stamp(**stamp) if stamp else None)
            instance = str(record.get("instance", ""))
        except (ProjectFileError, KeyError, TypeError, ValueError):
            continue
        if original is not None and (autosave.original is None
                                     or file_key(autosave.original) != file_key(original)):
            continue
        if not _alive(instance):
            found.append(autosave)
    return sorted(found, key=lambda autosave: autosave.saved_at, reverse=True)


def _alive(instance: str) -> bool:
    """Whether the window that wrote an autosave still holds its lock."""
    return _held(autosave_folder() / f"{instance}{LOCK_SUFFIX}")


def _held(lock_file: Path) -> bool:
    try:
        fd = os.open(lock_file, os.O_RDWR)
    except OSError:
        return False
    try:
        return not lock(fd, wait=False)
    except OSError:  # cannot tell (a disk that cannot lock files): offer the work, never hide it
        return False
    finally:
        os.close(fd)


def _forget_dead_locks() -> None:
    """Remove the lock files of windows that crashed (nobody else ever takes their name), and
    the half-written autosaves of windows killed while writing one: its name held the window's
    id, so no later autosave would ever clear them, and each is as large as the project."""
    for lock_file in autosave_folder().glob(f"*{LOCK_SUFFIX}"):
        if not _held(lock_file):
            with contextlib.suppress(OSError):
                lock_file.unlink()
    for leftover in autosave_folder().glob(".*.tmp"):
        with contextlib.suppress(OSError):  # a writer holds its own until it is in place
            if time.time() - leftover.stat().st_mtime > STALE_SECONDS and not _held(leftover):
                leftover.unlink()


def _read_record(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProjectFileError(path, "the autosave cannot be read") from exc
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ProjectFileError(path, "this is not an smpolicy autosave")
    return record
