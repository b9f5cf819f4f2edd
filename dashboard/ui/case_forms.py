"""The case list (filters, search, paging, export) and the new-case form."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import streamlit as st

from dashboard import cases, excel, messages, users
from dashboard.errors import DashboardError, DuplicateMatter, ValidationError
from dashboard.ui import formats, keys, queries, scope, services
from dashboard.ui_messages import t

PAGE_SIZE = 50
PARTY_SLOTS = 3


def filters(actor: users.Actor) -> cases.CaseFilter:
    scoped = scope.picker(actor, key="cases_scope")
    with st.expander(t("cs.filters"), expanded=False):
        cols = st.columns(3)
        states = cols[0].multiselect(t("cs.states"), _state_ids(), format_func=messages.state_title)
        category = cols[1].selectbox(t("cs.category"), [None, *messages.PROBLEM_CATEGORIES],
                                     format_func=_choice(messages.PROBLEM_CATEGORIES))  # fmt: skip
        trigger = cols[2].selectbox(t("cs.trigger"), [None, *messages.TRIGGERS],
                                    format_func=_choice(messages.TRIGGERS))  # fmt: skip
        cols = st.columns(3)
        opened_from = cols[0].date_input(t("cs.from"), value=None)
        opened_to = cols[1].date_input(t("cs.to"), value=None)
        major = cols[2].checkbox(t("cs.major_only"))
    search = st.text_input(t("cs.search"), key="cases_search")
    code = scoped.jurisdiction_code if scoped.jurisdiction_code != actor.jurisdiction_code else None
    return cases.CaseFilter(
        states=states, jurisdiction_code=code, problem_category=category, trigger=trigger,
        is_major=True if major else None, opened_from=opened_from, opened_to=opened_to,
        search=search.strip(),
    )  # fmt: skip


def _state_ids() -> list[str]:
    from dashboard import workflow

    return list(workflow.definition().states)


def _choice(titles: dict):
    return lambda key: t("lw.any") if key is None else titles.get(key, key)


def case_list(actor: users.Actor, f: cases.CaseFilter) -> None:
    with services.session() as s:
        total = cases.list_cases(s, actor, f, page=1, page_size=1).total
    pages = max(1, -(-total // PAGE_SIZE))
    current = min(st.session_state.get(keys.CASE_PAGE, 1), pages)
    wanted = int(st.number_input(t("cs.page"), value=current, step=1, key="cases_page_no"))
    page = min(max(wanted, 1), pages)  # bounds checked here, not by the widget (English text)
    if page != wanted:
        st.caption(t("cs.page_clamped", pages=pages, page=page))
    st.session_state[keys.CASE_PAGE] = page
    with services.session() as s:
        rows = cases.list_cases(s, actor, f, page=page, page_size=PAGE_SIZE).rows
    st.caption(t("cs.total", total=total, page=page, pages=pages))
    if not rows:
        st.info(t("cs.none"))
        return
    st.dataframe(_frame(rows), hide_index=True, width="stretch")
    _open_picker(rows)
    _export(actor, f)


def _frame(rows: list[cases.CaseRow]) -> pd.DataFrame:
    today = dt.date.today()
    return pd.DataFrame([{
        t("cs.col.case_no"): r.case_no, t("cs.col.title"): r.title,
        t("cs.col.state"): r.state_title, t("cs.col.place"): r.jurisdiction_name,
        t("cs.col.parties"): r.party_names,
        t("cs.col.category"): queries.category_title(r.problem_category),
        t("cs.col.opened"): r.opened_on, t("cs.col.due"): formats.date_or_dash(r.rectification_due),
        t("cs.col.days_left"): _days_left_text(r, today),
    } for r in rows])  # fmt: skip


def _days_left_text(r: cases.CaseRow, today: dt.date) -> str:
    if r.rectification_due is None or r.state != "rectification":
        return formats.NO_VALUE
    return str((r.rectification_due - today).days)


def _open_picker(rows: list[cases.CaseRow]) -> None:
    labels = {r.id: f"{r.case_no}　{r.title}" for r in rows}
    cols = st.columns([4, 1])
    chosen = cols[0].selectbox(t("cs.open"), list(labels), format_func=labels.get,
                               key="cases_open")  # fmt: skip
    if cols[1].button(t("cs.open_button"), key="cases_open_button"):
        st.session_state[keys.SELECTED_CASE] = chosen
        st.rerun()


def _export(actor: users.Actor, f: cases.CaseFilter) -> None:
    buffer = io.BytesIO()
    with services.session() as s:
        excel.export_cases(s, actor, f, buffer)
    st.download_button(t("cs.export"), buffer.getvalue(), file_name="约谈案件.xlsx",
                       key="cases_export")  # fmt: skip


def new_case_form(actor: users.Actor) -> None:
    if not users.can(actor, "edit_case"):
        return
    with st.expander(t("cs.new")), st.form("new_case"):
        draft = _draft_fields(actor)
        confirm = st.checkbox(t("form.confirm_duplicate"), key="new_case_confirm")
        submitted = st.form_submit_button(t("form.submit"))
    if submitted:
        _create(actor, draft, confirm)


def _draft_fields(actor: users.Actor) -> cases.CaseDraft:
    nodes = [n for n in scope.options(actor) if n.level >= 3] or scope.options(actor)
    names = {n.code: n.label for n in nodes}
    title = st.text_input(t("form.title"), key="new_title")
    cols = st.columns(3)
    code = cols[0].selectbox(t("form.jurisdiction"), list(names), format_func=names.get,
                             key="new_jurisdiction")  # fmt: skip
    trigger = cols[1].selectbox(t("form.trigger"), list(messages.TRIGGERS),
                                format_func=messages.TRIGGERS.get, key="new_trigger")  # fmt: skip
    category = cols[2].selectbox(
        t("form.category"),
        list(messages.PROBLEM_CATEGORIES),
        format_func=messages.PROBLEM_CATEGORIES.get,
        key="new_category",
    )
    cols = st.columns(3)
    unit = cols[0].text_input(t("form.unit"), key="new_unit")
    industry = cols[1].selectbox(
        t("form.industry"), messages.INDUSTRIES, index=None,
        placeholder=t("form.industry_pick"), key="new_industry",
    )  # fmt: skip
    goods = cols[2].text_input(t("form.goods"), key="new_goods")
    reason = st.text_input(t("form.reason"), key="new_reason")
    facts = st.text_area(t("form.facts"), key="new_facts")
    cols = st.columns(4)
    # No min/max on the widget: Streamlit would answer out-of-range input in English; the
    # case service refuses a negative or oversized count with a Chinese message instead.
    complaints = cols[0].number_input(
        t("form.complaints"), value=0, step=1, help=t("form.complaints_help"), key="new_complaints"
    )
    amount = cols[1].text_input(t("form.amount"), "0", key="new_amount")
    major = cols[2].checkbox(t("form.major"), key="new_major")
    collective = cols[3].checkbox(t("form.collective"), key="new_collective")
    parties = [p for p in (_party(i) for i in range(1, PARTY_SLOTS + 1)) if p is not None]
    return cases.CaseDraft(
        title=title, jurisdiction_code=code, trigger=trigger, problem_category=category,
        parties=parties, is_collective=collective, is_major=major, handling_unit=unit,
        goods_category=goods, industry=industry or "", reason=reason, facts=facts,
        complaint_count=int(complaints), amount_involved=amount.strip() or "0",
    )  # fmt: skip


def _party(n: int) -> cases.PartyDraft | None:
    st.markdown(f"**{t('form.party', n=n)}**")
    cols = st.columns(4)
    name = cols[0].text_input(t("form.party_name"), key=f"new_party_{n}_name")
    code = cols[1].text_input(t("form.credit_code"), key=f"new_party_{n}_code",
                              help=t("form.credit_code_help"))  # fmt: skip
    rep = cols[2].text_input(t("form.legal_rep"), key=f"new_party_{n}_rep")
    address = cols[3].text_input(t("form.address"), key=f"new_party_{n}_address")
    if n > 1 and not (name.strip() or code.strip()):
        return None
    return cases.PartyDraft(name, code, rep, address)


def _create(actor: users.Actor, draft: cases.CaseDraft, confirm: bool) -> None:
    try:
        with services.session() as s:
            case = cases.create_case(s, actor, draft, confirm_duplicate=confirm)
            case_no, case_id = case.case_no, case.id
    except ValidationError as err:
        st.error(err.user_text())
        return
    except DuplicateMatter as err:
        st.warning(err.user_text())
        return
    except DashboardError as err:
        services.show_error(err)
        return
    queries.clear()
    st.session_state[keys.SELECTED_CASE] = case_id
    services.flash(t("form.created", case_no=case_no))
    st.rerun()
