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
def text_of(qapp):
    """text_of(15): the desktop's font at that many points until the test ends."""
    before = qapp.font()

    def use(points: int) -> None:
        font = qapp.font()
        font.setPointSize(points)
        qapp.setFont(font)

    yield use
    qapp.setFont(before)


@pytest.fixture
def system_locale():
    """system_locale(QLocale.Country.UnitedStates): what Qt takes for the system's locale
    (English, unless another language is given, in that country) until the test ends."""
    def use(territory: QLocale.Country,
            language: QLocale.Language = QLocale.Language.English) -> None:
        QLocale.setDefault(QLocale(language, territory))

    yield use
    QLocale.setDefault(QLocale.system())


# Desktop themes as Qt's palette has them: Windows 11 and macOS in dark mode, the same with
# grey text boxes (as Windows 11 draws its own on dark), and the high-contrast themes (white on
# black with strong colours; black on white).
_DARK = {"Window": "#202020", "WindowText": "#ffffff", "Base": "#1c1c1c",
         "AlternateBase": "#2b2b2b", "Text": "#ffffff", "Button": "#2d2d2d",
         "ButtonText": "#ffffff", "Highlight": "#0078d4", "HighlightedText": "#ffffff",
         "ToolTipBase": "#2b2b2b", "ToolTipText": "#ffffff", "Link": "#4cc2ff"}
THEMES = {
    "dark": _DARK,
    "dark, grey boxes": {**_DARK, "Base": "#2d2d2d"},
    "high contrast black": {
        "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000",
        "AlternateBase": "#000000", "Text": "#ffffff", "Button": "#000000",
        "ButtonText": "#ffffff", "Highlight": "#1aebff", "HighlightedText": "#000000",
        "ToolTipBase": "#000000", "ToolTipText": "#ffffff", "Link": "#ffff00"},
    "high contrast white": {
        "Window": "#ffffff", "WindowText": "#000000", "Base": "#ffffff",
        "AlternateBase": "#ffffff", "Text": "#000000", "Button": "#ffffff",
        "ButtonText": "#000000", "Highlight": "#37006e", "HighlightedText": "#ffffff",
        "ToolTipBase": "#ffffff", "ToolTipText": "#000000", "Link": "#00009f"},
}


@pytest.fixture
def desktop_theme(qapp):
    """desktop_theme("dark"): the desktop turns to one of THEMES (at once, as when the owner
    switches while the app runs) until the test ends."""
    from PySide6.QtGui import QColor, QPalette

    before = qapp.palette()

    def turn(name: str) -> None:
        palette = QPalette(before)
        for role, colour in THEMES[name].items():
            palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
        qapp.setPalette(palette)
        qapp.processEvents()  # widgets take the palette from events Qt posts

    yield turn
    qapp.setPalette(before)


def text_contrast(widget) -> float:
    """WCAG's contrast ratio of a label's text against its background, in the colours it is
    drawn in (the text's alpha over the background): the background of the widget that fills
    it in, the label's own or that of the widget it sits on."""
    def luminance(colour) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (linear(c) for c in colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    text = widget.palette().color(widget.foregroundRole())
    behind = widget
    while not (behind.autoFillBackground() or behind.isWindow()):
        behind = behind.parentWidget()
    back = behind.palette().color(behind.backgroundRole()).getRgbF()[:3]
    alpha = text.alphaF()
    drawn = [t * alpha + b * (1 - alpha) for t, b in zip(text.getRgbF()[:3], back, strict=True)]
    light, dark = sorted((luminance(drawn), luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


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

