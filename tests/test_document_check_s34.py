"""Checking a policy document the owner has (`smpolicy check --document`, File > Check a Policy
Document...), round 34: the words of a Word or LibreOffice file's headers and footers, the list
items of a text file marked "a)" or "(i)", and a file the check cannot read told how to make it
one it can.
"""

from __future__ import annotations

import json

import pytest

from smpolicy_desktop.cli import main
from tests.clients import docx_to_pdf, to_odt

FOOTER_RULE = "Employees may not discuss wages - Confidential"


def footed_policy(path) -> None:
    """A Word policy of two sections (the second a landscape page with the same footer of its
    own), its first page's header and footer set apart as Word's "Different first page" does,
    each saying the same: a header with the title and a footer that carries a rule."""
    import docx
    from docx.enum.section import WD_SECTION

    document = docx.Document()
    document.add_paragraph("Social media")
    document.add_paragraph("Do not post negative comments about the company or its managers "
                           "online.")
    first = document.sections[0]
    first.different_first_page_header_footer = True
    for header in (first.header, first.first_page_header):
        header.paragraphs[0].text = "Acme Bakery - Social media policy"
    for footer in (first.footer, first.first_page_footer):
        footer.paragraphs[0].text = FOOTER_RULE
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = FOOTER_RULE
    document.add_paragraph("Report threats to your manager.")
    document.save(str(path))


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_a_rule_in_a_footer_is_found_once_and_said_to_be_in_the_footer(tmp_path, capsys, kind):
    """A rule in a Word or LibreOffice footer ("Employees may not discuss wages - Confidential",
    under every page) went unchecked: only the body was read. It is found once, not once for
    each section or first page that repeats it, said to be in the footer; the body's
    paragraphs keep their numbers, and the header's title is no finding."""
    policy = tmp_path / "policy.docx"
    footed_policy(policy)
    if kind == "odt":
        policy = to_odt(policy, tmp_path)
    assert main(["check", "--document", str(policy)]) == 1
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith(("paragraph", "the", "  Text"))] \
        == ["paragraph 2: [warning] nlra.disparagement",
            '  Text: "Do not post negative comments about the company or its managers online."',
            "the footer: [error] nlra.pay", f'  Text: "{FOOTER_RULE}"']
    main(["check", "--document", str(policy), "--json"])
    assert [(f["part"], f["paragraph"], f["rule"]) for f in
            json.loads(capsys.readouterr().out)["findings"]] == [
        ("body", 2, "nlra.disparagement"), ("footer", None, "nlra.pay")]


def test_the_window_says_a_footers_rule_is_in_the_footer(tmp_path):
    """The report the window shows words the place as the command line does, in plain words."""
    from smpolicy_desktop.checking import document_report
    from smpolicy_desktop.checks.facts import CheckFacts
    from smpolicy_desktop.model import Project

    policy = tmp_path / "policy.docx"
    footed_policy(policy)
    text, error = document_report(policy, CheckFacts.from_project(Project()), "Acme Bakery")
    assert not error
    assert [line for line in text.splitlines() if line.startswith(("Paragraph", "The"))] == [
        "Paragraph 2: Risky under labor law", "The footer: Likely unlawful under labor law"]


PAY_ITEM = "discuss their wages with coworkers;"
CRITICISM_ITEM = "post negative comments about the company or its managers online."


def document_findings(capsys, policy) -> list[tuple[int, str, str]]:
    """(paragraph, rule, quoted words) of each finding `check --document` prints as JSON."""
    main(["check", "--document", str(policy), "--json"])
    return [(f["paragraph"], f["rule"], f["excerpt"])
            for f in json.loads(capsys.readouterr().out)["findings"]]


@pytest.mark.parametrize(("first", "second"), [
    ("a)", "b)"), ("(a)", "(b)"), ("a.", "b."), ("A)", "B)"), ("(i)", "(ii)"), ("i.", "ii."),
    ("(1)", "(2)"), ("1.", "2."), ("-", "-")])
