"""The packaged app (PyInstaller onedir), used with no Python around it: the CLI and the window.

Slow: the first test builds dist/smpolicy with .ci/build (a minute or two), unless it is fresh.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from tests import packaged
from tests.clients import docx_to_pdf, pdf_text
from tests.conftest import EXAMPLE, IN_CI, REPO, require_tool

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="the bundle is tested on Linux")]


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
                "libQt6OpenGLWidgets.so.6", "QtNetwork.abi3.so", "libqgtk3.so", "qtbase_de.qm",
                "libqt-plugin-wayland-egl.so", "libivi-shell.so"}
    assert shipped & unwanted == set()
    assert not [path for path in smpolicy.parent.rglob("*")
                if path.is_symlink() and not path.exists()], "dangling symlinks"
    assert not (smpolicy.parent / "_internal" / "assets" / "readme").exists()


def elf_files(folder):
    return [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()
            and path.read_bytes()[:4] == b"\x7fELF"]


def test_the_bundle_runs_where_glibc_is_2_35_like_ubuntu_22_04(smpolicy):
    """The newest glibc symbol version any file of the bundle asks for (objdump -T)."""
    objdump = require_tool("objdump")
    wanted = {}
    for path in elf_files(smpolicy.parent):
        symbols = subprocess.run([objdump, "-T", path], capture_output=True, text=True).stdout
        versions = [tuple(map(int, found.split("."))) for found in
                    re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", symbols)]
        if versions:
            wanted[path.name] = max(versions)
    newest = max(wanted.values())
    assert newest <= (2, 35), {name: v for name, v in wanted.items() if v > (2, 35)}
    assert not {"libstdc++.so.6", "libgcc_s.so.1", "libexpat.so.1", "libcups.so.2",
                "libgnutls.so.30"} & set(wanted)


# What only the system's libcups (File > Print) loads, through gnutls, gssapi and avahi-client:
# the system's copies must be used with it (found shipped by a tester, 5.6 MB, loaded at Print).
ONLY_FOR_CUPS = {"libkrb5.so.3", "libk5crypto.so.3", "libkrb5support.so.0", "libcom_err.so.2",
                 "libkeyutils.so.1", "libnettle.so.8", "libhogweed.so.6", "libgmp.so.10",
                 "libidn2.so.0", "libunistring.so.2", "libp11-kit.so.0", "libtasn1.so.6",
                 "libavahi-common.so.3", "libavahi-client.so.3", "libgssapi_krb5.so.2"}


def test_the_bundle_leaves_out_what_only_the_systems_printing_library_needs(smpolicy):
    shipped = {path.name for path in smpolicy.parent.rglob("*.so*")}
    assert shipped & ONLY_FOR_CUPS == set()
    assert "libQt6PrintSupport.so.6" in shipped  # File > Print itself stays


def test_the_bundle_carries_no_debug_info(smpolicy):
    readelf = require_tool("readelf")
    with_debug = [path.name for path in elf_files(smpolicy.parent) if ".debug_info" in
                  subprocess.run([readelf, "-S", "-W", path], capture_output=True,
                                 text=True).stdout]
    assert with_debug == []


def test_the_bundle_can_open_its_window_on_wayland(smpolicy):
    """The Wayland platform plugin and the desktop-window shell are shipped, with what they
    link against (users with QT_QPA_PLATFORM=wayland or no XWayland)."""
    plugins = smpolicy.parent / "_internal" / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqwayland.so").is_file()
    assert (plugins / "wayland-shell-integration" / "libxdg-shell.so").is_file()
    assert (smpolicy.parent / "_internal" / "libQt6WaylandClient.so.6").exists()


def system_library(name: str) -> str | None:
    """Where the system's 64-bit copy of library name is (ldconfig), or None."""
    return next((line.rsplit("=> ", 1)[1] for line in subprocess.run(
        ["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout.splitlines()
        if line.strip().startswith(f"{name} ") and "x86-64" in line), None)


def told_with_library_hidden(smpolicy, tmp_path, library: str | None, **extra: str):
    """Start the bundle's window with library hidden (a bind mount in a private mount
    namespace; None: hide nothing) and a stand-in zenity on the PATH: the exit code and what
    that zenity was given (its LD_LIBRARY_PATH first)."""
    isolate = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    if subprocess.run([*isolate, "true"], capture_output=True).returncode:
        if IN_CI:
            pytest.fail("CI needs a private mount namespace (unshare)")
        pytest.skip("no private mount namespace here")
    told = tmp_path / "told.txt"
    fake = tmp_path / "bin" / "zenity"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\n{{ echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"; '
                    f'echo "$@"; }} > {told}\n')
    fake.chmod(0o755)
    script = '[ "$0" = - ] || mount --bind /dev/null "$0" && exec "$@"'
    result = subprocess.run([*isolate, "sh", "-c", script,
                             os.path.realpath(library) if library else "-", smpolicy, EXAMPLE],
                            capture_output=True, text=True, timeout=120,
                            env=packaged.plain_environment(
                                PATH=f"{fake.parent}:/usr/bin:/bin",
                                LD_LIBRARY_PATH="/opt/users-own-libraries", **extra))
    return result, told.read_text() if told.exists() else ""


def test_a_missing_system_library_is_told_in_a_message_box(smpolicy, tmp_path):
    """libGL hidden: the app runs the desktop's message box (a stand-in zenity here) with the
    reason, and that program gets the user's own LD_LIBRARY_PATH, not the bundle's folder."""
    libgl = system_library("libGL.so.1")
    if not libgl:
        if IN_CI:
            pytest.fail("CI needs libGL")
        pytest.skip("no libGL here")
    result, shown = told_with_library_hidden(smpolicy, tmp_path, libgl)
    assert result.returncode == 1, result.stderr
    assert "LD_LIBRARY_PATH=/opt/users-own-libraries\n" in shown
    assert re.search(r"a system library is missing \(\S*libGL\.so\.1", shown), shown
    assert "sudo apt install libgl1 libegl1" in shown


def test_a_missing_wayland_library_is_told_in_a_message_box(smpolicy, tmp_path):
    """QT_QPA_PLATFORM=wayland (as README says) on a system without libwayland-cursor: a
    message box names the library and its package; the app ended with exit code 134 (Qt's
    abort) and a line on stderr a double-clicking user never sees (found by a tester)."""
    result, shown = told_with_library_hidden(
        smpolicy, tmp_path, system_library("libwayland-cursor.so.0"),
        QT_QPA_PLATFORM="wayland", XDG_RUNTIME_DIR=str(tmp_path), WAYLAND_DISPLAY="wayland-9")
    assert result.returncode == 1, result.stderr
    assert "a system library is missing (libwayland-cursor.so.0" in shown, shown
    assert "libwayland-client0 libwayland-cursor0" in shown


def test_the_packaged_app_fills_its_window_with_the_example(smpolicy, tmp_path):
    with packaged.virtual_screen() as display, packaged.running_until_shown(
            [smpolicy, packaged.example_copy(tmp_path)], display, "smpolicy",
            SMPOLICY_SAY_FILLED="1") as (process, _):
        packaged.said_filled(process)  # the forms and the preview are drawn
        assert process.poll() is None, "the app quit after filling its window"


_EXECVE = re.compile(r'^(\d+) +execve\("[^"]*", \[.*?\], \[(.*?)\](?:\)| <unfinished)',
                     re.MULTILINE)


def environments_given(trace: Path) -> dict[int, dict[str, str]]:
    """pid -> the environment the program that pid first ran was given, from strace's execve
    lines (-v): what its parent passed it, before a bundle's own loader changes it."""
    given: dict[int, dict[str, str]] = {}
    for pid, listed in _EXECVE.findall(trace.read_text(errors="replace")):
        entries = re.findall(r'"((?:[^"\\]|\\.)*)"', listed)
        given.setdefault(int(pid), dict(entry.split("=", 1) for entry in entries
                                         if "=" in entry))
    return given


def test_programs_the_window_starts_get_the_users_environment(smpolicy, tmp_path):
    """What a program the window starts is given (xdg-open after an export, and what that
    opens; here the risk check's process, started the same way, traced): the user's own
    LD_LIBRARY_PATH and nothing the bundle set for itself. xdg-open got QT_PLUGIN_PATH into the
    bundle, QML2_IMPORT_PATH, PYSIDE6_OPTION_PYTHON_ENUM and _PYI_* (found by a tester)."""
    strace = require_tool("strace")
    trace = tmp_path / "trace.txt"
    command = [strace, "-f", "-qq", "-v", "-s", "4096", "-e", "trace=execve", "-o", trace,
               smpolicy, packaged.example_copy(tmp_path)]
    with packaged.virtual_screen() as display, packaged.running_until_shown(
            command, display, "smpolicy", LD_LIBRARY_PATH="/opt/users-own-libraries"):
        deadline = time.monotonic() + 60
        while len(environments_given(trace)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
    app, *started = environments_given(trace).values()
    assert app["LD_LIBRARY_PATH"] == "/opt/users-own-libraries"
    assert started, "the window started no program (the risk check's process)"
    for environment in started:
        assert environment.get("LD_LIBRARY_PATH") == "/opt/users-own-libraries"
        assert not [name for name in environment if name.startswith("_PYI_") or name in (
            "QT_PLUGIN_PATH", "QML2_IMPORT_PATH", "PYSIDE6_OPTION_PYTHON_ENUM",
            "LD_LIBRARY_PATH_ORIG")], environment


def test_the_packaged_app_starts_without_a_network(smpolicy, tmp_path):
    """Traced from launch to window (with no network at all where the machine allows a private
    network namespace that still reaches the screen): no internet socket is ever opened."""
    strace = require_tool("strace")
    trace = tmp_path / "trace.txt"
    command = [strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", trace, smpolicy,
               packaged.example_copy(tmp_path)]
    with packaged.virtual_screen() as display:
        # a new network namespace keeps the X server's file socket but not its abstract one: where
        # Xvfb has no file socket (CI has been seen so), no client inside reaches the screen
        if subprocess.run(["unshare", "-n", "xdpyinfo", "-display", display],
                          capture_output=True).returncode == 0:
            command = ["unshare", "-n", *command]
        with packaged.running_until_shown(command, display, "smpolicy"):
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
