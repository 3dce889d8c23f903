"""File > Export (Word, web page, Markdown, PDF), Send to Counsel, Export Changes and Print,
with the questions around them: where to write, a final version still open, a failed write.

The workspace writes the file and keeps the versions sent to counsel; this asks and tells.
"""

from __future__ import annotations

from pathlib import Path

from ui.editors import take_typing


class ExportCommands:
    """The window's export and print commands; `window.settings` keeps the export folder."""

    def __init__(self, window):
        self.window = window
        self.model = window.model

    def export(self, fmt: str, changes_since_last: bool = False, send: bool = False
               ) -> Path | None:
        """Export through a file dialog; failures offer Retry and Save As.

        A Word file sent to counsel is recorded as a version (never an undo step); a changes
        export compares with one of those (the owner picks which) and never moves it.
        """
        from smpolicy_desktop.checks.readiness import risky_left
        from smpolicy_desktop.exporters import ExportError
        from smpolicy_desktop.safe_write import WriteError
        from smpolicy_desktop.storage import ProjectFileError
        from ui import dialogs
        from ui.review_panel import choose_version

        window = self.window
        take_typing(self.window)
        line_numbers = fmt == "docx" and window.line_numbers_action.isChecked()
        if not self._final_confirmed():
            return None
        against = choose_version(window, self.model.workspace) if changes_since_last else None
        if changes_since_last and (against is None or not self._undecided_confirmed()):
            return None
        # A name of its own, so saving the redline does not offer to replace the clean draft.
        command = window.send_action if send else window.export_changes_action \
            if changes_since_last else window.export_actions[fmt]
        title = command.text().replace("&", "").removesuffix("...")  # as the menu says it
        path = self._ask_path(fmt, title, stem=f" - changes since {against}" if against else "")
        while path is not None:
            try:
                self.model.workspace.export(
                    path, fmt, line_numbers=line_numbers,
                    changes_since_last=changes_since_last, against=against, remember=send)
            except ExportError as exc:
                reason = exc.reason[:1].upper() + exc.reason[1:]
                dialogs.show_error(window, "Cannot export", f"{reason}.")
                return None
            except ProjectFileError as exc:  # written; the project's record of it not saved
                reason = exc.reason.removeprefix("could not save: ")
                dialogs.show_error(window, "Exported, but the project is not saved", (
                    f"{path.name} was written, but {exc.path.name} could not be saved with "
                    f"the record that this version was sent: {reason}. The record is kept as "
                    "an unsaved change: save the project (File > Save or Save As)."))
                self.update_changes_action()
                return path
            except WriteError as exc:
                answer = dialogs.export_failed(window, path, exc.reason)
                if answer == "save_as":
                    path = self._ask_path(fmt, title, path)
                elif answer != "retry":
                    path = None
                continue
            window.settings.setValue("export_folder", str(path.parent))
            self.update_changes_action()
            dialogs.export_done(window, path,
                                self.model.project.sent_versions[-1].id if send else "",
                                warning=risky_left(self._findings()))
            return path
        return None

    def update_changes_action(self, _path: tuple = ()) -> None:
        """Export Changes needs a project shown with a version sent to counsel of its kind."""
        self.window.export_changes_action.setEnabled(self.window.showing_project()
                                                     and self.model.workspace.has_baseline)

    def _ask_path(self, fmt: str, title: str, previous: Path | None = None,
                  stem: str = "") -> Path | None:
        from smpolicy_desktop.exporters import EXPORTERS
        from ui import dialogs

        exporter = EXPORTERS[fmt]
        folder = self.window.settings.value("export_folder", self.window.files.folder())
        suggested = previous or Path(folder) / (
            f"{self.model.workspace.suggested_name()}{stem}.{exporter.extension}")
        return dialogs.ask_save_path(self.window, title, suggested, exporter.label,
                                     exporter.extension)

    def _undecided_confirmed(self) -> bool:
        """Counsel's reply open with changes neither accepted nor rejected: the redline shows
        the project as it stands, so they would read as changes the owner did not take, and
        nothing said so (found by a tester). Ask first (the answer defaults to going back)."""
        from ui import dialogs

        panel = self.window.review_panel
        count = sum(not item.is_comment and item.id not in panel.decisions
                    for item in (panel.reply.items if panel.reply else ()))
        return not count or dialogs.confirm(
            self.window, "Export Changes for Counsel",
            f"Counsel's reply still has {count} change{'s' if count > 1 else ''} you have not "
            "accepted or rejected. The redline shows the policy as it stands, so counsel will "
            f"see {'them' if count > 1 else 'it'} as not taken. Export anyway?", "Export Anyway")

    def _final_confirmed(self) -> bool:
        """A final version with risky sentences, reviewers not approved or a review date
        passed: ask first (the answer defaults to going back)."""
        from ui import dialogs

        items = self.open_before_final()
        return not items or dialogs.confirm_final(self.window, items)

    def open_before_final(self) -> list[str]:
        """What a version marked final would go out with (risky sentences, reviewers not
        approved); nothing for a draft."""
        project = self.model.project
        if not project.review.final:
            return []
        from smpolicy_desktop.checks.readiness import open_before_final

        return open_before_final(project, self._findings())

    def _findings(self) -> list | None:
        """The risk check's findings on the project as it stands; None if it could not run.
        When the background check is behind (an export just after typing), it runs now and
        the window waits for it with a busy cursor, painting: run here instead, it froze the
        window for seconds on a big project."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        rendering, status = self.window.rendering, self.window.statusBar()
        waits = rendering.behind()
        if waits:
            status.showMessage("Checking the policy for risky rules...")
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        result = rendering.current_check()
        if waits:
            QApplication.restoreOverrideCursor()
            status.clearMessage()
        return None if result is None else result.findings

    def print_policy(self) -> None:
        from ui.printing import print_policy

        take_typing(self.window)
        document, path = self.model.workspace.document(), self.model.path
        print_policy(self.window, document, path.stem if path else document.title)
