"""The export formats: one registry of name, label, extension and writer. A writer reads only
the rendered Document (and the options it supports); a failed export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .safe_write import WriteError, write_atomically

if TYPE_CHECKING:  # the renderer and Word writing load on the first export
    from datetime import datetime

    from .document import Document
    from .model import SentVersion


class ExportError(WriteError):
    """An export that cannot be made as asked (not a disk problem); the reason is plain words."""


@dataclass(frozen=True)
class ExportOptions:
    """How to write: line numbers for counsel, and the earlier text to show changes against."""

    line_numbers: bool = False
    changes_since: SentVersion | None = None
    version_id: str = ""  # names a version sent to counsel in the Word file
    sent_on: datetime | None = None  # when that version is sent (the file's time)


@dataclass(frozen=True)
class Exporter:
    """One export format. `options` names the ExportOptions fields its writer supports."""

    name: str
    label: str
    extension: str
    write: Callable[[Document, BinaryIO, ExportOptions], None]
    options: frozenset[str] = frozenset()


def _write_docx(document: Document, handle: BinaryIO, options: ExportOptions) -> None:
    from .docx_export import write_docx  # python-docx loads only when needed

    write_docx(document, handle, line_numbers=options.line_numbers,
               changes_since=options.changes_since, version_id=options.version_id,
               now=options.sent_on)


def _write_html(document: Document, handle: BinaryIO, options: ExportOptions) -> None:
    from .document import to_html

    handle.write(to_html(document, standalone=True).encode("utf-8"))


def _write_markdown(document: Document, handle: BinaryIO, options: ExportOptions) -> None:
    from .document import to_markdown

    handle.write(to_markdown(document).encode("utf-8"))


EXPORTERS: dict[str, Exporter] = {exporter.name: exporter for exporter in (
    Exporter("docx", "Word document", "docx", _write_docx,
             frozenset({"line_numbers", "changes_since", "version_id", "sent_on"})),
    Exporter("html", "Web page", "html", _write_html),
    Exporter("md", "Markdown", "md", _write_markdown),
)}
# Other spellings of an extension that still mean the format.
_ALIASES = {"htm": "html", "markdown": "md"}


def format_for(path: Path | str, requested: str | None = None) -> str:
    """The export format: the one asked for, else the file's extension, else (a name without
    one, or with a dot in its words: "Northwind Inc. policy") Word.

    Raises ExportError for a format asked for that does not exist, and for an extension that
    names none or another format (a Word file named policy.pdf, or Markdown named policy.docx,
    is one no program opens as what it says).
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = _ALIASES.get(suffix, suffix) if suffix.isascii() and suffix.isalnum() else ""
    if requested is not None:
        if requested not in EXPORTERS:
            raise ExportError(Path(path), f"there is no export format called {requested!r}; "
                                          f"choose one of {', '.join(EXPORTERS)}")
        if suffix in EXPORTERS and suffix != requested:
            raise ExportError(Path(path), f"the name ends in .{suffix}, but the format asked "
                                          f"for is {requested}; name the file "
                                          f".{EXPORTERS[requested].extension}")
        return requested
    if suffix and suffix not in EXPORTERS:
        *others, last = (f".{exporter.extension}" for exporter in EXPORTERS.values())
        raise ExportError(Path(path), f"there is no export format for .{suffix} files here; "
                                      f"name the file {', '.join(others)} or {last}, or choose "
                                      "one with --format")
    return suffix or "docx"


def write_document(document: Document, path: Path, fmt: str,
                   options: ExportOptions | None = None) -> Path:
    """Write the document atomically in the format; raises WriteError with a plain reason."""
    options = options or ExportOptions()
    exporter = EXPORTERS[format_for(path, fmt)]
    unsupported = [option.name for option in fields(options)
                   if getattr(options, option.name) and option.name not in exporter.options]
    if unsupported:
        raise ExportError(path, "line numbers, tracked changes and versions for counsel need a "
                                "Word (.docx) export")
    # A link at the export's name may have been put there by anyone who can write the folder,
    # and "Replace?" names the link, not its target: the link is replaced, never followed.
    write_atomically(path, lambda handle: exporter.write(document, handle, options),
                     follow_links=False)
    return path
