"""The design's invariants: a Qt-free core, one resource function, lazy heavy imports."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.conftest import EXAMPLE, REPO

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


def what_python_prints(code: str) -> str:
    """What a fresh Python prints running code in the checkout (its own modules loaded)."""
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, check=True).stdout.strip()


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
    assert what_python_prints(code) == "[]"


def test_the_version_flag_and_the_window_frame_load_no_core_libraries():
    code = ("import sys, runpy; sys.argv = ['main.py', '--version']\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "import ui.main_window\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'pydantic', 'jinja2', 'lxml', 'docx'}))")
    assert what_python_prints(code).splitlines()[-1] == "[]"


def test_starting_the_window_loads_no_command_line():
    """main.py with a project to open goes to the window without the CLI module (the window
    is stood in for here; PySide6, which main.py loads to check the platform plugin first,
    loads argparse itself)."""
    code = ("import sys, types\n"
            "app = sys.modules['ui.app'] = types.ModuleType('ui.app')\n"
            "app.run_app = lambda argv: print(argv, sorted(set(sys.modules) & "
            "{'smpolicy_desktop.cli'})) or 0\n"
            "import main\n"
            "sys.argv = ['main.py', 'Q4 policy.smpolicy']\n"
            "main.main()")
    assert what_python_prints(code) == "['Q4 policy.smpolicy'] []"


def test_a_project_is_read_without_looking_for_pydantic_plugins():
    """Plugins are off: opening a project builds and runs the validators without loading the
    package metadata pydantic would search for them (importlib.metadata, email)."""
    code = ("import sys\n"
            "from smpolicy_desktop.storage import load_project\n"
            "from pydantic.plugin._loader import get_plugins\n"
            f"print(load_project({str(EXAMPLE)!r}).company.name, list(get_plugins()), "
            "sorted(set(sys.modules) & {'importlib.metadata', 'email'}))")
    assert what_python_prints(code) == "Northwind Analytics LLC [] []"


# Started as a user starts it (main.py with the project); once the app says it is filled (its
# own definition, SMPOLICY_SAY_FILLED: ui/app.py) it prints the modules of `names` loaded by
# then, and stops.
AT_FILL = """
import os, sys
import main

names = tuple(sys.argv.pop().split())


class Filled:
    def write(self, text):
        if text.startswith("filled"):
            loaded = [m for m in sys.modules if m.startswith(names)]
            sys.__stdout__.write(f"{sorted(loaded)}\\n")
            sys.__stdout__.flush()
            os._exit(0)

    def flush(self):
        pass

sys.stdout = Filled()
main.main()
"""


def test_a_reopened_project_fills_the_window_without_templates_or_the_checker(tmp_path):
    """A project reopened is painted from the document cache: the window fills without Jinja
    and the HTML parser (some 6 MB and a share of the start; rendering loads them when needed)
    and without the risk check, whose rules run in the checker process and whose panel is built
    once the window shows filled."""
    from smpolicy_desktop import document_cache
    from smpolicy_desktop.render import render_document
    from smpolicy_desktop.storage import load_project
    from tests.packaged import example_copy

    project = example_copy(tmp_path)
    document_cache.keep(load_project(project), render_document(load_project(project)))
    names = "jinja2 lxml smpolicy_desktop.checks ui.findings"
    result = subprocess.run([sys.executable, "-c", AT_FILL, str(project), names], cwd=REPO,
                            env={**os.environ, "SMPOLICY_SAY_FILLED": "1"}, timeout=120,
                            capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr[-2000:]


def test_the_findings_panel_loads_no_rules_of_the_check():
    """The window builds the findings panel as it settles; the check's rules (some 40 ms and
    the wording tables) run in the checker process and load in the window only when a command
    needs them (apply a safer wording, the counsel round trip)."""
    code = ("import sys, ui.findings\n"
            "print(sorted(m for m in sys.modules if m.startswith('smpolicy_desktop.checks.')))")
    assert what_python_prints(code) == "['smpolicy_desktop.checks.facts']"


def test_the_window_hashes_without_openssl():
    """OpenSSL's libcrypto (3.4 MB) is not loaded by what opens, renders and checks a project
    in the window; hashlib's SHA-256 works all the same (Python's own)."""
    code = ("import sys, ui.app, ui.disk_watch, ui.file_commands, ui.forms, ui.rendering, "
            "ui.recovery\n"
            "from smpolicy_desktop import document_cache, render\n"
            "from smpolicy_desktop.file_watch import stamp_of\n"
            f"print(stamp_of({str(EXAMPLE)!r}, b'abc').digest[:8], sys.modules['_hashlib'])")
    assert what_python_prints(code) == "ba7816bf None"


# Who may read and write project files and exports: the workspace alone (storage and the
# exporters are its tools). The window and the CLI call the workspace, never these.
FILE_RULES = {"load_project", "save_project", "write_document", "write_autosave",
              "remove_autosave", "remember_text"}


def test_the_window_and_the_cli_go_through_the_workspace():
    callers = [REPO / "smpolicy_desktop" / "cli.py", *(REPO / "ui").rglob("*.py")]
    offenders = {}
    for path in callers:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            for alias in node.names}
        if used & FILE_RULES:
            offenders[str(path.relative_to(REPO))] = sorted(used & FILE_RULES)
    assert offenders == {}
    for path in callers[:1] + [REPO / "ui" / "main_window.py"]:
        assert "smpolicy_desktop.workspace" in imported_modules(path) or \
            "workspace" in path.read_text(encoding="utf-8"), path


def _field_names() -> set[str]:
    """Names of answers specific enough to be a table key (e.g. "staff_count", not "name")."""
    from smpolicy_desktop.model import Project
    from smpolicy_desktop.questions import questions

    names: set[str] = set(Project.areas())
    models = list(Project.areas().values())
    while models:
        model = models.pop()
        for question in questions(model):
            names.add(question.name)
            if question.kind == "table":
                models.append(question.item_type)
    return {name for name in names if "_" in name} | set(Project.areas())


def _names_in(node: ast.AST, fields: set[str]) -> list[str] | None:
    """The field names a set, list, tuple or dict (keys) literal holds, if it holds only them."""
    items = node.keys if isinstance(node, ast.Dict) else \
        node.elts if isinstance(node, ast.Set | ast.List | ast.Tuple) else None
    if not items:
        return None
    names = [item.value for item in items
             if isinstance(item, ast.Constant) and isinstance(item.value, str)
             and item.value in fields]
    return names if len(names) == len(items) else None


def test_no_module_keeps_its_own_table_of_field_names():
    """Per-question facts live on the question in the model; a table of fields elsewhere is a
    second copy that drifts. One path such as ("review", "next_review_date") is a reference,
    not a table; two paths, or several areas, in one literal are a table."""
    from smpolicy_desktop.model import Project

    fields, areas = _field_names(), set(Project.areas())
    offenders = []
    for path in [*CORE.rglob("*.py"), *(REPO / "ui").rglob("*.py")]:
        if path.name == "model.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = _names_in(node, fields)
            is_path = bool(names) and names[0] in areas and len(set(names) & areas) == 1
            items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", [])
            paths = [item for item in items or [] if _names_in(item, fields)]
            if (names and len(names) >= 2 and not is_path) or len(paths) >= 2:
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []
