"""Accounts: whether an administrator exists (drives the first-run form)."""

from __future__ import annotations

from dashboard import db, jurisdictions, users
from tests.dashboard.helpers import PASSWORD


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
