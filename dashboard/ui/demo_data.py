"""The labelled demo data set on the overview: loading it (in chunks so a progress bar moves)
into an empty database only, and removing it again (administrators)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import demo, users
from dashboard.errors import DashboardError
from dashboard.ui import queries, services
from dashboard.ui_messages import t

CHUNK = 250


def status() -> demo.DemoStatus:
    with services.session() as s:
        return demo.status(s)


def load(total: int, progress: Callable[[int, int], None]) -> int:
    """Write ``total`` demo cases (refused if the database holds real ones)."""
    done = 0
    while done < total:
        size = min(CHUNK, total - done)
        with services.session() as s:
            demo.generate(s, cases=size, seed=7 + done)
        done += size
        progress(done, total)
    queries.clear()
    return done


def offer() -> None:
    """The load button, shown only while the whole database is empty."""
    st.info(t("ov.demo_offer"))
    count = st.number_input(t("ov.demo_count"), value=2000, step=100, key="demo_n")
    if not 100 <= count <= 20000:  # checked here: the widget's own range message is in English
        st.warning(t("ov.demo_count_range"))
        return
    if not st.button(t("ov.demo_load"), key="demo_load", type="primary"):
        return
    bar = st.progress(0.0, t("ov.demo_progress", done=0, total=count))
    try:
        n = load(
            int(count), lambda d, n: bar.progress(d / n, t("ov.demo_progress", done=d, total=n))
        )
    except DashboardError as err:
        services.show_error(err)
        return
    services.flash(t("ov.demo_done", count=n))
    st.rerun()


def removal(actor: users.Actor) -> None:
    """For administrators while demo cases exist: delete them all (real cases stay)."""
    if not users.can(actor, "manage_demo"):
        return
    current = status()
    if current.demo_cases == 0:
        return
    with st.expander(t("ov.demo_manage")):
        st.caption(t("ov.demo_remove_hint", count=current.demo_cases, real=current.real_cases))
        sure = st.checkbox(t("ov.demo_remove_confirm"), key="demo_remove_sure")
        if st.button(t("ov.demo_remove"), key="demo_remove", disabled=not sure):
            try:
                with services.session() as s:
                    n = demo.remove(s, actor)
            except DashboardError as err:
                services.show_error(err)
                return
            queries.clear()
            services.flash(t("ov.demo_removed", count=n))
            st.rerun()
