"""The review panel beside the clauses: counsel's reply, change by change, to accept (as the
clause's wording, as an answer or as a new clause), reject or answer; and the notes exchanged.

It reads the reply with smpolicy_desktop.review; each decision is one undoable edit.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop import REPLY_SUFFIXES
from smpolicy_desktop.dates import day_made, long_date_in
from smpolicy_desktop.document import Document
from smpolicy_desktop.model import Project
from smpolicy_desktop.render import clause_names, in_clauses
from smpolicy_desktop.review import (
    ANSWER,
    DONE_WORDS,
    NEW_CLAUSE,
    WORDING,
    Decision,
    Outcome,
    Reply,
    ReviewError,
    apply_decisions,
    counted,
    cross_references_said,
    formatting_said,
    named_author,
    old_name_back,
    old_name_said,
    risks_added,
)
from ui import dialogs
from ui.dialogs import message_box, plain_tooltip
from ui.keyboard import tab_moves_on
from ui.project_model import ProjectModel
from ui.rendering import CheckResult, Rendering
from ui.scroll_column import lines_high

ACCEPT_AS = {"": "Accept", WORDING: "Accept as the clause's wording",
             ANSWER: "Accept as an answer", NEW_CLAUSE: "Accept as a new clause of your own"}


NO_REPLY = "Open your lawyer's marked-up Word file to go through their changes and comments."


class ReviewPanel(QWidget):
    """Lists the items of the reply opened last, then the notes kept in the project. Several
    picked (Shift, Ctrl, Ctrl+A, or the list's Select This Clause's Changes) are accepted or
    rejected at once, as one undo step.

    `clause_requested(id)` asks the window to show a clause; `message(text)` reports what a
    decision did, in plain words, and again with the risks it brought once the window's check
    (off the window's thread, `rendering`) has read the policy after it.
    """

    clause_requested = Signal(str)
    message = Signal(str)

    def __init__(self, model: ProjectModel, rendering: Rendering,
                 parent: QWidget | None = None):
        super().__init__(parent, objectName="reviewPanel")
        self.model, self.rendering = model, rendering
        self.reply: Reply | None = None
        self.decisions: dict[str, Decision] = {}
        # The project and its findings before the first change accepted since the last check,
        # and what the last one did: the risks the changes brought are told when the check of
        # the policy after them arrives (none if another project is shown by then).
        self._risks_before: tuple[Project, list] | None = None
        self._outcome = Outcome()
        rendering.checked.connect(self._tell_risks)
        layout = QVBoxLayout(self)
        # Plain text: a file name or counsel's words with a tag in them are not HTML
        self.heading = QLabel(NO_REPLY, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.open_button = QPushButton("&Open counsel's reply...")
        self.open_button.clicked.connect(self.ask_for_reply)
        self.items = _FittedList((0.3, 0.2, 0.2), (2, 1), objectName="reviewItems")
        self.items.setHeaderLabels(["Clause", "Change", "By", "Text"])
        self.items.setAccessibleName("Counsel's changes and comments")
        self.items.setRootIsDecorated(False)
        # Shift, Ctrl and Ctrl+A pick many, to decide at once: a Replace All of counsel's is a
        # hundred changes, which had to be accepted one by one
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self.items.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.select_clause = QAction("Select This Clause's Changes", self.items)
        self.select_clause.triggered.connect(self._select_clause)
        self.items.addAction(self.select_clause)
        select_all = QAction("Select All", self.items)  # Ctrl+A is the list's own key
        select_all.triggered.connect(self.items.selectAll)
        self.items.addAction(select_all)
        self.items.itemActivated.connect(self._show_clause)  # Enter, or a double-click
        self.items.currentItemChanged.connect(self._picked)
        self.details = QLabel(wordWrap=True, objectName="reviewDetails",
                              textFormat=Qt.TextFormat.PlainText)
        buttons = QGridLayout()
        self.accept_button = QPushButton("&Accept", objectName="acceptButton")
        self.accept_menu = QMenu(self.accept_button)
        for how, text in ACCEPT_AS.items():
            self.accept_menu.addAction(text, lambda how=how: self.decide("accept", how))
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.accept_as = QPushButton("Accept a&s...", objectName="acceptAsButton")
        self.accept_as.setMenu(self.accept_menu)
        self.reject_button = QPushButton("Re&ject", objectName="rejectButton")
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.reply_button = QPushButton("&Reply...", objectName="replyButton")
        self.reply_button.clicked.connect(self._ask_reply)
        # two a row: the panel may narrow to that where the window has no room (1920x1080 at
        # 2x: the form and the preview scrolled sideways beside a panel with four in a row)
        for at, button in enumerate((self.accept_button, self.accept_as, self.reject_button,
                                     self.reply_button)):
            buttons.addWidget(button, at // 2, at % 2)
        # What the last decision did, whole: the status bar cuts a long warning at the
        # window's width ("...unless it is knowingl" at 1366x768) and clears it after 10 s
        self.outcome = _Told(wordWrap=True, objectName="reviewOutcome",
                             textFormat=Qt.TextFormat.PlainText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = _FittedList((0.4, 0.2), objectName="reviewNotes")
        self.notes.setHeaderLabels(["Clause", "Who", "Note"])
        self.notes.setAccessibleName("Notes between you and counsel")
        self.notes.setRootIsDecorated(True)
        for tree in (self.items, self.notes):  # a clause's name or a note reads whole, wrapped
            tree.setItemDelegate(_Wrapping(tree))
            tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.heading)
        layout.addWidget(self.open_button)
        layout.addWidget(self.items, 4)
        # the buttons stay put whichever change is picked; a Tab stop
        layout.addWidget(lines_high(self.details, 6, "The change picked", fewest=2))
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        layout.addWidget(QLabel("Notes between you and counsel"))
        layout.addWidget(self.notes, 1)
        # The changes to decide get most of the room; short of it, the notes yield theirs
        # down to their header and a line (at 1366x768 at 1.25 they kept four lines, a third,
        # and the list of changes showed one and a half)
        self.notes.setMinimumHeight(self.notes.header().sizeHint().height()
                                    + self.notes.fontMetrics().lineSpacing()
                                    + 2 * self.notes.frameWidth())
        # The list of changes keeps room for a change whole and the start of the next, the
        # box below it yielding to three lines: with a 15pt font at 1366x768 it was squeezed to
        # one row, of which a line or two showed
        self.items.setMinimumHeight(self.items.header().sizeHint().height()
                                    + self.items.fontMetrics().lineSpacing() * 5
                                    + 2 * self.items.frameWidth())
        self._notes_shown: tuple = ()
        self._update_buttons()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As wide as its four buttons side by side, so the list reads whole, but a third of
        the window at most: the form and the preview beside it keep their room."""
        buttons = (self.accept_button, self.accept_as, self.reject_button, self.reply_button)
        margins = self.layout().contentsMargins()
        wide = sum(button.sizeHint().width() for button in buttons) + margins.left() \
            + margins.right() + 3 * self.layout().spacing()
        return super().sizeHint().expandedTo(QSize(min(wide, self.window().width() // 3), 0))

    # --- Opening a reply ---------------------------------------------------------------------

    def ask_for_reply(self, folder: str) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in REPLY_SUFFIXES)
        chosen = dialogs.open_file_name(self, "Open counsel's reply", folder,
                                        f"Counsel's reply ({patterns})")
        if chosen:
            self.open_reply(Path(chosen))

    def open_reply(self, path: Path) -> bool:
        """Read the reply and list it; a file that is no reply says why in the panel."""
        try:
            self.reply = self.model.workspace.read_reply(path)
        except ReviewError as exc:
            self.heading.setText(f"Cannot read {path.name}: {exc.reason}.")
            self.message.emit(f"Cannot read {path.name}: {exc.reason}.")
            return False
        # decided when it was opened before: shown as decided, never offered again
        self.decisions = self.reply.decided(self.model.project)
        self.outcome.clear()
        version = self.reply.version
        before = f" {len(self.decisions)} decided before." if self.decisions else ""
        said = [formatting_said(self.model.project, self.reply,
                                self.model.workspace.document_of_kind(version.kind)),
                old_name_said(self.model.project, self.reply, self.decisions)]
        self.heading.setText(f"{path.name}: counsel's reply to {version.id}, sent "
                             f"{self._date(version.sent_on)}. {self.reply.counted().capitalize()}."
                             f"{before}" + "".join(f" {line[0].upper()}{line[1:]}."
                                                   for line in said if line))
        self._fill()
        self._select_next_open("")  # the first change still open, ready for Accept or Reject
        self.items.setFocus()
        return True

    def close_reply(self) -> None:
        """Another project is shown: the reply open was counsel's on the one before (Accept
        put its words into the next project; found by a tester)."""
        self.reply, self.decisions, self._risks_before = None, {}, None
        self.heading.setText(NO_REPLY)
        self.outcome.clear()
        with QSignalBlocker(self.items):
            self.items.clear()
        self._update_buttons()

    def _date(self, when: datetime) -> str:
        return day_made(self.model.project.company.spelling, when)

    def _by(self, item) -> str:
        """'by Maria Chen, December 4, 2026': who made a change or comment, and when."""
        when = f", {self._date(item.date)}" if item.date else ""
        return f"by {item.made_by}{when}"

    def _fill(self) -> None:
        assert self.reply is not None
        names = clause_names(self.model.project, [clause for item in self.reply.items
                                                  for clause in item.clauses],
                             self.model.workspace.document_of_kind(self.reply.version.kind))
        with QSignalBlocker(self.items):  # the rows' ids may be another reply's
            self.items.clear()
        for item in self.reply.items:
            done = DONE_WORDS.get(self.decisions.get(item.id, Decision("")).action, "")
            row = QTreeWidgetItem([in_clauses(names, item.clauses) or "-",
                                   f"{item.listed_as}{' - ' + done if done else ''}",
                                   item.made_by,
                                   item.words])
            row.setToolTip(2, self._by(item))  # the date too, kept out of a narrow column
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(3, plain_tooltip(item.text))
            row.setDisabled(bool(done))
            self.items.addTopLevelItem(row)
        self.items.fit()
        self._update_buttons()

    # --- Decisions ---------------------------------------------------------------------------

    def current(self):
        row = self.items.currentItem()
        if self.reply is None or row is None:
            return None
        return self.reply.item(row.data(0, Qt.ItemDataRole.UserRole))

    def picked(self) -> list:
        """The items still open among those selected, in the list's order."""
        if self.reply is None:
            return []
        ids = {row.data(0, Qt.ItemDataRole.UserRole) for row in self.items.selectedItems()}
        return [item for item in self.reply.items
                if item.id in ids and item.id not in self.decisions]

    def _select_clause(self) -> None:
        """Every change and comment on the clause of the one picked, to decide at once."""
        item = self.current()
        if item is None:
            return
        for row in _all_items(self.items):
            row.setSelected(self.reply.item(row.data(0, Qt.ItemDataRole.UserRole)).clause_id
                            == item.clause_id)

    def _update_buttons(self) -> None:
        item = self.current()
        details = ""
        picked = self.picked()
        if len(picked) > 1:
            details = f"{counted(picked).capitalize()} picked, still open: Accept or " \
                      "Reject decides them all at once (one step to undo)."
        elif item is not None and self.reply is not None:
            before, after = self.reply.in_context(
                item, *({i for i, d in self.decisions.items() if d.action == action}
                        for action in ("accept", "reject")))
            # a sentence the change takes out whole is said so: "Reads now: X" alone, the
            # deleted words again and nothing after, read as if nothing changed
            details = f"{item.kind.capitalize()} {self._by(item)}:\n" \
                      f"{item.text.strip()}" + (f"\nReads now: {before}" if before else "") \
                + (f"\nWith the change: {after}" if after else
                   "\nWith the change: taken out." if before else "")
            if item.refers_to:
                names = clause_names(self.model.project, [c for _, c in item.refers_to],
                                     self.model.workspace.document_of_kind(
                                         self.reply.version.kind))
                details += f"\nIt has {cross_references_said(item, names)}."
        self.details.setText(details)
        open_ = item is not None and item.id not in self.decisions
        one = open_ and [i.id for i in picked] in ([], [item.id])  # Accept as, Reply: one
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(open_ or bool(picked))
        self.accept_as.setEnabled(one and item.changes_text)
        self.reply_button.setEnabled(one and item.is_comment)
        # Offered while no reply is open; with one open, File > Open Counsel's Reply opens
        # another. Kept, it took the room the list of changes needs: at 18 points on a 1366x768
        # screen the panel scrolled.
        self.open_button.setVisible(self.reply is None)

    def decide(self, action: str, how: str = "", text: str = "") -> None:
        """Accept, reject or answer the item selected, or every open one of those selected,
        as one undoable edit."""
        items = self.picked() or [self.current()]
        if items[0] is None or self.reply is None:
            return
        old_names = {item.id: old_name_back(self.model.project, self.reply, item)
                     if action == "accept" else "" for item in items}
        old_name = next((name for name in old_names.values() if name), "")
        if old_name and not dialogs.confirm(
                self, "Bring back the company's old name?",
                f"Counsel's reply was made on {self.reply.version.id}, an older version, when "
                f"the company was named \"{old_name}\". Accepting this change would bring back "
                f"\"{old_name}\" (the company is \"{self.model.project.company.name}\" now).",
                "Accept With the Old Name"):
            return
        decided = {item.id: Decision(action, how, text, old_name=bool(old_names[item.id]))
                   for item in items}
        before = self.decisions
        self.decisions = self.reply.with_other_halves({**self.decisions, **decided})
        what = f"counsel's {items[0].kind}" if len(items) == 1 else counted(items)
        changed = self.model.project.model_copy(deep=True)
        if action != "reject":
            # Accepting rewrites each clause from every change accepted in it so far.
            clauses = {item.clause_id for item in items if item.changes_text}
            together = {i: d for i, d in self.decisions.items() if d.action == "accept"
                        and self.reply.item(i).clause_id in clauses
                        and self.reply.item(i).changes_text}
            together.update(decided)
            outcome = apply_decisions(changed, self.reply, together)
            # one the policy could not take stays open, its warning told (not "Accepted")
            self.decisions = {i: d for i, d in self.decisions.items()
                              if i not in outcome.not_taken}
            if len(items) > 1:  # a line per clause took the panel's room from the list
                outcome.done = [f"Accepted {counted([i for i in items if i.id in self.decisions])}"]
            if self._risks_before is None and self.rendering.latest is not None:
                self._risks_before = (self.model.project, self.rendering.latest.findings)
            self._replace(changed, f"{DONE_WORDS[action][:-2]} {what}", before)
            self._outcome = outcome
            self._tell(outcome.warnings)
        else:  # the policy stays as it is; the reply is kept as a version, as on accepting
            apply_decisions(changed, self.reply, decided)
            if changed != self.model.project:
                self._replace(changed, f"Rejected {what}", before)
        self._fill()
        self._select_next_open(items[-1].id)

    def _select_next_open(self, decided: str) -> None:
        """The next change still open after the one just decided (else the first open one),
        as the risk check's Apply moves on: the list had lost its selection."""
        rows = [self.items.topLevelItem(i) for i in range(self.items.topLevelItemCount())]
        ids = [row.data(0, Qt.ItemDataRole.UserRole) for row in rows]
        start = ids.index(decided) + 1 if decided in ids else 0
        row = next((row for row in rows[start:] + rows[:start] if not row.isDisabled()), None)
        if row is not None:  # that one alone, whatever keys are held
            self.items.setCurrentItem(row, 0, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _tell_risks(self, result: CheckResult) -> None:
        """Once the check has read the policy as the accepted changes left it: what they did
        again, with each risk they brought."""
        if self._risks_before is None or self.rendering.behind():
            return
        project, before = self._risks_before
        self._risks_before = None
        if project is not self.model.project:  # edited in place; another project is another
            return
        risks = risks_added(project, before, result.findings, result.document)
        if risks:
            self._tell(self._outcome.warnings + risks)

    def _tell(self, warnings: list[str]) -> None:
        """What the last decision did, with these warnings, in the panel and the status bar."""
        told = _told(self._outcome.done, warnings)
        self.outcome.setText(told)
        self.message.emit(told)

    def _ask_reply(self) -> None:
        dialog = reply_dialog(self)
        if dialog.exec() and dialog.textValue().strip():
            self.decide("reply", text=dialog.textValue())

    def _replace(self, changed, text: str, before: dict[str, Decision]) -> None:
        """Every part of the project that changed, and the decision, as one undo step: undone,
        the change is open again in the list (it stayed "Accepted", found by a tester)."""
        stack = self.model.undo_stack
        stack.beginMacro(text)
        for name in type(changed).model_fields:
            if getattr(changed, name) != getattr(self.model.project, name):
                self.model.set_value((name,), getattr(changed, name), text, typing=False)
        stack.push(_Decided(self, before, self.decisions))
        stack.endMacro()

    def _picked(self, row: QTreeWidgetItem | None) -> None:
        """A change picked in the list: its details and buttons, and its clause in the
        preview, as a change picked in Word's reviewing pane is shown in the page."""
        self._update_buttons()
        if row is not None:
            self._show_clause(row)

    def _show_clause(self, row: QTreeWidgetItem) -> None:
        item = self.reply.item(row.data(0, Qt.ItemDataRole.UserRole)) if self.reply else None
        if item is not None and item.clause_id:
            self.clause_requested.emit(item.clause_id)

    # --- Notes -------------------------------------------------------------------------------

    def show_notes(self, document: Document) -> None:
        """The owner's questions ("You asked") and counsel's notes with their replies, the
        clauses named as the policy rendered after the last edits (`document`) has them (built
        again only when they changed: this runs after every render)."""
        project = self.model.project
        notes, comments = project.review.notes_to_counsel, project.counsel_comments
        names = clause_names(project, [n.clause_id for n in notes] + [
            clause for comment in comments for clause in comment.clauses],
                             document)  # a clause may be gone since
        shown = ([note.model_dump() for note in notes],
                 [comment.model_dump() for comment in comments], names)
        if shown == self._notes_shown:
            return
        self._notes_shown = shown
        self.notes.clear()
        for note in project.review.notes_to_counsel:
            if note.question.strip():
                row = QTreeWidgetItem([names.get(note.clause_id, ""), "You asked",
                                       note.question])
                row.setData(0, Qt.ItemDataRole.UserRole, "owner")
                self.notes.addTopLevelItem(row)
                for comment in project.counsel_comments:
                    if comment.about_note == note.question.strip():
                        self._note_row(row, comment, names)
        for comment in project.counsel_comments:
            if not comment.about_note:
                self._note_row(self.notes.invisibleRootItem(), comment, names)
        self.notes.expandAll()
        self.notes.fit()

    def _note_row(self, parent: QTreeWidgetItem, comment, names: dict[str, str]) -> None:
        who = named_author(comment.author)  # a comment counsel marked done says so, as listed
        row = QTreeWidgetItem([in_clauses(names, comment.clauses),
                               f"{who} (resolved)" if comment.resolved else who, comment.text])
        row.setData(0, Qt.ItemDataRole.UserRole, "counsel")
        parent.addChild(row)
        owner = self.model.project.company.owner_name.strip()
        for reply in comment.replies:
            who = "You" if reply.author == owner else named_author(reply.author)
            row.addChild(QTreeWidgetItem(["", who, reply.text]))


class _Told(QLabel):
    """What the last decision did; no line at all while there is nothing to tell (an empty
    line above the notes took room the list of changes needed at 1366x768 at 1.25)."""

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class _FittedList(QTreeWidget):
    """A list whose columns but the last are each as wide as what they hold on one line, up to
    their share of the list's width but never narrower than their longest word; the last takes
    the rest, and what is longer wraps. Fitted
    again when the list's own width changes: the panel's is no guide, since a list in a hidden
    dock is resized only when shown."""

    LAST_LEAST = 12  # characters a line the last column keeps, if columns can yield

    def __init__(self, shares: tuple[float, ...], yielding: tuple[int, ...] = (),
                 **options: Any):
        super().__init__(**options)
        self.shares = shares
        self.yielding = yielding  # columns hidden, in this order, to leave the last its room
        self.least = [0] * len(shares)  # the columns' least widths, as last fitted

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def fit(self) -> None:
        width = self.viewport().width()
        self.setWordWrap(False)
        self.least = [self._longest_word(column) for column in range(len(self.shares))]
        for column, share in enumerate(self.shares):
            self.setColumnHidden(column, False)
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column),
                                            max(int(width * share), self.least[column])))
        # With big text or in a narrow panel the other columns' longest words left the last
        # a few characters a line (15pt at 1366x768: "Just / make / sure", a row taller than
        # the list): the yielding columns are hidden, in turn, till it has that room again
        for column in self.yielding:
            if width - sum(self.columnWidth(c) for c in range(len(self.shares))
                           if not self.isColumnHidden(c)) >= self.LAST_LEAST * \
                    self.fontMetrics().averageCharWidth():
                break
            self.setColumnHidden(column, True)
        # The last column takes the rest, and no more: Qt stretches it to at least its own
        # width (100 pixels at first), which ran counsel's words past the list's right edge
        # in a narrow panel (1024x768: "Just make su").
        self.setColumnWidth(len(self.shares), 0)
        self.setWordWrap(True)
        self.doItemsLayout()

    def _longest_word(self, column: int) -> int:
        """The room the column's longest word needs (its heading's too), with the margins its
        texts have on one line (measured so, while words do not wrap): narrower, a word is cut
        short ("comm..." for comment, in a panel 250 pixels wide)."""
        texts = [item.text(column) for item in _all_items(self)]
        advance = self.fontMetrics().horizontalAdvance
        margins = self.sizeHintForColumn(column) - max(map(advance, texts), default=0)
        return margins + max(map(advance, [word for text in [*texts, self.headerItem().text(
            column)] for word in text.split()]), default=0)


def _all_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Every row of a tree, the replies under a note too."""
    found, rows = [], QTreeWidgetItemIterator(tree)
    while rows.value() is not None:
        found.append(rows.value())
        rows += 1
    return found


class _Wrapping(QStyledItemDelegate):
    """Rows as tall as their text wrapped at its column's width: a tree view asks a row's
    height without the width, and Qt's style then measures the text on one line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        tree = self.parent()
        option = QStyleOptionViewItem(option)
        inset = tree.indentation() if index.column() == 0 else 0  # a reply's, under a note
        option.rect = QRect(0, 0, tree.columnWidth(index.column()) - inset, 1)
        return super().sizeHint(option, index)


class _Decided(QUndoCommand):
    """The panel's decisions before and after one decision, for its undo step."""

    def __init__(self, panel: ReviewPanel, before: dict[str, Decision],
                 after: dict[str, Decision]):
        super().__init__()
        self.panel, self.reply, self.before, self.after = panel, panel.reply, before, after

    def redo(self) -> None:
        self._show(self.after)

    def undo(self) -> None:
        self._show(self.before)
        if self.panel.reply is self.reply:  # what the decision did is undone: not told still
            self.panel.outcome.clear()

    def _show(self, decisions: dict[str, Decision]) -> None:
        if self.panel.reply is self.reply:  # not another reply opened since
            self.panel.decisions = decisions
            self.panel._fill()


def choose_version(parent: QWidget, workspace) -> str | None:
    """The version sent to counsel a redline compares with: asked when there are several of
    the policy's kind (the last one offered first); None when the owner cancels."""
    versions = workspace.sent_to_compare()[::-1]
    if len(versions) < 2:
        return versions[0].id if versions else ""
    spelling = workspace.project.company.spelling
    labels = [f"{v.id}: {v.label}, {long_date_in(spelling, v.sent_on.date())}"
              + (f", version {v.version}" if v.version else "") for v in versions]
    chosen, ok = QInputDialog.getItem(parent, "Export changes for counsel",
                                      "Show the changes since:", labels, 0, False)
    return versions[labels.index(chosen)].id if ok else None


def reply_dialog(parent: QWidget) -> QInputDialog:
    """The box the owner writes a reply to counsel's comment in. Tab goes on to OK and Cancel,
    as in the form's boxes (it typed a tab character into the reply; found by a tester), and
    so does Ctrl+Tab (it did nothing)."""
    dialog = QInputDialog(parent, windowTitle="Reply to counsel", labelText="Your reply:")
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    tab_moves_on(dialog.findChild(QPlainTextEdit))
    return dialog


def _told(done: list[str], warnings: list[str]) -> str:
    """What a decision did and the warnings it brought, one line per thing (as the command
    line prints them), as the sentences of one message."""
    lines = done + [f"Warning: {warning}" for warning in warnings]
    return " ".join(line if line.endswith((".", "!", "?")) else f"{line}." for line in lines)


def install(window) -> ReviewPanel:
    """The panel in a dock of the window, File > Open Counsel's Reply..., and the message
    and clause hooks."""
    panel = ReviewPanel(window.model, window.rendering)
    # The notes follow the one render per change (a render of their own after every key would
    # make typing wait for it: seconds per key beside a 10 MB answer).
    window.rendering.rendered.connect(panel.show_notes)
    panel.show_notes(window.rendering.document or window.model.workspace.document())
    dock = window.add_panel("Counsel's review", "reviewDock", panel)
    toggle = dock.toggleViewAction()
    toggle.setText("&Counsel's Review")
    window.view_menu.insertAction(window.pane_actions[0], toggle)  # after the risk check
    window.project_actions.append(toggle)  # about the project shown, as the risk check is
    toggle.setEnabled(window.showing_project())
    panel.clause_requested.connect(window.preview.show_clause)
    window.model.replaced.connect(panel.close_reply)
    panel.message.connect(lambda text: window.statusBar().showMessage(text, 10000))
    window.review_dock = dock
    return panel


def final_edited(window) -> None:
    """Ticking Final while a reviewer has not approved, or a warning is open, asks first
    (once the tick has been recorded, so "Not yet" can take it back as an undo)."""
    if window.model.project.review.final:
        QTimer.singleShot(0, lambda: _confirm_final(window))


def _confirm_final(window) -> None:
    items = window.exports.open_before_final()
    if items and not confirm_marking_final(window, items):
        window.model.undo_stack.undo()


def confirm_marking_final(parent: QWidget, open_items: list[str]) -> bool:
    """Before marking the policy final with things still open; True to mark it anyway."""
    box = message_box(QMessageBox.Icon.Warning, "Mark this version final?",
                      "A final version goes to all staff without the DRAFT mark, the notes "
                      "to counsel or the reviewers' statuses. Still open:", parent=parent)
    box.setInformativeText("\n".join(f"\u2022 {item}" for item in open_items))
    mark = box.addButton("Mark final anyway", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton("Not yet", QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is mark


def open_reply_in(window, path: Path | None = None) -> None:
    """File > Open Counsel's Reply... (or a dropped .docx): show the panel with the reply.
    Beside the risk check's panel it takes three quarters of the height: split evenly on a
    laptop's screen, its list showed one change and its buttons sat below the bottom (found
    by a tester at 1366x768)."""
    dock, other = window.review_dock, window.findings_dock
    dock.show()
    if other.isVisible() and not (other.isFloating() or dock.isFloating()):
        height = window.centralWidget().height()
        window.resizeDocks([other, dock], [height // 4, height - height // 4],
                           Qt.Orientation.Vertical)
    if path is None:
        window.review_panel.ask_for_reply(window.files.folder())
    else:
        window.review_panel.open_reply(path)
