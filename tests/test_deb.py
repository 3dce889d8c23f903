"""The Debian package (.ci/build --target deb): what apt installs, the launcher entry, the icons
and the .smpolicy file type, checked with the desktop's own tools.

Slow: builds dist/smpolicy (unless fresh) and packs it with dpkg-deb (about a minute).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from tests import packaged
from tests.conftest import EXAMPLE, REPO, require_tool

pytestmark = [pytest.mark.skipif(sys.platform != "linux", reason="Debian packages are Linux's"),
              pytest.mark.slow]


@pytest.fixture(scope="module")
def deb():
    from smpolicy_desktop import __version__

    require_tool("dpkg-deb")
    subprocess.run([sys.executable, packaged.BUILD_SCRIPT, "--target", "deb"], check=True,
                   timeout=1800, stdout=subprocess.DEVNULL)
    return REPO / "dist" / f"smpolicy_{__version__}_amd64.deb"


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory):
    root = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
    return root


def field(deb, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", deb, name], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_apt_brings_the_libraries_and_a_font_the_window_needs(deb):
    from smpolicy_desktop import __version__

    assert (field(deb, "Package"), field(deb, "Version")) == ("smpolicy", __version__)
    depends = field(deb, "Depends")
    for needed in ("libc6 (>= 2.35)", "libgl1", "libegl1", "libxcb1", "fontconfig",
                   "fonts-dejavu-core |"):
        assert needed in depends


def test_apt_brings_what_every_shipped_library_needs_of_the_system(deb, unpacked):
    """Each library a shipped file links against (objdump -p) is shipped or comes with a
    package the .deb depends on (QT_QPA_PLATFORM=wayland, which README documents, ended the
    app with exit 134: libwayland-cursor.so.0 came with nothing; found by a tester)."""
    objdump = require_tool("objdump")
    folder = unpacked / "opt" / "smpolicy"
    shipped = {path.name for path in folder.rglob("*.so*")}
    needed = set()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            headers = subprocess.run([objdump, "-p", path], capture_output=True, text=True)
            needed |= set(re.findall(r"^\s*NEEDED\s+(\S+)$", headers.stdout, re.MULTILINE))
    depends = {name.split()[0] for name in re.split(r"[,|]", field(deb, "Depends"))}
    # the system's library -> the Debian package that has it (Debian 12, Ubuntu 22.04)
    packages = {"libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6",
                "libpthread.so.0": "libc6", "librt.so.1": "libc6", "libresolv.so.2": "libc6",
                "ld-linux-x86-64.so.2": "libc6", "libGL.so.1": "libgl1",
                "libEGL.so.1": "libegl1", "libxcb.so.1": "libxcb1",
                "libwayland-client.so.0": "libwayland-client0",
                "libwayland-cursor.so.0": "libwayland-cursor0", "libcups.so.2": "libcups2",
                # left out of the bundle, and on every system apt runs on: libc6 depends on
                # libgcc-s1, fontconfig (through libfontconfig1) on libexpat1, apt on libstdc++6
                "libgcc_s.so.1": "libc6", "libexpat.so.1": "fontconfig", "libstdc++.so.6": "apt"}
    unmet = {name for name in needed - shipped if packages.get(name) not in depends | {"apt"}}
    assert unmet == set(), f"no package of Depends brings {sorted(unmet)}"


def test_smpolicy_is_on_the_path_and_runs(unpacked):
    link = unpacked / "usr" / "bin" / "smpolicy"
    assert link.is_symlink() and str(link.readlink()) == "/opt/smpolicy/smpolicy"
    result = subprocess.run([unpacked / "opt" / "smpolicy" / "smpolicy", "validate", EXAMPLE],
                            capture_output=True, text=True, timeout=120,
                            env=packaged.plain_environment())
    assert (result.returncode, result.stdout.strip()) == (0, f"{EXAMPLE}: OK")


def test_the_launcher_entry_is_valid_and_opens_project_files(unpacked):
    validate = require_tool("desktop-file-validate")
    entry = unpacked / "usr" / "share" / "applications" / "smpolicy.desktop"
    result = subprocess.run([validate, entry], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    text = entry.read_text()
    assert "Exec=smpolicy %f" in text and "MimeType=application/x-smpolicy;" in text
    icons = unpacked / "usr" / "share" / "icons" / "hicolor"
    for size in (16, 32, 48, 256):
        assert (icons / f"{size}x{size}" / "apps" / "smpolicy.png").is_file()
        assert (icons / f"{size}x{size}" / "mimetypes" / "application-x-smpolicy.png").is_file()
    assert (icons / "scalable" / "apps" / "smpolicy.svg").is_file()


def test_project_files_get_their_own_type(unpacked, tmp_path):
    """update-mime-database (what dpkg's trigger runs) maps *.smpolicy to the app's type."""
    update = require_tool("update-mime-database")
    mime = tmp_path / "mime"
    shutil.copytree(unpacked / "usr" / "share" / "mime", mime)
    subprocess.run([update, mime], check=True, capture_output=True)
    assert "application/x-smpolicy:*.smpolicy" in (mime / "globs2").read_text()
    assert "application/x-smpolicy" in (mime / "types").read_text()
