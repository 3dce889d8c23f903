"""Print and Export to PDF, both from the same rendered HTML as the preview and the Word file.

Qt lays the policy out on pages (QTextDocument); a PDF is written by QPdfWriter into memory
and then saved atomically, a print goes through the system's print dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

MARGIN_MM = 20


def page_size(letter: bool) -> QPageSize:
    """US Letter in the US, A4 elsewhere."""
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def _laid_out(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def pdf_bytes(html: str, title: str, letter: bool) -> bytes:
    """The policy as a PDF file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("smpolicy")
    writer.setPageLayout(QPageLayout(page_size(letter), QPageLayout.Orientation.Portrait,
                                     QMarginsF(*[MARGIN_MM] * 4), QPageLayout.Unit.Millimeter))
    _laid_out(html).print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def print_html(parent: QWidget, html: str, letter: bool) -> bool:
    """Ask the system's print dialog and print; True when it was sent to a printer."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size(letter))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the policy")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _laid_out(html).print_(printer)
    return True
