"""The owner's own wording in the window: Edit wording from the preview on the clause under
the cursor, revert, Add a rule here, and the stale warning with the new text beside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextFormat
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton

from smpolicy_desktop.model import ClauseWording
from smpolicy_desktop.render import clause_texts, own_wording, render_document
from tests.docx_projects import filled_project
from tests.ui.test_window import answers, make_window, settings  # noqa: F401 (fixtures)
from ui.colours import contrast
from ui.wording import RuleDialog, WordingDialog, clause_at


@pytest.fixture
def window(qtbot, make_window):  # noqa: F811 (the fixture imported above)
    window = make_window()
    window.show_project(filled_project(), None)
    qtbot.waitUntil(lambda: "Northwind" in window.preview.toPlainText())
    return window


def point_of(preview, text: str):
    cursor = preview.document().find(text)
    assert not cursor.isNull(), text
    preview.setTextCursor(cursor)
    preview.ensureCursorVisible()
    return preview.cursorRect(cursor).center()


def context_menu(window, text: str) -> dict:
    """Right-click on the text in the preview; the menu's actions by their text."""
    window.preview.customContextMenuRequested.emit(point_of(window.preview, text))
    menu = window.preview.findChildren(QMenu, "previewMenu")[-1]
    return {action.text(): action for action in menu.actions()}


