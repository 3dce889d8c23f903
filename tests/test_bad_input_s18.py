"""Bad input as a careless owner or a hand-edited file gives it: a plain message, no traceback,
and nothing on disk changed or made under a misleading name."""

import json
import zipfile

import docx
import pytest

from smpolicy_desktop.storage import FORMAT, ProjectFileError, load_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import EXAMPLE
from tests.test_cli import smpolicy


@pytest.mark.parametrize("version", [1, 2, 3])
@pytest.mark.parametrize("country", [["United States"], {"name": "United States"}])
def test_an_old_file_whose_country_is_not_text_is_refused_plainly(tmp_path, version, country):
    """Schema 3 and before kept the country as typed text; a list or an object there (a file
    edited by hand, or by another tool) raised TypeError: unhashable type, a traceback."""
    path = tmp_path / "old.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": version, "project": {
        "company": {"name": "Old Co", "country": country, "state": "Ohio"}}}))
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as error:
        load_project(path)
    assert error.value.reason.startswith("Company > Country: ")
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["policy.pdf", "policy.txt", "policy.doc"])
def test_an_export_named_for_a_format_it_is_not_is_refused(tmp_path, name):
    """`smpolicy export p.smpolicy -o policy.pdf` said "Wrote policy.pdf" and wrote a Word
    file under that name, which a PDF reader calls damaged. An extension that names no format
    here is refused, saying which formats there are; nothing is written."""
    result = smpolicy("export", EXAMPLE, "-o", tmp_path / name)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / name}: there is no export format for {name[6:]} files here; "
        "name the file .docx, .html or .md, or choose one with --format"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["policy", "Northwind Inc. policy", "policy.2026 draft"])
def test_an_export_named_without_an_extension_is_still_word(tmp_path, name):
    """A dot in a name ("Inc. policy") is no extension: such a name was refused as a ". policy"
    file."""
    assert smpolicy("export", EXAMPLE, "-o", tmp_path / name).returncode == 0
    assert (tmp_path / name).read_bytes().startswith(b"PK\x03\x04")


def test_a_rule_of_the_owners_with_an_odd_number_does_not_stop_the_next_one(tmp_path):
    """A file (edited by hand) holding a rule of the owner's with the id "own.²" or "own."
    and 5,000 digits opened, but adding the next rule (or accepting a new clause from
    counsel's reply) raised ValueError: "²" is a digit to str.isdigit yet no number to
    int, and int reads no more than 4,300 digits."""
    path = tmp_path / "own.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": 7, "project": {
        "owner_clauses": [{"id": odd, "section_id": "purpose"}
                          for odd in ("own.\u00b2", "own." + "9" * 5000, "own.2")]}}))
    assert load_project(path).new_owner_clause_id() == "own.3"


def redline_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def test_a_version_number_pasted_with_a_word_line_break_still_makes_a_redline(tmp_path):
    """Word puts \\x0b on the clipboard for a line break (Shift+Enter). A version number pasted
    with it was recorded as typed in the version sent to counsel, and the next "changes for
    counsel" export, whose first line names that version, failed with lxml's ValueError
    ("All strings must be XML compatible"): a traceback, and no redline."""
    workspace = Workspace(load_project(EXAMPLE))
    workspace.set_value(("company", "version"), "2.0\x0b")
    workspace.save(tmp_path / "policy.smpolicy")
    workspace.export(tmp_path / "sent.docx", remember=True)
    workspace.set_value(("company", "name"), "Renamed Co")
    redline = workspace.export(tmp_path / "changes.docx", changes_since_last=True)
    assert "Changes since version 2.0, sent to counsel on " in redline_text(redline)


