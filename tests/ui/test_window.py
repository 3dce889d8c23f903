"""The main window as a user drives it: typing in the tabs, the preview, files, undo, export."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from smpolicy_desktop import exporters
from smpolicy_desktop.model import Project
from smpolicy_desktop.safe_write import WriteError
from smpolicy_desktop.storage import load_project, save_project
from tests.ui.test_preview import block_starting, heading, highlighted
from ui import dialogs
from ui.main_window import MainWindow

ASK_UNSAVED_CHANGES = dialogs.ask_unsaved_changes  # the real dialogs, before a test stands in
EXPORT_DONE = dialogs.export_done

class Answers:
    """What the 'user' answers to each dialog, and what each message said."""

    def __init__(self):
        self.unsaved = "discard"
        self.asked_unsaved = 0
        self.errors: list[str] = []
        self.exported: list[Path] = []
        self.save_path: Path | None = None
        self.open_path: Path | None = None
        self.open_backup = False
        self.backups_offered: list[Path | None] = []
        self.export_final = False


@pytest.fixture
def answers(monkeypatch):
    given = Answers()

    def unsaved(parent, name, doing):
        given.asked_unsaved += 1
        return given.unsaved

    monkeypatch.setattr(dialogs, "ask_unsaved_changes", unsaved)
    monkeypatch.setattr(dialogs, "show_error", lambda p, title, reason: given.errors.append(reason))
    monkeypatch.setattr(dialogs, "export_done",
                        lambda p, path, sent_as, warning="": given.exported.append(path))
    monkeypatch.setattr(dialogs, "choose_recovery", lambda p, found: ("later", None))
    monkeypatch.setattr(dialogs, "ask_open_elsewhere", lambda p, name, holder: "edit")

    def offer_backup(parent, path, reason, backup):
        given.errors.append(f"{path.name}: {reason}")
        given.backups_offered.append(backup)
        return given.open_backup and backup is not None  # as the dialog: no backup, only OK

    monkeypatch.setattr(dialogs, "offer_backup", offer_backup)
    monkeypatch.setattr(dialogs, "save_failed",
                        lambda p, path, reason: given.errors.append(reason) or "cancel")
    monkeypatch.setattr(dialogs, "confirm_final",
                        lambda p, items: given.errors.extend(items) or given.export_final)
    monkeypatch.setattr(dialogs, "save_file_name", lambda *a: str(given.save_path or ""))
    monkeypatch.setattr(dialogs, "open_file_name",
                        lambda *a, **k: str(given.open_path or ""))
    return given


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings, answers):
    def make(path: Path | None = None) -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.start(path)
        if path is None:  # a blank project, whatever the presets say
            window.show_project(Project(), None)
        window.show()
        qtbot.waitUntil(lambda: window.preview.html != "")
        return window
    return make


@pytest.fixture
def window(make_window):
    return make_window()


def type_into(qtbot, window: MainWindow, path: tuple, text: str) -> None:
    window.focus_field(path)
    editor = window.forms[path[0]].editor(path)
    editor.clear()
    qtbot.keyClicks(editor, text)


def drop_file(window: MainWindow, path: Path) -> None:
    """The owner drags one file from their file manager onto the window."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def click_button(qtbot, owner, text: str) -> None:
    button = next(b for b in owner.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def read_then_click(told: list[str], button: QMessageBox.StandardButton,
                    informative: bool = False) -> None:
    """Once the next message box shows (a real one): note its text (and with informative, the
    line under it), then click `button`."""
    from PySide6.QtWidgets import QApplication

    def read() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read)
            return
        told.append(box.text())
        told.extend([box.informativeText()] if informative else [])
        box.button(button).click()

    QTimer.singleShot(0, read)


def preview_shows(window: MainWindow, text: str) -> bool:
    return text in window.preview.toPlainText()


def test_every_question_the_model_defines_has_a_field_on_its_tab(window):
    for index, (area, model) in enumerate(Project.areas().items()):
        assert window.tabs.widget(index) is window.forms[area]
        assert window.forms[area].fields() == [(area, name) for name in model.model_fields]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        Project.model_fields[area].title for area in Project.areas()]


def test_typing_in_several_tabs_shows_in_the_preview(qtbot, window):
    type_into(qtbot, window, ("company", "name"), "Quillfeather Ltd")
    qtbot.waitUntil(lambda: preview_shows(window, "Quillfeather Ltd"))
    type_into(qtbot, window, ("voice", "media_contact"), "Ines Marlowe")
    assert window.tabs.currentWidget() is window.forms["voice"]
    qtbot.waitUntil(lambda: preview_shows(window, "Ines Marlowe"))
    type_into(qtbot, window, ("training", "report_to"), "the people team")
    qtbot.waitUntil(lambda: preview_shows(window, "the people team"))
    assert window.isWindowModified()
    assert window.model.project.company.name == "Quillfeather Ltd"


