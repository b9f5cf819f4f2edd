"""Sign-in and first run through the real app (Streamlit AppTest, temporary SQLite)."""

from __future__ import annotations

from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    app_environment,
    sign_in,
    start_app,
    texts,
)
from tests.dashboard.helpers import PASSWORD


def test_app_first_run_asks_for_admin_password(monkeypatch, tmp_path, lexical_index_dir):
    app_environment(monkeypatch, tmp_path, lexical_index_dir, with_admin=False)
    at = start_app()
    assert "首次使用" in texts(at)
    assert at.text_input(key="first_run_username").value == "admin"
    assert at.text_input(key="first_run_password").value == ""  # no default password

    at.text_input(key="first_run_password").input("short1")
    at.text_input(key="first_run_confirm").input("short1")
    at.button[0].click()
    at.run()
    assert "密码至少10位" in texts(at)

    at.text_input(key="first_run_password").input(PASSWORD)
    at.text_input(key="first_run_confirm").input(PASSWORD)
    at.button[0].click()
    at.run()
    assert not at.exception
    assert "管理员账户“admin”已创建" in texts(at)
    assert "系统管理员（管理员，新疆维吾尔自治区）" in texts(at)


def test_app_sign_in_wrong_password_shows_chinese_error(app_db):
    at = sign_in("tianshan", "wrong-password-1")
    assert "用户名或密码不正确" in texts(at)
    assert "承办人员" not in texts(at)


def test_app_sign_in_shows_identity_and_role_pages(app_db):
    at = sign_in("tianshan")
    assert not at.exception
    assert "tianshan（承办人员，天山区）" in texts(at)
    assert at.button(key="sign_out").label == "退出登录"
    assert at.header[0].value == "案件"  # a handler's home page
