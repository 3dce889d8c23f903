"""The review panel as the owner uses it: open counsel's reply (menu or drop), accept a
change into the policy, reject one, reply to a comment; the notes tell the owner's questions
from counsel's."""

from __future__ import annotations

import os

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from smpolicy_desktop.model import CounselNote
from smpolicy_desktop.render import clause_texts, own_wording
from smpolicy_desktop.storage import load_project
from tests.docx_projects import filled_project
from tests.test_review_import import COUNSEL, QUESTION, W, build_word_reply
from tests.ui.test_window import answers, drop_file, make_window, settings  # noqa: F401
from ui import dialogs


@pytest.fixture
def reply(tmp_path):
    """A project as sent to counsel, and counsel's reply in Word's conventions."""
    project = filled_project(review__notes_to_counsel=[
        CounselNote(clause_id="training.monitoring", question=QUESTION)])
    from smpolicy_desktop.workspace import Workspace

    workspace = Workspace(project)
    workspace.export(tmp_path / "sent.docx", remember=True)
    build_word_reply(tmp_path / "sent.docx", tmp_path / "reply.docx")
    return workspace.project, tmp_path / "reply.docx"


@pytest.fixture
def window(qtbot, make_window, reply, monkeypatch):  # noqa: F811 (the fixture imported above)
    return window_with_reply(qtbot, make_window, *reply, monkeypatch)


def window_with_reply(qtbot, make_window, project, path, monkeypatch):  # noqa: F811
    """The project in a window, counsel's reply opened from the File menu."""
    window = make_window()
    window.show_project(project, None)
    qtbot.waitUntil(lambda: "Northwind" in window.preview.toPlainText())
    monkeypatch.setattr(dialogs, "open_file_name", lambda *a, **k: str(path))
    window.open_reply_action.trigger()
    qtbot.waitUntil(lambda: window.review_panel.items.topLevelItemCount() > 0)
    return window


def select(window, text: str):
    items = window.review_panel.items
    for index in range(items.topLevelItemCount()):
        row = items.topLevelItem(index)
        if text in row.text(3):
            items.setCurrentItem(row)
            return row
    raise AssertionError(f"no item says {text!r}")


def test_file_open_counsels_reply_lists_each_change_against_its_clause(window):
    panel = window.review_panel
    assert window.review_dock.isVisible()
    assert "&Counsel's Review" in [a.text() for a in window.view_menu.actions()]
    assert "reply.docx" in panel.heading.text()
    row = select(window, "We will put any warning in writing.")
    heading = window.model.workspace.document().clauses()["training.consequences"]
    assert (row.text(0), row.text(1)) == (heading, "insertion")
    # who, alone in its narrow column (the date made every row four lines tall); the date in
    # the column's tooltip and the details
    assert row.text(2) == COUNSEL
    reply = panel.reply
    item = reply.item(row.data(0, Qt.ItemDataRole.UserRole))
    assert row.toolTip(2) == f"by {COUNSEL}, {panel._date(item.date)}"
    assert panel.details.text().startswith(f"Insertion by {COUNSEL}, {panel._date(item.date)}:")
    comments = sum(item.is_comment for item in reply.items)
    assert panel.heading.text().endswith(  # counted in words, not "change(s) and comment(s)"
        f"{len(reply.items) - comments} changes and {comments} comments.")


def test_accept_puts_counsels_words_in_the_policy_and_undo_takes_them_out(qtbot, window):
    select(window, "We will put any warning in writing.")
    window.review_panel.accept_button.click()
    qtbot.waitUntil(lambda: "We will put any warning in writing." in
                    window.preview.toPlainText())
    panel = window.review_panel
    decided = select(window, "We will put any warning in writing.")
    assert "Accepted" in decided.text(1) and decided.isDisabled()
    # the selection moves on to the next change still open, as the risk check's Apply does
    following = panel.items.topLevelItem(panel.items.indexOfTopLevelItem(decided) + 1)
    assert panel.items.currentItem() is following and panel.accept_button.isEnabled()
    assert "kept" in panel.outcome.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "We will put any warning in writing." not in
                    window.preview.toPlainText())
    assert panel.outcome.text() == ""  # what it did is undone: not told still (a tester)
    # open again in the list, to decide anew (it stayed "Accepted", found by a tester)
    reopened = select(window, "We will put any warning in writing.")
    assert reopened.text(1) == "insertion" and not reopened.isDisabled()
    assert panel.accept_button.isEnabled()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: "We will put any warning in writing." in window.preview.toPlainText())
    assert "Accepted" in select(window, "We will put any warning in writing.").text(1)


def test_accepting_one_half_of_a_move_accepts_the_other(qtbot, window):
    items = window.review_panel.items
    moves = [items.topLevelItem(i) for i in range(items.topLevelItemCount())
             if items.topLevelItem(i).text(1) == "move"]
    items.setCurrentItem(moves[1])  # where the item arrived
    window.review_panel.accept_button.click()
    moves = [items.topLevelItem(i) for i in range(items.topLevelItemCount())
             if items.topLevelItem(i).text(1).startswith("move")]
    assert [row.text(1) for row in moves] == ["move - Accepted", "move - Accepted"]
    qtbot.waitUntil(lambda: window.preview.toPlainText().count("Client files and client data")
                    == 1)  # neither doubled nor lost


def test_an_accepted_move_in_a_list_changes_the_list_not_the_clauses_wording(qtbot, window):
    """The moved list item reorders the owner's list answer; the clause (and the quick guide
    that repeats the list) still follow it, and the status bar says so."""
    messages = []
    window.review_panel.message.connect(messages.append)
    select(window, "Client files and client data")
    window.review_panel.accept_button.click()
    project = window.model.project
    assert project.employees.confidential_info[-1] == "Client files and client data"
    assert project.wording_for("employees.confidential") is None
    assert 'kept as your answer to "What counts as confidential"' in messages[-1]
    assert "Quick guide" in messages[-1]
    window.model.set_value(("employees", "confidential_info"), ["Board minutes"], "list")
    qtbot.waitUntil(lambda: "Board minutes" in window.preview.toPlainText())


