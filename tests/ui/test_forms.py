"""The area forms: every question shown, every kind of edit reaching the project, undo."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel
from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolTip,
)

from smpolicy_desktop.model import Project
from smpolicy_desktop.render import own_wording, render_document
from tests.conftest import EXAMPLE
from tests.ui.conftest import text_contrast
from ui.colours import contrast
from ui.editors import ClauseField
from ui.forms import AreaForm, FieldRow
from ui.screen_fit import first_size


@pytest.fixture
def window(forms_window):
    return forms_window


def form_of(window, area: str) -> AreaForm:
    tabs = window.centralWidget()
    form = next(tabs.widget(i) for i in range(tabs.count()) if tabs.widget(i).area == area)
    tabs.setCurrentWidget(form)
    return form


def button(editor, text: str) -> QPushButton:
    return next(b for b in editor.findChildren(QPushButton) if b.text() == text)


def header(items, column: int) -> tuple[str, str]:
    return (items.headerData(column, Qt.Orientation.Horizontal),
            items.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))


def cell(editor, row: int, column: int = 0, role=Qt.ItemDataRole.DisplayRole):
    """What a list item or table cell shows."""
    items = editor.view.model()
    return items.index(row, column).data(role)


def shown_rows(editor) -> list[str]:
    return [cell(editor, r) for r in range(editor.view.model().rowCount())]


def open_cell(editor, row: int, column: int = 0) -> None:
    """Double-click's effect: the cell's editor opens."""
    index = editor.view.model().index(row, column)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)


def undo(model, steps: int = 1) -> None:
    for _ in range(steps):
        model.undo_stack.undo()


def row_model_of(annotation) -> type[BaseModel] | None:
    """The row model of a list-of-rows answer, else None."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is list and isinstance(args[0], type) \
            and issubclass(args[0], BaseModel):
        return args[0]
    return None


# --- Every question is on screen -------------------------------------------------------------

def test_forms_show_every_question_the_model_defines_with_its_label(window):
    shown = 0
    for area, area_model in Project.areas().items():
        form = form_of(window, area)
        assert form.fields() == [(area, name) for name in area_model.model_fields]
        texts = {label.text() for label in form.findChildren(QLabel)} | {
            box.text() for box in form.findChildren(QCheckBox)}
        for name, info in area_model.model_fields.items():
            editor = form.editor((area, name))
            assert editor.isVisible(), name
            assert info.title in texts, name
            assert not info.description or info.description in texts, name
            rows = row_model_of(info.annotation)
            if rows:  # a table: one column per field of the row, titled and explained
                items = editor.view.model()
                headers = [header(items, c) for c in range(items.columnCount())]
                assert [h for h, _ in headers] == [f.title for f in rows.model_fields.values()]
                assert all(tip for _, tip in headers)
                shown += len(headers)
            shown += 1
    assert shown == sum(len(m.model_fields) + sum(
        len(row_model_of(f.annotation).model_fields) for f in m.model_fields.values()
        if row_model_of(f.annotation)) for m in Project.areas().values())


def test_no_question_says_the_us_law_applies_to_every_owner(window):
    """A UK or Australian owner reads the same forms: 'Required by the FTC' under a question,
    or 'rights statement (US)' for a statement every country's policy has, was wrong there."""
    import re

    for area in Project.areas():
        form = form_of(window, area)
        for text in [label.text() for label in form.findChildren(QLabel)] + [
                box.text() for box in form.findChildren(QCheckBox)]:
            assert not re.search(r"\bFTC\b|\(US\)|National Labor|\bNLRA\b", text), text


def test_labels_lead_to_their_fields_and_examples_are_placeholders(window):
    form = form_of(window, "company")
    name_box = form.editor(("company", "name"))
    label = next(lb for lb in form.findChildren(QLabel) if lb.text() == "Company name")
    assert label.buddy() is name_box
    assert name_box.placeholderText() == "e.g. Northwind Analytics LLC"
    assert name_box.accessibleName() == "Company name"



def test_the_help_under_each_question_is_grey_yet_easy_to_read(window):
    """WCAG's 4.5:1 for small text, with the colour as drawn (its alpha over the window)."""
    form = form_of(window, "company")
    help_label = next(lb for lb in form.findChildren(QLabel)
                      if lb.text() == "The legal or trading name used in the policy.")
    assert text_contrast(help_label) >= 4.5
    palette = help_label.palette()
    assert palette.color(help_label.foregroundRole()) != form.palette().color(
        palette.ColorRole.WindowText)  # grey


def refuse_a_date(qtbot, form) -> QLabel:
    """Type words that are no date in the effective date's box: the message under it."""
    from datetime import date

    form.model.set_value(("company", "effective_date"), date(2026, 12, 4))
    box = form.editor(("company", "effective_date")).edit
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "next tuesday")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    message = form.rows["effective_date"].message
    assert message.isVisible() and message.text().startswith("Not saved:")
    return message


def reddish(label: QLabel) -> bool:
    colour = label.palette().color(label.foregroundRole())
    return colour.red() > 1.5 * max(colour.green(), colour.blue())


@pytest.mark.parametrize("theme", ["dark", "high contrast black", "high contrast white"])
def test_an_answer_refused_is_said_in_a_red_that_reads_in_every_desktop_theme(
        qtbot, window, desktop_theme, theme):
    """The red was #c62828 whatever the theme: 2.6:1 on a dark window (3.3:1 on black),
    where WCAG asks 4.5:1. It is a lighter red there. The theme changes after the form is
    built, as when the desktop turns dark at sunset: the help text follows too (it stayed the
    light theme's grey on the dark window, 2.1:1)."""
    form = form_of(window, "company")
    desktop_theme(theme)
    message = refuse_a_date(qtbot, form)
    assert text_contrast(message) >= 4.5 and reddish(message)
    help_label = next(lb for lb in form.findChildren(QLabel)
                      if lb.text() == "The legal or trading name used in the policy.")
    assert text_contrast(help_label) >= 4.5


def test_a_refusal_shown_follows_the_desktop_turning_dark(qtbot, window, desktop_theme):
    message = refuse_a_date(qtbot, form_of(window, "company"))
    desktop_theme("dark")
    assert text_contrast(message) >= 4.5 and reddish(message)


