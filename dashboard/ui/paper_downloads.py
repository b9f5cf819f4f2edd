"""The papers' download buttons, shared by the case page and the 起草 page. In a 集中约谈 (several
parties) the papers sent to a party are downloaded per party (a selector, or all in a ZIP)."""

from __future__ import annotations

import streamlit as st

from assistant.papers import PaperContext, PaperError, PaperKind
from dashboard.ui import casework
from dashboard.ui_messages import t


def render(case_no: str, ctx: PaperContext, kinds: tuple[PaperKind, ...], key: str) -> None:
    """One download button per paper kind; ``key`` prefixes the widget keys."""
    parties = list(ctx.parties)
    index = 0
    if len(parties) > 1:
        index = st.selectbox(t("cp.paper_party"), range(len(parties)),
                             format_func=lambda i: parties[i].name, key=f"{key}_party")  # fmt: skip
        st.caption(t("cp.paper_party_hint", count=len(parties)))
    cols = st.columns(2)
    for i, kind in enumerate(kinds):
        _button(cols[i % 2], case_no, kind, ctx, index, key)
    if len(parties) > 1:
        try:
            data = casework.party_papers_zip(case_no, ctx)
        except PaperError as err:
            st.error(err.message_zh)
            return
        st.download_button(t("cp.papers_zip", count=len(parties)), data,
                           file_name=f"{case_no}-各约谈对象文书.zip", mime="application/zip",
                           key=f"{key}_zip")  # fmt: skip


def _button(col, case_no: str, kind: PaperKind, ctx: PaperContext, index: int, key: str) -> None:
    title = casework.paper_title(kind, ctx.rectification_mode)
    paper_ctx = casework.paper_for(kind, ctx, index)
    party = paper_ctx.party if len(ctx.parties) > 1 and paper_ctx is not ctx else None
    try:
        data = casework.docx_bytes(kind, paper_ctx)
    except PaperError as err:
        col.error(err.message_zh)
        return
    label = (t("cp.paper_download", title=title) if party is None
             else t("cp.paper_download_party", title=title, party=party.name))  # fmt: skip
    col.download_button(label, data, file_name=casework.paper_file_name(case_no, title, party),
                        key=f"{key}_{kind.value}", width="stretch")  # fmt: skip
