"""Writing files so that they end up either complete or untouched.

Used for project files, autosaves and exports alike; turns OS failures into plain words.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO


class WriteError(Exception):
    """A file could not be written; the message says why in plain words."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


READ_ONLY = "the file is read-only (clear its read-only setting, or save under another name)"
NOT_YOURS = ("you do not have permission to change this file (save under another name, or ask "
             "its owner)")
NOT_A_FILE = "that is not a regular file (a device, a pipe or a socket)"
MAX_NAME_BYTES = 255


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


def write_target(path: Path | str) -> Path:
    """The file a write to `path` changes: a symbolic link's target, so the link stays."""
    path = Path(path)
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError as exc:  # e.g. a folder on the way that may not be looked into
        raise WriteError(path, plain_reason(exc)) from exc


def write_atomically(path: Path, write: Callable[[BinaryIO], object], *, mode: int | None = None,
                     replace_read_only: bool = False, follow_links: bool = True,
                     durable: bool = True) -> None:
    """Write beside the target, flush, fsync, then replace it in one step.

    A symbolic link is written through (its target changes). The file gets `mode` if given,
    else an existing file's mode, owner (where allowed) and extended attributes (ACLs
    included), else 0666 less the umask. On any failure the target is left as it was and the
    temporary file is removed. Temporary files that a killed writer left are removed first.
    replace_read_only: the file is ours to replace even when read-only (a backup).
    follow_links=False: a symbolic link at `path` is replaced, never its target (a file the
    app names itself, such as a backup, or an export: a link there may have been put by
    someone else, and following it would overwrite whatever file it points to).
    durable=False: no fsync, for a cache whose entry a power cut may lose or tear (it is only
    made again), where waiting for the disk would delay what the user sees.
    """
    path = write_target(path) if follow_links else Path(path)
    before = refuse_unwritable(path, replace_read_only=replace_read_only,
                               follow_links=follow_links)
    _remove_stale_temporaries(path)
    fd, tmp_name = _claimed_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:  # held (and locked) until the file is in place
            write(handle)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            if before is not None and mode is None:
                _copy_metadata(before, path, tmp_name)
            else:
                os.chmod(tmp_name, mode if mode is not None else 0o666 & ~_umask())
            if os.name == "posix":  # still locked, so no other writer takes it for a leftover
                os.replace(tmp_name, path)
        if os.name != "posix":  # Windows cannot rename an open file
            os.replace(tmp_name, path)
    except OSError as exc:
        _remove_quietly(tmp_name)
        if exc.filename not in (None, tmp_name, str(path)):
            raise  # another file failed (e.g. a shipped template): not the target's fault
        raise WriteError(path, plain_reason(exc)) from exc
    except BaseException:
        _remove_quietly(tmp_name)
        raise
    if durable:
        _fsync_folder(path.parent)


def refuse_unwritable(path: Path, *, replace_read_only: bool = False,
                      follow_links: bool = True) -> os.stat_result | None:
    """Raise WriteError if `path` is something a write must not replace (a folder, a device,
    a read-only file or someone else's); else its stat, or None when there is nothing there.
    Lets a caller refuse before it touches anything else (a project's backup)."""
    before = _existing(path, follow_links)
    if before is not None and stat.S_ISDIR(before.st_mode):
        raise WriteError(path, plain_reason(IsADirectoryError(errno.EISDIR, "")))
    if before is not None and not stat.S_ISREG(before.st_mode):
        raise WriteError(path, NOT_A_FILE)
    if before is not None and not replace_read_only and (problem := _not_writable(path, before)):
        raise WriteError(path, problem)  # POSIX would replace it anyway; Windows refuses
    return before


def refuse_read_only_folder(path: Path) -> None:
    """Raise WriteError if the folder of `path` may not take a new file (read-only, a read-only
    disk, or someone else's): said as that, before a backup beside the file fails first and
    the save is refused as "could not keep the backup: permission denied" (found by a tester).
    A folder that is gone is left to the write, which says so."""
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise WriteError(path, f"the folder {folder} is read-only")


def _existing(path: Path, follow_links: bool = True) -> os.stat_result | None:
    try:
        info = path.stat() if follow_links else path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(path, plain_reason(exc)) from exc
    if not stat.S_ISLNK(info.st_mode):
        return info
    # A link not followed is replaced, but never one that names a device, pipe or socket:
    # `export -o /dev/stdout`, run as root, replaced the system's /dev/stdout with a Word file
    # (found by a tester).
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise WriteError(path, NOT_A_FILE)
    return None


def _not_writable(path: Path, before: os.stat_result) -> str | None:
    if not before.st_mode & 0o222:
        return READ_ONLY
    if hasattr(os, "geteuid") and not os.access(path, os.W_OK) and not _on_read_only_disk(path):
        return NOT_YOURS  # the folder may be writable, but the file is someone else's
    return None


def _on_read_only_disk(path: Path) -> bool:
    return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)


def _copy_metadata(before: os.stat_result, path: Path, tmp_name: str) -> None:
    """Give the new file the old one's owner (where allowed), mode and extended attributes."""
    if hasattr(os, "chown") and (before.st_uid, before.st_gid) != _owner(tmp_name):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.chown(tmp_name, before.st_uid, before.st_gid)
    os.chmod(tmp_name, before.st_mode & 0o7777)
    if not hasattr(os, "listxattr"):
        return
    with contextlib.suppress(OSError):  # a disk without attributes has none to keep
        for name in os.listxattr(path):
            with contextlib.suppress(OSError):  # e.g. security.* needs privileges
                os.setxattr(tmp_name, name, os.getxattr(path, name))


def _owner(name: str) -> tuple[int, int]:
    info = os.stat(name)
    return info.st_uid, info.st_gid


def _temporary_prefix(path: Path) -> str:
    """'.NAME.', shortened so the temporary name (prefix, 8 random characters, '.tmp') fits."""
    room = MAX_NAME_BYTES - len(".") - len(".") - 8 - len(".tmp")
    name = path.name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return f".{name}."


def write_bytes_atomically(path: Path, data: bytes, **options: Any) -> None:
    write_atomically(path, lambda handle: handle.write(data), **options)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def lock(fd: int, *, wait: bool = True) -> bool:
    """Lock an open file for this process; False when another process holds it (wait=False).

    The lock goes away with the process (or when the file is closed), so a file nobody holds
    was left by a writer that died.
    """
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):
            return False
        raise
    return True


def _claimed_temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path`, locked so that other writers leave it alone.

    Another writer may take it for a leftover in the moment before the lock: then it is gone
    (no links left) and we make another. Windows needs no lock: a file another process has
    open cannot be deleted there.
    """
    while True:
        try:
            fd, name = tempfile.mkstemp(dir=path.parent, prefix=_temporary_prefix(path),
                                        suffix=".tmp")
        except OSError as exc:
            raise WriteError(path, plain_reason(exc)) from exc
        if os.name != "posix":
            return fd, name
        try:
            lock(fd)
        except OSError:  # a disk that cannot lock files (some network shares): write unguarded
            return fd, name
        if os.fstat(fd).st_nlink:
            return fd, name
        os.close(fd)


def _remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files of writers of `path` that were killed mid-write."""
    prefix = glob.escape(_temporary_prefix(path))
    pattern = os.path.join(glob.escape(str(path.parent)), f"{prefix}*.tmp")
    for name in glob.glob(pattern, include_hidden=True):
        with contextlib.suppress(OSError):
            if os.name != "posix":
                os.unlink(name)
                continue
            fd = os.open(name, os.O_RDONLY)
            try:
                if lock(fd, wait=False):  # fails while a writer holds it
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
