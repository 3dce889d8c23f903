"""The policy as this build of the app rendered each project as saved, kept between starts.

A project opened again shows its policy at once, without loading the templates and the HTML
parser (after the model, the slowest part of a start). An entry is found by what the rendered
words depend on: the project's answers and this build's code, templates and version, so a
changed answer or a new build renders afresh. A missing, damaged or foreign entry is rendered
again, and a cache that cannot be written costs the next start a render, nothing more.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs

from . import APP_NAME, __version__
from .document import Block, Document, Note, Run
from .model import Project
from .resources import resource_path
from .safe_write import WriteError, write_bytes_atomically

KEPT = 20  # the documents of the projects opened or saved most recently
# A project file larger than this (some 3,500 list rows) is rendered every time: reading its
# kept document back would cost as much as rendering it (10,000 rows: 70 ms against 67 ms).
LARGEST = 128 * 1024


def suits(path: Path) -> bool:
    """Whether the project in this file is small enough for its document to be kept."""
    try:
        return path.stat().st_size <= LARGEST
    except OSError:
        return False


def recall(project: Project) -> Document | None:
    """The document this build rendered for exactly these answers, if it was kept."""
    try:
        return _document(json.loads(_entry(project).read_bytes()))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def keep(project: Project, document: Document) -> None:
    """Keep the document rendered for these answers (the project as its file holds them)."""
    entry = _entry(project)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Each dataclass as its fields (vars): the JSON of dataclasses.asdict(), which would
        # copy the whole document first (4 ms of a project's first opening, against 0.7).
        write_bytes_atomically(entry, json.dumps(document, default=vars).encode(), durable=False)
        older = sorted(entry.parent.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in older[:-KEPT]:
            old.unlink(missing_ok=True)
    except (OSError, WriteError):
        pass


def _entry(project: Project) -> Path:
    key = hashlib.sha256(f"{_build()}\n{project.model_dump_json()}".encode()).hexdigest()
    return platformdirs.user_cache_path(APP_NAME) / "documents" / f"{key}.json"


@cache
def _build() -> str:
    """What the rendered words depend on besides the answers: the version, and the size and
    time of each file the render reads."""
    stats = [(str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in build_files()]
    return json.dumps([__version__, stats])


def build_files() -> list[Path]:
    """The files the render reads: the core's code (the program, in a bundle), the templates
    and the law packs."""
    files = [*resource_path("smpolicy_desktop").rglob("*.py"),
             *resource_path("templates").rglob("*"), *resource_path("assets", "law").rglob("*")]
    if getattr(sys, "frozen", False):
        files.append(Path(sys.executable))
    return sorted(f for f in files if f.is_file())


def _document(data: dict[str, Any]) -> Document:
    blocks = tuple(Block(**{**block, "runs": tuple(Run(**run) for run in block["runs"]),
                            "rows": tuple(map(tuple, block["rows"]))})
                   for block in data["blocks"])
    notes = tuple(Note(**note) for note in data["notes"])
    return Document(**{**data, "blocks": blocks, "notes": notes})
