"""The owner's first hour in the real window: the start page, a window that fits the screen,
honest marks and progress, help, find and print, and errors with a way out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QCommandLinkButton,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QToolButton,
)

from smpolicy_desktop.model import OwnerClause, Project
from smpolicy_desktop.presets import presets
from smpolicy_desktop.render import own_wording
from smpolicy_desktop.storage import SCHEMA_VERSION, load_project, save_project
from ui import dialogs, printing
from ui.dialogs import open_file_name as OPEN_FILE_NAME  # before a fixture answers them
from ui.dialogs import save_file_name as SAVE_FILE_NAME
from ui.file_commands import example_project
from ui.main_window import MainWindow
from ui.marks import status_icon

WAGES = "Employees must not discuss their wages on social media"


def first_start(qtbot, settings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.start(None)
    window.show()
    return window


def test_a_first_start_shows_the_start_page_not_a_silent_preset(qtbot, settings, answers):
    window = first_start(qtbot, settings)
    assert window.stack.currentWidget() is window.start_page
    assert window.windowTitle() == "Welcome — smpolicy"
    assert window.start_page.findChild(QPushButton, "back") is None  # nothing to go back to
    window.start_page.findChild(QCommandLinkButton, "preset_professional_services").click()
    assert window.stack.currentWidget() is window.work
    assert window.model.project == presets()["professional_services"].project()
    assert window.model.path is None and window.windowTitle().startswith("Untitled")


def test_the_start_page_offers_no_command_on_a_project_it_does_not_show(qtbot, settings,
                                                                       answers, monkeypatch):
    """Seen at 1366x768: on the first start page, Export to Word asked where to write
    "Social media policy.docx" and F7 opened an empty risk check, both about a blank project
    the owner never saw. They wait until a project shows, and come back with it."""
    window = first_start(qtbot, settings)
    exported = []
    monkeypatch.setattr(window.exports, "export", lambda fmt, *a, **k: exported.append(fmt))
    window.ensure_loaded()  # the panels' commands too (View > Counsel's Review; a tester)
    go_to = [a for a in window.view_menu.actions() if a.shortcut().toString().startswith(
        ("Ctrl+1", "Ctrl+PgDown"))]
    commands = [window.save_action, window.export_actions["docx"], window.risk_check_action,
                window.print_action, *window.kind_actions.actions(),
                window.review_dock.toggleViewAction(), *go_to]
    assert len(go_to) == 2 and not any(command.isEnabled() for command in commands)
    window.activateWindow()
    qtbot.keyClick(window.start_page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == []
    window.start_page.findChild(QCommandLinkButton, "preset_nonprofit").click()
    assert all(command.isEnabled() for command in commands)
    assert not window.export_changes_action.isEnabled()  # nothing sent to counsel yet
    window.help_action.trigger()  # still works everywhere
    window.welcome_action.trigger()
    assert not window.export_actions["docx"].isEnabled()


def edit_menu(window: MainWindow) -> list[str]:
    """Edit's entries as the menu shows them, the greyed ones in brackets."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return [(text if a.isEnabled() else f"({text})")
            for a in menu.actions() if not a.isSeparator()
            for text in [a.text().replace("&", "")]][:2]


