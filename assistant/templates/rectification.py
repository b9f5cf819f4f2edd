"""整改通知书 (sent to the party) and the 整改意见 draft (for the official)."""

from __future__ import annotations

from assistant.papers import (
    CitationRole,
    PaperContext,
    format_date,
    format_deadline,
    or_blank,
)
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import contact, header, heading, line, numbered, provenance, signoff
from assistant.templates.notice import salutation


def build_notice(ctx: PaperContext) -> list[b.Block]:
    title = w.RECTIFICATION_NOTICE_TITLES[ctx.rectification_mode]
    return [
        *header(ctx, title),
        line(salutation(ctx.party)),
        b.Paragraph(_intro(ctx)),
        numbered(ctx.problems),
        *_basis(ctx),
        b.Paragraph(w.RECTIFY_DEMAND[ctx.rectification_mode]),
        numbered(item.text for item in ctx.rectification_items),
        b.Paragraph(
            w.RECTIFY_DEADLINE.format(deadline=format_deadline(ctx.rectification_deadline))
        ),
        numbered(ctx.report_requirements),
        b.Paragraph(w.RECTIFY_WARNING),
        contact(ctx),
        *signoff(ctx),
    ]


def _intro(ctx: PaperContext) -> str:
    if ctx.interview_day is None:
        return w.RECTIFY_INTRO
    return w.RECTIFY_INTRO_DATED.format(date=format_date(ctx.interview_day))


def _basis(ctx: PaperContext) -> list[b.Block]:
    out: list[b.Block] = []
    obligations = ctx.citations_for(CitationRole.OBLIGATION)
    liabilities = ctx.citations_for(CitationRole.LIABILITY)
    if obligations:
        out += [b.Paragraph(w.RECTIFY_OBLIGATIONS), numbered(c.reference for c in obligations)]
    if liabilities:
        out += [b.Paragraph(w.RECTIFY_LIABILITIES), numbered(c.reference for c in liabilities)]
    return out


def build_draft(ctx: PaperContext) -> list[b.Block]:
    deadline = format_deadline(ctx.rectification_deadline)
    return [
        b.Title(w.TITLES["rectification"]),
        line(w.DRAFT_PARTY.format(value=ctx.party_names)),
        line(w.DRAFT_REASON.format(value=or_blank(ctx.reason))),
        heading(1, 1, w.RECTIFICATION_PROBLEMS),
        numbered(ctx.problems),
        heading(1, 2, w.RECTIFICATION_ITEMS),
        numbered(item.text for item in ctx.rectification_items),
        heading(1, 3, w.RECTIFICATION_DEADLINE),
        b.Paragraph(w.RECTIFICATION_DEADLINE_TEXT.format(deadline=deadline)),
        heading(1, 4, w.RECTIFICATION_REPORT),
        numbered(ctx.report_requirements),
        *provenance(ctx),
    ]
