"""Jurisdiction scope in the pages: a picker limited to the user's own division and below,
and drill-down one level at a time. The chosen code lives in the session; the narrowed actor
is what cached queries receive, so the scope is always part of their cache key."""

from __future__ import annotations

import streamlit as st

from dashboard import settings
from dashboard.ui import keys, queries, services
from dashboard.ui_messages import t
from dashboard.users import Actor


def options(actor: Actor) -> list[queries.Division]:
    return queries.divisions(actor.jurisdiction_code, settings.db_url())


def picker(actor: Actor, key: str = "scope_picker") -> Actor:
    """Select a division within the actor's scope; returns the narrowed actor."""
    nodes = options(actor)
    if len(nodes) == 1:
        return actor
    by_code = {n.code: n for n in nodes}
    current = st.session_state.get(keys.SCOPE_CODE, actor.jurisdiction_code)
    if current not in by_code:
        current = actor.jurisdiction_code
    codes = list(by_code)
    chosen = st.selectbox(
        t("scope.label"), codes, index=codes.index(current),
        format_func=lambda c: by_code[c].label, key=key,
    )  # fmt: skip
    st.session_state[keys.SCOPE_CODE] = chosen
    return services.narrowed(actor, chosen, by_code[chosen].level)


def drill(actor: Actor, scoped: Actor, children: list[tuple[str, str, int]], key: str) -> None:
    """Buttons to go one level down (to a division of the chart) or back up."""
    cols = st.columns([3, 1])
    codes = [c for c, _n, _k in children if c]
    names = {c: n for c, n, _k in children}
    if codes:
        target = cols[0].selectbox(
            t("scope.drill"), [""] + codes, format_func=lambda c: names.get(c, t("scope.all")),
            key=f"{key}_drill",
        )  # fmt: skip
        if target:
            st.session_state[keys.SCOPE_CODE] = target
            st.session_state.pop("scope_picker", None)
            st.rerun()
    if scoped.jurisdiction_code != actor.jurisdiction_code and cols[1].button(
        t("scope.up"), key=f"{key}_up"
    ):
        st.session_state[keys.SCOPE_CODE] = _parent(actor, scoped.jurisdiction_code)
        st.session_state.pop("scope_picker", None)
        st.rerun()


def _parent(actor: Actor, code: str) -> str:
    """The nearest node above ``code`` in the tree-ordered options."""
    nodes = options(actor)
    index = next((i for i, n in enumerate(nodes) if n.code == code), 0)
    depth = nodes[index].depth
    for node in reversed(nodes[:index]):
        if node.depth < depth:
            return node.code
    return actor.jurisdiction_code