def test_a_risk_marks_words_under_an_answer_read_on_a_light_window(window):
    """The mark's orange was 2.4:1 on the light window: a darker orange says it."""
    form = form_of(window, "company")
    form.mark_field(("company", "name"), "Risky: this name could mislead.")
    message = form.rows["name"].message
    assert message.isVisible() and message.text() == "Risky: this name could mislead."
    colour = message.palette().color(message.foregroundRole())
    assert text_contrast(message) >= 4.5 and colour.red() > colour.blue()
    row = form.rows["name"]  # and the frame round the answer, in the same orange: 2.2:1
    drawn = row.grab().toImage()
    frame = drawn.pixelColor(1, drawn.height() // 2)
    assert contrast(frame, row.palette().color(row.backgroundRole())) >= 3


@pytest.mark.parametrize("theme", ["dark", "high contrast black"])
def test_the_answers_boxes_show_their_frames_on_a_dark_or_high_contrast_window(
        window, desktop_theme, theme):
    """Fusion draws a box's frame in the window's colour made darker: on the high-contrast
    theme's black window the text boxes, the number box and the checkbox had no edge at all,
    only their words showed. Their frames now stand out at 3:1 or more."""
    from ui.outlines import _frame

    company = form_of(window, "company")
    boxes = [company.editor(("company", name)) for name in ("name", "staff_count")]
    boxes += [company.editor(("company", "publicly_traded")).box,
              company.editor(("company", "effective_date")).edit,
              form_of(window, "responses").editor(("responses", "holding_statement"))]
    desktop_theme(theme)
    for box in boxes:
        drawn, edge = box.grab().toImage(), _frame(box)
        behind = box.palette().color(QPalette.ColorRole.Window)
        assert contrast(drawn.pixelColor(edge.left(), edge.center().y()), behind) >= 3, box


@pytest.mark.parametrize("theme", ["dark", "high contrast black"])
def test_a_date_box_a_table_opens_in_a_cell_shows_its_frame(qtbot, window, model,
                                                            desktop_theme, theme):
    """The boxes a table or a list opens in a cell to edit it were not framed by the app as
    the form's others are: on the high-contrast theme's black, a date cell's box showed no
    edge once its calendar was open (the keyboard in the calendar), only its words."""
    from datetime import date

    from ui.outlines import _frame

    model.set_value(("review", "reviewers"), [{"role": "Lawyer",
                                               "reviewed_on": date(2026, 2, 10)}])
    desktop_theme(theme)
    reviewers = form_of(window, "review").editor(("review", "reviewers"))
    open_cell(reviewers, 0, 3)
    box = QApplication.focusWidget()
    assert reviewers.view.isAncestorOf(box)
    box.show_calendar()
    qtbot.waitUntil(lambda: box.calendarWidget().isVisible() and not box.hasFocus())
    drawn, edge = box.grab().toImage(), _frame(box)
    behind = box.palette().color(QPalette.ColorRole.Base)
    assert contrast(drawn.pixelColor(edge.left(), edge.center().y()), behind) >= 3
    box.calendarWidget().hide()


# --- Edits reach the project; undo brings both back -----------------------------------------

def test_typing_a_line_changes_the_project_and_undo_restores_field_and_project(
        qtbot, window, model):
    box = form_of(window, "company").editor(("company", "name"))
    qtbot.keyClicks(box, "Acme Ltd")
    assert model.project.company.name == "Acme Ltd"
    assert model.undo_stack.count() == 1  # typing is one undo step
    undo(model)
    assert model.project.company.name == "" and box.text() == ""
    model.undo_stack.redo()
    assert box.text() == "Acme Ltd"
    assert model.undo_stack.count() == 1  # showing the value did not record a new edit


def test_a_field_keeps_its_cursor_when_the_model_repeats_its_text(qtbot, window, model):
    box = form_of(window, "company").editor(("company", "name"))
    qtbot.keyClicks(box, "Acme")
    box.setCursorPosition(2)
    model.set_value(("company", "state"), "US-OH")
    model.changed.emit(("company",))
    assert box.cursorPosition() == 2


LONG_NAME = "Harbor Lane Accounting and Bookkeeping Services of the Pacific Northwest LLC"


def shows_its_start(box) -> bool:
    """Whether a box without focus shows its text from the start: as it looks with its
    cursor at the start (pixel for pixel)."""
    shown, position = box.grab().toImage(), box.cursorPosition()
    box.setCursorPosition(0)
    at_start = box.grab().toImage()
    box.setCursorPosition(position)
    return shown == at_start


def test_a_one_line_box_shows_its_start_again_when_the_form_narrows(qtbot, window):
    """A long name typed, the next box clicked, the window made narrower: the name's start
    shows, not its end with the start hidden to the left."""
    form = form_of(window, "company")
    box, after = form.editor(("company", "name")), form.editor(("company", "industry"))
    box.setFocus()
    qtbot.keyClicks(box, LONG_NAME)
    after.setFocus()
    window.resize(window.width() - 300, window.height())
    qtbot.waitUntil(lambda: box.width() < box.fontMetrics().horizontalAdvance(LONG_NAME))
    assert shows_its_start(box)


def test_the_box_being_typed_in_keeps_its_cursor_when_the_form_narrows(qtbot, window):
    box = form_of(window, "company").editor(("company", "name"))
    box.setFocus()
    qtbot.keyClicks(box, LONG_NAME)
    box.setCursorPosition(len(LONG_NAME) - 3)
    window.resize(window.width() - 300, window.height())
    qtbot.waitUntil(lambda: box.width() < box.fontMetrics().horizontalAdvance(LONG_NAME))
    box.grab()  # as painted
    assert box.cursorPosition() == len(LONG_NAME) - 3
    assert box.rect().contains(box.cursorRect().center())  # in sight


@pytest.mark.parametrize("width", [1, 420, 700])  # the narrowest the form can be; 1366x768
def test_every_column_title_shows_whole_in_its_header(qtbot, window, width):
    """A column title wider than its column wraps at its spaces ("Handle or address" was cut
    at both ends: "andle or addres"), and the header is as tall as its lines need, also
    drawn bold, as it is while a cell of its column is selected (a tester saw it cut then)."""
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.editors.tables import TableField

    window.resize(width, window.height())
    for area in Project.areas():
        form = form_of(window, area)
        qtbot.wait(10)  # laid out
        for table in form.findChildren(TableField):
            header = table.view.horizontalHeader()
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            for column in range(header.count()):
                room = QRect(0, 0, header.sectionSize(column), header.height()).adjusted(
                    margin, margin, -margin, -margin)
                title = header.model().headerData(column, Qt.Orientation.Horizontal)
                bold = QFont(header.font())
                bold.setBold(True)
                for metrics in (header.fontMetrics(), QFontMetrics(bold)):
                    shown = metrics.boundingRect(room, header.defaultAlignment(), title)
                    assert room.contains(shown), (area, title, header.sectionSize(column))


@pytest.mark.parametrize("screen", [(1366, 728), (1920, 1040)])  # less the taskbar
def test_a_tables_words_show_whole_in_their_columns(qtbot, make_window, screen):
    """Seen at 1366x768: the columns of the Response matrix shared its width equally, and
    its Situation column cut "Misinformati..." while What we do had room to spare. Each
    column now has at least its longest word."""
    from PySide6.QtGui import QFontMetricsF

    window = make_window(EXAMPLE)
    window.resize(*first_size(*screen))
    window.go_to_area(list(Project.areas()).index("responses"))
    view = window.forms["responses"].editor(("responses", "response_matrix")).view
    cells = view.model()
    advance = QFontMetricsF(view.font()).horizontalAdvance
    assert "Misinformation" in [cells.index(row, 0).data() for row in range(cells.rowCount())]

    def cut() -> list[str]:
        """The cells with a word wider than the room for the cell's text (its width less
        the margins the style keeps)."""
        cut = []
        for row in range(cells.rowCount()):
            for column in range(cells.columnCount()):
                index = cells.index(row, column)
                room = view.columnWidth(column) - view.sizeHintForIndex(index).width() \
                    + view.fontMetrics().horizontalAdvance(index.data())
                if max(map(advance, index.data().split())) > room:
                    cut.append(index.data())
        return cut

    qtbot.waitUntil(lambda: view.isVisible() and not cut())


def test_typing_a_multi_line_answer(qtbot, window, model):
    box = form_of(window, "employees").editor(("employees", "recruiting_posts"))
    qtbot.keyClicks(box, "Share our job posts")
    assert model.project.employees.recruiting_posts == "Share our job posts"
    undo(model)
    assert box.toPlainText() == ""


@pytest.mark.parametrize("lines", [3, 5, 12])
def test_a_multi_line_box_as_tall_as_its_text_shows_it_whole_without_a_scroll_bar(
        qtbot, window, model, lines):
    """Consequences in five lines read at a glance: the box scrolled for its last pixel, and
    its help text below overlapped the box."""
    model.set_value(("training", "consequences"),
                    "\n".join(f"Line {n}" for n in range(1, lines + 1)))
    row = form_of(window, "training").rows["consequences"]
    qtbot.wait(50)  # the layout settles
    assert not row.editor.verticalScrollBar().isVisible()
    help_label = next(label for label in row.findChildren(QLabel)
                      if label.text() == row.question.help)
    assert help_label.geometry().top() > row.editor.geometry().bottom()


def test_checkbox_combo_and_choice_boxes(qtbot, window, model):
    form = form_of(window, "company")
    traded = form.editor(("company", "publicly_traded"))
    qtbot.mouseClick(traded, Qt.MouseButton.LeftButton)
    assert model.project.company.publicly_traded is True

    industry = form.editor(("company", "industry"))
    industry.setFocus()
    qtbot.keyClick(industry, Qt.Key.Key_Down)
    assert model.project.company.industry == "professional_services"
    assert industry.currentText() == "Professional services"

    policies = form.editor(("company", "related_policies"))
    qtbot.mouseClick(policies.boxes["privacy"], Qt.MouseButton.LeftButton)
    assert model.project.company.related_policies == ["privacy"]

    undo(model, 3)
    assert not traded.isChecked() and industry.currentText() == "General B2B"
    assert not policies.boxes["privacy"].isChecked()
    assert model.project.company.publicly_traded is False


def test_a_choice_too_long_for_its_box_ends_in_an_ellipsis_and_shows_whole_on_hover(window):
    form = form_of(window, "employees")
    personal_use = form.editor(("employees", "personal_use"))
    label = personal_use.currentText()
    personal_use.resize(personal_use.fontMetrics().horizontalAdvance(label) // 2, 30)
    personal_use.grab()  # painted, as on screen
    shown = personal_use.shown_text()
    assert shown.endswith("\u2026") and label.startswith(shown[:-1])
    assert personal_use.toolTip() == label

    personal_use.resize(personal_use.fontMetrics().horizontalAdvance(label) + 80, 30)
    personal_use.grab()
    assert personal_use.shown_text() == label and personal_use.toolTip() == ""


def test_number_of_staff_can_be_set_and_unset(qtbot, window, model):
    spin = form_of(window, "company").editor(("company", "staff_count"))
    assert spin.text() == "Not set"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "40")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert model.project.company.staff_count == 40
    undo(model)
    assert model.project.company.staff_count is None and spin.text() == "Not set"


def test_an_empty_date_offers_today_not_the_last_projects_date(qtbot, window, model):
    """Seen by a tester: after the example (effective 1 March 2026), New and "Set" made the
    new policy effective that day, taken from the other company's file."""
    from datetime import date

    field = form_of(window, "company").editor(("company", "effective_date"))
    model.set_value(("company", "effective_date"), date(2026, 3, 1))
    model.replace(Project(), None)  # File > New
    assert not field.is_set.isChecked()
    qtbot.mouseClick(field.is_set, Qt.MouseButton.LeftButton)
    assert model.project.company.effective_date == date.today()


def test_a_date_can_be_set_changed_and_left_empty(qtbot, window, model):
    field = form_of(window, "company").editor(("company", "effective_date"))
    assert not field.is_set.isChecked() and not field.edit.isEnabled()
    qtbot.mouseClick(field.is_set, Qt.MouseButton.LeftButton)
    chosen = model.project.company.effective_date
    assert chosen is not None and field.edit.isEnabled()
    field.edit.setDate(field.edit.date().addDays(3))  # as the calendar popup does
    assert (model.project.company.effective_date - chosen).days == 3
    undo(model, 2)
    assert model.project.company.effective_date is None and not field.is_set.isChecked()


def test_a_date_box_names_its_month_in_english_on_any_system(qtbot, model, system_locale):
    """On a French-set computer the box said "4 déc. 2026" beside an English policy."""
    from datetime import date

    system_locale(QLocale.Country.France, QLocale.Language.French)  # before the form exists
    model.set_value(("review", "next_review_date"), date(2026, 12, 4))
    form = AreaForm(model, "review")
    qtbot.addWidget(form)
    form.show()
    assert form.editor(("review", "next_review_date")).edit.text() == "Dec 4, 2026"


@pytest.mark.parametrize("system", [QLocale.Country.UnitedKingdom, QLocale.Country.Australia,
                                    QLocale.Country.UnitedStates])
def test_a_date_box_writes_september_as_sep_on_any_system(qtbot, model, system_locale, system):
    """A UK-set computer's box said "Sept 4, 2026" (Qt's British English), a US-set one's
    "Sep 4, 2026": one way for every system, three letters as for every other month."""
    from datetime import date

    system_locale(system)  # before the form exists
    model.set_value(("review", "next_review_date"), date(2026, 9, 4))
    form = AreaForm(model, "review")
    qtbot.addWidget(form)
    form.show()
    assert form.editor(("review", "next_review_date")).edit.text() == "Sep 4, 2026"


def first_column(box) -> str:
    """The day named over the first column of days in the box's calendar, as it opens."""
    from PySide6.QtWidgets import QTableView

    box.show_calendar()
    days = box.calendarWidget().findChild(QTableView).model()
    named = days.data(days.index(0, 1))  # column 0: the weeks' numbers
    box.calendarWidget().hide()
    return named


@pytest.mark.parametrize(("country", "system", "first"), [
    ("GB", QLocale.Country.UnitedStates, "Mon"), ("DE", QLocale.Country.UnitedStates, "Mon"),
    ("AU", QLocale.Country.UnitedStates, "Mon"), ("US", QLocale.Country.UnitedKingdom, "Sun"),
    ("CA", QLocale.Country.Germany, "Sun")])
def test_a_date_calendar_starts_its_weeks_as_the_projects_country_does(
        qtbot, window, model, system_locale, country, system, first):
    """The calendar started the week on the day of the computer's country for every project:
    Sunday for a UK business's owner on a US-set laptop. It follows the project's country, in
    a date box and in a table's date cell alike, and changes with it."""
    from smpolicy_desktop.model import Reviewer

    system_locale(system)
    model.set_value(("company", "country"), country)
    box = form_of(window, "company").editor(("company", "effective_date")).edit
    assert first_column(box) == first
    model.set_value(("review", "reviewers"), [Reviewer(name="Ana Diaz")])
    table = form_of(window, "review").editor(("review", "reviewers"))
    open_cell(table, 0, next(i for i, q in enumerate(table.columns) if q.name == "reviewed_on"))
    assert first_column(table.view.focusWidget()) == first
    model.set_value(("company", "country"), "US" if first == "Mon" else "GB")
    assert first_column(box) == ("Sun" if first == "Mon" else "Mon")


@pytest.mark.parametrize(("country", "shown", "written"), [
    ("US", "Dec 4, 2026", "December 4, 2026"), ("GB", "4 Dec 2026", "4 December 2026")])
def test_a_date_box_reads_in_the_order_the_policy_writes_dates(
        qtbot, window, model, country, shown, written):
    """A US project's box said "4 Dec 2026" beside a policy that says "December 4, 2026"."""
    from datetime import date

    model.set_value(("company", "country"), country)
    model.set_value(("company", "effective_date"), date(2026, 12, 4))
    assert form_of(window, "company").editor(("company", "effective_date")).edit.text() == shown
    assert any(written in line for line in render_document(model.project).text_lines())


def test_date_boxes_follow_the_country_when_it_changes(qtbot, window, model):
    """A UK business that was US by default: its date boxes change order with the policy, on
    the Company tab and on the tabs already shown, and back on undo."""
    from datetime import date

    model.set_value(("company", "effective_date"), date(2026, 12, 4))
    model.set_value(("review", "next_review_date"), date(2027, 12, 4))
    review = form_of(window, "review").editor(("review", "next_review_date")).edit
    company = form_of(window, "company")
    effective = company.editor(("company", "effective_date")).edit
    assert (effective.text(), review.text()) == ("Dec 4, 2026", "Dec 4, 2027")
    country = company.editor(("company", "country"))
    country.activated.emit(country.findData("GB"))  # as picking it in the list does
    assert model.project.company.country == "GB"
    assert (effective.text(), review.text()) == ("4 Dec 2026", "4 Dec 2027")
    undo(model)
    assert (effective.text(), review.text()) == ("Dec 4, 2026", "Dec 4, 2027")


def test_a_date_before_1752_in_the_file_is_shown_as_it_is(qtbot, window, model):
    """Qt's date box stops at 14 Sep 1752 unless told; the form must show the file's date,
    which the preview and the Word file use."""
    from datetime import date

    project = Project()
    project.company.effective_date = date(1700, 1, 1)
    model.replace(project, None)
    field = form_of(window, "company").editor(("company", "effective_date"))
    assert field.edit.date().toString("yyyy-MM-dd") == "1700-01-01"
    assert model.project.company.effective_date == date(1700, 1, 1)


def test_invalid_value_is_refused_with_a_message_beside_the_field(qtbot, window, model):
    form = form_of(window, "company")
    spin = form.editor(("company", "staff_count"))
    spin.setMinimum(-10)  # as if the box allowed more than the model does
    spin.setValue(-3)
    row = form.rows["staff_count"]
    assert model.project.company.staff_count is None
    assert row.message.isVisible()
    assert "greater than or equal to 1" in row.message.text()
    spin.setValue(5)
    assert model.project.company.staff_count == 5 and not row.message.isVisible()


# --- Lists of short answers ------------------------------------------------------------------

def test_list_entries_are_added_edited_reordered_and_removed_with_undo(qtbot, window, model):
    goals = form_of(window, "presence").editor(("presence", "goals"))
    for text in ("Hire people", "Win clients"):
        qtbot.keyClicks(goals.new_item, text)
        qtbot.keyClick(goals.new_item, Qt.Key.Key_Return)
    assert model.project.presence.goals == ["Hire people", "Win clients"]
    assert goals.new_item.text() == ""

    open_cell(goals, 0)
    goals.view.focusWidget().selectAll()
    type_in_cell(qtbot, goals.view, "Hire good people")
    assert model.project.presence.goals == ["Hire good people", "Win clients"]

    goals.set_current_row(1)
    qtbot.keyClick(goals.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert model.project.presence.goals == ["Win clients", "Hire good people"]
    assert goals.current_row() == 0
    qtbot.mouseClick(button(goals, "Remove"), Qt.MouseButton.LeftButton)
    assert model.project.presence.goals == ["Hire good people"]
    assert shown_rows(goals) == ["Hire good people"]

    undo(model, 2)
    assert shown_rows(goals) == ["Hire good people", "Win clients"]
    undo(model, 3)
    assert model.project.presence.goals == [] and shown_rows(goals) == []


def test_ctrl_up_in_an_item_being_typed_in_keeps_the_words_and_moves_it(qtbot, window, model):
    """Clicking a selected item opens it for typing; Ctrl+Up there did nothing (found by a
    tester): it keeps what was typed and moves the item, as it does on the list."""
    goals = form_of(window, "presence").editor(("presence", "goals"))
    model.set_value(("presence", "goals"), ["Hire people", "Win clients"])
    open_cell(goals, 1)
    editor = goals.view.focusWidget()
    qtbot.keyClicks(editor, " fast")
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert model.project.presence.goals == ["Win clients fast", "Hire people"]
    assert goals.current_row() == 0
    assert goals.view.state() != QAbstractItemView.State.EditingState  # the box closed
    undo(model)
    assert model.project.presence.goals == ["Hire people", "Win clients fast"]


# --- Tables of rows --------------------------------------------------------------------------

def test_lines_pasted_into_a_list_are_items_one_per_line(qtbot, window, model):
    """Confidential items copied from an old handbook: Ctrl+V on the list, and Edit > Paste,
    did nothing; pasted while an item was edited, every line went into that one item, one
    bullet in the policy."""
    from PySide6.QtWidgets import QApplication

    goals = form_of(window, "presence").editor(("presence", "goals"))
    model.set_value(("presence", "goals"), ["First", "Last"], typing=False)
    # a bullet alone is no item ("*" and "-" were items; found by a tester)
    QApplication.clipboard().setText("- Hire people\n*\n\n2. Win clients\n-\n")
    goals.set_current_row(0)
    goals.view.setFocus()
    qtbot.keyClick(goals.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert model.project.presence.goals == ["First", "Hire people", "Win clients", "Last"]
    assert goals.current_row() == 2
    undo(model)  # one step
    assert model.project.presence.goals == ["First", "Last"]
    goals.set_current_row(1)
    goals.view.setFocus()
    QApplication.focusWidget().paste()  # as Edit > Paste does, on what has the keyboard
    assert model.project.presence.goals == ["First", "Last", "Hire people", "Win clients"]
    undo(model)
    open_cell(goals, 0)
    goals.view.focusWidget().insert(" one\nSecond")  # a paste into the item's box
    press_enter(qtbot, goals.view, goals.view.focusWidget())
    assert model.project.presence.goals == ["First one", "Second", "Last"]


def type_in_cell(qtbot, view, text: str) -> None:
    """Type into the open cell (or list item) editor, then press Enter."""
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    qtbot.keyClicks(editor, text)
    press_enter(qtbot, view, editor)


def press_enter(qtbot, view, editor) -> None:
    """Enter in a cell editor commits once the event loop runs (Qt queues it)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_table_rows_are_added_edited_reordered_and_removed_with_undo(qtbot, window, model):
    accounts = form_of(window, "presence").editor(("presence", "accounts"))
    for platform in ("LinkedIn", "YouTube"):
        qtbot.mouseClick(button(accounts, "Add row"), Qt.MouseButton.LeftButton)
        type_in_cell(qtbot, accounts.view, platform)  # Add row opens the first cell for typing
    assert [a.platform for a in model.project.presence.accounts] == ["LinkedIn", "YouTube"]

    open_cell(accounts, 1, 1)
    type_in_cell(qtbot, accounts.view, "@northwind")
    assert model.project.presence.accounts[1].handle == "@northwind"
    assert cell(accounts, 1, 1) == "@northwind"

    qtbot.keyClick(accounts.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [a.platform for a in model.project.presence.accounts] == ["YouTube", "LinkedIn"]
    assert cell(accounts, 0) == "YouTube" and accounts.current_cell()[0] == 0

    qtbot.mouseClick(button(accounts, "Remove row"), Qt.MouseButton.LeftButton)
    assert [a.platform for a in model.project.presence.accounts] == ["LinkedIn"]
    assert shown_rows(accounts) == ["LinkedIn"]

    undo(model)
    assert shown_rows(accounts) == ["YouTube", "LinkedIn"]
    undo(model)
    assert shown_rows(accounts) == ["LinkedIn", "YouTube"]
    undo(model)
    assert model.project.presence.accounts[1].handle == ""
    assert cell(accounts, 1, 1) == ""
    undo(model, 10)
    assert model.project.presence.accounts == [] and shown_rows(accounts) == []


def test_delete_clears_a_cell(qtbot, window, model):
    model.set_value(("review", "reviewers"), [{"role": "Lawyer", "name": "Kim"}])
    reviewers = form_of(window, "review").editor(("review", "reviewers"))
    reviewers.set_current_cell(0, 1)
    reviewers.view.setFocus()
    qtbot.keyClick(reviewers.view, Qt.Key.Key_Delete)
    assert model.project.review.reviewers[0].name == ""
    assert cell(reviewers, 0, 1) == ""


def test_a_choice_cell_is_picked_from_its_labels(qtbot, window, model):
    model.set_value(("review", "reviewers"), [{"role": "Lawyer"}])
    reviewers = form_of(window, "review").editor(("review", "reviewers"))
    assert cell(reviewers, 0, 2) == "Not started"
    open_cell(reviewers, 0, 2)
    combo = reviewers.view.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Approved"))
    press_enter(qtbot, reviewers.view, combo)
    assert model.project.review.reviewers[0].status == "approved"
    assert cell(reviewers, 0, 2) == "Approved"


@pytest.mark.parametrize(("country", "system", "shown", "editing"), [
    ("GB", QLocale.Country.UnitedStates, "4 December 2026", "4 Dec 2026"),
    ("US", QLocale.Country.UnitedKingdom, "December 4, 2026", "Dec 4, 2026")])
def test_a_date_cell_reads_as_the_projects_country_writes_it_not_the_system(
        qtbot, window, model, system_locale, country, system, shown, editing):
    """A UK business on a US-set computer: a reviewer's date reads as its policy writes it
    (the cell said 2026-12-04 for every project), and so does its box while edited."""
    from datetime import date

    system_locale(system)
    model.set_value(("company", "country"), country)
    model.set_value(("review", "reviewers"), [{"role": "Lawyer",
                                               "reviewed_on": date(2026, 12, 4)}])
    reviewers = form_of(window, "review").editor(("review", "reviewers"))
    column = [question.name for question in reviewers.columns].index("reviewed_on")
    assert cell(reviewers, 0, column) == shown
    assert shown in render_document(model.project).text_lines()  # the policy's cell
    open_cell(reviewers, 0, column)
    assert reviewers.view.focusWidget().text() == editing


def test_lines_pasted_into_a_table_are_rows_their_tabs_its_columns(qtbot, window, model):
    """Accounts copied from a spreadsheet: Ctrl+V on a table did nothing."""
    from PySide6.QtWidgets import QApplication

    accounts = form_of(window, "presence").editor(("presence", "accounts"))
    QApplication.clipboard().setText("LinkedIn\tNorthwind Analytics\nYouTube\t@northwind\n")
    accounts.view.setFocus()
    qtbot.keyClick(accounts.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [(a.platform, a.handle) for a in model.project.presence.accounts] == [
        ("LinkedIn", "Northwind Analytics"), ("YouTube", "@northwind")]
    undo(model)
    assert model.project.presence.accounts == []
    QApplication.focusWidget().paste()  # as Edit > Paste does, on what has the keyboard
    assert len(model.project.presence.accounts) == 2
    undo(model)
    QApplication.clipboard().setText("LinkedIn\t@acme\tNews\tDana\tEXTRA1\tEXTRA2\n")
    accounts.paste()  # cells beyond the table's go into its last one (dropped; a tester)
    [account] = model.project.presence.accounts
    assert account.model_dump(include={"platform", "handle", "purpose", "owner"}) == {
        "platform": "LinkedIn", "handle": "@acme", "purpose": "News",
        "owner": "Dana EXTRA1 EXTRA2"}


def test_table_rows_wrap_anew_when_the_form_narrows(qtbot, window, model):
    """The risk check opened beside a table laid out wide: its cells stayed one line high
    and read "February 10, ..." and "Changes ..." instead of wrapping onto a second line."""
    model.set_value(("review", "reviewers"), [{"role": "Head of marketing and sales",
                                               "status": "changes_requested"}])
    window.resize(1100, 600)
    reviewers = form_of(window, "review").editor(("review", "reviewers"))
    qtbot.wait(50)
    one_line = reviewers.view.rowHeight(0)
    window.resize(400, 600)
    qtbot.waitUntil(lambda: reviewers.view.rowHeight(0) > one_line)
    assert reviewers.view.rowHeight(0) == reviewers.view.sizeHintForRow(0)
    assert reviewers.view.height() > reviewers.view.rowHeight(0)  # the table grew with it


def test_a_date_cell_in_a_narrow_column_opens_a_box_its_date_fits(qtbot, window, model):
    """The Date column narrow (the risk check open on a 1366x768 screen): the box showed
    "Feb 10, 20"; it now reaches over the cell beside it, inside the table."""
    from datetime import date

    model.set_value(("review", "reviewers"), [{"role": "Head of marketing and sales",
                                               "reviewed_on": date(2026, 2, 10)}])
    window.resize(400, 600)
    reviewers = form_of(window, "review").editor(("review", "reviewers"))
    column = [question.name for question in reviewers.columns].index("reviewed_on")
    qtbot.wait(50)
    open_cell(reviewers, 0, column)
    box = reviewers.view.focusWidget()
    assert reviewers.view.columnWidth(column) < box.sizeHint().width()
    assert box.width() >= box.sizeHint().width()
    assert box.geometry().right() < reviewers.view.viewport().width()


# --- Clause picker ---------------------------------------------------------------------------

def test_clause_picker_lists_the_rendered_clauses_and_keeps_a_missing_one(
        qtbot, window, model):
    model.set_value(("review", "notes_to_counsel"), [{"clause_id": "gone.clause"}])
    notes = form_of(window, "review").editor(("review", "notes_to_counsel"))
    assert cell(notes, 0) == "a clause no longer in the policy"

    open_cell(notes, 0)
    picker = notes.view.focusWidget()
    assert isinstance(picker, ClauseField)
    clauses = render_document(model.project).clauses()
    listed = [picker.itemData(i) for i in range(picker.count())]
    assert listed == ["", *clauses, "gone.clause"]
    assert picker.currentText() == "a clause no longer in the policy"

    first = next(iter(clauses))
    picker.setCurrentIndex(picker.findData(first))
    press_enter(qtbot, notes.view, picker)
    assert model.project.review.notes_to_counsel[0].clause_id == first
    assert cell(notes, 0) == clauses[first]


def test_a_note_on_a_clause_the_owner_took_out_names_it_by_its_title(qtbot, window, model):
    """The owner emptied the clause's wording: the notes table and its picker name the clause
    in words, never by the app's id for it."""
    clause_id, heading = next((c, h) for c, h in render_document(model.project).clauses().items()
                              if "." in c)
    title = heading.split(" ", 1)[1]  # "1.1 Why we have this policy" without its number
    model.set_value(("review", "notes_to_counsel"), [{"clause_id": clause_id}])
    notes = form_of(window, "review").editor(("review", "notes_to_counsel"))
    assert cell(notes, 0) == heading
    model.set_value(("wording",), [own_wording(model.project, clause_id, "")])
    assert cell(notes, 0) == f'"{title}" (no longer in the policy)'
    open_cell(notes, 0)
    assert notes.view.focusWidget().currentText() == f'"{title}" (no longer in the policy)'


# --- What the window uses --------------------------------------------------------------------

def test_focus_field_switches_tab_and_focuses_the_row(qtbot, window, model):
    model.set_value(("presence", "accounts"), [{"platform": "A"}, {"platform": "B"}])
    form_of(window, "company")
    presence = next(f for f in window.findChildren(AreaForm) if f.area == "presence")
    presence.focus_field(("presence", "accounts", 1, "handle"))
    accounts = presence.editor(("presence", "accounts"))
    assert window.centralWidget().currentWidget() is presence
    assert accounts.current_cell() == (1, 1)
    qtbot.waitUntil(accounts.view.hasFocus)


@pytest.mark.parametrize("area", ["presence", "voice"])
def test_going_to_an_area_that_opens_with_a_table_keeps_its_title_in_view(qtbot, window, area):
    """Ctrl+2 on a form not yet shown: the form scrolled to the table at the height Qt first
    guessed for it, and the area's title and the table's label went out of view at the top."""
    window.resize(700, 600)
    form = next(f for f in window.findChildren(AreaForm) if f.area == area)
    window.centralWidget().setCurrentWidget(form)
    form.focus_field(form.fields()[0])
    qtbot.wait(50)
    assert form.verticalScrollBar().value() == 0


def test_field_focused_names_the_field_with_the_keyboard(qtbot, window):
    form = form_of(window, "voice")
    with qtbot.waitSignal(form.field_focused) as signal:
        form.focus_field(("voice", "media_contact"))
    assert signal.args == [("voice", "media_contact")]


def test_mark_field_shows_and_clears_a_visible_mark(qtbot, window, model):
    model.set_value(("presence", "goals"), ["Hire", "Sell"])
    form = form_of(window, "presence")
    form.mark_field(("presence", "post_approver"), "Nobody approves posts")
    row = form.rows["post_approver"]
    assert row.message.isVisible() and row.message.text() == "Nobody approves posts"
    assert row.toolTip() == "Nobody approves posts"
    form.mark_field(("presence", "goals", 1), "Vague goal")
    goals = form.editor(("presence", "goals"))
    assert cell(goals, 1, role=Qt.ItemDataRole.ToolTipRole) == "Vague goal"
    assert cell(goals, 1, role=Qt.ItemDataRole.BackgroundRole).alpha() > 0
    form.mark_field(("presence", "post_approver"), None)
    assert not row.message.isVisible() and row.toolTip() == ""
    form.mark_field(("presence", "goals", 1), None)
    assert not cell(goals, 1, role=Qt.ItemDataRole.ToolTipRole)


def test_replacing_the_project_refreshes_every_form(window, model):
    form = form_of(window, "company")
    model.replace(Project.model_validate({"company": {"name": "Replaced Inc"}}), None)
    assert form.editor(("company", "name")).text() == "Replaced Inc"


# --- Keyboard only ---------------------------------------------------------------------------

@pytest.mark.parametrize("area", list(Project.areas()))
def test_tab_visits_every_answer_in_form_order(qtbot, window, area):
    form = form_of(window, area)
    form.focus_field(form.fields()[0])
    visited = []
    for _ in range(200):
        now = QApplication.focusWidget()
        row = next((w for w in _ancestors(now) if isinstance(w, FieldRow)), None)
        if row is None or row.path[0] != area:
            break
        if not visited or visited[-1] != row.path:
            visited.append(row.path)
        qtbot.keyClick(now, Qt.Key.Key_Tab)
    assert visited == form.fields()


def _ancestors(widget):
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def test_list_buttons_work_from_the_keyboard(qtbot, window, model):
    goals = form_of(window, "presence").editor(("presence", "goals"))
    goals.new_item.setFocus()
    qtbot.keyClicks(goals.new_item, "Hire")
    add = button(goals, "Add")
    assert add.focusPolicy() & Qt.FocusPolicy.TabFocus
    add.setFocus()
    qtbot.keyClick(add, Qt.Key.Key_Space)
    assert model.project.presence.goals == ["Hire"]
    goals.view.setFocus()
    qtbot.keyClick(goals.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert goals.new_item.hasFocus()  # Ctrl+Enter in the list goes to the new entry box


def test_undo_keys_in_a_text_box_are_left_to_the_window(qtbot, window, model):
    box = form_of(window, "company").editor(("company", "name"))
    undo_action = QAction("Undo", window)
    undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    undo_action.triggered.connect(model.undo_stack.undo)
    window.addAction(undo_action)
    qtbot.keyClicks(box, "Acme")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.project.company.name == "" and box.text() == ""


def test_the_wheel_scrolls_the_form_instead_of_changing_an_unfocused_box(qtbot, window, model):
    window.resize(700, 300)
    form = form_of(window, "company")
    industry = form.editor(("company", "industry"))
    form.editor(("company", "name")).setFocus()
    centre = QPointF(industry.rect().center())
    wheel = QWheelEvent(centre, industry.mapToGlobal(centre), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(industry, wheel)
    assert model.project.company.industry == "general_b2b"
    assert form.verticalScrollBar().value() > 0


def test_country_and_state_are_picked_from_iso_lists(window, model):
    country = form_of(window, "company").editor(("company", "country"))
    state = form_of(window, "company").editor(("company", "state"))
    assert country.count() == 250 and country.itemData(country.findText("United Kingdom")) == "GB"
    assert state.itemData(state.findText("California, United States")) == "US-CA"
    country.activated.emit(country.findData("GB"))
    assert (model.project.company.country, model.project.company.state) == ("GB", "")


@pytest.mark.parametrize(("typed", "country", "state"), [
    ("Canada", "CA", "CA-ON"), ("United K", "GB", "GB-ENG"), ("kingdom", "GB", "GB-ENG")])
def test_a_country_typed_on_its_box_is_that_country_and_tab_goes_to_the_state(
        qtbot, window, model, monkeypatch, typed, country, state):
    """Typed letter by letter while the policy took long to render after each (as on a first
    start), "Canada" picked Andorra and "United K" Nicaragua (a space opened the list), and
    Tab then skipped the state box, still greyed out, so the answers after it went into the
    wrong boxes (found by a tester). The choice is the answer once, when the typing pauses or
    the box is left; Tab goes on to the state box it enabled."""
    import time

    form = form_of(window, "company")
    box, states = (form.editor(("company", name)) for name in ("country", "state"))
    model.set_value(("company", "state"), "")
    model.set_value(("company", "country"), "AD")  # a country without states: its box grey
    assert not states.isEnabled()
    set_value, answers = model.set_value, []

    def slowly(path, value, *args):
        answers.append(value)
        time.sleep(0.5)
        set_value(path, value, *args)
    monkeypatch.setattr(model, "set_value", slowly)
    box.setFocus()
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert answers == [country]  # one edit, not one a letter
    assert QApplication.focusWidget() is states and states.isEnabled()
    qtbot.keyClicks(states, "Ontario" if country == "CA" else "England")
    qtbot.keyClick(states, Qt.Key.Key_Tab)
    assert model.project.company.state == state


def test_a_state_the_new_country_drops_leaves_its_box_and_undo_brings_it_back(window, model):
    """Seen at 1366x768: Ohio's example moved to the United Kingdom kept showing "Ohio,
    United States" as its state, which the project no longer held."""
    form = form_of(window, "company")
    country, state = (form.editor(("company", name)) for name in ("country", "state"))
    state.activated.emit(state.findData("US-OH"))
    country.activated.emit(country.findData("GB"))
    assert model.project.company.state == "" and state.currentText() == "Not set"
    undo(model)
    assert (model.project.company.country, model.project.company.state) == ("US", "US-OH")
    assert (country.currentText(), state.currentText()) == ("United States",
                                                             "Ohio, United States")
    model.undo_stack.redo()
    assert model.project.company.state == "" and state.currentText() == "Not set"


def test_the_state_box_offers_only_the_countrys_own(qtbot, window, model):
    """Seen at 1366x768 and 2560x1440 at 2x: for a business in the United Kingdom or Germany
    the state box listed the fifty US states first; one picked was dropped at once."""
    form = form_of(window, "company")
    country, state = (form.editor(("company", name)) for name in ("country", "state"))

    def offered() -> set[str]:
        return {state.itemData(row) for row in range(state.count())
                if not state.view().isRowHidden(row)}

    assert "US-OH" in offered() and "GB-SCT" not in offered() and state.isEnabled()
    country.activated.emit(country.findData("GB"))
    assert offered() == {"", "GB-ENG", "GB-NIR", "GB-SCT", "GB-WLS"}
    state.setFocus()
    qtbot.keyClick(state, Qt.Key.Key_Down)  # the keyboard skips what is not offered
    assert model.project.company.state == "GB-ENG"
    country.activated.emit(country.findData("DE"))
    assert offered() == {""} and not state.isEnabled()  # nothing to pick: greyed out
    undo(model, 3)
    assert "US-OH" in offered() and state.isEnabled()


def test_every_answer_on_every_tab_says_what_it_is_for(window):
    """A first-time owner reads a line of help under each question (ux review: Country, Number
    of staff, Version, Who is trained, When and How often had none)."""
    from PySide6.QtWidgets import QLabel

    for area in Project.areas():
        for row in form_of(window, area).findChildren(FieldRow):
            shown = [label.text() for label in row.findChildren(QLabel) if label.text()]
            assert row.question.help in shown, f"{area} {row.question.name} has no help"


@pytest.mark.parametrize(("country", "typed", "shown"), [
    ("US", "12/31/2026", "Dec 31, 2026"), ("US", "dec 31 2026", "Dec 31, 2026"),
    ("US", "2026-12-31", "Dec 31, 2026"), ("GB", "31/12/2026", "31 Dec 2026"),
    ("GB", "31.12.26", "31 Dec 2026"), ("GB", "31 December 2026", "31 Dec 2026"),
    # as the UK, Ireland and Australia write them too
    ("GB", "31-12-2026", "31 Dec 2026"), ("GB", "31st December 2026", "31 Dec 2026"),
    ("GB", "31 Dec. 2026", "31 Dec 2026"), ("IE", "2026/12/31", "31 Dec 2026"),
    ("AU", "31 dec. 2026", "31 Dec 2026"), ("US", "Dec. 31st, 2026", "Dec 31, 2026"),
    ("US", "12-31-2026", "Dec 31, 2026"),
    # the year in two figures, with the month in words too ("Dec 31, 26" was no date)
    ("US", "12/31/26", "Dec 31, 2026"), ("US", "Dec 31, 26", "Dec 31, 2026"),
    ("GB", "31 December 26", "31 Dec 2026"), ("GB", "31 dec. 26", "31 Dec 2026")])
def test_a_date_is_typed_whole(qtbot, window, model, country, typed, shown):
    """Select the box's date and type another: "1" typed over it did nothing, the box took
    typing only a section at a time (ux.md #16)."""
    from datetime import date

    model.set_value(("company", "country"), country)
    field = form_of(window, "company").editor(("company", "effective_date"))
    qtbot.mouseClick(field.is_set, Qt.MouseButton.LeftButton)
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, typed)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert model.project.company.effective_date == date(2026, 12, 31)
    assert field.edit.text() == shown


def test_words_that_are_no_date_stay_in_the_box_and_the_form_says_how_to_type_one(
        qtbot, window, model):
    """The box put the date back and a tooltip said why, gone a moment later: the words typed
    were lost. They stay in the box, not saved, and the form says so under it as for any
    answer refused, until a date is typed."""
    from datetime import date

    model.set_value(("company", "effective_date"), date(2026, 12, 4))
    form = form_of(window, "company")
    box = form.editor(("company", "effective_date")).edit
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "next tuesday")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    said = ("Not saved: \u201cnext tuesday\u201d is not a date. Type one as Dec 4, 2026, or "
            "pick it in the calendar.")
    message = form.rows["effective_date"].message
    assert model.project.company.effective_date == date(2026, 12, 4)
    assert box.text() == "next tuesday"
    assert message.isVisible() and message.text() == said
    assert form.refused() == [(("company", "effective_date"), f"Effective date: {said}")]
    model.set_value(("company", "name"), "Northwind")  # another answer: the words stay
    assert box.text() == "next tuesday" and message.text() == said
    box.selectAll()
    qtbot.keyClicks(box, "Dec 8 2026")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert model.project.company.effective_date == date(2026, 12, 8)
    assert box.text() == "Dec 8, 2026" and not message.isVisible() and not form.refused()


@pytest.mark.parametrize(("typed", "said"), [
    ("Mar 1, 0026", "the date March 1, 26 is before 1900"),
    ("3/1/0026", "the date March 1, 26 is before 1900"),
    ("3/1/1826", "the date March 1, 1826 is before 1900"),
    ("Mar 1, 2226", "the date March 1, 2226 is after 2200")])
def test_a_date_in_a_year_no_policy_means_is_refused_and_stays_in_its_box(
        qtbot, window, model, typed, said):
    """"Mar 1, 0026" was said to be no date, and "3/1/1826" or "Mar 1, 2226" were saved as
    they were: typing mistakes for 2026. Each is refused with its year named, the date left
    in its box as typed."""
    from datetime import date

    model.set_value(("company", "effective_date"), date(2026, 12, 4))
    form = form_of(window, "company")
    box = form.editor(("company", "effective_date")).edit
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert model.project.company.effective_date == date(2026, 12, 4)
    message = form.rows["effective_date"].message
    assert message.isVisible() and message.text() == f"Not saved: {said}; check its year."
    assert box.text() == box.date().toString("MMM d, yyyy") and box.date().month() == 3


@pytest.mark.parametrize(("typed", "kept", "said"), [
    ("1/2/25", "2025-02-01", ""), ("1 Feb 26", "2026-02-01", ""),
    ("1/2/0026", None, "Not saved: the date 1 February 26 is before 1900; check its year."),
    ("1/2/2226", None, "Not saved: the date 1 February 2226 is after 2200; check its year.")])
def test_a_date_cell_reads_a_two_figure_year_and_refuses_a_year_no_policy_means(
        qtbot, window, model, typed, kept, said):
    """A reviewer's date typed "1/2/25" is 1 February 2025; "1/2/0026" or "1/2/2226" is
    refused, what was typed said under the table and left in the open cell."""
    from datetime import date

    from smpolicy_desktop.model import Reviewer

    model.set_value(("company", "country"), "GB")
    model.set_value(("review", "reviewers"), [Reviewer(name="Ana Diaz")])
    form = form_of(window, "review")
    table = form.editor(("review", "reviewers"))
    box = type_on_date_cell(qtbot, table, typed)
    if kept:
        press_enter(qtbot, table.view, box)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert table.view.state() == QAbstractItemView.State.EditingState
    assert model.project.review.reviewers[0].reviewed_on == (
        date.fromisoformat(kept) if kept else None)
    message = form.rows["reviewers"].message
    assert message.isVisible() == bool(said) and message.text() == said


def test_the_arrow_keys_step_a_date_a_day_and_the_calendar_picks_one(qtbot, window, model):
    from datetime import date

    from PySide6.QtWidgets import QTableView

    model.set_value(("company", "effective_date"), date(2026, 12, 4))
    box = form_of(window, "company").editor(("company", "effective_date")).edit
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert model.project.company.effective_date == date(2026, 12, 5)
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = box.calendarWidget()
    assert calendar.isVisible() and calendar.selectedDate() == box.date()
    calendar.clicked.emit(calendar.selectedDate().addDays(10))  # as clicking a day does
    assert model.project.company.effective_date == date(2026, 12, 15)
    assert not calendar.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    days = calendar.findChild(QTableView)  # the month's grid, which takes the keys
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Return)  # the keyboard's pick: it did nothing (a tester)
    assert model.project.company.effective_date == date(2026, 12, 16)
    assert not calendar.isVisible()
    assert box.screen().availableGeometry().contains(calendar.frameGeometry())
    model.replace(Project(company={"effective_date": date(9999, 12, 31)}), None)  # a file's
    box = form_of(window, "company").editor(("company", "effective_date")).edit
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)  # the last day there is: it raised (by a tester)
    assert model.project.company.effective_date == date(9999, 12, 31)
    assert box.text() == "Dec 31, 9999"


@pytest.mark.parametrize("leaving", ["Enter", "another box"])
def test_a_date_typed_in_a_table_cell_is_kept_when_the_cell_is_left(qtbot, window, model,
                                                                    leaving):
    """Left for another box, the cell is committed before the date box reads its text."""
    from datetime import date

    from smpolicy_desktop.model import Reviewer

    model.set_value(("review", "reviewers"), [Reviewer(name="Ana Diaz")])
    form = form_of(window, "review")
    table = form.editor(("review", "reviewers"))
    column = next(i for i, q in enumerate(table.columns) if q.name == "reviewed_on")
    open_cell(table, 0, column)
    box = table.view.focusWidget()
    assert box.date() == QDate.currentDate() and str(box.date().day()) in box.text()  # today
    box.selectAll()
    if leaving == "Enter":
        type_in_cell(qtbot, table.view, "3/4/2027")
    else:
        qtbot.keyClicks(table.view.focusWidget(), "3/4/2027")
        form.editor(("review", "review_cycle_months")).setFocus()
        qtbot.waitUntil(lambda: table.view.state() != QAbstractItemView.State.EditingState)
    assert model.project.review.reviewers[0].reviewed_on == date(2027, 3, 4)


def test_tab_in_the_last_cell_being_edited_leaves_the_table_and_row_1_as_it_was(
        qtbot, window, model):
    """Qt went on from the last cell to row 1, whose words took what was typed next
    ("Marcus BellZZ"; found by a tester at a real screen)."""
    from smpolicy_desktop.model import Reviewer

    model.set_value(("review", "reviewers"), [Reviewer(name="Ana Diaz", role="Lawyer"),
                                              Reviewer(name="Ben Ode", role="Owner")])
    table = form_of(window, "review").editor(("review", "reviewers"))
    last = len(table.columns) - 1
    open_cell(table, 1, last)
    qtbot.keyClick(table.view.focusWidget(), Qt.Key.Key_Tab)
    assert table.view.state() != QAbstractItemView.State.EditingState
    assert not table.view.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "ZZ")
    assert [(r.name, r.role) for r in model.project.review.reviewers] == [
        ("Ana Diaz", "Lawyer"), ("Ben Ode", "Owner")]


