"""The owner's own wording in the window: Edit wording and Add a rule here from the preview's
context menu, revert to the generated text, and a bar that says when wording may be stale. The
same menu, and a double-click, go from the words of the preview to the answer behind them.

Every change is one undoable edit of the project's wording or owner clauses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop.model import ClauseWording, OwnerClause
from smpolicy_desktop.questions import answer_behind
from smpolicy_desktop.render import (
    TITLE_BLOCK,
    clause_names,
    clause_texts,
    own_wording,
    stale_wording,
)
from ui.find_bar import highlights, qt_spans
from ui.keyboard import tab_moves_on
from ui.notice_bar import NoticeBar
from ui.project_model import ProjectModel, label_of
from ui.screen_fit import fit_text_to_screen

NEW_WORDS = "#fff0a8"  # behind the words the changed answers brought, in Compare
HELP = ("One line per paragraph. Start a line with \"- \" for a bullet, \"1. \" for a "
        "numbered step, or \"| \" for a table row (cells between \" | \").")


def clause_at(view: QTextBrowser, position: QPoint) -> str:
    """The id of the clause (or section) shown at a point of the preview: the heading
    anchor at or above it."""
    block = view.cursorForPosition(position).block()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            names = iterator.fragment().charFormat().anchorNames()
            if names:
                return names[0]
            iterator += 1
        block = block.previous()
    return ""


class Wording:
    """The wording actions on one ProjectModel, asking in dialogs over `parent`."""

    def __init__(self, model: ProjectModel, parent: QWidget):
        self.model, self.parent = model, parent

    def headings(self, clause_ids: Iterable[str]) -> dict[str, str]:
        return clause_names(self.model.project, clause_ids, self.model.workspace.document())

    def edit(self, clause_id: str) -> bool:
        """Ask for new wording of the clause; True when it was changed."""
        project = self.model.project
        document_text = clause_texts(self.model.workspace.document())
        current = project.wording_for(clause_id)
        words = current if current is not None and not current.title_only else None
        stale = stale_wording(project, self.model.workspace.document).get(clause_id)
        dialog = WordingDialog(self.headings([clause_id])[clause_id],  # as the policy says it:
                               document_text.get(clause_id, words.text if words else ""),
                               # the wording with what the answers changed since (when apart)
                               words is not None, stale, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog.choice == "revert":
            self.revert(clause_id)
        elif dialog.choice == "keep":  # the new generated text is read: no longer stale
            self._set_wording(clause_id, own_wording(project, clause_id, current.text,
                                                     current.title), "Keep your wording")
        else:
            self._set_wording(clause_id, own_wording(project, clause_id, dialog.text(),
                                                     current.title if current else ""),
                              "Edit wording")  # the dialog edits the words: a title stays
        return True

    def revert(self, clause_id: str) -> None:
        """The generated words back; a title the clause was given (by the owner or by counsel)
        stays, until this is done again on the title alone."""
        current = self.model.project.wording_for(clause_id)
        title = current.title if current is not None and not current.title_only else ""
        self._set_wording(clause_id, ClauseWording(clause_id=clause_id, title=title,
                                                   title_only=True) if title else None,
                          _revert_text(current))

    def add_rule(self, after_clause: str) -> bool:
        """Ask for a rule of the owner's own, to follow the clause (or open the section)."""
        project = self.model.project
        section = _section_of(self.model, after_clause)
        if not section:
            return False
        dialog = RuleDialog(self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text().strip():
            return False
        clause = OwnerClause(id=project.new_owner_clause_id(), section_id=section,
                             after="" if after_clause == section else after_clause,
                             title=dialog.title.text().strip(), text=dialog.text())
        self.model.set_value(("owner_clauses",), [*project.owner_clauses, clause],
                             "Add a rule", typing=False)
        return True

    def _set_wording(self, clause_id: str, wording: ClauseWording | None, text: str) -> None:
        wordings = self.model.project.wording
        # In its place in the list: the same wording saved again is no change (no undo step).
        at = next((i for i, w in enumerate(wordings) if w.clause_id == clause_id), len(wordings))
        others = [w for w in wordings if w.clause_id != clause_id]
        kept = others[:at] + ([wording] if wording else []) + others[at:]
        self.model.set_value(("wording",), kept, text, typing=False)

    def fill_menu(self, menu, clause_id: str) -> None:
        """The wording actions for the clause under the cursor, added to a context menu."""
        if not clause_id or clause_id == TITLE_BLOCK:
            return
        heading = self.headings([clause_id])[clause_id]
        menu.addSeparator()
        menu.addAction(f"Edit wording of {heading}...", lambda: self.edit(clause_id))
        current = self.model.project.wording_for(clause_id)
        if current is not None:
            menu.addAction(_revert_text(current), lambda: self.revert(clause_id))
        menu.addAction("Add a rule here...", lambda: self.add_rule(clause_id))


def _revert_text(wording: ClauseWording | None) -> str:
    """What reverting the clause's wording does, as its menu item and undo step say it."""
    if wording is not None and wording.title_only:
        return "Revert to the generated title"
    if wording is not None and wording.title:
        return "Revert to the generated wording (keeps the title)"
    return "Revert to the generated wording"


def _section_of(model: ProjectModel, clause_id: str) -> str:
    section = ""
    for block in model.workspace.document().blocks:
        if block.kind == "heading1":
            section = block.clause_id
        if block.clause_id == clause_id and block.kind in ("heading1", "heading2"):
            return section
    return ""


class WordingDialog(QDialog):
    """Edit a clause's words; when stale, the new generated text shows beside them.

    `choice` is "save", "revert" or "keep" (keep the wording, the new text read).
    """

    def __init__(self, heading: str, text: str, worded: bool, stale: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent, objectName="wordingDialog")
        self.setWindowTitle(f"Wording of {heading}")
        self.choice = "save"
        layout = QVBoxLayout(self)
        self.editor = tab_moves_on(QPlainTextEdit(objectName="wordingEditor"))
        self.editor.setPlainText(text)
        sides = QHBoxLayout()
        mine = QVBoxLayout()
        # names the box, Alt+W or Alt+T goes there; the wording may be counsel's
        mine.addWidget(QLabel("&Wording kept for this clause:" if worded else "&The clause says:",
                              buddy=self.editor))
        mine.addWidget(self.editor)
        sides.addLayout(mine, 1)
        self.stale_text = None
        if stale is not None:
            self.stale_text = QPlainTextEdit(objectName="generatedText", readOnly=True,
                                             tabChangesFocus=True)
            self.stale_text.setPlainText(stale)
            theirs = QVBoxLayout()
            theirs.addWidget(QLabel("An answer behind this clause has changed. The app would "
                                    "now write:", wordWrap=True, objectName="staleWarning",
                                    buddy=self.stale_text))
            theirs.addWidget(self.stale_text)
            sides.addLayout(theirs, 1)
            self.stale_text.setExtraSelections(highlights(
                self.stale_text.document(), _new_words(text, stale), QColor(NEW_WORDS)))
        layout.addLayout(sides)
        layout.addWidget(QLabel(HELP, wordWrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        # "Save" alone read as saving the project file
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save wording")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if worded:
            revert = buttons.addButton("Use the &generated text",
                                       QDialogButtonBox.ButtonRole.ResetRole)
            revert.setObjectName("revertButton")
            revert.clicked.connect(lambda: self._close_with("revert"))
        if stale is not None:
            keep = buttons.addButton("&Keep the wording as it is",
                                     QDialogButtonBox.ButtonRole.ActionRole)
            keep.setObjectName("keepButton")
            keep.clicked.connect(lambda: self._close_with("keep"))
        layout.addWidget(buttons)
        fit_text_to_screen(self, 117 if stale is not None else 80, 25)  # 820/560x380, 10pt

    def _close_with(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def text(self) -> str:
        return self.editor.toPlainText().strip()


def _new_words(wording: str, generated: str) -> list[tuple[int, int]]:
    """Where the generated text has words the wording does not: (start, end) in generated, as
    Qt counts, so the owner sees what the changed answer brought (a new name was easy to miss)."""
    ours, theirs = ([(m.span(), m.group()) for m in re.finditer(r"\S+", text)]
                    for text in (wording, generated))
    matcher = SequenceMatcher(None, [w for _, w in ours], [w for _, w in theirs],
                              autojunk=False)
    return qt_spans(generated, [(theirs[j1][0][0], theirs[j2 - 1][0][1])
                                for tag, _, _, j1, j2 in matcher.get_opcodes()
                                if tag in ("replace", "insert")])


class RuleDialog(QDialog):
    """A new rule of the owner's own: a title and its words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="ruleDialog")
        self.setWindowTitle("Add a rule")
        layout = QFormLayout(self)
        self.title = QLineEdit(objectName="ruleTitle", placeholderText="e.g. Personal devices")
        self.editor = tab_moves_on(QPlainTextEdit(objectName="ruleText"))
        layout.addRow("Title", self.title)
        layout.addRow("Rule", self.editor)
        layout.addRow(QLabel(HELP, wordWrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def text(self) -> str:
        return self.editor.toPlainText().strip()


class StaleBar(NoticeBar):
    """Says which reworded clauses may be stale, with a button to compare each."""

    def __init__(self, wording: Wording, parent: QWidget | None = None):
        super().__init__("staleBar", "Compare...", parent=parent)
        self.wording = wording
        (self.compare,) = self.buttons
        self.compare.clicked.connect(self._compare)
        self.stale: list[str] = []

    def refresh(self) -> None:
        project = self.wording.model.project
        self.stale = list(stale_wording(project, self.wording.model.workspace.document))
        if not self.stale:
            self.hide()
            return
        headings = self.wording.headings(self.stale)
        names = ", ".join(headings[c] for c in self.stale)
        # The wording may be counsel's (an accepted change) as well as the owner's own.
        self.message.setText(f"Wording kept as written may be out of date: an answer behind "
                             f"{names} has changed since it was written.")
        self.show()

    def _compare(self) -> None:
        if self.stale:
            self.wording.edit(self.stale[0])


def install(window) -> Wording:
    """Hook the wording actions into the window's preview (context menu, stale bar), and the
    way from its words to the answer behind them (the menu, a double-click)."""
    wording = Wording(window.model, window)
    preview = window.preview
    preview.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def answer_at(position: QPoint, clause_id: str) -> tuple:
        return answer_behind(window.model.project, _section_of(window.model, clause_id),
                             preview.cursorForPosition(position).block().text())

    def go_to_answer(position: QPoint) -> None:
        if path := answer_at(position, clause_at(preview, position)):
            window.focus_field(path)

    def menu_at(position: QPoint) -> None:
        menu = preview.createStandardContextMenu(position)
        menu.setParent(preview, menu.windowFlags())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setObjectName("previewMenu")
        for action in menu.findChildren(QAction, "link-copy"):  # the policy has no links
            menu.removeAction(action)
        clause_id = clause_at(preview, position)
        if path := answer_at(position, clause_id):
            first = menu.actions()[0]
            menu.insertAction(first, menu.addAction(f"Go to the Answer: {label_of(path)}",
                                                    lambda: window.focus_field(path)))
            menu.insertSeparator(first)
        wording.fill_menu(menu, clause_id)
        menu.popup(preview.mapToGlobal(position))

    preview.customContextMenuRequested.connect(menu_at)
    preview.double_clicked.connect(go_to_answer)
    bar = StaleBar(wording)
    column = window.banner.parentWidget().layout()  # under the review-date banner
    column.insertWidget(column.indexOf(window.banner) + 1, bar)
    window.stale_bar = bar
    # after each change's one render, not at every key (it renders what it compares with)
    window.rendering.rendered.connect(lambda _document: bar.refresh())
    return wording

