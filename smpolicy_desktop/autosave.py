"""Autosaves of unsaved work and their recovery after a crash, in the user's state folder.

An autosave never touches the user's own file: it lives under platformdirs' user state dir,
keyed by the project file's path (or "untitled"), and is removed when the work is saved,
discarded or the window closes cleanly. One left behind by a dead process is a crash to offer.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs

from . import APP_NAME
from .model import Project
from .safe_write import write_bytes_atomically
from .storage import ProjectFileError, project_from_data, project_to_data

FORMAT = "smpolicy-autosave"
SUFFIX = ".autosave.json"


def autosave_folder() -> Path:
    return platformdirs.user_state_path(APP_NAME) / "autosave"


def autosave_path(original: Path | None) -> Path:
    """Where the autosave of this project file (None: an untitled project) goes."""
    if original is None:
        return autosave_folder() / f"untitled-{os.getpid()}{SUFFIX}"
    digest = hashlib.sha256(str(Path(original).resolve()).encode("utf-8")).hexdigest()[:16]
    stem = re.sub(r"[^\w.-]+", "_", Path(original).stem)[:40]
    return autosave_folder() / f"{stem}-{digest}{SUFFIX}"


def write_autosave(project: Project, original: Path | None) -> Path:
    """Write (atomically) the autosave of unsaved work on `original`; returns its path."""
    path = autosave_path(original)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {"format": FORMAT, "original": str(original) if original else None,
              "saved_at": datetime.now().isoformat(timespec="seconds"), "pid": os.getpid(),
              "file": project_to_data(project)}
    write_bytes_atomically(path, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return path


def remove_autosave(original: Path | None) -> None:
    autosave_path(original).unlink(missing_ok=True)


@dataclass(frozen=True)
class Autosave:
    """Unsaved work found in the state folder."""

    path: Path
    original: Path | None
    saved_at: datetime
    pid: int

    @property
    def name(self) -> str:
        return self.original.name if self.original else "Untitled project"

    def load(self) -> Project:
        """The project as it was autosaved; raises ProjectFileError if the file is damaged."""
        return project_from_data(_read_record(self.path)["file"], self.path)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def left_by_crash() -> list[Autosave]:
    """Autosaves whose app is no longer running, newest first (damaged ones are skipped).

    One written by this very process counts too: its window is gone without closing cleanly.
    """
    found = []
    for path in autosave_folder().glob(f"*{SUFFIX}"):
        try:
            record = _read_record(path)
            autosave = Autosave(path, Path(record["original"]) if record["original"] else None,
                                datetime.fromisoformat(record["saved_at"]), int(record["pid"]))
        except (ProjectFileError, KeyError, TypeError, ValueError):
            continue
        if autosave.pid == os.getpid() or not _process_alive(autosave.pid):
            found.append(autosave)
    return sorted(found, key=lambda autosave: autosave.saved_at, reverse=True)


def _read_record(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProjectFileError(path, "the autosave cannot be read") from exc
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ProjectFileError(path, "this is not an smpolicy autosave")
    return record


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # query limited info
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True