def test_the_document_type_decides_what_the_preview_shows_and_export_writes(
        qtbot, tmp_path, window, answers):
    full_length = len(window.preview.toPlainText())
    window.model.set_value(("company", "document_type"), "short", typing=False)  # Company tab
    qtbot.waitUntil(lambda: 0 < len(window.preview.toPlainText()) < full_length)
    assert [a.isChecked() for a in window.kind_actions.actions()] == [False, True]
    answers.save_path = tmp_path / "policy.md"
    window.export_actions["md"].trigger()
    exported = (tmp_path / "policy.md").read_text(encoding="utf-8")
    assert "Purpose and scope" not in exported
    assert "Purpose and scope" not in window.preview.toPlainText()
    window.kind_actions.actions()[0].trigger()  # View > Full policy changes the answer too
    assert window.model.project.company.document_type == "full"
    qtbot.waitUntil(lambda: len(window.preview.toPlainText()) == full_length)


def test_a_changes_export_never_moves_the_baseline_and_it_is_never_an_undo_step(
        qtbot, tmp_path, window, answers):
    import zipfile

    answers.save_path = tmp_path / "sent.docx"
    window.send_action.trigger()
    baseline = list(window.model.project.sent_versions)
    assert window.model.undo_stack.count() == 0  # remembering the export is no undo step
    type_into(qtbot, window, ("company", "name"), "Northwind Analytics Group LLC")
    for name in ("changes1.docx", "changes2.docx"):
        answers.save_path = tmp_path / name
        window.export_changes_action.trigger()
        xml = zipfile.ZipFile(tmp_path / name).read("word/document.xml")
        assert b"<w:ins " in xml, name  # the second still shows the change
    assert window.model.workspace.sent_to_compare() == baseline
    redline = window.model.project.sent_versions[1:]  # kept once, for counsel's reply
    assert [v.compares_with for v in redline] == [baseline[0].id]
    window.model.undo_stack.undo()  # the first Ctrl+Z takes back the user's typing
    assert window.model.project.company.name != "Northwind Analytics Group LLC"
    assert window.model.project.sent_versions == baseline + redline


def test_a_word_export_of_a_saved_project_leaves_it_saved(qtbot, tmp_path, make_window,
                                                           answers):
    path = tmp_path / "saved.smpolicy"
    save_project(load_project("assets/examples/northwind.smpolicy"), path, keep_backup=False)
    window = make_window(path)
    answers.save_path = tmp_path / "sent.docx"
    window.send_action.trigger()
    assert not window.isWindowModified()
    assert load_project(path).sent_versions == window.model.project.sent_versions  # in the file


def test_send_to_counsel_says_which_version_it_recorded(qtbot, tmp_path, make_window, answers,
                                                        monkeypatch):
    """The Export finished message after Send to Counsel names the version recorded; a plain
    Word export says nothing of versions."""
    monkeypatch.setattr(dialogs, "export_done", EXPORT_DONE)
    told: list[str] = []
    path = tmp_path / "saved.smpolicy"
    save_project(load_project("assets/examples/northwind.smpolicy"), path, keep_backup=False)
    window = make_window(path)
    for command, name in ((window.send_action, "sent.docx"),
                          (window.send_action, "sent again.docx"),
                          (window.export_actions["docx"], "plain.docx")):
        answers.save_path = tmp_path / name
        read_then_click(told, QMessageBox.StandardButton.Close)
        command.trigger()
    assert told == ["Exported to sent.docx. Version v1 is recorded as sent to counsel.",
                    "Exported to sent again.docx. Version v2 is recorded as sent to counsel.",
                    "Exported to plain.docx."]


def test_an_export_with_risky_sentences_says_so_when_it_is_done(qtbot, tmp_path, make_window,
                                                                 answers, monkeypatch):
    """A draft exported with a "Likely unlawful" rule in it said only "Exported to ...". The
    export comes at once after the edit, before the background check has run: it is waited
    for, never run on the window's thread (seconds on a big project, the window frozen)."""
    import threading

    from smpolicy_desktop.checks import policy_check

    checked_on: list[threading.Thread] = []
    check_project = policy_check.check_project
    monkeypatch.setattr(policy_check, "check_project", lambda *args, **kwargs: (
        checked_on.append(threading.current_thread()), check_project(*args, **kwargs))[1])
    monkeypatch.setattr(dialogs, "export_done", EXPORT_DONE)
    told: list[str] = []
    window = make_window()
    window.model.set_value(("employees", "confidential_info"),
                           ["Employees must not discuss their wages on social media"])
    answers.save_path = tmp_path / "draft.docx"
    read_then_click(told, QMessageBox.StandardButton.Close)
    window.export_actions["docx"].trigger()
    assert told == ["Exported to draft.docx. The risk check still lists 1 risky sentence. "
                    "See Risk Check (F7) before you send the file."]
    assert threading.main_thread() not in checked_on


