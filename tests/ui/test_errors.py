"""Errors say what happened and offer a way out: a file nothing can open, a failed save, a
damaged project with a backup, a final version with things still open."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from ui import dialogs


def answer(click: str, seen: list[str], *then: str) -> None:
    """When the next message box shows, note its texts and click the button named `click`;
    then answer the boxes that follow with `then`, in order."""
    def respond() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, respond)
            return
        seen.extend([box.text(), box.informativeText()])
        if then:
            answer(then[0], seen, *then[1:])
        next(b for b in box.buttons() if b.text().replace("&", "") == click).click()
    QTimer.singleShot(0, respond)


def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_open_after_export_says_so_when_nothing_can_open_the_file(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    path = tmp_path / "policy.docx"
    path.write_bytes(b"x")
    seen: list[str] = []
    answer("Open", seen, "OK")
    dialogs.export_done(parent(qtbot), path)
    assert seen[2] == "No program on this computer opens .docx files."
    assert str(path) in seen[3]


def test_a_failed_save_offers_save_as(qtbot, tmp_path):
    seen: list[str] = []
    answer("Save As...", seen)
    choice = dialogs.save_failed(parent(qtbot), tmp_path / "p.smpolicy", "the disk is read-only")
    assert choice == "save_as"
    assert seen[0] == "Could not save p.smpolicy: the disk is read-only."


def test_a_save_into_a_folder_that_is_gone_says_so_once(qtbot, tmp_path):
    from smpolicy_desktop.model import Project
    from smpolicy_desktop.storage import ProjectFileError, save_project

    folder = tmp_path / "usb stick"
    folder.mkdir()
    save_project(Project(), folder / "p.smpolicy")
    shutil.rmtree(folder)  # unplugged, or moved by a sync client
    with pytest.raises(ProjectFileError) as failed:
        save_project(Project(), folder / "p.smpolicy")
    seen: list[str] = []
    answer("Cancel", seen)
    dialogs.save_failed(parent(qtbot), folder / "p.smpolicy", failed.value.reason)
    assert seen[0] == "Could not save p.smpolicy: the folder does not exist."


SAVE_AS_TYPED = """import sys
from smpolicy_desktop.storage import ProjectFileError
from smpolicy_desktop.workspace import Workspace
workspace = Workspace.open(sys.argv[1])
workspace.project.company.name = "Changed"
try:
    workspace.save()
except ProjectFileError as exc:
    print(exc.reason)
