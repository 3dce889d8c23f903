"""Compiled templates are kept between starts, and a cache that cannot be written is harmless."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import EXAMPLE, REPO

RENDER = ("from smpolicy_desktop.render import render_document; "
          "from smpolicy_desktop.storage import load_project; "
          f"print(len(render_document(load_project({str(EXAMPLE)!r})).blocks))")


def render_in_fresh_process(cache_home) -> str:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    return subprocess.run([sys.executable, "-c", RENDER], cwd=REPO, env=env, check=True,
                          capture_output=True, text=True).stdout


def test_a_second_start_reuses_the_compiled_templates(tmp_path):
    first = render_in_fresh_process(tmp_path)
    cached = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.cache")}
    assert cached
    assert render_in_fresh_process(tmp_path) == first
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.cache")} == cached


def test_rendering_works_when_the_cache_folder_cannot_be_created(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    assert int(render_in_fresh_process(blocker)) > 100
