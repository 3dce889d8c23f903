"""Shared fixtures: projects built from presets, external tools, and a sandboxed home."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "assets" / "examples" / "northwind.smpolicy"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(name: str) -> str:
    """The path of an external program; skips outside CI, fails in CI, when it is missing."""
    found = shutil.which(name)
    if found:
        return found
    if IN_CI:
        pytest.fail(f"{name} is required in CI (see .ci/apt-packages.txt)")
    pytest.skip(f"{name} is not installed")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts a real client (LibreOffice, pandoc, pdftotext), itself or through a
    fixture it uses, is slow: it takes seconds. `pytest -m "not slow"` runs the specification
    without them."""
    from tests import clients

    client_calls = {name for name in vars(clients) if not name.startswith("_")} - {"words"}
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        functions = [getattr(item, "function", None)] + [
            definition.func for definitions in (fixtures.name2fixturedefs.values()
                                                if fixtures else ())
            for definition in definitions]
        names = {name for function in functions
                 for name in getattr(getattr(function, "__code__", None), "co_names", ())}
        if client_calls & names:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """Autosaves, settings and recent files go to a throwaway folder, never the real home."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))


@pytest.fixture
def time_zone():
    """Sets this computer's time zone for the test: time_zone("America/Los_Angeles")."""
    was = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if was is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = was
    time.tzset()


@pytest.fixture
def example_project():
    from smpolicy_desktop.storage import load_project

    return load_project(EXAMPLE)


@pytest.fixture(scope="session", autouse=True)
def network_guard():
    """No test may reach the network (the app never does); see tests/reliability/network.py."""
    from tests.reliability.network import SocketGuard

    guard = SocketGuard()
    with pytest.MonkeyPatch.context() as patch:
        guard.install(patch)
        yield guard
