"""One editor widget per kind of answer, chosen from the model field's definition.

make_editor() is all the form needs; each kind lives in its own module beside this one, imported
when a form first needs it (the first tab has no lists or tables).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QLineEdit, QWidget

from smpolicy_desktop.questions import Question, questions

from .base import MARK_COLOUR, NEW_ENTRY, Clauses, Commit, DateText, FieldEditor
from .choice import CheckField, ChoiceField, ChoicesField, ClauseField, NumberField
from .date import DateBox, DateField
from .text import LineField, TextField

__all__ = ["MARK_COLOUR", "ClauseField", "FieldEditor", "Question", "make_editor",
           "missing_clause", "questions", "take_typing"]

_SINGLE = {"line": LineField, "text": TextField, "check": CheckField, "choice": ChoiceField,
           "choices": ChoicesField, "number": NumberField}


def make_editor(question: Question, commit: Commit, clauses: Clauses,
                read: Callable[[], object], dates: DateText) -> QWidget:
    """The editor widget for one question; `read` gives the answer as the project holds it.
    Its `kind` is the kind chosen for that answer (Question.editor_kind)."""
    kind = question.editor_kind(read())
    if kind == "clause":
        editor = ClauseField(clauses, commit)
    elif kind == "list":
        from .lists import ListField

        editor = ListField(question, commit, read)
    elif kind == "table":
        from .tables import TableField

        editor = TableField(question, commit, read, clauses, dates)
    elif kind == "date":
        editor = DateField(question, commit, dates)
    else:
        editor = _SINGLE[kind](question, commit)
    editor.kind = kind
    editor.setAccessibleName(question.title)
    describe(editor, question.help)
    return editor


def describe(editor: QWidget, text: str) -> None:
    """The description a screen reader reads with the answer, on the editor and on each part of
    it the keyboard goes to (a checkbox, a date's box, a list's view): set on the editor
    alone, it was never read, the focus being in its parts (found by a tester)."""
    for widget in (editor, *editor.findChildren(QWidget)):
        if widget is editor or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            widget.setAccessibleDescription(text)


def take_typing(window: QWidget) -> None:
    """What is being typed into the box with the keyboard, made the answer as leaving the box
    would: a date, a number, a list item or a table cell still open, a choice typed, a list's
    new entry (added, as Enter adds it). Save, Export, closing and the autosave before the app
    is ended call it first: they saved, wrote and closed without it, as if it had never been
    typed, with "Saved" in the status bar (found by testers). A new entry is added even when
    the keyboard has left its box: nothing else would."""
    for entry in window.findChildren(QLineEdit, NEW_ENTRY):
        if entry.text().strip():
            entry.parentWidget().add()
    from .rows import cell_editor  # with the lists' and tables' editors, not at start-up

    box = window.focusWidget()  # the box the keyboard is in, or was in last
    if (found := cell_editor(box)) is not None:
        view, editor = found
        if view.state() == QAbstractItemView.State.EditingState:
            view.commitData(editor)
        return
    if isinstance(box, DateBox):
        box.take_typed()
    elif isinstance(box, ChoiceField):
        box.answer_typed()
    elif isinstance(box, QAbstractSpinBox):
        box.interpretText()
