"""Reading and writing the project file (.smpolicy, JSON with a format tag and schema_version).

Loads every older schema_version through migrations, saves atomically keeping a backup, and
turns every bad file into a ProjectFileError that names the file and says what is wrong.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import PROJECT_EXTENSION, versions
from .compressed import MAX_FILE_BYTES, uncompressed
from .file_watch import Stamp, changed, stamp_of
from .law import places
from .model import Project
from .safe_write import (
    MAX_NAME_BYTES,
    WriteError,
    plain_reason,
    refuse_read_only_folder,
    refuse_unwritable,
    write_bytes_atomically,
    write_target,
)
from .state import file_key, state_folder

FORMAT = "smpolicy-project"
SCHEMA_VERSION = 9
BACKUP_SUFFIX = ".bak"


class ProjectFileError(Exception):
    """A project file that cannot be read or written, with the reason in plain words."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class NewerFileError(ProjectFileError):
    """A good file from a newer smpolicy: not damaged, and never to be replaced by an older
    backup of it from here."""


# --- Reading ---------------------------------------------------------------------------------

def load_project(path: Path | str) -> Project:
    """Read a project file; never modifies it, whatever is wrong with it."""
    return read_project(path)[0]


def read_project(path: Path | str, notes: list[str] | None = None) -> tuple[Project, Stamp]:
    """The project in a file, and the stamp that tells later whether the file has changed.
    What an older file held that could not be read is added to `notes`."""
    path = Path(path)
    raw, info = read_project_bytes(path)
    return project_from_data(_parse_json(path, raw), path, notes), stamp_of(path, raw, info)


