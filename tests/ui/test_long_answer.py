"""A very long paragraph in a text box: shown in pieces so each key stays quick, while the
project keeps the answer exactly as written, and every edit lands where the owner made it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from smpolicy_desktop.document import PIECE

PATH = ("training", "consequences")
SENTENCE = "Breaking the policy is handled fairly and in proportion."
LONG = " ".join([SENTENCE] * (20 * PIECE // len(SENTENCE)))


@pytest.fixture
def box(forms_window, model):
    tabs = forms_window.centralWidget()
    form = next(tabs.widget(i) for i in range(tabs.count()) if tabs.widget(i).area == PATH[0])
    tabs.setCurrentWidget(form)
    model.set_value(PATH, LONG)
    editor = form.editor(PATH)
    editor.setFocus()
    return editor


def cursor_at(box, position: int, end: int | None = None) -> QTextCursor:
    cursor = box.textCursor()
    cursor.setPosition(position)
    if end is not None:
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)
    return cursor


def first_break(box) -> int:
    return box.document().firstBlock().length() - 1


def test_a_long_paragraph_shows_in_pieces_and_the_answer_stays_one_paragraph(box, model):
    assert box.document().blockCount() >= 10
    assert max(len(line) for line in box.toPlainText().split("\n")) <= PIECE + len(SENTENCE)
    assert box.value() == LONG == model.value(PATH)
    assert "\n" not in model.project.training.consequences


def test_typing_anywhere_lands_in_the_answer(box, model, qtbot):
    cursor_at(box, len(LONG))
    qtbot.keyClicks(box, " Done.")
    assert model.value(PATH) == LONG + " Done."
    at = first_break(box) + 5
    cursor_at(box, at)
    qtbot.keyClicks(box, "very ")
    assert model.value(PATH) == LONG[:at] + "very " + LONG[at:] + " Done."


def test_enter_is_a_real_line_break_and_backspace_at_a_piece_removes_the_space(box, model,
                                                                              qtbot):
    at = first_break(box)
    cursor_at(box, at + 1)  # the start of the second piece: just after the space
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert model.value(PATH) == LONG[:at] + LONG[at + 1:]
    cursor_at(box, at)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert model.value(PATH) == LONG[:at] + "\n" + LONG[at + 1:]


def test_replacing_text_across_a_piece_keeps_what_was_typed(box, model):
    at = first_break(box)
    cursor_at(box, at - 1, at + 2).insertText("a\nb")  # as long as what it replaces
    assert model.value(PATH) == LONG[:at - 1] + "a\nb" + LONG[at + 2:]


def test_copy_carries_the_spaces(box):
    at = first_break(box)
    cursor_at(box, at - 10, at + 10)
    box.copy()
    assert QApplication.clipboard().text() == LONG[at - 10:at + 10]


def test_the_answer_comes_back_the_same_after_undo(box, model, qtbot):
    model.undo_stack.clear()  # the long answer as opened, so typing is the one undo step
    cursor_at(box, len(LONG))
    qtbot.keyClicks(box, "x")
    model.undo_stack.undo()
    assert box.value() == LONG == model.value(PATH)
    assert box.document().blockCount() >= 10


@pytest.mark.parametrize("answer", ["x" * (3 * PIECE),  # no space to break at
                                    "\n".join([SENTENCE] * 100)])  # lines: shown as they are
def test_answers_without_long_spaced_paragraphs_show_as_written(box, model, answer):
    model.set_value(PATH, answer)
    assert box.toPlainText() == answer == box.value()


def test_a_long_paragraph_pasted_shows_in_pieces(box, model):
    model.set_value(PATH, "Start.")
    cursor_at(box, len("Start."))
    QApplication.clipboard().setText(" " + LONG)
    box.paste()
    assert model.value(PATH) == "Start. " + LONG
    assert box.document().blockCount() >= 10
    assert box.textCursor().position() == len("Start. " + LONG)


def test_a_one_line_answer_longer_than_qt_allows_is_kept_whole(forms_window, model, qtbot):
    tabs = forms_window.centralWidget()
    form = next(tabs.widget(i) for i in range(tabs.count()) if tabs.widget(i).area == "company")
    tabs.setCurrentWidget(form)
    name = "Northwind " * 5_000  # 50,000 characters; Qt's boxes stop at 32,767 by default
    model.set_value(("company", "name"), name)
    box = form.editor(("company", "name"))
    assert box.text() == name
    box.setFocus()
    box.end(False)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert model.value(("company", "name")) == name[:-1]


def test_a_list_row_longer_than_qt_allows_is_kept_whole_when_edited(forms_window, model):
    from ui.editors.lists import CellLine

    row = "Client file " * 4_000  # 48,000 characters
    box = CellLine(forms_window)
    box.setText(row)
    assert box.text() == row
