"""A scratch Wine prefix for building and testing the Windows app on Linux (Debian's wine 8).

Wine 8 lacks three DLLs that Windows 10/11 ship; .ci/wine/*.c are stand-ins compiled into the
prefix's system32, never into the app. Windows programs get stdin and stdout as pipes (wine 8's
Python dies on /dev/null or a file as a standard stream).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

WINE = "/usr/lib/wine/wine64"  # Debian's 64-bit loader: no 32-bit wine needed
WINESERVER = "/usr/lib/wine/wineserver"
STANDINS = Path(__file__).resolve().parent / "wine"
# Debian packages: wine itself, the stand-ins' compiler, and NSIS for the installer.
DEBIAN_PACKAGES = ("wine", "wine64", "libwine", "fonts-wine", "gcc-mingw-w64-x86-64-win32",
                   "nsis", "osslsigncode")


def windows_path(path: Path) -> str:
    """path as a program inside wine sees it (drive Z: is the Linux root)."""
    return "Z:" + str(Path(path).resolve()).replace("/", "\\")


# No Mono or Gecko install prompts; no winemenubuilder, which would copy the installer's
# Start-menu entries and icons into the Linux user's own menus (~/.local/share).
OVERRIDES = "mscoree,mshtml=;winemenubuilder.exe=d"


def environment(prefix: Path, **extra: str) -> dict[str, str]:
    """The OVERRIDES, no debug chatter, no Linux Python variables."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("PYTHON", "PIP_", "VIRTUAL_ENV", "WINE"))}
    return {**env, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": OVERRIDES, **extra}


def system32(prefix: Path) -> Path:
    return prefix / "drive_c" / "windows" / "system32"


def create(prefix: Path, standins: tuple[str, ...]) -> Path:
    """A new prefix with the named stand-in DLLs (icuuc, bcryptprimitives, mscms)."""
    prefix.mkdir(parents=True, exist_ok=True)
    subprocess.run([WINE, "wineboot", "--init"], env=environment(prefix), check=True,
                   stdin=subprocess.DEVNULL, capture_output=True, timeout=600)
    wait(prefix)
    for name in standins:
        libraries = ["-ladvapi32"] if name == "bcryptprimitives" else []
        subprocess.run(["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s", "-o",
                        str(system32(prefix) / f"{name}.dll"), str(STANDINS / f"{name}.c"),
                        *libraries], check=True)
    return prefix


def run(prefix: Path, command: list, echo: bool = False, check: bool = True, timeout: float = 1800,
        hide: str | None = None, **extra: str) -> subprocess.CompletedProcess:
    """Run a Windows program (an .exe path or a Linux path turned into a Windows one) in prefix,
    with pipes for its standard streams; its output is returned, and echoed if asked (less the
    lines holding `hide`)."""
    args = [WINE, *(windows_path(part) if isinstance(part, Path) else part for part in command)]
    process = subprocess.Popen(args, env=environment(prefix, **extra), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               errors="replace")
    process.stdin.close()
    lines = []
    for line in process.stdout:
        lines.append(line)
        if echo and not (hide and hide in line):
            sys.stdout.write(line)
    code = process.wait(timeout=timeout)
    result = subprocess.CompletedProcess(args, code, "".join(lines), "")
    if check and code:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({code}):\n{result.stdout}")
    return result


def wait(prefix: Path) -> None:
    """Until every program in prefix has ended (an uninstaller re-runs itself from %TEMP%)."""
    subprocess.run([WINESERVER, "-w"], env=environment(prefix), check=False, timeout=600)


def remove(prefix: Path) -> None:
    subprocess.run([WINESERVER, "-k"], env=environment(prefix), check=False,
                   capture_output=True, timeout=60)
    shutil.rmtree(prefix, ignore_errors=True)


def ensure_debian_packages() -> None:
    """Install wine, mingw and NSIS with apt-get if any is missing (this is a build machine)."""
    missing = [tool for tool in (WINE, "x86_64-w64-mingw32-gcc", "makensis", "osslsigncode")
               if not shutil.which(tool)]
    if missing:
        print(f"Installing {', '.join(DEBIAN_PACKAGES)} (missing: {', '.join(missing)})")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends",
                        *DEBIAN_PACKAGES], check=True, env=env)
