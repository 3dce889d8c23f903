"""The findings panel as an owner uses it: edit a risky answer, see why it is risky, jump to
the field, apply the safer wording, undo it; see which areas are still open.
"""

from __future__ import annotations

import os
import re
import threading
import time

import pytest
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from smpolicy_desktop.model import Project
from smpolicy_desktop.workspace import Workspace
from ui import dialogs
from ui.colours import contrast
from ui.findings import FindingsPanel
from ui.project_model import ProjectModel
from ui.rendering import CHECK_PAUSE_MS, Rendering

RISKY = "Never post negative comments about managers."


@pytest.fixture
def panel(qtbot):
    model = ProjectModel(Workspace(Project()))
    rendering = Rendering(model, model)
    widget = FindingsPanel(model, rendering)
    qtbot.addWidget(widget)
    # the first check starts the checker process and loads its model: seconds on a busy
    # machine (6.8 s seen with the build and other tests beside it)
    with qtbot.waitSignal(rendering.checked, timeout=30_000):
        rendering.render_now()
    return widget


def make_risky(qtbot, panel) -> int:
    panel.model.set_value(("training", "consequences"), RISKY)
    qtbot.waitUntil(lambda: any(f.rule == "nlra.disparagement" for f in panel.findings))
    row = next(i for i, f in enumerate(panel.findings) if f.rule == "nlra.disparagement")
    panel.list.setCurrentRow(row)
    return row


def test_a_clean_project_lists_only_notes(panel):
    assert all(not f.at_least("warning") for f in panel.findings)
    assert panel.summary.text().startswith("0 risky sentences and ")


def test_an_edit_is_checked_after_a_pause_and_explained(qtbot, panel):
    make_risky(qtbot, panel)
    assert "Risky" in panel.list.currentItem().text()
    assert RISKY in panel.details.text()
    assert "Safer wording:" in panel.details.text()
    assert "Stericycle" in panel.details.text() and "15-04" not in panel.details.text()


def test_a_finding_names_its_clause_number_or_else_the_answer_it_is_in(qtbot, panel):
    """The short guidelines leave the consequences out: the finding then says which answer
    holds the sentence, never an internal id or a bare "policy"."""
    row = make_risky(qtbot, panel)
    assert panel.list.item(row).text().startswith("Risky under labor law, section 7.")
    panel.model.set_value(("company", "document_type"), "short", typing=False)
    qtbot.waitUntil(lambda: not any(f.clause_id and f.clause_id in panel.numbers
                                    for f in panel.findings if f.rule == "nlra.disparagement"))
    text = next(panel.list.item(i).text() for i, f in enumerate(panel.findings)
                if f.rule == "nlra.disparagement")
    assert text == f'Risky under labor law, Training and enforcement > Consequences: "{RISKY}"'


def test_a_missing_piece_names_the_section_it_belongs_in(qtbot, panel):
    """'Missing, 9: The policy has no next review date' puzzled an owner: a number alone."""
    from smpolicy_desktop.checks.finding import Finding
    from ui.rendering import CheckResult

    missing = Finding("missing.review_date", "info", "The policy has no next review date.",
                      "Common practice", clause_id="review.cycle")
    panel.show_result(CheckResult(panel.model.workspace.document(), [missing], panel.status))
    assert panel.list.item(0).text() == \
        "Missing, section 9.1: The policy has no next review date."


def test_completeness_never_says_done_for_an_area_with_a_risky_rule(qtbot, panel):
    make_risky(qtbot, panel)
    texts = [panel.completeness.item(i).text() for i in range(panel.completeness.count())]
    training = next(t for t in texts if "Training and enforcement" in t)
    assert training.startswith("! Training and enforcement: has a risky rule")


def test_activating_a_finding_asks_for_its_field(qtbot, panel):
    row = make_risky(qtbot, panel)
    with qtbot.waitSignal(panel.field_requested) as signal:
        panel.list.itemActivated.emit(panel.list.item(row))
    assert signal.args == [("training", "consequences")]


def test_a_button_beside_apply_goes_to_the_finding_picked(qtbot, panel):
    """One click on a finding only showed its details; going to it took a double-click or
    Enter, and nothing on screen said so."""
    assert panel.go_button.text() == "&Go to" and not panel.go_button.isEnabled()
    make_risky(qtbot, panel)
    with qtbot.waitSignal(panel.field_requested) as signal:
        panel.go_button.click()
    assert signal.args == [("training", "consequences")]


