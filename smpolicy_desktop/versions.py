"""Versions of each project file kept in the user's state folder: the last ten saves, and the
last save of each day for a month, so a mistaken save can be opened, compared and undone.

The versions of a project are kept under its history (Project.history), a name made at its first
save and kept in the file: a project moved or renamed in a file manager finds them, and Save As
gives the new file a history of its own that starts as a copy. A history knows the file its
last save wrote (written_to): a file copied in a file manager, found at another path while
that file is still there with the same history, gets a history of its own at its first save
(copy_of, fork), starting with the file as it was copied; its earlier versions stay with the
file it was copied from. A file from before schema 9 has none: its versions were kept under
its path (history_before finds them).

Each save hands its content to keep(); a content equal to the newest kept one is not kept again.
Versions are kept compressed, and within MAX_TOTAL bytes a project: a very large project keeps
fewer of its older days. A save that recorded a version sent to counsel, or counsel's reply, is
kept for good: it is the project as counsel's next reply will need it.
"""

from __future__ import annotations

import contextlib
import gzip
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .compressed import MAX_FILE_BYTES, uncompressed
from .law import law_as_of
from .safe_write import WriteError, plain_reason, write_bytes_atomically
from .state import KEY, file_key, safe_stem, state_folder

if TYPE_CHECKING:
    from .model import Project

KEEP_LAST = 10
KEEP_DAYS = 30
KEEP_ALWAYS = 3  # the newest versions, kept whatever their size
MAX_TOTAL = 100 * 2**20  # bytes on disk for one project's versions (counsel's ones aside)
SUFFIX = ".smpolicy"
COMPRESSED = ".gz"  # the project reads it (storage); versions kept before are plain
FOR_COUNSEL = ".counsel"
LAST_WRITTEN = "last-saved-to.txt"  # in a history's folder: the file its last save wrote
COPIED_FROM = "copied-from.txt"  # and, in a copy's own history, the file it was copied from
_STAMP = "%Y%m%dT%H%M%S.%f"


@dataclass(frozen=True)
class Version:
    """One kept version: its file in the state folder, when it was saved, and whether that save
    recorded a version sent to counsel or counsel's reply (then it is kept for good)."""

    path: Path
    saved_at: datetime
    for_counsel: bool = False

    def read(self) -> bytes:
        """The version's content; ValueError if it is damaged or inflates past a project's
        size (a file put here by something else may be a few KB that would fill memory)."""
        return uncompressed(self.path.read_bytes())

    def holds(self, content: bytes) -> bool:
        with contextlib.suppress(ValueError):  # one that cannot be read holds nothing
            return self.read() == content
        return False

    @classmethod
    def named(cls, path: Path) -> Version:
        """The version a file in the versions folder is; ValueError for another file."""
        name = path.name.removesuffix(COMPRESSED)
        if not name.endswith(SUFFIX):
            raise ValueError(name)
        stamp = name.removesuffix(SUFFIX)
        return cls(path, datetime.strptime(stamp.removesuffix(FOR_COUNSEL), _STAMP),
                   stamp.endswith(FOR_COUNSEL))

    def size(self) -> int:
        with contextlib.suppress(OSError):
            return self.path.stat().st_size
        return 0


def versions_folder(history: str) -> Path:
    return state_folder("versions", history)


def new_history(original: Path | str) -> str:
    """A history of its own for the project first saved as `original` (a first save, or Save
    As): the file's stem, for whoever looks in the folder, and 16 random hex digits."""
    return f"{safe_stem(original)}-{secrets.token_hex(8)}"


def history_of(original: Path | str) -> str:
    """The history a project file's versions are kept under: the one it records, read from the
    start of the file (Project.history is its first answer), so that a damaged file's are
    found too; else, for a file from before schema 9, history_before()."""
    with contextlib.suppress(OSError), open(original, "rb") as file:
        if recorded := _RECORDED.search(file.read(4096).decode("utf-8", "replace")):
            return recorded[1]
    return history_before(original)


_RECORDED = re.compile(rf'"history":\s*"({KEY})"')


def history_before(original: Path | str) -> str:
    """Where the versions of a file saved before projects recorded their history (schema 8 and
    older) were kept: under its path; for a file moved or renamed since, under the history
    whose newest version is the file as it is (its last save). "" if none is found."""
    if kept(file_key(original)):
        return file_key(original)
    try:
        content = _content(original)
        histories = [folder.name for folder in state_folder("versions").iterdir()]
    except OSError:
        return ""
    return next((history for history in histories
                 if (found := kept(history)) and found[0].holds(content)), "")


