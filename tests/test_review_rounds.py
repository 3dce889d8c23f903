"""Counsel's reply over several rounds, as an owner meets it: the file the owner sent coming
back untouched, a second round's comments, and a reply to the changes for counsel (a redline).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lxml import etree

from smpolicy_desktop.cli import main
from smpolicy_desktop.render import clause_texts
from smpolicy_desktop.review import Decision
from smpolicy_desktop.storage import load_project, save_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import REPO
from tests.test_review_import import (
    COUNSEL,
    _change,
    _mark_paragraph,
    _paragraph,
    _run,
    export_for_counsel,
    w,
)
from tests.test_review_other_editors import element, on_body, rewrite, xml_edit

CONSEQUENCES = "serious breaches may lead to discipline"


def test_the_owners_own_export_coming_back_unchanged_offers_nothing(tmp_path, capsys):
    # The example's reviewers table has a row whose last cell (the date) is empty.
    project_file = tmp_path / "northwind.smpolicy"
    shutil.copy(REPO / "assets" / "examples" / "northwind.smpolicy", project_file)
    assert main(["export", str(project_file), "-o", str(tmp_path / "sent.docx"),
                 "--remember"]) == 0
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(tmp_path / "sent.docx")]) == 0
    assert "0 change(s) and comment(s)" in capsys.readouterr().out
    assert main(["import-review", str(project_file), str(tmp_path / "sent.docx"),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