def test_undo_and_redo_wait_while_no_project_shows_and_come_back_with_it(qtbot, make_window):
    """Seen from Help > Welcome Page: Undo and Redo stayed enabled, and Ctrl+Z changed the
    policy behind the start page unseen. They wait like the other commands on a project, and
    the project's history is there again when it shows."""
    window = make_window()
    window.model.set_value(("company", "name"), "Harbor Lane", typing=False)
    window.model.set_value(("company", "name"), "Harbor Lane Accounting", typing=False)
    window.undo_action.trigger()
    shown = edit_menu(window)
    assert shown == ["Undo Edit Company name", "Redo Edit Company name"]
    window.welcome_action.trigger()
    assert edit_menu(window) == ["(Undo)", "(Redo)"]
    assert not window.undo_tool.isEnabled() and not window.redo_tool.isEnabled()
    window.activateWindow()
    qtbot.keyClick(window.start_page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.undo_action.trigger()
    assert window.model.project.company.name == "Harbor Lane"  # nothing undone unseen
    window.start_page.findChild(QPushButton, "back").click()
    assert edit_menu(window) == shown and window.undo_tool.isEnabled()
    window.redo_action.trigger()
    assert window.model.project.company.name == "Harbor Lane Accounting"


def test_the_example_opens_as_an_untitled_copy(qtbot, settings, answers):
    window = first_start(qtbot, settings)
    window.start_page.findChild(QPushButton, "example").click()
    assert window.model.project == load_project(example_project())
    assert window.model.path is None  # saving never overwrites the shipped example


def test_the_first_window_fits_the_screen(qtbot, settings, answers):
    window = first_start(qtbot, settings)
    free = window.screen().availableGeometry()
    assert free.contains(window.frameGeometry()) or free.contains(window.geometry())
    assert window.height() <= free.height() - 40


@pytest.mark.parametrize(("free", "size"), [
    ((1366, 728), (1280, 688)),  # a laptop: all of it, less the frame
    ((1280, 680), (1200, 640)),  # 2560x1440 at 2x
    ((1920, 1040), (1536, 884)),  # a desktop: most of it, not a small box in the middle
    ((3840, 2120), (3072, 1802)),
])
def test_the_first_window_uses_most_of_a_big_screen_and_fits_a_small_one(free, size):
    from ui.main_window import FRAME, first_size

    assert first_size(*free) == size
    assert size[0] <= free[0] - 2 * FRAME and size[1] <= free[1] - FRAME


@pytest.mark.parametrize("free", [(1366, 728), (1280, 680)])  # 1366x768, 1280x720: less a panel
def test_on_a_small_screen_the_first_window_leaves_no_room_unused_below_it(
        qtbot, settings, answers, monkeypatch, free):
    """The first window on a 1366x768 or 1280x720 screen left 80 pixels unused below it; it
    now takes the free area's height, less its frame (title bar and borders), from the top."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from ui.main_window import FRAME

    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: QRect(0, 0, *free))
    window = first_start(qtbot, settings)
    assert window.y() == 0 and window.y() + window.height() + FRAME == free[1]
    assert window.x() + window.width() // 2 == free[0] // 2  # across: in the middle


def test_a_1366x768_screen_at_2x_fits_the_window_with_every_command_in_reach(qtbot,
                                                                              make_window):
    from ui.main_window import FRAME, first_size

    window = make_window(example_project())
    window.findings_dock.show()
    window.review_dock.show()
    free = (683, 384)  # 1366x768 at QT_SCALE_FACTOR=2, in the window's own pixels
    hint = window.minimumSizeHint()
    assert hint.width() <= free[0] - FRAME and hint.height() <= free[1] - FRAME
    window.resize(*first_size(*free))
    toolbar = window.findChild(QToolBar, "mainToolbar")
    more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    qtbot.waitUntil(more.isVisible)  # the commands that do not fit are behind it
    more.click()
    for command in (window.risk_check_action, window.export_actions["docx"],
                    window.kind_actions.actions()[1], window.save_action):
        button = toolbar.widgetForAction(command)
        qtbot.waitUntil(button.isVisible)
        assert window.rect().contains(button.geometry().translated(toolbar.pos()))
    tabs = window.tabs.tabBar()  # the first areas' tabs show, not only their scroll buttons
    assert tabs.rect().contains(tabs.tabRect(0)) and tabs.rect().contains(tabs.tabRect(1))


def test_at_2x_on_a_1920x1080_screen_the_toolbar_shows_export_and_keeps_the_file_icons(
        qtbot, make_window):
    """The file and undo commands lose their labels before Export to Word goes behind >>,
    and get them back when the window is wide again."""
    from ui.main_window import first_size

    window = make_window(example_project())
    toolbar = window.findChild(QToolBar, "mainToolbar")
    more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    file_buttons = [toolbar.widgetForAction(command) for command in
                    (window.new_action, window.open_action, window.save_action)]
    window.resize(*first_size(960, 520))  # 1920x1080 at QT_SCALE_FACTOR=2, less the panel
    qtbot.waitUntil(lambda: file_buttons[0].toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonIconOnly)
    qtbot.wait(20)
    assert not more.isVisible()
    for command in (window.export_actions["docx"], window.risk_check_action,
                    *window.kind_actions.actions()):
        button = toolbar.widgetForAction(command)
        assert button.isVisible() and toolbar.rect().contains(button.geometry())
    assert [button.toolTip().split(" (")[0] for button in file_buttons] == [  # named still
        "New", "Open", "Save"]
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: file_buttons[0].toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    assert [button.text() for button in file_buttons] == ["New", "Open", "Save"]


def test_the_risk_dock_never_cuts_the_form_or_scrolls_its_labels_away(qtbot, make_window):
    window = make_window()
    window.resize(1200, 700)
    window.findings_dock.show()
    form = window.forms["employees"]
    window.tabs.setCurrentWidget(form)
    qtbot.waitUntil(lambda: form.widget() is not None and form.widget().width() > 0)
    assert form.widget().width() <= form.viewport().width()  # nothing cut at the right
    window.focus_field(("employees", "confidential_info"))
    assert form.horizontalScrollBar().value() == 0
    assert window.findings_dock.width() <= 420
    qtbot.waitUntil(lambda: window.findings.list.count() > 0, timeout=10_000)
    window.findings.list.setCurrentRow(0)  # its details show below the list
    qtbot.wait(50)
    assert not window.findings_dock.widget().verticalScrollBar().isVisible()  # room enough


def test_a_findings_explanation_is_never_cut_under_its_button_at_1366x768(qtbot, make_window):
    """Seen at 1366x768: for a risky list item, the explanation ran under "Apply safer
    wording", its last line (why the button is greyed out) cut off. The panel scrolls
    instead, and shows the whole text."""
    from ui.main_window import first_size

    window = make_window(example_project())
    window.resize(*first_size(1366, 768))
    item = "Never criticise the company or your manager online"
    items = window.model.project.employees.confidential_info
    window.model.set_value(("employees", "confidential_info"), [*items, item])
    window.findings_dock.show()
    panel = window.findings
    qtbot.waitUntil(lambda: any(f.excerpt == item for f in panel.findings), timeout=20_000)
    panel.list.setCurrentRow(next(i for i, f in enumerate(panel.findings)
                                  if f.excerpt == item))
    assert panel.details.text().endswith("Apply removes this item from the list: no part of it "
                                         "can stay.")
    details = panel.details
    qtbot.waitUntil(lambda: details.height() >= details.heightForWidth(details.width()))
    assert panel.details_box.geometry().bottom() < panel.apply_button.geometry().top()


def test_the_risk_checks_buttons_stay_put_whichever_finding_is_picked(qtbot, make_window):
    """Apply sat under the picked finding's explanation, so it moved with each pick (by 120
    pixels at 1366x768, ux.md #2), and with each Apply, which picks the next finding."""
    from ui.main_window import first_size

    window = make_window(example_project())
    window.resize(*first_size(1366, 768))
    items = window.model.project.employees.confidential_info
    window.model.set_value(("employees", "confidential_info"),
                           [*items, "Never criticise the company or your manager online"])
    window.findings_dock.show()
    panel = window.findings
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=20_000)
    places = set()
    for row in (-1, *range(panel.list.count())):
        panel.list.setCurrentRow(row)
        qtbot.wait(20)
        places.add((panel.go_button.y(), panel.apply_button.y()))
    assert len(places) == 1