def kept(history: str) -> list[Version]:
    """The kept versions of a project (its history; "" has none), newest first."""
    if not history:
        return []
    found = []
    for path in versions_folder(history).glob(f"*{SUFFIX}*"):
        with contextlib.suppress(ValueError):  # not one of ours
            found.append(Version.named(path))
    return sorted(found, key=lambda version: version.saved_at, reverse=True)


def carry(old: str, new: str) -> None:
    """The versions kept in history `old` kept in `new` too: a project saved under another
    name or in another folder (Save As) keeps its history, where File > Versions showed one
    save and the earlier ones could no longer be reached (found by a tester). Nothing is
    carried if the state folder cannot take it (the save still goes ahead)."""
    source, target = versions_folder(old), versions_folder(new)
    if not old or source == target:
        return
    with contextlib.suppress(OSError):
        names = [path for path in source.iterdir() if path.is_file()]
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        for path in names:
            if not (target / path.name).exists():
                shutil.copy2(path, target / path.name)


def written_to(history: str, target: Path) -> None:
    """Note the file the history's last save wrote (its real path). A state folder that cannot
    take it notes nothing: the file is then taken for a moved one, as before."""
    _note(history, LAST_WRITTEN, target)


def copy_of(history: str, path: Path | str) -> Path | None:
    """The file a project file at `path` was copied from: the one its history's last save
    wrote, when that is another file still there with the same history. None for the file
    itself, one moved or renamed (nothing is left where it was), or no save noted yet."""
    last = _noted(history, LAST_WRITTEN)
    try:
        if last is None or not last.is_file() or last.samefile(path):
            return None
    except OSError:  # `path` is not there (a save puts it back): not a copy
        return None
    return last if history_of(last) == history else None


def fork(copy: Path | str, original: Path) -> str:
    """A history of its own for the file `copy`, noted as copied from `original`."""
    history = new_history(copy)
    _note(history, COPIED_FROM, original)
    return history


def copied_from(history: str) -> Path | None:
    """The file a project was copied from when its history began (fork), if it was."""
    return _noted(history, COPIED_FROM)


def saved_after(history: str, path: Path) -> Version | None:
    """The newest version, when the file at `path` was written before it and says otherwise:
    a synced folder or a backup put an older copy back over a later save here. None for a
    copy of another file (copy_of): the versions are that file's saves."""
    found = kept(history)
    if not found or copy_of(history, path) is not None:
        return None
    try:
        written = datetime.fromtimestamp(path.stat().st_mtime)
        # a save here writes the file, then keeps it as a version: seconds apart on a slow
        # disk, never a minute; and only then is the file read and the version inflated
        if found[0].saved_at - written < timedelta(minutes=1):
            return None
        content = _content(path)
    except OSError:
        return None
    return None if found[0].holds(content) else found[0]


def _content(path: Path | str) -> bytes:
    """A project file's bytes, as far as a version could hold them (no version is larger: a
    larger file matches none)."""
    with open(path, "rb") as file:
        return file.read(MAX_FILE_BYTES + 1)


def _note(history: str, name: str, path: Path | str) -> None:
    """A file's real path noted in the history's folder. Not waited for on disk (a save would
    wait twice): one a power cut tears names no file, and is taken for none."""
    with contextlib.suppress(OSError, WriteError):
        versions_folder(history).mkdir(parents=True, exist_ok=True, mode=0o700)
        write_bytes_atomically(versions_folder(history) / name,
                               str(Path(path).resolve()).encode("utf-8"), mode=0o600,
                               durable=False)


def _noted(history: str, name: str) -> Path | None:
    if not history:
        return None
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return Path(versions_folder(history).joinpath(name).read_text("utf-8"))
    return None


def keep(history: str, content: bytes, now: datetime | None = None, *,
         for_counsel: bool = False) -> str | None:
    """Keep `content` as the newest version in `history` (for good if `for_counsel`: its save
    recorded a version sent to counsel or counsel's reply); None, or why it was not kept."""
    # never later than now: a file stamped in 2031 (copied from a machine with a wrong clock)
    # dated every later save July 4, 2031, to keep them in order (found by a tester)
    clock = datetime.now()
    now = min(now or clock, clock)
    found = _back_to(clock, history)
    try:
        if found and found[0].holds(content) and (found[0].for_counsel or not for_counsel):
            return None
        folder = versions_folder(history)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if found:  # in order even if the clock went back
            now = max(now, found[0].saved_at + timedelta(microseconds=1))
        name = f"{now:{_STAMP}}{FOR_COUNSEL if for_counsel else ''}{SUFFIX}{COMPRESSED}"
        # level 1: a 20 MB project in some 0.4 s, against 1.7 s at 6 for 15% less on disk
        write_bytes_atomically(folder / name, gzip.compress(content, 1, mtime=0), mode=0o600)
    except WriteError as exc:
        return f"no version was kept ({exc.reason})"
    except OSError as exc:
        return f"no version was kept ({plain_reason(exc)})"
    for old in _to_forget(kept(history), now):
        with contextlib.suppress(OSError):
            old.path.unlink()
    return None


