"""The project file: saving keeps a backup and loses nothing; bad files are refused plainly."""

import json

import pytest

from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import (
    FORMAT,
    SCHEMA_VERSION,
    ProjectFileError,
    backup_path,
    load_project,
    save_project,
)


def test_saved_project_reopens_with_every_answer(tmp_path):
    project = Project()
    project.company.name = "Acme"
    project.presence.goals = ["Win clients", "Hire"]
    path = tmp_path / "acme.smpolicy"
    save_project(project, path)
    assert load_project(path) == project


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_project_an_editor_saved_as_unicode_opens_and_is_saved_back_as_utf8(tmp_path,
                                                                              encoding):
    """Notepad's "Unicode" is UTF-16 with a byte order mark; the answers come through whole."""
    path = tmp_path / "acme.smpolicy"
    save_project(Project(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["project"]["company"]["name"] = "Café Ünal — 北京"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding=encoding)
    project = load_project(path)
    assert project.company.name == "Café Ünal — 北京"
    save_project(project, path)
    assert "Café Ünal — 北京" in path.read_bytes().decode("utf-8")


def test_saving_over_a_file_keeps_the_previous_one_as_backup(tmp_path):
    path = tmp_path / "acme.smpolicy"
    first, second = Project(), Project()
    first.company.name, second.company.name = "First", "Second"
    save_project(first, path)
    save_project(second, path)
    assert load_project(path).company.name == "Second"
    assert load_project(backup_path(path)).company.name == "First"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.smpolicy", "acme.smpolicy.bak"]


def test_schema_1_file_with_list_answers_as_text_is_migrated(tmp_path):
    path = tmp_path / "old.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 1, "project": {
        "company": {"name": "Old Co"}, "presence": {"goals": "Win clients\n\n  Hire  \n"}}}))
    before = path.read_bytes()
    project = load_project(path)
    assert project.company.name == "Old Co"
    assert project.presence.goals == ["Win clients", "Hire"]
    assert path.read_bytes() == before


def test_a_schema_4_file_opens_and_a_redline_record_is_saved_as_a_newer_schema(tmp_path):
    """A redline sent to counsel is recorded with the version it compares with (schema 5): a
    schema 4 file opens as it was, and once saved again it says 5 or later, so an older app
    that cannot read the record says the file is newer instead of calling it damaged."""
    path = tmp_path / "four.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 4, "project": {
        "company": {"name": "Four Co", "country": "GB"}}}))
    project = load_project(path)
    assert (project.company.name, project.company.country) == ("Four Co", "GB")
    save_project(project, path)
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION


def test_a_schema_5_comment_on_one_clause_opens_as_it_was(tmp_path):
    """Schema 6 records the further clauses a comment of counsel's spans (also_clauses); a
    schema 5 file's comment covers its one clause."""
    path = tmp_path / "five.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 5, "project": {
        "counsel_comments": [{"id": "c1", "clause_id": "voice.media", "text": "Fine."}]}}))
    comment, = load_project(path).counsel_comments
    assert comment.clauses == ("voice.media",)


@pytest.mark.parametrize("content, reason", [
    (b'{"format": "smpolicy-project", "schema_version": 99, "project": {}}', "newer version"),
    (b'{"format": "smpolicy-project", "schema_v', "damaged: it stops part-way"),
    (b'{"format": "smpolicy-project" "schema_version": 4}', "damaged or is not a project file"),
    (b'{"name": "a package.json"}', "not an smpolicy project file"),
    (b"\xef\xbb\xbf{\xff garbage", "not valid UTF-8"),
    (b"\xff\xfe\x00\xd8garbage", "not valid UTF-16"),
    (b'{"format": "smpolicy-project", "schema_version": 2, "project": '
     b'{"company": {"staff_count": -3}}}', "Company > Number of staff"),
    (b'{"format": "smpolicy-project", "schema_version": 6, "project": '
     b'{"company": {"staff_count": true}}}', "Company > Number of staff"),
    (b'{"format": "smpolicy-project", "schema_version": 6, "project": '
     b'{"review": {"review_cycle_months": "12"}}}', "Review and sign-off > Review every"),
    (b'{"format": "smpolicy-project", "format": "x", "schema_version": 2}', "appears twice"),
    (b'{"format": "smpolicy-project", "schema_version": 6, "project": '
     b'{"company": {"effective_date": "31/12/2026"}}}',
     "Company > Effective date: the answer should be a date written as 2026-12-31"),
    (b'{"format": "smpolicy-project", "schema_version": 6, "project": '
     b'{"company": {"effective_date": "2026-02-30"}}}', "a date written as 2026-12-31"),
    (b'{"format": "smpolicy-project", "schema_version": 6, "project": {}}\ngarbage',
     "the file is damaged: it has more text after the project's end (line 2, column 1)"),
    # read, it was dropped without a word at the next save
    (b'{"format": "smpolicy-project", "schema_version": 6, "project": {}, "notes": "mine"}',
     "'notes': this entry of the file is unknown to this version of smpolicy"),
])
def test_bad_file_is_refused_with_a_plain_reason_and_left_untouched(tmp_path, content, reason):
    path = tmp_path / "bad.smpolicy"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError) as error:
        load_project(path)
    assert reason in str(error.value)
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)
    assert "JSON" not in error.value.reason and "Expecting" not in error.value.reason
    assert path.read_bytes() == content


@pytest.mark.parametrize("content, reason", [
    (b"PK\x03\x04 a .docx renamed", "this is a Word document or another zipped file, not an "
                                     "smpolicy project file"),
    (b"%PDF-1.7 a policy saved as PDF", "this is a PDF document, not an smpolicy project file"),
    (b'{"format": "smpolicy-project", "schema_version": ' + b"9" * 4000 + b', "project": {}}',
     "the file is damaged: it holds a number 4000 digits long, which no answer is"),
    (b'{"format": "smpolicy-project", "schema_version": ' + b"9" * 20 + b', "project": {}}',
     "the file has no valid schema_version"),
    (b'{"format": "smpolicy-project", "schema_version": 4, "project": {"company": '
     b'{"staff_count": ' + b"9" * 5000 + b"}}}",
     "the file is damaged: it holds a number 5000 digits long, which no answer is"),
    (b'{"format": "smpolicy-project", "schema_version": 4, "project": {"company": {"na',
     "the file is damaged: it stops part-way, as if cut short (line 1"),
    (b"", "the file is empty"),
    (b" \r\n\t\n", "the file is empty"),
])
def test_a_file_of_another_kind_or_cut_short_is_named_in_plain_short_words(tmp_path, content,
                                                                          reason):
    path = tmp_path / "bad.smpolicy"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError) as error:
        load_project(path)
    assert error.value.reason.startswith(reason)
    assert len(error.value.reason) <= 150
    assert "sys." not in error.value.reason and "\n" not in error.value.reason


def test_current_files_say_their_format_and_version(tmp_path):
    path = tmp_path / "p.smpolicy"
    save_project(Project(), path)
    data = json.loads(path.read_text())
    assert (data["format"], data["schema_version"]) == (FORMAT, SCHEMA_VERSION)


def test_a_failure_reading_another_file_is_not_blamed_on_the_target(tmp_path):
    from smpolicy_desktop.safe_write import write_atomically

    def write(handle):
        (tmp_path / "missing-template.docx").read_bytes()

    with pytest.raises(FileNotFoundError) as error:
        write_atomically(tmp_path / "out.docx", write)
    assert "missing-template" in str(error.value)
    assert list(tmp_path.iterdir()) == []
