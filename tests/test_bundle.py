"""The packaged app (PyInstaller onedir), used with no Python around it: the CLI and the window.

Slow: the first test builds dist/smpolicy with .ci/build (a minute or two), unless it is fresh.
"""

from __future__ import annotations

import platform
import subprocess
import sys
import tarfile

import pytest

from tests import packaged
from tests.clients import docx_to_pdf, pdf_text
from tests.conftest import EXAMPLE, REPO, require_tool

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the bundle is tested on Linux")


@pytest.fixture(scope="session")
def smpolicy():
    """The packaged executable, built once per test session."""
    return packaged.build()


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env=packaged.plain_environment(), **kwargs)


def test_the_bundle_prints_its_version(smpolicy):
    from smpolicy_desktop import __version__

    result = run([smpolicy, "--version"])
    assert (result.returncode, result.stdout.strip()) == (0, f"smpolicy {__version__}")


def test_the_bundle_validates_the_example_project(smpolicy):
    result = run([smpolicy, "validate", EXAMPLE])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{EXAMPLE}: OK"


def test_the_bundle_reports_a_missing_file_in_one_line(smpolicy, tmp_path):
    result = run([smpolicy, "validate", tmp_path / "nowhere.smpolicy"])
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_bundle_exports_a_word_file_that_libreoffice_opens(smpolicy, tmp_path):
    output = tmp_path / "policy.docx"
    result = run([smpolicy, "export", EXAMPLE, "-o", output], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Wrote {output}" in result.stdout
    text = pdf_text(docx_to_pdf(output, tmp_path / "pdf"))
    assert "Northwind Analytics" in text


def test_the_bundle_carries_no_unused_qt(smpolicy):
    shipped = {path.name for path in smpolicy.parent.rglob("*")}
    unwanted = {"libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6",
                "libQt6OpenGLWidgets.so.6", "libQt6WaylandClient.so.6", "QtNetwork.abi3.so",
                "libqgtk3.so", "qtbase_de.qm"}
    assert shipped & unwanted == set()
    assert not [path for path in smpolicy.parent.rglob("*")
                if path.is_symlink() and not path.exists()], "dangling symlinks"
    assert not (smpolicy.parent / "_internal" / "assets" / "readme").exists()


def test_the_packaged_app_shows_its_window_with_the_example(smpolicy):
    with packaged.virtual_screen() as display, packaged.running_until_shown(
            [smpolicy, EXAMPLE], display, "smpolicy") as (process, _seconds):
        assert process.poll() is None, "the app quit after showing its window"


def test_the_packaged_app_starts_without_a_network(smpolicy, tmp_path):
    """Traced from launch to window (with no network at all where the machine allows a private
    network namespace): no internet socket is ever opened."""
    strace = require_tool("strace")
    trace = tmp_path / "trace.txt"
    command = [strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", trace, smpolicy, EXAMPLE]
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        command = ["unshare", "-n", *command]
    with packaged.virtual_screen() as display, packaged.running_until_shown(
            command, display, "smpolicy"):
        pass
    sockets = trace.read_text()
    assert "AF_UNIX" in sockets, "the trace saw no socket at all (not even the X server's)"
    assert "AF_INET" not in sockets


def test_the_build_script_archives_the_bundle_with_its_symlinks(smpolicy):
    from smpolicy_desktop import __version__

    result = subprocess.run([sys.executable, packaged.BUILD_SCRIPT], capture_output=True,
                            text=True, timeout=1800, check=True)
    archive = REPO / "dist" / f"smpolicy-{__version__}-linux-{platform.machine().lower()}.tar.gz"
    assert f"Archived {archive}" in result.stdout
    with tarfile.open(archive) as opened:
        members = {member.name: member for member in opened.getmembers()}
    assert members["smpolicy/smpolicy"].isfile()
    assert any(member.issym() for member in members.values())
