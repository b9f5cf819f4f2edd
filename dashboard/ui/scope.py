"""Jurisdiction scope in the pages: a picker limited to the user's own division and below,
and drill-down one level at a time. The chosen code is the picker's session value; the
narrowed actor is what cached queries receive, so the scope is always in their cache key."""

from __future__ import annotations

import streamlit as st

from dashboard import settings
from dashboard.ui import keys, queries, services
from dashboard.ui_messages import t
from dashboard.users import Actor

PICKER = "scope_picker"


def options(actor: Actor) -> list[queries.Division]:
    return queries.divisions(actor.jurisdiction_code, settings.db_url())


def picker(actor: Actor, key: str = PICKER) -> Actor:
    """Select a division within the actor's scope; returns the narrowed actor."""
    nodes = options(actor)
    if len(nodes) == 1:
        return actor
    by_code = {n.code: n for n in nodes}
    if st.session_state.get(key) not in by_code:
        st.session_state[key] = actor.jurisdiction_code
    chosen = st.selectbox(
        t("scope.label"), list(by_code), format_func=lambda c: by_code[c].label, key=key
    )
    st.session_state[keys.SCOPE_CODE] = chosen
    return services.narrowed(actor, chosen, by_code[chosen].level)


def _go_down(key: str) -> None:
    target = st.session_state.get(f"{key}_drill")
    if target:
        st.session_state[PICKER] = target
    st.session_state[f"{key}_drill"] = ""


def _go_up(actor: Actor) -> None:
    st.session_state[PICKER] = _parent(actor, st.session_state.get(PICKER, ""))


def drill(actor: Actor, scoped: Actor, children: list[tuple[str, str, int]], key: str) -> None:
    """A picker to go one level down (to a division of the chart) and a button back up."""
    cols = st.columns([3, 1])
    codes = [c for c, _n, _k in children if c]
    names = {c: n for c, n, _k in children}
    if codes:
        cols[0].selectbox(
            t("scope.drill"), ["", *codes], format_func=lambda c: names.get(c, t("scope.all")),
            key=f"{key}_drill", on_change=_go_down, args=(key,),
        )  # fmt: skip
    if scoped.jurisdiction_code != actor.jurisdiction_code:
        cols[1].button(t("scope.up"), key=f"{key}_up", on_click=_go_up, args=(actor,))


def _parent(actor: Actor, code: str) -> str:
    """The nearest node above ``code`` in the tree-ordered options."""
    nodes = options(actor)
    index = next((i for i, n in enumerate(nodes) if n.code == code), 0)
    depth = nodes[index].depth
    for node in reversed(nodes[:index]):
        if node.depth < depth:
            return node.code
    return actor.jurisdiction_code
