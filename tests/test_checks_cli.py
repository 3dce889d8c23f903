"""`smpolicy check` as a user types it: findings for a project file or for a text file of
rules, as text or JSON; exit 0 when the check ran, 2 with one line on stderr otherwise.
"""

from __future__ import annotations

import json

from smpolicy_desktop.cli import main
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import save_project


def risky_project_file(tmp_path):
    project = Project()
    project.employees.confidential_info = ["Client files", "Salary information"]
    path = tmp_path / "risky.smpolicy"
    save_project(project, path)
    return path


def test_check_prints_clause_severity_reason_and_safer_wording(tmp_path, capsys):
    assert main(["check", str(risky_project_file(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "[error]" in out and "employees" in out
    assert '"Salary information"' in out
    assert "Why: Employees have a legal right" in out
    assert "Safer wording: " in out
    assert "Field: employees > confidential_info > 1" in out


def test_check_json_lists_every_finding_with_its_field_path(tmp_path, capsys):
    assert main(["check", "--json", str(risky_project_file(tmp_path))]) == 0
    findings = json.loads(capsys.readouterr().out)
    flagged = [f for f in findings if f["severity"] == "error"]
    assert flagged[0]["path"] == ["employees", "confidential_info", 1]
    assert {"rule", "clause_id", "reason", "authority", "suggestion"} <= set(flagged[0])


def test_a_clean_project_exits_zero_and_says_so(tmp_path, capsys):
    path = tmp_path / "clean.smpolicy"
    project = Project()
    save_project(project, path)
    assert main(["check", str(path)]) == 0
    assert "[warning]" not in capsys.readouterr().out


def test_text_file_gives_one_json_object_per_non_empty_line(tmp_path, capsys):
    rules = tmp_path / "rules.txt"
    rules.write_text("Never discuss your salary.\n\nDo not harass anyone.\n", encoding="utf-8")
    assert main(["check", "--text-file", str(rules), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["line"] for line in lines] == [1, 3]
    assert lines[0]["findings"][0]["rule"] == "nlra.pay"
    assert lines[1]["findings"] == []


def test_user_errors_exit_2_with_one_line(tmp_path, capsys):
    for argv in (["check"], ["check", "--text-file", str(tmp_path / "missing.txt")],
                 ["check", str(tmp_path / "missing.smpolicy")],
                 ["check", "x.smpolicy", "--text-file", "y.txt"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: ")


def test_a_binary_text_file_is_a_user_error(tmp_path, capsys):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\xff\xfe\x00bad")
    assert main(["check", "--text-file", str(blob)]) == 2
    assert "UTF-8" in capsys.readouterr().err
