"""待我处理: the worklists of ``workflow.toml`` for the signed-in user's role and scope, shown on
the cases page and at the top of the user's landing page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cases, users, workflow
from dashboard.ui import formats, keys, services
from dashboard.ui_messages import t

SHOWN = 20  # rows per worklist; the case list's filters show the rest


def mine(actor: users.Actor) -> list[tuple[str, list[cases.CaseRow]]]:
    """(worklist title, rows) of each non-empty worklist for the actor's role."""
    out = []
    with services.session() as s:
        for wid, spec in workflow.definition().worklists.items():
            if actor.role in spec.roles:
                rows = cases.worklist(s, actor, wid)
                if rows:
                    out.append((spec.title, rows))
    return out


def render(actor: users.Actor, key: str) -> None:
    """The 待我处理 block: one tab per worklist with its cases and an open button."""
    if not any(actor.role in w.roles for w in workflow.definition().worklists.values()):
        return
    lists = mine(actor)
    st.subheader(t("wl.heading"))
    if not lists:
        st.caption(t("wl.none"))
        return
    tabs = st.tabs([f"{title}（{len(rows)}）" for title, rows in lists])
    for n, (tab, (_title, rows)) in enumerate(zip(tabs, lists, strict=True)):
        with tab:
            _table(rows[:SHOWN], len(rows))
            _open(rows[:SHOWN], f"{key}_{n}")


def _table(rows: list[cases.CaseRow], total: int) -> None:
    st.dataframe(pd.DataFrame([{
        t("cs.col.case_no"): r.case_no, t("cs.col.title"): r.title,
        t("cs.col.state"): r.state_title, t("cs.col.place"): r.jurisdiction_name,
        t("cs.col.parties"): r.party_names,
        t("cs.col.due"): formats.date_or_dash(r.rectification_due),
    } for r in rows]), hide_index=True, width="stretch")  # fmt: skip
    if total > len(rows):
        st.caption(t("wl.more", shown=len(rows), total=total))


def _open(rows: list[cases.CaseRow], key: str) -> None:
    labels = {r.id: f"{r.case_no}　{r.title}" for r in rows}
    cols = st.columns([4, 1])
    chosen = cols[0].selectbox(t("cs.open"), list(labels), format_func=labels.get,
                               key=f"wl_pick_{key}")  # fmt: skip
    if cols[1].button(t("cs.open_button"), key=f"wl_open_{key}"):
        st.session_state[keys.SELECTED_CASE] = chosen
        st.switch_page("pages/cases.py")
