"""Builds templates/reference.docx: the Word styles every exported policy uses.

Run by hand after changing a style: `.venv/bin/python templates/build_reference_docx.py`.
The export writes style names only, so restyling the policy means editing this file.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

OUTPUT = Path(__file__).resolve().parent / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
INK = "1F3A5F"  # headings: a dark blue that prints well in black and white
GREY = "595959"


def _style(kind: str, style_id: str, name: str, body: str, *, based_on: str = "Normal",
           next_style: str = "", default: bool = False) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    after = f'<w:next w:val="{next_style}"/>' if next_style else ""
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}"{flag} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'{based}{after}<w:qFormat/>{body}</w:style>')


def _paragraph(style_id: str, name: str, ppr: str = "", rpr: str = "", **options: str) -> str:
    return _style("paragraph", style_id, name, f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr>",
                  **options)


def _heading(level: int, size_half_points: int, before: int, after: int) -> str:
    return _paragraph(
        f"Heading{level}", f"heading {level}",
        f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/>'
        f'<w:outlineLvl w:val="{level - 1}"/>',
        f'<w:b/><w:color w:val="{INK}"/><w:sz w:val="{size_half_points}"/>'
        f'<w:szCs w:val="{size_half_points}"/>', next_style="Normal")


def _toc(level: int) -> str:
    # Right tab with dot leader at the text width (6.5 in) for the page numbers Word fills in.
    return _paragraph(f"TOC{level}", f"toc {level}",
                      f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>'
                      f'<w:spacing w:after="60"/><w:ind w:left="{(level - 1) * 440}"/>',
                      next_style="Normal")


def _border(side: str, size: int = 4, color: str = "A6A6A6") -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="{color}"/>'


TABLE_STYLE = (
    '<w:style w:type="table" w:styleId="PolicyTable"><w:name w:val="Policy Table"/>'
    '<w:basedOn w:val="TableNormal"/><w:qFormat/>'
    '<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
    '<w:tblPr><w:tblBorders>'
    + "".join(_border(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/>'
    '<w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
    '<w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
    '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE4EE"/></w:tcPr></w:tblStylePr>'
    '</w:style>')

STYLES = (
    f'<w:styles xmlns:w="{W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" '
    'w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
    '</w:pPrDefault></w:docDefaults>'
    + _paragraph("Normal", "Normal", based_on="", default=True)
    + _style("character", "DefaultParagraphFont", "Default Paragraph Font", "", based_on="",
             default=True)
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
    '<w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    '</w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '</w:style>'
    + _paragraph("Title", "Title", '<w:spacing w:before="0" w:after="120"/>',
                 f'<w:b/><w:color w:val="{INK}"/><w:sz w:val="48"/><w:szCs w:val="48"/>',
                 next_style="Subtitle")
    + _paragraph("Subtitle", "Subtitle", '<w:spacing w:after="40"/>',
                 f'<w:color w:val="{GREY}"/><w:sz w:val="24"/><w:szCs w:val="24"/>')
    + _heading(1, 30, 360, 120)
    + _heading(2, 24, 200, 80)
    + _paragraph("ListBullet", "List Bullet",
                 '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/>')
    + _paragraph("ListNumber", "List Number",
                 '<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/>')
    # The label, then a tab whose underscore leader draws the line to sign on. (A border per
    # paragraph would not do: Word and LibreOffice merge the borders of alike paragraphs.)
    + _paragraph("SignatureLine", "Signature Line",
                 '<w:keepNext/><w:tabs><w:tab w:val="left" w:leader="underscore" '
                 'w:pos="7200"/></w:tabs><w:spacing w:before="600" w:after="0"/>',
                 f'<w:color w:val="{GREY}"/>')
    + _paragraph("TOCHeading", "TOC Heading", '<w:keepNext/><w:spacing w:before="240" '
                 'w:after="120"/>', f'<w:b/><w:color w:val="{INK}"/><w:sz w:val="26"/>'
                 '<w:szCs w:val="26"/>', next_style="Normal")
    + _toc(1) + _toc(2)
    + _paragraph("Header", "header", '<w:spacing w:after="0"/><w:jc w:val="right"/>',
                 '<w:b/><w:caps/><w:color w:val="9B1C1C"/><w:sz w:val="18"/>')
    + _paragraph("Footer", "footer", '<w:spacing w:after="0"/><w:jc w:val="center"/>',
                 f'<w:color w:val="{GREY}"/><w:sz w:val="18"/>')
    + _paragraph("CommentText", "annotation text", rpr='<w:sz w:val="20"/>')
    + _style("character", "CommentReference", "annotation reference",
             '<w:rPr><w:sz w:val="16"/></w:rPr>', based_on="DefaultParagraphFont")
    + _style("character", "Strong", "Strong", "<w:rPr><w:b/><w:bCs/></w:rPr>",
             based_on="DefaultParagraphFont")
    + _style("character", "LineNumber", "line number",
             f'<w:rPr><w:color w:val="{GREY}"/><w:sz w:val="16"/></w:rPr>',
             based_on="DefaultParagraphFont")
    + TABLE_STYLE
    + "</w:styles>")


def _list_level(fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>')


NUMBERING = (
    f'<w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
    + _list_level("bullet", "\u2022") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>'
    + _list_level("decimal", "%1.") + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>")

# Extended properties with nothing about the program that wrote the file.
APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"/>')

# US Letter, one-inch margins.
SECTION = (f'<w:sectPr xmlns:w="{W}"><w:pgSz w:w="12240" w:h="15840"/>'
           '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" '
           'w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>')

# Settings elements that record the template's editing history or ask Word for a thumbnail.
LEFTOVER_SETTINGS = ("rsids", "savePreviewPicture", "proofState", "attachedTemplate")
W14_DOC_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}docId"


def build(path: Path = OUTPUT) -> Path:
    word = docx.Document()  # python-docx's package, stripped and restyled below
    part = word.part
    part.part_related_by(RT.STYLES)._element = parse_xml(STYLES)
    part.part_related_by(RT.NUMBERING)._element = parse_xml(NUMBERING)
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            part.drop_rel(rel_id)
    package_rels = part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_PROPERTIES
    settings = word.settings.element
    for child in list(settings):
        if child.tag.split("}")[1] in LEFTOVER_SETTINGS or child.tag == W14_DOC_ID:
            settings.remove(child)
    settings.find(f"{{{W}}}zoom").set(f"{{{W}}}percent", "100")  # the schema requires it
    for setting in settings.iter(f"{{{W}}}compatSetting"):
        if setting.get(f"{{{W}}}name") == "compatibilityMode":
            setting.set(f"{{{W}}}val", "15")  # Word 2013 and later: no compatibility mode
    body = word.element.body
    for child in list(body):
        body.remove(child)
    body.append(parse_xml(SECTION))
    properties = word.core_properties
    for name in ("author", "comments", "title", "subject", "keywords", "last_modified_by",
                 "category"):
        setattr(properties, name, "")
    word.save(str(path))
    return path


if __name__ == "__main__":
    print(f"Wrote {build()}")
