"""The window from the keyboard alone, as an owner who uses no mouse (or a screen reader) works:
every key pressed where the keyboard is, nothing clicked, and every part named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from smpolicy_desktop.questions import LONG_LINE
from ui.main_window import MainWindow

RISKY = "Never post negative comments about managers."


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    """A key pressed where the keyboard is; where the keyboard is then."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def tab_to(qtbot, name: str, most: int = 60) -> QWidget:
    """Tab until the keyboard is on the widget a screen reader would call `name`."""
    for _ in range(most):
        here = press(qtbot, Qt.Key.Key_Tab)
        if here.accessibleName() == name or getattr(here, "text", lambda: "")() == name:
            return here
    raise AssertionError(f"Tab never reached {name!r}")


def test_an_owner_fixes_a_risky_rule_from_the_example_with_the_keyboard_alone(
        qtbot, settings, answers):
    """Open the example from the start page, write a risky consequence, reach the risk check,
    read why, apply the safer wording, and come back to the answer: keys only."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(None)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    tab_to(qtbot, "Open the example (Northwind Analytics)")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.work)
    assert window.model.project.company.name == "Northwind Analytics LLC"

    press(qtbot, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # Training and enforcement
    box = tab_to(qtbot, "Consequences")
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, RISKY)
    assert window.model.project.training.consequences == RISKY

    press(qtbot, Qt.Key.Key_F7)  # the risk check, the keyboard in its list of findings
    findings = window.findings
    qtbot.waitUntil(lambda: any(f.rule == "nlra.disparagement" for f in findings.findings),
                    timeout=20_000)  # the checker process's first check, on a busy machine
    assert QApplication.focusWidget() is findings.list
    while getattr(findings.current_finding(), "rule", "") != "nlra.disparagement":
        press(qtbot, Qt.Key.Key_Down)
    why = press(qtbot, Qt.Key.Key_Tab)  # a screen reader reads the reason here
    assert why.accessibleName() == "Why it is risky" and RISKY in why.text()
    assert press(qtbot, Qt.Key.Key_Tab) is findings.go_button
    assert press(qtbot, Qt.Key.Key_Tab) is findings.apply_button
    press(qtbot, Qt.Key.Key_Space)
    assert window.model.project.training.consequences != RISKY
    assert QApplication.focusWidget() is box  # back in the answer, to carry on typing

    # F6 on to the preview, the risk check's findings, and round to the answer left
    assert press(qtbot, Qt.Key.Key_F6) is window.preview
    assert press(qtbot, Qt.Key.Key_F6) is findings.list
    assert press(qtbot, Qt.Key.Key_F6) is box
    assert press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier) is findings.list


def test_tab_goes_from_the_area_tabs_into_the_form_then_the_preview_and_the_docks(
        qtbot, make_window):
    """Qt's order was the order things were made in: Tab went from the tabs to the preview,
    skipping the form, and from a form built later to the docks and back into another form."""
    window = make_window()
    window.activateWindow()
    window.findings_dock.show()
    window.review_dock.show()
    for area, index in (("voice", 2), ("company", 0)):
        window.go_to_area(index)
        assert press(qtbot, Qt.Key.Key_Backtab) is window.tabs.tabBar()
        form = window.forms[area]
        first = press(qtbot, Qt.Key.Key_Tab)
        assert form.editor(form.fields()[0]) in (first, first.parentWidget())
        stops = [press(qtbot, Qt.Key.Key_Tab) for _ in range(80)]
        leaving = next(i for i, stop in enumerate(stops) if not form.isAncestorOf(stop))
        after = stops[leaving:]
        assert after[0] is window.preview
        assert after.index(window.findings.list) < after.index(window.review_panel.items) \
            < after.index(window.tabs.tabBar())


def test_a_one_line_answer_grown_to_a_multi_line_box_keeps_its_place_in_the_tab_order(
        qtbot, make_window):
    window = make_window()
    window.activateWindow()
    window.focus_field(("company", "owner_title"))
    window.model.set_value(("company", "owner_title"), "Owner " * (LONG_LINE // 5))
    form = window.forms["company"]
    assert form.editor(("company", "owner_title")).kind == "text"
    window.focus_field(("company", "owner_name"))
    assert press(qtbot, Qt.Key.Key_Tab) is form.editor(("company", "owner_title"))


def test_every_part_of_every_form_is_named_for_a_screen_reader(qtbot, forms_window):
    """Each place Tab stops at in each area's form says what it is: a question's box by its
    question, a list's buttons by what they do and to which list. A question added to the
    model without a name fails here."""
    unnamed = []
    tabs = forms_window.centralWidget()
    for index in range(tabs.count()):
        form = tabs.widget(index)
        form.ensure_built()
        for widget in form.widget().findChildren(QWidget):
            if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() \
                    or isinstance(widget, QLabel) or not widget.isVisibleTo(form):
                continue
            said = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or said):
                unnamed.append(f"{form.area}: {type(widget).__name__}")
        labels = {label.buddy() for label in form.widget().findChildren(QLabel)}
        for path in form.fields():
            editor = form.editor(path)
            assert editor.accessibleName(), path
            assert editor in labels or editor.kind == "check", f"{path} has no label naming it"
    assert unnamed == []


def unnamed_tab_stops(window: QWidget) -> list[str]:
    """Each place in the window Tab can stop at that a screen reader would read without a name
    (what Qt's accessibility says: its accessible name, its label's words, a button's text),
    with where it is. A drop-down's list and a calendar that pop up are Qt's, read by their
    box."""
    from PySide6.QtGui import QAccessible

    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() \
                or isinstance(widget, QLabel) or widget.window() is not window:
            continue
        said = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        if not said.strip():
            parents = []
            parent = widget
            while parent is not window:
                parents.append(type(parent).__name__ + (f"#{parent.objectName()}"
                                                        if parent.objectName() else ""))
                parent = parent.parentWidget()
            unnamed.append(" in ".join(parents))
    return unnamed


def test_every_tab_stop_of_the_window_its_panels_and_windows_is_named(qtbot, make_window):
    """Beyond the forms: the toolbar, the progress strip, the area tabs, the preview, the find
    bar, the risk check's and counsel's review panels, the start page, Help and File >
    Versions. Each place the keyboard can go says what it is to a screen reader."""
    from ui.file_commands import example_project
    from ui.versions_window import VersionsWindow

    window = make_window(example_project())
    window.ensure_loaded()
    for index in range(window.tabs.count()):  # every area's form built
        window.go_to_area(index)
    window.findings_dock.show()
    window.review_dock.show()
    window.find_bar.open_bar()
    assert unnamed_tab_stops(window) == []
    window.files.show_start_page()
    assert unnamed_tab_stops(window) == []
    window.show_help()
    assert unnamed_tab_stops(window.help_window) == []
    versions = VersionsWindow(window)
    qtbot.addWidget(versions)
    assert unnamed_tab_stops(versions) == []


def test_the_help_under_each_question_is_read_where_the_keyboard_is(qtbot, forms_window):
    """A checkbox, a date's box and a list's view take the focus of their answer; the help
    text was set on the answer alone and a screen reader never read it (found by a tester)."""
    unread = []
    tabs = forms_window.centralWidget()
    for index in range(tabs.count()):
        form = tabs.widget(index)
        form.ensure_built()
        for path in form.fields():
            editor = form.editor(path)
            question_help = editor.accessibleDescription()
            stops = [w for w in (editor, *editor.findChildren(QWidget))
                     if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.focusProxy()]
            unread += [f"{path}: {type(w).__name__}" for w in stops
                       if w.accessibleDescription() != question_help]
    assert unread == []


def test_opening_a_project_puts_the_keyboard_in_its_first_answer(qtbot, make_window):
    """Opened, the window had no focus at all: keys typed went nowhere and a screen reader
    read only the title (found by a tester)."""
    window = make_window()
    window.activateWindow()
    form = window.tabs.currentWidget()
    assert form.isAncestorOf(QApplication.focusWidget())
    assert QApplication.focusWidget() is form.editor(form.fields()[0]).focusProxy() or \
        QApplication.focusWidget() is form.editor(form.fields()[0])


def test_the_view_menu_moves_between_panes_and_its_entries_have_their_own_letters(make_window):
    window = make_window()
    view = window.view_menu
    entries = [a.text() for a in view.actions() if not a.isSeparator()]
    assert "&Next Pane" in entries and "&Previous Pane" in entries
    assert window.pane_actions[0].shortcut().toString() == "F6"
    letters = [text[text.index("&") + 1].lower() for text in entries]
    assert len(set(letters)) == len(letters) == len(entries), entries


def test_the_risk_check_and_review_buttons_answer_to_alt_and_their_letter(qtbot, make_window):
    window = make_window()
    window.findings_dock.show()
    window.review_dock.show()
    buttons = [b for panel in (window.findings, window.review_panel)
               for b in panel.findChildren(QAbstractButton) if b.text()]
    letters = [b.text()[b.text().index("&") + 1].lower() for b in buttons if "&" in b.text()]
    assert len(letters) == len(buttons)
    menus = [a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions()]
    assert len(set(letters + menus)) == len(letters + menus)


@pytest.mark.parametrize("system", ["this one", "Windows"])
def test_no_command_has_a_key_twice_and_no_key_is_two_commands(make_window, monkeypatch,
                                                                 system):
    """Windows's Redo is Ctrl+Y already: given Ctrl+Y again it was an ambiguous shortcut,
    which Qt ignores, and Redo's key did nothing. Every key of every command is given once
    (a standard key with every binding the system has) and names one command only."""
    from PySide6.QtGui import QAction, QKeySequence

    import ui.menus

    class WindowsKeys(QKeySequence):
        @staticmethod
        def keyBindings(key):  # Windows's Redo, as Qt's documentation lists it
            if key == QKeySequence.StandardKey.Redo:
                return [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
            return QKeySequence.keyBindings(key)

    if system == "Windows":
        monkeypatch.setattr(ui.menus, "QKeySequence", WindowsKeys)
    window = make_window()
    owners: dict[str, list[str]] = {}
    for command in window.findChildren(QAction):
        keys = [key.toString() for key in command.shortcuts() if not key.isEmpty()]
        assert len(keys) == len(set(keys)), (command.text(), keys)
        for key in keys:
            owners.setdefault(key, []).append(command.text())
    assert {key: names for key, names in owners.items() if len(set(names)) > 1} == {}
    redo = [key.toString() for key in window.redo_action.shortcuts()]
    assert "Ctrl+Y" in redo and all(
        key.toString() in redo
        for key in ui.menus.QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
