"""A very long paragraph in a text box: shown in pieces so each key stays quick, while the
project keeps the answer exactly as written, and every edit lands where the owner made it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from smpolicy_desktop.document import LONGEST_WORD, PIECE, PREVIEW_LIMIT, to_html
from smpolicy_desktop.questions import LONG_LINE
from smpolicy_desktop.storage import load_project, save_project
from tests.conftest import EXAMPLE
from ui.forms import AreaForm
from ui.project_model import ProjectModel
from ui.spelling import UNCHECKED

PATH = ("training", "consequences")
NAME = ("company", "name")
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


EMOJI = "Our team \U0001F600 will say this. "


def test_typing_after_an_emoji_lands_where_it_is_typed(box, model, qtbot):
    """An emoji, which Qt counts as two characters and the answer as one, put every edit
    after it a letter off in the answer and the Word file, while the box showed it right:
    "We will cnot omment further" (found by a tester)."""
    model.set_value(PATH, EMOJI + LONG + " We will comment further.")
    box.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(len("comment further.")):
        qtbot.keyClick(box, Qt.Key.Key_Left)
    qtbot.keyClicks(box, "not ")
    assert model.value(PATH) == EMOJI + LONG + " We will not comment further."
    assert box.value() == model.value(PATH)
    at = first_break(box) + 5  # a break after the emoji: each removed or added as typed
    cursor_at(box, at - 1, at + 2).insertText("x\U0001F600y")
    answer = EMOJI + LONG + " We will not comment further."
    index = at - 1  # Qt's position, one emoji before it: the answer's index is one less
    assert model.value(PATH) == answer[:index - 1] + "x\U0001F600y" + answer[index + 2:]
    box.selectAll()
    assert box.createMimeDataFromSelection().text() == model.value(PATH)


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


def test_edits_one_after_another_each_land_where_they_were_made(box, model, qtbot):
    """The box mends its text and the answer where each edit is, rather than reading them
    whole at every key."""
    at = first_break(box)
    cursor_at(box, at - 3, at + 3).insertText("X")  # over a piece's break
    answer = LONG[:at - 3] + "X" + LONG[at + 3:]
    cursor_at(box, 10)
    qtbot.keyClicks(box, "ab")
    answer = answer[:10] + "ab" + answer[10:]
    cursor_at(box, 0, 5).removeSelectedText()
    answer = answer[5:]
    assert box.value() == model.value(PATH) == answer
    cursor_at(box, 0, len(answer)).insertText("All of it, replaced.")
    assert box.value() == model.value(PATH) == "All of it, replaced."


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


def test_a_long_paste_over_a_selection_replaces_it_and_its_line_ends_are_the_answers(box, model):
    model.set_value(PATH, "Start. Old words. End.")
    cursor_at(box, len("Start. "), len("Start. Old words."))
    QApplication.clipboard().setText(LONG + "\r\nNext line.")  # as Windows copies it
    box.paste()
    assert model.value(PATH) == "Start. " + LONG + "\nNext line. End."
    assert box.textCursor().position() == len("Start. " + LONG + "\nNext line.")


def test_a_huge_one_line_answer_from_a_file_is_edited_in_the_multi_line_box_and_kept_whole(
        qtbot, tmp_path):
    """A 10 MB company name: a key in a one-line box took seconds; in the multi-line box it
    is quick, and the whole name is saved again."""
    project = load_project(EXAMPLE)
    name = "Northwind " * 1_000_000
    project.company.name = name
    path = tmp_path / "huge.smpolicy"
    save_project(project, path)
    model = ProjectModel(load_project(path))
    form = AreaForm(model, "company")
    qtbot.addWidget(form)
    form.show()
    form.focus_field(NAME)
    box = form.editor(NAME)
    assert box.kind == "text" and box.value() == name
    box.setCursorPosition(len(name))
    qtbot.keyClicks(box, "LLC")
    assert model.value(NAME) == name + "LLC"
    save_project(model.project, path)
    assert load_project(path).company.name == name + "LLC"


def test_a_long_paste_into_a_one_line_box_goes_on_in_the_multi_line_box(forms_window, model,
                                                                        qtbot):
    tabs = forms_window.centralWidget()
    form = next(tabs.widget(i) for i in range(tabs.count()) if tabs.widget(i).area == "company")
    tabs.setCurrentWidget(form)
    form.focus_field(NAME)
    line = form.editor(NAME)
    qtbot.keyClicks(line, "Acme ")
    QApplication.clipboard().setText("Northwind " * (LONG_LINE // 10))
    line.paste()
    box = form.editor(NAME)
    assert box.kind == "text" and QApplication.focusWidget() is box
    qtbot.keyClicks(box, "LLC")  # the keyboard and the cursor are where they were
    assert model.value(NAME) == "Acme " + "Northwind " * (LONG_LINE // 10) + "LLC"
    box.selectAll()
    qtbot.keyClicks(box, "A")  # short again: back in the one-line box
    line = form.editor(NAME)
    assert line.kind == "line" and QApplication.focusWidget() is line
    qtbot.keyClicks(line, "cme Ltd")
    assert model.value(NAME) == line.text() == "Acme Ltd"


def test_a_list_row_longer_than_qt_allows_is_kept_whole_when_edited(forms_window, model):
    from ui.editors.lists import CellLine

    row = "Client file " * 4_000  # 48,000 characters
    box = CellLine(forms_window)
    box.setText(row)
    assert box.text() == row


def huge_answer_window(make_window, tmp_path, answer: str):
    project = load_project(EXAMPLE)
    project.training.consequences = answer
    path = tmp_path / "pasted.smpolicy"
    save_project(project, path)
    window = make_window(path)
    window.focus_field(PATH)
    return window, path, window.forms[PATH[0]].editor(PATH)


@pytest.mark.parametrize("answer, shown", [  # shown: how many of its characters the preview shows
    (" ".join([SENTENCE] * (3 * PREVIEW_LIMIT // len(SENTENCE))), PREVIEW_LIMIT - 200),  # a book
    ("Our logo: " + "iVBORw0KGgo" * 20_000, len("Our logo: ") + LONGEST_WORD),  # a picture
])
def test_a_huge_answer_opens_with_the_preview_saying_where_it_stops_and_is_saved_whole(
        make_window, tmp_path, qtbot, answer, shown):
    """Qt takes seconds to show such text (a 10 MB answer froze the window for 35-49 s): the
    preview shows its start and says so; the box holds all of it, and so does the file."""
    window, path, box = huge_answer_window(make_window, tmp_path, answer)
    text = window.preview.toPlainText().replace("\n", " ")  # a long paragraph shows in pieces
    assert f"{answer[:shown]} [The preview stops here: {len(answer) - shown:,} more characters " \
           "of this answer are not shown. All of them are kept in the project and go into the " \
           "exported policy.]" in text
    assert answer in to_html(window.model.workspace.document(), standalone=True)
    assert box.value() == answer and box.toolTip() == UNCHECKED
    box.setCursorPosition(len(answer))
    qtbot.keyClicks(box, " Done.")
    assert window.files.save()
    assert load_project(path).training.consequences == answer + " Done."


def test_an_answer_short_enough_is_spell_checked_and_shown_whole(make_window, tmp_path):
    window, _, box = huge_answer_window(make_window, tmp_path, LONG)
    assert box.toolTip() == ""
    assert "The preview stops here" not in window.preview.toPlainText()
    assert LONG in " ".join(window.preview.toPlainText().split("\n"))
