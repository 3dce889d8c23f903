"""Print and Export to PDF, both from the same rendered Document as the preview and Word file.

Qt lays the policy out on pages (QTextDocument); the PDF writer joins the core's export
registry (written atomically like every export), a print goes through the print dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from smpolicy_desktop.exporters import EXPORTERS, Exporter

if TYPE_CHECKING:
    from smpolicy_desktop.document import Document
    from smpolicy_desktop.exporters import ExportOptions

MARGIN_MM = 20


def page_size(paper: str) -> QPageSize:
    """The paper the policy is laid out for (Document.paper: US Letter where the business's
    country uses it, else A4), as in its Word file. The computer's own locale gave an Ontario
    firm's PDF A4 and its Word file Letter (found by a tester)."""
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "Letter" else
                     QPageSize.PageSizeId.A4)


def _laid_out(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def pdf_bytes(html: str, title: str, paper: str) -> bytes:
    """The policy as a PDF file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("smpolicy")
    writer.setPageLayout(QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait,
                                     QMarginsF(*[MARGIN_MM] * 4), QPageLayout.Unit.Millimeter))
    _laid_out(html).print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_pdf(document: Document, handle: BinaryIO, options: ExportOptions) -> None:
    """The PDF exporter's writer: the Document as the preview shows it, on pages."""
    from smpolicy_desktop.document import to_html

    handle.write(pdf_bytes(to_html(document, standalone=True), document.title, document.paper))


def register_pdf() -> None:
    """Add "pdf" to the export formats (Qt draws it, so the window registers it)."""
    EXPORTERS.setdefault("pdf", Exporter("pdf", "PDF", "pdf", write_pdf))


def print_html(parent: QWidget, html: str, title: str, paper: str) -> bool:
    """Ask the system's print dialog and print; True when it was sent to a printer. The title
    names the job, and the file when printed to one (Qt proposed "print.pdf": now the
    project's name)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size(paper))
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the policy")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _laid_out(html).print_(printer)
    return True
