"""约谈提纲: the five contents of an interview (第十条) in order, with case questions."""

from __future__ import annotations

from assistant.papers import (
    OutlineSection,
    PaperContext,
    format_deadline,
    or_blank,
)
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import heading, line, numbered, provenance


def build(ctx: PaperContext) -> list[b.Block]:
    time_place = w.OUTLINE_TIME_PLACE.format(time=ctx.interview_when, place=or_blank(ctx.place))
    out: list[b.Block] = [
        b.Title(w.TITLES["outline"]),
        line(w.DRAFT_PARTY.format(value=ctx.party_names)),
        line(time_place),
    ]
    for index, title in enumerate(w.OUTLINE_SECTIONS):
        out.append(heading(1, index + 1, title))
        out += _section(ctx.outline.sections[index], _default_points(ctx, index), index)
    return out + provenance(ctx)


def _section(section: OutlineSection, default_points: list[str], index: int) -> list[b.Block]:
    points = list(section.points) or default_points
    questions = list(section.questions) or list(w.OUTLINE_DEFAULT_QUESTIONS[index])
    out: list[b.Block] = []
    if points:
        out += [heading(2, 1, w.OUTLINE_POINTS), numbered(points)]
    if questions:
        out += [heading(2, 2 if points else 1, w.OUTLINE_QUESTIONS), numbered(questions)]
    return out or [numbered([])]


def _default_points(ctx: PaperContext, index: int) -> list[str]:
    """Points derived from the case where the drafter gave none."""
    if index == 0:
        return [p for p in (ctx.reason.strip(), *ctx.problems) if p]
    if index == 2:
        law = [w.OUTLINE_LAW_POINT.format(reference=c.reference) for c in ctx.citations]
        items = [w.OUTLINE_ITEM_POINT.format(item=i.text) for i in ctx.rectification_items]
        deadline = w.OUTLINE_DEADLINE.format(deadline=format_deadline(ctx.rectification_deadline))
        return [*law, *items, deadline]
    return list(w.OUTLINE_DEFAULT_POINTS[index])