def test_another_project_shown_closes_the_reply_of_the_one_before(qtbot, window):
    """Counsel's reply to one project stayed listed over the next one opened (or a new one),
    and Accept put counsel's words into it (found by a tester)."""
    from smpolicy_desktop.model import Project

    window.show_project(Project(company={"name": "Beta Corp"}), None)
    panel = window.review_panel
    assert panel.reply is None and panel.items.topLevelItemCount() == 0
    assert not panel.accept_button.isEnabled() and not panel.reject_button.isEnabled()
    assert panel.heading.text().startswith("Open your lawyer's marked-up Word file")
    assert window.model.project.wording == [] and window.model.project.sent_versions == []


def test_a_selected_change_is_shown_in_its_sentence(window):
    select(window, "We will put any warning in writing.")
    details = window.review_panel.details.text()  # a sentence of its own: nothing before it
    assert "Reads now" not in details
    assert "With the change: We will put any warning in writing." in details
    select(window, "three times")  # an edit made without tracking: as sent, and now
    assert "Reads now: We check our accounts for comments and messages twice each" in \
        window.review_panel.details.text()
    select(window, "Just make sure your work gets done")  # a sentence taken out whole
    assert window.review_panel.details.text().endswith(
        "Reads now: Just make sure your work gets done well and on time.\n"
        "With the change: taken out.")


def test_accept_as_a_clause_wording_keeps_it_as_wording(qtbot, window):
    select(window, "three times")
    accept_as = {a.text(): a for a in window.review_panel.accept_menu.actions()}
    accept_as["Accept as the clause's wording"].trigger()
    project = window.model.project
    assert project.wording_for("responses.monitoring") is not None
    qtbot.waitUntil(lambda: "three times each working day" in window.preview.toPlainText())


def test_reject_leaves_the_policy_as_it_was(qtbot, window):
    before = window.model.project.model_copy(deep=True)
    row = select(window, "Just make sure your work gets done")
    window.review_panel.reject_button.click()
    assert "Rejected" in select(window, "Just make sure your work gets done").text(1)
    assert window.model.project.employees == before.employees
    assert window.model.project.wording == before.wording
    assert row is not None
    # kept as a version (as import-review --reject does), so the next changes for counsel
    # show what became of counsel's suggestions
    assert window.model.project.sent_versions[-1].label.startswith("Reply from ")


def test_reply_to_a_comment_keeps_the_thread_in_the_notes(qtbot, window, monkeypatch):
    select(window, "Keep this clause exactly as it is.")
    assert window.review_panel.reply_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "exec", lambda dialog: dialog.setTextValue(
        "Thank you, we will keep it.") or 1)
    with qtbot.waitSignal(window.rendering.rendered):  # the notes follow the edit's render
        window.review_panel.reply_button.click()
    notes = window.review_panel.notes
    texts = [(notes.topLevelItem(i).text(1), notes.topLevelItem(i).text(2))
             for i in range(notes.topLevelItemCount())]
    assert ("You asked", QUESTION) in texts  # the owner's own question, told apart
    counsel = next(notes.topLevelItem(i) for i in range(notes.topLevelItemCount())
                   if notes.topLevelItem(i).text(2) == "Keep this clause exactly as it is.")
    assert counsel.text(1) == COUNSEL
    assert (counsel.child(0).text(1), counsel.child(0).text(2)) == \
        ("You", "Thank you, we will keep it.")


_CTRL, _SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(("key", "held", "goes_to"), [
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, "OK"),
    (Qt.Key.Key_Backtab, _SHIFT, "Cancel"),
    (Qt.Key.Key_Tab, _CTRL, "OK"), (Qt.Key.Key_Backtab, _CTRL | _SHIFT, "Cancel")])
