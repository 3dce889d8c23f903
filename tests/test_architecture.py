"""The design's invariants: a Qt-free core, one resource function, lazy heavy imports."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO

CORE = REPO / "smpolicy_desktop"


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_core_never_imports_qt():
    offenders = {str(path.relative_to(REPO)): sorted(m for m in imported_modules(path)
                                                     if m.split(".")[0] in ("PySide6", "ui"))
                 for path in CORE.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_shipped_files_are_found_only_through_resource_path():
    for path in [*CORE.rglob("*.py"), *(REPO / "ui").rglob("*.py")]:
        if path.name == "resources.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "__file__" not in source and "_MEIPASS" not in source, path


def test_importing_the_cli_and_rendering_does_not_load_python_docx():
    code = ("import sys, main; from smpolicy_desktop import cli, render, storage; "
            "from smpolicy_desktop.model import Project; render.render_document(Project()); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'PySide6')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_version_flag_and_the_window_frame_load_no_core_libraries():
    code = ("import sys, runpy; sys.argv = ['main.py', '--version']\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "import ui.main_window\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'pydantic', 'jinja2', 'lxml', 'docx'}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