def test_marks_never_show_a_tick_over_a_likely_unlawful_rule(qtbot, make_window):
    window = make_window()
    window.show_project(load_project(example_project()), None)
    window.findings_dock.show()
    index = list(Project.areas()).index("employees")
    rules = window.model.project.employees.confidential_info
    window.model.set_value(("employees", "confidential_info"), [*rules, WAGES])
    qtbot.waitUntil(lambda: window.tabs.widget(index).property("status") == "warning",
                    timeout=10_000)
    tab = window.tabs.palette().color(window.tabs.backgroundRole()).name()
    assert window.tabs.tabIcon(index).cacheKey() == status_icon("warning", tab).cacheKey()
    assert "could be unlawful" in window.progress.hint.text()
    assert window.progress.area == "employees"


@pytest.mark.parametrize("where", ["a rule of the owner's own", "a clause reworded"])
def test_a_risky_rule_in_the_owners_own_words_takes_the_tick_off_its_tab(qtbot, make_window,
                                                                          where):
    window = make_window()
    window.show_project(load_project(example_project()), None)
    index = list(Project.areas()).index("training")
    qtbot.waitUntil(lambda: window.tabs.widget(index).property("status") == "done",
                    timeout=10_000)
    if where == "a clause reworded":
        wording = own_wording(window.model.project, "training.consequences", WAGES)
        window.model.set_value(("wording",), [wording], "Edit wording", typing=False)
    else:
        rule = OwnerClause(id="own.1", section_id="training", title="Pay", text=WAGES)
        window.model.set_value(("owner_clauses",), [rule], "Add a rule", typing=False)
    qtbot.waitUntil(lambda: window.tabs.widget(index).property("status") == "warning",
                    timeout=10_000)
    assert "has a risky rule" in window.tabs.tabToolTip(index)
    assert window.progress.hint.text().startswith("Next: Training and enforcement: a rule")


def test_apply_safer_wording_mends_a_risky_sentence_in_the_owners_own_rule(qtbot, make_window):
    window = make_window()
    window.show_project(load_project(example_project()), None)
    risky = "Never post anything negative about your manager."
    rule = OwnerClause(id="own.1", section_id="training", title="Tone",
                       text=f"Be kind online. {risky}")
    window.model.set_value(("owner_clauses",), [rule], "Add a rule", typing=False)
    panel = window.findings
    qtbot.waitUntil(lambda: any(f.excerpt == risky for f in panel.findings), timeout=10_000)
    panel.list.setCurrentRow(next(row for row, f in enumerate(panel.findings)
                                  if f.excerpt == risky))
    assert panel.apply_button.isEnabled()
    panel.apply_button.click()
    text = window.model.project.owner_clauses[0].text
    assert text.startswith("Be kind online. Do not post knowingly false statements")
    qtbot.waitUntil(lambda: not any(f.excerpt == risky for f in panel.findings),
                    timeout=10_000)
    window.model.undo_stack.undo()  # one Undo puts the owner's words back
    assert window.model.project.owner_clauses[0].text == f"Be kind online. {risky}"


def test_the_preview_underlines_a_risky_sentence_until_the_safer_wording_replaces_it(
        qtbot, make_window):
    window = make_window()
    window.show_project(load_project(example_project()), None)
    risky = "Never post anything negative about your manager."
    window.model.set_value(("training", "consequences"), f"Coaching first. {risky}")

    def underlined() -> list[str]:
        return [mark.cursor.selectedText() for mark in window.preview.extraSelections()]

    qtbot.waitUntil(lambda: underlined() == [risky], timeout=10_000)
    marks = window.preview.extraSelections()
    assert marks[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    panel = window.findings
    panel.list.setCurrentRow(next(row for row, f in enumerate(panel.findings)
                                  if f.excerpt == risky))
    panel.apply_button.click()
    qtbot.waitUntil(lambda: underlined() == [], timeout=10_000)
    assert "Coaching first. Do not post knowingly false" in window.preview.toPlainText()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: underlined() == [risky], timeout=10_000)


def test_finding_words_in_the_preview_keeps_the_risky_sentences_underlined(qtbot, make_window):
    window = make_window()
    window.show_project(load_project(example_project()), None)
    risky = "Never post anything negative about your manager."
    window.model.set_value(("training", "consequences"), f"Coaching first. {risky}")

    def underlined() -> list[str]:
        return [mark.cursor.selectedText() for mark in window.preview.extraSelections()
                if mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]

    qtbot.waitUntil(lambda: underlined() == [risky], timeout=10_000)
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.box, "coaching")
    assert window.find_bar.count.text() == "1 found"
    assert underlined() == [risky] and len(window.preview.extraSelections()) == 2
    # an answer changes while the bar is open: the new text's matches are highlighted
    window.model.set_value(("training", "consequences"), f"Coaching, then coaching. {risky}")
    qtbot.waitUntil(lambda: window.find_bar.count.text() == "2 found"
                    and underlined() == [risky], timeout=10_000)
    assert sorted(mark.cursor.selectedText() for mark in window.preview.extraSelections()) == \
        sorted(["Coaching", "coaching", risky])
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Escape)
    assert window.find_bar.isHidden()
    assert underlined() == [risky] and len(window.preview.extraSelections()) == 1


