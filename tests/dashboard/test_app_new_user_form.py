"""用户管理 → 新建用户: a refused account keeps what was typed; a created one empties the form."""

from __future__ import annotations

from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)

SUBMIT = "FormSubmitter:new_user-创建用户"


def _fill(at, password: str):
    at.text_input(key="new_user_name").input("shayibake")
    at.text_input(key="new_user_display").input("沙依巴克承办")
    at.text_input(key="new_user_password").input(password)
    at.selectbox(key="new_user_role").set_value("handler")
    at.selectbox(key="new_user_place").set_value("650103")
    at.checkbox(key="new_user_principal").check()
    at.button(key=SUBMIT).click()
    return at.run()


def test_app_new_user_form_keeps_values_on_error_and_clears_after_success(app_db):
    at = sign_in("admin")
    at.switch_page("pages/users.py").run()
    at = _fill(at, "short")
    assert not at.exception
    assert "密码" in texts(at) and "用户“shayibake”已创建" not in texts(at)
    assert at.text_input(key="new_user_name").value == "shayibake"
    assert at.text_input(key="new_user_display").value == "沙依巴克承办"
    assert at.selectbox(key="new_user_place").value == "650103"
    assert at.text_input(key="new_user_password").value == "short"
    assert at.checkbox(key="new_user_principal").value is True

    at.text_input(key="new_user_password").input("Another-pass-9")
    at.button(key=SUBMIT).click()
    at.run()
    assert "用户“shayibake”已创建" in texts(at)
    assert at.text_input(key="new_user_name").value == ""
    assert at.text_input(key="new_user_display").value == ""
    assert at.text_input(key="new_user_password").value == ""
    assert at.checkbox(key="new_user_principal").value is False
    assert at.selectbox(key="new_user_role").value == "trainee"
    assert at.selectbox(key="new_user_place").value is None
    listed = at.dataframe[0].value
    row = listed[listed["用户名"] == "shayibake"].iloc[0]
    assert (row["主要领导"], row["账号状态"]) == ("", "在用")  # a handler is never 主要领导
    region_leader = listed[listed["用户名"] == "region_leader"].iloc[0]
    assert region_leader["主要领导"] == "是"


def test_app_new_user_form_explains_the_rules_before_any_error(app_db):
    at = sign_in("admin")
    at.switch_page("pages/users.py").run()
    assert "3至64位" in at.text_input(key="new_user_name").help
    assert "至少10位" in at.text_input(key="new_user_password").help
    assert "用户名3至64位" in texts(at) and "密码至少10位" in texts(at)


def test_app_new_user_form_defaults_to_least_role_and_needs_a_place(app_db):
    at = sign_in("admin")
    at.switch_page("pages/users.py").run()
    assert at.selectbox(key="new_user_role").value == "trainee"
    assert at.selectbox(key="new_user_place").value is None
    at.text_input(key="new_user_name").input("xueyuan1")
    at.text_input(key="new_user_display").input("学员一")
    at.text_input(key="new_user_password").input("Another-pass-9")
    at.button(key=SUBMIT).click()
    at.run()
    assert not at.exception
    assert "辖区：此项必填" in texts(at) and "已创建" not in texts(at)
