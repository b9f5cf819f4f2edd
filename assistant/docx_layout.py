"""GB/T 9704-2012 page layout for the papers, written with python-docx.

A4 paper; 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心 (type area)
156 x 225 mm with 22 lines; body 3号 仿宋_GB2312, title 2号 方正小标宋简体,
headings 一、 in 黑体 and （一） in 楷体_GB2312; page number "— 1 —" in 4号, right on
odd pages and left on even pages. Chinese fonts are named on the w:eastAsia
attribute (Word otherwise uses its default East Asian font) and given a
fallback (w:altName in the font table) for machines without the GB2312 fonts.
Characters outside GB2312 (rare name characters such as 䶮 or 𠀾) are set in a
font that has them, because 仿宋_GB2312 cannot show them.
"""

from __future__ import annotations

import logging
import os
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.run import CT_R
from docx.shared import Length, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from assistant.papers import PaperWriteError
from assistant.templates import blocks as b

logger = logging.getLogger(__name__)

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(37)  # 天头
MARGIN_LEFT = Mm(28)  # 订口
MARGIN_RIGHT = Mm(26)  # 210 - 28 - 156
MARGIN_BOTTOM = Mm(35)  # 297 - 37 - 225
FOOTER_DISTANCE = Mm(22)  # puts the page number about 7 mm below the type area
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines, fixed line spacing
CHAR_WIDTH = Pt(16)  # one 3号 character; indents are counted in characters
LATIN_FONT = "Times New Roman"


@dataclass(frozen=True)
class FontSpec:
    east_asia: str
    size: Length


BODY_FONT = FontSpec("仿宋_GB2312", Pt(16))  # 3号仿宋
TITLE_FONT = FontSpec("方正小标宋简体", Pt(22))  # 2号小标宋
HEADING_FONTS = {1: FontSpec("黑体", Pt(16)), 2: FontSpec("楷体_GB2312", Pt(16)), 3: BODY_FONT}
QUOTE_FONT = FontSpec("楷体_GB2312", Pt(16))
TABLE_FONT = FontSpec("仿宋_GB2312", Pt(14))  # 4号 inside the form table
PAGE_NUMBER_FONT = FontSpec("宋体", Pt(14))  # 4号半角宋体
# Fallback names Word uses when the preferred font is not installed.
FONT_FALLBACKS = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "宋体",
    "黑体": "SimHei",
}
RARE_CHAR_FONT = "宋体"  # SimSun covers GB 18030 including CJK Extension A
RARE_CHAR_FONT_ASTRAL = "SimSun-ExtB"  # CJK Extension B and later
FORM_LABEL_WIDTH = Mm(30)
FORM_VALUE_WIDTH = Mm(48)
FORM_TALL_ROW = Mm(40)

_ALIGN = {
    b.Align.JUSTIFY: WD_PARAGRAPH_ALIGNMENT.JUSTIFY,
    b.Align.CENTER: WD_PARAGRAPH_ALIGNMENT.CENTER,
    b.Align.RIGHT: WD_PARAGRAPH_ALIGNMENT.RIGHT,
}


# --- document set-up ------------------------------------------------------------