def type_on_date_cell(qtbot, table, typed: str, name: str = "reviewed_on"):
    """Type on the first row's Date cell (a reviewer's), as on one clicked (the first key
    opens its box); the box, the keyboard in it."""
    column = next(i for i, q in enumerate(table.columns) if q.name == name)
    table.view.setCurrentIndex(table.items.index(0, column))  # as a click on it does
    table.view.setFocus()
    qtbot.keyClicks(table.view, typed[0])
    box = table.view.focusWidget()
    assert box.text() == typed[0]
    qtbot.keyClicks(box, typed[1:])
    return box


def test_a_date_typed_on_an_empty_date_cell_is_that_date(qtbot, window, model):
    """A UK owner clicks a reviewer's empty Date cell and types a date: the box opened on
    today's date and added the keys to it ("5 Dec 202615/01/2027"), which is no date, so the
    cell was given today's date without a word (found by a tester). The date typed replaces
    the box's."""
    from datetime import date

    from smpolicy_desktop.model import Reviewer

    model.set_value(("company", "country"), "GB")
    model.set_value(("review", "reviewers"), [Reviewer(name="Ana Diaz")])
    table = form_of(window, "review").editor(("review", "reviewers"))
    press_enter(qtbot, table.view, type_on_date_cell(qtbot, table, "15/01/2027"))
    assert model.project.review.reviewers[0].reviewed_on == date(2027, 1, 15)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
