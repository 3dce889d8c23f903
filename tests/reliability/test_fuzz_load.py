"""Any file at all, opened as a project, gives a Project or one plain line naming the file.

Valid project files are mutated in every way a disk, an editor or a person can damage them;
each kind of damage is one parameter so every class gets its share of examples.
"""

from __future__ import annotations

import codecs
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smpolicy_desktop.model import Project
from smpolicy_desktop.presets import presets
from smpolicy_desktop.storage import (
    ProjectFileError,
    load_project,
    project_to_data,
    save_project,
)
from tests.conftest import EXAMPLE
from tests.reliability.fuzzing import count_example, fuzz

pytestmark = pytest.mark.slow  # hundreds of generated examples

EXAMPLES_PER_CLASS = 300


def _filled_project() -> Project:
    project = presets()["general_b2b"].project()
    project.company.name = "Fuzz & Co"
    project.presence.goals = ["Win clients", "Hire"]
    project.responses.response_matrix = [{"situation": "Complaint", "action": "Answer"}]
    return project


BASES = [project_to_data(p) for p in (Project(), _filled_project())]
BASES.append(json.loads(EXAMPLE.read_bytes()) if EXAMPLE.exists() else BASES[0])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=12)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in parsed JSON that holds a value: tuples of keys and indexes."""
    found = [prefix]
    items = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else ()
    for key, value in items:
        found.extend(_paths(value, (*prefix, key)))
    return found


def _replaced(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


def _at(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def _dump(data: Any) -> bytes:
    return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")


SENTINEL = "\u2603sentinel\u2603"


@st.composite
def _place(draw, containers_only: bool = False) -> tuple[Any, tuple]:
    base = draw(st.sampled_from(BASES))
    paths = [p for p in _paths(base) if not containers_only or isinstance(_at(base, p), dict)]
    return base, draw(st.sampled_from(paths))


@st.composite
def _with_text_at_place(draw, text: st.SearchStrategy[str]) -> bytes:
    """A project file whose value at a random place is replaced by raw JSON text."""
    base, path = draw(_place())
    dumped = _dump(_replaced(base, path, SENTINEL)).decode()
    return dumped.replace(json.dumps(SENTINEL, ensure_ascii=False), draw(text), 1).encode()


def _truncated():
    return st.sampled_from(BASES).flatmap(
        lambda base: st.integers(0, len(_dump(base)) - 1).map(lambda n: _dump(base)[:n]))


@st.composite
def _wrong_types(draw) -> bytes:
    data = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(data)))
        data = _replaced(data, path, draw(json_values))
    return _dump(data)


@st.composite
def _unknown_keys(draw) -> bytes:
    base, path = draw(_place(containers_only=True))
    key = draw(st.text(min_size=1, max_size=draw(st.sampled_from([20, 5000]))))
    inner = dict(_at(base, path))
    inner.setdefault(key, draw(json_values))
    return _dump(_replaced(base, path, inner))


def _deep_nesting():
    def nested(depth: int, kind: str) -> str:
        return ("[" * depth + "]" * depth if kind == "list"
                else '{"a": ' * depth + "1" + "}" * depth)
    return _with_text_at_place(st.builds(nested, st.integers(1, 200_000),
                                         st.sampled_from(["list", "dict"])))


@st.composite
def _huge_strings(draw) -> bytes:
    base, path = draw(_place())
    size = draw(st.integers(100_000, 3_000_000))
    return _dump(_replaced(base, path, draw(st.characters()) * size))


@st.composite
def _invalid_utf8(draw) -> bytes:
    content = _dump(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(content)))
        bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80",
                                    b"\xf4\x90\x80\x80", b"\xe2\x82"]))
        content = content[:at] + bad + content[at:]
    return content


@st.composite
def _byte_order_marks(draw) -> bytes:
    text = _dump(draw(st.sampled_from(BASES))).decode()
    encoding, bom = draw(st.sampled_from([
        ("utf-8", codecs.BOM_UTF8), ("utf-8", codecs.BOM_UTF8 * 2),
        ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-8", b""), ("utf-16-le", b"")]))
    return bom + text.encode(encoding)


def _not_a_number():
    return _with_text_at_place(st.sampled_from([
        "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 5000, "-0", "1.5e-400"]))


@st.composite
def _duplicate_keys(draw) -> bytes:
    base, path = draw(_place(containers_only=True))
    inner = _at(base, path)
    if not inner:
        return _dump(base)
    key = draw(st.sampled_from(sorted(inner)))
    pairs = [*inner.items(), (key, draw(json_values))]
    text = "{" + ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in pairs) + "}"
    base_text = _dump(_replaced(base, path, SENTINEL)).decode()
    return base_text.replace(json.dumps(SENTINEL, ensure_ascii=False), text, 1).encode()


@st.composite
def _versions_and_formats(draw) -> bytes:
    data = dict(draw(st.sampled_from(BASES)))
    key = draw(st.sampled_from(["schema_version", "format", "project"]))
    data[key] = draw(st.sampled_from([0, -1, 1, 3, 99, "2", True, 1.5, None, [], {}]) | json_values)
    return _dump(data)


def _lone_surrogates():
    return _with_text_at_place(st.sampled_from(['"\\ud800"', '"a\\udfffb"', '"\\ud83d\\u0041"',
                                                '["\\udbff"]']))


MUTATIONS = {
    "truncated": _truncated(),
    "wrong types": _wrong_types(),
    "unknown keys": _unknown_keys(),
    "deep nesting": _deep_nesting(),
    "huge strings": _huge_strings(),
    "invalid UTF-8": _invalid_utf8(),
    "byte order marks and UTF-16/32": _byte_order_marks(),
    "NaN, infinities and huge numbers": _not_a_number(),
    "duplicate keys": _duplicate_keys(),
    "wrong format, version or answers": _versions_and_formats(),
    "unpaired surrogate escapes": _lone_surrogates(),
    "random bytes": st.binary(max_size=2000),
    "random JSON": json_values.map(_dump),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("mutation", MUTATIONS)
@fuzz(EXAMPLES_PER_CLASS)
@given(data=st.data())
def test_damaged_file_loads_or_is_refused_in_one_plain_line(folder, mutation, data):
    content = data.draw(MUTATIONS[mutation], label=mutation)
    count_example("load: " + mutation)
    path = folder / "policy.smpolicy"
    path.write_bytes(content)
    try:
        project = load_project(path)
    except ProjectFileError as error:
        message = str(error)
        assert message.startswith(f"{path}: ")
        assert "\n" not in message and "\r" not in message
        assert len(error.reason) <= 300, error.reason
        assert path.read_bytes() == content
        return
    assert isinstance(project, Project)
    assert path.read_bytes() == content
    copy = folder / "saved again.smpolicy"
    save_project(project, copy)
    assert load_project(copy) == project