def project_from_data(data: Any, path: Path | str = "<data>",
                      notes: list[str] | None = None) -> Project:
    """Check the format tag and version, migrate, and validate parsed JSON; what an older
    file held that could not be read is added to `notes`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectFileError(path, "this is not an smpolicy project file")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= 9999:
        raise ProjectFileError(path, "the file has no valid schema_version")
    if version > SCHEMA_VERSION:
        raise NewerFileError(
            path, f"this file was made by a newer version of smpolicy (file format {version}; "
                  f"this version reads up to {SCHEMA_VERSION}). Please update the app")
    answers = data.get("project")
    if not isinstance(answers, dict):
        raise ProjectFileError(path, "the file has no project answers in it")
    unknown = sorted(map(str, set(data) - {"format", "schema_version", "project"}))
    if unknown:  # read and saved again, it would be gone without a word
        raise ProjectFileError(path, f"{_key_as_written(unknown[0])}: this entry of the file "
                                     "is unknown to this version of smpolicy")
    _refuse_broken_characters(answers, path)
    for step in MIGRATIONS[version - 1:]:
        if step is _v3_to_v4 and notes is not None:
            notes += _places_not_read(answers)
        answers = step(answers)
    try:
        return Project.model_validate(answers)
    except ValidationError as exc:
        raise ProjectFileError(path, describe_validation_error(exc)) from None
    except RecursionError:
        raise ProjectFileError(path, "the file is nested too deeply to be a project") from None


def _refuse_broken_characters(answers: dict[str, Any], path: Path | str) -> None:
    """JSON can spell half a character (\\ud800); such text could never be saved again."""
    try:
        json.dumps(answers, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ProjectFileError(path, "the file contains a broken character "
                                     "(half of a \\u character pair)") from None
    except RecursionError:
        raise ProjectFileError(path, "the file is nested too deeply to be a project") from None


def read_project_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its stat; anything but a regular file is refused before reading."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ProjectFileError(path, "that is a folder, not a project file")
        if not stat.S_ISREG(info.st_mode):
            raise ProjectFileError(path, "that is not a project file but a device, a pipe or "
                                         "a socket, so it was not read")
        if info.st_size > MAX_FILE_BYTES:
            raise ProjectFileError(path, _too_large(info.st_size))
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:  # it grew while being read
            raise ProjectFileError(path, _too_large(len(raw)))
    except FileNotFoundError:
        raise ProjectFileError(path, "the file does not exist") from None
    except PermissionError:
        raise ProjectFileError(path, "permission denied when reading the file") from None
    except OSError as exc:
        raise ProjectFileError(path, f"the file could not be read ({exc.strerror})") from None
    return raw, info


def _too_large(size: int) -> str:
    return (f"the file is too large ({size / 2**20:.0f} MB; "
            f"a project is at most {MAX_FILE_BYTES / 2**20:.0f} MB)")


# Files people open by mistake, known by their first bytes.
_OTHER_KINDS = {b"PK\x03\x04": "a Word document or another zipped file",
                b"%PDF": "a PDF document", b"\xd0\xcf\x11\xe0": "an old Word or Office document",
                b"{\\rtf": "an RTF document"}


def _parse_json(path: Path, raw: bytes) -> Any:
    try:
        raw = uncompressed(raw)
    except ValueError as exc:
        raise ProjectFileError(path, str(exc)) from None
    if not raw.strip():  # a save cut off before its first byte, or a new blank file
        raise ProjectFileError(path, "the file is empty")
    for magic, kind in _OTHER_KINDS.items():
        if raw.startswith(magic):
            raise ProjectFileError(path, f"this is {kind}, not an smpolicy project file")
    # UTF-8 as the app writes it, or UTF-16 or 32 as an editor may save it ("Unicode" in
    # Notepad), known by its byte order mark or its zero bytes as JSON's own reader knows them
    encoding = json.detect_encoding(raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        name = encoding.upper().removesuffix("-SIG")
        raise ProjectFileError(path, f"the file is not text (it is not valid {name})") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys,
                          parse_constant=_no_constants, parse_int=_short_int)
    except json.JSONDecodeError as exc:
        # In the owner's words: the parser's own ("Expecting ',' delimiter") means nothing.
        what = ": it has more text after the project's end" if exc.msg == "Extra data" \
            else ": it stops part-way, as if cut short" if not text.rstrip().endswith("}") \
            else " or is not a project file"
        raise ProjectFileError(path, f"the file is damaged{what} (line {exc.lineno}, column "
                                     f"{exc.colno})") from None
    except ValueError as exc:
        raise ProjectFileError(path, f"the file is damaged: {exc}") from None
    except RecursionError:
        raise ProjectFileError(path, "the file is nested too deeply to be a project") from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _short_int(digits: str) -> int:
    if len(digits.lstrip("-")) > 30:  # Python refuses over 4,300 digits, in its own words
        raise ValueError(f"it holds a number {len(digits)} digits long, which no answer is")
    return int(digits)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a valid value")


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem in plain words, naming the question by its label."""
    error = exc.errors(include_url=False)[0]
    where = labels_for(error["loc"])
    count = exc.error_count()
    more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
    message = error["msg"].replace("Extra inputs are not permitted", "this question is unknown")
    if error["type"] == "enum":  # a country code: the list of every choice is far too long
        message = "the answer is not one of the choices"
    elif error["type"].startswith("date"):  # pydantic's "invalid character in year"
        message = "the answer should be a date written as 2026-12-31"
    return f"{where or 'the project'}: {message}{more}"


def labels_for(location: tuple[Any, ...]) -> str:
    """Turn ('company', 'staff_count') into 'Company > Number of staff' (keys as in the file)."""
    parts: list[str] = []
    model: Any = Project
    for key in location:
        if isinstance(key, int):
            parts.append(f"row {key + 1}")
            continue
        field = getattr(model, "model_fields", {}).get(key)
        parts.append(field.title if field and field.title else _key_as_written(key))
        model = _inner_model(field.annotation) if field else None
    return " > ".join(parts)


def _key_as_written(key: Any) -> str:
    """An unknown key from the file, quoted and cut short so the message stays one line."""
    text = str(key)
    return repr(text if len(text) <= 40 else text[:40] + "...")


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if (found := _inner_model(arg)) is not None:
            return found
    return None


# --- Migrations ------------------------------------------------------------------------------

