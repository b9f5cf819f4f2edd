"""用户管理 (administrators): the accounts in the administrator's jurisdiction, forms to create
one and to change one (role, jurisdiction, 主要领导, deactivation, a new password), a form to
register a 市场监管所 under a county (no public list of stations exists), and office names."""

import streamlit as st

from dashboard import jurisdictions
from dashboard.errors import DashboardError
from dashboard.ui import office_names, queries, scope, services, user_admin
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.users"))
nodes = {n.code: n for n in scope.options(actor)}

accounts = user_admin.account_rows(actor)
user_admin.account_table(accounts, nodes)
user_admin.new_user_form(actor, nodes)
user_admin.editor(actor, nodes, accounts)

st.subheader(t("us.station_new"))
counties = [c for c, n in nodes.items() if n.level == jurisdictions.COUNTY]
if not counties:
    st.caption(t("us.station_no_county"))
else:
    with st.form("new_station", clear_on_submit=True):
        county = st.selectbox(t("us.station_county"), counties, key="new_station_county",
                              format_func=lambda c: nodes[c].name)  # fmt: skip
        station_name = st.text_input(t("us.station_name"), key="new_station_name",
                                     placeholder=t("us.station_placeholder"))  # fmt: skip
        added = st.form_submit_button(t("us.station_add"))
    if added:
        try:
            with services.session() as s:
                station = jurisdictions.add_station(s, actor, county, station_name)
                services.flash(t("us.station_added", name=station.name, county=nodes[county].name))
            queries.divisions.clear()
            queries.clear()
            st.rerun()
        except DashboardError as err:
            services.show_error(err)

office_names.editor(actor, nodes)