def test_tab_or_ctrl_tab_in_the_reply_to_counsel_goes_on_to_its_buttons(
        qtbot, window, key, held, goes_to):
    """Seen by a tester at 1366x768: Tab in the reply to counsel's comment typed a tab
    character; it goes on to OK, as in the form's boxes, and Shift+Tab back (to Cancel, the
    dialog's controls in a ring). Ctrl+Tab (and Ctrl+Shift+Tab) did nothing there: they go on
    (and back) too, as Ctrl+Tab leaves a box that takes Tab in other programs (GTK's); the
    dialog is modal, so there are no areas of the window to go to."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

    from ui.review_panel import reply_dialog

    dialog = reply_dialog(window.review_panel)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    box = dialog.findChild(QPlainTextEdit)
    assert box.hasFocus()
    qtbot.keyClicks(box, "Noted")
    qtbot.keyClick(box, key, held)
    assert dialog.textValue() == "Noted"
    focused = QApplication.focusWidget()
    assert isinstance(focused, QPushButton) and focused.text() == goes_to


def test_counsels_answer_to_the_owners_question_sits_under_it(qtbot, window):
    select(window, "Yes, for company systems it is enough.")
    with qtbot.waitSignal(window.rendering.rendered):
        window.review_panel.accept_button.click()
    notes = window.review_panel.notes
    question = next(notes.topLevelItem(i) for i in range(notes.topLevelItemCount())
                    if notes.topLevelItem(i).text(2) == QUESTION)
    assert (question.child(0).text(1), question.child(0).text(2)) == \
        (COUNSEL, "Yes, for company systems it is enough.")


def test_a_dropped_word_file_opens_as_counsels_reply(qtbot, make_window, reply):  # noqa: F811
    project, path = reply
    window = make_window()
    window.show_project(project, None)
    drop_file(window, path)
    qtbot.waitUntil(lambda: window.review_panel.items.topLevelItemCount() > 0)
    assert window.review_dock.isVisible()


@pytest.mark.parametrize("kind", ["odt", "doc", "rtf", "pdf"])
def test_a_reply_counsel_saved_in_another_format_says_what_to_do(
        qtbot, make_window, reply, tmp_path, monkeypatch, kind):  # noqa: F811
    """Dropped on the window, or looked for in File > Open Counsel's Reply: the owner is told
    why it cannot be read and what to do, not left with nothing happening."""
    from fnmatch import fnmatch

    from tests.test_review_other_editors import WRONG_FILES

    project, _ = reply
    content, reason = WRONG_FILES[kind]
    other = tmp_path / f"reply.{kind}"
    other.write_bytes(content)
    window = make_window()
    window.show_project(project, None)
    drop_file(window, other)
    qtbot.waitUntil(lambda: reason in window.review_panel.heading.text())
    assert window.review_dock.isVisible()
    asked = []
    monkeypatch.setattr(dialogs, "open_file_name",
                        lambda *args, **kwargs: asked.append(args[3]) or "")
    window.open_reply_action.trigger()
    shown = asked[0].split(";;")[0].split("(")[1].rstrip(")").split()
    assert any(fnmatch(other.name, pattern) for pattern in shown), asked


def test_a_word_file_that_is_no_reply_says_why(qtbot, window, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    assert not window.review_panel.open_reply(broken)
    assert "is not a Word (.docx) file" in window.review_panel.heading.text()


def test_a_word_365_thread_shows_what_is_resolved_and_a_footnote(qtbot, make_window, reply,  # noqa: F811, E501
                                                                 tmp_path):
    from tests.test_review_other_editors import _footnote_and_header, _threads, rewrite

    project, path = reply
    markup = rewrite(tmp_path / "sent.docx", tmp_path / "threads.docx", _threads,
                     _footnote_and_header)
    window = make_window()
    window.show_project(project, None)
    drop_file(window, markup)
    qtbot.waitUntil(lambda: window.review_panel.items.topLevelItemCount() > 0)
    assert select(window, "These two clauses overlap.").text(1) == "comment (resolved)"
    assert select(window, "Why delete this?").text(1) == "comment"
    assert select(window, "Ohio law allows this.").text(1) == "footnote"
    assert window.review_panel.open_reply(tmp_path / "sent.docx")  # our own file: no items


def test_a_comment_across_two_clauses_names_both_in_the_reply_and_in_the_notes(
        qtbot, make_window, reply, tmp_path):  # noqa: F811
    from tests.test_review_other_editors import _threads, rewrite

    project, _ = reply
    markup = rewrite(tmp_path / "sent.docx", tmp_path / "threads.docx", _threads)
    window = make_window()
    window.show_project(project, None)
    drop_file(window, markup)
    qtbot.waitUntil(lambda: window.review_panel.items.topLevelItemCount() > 0)
    clauses = window.model.workspace.document().clauses()
    both = f"{clauses['employees.endorsements']}; {clauses['employees.confidential']}"
    assert select(window, "These two clauses overlap.").text(0) == both
    assert select(window, "Why delete this?").text(0) == clauses["employees.personal_use"]
    select(window, "These two clauses overlap.")
    with qtbot.waitSignal(window.rendering.rendered):  # the notes follow the edit's render
        window.review_panel.accept_button.click()
    notes = window.review_panel.notes
    kept = next(notes.topLevelItem(i) for i in range(notes.topLevelItemCount())
                if notes.topLevelItem(i).text(2).startswith("These two clauses overlap."))
    assert kept.text(0) == both


def test_the_notes_clause_column_is_wide_enough_to_read_the_clause(qtbot, window):
    """In a wide panel a clause's name is on one line beside the note; in a narrow one (the
    1366x768 window's) it wraps onto more lines rather than being cut."""
    notes = window.review_panel.notes
    asked = notes.topLevelItem(0)
    assert asked.text(1) == "You asked" and asked.text(0)  # "7.3 Monitoring of company systems"
    window.resize(1366, 740)
    line = notes.fontMetrics().lineSpacing()
    for width, lines in ((620, 1), (390, 2)):
        window.resizeDocks([window.review_dock], [width], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda width=width: abs(window.review_panel.width() - width) < 40)
        fits = notes.columnWidth(0) >= notes.fontMetrics().horizontalAdvance(asked.text(0))
        assert fits == (lines == 1)
        assert notes.visualItemRect(asked).height() >= lines * line
        assert notes.columnWidth(2) >= notes.viewport().width() // 3  # the note has room too


def test_an_old_word_file_says_to_save_it_as_docx(qtbot, window, tmp_path):
    old = tmp_path / "reply.doc"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + "WordDocument".encode("utf-16-le"))
    assert not window.review_panel.open_reply(old)
    assert "save it as Word (.docx)" in window.review_panel.heading.text()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes are POSIX")
@pytest.mark.timeout(60)
def test_a_pipe_dropped_as_counsels_reply_is_refused_without_freezing_the_window(
        qtbot, window, tmp_path):
    os.mkfifo(tmp_path / "pipe.docx")  # reading it would wait for ever, in the window's thread
    drop_file(window, tmp_path / "pipe.docx")
    qtbot.waitUntil(lambda: "pipe.docx" in window.review_panel.heading.text())
    assert window.review_panel.heading.text() == (
        "Cannot read pipe.docx: that is not a file but a pipe, a device or a socket, so it was "
        "not read.")


# --- Versions sent and the redline -----------------------------------------------------------

def test_a_copy_to_print_does_not_hide_changes_from_counsel(make_window, answers, tmp_path):  # noqa: F811, E501
    import zipfile

    window = make_window()
    window.show_project(filled_project(), None)
    answers.save_path = tmp_path / "v1.docx"
    window.send_action.trigger()
    window.model.set_value(("employees", "disclaimer_text"), "All views are mine alone.")
    answers.save_path = tmp_path / "print.docx"
    window.export_actions["docx"].trigger()  # a copy to print: no version sent
    window.model.set_value(("company", "version"), "2.2")
    answers.save_path = tmp_path / "changes.docx"
    window.export_changes_action.trigger()
    body = etree.fromstring(zipfile.ZipFile(tmp_path / "changes.docx").read("word/document.xml"))
    inserted = " ".join("".join(ins.itertext()) for ins in body.iter(f"{{{W}}}ins"))
    assert "mine alone" in inserted  # the disclaimer change is marked, not slipped in