@pytest.mark.parametrize("then", ["leave", "fix", "Escape"])
@pytest.mark.parametrize(("typed", "shown", "why"), [
    ("soon", "soon", "\u201csoon\u201d is not a date. Type one as {today}, or pick it in the "
     "calendar"),
    ("31/12/1850", "31 Dec 1850", "the date 31 December 1850 is before 1900; check its year")])
def test_what_a_date_cell_cannot_take_stays_in_it_and_the_form_says_why(
        qtbot, window, model, typed, shown, why, then, key):
    """Enter (or Tab) on "soon" in a reviewer's Date cell: a tooltip said it was no date, gone
    as the cell closed on the date as before, so the owner could think it saved; on
    "31/12/1850", a year no policy means, the form said why under the table but the cell
    closed on the date saved before, and what was typed was lost (both found by testers). The
    cell stays open with what was typed, and the form says why under the table as for any
    answer refused; left for another box, the cell closes and that stays said. A date typed
    is saved and the message goes; Escape gives the words up, and the message."""
    from datetime import date

    from smpolicy_desktop.model import Reviewer

    model.set_value(("company", "country"), "GB")
    model.set_value(("review", "reviewers"), [Reviewer(name="Ana Diaz")])
    form = form_of(window, "review")
    table = form.editor(("review", "reviewers"))
    box = type_on_date_cell(qtbot, table, typed)
    qtbot.keyClick(box, key)
    today = QLocale(QLocale.Language.English).toString(QDate.currentDate(), "d MMM yyyy")
    said = f"Not saved: {why.format(today=today)}."
    message = form.rows["reviewers"].message
    assert table.view.state() == QAbstractItemView.State.EditingState
    assert table.view.focusWidget() is box and box.text() == shown
    assert message.isVisible() and message.text() == said
    assert model.project.review.reviewers[0].reviewed_on is None
    if then == "leave":
        form.editor(("review", "review_cycle_months")).setFocus()
        qtbot.waitUntil(lambda: table.view.state() != QAbstractItemView.State.EditingState)
        assert message.isVisible() and message.text() == said
        assert form.refused() == [(("review", "reviewers"), f"Reviewers: {said}")]
    elif then == "fix":
        box.selectAll()
        qtbot.keyClicks(box, "15/1/27")
        press_enter(qtbot, table.view, box)
        assert not message.isVisible() and not form.refused()
    else:
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        assert table.view.state() != QAbstractItemView.State.EditingState
        assert not message.isVisible() and not form.refused()
    assert model.project.review.reviewers[0].reviewed_on == (
        date(2027, 1, 15) if then == "fix" else None)


