"""Noticing when a project file changes outside this window, and saying who has it open.

A Stamp (size, modification time, content hash) is taken when the file is read or written;
changed() compares the disk with it. An OpenLock beside the file marks it open in a window.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import platform
import stat
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .safe_write import WriteError, lock, write_target


@dataclass(frozen=True)
class Stamp:
    """What a project file was when this window last read or wrote it."""

    size: int
    mtime_ns: int
    digest: str


def stamp_of(path: Path | str, content: bytes, info: os.stat_result | None = None) -> Stamp:
    """The stamp of `content`, just read from or written to `path` (info: its stat then)."""
    info = info or Path(path).stat()
    return Stamp(len(content), info.st_mtime_ns, hashlib.sha256(content).hexdigest())


def stamp_on_disk(path: Path | str) -> Stamp | None:
    """The stamp of the file as it is now; None when it cannot be read."""
    try:
        info = Path(path).stat()
        return stamp_of(path, Path(path).read_bytes(), info)
    except OSError:
        return None


def changed(stamp: Stamp | None, path: Path | str) -> bool:
    """True when the file on disk is no longer the one stamped (a deleted file is not changed:
    saving puts it back). Size and time answer at once; the content hash decides a touch."""
    if stamp is None:
        return False
    try:
        info = Path(path).stat()
        if (info.st_size, info.st_mtime_ns) == (stamp.size, stamp.mtime_ns):
            return False
        if info.st_size != stamp.size:
            return True
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() != stamp.digest
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: ask rather than overwrite


def lock_path(path: Path | str) -> Path:
    """The lock file beside the file a save changes. In a folder that cannot be looked into
    (permissions taken away, a share gone), beside the path: no lock is taken there, and
    nobody is found holding one (the app raised, and would not start on such a last file;
    found by a tester)."""
    try:
        target = write_target(path)
    except WriteError:
        target = Path(path)
    return target.with_name(f".~lock.{target.name}#")


# A lock file sits in the project's folder, which others (a shared drive) may write to: a link
# or a pipe put at its name must never be followed, or opening a project could empty any file
# the user can write. Not followed, a link there makes the open fail (ELOOP): no lock is taken.
# POSIX removes a file still open; Windows refuses to (a window taking the lock in the moment
# between the close and the removal keeps it open, so the removal fails and the lock is theirs).
_REMOVES_OPEN_FILES = os.name != "nt"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _open_lock_file(where: Path, flags: int) -> int | None:
    """The lock file's descriptor, or None when there is none, or something else is there."""
    try:
        fd = os.open(where, flags | _NO_FOLLOW, 0o644)
    except OSError:
        return None
    if stat.S_ISREG(os.fstat(fd).st_mode):
        return fd
    os.close(fd)
    return None


@dataclass(frozen=True)
class Holder:
    """Who has a project file open in another window, and since when (None: not known)."""

    who: str  # "dana on office-pc", or "another window"
    since: datetime | None = None
    # told only by a lock file another computer wrote, which a sync client brought here: it
    # may have been left open there (switched off or crashed), which nothing here can tell
    synced: bool = False

    def says(self, spelling: str | None = None) -> str:
        """"dana on office-pc since 3 December 2026, 09:12": the app's own words, the date as
        `spelling` writes it (long_date_in: the window passes its user's, the CLI none)."""
        if self.since is None:
            return self.who
        from .dates import long_date_in  # only when another window has the file

        return f"{self.who} since {long_date_in(spelling, self.since.date())}, " \
               f"{self.since:%H:%M}"


class OpenLock:
    """Marks a project file as open in this window, with who and since when, until released.

    The lock file is locked while the window holds it, so one left by a crash is free to take.
    """

    def __init__(self, path: Path | str):
        self.path = lock_path(path)
        self._fd: int | None = None

    @staticmethod
    def holder(path: Path | str) -> Holder | None:
        """Who else has the file open, and since when; None when nobody has."""
        where = lock_path(path)
        # Another user's lock file (a shared drive) can be read, not written: still ask.
        fd = _open_lock_file(where, os.O_RDWR)
        if fd is None:
            fd = _open_lock_file(where, os.O_RDONLY)
        if fd is None:
            return None
        try:
            try:
                free = lock(fd, wait=False)
            except OSError:  # a disk that cannot lock a file read-only: say who it says
                free = False
            said = _written(fd)
            if not free:
                return said[0] if said else Holder("another window")
            # Free: left by a window here that is gone, or written on another computer, whose
            # lock a sync client brings without its hold. Taken for one left, the project
            # opened without a word at home while it was open at work (found by a tester).
            if said and said[1] != platform.node():
                return replace(said[0], synced=True)
            return None
        finally:
            os.close(fd)

    def acquire(self) -> bool:
        """Take the lock; False when another window has it. A folder that cannot hold the lock
        file (read-only, name too long) gives True: there is nothing to protect there."""
        fd = _open_lock_file(self.path, os.O_RDWR | os.O_CREAT)
        if fd is None:
            return True
        try:
            free = lock(fd, wait=False)
        except OSError:  # a disk that cannot lock files: the file still says who has it open
            free = True
        if not free:
            os.close(fd)
            return False
        who = {"user": _user(), "host": platform.node(),
               "since": datetime.now().isoformat(timespec="minutes"), "pid": os.getpid()}
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(who).encode("utf-8"))
        self._fd = fd
        return True

    def marks(self, path: Path | str) -> bool:
        """True when this lock marks `path` open: its lock file, or the one this window holds
        moved there with the project's folder (renamed or moved while open), which this lock
        then follows. Compared by name only, the window's own moved lock said the project was
        already open elsewhere (found by a tester)."""
        where = lock_path(path)
        if where == self.path:
            return True
        try:
            mine = self._fd is not None and os.path.samestat(
                os.fstat(self._fd), os.stat(where, follow_symlinks=False))
        except OSError:
            return False
        if mine:
            self.path = where
        return mine

    def release(self) -> None:
        """Let other windows open the file for editing (when the window closes or moves on)."""
        if self._fd is None:
            return
        if _REMOVES_OPEN_FILES:  # no moment without the lock: another window may take it
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(self._fd)
        else:  # Windows removes no file that is open (WinError 32): the lock file stayed
            os.close(self._fd)
            with contextlib.suppress(OSError):  # another window took it in between: theirs
                self.path.unlink()
        self._fd = None


def _written(fd: int) -> tuple[Holder, str] | None:
    """Who a lock file says holds it (and since when), and on which computer; None if it says
    nothing readable."""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        who = json.loads(os.read(fd, 4096).decode("utf-8"))
        name, host = f"{who['user']} on {who['host']}", str(who["host"])
        try:
            return Holder(name, datetime.fromisoformat(who["since"])), host
        except ValueError:  # written by an older version, in words already
            return Holder(f"{name} since {who['since']}"), host
    return None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment or the user database
        return "someone"
