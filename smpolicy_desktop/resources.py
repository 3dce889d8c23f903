"""Where the app's shipped files live, from source or inside the PyInstaller bundle.

Every template, preset, icon and reference .docx is found through resource_path().
"""

import sys
from pathlib import Path

_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. resource_path("templates", "reference.docx")."""
    return _ROOT.joinpath(*parts)
