"""审批表 (annex 3 of the regulation), as a real table."""

from __future__ import annotations

from assistant.papers import PaperContext, join_or_blank, or_blank
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import header


def build(ctx: PaperContext) -> list[b.Block]:
    return [*header(ctx, w.TITLES["approval"], numbered=False), b.FormTable(_rows(ctx))]


def _rows(ctx: PaperContext) -> tuple[tuple[b.FormField, ...], ...]:
    party = ctx.party_names
    if len(ctx.parties) == 1 and ctx.party.credit_code:
        party = f"{party}（{ctx.party.credit_code}）"
    rows = [
        (_field(w.APPROVAL_PARTY, party),),
        (_field(w.APPROVAL_DEPARTMENT, or_blank(ctx.department)),),
        (_field(w.APPROVAL_INVITED, join_or_blank(ctx.invited)),),
        (
            _field(w.APPROVAL_TIME, ctx.interview_when),
            _field(w.APPROVAL_PLACE, or_blank(ctx.place)),
        ),
        (_reason(ctx),),
        (_opinion(w.APPROVAL_LEADER),),
    ]
    if ctx.major:
        rows.append((_opinion(w.APPROVAL_CHIEF),))
    return tuple(rows)


def _field(label: str, value: str) -> b.FormField:
    return b.FormField(label, (value,))


def _reason(ctx: PaperContext) -> b.FormField:
    reason = tuple(p for p in (ctx.reason.strip(), ctx.facts.strip()) if p) or (w.BLANK_LONG,)
    signoff = (
        w.APPROVAL_APPLICANT.format(value=or_blank(ctx.applicant)),
        w.BLANK_DATE,
        w.APPROVAL_DEPARTMENT_HEAD.format(value=w.BLANK),
        w.BLANK_DATE,
    )
    return b.FormField(w.APPROVAL_REASON, reason, signoff)


def _opinion(label: str) -> b.FormField:
    signoff = (w.APPROVAL_SIGN.format(value=w.BLANK), w.BLANK_DATE)
    return b.FormField(label, (), signoff, tall=True)
