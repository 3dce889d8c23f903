"""A child process: the real window edits a project through its form widgets, then dies.

Run as `python -m tests.reliability.edit_and_crash PROJECT EXPECTED` (QT_QPA_PLATFORM
offscreen). It types and clicks into the forms, waits until the autosave timer has written
those edits, writes the project as autosaved to EXPECTED, makes one more edit, and SIGKILLs
itself before the next autosave can run.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

import ui.main_window
import ui.recovery
from smpolicy_desktop import autosave
from smpolicy_desktop.storage import project_to_bytes
from ui.app import application

AFTER_THE_LAST_AUTOSAVE = "Typed after the last autosave"


def edit_through_the_forms(window) -> None:
    """Edits of each kind of field, as a user makes them."""
    def editor(area: str, name: str):
        window.focus_field((area, name))
        return window.forms[area].editor((area, name))

    name = editor("company", "name")
    name.clear()
    QTest.keyClicks(name, "Typed Before The Crash")
    QTest.mouseClick(editor("company", "publicly_traded"), Qt.MouseButton.LeftButton)
    industry = editor("company", "industry")
    QTest.keyClick(industry, Qt.Key.Key_Down)
    staff = editor("company", "staff_count")
    staff.lineEdit().selectAll()
    QTest.keyClicks(staff, "40")
    QTest.keyClick(staff, Qt.Key.Key_Return)
    QTest.mouseClick(editor("company", "related_policies").boxes["privacy"],
                     Qt.MouseButton.LeftButton)
    goals = editor("presence", "goals")
    QTest.keyClicks(goals.new_item, "Win clients")
    QTest.keyClick(goals.new_item, Qt.Key.Key_Return)
    QTest.keyClicks(editor("employees", "recruiting_posts"), "Share our job posts")


def main(project_file: Path, expected: Path) -> None:
    ui.recovery.AUTOSAVE_MS = 300  # the real timer, just sooner than every 30 s
    application([])
    window = ui.main_window.MainWindow()
    window.start(project_file)
    window.show()
    edit_through_the_forms(window)
    autosaved = autosave.autosave_path(project_file, window.model.workspace.instance)
    while not autosaved.exists():
        QTest.qWait(50)
    window.recovery.timer.stop()  # so the next edit is certainly not autosaved
    expected.write_bytes(project_to_bytes(window.model.project))
    name = window.forms["company"].editor(("company", "name"))
    name.clear()
    QTest.keyClicks(name, AFTER_THE_LAST_AUTOSAVE)
    assert window.model.project.company.name == AFTER_THE_LAST_AUTOSAVE
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
