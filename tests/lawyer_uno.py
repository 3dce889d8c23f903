"""Plays the lawyer in LibreOffice through its UNO API: records changes as a named reviewer.

Run with the system Python (/usr/bin/python3, which has python3-uno), never the venv:
    python3 tests/lawyer_uno.py IN.docx OUT.docx "Reviewer Name" EDITS.json
EDITS is a list of {"op": "insert"|"link"|"delete"|"delete_paragraph"|"paragraph"|
"paragraph_before"|"comment"|"replace"|"delete_through"|"insert_row"|"delete_row"|"track"|
"answer"|"resolve"|"margin"|"split"|"line_break"|"replace_through"|"unlist"|"replace_all"|
"bold"|"join"|"footnote"|"strike",
"find": TEXT,
"text": TEXT}: insert puts text right after TEXT
(a link to "url" if given), link makes TEXT a link to "url", delete removes TEXT,
delete_paragraph the paragraph holding TEXT with its end, paragraph adds a paragraph after
the one holding TEXT,
in "style" if given (a list item "level" levels down, if given), paragraph_before one
before it (typed at its start, then Enter), comment
comments on TEXT (through the end of "to" if given; at the point right after TEXT, with no
words under it, if "point"),
replace types "text" over TEXT, delete_through deletes from the start of TEXT's paragraph to
the start of the paragraph holding "to", insert_row adds a row with "cells" after the table
row holding TEXT, delete_row deletes that row, and track switches Record Changes "on" or off
for the edits after it; answer comments where the comment holding TEXT is, resolve marks that
comment done; margin types "text" over TEXT in a page header or footer; "skip": 1 passes
over TEXT's first occurrence (a heading's is in the contents); split types Enter right
after TEXT, line_break Shift+Enter right after TEXT (then "text", if given),
replace_through types "text" over all from TEXT to the end of "to", across paragraphs,
unlist takes the list formatting off TEXT's paragraph (its bullet or number gone),
replace_all is Find & Replace's Replace All of TEXT by "text", bold makes TEXT bold, and join
presses Delete at the end of TEXT's paragraph (the next one joins it), footnote adds a
footnote saying "text" right after TEXT, and strike strikes TEXT through.
OUT's suffix chooses the format: .docx, .odt, .doc or .rtf.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # noqa: F401  (python3-uno: registers the com.sun.star modules)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def _props(**values):
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.2)
    raise SystemExit("LibreOffice did not start")


def _set_user(context, name):
    """Tracked changes and comments carry the user's name from LibreOffice's profile."""
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        _props(nodepath="/org.openoffice.UserProfile/Data"))
    given, _, family = name.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def _found(document, text):
    """A selection of each place the text is, found paragraph by paragraph, then in the tables'
    cells (searching needs a view, which this LibreOffice has not)."""
    texts = [document.Text] + [table.getCellByName(name) for table in document.TextTables
                               for name in table.getCellNames()]
    for where in texts:
        paragraphs = where.createEnumeration()
        while paragraphs.hasMoreElements():
            paragraph = paragraphs.nextElement()
            if not paragraph.supportsService("com.sun.star.text.Paragraph"):
                continue
            whole, at = paragraph.getString(), 0
            while (at := whole.find(text, at)) >= 0:
                cursor = where.createTextCursorByRange(paragraph.getStart())
                _select(cursor, at)
                cursor.collapseToEnd()
                _select(cursor, len(text))
                yield cursor
                at += len(text)


def _select(cursor, length):
    """Extend the selection over `length` characters of text: a comment's anchor is a place
    the cursor passes that the paragraph's text has no character for."""
    while len(cursor.getString()) < length and cursor.goRight(1, True):
        pass


def _find(document, text, skip=0):
    """The text's first place, `skip` places (a heading's in the contents) passed over."""
    for cursor in _found(document, text):
        if not skip:
            return cursor
        skip -= 1
    raise SystemExit(f"not in the document: {text!r}")


