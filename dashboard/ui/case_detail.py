"""The case page: state, deadline with days left, next steps as buttons (only those the
user's role may take), the step's form, papers to download, and the audit timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import streamlit as st

from assistant.papers import PaperError
from assistant.templates import wording
from dashboard import messages, users
from dashboard.errors import DashboardError
from dashboard.ui import (
    case_edit,
    case_steps,
    casework,
    drafts,
    edit_lock,
    formats,
    keys,
    paper_downloads,
    queries,
    services,
)  # fmt: skip
from dashboard.ui_messages import t


def render(actor: users.Actor, case_id: int) -> None:
    if st.button(t("cp.back"), key="case_back"):
        st.session_state.pop(keys.SELECTED_CASE, None)
        st.rerun()
    try:
        view = casework.load(actor, case_id)
    except DashboardError as err:
        services.show_error(err)
        st.session_state.pop(keys.SELECTED_CASE, None)
        return
    view = _as_shown(view)
    _header(view)
    case_edit.render(actor, view)
    case_edit.render_parties(actor, view)
    _steps(actor, view)
    fields, source = drafts.paper_fields(actor, view.id)
    case_steps.render(actor, view, fields)
    _papers(view, fields, source)
    _timeline(actor, view)


def _as_shown(view: casework.CaseView) -> casework.CaseView:
    """The view carrying the version its forms were rendered with (see ``edit_lock``); when
    someone else saved since, say so and offer a refresh that drops the unsaved inputs."""
    shown = edit_lock.shown_version(view.id, view.version)
    if shown != view.version:
        st.warning(t("cp.stale"))
        if st.button(t("cp.refresh"), key=f"refresh_{view.id}"):
            edit_lock.refresh(view.id)
            st.rerun()
    return dataclasses.replace(view, version=shown)


def _header(view: casework.CaseView) -> None:
    st.subheader(f"{view.case_no}　{view.title}")
    if view.is_demo:
        st.warning(t("cp.demo"))
    cols = st.columns(3)
    cols[0].metric(t("cp.state"), view.state_title)
    cols[1].markdown(f"**{t('cp.parties')}**：{'、'.join(p.name for p in view.parties)}")
    cols[2].markdown(f"**{messages.field_title('trigger')}**：{messages.TRIGGERS.get(view.trigger,'')}"
                     f"<br>**{t('cs.col.category')}**：{queries.category_title(view.problem_category)}",
                     unsafe_allow_html=True)  # fmt: skip
    for party in view.parties:
        st.markdown(t("cp.party_line", name=party.name, code=party.credit_code or "—",
                      rep=party.legal_rep or "—"))  # fmt: skip
    st.markdown(t("cp.figures", count=view.complaint_count, amount=view.amount_involved,
                  industry=view.industry or "—", goods=view.goods_category or "—"))  # fmt: skip
    st.markdown(t("cp.major", flag=t("cp.major_yes" if view.is_major else "cp.major_no")))
    if view.reason:
        st.markdown(f"**{messages.field_title('reason')}**：{view.reason}")
    if view.facts:
        st.markdown(f"**{t('cp.facts')}**：{view.facts}")
    if view.interview_start or view.interview_place:
        st.markdown(t("cp.schedule_line", when=formats.moment(view.interview_start) or "—",
                      place=view.interview_place or "—"))  # fmt: skip
    st.markdown(_deadline_text(view))


def _deadline_text(view: casework.CaseView) -> str:
    if view.rectification_due is None:
        return t("cp.no_deadline")
    if view.report_received_on is not None:
        late = view.report_days_late
        when = t("cp.report_late", days=late) if late else t("cp.report_on_time")
        return t("cp.report_received", due=formats.day(view.rectification_due),
                 received=formats.day(view.report_received_on), late=when)  # fmt: skip
    left = casework.days_left(view.rectification_due, dt.date.today())
    if left > 0:
        when = t("cp.days_left", days=left)
    else:
        when = t("cp.due_today") if left == 0 else t("cp.days_over", days=-left)
    text = t("cp.deadline", due=formats.day(view.rectification_due), left=when)
    if view.due_unverified:
        text += t("cp.unverified", flag=messages.text("deadline.unverified"))
    return text


def _steps(actor: users.Actor, view: casework.CaseView) -> None:
    st.markdown(f"#### {t('cp.next_steps')}")
    steps = casework.next_steps(actor, view.id)
    if not steps:
        has_form = case_steps.has_form(actor, view)
        st.caption(t("cp.no_steps_but_form" if has_form else "cp.no_steps"))
        return
    # keyed per case and per step: text typed for one step never reappears in the next one
    comment_key = f"comment_{view.id}_{view.state}"
    comment = st.text_input(t("cp.comment"), key=comment_key)
    on_date = _step_date(view, steps)
    cols = st.columns(min(len(steps), 4))
    for i, step in enumerate(steps):
        label = step.title + (t("cp.comment_needed") if step.comment_required else "")
        if cols[i % len(cols)].button(label, key=f"step_{step.id}"):
            day = on_date if step.date_field else None
            try:
                taken = casework.take_step(actor, view, step.id, comment, day)
                edit_lock.saved(view.id, taken.version)
            except DashboardError as err:
                services.show_error(err)
                return
            st.session_state.pop(comment_key, None)
            queries.clear()
            services.flash(t("cp.done", action=step.title))
            st.rerun()


def _step_date(view: casework.CaseView, steps) -> dt.date | None:
    """The date a step asks for (e.g. when the rectification report arrived): today by default,
    never later than today nor (when known) earlier than the interview."""
    asking = [s for s in steps if s.date_field]
    if not asking:
        return None
    today = dt.date.today()
    earliest = min(view.interview_date, today) if view.interview_date else None
    label = t(f"cp.step_date.{asking[0].date_field}")
    return st.date_input(label, value=today, min_value=earliest, max_value=today,
                         key=f"step_date_{view.id}")  # fmt: skip


def _papers(view: casework.CaseView, fields, source: str) -> None:
    st.markdown(f"#### {t('cp.papers')}")
    st.caption(t(f"cp.papers_from.{source}"))
    titles = wording.RECTIFICATION_NOTICE_TITLES
    modes = list(titles)
    mode = st.radio(t("cp.rectification_mode"), modes, index=modes.index("建议"),
                    format_func=titles.get, horizontal=True,
                    key=f"rect_mode_{view.id}")  # fmt: skip
    try:
        ctx = casework.paper_context(view, fields, mode)
    except PaperError as err:
        services.show_error(err)
        return
    paper_downloads.render(view.case_no, ctx, casework.CASE_PAPERS, key="paper")


def _timeline(actor: users.Actor, view: casework.CaseView) -> None:
    st.markdown(f"#### {t('cp.timeline')}")
    rows = casework.timeline(actor, view.id)
    frame = pd.DataFrame([{
        t("tl.at"): formats.moment(r["at"]), t("tl.who"): r["who"], t("tl.action"): r["action"],
        t("tl.states"): f"{r['from']} → {r['to']}" if r["to"] else "",
        t("tl.comment"): r["comment"],
    } for r in rows])  # fmt: skip
    st.dataframe(frame, hide_index=True, width="stretch")
