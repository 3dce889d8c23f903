"""Starting answers for each kind of business, kept as data under assets/presets/.

A preset holds only the answers that differ from the model's defaults; it is merged over them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from .model import Project
from .resources import resource_path


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    description: str
    answers: dict[str, Any]

    def project(self) -> Project:
        """A new project filled with this preset's answers."""
        return Project.model_validate(_merge(Project().model_dump(mode="json"), self.answers))


@cache
def presets() -> dict[str, Preset]:
    """Every shipped preset by name, general B2B first."""
    found = {}
    for path in sorted(resource_path("assets", "presets").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = Preset(path.stem, data["title"], data["description"], data["answers"])
    return dict(sorted(found.items(), key=lambda item: item[0] != "general_b2b"))


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = (_merge(base[key], value)
                       if isinstance(value, dict) and isinstance(base.get(key), dict) else value)
    return merged