"""


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_save_into_a_read_only_folder_says_so_first_and_changes_nothing(qtbot):
    """The box led with the backup: "Could not save p.smpolicy: could not keep the backup:
    permission denied (the file may be open in another program, or the folder is read-only)"
    (found by a tester). A real read-only folder: as root (CI) the save runs as 'nobody'."""
    from tests.conftest import REPO

    folder, state = (Path(tempfile.mkdtemp(prefix=prefix)) for prefix in ("read-only-", "xdg-"))
    project = folder / "p.smpolicy"
    project.write_bytes((REPO / "assets" / "examples" / "northwind.smpolicy").read_bytes())
    before = project.read_bytes()
    try:
        for path, mode in ((project, 0o644), (folder, 0o555), (state, 0o777)):
            path.chmod(mode)
        command = [sys.executable, "-c", SAVE_AS_TYPED, str(project)]
        if os.geteuid() == 0:  # the file is the user's own, its folder read-only
            os.chown(project, 65534, 65534)
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        env = {**os.environ, "HOME": str(state), "XDG_STATE_HOME": str(state),
               "XDG_CACHE_HOME": str(state), "PYTHONPATH": str(REPO)}
        run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120,
                             env=env)
        assert run.stderr == ""
        seen: list[str] = []
        answer("Cancel", seen)
        dialogs.save_failed(parent(qtbot), project, run.stdout.strip())
        assert seen == [f"Could not save p.smpolicy: the folder {folder} is read-only.",
                        "Your work is still open; use Save As to save it elsewhere."]
        assert [p.name for p in folder.iterdir()] == ["p.smpolicy"]  # no backup, no leftover
        assert project.read_bytes() == before
    finally:
        folder.chmod(0o755)
        for made in (folder, state):
            shutil.rmtree(made)


@pytest.mark.parametrize("reason, advice", [
    ("the disk is full", "Free some space on the disk"),
    ("permission denied (the file may be open in another program, or the folder is "
     "read-only)", "Close the file if it is open in another program"),
    ("the disk is read-only", "Choose another place"),
])
def test_a_failed_export_gives_advice_that_fits_the_reason(qtbot, tmp_path, reason, advice):
    seen: list[str] = []
    answer("Cancel", seen)
    dialogs.export_failed(parent(qtbot), tmp_path / "policy.docx", reason)
    assert seen[0] == f"Could not write policy.docx: {reason}."
    assert seen[1].startswith(f"Your project is unchanged. {advice}")


def test_a_damaged_project_offers_its_backup(qtbot, tmp_path):
    damaged = tmp_path / "policy.smpolicy"
    backup = tmp_path / "policy.smpolicy.bak"
    backup.write_text("{}")
    seen: list[str] = []
    answer("Open the backup", seen)
    assert dialogs.offer_backup(parent(qtbot), damaged, "the file is damaged", backup)
    assert "policy.smpolicy.bak" in seen[1] and "JSON" not in " ".join(seen)
    answer("OK", seen)
    assert not dialogs.offer_backup(parent(qtbot), damaged, "the file is damaged", None)


def test_a_damaged_project_without_a_backup_offers_its_last_kept_version(qtbot, tmp_path):
    damaged = tmp_path / "policy.smpolicy"
    version = tmp_path / "20261203T045512.000001.smpolicy"
    version.write_text("{}")
    seen: list[str] = []
    answer("Open the backup", seen)
    assert dialogs.offer_backup(parent(qtbot), damaged, "the file is damaged", version)
    assert seen[1].startswith("The app keeps every save in File > Versions (the last one: ")
    assert "20261203T" not in seen[1]


def test_a_final_version_with_open_items_asks_first_and_defaults_to_going_back(qtbot):
    seen: list[str] = []
    answer("Go back", seen)
    assert not dialogs.confirm_final(parent(qtbot), ["Not approved yet by: Company lawyer."])
    assert "Not approved yet by: Company lawyer." in seen[1]
    answer("Export as final anyway", seen)
    assert dialogs.confirm_final(parent(qtbot), ["x"])


@pytest.mark.parametrize("dialog", ["offer_backup", "save_failed", "export_failed", "show_error"])
def test_a_file_name_with_angle_brackets_is_shown_as_typed_not_read_as_html(qtbot, tmp_path,
                                                                           dialog):
    name = "Q4 <draft> & <b>notes.smpolicy"  # Qt would show "Q4  & notes.smpolicy", in bold
    path = tmp_path / name
    show = {"offer_backup": lambda: dialogs.offer_backup(widget, path, "the file is empty", None),
            "save_failed": lambda: dialogs.save_failed(widget, path, "the disk is read-only"),
            "export_failed": lambda: dialogs.export_failed(widget, path, "the disk is full"),
            "show_error": lambda: dialogs.show_error(widget, "Cannot open",
                                                     f"{name}: the file is empty")}[dialog]
    shown: list[tuple[str, bool]] = []

    def respond() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, respond)
            return
        shown.extend((label.text(), label.textFormat() == Qt.TextFormat.PlainText)
                     for label in box.findChildren(QLabel) if name in label.text())
        box.done(0)

    widget = parent(qtbot)
    QTimer.singleShot(0, respond)
    show()
    assert shown and all(plain for _, plain in shown), shown


@pytest.mark.parametrize(("territory", "written"), [
    (QLocale.Country.UnitedStates, "{since:%B} {since.day}, {since.year}"),
    (QLocale.Country.UnitedKingdom, "{since.day} {since:%B} {since.year}")])
def test_a_file_open_in_another_window_says_since_when_in_a_long_date(qtbot, tmp_path,
                                                                      system_locale, territory,
                                                                      written):
    import json
    from datetime import datetime

    from smpolicy_desktop.file_watch import OpenLock, lock_path

    path = tmp_path / "policy.smpolicy"
    path.write_text("{}")
    other = OpenLock(path)
    assert other.acquire()
    since = datetime.fromisoformat(json.loads(lock_path(path).read_text())["since"])
    seen: list[str] = []
    system_locale(territory)  # the project is not open yet: the app's own date, the system's
    try:
        answer("Cancel", seen)
        assert dialogs.ask_open_elsewhere(parent(qtbot), path.name,
                                          OpenLock.holder(path)) == "cancel"
    finally:
        other.release()
    assert seen[0].startswith("policy.smpolicy is already open (")
    assert seen[0].endswith(f" since {written.format(since=since)}, {since:%H:%M}).")
