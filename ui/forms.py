"""The form for one policy area, generated from the model's field definitions.

Each answer is a row: its label, its editor, the help text, and room for a refusal or a risk
mark. Edits go to the ProjectModel; the form re-reads whatever the model says has changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop.dates import REVIEW, long_date_in, suggested_review_date
from smpolicy_desktop.model import Project
from smpolicy_desktop.questions import Question, questions

from .colours import Shade, ShadedLabel, muted, on_window
from .editors import MARK_COLOUR, FieldEditor, describe, make_editor
from .editors.base import keep_in_view
from .editors.date import week_start_in
from .outlines import outline_boxes
from .project_model import FieldPath, ProjectModel
from .scroll_column import ScrollColumn

_REFUSAL_COLOUR = "#c62828"
_WIDE_KINDS = ("list", "table", "choices")  # editors that get the full width, label above
_COMPACT_KINDS = ("number", "date")  # as wide as their content, not the form


def refusal_message(error: ValidationError) -> str:
    """Pydantic's reason for refusing an answer, as one plain sentence."""
    reason = error.errors()[0]["msg"]
    reason = reason.replace("Input should be", "It should be").replace("Value error, ", "")
    return not_saved(reason)


def not_saved(reason: str) -> str:
    """Why an answer typed was not saved, as the form says it under the answer."""
    return f"Not saved: {reason[0].lower()}{reason[1:]}."


def _small(label: QLabel) -> QLabel:
    """A smaller, wrapping label."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _name(label: QLabel, editor: FieldEditor) -> None:
    """The label names the editor, its first line level with the box's first line of text
    (a list's or table's label is above it)."""
    label.setBuddy(editor)
    pad = 0 if editor.kind in _WIDE_KINDS else 4 if editor.kind == "text" else \
        max(0, (editor.sizeHint().height() - label.fontMetrics().height()) // 2)
    label.setContentsMargins(0, pad + 3, 0, 0)  # + the row frame's margin


class FieldRow(QFrame):
    """One answer's editor with its help text; draws the risk-check mark around itself."""

    def __init__(self, path: FieldPath, question: Question, editor: QWidget):
        super().__init__()
        self.path, self.question, self.editor = path, question, editor
        outline_boxes(editor)
        self.mark_text = ""
        self.refused = ""  # why the answer its box shows was not saved, while it shows it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        help_label = _small(ShadedLabel(muted, text=question.help))
        align = Qt.AlignmentFlag.AlignLeft if question.kind in _COMPACT_KINDS else \
            Qt.AlignmentFlag(0)
        # A list's help reads best before the list; a single answer's help after its box.
        first, second = (help_label, editor) if question.kind in _WIDE_KINDS else \
            (editor, help_label)
        for widget in (first, second):
            if widget is editor:
                layout.addWidget(editor, 0, align)
            elif question.help:
                layout.addWidget(help_label)
        self.message = _small(ShadedLabel(on_window(MARK_COLOUR),  # may quote the answer:
                                          textFormat=Qt.TextFormat.PlainText))  # plain
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch()  # any height the form gives the row goes below, not between

    def sizeHint(self) -> QSize:
        # QFormLayout asks for a checkbox row's plain size hint, which guesses the help text's
        # wrapping far too narrow and leaves a gap; answer with the height at today's width.
        hint = super().sizeHint()
        if self.hasHeightForWidth():
            hint.setHeight(self.heightForWidth(max(self.width(), hint.width())))
        return hint

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.hasHeightForWidth() and self.height() != self.heightForWidth(self.width()):
            self.updateGeometry()  # the size hint above depends on the width: ask again

    def show_refusal(self, text: str) -> None:
        """Why the answer typed was not saved, under it and scrolled into view: under a table
        at the bottom of the form's room it showed out of sight, and the owner did not see
        why their date did not save (found by a tester)."""
        self.refused = text
        self._say(text, on_window(_REFUSAL_COLOUR))
        self.message.show()
        keep_in_view(self.message, self.message.rect)
        # heard too, not only seen in red (a screen reader read nothing of it; found by a tester)
        describe(self.editor, f"{text} {self.question.help}".strip())

    def clear_refusal(self) -> None:
        self.refused = ""
        self._show_mark_text()
        describe(self.editor, self.question.help)

    def _say(self, text: str, shade: Shade) -> None:
        self.message.setText(text)
        self.message.set_shade(shade)

    def set_marks(self, marks: dict[tuple, str]) -> None:
        """Marks from the risk check: on the answer itself (key ()) or rows inside it."""
        self.mark_text = "\n".join(dict.fromkeys(marks.values()))
        self.setToolTip(self.mark_text)
        self.editor.set_marks({rest: text for rest, text in marks.items() if rest})
        self._show_mark_text()
        self.update()

    def _show_mark_text(self) -> None:
        self._say(self.mark_text, on_window(MARK_COLOUR))
        self.message.setVisible(bool(self.mark_text))

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.mark_text:
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(on_window(MARK_COLOUR)(self.palette()), 2))  # as its words
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)