def test_apply_safer_wording_edits_the_field_and_undo_restores_it(qtbot, panel):
    make_risky(qtbot, panel)
    assert panel.apply_button.isEnabled()
    panel.apply_button.click()
    assert panel.model.project.training.consequences != RISKY
    qtbot.waitUntil(lambda: not any(f.at_least("warning") for f in panel.findings))
    panel.model.undo_stack.undo()
    assert panel.model.project.training.consequences == RISKY


def test_the_finding_picked_last_is_picked_again_when_it_comes_back(qtbot, panel):
    """The last finding applied, the list was empty; its Apply undone, the finding came back
    with none picked, and Go to and Apply stayed grey (found by a tester)."""
    from ui.rendering import CheckResult

    make_risky(qtbot, panel)
    document = panel.model.workspace.document()
    with_it = CheckResult(document, [panel.current_finding()], panel.status)
    panel.show_result(CheckResult(document, [], panel.status))
    assert panel.current_finding() is None
    panel.show_result(with_it)
    assert panel.current_finding().rule == "nlra.disparagement"
    assert panel.apply_button.isEnabled()


def test_a_finding_of_another_project_or_an_answer_since_changed_is_not_applied(qtbot, panel):
    """Another project opened, or the answer typed on, before the check caught up: Apply put
    the finding's answer, with its safer sentence, into the project shown ("Alpha
    consequences text. Do not post knowingly false statements..."; found by a tester)."""
    make_risky(qtbot, panel)
    panel.model.set_value(("training", "consequences"), f"{RISKY} And more typed.",
                          typing=False)
    panel.apply_button.click()
    assert panel.model.project.training.consequences == f"{RISKY} And more typed."
    assert "changed since this was found" in panel.details.text()
    make_risky(qtbot, panel)
    panel.model.replace(Project(training={"consequences": "Beta's own words."}), None)
    assert panel.findings == [] and panel.list.count() == 0
    assert panel.summary.text() == "Checking the policy..."
    assert not panel.apply_button.isEnabled()
    qtbot.waitUntil(lambda: panel.summary.text() != "Checking the policy...")
    assert panel.model.project.training.consequences == "Beta's own words."


def test_after_apply_the_next_finding_is_picked_and_ready_to_apply(qtbot, panel):
    """After Apply, nothing was selected and the button went grey: the owner had to find and
    click the next finding before the next Apply."""
    other = "Do not post anything negative about your manager."
    panel.model.set_value(("training", "consequences"), f"{RISKY} {other}")
    qtbot.waitUntil(lambda: sum(f.at_least("warning") for f in panel.findings) == 2)
    panel.list.setCurrentRow(next(i for i, f in enumerate(panel.findings)
                                  if f.excerpt == RISKY))
    panel.apply_button.click()
    qtbot.waitUntil(lambda: sum(f.at_least("warning") for f in panel.findings) == 1)
    assert panel.list.currentItem().text() == f'Risky under labor law, section 7.3: "{other}"'
    assert other in panel.details.text()
    assert panel.apply_button.isEnabled()


def test_a_missing_piece_without_a_one_step_fix_cannot_be_applied(panel):
    row = next(i for i, f in enumerate(panel.findings) if f.rule == "missing.spokesperson")
    panel.list.setCurrentRow(row)
    assert not panel.apply_button.isEnabled()
    assert "change the answer by hand" in panel.details.text()  # why it is greyed out


def test_a_risky_list_item_with_nothing_lawful_to_keep_is_removed_by_apply(qtbot, panel):
    """Apply was greyed out, the owner left to find and delete the item by hand (found by a
    tester); it removes the item, one undo step."""
    item = "Anything negative about the company"
    kept = "Client lists and pricing"
    panel.model.set_value(("employees", "confidential_info"), [kept, item])
    qtbot.waitUntil(lambda: any(f.excerpt == item for f in panel.findings), timeout=20_000)
    panel.list.setCurrentRow(next(i for i, f in enumerate(panel.findings) if f.excerpt == item))
    assert panel.apply_button.isEnabled()
    assert panel.details.text().endswith("Apply removes this item from the list: no part of it "
                                         "can stay.")
    panel.apply_button.click()
    assert panel.model.project.employees.confidential_info == [kept]
    panel.model.undo_stack.undo()
    assert panel.model.project.employees.confidential_info == [kept, item]