def _back_to(clock: datetime, history: str) -> list[Version]:
    """The kept versions (newest first), those dated later than `clock` dated again just before it,
    in their order. Kept while the clock was ahead, then put right, they dated every later
    save just after them, to keep the order: a month of saves showed as one moment a year
    ahead, and all but the last ten went as one day's (found by a tester)."""
    found = kept(history)
    if clock.date() < law_as_of():  # the clock is wrong now, not then (a flat clock battery
        return found  # reads 2009): the history keeps its dates, and saves go after them
    ahead = [version for version in found if version.saved_at >= clock]
    for step, version in enumerate(ahead, 1):
        when = clock - timedelta(microseconds=step)
        name = version.path.name.removeprefix(f"{version.saved_at:{_STAMP}}")
        with contextlib.suppress(OSError):  # left as it is: the save is kept after it
            version.path.rename(version.path.with_name(f"{when:{_STAMP}}{name}"))
    return kept(history) if ahead else found


def _to_forget(found: list[Version], now: datetime) -> list[Version]:
    """All but the newest KEEP_LAST, the newest of each of the last KEEP_DAYS days and those
    for counsel; then, while they take more than MAX_TOTAL, the oldest of them but the newest
    KEEP_ALWAYS and those for counsel."""
    keep_ = set(found[:KEEP_LAST]) | {version for version in found if version.for_counsel}
    days_seen = set()
    for version in found:  # newest first, so the first of each day is that day's last save
        day = version.saved_at.date()
        if now.date() - day < timedelta(days=KEEP_DAYS) and day not in days_seen:
            days_seen.add(day)
            keep_.add(version)
    total = sum(version.size() for version in keep_ if not version.for_counsel)
    for version in reversed(found[KEEP_ALWAYS:]):  # oldest first
        if total <= MAX_TOTAL:
            break
        if version in keep_ and not version.for_counsel:
            keep_.remove(version)
            total -= version.size()
    return [version for version in found if version not in keep_]


def counsel_record(project: Project, before: Project | None) -> str:
    """What a save kept for counsel recorded, for the Versions list: the versions sent and
    replies kept that the save `before` it did not hold ("v2 sent to counsel", "v3 reply from
    Morgan Lee"); else it kept the owner's decisions on a reply."""
    held = {version.id for version in before.sent_versions} if before is not None else set()
    return ", ".join(f"{version.id} {version.said}" for version in project.sent_versions
                     if version.id not in held) or "counsel's reply decided"


def differences(old: Project, new: Project) -> list[tuple[str, str, str]]:
    """Each answer that differs between two projects: (where, as it was, as it is now), as
    new's policy writes them ("1 December 2027", a choice's name). The record of counsel
    (Project.records) and the history, which a restore keeps, are none."""
    from .model import Project
    from .storage import labels_for

    before, after = (_flat(project.model_dump(exclude={*Project.records, "history"}))
                     for project in (old, new))
    spelling = new.company.spelling
    found = [(labels_for(where), *(_shown(side.get(where), spelling) for side in (before, after)))
             for where in sorted(before.keys() | after.keys(), key=str)]
    return [(where, was, now) for where, was, now in found if was != now]


def _flat(value: Any, where: tuple = ()) -> dict[tuple, Any]:
    if isinstance(value, dict):
        return {key: item for name, inner in value.items()
                for key, item in _flat(inner, (*where, name)).items()}
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return {key: item for index, inner in enumerate(value)
                for key, item in _flat(inner, (*where, index)).items()}
    return {where: value}


def _shown(value: Any, spelling: str) -> str:
    from .dates import long_date_in
    from .model import Choice

    if value is None or value == "" or value == []:
        return "(blank)"
    if isinstance(value, list):
        return "; ".join(_shown(item, spelling) for item in value)
    if isinstance(value, date):
        return long_date_in(spelling, value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value.label if isinstance(value, Choice) else str(value)