def test_the_owner_picks_a_version_to_compare_with(make_window, answers, tmp_path, monkeypatch):  # noqa: F811, E501
    import docx

    window = make_window()
    window.show_project(filled_project(), None)
    for name, version in (("v1.docx", "2.1"), ("v2.docx", "2.2")):
        window.model.set_value(("company", "version"), version)
        answers.save_path = tmp_path / name
        window.send_action.trigger()
    asked = []

    def pick(parent, title, label, items, current, editable):
        asked.append(items)
        return items[-1], True  # the older one

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    answers.save_path = tmp_path / "changes.docx"
    window.export_changes_action.trigger()
    assert asked[0][0].startswith("v2: Sent to counsel") and asked[0][1].startswith("v1")
    first = docx.Document(tmp_path / "changes.docx").paragraphs[0].text
    assert first.startswith("Changes since version 2.1, sent to counsel on ")
    assert "(full policy, v1)" in first


def test_the_changes_export_suggests_a_name_of_its_own(make_window, answers, tmp_path,  # noqa: F811, E501
                                                       monkeypatch):
    # It suggested the clean draft's name, inviting the owner to replace the draft.
    window = make_window()
    window.show_project(filled_project(), None)
    answers.save_path = tmp_path / "sent.docx"
    window.send_action.trigger()
    suggested = []
    monkeypatch.setattr(dialogs, "save_file_name", lambda parent, title, path, *kind: (
        suggested.append(path.name) or str(tmp_path / "changes.docx")))
    window.export_changes_action.trigger()
    assert suggested == ["Northwind Analytics LLC social media policy - changes since v1.docx"]
    assert (tmp_path / "changes.docx").is_file()


# --- Final -----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [False, True])
def test_marking_final_while_counsel_is_still_reviewing_asks_first(qtbot, make_window,  # noqa: F811, E501
                                                                   monkeypatch, answer):
    from ui import review_panel

    window = make_window()
    window.show_project(filled_project(), None)  # the company lawyer is "In review"
    asked = []
    monkeypatch.setattr(review_panel, "confirm_marking_final",
                        lambda parent, items: asked.append(items) or answer)
    window.model.set_value(("review", "final"), True)
    qtbot.waitUntil(lambda: bool(asked))
    assert any("Not approved yet by" in item for item in asked[0])
    qtbot.waitUntil(lambda: window.model.project.review.final is answer)


def test_accepting_in_a_clause_the_owner_changed_after_sending_keeps_both(window):
    model = window.model
    changed = model.project.training.consequences.replace("Coaching first",
                                                          "Coaching always comes first")
    model.set_value(("training", "consequences"), changed, "Consequences", typing=False)
    select(window, "We will put any warning in writing.")
    window.review_panel.accept_button.click()
    text = clause_texts(model.workspace.document())["training.consequences"]
    assert "Coaching always comes first; serious breaches may lead to discipline. We will put " \
           "any warning in writing." in text
    assert "your changes since you sent it are kept" in window.statusBar().currentMessage()


def test_counsel_rejecting_a_change_of_the_redline_is_listed_and_accept_undoes_it(
        qtbot, make_window, answers, tmp_path, monkeypatch):  # noqa: F811
    from tests.test_review_other_editors import on_body, rewrite
    from tests.test_review_rounds import HOLDING_NOW, HOLDING_SENT, _owners_changes_rejected

    window = make_window()
    window.show_project(filled_project(), None)
    answers.save_path = tmp_path / "sent.docx"
    window.send_action.trigger()
    window.model.set_value(("responses", "holding_statement"), HOLDING_NOW)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: (a[3][0], True))
    answers.save_path = tmp_path / "changes.docx"
    window.export_changes_action.trigger()
    reply = rewrite(tmp_path / "changes.docx", tmp_path / "reply.docx",
                    on_body(_owners_changes_rejected))
    monkeypatch.setattr(dialogs, "open_file_name", lambda *a, **k: str(reply))
    window.open_reply_action.trigger()
    qtbot.waitUntil(lambda: window.review_panel.items.topLevelItemCount() == 1)
    assert select(window, HOLDING_NOW).text(1) == "rejection of your change"
    window.review_panel.accept_button.click()
    qtbot.waitUntil(lambda: HOLDING_SENT in window.preview.toPlainText())
    assert HOLDING_NOW not in window.preview.toPlainText()


def test_a_reply_named_with_tags_is_named_as_typed(qtbot, window, tmp_path):
    broken = tmp_path / "Q4 <b>final<br> reply.docx"
    broken.write_bytes(b"not a zip")
    assert not window.review_panel.open_reply(broken)
    heading = window.review_panel.heading
    assert heading.text().startswith("Cannot read Q4 <b>final<br> reply.docx: ")
    assert heading.textFormat() == Qt.TextFormat.PlainText  # not "final" in bold on two lines
    select(window, "We will put any warning in writing.")
    assert window.review_panel.details.textFormat() == Qt.TextFormat.PlainText  # counsel's words


def test_the_clause_column_and_the_notes_name_clauses_in_words_never_by_id(
        qtbot, make_window, reply, monkeypatch):  # noqa: F811
    """The owner took out a clause counsel changed and asked about, and asked about one of
    their own since deleted: the panel names the first by its title, the other in words."""
    project, path = reply
    project.wording = [own_wording(project, "training.consequences", "")]
    project.review.notes_to_counsel = [
        CounselNote(clause_id="training.monitoring", question=QUESTION),
        CounselNote(clause_id="training.consequences", question="Is this still needed?"),
        CounselNote(clause_id="own.7", question="And this one?")]
    window = window_with_reply(qtbot, make_window, project, path, monkeypatch)
    row = select(window, "We will put any warning in writing.")
    assert row.text(0) == '"If this policy is broken" (no longer in the policy)'
    notes = window.review_panel.notes
    assert [(notes.topLevelItem(i).text(0), notes.topLevelItem(i).text(2))
            for i in range(notes.topLevelItemCount())] == [
        ("7.3 Monitoring of company systems", QUESTION),
        ('"If this policy is broken" (no longer in the policy)', "Is this still needed?"),
        ("a clause no longer in the policy", "And this one?")]
    items, panel = window.review_panel.items, window.review_panel
    ids = {item.clause_id for item in panel.reply.items} - {""}
    assert not [row for i in range(items.topLevelItemCount())
                for row in [items.topLevelItem(i).text(0)] if any(id_ in row for id_ in ids)]


