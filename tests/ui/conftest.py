"""Fixtures for the UI tests: a project model, a window with one form per area, and the main
window's (from test_window.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow, QTabWidget

from smpolicy_desktop.model import Project
from tests.ui.test_window import Answers, answers, make_window, settings
from ui.forms import AreaForm
from ui.project_model import ProjectModel

# The window's fixtures (a fresh QSettings, dialogs answered by Answers) for every UI test.
__all__ = ["Answers", "answers", "make_window", "settings"]


@pytest.fixture(autouse=True)
def _going_on_without_refused_answers(monkeypatch):
    """A window closed at a test's end with an answer refused in its form goes on without it,
    as the owner may choose (ui.dialogs.go_on_without); a test of that question answers it
    itself."""
    from ui import dialogs

    monkeypatch.setattr(dialogs, "go_on_without", lambda parent, refused, doing: True)


@pytest.fixture
def system_locale():
    """system_locale(QLocale.Country.UnitedStates): what Qt takes for the system's locale
    (English, unless another language is given, in that country) until the test ends."""
    def use(territory: QLocale.Country,
            language: QLocale.Language = QLocale.Language.English) -> None:
        QLocale.setDefault(QLocale(language, territory))

    yield use
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def renders(monkeypatch) -> list[int]:
    """A list that grows by one at each render of the policy, from now to the test's end."""
    import smpolicy_desktop.render as render

    counted: list[int] = []
    real = render.render_document
    monkeypatch.setattr(render, "render_document",
                        lambda *args, **kwargs: counted.append(1) or real(*args, **kwargs))
    return counted


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