def test_a_risky_sentence_is_underlined_as_whole_words_never_inside_a_longer_one(
        qtbot, make_window):
    window = make_window()
    window.model.set_value(("training", "consequences"),
                           "Ask team 10 first, then team 1. Say (as we do) it is late.Thanks")
    qtbot.waitUntil(lambda: "late.Thanks" in window.preview.toPlainText(), timeout=10_000)
    window.preview.mark_risky(["team 1", "(as we do)", "it is late.", "Thanks", "hank"])
    assert sorted(mark.cursor.selectedText() for mark in window.preview.extraSelections()) == [
        "(as we do)", "Thanks", "it is late.", "team 1"]


def test_a_final_export_with_open_items_asks_first(qtbot, tmp_path, make_window, answers):
    window = make_window()
    project = presets()["professional_services"].project()
    project.employees.confidential_info = [*project.employees.confidential_info, WAGES]
    project.review.final = True
    window.show_project(project, None)
    answers.save_path = tmp_path / "final.docx"
    window.export_actions["docx"].trigger()
    assert not (tmp_path / "final.docx").exists()  # the owner went back
    assert any("risky sentence" in e for e in answers.errors)
    assert any(e.startswith("Not approved yet by: ") for e in answers.errors)
    answers.export_final = True
    window.export_actions["docx"].trigger()
    assert (tmp_path / "final.docx").is_file()


def test_a_damaged_project_opens_from_its_backup(qtbot, tmp_path, make_window, answers):
    path = tmp_path / "policy.smpolicy"
    good = presets()["nonprofit"].project()
    save_project(good, path)
    save_project(presets()["retail_consumer"].project(), path)  # keeps the first as .bak
    path.write_text('{"format": "smpolicy", "company": {"name": "Cut off', encoding="utf-8")
    window = make_window()
    answers.open_backup = True
    assert window.files.load(path)
    assert answers.backups_offered == [Path(f"{path}.bak")]
    assert window.model.project == good and window.model.path == path
    assert not window.model.undo_stack.isClean()  # saving puts the good version back


def test_a_damaged_project_saved_once_opens_from_its_last_kept_version(qtbot, tmp_path,
                                                                      make_window, answers):
    """Saved once, so no .bak yet, then cut short (a sync conflict, a full disk): the last
    save is offered from File > Versions and opens as unsaved changes to the file."""
    path = tmp_path / "policy.smpolicy"
    good = presets()["nonprofit"].project()
    save_project(good, path)
    assert not Path(f"{path}.bak").exists()
    path.write_text('{"format": "smpolicy-project", "schema_version": 4, "proj', encoding="utf-8")
    window = make_window()
    answers.open_backup = True
    assert window.files.load(path)
    [offered] = answers.backups_offered
    assert offered is not None and offered.parent.name.startswith("policy-")  # a kept version
    assert window.model.project == good and window.model.path == path
    assert not window.model.undo_stack.isClean()  # saving puts the good version back


def test_a_file_from_a_newer_smpolicy_is_not_offered_its_older_backup(qtbot, tmp_path,
                                                                     make_window, answers):
    """A colleague's newer app saved the project (its old version is the .bak): this app
    says to update, and does not offer the backup, whose save would replace the newer work."""
    path = tmp_path / "policy.smpolicy"
    save_project(presets()["nonprofit"].project(), path)
    save_project(presets()["retail_consumer"].project(), path)  # a .bak exists
    newer = path.read_text(encoding="utf-8").replace(f'"schema_version": {SCHEMA_VERSION}',
                                                     f'"schema_version": {SCHEMA_VERSION + 1}')
    path.write_text(newer, encoding="utf-8")
    window = make_window()
    answers.open_backup = True
    assert not window.files.load(path)
    assert answers.backups_offered == [None]
    assert answers.errors == ["policy.smpolicy: this file was made by a newer version of "
                              f"smpolicy (file format {SCHEMA_VERSION + 1}; this version reads "
                              f"up to {SCHEMA_VERSION}). Please update the app"]
    assert path.read_text(encoding="utf-8") == newer


def test_a_failed_save_offers_save_as(qtbot, tmp_path, make_window, answers, monkeypatch):
    window = make_window()
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    monkeypatch.setattr(dialogs, "save_failed", lambda p, path, reason: "save_as")
    answers.save_path = tmp_path / "elsewhere.smpolicy"
    assert window.files.save_to(not_a_folder / "policy.smpolicy")
    assert (tmp_path / "elsewhere.smpolicy").is_file()
    assert window.model.path == tmp_path / "elsewhere.smpolicy"


def test_help_find_and_print(qtbot, make_window, monkeypatch):
    window = make_window()
    window.tabs.setCurrentWidget(window.forms["responses"])
    window.help_action.trigger()
    assert window.help_window.isVisible()
    assert window.help_window.browser.toPlainText().startswith("Responses and crises")
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    printed = []
    monkeypatch.setattr(printing, "print_policy",
                        lambda parent, document, title: printed.append(document))
    window.print_action.trigger()
    assert printed == [window.model.workspace.document()]


def test_the_toolbar_keeps_its_place_while_undo_says_what_it_undoes(qtbot, make_window):
    window = make_window()
    toolbar = window.findChild(type(window.addToolBar("x")), "mainToolbar")
    button = toolbar.widgetForAction(window.undo_tool)
    before = toolbar.widgetForAction(window.kind_actions.actions()[0]).x()
    window.focus_field(("company", "owner_title"))
    qtbot.keyClicks(window.forms["company"].editor(("company", "owner_title")), "Partner")
    assert button.text() == "Undo" and window.undo_tool.toolTip() == \
        "Undo Edit Policy owner's job title"
    assert toolbar.widgetForAction(window.kind_actions.actions()[0]).x() == before