def new_document() -> DocxDocument:
    """An empty document with the GB/T 9704 page, fonts and page numbers."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.footer_distance = FOOTER_DISTANCE
    _set_default_font(doc)
    _register_font_fallbacks(doc)
    _add_page_numbers(doc)
    return doc


def _set_default_font(doc: DocxDocument) -> None:
    """Body font, zh-CN language and fixed line pitch for the whole document."""
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    default_rpr = defaults.find(qn("w:rPr"))
    theme_fonts = default_rpr.find(qn("w:rFonts"))
    if theme_fonts is not None:  # theme attributes would override the named fonts
        default_rpr.remove(theme_fonts)
    set_font(default_rpr, BODY_FONT)
    for lang in default_rpr.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    set_font(normal.element.get_or_add_rPr(), BODY_FONT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)


def _register_font_fallbacks(doc: DocxDocument) -> None:
    """Add each Chinese font to the font table with its w:altName fallback."""
    part = next(p for p in doc.part.package.iter_parts() if p.partname.endswith("fontTable.xml"))
    table = parse_xml(part.blob)
    for name, alt in FONT_FALLBACKS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (("w:altName", alt), ("w:charset", "86"), ("w:pitch", "variable")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        table.append(font)
    # python-docx loads the font table as an opaque part; replace its bytes.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_page_numbers(doc: DocxDocument) -> None:
    """'— N —': right with one character inset on odd pages, left on even pages."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in (
        (section.footer, WD_PARAGRAPH_ALIGNMENT.RIGHT),
        (section.even_page_footer, WD_PARAGRAPH_ALIGNMENT.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        inset = Pt(14)
        if align == WD_PARAGRAPH_ALIGNMENT.RIGHT:
            paragraph.paragraph_format.right_indent = inset
        else:
            paragraph.paragraph_format.left_indent = inset
        add_text(paragraph, "— ", PAGE_NUMBER_FONT)
        _add_page_field(paragraph)
        add_text(paragraph, " —", PAGE_NUMBER_FONT)


def _add_page_field(paragraph: DocxParagraph) -> None:
    """A PAGE field: begin, instruction, separate, placeholder result, end."""
    _add_field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    _new_run(paragraph).append(instruction)
    _add_field_char(paragraph, "separate")
    add_text(paragraph, "1", PAGE_NUMBER_FONT)
    _add_field_char(paragraph, "end")


def _add_field_char(paragraph: DocxParagraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    _new_run(paragraph).append(char)


def _new_run(paragraph: DocxParagraph) -> CT_R:
    run = paragraph.add_run()
    set_font(run._element.get_or_add_rPr(), PAGE_NUMBER_FONT)
    return run._element


# --- runs and fonts -------------------------------------------------------------


def set_font(rpr: CT_RPr, spec: FontSpec, east_asia: str | None = None) -> None:
    """Name the fonts on a w:rPr: Latin for digits, East Asian for Chinese text."""
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia or spec.east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    rpr.sz_val = spec.size


def is_rare_ideograph(char: str) -> bool:
    """A Chinese character outside GB2312 (仿宋_GB2312 has no glyph for it)."""
    if "IDEOGRAPH" not in unicodedata.name(char, ""):
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def font_segments(text: str) -> list[tuple[str, str | None]]:
    """Split text into runs: (segment, None) in the paper's font, (segment, font) for rare chars."""
    segments: list[tuple[str, str | None]] = []
    for char in text:
        font = None
        if is_rare_ideograph(char):
            font = RARE_CHAR_FONT_ASTRAL if ord(char) > 0xFFFF else RARE_CHAR_FONT
        if segments and segments[-1][1] == font:
            segments[-1] = (segments[-1][0] + char, font)
        else:
            segments.append((char, font))
    return segments


def add_text(paragraph: DocxParagraph, text: str, spec: FontSpec) -> None:
    """Append text to a paragraph in the given font, rare characters in a font that has them."""
    for segment, rare_font in font_segments(text):
        run = paragraph.add_run(segment)
        set_font(run._element.get_or_add_rPr(), spec, east_asia=rare_font)


# --- blocks -------------------------------------------------------------------


def add_paragraph(
    doc: DocxDocument,
    text: str,
    spec: FontSpec = BODY_FONT,
    align: b.Align = b.Align.JUSTIFY,
    first_line_chars: int = 0,
) -> DocxParagraph:
    paragraph = doc.add_paragraph()
    paragraph.alignment = _ALIGN[align]
    if first_line_chars:
        paragraph.paragraph_format.first_line_indent = CHAR_WIDTH * first_line_chars
    add_text(paragraph, text, spec)
    return paragraph


def add_title(doc: DocxDocument, text: str) -> DocxParagraph:
    paragraph = add_paragraph(doc, text, TITLE_FONT, b.Align.CENTER)
    paragraph.paragraph_format.space_after = LINE_PITCH
    return paragraph


def add_doc_number(doc: DocxDocument, text: str) -> DocxParagraph:
    """发文字号, 3号仿宋 centred, one line above the body."""
    paragraph = add_paragraph(doc, text, BODY_FONT, b.Align.CENTER)
    paragraph.paragraph_format.space_after = LINE_PITCH
    return paragraph


def add_heading(doc: DocxDocument, level: int, text: str) -> DocxParagraph:
    return add_paragraph(doc, text, HEADING_FONTS[min(level, 3)], first_line_chars=2)


def add_cut_line(doc: DocxDocument) -> DocxParagraph:
    """An empty paragraph with a dotted bottom border, and one line of space after it."""
    paragraph = doc.add_paragraph()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "dotted"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    paragraph.paragraph_format.space_after = LINE_PITCH
    return paragraph


def add_form_table(doc: DocxDocument, rows: Iterable[tuple[b.FormField, ...]]) -> None:
    """A four-column bordered table; a row with one field spans its value over three columns."""
    rows = list(rows)
    table = doc.add_table(rows=len(rows), cols=4)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = (FORM_LABEL_WIDTH, FORM_VALUE_WIDTH, FORM_LABEL_WIDTH, FORM_VALUE_WIDTH)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row, fields in zip(table.rows, rows, strict=True):
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
        cells = row.cells
        if len(fields) == 1:
            cells = [cells[0], cells[1].merge(cells[3])]
        for index, field in enumerate(fields):
            _fill_label(cells[2 * index], field.label)
            _fill_value(cells[2 * index + 1], field)
        if any(f.tall for f in fields):
            row.height, row.height_rule = FORM_TALL_ROW, WD_ROW_HEIGHT_RULE.AT_LEAST


def _fill_label(cell: _Cell, label: str) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    add_text(paragraph, label, TABLE_FONT)


def _fill_value(cell: _Cell, field: b.FormField) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = [(line, WD_PARAGRAPH_ALIGNMENT.LEFT) for line in field.lines]
    lines += [(line, WD_PARAGRAPH_ALIGNMENT.RIGHT) for line in field.signoff]
    for index, (line, align) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = align
        add_text(paragraph, line, TABLE_FONT)


def add_block(doc: DocxDocument, block: b.Block) -> None:
    """Lay out one block of a paper."""
    match block:
        case b.Masthead(text) | b.Title(text):
            add_title(doc, text)
        case b.DocNumber(text):
            add_doc_number(doc, text)
        case b.Heading(level, text):
            add_heading(doc, level, text)
        case b.Paragraph(text, indent, align):
            add_paragraph(doc, text, BODY_FONT, align, first_line_chars=2 if indent else 0)
        case b.NumberedList(items):
            for number, item in enumerate(items, 1):
                add_paragraph(doc, f"{number}. {item}", first_line_chars=2)
        case b.Quote(text):
            for line in text.splitlines() or [""]:
                quote = add_paragraph(doc, line, QUOTE_FONT, first_line_chars=2)
                quote.paragraph_format.left_indent = CHAR_WIDTH * 2
        case b.CutLine():
            add_cut_line(doc)
        case b.FormTable(rows):
            add_form_table(doc, rows)
        case _:
            raise TypeError(f"unknown block {block!r}")


def build_document(blocks: Sequence[b.Block]) -> DocxDocument:
    doc = new_document()
    for block in blocks:
        add_block(doc, block)
    title = next((blk.text for blk in blocks if isinstance(blk, b.Title)), "")
    doc.core_properties.title = title
    return doc


def write_document(blocks: Iterable[b.Block], path: Path) -> None:
    """Lay out the blocks and save atomically: an existing file is replaced only on success."""
    doc = build_document(tuple(blocks))
    if not path.parent.is_dir():
        raise PaperWriteError(path=str(path), reason="目录不存在")
    tmp_name = ""
    try:
        handle, tmp_name = tempfile.mkstemp(dir=path.parent, suffix=".docx.part")
        os.close(handle)
        doc.save(tmp_name)
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
        raise PaperWriteError.from_os_error(path, exc) from exc
