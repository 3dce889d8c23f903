"""Writing files so that they end up either complete or untouched.

Used for project files, autosaves and exports alike; turns OS failures into plain words.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(Exception):
    """A file could not be written; the message says why in plain words."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


READ_ONLY = "the file is read-only (clear its read-only setting, or save under another name)"


def plain_reason(exc: OSError) -> str:
    """What went wrong with a file operation, in words a non-programmer understands."""
    reasons = {
        errno.ENOENT: "the folder does not exist",
        errno.EACCES: "permission denied (the file may be open in another program, "
                      "or the folder is read-only)",
        errno.EPERM: "permission denied (the file may be open in another program, "
                     "or the folder is read-only)",
        errno.EROFS: "the disk is read-only",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is full",
        errno.EISDIR: "that is a folder, not a file",
        errno.ENOTDIR: "part of the path is not a folder",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write beside the target, flush, fsync, then replace it in one step.

    On any failure the target is left as it was and the temporary file is removed. Temporary
    files that a killed writer left beside the target are removed first.
    """
    path = Path(path)
    if path.is_dir():
        raise WriteError(path, plain_reason(IsADirectoryError(errno.EISDIR, "")))
    if _is_read_only(path):  # POSIX would replace it anyway; Windows refuses, and so do we
        raise WriteError(path, READ_ONLY)
    _remove_stale_temporaries(path)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(path, plain_reason(exc)) from exc
    try:
        _claim(fd)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, path)
    except OSError as exc:
        _remove_quietly(tmp_name)
        if exc.filename not in (None, tmp_name, str(path)):
            raise  # another file failed (e.g. a shipped template): not the target's fault
        raise WriteError(path, plain_reason(exc)) from exc
    except BaseException:
        _remove_quietly(tmp_name)
        raise
    _fsync_folder(path.parent)


def _is_read_only(path: Path) -> bool:
    try:
        return not path.stat().st_mode & 0o222
    except OSError:
        return False


def write_bytes_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, lambda handle: handle.write(data))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _claim(fd: int) -> None:
    """Lock our temporary file while we write it, so that other writers leave it alone.

    The lock goes away with the process, so a temporary file nobody holds is a leftover.
    Windows needs no lock: a file another process has open cannot be deleted there.
    """
    if os.name == "posix":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


def _remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files of writers of `path` that were killed mid-write."""
    pattern = os.path.join(glob.escape(str(path.parent)), f".{glob.escape(path.name)}.*.tmp")
    for name in glob.glob(pattern, include_hidden=True):
        with contextlib.suppress(OSError):
            if os.name != "posix":
                os.unlink(name)
                continue
            import fcntl

            fd = os.open(name, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails while a writer holds it
                os.unlink(name)
            finally:
                os.close(fd)


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on Windows, where it is not needed.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
