"""The window's questions and messages: unsaved changes, recovery, errors, export results.

Each function shows one dialog and returns the user's answer as a plain value, so the window
reads like the story it tells and tests can answer for the user.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtGui import Qt as QtText  # the text functions: mightBeRichText...
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop import __version__
from smpolicy_desktop.autosave import Autosave
from smpolicy_desktop.law import law_as_of
from ui.screen_fit import fit_text_to_screen, fit_to_screen

if TYPE_CHECKING:
    from smpolicy_desktop.file_watch import Holder


def message_box(icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
                parent: QWidget | None = None) -> QMessageBox:
    """A QMessageBox that shows its words as they are: Qt reads a text with a tag in it as
    HTML, so a file named "Q4 <draft>.smpolicy" would show as "Q4 .smpolicy"."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text too
    return box


def _app_date(when: date) -> str:
    """A date where no project speaks (About, the recovery list, a backup, a file open
    elsewhere), as the user's system writes one: "December 4, 2026" on a US system, else
    "4 December 2026" (long_date_in). It read day-first on a US system (found by a tester)."""
    from smpolicy_desktop.dates import long_date_in  # not in the frame: it loads the model

    return long_date_in(system_spelling(), when)


def system_spelling() -> str:
    """The spelling (for dates) of the user's country, as the system's locale says: "US",
    else "UK"."""
    us = QLocale().territory() == QLocale.Country.UnitedStates  # the system's, unless set
    return "US" if us else "UK"


def _when(moment: datetime) -> str:
    """A moment as the app's lists show it: "4 December 2026, 09:12"."""
    return f"{_app_date(moment)}, {moment:%H:%M}"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is (a tooltip with a tag in it is read as HTML)."""
    return QtText.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def ask_unsaved_changes(parent: QWidget, path: Path | None, doing: str = "closing") -> str:
    """"save", "discard" or "cancel" for the project saved at `path` (None: never saved) with
    unsaved changes, before `doing` ("opening another project")."""
    name = path.name if path else "this new project"
    box = message_box(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"Save the changes to {name} before {doing}?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText("If you don't save, your changes since the last save are lost."
                           if path else "This project has never been saved. If you don't save "
                           "it, all its answers are lost.")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    # Alt+S and Alt+D answer from the keyboard (Qt's own words here have no mnemonics).
    box.button(QMessageBox.StandardButton.Save).setText("&Save")
    box.button(QMessageBox.StandardButton.Discard).setText("&Don't Save")
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(answer), "cancel")


def ask_save_restored(parent: QWidget, restored: str, asked_for: str) -> bool:
    """At the start, before the file asked for replaces work the owner has just restored: True
    to save that work first. There is no Don't Save: one click must not lose what Restore
    brought back (the recovery offer's Discard, which asks again, is the way to drop it)."""
    box = message_box(QMessageBox.Icon.Warning, "Save the restored work",
                      f"The window shows the unsaved work restored for {restored}. Save it "
                      f"before opening {asked_for}?", parent=parent)
    box.setInformativeText(f"Cancel keeps the restored work here, unsaved, and does not open "
                           f"{asked_for}; you can open it later with File > Open.")
    save = box.addButton(QMessageBox.StandardButton.Save)
    box.setDefaultButton(save)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is save


def choose_recovery(parent: QWidget, found: list[Autosave]) -> tuple[str, Autosave | None]:
    """After a crash: ("restore", the autosave), ("discard", None) once the user has confirmed
    that the work goes for good, or ("later", None): closed, so it is offered again next time."""
    dialog = QDialog(parent, windowTitle="Restore unsaved work")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("smpolicy did not close properly. This unsaved work was kept:",
                            wordWrap=True))
    choices = QListWidget(objectName="autosaves")
    choices.setWordWrap(True)
    older = [autosave.file_saved_later() for autosave in found]
    for autosave, saved in zip(found, older, strict=True):
        where = str(autosave.original.parent) if autosave.original else "never saved"
        # work older than a later save was offered as if it were the newest (found by a tester)
        warning = "" if saved is None else (
            f"\nOlder than the saved file: this work is from {_when(autosave.saved_at)}; "
            f"{autosave.name} was saved later, {_when(saved)}. Restore it only if you want "
            "this older work back.")
        choices.addItem(f"{autosave.name}, {_when(autosave.saved_at)}\n{where}{warning}")
    layout.addWidget(choices)
    layout.addWidget(QLabel("Restore opens the work as unsaved changes. If you close this "
                            "window, it is offered again next time. Discard deletes it for "
                            "good.", wordWrap=True))
    buttons = QDialogButtonBox()
    restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
    discard = buttons.addButton("&Discard all..." if len(found) > 1 else "&Discard...",
                                QDialogButtonBox.ButtonRole.DestructiveRole)
    later = buttons.addButton("&Later", QDialogButtonBox.ButtonRole.RejectRole)  # Alt+R, D, L
    buttons.clicked.connect(lambda button: dialog.done(
        {restore: 1, discard: 2}.get(button, 0)))
    def by_default(row: int) -> None:  # Enter restores, but not work older than its file
        (restore if older[row] is None else later).setDefault(True)

    layout.addWidget(buttons)  # in the dialog first: a default set outside it is not kept
    choices.currentRowChanged.connect(by_default)
    choices.setCurrentRow(0)
    by_default(0)
    fit_text_to_screen(dialog, 86, 20)  # 600x300 at 10 points
    question = ("Delete this unsaved work for good?" if len(found) == 1 else
                f"Delete all {len(found)} pieces of unsaved work for good?")
    while (answer := dialog.exec()) == 2:  # Discard: asked again; Cancel comes back here
        if confirm(parent, "Discard unsaved work", question, "Discard"):
            return "discard", None
    if answer == 1:
        return "restore", found[max(choices.currentRow(), 0)]
    return "later", None


