"""审批表 (annex 3 of the regulation), as a real table."""

from __future__ import annotations

from assistant.papers import PaperContext, Signature, format_date, join_or_blank, or_blank
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
        (_opinion(w.APPROVAL_LEADER, ctx.approvals.get("deputy")),),
    ]
    if ctx.major or "principal" in ctx.approvals:
        rows.append((_opinion(w.APPROVAL_CHIEF, ctx.approvals.get("principal")),))
    return tuple(rows)


def _field(label: str, value: str) -> b.FormField:
    return b.FormField(label, (value,))


def _reason(ctx: PaperContext) -> b.FormField:
    reason = tuple(p for p in (ctx.reason.strip(), ctx.facts.strip()) if p) or (w.BLANK_LONG,)
    applicant = ctx.approvals.get("applicant") or (
        Signature(ctx.applicant) if ctx.applicant.strip() else None
    )
    head = ctx.approvals.get("section_head")
    signoff = (
        w.APPROVAL_APPLICANT.format(value=_signer(applicant)),
        _day(applicant),
        w.APPROVAL_DEPARTMENT_HEAD.format(value=_signer(head)),
        _day(head),
    )
    return b.FormField(w.APPROVAL_REASON, reason, signoff)


def _opinion(label: str, signed: Signature | None) -> b.FormField:
    """A leader's box: the opinion written in it, then the signature and the day."""
    lines = (signed.opinion,) if signed and signed.opinion.strip() else ()
    name = or_blank(signed.name if signed else "")
    signoff = (w.APPROVAL_SIGN.format(value=name), _day(signed))
    return b.FormField(label, lines, signoff, tall=True)


def _signer(signed: Signature | None) -> str:
    """姓名（意见） of a signed line, or the blank to sign by hand."""
    if signed is None or not signed.name.strip():
        return w.BLANK
    name, opinion = signed.name.strip(), signed.opinion.strip()
    return w.APPROVAL_SIGNED.format(name=name, opinion=opinion) if opinion else name


def _day(signed: Signature | None) -> str:
    return format_date(signed.signed_on) if signed and signed.signed_on else w.BLANK_DATE
