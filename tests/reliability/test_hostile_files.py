"""Files that are not what their names say, given to the risk check or as counsel's reply: a
pipe, a folder, a zip bomb, hundreds of MB of text. Each is refused at once in one plain line,
without waiting or filling the memory, and the project is left as it was; text the check quotes
reaches the terminal without its control characters.
"""

from __future__ import annotations

import json
import os
import sys
import tracemalloc
import zipfile
import zlib

import pytest

from smpolicy_desktop.cli import main
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import save_project
from tests.odf_files import MIMETYPE, odt_of

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pipes are POSIX")


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    return err


def refused_within_30_mb(argv: list[str]) -> bool:
    """The command exits 2 (a user error) and its memory peaked under 30 MB."""
    tracemalloc.start()
    try:
        return main(argv) == 2 and tracemalloc.get_traced_memory()[1] < 30 * 2**20
    finally:
        tracemalloc.stop()


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "policy.smpolicy"
    save_project(Project(), path)
    return path


def commands(project_file, named):
    return {"check --document .txt": ["check", "--document", str(named("policy.txt"))],
            "check --document .docx": ["check", "--document", str(named("policy.docx"))],
            "check --document .odt": ["check", "--document", str(named("policy.odt"))],
            "check --document .pdf": ["check", "--document", str(named("policy.pdf"))],
            "check --text-file": ["check", "--text-file", str(named("rules.txt"))],
            "import-review": ["import-review", str(project_file), str(named("reply.docx"))]}


@posix_only
@pytest.mark.timeout(20)  # reading a pipe waits for a writer that never comes
@pytest.mark.parametrize("command", ["check --document .txt", "check --document .docx",
                                     "check --document .odt", "check --document .pdf",
                                     "check --text-file", "import-review"])
def test_a_pipe_given_as_a_policy_rules_or_reply_is_refused_without_waiting(
        tmp_path, capsys, project_file, command):
    def pipe(name):
        os.mkfifo(tmp_path / name)
        return tmp_path / name

    before = project_file.read_bytes()
    assert main(commands(project_file, pipe)[command]) == 2
    assert "a pipe" in one_line_error(capsys)
    assert project_file.read_bytes() == before


@pytest.mark.parametrize("command", ["check --document .txt", "check --document .docx",
                                     "check --document .odt", "check --text-file",
                                     "import-review"])
def test_a_folder_given_as_a_policy_rules_or_reply_is_called_a_folder(tmp_path, capsys,
                                                                      project_file, command):
    def folder(name):
        (tmp_path / name).mkdir()
        return tmp_path / name

    assert main(commands(project_file, folder)[command]) == 2
    assert "is a folder" in one_line_error(capsys)


@pytest.mark.parametrize("option, name", [("--text-file", "rules.txt"),
                                          ("--document", "policy.md")])
def test_hundreds_of_megabytes_of_text_are_refused_before_they_are_read(tmp_path, capsys,
                                                                        option, name):
    huge = tmp_path / name
    with huge.open("wb") as sparse:
        sparse.truncate(300 * 2**20)
    assert refused_within_30_mb(["check", option, str(huge)])
    assert "too long for one policy" in one_line_error(capsys)


def test_a_text_file_of_rules_longer_than_200_pages_is_refused_as_a_document_is(tmp_path,
                                                                                capsys):
    rules = tmp_path / "rules.txt"
    rules.write_text("Be kind to each other online.\n" * 25_000, encoding="utf-8")  # 250 pages
    assert main(["check", "--text-file", str(rules)]) == 2
    assert "the check reads up to 200 pages" in one_line_error(capsys)


@pytest.mark.parametrize("name, part, kind", [
    ("policy.docx", "word/document.xml", "Word file"),
    ("policy.odt", "content.xml", "OpenDocument file")])
def test_a_word_or_odf_file_that_inflates_to_gigabytes_is_refused_before_it_is_unpacked(
        tmp_path, capsys, name, part, kind):
    bomb = tmp_path / name
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("mimetype", MIMETYPE)
        with archive.open(part, "w", force_zip64=True) as unpacked:
            for _ in range(16):
                unpacked.write(b" " * 2**24)  # 256 MB of spaces in about 250 KB
    assert refused_within_30_mb(["check", "--document", str(bomb)])
    assert f"the {kind} is too large to read (256 MB unpacked" in one_line_error(capsys)