class ProjectDates:
    """The project's dates (editors.DateText): written as its policy writes them, with weeks
    starting as its country's do."""

    def __init__(self, model: ProjectModel):
        self.model = model

    def __call__(self, value: date) -> str:
        return long_date_in(self.model.project.company.spelling, value)

    def week_start(self) -> Qt.DayOfWeek:
        return week_start_in(self.model.project.company.country)


class AreaForm(ScrollColumn):
    """Every question of one policy area, in the model's order, in a scrollable form."""

    field_focused = Signal(tuple)
    typing = Signal()  # in a box whose text is no edit of the answer until taken

    def __init__(self, model: ProjectModel, area: str, parent: QWidget | None = None):
        super().__init__(parent=parent)
        self.model, self.area = model, area
        self.area_model = Project.areas()[area]
        self.rows: dict[str, FieldRow] = {}
        self.marks: dict[FieldPath, str] = {}
        self.dates = ProjectDates(model)
        self.built = False  # the page is built when first shown, so the window opens fast
        model.changed.connect(self._on_changed)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    # --- building ---

    def showEvent(self, event: Any) -> None:
        self.ensure_built()
        super().showEvent(event)

    def ensure_built(self) -> None:
        if not self.built:
            self.built = True
            self.setWidget(self._build())
            for name, row in self.rows.items():
                row.editor.show_value(self.model.value((self.area, name)))
                self._offer_within(row)
                self._apply_marks(row)

    def _build(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(self._intro())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for question in questions(self.area_model):
            path = (self.area, question.name)
            editor = self._editor(path, question)
            row = self.rows[question.name] = FieldRow(path, question, editor)
            if question.kind == "check":  # the checkbox carries its own label
                form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, row)
            elif question.kind in _WIDE_KINDS:
                form.addRow(self._label(question, editor))
                form.addRow(row)
            else:
                form.addRow(self._label(question, editor), row)
        outer.addLayout(form)
        outer.addStretch()
        return page

    def _editor(self, path: FieldPath, question: Question) -> FieldEditor:
        """The editor for the answer as it is now (make_editor chooses the kind)."""
        editor = make_editor(question, self._committer(path, question), self._clauses,
                             lambda: self.model.value(path), self.dates)
        if path == REVIEW:  # "Set" fills in the effective date plus the review cycle
            editor.suggestion = lambda: suggested_review_date(self.model.project)
        if hasattr(editor, "typing"):  # typing there is no edit yet (FieldEditor.typed)
            editor.typing.connect(self.typing)
        if hasattr(editor, "refused"):  # words typed there that are no date
            editor.refused.connect(lambda why: self._refused_typing(path, why))
        return editor

    def _intro(self) -> QWidget:
        """The area's title and, from the model's docstring, what it covers."""
        intro = QWidget()
        layout = QVBoxLayout(intro)
        layout.setContentsMargins(0, 0, 0, 6)
        title = QLabel(Project.model_fields[self.area].title)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        summary = (self.area_model.__doc__ or "").split(":", 1)[-1].strip()
        if summary:
            layout.addWidget(_small(ShadedLabel(muted, text=summary[0].upper() + summary[1:])))
        return intro

    def _label(self, question: Question, editor: FieldEditor) -> QLabel:
        label = QLabel(question.title)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        _name(label, editor)
        return label

    def _clauses(self, clause_ids: Iterable[str]) -> dict[str, str]:
        from smpolicy_desktop.render import clause_names  # Jinja loads after the first paint

        return clause_names(self.model.project, clause_ids,
                            self.model.workspace.document())  # the one rendered Document

    # --- edits in, changes out ---

    def _committer(self, path: FieldPath, question: Question):
        def commit(rest: tuple, value: Any, undo_text: str | None = None) -> None:
            row = self.rows[path[1]]
            try:
                self.model.set_value((*path, *rest), value, undo_text or f"Edit {question.title}")
            except ValidationError as error:
                row.show_refusal(refusal_message(error))
            else:
                row.clear_refusal()
        return commit

    def _refused_typing(self, path: FieldPath, why: str) -> None:
        """Words typed in an answer that it could not take said under it, as an answer refused
        is; or, with "", none are now."""
        row = self.rows[path[1]]
        if why:
            row.show_refusal(not_saved(why))
        else:
            row.clear_refusal()

    def _on_changed(self, changed: FieldPath) -> None:
        for name, row in self.rows.items():
            path = (self.area, name)
            # A date box writes dates as the project's country does, which may just have changed;
            # one showing a date refused keeps it until its own answer changes (another edit
            # in the area put the saved date back, and the typed one was lost without a word)
            if path[:len(changed)] == changed[:len(path)] or (
                    row.editor.kind == "date" and not row.refused):
                value = self.model.value(path)
                if row.question.editor_kind(value) != row.editor.kind:
                    self._replace_editor(row)
                row.editor.show_value(value)
                if row.refused:  # the box shows the answer saved again: nothing refused there
                    row.clear_refusal()
            within = (self.area, row.question.within)
            if row.question.within and within[:len(changed)] == changed[:len(within)]:
                self._offer_within(row)

    def _offer_within(self, row: FieldRow) -> None:
        """A choice within another answer offers only what lies inside it (the country's
        states: a business in Germany was offered Ohio, which the project then dropped)."""
        if row.question.within:
            row.editor.offer_only(f"{self.model.value((self.area, row.question.within))}-")

    def _replace_editor(self, row: FieldRow) -> None:
        """An answer grown too long for its one-line box goes to the multi-line box, and back
        once short again (Question.editor_kind), the keyboard and the cursor where they were."""
        old, new = row.editor, self._editor(row.path, row.question)
        row.layout().replaceWidget(old, new)
        QWidget.setTabOrder(old, new)  # Tab comes to it as to the box it replaces
        for label in self.widget().findChildren(QLabel):
            if label.buddy() is old:
                _name(label, new)
        row.editor = new
        new.show_value(self.model.value(row.path))
        new.show()  # now, so that it can take the keyboard
        if old.hasFocus():
            new.setFocus()
        new.setCursorPosition(old.cursorPosition())
        old.hide()
        old.deleteLater()  # it may be in the middle of reporting the edit
        self._apply_marks(row)

    def _on_focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        widget: QObject | None = now
        while widget is not None and widget is not self:
            if isinstance(widget, FieldRow) and widget.path[0] == self.area:
                self.field_focused.emit(widget.path)
                return
            widget = widget.parent()

    # --- what the window uses ---

    def refused(self) -> list[tuple[FieldPath, str]]:
        """(path, why) of each answer typed here and not saved, its box still showing it."""
        return [(row.path, f"{row.question.title}: {row.refused}")
                for row in self.rows.values() if row.refused]

    def typed(self) -> list[tuple[FieldPath, Any]]:
        """(path, value) of each answer typed here and not taken yet (FieldEditor.typed)."""
        return [((*row.path, *rest), value) for row in self.rows.values()
                for rest, value in row.editor.typed()]

    def fields(self) -> list[FieldPath]:
        """The path of every answer shown, in form order."""
        self.ensure_built()
        return [row.path for row in self.rows.values()]

    def editor(self, path: FieldPath) -> FieldEditor:
        self.ensure_built()
        return self.rows[path[1]].editor

    def focus_field(self, path: FieldPath) -> None:
        """Bring the answer (or a row inside it) into view and give it the keyboard."""
        self.ensure_built()
        row = self.rows[path[1]]
        tabs = self.parentWidget()
        while tabs is not None and not isinstance(tabs, QTabWidget):
            tabs = tabs.parentWidget()
        if tabs is not None:
            tabs.setCurrentWidget(self)
        # A page built just now holds its rows at Qt's first guesses (a table far too tall)
        # until the layouts it posted have run; scrolled by those, its title went out of view.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.ensureWidgetVisible(row)
        row.editor.focus_item(tuple(path[2:]))

    def mark_field(self, path: FieldPath, text: str | None) -> None:
        """Show (or, with None, clear) a risk-check mark on an answer or a row inside it."""
        path = tuple(path)
        if text:
            self.marks[path] = text
        else:
            self.marks.pop(path, None)
        if self.built:
            self._apply_marks(self.rows[path[1]])

    def _apply_marks(self, row: FieldRow) -> None:
        row.set_marks({p[2:]: t for p, t in self.marks.items() if p[:2] == row.path})
