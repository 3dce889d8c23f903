"""Fixtures for the form tests: a project model and a window with one form per area."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow, QTabWidget

from smpolicy_desktop.model import Project
from ui.forms import AreaForm
from ui.project_model import ProjectModel


@pytest.fixture
def model():
    return ProjectModel(Project())


@pytest.fixture
def forms_window(qtbot, model):
    """A window with one tab per area, shown and active, as the app has it."""
    main = QMainWindow()
    tabs = QTabWidget()
    main.setCentralWidget(tabs)
    for name in Project.areas():
        tabs.addTab(AreaForm(model, name), Project.model_fields[name].title)
    qtbot.addWidget(main)
    main.resize(900, 700)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    return main