def test_an_odt_policy_with_its_text_cut_short_is_called_damaged(tmp_path, capsys):
    whole = odt_of(tmp_path / "whole.odt", [("p", "Never discuss your salary.")] * 20)
    damaged = tmp_path / "damaged.odt"
    with zipfile.ZipFile(whole) as archive, zipfile.ZipFile(damaged, "w") as cut:
        for info in archive.infolist():
            data = archive.read(info)
            cut.writestr(info, data[:len(data) // 2] if info.filename == "content.xml" else data)
    assert main(["check", "--document", str(damaged)]) == 2
    assert "the file is damaged" in one_line_error(capsys)


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_word_policy_with_a_part_cut_short_is_called_damaged(tmp_path, capsys, part):
    """Checked, a Word file with a part cut in half gave a traceback (lxml's), and the window
    said "The check failed; try again" (found by a tester)."""
    project = tmp_path / "p.smpolicy"
    save_project(Project(), project)
    assert main(["export", str(project), "-o", str(tmp_path / "whole.docx")]) == 0
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(tmp_path / "whole.docx") as whole, \
            zipfile.ZipFile(damaged, "w") as cut:
        for info in whole.infolist():
            data = whole.read(info)
            cut.writestr(info, data[:len(data) // 2] if info.filename == part else data)
    capsys.readouterr()
    assert main(["check", "--document", str(damaged)]) == 2
    assert "the Word file is damaged" in one_line_error(capsys)


@pytest.mark.slow
def test_control_characters_in_checked_text_reach_the_terminal_as_visible_codes(tmp_path,
                                                                                capsys):
    rules = tmp_path / "rules.txt"
    rules.write_text("Never criticise \x1b]0;owned\x07the company\x1b[2J \u202eonline.\x9b\n",
                     encoding="utf-8")
    assert main(["check", "--text-file", str(rules)]) == 1
    out = capsys.readouterr().out
    assert "nlra.disparagement" in out
    assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    assert r'Text: "Never criticise \x1b]0;owned\x07the company\x1b[2J \u202eonline.\x9b"' in out


def test_control_characters_in_checked_text_reach_the_terminal_escaped_in_json_too(tmp_path,
                                                                                   capsys):
    """--json prints what the text output escapes as JSON escapes (\\u202e), never raw, and
    a JSON reader still gets the text exactly as it was written."""
    rule = "Never criticise \x1b]0;owned\x07the company \u202eonline.\x9b \u2066caf\u00e9"
    rules = tmp_path / "rules.txt"
    rules.write_text(rule + "\n", encoding="utf-8")
    for command in (["--text-file", str(rules)], ["--document", str(rules)]):
        assert main(["check", *command, "--json"]) == 1
        out = capsys.readouterr().out
        assert not any(c in out for c in "\x1b\x07\x9b\u202e\u2066")
        assert r"\u202eonline.\u009b \u2066" + "caf\u00e9" in out  # é shown as typed
        found = json.loads(out.splitlines()[0]) if command[0] == "--text-file" else \
            json.loads(out)
        assert found["findings"][0]["excerpt"] == rule


@pytest.mark.parametrize("unseen", ["\u200e", "\u200f", "\u200b", "\ufeff", "\u00ad",
                                    "\u2060", "\u2066", "\u202a", "\U000e0041"])
def test_invisible_format_characters_in_checked_text_are_shown_as_codes(tmp_path, capsys,
                                                                        unseen):
    """Direction marks, zero-width spaces, soft hyphens and tags are shown as their codes in
    text and JSON alike, so a rule never reads otherwise than it is; a joined emoji stays."""
    rule = f"Never criticise the{unseen} company online \U0001F468\u200d\U0001F469."
    rules = tmp_path / "rules.txt"
    rules.write_text(rule + "\n", encoding="utf-8")
    assert main(["check", "--text-file", str(rules)]) == 1
    out = capsys.readouterr().out
    code = unseen.encode("unicode_escape").decode()
    assert unseen not in out and f"the{code} company" in out
    assert "\U0001F468\u200d\U0001F469" in out
    assert main(["check", "--text-file", str(rules), "--json"]) == 1
    out = capsys.readouterr().out
    assert unseen not in out and "the\\u" in out
    excerpt = json.loads(out.splitlines()[0])["findings"][0]["excerpt"]
    assert excerpt == rule


def test_an_error_naming_a_file_with_control_characters_stays_one_plain_line(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "new\nline\x1b[2J.smpolicy")]) == 2
    err = one_line_error(capsys)
    assert "\x1b" not in err and r"new\x0aline\x1b[2J.smpolicy: the file does not exist" in err


def test_a_file_name_with_control_characters_is_printed_as_codes_when_it_works_too(tmp_path,
                                                                                    capsys):
    """"Created", "OK", "Wrote": the lines a command prints when it succeeds name the file as
    its errors do, each control or direction character as its code, never raw."""
    project = tmp_path / "new\u202eline\x1b[2J.smpolicy"
    assert main(["new", "--preset", "general_b2b", "-o", str(project)]) == 0
    assert main(["validate", str(project)]) == 0
    assert main(["export", str(project), "-o", str(tmp_path / "out\u202e.docx")]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in "\x1b\u202e")
    assert r"new\u202eline\x1b[2J.smpolicy" in out and r"out\u202e.docx" in out


def plain_pdf(path, text: bytes, pages: int = 1, padding: int = 0) -> None:
    """A PDF whose every page shows `text`, its content stream padded with `padding` spaces
    (a few KB on disk that unpack to that many bytes)."""
    stream = zlib.compress(b"BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET" + b" " * padding)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
                   pages, b" ".join(b"3 0 R" for _ in range(pages))),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
               b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream),
                                                                                  stream)]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    path.write_bytes(data + b"xref\n0 5\n0000000000 65535 f \n%strailer\n<< /Size 5 /Root 1 0 R "
                     b">>\nstartxref\n%d\n%%%%EOF\n" % (table, len(data)))


def test_a_pdf_policy_is_read_and_one_that_unpacks_to_gigabytes_or_has_thousands_of_pages_is_not(
        tmp_path, capsys):
    plain_pdf(tmp_path / "policy.pdf", b"Never criticise the company online.")
    assert main(["check", "--document", str(tmp_path / "policy.pdf")]) == 1
    assert "Never criticise the company online." in capsys.readouterr().out
    plain_pdf(tmp_path / "bomb.pdf", b"Be kind.", padding=100 * 2**20)  # 100 KB on disk
    assert main(["check", "--document", str(tmp_path / "bomb.pdf")]) == 2
    assert "bomb.pdf: part of the PDF unpacks to too much data to read" in one_line_error(capsys)
    plain_pdf(tmp_path / "long.pdf", b"Be kind.", pages=5_000)
    assert main(["check", "--document", str(tmp_path / "long.pdf")]) == 2
    assert ("long.pdf: 5000 pages, too long for one policy; the check reads up to 200 pages"
            in one_line_error(capsys))
