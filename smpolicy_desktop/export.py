"""Writing the rendered policy to a file: Word, HTML or Markdown.

Shared by the CLI and the window; a failed export leaves no partial file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .document import to_html, to_markdown
from .safe_write import WriteError, write_atomically, write_bytes_atomically

if TYPE_CHECKING:  # the renderer loads on the first export, so FORMATS is cheap to import
    from .model import Project

FORMATS = {"docx": "Word document", "html": "Web page", "md": "Markdown"}


def format_for(path: Path | str, requested: str | None = None) -> str:
    """The export format: the one asked for, else the file's extension, else Word."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return requested or {"htm": "html", "markdown": "md"}.get(suffix, suffix if suffix in FORMATS
                                                               else "docx")


class ExportError(WriteError):
    """An export that cannot be made as asked (not a disk problem); the reason is plain words."""


NO_EARLIER_EXPORT = ("this project keeps no earlier Word export to compare with; export it to "
                     "Word once and save the project first")


def export_file(project: Project, path: Path | str, fmt: str | None = None,
                kind: str | None = None, *, line_numbers: bool = False,
                changes_since_last: bool = False) -> Path:
    """Render the project and write it; raises WriteError with a plain reason on failure.

    Word only: line_numbers numbers the lines of each page; changes_since_last shows what
    changed since the remembered export (see remember_export) as tracked changes.
    """
    path = Path(path)
    fmt = format_for(path, fmt)
    if (line_numbers or changes_since_last) and fmt != "docx":
        raise ExportError(path, "line numbers and tracked changes need a Word (.docx) export")
    if changes_since_last and not (project.last_export and project.last_export.paragraphs):
        raise ExportError(path, NO_EARLIER_EXPORT)
    from .render import render_document

    document = render_document(project, kind)
    if fmt == "docx":
        from .docx_export import write_docx  # python-docx loads only when needed

        since = project.last_export if changes_since_last else None
        write_atomically(path, lambda handle: write_docx(
            document, project, handle, line_numbers=line_numbers, changes_since=since))
    elif fmt == "html":
        write_bytes_atomically(path, to_html(document, standalone=True).encode("utf-8"))
    else:
        write_bytes_atomically(path, to_markdown(document).encode("utf-8"))
    return path


def remember_export(project: Project, kind: str | None = None) -> None:
    """Keep the text of the Word file just exported in the project (the caller saves it), so
    a later export with changes_since_last shows counsel only what changed since."""
    from .render import render_document
    from .tracked_changes import remember_text

    remember_text(project, render_document(project, kind))
