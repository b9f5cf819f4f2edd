"""总览 (leaders): KPIs, drill-down by division, categories, industries, monthly trend,
overdue and due-soon reports, and common problems that call for a consumer tip or warning."""

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import followup, messages, users
from dashboard.errors import DashboardError
from dashboard.ui import charts, demo_data, queries, scope, services, worklists
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.overview"))
today = dt.date.today()
worklists.render(actor, "overview")

if queries.case_total(actor) == 0:
    st.info(t("ov.empty"))
    if demo_data.status().can_load:
        demo_data.offer()
    demo_data.removal(actor)
    st.stop()

scoped = scope.picker(actor)
period = st.date_input(t("ov.period"), (today - dt.timedelta(days=364), today), key="ov_period")
start, end = period if isinstance(period, tuple) and len(period) == 2 else (period[0], today)
if (demo := queries.demo_count(scoped)) > 0:
    in_period = queries.demo_count(scoped, start, end)
    st.warning(t("ov.demo_banner", count=demo, in_period=in_period))
st.caption(t("ov.export_hint"))

data = queries.overview(scoped, start, end, today)
k = data.kpis
cols = st.columns(6)
cols[0].metric(t("ov.kpi.opened"), k.opened)
cols[1].metric(t("ov.kpi.in_progress"), k.in_progress)
cols[2].metric(t("ov.kpi.rectified"), k.rectified)
cols[3].metric(t("ov.kpi.overdue"), k.overdue_reports)
cols[4].metric(t("ov.kpi.rate"), "—" if k.rectification_rate is None else
               f"{k.rectification_rate:.1%}")  # fmt: skip
cols[5].metric(t("ov.kpi.penalty"), k.penalty)

name_col, count_col = t("ov.col.division"), t("ov.col.count")
by_division = queries.division_rows(scoped, data.by_division)
if by_division is None:
    st.caption(t("ov.no_stations"))
else:
    divisions = pd.DataFrame(by_division, columns=["code", name_col, count_col])
    charts.bar(divisions[[name_col, count_col]], name_col, count_col, t("ov.by_division"),
               "division")  # fmt: skip
    scope.drill(actor, scoped, by_division, "ov")

left, right = st.columns(2)
with left:
    cat_col = t("ov.col.category")
    frame = pd.DataFrame([(queries.category_title(c), n) for c, n in data.by_category],
                         columns=[cat_col, count_col])  # fmt: skip
    charts.bar(frame, cat_col, count_col, t("ov.by_category"), "category", horizontal=True)
with right:
    ind_col = t("ov.col.industry")
    frame = pd.DataFrame([(i or t("ov.unknown"), n) for i, n in data.by_industry],
                         columns=[ind_col, count_col])  # fmt: skip
    charts.bar(frame, ind_col, count_col, t("ov.by_industry"), "industry", horizontal=True)

state_col = t("ov.col.state")
frame = pd.DataFrame([(messages.state_title(s), n) for s, n in data.by_state],
                     columns=[state_col, count_col])  # fmt: skip
charts.bar(frame, state_col, count_col, t("ov.by_state"), "state")

trend = queries.monthly_trend(scoped, start, end, today)
month_col = t("ov.col.month")
series = [count_col, t("ov.col.last_year")]
charts.line(trend, month_col, series, t("ov.monthly"), "monthly", y_title=count_col)
if end >= today.replace(day=1):
    st.caption(t("ov.partial_month", day=today.day))
st.dataframe(trend, hide_index=True, width="stretch")

overdue, due_soon = queries.deadline_lists(scoped, today)
for title_id, rows, key in (("ov.overdue", overdue, "overdue"), ("ov.due_soon", due_soon, "soon")):
    st.subheader(f"{t(title_id)}（{len(rows)}）")
    st.caption(t("ov.lists_scope"))
    frame = pd.DataFrame([{
        t("cs.col.case_no"): r.case_no, t("cs.col.title"): r.title,
        t("cs.col.place"): r.jurisdiction_name, t("cs.col.parties"): r.party_names,
        t("cs.col.due"): r.rectification_due,
        t("cs.col.days_left"): (r.rectification_due - today).days,
    } for r in rows])  # fmt: skip
    if frame.empty:
        st.caption(t("cs.none"))
        continue
    st.dataframe(frame, hide_index=True, width="stretch")
    charts.excel_button(frame, t(title_id), key)

st.subheader(t("ov.common"))
common = queries.common_problems(scoped, start, end, today)
if common.empty:
    st.caption(t("ov.common_none"))
else:
    shown = common.drop(columns=["category", "kind"])
    st.dataframe(shown, hide_index=True, width="stretch")
    charts.excel_button(shown, t("ov.common"), "common")
    if users.can(actor, "issue_alert"):
        for row in common.itertuples(index=False):
            kind_title = messages.ALERT_KINDS[row.kind]
            title = t("ov.alert_title", category=queries.category_title(row.category),
                      kind=kind_title)  # fmt: skip
            if st.button(t("ov.issue_alert", kind=f"{kind_title}：{title}"),
                         key=f"alert_{row.category}"):  # fmt: skip
                try:
                    with services.session() as s:
                        body = t("ov.alert_body", divisions=row[2], count=row[3],
                                 category=queries.category_title(row.category))  # fmt: skip
                        followup.issue_alert(s, scoped, row.kind, title, body, [])
                    st.success(t("ov.alert_issued", kind=kind_title, title=title))
                except DashboardError as err:
                    services.show_error(err)

demo_data.removal(actor)