def answer_dialog(monkeypatch, cls, **fill):
    """The next dialog of this class is filled in like this and accepted."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        for name, value in fill.items():
            if name == "choice":
                dialog.choice = value
            else:
                getattr(dialog, name).setPlainText(value) if name != "title" \
                    else dialog.title.setText(value)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(cls, "exec", run)
    return seen


def test_the_clause_under_the_cursor_is_found(window):
    preview = window.preview
    assert clause_at(preview, point_of(preview, "Just make sure your work gets done")) == \
        "employees.personal_use"
    assert clause_at(preview, point_of(preview, "We may monitor company devices")) == \
        "training.monitoring"


def test_edit_wording_from_the_preview_then_undo(qtbot, window, monkeypatch):
    heading = render_document(window.model.project).clauses()["employees.personal_use"]
    menu = context_menu(window, "Just make sure your work gets done")
    edit = menu[f"Edit wording of {heading}..."]
    assert any("Copy" in text for text in menu)  # the usual items stay
    answer_dialog(monkeypatch, WordingDialog, editor="Personal posts wait for your breaks.")
    edit.trigger()
    qtbot.waitUntil(lambda: "Personal posts wait for your breaks." in
                    window.preview.toPlainText())
    assert "Just make sure" not in window.preview.toPlainText()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "Just make sure" in window.preview.toPlainText())


def test_revert_to_the_generated_text(qtbot, window, monkeypatch):
    answer_dialog(monkeypatch, WordingDialog, editor="Our own words.")
    context_menu(window, "We may monitor company devices")["Edit wording of " + render_document(
        window.model.project).clauses()["training.monitoring"] + "..."].trigger()
    qtbot.waitUntil(lambda: "Our own words." in window.preview.toPlainText())
    menu = context_menu(window, "Our own words.")
    menu["Revert to the generated wording"].trigger()
    qtbot.waitUntil(lambda: "We may monitor company devices" in window.preview.toPlainText())
    assert window.model.project.wording == []


def test_add_a_rule_here_is_numbered_with_the_rest(qtbot, window, monkeypatch):
    before = {b.clause_id: b.number for b in render_document(window.model.project).blocks
              if b.kind == "heading2"}
    menu = context_menu(window, "Just make sure your work gets done")
    answer_dialog(monkeypatch, RuleDialog, title="Personal devices",
                  editor="Keep work apps behind a screen lock.")
    menu["Add a rule here..."].trigger()
    section, clause = before["employees.personal_use"].split(".")
    number = f"{section}.{int(clause) + 1}"
    qtbot.waitUntil(lambda: f"{number} Personal devices" in window.preview.toPlainText())
    after = {b.clause_id: b.number for b in render_document(window.model.project).blocks
             if b.kind == "heading2"}
    following = next(c for c, n in before.items() if n == number)
    assert after[following] == f"{section}.{int(clause) + 2}"


def test_stale_wording_warns_and_shows_the_new_text_beside(qtbot, window, monkeypatch):
    answer_dialog(monkeypatch, WordingDialog, editor="Our own words on breaches.")
    window.wording.edit("training.consequences")
    assert window.stale_bar.isHidden()
    window.model.set_value(("training", "consequences"), "A written warning comes first.",
                           typing=False)
    qtbot.waitUntil(lambda: window.stale_bar.isVisible())
    assert "If this policy is broken" in window.stale_bar.message.text()
    seen = answer_dialog(monkeypatch, WordingDialog, choice="keep")
    window.stale_bar.compare.click()
    dialog = seen[0]
    assert "A written warning comes first." in dialog.stale_text.toPlainText()
    assert dialog.editor.toPlainText() == "Our own words on breaches."
    qtbot.waitUntil(lambda: window.stale_bar.isHidden())
    qtbot.waitUntil(lambda: "Our own words on breaches." in window.preview.toPlainText())


def test_wording_follows_an_answer_that_changes_other_words_and_edits_as_shown(
        qtbot, window, monkeypatch):
    generated = clause_texts(window.model.workspace.document())["purpose.why"]
    name = window.model.project.company.name
    assert f"helps {name} reach clients," in generated
    answer_dialog(monkeypatch, WordingDialog,
                  editor=generated.replace("reach clients", "reach customers"))
    window.wording.edit("purpose.why")
    window.model.set_value(("company", "name"), "Harbor Lights Inc", typing=False)
    qtbot.waitUntil(lambda: "helps Harbor Lights Inc reach customers," in
                    window.preview.toPlainText())
    assert window.stale_bar.isHidden()
    seen = answer_dialog(monkeypatch, WordingDialog)
    window.wording.edit("purpose.why")
    assert "helps Harbor Lights Inc reach customers," in seen[0].editor.toPlainText()


def test_compare_marks_the_words_the_changed_answer_brought(qtbot, window, monkeypatch):
    """Found by a tester: a new name in the generated text was easy to miss beside the
    wording; the words the wording lacks are marked, and the buttons say what they keep."""
    window.model.set_value(("training", "consequences"), "Then a written warning.",
                           typing=False)
    generated = clause_texts(window.model.workspace.document())["training.consequences"]
    answer_dialog(monkeypatch, WordingDialog,
                  editor=generated.replace("a written warning", "a formal warning"))
    window.wording.edit("training.consequences")
    window.model.set_value(("training", "consequences"), "Then a final written warning.",
                           typing=False)
    qtbot.waitUntil(lambda: window.stale_bar.isVisible())
    seen = answer_dialog(monkeypatch, WordingDialog, choice="keep")
    window.stale_bar.compare.click()
    dialog = seen[0]
    marked = [m.cursor.selectedText() for m in dialog.stale_text.extraSelections()]
    assert marked == ["final written"]
    buttons = {b.objectName(): b.text() for b in dialog.findChildren(QPushButton)}
    assert buttons["keepButton"] == "&Keep the wording as it is"
    assert buttons["revertButton"] == "Use the &generated text"
    texts = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "&Save wording" in texts  # not "Save", which reads as the project's file


@pytest.mark.parametrize("theme", ["dark", "high contrast black"])
def test_the_words_compare_marks_read_in_a_dark_theme(qtbot, desktop_theme, theme):
    """The marks' pale yellow took the theme's white words: unreadable (1.1:1)."""
    desktop_theme(theme)
    dialog = WordingDialog("4.3 Social media during work time",
                           "You may use social media at work.", True,
                           "You may use social media for personal reasons at work.")
    qtbot.addWidget(dialog)
    marks = dialog.stale_text.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["for personal reasons"]
    words = marks[0].format.foreground().color() if marks[0].format.hasProperty(
        QTextFormat.Property.ForegroundBrush) else dialog.stale_text.palette().color(
        QPalette.ColorRole.Text)
    assert contrast(words, marks[0].format.background().color()) >= 4.5


def test_a_key_typed_beside_own_wording_waits_for_no_render(qtbot, window, monkeypatch,
                                                            request):
    """The stale bar asks after the one render per change, not at every key (it rendered the
    policy four times at each)."""
    answer_dialog(monkeypatch, WordingDialog, editor="Our own words on breaches.")
    window.wording.edit("training.consequences")
    with qtbot.waitSignal(window.rendering.rendered):
        pass
    renders = request.getfixturevalue("renders")  # counted from here
    window.model.set_value(("training", "consequences"), "A written warning first.")
    assert renders == []
    qtbot.waitUntil(lambda: window.stale_bar.isVisible())


def test_stale_wording_of_a_clause_the_owner_took_out_is_named_by_its_title(qtbot, window):
    window.model.set_value(("wording",), [own_wording(window.model.project,
                                                      "training.consequences", "")])
    window.model.set_value(("training", "consequences"), "A written warning comes first.",
                           typing=False)
    qtbot.waitUntil(lambda: window.stale_bar.isVisible())
    assert window.stale_bar.message.text() == (
        'Wording kept as written may be out of date: an answer behind "If this policy is '
        'broken" (no longer in the policy) has changed since it was written.')


def test_a_clause_counsel_retitled_is_edited_from_its_words_and_keeps_the_title(
        qtbot, window, monkeypatch):
    """Counsel renamed a clause and left its words (the title alone is theirs): Edit wording
    shows the words the clause says, and the owner's new words keep counsel's title."""
    window.model.set_value(("wording",), [ClauseWording(
        clause_id="employees.personal_use", title="Personal posts at work", title_only=True)])
    qtbot.waitUntil(lambda: "Personal posts at work" in window.preview.toPlainText())
    shown = []

    def reword(dialog):
        shown.append(dialog.editor.toPlainText())
        dialog.editor.setPlainText("Personal posts wait for your breaks.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WordingDialog, "exec", reword)
    window.wording.edit("employees.personal_use")
    assert "Just make sure your work gets done" in shown[0]
    qtbot.waitUntil(lambda: "Personal posts wait for your breaks." in
                    window.preview.toPlainText())
    clause = clause_texts(window.model.workspace.document())
    assert clause["employees.personal_use"] == "Personal posts wait for your breaks."
    assert render_document(window.model.project).clauses()["employees.personal_use"].endswith(
        " Personal posts at work")


def test_saving_the_words_unchanged_keeps_the_clause_following_the_answers(
        qtbot, window, monkeypatch):
    """Edit wording, then Save without changing a word: nothing changes (no undo step, the
    project not modified), and when the owner later changes the answer the clause states,
    the preview shows the new answer; the clause had kept its old words as the owner's."""
    assert not window.isWindowModified()
    answer_dialog(monkeypatch, WordingDialog)  # Save, the words as shown
    window.wording.edit("training.consequences")
    assert window.model.project.wording == []
    assert not window.model.undo_stack.canUndo()
    assert not window.isWindowModified()
    window.model.set_value(("training", "consequences"), "A written warning comes first.",
                           typing=False)
    qtbot.waitUntil(lambda: "A written warning comes first." in window.preview.toPlainText())
    assert window.stale_bar.isHidden()


