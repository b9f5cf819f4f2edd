"""The office name of each jurisdiction (文书抬头和落款), on the administrators' page: the name
derived from the tree, and a field to override it."""

from __future__ import annotations

import streamlit as st

from dashboard import jurisdictions
from dashboard.errors import DashboardError
from dashboard.ui import services
from dashboard.ui_messages import t
from dashboard.users import Actor


def names(code: str) -> tuple[str, str]:
    """(derived name, override or "") of a jurisdiction."""
    with services.session() as s:
        node = jurisdictions.get(s, code)
        return jurisdictions.derived_office_name(s, code), node.office_name or ""


def save(actor: Actor, code: str, name: str) -> str:
    """Store the override (empty clears it); returns the name papers will now print."""
    with services.session() as s:
        jurisdictions.set_office_name(s, actor, code, name)
        return jurisdictions.office_name(s, code)


def editor(actor: Actor, nodes: dict) -> None:
    st.subheader(t("us.office"))
    st.caption(t("us.office_hint"))
    code = st.selectbox(t("us.office_place"), list(nodes), format_func=lambda c: nodes[c].label,
                        key="office_place")  # fmt: skip
    derived, override = names(code)
    st.caption(t("us.office_derived", name=derived))
    with st.form(f"office_{code}"):
        text = st.text_input(t("us.office_name"), value=override, placeholder=derived,
                             key=f"office_name_{code}")  # fmt: skip
        submitted = st.form_submit_button(t("us.office_save"))
    if submitted:
        try:
            shown = save(actor, code, text)
        except DashboardError as err:
            services.show_error(err)
            return
        services.flash(t("us.office_saved", name=shown))
        st.rerun()