def confirm(parent: QWidget | None, title: str, question: str, action: str) -> bool:
    """Ask before something that cannot be undone; only the named action says yes."""
    box = message_box(QMessageBox.Icon.Warning, title, question, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is yes


def go_on_without(parent: QWidget, refused: list[str], doing: str) -> bool:
    """Answers typed and refused (each "Title: why") are in no file: True to go on `doing`
    without them, False to go back to them."""
    said = "\n".join(f"\u2022 {why}" for why in refused)
    return confirm(parent, "Not saved", f"What you typed here was not saved:\n{said}\n\nGo "
                   f"back to change it, or go on {doing} without it.", "Go On Without It")


def ask_save_path(parent: QWidget, title: str, suggested: Path, kind: str,
                  extension: str) -> Path | None:
    """The file to write (`kind` files, `extension` without its dot), chosen in the save
    dialog, with the extension added when the owner typed the name without it. The dialog asks
    before replacing the file named as typed, not the one the extension makes of it: typing
    "Counsel reply" replaced counsel's "Counsel reply.docx" without a word. That one is asked
    here; None if the owner keeps it."""
    chosen = save_file_name(parent, title, suggested, kind, extension)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() == f".{extension}":
        return path
    path = path.with_name(f"{path.name}.{extension}")
    if os.path.exists(path) and not confirm(parent, title, f"{path.name} already exists. Do you "
                                     "want to replace it?", "Replace"):
        return None
    return path


def save_file_name(parent: QWidget, title: str, suggested: Path, kind: str,
                   extension: str) -> str:
    """The name chosen in the save dialog ("" if none), see _file_name."""
    return _file_name(parent, title, str(suggested), f"{kind} (*.{extension})",
                      QFileDialog.AcceptMode.AcceptSave)


def open_file_name(parent: QWidget, title: str, folder: str, filters: str) -> str:
    """The file chosen in the open dialog ("" if none), see _file_name."""
    return _file_name(parent, title, folder, filters, QFileDialog.AcceptMode.AcceptOpen)


def _file_name(parent: QWidget, title: str, start: str, filters: str,
               mode: QFileDialog.AcceptMode) -> str:
    """The file dialog, opened at its own size where the screen has room for it: Qt's opened at
    that size (632x412) on every screen, taller than 1366x768 at 2x (683x384 to the app), its
    file types and Cancel below the edge."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setAcceptMode(mode)
    if mode == QFileDialog.AcceptMode.AcceptOpen:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    fit_to_screen(dialog, dialog.sizeHint().width(), dialog.sizeHint().height())
    chosen = dialog.selectedFiles()[0] if dialog.exec() else ""
    dialog.deleteLater()
    return chosen


def ask_file_changed(parent: QWidget, name: str) -> str:
    """Saving over a file changed elsewhere: "reload", "save_as", "overwrite" or "cancel"."""
    box = message_box(QMessageBox.Icon.Warning, "File changed elsewhere",
                      f"{name} was changed by another window or program since you opened or "
                      "saved it here.", parent=parent)
    box.setInformativeText("Reload shows the other version (your changes here are dropped). "
                           "Save As keeps both. Overwrite replaces the other version with "
                           "yours (it stays in File > Versions).")
    reload = box.addButton("Reload", QMessageBox.ButtonRole.DestructiveRole)
    save_as = box.addButton("Save As...", QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    return {reload: "reload", save_as: "save_as", overwrite: "overwrite"}.get(
        box.clickedButton(), "cancel")


def ask_reload(parent: QWidget, name: str) -> bool:
    """The open file changed on disk and this window has no unsaved changes: show it?"""
    box = message_box(QMessageBox.Icon.Information, "File changed elsewhere",
                      f"{name} was changed by another window or program. Show the new "
                      "version?", parent=parent)
    reload = box.addButton("Reload", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep This Version", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload)
    box.exec()
    return box.clickedButton() is reload


def ask_open_elsewhere(parent: QWidget, name: str, holder: Holder) -> str:
    """The file is open in another window: "read_only", "edit" (anyway) or "cancel"."""
    box = message_box(QMessageBox.Icon.Warning, "Open elsewhere",
                      f"{name} is already open ({holder.says(system_spelling())}).",
                      parent=parent)
    synced = ("It was opened on another computer, and the synced folder brought word of it "
              "here; if it is no longer open there (switched off or crashed with it open), "
              "edit it anyway. " if holder.synced else "")
    box.setInformativeText(f"{synced}Open it read-only to look at it, or edit it anyway: then "
                           "the window that saves second is warned before it overwrites.")
    read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
    edit = box.addButton("Edit Anyway", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    return {read_only: "read_only", edit: "edit"}.get(box.clickedButton(), "cancel")


def show_error(parent: QWidget, title: str, reason: str) -> None:
    message_box(QMessageBox.Icon.Warning, title, reason, parent=parent).exec()


def export_failed(parent: QWidget, path: Path, reason: str) -> str:
    """"retry", "save_as" or "cancel" after an export could not be written."""
    box = message_box(QMessageBox.Icon.Warning, "Export failed",
                      f"Could not write {path.name}: {reason}.", parent=parent)
    if "full" in reason:  # the disk or the quota
        advice = "Free some space on the disk and try again, or choose another place."
    elif "permission" in reason:
        advice = ("Close the file if it is open in another program and try again, or choose "
                  "another place.")
    else:
        advice = "Choose another place, or try again."
    box.setInformativeText(f"Your project is unchanged. {advice}")
    retry = box.addButton(QMessageBox.StandardButton.Retry)
    save_as = box.addButton("Save As...", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.exec()
    return {retry: "retry", save_as: "save_as"}.get(box.clickedButton(), "cancel")


def export_done(parent: QWidget, path: Path, sent_as: str = "", warning: str = "") -> None:
    """Tell the user where the file went (and `sent_as`, the version recorded as sent to
    counsel, if any, and a `warning` of what the risk check still lists), with Open and Show
    in folder."""
    recorded = f" Version {sent_as} is recorded as sent to counsel." if sent_as else ""
    warned = f" {warning} See Risk Check (F7) before you send the file." if warning else ""
    box = message_box(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                      "Export finished", f"Exported to {path.name}.{recorded}{warned}",
                      parent=parent)
    box.setInformativeText(str(path.parent))
    open_file = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
    show_folder = box.addButton("Show in folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_file)
    box.exec()
    if box.clickedButton() is open_file:
        open_with_system(parent, path, f"No program on this computer opens "
                                       f"{path.suffix or 'these'} files.")
    elif box.clickedButton() is show_folder:
        open_with_system(parent, path.parent, "This computer has no file manager the app "
                                              "can open.")


def open_with_system(parent: QWidget, path: Path, reason: str) -> bool:
    """Open a file or folder with the system's program; say so when that fails."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = message_box(QMessageBox.Icon.Warning, "Cannot open", reason, parent=parent)
    box.setInformativeText(f"The file is here:\n{path}")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    return False


def save_failed(parent: QWidget, path: Path, reason: str) -> str:
    """"save_as" or "cancel" after a project could not be saved."""
    reason = reason.removeprefix("could not save: ")  # the core's words say it for the CLI
    box = message_box(QMessageBox.Icon.Warning, "Could not save",
                      f"Could not save {path.name}: {reason}.", parent=parent)
    box.setInformativeText("Your work is still open; use Save As to save it elsewhere.")
    save_as = box.addButton("Save As...", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    return "save_as" if box.clickedButton() is save_as else "cancel"


def offer_backup(parent: QWidget, path: Path, reason: str, backup: Path | None) -> bool:
    """A project that cannot be opened; True when the user wants its backup instead."""
    box = message_box(QMessageBox.Icon.Warning, "Cannot open project",
                      f"{path.name} cannot be opened: {reason}.", parent=parent)
    if backup is None:
        box.setInformativeText("The file is left as it is.")
        box.exec()
        return False
    when = _when(datetime.fromtimestamp(backup.stat().st_mtime))
    kept = (f"the previous save as a backup ({backup.name}, {when})"
            if backup.name.endswith(".bak") else
            f"every save in File > Versions (the last one: {when})")
    left = "Your damaged file is left as it is until you save." if os.path.exists(path) else \
        f"Saving puts it back as {path.name}."  # gone, not damaged (found by a tester)
    box.setInformativeText(f"The app keeps {kept}. Open the backup? {left}")
    open_backup = box.addButton("Open the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(open_backup)
    box.exec()
    return box.clickedButton() is open_backup


def confirm_final(parent: QWidget, open_items: list[str]) -> bool:
    """Before a Final export with things still open; True to export anyway."""
    box = message_box(QMessageBox.Icon.Warning, "Export a final version?",
                      "This version is marked final (no DRAFT mark), but:", parent=parent)
    box.setInformativeText("\n".join(f"\u2022 {item}" for item in open_items))
    go = box.addButton("Export as final anyway", QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is go


def about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, "About smpolicy",
        f"<h3>smpolicy {__version__}</h3>"
        "<p>Draft your company's social media policy, offline, and export an editable Word "
        "document for your lawyer.</p>"
        "<p><b>smpolicy does not give legal advice.</b> Have a lawyer review your policy "
        "before you use it.</p>"
        f"<p>Law as of {_app_date(law_as_of())}: the policy follows the law of the United "
        "States (federal and state rules), the United Kingdom, Canada and Australia. The risk "
        "check knows United States law only.</p>")
