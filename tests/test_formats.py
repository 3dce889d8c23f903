"""Every preset and the example export to Word, HTML and Markdown, and real programs read them.

LibreOffice converts every .docx to PDF (in one start, it is slow), pandoc reads them, and the
Word file says the same words as the HTML preview.
"""

from __future__ import annotations

import docx
import lxml.html
import pytest

from smpolicy_desktop.model import CounselNote
from smpolicy_desktop.presets import presets
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project
from smpolicy_desktop.workspace import Workspace
from tests.clients import docx_to_pdfs, pandoc_text, pdf_text, words
from tests.conftest import EXAMPLE
from tests.docx_projects import filled_project, record_sent

FORMATS = ("docx", "html", "md")


def _edited_since_export():
    project = filled_project()
    record_sent(project)
    project.training.when_trained = "In their first week, and every spring"
    project.employees.confidential_info = ["Client files and client data"]
    return project


def _projects() -> dict[str, tuple]:
    """name -> (project, kind, Word options) for every preset, the example, and a filled-in
    project in every variant of the Word file."""
    projects = {f"preset-{name}": (preset.project(), None, {})
                for name, preset in presets().items()}
    projects["example"] = (load_project(EXAMPLE), None, {})
    projects["filled-full"] = (filled_project(), "full", {})
    projects["filled-short"] = (filled_project(), "short", {})
    projects["filled-final"] = (filled_project(review__final=True), "full", {})
    projects["filled-line-numbers"] = (filled_project(), "full", {"line_numbers": True})
    projects["filled-changes"] = (_edited_since_export(), "full",
                                  {"changes_since_last": True})
    return projects


PROJECTS = _projects()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, dict[str, object]]:
    """Every project in every format: name -> {format: path, "document": Document}."""
    folder = tmp_path_factory.mktemp("formats")
    files = {}
    for name, (project, kind, word_options) in PROJECTS.items():
        files[name] = {fmt: Workspace(project).export(folder / f"{name}.{fmt}", kind=kind,
                                        **(word_options if fmt == "docx" else {}))
                       for fmt in FORMATS}
        files[name]["document"] = render_document(project, kind)
    return files


@pytest.fixture(scope="module")
def pdfs(exported, tmp_path_factory) -> dict[str, str]:
    """The PDF text of every Word file, converted by one LibreOffice run."""
    names = list(exported)
    converted = docx_to_pdfs([exported[n]["docx"] for n in names],
                             tmp_path_factory.mktemp("pdf"))
    return {name: pdf_text(pdf) for name, pdf in zip(names, converted, strict=True)}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _headings(document) -> list[str]:
    return [b.text for b in document.blocks if b.kind == "heading1"]


@pytest.mark.parametrize("name", PROJECTS)
def test_every_project_exports_to_each_format(exported, name):
    files = exported[name]
    first, second = (p.text for p in docx.Document(files["docx"]).paragraphs[:2])
    if name == "filled-changes":  # a redline first says what it compares with
        assert first.startswith("Changes since version 2.1, sent to counsel on ")
        first = second
    assert first == "Social Media Policy"
    assert "Social Media Policy" in files["html"].read_text(encoding="utf-8")
    assert files["md"].read_text(encoding="utf-8").count("# Social Media Policy") == 1


@pytest.mark.parametrize("name", PROJECTS)
def test_libreoffice_shows_the_title_and_every_section_heading(pdfs, exported, name):
    text = _flat(pdfs[name])
    assert "Social Media Policy" in text
    for heading in _headings(exported[name]["document"]):
        assert _flat(heading) in text


@pytest.mark.parametrize("name", PROJECTS)
def test_pandoc_reads_the_word_file(exported, name):
    # pandoc takes the Title and Subtitle paragraphs as the document's metadata, so plain
    # output shows the headings and the body, not the title block.
    text = _flat(pandoc_text(exported[name]["docx"]))
    document = exported[name]["document"]
    paragraphs = [b.text for b in document.blocks if b.kind == "paragraph"]
    assert _flat(paragraphs[0]) in text and _flat(paragraphs[-1]) in text
    for heading in _headings(exported[name]["document"]):
        assert _flat(heading) in text


def html_words(path) -> list[str]:
    root = lxml.html.parse(str(path)).getroot()
    blocks = root.body.iter("p", "h1", "h2", "h3", "li", "th", "td")
    return words(" ".join(element.text_content() for element in blocks))


def docx_words(path) -> list[str]:
    """The words a reader sees: the draft header once, then the body; not the contents list,
    which is a field Word rebuilds from the headings."""
    word = docx.Document(path)
    texts = [p.text for p in word.sections[0].header.paragraphs]
    body = word.element.body
    for element in body.iterchildren():
        if element.tag.endswith("}p"):
            style = element.style or "Normal"
            if not style.startswith("TOC"):
                texts.append("".join(t.text or "" for t in element.iter("{*}t")))
        elif element.tag.endswith("}tbl"):
            texts.extend(t.text or "" for t in element.iter("{*}t"))
    return words(" ".join(texts))


@pytest.mark.parametrize("name", [n for n in PROJECTS if n != "filled-changes"])
def test_word_and_html_say_the_same_words(exported, name):
    assert docx_words(exported[name]["docx"]) == html_words(exported[name]["html"])


TYPED = ["{{ 7*7 }}", "{% raw %}", "<b>x</b>", "\U0001f680 launch", "\u05e9\u05dc\u05d5\u05dd",
         "x^2^ ~sub~"]  # ^ and ~: pandoc's superscript and subscript (a tester)


def test_typed_text_comes_out_literally_in_every_format(tmp_path):
    project = filled_project()
    project.company.name = "Acme\x07 " + " ".join(TYPED)
    project.employees.confidential_info = ["Plans\x00 " + " ".join(TYPED)]
    project.review.notes_to_counsel = [CounselNote(clause_id="", question="Why?")]
    readings = {
        "docx": pandoc_text(Workspace(project).export(tmp_path / "p.docx")),
        "html": pandoc_text(Workspace(project).export(tmp_path / "p.html"), "html"),
        "md": pandoc_text(Workspace(project).export(tmp_path / "p.md"), "markdown"),
    }
    for fmt, text in readings.items():
        assert f"Acme {' '.join(TYPED)}" in _flat(text), fmt
        assert f"Plans {' '.join(TYPED)}" in _flat(text), fmt
        assert "\x07" not in text and "\x00" not in text
