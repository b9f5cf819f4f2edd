"""Database access for the pages: the engine per URL (schema upgraded once), sessions, the
signed-in actor, scope narrowing and error display."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard import db, jurisdictions, settings, users
from dashboard.errors import DashboardError, NotFound
from dashboard.ui import keys
from dashboard.ui_messages import t

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def prepared_engine(url: str):
    """The engine for ``url`` with its schema upgraded and the region's divisions loaded."""
    engine = db.make_engine(url)
    db.upgrade(engine)
    with db.session_scope(engine) as s:
        jurisdictions.load_region(s, settings.region_code())
    log.info("database ready (%s)", engine.dialect.name)
    return engine


def engine():
    return prepared_engine(settings.db_url())


@contextmanager
def session() -> Iterator:
    """A committed-on-success session on the configured database."""
    with db.session_scope(engine()) as s:
        yield s


def current_actor() -> users.Actor | None:
    return st.session_state.get(keys.ACTOR)


def refreshed_actor() -> users.Actor | None:
    """The signed-in actor re-read from the database, so an administrator's change to the
    account (name, role, jurisdiction) counts from the next click; a deactivated account is
    signed out."""
    actor = current_actor()
    if actor is None:
        return None
    try:
        with session() as s:
            fresh = users.actor_for(s, actor.id)
    except NotFound:
        log.info("user %s signed out: account deactivated", actor.id)
        sign_out()
        return None
    if actor.credential and fresh.credential != actor.credential:
        log.info("user %s signed out: password reset", actor.id)
        sign_out()
        flash(t("auth.password_was_reset"))
        return None
    if fresh != actor:
        st.session_state[keys.ACTOR] = fresh
    return fresh


def sign_out() -> None:
    for key in list(st.session_state.keys()):
        st.session_state.pop(key, None)
    st.session_state[keys.ACTOR] = None


def require_actor() -> users.Actor:
    """The signed-in actor (pages start with this); shows the message left by the last run."""
    actor = refreshed_actor()
    if actor is None:  # a page reached without signing in (or deactivated) shows the sign-in form
        from dashboard.ui import auth

        flash()  # why this session was signed out, if it was
        auth.gate()
    flash()
    return actor


def narrowed(actor: users.Actor, code: str, level: int) -> users.Actor:
    """The actor restricted to a division inside its own scope (for drill-down views)."""
    if code == actor.jurisdiction_code:
        return actor
    with session() as s:
        if not jurisdictions.covers(s, actor.jurisdiction_code, code):
            return actor
    return dataclasses.replace(actor, jurisdiction_code=code, level=level)


def show_error(err: Exception) -> None:
    """Show a domain or assistant error in Chinese; anything else gets the generic text."""
    if isinstance(err, DashboardError):
        st.error(err.user_text())
        return
    text = getattr(err, "message_zh", "")
    if text:
        st.error(text)
        return
    log.exception("unexpected error in a page")
    st.error(t("common.error", reason=type(err).__name__))


def flash(text: str | None = None) -> None:
    """Store a message for the next run, or show (and clear) the stored one."""
    if text is not None:
        st.session_state[keys.FLASH] = text
        return
    stored = st.session_state.pop(keys.FLASH, None)
    if stored:
        st.success(stored)
