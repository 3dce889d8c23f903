"""What we hand out is inert: no external links, macros or remote images in any .docx, and no
live <img>, <link> or <script> from user text in the HTML export or the preview.
"""

from __future__ import annotations

import re

import lxml.html
import pytest

from smpolicy_desktop.model import Project
from smpolicy_desktop.resources import resource_path
from smpolicy_desktop.workspace import Workspace
from tests.docx_projects import record_sent
from tests.reliability.hostile import LIVE_HTML, PAYLOADS, docx_parts, set_answer, text_fields

REMOTE = ("<img src='http://tracker.example/p.png'> <link rel=stylesheet href=http://e.example> "
          "https://example.com/logo.png \\\\fileserver\\share\\logo.png file:///etc/passwd ")
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "ol",
             "li", "strong", "table", "thead", "tbody", "tr", "th", "td", "a"}
WORD_FIELDS = {"PAGE", "NUMPAGES", "TOC"}


@pytest.fixture(scope="module")
def hostile_project() -> Project:
    project = Project()
    for number, (area, name) in enumerate(text_fields()):
        set_answer(project, area, name, REMOTE + PAYLOADS[number % len(PAYLOADS)])
    project.company.name = "Evil <img src=http://x.example/a.png> Ltd"
    project.review.notes_to_counsel = [{"clause_id": "employees", "question": REMOTE}]
    return project


def word_files(project: Project, folder) -> dict[str, bytes]:
    files = {}
    for kind in ("full", "short"):
        files[kind] = Workspace(project).export(folder / f"{kind}.docx", kind=kind).read_bytes()
    files["line numbers"] = Workspace(project).export(folder / "lines.docx",
                                        line_numbers=True).read_bytes()
    record_sent(project)
    project.company.name += " (changed)"
    files["tracked changes"] = Workspace(project).export(folder / "changes.docx",
                                           changes_since_last=True).read_bytes()
    files["reference.docx"] = resource_path("templates", "reference.docx").read_bytes()
    return files


def test_no_docx_has_external_targets_macros_or_remote_images(hostile_project, tmp_path):
    for name, data in word_files(hostile_project, tmp_path).items():
        parts = docx_parts(data)
        assert not [p for p in parts if re.search(r"vbaProject|\.bin$|activeX", p, re.I)], name
        assert "macroEnabled" not in parts["[Content_Types].xml"], name
        for part, xml in parts.items():
            assert 'TargetMode="External"' not in xml, (name, part)
            assert "attachedTemplate" not in xml, (name, part)
            assert not re.search(r"\br:link=", xml), (name, part)  # linked (not embedded) images
            fields = {m.split()[0] for m in re.findall(r"<w:instrText[^>]*>\s*([^<]+)<", xml)}
            assert fields <= WORD_FIELDS, (name, part, fields)
            if part.endswith(".rels"):
                assert not re.search(r'Target="[a-z]+:', xml, re.I), (name, part)


def assert_inert(html: str) -> None:
    assert not LIVE_HTML.search(html)
    tree = lxml.html.document_fromstring(html)
    for element in tree.iter():
        assert element.tag in HTML_TAGS, element.tag
        attributes = set(element.attrib) - {"class", "lang", "charset"}
        assert attributes <= ({"name"} if element.tag == "a" else set()), element.attrib
    for style in tree.iter("style"):
        assert "url(" not in style.text and "@import" not in style.text


def test_html_export_has_no_live_tags_from_user_text(hostile_project, tmp_path):
    for kind in ("full", "short"):
        html = Workspace(hostile_project).export(tmp_path / f"{kind}.html", kind=kind)
        assert_inert(html.read_text(encoding="utf-8"))


def test_markdown_export_escapes_tags_from_user_text(hostile_project, tmp_path):
    text = Workspace(hostile_project).export(tmp_path / "policy.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<\s*(img|link|script|iframe)", text, re.I)


def test_preview_shows_no_live_tags_and_loads_no_resource(qtbot, hostile_project):
    from ui.preview import PolicyPreview

    preview = PolicyPreview()
    qtbot.addWidget(preview)
    preview.show_document(Workspace(hostile_project).document())
    assert "Evil <img src=http://x.example/a.png> Ltd" in preview.toPlainText()
    assert_inert(f"<html><body>{preview.html.split('</style>', 1)[1]}</body></html>")
    assert "<img" not in preview.document().toHtml()
