"""Writing the rendered policy to a file: Word, HTML or Markdown.

Shared by the CLI and the window; a failed export leaves no partial file behind.
"""

from __future__ import annotations

from pathlib import Path

from .document import to_html, to_markdown
from .model import Project
from .render import render_document
from .safe_write import write_atomically, write_bytes_atomically

FORMATS = {"docx": "Word document", "html": "Web page", "md": "Markdown"}


def format_for(path: Path | str, requested: str | None = None) -> str:
    """The export format: the one asked for, else the file's extension, else Word."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return requested or {"htm": "html", "markdown": "md"}.get(suffix, suffix if suffix in FORMATS
                                                               else "docx")


def export_file(project: Project, path: Path | str, fmt: str | None = None,
                kind: str | None = None) -> Path:
    """Render the project and write it; raises WriteError with a plain reason on failure."""
    path = Path(path)
    fmt = format_for(path, fmt)
    document = render_document(project, kind)
    if fmt == "docx":
        from .docx_export import write_docx  # python-docx loads only when needed

        write_atomically(path, lambda handle: write_docx(document, project, handle))
    elif fmt == "html":
        write_bytes_atomically(path, to_html(document, standalone=True).encode("utf-8"))
    else:
        write_bytes_atomically(path, to_markdown(document).encode("utf-8"))
    return path
