"""约谈方案: the eight items of 第十一条（二）, in order."""

from __future__ import annotations

from collections.abc import Callable

from assistant.papers import PaperContext, join_or_blank, or_blank
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import heading, line, numbered, provenance


def build(ctx: PaperContext) -> list[b.Block]:
    out: list[b.Block] = [b.Title(w.TITLES["plan"])]
    for index, (title, section) in enumerate(zip(w.PLAN_SECTIONS, _SECTIONS, strict=True), 1):
        out.append(heading(1, index, title))
        out += section(ctx)
    return out + provenance(ctx)


def _parties(ctx: PaperContext) -> list[b.Block]:
    parties = list(ctx.parties) or [ctx.party]
    out: list[b.Block] = []
    for index, party in enumerate(parties, 1):
        if len(parties) > 1:
            out.append(heading(2, index, party.name))
        values = {k: or_blank(getattr(party, k)) for k in w.PLAN_PARTY_FIELDS_KEYS}
        out += [line(template.format(**values)) for template in w.PLAN_PARTY_FIELDS]
    return out


def _matters(ctx: PaperContext) -> list[b.Block]:
    return [b.Paragraph(or_blank(ctx.reason)), numbered(ctx.problems)]


def _findings(ctx: PaperContext) -> list[b.Block]:
    return [
        b.Paragraph(w.PLAN_FACTS.format(value=or_blank(ctx.facts))),
        line(w.PLAN_EVIDENCE),
        numbered(ctx.evidence),
    ]


def _law(ctx: PaperContext) -> list[b.Block]:
    return [numbered(c.reference for c in ctx.citations)]


def _time_place(ctx: PaperContext) -> list[b.Block]:
    return [
        line(w.PLAN_TIME.format(value=ctx.interview_when)),
        line(w.PLAN_PLACE.format(value=or_blank(ctx.place))),
    ]


def _people(ctx: PaperContext) -> list[b.Block]:
    main = ctx.interviewers[0] if ctx.interviewers else ""
    return [
        line(w.PLAN_MAIN.format(value=or_blank(main))),
        line(w.PLAN_OTHERS.format(value=join_or_blank(ctx.interviewers[1:]))),
        line(w.PLAN_RECORDER.format(value=or_blank(ctx.recorder))),
        line(w.PLAN_INVITED.format(value=join_or_blank(ctx.invited))),
    ]


def _materials(ctx: PaperContext) -> list[b.Block]:
    return [numbered(ctx.materials)]


def _suggestions(ctx: PaperContext) -> list[b.Block]:
    return [numbered(ctx.suggestions or [item.text for item in ctx.rectification_items])]


_SECTIONS: tuple[Callable[[PaperContext], list[b.Block]], ...] = (
    _parties,
    _matters,
    _findings,
    _law,
    _time_place,
    _people,
    _materials,
    _suggestions,
)
