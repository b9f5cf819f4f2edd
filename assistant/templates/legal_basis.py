"""法律依据 draft: obligations breached and liabilities, each with its text and reason."""

from __future__ import annotations

from assistant.papers import Citation, CitationRole, PaperContext, format_version, or_blank
from assistant.templates import blocks as b
from assistant.templates import wording as w
from assistant.templates.common import heading, line, provenance

_GROUPS = (
    (CitationRole.OBLIGATION, w.BASIS_OBLIGATIONS),
    (CitationRole.LIABILITY, w.BASIS_LIABILITIES),
)


def build(ctx: PaperContext) -> list[b.Block]:
    out: list[b.Block] = [
        b.Title(w.TITLES["legal_basis"]),
        line(w.DRAFT_PARTY.format(value=ctx.party_names)),
        line(w.DRAFT_REASON.format(value=or_blank(ctx.reason))),
    ]
    for index, (role, title) in enumerate(_GROUPS, 1):
        out.append(heading(1, index, title))
        citations = ctx.citations_for(role)
        if not citations:
            out.append(b.Paragraph(w.BASIS_NONE))
        for number, citation in enumerate(citations, 1):
            out += citation_blocks(number, citation)
    return out + provenance(ctx)


def citation_blocks(number: int, citation: Citation) -> list[b.Block]:
    """（一）《法》第X条 / version and status / the text / 适用理由."""
    version = w.BASIS_VERSION.format(
        version=format_version(citation.version_date), status=or_blank(citation.status)
    )
    return [
        heading(2, number, citation.reference),
        b.Paragraph(version),
        b.Quote(citation.text.strip() or w.BLANK_LONG),
        b.Paragraph(w.BASIS_REASON.format(value=or_blank(citation.reason))),
    ]