def _row(document, text):
    """(table, row index) of the table row with a cell holding the text."""
    for table in document.TextTables:
        for name in table.getCellNames():
            if text in table.getCellByName(name).getString():
                return table, int("".join(c for c in name if c.isdigit())) - 1
    raise SystemExit(f"in no table row: {text!r}")


def _margin(document, text):
    """A selection of the text in a page style's header or footer."""
    styles = document.StyleFamilies.getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        for part in ("HeaderText", "HeaderTextFirst", "FooterText", "FooterTextFirst"):
            where = style.getPropertyValue(part) if style.getPropertySetInfo().hasPropertyByName(
                part) else None
            at = where.getString().find(text) if where is not None else -1
            if at >= 0:
                cursor = where.createTextCursor()
                cursor.goRight(at, False)
                cursor.goRight(len(text), True)
                return cursor
    raise SystemExit(f"in no header or footer: {text!r}")


def _note(document, text):
    """The comment whose words hold the text."""
    fields = document.TextFields.createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation") \
                and text in field.Content:
            return field
    raise SystemExit(f"no comment says {text!r}")


def _edit(document, edit, reviewer):
    if edit["op"] in ("answer", "resolve"):  # a comment where another is, or marked done
        note = _note(document, edit["find"])
        if edit["op"] == "resolve":
            note.Resolved = True
            return
        answer = document.createInstance("com.sun.star.text.textfield.Annotation")
        answer.Author = reviewer
        answer.Content = edit["text"]
        anchor = note.Anchor
        anchor.getText().insertTextContent(anchor.getEnd(), answer, False)
        return
    if edit["op"] == "track":
        document.RecordChanges = edit["on"]
        return
    if edit["op"] == "margin":
        _margin(document, edit["find"]).setString(edit["text"])
        return
    if edit["op"] == "replace_all":  # Find & Replace's Replace All, in the body and tables
        for cursor in list(_found(document, edit["find"])):  # all found before any is typed
            cursor.setString(edit["text"])
        return
    if edit["op"] in ("insert_row", "delete_row"):
        table, row = _row(document, edit["find"])
        if edit["op"] == "delete_row":
            table.Rows.removeByIndex(row, 1)
            return
        table.Rows.insertByIndex(row + 1, 1)
        for column, text in enumerate(edit["cells"]):
            table.getCellByPosition(column, row + 1).setString(text)
        return
    found = _find(document, edit["find"], edit.get("skip", 0))
    text = found.getText()
    if edit["op"] == "insert":
        cursor = text.createTextCursorByRange(found.getEnd())
        text.insertString(cursor, edit["text"], False)
        if edit.get("url"):  # the inserted words made a link to the address
            cursor.goLeft(len(edit["text"]), True)
            cursor.HyperLinkURL = edit["url"]
    elif edit["op"] == "footnote":  # Insert > Footnote right after TEXT, "text" its words
        note = document.createInstance("com.sun.star.text.Footnote")
        text.insertTextContent(text.createTextCursorByRange(found.getEnd()), note, False)
        note.setString(edit["text"])
    elif edit["op"] == "link":
        found.HyperLinkURL = edit["url"]
    elif edit["op"] == "delete":
        found.setString("")
    elif edit["op"] == "delete_paragraph":  # the paragraph holding TEXT, with its mark
        cursor = text.createTextCursorByRange(found.getStart())
        cursor.gotoStartOfParagraph(False)
        cursor.gotoEndOfParagraph(True)
        cursor.goRight(1, True)
        cursor.setString("")
    elif edit["op"] == "paragraph":
        cursor = text.createTextCursorByRange(found.getEnd())
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
        text.insertString(cursor, edit["text"], False)
        if edit.get("style"):  # a style name, such as "Heading 2"
            cursor.ParaStyleName = edit["style"]
        if edit.get("level"):  # a list item put a level down (Tab at its start): 1 and on
            cursor.NumberingLevel = edit["level"]
    elif edit["op"] == "paragraph_before":  # typed at the start of TEXT's paragraph, then Enter
        cursor = text.createTextCursorByRange(found.getStart())
        cursor.gotoStartOfParagraph(False)
        text.insertString(cursor, edit["text"], False)
        text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
    elif edit["op"] == "replace":
        found.setString(edit["text"])
    elif edit["op"] == "split":  # Enter typed right after TEXT
        cursor = text.createTextCursorByRange(found.getEnd())
        text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
    elif edit["op"] == "unlist":  # the list formatting taken off TEXT's paragraph
        found.NumberingStyleName = ""
    elif edit["op"] == "strike":  # TEXT struck through (Format > Text > Strikethrough)
        found.CharStrikeout = 1  # com.sun.star.awt.FontStrikeout.SINGLE
    elif edit["op"] == "bold":  # TEXT made bold (Ctrl+B)
        found.CharWeight = 150.0  # com.sun.star.awt.FontWeight.BOLD
    elif edit["op"] == "join":  # Delete pressed at the end of TEXT's paragraph
        cursor = text.createTextCursorByRange(found.getEnd())
        cursor.gotoEndOfParagraph(False)
        cursor.goRight(1, True)
        cursor.setString("")
    elif edit["op"] == "line_break":  # Shift+Enter right after TEXT, then "text"
        cursor = text.createTextCursorByRange(found.getEnd())
        text.insertControlCharacter(cursor, 1, False)  # LINE_BREAK
        text.insertString(cursor, edit.get("text", ""), False)
    elif edit["op"] == "replace_through":  # "text" typed over all from TEXT to the end of "to"
        cursor = text.createTextCursorByRange(found.getStart())
        cursor.gotoRange(_find(document, edit["to"]).getEnd(), True)
        cursor.setString(edit["text"])
    elif edit["op"] == "delete_through":  # whole paragraphs, up to the one holding "to"
        cursor = text.createTextCursorByRange(found.getStart())
        cursor.gotoStartOfParagraph(False)
        cursor.gotoRange(_find(document, edit["to"], edit.get("skip", 0)).getStart(), True)
        cursor.gotoStartOfParagraph(True)
        cursor.setString("")
    elif edit["op"] == "comment":
        if "to" in edit:  # a comment on all from TEXT to the end of "to", across paragraphs
            found = text.createTextCursorByRange(found.getStart())
            found.gotoRange(_find(document, edit["to"]).getEnd(), True)
        if edit.get("point"):  # Insert > Comment with nothing selected
            found.collapseToEnd()
        note = document.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = reviewer
        note.Content = edit["text"]
        text.insertTextContent(found, note, not edit.get("point"))


def main(source, target, reviewer, edits_file):
    edits = json.loads(Path(edits_file).read_text())
    with tempfile.TemporaryDirectory() as profile:
        pipe = f"smpolicy_lawyer_{os.getpid()}"
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            context = _connect(pipe)
            _set_user(context, reviewer)
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
            # Loaded as a bare model, without a view: the -nogui build crashes making one.
            document = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.text.TextDocument", context)
            document.load(_props(URL=Path(source).resolve().as_uri(),
                                 FilterName="MS Word 2007 XML"))
            document.RecordChanges = True
            for edit in edits:
                _edit(document, edit, reviewer)
            formats = {".odt": "writer8", ".doc": "MS Word 97", ".rtf": "Rich Text Format"}
            document.storeToURL(Path(target).resolve().as_uri(), _props(
                FilterName=formats.get(Path(target).suffix, "MS Word 2007 XML")))
            document.close(True)
            with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
                desktop.terminate()
        finally:  # soffice starts soffice.bin in its session: make sure all of it ends
            with contextlib.suppress(subprocess.TimeoutExpired):
                office.wait(timeout=20)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(office.pid, signal.SIGKILL)
            office.wait()


if __name__ == "__main__":
    main(*sys.argv[1:5])
