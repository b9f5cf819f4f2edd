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


def test_app_signed_out_page_url_shows_sign_in_with_chinese_page_title(app_db):
    import pytest
    from streamlit.testing.v1 import AppTest

    from dashboard.ui import navigation
    from tests.dashboard.app_support import REPO

    at = start_app()
    with pytest.raises(ValueError, match=r"Known pages: \['登录'\]"):
        at.switch_page("pages/overview.py")  # signed out, only the sign-in page exists
    page_alone = AppTest.from_file(str(REPO / "dashboard" / "pages" / "overview.py")).run()
    assert not page_alone.exception
    assert page_alone.text_input(key="sign_in_username").value == ""  # not a blank page

    from dashboard.ui_messages import t

    # every page has its Chinese title, never the file name
    titles = [t(spec[1]) for spec in navigation.PAGES.values()]
    assert titles == ["总览", "案件", "起草", "法规", "培训", "用户管理", "导入案件"]