def test_saving_the_words_unchanged_keeps_counsels_title_alone(qtbot, window, monkeypatch):
    """A clause counsel only renamed, saved unchanged from Edit wording: the title stays and
    the words still follow the answers."""
    retitled = ClauseWording(clause_id="training.consequences", title="Breaking this policy",
                             title_only=True)
    window.model.set_value(("wording",), [retitled])
    answer_dialog(monkeypatch, WordingDialog)
    window.wording.edit("training.consequences")
    assert window.model.project.wording == [retitled]
    window.model.set_value(("training", "consequences"), "A written warning comes first.",
                           typing=False)
    qtbot.waitUntil(lambda: "A written warning comes first." in window.preview.toPlainText())
    assert "Breaking this policy" in window.preview.toPlainText()


def test_saving_your_own_words_unchanged_is_no_step_to_undo(window, monkeypatch):
    """Two clauses in the owner's words; the first saved again as it is: Edit > Undo has
    nothing new to undo and the project is not marked modified."""
    project = window.model.project
    window.model.replace(project.model_copy(update={"wording": [
        own_wording(project, "training.consequences", "Our own words on breaches."),
        own_wording(project, "employees.personal_use", "Personal posts wait for breaks.")]}),
        None)
    answer_dialog(monkeypatch, WordingDialog)
    window.wording.edit("training.consequences")
    assert not window.model.undo_stack.canUndo()
    assert not window.isWindowModified()


def test_revert_gives_the_generated_words_back_and_keeps_counsels_title(qtbot, window):
    """Counsel renamed a clause and rewrote it: reverting its wording brings the generated
    words back under counsel's title, as the menu says (it took the title away too, without
    a word); Revert to the generated title then brings the generated title back."""
    generated = render_document(window.model.project).clauses()["employees.personal_use"]
    window.model.set_value(("wording",), [own_wording(
        window.model.project, "employees.personal_use", "Personal posts wait for your breaks.",
        "Personal posts at work")])
    qtbot.waitUntil(lambda: "Personal posts wait" in window.preview.toPlainText())
    context_menu(window, "Personal posts wait")[
        "Revert to the generated wording (keeps the title)"].trigger()
    qtbot.waitUntil(lambda: "Just make sure your work gets done" in
                    window.preview.toPlainText())
    assert render_document(window.model.project).clauses()["employees.personal_use"].endswith(
        " Personal posts at work")
    context_menu(window, "Just make sure your work gets done")[
        "Revert to the generated title"].trigger()
    qtbot.waitUntil(lambda: generated in window.preview.toPlainText())
    assert window.model.project.wording == []


