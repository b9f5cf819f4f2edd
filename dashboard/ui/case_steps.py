"""Forms for the procedure step a case is in: approval opinions (审批表), the eight plan items
(约谈方案), the notice (告知), and the interview record with persons, signatures and guidance.
Each form calls one domain service and reruns; errors are shown in Chinese."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import cases, interviews, messages, users
from dashboard.draft_sections import PaperFields
from dashboard.errors import DashboardError
from dashboard.ui import edit_lock, formats, queries, services
from dashboard.ui.casework import CaseView
from dashboard.ui_messages import t

DEFAULT_HOUR = dt.time(10, 0)

APPROVAL_TITLES = messages.APPROVAL_STEPS


def render(actor: users.Actor, view: CaseView, fields: PaperFields | None = None) -> None:
    form = {"approval": _approval, "planning": _plan, "notification": _notice,
            "interview": _record}.get(view.state)  # fmt: skip
    if form is None:
        return
    with st.expander(t("cp.steps_form"), expanded=True):
        if form is _plan:
            _plan(actor, view, fields or PaperFields())
        else:
            form(actor, view)


def approval_steps(actor: users.Actor) -> list[str]:
    """The 审批表 lines this actor may sign."""
    return [s for s, roles in interviews.APPROVAL_STEPS.items()
            if actor.role in roles and (s != "principal" or actor.is_principal)]  # fmt: skip


def has_form(actor: users.Actor, view: CaseView) -> bool:
    """Whether the step's form offers this actor something to fill in or sign."""
    if view.state == "approval":
        return bool(approval_steps(actor))
    editing = view.state in ("planning", "notification", "interview")
    return editing and users.can(actor, "edit_case")


def run(case_id: int, action) -> None:
    """Call a service in a session; on success keep the new version as the one the forms stand
    on and rerun. On an error (a stale page: VersionConflict) the inputs stay as typed."""
    try:
        with services.session() as s:
            action(s)
            edit_lock.saved(case_id, cases.get_case(s, services.current_actor(), case_id).version)
    except DashboardError as err:
        services.show_error(err)
        return
    queries.clear()
    services.flash(t("cp.saved"))
    st.rerun()


def _approval(actor: users.Actor, view: CaseView) -> None:
    for step, title in APPROVAL_TITLES.items():
        entry = view.approval.get(step)
        if entry:
            st.markdown(f"**{title}**：{entry.get('name', '')}　{entry.get('opinion', '')}"
                        f"　{formats.moment(entry.get('at'))}")  # fmt: skip
        elif step != "principal" or view.is_major:
            st.markdown(f"**{title}**：{t('cp.approval_unsigned')}")
    steps = approval_steps(actor)
    if not steps:
        return
    with st.form(f"approval_{view.id}"):
        step = st.selectbox(t("cp.approval_step"), steps, index=_default_step(actor, view, steps),
                            format_func=lambda s: _step_label(view, s))  # fmt: skip
        opinion = st.text_input(t("cp.approval_opinion"), value="同意")
        if st.form_submit_button(t("cp.approval_save")):
            run(view.id, lambda s: interviews.record_approval(s, actor, view.id, step, opinion,
                                                      view.version))  # fmt: skip


def _default_step(actor: users.Actor, view: CaseView, steps: list[str]) -> int:
    """The selector starts on the first line nobody has signed yet, else on the actor's own
    line (to change the opinion), never on a line another person signed unless nothing else."""
    signer = [view.approval.get(s, {}).get("by") for s in steps]
    free = [i for i, by in enumerate(signer) if by is None]
    own = [i for i, by in enumerate(signer) if by == actor.id]
    return (free or own or [0])[0]


def _step_label(view: CaseView, step: str) -> str:
    entry = view.approval.get(step)
    title = APPROVAL_TITLES.get(step, step)
    return t("cp.approval_signed_by", step=title, name=entry.get("name", "")) if entry else title


def _plan(actor: users.Actor, view: CaseView, fields: PaperFields) -> None:
    if not users.can(actor, "edit_case"):
        return
    keys = {k: f"plan_{view.id}_{k}" for k in messages.PLAN_ITEMS}
    for k, key in keys.items():
        st.session_state.setdefault(key, view.plan.get(k, ""))
    if fields.plan:
        if st.button(t("cp.plan_fill"), key=f"plan_fill_{view.id}"):
            for k, text in fields.plan.items():
                st.session_state[keys[k]] = text
            # Time and place come from the schedule fields above (the draft only knew the
            # drafting day): left empty, saving writes them from there.
            st.session_state[keys["time_place"]] = ""
            st.rerun()
    else:
        st.caption(t("cp.plan_fill_none"))
    with st.form(f"plan_{view.id}"):
        when, place = _schedule_inputs(view, "plan")
        items = {k: st.text_area(title, height=68, key=keys[k])
                 for k, title in messages.PLAN_ITEMS.items()}  # fmt: skip
        if st.form_submit_button(t("cp.plan_save")):
            run(view.id, lambda s: _save_plan(s, actor, view, items, when, place))