def test_undo_redo_and_export_show_their_own_icons_not_media_arrows(make_window):
    """Qt's standard arrows read as "play"; the toolbar draws the app's own undo, redo and
    export-to-Word pictures, at every size it may ask for."""
    from PySide6.QtWidgets import QStyle

    window = make_window()
    arrows = [window.style().standardIcon(getattr(QStyle.StandardPixmap, name))
              for name in ("SP_ArrowBack", "SP_ArrowForward", "SP_ArrowRight")]
    drawn = [command.icon().pixmap(24).toImage() for command in (
        window.undo_tool, window.redo_tool, window.export_actions["docx"])]
    assert all(not image.isNull() for image in drawn)
    assert drawn[0] != drawn[1] and drawn[1] != drawn[2] and drawn[0] != drawn[2]
    for image in drawn:
        assert all(image != arrow.pixmap(24).toImage() for arrow in arrows)


def test_after_apply_safer_wording_the_keyboard_is_back_in_that_answer(qtbot, make_window):
    window = make_window()
    window.findings_dock.show()
    window.model.set_value(("training", "consequences"), "Never criticise the company online.")
    panel = window.findings
    qtbot.waitUntil(lambda: any(f.applicable and f.path[:2] == ("training", "consequences")
                                for f in panel.findings), timeout=10_000)
    row = next(i for i, f in enumerate(panel.findings)
               if f.applicable and f.path[:2] == ("training", "consequences"))
    panel.list.setCurrentRow(row)
    panel.apply_button.setFocus()
    panel.apply_button.click()
    box = window.forms["training"].editor(("training", "consequences"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    assert not box.textCursor().hasSelection()
    assert window.model.project.company.name == ""  # no other answer was touched


def test_after_apply_safer_wording_a_key_lands_after_the_new_words(qtbot, make_window):
    """Seen at 2560x1440 at 2x: with a risky sentence added at the end of Consequences, Apply
    left the cursor where the old text ended, inside the safer wording: "Z" typed next gave
    "Do not post knowingly false statements aboutZ the company"."""
    window = make_window()
    window.findings_dock.show()
    kept = "Usually we talk it through first."
    window.model.set_value(("training", "consequences"),
                           f"{kept} Never post negative comments about managers.")
    panel = window.findings
    box = window.forms["training"].editor(("training", "consequences"))
    window.focus_field(("training", "consequences"))
    box.setCursorPosition(len(kept) + 10)  # where the owner stopped typing, say
    qtbot.waitUntil(lambda: any(f.applicable and f.path[:2] == ("training", "consequences")
                                for f in panel.findings), timeout=10_000)
    panel.list.setCurrentRow(next(i for i, f in enumerate(panel.findings)
                                  if f.applicable and f.path[:2] == ("training", "consequences")))
    panel.apply_button.click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    fixed = window.model.project.training.consequences
    assert fixed.startswith(kept) and "managers" not in fixed
    qtbot.keyClicks(box, " Z")
    assert window.model.project.training.consequences == fixed.rstrip() + " Z" + \
        fixed[len(fixed.rstrip()):]


def test_ctrl_e_exports_from_a_one_line_box(qtbot, make_window, monkeypatch):
    window = make_window()
    window.activateWindow()
    asked = []
    monkeypatch.setattr(window.exports, "export", lambda fmt, *a: asked.append(fmt))
    window.focus_field(("training", "who_is_trained"))
    box = window.forms["training"].editor(("training", "who_is_trained"))
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["docx"]


@pytest.mark.parametrize("path", [("review", "review_cycle_months"),
                                  ("company", "staff_count"), ("company", "effective_date")])
def test_ctrl_e_exports_from_a_number_or_date_box(qtbot, make_window, monkeypatch, path):
    """Seen at 1366x768: Ctrl+E in "Review every (months)" did nothing (the box's line edit
    took it as "end of line"). Ctrl+Z there still undoes what was typed in the box."""
    window = make_window()
    window.model.set_value(("company", "effective_date"), date(2026, 3, 1))
    window.activateWindow()
    asked = []
    monkeypatch.setattr(window.exports, "export", lambda fmt, *a: asked.append(fmt))
    window.focus_field(path)
    editor = window.forms[path[0]].editor(path)
    box = getattr(editor, "edit", editor)  # a date box is a line edit, a spin box holds one
    box = box if isinstance(box, QLineEdit) else box.findChild(QLineEdit)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["docx"]
    # Offscreen, Qt binds no Ctrl+E in a line edit; Ctrl+Home, which it binds everywhere,
    # stands in for X11's Ctrl+E as a window key the box would otherwise keep.
    stand_in = QAction("Stand-in", window, shortcut=QKeySequence("Ctrl+Home"))
    window.addAction(stand_in)
    stand_in.triggered.connect(lambda: asked.append("stand-in"))
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["docx", "stand-in"]
    undo_text, shown = window.undo_action.text(), box.text()
    box.selectAll()
    qtbot.keyClicks(box, "7")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == shown  # the typing is undone
    assert window.undo_action.text() == undo_text  # the window's history is untouched


@pytest.mark.parametrize("path", [("review", "review_cycle_months"),
                                  ("company", "effective_date")])
def test_ctrl_z_in_a_number_or_date_box_with_nothing_typed_undoes_the_last_edit(
        qtbot, make_window, path):
    """Seen by a tester: Ctrl+8 put the keyboard in "Review every (months)"; after a click on
    Short guidelines, Ctrl+Z there did nothing (the box kept it for typing never done). A
    number typed and taken with Enter is an answer: Ctrl+Z then undoes it too."""
    window = make_window()
    window.model.set_value(("company", "effective_date"), date(2026, 3, 1))
    window.activateWindow()
    window.focus_field(path)
    editor = window.forms[path[0]].editor(path)
    box = getattr(editor, "edit", editor)
    box = box if isinstance(box, QLineEdit) else box.findChild(QLineEdit)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    window.model.set_value(("company", "document_type"), "short")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.project.company.document_type == "full"
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.model.project.company.document_type == "short"
    if path == ("review", "review_cycle_months"):
        before = window.model.value(path)
        box.selectAll()
        qtbot.keyClicks(box, "7")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert window.model.value(path) == 7
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.model.value(path) == before


def test_tab_from_the_last_answer_goes_on_to_the_areas_and_the_preview(qtbot, make_window):
    """Seen at 1366x768: after the last answer of a tab, Tab went twice to nothing one could
    see (the scrolling frames around the forms) before reaching the list of areas."""
    window = make_window(example_project())
    window.activateWindow()
    form = window.forms["company"]
    form.focus_field(form.fields()[-1])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    stops = []
    for _ in range(11):  # the last answer has eight boxes
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert not [stop for stop in stops if isinstance(stop, QScrollArea)]
    assert window.tabs.tabBar() in stops and window.preview in stops


def test_ctrl_and_an_area_number_puts_the_keyboard_in_that_areas_first_answer(qtbot,
                                                                             make_window):
    """Seen at 1366x768: in Employees, Ctrl+1 showed Company but the keyboard stayed in the
    hidden Employees answer, so "XYZ" typed next went nowhere."""
    window = make_window(example_project())
    window.activateWindow()
    window.focus_field(("employees", "disclaimer_text"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    name = window.forms["company"].editor(("company", "name"))
    assert window.tabs.currentWidget() is window.forms["company"] and name.hasFocus()
    qtbot.keyClicks(name, " Ltd")
    assert window.model.project.company.name == "Northwind Analytics LLC Ltd"
    qtbot.keyClick(name, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    accounts = window.forms["presence"].editor(("presence", "accounts"))
    assert accounts.view.hasFocus()


@pytest.mark.parametrize("path", [("responses", "escalation_chain"), ("responses", "first_steps"),
                                  ("responses", "holding_statement")])
def test_ctrl_page_down_and_up_go_to_the_next_area_and_back_from_any_answer(
        qtbot, make_window, path):
    """From a table, a list or a long answer too (a table kept the key, found by a tester)."""
    window = make_window(example_project())
    window.activateWindow()
    window.focus_field(path)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.forms["training"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.forms["responses"]
    assert window.forms["responses"].isAncestorOf(QApplication.focusWidget())


BRITISH = ("colour", "cheque", "mould", "programme", "jewellery", "aluminium", "sceptical",
           "pyjamas", "kerb", "manoeuvre", "aeroplane", "organisation", "behaviour", "centre")


def test_spelling_follows_the_country(qtbot, make_window):
    """A UK bakery's "cheque", "mould" and "programme" were underlined (the patterns that
    turned a British form into the American one missed them), and "colur" was offered only
    "color" (found by a tester)."""
    from ui import spelling

    window = make_window()
    window.model.set_value(("company", "country"), "GB")
    assert [word for word in BRITISH if spelling.misspelt(word)] == []
    assert spelling.suggestions("colur")[:2] == ["colour", "color"]
    assert spelling.suggestions("organisaton")[0] == "organisation"
    window.model.set_value(("company", "country"), "US")
    assert [word for word in BRITISH if not spelling.misspelt(word)] == ["programme"]
    assert "colour" not in spelling.suggestions("colur")


def test_f7_takes_the_keyboard_to_the_findings(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    window.focus_field(("company", "name"))
    checks = window.findings_dock.toggleViewAction()
    checks.trigger()
    qtbot.waitUntil(window.findings.list.hasFocus)


def test_the_welcome_page_from_help_has_a_way_back_to_the_policy(qtbot, make_window):
    window = make_window()
    window.model.set_value(("company", "name"), "Harbor Lane Accounting LLC")
    window.welcome_action.trigger()
    assert window.stack.currentWidget() is window.start_page
    window.start_page.findChild(QPushButton, "back").click()
    assert window.stack.currentWidget() is window.work
    assert window.model.project.company.name == "Harbor Lane Accounting LLC"
    assert window.windowTitle().startswith("Untitled")


def test_new_offers_the_kinds_of_business_and_starts_from_the_one_picked(qtbot, make_window,
                                                                          answers):
    window = make_window()
    window.new_action.trigger()
    assert window.stack.currentWidget() is window.start_page
    window.start_page.findChild(QCommandLinkButton, "preset_health_care").click()
    assert window.model.project == presets()["health_care"].project()


def test_every_occurrence_of_each_risky_sentence_is_underlined_and_none_without_them(
        qtbot, make_window):
    """The preview marks each risky sentence wherever it shows, in any case, with one pass
    over the policy; with no risky sentence, nothing is marked."""
    window = make_window()
    window.show_project(load_project(example_project()), None)
    window.model.set_value(("training", "consequences"),
                           "Never post about pay. Keep it civil. NEVER POST ABOUT PAY.")
    qtbot.waitUntil(lambda: "Keep it civil." in window.preview.toPlainText(), timeout=10_000)
    window.preview.mark_risky(["never post about pay.", "Keep it civil."])
    assert sorted(mark.cursor.selectedText() for mark in window.preview.extraSelections()) == [
        "Keep it civil.", "NEVER POST ABOUT PAY.", "Never post about pay."]
    window.preview.mark_risky([])
    assert window.preview.extraSelections() == []


def test_dialogs_open_no_larger_than_the_screen(qtbot, make_window, monkeypatch, tmp_path):
    """Seen by a tester at 2x (a 1920x1080 screen is 960x540 to the app): Help and the report
    of File > Check a Policy Document were taller than the screen, Close below its edge."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QDialog

    from ui.findings import check_policy_document
    from ui.help import HelpWindow
    from ui.screen_fit import FRAME

    window = make_window()
    free = QRect(0, 0, 960, 510)  # 1920x1080 at 2x, less a panel
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _: free)
    policy = tmp_path / "policy.txt"
    policy.write_text("Keep customer data private.\n", encoding="utf-8")
    monkeypatch.setattr(QDialog, "open", QDialog.show)
    check_policy_document(window, window.model.project, policy)
    report = next(d for d in window.findChildren(QDialog) if d.windowTitle().startswith("Risk"))
    for dialog in (HelpWindow(window), report):
        assert dialog.width() <= free.width() - FRAME and dialog.height() <= free.height() - FRAME
        dialog.close()


@pytest.mark.parametrize("free", [(683, 384), (960, 510), (1366, 738)])  # 2x, 2x, 1x
@pytest.mark.parametrize("command", ["export", "open"])
def test_the_file_dialogs_open_whole_on_the_screen(qtbot, make_window, monkeypatch, free,
                                                    command):
    """Seen at 2x on a 1366x768 screen (683x384 to the app): the export's save dialog opened
    at 632x412 whatever the screen, taller than it, its file types and Cancel below the
    edge; so did Open (and the open dialogs of counsel's reply and of a policy to check,
    which share it). It opens at its own size where that fits, else as big as the screen lets
    it, and every button and box shows inside it."""
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLineEdit

    from ui.screen_fit import FRAME

    window = make_window(example_project())
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _: QRect(0, 0, *free))
    monkeypatch.setattr(dialogs, "save_file_name", SAVE_FILE_NAME)  # not the fixtures' answers
    monkeypatch.setattr(dialogs, "open_file_name", OPEN_FILE_NAME)
    shown = []

    def look(dialog: QFileDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        controls = [widget for kind in (QAbstractButton, QComboBox, QLineEdit)
                    for widget in dialog.findChildren(kind) if widget.isVisible()]
        shown.append((dialog.size(), dialog.sizeHint(), dialog.minimumSizeHint(), [
            widget.accessibleName() or widget.text() if hasattr(widget, "text") else "box"
            for widget in controls
            if not dialog.rect().contains(QRect(widget.mapTo(dialog, QPoint()), widget.size()))]))
        dialog.hide()
        return 0  # cancelled

    monkeypatch.setattr(QFileDialog, "exec", look)
    if command == "export":
        assert window.exports.export("docx") is None
    else:
        assert not window.files.open_project()
    [(size, hint, least, outside)] = shown
    assert outside == []
    room = QSize(free[0] - FRAME, free[1] - FRAME)
    assert size.boundedTo(room) == size and size.expandedTo(least) == size
    assert size.expandedTo(hint.boundedTo(room)) == size  # no smaller than it needs be


def test_a_window_too_narrow_for_both_scrolls_to_a_preview_one_can_read(qtbot, make_window):
    """Seen by a tester at 1366x768 and 2x (683x384 to the app): the preview was a column
    about 50 pixels wide, its words broken a letter or two a line."""
    window = make_window(example_project())
    window.show()
    window.resize(683 - 40, 384 - 40)
    window.findings_dock.show()
    qtbot.waitUntil(lambda: window.preview.width() > 0)
    qtbot.wait(50)
    letters = window.preview.fontMetrics().averageCharWidth()
    assert window.preview.viewport().width() >= 28 * letters
    bar = window.work.horizontalScrollBar()
    bar.setValue(bar.maximum())  # the work scrolls sideways to the preview
    corner = window.preview.mapTo(window.work.viewport(), window.preview.rect().topRight())
    assert corner.x() <= window.work.viewport().width()


def test_the_area_tabs_go_across_the_top_where_the_side_has_no_room_and_come_back(
        qtbot, make_window):
    """Seen at 2x on a 1920x1080 screen (960x540 to the app) with counsel's review open: the
    side tabs took the room the preview needed, which scrolled out of sight. Across the top,
    the form and the preview fit beside the panel with less to scroll; with room again, the
    tabs go back to the side, where every title reads whole."""
    window = make_window(example_project())
    window.show()
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: window.preview.width() > 0)
    assert window.tabs.tabPosition() == QTabWidget.TabPosition.West
    window.resize(960 - 40, 540 - 40)
    window.review_dock.show()
    qtbot.waitUntil(lambda: window.tabs.tabPosition() == QTabWidget.TabPosition.North)
    # the panel takes a third of the window at most, its buttons two a row
    panel = window.review_panel
    assert panel.reject_button.y() > panel.accept_button.y()
    assert window.review_dock.width() <= window.width() // 3 + 20
    window.review_dock.hide()
    window.resize(1400, 700)
    qtbot.waitUntil(lambda: window.tabs.tabPosition() == QTabWidget.TabPosition.West)
    assert window.work.horizontalScrollBar().maximum() == 0


def test_the_toolbar_tells_each_commands_key(make_window):
    """Seen by a tester: the Risk Check button's tip said only "Risk Check", not F7."""
    window = make_window()
    assert window.risk_check_action.toolTip() == "Risk Check (F7)"
    assert window.save_action.toolTip() == "Save (Ctrl+S)"
    assert window.export_actions["docx"].toolTip() == "Export to Word (Ctrl+E)"


def test_print_names_the_job_after_the_policy(qtbot, make_window, monkeypatch):
    """Seen by a tester: printing to a file proposed ~/print.pdf; Qt names the file after the
    job, which had no name."""
    from PySide6.QtPrintSupport import QPrintDialog

    window = make_window(example_project())
    named = []
    monkeypatch.setattr(QPrintDialog, "exec",
                        lambda dialog: named.append(dialog.printer().docName()) or 0)
    window.print_action.trigger()
    assert named == [window.model.path.stem]


def test_the_edit_menu_shows_redo_as_readme_and_help_say_it(make_window):
    """The menu said Ctrl+Shift+Z while README and Help say Ctrl+Y (both work; found by a
    tester)."""
    from PySide6.QtGui import QKeySequence

    window = make_window()
    assert window.redo_action.shortcut() == QKeySequence("Ctrl+Y")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()


def test_the_preview_by_keyboard_says_it_has_it_and_its_menu_is_on_the_text_in_view(
        qtbot, make_window):
    """From the keyboard, the preview's menu (Menu key, Shift+F10) opened on the policy's
    last clause and scrolled there; Home and End did nothing; and nothing showed that the
    preview had the keyboard (found by a tester)."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    from ui.wording import clause_at

    window = make_window()
    window.ensure_loaded()
    preview = window.preview
    preview.show_area("employees")
    qtbot.waitUntil(lambda: preview.verticalScrollBar().value() > 0)
    at = preview.verticalScrollBar().value()
    asked: list[QPoint] = []
    preview.customContextMenuRequested.connect(asked.append)
    QApplication.sendEvent(preview, QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), preview.mapToGlobal(QPoint(5, 5))))
    qtbot.keyClick(preview, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert len(asked) == 2 and all(clause_at(preview, p).startswith("employees")
                                   for p in asked)
    assert preview.verticalScrollBar().value() == at
    for menu in window.findChildren(QMenu, "previewMenu"):
        menu.close()
    qtbot.keyClick(preview, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert preview.verticalScrollBar().value() == preview.verticalScrollBar().maximum()
    qtbot.keyClick(preview, Qt.Key.Key_Home)
    assert preview.verticalScrollBar().value() == 0


def test_the_keyboard_brings_the_preview_into_view_where_the_work_scrolls_sideways(
        qtbot, make_window):
    """With large text and the risk check open the work scrolls sideways, and F6 into the
    preview left it out of sight: no key scrolled to it (found by a tester)."""
    window = make_window()
    window.resize(420, 600)
    window.activateWindow()
    bar = window.work.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    window.preview.setFocus()
    qtbot.waitUntil(lambda: bar.value() > 0)
    left = window.preview.mapTo(window.work.widget(), QPoint(0, 0)).x()
    assert bar.value() == min(left, bar.maximum())
    window.focus_field(("company", "name"))
    qtbot.waitUntil(lambda: bar.value() == 0)


def in_sight(window, widget) -> bool:
    """Whether the widget shows whole in the work's view (not past its edge, under a panel)."""
    view = window.work.viewport()
    corners = (widget.mapTo(view, corner) for corner in (widget.rect().topLeft(),
                                                          widget.rect().bottomRight()))
    return all(view.rect().contains(corner) for corner in corners)


@pytest.mark.parametrize("size", [(880, 460), (643, 344)])  # 1920x1080, 1366x768 at 2x
def test_the_find_bar_beside_the_risk_check_keeps_its_buttons_in_sight(qtbot, make_window,
                                                                       size):
    """Seen by a tester at 1920x1080 at 2x (960x540 to the app, less the frame) with the risk
    check open: the find bar widened the preview's side as it opened and counted, and its
    buttons were past the work's edge, under the panel."""
    from PySide6.QtWidgets import QApplication

    window = make_window(example_project())
    window.resize(*size)
    # a risky rule: the panel with its findings and buttons, as wide as the tester had it
    window.model.set_value(("training", "consequences"), WAGES)
    qtbot.waitUntil(lambda: bool(window.findings.findings), timeout=20_000)
    window.findings_dock.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # laid out as the owner sees it: the area tabs across the top, where the side has no room
    qtbot.waitUntil(lambda: window.tabs.tabPosition() == QTabWidget.TabPosition.North)
    qtbot.wait(100)
    window.go_to_area(0)
    window.find_action.trigger()
    qtbot.keyClicks(QApplication.focusWidget(), "lawyer")
    bar = window.find_bar
    qtbot.waitUntil(lambda: bar.count.text() == "6 found")
    buttons = [child for child in bar.children() if isinstance(child, QToolButton)]
    assert [button.accessibleName() for button in buttons] == ["Previous", "Next", "Close"]
    # the case seen: the bar widened the preview's side, and the work scrolls sideways
    qtbot.waitUntil(lambda: window.work.horizontalScrollBar().maximum() > 0)
    qtbot.waitUntil(lambda: all(in_sight(window, widget)
                                for widget in (bar.box, bar.count, *buttons)))
    dock = window.findings_dock.geometry()
    assert all(not dock.intersects(QRect(button.mapTo(window, QPoint()), button.size()))
               for button in buttons)


def test_a_longer_next_step_never_moves_the_form(qtbot, make_window):
    """Seen by a tester at 1920x1080 at 2x beside the risk check: as the next step under the
    progress changed, it wrapped to as many as five lines and the tabs and the form moved down
    and up. It reads in two lines at most, the whole in its tooltip."""
    window = make_window(example_project())
    window.resize(880, 460)
    window.findings_dock.show()
    qtbot.waitUntil(lambda: window.progress.hint.text().startswith("Every area is ready"))
    form = window.forms["company"]
    top = form.mapTo(window, QPoint()).y()
    window.model.set_value(("company", "name"), "")
    hint = window.progress.hint
    qtbot.waitUntil(lambda: hint.text() == "Next: Company: still to answer: Company name.")
    qtbot.wait(50)  # laid out
    assert form.mapTo(window, QPoint()).y() == top
    assert hint.toolTip() == hint.text()
    assert hint.shown().count("\n") <= 1  # two lines, however narrow
    assert hint.height() == 2 * hint.fontMetrics().lineSpacing()