@pytest.mark.parametrize("name", ["policy.txt", "policy.md"])
def test_items_marked_with_letters_or_roman_numbers_go_on_from_their_lead_in(
        tmp_path, capsys, name, first, second):
    """Items of a text file marked "a)", "(a)" or "(i)" were no list items: "(i) discuss their
    wages with coworkers;" under "Employees must not:" was read alone and passed, and "a)" items
    were joined to the lead-in as one long sentence reported on its line. Each is read with
    the lead-in it finishes, as a Word file's are, found on its own line quoting its words."""
    policy = tmp_path / name
    policy.write_text(f"Social media\n\nEmployees must not:\n{first} {PAY_ITEM}\n"
                      f"{second} {CRITICISM_ITEM}\n\nReport threats to your manager.\n",
                      encoding="utf-8")
    assert document_findings(capsys, policy) == [
        (4, "nlra.pay", PAY_ITEM), (5, "nlra.disparagement", CRITICISM_ITEM)]


@pytest.mark.parametrize("line", ["A. Smith will answer questions about this policy.",
                                  "I. Scope", "e.g. posts on your own accounts."])
def test_a_line_that_only_starts_like_a_letter_item_is_read_whole(tmp_path, capsys, line):
    """A name's initial, a numbered part's Roman number or "e.g." start no list item: the line
    is read with the words it starts with, as before."""
    from smpolicy_desktop.checks.document_check import read_paragraphs

    policy = tmp_path / "policy.txt"
    policy.write_text(f"Social media\n\nWe review this policy every year.\n{line}\n",
                      encoding="utf-8")
    assert [paragraph.text for paragraph in read_paragraphs(policy)][3] == \
        (line if line.startswith(("A.", "e.g.")) else "Scope")


WORDPAD = (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Calibri;}}\\f0 Employees may not discuss "
           b"wages.\\par}")
OLD_WORD = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)  # an OLE compound file's start
SAVE_RTF_AS_WORD = ("open it in WordPad, TextEdit or Word, save it as a Word document (.docx) "
                    "and check that")


@pytest.mark.parametrize(("name", "content", "said"), [
    ("handbook.rtf", WORDPAD, f"cannot read .rtf files; {SAVE_RTF_AS_WORD}"),
    ("handbook.doc", OLD_WORD,
     "cannot read .doc files; open it in Word or LibreOffice, save it as a Word document "
     "(.docx) and check that"),
    ("handbook.txt", WORDPAD,  # WordPad's file, named as text: its markup was checked as words
     f"is a Rich Text Format file (.rtf), whatever its name says; {SAVE_RTF_AS_WORD}"),
    ("handbook.docx", OLD_WORD,  # Word 97-2003's file, named as a Word document
     "is a Word 97-2003 document (.doc), whatever its name says; open it in Word or "
     "LibreOffice, save it as a Word document (.docx) and check that"),
    ("locked.docx", OLD_WORD + "EncryptedPackage".encode("utf-16-le"),  # Word keeps it so
     "the file is protected with a password; save a copy without one and check that")])
