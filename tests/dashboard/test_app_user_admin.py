"""用户管理 → 修改用户: an administrator changes an account's role and 主要领导 flag,
deactivates it (it is signed out and cannot sign in) and sets a new password; the last
administrator cannot deactivate themselves."""

from __future__ import annotations

from sqlalchemy import select

from dashboard import db, users
from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)


def _id(url: str, username: str) -> int:
    engine = db.make_engine(url)
    with db.session_scope(engine) as s:
        user_id = s.scalar(select(db.User.id).where(db.User.username == username))
    engine.dispose()
    return user_id


def _row(at, username: str):
    listed = at.dataframe[0].value
    return listed[listed["用户名"] == username].iloc[0]


def _open(at, user_id: int):
    at.switch_page("pages/users.py").run()
    at.selectbox(key="edit_user_pick").set_value(user_id)
    return at.run()


def test_app_user_admin_changes_role_and_principal(app_db):
    uid = _id(app_db, "tianshan")
    at = _open(sign_in("admin"), uid)
    assert at.text_input(key=f"edit_user_display_{uid}").value == "tianshan"
    at.text_input(key=f"edit_user_display_{uid}").input("天山组长")
    at.selectbox(key=f"edit_user_role_{uid}").set_value("leader")
    at.checkbox(key=f"edit_user_principal_{uid}").check()
    at.button(key=f"FormSubmitter:edit_user_{uid}-保存修改").click()
    at.run()
    assert not at.exception and "用户“tianshan”的信息已保存" in texts(at)
    row = _row(at, "tianshan")
    assert (row["姓名"], row["角色"], row["主要领导"]) == ("天山组长", "领导", "是")


def test_app_user_admin_deactivates_signs_out_and_resets_password(app_db):
    uid = _id(app_db, "kashgar")
    user = sign_in("kashgar")
    assert not at_sign_in_form(user)
    at = _open(sign_in("admin"), uid)
    at.button(key=f"edit_user_off_{uid}").click()
    at.run()
    assert "用户“kashgar”已停用" in texts(at) and _row(at, "kashgar")["账号状态"] == "已停用"
    user.run()  # the open session of the deactivated account is signed out
    assert at_sign_in_form(user)
    assert at_sign_in_form(sign_in("kashgar"))  # and it cannot sign in again

    at.text_input(key=f"reset_password_{uid}").input("New-pass-123")
    at.text_input(key=f"reset_password_again_{uid}").input("New-pass-123")
    at.button(key=f"FormSubmitter:reset_password_form_{uid}-设置新密码").click()
    at.run()
    assert "已为“kashgar”设置新密码" in texts(at)
    assert at.text_input(key=f"reset_password_{uid}").value == ""
    at.button(key=f"edit_user_on_{uid}").click()
    at.run()
    assert _row(at, "kashgar")["账号状态"] == "在用"
    assert not at_sign_in_form(sign_in("kashgar", "New-pass-123"))


def test_app_user_admin_last_administrator_cannot_deactivate_self(app_db):
    uid = _id(app_db, "admin")
    at = _open(sign_in("admin"), uid)
    at.button(key=f"edit_user_off_{uid}").click()
    at.run()
    assert not at.exception and "最后一个在用的管理员账号" in texts(at)
    assert _row(at, "admin")["账号状态"] == "在用"
    assert users.LEAST_ROLE == "trainee"


def at_sign_in_form(at) -> bool:
    return any(t.key == "sign_in_username" for t in at.text_input)


def test_app_user_admin_password_reset_signs_out_open_sessions(app_db):
    """A reset usually follows a leaked password: a session opened with the old one ends at
    its next click, saying why; the new password signs in."""
    uid = _id(app_db, "kashgar")
    user = sign_in("kashgar")
    assert not at_sign_in_form(user)
    at = _open(sign_in("admin"), uid)
    at.text_input(key=f"reset_password_{uid}").input("New-pass-456")
    at.text_input(key=f"reset_password_again_{uid}").input("New-pass-456")
    at.button(key=f"FormSubmitter:reset_password_form_{uid}-设置新密码").click()
    at.run()
    user.run()
    assert at_sign_in_form(user) and "密码已由管理员重新设置" in texts(user)
    assert not at_sign_in_form(sign_in("kashgar", "New-pass-456"))
