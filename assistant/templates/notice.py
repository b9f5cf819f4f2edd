"""约谈通知书 with its 回执 (annex 1 of the regulation)."""

from __future__ import annotations

from assistant.papers import PaperContext, Party, or_blank
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import header, line, numbered, right, signoff


def build(ctx: PaperContext) -> list[b.Block]:
    return [*_notice(ctx), b.CutLine(), *_receipt(ctx)]


def salutation(party: Party) -> str:
    """The addressee line: the party's name and, when known, its credit code."""
    if party.credit_code:
        return w.NOTICE_SALUTATION_CODE.format(party=or_blank(party.name), code=party.credit_code)
    return w.NOTICE_SALUTATION.format(party=or_blank(party.name))


def _notice(ctx: PaperContext) -> list[b.Block]:
    body = w.NOTICE_BODY.format(
        reason=or_blank(ctx.reason.rstrip("。")),
        time=ctx.interview_when,
        place=or_blank(ctx.place),
    )
    return [
        *header(ctx, w.TITLES["notice"]),
        line(salutation(ctx.party)),
        b.Paragraph(body),
        b.Paragraph(w.NOTICE_MATERIALS),
        numbered(ctx.materials, blanks=3),
        b.Paragraph(w.NOTICE_CLOSING),
        line(w.NOTICE_PLACE.format(value=or_blank(ctx.place))),
        line(w.NOTICE_CONTACT.format(value=or_blank(ctx.contact_name))),
        line(w.NOTICE_PHONE.format(value=or_blank(ctx.contact_phone))),
        *signoff(ctx, seal=w.SEAL),
    ]


def _receipt(ctx: PaperContext) -> list[b.Block]:
    number = f"（{ctx.doc_number}）" if ctx.doc_number else ""
    return [
        b.Title(w.RECEIPT_TITLE),
        line(w.RECEIPT_SALUTATION.format(bureau=ctx.bureau)),
        b.Paragraph(w.RECEIPT_BODY.format(number=number)),
        line(w.RECEIPT_NAME.format(value=or_blank(ctx.party.name))),
        line(w.RECEIPT_CONTACT.format(value=w.BLANK)),
        line(w.RECEIPT_RECIPIENT.format(value=w.BLANK)),
        line(w.RECEIPT_PHONE.format(value=w.BLANK)),
        right(w.RECEIPT_SEAL),
        right(w.BLANK_DATE),
    ]
