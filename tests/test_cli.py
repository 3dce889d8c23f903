"""The command line as a user types it: presets, new, validate, export, and its errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime

import pytest

from smpolicy_desktop.cli import main
from smpolicy_desktop.model import Project
from smpolicy_desktop.presets import presets
from smpolicy_desktop.storage import load_project, save_project
from tests.conftest import EXAMPLE, REPO


def smpolicy(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd)


def test_presets_lists_each_preset_name_first_then_a_description():
    result = smpolicy("presets")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(presets())
    assert all(len(line.split(maxsplit=1)[1]) > 10 for line in lines)


def test_new_creates_exactly_that_file_from_the_preset(tmp_path):
    target = tmp_path / "ours.smpolicy"
    result = smpolicy("new", "--preset", "general_b2b", "-o", target)
    assert result.returncode == 0, result.stderr
    made = load_project(target)
    assert made.history  # where its versions are kept, whatever becomes of the file
    assert made.model_copy(update={"history": ""}) == presets()["general_b2b"].project()
    assert [p.name for p in tmp_path.iterdir()] == ["ours.smpolicy"]


def test_new_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "ours.smpolicy"
    target.write_text("precious")
    result = smpolicy("new", "-o", target)
    assert result.returncode == 2
    assert "already exists" in result.stderr and len(result.stderr.splitlines()) == 1
    assert target.read_text() == "precious"
    assert smpolicy("new", "-o", target, "--force").returncode == 0
    load_project(target)


def test_validate_accepts_the_example_and_rejects_a_foreign_file(tmp_path):
    assert smpolicy("validate", EXAMPLE).returncode == 0
    foreign = tmp_path / "package.json"
    foreign.write_text('{"name": "left-pad"}')
    result = smpolicy("validate", foreign)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {foreign}: this is not an smpolicy project file"]


@pytest.mark.parametrize("args", [["export", "missing.smpolicy", "-o", "x.docx"],
                                  ["new", "--preset", "no-such-preset", "-o", "x.smpolicy"],
                                  ["export"], ["frobnicate", "now"]])
def test_user_errors_are_one_line_and_exit_2_without_traceback(tmp_path, args):
    result = smpolicy(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt, check", [("html", "<h1>"), ("md", "# Social Media Policy")])
def test_export_writes_the_format_asked_for(tmp_path, fmt, check):
    out = tmp_path / "policy.out"
    result = smpolicy("export", EXAMPLE, "-o", out, "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert check in out.read_text(encoding="utf-8")


def test_export_to_a_dash_says_to_name_a_file_and_writes_none(tmp_path):
    """'-o -' wrote a Word file named '-' in the current folder, and said "Wrote -"."""
    result = smpolicy("export", EXAMPLE, "-o", "-", "--format", "md", cwd=tmp_path)
    assert result.returncode != 0 and not (tmp_path / "-").exists()
    assert "-o names the file to write (such as -o policy.docx)" in result.stderr


def test_version_flag():
    result = smpolicy("--version")
    assert result.returncode == 0 and result.stdout.startswith("smpolicy ")


@pytest.mark.parametrize("content", [
    b'{"format": "smpolicy-project", "schema_version": 99, "project": {}}',  # newer
    b'{"format": "smpolicy-project", "schema_version": 2, "proj',            # broken
    b'<?xml version="1.0"?><w:document/>',                                   # foreign
    b"",                                                                     # empty
], ids=["newer", "broken", "foreign", "empty"])
@pytest.mark.parametrize("command", ["validate", "export"])
def test_bad_files_exit_2_with_one_line_and_stay_byte_for_byte(tmp_path, content, command):
    bad = tmp_path / "bad.smpolicy"
    bad.write_bytes(content)
    extra = ["-o", tmp_path / "out.docx"] if command == "export" else []
    result = smpolicy(command, bad, *extra)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and str(bad) in result.stderr
    assert bad.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.smpolicy"]


def test_export_remember_on_a_read_only_project_says_the_word_file_was_written(tmp_path):
    project = tmp_path / "policy.smpolicy"
    project.write_bytes(EXAMPLE.read_bytes())
    project.chmod(0o444)
    result = smpolicy("export", str(project), "-o", str(tmp_path / "sent.docx"), "--remember")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: wrote {tmp_path / 'sent.docx'}, but it is not "
                                    "recorded as sent to counsel: ")
    assert "read-only" in result.stderr and result.stderr.count("\n") == 1
    assert (tmp_path / "sent.docx").is_file()
    assert project.read_bytes() == EXAMPLE.read_bytes()


def test_a_project_written_while_open_in_a_window_says_so(tmp_path):
    from smpolicy_desktop.file_watch import OpenLock

    project = tmp_path / "policy.smpolicy"
    project.write_bytes(EXAMPLE.read_bytes())
    window = OpenLock(project)  # as a window holds it while the project is open there
    assert window.acquire()
    try:
        result = smpolicy("export", str(project), "-o", str(tmp_path / "sent.docx"),
                          "--remember")
    finally:
        window.release()
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"note: {project} is open in a window (")
    assert result.stderr.endswith("that window will ask before saving over this change\n")


@pytest.mark.parametrize("country", ["US", "GB"])
def test_the_note_on_a_window_with_the_file_open_gives_the_date_as_the_window_does(
        tmp_path, country):
    """The note is the app's own words, not the policy's: "3 December 2026, 09:12" for every
    project, as the window's "Open elsewhere" box says it (a US project's note said
    "December 3, 2026")."""
    from smpolicy_desktop.file_watch import OpenLock, lock_path

    project = tmp_path / "policy.smpolicy"
    save_project(Project(company={"country": country}), project)
    window = OpenLock(project)
    assert window.acquire()
    try:
        since = datetime.fromisoformat(json.loads(lock_path(project).read_text())["since"])
        result = smpolicy("export", str(project), "-o", str(tmp_path / "sent.docx"),
                          "--remember")
    finally:
        window.release()
    assert f" since {since.day} {since:%B} {since.year}, {since:%H:%M});" in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback():
    """`smpolicy presets | head -1`: the reader closes the pipe before the list is written,
    and the command stops without a traceback."""
    child = subprocess.Popen([sys.executable, str(REPO / "main.py"), "presets"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    child.stdout.close()  # before the child writes a word
    errors = child.stderr.read()
    child.wait(timeout=120)
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors


@pytest.mark.parametrize("name", ["", "-"])
def test_new_without_a_name_says_what_to_give(tmp_path, capsys, monkeypatch, name):
    """`new -o ""` made a hidden "..smpolicy", `new -o -` a file "-.smpolicy" (found by
    testers)."""
    monkeypatch.chdir(tmp_path)
    assert main(["new", "-o", name]) == 2
    assert "-o names the new project file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("given", "said"), [
    (["--country", "UK"], "not an ISO country code such as US; United Kingdom's is GB"),
    (["--country", "canada"], "Canada's is CA"),
    (["--country", "GB", "--state", "CA-ON"], "--state CA-ON is not in --country GB"),
    (["--country", "DE", "--state", "DE-BY"],
     "--state DE-BY: the app has no rules for regions of Germany; leave --state out"),
    (["--state", "NZ-AUK"], "no rules for regions of New Zealand; leave --state out"),
    (["--country", "CA", "--state", "QC"], "--state QC: give its ISO code: Quebec's is CA-QC"),
    (["--country", "England"], "England is in the United Kingdom: give --country GB --state "
                               "GB-ENG"),
    (["--country", "GB", "--state", "GB-LND"],
     "not a region of the United Kingdom that the app knows (GB-ENG, GB-NIR, GB-SCT, GB-WLS)")])
def test_a_country_the_check_does_not_know_is_named_by_its_code(tmp_path, capsys, given, said):
    """A UK owner's --country UK was refused without a hint, and a Canadian province in the
    UK was taken; Bavaria's real ISO code DE-BY was "not an ISO region code", and "QC" and
    "England" got no hint (found by testers)."""
    rules = tmp_path / "rules.txt"
    rules.write_text("Be kind online.\n", encoding="utf-8")
    assert main(["check", "--text-file", str(rules), *given]) == 2
    assert said in capsys.readouterr().err


def test_new_starts_a_business_outside_the_us_with_its_country(tmp_path, capsys):
    """Every new project from the command line was a US one (found by a tester)."""
    assert main(["new", "--country", "GB", "--state", "GB-SCT", "-o",
                 str(tmp_path / "uk")]) == 0
    company = load_project(tmp_path / "uk.smpolicy").company
    assert (company.country, company.state) == ("GB", "GB-SCT")
    assert main(["new", "--state", "CA-ON", "-o", str(tmp_path / "on")]) == 0
    assert load_project(tmp_path / "on.smpolicy").company.country == "CA"
    capsys.readouterr()
    assert main(["new", "--country", "UK", "-o", str(tmp_path / "x")]) == 2
    assert "United Kingdom's is GB" in capsys.readouterr().err
    assert main(["new", "--country", "IN", "--state", "IN-MH", "-o", str(tmp_path / "x")]) == 2
    assert "no rules for regions of India; leave --state out" in capsys.readouterr().err


@pytest.mark.parametrize("word", ["help", "Presets", "/?"])
def test_a_mistyped_command_is_refused_in_a_line_not_opened_as_a_window(word):
    """`smpolicy help` under cron aborted in Qt (no display) with advice to reinstall; with a
    display it opened the window and a modal error, and the script hung (found by a
    tester)."""
    result = subprocess.run([sys.executable, str(REPO / "main.py"), word], capture_output=True,
                            text=True, timeout=120, env=_without_display())
    assert result.returncode == 2 and f"invalid choice: '{word}'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_the_window_without_a_display_says_so_in_a_line(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "main.py"), EXAMPLE],
                            capture_output=True, text=True, timeout=120, env=_without_display())
    assert result.returncode == 2 and result.stderr.startswith(
        "smpolicy cannot open its window: there is no display here")


def _without_display() -> dict[str, str]:
    return {name: value for name, value in os.environ.items()
            if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_command_stopped_midway_says_so_and_leaves_no_temporary_file(tmp_path, signum):
    """Ctrl+C printed a twenty-line traceback; `timeout` (SIGTERM) during an export left a
    hidden temporary file beside it (found by a tester). The signal comes as the export's
    file is being made safe on disk, its temporary copy written."""
    out = tmp_path / "out.docx"
    child = f"""
import os, sys
sys.path.insert(0, {str(REPO)!r})
import main
real_fsync = os.fsync
def fsync(fd):
    os.kill(os.getpid(), {int(signum)})
    real_fsync(fd)
os.fsync = fsync
sys.argv = ["main.py", "export", {str(EXAMPLE)!r}, "-o", {str(out)!r}]
sys.exit(main.main())
"""
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 130, result.stderr
    assert result.stderr == "error: stopped before it finished; any file it was writing is " \
        "as it was\n"
    assert list(tmp_path.iterdir()) == []


def test_a_file_name_the_console_cannot_show_is_escaped_not_a_traceback(tmp_path):
    """On Windows, output to a pipe or file is in the console's code page: a Polish or Chinese
    file name raised UnicodeEncodeError after the export was written (found by a tester)."""
    project = tmp_path / "polityka \u0142 \u653f\u7b56.smpolicy"
    save_project(load_project(EXAMPLE), project)
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "validate", project],
                            capture_output=True, timeout=120,
                            env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("cp1252").endswith(
        "polityka \\u0142 \\u653f\\u7b56.smpolicy: OK\n")
