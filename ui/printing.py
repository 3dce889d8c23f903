"""Print and Export to PDF, both from the same rendered Document as the preview and Word file.

Qt lays the policy out on pages (QTextDocument); the PDF writer joins the core's export
registry (written atomically like every export), a print goes through the print dialog.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
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


def page_layout(document: Document) -> QPageLayout:
    """The policy's pages, printed or in a PDF: its paper, with the Word file's margins (a
    print had none: the DRAFT mark and the page numbers 10 pt from the paper's edge, where a
    printer clips; found by a tester)."""
    return QPageLayout(page_size(document.paper), QPageLayout.Orientation.Portrait,
                       QMarginsF(*[MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)


def _print(document: Document, device: QPagedPaintDevice) -> None:
    """The policy as the preview shows it, laid out on the device's pages, each with the
    Word file's furniture: the DRAFT mark at its top and at its foot what it is ("Social
    Media Policy - Northwind Analytics LLC, version 1.1, draft of ...") and "Page X of Y".
    The PDF said DRAFT on its first page only, and its pages nothing but a number (found by
    a tester)."""
    from smpolicy_desktop.document import DRAFT_MARK, footer_line, to_html

    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)  # its fonts measured at the device's dots
    text.setHtml(to_html(document, standalone=True))
    page = device.pageLayout().paintRectPixels(device.resolution())
    painter = QPainter(device)
    # for the mark above, the footer below: its line wraps (a long company name cut off both
    # its ends and the draft's date; found by a tester), then the page's number
    band = 3 * painter.fontMetrics().height()
    body = QRectF(0, 0, page.width(), page.height() - 2 * band)
    text.setPageSize(body.size())
    footer, pages = footer_line(document, datetime.now()), text.pageCount()
    for number in range(pages):
        if number:
            device.newPage()
        painter.save()
        painter.translate(0, band - number * body.height())
        text.drawContents(painter, body.translated(0, number * body.height()))
        painter.restore()
        if document.draft:
            painter.drawText(QRectF(0, 0, page.width(), band), Qt.AlignmentFlag.AlignRight,
                             DRAFT_MARK)
        painter.drawText(QRectF(0, page.height() - band, page.width(), band),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                         | Qt.TextFlag.TextWordWrap, f"{footer}\nPage {number + 1} of {pages}")
    painter.end()


def pdf_bytes(document: Document) -> bytes:
    """The policy as a PDF file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document.named)
    writer.setCreator("smpolicy")
    writer.setPageLayout(page_layout(document))
    _print(document, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_pdf(document: Document, handle: BinaryIO, options: ExportOptions) -> None:
    """The PDF exporter's writer: the Document as the preview shows it, on pages."""
    handle.write(pdf_bytes(document))


def register_pdf() -> None:
    """Add "pdf" to the export formats (Qt draws it, so the window registers it)."""
    EXPORTERS.setdefault("pdf", Exporter("pdf", "PDF", "pdf", write_pdf))


def print_policy(parent: QWidget, document: Document, title: str) -> bool:
    """Ask the system's print dialog and print; True when it was sent to a printer. The title
    names the job, and the file when printed to one (Qt proposed "print.pdf": now the
    project's name)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(document))
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the policy")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _print(document, printer)
    return True
