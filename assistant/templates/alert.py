"""消费提示/消费警示 on a problem found across several parties or jurisdictions."""

from __future__ import annotations

from assistant.papers import ConsumerNotice, PaperContext
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import numbered, signoff

_EMPTY = ConsumerNotice(title="", situation="")


def build(ctx: PaperContext) -> list[b.Block]:
    notice = ctx.consumer_notice or _EMPTY
    kind = w.ALERT_TITLES.get(notice.severity, w.ALERT_TITLES["提示"])
    return [
        b.Masthead(ctx.bureau),
        b.Title(notice.title.strip() or kind),
        b.Heading(1, w.ALERT_SITUATION),
        b.Paragraph(notice.situation.strip() or w.BLANK_LONG),
        b.Heading(1, w.ALERT_TIPS.format(kind=kind)),
        numbered(notice.tips),
        b.Heading(1, w.ALERT_LAW),
        *_law(ctx),
        b.Heading(1, w.ALERT_CHANNEL),
        b.Paragraph(w.ALERT_CHANNEL_TEXT.format(hotline=notice.hotline)),
        *signoff(ctx),
    ]


def _law(ctx: PaperContext) -> list[b.Block]:
    out: list[b.Block] = []
    for citation in ctx.citations:
        out.append(b.Paragraph(citation.reference))
        if citation.text.strip():
            out.append(b.Quote(citation.text.strip()))
    return out or [b.Paragraph(w.BASIS_NONE)]
