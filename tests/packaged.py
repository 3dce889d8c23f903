"""The packaged app as a user gets it: build it with .ci/build, run it on a virtual X screen.

Shared by tests/test_bundle.py, tests/bench/bench_bundle.py and bench_start.py (memory).
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import EXAMPLE, REPO, require_tool

sys.path.insert(0, str(REPO / ".ci"))
import xscreen  # noqa: E402  (the one definition of a private X screen, shared with .ci)

BUILD_SCRIPT = REPO / ".ci" / "build"
_WINDOW = re.compile(r'^\s*(0x[0-9a-f]+) "([^"]*)"', re.MULTILINE)


def build(spec: Path | None = None, dist: Path | None = None) -> Path:
    """The bundle's executable, built by .ci/build (which reuses an up-to-date build)."""
    command = [sys.executable, str(BUILD_SCRIPT), "--no-archive"]
    if spec:
        command += ["--spec", str(spec), "--dist", str(dist)]
    subprocess.run(command, check=True, timeout=1800, stdout=subprocess.DEVNULL)
    name = spec.stem if spec else "smpolicy"
    folder = (dist or REPO / "dist") / name
    return folder / (f"{name}.exe" if os.name == "nt" else name)


def example_copy(folder: Path) -> Path:
    """A copy of the example project in folder: an app killed at the end of a test leaves its
    lock file beside the project it opened, which must not be the checkout's."""
    copy = folder / EXAMPLE.name
    shutil.copy(EXAMPLE, copy)
    return copy


def plain_environment(**extra: str) -> dict[str, str]:
    """What a desktop session gives a program: no Python variables, no virtualenv."""
    keep = ("HOME", "LANG", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
            "XDG_CACHE_HOME")
    environment = {name: os.environ[name] for name in keep if name in os.environ}
    return {"PATH": "/usr/bin:/bin", **environment, **extra}


def virtual_screen():
    """A private Xvfb that answers clients (.ci/xscreen.py); yields the DISPLAY value."""
    require_tool("Xvfb")
    return xscreen.virtual_screen()


def viewable_windows(display: str, title: str) -> list[str]:
    """Ids of the windows shown on display whose title contains title."""
    xwininfo = require_tool("xwininfo")
    # a UTF-8 locale: in C's, xwininfo prints "(failure in conversion from UTF8_STRING...)" for
    # a title with the em dash the app's titles have ("example.smpolicy — smpolicy")
    environment = {"DISPLAY": display, "PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"}
    tree = subprocess.run([xwininfo, "-root", "-tree"], capture_output=True, text=True,
                          env=environment, timeout=30).stdout
    shown = []
    for window, name in _WINDOW.findall(tree):
        if title in name:
            state = subprocess.run([xwininfo, "-id", window], capture_output=True, text=True,
                                   env=environment, timeout=30).stdout
            if "IsViewable" in state:
                shown.append(window)
    return shown


@contextlib.contextmanager
def running_until_shown(command: list[str], display: str, title: str, timeout: float = 60,
                        **extra: str):
    """Start command on display (extra: more environment variables); yield (process, seconds
    until its window was shown)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=plain_environment(DISPLAY=display,
                                                              QT_QPA_PLATFORM="xcb", **extra),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        while not viewable_windows(display, title):
            if process.poll() is not None:
                raise AssertionError(f"{command[0]} exited ({process.returncode}) before "
                                     f"showing a window: {process.stdout.read()!r}")
            if time.perf_counter() - started > timeout:
                raise AssertionError(f"no window titled {title!r} within {timeout} s")
            time.sleep(0.01)
        yield process, time.perf_counter() - started
    finally:  # the whole group: a tracer or wrapper in front of the app ends with it
        with contextlib.suppress(ProcessLookupError):  # it may have ended by itself
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def said_filled(process: subprocess.Popen, timeout: float = 120) -> tuple[float, float]:
    """The clock (time.monotonic) and the processor time (s) the app had used when its window
    was filled, which it prints when run with SMPOLICY_SAY_FILLED=1 (see ui/app.py)."""
    deadline, output = time.monotonic() + timeout, b""
    while time.monotonic() < deadline and process.poll() is None:
        if select.select([process.stdout], [], [], 1)[0]:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:  # its output closed
                break
            output += chunk
            said = re.search(rb"^filled ([0-9.]+) ([0-9.]+)$", output, re.MULTILINE)
            if said:
                return float(said.group(1)), float(said.group(2))
    raise AssertionError(f"{process.args[0]} never said it was filled: {output[-500:]!r}")


def peak_memory_mb(process: subprocess.Popen) -> float:
    """The most resident memory the process has used so far (Linux's VmHWM), in MB."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def folder_size_mb(folder: Path) -> float:
    """Bytes on disk of the files under folder (symlinks counted once, as links)."""
    return sum(path.lstat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink()) / 1e6