def test_a_key_typed_waits_for_no_render_of_the_notes(qtbot, window, request):
    """The notes are named from the one render per change, not from a render of their own at
    every key (beside a 10 MB answer that made each key wait seconds): an edit renders nothing
    at once, and the notes are the same after the edit's render."""
    notes = window.review_panel.notes
    before = [notes.topLevelItem(i).text(2) for i in range(notes.topLevelItemCount())]
    renders = request.getfixturevalue("renders")  # counted from here
    window.model.set_value(("company", "name"), "Northwind Analytics Ltd")
    assert renders == []
    with qtbot.waitSignal(window.rendering.rendered):
        pass
    assert renders == [1]
    assert [notes.topLevelItem(i).text(2) for i in range(notes.topLevelItemCount())] == before


def test_a_clause_accepted_before_the_section_counsel_put_it_in_lands_once_in_it(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """Counsel added section 'Artificial intelligence' with clause 'AI tools'; the owner
    accepts the clause first, then the section: the clause is in the section once (it was
    in the policy twice, as 8.4 and 9.1)."""
    from smpolicy_desktop.workspace import Workspace
    from tests.test_counsel_markup_word import AI_SECTION, typed_after_your_rights
    from tests.test_review_other_editors import rewrite

    workspace = Workspace(filled_project())
    workspace.export(tmp_path / "sent.docx", remember=True)
    reply = rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx",
                    typed_after_your_rights(*AI_SECTION))
    window = window_with_reply(qtbot, make_window, workspace.project, reply, monkeypatch)
    for text in ("AI tools", "Artificial intelligence"):
        select(window, text)
        window.review_panel.accept_button.click()
    assert sorted((c.title, c.text) for c in window.model.project.owner_clauses) == [
        ("AI tools", "Ask before you use an AI tool for work."), ("Artificial intelligence", "")]
    qtbot.waitUntil(lambda: "9.1 AI tools" in window.preview.toPlainText())
    shown = window.preview.toPlainText()
    assert shown.count("Ask before you use an AI tool for work.") == 1
    assert "8.4 AI tools" not in shown


def test_a_clause_counsel_added_then_made_safer_stays_one_clause(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """Counsel adds a clause after 4.3 and a sentence to 4.3; the owner accepts the clause,
    applies the safer wording to a risky sentence in it, then accepts the sentence: the
    policy has the clause once, in the safer words (a second copy in counsel's words came
    back, as accepting in 4.3 added counsel's clause again)."""
    from smpolicy_desktop.workspace import Workspace
    from tests.test_review_import import _change, _new_paragraph, _paragraph, _run
    from tests.test_review_other_editors import on_body, rewrite

    risky = "Never post anything negative about your manager."

    def counsel(root) -> None:
        clause = _paragraph(root, "Just make sure your work gets done")
        clause.append(_change("ins", 940, _run(" Your breaks are yours.")))
        body = _new_paragraph(f"Keep work apps behind a screen lock. {risky}", "", 960)
        clause.addnext(body)
        body.addprevious(_new_paragraph("4.3A Personal devices", "Heading2", 950))

    workspace = Workspace(filled_project())
    workspace.export(tmp_path / "sent.docx", remember=True)
    reply = rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx", on_body(counsel))
    window = window_with_reply(qtbot, make_window, workspace.project, reply, monkeypatch)
    select(window, "Personal devices")
    window.review_panel.accept_button.click()
    findings = window.findings
    qtbot.waitUntil(lambda: any(f.excerpt == risky for f in findings.findings), timeout=10_000)
    findings.list.setCurrentRow(next(row for row, f in enumerate(findings.findings)
                                     if f.excerpt == risky))
    findings.apply_button.click()
    select(window, "Your breaks are yours.")
    window.review_panel.accept_button.click()
    qtbot.waitUntil(lambda: "Your breaks are yours." in window.preview.toPlainText())
    shown = window.preview.toPlainText()
    assert shown.count("Personal devices") == 1
    assert shown.count("Keep work apps behind a screen lock.") == 1
    assert risky not in shown


def test_a_section_accepted_before_any_clause_in_it_says_so_and_comes_with_its_clause(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """Counsel added section 'Artificial intelligence' with clause 'AI tools'; the owner
    accepts the section first: it was added with nothing in it, shown nowhere, and nothing
    said (and stayed so if the clause was then rejected). The panel says it is not added
    yet; accepting the clause adds both."""
    from smpolicy_desktop.workspace import Workspace
    from tests.test_counsel_markup_word import AI_SECTION, typed_after_your_rights
    from tests.test_review_other_editors import rewrite

    workspace = Workspace(filled_project())
    workspace.export(tmp_path / "sent.docx", remember=True)
    reply = rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx",
                    typed_after_your_rights(*AI_SECTION))
    window = window_with_reply(qtbot, make_window, workspace.project, reply, monkeypatch)
    select(window, "Artificial intelligence")
    window.review_panel.accept_button.click()
    assert "'Artificial intelligence' is not added: a section shows only with a clause in " \
           "it" in window.statusBar().currentMessage()
    assert window.model.project.owner_clauses == []
    select(window, "AI tools")
    window.review_panel.accept_button.click()
    qtbot.waitUntil(lambda: "9.1 AI tools" in window.preview.toPlainText())
    assert "9 Artificial intelligence" in window.preview.toPlainText()


def test_the_notes_fit_the_panel_they_are_shown_in(qtbot, window):
    """The notes were listed while the panel was hidden and fitted to the width of a hidden
    list (640 pixels): shown in a 370-pixel dock, the clause took most of it and counsel's
    note was a sliver, a word a line."""
    qtbot.waitUntil(lambda: window.review_panel.notes.topLevelItemCount() > 0)
    for tree in (window.review_panel.notes, window.review_panel.items):
        width = tree.viewport().width()
        assert all(tree.columnWidth(column) <= max(int(width * share), tree.least[column])
                   for column, share in enumerate(tree.shares))


def test_the_decision_buttons_stay_put_whichever_item_is_picked(qtbot, window):
    """Accept sat under the picked item's details (who, the words, the clause before and
    after), so it moved with each pick, away from the pointer."""
    panel = window.review_panel
    places = set()
    for index in (-1, *range(panel.items.topLevelItemCount())):
        panel.items.setCurrentItem(panel.items.topLevelItem(index) if index >= 0 else None)
        qtbot.wait(20)
        places.add((panel.accept_button.y(), panel.reject_button.y()))
    assert len(places) == 1


def test_a_change_that_brings_a_risk_is_told_with_no_check_on_the_windows_thread(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """Accepting counsel's change checked the whole policy twice on the window's thread (the
    first time loading the risk check: seconds with the window frozen). The window's own
    check, which runs elsewhere, tells the risk the change brought, with the clause as the
    owner knows it."""
    import smpolicy_desktop.checks.policy_check as policy_check
    from smpolicy_desktop.checks.families import FAMILIES
    from smpolicy_desktop.workspace import Workspace
    from tests.test_review_import import _change, _paragraph, _run
    from tests.test_review_other_editors import on_body, rewrite

    risky = "Never post anything negative about your manager."
    workspace = Workspace(filled_project())
    workspace.export(tmp_path / "sent.docx", remember=True)
    reply = rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx", on_body(
        lambda root: _paragraph(root, "Just make sure your work gets done").append(
            _change("ins", 990, _run(f" {risky}")))))
    window = window_with_reply(qtbot, make_window, workspace.project, reply, monkeypatch)
    qtbot.waitUntil(lambda: window.rendering.latest is not None, timeout=20_000)
    monkeypatch.setattr(policy_check, "check_project",
                        lambda *_, **__: pytest.fail("the policy was checked on the window's "
                                                     "thread"))
    select(window, risky)
    window.review_panel.accept_button.click()
    assert window.statusBar().currentMessage() == (
        "4.3 Social media during work time: kept counsel's wording.")  # at once
    told = ("4.3 Social media during work time: kept counsel's wording. Warning: 4.3 Social "
            f"media during work time: {FAMILIES['nlra.disparagement'].reason}")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == told, timeout=20_000)
    assert window.review_panel.outcome.text() == told  # whole, wrapped, in the panel too
    assert risky in window.preview.toPlainText()


