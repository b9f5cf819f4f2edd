"""用户管理: the account list, 新建用户, and 修改用户 (name, role, jurisdiction and 主要领导
flag; deactivate or reactivate; a new password). Rules live in ``dashboard.users``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import messages, users
from dashboard.errors import DashboardError
from dashboard.ui import keys, services
from dashboard.ui_messages import t

PICK = "edit_user_pick"
NEW_USER = {"new_user_name": "", "new_user_display": "", "new_user_password": "",
            "new_user_role": users.LEAST_ROLE, "new_user_place": None,
            "new_user_principal": False}  # fmt: skip
NEW_USER_DONE = "new_user_done"  # set after a creation: the next run empties the form


def form_values(done_flag: str, defaults: dict) -> None:
    """Give a form's widgets their starting values before they are drawn, and again after a
    success raised ``done_flag`` (values assigned before the widgets exist are what the
    browser then shows; a refused submit keeps what was typed)."""
    reset = st.session_state.pop(done_flag, False)
    for key, value in defaults.items():
        if reset or key not in st.session_state:
            st.session_state[key] = value


def account_rows(actor: users.Actor) -> list[dict]:
    with services.session() as s:
        return [{"id": u.id, "username": u.username, "name": u.display_name, "role": u.role,
                 "place": u.jurisdiction_code, "principal": bool(u.is_principal),
                 "active": bool(u.active)} for u in users.list_users(s, actor)]  # fmt: skip


def account_table(accounts: list[dict], nodes: dict) -> None:
    st.subheader(t("us.list"))
    table = pd.DataFrame([{
        t("us.col.username"): a["username"], t("us.col.name"): a["name"],
        t("us.col.role"): messages.role_title(a["role"]),
        t("us.col.principal"): t("us.yes") if a["principal"] else "",
        t("us.col.place"): nodes[a["place"]].name if a["place"] in nodes else a["place"],
        t("us.col.status"): t("us.active") if a["active"] else t("us.inactive"),
    } for a in accounts])  # fmt: skip
    st.dataframe(table, hide_index=True, width="stretch")


def new_user_form(actor: users.Actor, nodes: dict) -> None:
    """新建用户: emptied after a creation; a refused submit keeps the typed values."""
    st.subheader(t("us.new"))
    form_values(NEW_USER_DONE, NEW_USER)
    role_ids = list(users.roles())
    with st.form("new_user"):
        cols = st.columns(2)
        username = cols[0].text_input(t("auth.username"), key="new_user_name",
                                      help=t("us.username_help"))  # fmt: skip
        display = cols[1].text_input(t("us.display_name"), key="new_user_display")
        password = cols[0].text_input(t("auth.password"), type="password",
                                      key="new_user_password",
                                      help=t("us.password_help"))  # fmt: skip
        role = cols[1].selectbox(t("us.role"), role_ids, format_func=messages.role_title,
                                 key="new_user_role")  # fmt: skip
        code = st.selectbox(t("form.jurisdiction"), list(nodes), index=None,
                            format_func=lambda c: nodes[c].label,
                            placeholder=t("us.pick_place"), key="new_user_place")  # fmt: skip
        principal = st.checkbox(t("us.principal"), key="new_user_principal",
                                help=t("us.principal_help"))  # fmt: skip
        st.caption(t("us.rules"))
        submitted = st.form_submit_button(t("us.create"))
    if not submitted:
        return
    try:
        with services.session() as s:
            created = users.create_user(s, actor, username.strip(), display.strip(), password,
                                        role, code, is_principal=principal)  # fmt: skip
    except DashboardError as err:
        services.show_error(err)
        return
    services.flash(t("us.created", username=created.username))
    st.session_state[NEW_USER_DONE] = True
    st.rerun()


def editor(actor: users.Actor, nodes: dict, accounts: list[dict]) -> None:
    """Pick an account of the list, then change it (each part saved on its own)."""
    st.subheader(t("us.edit"))
    by_id = {a["id"]: a for a in accounts}
    chosen = st.selectbox(t("us.edit_pick"), list(by_id), index=None, key=PICK,
                          placeholder=t("us.edit_pick_hint"),
                          format_func=lambda i: f"{by_id[i]['username']}（{by_id[i]['name']}）"
                          )  # fmt: skip
    if chosen is None:
        return
    account = by_id[chosen]
    _details_form(actor, nodes, account)
    _active_switch(actor, account)
    _password_form(actor, account)


def _details_form(actor: users.Actor, nodes: dict, account: dict) -> None:
    uid = account["id"]
    role_ids = list(users.roles())
    places = list(nodes)
    with st.form(f"edit_user_{uid}"):
        cols = st.columns(2)
        display = cols[0].text_input(t("us.display_name"), value=account["name"],
                                     key=f"edit_user_display_{uid}")  # fmt: skip
        role = cols[1].selectbox(t("us.role"), role_ids, format_func=messages.role_title,
                                 index=role_ids.index(account["role"])
                                 if account["role"] in role_ids else None,
                                 key=f"edit_user_role_{uid}")  # fmt: skip
        code = st.selectbox(t("form.jurisdiction"), places, format_func=lambda c: nodes[c].label,
                            index=places.index(account["place"])
                            if account["place"] in places else None,
                            key=f"edit_user_place_{uid}")  # fmt: skip
        principal = st.checkbox(t("us.principal"), value=account["principal"],
                                help=t("us.principal_help"),
                                key=f"edit_user_principal_{uid}")  # fmt: skip
        saved = st.form_submit_button(t("us.edit_save"))
    if not saved:
        return
    try:
        with services.session() as s:
            changed = users.update_user(s, actor, uid, display, role, code,
                                        is_principal=principal)  # fmt: skip
    except DashboardError as err:
        services.show_error(err)
        return
    if changed.id == actor.id:  # the administrator's own account: the session follows
        st.session_state[keys.ACTOR] = changed
    _forget(uid)
    services.flash(t("us.edit_saved", username=changed.username))
    st.rerun()


def _active_switch(actor: users.Actor, account: dict) -> None:
    uid = account["id"]
    if account["active"]:
        st.caption(t("us.deactivate_hint"))
        clicked = st.button(t("us.deactivate"), key=f"edit_user_off_{uid}")
    else:
        st.caption(t("us.inactive_hint"))
        clicked = st.button(t("us.reactivate"), key=f"edit_user_on_{uid}")
    if not clicked:
        return
    try:
        with services.session() as s:
            users.set_active(s, actor, uid, not account["active"])
    except DashboardError as err:
        services.show_error(err)
        return
    done = "us.reactivated" if not account["active"] else "us.deactivated"
    services.flash(t(done, username=account["username"]))
    if uid == actor.id and account["active"]:  # deactivated oneself: signed out now
        services.sign_out()
    st.rerun()


def _password_form(actor: users.Actor, account: dict) -> None:
    uid = account["id"]
    new_key, again_key = f"reset_password_{uid}", f"reset_password_again_{uid}"
    form_values(f"reset_password_done_{uid}", {new_key: "", again_key: ""})
    with st.form(f"reset_password_form_{uid}"):
        st.markdown(t("us.reset_heading", username=account["username"]))
        new = st.text_input(t("us.new_password"), type="password", key=new_key,
                            help=t("us.password_help"))  # fmt: skip
        again = st.text_input(t("auth.confirm"), type="password", key=again_key)
        submitted = st.form_submit_button(t("us.reset"))
    if not submitted:
        return
    if new != again:
        st.error(t("auth.mismatch"))
        return
    try:
        with services.session() as s:
            users.reset_password(s, actor, uid, new)
    except DashboardError as err:
        services.show_error(err)
        return
    st.session_state[f"reset_password_done_{uid}"] = True
    services.flash(t("us.reset_done", username=account["username"]))
    st.rerun()


def _forget(uid: int) -> None:
    """Drop the edit form's values so it shows what was saved (e.g. 主要领导 cleared)."""
    for name in ("display", "role", "place", "principal"):
        st.session_state.pop(f"edit_user_{name}_{uid}", None)
