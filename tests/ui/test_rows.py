"""A list answer's rows tell their views only what changed: one edited row of 1,000 is one
row redrawn, and added, removed or replaced lists still show every row as it is."""

from __future__ import annotations

from ui.editors.rows import AnswerRows


def rows_of(answer: list):
    """A model reading `answer[0]`, the list the project holds now, and the rows it announces."""
    model = AnswerRows("Items", lambda: answer[0], lambda *a: None)
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, *_: changes.append((first.row(), last.row())))
    model.sync()
    changes.clear()
    return model, changes


def test_one_edited_row_of_a_thousand_is_the_one_row_announced(qtbot):
    answer = [[f"Client file {n}" for n in range(1000)]]
    model, changes = rows_of(answer)
    edited = list(answer[0])
    edited[417] = "Client file 417, closed"
    answer[0] = edited  # an edit replaces the list
    model.sync()
    assert changes == [(417, 417)]
    assert model.data(model.index(417, 0)) == "Client file 417, closed"


def test_added_removed_and_changed_in_place_rows_are_all_shown(qtbot):
    answer = [["a", "b", "c"]]
    model, changes = rows_of(answer)
    answer[0] = ["a", "b", "c", "d"]
    model.sync()
    assert model.rowCount() == 4
    answer[0] = ["x"]
    model.sync()
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "x"
    answer[0][0] = "y"  # the same list changed in place: every row is announced
    changes.clear()
    model.sync()
    assert changes == [(0, 0)] and model.data(model.index(0, 0)) == "y"
