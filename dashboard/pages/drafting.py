"""起草 (drafting workspace): run the assistant on a case, review the legal basis with each
article's text and versions, edit the drafts, check citations, save, download DOCX."""

import datetime as dt

import streamlit as st

from assistant.errors import AssistantError
from dashboard import cases
from dashboard.errors import DashboardError
from dashboard.ui import casework, draft_view, drafts, keys, law_index, services
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.drafting"))

search = st.text_input(t("cs.search"), key="draft_search")
with services.session() as s:
    rows = cases.list_cases(s, actor, cases.CaseFilter(search=search.strip()), page_size=200).rows
if not rows:
    st.info(t("dr.no_match", search=search.strip()) if search.strip() else t("dr.no_cases"))
    st.stop()
labels = {r.id: f"{r.case_no}　{r.title}（{r.state_title}）" for r in rows}
ids = list(labels)
preferred = st.session_state.get(keys.SELECTED_CASE)
case_id = st.selectbox(t("dr.pick"), ids, index=ids.index(preferred) if preferred in ids else 0,
                       format_func=labels.get, key="draft_case")  # fmt: skip
try:
    view = casework.load(actor, case_id)
except DashboardError as err:
    services.show_error(err)
    st.stop()
on_date = st.date_input(t("dr.date"), value=view.interview_day or dt.date.today(),
                        key=f"draft_date_{case_id}")  # fmt: skip
if view.interview_day is None:
    st.caption(t(casework.unplanned_hint(view.state)))

index = law_index.ready_index()
if index is None:
    st.caption(t("dr.needs_index"))
    st.stop()

store = st.session_state.setdefault(keys.DRAFTS, {})
if st.button(t("dr.run"), key="draft_run", type="primary"):
    with st.spinner(t("dr.running")):
        try:
            store[case_id] = drafts.run(view, index, on_date)
            draft_view.reset_editor(case_id)
        except AssistantError as err:
            st.error(draft_view.input_error_text(err))
draft = store.get(case_id)
if draft is None:
    st.stop()

if draft.notices:
    st.warning(t("dr.notices") + "\n\n" + "\n".join(f"- {n}" for n in draft.notices))
draft_view.legal_basis(draft, index)
draft_view.editor(actor, view, draft, index, on_date)
draft_view.papers(view, draft)
