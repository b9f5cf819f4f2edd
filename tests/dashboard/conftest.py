"""Fixtures: a fresh database per test on SQLite and (when YTT_TEST_PG_URL is set) PostgreSQL,
loaded with the 新疆 division tree, an administrator and a few users."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from dashboard import db, jurisdictions, users
from tests.dashboard.helpers import PASSWORD

PG_ENV = "YTT_TEST_PG_URL"


def _pg_engine(url: str):
    schema = f"ytt_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    return db.make_engine(url, schema=schema), admin, schema


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def blank_engine(request, tmp_path):
    """An engine on an empty database (no schema yet), SQLite or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        eng = db.make_engine(f"sqlite:///{tmp_path / 'test.sqlite'}")
        yield eng
        eng.dispose()
        return
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI"):
        pytest.fail(f"CI must run the PostgreSQL tests: {PG_ENV} is not set (scripts/services)")
    if not url:
        pytest.skip(
            f"PostgreSQL tests need a server URL in env var {PG_ENV} (see scripts/services)"
        )
    eng, admin, schema = _pg_engine(url)
    yield eng
    eng.dispose()
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def engine(blank_engine):
    db.upgrade(blank_engine)
    return blank_engine


@pytest.fixture
def world(engine):
    """Region tree plus users: region leader, Urumqi prefecture leader, two county handlers."""
    with db.session_scope(engine) as s:
        jurisdictions.load_region(s, "650000")
        admin = users.create_admin(s, PASSWORD)
        make = lambda name, role, code, **kw: users.create_user(  # noqa: E731
            s, admin, name, name, PASSWORD, role, code, **kw
        )
        actors = {
            "admin": admin,
            "region_leader": make("region_leader", "leader", "650000", is_principal=True),
            "urumqi_leader": make("urumqi_leader", "leader", "650100"),
            "urumqi_approver": make("urumqi_approver", "approver", "650100"),
            "tianshan": make("tianshan", "handler", "650102"),
            "tianshan_leader": make("tianshan_leader", "leader", "650102"),
            "tianshan_head": make("tianshan_head", "leader", "650102", is_principal=True),
            "shayibake": make("shayibake", "handler", "650103"),
            "kashgar": make("kashgar", "handler", "653101"),
            "trainee": make("trainee", "trainee", "650102"),
        }
    return engine, actors
