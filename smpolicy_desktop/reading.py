"""Reading a file the user named (a policy to check, a text of rules, counsel's reply): only a
regular file is opened, so a pipe never waits for a writer and a device is never read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .safe_write import plain_reason

# The kinds of policy document the risk check reads (checks/document_check.py), by extension.
POLICY_DOCUMENTS = (".docx", ".odt", ".pdf", ".html", ".htm", ".txt", ".md")
# Kinds of handbook it does not read, by extension -> where to open one to save it as Word
# (.docx). The window's file dialog lists them too: an owner whose handbook is one finds it,
# and is told how to check it.
SAVE_AS_WORD = {".rtf": "WordPad, TextEdit or Word", ".doc": "Word or LibreOffice"}


OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # an OLE compound file's start: a .doc, or a locked file


def locked_office_file(path: Path) -> bool:
    """Whether an OLE compound file (it starts with OLE) is an Office file protected with a
    password (Word keeps a locked .docx in one, as its "EncryptedPackage"), not a .doc."""
    return "EncryptedPackage".encode("utf-16-le") in path.read_bytes()


def saved_as_word(suffix: str) -> str:
    """What to do with a document of a kind in SAVE_AS_WORD, in plain words."""
    return f"open it in {SAVE_AS_WORD[suffix]}, save it as a Word document (.docx) and check that"


class NotAFileError(Exception):
    """The path names no file that can be read; the reason is plain words."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def regular_file(path: Path) -> os.stat_result:
    """The stat of the file at `path`, or NotAFileError: missing, a folder, or a pipe, device
    or socket (opening a pipe waits until something writes to it: for ever, here)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise NotAFileError(path, "the file does not exist") from None
    except OSError as exc:
        raise NotAFileError(path, f"the file cannot be read ({plain_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAFileError(path, "that is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(path, "that is not a file but a pipe, a device or a socket, so it "
                                  "was not read")
    return info
