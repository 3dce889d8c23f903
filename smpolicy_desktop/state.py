"""The user's state folder (autosaves, kept versions) and how a project file is named in it.

A file is known by its real path (links followed), so a link and its target share their state.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import platformdirs

from . import APP_NAME


def state_folder(*parts: str) -> Path:
    return platformdirs.user_state_path(APP_NAME).joinpath(*parts)


def file_key(original: Path | str) -> str:
    """A short, safe, unique name for a project file: its stem and a digest of its real path."""
    digest = hashlib.sha256(str(Path(original).resolve()).encode("utf-8")).hexdigest()[:16]
    stem = re.sub(r"[^\w.-]+", "_", Path(original).stem)[:40]
    return f"{stem}-{digest}"