def test_the_reply_and_a_policy_to_check_are_asked_for_in_the_projects_folder(
        qtbot, make_window, monkeypatch, tmp_path):  # noqa: F811
    """Seen by a tester: both file windows opened in the folder the app was started from
    (its program folder), not beside the project, where the lawyer's reply is saved."""
    from smpolicy_desktop.storage import save_project

    folder = tmp_path / "Acme policy"
    folder.mkdir()
    save_project(filled_project(), folder / "acme.smpolicy")
    window = make_window()
    window.files.open_project(folder / "acme.smpolicy")
    window.settings.remove("last_folder")
    asked = []
    monkeypatch.setattr(dialogs, "open_file_name",
                        lambda *args, **kwargs: asked.append(args[2]) or "")
    window.open_reply_action.trigger()
    window._check_policy_document()
    assert asked == [str(folder), str(folder)]


def test_a_reply_opened_again_shows_what_was_decided_and_offers_only_the_rest(
        qtbot, make_window, reply, monkeypatch, tmp_path):  # noqa: F811
    """Accepted and rejected, saved, the reply opened again months later: those two are
    listed as decided and cannot be decided again (all were open, and Reject on an accepted
    change said "Rejected" while its words stayed in the policy; found by a tester)."""
    project, path = reply
    window = window_with_reply(qtbot, make_window, project, path, monkeypatch)
    select(window, "We will put any warning in writing.")
    window.review_panel.accept_button.click()
    select(window, "Just make sure your work gets done")
    window.review_panel.reject_button.click()
    project_file = tmp_path / "policy.smpolicy"
    window.model.workspace.save(project_file)
    window.close()

    again = window_with_reply(qtbot, make_window, load_project(project_file), path, monkeypatch)
    panel = again.review_panel
    assert panel.heading.text().endswith(" 2 decided before.")
    accepted = select(again, "We will put any warning in writing.")
    assert accepted.text(1) == "insertion - Accepted" and accepted.isDisabled()
    assert panel.items.currentItem() is not accepted  # a decided row cannot be picked
    rejected = select(again, "Just make sure your work gets done")
    assert "Rejected" in rejected.text(1) and rejected.isDisabled()
    assert "We will put any warning in writing." in again.preview.toPlainText()
    open_rows = [panel.items.topLevelItem(i) for i in range(panel.items.topLevelItemCount())
                 if not panel.items.topLevelItem(i).isDisabled()]
    assert len(open_rows) == len(panel.reply.items) - 2


def test_the_first_change_is_picked_on_opening_and_a_change_picked_is_shown_in_the_preview(
        qtbot, window):
    """Opened, the reply's first change is picked, so Accept and Reject work at once (nothing
    was, and the arrow keys went nowhere); picking a change shows its clause in the preview."""
    panel = window.review_panel
    first = panel.items.topLevelItem(0)
    assert panel.items.currentItem() is first and panel.accept_button.isEnabled()
    assert window.focusWidget() is panel.items or not window.isActiveWindow()
    with qtbot.waitSignal(panel.clause_requested) as shown:
        select(window, "We will put any warning in writing.")
    assert shown.args == ["training.consequences"]


