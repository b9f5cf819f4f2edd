"""The sign-in gate: first-run administrator password, sign-in form, sign-out.

Accounts and bcrypt hashes live in ``dashboard.users``; the signed-in ``Actor`` is kept in the
session under ``keys.ACTOR``. There is no default password: on an empty database the first
visitor sets the administrator's password.
"""

from __future__ import annotations

import logging

import streamlit as st

from dashboard import jurisdictions, messages, users
from dashboard.errors import DashboardError
from dashboard.ui import keys, services
from dashboard.ui_messages import t

log = logging.getLogger(__name__)


def admin_exists() -> bool:
    with services.session() as s:
        return users.has_admin(s)


def gate() -> users.Actor:
    """The signed-in actor; otherwise renders the first-run or sign-in form and stops."""
    actor = services.current_actor()
    if actor is not None:
        return actor
    st.title(t("app.title"))
    if admin_exists():
        sign_in_form()
    else:
        first_run_form()
    st.stop()


def gate_with_reason() -> None:
    """The sign-in page, after the reason this session was signed out, if it was."""
    services.flash()
    gate()


def sign_in_form() -> None:
    with st.form("sign_in"):
        st.subheader(t("auth.heading"))
        username = st.text_input(t("auth.username"), key="sign_in_username")
        password = st.text_input(t("auth.password"), type="password", key="sign_in_password")
        submitted = st.form_submit_button(t("auth.submit"))
    if submitted:
        try:
            with services.session() as s:
                actor = users.authenticate(s, username.strip(), password)
        except DashboardError as err:
            services.show_error(err)
            return
        st.session_state[keys.ACTOR] = actor
        log.info("user %s signed in", actor.id)
        st.rerun()


def first_run_form() -> None:
    st.info(t("auth.first_run"))
    with st.form("first_run"):
        username = st.text_input(t("auth.username"), value="admin", key="first_run_username")
        password = st.text_input(t("auth.password"), type="password", key="first_run_password")
        again = st.text_input(t("auth.confirm"), type="password", key="first_run_confirm")
        submitted = st.form_submit_button(t("auth.create_admin"))
    if not submitted:
        return
    if password != again:
        st.error(t("auth.mismatch"))
        return
    try:
        with services.session() as s:
            actor = users.create_admin(s, password, username=username.strip())
    except DashboardError as err:
        services.show_error(err)
        return
    st.session_state[keys.ACTOR] = actor
    services.flash(t("auth.admin_created", username=actor.username))
    st.rerun()


def sidebar_identity(actor: users.Actor) -> None:
    with services.session() as s:
        place = jurisdictions.get(s, actor.jurisdiction_code).name
    role = messages.role_title(actor.role)
    st.sidebar.markdown(t("auth.signed_in_as", name=actor.display_name, role=role, place=place))
    if st.sidebar.button(t("auth.sign_out"), key="sign_out"):
        services.sign_out()
        st.rerun()