def test_a_version_sent_from_a_file_that_cannot_be_saved_says_so_and_asks_at_close(
        qtbot, tmp_path, make_window, answers):
    """Send to Counsel from a saved project that is read-only now: the Word file is written,
    the owner is told the record is not saved yet, and closing asks before it is lost."""
    path = tmp_path / "saved.smpolicy"
    save_project(load_project("assets/examples/northwind.smpolicy"), path, keep_backup=False)
    window = make_window(path)
    path.chmod(0o444)
    answers.save_path = tmp_path / "sent.docx"
    window.send_action.trigger()
    assert (tmp_path / "sent.docx").is_file()
    assert answers.errors == ["sent.docx was written, but saved.smpolicy could not be saved "
                              "with the record that this version was sent: the file is "
                              "read-only (clear its read-only setting, or save under another "
                              "name). The record is kept as an unsaved change: save the "
                              "project (File > Save or Save As)."]
    assert window.isWindowModified()
    answers.unsaved = "cancel"
    window.close()
    assert answers.asked_unsaved == 1 and window.isVisible()
    answers.unsaved = "discard"
    path.chmod(0o644)


def test_preview_highlights_the_section_of_the_tab_in_use(qtbot, window):
    window.tabs.setCurrentWidget(window.forms["employees"])
    assert window.preview.section == "employees"
    document = window.rendering.document
    assert highlighted(window.preview, block_starting(window.preview, heading(document,
                                                                              "employees")))


def test_save_and_reopen(qtbot, tmp_path, make_window, answers):
    window = make_window()
    type_into(qtbot, window, ("company", "name"), "Harbour Lights Co")
    answers.save_path = tmp_path / "harbour"
    window.save_action.trigger()

    saved = tmp_path / "harbour.smpolicy"
    assert load_project(saved).company.name == "Harbour Lights Co"
    assert window.windowTitle() == "harbour.smpolicy[*] — smpolicy"
    assert not window.isWindowModified()

    other = make_window()
    answers.open_path = saved
    other.open_action.trigger()
    assert other.forms["company"].editor(("company", "name")).text() == "Harbour Lights Co"
    assert other.model.path == saved
    assert not other.isWindowModified()


def test_the_window_names_the_app_the_way_qt_names_it_in_every_dialog(qtbot, tmp_path,
                                                                      make_window, answers):
    """On Linux Qt titles a dialog "Help — smpolicy": the window's own titles join the app's
    name with the same em dash, on the start page, for an untitled project and a saved one
    (whose name ends in "smpolicy" too, so Qt would not add the name after it)."""
    window = make_window()
    assert window.windowTitle() == "Untitled[*] — smpolicy"
    answers.save_path = tmp_path / "harbour"
    window.save_action.trigger()
    assert window.windowTitle() == "harbour.smpolicy[*] — smpolicy"
    window.new_action.trigger()
    assert window.windowTitle() == "Welcome — smpolicy"


def test_a_bad_file_is_reported_and_the_current_work_stays(qtbot, tmp_path, window, answers):
    type_into(qtbot, window, ("company", "name"), "Still here")
    answers.unsaved = "discard"
    broken = tmp_path / "broken.smpolicy"
    broken.write_text("{ not a project")
    window.files.load(broken)
    assert len(answers.errors) == 1 and "broken.smpolicy" in answers.errors[0]
    assert "\n" not in answers.errors[0]
    assert window.model.project.company.name == "Still here"


def test_undo_and_redo_across_fields(qtbot, window):
    type_into(qtbot, window, ("company", "name"), "Fernbrook")
    type_into(qtbot, window, ("voice", "media_contact"), "Oskar Hale")
    name_field = window.forms["company"].editor(("company", "name"))

    window.undo_action.trigger()
    assert window.model.project.voice.media_contact == ""
    window.undo_action.trigger()
    assert name_field.text() == ""
    qtbot.waitUntil(lambda: not preview_shows(window, "Fernbrook"))
    assert not window.isWindowModified()

    window.redo_action.trigger()
    window.redo_action.trigger()
    assert name_field.text() == "Fernbrook"
    qtbot.waitUntil(lambda: preview_shows(window, "Oskar Hale"))


def test_undo_and_redo_show_the_answer_they_change_in_its_tab(qtbot, window):
    """Undo of an edit in another tab moved the preview to that section, but the form stayed
    on the tab in front: the owner could not see what had been undone."""
    type_into(qtbot, window, ("company", "name"), "Fernbrook")
    window.tabs.setCurrentWidget(window.forms["training"])
    window.undo_action.trigger()
    name_field = window.forms["company"].editor(("company", "name"))
    assert window.tabs.currentWidget() is window.forms["company"]
    assert name_field.hasFocus() and name_field.text() == ""
    window.go_to_area(6)  # Training and enforcement
    window.redo_action.trigger()
    assert window.tabs.currentWidget() is window.forms["company"]
    assert name_field.hasFocus() and name_field.text() == "Fernbrook"


def test_add_and_remove_list_rows(qtbot, window):
    goals = window.forms["presence"].editor(("presence", "goals"))
    window.focus_field(("presence", "goals"))
    qtbot.keyClicks(goals.new_item, "Win trust")
    qtbot.keyClick(goals.new_item, Qt.Key.Key_Return)
    qtbot.keyClicks(goals.new_item, "Hire engineers")
    qtbot.keyClick(goals.new_item, Qt.Key.Key_Return)
    assert window.model.project.presence.goals == ["Win trust", "Hire engineers"]
    assert goals.view.model().rowCount() == 2

    goals.set_current_row(0)
    goals.remove()
    assert window.model.project.presence.goals == ["Hire engineers"]
    assert goals.view.model().rowCount() == 1

    people = window.forms["voice"].editor(("voice", "spokespeople"))
    window.focus_field(("voice", "spokespeople"))
    click_button(qtbot, people, "Add row")
    click_button(qtbot, people, "Add row")
    assert len(window.model.project.voice.spokespeople) == 2 == people.view.model().rowCount()
    people.set_current_cell(1, 0)
    click_button(qtbot, people, "Remove row")
    assert len(window.model.project.voice.spokespeople) == 1 == people.view.model().rowCount()


