"""用户管理 (administrators): the accounts in the administrator's jurisdiction and a form
to create one (role and jurisdiction scope; bcrypt-hashed password)."""

import pandas as pd
import streamlit as st

from dashboard import messages, users
from dashboard.errors import DashboardError
from dashboard.ui import office_names, scope, services
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
with st.form("new_user", clear_on_submit=True):
    cols = st.columns(2)
    username = cols[0].text_input(t("auth.username"), key="new_user_name")
    display = cols[1].text_input(t("us.display_name"), key="new_user_display")
    password = cols[0].text_input(t("auth.password"), type="password", key="new_user_password")
    role = cols[1].selectbox(t("us.role"), list(users.roles()), format_func=messages.role_title,
                             key="new_user_role")  # fmt: skip
    code = st.selectbox(t("form.jurisdiction"), list(nodes), format_func=lambda c: nodes[c].label,
                        key="new_user_place")  # fmt: skip
    principal = st.checkbox(t("us.principal"), key="new_user_principal")
    submitted = st.form_submit_button(t("us.create"))
if submitted:
    try:
        with services.session() as s:
            created = users.create_user(s, actor, username.strip(), display.strip(), password,
                                        role, code, is_principal=principal)  # fmt: skip
        services.flash(t("us.created", username=created.username))
        st.rerun()
    except DashboardError as err:
        services.show_error(err)

office_names.editor(actor, nodes)
