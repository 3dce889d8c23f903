"""The real programs that read our output: LibreOffice, pandoc and poppler's pdftotext.

Each call is self-contained (LibreOffice gets its own profile folder) so tests and parallel
runs never trip over each other.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import require_tool


def _soffice_convert(sources: list[Path], outdir: Path, target: str, timeout: int) -> None:
    """One LibreOffice run (with its own profile) converting files to the target format."""
    soffice = require_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / ".lo-profile").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(outdir), *map(str, sources)],
                   check=True, timeout=timeout, capture_output=True)


def docx_to_pdf(docx: Path, outdir: Path) -> Path:
    """Convert with LibreOffice, as a lawyer's office suite would open it."""
    _soffice_convert([docx], outdir, "pdf", 300)
    pdf = outdir / f"{docx.stem}.pdf"
    assert pdf.is_file(), f"LibreOffice made no PDF from {docx}"
    return pdf


def docx_to_pdfs(docxs: list[Path], outdir: Path) -> list[Path]:
    """Convert many files in one LibreOffice start (it costs seconds each time it starts)."""
    _soffice_convert(docxs, outdir, "pdf", 600)
    pdfs = [outdir / f"{docx.stem}.pdf" for docx in docxs]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    assert not missing, f"LibreOffice made no PDF for {missing}"
    return pdfs


def to_docx(source: Path, outdir: Path) -> Path:
    """A .txt or .odt converted to Word by LibreOffice, as an owner's existing policy might be."""
    return _converted(source, outdir, "docx")


def to_odt(source: Path, outdir: Path) -> Path:
    """A .txt or .docx saved by LibreOffice in its own format, as a lawyer might send it."""
    return _converted(source, outdir, "odt")


def _converted(source: Path, outdir: Path, extension: str) -> Path:
    _soffice_convert([source], outdir, extension, 300)
    converted = outdir / f"{source.stem}.{extension}"
    assert converted.is_file(), f"LibreOffice made no .{extension} from {source}"
    return converted


def pdf_text(pdf: Path) -> str:
    pdftotext = require_tool("pdftotext")
    return subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, timeout=60,
                          capture_output=True, text=True).stdout


def pandoc_text(source: Path, source_format: str = "docx") -> str:
    """The words pandoc reads from a file, as plain text."""
    pandoc = require_tool("pandoc")
    return subprocess.run([pandoc, "-f", source_format, "-t", "plain", "--wrap=none",
                           str(source)], check=True, timeout=120, capture_output=True,
                          text=True).stdout


def words(text: str) -> list[str]:
    """Text as a list of words, for comparing what two formats say."""
    return text.split()