def test_tab_marks_follow_the_answers(qtbot, window):
    index = list(Project.areas()).index("training")
    qtbot.waitUntil(lambda: window.tabs.widget(index).property("status") == "empty")
    type_into(qtbot, window, ("training", "report_to"), "HR")
    qtbot.waitUntil(lambda: window.tabs.widget(index).property("status") == "partial")
    assert "partly answered" in window.tabs.tabToolTip(index)


def test_export_to_word_and_read_it_back(qtbot, tmp_path, window, answers):
    docx = pytest.importorskip("docx")
    type_into(qtbot, window, ("company", "name"), "Larkspur Analytics")
    answers.save_path = tmp_path / "policy.docx"
    window.export_actions["docx"].trigger()

    assert answers.exported == [tmp_path / "policy.docx"]
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "policy.docx")).paragraphs)
    assert "Larkspur Analytics" in text
    assert window.model.project.sent_versions == []  # a copy to print is no version sent
    assert not window.export_changes_action.isEnabled()
    answers.save_path = tmp_path / "for counsel.docx"
    window.send_action.trigger()
    assert window.model.project.sent_versions[-1].paragraphs  # the version sent to counsel
    assert window.export_changes_action.isEnabled()


def test_each_export_dialog_is_titled_as_its_command(qtbot, tmp_path, window, monkeypatch):
    """Seen at 1366x768 and 2560x1440 at 2x: Export to Word and Send to Counsel (Word) both
    opened a dialog titled "Export word document"."""
    titles = []

    def ask(parent, title, *args):
        titles.append(title)
        return ""  # cancelled

    monkeypatch.setattr(dialogs, "save_file_name", ask)
    for command in (window.export_actions["docx"], window.export_actions["html"],
                    window.send_action):
        command.trigger()
    assert titles == ["Export to Word", "Export as Web Page", "Send to Counsel (Word)"]


def test_export_as_markdown_and_web_page(qtbot, tmp_path, window, answers):
    type_into(qtbot, window, ("company", "name"), "Larkspur Analytics")
    for fmt in ("md", "html"):
        answers.save_path = tmp_path / f"policy.{fmt}"
        window.export_actions[fmt].trigger()
        assert "Larkspur Analytics" in (tmp_path / f"policy.{fmt}").read_text(encoding="utf-8")


def test_export_failure_offers_retry_and_save_as(qtbot, tmp_path, window, answers, monkeypatch):
    attempts = []
    real_write = exporters.write_document

    def locked(document, path, *args, **kwargs):
        attempts.append(Path(path))
        if len(attempts) < 3:
            raise WriteError(path, "permission denied (the file may be open in another program, "
                                   "or the folder is read-only)")
        return real_write(document, path, *args, **kwargs)

    monkeypatch.setattr(exporters, "write_document", locked)
    seen_buttons = []
    choices = iter(["Retry", "Save As..."])

    def answer_box(box):
        seen_buttons.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        assert "permission denied" in box.text()
        wanted = next(choices)
        next(b for b in box.buttons() if b.text().replace("&", "") == wanted).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_box)
    before = window.model.project.model_copy(deep=True)
    answers.save_path = tmp_path / "policy.md"
    window.export_actions["md"].trigger()

    assert seen_buttons == [["Cancel", "Retry", "Save As..."]] * 2
    assert attempts == [tmp_path / "policy.md"] * 3  # the second dialog suggested the same name
    assert answers.exported == [tmp_path / "policy.md"]
    assert window.model.project == before


def test_closing_with_unsaved_changes_asks_first(qtbot, window, answers):
    type_into(qtbot, window, ("company", "name"), "Unsaved Inc")
    answers.unsaved = "cancel"
    assert not window.close()
    assert window.isVisible() and answers.asked_unsaved == 1
    answers.unsaved = "discard"
    assert window.close()
    assert answers.asked_unsaved == 2


def test_the_unsaved_changes_question_names_what_the_owner_is_doing(qtbot, window,
                                                                     monkeypatch):
    """Open, New and closing each ask in their own words; Cancel keeps the work shown."""
    from PySide6.QtWidgets import QCommandLinkButton

    monkeypatch.setattr(dialogs, "ask_unsaved_changes", ASK_UNSAVED_CHANGES)
    asked: list[str] = []
    cancel = QMessageBox.StandardButton.Cancel
    type_into(qtbot, window, ("company", "name"), "Unsaved Inc")
    read_then_click(asked, cancel)
    window.open_action.trigger()
    window.new_action.trigger()
    new = window.start_page.findChildren(QCommandLinkButton)[0]
    read_then_click(asked, cancel)
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    read_then_click(asked, cancel)
    assert not window.close()
    assert asked == ["Save the changes to this new project before opening another project?",
                     "Save the changes to this new project before starting a new project?",
                     "Save the changes to this new project before closing?"]
    assert window.model.project.company.name == "Unsaved Inc"
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")


