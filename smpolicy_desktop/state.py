"""The user's state folder (autosaves, kept versions) and how a project file is named in it.

A file is known by its real path (links followed), so a link and its target share their state.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import platformdirs

from . import APP_NAME

# file_key()'s names, and versions.new_history()'s: a stem, a hyphen and 16 hex digits
KEY = r"[\w.-]{0,40}-[0-9a-f]{16}"


def state_folder(*parts: str) -> Path:
    return platformdirs.user_state_path(APP_NAME).joinpath(*parts)


def file_key(original: Path | str) -> str:
    """A short, safe, unique name for a project file: its stem and a digest of its real path."""
    digest = hashlib.sha256(str(Path(original).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{safe_stem(original)}-{digest}"


def safe_stem(original: Path | str) -> str:
    """The file's stem as a folder's name may hold it, for whoever looks in the state folder."""
    return re.sub(r"[^\w.-]+", "_", Path(original).stem)[:40]
