"""Tries the app as a new owner would: a real window under Xvfb and openbox, driven by xdotool
from a fresh profile; takes screenshots and times each step. Needs Xvfb, openbox, xdotool,
xwininfo and ImageMagick's import.

    .venv/bin/python docs/first_hour.py --size 1366x768 --out docs/screens [--scale 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class Screen:
    """A private X display with a window manager, and the app started on it."""

    def __init__(self, display: str, size: str, scale: str | None):
        self.display, self.size, self.scale = display, size, scale
        self.env = dict(os.environ, DISPLAY=display)
        self.env.pop("QT_QPA_PLATFORM", None)
        profile = Path(tempfile.mkdtemp(prefix="owner-"))
        for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            self.env[name] = str(profile / name.lower())
        self.env["HOME"] = str(profile / "home")
        (profile / "home").mkdir(parents=True)
        if scale:
            self.env["QT_SCALE_FACTOR"] = scale
        self.processes: list[subprocess.Popen] = []

    def __enter__(self) -> Screen:
        self._start(["Xvfb", self.display, "-screen", "0", f"{self.size}x24", "-nolisten",
                     "tcp"])
        time.sleep(1.0)
        self._start(["openbox"])
        time.sleep(1.0)
        return self

    def __exit__(self, *exc) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()

    def _start(self, command: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self.processes.append(process)
        return process

    def app(self, *args: str) -> None:
        self._start([sys.executable, str(REPO / "main.py"), *args])

    def run(self, *command: str) -> str:
        return subprocess.run(command, env=self.env, capture_output=True, text=True,
                              check=False).stdout

    def wait_window(self, name: str, timeout: float = 30) -> tuple[str, float]:
        """The id of the first visible window whose title contains name, and the seconds it
        took to appear."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            found = self.run("xdotool", "search", "--onlyvisible", "--name", name).split()
            if found:
                return found[0], time.monotonic() - start
            time.sleep(0.05)
        raise TimeoutError(f"no window named {name!r}")

    def geometry(self, window: str) -> dict[str, int]:
        info = self.run("xwininfo", "-id", window)
        keys = {"Absolute upper-left X": "x", "Absolute upper-left Y": "y", "Width": "width",
                "Height": "height"}
        return {keys[k.strip()]: int(v) for k, v in (line.split(":", 1) for line in
                info.splitlines() if ":" in line) if k.strip() in keys}

    def key(self, *keys: str) -> None:
        self.run("xdotool", "key", "--delay", "80", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "60", text)

    def shot(self, path: Path) -> None:
        self.run("import", "-display", self.display, "-window", "root", str(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--scale")
    parser.add_argument("--display", default=":98")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tag = args.size + (f"-x{args.scale}" if args.scale else "")
    steps: list[tuple[str, float]] = []

    def step(name: str, started: float) -> None:
        steps.append((name, time.monotonic() - started))

    with Screen(args.display, args.size, args.scale) as screen:
        begun = time.monotonic()
        screen.app()
        window, took = screen.wait_window("Welcome — smpolicy")
        steps.append(("start the app: the start page is on screen", took))
        time.sleep(1.5)
        screen.shot(args.out / f"start-{tag}.png")
        frame = screen.geometry(window)
        width, height = (int(n) for n in args.size.split("x"))
        fits = frame["y"] + frame["height"] <= height and frame["x"] + frame["width"] <= width

        started = time.monotonic()  # the fifth kind of business: Professional services
        screen.key("Tab", "Tab", "Tab", "Tab", "space")
        screen.wait_window("Untitled")
        step("pick 'Professional services': the forms are on screen", started)
        started = time.monotonic()
        screen.type("Harbor Lane Accounting LLC")
        screen.key("Tab", "Tab", "Tab", "Tab")  # industry, publicly traded, country, state
        screen.type("Oregon")
        step("type the company name and the state", started)
        time.sleep(4.0)  # the marks come from the check in the background
        screen.shot(args.out / f"company-{tag}.png")

        started = time.monotonic()
        screen.key("ctrl+4", "F7")
        time.sleep(2.5)  # the check runs in the background
        step("open Employees and the risk check (F7)", started)
        screen.shot(args.out / f"risk-{tag}.png")

        started = time.monotonic()
        screen.key("F1")
        help_window, _ = screen.wait_window("Help")
        step("press F1: help for Employees", started)
        time.sleep(0.8)
        screen.shot(args.out / f"help-{tag}.png")
        screen.key("Escape")  # closes the help
        screen.run("xdotool", "windowactivate", "--sync", window)

        started = time.monotonic()
        screen.key("F7", "ctrl+f")
        screen.type("lawyer")
        screen.key("Return")
        step("find 'lawyer' in the preview (Ctrl+F)", started)
        time.sleep(0.8)
        screen.shot(args.out / f"find-{tag}.png")

        started = time.monotonic()
        screen.key("Escape", "ctrl+s")
        screen.wait_window("Save project")
        screen.key("Return")
        screen.wait_window("Harbor Lane Accounting LLC social media policy.smpolicy")
        step("save (Ctrl+S, Enter on the suggested name)", started)

        started = time.monotonic()
        screen.key("ctrl+e")
        screen.wait_window("Export")
        screen.key("Return")
        screen.wait_window("Export finished", timeout=60)
        step("export to Word (Ctrl+E, Enter)", started)
        screen.shot(args.out / f"exported-{tag}.png")
        screen.key("Escape")

        print(f"{tag}: window {frame['width']}x{frame['height']} at "
              f"{frame['x']},{frame['y']} - {'fits' if fits else 'DOES NOT FIT'}")
        for name, seconds in steps:
            print(f"  {seconds:6.2f} s  {name}")
        print(f"  {time.monotonic() - begun:6.1f} s  in all (typing at about 16 keys a second)")
        exported = sorted(Path(screen.env["HOME"]).glob("*.*"))
        print("  files:", ", ".join(p.name for p in exported))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