def test_the_unsaved_changes_question_says_what_dont_save_loses(qtbot, tmp_path, window,
                                                                 answers, monkeypatch):
    """A new project never saved has no 'last save': Don't Save loses all of it (found by an
    owner, who read 'your changes since the last save are lost' on her first evening)."""
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", ASK_UNSAVED_CHANGES)
    told: list[str] = []
    type_into(qtbot, window, ("company", "name"), "Paws & Claws Ltd")
    read_then_click(told, QMessageBox.StandardButton.Cancel, informative=True)
    assert not window.close()
    answers.save_path = tmp_path / "paws.smpolicy"
    window.save_action.trigger()
    type_into(qtbot, window, ("company", "name"), "Paws and Claws Ltd")
    read_then_click(told, QMessageBox.StandardButton.Cancel, informative=True)
    assert not window.close()
    monkeypatch.setattr(dialogs, "ask_unsaved_changes", lambda *asked: "discard")
    assert told == ["Save the changes to this new project before closing?",
                    "This project has never been saved. If you don't save it, all its answers "
                    "are lost.",
                    "Save the changes to paws.smpolicy before closing?",
                    "If you don't save, your changes since the last save are lost."]


def test_closing_a_saved_project_does_not_ask(qtbot, tmp_path, window, answers):
    type_into(qtbot, window, ("company", "name"), "Saved Inc")
    answers.save_path = tmp_path / "saved.smpolicy"
    window.save_action.trigger()
    assert window.close()
    assert answers.asked_unsaved == 0


def test_banner_when_the_review_date_has_passed(qtbot, tmp_path, make_window):
    project = Project()
    project.review.next_review_date = date.today() - timedelta(days=3)
    save_project(project, tmp_path / "old.smpolicy")
    window = make_window(tmp_path / "old.smpolicy")
    assert window.banner.isVisible()
    assert "due for review" in window.banner.message.text()
    window.model.set_value(("review", "next_review_date"), date.today() + timedelta(days=90))
    assert not window.banner.isVisible()
    window.model.undo_stack.undo()  # the old date back, and the banner with it (by a tester)
    assert window.banner.isVisible()
    window.banner.dismiss.click()
    assert not window.banner.isVisible()

    project.review.next_review_date = date.today() + timedelta(days=30)
    save_project(project, tmp_path / "current.smpolicy")
    assert not make_window(tmp_path / "current.smpolicy").banner.isVisible()


@pytest.mark.parametrize("theme", ["dark", "high contrast black", "high contrast white"])
def test_the_review_banner_takes_the_desktops_theme_and_reads_on_it(
        qtbot, tmp_path, make_window, desktop_theme, theme):
    """The strip was dark brown on pale yellow in every theme: a glaring light strip in a dark
    or high-contrast black one. It is amber over the window's colour, the message in the
    window's text colour."""
    from ui.colours import contrast, luminance

    project = Project()
    project.review.next_review_date = date.today() - timedelta(days=3)
    save_project(project, tmp_path / "old.smpolicy")
    window = make_window(tmp_path / "old.smpolicy")
    desktop_theme(theme)
    banner = window.banner
    strip = banner.grab().toImage().pixelColor(4, banner.height() // 2)  # left of the words
    words = banner.message.palette().color(banner.message.foregroundRole())
    assert contrast(words, strip) >= 4.5
    window_colour = window.palette().color(window.backgroundRole())
    assert (luminance(strip) < 0.2) == (luminance(window_colour) < 0.2)  # dark on dark


@pytest.mark.parametrize("theme", ["dark", "high contrast black", "high contrast white"])
def test_the_area_tab_the_keyboard_is_on_has_a_frame_that_shows(
        qtbot, window, desktop_theme, theme):
    """The style's faint ring round the tab with the keyboard measured 1.2:1 on a dark tab:
    Tab to the area tabs and nothing seemed to have the keyboard. The frame stands out from
    the tab by 3:1 or more."""
    from ui.colours import contrast

    desktop_theme(theme)
    bar = window.tabs.tabBar()
    window.activateWindow()
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bar.hasFocus)
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # as the Tab key sets it
    drawn = bar.grab(bar.tabRect(bar.currentIndex())).toImage()
    middle = drawn.height() // 2
    inside = drawn.pixelColor(7, middle)  # the tab, left of its mark
    assert max(contrast(drawn.pixelColor(x, middle), inside) for x in range(7)) >= 3


@pytest.mark.parametrize(("country", "written"), [("GB", "10 February 2026"),
                                                  ("US", "February 10, 2026")])
def test_the_review_banner_writes_the_date_as_the_project_country_does(
        qtbot, tmp_path, make_window, country, written):
    project = Project()
    project.company.country = country
    project.review.next_review_date = date(2026, 2, 10)
    save_project(project, tmp_path / "old.smpolicy")
    window = make_window(tmp_path / "old.smpolicy")
    assert f"due for review on {written}." in window.banner.message.text()


