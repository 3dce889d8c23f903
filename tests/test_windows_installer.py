"""The Windows installer built on Linux (.ci/build --target windows), tried under wine by
.ci/windows-smoke: installed as a user, used, uninstalled without a trace.

The smoke run is slow (about a minute of wine). The installer is built by CI before the tests
(it takes minutes); elsewhere these tests skip until it exists, and in CI a missing installer or
wine fails them.
"""

from __future__ import annotations

import re
import runpy
import subprocess
import sys

import pytest

from tests.clients import pandoc_text
from tests.conftest import IN_CI, REPO, require_tool

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="built and run under wine")

BUNDLE = REPO / "dist" / "windows" / "smpolicy"


@pytest.fixture(scope="module")
def setup_exe():
    from smpolicy_desktop import __version__

    setup = REPO / "dist" / "windows" / f"smpolicy-{__version__}-windows-x64-setup.exe"
    if not setup.is_file():
        message = f"no {setup.name}: run .venv/bin/python .ci/build --target windows"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    return setup


@pytest.fixture(scope="module")
def smoke(setup_exe, tmp_path_factory):
    """One run of .ci/windows-smoke: its exit code and output, and the .docx it exported."""
    require_tool("wine")
    require_tool("Xvfb")
    out = tmp_path_factory.mktemp("windows") / "policy.docx"
    result = subprocess.run([sys.executable, REPO / ".ci" / "windows-smoke", out,
                             "--setup", setup_exe], capture_output=True, text=True, timeout=900)
    return result, out


def pins(path) -> dict[str, str]:
    """name -> version of the name==version lines of a requirements file (names normalised)."""
    found = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(), re.MULTILINE)
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in found}


def test_the_windows_wheel_lock_pins_every_requirement_at_its_version():
    """A requirement added or bumped needs its win_amd64 wheel and sha256 in the lock, or the
    Windows build stops (pip refuses unlisted files)."""
    locked = pins(REPO / ".ci" / "windows-wheels.txt")
    wanted = pins(REPO / "requirements.txt") | pins(REPO / ".ci" / "build-requirements.txt")
    assert {name: version for name, version in wanted.items()
            if locked.get(name) != version} == {}, "update .ci/windows-wheels.txt"


@pytest.mark.slow
def test_the_installer_installs_runs_and_uninstalls_cleanly(smoke):
    result, _out = smoke
    assert result.returncode == 0, result.stdout + result.stderr
    assert "installed per user" in result.stdout
    assert "nothing of smpolicy is left" in result.stdout


@pytest.mark.slow
def test_the_installed_app_exports_the_example_to_word(smoke):
    _result, out = smoke
    assert "Northwind Analytics LLC" in pandoc_text(out)


@pytest.mark.slow
def test_the_installed_window_shows_the_example(smoke):
    """The screenshot holds a drawn window (many colours), not a black or empty screen."""
    from PIL import Image

    _result, out = smoke
    with Image.open(out.with_suffix(".png")) as shot:
        colours = shot.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50


@pytest.mark.parametrize("exe", ["smpolicy.exe", "smpolicy-cli.exe", "setup"])
def test_windows_shows_who_publishes_it(setup_exe, exe):
    """Properties > Details (and the SmartScreen prompt) read the version resource."""
    release = runpy.run_path(str(REPO / ".ci" / "release.py"))
    data = (setup_exe if exe == "setup" else BUNDLE / exe).read_bytes()
    for key, value in (("CompanyName", release["PUBLISHER"]),
                       ("LegalCopyright", release["COPYRIGHT"]), ("ProductName", "smpolicy")):
        assert f"{key}\0".encode("utf-16-le") in data
        assert f"{value}\0".encode("utf-16-le") in data


@pytest.mark.parametrize("exe", ["smpolicy", "smpolicy-cli"])
def test_each_executable_names_itself_in_its_version_resource(setup_exe, exe):
    """Properties > Details of smpolicy-cli.exe said "Original filename: smpolicy.exe" and
    "Internal name: smpolicy" (found by a tester)."""
    data = (BUNDLE / f"{exe}.exe").read_bytes()
    for key, value in (("OriginalFilename", f"{exe}.exe"), ("InternalName", exe)):
        said = (re.escape(key.encode("utf-16-le")) + rb"(?:\x00\x00)+"
                + re.escape(value.encode("utf-16-le")) + rb"\x00\x00")
        assert re.search(said, data), f"{exe}.exe: its {key} is not {value}"


@pytest.mark.slow
def test_the_installer_and_uninstaller_refuse_while_the_app_is_open(smoke):
    """An update installed while the window was open took _internal from under it ("Failed to
    start embedded python interpreter!"); an uninstall said it was done and left the app's files
    (found by a tester). Silently, both now end with exit code 2 and change nothing."""
    result, _out = smoke
    assert "a silent install and uninstall each refused with exit code 2" in result.stdout, \
        result.stdout + result.stderr


@pytest.mark.slow
def test_closing_the_window_leaves_no_lock_file_beside_the_project(smoke):
    """".~lock.NAME.smpolicy#" stayed beside every project after its window closed on Windows
    (removed while still open, which Windows refuses; found by a tester)."""
    result, _out = smoke
    assert "no .~lock.northwind.smpolicy# left beside the project" in result.stdout, \
        result.stdout + result.stderr


@pytest.mark.slow
def test_settings_apps_shows_the_size_and_the_uninstaller_keeps_saved_versions(smoke):
    result, _out = smoke
    assert "(Settings > Apps says " in result.stdout, result.stdout + result.stderr
    assert "nothing of smpolicy is left but the" in result.stdout


def test_the_windows_app_ships_no_unused_or_wine_only_dlls(setup_exe):
    shipped = {path.name.lower() for path in BUNDLE.rglob("*.dll")}
    assert "qt6core.dll" in shipped
    assert not shipped & {"opengl32sw.dll", "icuuc.dll", "bcryptprimitives.dll", "mscms.dll",
                          "qt6network.dll"}
