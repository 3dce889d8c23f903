"""Writing files so that they end up either complete or untouched.

Used for project files, autosaves and exports alike; turns OS failures into plain words.
"""

from __future__ import annotations

import contextlib
import errno
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
    return reasons.get(exc.errno, exc.strerror or str(exc))


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write beside the target, flush, fsync, then replace it in one step.

    On any failure the target is left as it was and the temporary file is removed.
    """
    path = Path(path)
    if path.is_dir():
        raise WriteError(path, plain_reason(IsADirectoryError(errno.EISDIR, "")))
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(path, plain_reason(exc)) from exc
    try:
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
        raise WriteError(path, plain_reason(exc)) from exc
    except BaseException:
        _remove_quietly(tmp_name)
        raise
    _fsync_folder(path.parent)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, lambda handle: handle.write(data))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


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
