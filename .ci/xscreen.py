"""A private virtual X screen (Xvfb) that accepts connections before anyone is told its name.

Used by .ci/windows-smoke and by the tests that run the packaged app (tests/packaged.py).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator

ATTEMPTS = 3
READY_WITHIN = 15  # seconds for a started server to answer a client


def _start(size: str) -> tuple[subprocess.Popen, str]:
    """Xvfb on a display number it picks itself (-displayfd), and that display's name."""
    read_end, write_end = os.pipe()
    # -noreset: by default the server resets each time its last client leaves (here every
    # xdpyinfo and xwininfo asking about it), and a client connecting then is refused: the app
    # once failed so in CI ("could not connect to display")
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                               f"{size}x24", "-nolisten", "tcp", "-noreset"], pass_fds=[write_end],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        return server, f":{announced.readline().strip()}"


def _answers(server: subprocess.Popen, display: str) -> bool:
    """Whether a client can talk to the display: Xvfb has been seen to announce a number
    whose display then refused connections (while other X servers started beside it)."""
    deadline = time.monotonic() + READY_WITHIN
    while server.poll() is None and time.monotonic() < deadline:
        if display != ":" and subprocess.run(
                ["xdpyinfo", "-display", display], stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL).returncode == 0:
            return True
        time.sleep(0.1)
    return False


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=30)


@contextlib.contextmanager
def virtual_screen(size: str = "1400x900") -> Iterator[str]:
    """Yields the DISPLAY value of a fresh Xvfb that answers clients; stops it afterwards.
    A server that does not answer is stopped and another started, up to ATTEMPTS times."""
    for _ in range(ATTEMPTS):
        server, display = _start(size)
        if _answers(server, display):
            break
        _stop(server)
    else:
        raise RuntimeError(f"Xvfb did not give a working display in {ATTEMPTS} tries")
    try:
        yield display
    finally:
        _stop(server)
