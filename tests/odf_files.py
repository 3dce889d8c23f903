"""OpenDocument text files (.odt) built by hand: the least an office program writes (a zip of
the "mimetype", the manifest and content.xml), with the body a test gives."""

from __future__ import annotations

import zipfile
from pathlib import Path

MIMETYPE = "application/vnd.oasis.opendocument.text"
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
 <office:automatic-styles>{styles}</office:automatic-styles>
 <office:body><office:text>{body}</office:text></office:body>
</office:document-content>
"""


def write_odt(path: Path, body: str, styles: str = "", mimetype: str = MIMETYPE) -> Path:
    """An .odt whose text is `body` (text:p, text:h, text:list, table:table ... elements) and
    whose automatic styles are `styles`; another `mimetype` makes a spreadsheet or slides."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype)  # first and stored, as the format asks
        archive.writestr("META-INF/manifest.xml", _MANIFEST.format(mimetype=mimetype),
                         zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", _CONTENT.format(styles=styles, body=body),
                         zipfile.ZIP_DEFLATED)
    return path


def odt_of(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    """An .odt of (tag, words) paragraphs, each tag "h" (a heading) or "p"."""
    return write_odt(path, "".join(
        f'<text:h text:outline-level="2">{words}</text:h>' if tag == "h" else
        f"<text:p>{words}</text:p>" for tag, words in paragraphs))