def test_a_word_line_break_is_a_line_break_in_a_multi_line_answer_and_a_space_elsewhere(
        tmp_path):
    """Text pasted from Word holds U+000B for a manual line break: the answer kept it, the
    preview and every export left it out, running "interest" and "to" together, while the risk
    check read it as a line break (found by a tester). The other line breaks but "\\n" (the
    Unicode line separator...) go the same way, typed or read from a file."""
    workspace = Workspace(load_project(EXAMPLE))
    workspace.set_value(("employees", "recruiting_posts"), "Send interest\x0bto hr@x.example")
    workspace.set_value(("company", "name"), "Acme\x0bWidgets")
    workspace.set_value(("presence", "goals"), ["Hire\u2028people"])
    project = workspace.project
    assert project.employees.recruiting_posts == "Send interest\nto hr@x.example"
    assert (project.company.name, project.presence.goals) == ("Acme Widgets", ["Hire people"])
    text = workspace.export(tmp_path / "policy.md").read_text(encoding="utf-8")
    assert "Send interest" in text and "interestto" not in text
    assert "Acme Widgets" in text and "Hire people" in text
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["project"]["company"]["name"] = "Acme\x0bWidgets"
    path = tmp_path / "policy.smpolicy"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).company.name == "Acme Widgets"


def test_a_version_sent_with_control_characters_in_the_file_still_makes_a_redline(tmp_path):
    """A version sent to counsel as a hand-edited file records it, with a control character in
    its label and in a paragraph: export --changes-since-last wrote a traceback, no file."""
    data = json.loads(EXAMPLE.read_text())
    data["project"]["sent_versions"] = [{
        "id": "v1", "sent_on": "2026-01-05T09:00:00", "label": "Sent\x07 to counsel",
        "paragraphs": ["An old\x01 paragraph"], "clause_ids": ["purpose"],
        "styles": ["paragraph"]}]
    path = tmp_path / "policy.smpolicy"
    path.write_text(json.dumps(data))
    result = smpolicy("export", path, "-o", tmp_path / "changes.docx", "--changes-since-last")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "changes.docx") as word:  # deleted: in w:delText
        assert "An old paragraph" in word.read("word/document.xml").decode()


def test_new_named_like_a_word_file_makes_a_project_file_beside_it(tmp_path):
    """`smpolicy new -o policy.docx --force` wrote the project (JSON) under that name, over a
    Word file there: Word then calls it damaged. The window adds .smpolicy to a name without
    it (project_file_name), and the command line now does the same."""
    word = tmp_path / "policy.docx"
    word.write_bytes(b"PK\x03\x04 the owner's Word file")
    result = smpolicy("new", "-o", word, "--force")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Created {tmp_path / 'policy.docx.smpolicy'} from ")
    assert word.read_bytes() == b"PK\x03\x04 the owner's Word file"
    load_project(tmp_path / "policy.docx.smpolicy")


def test_an_export_named_for_another_format_than_the_one_asked_for_is_refused(tmp_path):
    """`--format md -o policy.docx` wrote Markdown under a Word file's name; Word then called
    it damaged."""
    result = smpolicy("export", EXAMPLE, "-o", tmp_path / "policy.docx", "--format", "md")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'policy.docx'}: the name ends in .docx, but the format asked for "
        "is md; name the file .md"]
    assert list(tmp_path.iterdir()) == []


def test_a_version_sent_with_an_odd_number_does_not_stop_the_next_one(tmp_path):
    """As for the owner's rules: a version sent to counsel recorded (by hand) as "v\u00b2" or
    "v" and 5,000 digits opened, but the next Send to counsel raised ValueError."""
    data = json.loads(EXAMPLE.read_text())
    data["project"]["sent_versions"] = [{"id": odd, "sent_on": "2026-01-05T09:00:00"}
                                        for odd in ("v\u00b2", "v" + "9" * 5000, "v2")]
    path = tmp_path / "policy.smpolicy"
    path.write_text(json.dumps(data))
    workspace = Workspace.open(path)
    workspace.export(tmp_path / "sent.docx", remember=True)
    assert workspace.project.sent_versions[-1].id == "v3"
