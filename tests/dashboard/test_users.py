"""Accounts: whether an administrator exists (drives the first-run form), names required and
unique ignoring case, and validation texts that name fields in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard import db, jurisdictions, messages, users
from dashboard.errors import (
    AuthenticationFailed,
    NotFound,
    OutOfScope,
    RoleNotPermitted,
    ValidationError,
)
from tests.dashboard.helpers import PASSWORD

REPO = Path(__file__).resolve().parents[2]


def test_users_has_admin_only_after_first_administrator(engine):
    with db.session_scope(engine) as s:
        jurisdictions.load_region(s, "650000")
        assert users.has_admin(s) is False
        admin = users.create_admin(s, PASSWORD)
        users.create_user(s, admin, "tianshan", "天山", PASSWORD, "handler", "650102")
    with db.session_scope(engine) as s:
        assert users.has_admin(s) is True


def test_users_has_admin_ignores_other_roles(engine):
    with db.session_scope(engine) as s:
        jurisdictions.load_region(s, "650000")
        admin = users.create_admin(s, PASSWORD)
        users.create_user(s, admin, "leader1", "领导", PASSWORD, "leader", "650000")
        s.get(db.User, admin.id).role = "leader"  # the only administrator changes role
    with db.session_scope(engine) as s:
        assert users.has_admin(s) is False


def test_users_blank_display_name_refused_in_chinese(world):
    engine, actors = world
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.create_user(s, actors["admin"], "tianshan2", "  ", PASSWORD, "handler", "650102")
    assert err.value.user_text() == "填写的内容有误：姓名：此项必填。请修改后再提交。"


def test_users_username_unique_ignoring_case_and_sign_in_ignores_case(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        users.create_user(s, actors["admin"], "tianshan1", "天山一", PASSWORD, "handler", "650102")
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.create_user(s, actors["admin"], "TianShan1", "天山一", PASSWORD, "handler", "650102")
    assert err.value.problems == {"username": "validation.username_taken"}
    with db.session_scope(engine) as s:
        assert users.authenticate(s, "TIANSHAN1", PASSWORD).username == "tianshan1"


def test_users_older_twins_differing_in_case_still_sign_in_exactly(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        users.create_user(s, actors["admin"], "twin", "甲", PASSWORD, "handler", "650102")
        s.add(db.User(username="Twin", display_name="乙", password_hash=users._hash("Other-pass-9"),
                      role="handler", jurisdiction_code="650102"))  # fmt: skip
    with db.session_scope(engine) as s:
        assert users.authenticate(s, "twin", PASSWORD).display_name == "甲"
        assert users.authenticate(s, "Twin", "Other-pass-9").display_name == "乙"
        with pytest.raises(AuthenticationFailed):
            users.authenticate(s, "TWIN", PASSWORD)  # ambiguous: neither is guessed


@pytest.mark.parametrize(
    ("problems", "shown"),
    [
        ({"office_name": "validation.office_name_too_long"}, "单位名称：单位名称过长"),
        ({"state": "validation.choice"}, "状态：不是可选的取值，应为以下之一：登记、审批"),
        ({"some_code_key": "validation.required"}, "填写的内容有误：此项必填"),
    ],
)
def test_users_validation_text_names_fields_in_chinese(problems, shown):
    text = ValidationError(problems).user_text()
    assert shown in text
    assert not re.search(r"[a-z_]{3,}", text)


def test_users_every_validated_field_has_a_chinese_title():
    keys = set()
    for path in (REPO / "dashboard").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'ValidationError\(\s*\{\s*"(\w+)"', source))
        keys |= set(re.findall(r'problems\[\s*"(\w+)"\s*\]\s*=', source))
    assert keys and keys <= set(messages.FIELD_TITLES), keys - set(messages.FIELD_TITLES)


def _user(engine, username):
    with db.session_scope(engine) as s:
        user = s.query(db.User).filter_by(username=username).one()
        s.expunge(user)
        return user


def test_users_admin_changes_role_place_principal_and_name(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        changed = users.update_user(s, actors["admin"], actors["tianshan"].id, " 天山组长 ",
                                    "leader", "650103", is_principal=True)  # fmt: skip
    assert (changed.role, changed.jurisdiction_code, changed.is_principal) == (
        "leader", "650103", True)  # fmt: skip
    assert changed.display_name == "天山组长"
    with db.session_scope(engine) as s:  # 主要领导 only goes with the leader role
        changed = users.update_user(s, actors["admin"], actors["tianshan"].id, "天山组长",
                                    "handler", "650103", is_principal=True)  # fmt: skip
    assert changed.is_principal is False


def test_users_update_checks_permission_scope_and_input(world):
    engine, actors = world
    target = actors["tianshan"].id
    with pytest.raises(RoleNotPermitted), db.session_scope(engine) as s:
        users.update_user(s, actors["region_leader"], target, "x", "admin", "650102")
    with db.session_scope(engine) as s:
        local = users.create_user(s, actors["admin"], "tsadmin", "天山管理员", PASSWORD, "admin",
                                  "650102")  # fmt: skip
    with pytest.raises(OutOfScope), db.session_scope(engine) as s:  # the account is elsewhere
        users.update_user(s, local, actors["kashgar"].id, "喀什", "handler", "653101")
    with pytest.raises(OutOfScope), db.session_scope(engine) as s:  # moved out of scope
        users.update_user(s, local, target, "天山", "handler", "653101")
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.update_user(s, actors["admin"], target, " ", "boss", "")
    assert set(err.value.problems) == {"display_name", "role", "jurisdiction_code"}
    assert _user(engine, "tianshan").role == "handler"


def test_users_deactivated_user_cannot_sign_in_until_reactivated(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        users.set_active(s, actors["admin"], actors["tianshan"].id, False)
    with pytest.raises(AuthenticationFailed), db.session_scope(engine) as s:
        users.authenticate(s, "tianshan", PASSWORD)
    with pytest.raises(NotFound), db.session_scope(engine) as s:
        users.actor_for(s, actors["tianshan"].id)
    with db.session_scope(engine) as s:  # the case history still names them
        assert users.user_name(s, actors["tianshan"].id) == "tianshan"
        users.set_active(s, actors["admin"], actors["tianshan"].id, True)
    with db.session_scope(engine) as s:
        assert users.authenticate(s, "tianshan", PASSWORD).username == "tianshan"


def test_users_last_active_administrator_cannot_be_deactivated_or_demoted(world):
    engine, actors = world
    admin = actors["admin"]
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.set_active(s, admin, admin.id, False)
    assert err.value.problems == {"active": "validation.last_admin"}
    assert "最后一个在用的管理员" in err.value.user_text()
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.update_user(s, admin, admin.id, "系统管理员", "leader", "650000")
    assert err.value.problems == {"role": "validation.last_admin"}
    assert _user(engine, "admin").role == "admin" and _user(engine, "admin").active
    with db.session_scope(engine) as s:  # with a second administrator, the first may step down
        second = users.create_user(s, admin, "admin2", "管理员二", PASSWORD, "admin", "650000")
        users.set_active(s, admin, second.id, False)
    with pytest.raises(ValidationError), db.session_scope(engine) as s:  # inactive: not counted
        users.set_active(s, admin, admin.id, False)
    with db.session_scope(engine) as s:
        users.set_active(s, admin, second.id, True)
        users.update_user(s, admin, admin.id, "原管理员", "leader", "650000")
    assert _user(engine, "admin").role == "leader"


def test_users_admin_resets_password_with_the_same_rule_and_lifts_a_lock(world):
    engine, actors = world
    target = actors["tianshan"].id
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.reset_password(s, actors["admin"], target, "short1")
    assert err.value.problems == {"password": "validation.password_short"}
    with pytest.raises(RoleNotPermitted), db.session_scope(engine) as s:
        users.reset_password(s, actors["tianshan_leader"], target, "New-pass-123")
    with db.session_scope(engine) as s:
        s.get(db.User, target).failed_sign_ins = 4
        s.get(db.User, target).locked_until = db.now() + dt.timedelta(minutes=5)
        users.reset_password(s, actors["admin"], target, "New-pass-123")
    with db.session_scope(engine) as s:
        assert users.authenticate(s, "tianshan", "New-pass-123").id == target
    with pytest.raises(AuthenticationFailed), db.session_scope(engine) as s:
        users.authenticate(s, "tianshan", PASSWORD)


def test_users_page_references_use_the_real_page_titles():
    from dashboard import ui_messages

    titles = {v for k, v in ui_messages.TEXTS.items() if k.startswith("page.")}
    assert ui_messages.t("page.users") == "用户管理"
    for path in (REPO / "dashboard" / "ui_messages.py", REPO / "dashboard" / "messages.py",
                 REPO / "README.md"):  # fmt: skip
        named = set(re.findall(r"「([^」]+)」页面", path.read_text(encoding="utf-8")))
        assert named <= titles, (path.name, named - titles)


def test_users_last_region_administrator_cannot_move_down_to_a_county(world):
    """With only a county administrator besides, the region's last administrator may not move
    to 天山区 (nobody could then manage region-level accounts); with a second region-level
    administrator the move is allowed."""
    engine, actors = world
    admin = actors["admin"]
    with db.session_scope(engine) as s:
        county = users.create_user(s, admin, "ad_county", "县管理员", PASSWORD, "admin", "650102")
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.update_user(s, admin, admin.id, "系统管理员", "admin", "650102")
    assert err.value.problems == {"role": "validation.last_region_admin"}
    assert "自治区级" in err.value.user_text()
    with pytest.raises(ValidationError), db.session_scope(engine) as s:
        users.set_active(s, admin, admin.id, False)  # the county one is no region administrator
    assert _user(engine, "admin").jurisdiction_code == "650000"
    with db.session_scope(engine) as s:
        users.create_user(s, admin, "admin2", "管理员二", PASSWORD, "admin", "650000")
        users.update_user(s, admin, admin.id, "系统管理员", "admin", "650102")
        users.set_active(s, admin, county.id, False)
    assert _user(engine, "admin").jurisdiction_code == "650102"


def test_users_deactivated_account_with_its_password_is_told_so(world):
    """Whoever knows the password learns the account is deactivated (and whom to ask); a wrong
    password still gets the same answer as an unknown user."""
    from dashboard.errors import AccountInactive

    engine, actors = world
    with db.session_scope(engine) as s:
        users.set_active(s, actors["admin"], actors["tianshan"].id, False)
    with pytest.raises(AccountInactive) as err, db.session_scope(engine) as s:
        users.authenticate(s, "tianshan", PASSWORD)
    assert "已停用" in err.value.user_text()
    with pytest.raises(AuthenticationFailed) as wrong, db.session_scope(engine) as s:
        users.authenticate(s, "tianshan", "Wrong-password-1")
    assert not isinstance(wrong.value, AccountInactive)


def test_users_password_reset_changes_the_session_credential(world):
    """An open session compares this fingerprint on every click (services.refreshed_actor):
    after a reset it no longer matches and that session is signed out."""
    engine, actors = world
    before = actors["tianshan"].credential
    assert before
    with db.session_scope(engine) as s:
        users.reset_password(s, actors["admin"], actors["tianshan"].id, "New-password-2026")
    with db.session_scope(engine) as s:
        after = users.actor_for(s, actors["tianshan"].id).credential
    assert after and after != before