def test_a_wordpad_or_old_word_handbook_is_refused_with_how_to_make_a_docx_of_it(
        tmp_path, capsys, name, content, said):
    """Many handbooks are .rtf (WordPad, TextEdit) or the older Word .doc: the check refused
    them with the list of what it reads, read an .rtf named .txt as text, its markup and all,
    and said a .doc named .docx, or a Word file locked with a password, was "not a Word
    document that can be read". It says what the file is and what to do, in one line."""
    policy = tmp_path / name
    policy.write_bytes(content)
    assert main(["check", "--document", str(policy)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {policy}: {said}\n"


def test_an_english_line_without_small_words_is_checked_and_a_french_one_is_named(tmp_path,
                                                                                 capsys):
    """A list item of an owner's LibreOffice handbook, "discuss patient details, even without
    names;", was said to be "not in English and was not checked": it has none of the small
    words the check looked for. A paragraph whose words are English words is English; one in
    French is still named."""
    policy = tmp_path / "policy.txt"
    policy.write_text("Social media\n\nWhen you post about work, you must not:\n"
                      "a. discuss patient details, even without names;\n"
                      "b. complain about your coworkers or managers online.\n\n"
                      "Photos: patient consent forms required beforehand.\n"
                      "Les employés ne doivent pas publier de commentaires négatifs sur la "
                      "société.\n", encoding="utf-8")
    main(["check", "--document", str(policy), "--json"])
    assert json.loads(capsys.readouterr().out)["note"] == (
        "Paragraph 8 is not in English and was not checked: the risk check reads English only.")


def pdf_findings(tmp_path, capsys, document) -> list[tuple[str, str, str]]:
    """(part, rule, quoted words) of each finding in LibreOffice's PDF of a Word `document`,
    a last page saying "We review this policy every year." added."""
    document.add_paragraph("We review this policy every year.")
    policy = tmp_path / "policy.docx"
    document.save(str(policy))
    main(["check", "--document", str(docx_to_pdf(policy, tmp_path)), "--json"])
    return [(f["part"], f["rule"], f["excerpt"])
            for f in json.loads(capsys.readouterr().out)["findings"]]


def test_a_pdfs_footer_on_every_page_is_found_once_and_a_dont_on_each_page_kept(tmp_path,
                                                                              capsys):
    """A PDF's footer comes with every page's text: its rule was reported once a page, and
    cut the sentence running over the page break in two. A line on every page (the header or
    footer) is read once, said to be in the header or footer; a "Don't:" that heads a list on
    each page is still read over its own items."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Acme Bakery - Social media policy"
    section.footer.paragraphs[0].text = FOOTER_RULE
    for item in ("Complain about your manager online.", "Discuss your pay with coworkers."):
        document.add_paragraph("Don't:")
        document.add_paragraph(item, style="List Bullet")
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    assert pdf_findings(tmp_path, capsys, document) == [
        ("body", "nlra.disparagement", "Complain about your manager online."),
        ("body", "nlra.pay", "Discuss your pay with coworkers."),
        ("footer", "nlra.pay", FOOTER_RULE)]


def test_a_web_pages_list_items_written_as_paragraphs_go_on_from_their_lead_in(tmp_path,
                                                                             capsys):
    """LibreOffice (and many an intranet's editor) writes a list item's words in a paragraph
    inside it, <li><p>...</p></li>: they were read as paragraphs of their own, so "discuss
    patient details, even without names;" under "you must not:" was reported as an order to
    share patients' details, and the bans on pay talk and criticism passed. They are list
    items, each read with the lead-in it finishes, as a Word file's are."""
    policy = tmp_path / "policy.html"
    policy.write_text(
        "<html><body><h1>Social media</h1><p>When you post about work, you must not:</p>"
        '<ol type="a"><li><p>discuss patient details, even without names;</p></li>'
        f"<li><p>{PAY_ITEM}</p></li><li><p>{CRITICISM_ITEM}</p></li></ol>"
        "<p>Report threats to your manager.</p></body></html>", encoding="utf-8")
    assert document_findings(capsys, policy) == [
        (4, "nlra.pay", PAY_ITEM), (5, "nlra.disparagement", CRITICISM_ITEM)]


@pytest.mark.parametrize("markers", [("a)", "b)"), ("(a)", "(b)"), ("(i)", "(ii)"), ("1.", "2."),
                                     ("1)", "2)")])
@pytest.mark.parametrize("name", ["policy.txt", "policy.docx"])
def test_items_listed_in_the_lead_ins_own_line_are_each_read_with_it(tmp_path, capsys, name,
                                                                     markers):
    """"Employees must not: a) discuss their wages with coworkers; b) post negative comments
    ..." on one line was read as one long sentence, each finding quoting all of it. Each item
    is read with the lead-in it finishes and quoted alone, on the lead-in's line; the words
    before the lead-in are read as they were."""
    line = (f"Report threats to your manager. Employees must not: {markers[0]} {PAY_ITEM} "
            f"{markers[1]} {CRITICISM_ITEM}")
    policy = tmp_path / name
    if name.endswith(".docx"):
        import docx

        document = docx.Document()
        document.add_paragraph("Social media")
        document.add_paragraph()
        document.add_paragraph(line)
        document.save(str(policy))
    else:
        policy.write_text(f"Social media\n\n{line}\n", encoding="utf-8")
    assert document_findings(capsys, policy) == [
        (3, "nlra.pay", PAY_ITEM), (3, "nlra.disparagement", CRITICISM_ITEM)]


def test_a_letter_in_brackets_that_starts_no_list_leaves_the_sentence_whole(tmp_path, capsys):
    """Only a run of markers in order (a, b, ...) lists items: "(a)" alone is a word of the
    sentence, which is read whole."""
    policy = tmp_path / "policy.txt"
    policy.write_text("Social media\n\nStaff must not: (a) discuss their wages with coworkers "
                      "or (c) anything else.\n", encoding="utf-8")
    assert [excerpt for _, _, excerpt in document_findings(capsys, policy)] == [
        "Staff must not: (a) discuss their wages with coworkers or (c) anything else."]


NESTED = [("1.", "When you post online, you must not:"),
          ("a)", "Discuss your wages with coworkers."),
          ("b)", "Post negative comments about the company or its managers online."),
          ("2.", "Keep client files confidential.")]


def nested_list(path) -> None:
    """An owner's numbered rule whose lead-in is itself an item, its sub-items lettered and
    written as sentences: in a text file (the sub-items indented or not), a Word file (a
    multilevel list: "1." over "a)"), a LibreOffice file or a web page (a list in a list)."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_paragraph("Social media")
        for marker, words in NESTED:
            document.add_paragraph(words, style="List Number" if marker[0].isdigit()
                                   else "List Number 2")
        document.save(str(path))
    elif path.suffix == ".html":
        items = [f"<li>{words}</li>" for _, words in NESTED]
        path.write_text(f"<h1>Social media</h1><ol><li>{NESTED[0][1]}<ol type='a'>"
                        f"{''.join(items[1:3])}</ol></li>{items[3]}</ol>", encoding="utf-8")
    else:
        indent = "   " if path.stem == "indented" else ""
        path.write_text("Social media\n" + "".join(
            f"{'' if marker[0].isdigit() else indent}{marker} {words}\n"
            for marker, words in NESTED), encoding="utf-8")


@pytest.mark.parametrize("name", ["policy.txt", "indented.txt", "policy.docx", "policy.odt",
                                  "policy.html"])
def test_sub_items_of_a_numbered_lead_in_are_read_with_it_whatever_their_first_letter(
        tmp_path, capsys, name):
    """"1. When you post online, you must not:" over "a) Discuss your wages with coworkers."
    passed: an item below a lead-in that is itself an item went on from it only when it
    started in lower case (so that "2. Keep client files confidential." does not), and both
    bans were read as orders to do it, the topic of employees' rights counted as covered. An
    item of a list inside the lead-in's (lettered under numbered, indented, a deeper level)
    goes on from it; the next item of the lead-in's own list does not."""
    policy = tmp_path / name
    if name.endswith(".odt"):
        nested_list(tmp_path / "policy.docx")
        policy = to_odt(tmp_path / "policy.docx", tmp_path)
    else:
        nested_list(policy)
    assert [(rule, excerpt) for _, rule, excerpt in document_findings(capsys, policy)] == [
        ("nlra.pay", NESTED[1][1]), ("nlra.disparagement", NESTED[2][1])]


@pytest.mark.parametrize("footer", ['<div title="footer"><p>{}</p></div>',  # LibreOffice's
                                    "<footer><p>{}</p></footer>"])
def test_a_web_pages_footer_rule_is_said_to_be_in_the_footer(tmp_path, capsys, footer):
    """A handbook saved as a web page by LibreOffice keeps its page header and footer in
    <div title="header"> and <div title="footer">; an intranet page has <header> and <footer>.
    A rule there was said to be in "paragraph 5", as if in the text; it is in the footer, as
    the same handbook's Word file says, and the body's paragraphs are numbered without the
    header's."""
    policy = tmp_path / "policy.html"
    policy.write_text(
        '<html><body><div title="header"><p>Acme Bakery - Social media policy</p></div>'
        "<h1>Social media</h1><p>Do not post negative comments about the company or its "
        f"managers online.</p>{footer.format(FOOTER_RULE)}</body></html>", encoding="utf-8")
    main(["check", "--document", str(policy), "--json"])
    assert [(f["part"], f["paragraph"], f["rule"]) for f in
            json.loads(capsys.readouterr().out)["findings"]] == [
        ("body", 2, "nlra.disparagement"), ("footer", None, "nlra.pay")]


def test_a_pdfs_footer_with_the_page_number_is_found_once(tmp_path, capsys):
    """A footer that numbers its page ("Employees may not discuss wages - Page 1", "... Page
    2") differs from page to page only by its number: its rule was reported once a page. It
    is the footer's, read once, quoted as on the first page."""
    import docx
    from docx.enum.text import WD_BREAK
    from lxml import etree

    document = docx.Document()
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "Employees may not discuss wages - Page "
    footer._p.append(etree.fromstring(  # Word's page number field
        '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    document.add_paragraph("Social media")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    assert pdf_findings(tmp_path, capsys, document) == [
        ("footer", "nlra.pay", "Employees may not discuss wages - Page 1")]
