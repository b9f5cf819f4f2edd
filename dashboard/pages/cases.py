"""案件 (officials): the case list with filters, search and paging; the new-case form; the
case page with its state, next steps, papers and audit timeline."""

import streamlit as st

from dashboard.ui import case_detail, case_forms, keys, services, worklists
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.cases"))

selected = st.session_state.get(keys.SELECTED_CASE)
if selected is not None:
    case_detail.render(actor, selected)
    st.stop()

worklists.render(actor, "cases")
case_filter = case_forms.filters(actor)
case_forms.case_list(actor, case_filter)
case_forms.new_case_form(actor)
