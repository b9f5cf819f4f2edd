"""Pieces shared by the paper templates: header, numbered headings, sign-off."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.numerals import int_to_cn
from assistant.papers import PaperContext, format_date, or_blank
from assistant.templates import blocks as b
from assistant.templates import wording as w


def header(ctx: PaperContext, title: str, numbered: bool = True) -> list[b.Block]:
    """Issuing body, title and (for outgoing papers) the document number."""
    out: list[b.Block] = [b.Masthead(ctx.bureau), b.Title(title)]
    if numbered:
        out.append(b.DocNumber(ctx.doc_number or w.BLANK_DOC_NUMBER))
    return out


def heading(level: int, index: int, text: str) -> b.Heading:
    """一、text (level 1) or （一）text (level 2)."""
    number = int_to_cn(index)
    prefix = f"{number}、" if level == 1 else f"（{number}）"
    return b.Heading(level, prefix + text)


def line(text: str) -> b.Paragraph:
    """A form line (label：value) without first-line indent."""
    return b.Paragraph(text, indent=False)


def right(text: str) -> b.Paragraph:
    return b.Paragraph(text, indent=False, align=b.Align.RIGHT)


def center(text: str) -> b.Paragraph:
    return b.Paragraph(text, indent=False, align=b.Align.CENTER)


def numbered(items: Iterable[str], blanks: int = 1) -> b.NumberedList:
    """The items, or `blanks` empty items to fill in by hand."""
    values = tuple(i.strip() for i in items if i and i.strip())
    return b.NumberedList(values or (w.BLANK_LONG,) * blanks)


def signoff(ctx: PaperContext, seal: str | None = None) -> list[b.Block]:
    """Seal placeholder or issuing body, then the date (成文日期) in Arabic numerals."""
    return [right(seal or ctx.bureau), right(format_date(ctx.issue_date))]


def contact(ctx: PaperContext) -> b.Paragraph:
    return line(
        w.CONTACT_LINE.format(name=or_blank(ctx.contact_name), phone=or_blank(ctx.contact_phone))
    )


def provenance(ctx: PaperContext) -> list[b.Block]:
    """The trace of what produced a draft, when the drafter recorded one."""
    lines = [p for p in ctx.provenance if p.strip()]
    return [b.Heading(1, w.PROVENANCE), numbered(lines)] if lines else []
