"""A child process that saves a project over and over, the way the window does, until killed.

Run as `python -m tests.reliability.save_loop FILE`; prints "ready" once it has started saving.
"""

from __future__ import annotations

import sys
from pathlib import Path

from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import save_project


def versions() -> tuple[Project, Project]:
    """Two clearly different projects, large enough that a save takes a while."""
    first, second = Project(), Project()
    first.company.name, second.company.name = "Before Ltd", "After Ltd"
    first.employees.recruiting_posts = "old text line\n" * 40_000
    second.employees.recruiting_posts = "new words here\n" * 30_000
    second.presence.goals = [f"Goal {n}" for n in range(500)]
    return first, second


def main(path: Path) -> None:
    first, second = versions()
    save_project(first, path)
    save_project(first, path)  # from here on a backup always exists
    print("ready", flush=True)
    while True:
        save_project(second, path)
        save_project(first, path)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
