"""Edits through the window's project model: undo, redo, merging typing, rejecting bad values."""

import pytest
from pydantic import ValidationError

from ui.project_model import ProjectModel


def test_edits_undo_and_redo_across_fields(qtbot):
    model = ProjectModel()
    with qtbot.waitSignal(model.changed) as signal:
        model.set_value(("company", "name"), "Acme")
    assert signal.args == [("company", "name")]
    model.set_value(("presence", "goals"), ["Hire"])
    model.undo_stack.undo()
    assert model.project.presence.goals == []
    model.undo_stack.undo()
    assert model.project.company.name == ""
    model.undo_stack.redo()
    model.undo_stack.redo()
    assert (model.project.company.name, model.project.presence.goals) == ("Acme", ["Hire"])


def test_typing_in_one_field_is_one_undo_step(qtbot):
    model = ProjectModel()
    for text in ("A", "Ac", "Acm", "Acme"):
        model.set_value(("company", "name"), text)
    assert model.undo_stack.count() == 1
    model.undo_stack.undo()
    assert model.project.company.name == ""


def test_row_field_edit_and_invalid_value(qtbot):
    model = ProjectModel()
    model.set_value(("responses", "response_matrix"), [{"situation": "Praise"}])
    model.set_value(("responses", "response_matrix", 0, "action"), "Thank them")
    assert model.project.responses.response_matrix[0].action == "Thank them"
    with pytest.raises(ValidationError):
        model.set_value(("company", "staff_count"), -1)
    assert model.project.company.staff_count is None
    assert model.undo_stack.count() == 2


def test_an_edit_made_in_one_go_is_its_own_undo_step_after_typing(qtbot):
    model = ProjectModel()
    model.set_value(("company", "name"), "Acme")
    model.set_value(("company", "name"), "Acme Ltd", "Apply safer wording", typing=False)
    model.undo_stack.undo()
    assert model.project.company.name == "Acme"