def in_view(form: AreaForm, widget) -> bool:
    """Whether the whole of widget shows in the form's scrolled room."""
    return form.viewport().rect().contains(
        QRect(widget.mapTo(form.viewport(), QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize("table_at", ["bottom", "middle"])
def test_why_a_table_cell_was_not_saved_is_scrolled_into_view(qtbot, window, model, table_at):
    """A year refused in a revision's Date cell, the table at the bottom of the form's room:
    the form said why under the table, out of sight, and the owner did not see why the date
    did not save (found by a tester). The form scrolls to the message; where it shows
    already, the form stays where it is."""
    from smpolicy_desktop.model import Reviewer, Revision

    window.resize(900, 500)
    model.set_value(("company", "country"), "GB")
    model.set_value(("review", "reviewers"), [Reviewer(name=f"R{n}") for n in range(6)])
    model.set_value(("review", "revisions"), [Revision(version=v) for v in ("1.0", "1.1")])
    form = form_of(window, "review")
    table = form.editor(("review", "revisions"))
    qtbot.wait(50)  # the form laid out: its tables at the heights of their rows
    bottom = table.view.mapTo(form.widget(), QPoint(0, table.view.height())).y()
    room = form.viewport().height()
    form.verticalScrollBar().setValue(bottom - (room if table_at == "bottom" else room // 2))
    at = form.verticalScrollBar().value()
    assert in_view(form, table.view)
    box = type_on_date_cell(qtbot, table, "31/12/1850", "revised_on")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    message = form.rows["revisions"].message
    assert message.text().startswith("Not saved: the date 31 December 1850 is before 1900")
    if table_at == "bottom":
        qtbot.waitUntil(lambda: in_view(form, message))
        assert in_view(form, table.view.viewport())  # the cell typed in too
    else:
        qtbot.wait(50)  # a scroll would come once the form is laid out
        assert in_view(form, message) and form.verticalScrollBar().value() == at


def test_a_word_cut_short_in_a_table_cell_shows_whole_in_its_tooltip(qtbot, window, model):
    """"@northwindana..." in a narrow Official accounts column, and no way to read it but to
    open the cell (the tooltip showed a cell's text only over 30 characters)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    from smpolicy_desktop.model import OfficialAccount

    handle = "@northwind-analytics"
    model.set_value(("presence", "accounts"), [OfficialAccount(platform="X", handle=handle)])
    table = form_of(window, "presence").editor(("presence", "accounts"))
    column = next(i for i, q in enumerate(table.columns) if q.name == "handle")
    index = table.items.index(0, column)

    def tooltip_at_width(width: int) -> str:
        QToolTip.hideText()
        table.view.setFixedWidth(width)  # its columns share it
        qtbot.waitUntil(lambda: table.view.viewport().width() < width)
        place = table.view.visualRect(index).center()
        table.view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, place,
                                            table.view.viewport().mapToGlobal(place)))
        return QToolTip.text() if QToolTip.isVisible() else ""

    assert tooltip_at_width(240).startswith(handle)
    assert not tooltip_at_width(900).startswith(handle)


def _in_sight(form, widget, rect) -> bool:
    """Whether rect (in widget's coordinates) shows within the form's visible part."""
    seen = form.viewport().rect()
    top, bottom = (widget.mapTo(form.viewport(), point)
                   for point in (rect.topLeft(), rect.bottomLeft()))
    return seen.contains(top) and seen.contains(bottom)


def test_typing_and_new_rows_near_the_forms_bottom_stay_in_sight(qtbot, window, model):
    """At 1366x768, a multi-line answer near the form's bottom grew below its visible part as
    it was typed in, and a table's new row opened out of sight: the words went in unseen
    (found by a tester)."""
    window.resize(900, 420)
    form = form_of(window, "employees")
    box = next(form.editor(path) for path in form.fields()
               if form.editor(path).kind == "text")
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(12):
        qtbot.keyClicks(box, "One more line of the answer.")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert _in_sight(form, box, box.cursorRect())
    form = form_of(window, "responses")
    table = form.editor(("responses", "response_matrix"))
    form.verticalScrollBar().setValue(form.verticalScrollBar().maximum())
    table.view.setFocus()
    for _ in range(6):
        qtbot.keyClick(table.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    form.verticalScrollBar().setValue(form.verticalScrollBar().maximum())
    qtbot.keyClick(table.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert _in_sight(form, table.view.viewport(), table.view.visualRect(
        table.view.currentIndex()))