def test_a_change_the_policy_cannot_take_stays_open_with_its_warning(  # noqa: F811
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """Counsel's change to the title block cannot be kept (its answers are the owner's to
    change): accepted, its warning is told and it stays open, not listed as Accepted (found
    by a tester)."""
    from tests.test_review_rounds import _example_reply, _typed_over

    project_file, path = _example_reply(tmp_path, lambda root: _typed_over(
        root, "Policy owner", "Owner", 960))
    window = window_with_reply(qtbot, make_window, load_project(project_file), path,
                               monkeypatch)
    panel = window.review_panel
    select(window, "Owner")
    panel.accept_button.click()
    assert "counsel changed text that is not in a clause" in panel.outcome.text()
    row = select(window, "Owner")
    assert "Accepted" not in row.text(1) and not row.isDisabled()
    assert panel.decisions == {}


def test_changes_for_counsel_with_a_reply_undecided_asks_first(qtbot, window, answers, tmp_path,  # noqa: F811, E501
                                                                monkeypatch):
    """The redline shows the policy as it stands: counsel's changes not yet decided read as
    ones the owner did not take, and nothing said so (found by a tester)."""
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm",
                        lambda parent, title, question, action: asked.append(question) or False)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: (a[3][0], True))
    answers.save_path = tmp_path / "changes.docx"
    window.export_changes_action.trigger()
    assert len(asked) == 1 and asked[0].startswith("Counsel's reply still has ")
    assert not (tmp_path / "changes.docx").exists()  # the owner went back
    panel = window.review_panel
    for index in range(panel.items.topLevelItemCount()):  # each decided: no question
        panel.items.setCurrentItem(panel.items.topLevelItem(index))
        if panel.reject_button.isEnabled():
            panel.reject_button.click()
    window.export_changes_action.trigger()
    assert len(asked) == 1 and (tmp_path / "changes.docx").exists()


def _retitled_and_bold(tmp_path):
    """A project sent to counsel, and a reply with 4.8's heading typed over and a word made
    bold (w:rPrChange)."""
    from smpolicy_desktop.workspace import Workspace
    from tests.test_counsel_markup_headings import _retyped
    from tests.test_review_import import _paragraph, _split
    from tests.test_review_other_editors import _bolded, element, on_body, rewrite

    def bold(root) -> None:
        rpr = element("rPr", element("b"), element("rPrChange", element("rPr"), id="830",
                                                   author=COUNSEL, date="2026-12-01T10:00:00Z"))
        _split(_paragraph(root, "serious breaches"), "serious", lambda text: _bolded(rpr, text))

    workspace = Workspace(filled_project())
    workspace.export(tmp_path / "sent.docx", remember=True)
    reply = rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx", on_body(bold),
                    _retyped("employees.others_work", "Respecting other people's work"))
    return workspace.project, reply