def _v1_to_v2(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 kept list answers (goals, what we publish...) as one text, a line each."""
    migrated = dict(answers)
    for area_name, area in Project.areas().items():
        values = migrated.get(area_name)
        if not isinstance(values, dict):
            continue
        values = dict(values)
        for name, field in area.model_fields.items():
            if field.annotation == list[str] and isinstance(values.get(name), str):
                values[name] = [line.strip() for line in values[name].splitlines()
                                if line.strip()]
        migrated[area_name] = values
    return migrated


def _v2_to_v3(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 remembered one Word export (last_export, without its kind); schema 3 keeps
    every version sent to counsel. The remembered one becomes the first, of the project's kind."""
    migrated = dict(answers)
    last = migrated.pop("last_export", None)
    if isinstance(last, dict) and last.get("paragraphs"):
        company = migrated.get("company")
        kind = company.get("document_type", "full") if isinstance(company, dict) else "full"
        migrated["sent_versions"] = [{
            "id": "v1", "sent_on": f"{last.get('exported_on') or '2000-01-01'}T00:00:00",
            "kind": kind, "label": "Word export", "paragraphs": last["paragraphs"]}]
    return migrated


# Names people typed for a country before schema 4, beyond the ISO names themselves.
_COUNTRY_ALIASES = {"usa": "US", "us": "US", "america": "US", "united states of america": "US",
                    "the united states": "US", "the us": "US", "the usa": "US",
                    "uk": "GB", "great britain": "GB", "britain": "GB", "the uk": "GB",
                    "the united kingdom": "GB", "england": "GB", "scotland": "GB",
                    "wales": "GB", "northern ireland": "GB", "holland": "NL",
                    "the netherlands": "NL", "deutschland": "DE"}
_NATIONS = {"england": "GB-ENG", "scotland": "GB-SCT", "wales": "GB-WLS",
            "northern ireland": "GB-NIR"}
# ... and for a state or province, beyond its name and postal code: the abbreviations of
# newspapers and addresses ("Calif.", "Tex."), and the capital named for the district.
_REGION_ALIASES = {
    **{short: f"US-{code}" for code, shorts in {
        "AL": "ala", "AZ": "ariz", "AR": "ark", "CA": "cal calif", "CO": "colo", "CT": "conn",
        "DE": "del", "FL": "fla", "IL": "ill", "IN": "ind", "KS": "kan kans", "MA": "mass",
        "MI": "mich", "MN": "minn", "MS": "miss", "MT": "mont", "NE": "neb nebr", "NV": "nev",
        "OK": "okla", "OR": "ore oreg", "PA": "penn penna", "TN": "tenn", "TX": "tex",
        "WA": "wash", "WV": "wva", "WI": "wis wisc", "WY": "wyo"}.items()
        for short in shorts.split()},
    "washington dc": "US-DC", "dc": "US-DC", "que": "CA-QC", "pq": "CA-QC", "ont": "CA-ON",
    "alta": "CA-AB", "sask": "CA-SK", "nfld": "CA-NL", "tas": "AU-TAS"}


def _plain(text: Any) -> str:
    """'U.S.A. ' -> 'usa', 'Québec' -> 'quebec', 'Washington, D.C.' -> 'washington dc', for
    matching what was typed."""
    if not isinstance(text, str):
        return ""
    letters = unicodedata.normalize("NFKD", text.lower().replace(".", "").replace(",", " "))
    return " ".join("".join(c for c in letters if not unicodedata.combining(c)).split())


def _readings(typed: str) -> list[str]:
    """What was typed, then each of its parts: 'Ohio, USA', 'U.S.A. (Ohio)', 'Texas (remote
    staff in CA)' were read whole only, and dropped."""
    return [typed, *filter(None, (part.strip() for part in re.split(r"[(),/;]", typed)))]


def _country_code(typed: str) -> str:
    """ISO 3166-1 alpha-2 for a typed country name; '' when it cannot be told."""
    countries = places()["countries"]
    by_name = {_plain(name): code for code, name in countries.items()}
    by_code = {code.lower(): code for code in countries}
    key = _plain(typed)
    return _COUNTRY_ALIASES.get(key) or by_name.get(key) or by_code.get(key, "")


def _region_code(typed: str, country: str) -> str:
    """ISO 3166-2 for a typed state ('Ohio', 'OH', 'Ontario'); '' when it cannot be told."""
    regions = places()["subdivisions"].get(country, {})
    for reading in _readings(typed):
        key = _plain(reading)
        if _REGION_ALIASES.get(key, "").startswith(f"{country}-"):
            return _REGION_ALIASES[key]
        for code, name in regions.items():
            if key in (_plain(name), _plain(code), _plain(code.split("-", 1)[1])):
                return code
    return ""


def _read_places(typed_country: str, typed_state: Any) -> tuple[str, str]:
    """The ISO codes for a country and a state typed before schema 4; '' for one that cannot
    be told. A country typed with its state in it ('Ohio, USA') gives both: the last part
    that names a country ('Georgia, USA' is in the United States), the state among the rest."""
    readings = _readings(typed_country)
    country = next((code for code in map(_country_code, readings[:1] + readings[:0:-1])
                    if code), "")
    state = typed_state if isinstance(typed_state, str) else ""
    if country == "GB" and not state:
        state = _NATIONS.get(_plain(typed_country), "")
    if not state and len(readings) > 1:
        state = next((part for part in readings[1:] if _region_code(part, country)), "")
    regions = places()["subdivisions"].get(country, {})
    return country, state if state in regions else _region_code(state, country)


def _places_not_read(answers: dict[str, Any]) -> list[str]:
    """What the owner is told on opening a file from before schema 4: a country or state typed
    there that could not be read (dropped without a word, the state's rules with it)."""
    company = answers.get("company")
    if not isinstance(company, dict) or not isinstance(company.get("country", ""), str):
        return []
    typed_country, typed_state = company.get("country", "United States"), company.get("state")
    country, state = _read_places(typed_country, typed_state)
    if not country:
        unread = [("country", typed_country)] if typed_country.strip() else []
    else:  # a state is asked for in a country the app knows the states of
        unread = [("state", typed_state)] if places()["subdivisions"].get(country) and \
            isinstance(typed_state, str) and typed_state.strip() and not state else []
    return [f'the {what} "{typed}" in this older file could not be read; choose it in '
            "Company" for what, typed in unread]


def _v3_to_v4(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 kept the country and state as typed text; schema 4 keeps ISO 3166 codes."""
    company = answers.get("company")
    if not isinstance(company, dict):
        return answers
    typed_country = company.get("country", "United States")
    if not isinstance(typed_country, str):  # no name to read (a list...): validation says so
        return answers
    country, state = _read_places(typed_country, company.get("state", ""))
    return {**answers, "company": {**company, "country": country, "state": state}}


def _v4_to_v5(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 5 records a redline sent to counsel as a version that names the version it
    compares with (compares_with); schema 4 recorded none, so its files need no change. The
    number moved so that an older app refuses a newer file as newer, not as damaged."""
    return answers


def _v5_to_v6(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 6 records the further clauses a comment of counsel's covers (also_clauses);
    schema 5 recorded the first only, so its files need no change."""
    return answers


def _v6_to_v7(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 7 can keep a clause's new title alone (title_only), its words following the
    answers; schema 6 kept the words with it, as they stay, so its files need no change."""
    return answers


def _v7_to_v8(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 8 records what the owner decided on each of counsel's changes and comments
    (counsel_decisions), and which reply a version kept from one is (reply_key); schema 7
    recorded neither, so its files need no change."""
    return answers


def _v8_to_v9(answers: dict[str, Any]) -> dict[str, Any]:
    """Schema 9 records the name the project's versions are kept under (history); schema 8
    kept them under the file's path, where they are still found (versions.history_before), so
    its files need no change."""
    return answers


MIGRATIONS: list[Callable[[dict[str, Any]], dict[str, Any]]] = [
    _v1_to_v2, _v2_to_v3, _v3_to_v4, _v4_to_v5, _v5_to_v6, _v6_to_v7, _v7_to_v8, _v8_to_v9]
assert len(MIGRATIONS) == SCHEMA_VERSION - 1, "one migration per older schema_version"


# --- Writing ---------------------------------------------------------------------------------

def project_to_data(project: Project) -> dict[str, Any]:
    """The project file's content as JSON-ready data: format tag, version, answers."""
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION,
            "project": project.model_dump(mode="json")}


def project_to_bytes(project: Project) -> bytes:
    return (json.dumps(project_to_data(project), indent=2, ensure_ascii=False)
            + "\n").encode("utf-8")


def backup_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


class FileChangedError(ProjectFileError):
    """The file on disk is no longer the one this window read or last saved."""


@dataclass(frozen=True)
class Saved:
    """A save that worked: the file's new stamp, and anything the user should know."""

    stamp: Stamp
    notes: tuple[str, ...] = ()


def save_project(project: Project, path: Path | str, *, keep_backup: bool = True,
                 expected: Stamp | None = None, for_counsel: bool = False) -> Saved:
    """Save atomically, through a link to its target. What was there is kept as
    NAME.smpolicy.bak (as private as the file) and every save as a version in the state folder.

    expected: the stamp of the file as this window knows it; if the disk holds something else
    (another window or a sync client saved it), FileChangedError and nothing is written.
    for_counsel: the save holds a new record of a version sent to counsel or of counsel's
    reply; its version is kept for good.
    """
    path = Path(path)
    target = write_target(path)
    data = project_to_bytes(project)
    history = project.history or file_key(target)  # a project of schema 8 kept them there
    if len(data) > MAX_FILE_BYTES:  # it could never be opened again: keep the file as it is
        raise ProjectFileError(path, f"could not save: {_too_large(len(data))}; shorten the "
                                     "longest answers")
    notes: list[str] = []
    try:
        with _one_writer(target):  # the comparison and the replace: one step
            refuse_unwritable(target)  # before the backup: a refused save changes nothing
            refuse_read_only_folder(target)
            previous = _previous(target)  # None also for a file now too large to read back
            if changed(expected, target) or (previous is not None
                                             and _not_as_stamped(previous[0], expected)):
                raise FileChangedError(path, "the file was changed by another window or "
                                             "program since it was opened or saved here")
            if previous is not None:
                old, info = previous
                if keep_backup and old != data:
                    notes += _keep_backup(target, old, info.st_mode & 0o777)
                if info.st_nlink > 1:
                    notes.append(f"{path.name} had {info.st_nlink - 1} other name(s) (hard "
                                 "links); a save gives it a new file, so they keep the previous "
                                 "version")
                # kept as of its own last write: both read alike when stamped with this save
                notes += filter(None, [versions.keep(history, old, datetime.fromtimestamp(
                    info.st_mtime))])
            write_bytes_atomically(target, data)
            stamp = stamp_of(target, data)
    except WriteError as exc:
        raise ProjectFileError(path, f"could not save: {exc.reason}") from None
    except OSError as exc:
        raise ProjectFileError(path, f"could not save: {plain_reason(exc)}") from None
    notes += filter(None, [versions.keep(history, data, for_counsel=for_counsel)])
    versions.written_to(history, target)
    return Saved(stamp, tuple(dict.fromkeys(notes)))  # the old and the new version: one note


@contextlib.contextmanager
def _one_writer(target: Path) -> Iterator[None]:
    """One save of the file at a time, of this user's windows and commands: the comparison
    with what was read and the replace are one step. Four `export --remember` at once each
    said "Recorded it as v1", and the file kept one (found by a tester). A state folder that
    cannot be used, or a disk that cannot lock files, leaves the save unguarded, as before."""
    from .safe_write import lock

    try:
        folder = state_folder("saving")
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / f"{file_key(target)}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            lock(fd)
        yield
    finally:
        os.close(fd)  # and the lock with it


def _not_as_stamped(content: bytes, expected: Stamp | None) -> bool:
    """The content just read is not what the window last read or wrote. Its hash decides: an
    edit that keeps the size and puts the old time back (a sync client, `touch -r`, a disk
    with 2-second times) looks unchanged to size and time alone."""
    return expected is not None and hashlib.sha256(content).hexdigest() != expected.digest


def _previous(target: Path) -> tuple[bytes, os.stat_result] | None:
    """The project file being replaced, if it is one that can be read back."""
    try:
        return read_project_bytes(target)
    except ProjectFileError:
        return None


def _keep_backup(target: Path, old: bytes, mode: int) -> list[str]:
    backup = backup_path(target)
    if len(backup.name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        return [f"the name is too long to keep {BACKUP_SUFFIX} beside it; "
                "the previous version is in File > Versions"]
    try:
        write_bytes_atomically(backup, old, mode=mode, replace_read_only=True,
                               follow_links=False)  # a link there is not ours: replace it
    except WriteError as exc:
        raise ProjectFileError(backup, f"could not keep the backup: {exc.reason}") from None
    return []


def is_project_file(path: Path | str) -> bool:
    """Whether `path` names a project or its backup, or holds one (whatever its name)."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith((PROJECT_EXTENSION, PROJECT_EXTENSION + BACKUP_SUFFIX)):
        return True
    try:
        if not path.is_file():  # never open a pipe or a device to look
            return False
        with path.open("rb") as handle:
            return FORMAT.encode() in handle.read(4096)
    except OSError:
        return False
