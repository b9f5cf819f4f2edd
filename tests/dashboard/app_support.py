"""Support for the Streamlit tests: a temporary database with users, the small lexical law
index, and an ``AppTest`` signed in as one of the users.

Fixtures defined here are imported by the ``test_app_*`` modules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.dashboard.helpers import PASSWORD, valid_credit_code

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "dashboard" / "app.py")
TIMEOUT = 60

USERS = {
    # username: (role, jurisdiction, is_principal)
    "region_leader": ("leader", "650000", True),
    "tianshan": ("handler", "650102", False),
    "tianshan_leader": ("leader", "650102", False),
    "urumqi_approver": ("approver", "650100", False),
    "kashgar": ("handler", "653101", False),
    "trainee": ("trainee", "650102", False),
}
FACTS = (
    "该公司以预收款方式销售美容服务套餐，收取费用后停止营业，拒不退还预付款，"
    "近三个月收到消费者投诉35件，涉及金额12万元。"
)


def app_environment(monkeypatch, tmp_path: Path, index_dir: Path, with_admin=True) -> str:
    """Point the app at a fresh SQLite file and the given index; returns the database URL."""
    import streamlit as st

    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("YTT_DB_URL", url)
    monkeypatch.setenv("YTT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("YTT_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("YTT_IMPORT_DIRS", str(tmp_path / "import"))
    monkeypatch.setenv("YTT_DENSE_IN_BACKGROUND", "0")
    st.cache_data.clear()
    if with_admin:
        seed_users(url)
    return url


def seed_users(url: str) -> None:
    from dashboard import db, jurisdictions, users

    engine = db.make_engine(url)
    db.upgrade(engine)
    with db.session_scope(engine) as s:
        jurisdictions.load_region(s, "650000")
        admin = users.create_admin(s, PASSWORD)
        for name, (role, code, principal) in USERS.items():
            users.create_user(s, admin, name, name, PASSWORD, role, code, is_principal=principal)
    engine.dispose()


def add_case(url: str, username: str, code: str, seed: int, title: str, facts: str = FACTS):
    """A real case registered by ``username`` (a handler) in ``code``; returns its id."""
    from dashboard import cases, db
    from dashboard.cases import CaseDraft, PartyDraft

    engine = db.make_engine(url)
    with db.session_scope(engine) as s:
        actor = _actor(s, username)
        case = cases.create_case(s, actor, CaseDraft(
            title=title, jurisdiction_code=code, trigger="data_analysis",
            problem_category="contract", reason="预付式消费拒不退款", facts=facts,
            parties=[PartyDraft(f"{title}美容有限公司", valid_credit_code(seed))],
            opened_on=dt.date.today(),
        ))  # fmt: skip
        case_id = case.id
    engine.dispose()
    return case_id


def saved_drafts(url: str, username: str, case_id: int):
    """The drafts saved with a case, read through the domain as ``username``."""
    from dashboard import db, drafts

    engine = db.make_engine(url)
    with db.session_scope(engine) as s:
        saved = drafts.load_drafts(s, _actor(s, username), case_id)
    engine.dispose()
    return saved


def add_demo(url: str, count: int = 300) -> None:
    from dashboard import db, demo

    engine = db.make_engine(url)
    with db.session_scope(engine) as s:
        demo.generate(s, cases=count, seed=3)
    engine.dispose()


def _actor(s, username: str):
    from sqlalchemy import select

    from dashboard import users
    from dashboard.db import User

    user_id = s.scalar(select(User.id).where(User.username == username))
    return users.actor_for(s, user_id)


def start_app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    return at.run()


def sign_in(username: str, password: str = PASSWORD):
    at = start_app()
    at.text_input(key="sign_in_username").input(username)
    at.text_input(key="sign_in_password").input(password)
    at.button[0].click()
    return at.run()


def wait_for_index(timeout: float = 60) -> None:
    from dashboard.ui import law_index

    assert law_index.loader().wait(timeout), law_index.loader().error


def texts(at) -> str:
    """All text an AppTest run shows (markdown, captions, alerts, metrics), for assertions."""
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "header",
                 "subheader", "title"):  # fmt: skip
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


@pytest.fixture(name="app_db")
def app_db_fixture(monkeypatch, tmp_path, lexical_index_dir) -> str:
    return app_environment(monkeypatch, tmp_path, lexical_index_dir)