def _schedule_inputs(view: CaseView, prefix: str) -> tuple[dt.datetime, str]:
    """Planned date, hour and place of the interview (plan item 5, printed on the notice)."""
    planned = view.planned_at or dt.datetime.combine(dt.date.today() + dt.timedelta(days=7),
                                                     DEFAULT_HOUR)  # fmt: skip
    cols = st.columns([1, 1, 2])
    day = cols[0].date_input(t("cp.planned_day"), value=planned.date(), key=f"{prefix}_day")
    hour = cols[1].time_input(t("cp.planned_time"), value=planned.time(), key=f"{prefix}_time")
    place = cols[2].text_input(t("cp.planned_place"), value=view.planned_place,
                               key=f"{prefix}_place")  # fmt: skip
    return dt.datetime.combine(day, hour), place


def _save_plan(s, actor, view: CaseView, items: dict, when: dt.datetime, place: str) -> None:
    case = interviews.set_schedule(s, actor, view.id, when, place, view.version)
    if not items.get("time_place", "").strip():
        items = {**items, "time_place": t("cp.time_place_text", when=formats.moment(when),
                                          place=place.strip())}  # fmt: skip
    interviews.set_plan(s, actor, view.id, items, case.version)


def _notice(actor: users.Actor, view: CaseView) -> None:
    if not users.can(actor, "edit_case"):
        return
    methods = messages.NOTICE_METHODS
    with st.form(f"notice_{view.id}"):
        when, place = _schedule_inputs(view, "notice")
        issued = st.date_input(t("cp.notice_date"), value=view.notice_issued_on or dt.date.today())
        method = st.radio(t("cp.notice_method"), list(methods), format_func=methods.get)
        receipt = st.date_input(t("cp.receipt_date"), value=None)
        if st.form_submit_button(t("cp.notice_save")):
            run(view.id, lambda s: interviews.record_notice(
                s, actor, view.id, issued, method,
                interviews.set_schedule(s, actor, view.id, when, place, view.version).version,
                receipt,
            ))  # fmt: skip


def _record(actor: users.Actor, view: CaseView) -> None:
    if not users.can(actor, "edit_case"):
        return
    if view.record_problems:
        items = "；".join(messages.text(p) for p in view.record_problems)
        st.warning(t("cp.record_problems", items=items))
    _reschedule(actor, view)
    _record_time(actor, view)
    _persons(actor, view)
    _content(actor, view)
    _guidance(actor, view)
    if not view.record_closed and st.button(t("cp.close_record"), key=f"close_{view.id}"):
        run(view.id, lambda s: interviews.close_record(s, actor, view.id, view.version))


def _reschedule(actor: users.Actor, view: CaseView) -> None:
    """Before the planned time the record cannot be confirmed; the plan's time may be changed
    here when the interview was moved."""
    if view.record_closed or not view.planned_at or view.planned_at <= dt.datetime.now():
        return
    st.info(t("cp.interview_ahead", when=formats.moment(view.planned_at)))
    with st.form(f"reschedule_{view.id}"):
        when, place = _schedule_inputs(view, "reschedule")
        if st.form_submit_button(t("cp.reschedule_save")):
            run(view.id, lambda s: interviews.set_schedule(s, actor, view.id, when, place,
                                                            view.version))  # fmt: skip


def _record_time(actor: users.Actor, view: CaseView) -> None:
    start = view.interview_start or dt.datetime.combine(dt.date.today(), DEFAULT_HOUR)
    with st.form(f"record_time_{view.id}"):
        cols = st.columns(3)
        day = cols[0].date_input(t("cp.record_time"), value=start.date())
        begin = cols[1].time_input(
            t("cp.record_time"), value=start.time(), label_visibility="hidden"
        )
        end_time = (view.record_end or start + dt.timedelta(hours=1)).time()
        end = cols[2].time_input(t("cp.record_end"), value=end_time)
        place = st.text_input(t("cp.record_place"), value=view.interview_place)
        if st.form_submit_button(t("cp.record_save")):
            start_at, end_at = dt.datetime.combine(day, begin), dt.datetime.combine(day, end)
            run(
                view.id,
                lambda s: interviews.update_record(
                    s, actor, view.id, start_at, end_at, place, expected_version=view.version
                ),
            )


