"""Run every benchmark (tests/bench/bench_*.py with a measure()) and print one table of figures.

Each module runs in a fresh Python, so one benchmark's imports and Qt state never time another.
Run: .venv/bin/python tests/bench/run.py [NAME ...]   (e.g. `run.py start bundle`)

A row from measure() is a dict: name, value and unit ("s", "MB"...) or seconds, floor_name,
floor_value or floor_seconds (the floor is measured in the same run), and target: the highest
ratio to the floor that is acceptable, if there is one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
CHILD = """
import json, sys
from importlib import import_module
rows = import_module(sys.argv[1]).measure()
print("ROWS " + json.dumps(rows), flush=True)
"""


def benchmark_modules(wanted: list[str]) -> list[str]:
    """tests.bench.bench_* modules that define measure(), optionally only the named ones."""
    modules = []
    for path in sorted(BENCH.glob("bench_*.py")):
        short = path.stem.removeprefix("bench_")
        if "def measure(" in path.read_text() and (not wanted or short in wanted):
            modules.append(f"tests.bench.{path.stem}")
    return modules


def run_module(module: str) -> list[dict]:
    environment = dict(os.environ, PYTHONPATH=str(REPO))
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, module], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=3600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("ROWS ")]
    if done.returncode or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [{"name": f"{module}: failed ({last})"}]
    return json.loads(lines[-1].removeprefix("ROWS "))


def figure(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.1f} {unit}"


def table_row(row: dict) -> list[str]:
    """benchmark, value, floor, ratio, target: as text, with '-' for what a row lacks."""
    if "floor_name" not in row:
        return [row["name"], "-", "-", "-", "-"]
    unit = row.get("unit", "s")
    value = row.get("value", row.get("seconds"))
    floor = row.get("floor_value", row.get("floor_seconds"))
    ratio = value / floor
    target = row.get("target")
    verdict = "-" if target is None else f"<= {target:g}x " + ("ok" if ratio <= target else
                                                                 "MISSED")
    return [row["name"], figure(value, unit), f"{row['floor_name']}: {figure(floor, unit)}",
            f"{ratio:.2f}x", verdict]


def print_table(rows: list[list[str]]) -> None:
    """A Markdown table, so that it can go into the README as it is."""
    header = ["benchmark", "value", "floor", "ratio", "target"]
    widths = [max(len(line[column]) for line in [header, *rows]) for column in range(5)]
    for line in [header, ["-" * width for width in widths], *rows]:
        cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        print("| " + " | ".join(cells) + " |")


def main(argv: list[str]) -> int:
    rows = []
    for module in benchmark_modules(argv):
        started = time.perf_counter()
        print(f"running {module} ...", file=sys.stderr, flush=True)
        rows += [table_row(row) for row in run_module(module)]
        print(f"  {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    print_table(rows)
    return 1 if any(row[4].endswith("MISSED") or row[1] == "-" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