def test_accepting_the_old_heading_of_one_typed_over_renames_the_clause(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """The deletion of the old heading, accepted first, took the clause out (found by a
    tester): the insertion beside it is decided with it, and the clause is renamed. The
    bold counsel added is said under the heading of the list, not listed as a change."""
    window = window_with_reply(qtbot, make_window, *_retitled_and_bold(tmp_path), monkeypatch)
    panel = window.review_panel
    assert panel.heading.text().endswith(
        "1 formatting change (bold in 7.4 If this policy is broken): not kept; the policy "
        "sets its own formatting.")
    select(window, "4.8 Other people's work")
    assert panel.items.currentItem().text(1) == "deletion"
    panel.accept_button.click()
    rows = [panel.items.topLevelItem(i) for i in range(panel.items.topLevelItemCount())]
    assert [row.text(1) for row in rows] == ["deletion - Accepted", "insertion - Accepted"]
    qtbot.waitUntil(lambda: "4.8 Respecting other people's work" in
                    window.preview.toPlainText())
    assert "4.9 Harassment" in window.preview.toPlainText()


def test_beside_the_risk_check_the_review_panel_gets_most_of_the_height(
        qtbot, make_window, reply, monkeypatch):  # noqa: F811
    """On a laptop's screen, split evenly with the risk check's panel, its list showed one
    change and its buttons sat below the bottom (found by a tester at 1366x768)."""
    window = make_window()
    window.resize(1366, 700)
    window.show_project(reply[0], None)
    qtbot.waitUntil(lambda: "Northwind" in window.preview.toPlainText())
    window.findings_dock.show()
    monkeypatch.setattr(dialogs, "open_file_name", lambda *a, **k: str(reply[1]))
    window.open_reply_action.trigger()
    qtbot.waitUntil(lambda: window.review_panel.items.topLevelItemCount() > 0)
    qtbot.waitUntil(lambda: window.review_dock.height() > 2 * window.findings_dock.height())


def test_a_late_reply_bringing_back_the_old_company_name_asks_before_accepting(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """Counsel's reply to v1, sent before the company was renamed, adds a sentence with the
    name v1 had: the heading says so, and Accept asks; declined, nothing changes and the
    change stays open; chosen, it is taken (it was taken in silence: found by a tester)."""
    from smpolicy_desktop.workspace import Workspace
    from tests.test_review_import import _change, _paragraph, _run, edited_reply

    workspace = Workspace(filled_project())
    workspace.export(tmp_path / "sent.docx", remember=True)
    workspace.set_value(("company", "name"), "Harbor Lights Inc")
    reply = edited_reply(tmp_path / "sent.docx", tmp_path / "reply.docx", lambda root: _paragraph(
        root, "serious breaches may lead to discipline").append(
        _change("ins", 901, _run(" Northwind Analytics LLC decides."))))
    window = make_window()
    window.show_project(workspace.project, None)
    qtbot.waitUntil(lambda: "Harbor Lights Inc" in window.preview.toPlainText())
    monkeypatch.setattr(dialogs, "open_file_name", lambda *a, **k: str(reply))
    window.open_reply_action.trigger()
    panel = window.review_panel
    back = '"Northwind Analytics LLC", the company\'s name then (it is "Harbor Lights Inc" now)'
    assert panel.heading.text().endswith(
        f'Made on v1, an older version: accepting the insertion "Northwind Analytics LLC '
        f'decides." would bring back {back}.')
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(dialogs, "confirm",
                        lambda parent, title, question, action: asked.append(question)
                        or answer[0])
    select(window, "Northwind Analytics LLC decides.")
    panel.accept_button.click()
    assert asked == ['Counsel\'s reply was made on v1, an older version, when the company was '
                     'named "Northwind Analytics LLC". Accepting this change would bring back '
                     '"Northwind Analytics LLC" (the company is "Harbor Lights Inc" now).']
    consequences = "Coaching first; serious breaches may lead to discipline."
    assert window.model.project.training.consequences == consequences
    assert panel.items.topLevelItem(0).text(1) == "insertion"  # still open
    answer[0] = True
    panel.accept_button.click()
    assert window.model.project.training.consequences == \
        f"{consequences} Northwind Analytics LLC decides."
    assert panel.items.topLevelItem(0).text(1) == "insertion - Accepted"


def _partner_cut_and_cross_reference(root) -> None:
    """In Word: the partner's cut inside the associate's sentence, both still tracked, and
    counsel's cross-reference to 4.6."""
    from tests.test_counsel_markup_s31 import _cross_reference
    from tests.test_review_import import _paragraph, _run
    from tests.test_review_other_editors import element

    _cross_reference(root)
    cut = element("del", _run(", even on your own account", deleted=True), id="931",
                  author="Tom Reed", date="2026-12-02T10:00:00Z")
    _paragraph(root, "the people who run our accounts.").append(element(
        "ins", _run(" Never argue with a critic in public"), cut, _run("."), id="930",
        author="Priya Shah", date="2026-12-01T10:00:00Z"))


def test_a_partners_cut_and_a_cross_reference_as_the_owner_sees_them(
        qtbot, make_window, tmp_path, monkeypatch):  # noqa: F811
    """The associate's sentence as the partner cut it is one change, named for both; a
    cross-reference says which clause it points to, before and after accepting."""
    import shutil

    from smpolicy_desktop.workspace import Workspace
    from tests.conftest import REPO
    from tests.test_counsel_markup_s31 import REFERRED
    from tests.test_review_other_editors import on_body, rewrite

    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", tmp_path / "p.smpolicy")
    workspace = Workspace.open(tmp_path / "p.smpolicy")
    workspace.export(tmp_path / "sent.docx", remember=True)
    rewrite(tmp_path / "sent.docx", tmp_path / "reply.docx",
            on_body(_partner_cut_and_cross_reference))
    window = window_with_reply(qtbot, make_window, workspace.project, tmp_path / "reply.docx",
                               monkeypatch)
    panel = window.review_panel
    assert panel.items.topLevelItemCount() == 2
    row = select(window, "Never argue with a critic in public.")
    assert (row.text(2), row.text(3)) == ("Priya Shah, edited by Tom Reed",
                                          "Never argue with a critic in public.")
    assert panel.details.text().startswith(
        "Insertion by Priya Shah, edited by Tom Reed, December 1, 2026:\n"
        "Never argue with a critic in public.")
    panel.accept_button.click()
    qtbot.waitUntil(lambda: "run our accounts. Never argue with a critic in public.\n"
                    in window.preview.toPlainText())
    assert "even on your own account" not in window.preview.toPlainText()
    select(window, "(see 4.6)")
    assert panel.details.text().endswith(f"\nIt has {REFERRED}.")
    panel.accept_button.click()
    assert panel.outcome.text().endswith(
        f"Warning: 4.10 Naming clients and partners: counsel's change has {REFERRED}.")
    qtbot.waitUntil(lambda: "information (see 4.6)." in window.preview.toPlainText())


def test_in_a_narrow_panel_counsels_words_stay_inside_the_list_and_no_word_is_cut(qtbot,
                                                                                  window):
    """At 1024x768 the panel is a third of the window: the Text column ran past the list's
    right edge ("Just make su" / "your work ge"), and in a portrait screen's panel "comment"
    read "comm..." and "untracked" "untrack...". Counsel's words take the room the other
    columns leave, and each column is at least as wide as its longest word."""
    window.resize(944, 648)  # 1024x768, less the taskbar and the frame
    window.resizeDocks([window.review_dock], [274], Qt.Orientation.Horizontal)
    panel = window.review_panel
    qtbot.waitUntil(lambda: abs(panel.items.viewport().width() - 240) < 20)
    for tree in (panel.items, panel.notes):
        last = tree.columnCount() - 1
        assert tree.header().sectionPosition(last) + tree.columnWidth(last) \
            <= tree.viewport().width()
    items, words = panel.items, panel.items.fontMetrics().horizontalAdvance
    changes = {items.topLevelItem(row).text(1) for row in range(items.topLevelItemCount())}
    assert {"comment", "untracked edit"} <= changes
    assert items.columnWidth(1) > max(words(word) for text in changes for word in text.split())


def test_on_a_laptop_at_125_percent_the_list_shows_the_change_picked_and_the_next_whole(
        qtbot, window):
    """At 1366x768 at 1.25 (1093x614 to the app) the list of counsel's changes showed one
    change and a half, below it an empty line and the notes taking a third of the panel."""
    from ui.main_window import first_size

    window.resize(*first_size(1093, 614))
    panel, items = window.review_panel, window.review_panel.items
    items.setCurrentItem(items.topLevelItem(0))
    qtbot.waitUntil(lambda: all(items.viewport().rect().contains(
        items.visualItemRect(items.topLevelItem(row))) for row in (0, 1)), timeout=5_000)
    assert not panel.outcome.isVisible()  # nothing decided yet: no empty line


@pytest.mark.parametrize("points", [15, 18])
def test_with_big_text_on_a_1366x768_screen_the_panel_fits_without_scrolling(
        qtbot, window, text_of, points):
    """At 18 points on a 1366x768 screen the panel scrolled: the list of changes kept its room
    (a change whole and the start of the next) and the button to open a reply, already open,
    took the room the rest needed. That button now shows while no reply is open; File > Open
    Counsel's Reply opens another."""
    from ui.main_window import first_size

    text_of(points)
    window.resize(*first_size(1366, 768 - 40))  # less the taskbar
    panel, column = window.review_panel, window.review_dock.widget()
    assert not panel.open_button.isVisible()
    qtbot.waitUntil(lambda: column.viewport().height() >= column.widget().height()
                    and column.verticalScrollBar().maximum() == 0, timeout=5_000)
    assert panel.items.height() >= panel.items.minimumHeight() and panel.notes.isVisible()
    window.show_project(filled_project(), None)  # another project: no reply open
    assert panel.open_button.isVisible()