def test_completeness_lists_every_area_with_what_is_still_open(qtbot, panel):
    texts = [panel.completeness.item(i).text() for i in range(panel.completeness.count())]
    assert len(texts) == len(Project.areas())
    assert any(t.startswith("\u25cb Our presence online: empty") and "Who approves posts" in t
               for t in texts)
    with qtbot.waitSignal(panel.field_requested) as signal:
        panel.completeness.itemActivated.emit(panel.completeness.item(1))
    assert signal.args == [("presence",)]


def document_check(qtbot, path, project=None):
    """File > Check a Policy Document... on `path`: the report's window and its text once the
    check is done (None when a message box said why it could not be checked)."""
    from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

    from ui.findings import check_policy_document

    model = ProjectModel(project or Project())
    parent = FindingsPanel(model, Rendering(model, model))
    qtbot.addWidget(parent)
    check_policy_document(parent, parent.model.project, path)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QDialog) and w.isVisible())
    report = dialog.findChild(QPlainTextEdit)
    qtbot.waitUntil(lambda: not dialog.isVisible() or not report.toPlainText().startswith(
        "Checking "), timeout=20_000)
    return dialog, report.toPlainText() if dialog.isVisible() else None


def test_checking_an_existing_policy_document_shows_its_risks_and_topics(qtbot, tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text("# Our rules\n\nKeep salaries confidential.\n", encoding="utf-8")
    dialog, report = document_check(qtbot, policy)
    assert ('Paragraph 3: Likely unlawful under labor law\n'
            '  Text: "Keep salaries confidential."') in report
    assert "nlra.pay" not in report and "[error]" not in report  # the window's plain words
    assert "1 finding" in report and "1 likely unlawful" in report and "Lacks: " in report
    dialog.close()


def test_checking_a_document_for_a_business_outside_the_us_says_nothing_was_checked(
        qtbot, tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text("# Our rules\n\nKeep salaries confidential.\n", encoding="utf-8")
    project = Project()
    project.company.country = "AU"
    dialog, report = document_check(qtbot, policy, project)
    assert "covers US law only, and this business is in Australia" in report
    assert "No findings" not in report
    dialog.close()


def test_a_document_checked_for_a_uk_business_lists_no_us_law_among_its_topics(qtbot,
                                                                               tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text("# Our rules\n\nSay that you work here when you praise us online.\n",
                      encoding="utf-8")
    project = Project()
    project.company.country = "GB"
    dialog, report = document_check(qtbot, policy, project)
    assert ("Covers: Saying you work here when you promote us (consumer and advertising rules)"
            in report)
    assert "FTC" not in report and "agencies" not in report
    dialog.close()
    project.company.country = "US"
    dialog, report = document_check(qtbot, policy, project)
    assert "Covers: Saying you work here when you promote us (FTC)" in report
    dialog.close()


def test_a_long_document_is_checked_while_the_window_stays_usable(qtbot, tmp_path,
                                                                   monkeypatch):
    from smpolicy_desktop import checking
    from ui.findings import check_policy_document

    asked = []  # the report's callbacks: the check is under way until one is called
    monkeypatch.setattr(checking, "report_elsewhere", lambda *args: asked.append(args[-1]))
    policy = tmp_path / "policy.txt"
    policy.write_text("Keep salaries confidential.\n" * 20_000, encoding="utf-8")
    model = ProjectModel(Project())
    parent = FindingsPanel(model, Rendering(model, model))
    qtbot.addWidget(parent)
    check_policy_document(parent, model.project, policy)
    dialog = parent.findChild(QDialog)
    report = dialog.findChild(QPlainTextEdit)
    assert dialog.isVisible() and report.toPlainText() == "Checking policy.txt..."
    threading.Thread(target=asked[0], args=(("Checked.", False),)).start()  # as the pool does
    qtbot.waitUntil(lambda: report.toPlainText() == "Checked.")
    dialog.close()


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"PK\x03\x04 not a zip",
                                     b"Be kind online.\n" * 50_000])
def test_an_empty_or_broken_document_is_refused_with_a_reason(qtbot, tmp_path, monkeypatch,
                                                              content):
    said = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    policy = tmp_path / ("policy.docx" if content.startswith(b"PK") else "policy.txt")
    policy.write_bytes(content)
    _, report = document_check(qtbot, policy)
    assert report is None  # not "No findings." for a file with nothing in it
    assert said and any(reason in said[0] for reason in (
        "the file is empty", "has no text to check", "not a Word document",
        "pages of text, too long for one policy"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes are POSIX")
@pytest.mark.timeout(60)
def test_a_pipe_named_like_a_policy_is_refused_and_the_checker_still_checks(qtbot, tmp_path,
                                                                           monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    os.mkfifo(tmp_path / "policy.docx")  # reading it would wait for ever, holding the checker
    assert document_check(qtbot, tmp_path / "policy.docx")[1] is None
    assert said[0].endswith("policy.docx: that is not a file but a pipe, a device or a socket, "
                            "so it was not read")
    (tmp_path / "policy.md").write_text("Keep salaries confidential.\n", encoding="utf-8")
    assert "Keep salaries confidential." in document_check(qtbot, tmp_path / "policy.md")[1]


@pytest.fixture
def renders_only(monkeypatch):
    """The rendering without its check: these tests time renders, which a check would slow."""
    monkeypatch.setattr("ui.rendering.check_elsewhere", lambda project, document, done: None)


@pytest.mark.usefixtures("renders_only")
def test_on_a_project_slow_to_render_typing_never_waits_for_the_preview(qtbot, monkeypatch):
    from ui.rendering import RENDER_PAUSE_MS, SLOW_RENDER_S

    model = ProjectModel(Workspace(Project()))
    rendering = Rendering(model, model)
    slow = model.workspace.document

    def document():
        time.sleep(SLOW_RENDER_S * 1.5)  # as 100,000 list rows take
        return slow()

    monkeypatch.setattr(model.workspace, "document", document)
    model.set_value(("company", "name"), "Acme")  # an edit: its render was slow
    rendering.render_now()
    shown = []
    rendering.rendered.connect(lambda d: shown.append(d.company))
    for name in ("A", "Ab", "Abc"):  # keys closer together than the pause
        model.set_value(("company", "name"), name)
        qtbot.wait(RENDER_PAUSE_MS // 3)
    assert shown == []
    qtbot.waitUntil(lambda: shown == ["Abc"], timeout=RENDER_PAUSE_MS * 4)


@pytest.mark.usefixtures("renders_only")
def test_an_answer_quick_to_render_shows_at_once_on_a_big_project(qtbot, monkeypatch):
    from ui import rendering as module
    from ui.rendering import RENDER_PAUSE_MS

    monkeypatch.setattr(module, "SLOW_PROJECT_S", 0.1)  # so the test need not wait seconds
    model = ProjectModel(Workspace(Project()))
    rendering = Rendering(model, model)
    fast = model.workspace.document
    monkeypatch.setattr(model.workspace, "document",  # the whole project: slow to render
                        lambda: time.sleep(0.15) or fast())
    with qtbot.waitSignal(rendering.rendered):
        model.replace(Project(), None)  # as a project opens
    monkeypatch.setattr(model.workspace, "document", fast)  # one answer: quick
    shown = []
    rendering.rendered.connect(lambda d: shown.append(d.company))
    model.set_value(("company", "name"), "A")  # not known yet: after a pause, as the project
    qtbot.wait(RENDER_PAUSE_MS // 3)
    assert shown == []
    qtbot.waitUntil(lambda: shown == ["A"])
    with qtbot.waitSignal(rendering.rendered, timeout=50):  # known quick: at once
        model.set_value(("company", "name"), "Ab")


@pytest.mark.usefixtures("renders_only")
def test_an_answer_not_yet_timed_shows_at_once_on_a_middling_project(qtbot, monkeypatch):
    from ui.rendering import SLOW_RENDER_S

    model = ProjectModel(Workspace(Project()))
    rendering = Rendering(model, model)
    fast = model.workspace.document
    monkeypatch.setattr(model.workspace, "document",  # slower than one answer may be, but
                        lambda: time.sleep(SLOW_RENDER_S * 1.5) or fast())  # a whole project
    with qtbot.waitSignal(rendering.rendered):
        model.replace(Project(), None)
    monkeypatch.setattr(model.workspace, "document", fast)
    with qtbot.waitSignal(rendering.rendered, timeout=50):
        model.set_value(("company", "name"), "A")


def hold_checks(monkeypatch) -> list:
    """Checks are not sent: the list gets each one's `done`, for the test to call as the
    checker's thread does."""
    pending: list = []
    monkeypatch.setattr("ui.rendering.check_elsewhere",
                        lambda project, document, done: pending.append(done))
    return pending


def test_a_check_that_ends_after_its_window_closed_is_dropped(qtbot, monkeypatch):
    """The check's result comes back on another thread; by then the window may be gone."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    pending = hold_checks(monkeypatch)
    model = ProjectModel(Workspace(Project()))
    rendering = Rendering(model, model)
    rendering.render_now()
    qtbot.waitUntil(lambda: bool(pending))
    model.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(rendering))
    for done in pending:  # as the checker's thread does
        thread = threading.Thread(target=done, args=(([], {}),))
        thread.start()
        thread.join()
    QApplication.processEvents()  # the relayed result arrives, and goes nowhere

    survivor = ProjectModel(Workspace(Project()))  # a window still open gets its own result
    kept = Rendering(survivor, survivor)
    kept.render_now()
    qtbot.waitUntil(lambda: len(pending) == 2)
    with qtbot.waitSignal(kept.checked):
        threading.Thread(target=pending[1], args=(([], {}),)).start()
    assert kept.latest.findings == []


def test_a_check_that_failed_while_the_owner_typed_is_made_again(qtbot, monkeypatch):
    """The project is copied to the checker while the owner may be typing; a copy torn by an
    edit can fail. The newest answers are still checked, without another edit."""
    pending = hold_checks(monkeypatch)
    model = ProjectModel(Workspace(Project()))
    rendering = Rendering(model, model)
    rendering.render_now()
    qtbot.waitUntil(lambda: len(pending) == 1)
    model.set_value(("training", "consequences"), RISKY)  # typed while the check runs
    qtbot.waitUntil(lambda: rendering.document is not None and RISKY in str(rendering.document))
    qtbot.wait(CHECK_PAUSE_MS * 2)  # its check is due, and waits for the one under way
    assert len(pending) == 1
    threading.Thread(target=pending[0], args=(None,)).start()  # that check failed
    qtbot.waitUntil(lambda: len(pending) == 2, timeout=5000)  # the newest state, checked
    with qtbot.waitSignal(rendering.checked):
        threading.Thread(target=pending[1], args=(([], {}),)).start()


def test_two_findings_on_one_sentence_say_which_law_each_is_about(panel):
    from smpolicy_desktop.checks.finding import Finding
    from ui.rendering import CheckResult

    sentence = "Ask our patients for 5-star Google reviews in exchange for a discount."
    findings = [Finding(f"{area}.x", "error", "Why.", "Law.", clause_id="responses.holding",
                        path=("responses", "holding_statement"), excerpt=sentence, area=area)
                for area in ("ftc", "hipaa")]
    panel.show_result(CheckResult(panel.model.workspace.document(), findings, panel.status))
    rows = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert rows[0].startswith("Likely unlawful under FTC rules, ")
    assert rows[1].startswith("Likely unlawful under HIPAA, ")


def test_outside_the_us_the_panel_never_says_no_risky_sentences(qtbot):
    """Nothing is checked outside the US: '0 risky sentences' would read as a clean policy."""
    project = Project()
    project.company.country = "GB"
    project.training.consequences = RISKY
    model = ProjectModel(Workspace(project))
    rendering = Rendering(model, model)
    panel = FindingsPanel(model, rendering)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(rendering.checked, timeout=20_000):
        rendering.render_now()
    assert panel.summary.text().startswith("Sentences not checked (US law only); ")
    rows = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert "Note: The risk check covers US law only" in rows  # a note, not section 1's
    assert not any(row.startswith("Missing, section 1:") for row in rows)


def test_in_a_dock_too_short_for_the_details_the_list_still_shows_a_finding_whole(qtbot, panel):
    """At 1366x768 a long finding's explanation took the dock's height and left the list of
    findings two lines high: the finding picked was cut off, the next one out of sight."""
    from ui.scroll_column import Filled, ScrollColumn

    panel.model.set_value(("training", "consequences"), "Employees must not discuss their "
                          "wages or criticize management on social media, and must keep all "
                          "company information confidential.")
    qtbot.waitUntil(lambda: any(f.at_least("warning") for f in panel.findings))
    panel.list.setCurrentRow(0)
    dock = ScrollColumn(Filled(panel))
    dock.resize(290, 560)
    dock.show()
    qtbot.wait(50)
    assert panel.list.viewport().height() >= panel.list.visualItemRect(panel.list.item(0)).height()
    panel.setParent(None)  # the fixture's to close
    dock.close()


def drawn_colours(panel, row: int) -> tuple:
    """The colours a finding's text is drawn in on the list, and the list's behind it."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    panel.list.initViewItemOption(option)
    index = panel.list.model().index(row, 0)
    panel.list.itemDelegate().initStyleOption(option, index)
    return (option.palette.color(QPalette.ColorRole.Text),
            option.palette.color(QPalette.ColorRole.Base))


def test_findings_read_on_a_dark_list(qtbot, panel):
    """Dark red on a near-black list could not be read (found by a tester)."""
    from PySide6.QtGui import QColor, QPalette

    palette = panel.list.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1b1e20"))
    panel.list.setPalette(palette)
    row = make_risky(qtbot, panel)
    assert contrast(*drawn_colours(panel, row)) >= 4.5


@pytest.mark.parametrize("theme", ["dark", "high contrast black", "high contrast white"])
def test_a_risky_finding_reads_when_the_desktop_changes_theme(qtbot, panel, desktop_theme,
                                                              theme):
    """Shaded once as the list was filled, the findings kept the light theme's dark red on
    the list the desktop had turned dark (1.6:1), until the next check."""
    row = make_risky(qtbot, panel)
    panel.list.clearSelection()  # drawn in the finding's colour, not the selection's
    desktop_theme(theme)
    text, back = drawn_colours(panel, row)
    assert contrast(text, back) >= 4.5 and text.red() > text.blue()  # red or orange still


def test_with_nothing_risky_the_panel_is_narrow_and_shows_the_completeness_whole(
        qtbot, make_window):
    """At 1024x768 the empty risk check took a quarter of the window for an empty list, the
    preview beside it too narrow for its tables, and the completeness scrolled."""
    from ui.file_commands import example_project
    from ui.main_window import first_size

    window = make_window(example_project())
    window.resize(*first_size(1024, 768 - 40))
    panel = window.findings
    qtbot.waitUntil(lambda: panel.summary.text() == "No risky sentences found.",
                    timeout=20_000)
    window.findings_dock.show()
    rows = panel.completeness

    def laid_out() -> bool:  # the dock takes its width from its content once laid out
        return window.findings_dock.width() <= window.width() // 5 and all(
            rows.viewport().rect().contains(rows.visualItemRect(rows.item(row)))
            for row in range(rows.count()))

    qtbot.waitUntil(lambda: rows.isVisible() and laid_out(), timeout=5_000)
    assert not panel.list.isVisible() and not panel.apply_button.isVisible()


def test_a_wordpad_handbook_can_be_picked_and_the_owner_is_told_how_to_check_it(
        qtbot, tmp_path, monkeypatch):
    """File > Check a Policy Document... listed no .rtf or .doc file, so an owner whose
    handbook is one could not find it (and was never told why). They are listed; one picked
    says how to make a Word file of it."""
    from ui.findings import check_policy_document

    offered, said = [], []
    handbook = tmp_path / "handbook.rtf"
    handbook.write_bytes(b"{\\rtf1\\ansi Employees may not discuss wages.\\par}")
    monkeypatch.setattr(dialogs, "open_file_name",
                        lambda parent, title, folder, filters: offered.append(filters) or
                        str(handbook))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(text))
    model = ProjectModel(Project())
    parent = FindingsPanel(model, Rendering(model, model))
    qtbot.addWidget(parent)
    check_policy_document(parent, model.project)
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert {"*.rtf", "*.doc"} < set(re.findall(r"\*\.\w+", offered[0]))
    assert said == [f"{handbook}: cannot read .rtf files; open it in WordPad, TextEdit or Word, "
                    "save it as a Word document (.docx) and check that"]
