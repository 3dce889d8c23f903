"""Compiled templates (and what a start reads from their syntax) are kept between starts, and
a cache that cannot be written or is damaged is harmless."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import EXAMPLE, REPO

RENDER = ("from smpolicy_desktop.render import render_document; "
          "from smpolicy_desktop.storage import load_project; "
          f"print(len(render_document(load_project({str(EXAMPLE)!r})).blocks))")


# A start that has to parse a template says so (parsing one costs more than rendering one).
NO_PARSING = ("import jinja2; jinja2.Environment._parse = lambda *a: "
              "(_ for _ in ()).throw(AssertionError('a template was parsed')); ")


def render_in_fresh_process(cache_home, prefix: str = "") -> str:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    return subprocess.run([sys.executable, "-c", prefix + RENDER], cwd=REPO, env=env,
                          check=True, capture_output=True, text=True).stdout


def test_a_second_start_reuses_the_compiled_templates(tmp_path):
    first = render_in_fresh_process(tmp_path)
    cached = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.cache")}
    assert cached
    assert render_in_fresh_process(tmp_path, NO_PARSING) == first
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.cache")} == cached


def test_a_damaged_cache_entry_is_made_again(tmp_path):
    first = render_in_fresh_process(tmp_path)
    for entry in [*tmp_path.rglob("*.cache"), *tmp_path.rglob("*.json")]:
        entry.write_bytes(entry.read_bytes()[:5])  # cut short, as by a crash or a full disk
    assert render_in_fresh_process(tmp_path) == first
    assert render_in_fresh_process(tmp_path, NO_PARSING) == first


def test_rendering_works_when_the_cache_folder_cannot_be_created(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    assert int(render_in_fresh_process(blocker)) > 100
