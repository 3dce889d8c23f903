"""The open project as the owner works on it: its file, edits, the one rendered Document,
export and the remembered baseline, autosave and recovery. No Qt: the window and the CLI both
drive a Workspace, and neither repeats its rules.

Events (subscribe with on(name, callback)):
  "changed"(path)   an answer changed; path is the field's path, () for the whole project
  "replaced"()      another project is shown (new, open, restore); the document is stale
  "saved"(path)     the project was written to path (which may be a new name)
  "modified"(bool)  whether the project now holds anything not saved to its file
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, wait
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import PROJECT_EXTENSION
from .file_watch import Stamp, changed, stamp_on_disk
from .model import DocumentType, Project, SentVersion
from .unseen import CONTROLS, FORMAT

if TYPE_CHECKING:
    from .autosave import Autosave, Instance
    from .document import Document
    from .review import Decision, Outcome, Reply
    from .versions import Version

FieldPath = tuple[str | int, ...]  # ("employees", "confidential_info") or (..., 2, "action")

# What a file name cannot hold, and what makes one lie: controls, invisible spaces and the
# marks that reverse the text after them ("policy.docx" shown as "xcod.ycilop").
_NOT_IN_FILE_NAMES = re.compile(f'[\\\\/:*?"<>|\t{CONTROLS}{FORMAT}]+')
NO_EARLIER_EXPORT = ("this project keeps no version sent to counsel to compare with; export "
                     "it to Word as a version for counsel (--remember) and save the project first")


class Workspace:
    """One open project and its file (path is None until first saved)."""

    def __init__(self, project: Project | None = None, path: Path | None = None):
        self.project = project or Project()
        self.path = Path(path) if path is not None else None
        self._listeners: dict[str, list[Callable[..., None]]] = defaultdict(list)
        self._document: Document | None = None
        self._edited = False  # answers changed since the file was read or written
        self._records_unsaved = False  # e.g. a remembered export not yet in the file
        self._counsel_since_save = False  # a version sent or counsel's reply, not saved yet
        self._autosaved_as: Path | None = None
        self.on_disk: Stamp | None = stamp_on_disk(self.path) if self.path else None
        self.save_notes: tuple[str, ...] = ()  # what the last save could not keep as it was
        self.open_notes: tuple[str, ...] = ()  # what an older file held that could not be read
        # The file is open elsewhere and looked at here: never written from here (a version
        # sent to counsel from here was saved into it; found by a tester)
        self.read_only = False
        self._instance: Instance | None = None  # this workspace's claim on its autosaves
        self._restored: Autosave | None = None  # a crashed window's work shown here, kept
        # until this workspace has autosaved or saved it (or the owner discarded it)
        self._autosaving: Future[None] | None = None  # the last autosave begun

    # --- Events ------------------------------------------------------------------------------

    def on(self, event: str, callback: Callable[..., None]) -> None:
        self._listeners[event].append(callback)

    def _emit(self, event: str, *args: Any) -> None:
        for callback in list(self._listeners[event]):
            callback(*args)

    # --- Opening and saving ------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Workspace:
        """A workspace on the project file; raises ProjectFileError for a bad file."""
        from .storage import read_project

        notes: list[str] = []
        project, stamp = read_project(path, notes)
        opened = cls(project, Path(path))
        opened.on_disk = stamp  # the file as read, even if it changes right after
        opened.open_notes = tuple(notes)
        return opened

    def replace(self, project: Project, path: Path | None, *, modified: bool = False,
                on_disk: Stamp | None = None) -> None:
        """Show another project (new, opened or restored work, which is `modified`).

        on_disk: the file as this project was read from it (default: as it is now).
        """
        self._autosaves_written()  # of the project shown until now, under its name
        self.path = Path(path) if path is not None else None
        self.on_disk = on_disk or (stamp_on_disk(self.path) if self.path else None)
        self._document = None
        self._records_unsaved = self._counsel_since_save = False
        self._show(project, modified)

    def load(self, path: Path | str) -> None:
        """Read the project file and show it; raises ProjectFileError, keeping the current work."""
        from .storage import read_project

        notes: list[str] = []
        project, stamp = read_project(path, notes)
        self.replace(project, Path(path), on_disk=stamp)
        self.open_notes = tuple(notes)

    def save(self, path: Path | str | None = None, *, overwrite: bool = False) -> Path:
        """Write the project atomically (keeping a backup and a version); raises
        ProjectFileError, and FileChangedError when the file changed elsewhere since it was
        read or saved here (unless `overwrite`: the user chose to replace that change).
        save_notes then says what could not be kept as it was (a hard link, a long name)."""
        from . import versions
        from .storage import save_project

        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("an untitled project needs a file name to be saved")
        history = self.history()
        # A first save, or Save As: the file gets a history of its own. Saved As from a file,
        # it starts as a copy of that file's; an untitled copy of a version starts empty. A
        # file copied in a file manager gets its own, which starts with the file as copied:
        # the two files' saves were listed together in both (found by a tester).
        if not history or not self.is_at(target):
            self.project.history = versions.new_history(target)
            if self.path is not None:
                versions.carry(history, self.project.history)
        elif (original := versions.copy_of(history, target)) is not None:
            self.project.history = versions.fork(target, original)
        try:
            saved = save_project(self.project, target,
                                 expected=self.on_disk if self.is_at(target) and not overwrite
                                 else None, for_counsel=self._counsel_since_save)
        except Exception:
            self.project.history = history  # the file it has is still the one that names it
            raise
        self.discard_autosave()
        from . import document_cache

        if self._document is not None and document_cache.suits(target):
            document_cache.keep(self.project, self._document)
        self.path, self.on_disk, self.save_notes = target, saved.stamp, saved.notes
        self._records_unsaved = self._counsel_since_save = False
        self._set_edited(False)
        self._emit("saved", target)
        return target

    def is_at(self, path: Path | str) -> bool:
        """Whether the project's file is `path` (a relative name or a link to it too)."""
        return self.path is not None and _same_file(Path(path), self.path)

    def changed_on_disk(self) -> bool:
        """Whether the file was changed by something else since it was read or written
        (size and time first, then the content's hash: a touched file has not changed)."""
        return self.path is not None and changed(self.on_disk, self.path)

    def history(self) -> str:
        """The name the project's versions are kept under ("" before its first save). A file
        from before schema 9 takes the one its versions were kept under, if any are found."""
        from . import versions

        if not self.project.history and self.path is not None:
            self.project.history = versions.history_before(self.path)
        return self.project.history

    def versions(self) -> list[Version]:
        """The kept versions of the project (the last ten saves, one a day for a month)."""
        from . import versions

        return versions.kept(self.history())

    def saved_here_later(self) -> Version | None:
        """The last save kept here, when the project's file is an older one that a synced
        folder or a backup put back (versions.saved_after); None as a rule. Only a file that
        names its history is asked about: looking up an older file's (history) at every open
        read the newest version of every project kept here, and set the history of a project
        the owner had not saved (Discard after a crash left it unlike its file)."""
        from . import versions

        history = self.project.history
        return versions.saved_after(history, self.path) if history and self.path else None

    @staticmethod
    def fallback_for(path: Path | str, error: Exception | None = None) -> Path | None:
        """What to offer when the project file cannot be opened (`error`): its backup (.bak),
        else the newest version kept of it (a file saved once has no backup yet); None if
        neither, or if the file is a newer smpolicy's (saving its older backup over it would
        lose the newer work)."""
        from . import versions
        from .storage import NewerFileError, backup_path

        if isinstance(error, NewerFileError):
            return None
        backup = backup_path(path)
        if os.path.isfile(backup):
            return backup
        kept = versions.kept(versions.history_of(path))
        return kept[0].path if kept else None

    @staticmethod
    def read_version(version: Version) -> Project:
        """A kept version's answers; raises ProjectFileError if it cannot be read."""
        from .storage import load_project

        return load_project(version.path)

    def restore_version(self, project: Project) -> None:
        """Show a kept version's answers as unsaved changes to the project's file as this
        window last read or saved it, so a save still asks if the file changed elsewhere since.
        Stamped as the file was at the restore, the next save replaced the version another
        computer had synced in, without a question (found by a tester). The project's record
        of counsel (Project.records) and history stay as they are: a restore, or its undo,
        never takes back a version sent to counsel (counsel's reply to it was then refused)."""
        kept = {name: getattr(self.project, name) for name in (*Project.records, "history")}
        self._show(project.model_copy(update=kept), True)

    def _show(self, project: Project, edited: bool) -> None:
        """Show these answers, not rendered yet, `edited` or as the file has them."""
        self.project = project
        self._document = None
        self._set_edited(edited)
        self._emit("replaced")
        self._emit("changed", ())

    @property
    def modified(self) -> bool:
        """Whether anything here is not in the project file yet."""
        return self._edited or self._records_unsaved

    def set_edited(self, edited: bool) -> None:
        """The window's undo history says whether the answers differ from the file's."""
        self._set_edited(edited)

    def _set_edited(self, edited: bool) -> None:
        before = self.modified
        self._edited = edited
        if self.modified != before:
            if not self.modified:  # saved, or undone back to the file: nothing left to keep
                self.discard_autosave()
            self._emit("modified", self.modified)

    def suggested_name(self) -> str:
        """A file name (without extension) for a new project or an export."""
        # No character a file name cannot hold: a "/" in "Nordisk Design A/S" would pick a
        # folder. No trailing dot ("Inc."), and room for the extension and ".bak" in 255 bytes.
        company = " ".join(_NOT_IN_FILE_NAMES.sub(" ", self.project.company.name).split())
        company = company.encode()[:150].decode(errors="ignore").rstrip(" .")
        return f"{company} social media policy" if company else "Social media policy"

    # --- Answers -----------------------------------------------------------------------------

    def value(self, path: FieldPath) -> Any:
        target: Any = self.project
        for key in path:
            target = target[key] if isinstance(key, int) else getattr(target, key)
        return target

    def set_value(self, path: FieldPath, value: Any) -> None:
        """Change one answer (validated first: pydantic's ValidationError leaves it unchanged).

        The window calls this from its undo commands; the history of edits is the window's.
        """
        *parents, last = path
        owner = self.value(tuple(parents))
        if isinstance(last, int):
            items = list(owner)
            items[last] = value
            self.set_value(tuple(parents), items)
            return
        setattr(owner, last, value)
        self._document = None
        self._set_edited(True)
        self._emit("changed", tuple(path))

    # --- The document ------------------------------------------------------------------------

    @property
    def kind(self) -> DocumentType:
        """Full policy or short guidelines: the project's own choice, for every view."""
        return self.project.company.document_type

    def document(self) -> Document:
        """The rendered policy, rendered once per change and shared by every view. The
        project as its file holds it is kept in the document cache, so the next start that
        opens it shows the policy without rendering it."""
        if self._document is None:
            from . import document_cache

            as_saved = (self.path is not None and not self.modified
                        and document_cache.suits(self.path))
            self._document = document_cache.recall(self.project) if as_saved else None
            if self._document is None:
                from .render import render_document

                self._document = render_document(self.project)
                if as_saved:
                    document_cache.keep(self.project, self._document)
        return self._document

    # --- Export ------------------------------------------------------------------------------

    def export(self, path: Path | str, fmt: str | None = None, *, kind: str | None = None,
               line_numbers: bool = False, changes_since_last: bool = False,
               against: str | None = None, remember: bool = False) -> Path:
        """Write the policy; raises WriteError (ExportError: not possible as asked).

        changes_since_last shows, as tracked changes, what changed since a version sent to
        counsel (`against`, default the last of the same kind), and never moves it (the redline
        is recorded, never compared with); remember records this Word file as a version sent to
        counsel (a record, never an undo step).
        """
        from .exporters import ExportError, ExportOptions, format_for, write_document
        from .storage import is_project_file

        path = Path(path)
        if is_project_file(path) or self.is_at(path):
            raise ExportError(path, "that is a project file; choose another name for the export")
        fmt = format_for(path, fmt)
        if remember and fmt != "docx":
            raise ExportError(path, "a version for counsel is a Word (.docx) export")
        document = self.document_of_kind(kind)
        since = self.version_to_compare(document.kind, against, path) \
            if changes_since_last else None
        record, new = (None, False)
        if remember or since is not None:
            record, new = self._version_record(document, since)
        write_document(document, path, fmt, ExportOptions(
            line_numbers=line_numbers, changes_since=since,
            version_id=record.id if record else "", sent_on=record.sent_on if record else None))
        if record is not None and new:
            self.project.sent_versions.append(record)
            self._record_made()
        return path

    def _version_record(self, document: Document, since: SentVersion | None
                        ) -> tuple[SentVersion, bool]:
        """The record of a Word file for counsel, and whether it is new. A redline is kept
        too (counsel's reply may undo the owner's changes in it), but is never compared with;
        the same redline made again keeps its record."""
        from .tracked_changes import next_version_id, version_of

        record = version_of(document, next_version_id(self.project),
                            "Changes for counsel" if since else "Sent to counsel",
                            datetime.now(UTC), self.project.company.version)
        if since is None:
            return record, True
        record.compares_with = since.id
        made = next((v for v in self.project.sent_versions if v.compares_with == since.id
                     and v.paragraphs == record.paragraphs), None)
        return (made, False) if made else (record, True)

    def version_to_compare(self, kind: str, version_id: str | None = None,
                           path: Path | str = "") -> SentVersion:
        """The sent version a redline compares with: the one named, else the last of the same
        kind. Raises ExportError when there is none, or the one named is of the other kind."""
        from .exporters import ExportError

        versions = self._comparable()
        if version_id:
            chosen = next((v for v in versions if v.id == version_id), None)
            if chosen is None:
                known = ", ".join(v.id for v in versions) or "none"
                raise ExportError(Path(path), f"no version sent with this id (known: {known})")
            if chosen.kind != kind:
                raise ExportError(Path(path), f"{chosen.id} is the {chosen.kind.label.lower()}; "
                                              "a redline compares like with like")
            return chosen
        same_kind = self.sent_to_compare(kind)
        if not same_kind and versions:  # only the other kind was sent

            def name(kind: str) -> str:
                return DocumentType(kind).label.split(" (")[0].lower()
            raise ExportError(Path(path), f"the versions sent to counsel "
                                          f"({', '.join(v.id for v in versions)}) are of the "
                                          f"{name(versions[-1].kind)}, and a redline compares "
                                          f"like with like; send the {name(kind)} to counsel "
                                          "first")
        if not same_kind:
            raise ExportError(Path(path), NO_EARLIER_EXPORT)
        return same_kind[-1]

    def sent_to_compare(self, kind: str | None = None) -> list[SentVersion]:
        """The versions sent to counsel a redline of `kind` (default the policy's own) can
        compare with, oldest first."""
        kind = kind or self.kind
        return [v for v in self._comparable() if v.kind == kind]

    def _comparable(self) -> list[SentVersion]:
        """The versions sent to counsel a redline can show changes against: those recorded
        with their text, never a redline itself."""
        return [v for v in self.project.sent_versions if v.paragraphs and not v.compares_with]

    @property
    def has_baseline(self) -> bool:
        """Whether a version sent to counsel of this kind is there to show changes against."""
        return bool(self.sent_to_compare())

    def document_of_kind(self, kind: str | None) -> Document:
        """The policy as the document of this kind (None: the project's) has it, such as the
        short guidelines a reply answers: rendered anew unless it is the project's own."""
        if kind is None or DocumentType(kind) == self.kind:
            return self.document()
        from .render import render_document

        return render_document(self.project, kind)

    def _record_made(self) -> None:
        """A record (a version sent, counsel's reply) is never an undo step. A project saved
        and unchanged is written at once, so it stays saved. If that save fails (ProjectFileError:
        read-only, changed elsewhere, disk full), the record stays as unsaved work, so closing
        asks and the autosave keeps it."""
        from .storage import ProjectFileError

        self._counsel_since_save = True
        if self.path is not None and not self.modified and not self.read_only:
            try:
                self.save()
                return
            except ProjectFileError:
                self._keep_record_unsaved()
                raise
        self._keep_record_unsaved()

    def _keep_record_unsaved(self) -> None:
        before = self.modified
        self._records_unsaved = True
        if not before:
            self._emit("modified", True)

    # --- Counsel's reply ---------------------------------------------------------------------

    def read_reply(self, path: Path | str) -> Reply:
        """Counsel's reply, read and mapped to clauses; raises ReviewError for a bad file."""
        from .review import read_reply

        return read_reply(self.project, path)

    def apply_review(self, reply: Reply, decisions: dict[str, Decision]) -> Outcome:
        """Apply the owner's decisions on counsel's changes and comments to the project; its
        warnings name the risks the changes brought (the project checked before and after)."""
        from .checks.policy_check import check_project
        from .review import apply_decisions, risks_added

        before = check_project(self.project)
        outcome = apply_decisions(self.project, reply, decisions)
        outcome.warnings[:0] = risks_added(self.project, before, check_project(self.project))
        self._counsel_since_save = True  # the reply is kept as a version sent
        self._document = None
        self._set_edited(True)
        self._emit("changed", ())
        return outcome

    # --- Autosave and recovery ---------------------------------------------------------------

    @property
    def instance(self) -> Instance:
        if self._instance is None:
            from .autosave import Instance

            self._instance = Instance()
        return self._instance

    def autosave(self, typed: Iterable[tuple[FieldPath, Any]] = ()) -> Future[None]:
        """Keep unsaved work in the state folder (never in the user's file), as this
        workspace's own autosave of its file. The answers are taken as they are now and
        written on the autosave thread, so typing never waits for a big project's JSON and
        write (10 MB: 0.1-0.2 s); result() waits for the write and raises WriteError (an
        unusable folder too).

        typed: answers typed and not yet taken (a list's new entry, a cell still open), kept
        with the others but left out of the project: taking them would empty the box the
        owner is typing in. As (path, value); one the answer refuses is left out."""
        from pydantic import ValidationError

        from . import autosave

        typed = list(typed)
        if not self.modified and not typed:
            self.discard_autosave()  # of an entry typed, then cleared: nothing is left to keep
            return autosave.in_order(lambda: None)
        as_typed = Workspace(self.project.model_copy(deep=True)) if typed else self
        for where, value in typed:
            with contextlib.suppress(ValidationError):
                as_typed.set_value(where, value)
        record = autosave.autosave_record(as_typed.project, self.path, self.on_disk)
        path, instance = self.path, self.instance

        def write() -> None:  # on the autosave thread, the only one then to touch what follows
            if self._autosaved_as != path:  # saved under a new name since
                autosave.remove_autosave(self._autosaved_as, instance)
            autosave.write_record(record, path, instance)
            self._autosaved_as = path
            self._forget_restored()

        self._autosaving = autosave.in_order(write)
        return self._autosaving

    def discard_autosave(self) -> None:
        """Forget this workspace's autosaves (saved or discarded); never another window's."""
        from . import autosave

        self._autosaves_written()
        autosave.remove_autosave(self._autosaved_as, self.instance)
        autosave.remove_autosave(self.path, self.instance)
        self._autosaved_as = self.path
        self._forget_restored()

    def _autosaves_written(self) -> None:
        """Wait for the autosave under way, if one is: one written after its work was saved
        or discarded would be offered as a crash's. What it raised is for its caller to say."""
        if self._autosaving is not None:
            wait([self._autosaving])

    def _forget_restored(self) -> None:
        if self._restored is not None:
            self._restored.remove()
            self._restored = None

    def close(self) -> None:
        """The window closes cleanly: its autosaves go, and its claim on them."""
        self.discard_autosave()
        self.instance.release()

    @staticmethod
    def left_by_crash(original: Path | None = None) -> list[Autosave]:
        """Unsaved work that windows which crashed left behind (of `original` only, if given),
        newest first."""
        from . import autosave

        return autosave.left_by_crash(original)

    def restore(self, found: Autosave) -> None:
        """Show recovered work as unsaved changes to its file; raises ProjectFileError.

        A later save still asks if the file changed since the crashed window read it. The
        crashed window's autosave goes once this workspace's own autosave holds the work: if
        the state folder cannot take one now (a full disk), it stays until a save.
        """
        self.replace(found.load(), found.original, modified=True, on_disk=found.stamp)
        self._restored = found
        # a record of counsel made before the crash: the save that holds it is kept for good,
        # as without the crash (it was kept as any save; found by a tester)
        self._counsel_since_save = self._records(self.project) != self._records(
            _readable(found.original))
        self.autosave()  # if it fails, the autosave timer will say it is not working

    @staticmethod
    def _records(project: Project | None) -> list[Any]:
        return [getattr(project or Project(), name) for name in Project.records]


def _readable(path: Path | None) -> Project | None:
    """The project in the file, None if there is none to read."""
    from .storage import ProjectFileError, load_project

    try:
        return load_project(path) if path is not None else None
    except ProjectFileError:
        return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def project_file_name(name: str) -> str:
    """A chosen file name with the project extension (added when missing)."""
    return name if name.endswith(PROJECT_EXTENSION) else name + PROJECT_EXTENSION
