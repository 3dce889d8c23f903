"""Benchmark: the risk check grows linearly with the project, and 2,000 list rows take < 1 s;
so does the check of one long answer (1 MB in one paragraph, every seventh sentence risky).

Rows are distinct answers (every tenth a risky one), checked with a cold sentence cache, then
re-checked after one edit (what typing costs). Floors from the same run: ten times the check of
200 rows (what linear growth predicts), and the render of the same 2,000-row project.
Run: .venv/bin/python -m tests.bench.bench_check
"""

from __future__ import annotations

import time


def project_with_rows(rows: int):
    from smpolicy_desktop.presets import presets

    project = presets()["general_b2b"].project()
    project.employees.confidential_info = [
        f"Salary information of team {i}" if i % 10 == 0 else f"Client contract {i}"
        for i in range(rows)]
    return project


def timed_check(rows: int) -> tuple[float, float, float]:
    """(seconds to check cold, seconds to render, seconds to re-check after one edit) for a
    project with that many list rows."""
    from smpolicy_desktop.checks.detect import known_families
    from smpolicy_desktop.checks.language import normalise
    from smpolicy_desktop.checks.model import features, model
    from smpolicy_desktop.checks.policy_check import check_project
    from smpolicy_desktop.render import render_document

    model().forget()  # loading the model once per process is not the check's cost
    for cached in (normalise, features, known_families):
        cached.cache_clear()
    project = project_with_rows(rows)
    started = time.perf_counter()
    document = render_document(project)
    rendered = time.perf_counter()
    check_project(project, document)
    cold, render = time.perf_counter() - rendered, rendered - started
    project.employees.confidential_info[1] = "Pricing sheets"  # what typing does
    started = time.perf_counter()
    check_project(project, render_document(project))
    return cold, render, time.perf_counter() - started


def timed_long_answer(sentences: int) -> float:
    """Seconds to check a project whose one answer is that many sentences in a paragraph."""
    from smpolicy_desktop.checks.policy_check import check_project
    from smpolicy_desktop.presets import presets

    project = presets()["general_b2b"].project()
    project.training.consequences = " ".join(
        "Never post negative comments about managers." if n % 7 == 0 else
        f"Breaking the policy is handled fairly, case {n}." for n in range(sentences))
    started = time.perf_counter()
    check_project(project)
    return time.perf_counter() - started


def measure() -> list[dict]:
    small, _, _ = timed_check(200)
    large, render, again = timed_check(2000)
    short_answer, long_answer = timed_long_answer(2_000), timed_long_answer(20_000)
    return [{"name": "risk check, 2,000 list rows (target < 1 s)", "seconds": large,
             "floor_name": "10 x the check of 200 rows (linear growth)",
             "floor_seconds": 10 * small, "target": 1.5},
            {"name": "risk check, 2,000 list rows", "seconds": large,
             "floor_name": "render of the same project", "floor_seconds": render},
            {"name": "render and re-check after one edit, 2,000 list rows", "seconds": again,
             "floor_name": "render of the same project", "floor_seconds": render},
            {"name": "risk check, a 1 MB answer in one paragraph", "seconds": long_answer,
             "floor_name": "10 x the check of a 100 KB one (linear growth)",
             "floor_seconds": 10 * short_answer, "target": 1.5}]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']}: {row['seconds']:.2f} s; {row['floor_name']}: "
              f"{row['floor_seconds']:.2f} s; ratio {row['seconds'] / row['floor_seconds']:.2f}")