def _persons(actor: users.Actor, view: CaseView) -> None:
    for p in view.persons:
        kind = messages.PERSON_KINDS.get(p.kind, p.kind)
        if p.recused:  # art. 7: kept in the record, struck through, with the reason
            who = " ".join(x for x in (p.name, p.unit) if x)  # no space before the closing ~~
            st.markdown(f"~~{kind}：{who}~~　"
                        + t("cp.recused_because", reason=p.recusal_reason))  # fmt: skip
            continue
        cols = st.columns([4, 1, 1, 1, 1])
        flags = "、".join(x for x, on in ((t("cp.person_main"), p.is_main),
                                         (t("cp.signed"), p.signed)) if on)  # fmt: skip
        cols[0].markdown(f"{kind}：{p.name} {p.unit} {flags}")
        if view.record_closed:
            continue
        if not p.signed and cols[1].button(t("cp.person_sign"), key=f"sign_{p.id}"):
            run(view.id, lambda s, pid=p.id: interviews.sign(s, actor, view.id, pid, view.version))
        if cols[2].button(t("cp.person_edit"), key=f"edit_{p.id}"):
            st.session_state["editing_person"] = p.id
        if cols[3].button(t("cp.person_remove"), key=f"remove_{p.id}"):
            run(
                view.id,
                lambda s, pid=p.id: interviews.remove_person(
                    s, actor, view.id, pid, expected_version=view.version
                ),
            )
        if cols[4].button(t("cp.person_recuse"), key=f"recuse_{p.id}"):
            st.session_state["recusing_person"] = p.id
        if st.session_state.get("editing_person") == p.id:
            _edit_person(actor, view, p)
        if st.session_state.get("recusing_person") == p.id:
            _recuse_person(actor, view, p)
    if view.record_closed:
        return
    with st.form(f"person_{view.id}", clear_on_submit=True):
        cols = st.columns(3)
        kind = cols[0].selectbox(t("cp.person_kind"), list(messages.PERSON_KINDS),
                                 format_func=messages.PERSON_KINDS.get)  # fmt: skip
        name = cols[1].text_input(t("cp.person_name"))
        unit = cols[2].text_input(t("cp.person_unit"))
        is_main = st.checkbox(t("cp.person_main"))
        is_leader = st.checkbox(t("cp.person_leader"))
        if st.form_submit_button(t("cp.person_add")):
            run(view.id, lambda s: interviews.add_person(s, actor, view.id, kind, name, unit=unit,
                                                 is_main=is_main, is_leader=is_leader,
                                                 expected_version=view.version))  # fmt: skip


def _edit_person(actor: users.Actor, view: CaseView, p) -> None:
    kinds = list(messages.PERSON_KINDS)
    with st.form(f"edit_person_{p.id}"):
        cols = st.columns(3)
        kind = cols[0].selectbox(t("cp.person_kind"), kinds, index=kinds.index(p.kind),
                                 format_func=messages.PERSON_KINDS.get)  # fmt: skip
        name = cols[1].text_input(t("cp.person_name"), value=p.name)
        unit = cols[2].text_input(t("cp.person_unit"), value=p.unit)
        is_main = st.checkbox(t("cp.person_main"), value=p.is_main)
        if st.form_submit_button(t("cp.person_update")):
            st.session_state.pop("editing_person", None)
            changes = {"kind": kind, "name": name, "unit": unit, "is_main": is_main}
            run(
                view.id,
                lambda s: interviews.update_person(
                    s, actor, view.id, p.id, expected_version=view.version, **changes
                ),
            )


def _recuse_person(actor: users.Actor, view: CaseView, p) -> None:
    """回避 (art. 7): the reason is required; the person stays in the record, not counted."""
    with st.form(f"recuse_person_{p.id}"):
        st.caption(t("cp.recuse_hint", name=p.name))
        reason = st.text_input(t("cp.recuse_reason"), key=f"form_{view.id}_recuse_{p.id}")
        if st.form_submit_button(t("cp.recuse_save")):
            run(view.id, lambda s: _recuse(s, actor, view, p.id, reason))


def _recuse(s, actor: users.Actor, view: CaseView, person_id: int, reason: str) -> None:
    interviews.declare_conflict(s, actor, view.id, person_id, reason, view.version)
    st.session_state.pop("recusing_person", None)  # the form closes only once it is saved


def _content(actor: users.Actor, view: CaseView) -> None:
    """约谈情况 and 约谈对象陈述及承诺 for the record paper; the examples are placeholders only."""
    with st.form(f"record_content_{view.id}"):
        st.caption(t("cp.record_content_hint"))
        closed = view.record_closed
        content = st.text_area(t("cp.record_content"), value=view.record_content, height=140,
                               placeholder=t("cp.record_content_help"), disabled=closed,
                               key=f"form_{view.id}_record_content")  # fmt: skip
        statement = st.text_area(
            t("cp.record_statement"), value=view.record_statement, height=120,
            placeholder=t("cp.record_statement_help"), disabled=closed,
            key=f"form_{view.id}_record_statement",
        )  # fmt: skip
        if st.form_submit_button(t("cp.record_content_save"), disabled=closed):
            run(view.id, lambda s: interviews.set_record_content(
                s, actor, view.id, content, statement, view.version))  # fmt: skip


def _guidance(actor: users.Actor, view: CaseView) -> None:
    with st.form(f"guidance_{view.id}"):
        text = st.text_area(t("cp.guidance"), value=view.guidance, height=100,
                            key=f"form_{view.id}_guidance")  # fmt: skip
        if st.form_submit_button(t("cp.guidance_save")):
            run(view.id, lambda s: cases.set_guidance(s, actor, view.id, text, view.version))
