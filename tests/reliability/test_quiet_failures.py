"""Failures that used to be quiet or odd now say what happened (issue 15, items 7, 10, 11).

A damaged template cache is rebuilt; a full disk during a Word export is one line; a
year-9999 date breaks nothing; a review date before the effective date is refused; one
right-to-left override in a name cannot reverse the policy's own sentences; the checker
process of a killed app ends without a word.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date

import pytest
from pydantic import ValidationError

from smpolicy_desktop.checks.policy_check import check_project
from smpolicy_desktop.dates import months_later, refuse_date_out_of_order, suggested_review_date
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project, save_project
from tests.conftest import EXAMPLE, REPO

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def run_cli(*args, env=None, code=None):
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "main.py", *args]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120,
                          env=env)


def test_a_truncated_template_cache_is_rebuilt(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    first = run_cli("export", str(EXAMPLE), "-o", str(tmp_path / "first.docx"), env=env)
    assert first.returncode == 0, first.stderr
    caches = list((tmp_path / "cache").rglob("*.cache"))
    assert caches
    for cache in caches:  # cut short, as a power cut could leave them: magic header kept
        cache.write_bytes(cache.read_bytes()[:20])
    shutil.rmtree(tmp_path / "cache" / "smpolicy" / "documents")  # so the policy is rendered
    again = run_cli("export", str(EXAMPLE), "-o", str(tmp_path / "again.docx"), env=env)
    assert again.returncode == 0 and again.stderr == ""
    with zipfile.ZipFile(tmp_path / "again.docx") as word:
        assert b"Northwind Analytics LLC" in word.read("word/document.xml")
    assert all(len(cache.read_bytes()) > 20 for cache in caches)  # written afresh


FULL_DISK = """
import errno, io, sys
from smpolicy_desktop import safe_write
class Full(io.FileIO):
    def write(self, data):
        if self.tell() + len(data) > 4096:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)
safe_write.os.fdopen = lambda fd, mode: Full(fd, "wb")
from smpolicy_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_during_a_word_export_is_one_line_and_no_traceback(tmp_path):
    run = run_cli("export", str(EXAMPLE), "-o", str(tmp_path / "policy.docx"), code=FULL_DISK)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "the disk is full" in run.stderr, run.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_year_9999_effective_date_with_no_review_date_breaks_nothing(tmp_path):
    project = load_project(EXAMPLE)
    project.company.effective_date = date(9999, 12, 31)
    project.review.next_review_date = None
    path = tmp_path / "far.smpolicy"
    save_project(project, path)
    run = run_cli("check", str(path))
    assert run.returncode == 0 and run.stderr == "", run.stderr
    findings = check_project(project)
    assert any(f.path == ("review", "next_review_date") for f in findings)
    assert months_later(date(9999, 6, 30), 12) is None
    assert months_later(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert months_later(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert months_later(date(2027, 12, 2), 12) == date(2028, 12, 2)


def test_the_suggested_review_date_is_the_effective_date_plus_the_cycle():
    project = load_project(EXAMPLE)
    project.company.effective_date = date(2026, 12, 2)
    project.review.review_cycle_months = 12
    assert suggested_review_date(project) == date(2027, 12, 2)
    project.company.effective_date = None
    assert suggested_review_date(project, today=date(2026, 3, 31)) == date(2027, 3, 31)


def test_a_review_date_before_the_effective_date_is_refused_with_a_message():
    project = load_project(EXAMPLE)
    project.company.effective_date = date(2026, 12, 2)
    with pytest.raises(ValidationError) as error:
        refuse_date_out_of_order(project, ("review", "next_review_date"), date(2026, 1, 2))
    assert "must come after the effective date (December 2, 2026)" in str(error.value)
    project.company.country = "GB"
    with pytest.raises(ValidationError) as error:
        refuse_date_out_of_order(project, ("review", "next_review_date"), date(2026, 1, 2))
    assert "must come after the effective date (2 December 2026)" in str(error.value)
    project.review.next_review_date = date(2027, 12, 2)
    with pytest.raises(ValidationError):
        refuse_date_out_of_order(project, ("company", "effective_date"), date(2028, 1, 1))
    refuse_date_out_of_order(project, ("review", "next_review_date"), date(2027, 1, 1))


def test_one_right_to_left_override_in_a_name_cannot_reverse_the_policy(tmp_path):
    project = load_project(EXAMPLE)
    project.company.name = "Evil\u202e Corp"
    project.company.owner_name = "Dana \u2067Reyes"
    document = render_document(project)
    text = "\n".join(block.text for block in document.blocks) + document.company + document.owner
    assert "Evil Corp" in text
    assert not any(control in text for control in BIDI_CONTROLS)
    path = tmp_path / "evil.smpolicy"
    save_project(project, path)
    run = run_cli("export", str(path), "-o", str(tmp_path / "evil.docx"))
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(tmp_path / "evil.docx") as word:
        xml = "".join(word.read(name).decode("utf-8") for name in word.namelist()
                      if name.endswith(".xml"))
    assert "Evil Corp" in xml and not any(control in xml for control in BIDI_CONTROLS)
    assert load_project(path).company.name == "Evil\u202e Corp"  # the answer itself is kept


# An app with a check under way in its checker process, killed: the stand-in for the window.
KILLED_APP = """
import sys, time
sys.path.insert(0, sys.argv[1])
from smpolicy_desktop import checking


def busy(flag):  # a check that takes a while
    open(flag, "w").close()
    time.sleep(5)


if __name__ == "__main__":
    checking._checker().apply_async(busy, (sys.argv[2],))
    while not __import__("os").path.exists(sys.argv[2]):
        time.sleep(0.05)
    print("checking", flush=True)
    time.sleep(60)
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_after_the_app_is_killed_its_checker_ends_without_a_word(tmp_path):
    """kill -9 of the window while the risk check ran: the checker process printed a
    BrokenPipe traceback (and Python a "leaked semaphore" warning) on the terminal."""
    script = tmp_path / "app.py"
    script.write_text(KILLED_APP)
    app = subprocess.Popen([sys.executable, str(script), str(REPO), str(tmp_path / "busy")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline() == "checking\n"
        app.kill()
        _, terminal = app.communicate(timeout=60)  # to its end: the checker's too
    finally:
        app.kill()
    assert terminal == ""