@pytest.mark.parametrize("text, path", [
    ("The views I share here are my own.", ("employees", "disclaimer_text")),
    ("Unreleased projects", ("employees", "confidential_info")),
    ("@northwind-analytics", ("presence", "accounts")),
])
def test_a_double_click_in_the_preview_goes_to_the_answer_behind_the_words(window, qtbot,
                                                                            text, path):
    """Double-clicking words in the preview only selected a word (ux.md #20); it shows the
    answer they come from, in its tab, with the keyboard in it."""
    window.go_to_area(7)
    preview = window.preview
    qtbot.mouseDClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point_of(preview, text))
    assert window.tabs.currentWidget() is window.forms[path[0]]
    editor = window.forms[path[0]].editor(path)
    assert editor is QApplication.focusWidget() or editor.isAncestorOf(QApplication.focusWidget())


def test_the_preview_menu_names_the_answer_behind_the_words(window):
    menu = context_menu(window, "The views I share here are my own.")
    go = menu["Go to the Answer: Suggested wording of the note"]
    go.trigger()
    assert window.tabs.currentWidget() is window.forms["employees"]


def test_go_to_the_answer_of_a_list_item_or_a_table_cell_goes_to_that_item(window):
    """It went to the list with its first item current, not the item the words come from
    (found by a tester)."""
    items = window.model.project.presence.we_publish
    menu = context_menu(window, items[-1])
    menu[next(text for text in menu if text.startswith("Go to the Answer"))].trigger()
    goals = window.forms["presence"].editor(("presence", "we_publish"))
    assert goals.view.currentIndex().row() == len(items) - 1
    accounts = window.model.project.presence.accounts
    window.model.set_value(("presence", "accounts"), [
        *accounts[:-1], accounts[-1].model_copy(update={"handle": "@videos-of-northwind"})])
    window.rendering.render_now()
    menu = context_menu(window, "@videos-of-northwind")
    assert "Go to the Answer: Handle or address" in menu
    menu["Go to the Answer: Handle or address"].trigger()
    table = window.forms["presence"].editor(("presence", "accounts"))
    index = table.view.currentIndex()
    assert (index.row(), table.columns[index.column()].name) == (len(accounts) - 1, "handle")


def test_words_no_answer_gives_go_to_the_first_answer_of_their_area(window):
    """The app's own sentences in a section follow its area's answers as a whole."""
    menu = context_menu(window, "Just make sure your work gets done")
    assert "Go to the Answer: Personal use at work" in menu


def test_the_previews_menu_offers_nothing_the_policy_has_not(window):
    """Seen by a tester: a greyed "Copy Link Location", which means nothing to an owner."""
    shown = context_menu(window, "Guidelines for employees")
    assert not any("Link" in text for text in shown) and "&Copy\tCtrl+C" in shown


def test_words_of_another_areas_answer_go_to_that_answer(window, qtbot):
    """4.12 names who monitors the accounts, an answer of Responses: its menu named Personal
    use at work, of its own area (found by a tester)."""
    window.model.set_value(("responses", "monitor_who"), "Priya Nair, Head of Community",
                           "Who monitors")
    qtbot.waitUntil(lambda: "Priya Nair" in window.preview.toPlainText())
    menu = context_menu(window, "send a link to Priya")
    assert "Go to the Answer: Who monitors our accounts" in menu


@pytest.mark.parametrize("held", [Qt.KeyboardModifier.NoModifier,
                                  Qt.KeyboardModifier.ControlModifier])
def test_tab_leaves_the_wording_and_rule_boxes(qtbot, held):
    """Tab typed tab characters into the wording; the keyboard could not reach the buttons
    by Tab (found by a tester). Ctrl+Tab leaves them too, as it leaves the reply to counsel
    (it did nothing)."""
    for dialog in (WordingDialog("4.2 Personal accounts", "Our words.", True, "New words."),
                   RuleDialog()):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.editor.setFocus()
        text = dialog.editor.toPlainText()
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Tab, held)
        assert dialog.editor.toPlainText() == text
        assert not dialog.editor.hasFocus()
