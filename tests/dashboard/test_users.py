"""Accounts: whether an administrator exists (drives the first-run form), names required and
unique ignoring case, and validation texts that name fields in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard import db, jurisdictions, messages, users
from dashboard.errors import AuthenticationFailed, ValidationError
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
