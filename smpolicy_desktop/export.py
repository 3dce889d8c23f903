"""Writing the rendered policy to a file: Word, HTML or Markdown.

Shared by the CLI and the window; a failed export leaves no partial file behind.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .document import to_html, to_markdown
from .safe_write import WriteError, write_atomically, write_bytes_atomically

if TYPE_CHECKING:  # the renderer loads on the first export, so FORMATS is cheap to import
    from .model import Project, SentVersion

FORMATS = {"docx": "Word document", "html": "Web page", "md": "Markdown"}


def format_for(path: Path | str, requested: str | None = None) -> str:
    """The export format: the one asked for, else the file's extension, else Word."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return requested or {"htm": "html", "markdown": "md"}.get(suffix, suffix if suffix in FORMATS
                                                               else "docx")


class ExportError(WriteError):
    """An export that cannot be made as asked (not a disk problem); the reason is plain words."""


NO_EARLIER_EXPORT = ("this project keeps no version sent to counsel to compare with; export "
                     "it to Word as a version for counsel (--remember) and save the project first")


def version_to_compare(project: Project, kind: str, version_id: str | None = None,
                       path: Path | str = "") -> SentVersion:
    """The sent version a redline compares with: the one named, else the last of the same
    kind. Raises ExportError when there is none, or the one named is of the other kind."""
    versions = [v for v in project.sent_versions if v.paragraphs]
    if version_id:
        chosen = next((v for v in versions if v.id == version_id), None)
        if chosen is None:
            known = ", ".join(v.id for v in versions) or "none"
            raise ExportError(Path(path), f"no version sent with this id (known: {known})")
        if chosen.kind != kind:
            raise ExportError(Path(path), f"{chosen.id} is the {chosen.kind.label.lower()}; "
                                          "a redline compares like with like")
        return chosen
    same_kind = [v for v in versions if v.kind == kind]
    if not same_kind:
        raise ExportError(Path(path), NO_EARLIER_EXPORT)
    return same_kind[-1]


def export_file(project: Project, path: Path | str, fmt: str | None = None,
                kind: str | None = None, *, line_numbers: bool = False,
                changes_since_last: bool = False, against: str | None = None,
                remember: bool = False, now: datetime | None = None) -> Path:
    """Render the project and write it; raises WriteError with a plain reason on failure.

    Word only: line_numbers numbers the lines of each page; changes_since_last shows what
    changed since a version sent to counsel (`against`, default the last of the same kind) as
    tracked changes, without moving it; remember records this file as a version sent to
    counsel in the project (the caller saves the project).
    """
    path = Path(path)
    fmt = format_for(path, fmt)
    if (line_numbers or changes_since_last or remember) and fmt != "docx":
        raise ExportError(path, "line numbers, tracked changes and versions for counsel need a "
                                "Word (.docx) export")
    from .render import render_document

    document = render_document(project, kind)
    if fmt == "docx":
        from .docx_export import write_docx  # python-docx loads only when needed
        from .tracked_changes import next_version_id

        since = version_to_compare(project, document.kind, against, path) \
            if changes_since_last else None
        now = (now or datetime.now(UTC)).replace(microsecond=0)
        version_id = next_version_id(project) if remember else ""
        write_atomically(path, lambda handle: write_docx(
            document, project, handle, line_numbers=line_numbers, changes_since=since,
            version_id=version_id, now=now))
        if remember:
            remember_export(project, kind, now)
    elif fmt == "html":
        write_bytes_atomically(path, to_html(document, standalone=True).encode("utf-8"))
    else:
        write_bytes_atomically(path, to_markdown(document).encode("utf-8"))
    return path


def remember_export(project: Project, kind: str | None = None,
                    now: datetime | None = None) -> SentVersion:
    """Record the Word text of the project as a version sent to counsel (the caller saves the
    project); later redlines and counsel's reply compare with it."""
    from .render import render_document
    from .tracked_changes import next_version_id, version_of

    version = version_of(render_document(project, kind), next_version_id(project),
                         "Sent to counsel", (now or datetime.now(UTC)).replace(microsecond=0),
                         project.company.version)
    project.sent_versions.append(version)
    return version