def test_command_line_file_and_last_file_are_opened(qtbot, tmp_path, make_window, settings):
    project = Project()
    project.company.name = "Given On The Command Line"
    save_project(project, tmp_path / "given.smpolicy")
    assert make_window(tmp_path / "given.smpolicy").model.project.company.name == \
        "Given On The Command Line"
    next_start = MainWindow(settings)
    qtbot.addWidget(next_start)
    next_start.start(None)  # no file given: the last one comes back
    assert next_start.model.path == tmp_path / "given.smpolicy"


def test_open_recent_lists_the_last_projects_first_and_opens_one(qtbot, tmp_path, make_window):
    for name in ("First", "Second"):
        save_project(Project(), tmp_path / f"{name}.smpolicy")
    window = make_window(tmp_path / "First.smpolicy")
    assert window.files.open_project(tmp_path / "Second.smpolicy")
    window.recent_menu.aboutToShow.emit()
    entries = window.recent_menu.actions()
    assert [entry.text() for entry in entries] == ["&1 Second.smpolicy", "&2 First.smpolicy"]
    entries[1].trigger()
    assert window.model.path == tmp_path / "First.smpolicy"


def test_a_project_dropped_on_the_window_opens(qtbot, tmp_path, make_window):
    project = Project()
    project.company.name = "Dragged From The Desktop"
    save_project(project, tmp_path / "dragged.smpolicy")
    window = make_window()
    drop_file(window, tmp_path / "dragged.smpolicy")
    qtbot.waitUntil(lambda: preview_shows(window, "Dragged From The Desktop"))
    assert window.model.path == tmp_path / "dragged.smpolicy"


def test_window_geometry_and_splitter_are_remembered(qtbot, make_window):
    first = make_window()
    first.resize(780, 560)
    first.splitter.setSizes([500, 270])
    first.close()
    second = make_window()
    assert second.size().width() == 780
    assert abs(second.splitter.sizes()[0] - 500) <= 10


