"""The first thing a new owner sees: what the app does and does not do, and a way in - a new
policy from their kind of business, a project to open, a recent one, or the example.

The window shows it in place of the forms; `chosen` says what the owner picked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCommandLinkButton,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smpolicy_desktop.presets import Preset

ABOUT = (
    "<p>Answer the questions in eight short areas - about your company, your accounts, who "
    "speaks for you, what staff may post, and what to do in a crisis. The policy is written "
    "as you go, in plain English, and you export it as a Word file for your lawyer.</p>"
    "<p>Most owners need <b>30 to 60 minutes</b>. Everything stays on this computer: the app "
    "never goes online.</p>")
NOT_ADVICE = ("<b>This app does not give legal advice.</b> It drafts a policy and points out "
              "wording that could be risky; have a lawyer review the policy before you use it.")


@dataclass(frozen=True)
class StartChoice:
    """What the owner picked: a preset for a new policy, a file to open (ask_for_file: which),
    or back to the policy already open."""

    preset: Preset | None = None
    path: Path | None = None
    ask_for_file: bool = False
    back: bool = False


class StartPage(QScrollArea):
    """Welcome, new from a kind of business, open, recent projects and the example."""

    chosen = Signal(object)  # StartChoice

    def __init__(self, presets: dict[str, Preset], recent: list[Path], example: Path | None,
                 back_to: str = "", parent: QWidget | None = None):
        super().__init__(parent, widgetResizable=True, objectName="startPage")
        self.choice: StartChoice | None = None
        page = QWidget()
        # Some 140 characters wide at most (1000 pixels at 10 points): with bigger text the page
        # widens, and the kinds of business keep their names on a line ("Health care pract")
        page.setMaximumWidth(140 * self.fontMetrics().averageCharWidth())
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 18, 24, 18)
        title = QLabel("Draft your social media policy")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        for text in (ABOUT, NOT_ADVICE):
            label = QLabel(text, wordWrap=True, textFormat=Qt.TextFormat.RichText)
            layout.addWidget(label)
        layout.itemAt(layout.count() - 1).widget().setObjectName("notLegalAdvice")
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # see resizeEvent
        # Carry on is as wide as its buttons need, the kinds of business take the rest: with two
        # fifths of the page it left them descriptions of four lines, and at 1440x900 at 1.5
        # the page was taller than the window, its last line scrolled out of view
        columns.addWidget(self._new_box(presets), 1)
        columns.addWidget(self._open_box(recent, example), 0)
        layout.addLayout(columns)
        layout.addStretch()
        if back_to:  # shown again from Help: the way back to the policy open
            back = QPushButton(f"Back to {back_to}", objectName="back")
            back.clicked.connect(lambda: self._chosen(StartChoice(back=True)))
            back.setToolTip("Back to the policy (Esc)")
            QShortcut(QKeySequence(Qt.Key.Key_Escape), self, back.click,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            layout.insertWidget(0, back, 0, Qt.AlignmentFlag.AlignLeft)
        # Enter presses the button the keyboard is on, as Space does: outside a dialog a
        # QPushButton takes Enter only when auto-default (found by a tester)
        for button in page.findChildren(QPushButton):
            button.setAutoDefault(True)
        self.setWidget(page)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setFocusProxy(self.findChild(QCommandLinkButton))  # the first kind of business

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Carry on beside the kinds of business where both fit, else below them: at 1366x768
        at 1.75 the page scrolled sideways, Carry on cut at the right edge."""
        margins = self.widget().layout().contentsMargins()
        beside = margins.left() + margins.right() + self.columns.spacing() + sum(
            self.columns.itemAt(n).widget().minimumSizeHint().width() for n in range(2))
        room = event.size().width() - 2 * self.frameWidth() \
            - self.verticalScrollBar().sizeHint().width()  # should the page scroll down
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if beside <= room
                                  else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def _new_box(self, presets: dict[str, Preset]) -> QWidget:
        box = QGroupBox("Start a new policy: what kind of business is this?")
        # The style draws no focus on these: a keyboard user could not see which Space picks.
        box.setStyleSheet("QCommandLinkButton:focus { border: 2px solid palette(highlight); "
                          "border-radius: 4px; }")
        grid = QGridLayout(box)
        for index, preset in enumerate(presets.values()):
            button = QCommandLinkButton(preset.title, preset.description)
            # Qt draws a command link's words at 9 points whatever the desktop's text size,
            # unless its font's size is its own; and its row came out shorter than its words
            # wrapped ("...approved, archived" at 1366x768, the last line cut off)
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF())
            button.setFont(font)
            button.setAccessibleDescription(preset.description)  # read, not only drawn
            button.setObjectName(f"preset_{preset.name}")
            button.clicked.connect(lambda _=False, p=preset: self._chosen(StartChoice(p)))
            grid.addWidget(button, index // 2, index % 2)
        grid.addWidget(QLabel("Not listed? Pick the closest; every answer can be changed.",
                              wordWrap=True), (len(presets) + 1) // 2, 0, 1, 2)
        return box

    def _open_box(self, recent: list[Path], example: Path | None) -> QWidget:
        box = QGroupBox("Carry on")
        column = QVBoxLayout(box)
        open_button = QPushButton("Open a project...")
        open_button.clicked.connect(lambda: self._chosen(StartChoice(ask_for_file=True)))
        column.addWidget(open_button)
        if recent:
            from ui.dialogs import plain_tooltip  # loaded only when there are recent projects

            column.addWidget(QLabel("Recent projects:"))
            for path in recent:
                button = QPushButton(path.stem)
                button.setToolTip(plain_tooltip(str(path)))
                button.setObjectName("recent")
                button.clicked.connect(lambda _=False, p=path: self._chosen(StartChoice(path=p)))
                column.addWidget(button)
        if example is not None:
            column.addSpacing(12)
            column.addWidget(QLabel("See what a finished policy looks like:", wordWrap=True))
            button = QPushButton("Open the example (Northwind Analytics)", objectName="example")
            button.clicked.connect(lambda: self._chosen(StartChoice(path=example)))
            column.addWidget(button)
        column.addStretch()
        return box

    def _chosen(self, choice: StartChoice) -> None:
        self.choice = choice
        self.chosen.emit(choice)
