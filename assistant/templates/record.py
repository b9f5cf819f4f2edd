"""约谈记录 (annex 2 of the regulation)."""

from __future__ import annotations

from assistant.papers import Attendee, PaperContext, format_datetime, join_or_blank, or_blank
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import center, header, line, right

_BLANK_ATTENDEES = (Attendee(), Attendee())
_BLANK_CONTENT_LINES = 6


def build(ctx: PaperContext) -> list[b.Block]:
    return [
        *header(ctx, w.TITLES["record"], numbered=False),
        *_particulars(ctx),
        center(w.RECORD_CONTENT),
        *_content(ctx),
        *_signatures(),
    ]


def _particulars(ctx: PaperContext) -> list[b.Block]:
    time = w.RECORD_TIME.format(
        start=format_datetime(ctx.interview_start), end=format_datetime(ctx.interview_end)
    )
    out: list[b.Block] = [
        line(time),
        line(w.RECORD_PLACE.format(value=or_blank(ctx.place))),
        line(w.RECORD_INTERVIEWERS.format(value=join_or_blank(ctx.interviewers))),
        line(w.RECORD_INVITED.format(value=join_or_blank(ctx.invited))),
        line(w.RECORD_PARTY.format(value=ctx.party_names)),
    ]
    for person in ctx.attendees or _BLANK_ATTENDEES:
        out += _attendee(person)
    out.append(line(w.RECORD_RECORDER.format(value=or_blank(ctx.recorder))))
    return out


def _attendee(person: Attendee) -> list[b.Block]:
    names = line(
        w.RECORD_PERSON.format(
            name=or_blank(person.name),
            gender=or_blank(person.gender),
            ethnicity=or_blank(person.ethnicity),
        )
    )
    ids = line(
        w.RECORD_PERSON_ID.format(
            id_number=or_blank(person.id_number), phone=or_blank(person.phone)
        )
    )
    return [names, ids]


def _content(ctx: PaperContext) -> list[b.Block]:
    paragraphs = [p.strip() for p in ctx.record_content if p.strip()]
    if paragraphs:
        return [b.Paragraph(p) for p in paragraphs]
    return [line(w.BLANK_LONG) for _ in range(_BLANK_CONTENT_LINES)]


def _signatures() -> list[b.Block]:
    out: list[b.Block] = [line(label + w.BLANK_LONG) for label in w.RECORD_SIGNATURES]
    out.append(right(w.BLANK_DATE))
    return out