def test_about_box_names_the_version_and_disclaims_legal_advice(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    assert "0." in shown[0] and "does not give legal advice" in shown[0]
    assert "The risk check knows United States law only." in shown[0]  # as README says


@pytest.mark.parametrize(("territory", "law_as_of"), [
    (QLocale.Country.UnitedStates, "December 2, 2026"),
    (QLocale.Country.UnitedKingdom, "2 December 2026")])
def test_the_about_box_writes_its_date_as_the_users_system_does(qtbot, window, monkeypatch,
                                                                system_locale, territory,
                                                                law_as_of):
    """No project speaks in the About box: its date reads as the system's country writes
    one (on a US system it read "2 December 2026", day first; found by a tester)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    system_locale(territory)
    window.about_action.trigger()
    assert f"Law as of {law_as_of}:" in shown[0]


ENGLISH_MONTHS_SCRIPT = """
from smpolicy_desktop.model import Project
from smpolicy_desktop.render import render_document
from ui.app import application

application([])  # as the app starts
project = Project(company={"effective_date": "2026-12-04"})
print(next(line for line in render_document(project).text_lines() if "effective" in line))
"""


def test_the_policy_names_its_months_in_english_on_a_system_in_another_language(tmp_path):
    """On a Linux desktop set to French the policy said "effective décembre 4, 2026": Qt
    takes the system's language for the C library's as it starts, and Python's month names
    follow that. The French locale is built for the test (Debian's `locales` has its source)."""
    import os
    import subprocess
    import sys

    from tests.conftest import IN_CI, REPO, require_tool

    built = subprocess.run([require_tool("localedef"), "-i", "fr_FR", "-f", "UTF-8",
                            str(tmp_path / "fr_FR.UTF-8")], capture_output=True, text=True)
    if not (tmp_path / "fr_FR.UTF-8").is_dir():  # no locale sources: Debian's `locales`
        (pytest.fail if IN_CI else pytest.skip)(f"no French locale: {built.stderr.strip()}")
    result = subprocess.run([sys.executable, "-c", ENGLISH_MONTHS_SCRIPT], cwd=REPO,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                 "LOCPATH": str(tmp_path), "LC_ALL": "fr_FR.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert "effective December 4, 2026" in result.stdout


def test_standard_shortcuts(window):
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.export_actions["docx"].shortcut().toString() == "Ctrl+E"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Y" in [s.toString() for s in window.redo_action.shortcuts()]


def test_the_edit_menu_cuts_copies_pastes_and_selects_in_the_box_being_typed_in(qtbot, window):
    """The Edit menu had only Undo, Redo and Find: Cut, Copy, Paste and Select All worked
    from the keyboard, but nothing on screen said so."""
    edit = window.menuBar().actions()[1].menu()
    entries = {a.text().replace("&", ""): a for a in edit.actions() if not a.isSeparator()}
    for text in ("Cut\tCtrl+X", "Copy\tCtrl+C", "Paste\tCtrl+V", "Select All\tCtrl+A"):
        assert text in entries
    type_into(qtbot, window, ("company", "name"), "Quillfeather Ltd")
    entries["Select All\tCtrl+A"].trigger()
    entries["Copy\tCtrl+C"].trigger()
    window.focus_field(("voice", "media_contact"))
    entries["Paste\tCtrl+V"].trigger()
    assert window.model.project.voice.media_contact == "Quillfeather Ltd"
    entries["Select All\tCtrl+A"].trigger()
    entries["Cut\tCtrl+X"].trigger()
    assert window.model.project.voice.media_contact == ""


def test_every_file_menu_entry_has_its_own_accelerator_letter(window):
    """Alt+F then one letter reaches each File menu entry, the exports too."""
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert all("&" in text for text in entries), entries
    letters = [text[text.index("&") + 1].lower() for text in entries]
    assert len(set(letters)) == len(letters), sorted(zip(letters, entries, strict=True))
    assert "Export to &Word..." in entries


def test_file_edit_and_help_commands_are_worded_in_title_case(window):
    """Every command reads alike: "Check a policy document..." and "Export as web page..."
    stood among "Open Counsel's Reply..." and "Export as Markdown..."."""
    small = {"a", "an", "and", "as", "for", "in", "of", "the", "to", "smpolicy"}
    menus = [a.menu() for a in window.menuBar().actions() if a.text() != "&View"]
    texts = [a.text().replace("&", "") for menu in menus for a in menu.actions()
             if not a.isSeparator()]
    lower = [text for text in texts for word in text.split()
             if word not in small and word.strip("(")[0].islower()]
    assert lower == []
    assert "Check a Policy Document..." in texts


def test_risk_check_panel_docks_and_leads_to_the_field_and_clause(qtbot, window):
    window.findings_dock.toggleViewAction().trigger()
    assert window.findings_dock.isVisible()
    window.findings.field_requested.emit(("training", "report_to"))
    assert window.tabs.currentWidget() is window.forms["training"]
    window.findings.clause_requested.emit("employees")
    assert window.preview.section == "employees"


def test_word_export_with_line_numbers_then_only_the_changes(qtbot, tmp_path, window, answers):
    pytest.importorskip("docx")
    type_into(qtbot, window, ("company", "name"), "Larkspur Analytics")
    window.line_numbers_action.setChecked(True)
    answers.save_path = tmp_path / "first.docx"
    window.send_action.trigger()
    assert b"lnNumType" in zip_part(tmp_path / "first.docx", "word/document.xml")

    type_into(qtbot, window, ("company", "name"), "Larkspur Analytics Group")
    answers.save_path = tmp_path / "changes.docx"
    window.export_changes_action.trigger()
    body = zip_part(tmp_path / "changes.docx", "word/document.xml")
    assert b"<w:ins " in body  # " Group" shows as a tracked insertion for counsel


def zip_part(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.read(name)


def test_the_frame_shows_first_then_fills_with_the_file(qtbot, settings, answers, tmp_path):
    project = Project()
    project.company.name = "Frame First Ltd"
    path = tmp_path / "frame.smpolicy"
    save_project(project, path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.loaded.connect(lambda: window.start(path))
    window.show_opening(path)
    assert window.placeholder.text() == "Opening frame.smpolicy..."
    assert window.windowTitle() == "frame.smpolicy — smpolicy"
    with qtbot.waitSignal(window.loaded):
        pass
    qtbot.waitUntil(lambda: "Frame First Ltd" in window.preview.html)
    assert window.forms["company"].editor(("company", "name")).text() == "Frame First Ltd"


def test_the_first_check_is_sent_once_the_window_shows_filled(qtbot, settings, monkeypatch):
    """Sent as the preview first painted, it started the checker from a thread that ran beside
    that paint: the window filled later, with up to 4 MB more memory."""
    from smpolicy_desktop import checking
    from ui import rendering

    sent = []
    monkeypatch.setattr(checking, "_idle_core", lambda: False)
    monkeypatch.setattr(rendering, "check_elsewhere",
                        lambda project, document, done: sent.append(document))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.fill()
    document = window.rendering.render_now()
    qtbot.wait(50)
    assert sent == []
    window.ensure_loaded()
    qtbot.waitUntil(lambda: sent == [document])


def test_the_checker_starts_beside_an_idle_core_once_the_window_shows_filled(
        qtbot, settings, monkeypatch):
    """Started as the window filled, the checker's process slowed the filling on two cores."""
    from smpolicy_desktop import checking

    started = []
    monkeypatch.setattr(checking, "_idle_core", lambda: True)
    monkeypatch.setattr(checking, "_elsewhere",
                        lambda work: started.append(work is checking._checker))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.fill()
    assert True not in started
    window.ensure_loaded()
    assert started.count(True) == 1


@pytest.mark.parametrize("typed, kept", [("Counsel reply", "Counsel reply.docx"),
                                         ("Other", "Other.smpolicy")])
def test_a_name_typed_without_its_extension_never_replaces_that_file_unasked(
        qtbot, tmp_path, window, answers, monkeypatch, typed, kept):
    """The save dialog asks before replacing the file named as typed; the app adds the
    extension after it, and wrote over counsel's "Counsel reply.docx" (or another project)
    without a word. It asks; keeping the file writes nothing, replacing it writes it."""
    (tmp_path / kept).write_bytes(b"counsel's marked-up file")
    asked: list[str] = []
    replace = False
    monkeypatch.setattr(dialogs, "confirm",
                        lambda parent, title, question, action: asked.append(question)
                        or replace)
    answers.save_path = tmp_path / typed
    command = window.export_actions["docx"] if kept.endswith(".docx") else window.save_as_action
    command.trigger()
    assert asked == [f"{kept} already exists. Do you want to replace it?"]
    assert (tmp_path / kept).read_bytes() == b"counsel's marked-up file"
    replace = True
    command.trigger()
    assert (tmp_path / kept).read_bytes() != b"counsel's marked-up file"


def test_the_welcome_page_puts_the_panels_away_and_esc_brings_them_back(qtbot, window):
    """Seen by a tester: Help > Welcome Page kept the risk check's panel beside it, speaking
    of the policy no longer shown; Esc did not go back to the policy."""
    window.findings_dock.show()
    window.welcome_action.trigger()
    assert window.stack.currentWidget() is window.start_page
    assert not window.findings_dock.isVisible() and not window.review_dock.isVisible()
    window.start_page.setFocus()
    qtbot.keyClick(window.start_page, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.work
    assert window.findings_dock.isVisible() and not window.review_dock.isVisible()


def test_the_unsaved_changes_question_answers_to_alt_and_a_letter(qtbot):
    """Seen by a tester: Alt+S and Alt+D did nothing in the question; only Tab or the mouse
    answered it. (Offscreen no window is active, so the keys are read, not pressed.)"""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    keys: dict[str, str] = {}

    def read() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read)
            return
        keys.update({button.text(): button.shortcut().toString() for button in box.buttons()})
        box.button(QMessageBox.StandardButton.Discard).click()

    QTimer.singleShot(0, read)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert dialogs.ask_unsaved_changes(parent, None) == "discard"
    assert keys["&Save"] == QKeySequence("Alt+S").toString()
    assert keys["&Don't Save"] == QKeySequence("Alt+D").toString()


def test_a_file_named_with_brackets_and_a_star_is_named_as_it_is(qtbot, tmp_path, make_window):
    """"a[*]b.smpolicy" read "ab.smpolicy" in the title, "a*b.smpolicy*" once edited: Qt
    took "[*]" for its unsaved-changes mark (found by a tester)."""
    path = tmp_path / "a[*]b.smpolicy"
    save_project(Project(), path)
    window = make_window(path)
    assert window.windowHandle().title().startswith("a[*]b.smpolicy")
    window.model.set_value(("company", "name"), "Edited")
    assert window.windowHandle().title().startswith("a[*]b.smpolicy*")


@pytest.mark.parametrize("documents", [True, False], ids=["Documents", "no Documents"])
def test_a_new_users_first_file_windows_start_in_documents(make_window, monkeypatch, tmp_path,
                                                           documents):
    """Seen by a tester on Windows: on a fresh install the first Open, Save and Export windows
    started in the profile folder (C:\\Users\\NAME), not in Documents. With no Documents
    folder, they start at home."""
    from ui import dialogs

    home = tmp_path / "home"
    (home / "Documents" if documents else home).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))  # Qt's Documents is HOME's, with no user-dirs file
    expected = home / "Documents" if documents else home
    window = make_window()
    window.settings.remove("last_folder")
    window.settings.remove("export_folder")
    asked = []
    monkeypatch.setattr(dialogs, "open_file_name",
                        lambda *args, **kwargs: asked.append(Path(args[2])) or "")
    monkeypatch.setattr(dialogs, "ask_save_path",
                        lambda parent, title, suggested, *rest: asked.append(suggested.parent))
    window.files.open_project()
    window.files.save_as()
    window.exports.export("docx")
    assert asked == [expected, expected, expected]


def test_a_panel_floated_opens_beside_the_other_floated_panel(qtbot, make_window):
    """Seen by a tester at 1366x768: with the risk check and counsel's review open, the
    review floated, then the risk check floated on top of it. It opens beside it."""
    from ui.file_commands import example_project

    window = make_window(example_project())
    window.resize(1366 - 40, 768 - 40)
    window.show()
    qtbot.waitExposed(window)
    window.findings_dock.show()
    window.review_dock.show()
    window.review_dock.setFloating(True)
    review = window.review_dock.frameGeometry()
    # the risk check takes the column the review left, behind it
    qtbot.waitUntil(lambda: window.findings_dock.frameGeometry().intersects(review))
    window.findings_dock.setFloating(True)
    qtbot.waitUntil(lambda: not window.findings_dock.frameGeometry().intersects(review))
    assert window.review_dock.frameGeometry() == review  # the first one stays where it was
    risk = window.findings_dock.frameGeometry()
    assert risk.right() + 1 == review.left() and risk.height() > review.height()  # on its left
    for dock in (window.review_dock, window.findings_dock):  # no window of it left behind
        dock.setFloating(False)
