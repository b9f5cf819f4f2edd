"""用户管理 (administrators): the accounts in the administrator's jurisdiction, a form to
create one (role and jurisdiction scope; bcrypt-hashed password), and a form to register a
市场监管所 under a county (no public list of stations exists)."""

import pandas as pd
import streamlit as st

from dashboard import jurisdictions, messages, users
from dashboard.errors import DashboardError
from dashboard.ui import office_names, queries, scope, services
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.users"))
nodes = {n.code: n for n in scope.options(actor)}

with services.session() as s:
    accounts = [(u.username, u.display_name, u.role, u.jurisdiction_code)
                for u in users.list_users(s, actor)]  # fmt: skip
st.subheader(t("us.list"))
table = pd.DataFrame([{
    t("us.col.username"): name, t("us.col.name"): display, t("us.col.role"):
    messages.role_title(role), t("us.col.place"): nodes[code].name if code in nodes else code,
} for name, display, role, code in accounts])  # fmt: skip
st.dataframe(table, hide_index=True, width="stretch")

st.subheader(t("us.new"))
NEW_USER_KEYS = ("new_user_name", "new_user_display", "new_user_password", "new_user_role",
                 "new_user_place", "new_user_principal")  # fmt: skip
with st.form("new_user"):  # kept on a refusal so the typed values can be corrected
    cols = st.columns(2)
    username = cols[0].text_input(t("auth.username"), key="new_user_name")
    display = cols[1].text_input(t("us.display_name"), key="new_user_display")
    password = cols[0].text_input(t("auth.password"), type="password", key="new_user_password")
    role_ids = list(users.roles())
    role = cols[1].selectbox(t("us.role"), role_ids, format_func=messages.role_title,
                             index=role_ids.index(users.LEAST_ROLE),
                             key="new_user_role")  # fmt: skip
    code = st.selectbox(t("form.jurisdiction"), list(nodes), format_func=lambda c: nodes[c].label,
                        index=None, placeholder=t("us.pick_place"),
                        key="new_user_place")  # fmt: skip
    principal = st.checkbox(t("us.principal"), key="new_user_principal")
    submitted = st.form_submit_button(t("us.create"))
if submitted:
    try:
        with services.session() as s:
            created = users.create_user(s, actor, username.strip(), display.strip(), password,
                                        role, code, is_principal=principal)  # fmt: skip
        services.flash(t("us.created", username=created.username))
        for key in NEW_USER_KEYS:  # an empty form for the next account
            st.session_state.pop(key, None)
        st.rerun()
    except DashboardError as err:
        services.show_error(err)

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
