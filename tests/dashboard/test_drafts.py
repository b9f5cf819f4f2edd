"""Drafts saved with a case: round trip, scope and role checks, audit, and migration 0002."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from dashboard import cases, db, drafts, jurisdictions, users
from dashboard.errors import OutOfScope, RoleNotPermitted, ValidationError
from tests.dashboard.helpers import PASSWORD, draft

TEXTS = {"legal_basis": "# 法律依据\n依据《消费者权益保护法》第五十三条。", "outline": "# 约谈提纲"}
DAY = dt.date(2026, 9, 18)


def _case(engine, actor) -> int:
    with db.session_scope(engine) as s:
        return cases.create_case(s, actor, draft()).id


def test_drafts_save_and_load_round_trip(world):
    engine, actors = world
    case_id = _case(engine, actors["tianshan"])
    with db.session_scope(engine) as s:
        assert drafts.load_drafts(s, actors["tianshan"], case_id) == drafts.SavedDrafts()
        assert drafts.save_drafts(s, actors["tianshan"], case_id, TEXTS, DAY) == 2
    with db.session_scope(engine) as s:
        drafts.save_drafts(s, actors["tianshan"], case_id, {"outline": "# 新提纲"}, None)
    with db.session_scope(engine) as s:
        saved = drafts.load_drafts(s, actors["urumqi_leader"], case_id)
        rows = s.scalar(sa.select(sa.func.count()).select_from(db.SavedDraft))
    assert saved.texts == {"legal_basis": TEXTS["legal_basis"], "outline": "# 新提纲"}
    assert rows == 2  # the second save replaced the outline, it did not add a row
    assert saved.saved_by == actors["tianshan"].id
    assert saved.interview_date is None and isinstance(saved.saved_at, dt.datetime)


def test_drafts_county_official_cannot_touch_another_countys_case(world):
    engine, actors = world
    case_id = _case(engine, actors["tianshan"])
    with pytest.raises(OutOfScope), db.session_scope(engine) as s:
        drafts.save_drafts(s, actors["shayibake"], case_id, TEXTS, DAY)
    with pytest.raises(OutOfScope), db.session_scope(engine) as s:
        drafts.load_drafts(s, actors["kashgar"], case_id)
    with db.session_scope(engine) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(db.SavedDraft)) == 0


def test_drafts_trainee_cannot_save(world):
    engine, actors = world
    case_id = _case(engine, actors["tianshan"])
    with pytest.raises(RoleNotPermitted) as err, db.session_scope(engine) as s:
        drafts.save_drafts(s, actors["trainee"], case_id, TEXTS, DAY)
    assert "编辑案件" in err.value.user_text()
    with db.session_scope(engine) as s:
        assert drafts.load_drafts(s, actors["trainee"], case_id).texts == {}


def test_drafts_save_writes_audit_row(world):
    engine, actors = world
    case_id = _case(engine, actors["tianshan"])
    with db.session_scope(engine) as s:
        drafts.save_drafts(s, actors["tianshan"], case_id, TEXTS, DAY)
    with db.session_scope(engine) as s:
        trail = cases.audit_trail(s, actors["tianshan"], case_id)
    last = trail[-1]
    assert (last.action, last.actor_id, last.comment) == (
        "save_drafts",
        actors["tianshan"].id,
        "法律依据、约谈提纲",
    )


def test_drafts_bad_input_is_refused_and_nothing_saved(world):
    engine, actors = world
    case_id = _case(engine, actors["tianshan"])
    for texts in ({}, {"Bad Kind!": "x"}, {"outline": "字" * (drafts.MAX_CHARS + 1)}):
        with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
            drafts.save_drafts(s, actors["tianshan"], case_id, texts, DAY)
        assert "草稿" in err.value.user_text()
    with db.session_scope(engine) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(db.SavedDraft)) == 0


def _fill_at_0001(engine) -> tuple[int, int]:
    """(case id, handler's user id) written at revision 0001."""
    db.upgrade(engine, revision="0001")
    _divisions_at_0001(engine)
    return _case_at_0001(engine), _user_at_0001(engine)


def _divisions_at_0001(engine) -> None:
    """The region's divisions written with the 0001 columns only (office_name came later)."""
    table = sa.Table("jurisdiction", sa.MetaData(), autoload_with=engine)
    rows = [dict(code=d.code, name=d.name, level=d.level, parent_code=d.parent_code)
            for d in jurisdictions.divisions_for("650000")]  # fmt: skip
    with engine.begin() as conn:
        conn.execute(sa.insert(table), rows)


def _user_at_0001(engine) -> int:
    """A handler row written with the 0001 columns only (the ORM model has newer ones)."""
    table = sa.Table("app_user", sa.MetaData(), autoload_with=engine)
    row = dict(username="tianshan", display_name="天山", password_hash=users._hash(PASSWORD),
               role="handler", is_principal=False, jurisdiction_code="650102", active=True,
               created_at=dt.datetime(2026, 9, 1))  # fmt: skip
    with engine.begin() as conn:
        return conn.execute(sa.insert(table).values(**row).returning(table.c.id)).scalar_one()


def _case_at_0001(engine) -> int:
    """A case row written with the 0001 columns only (the ORM model has newer ones)."""
    table = sa.Table("interview_case", sa.MetaData(), autoload_with=engine)
    row = dict(
        title="测试事项1", state="registered", version=1, jurisdiction_code="650102",
        handling_unit="", region_code="650000", prefecture_code="650100", county_code="650102",
        trigger="other",
        problem_category="after_sales", goods_category="", industry="", reason="", facts="",
        complaint_count=0, amount_involved=0, is_major=False, is_collective=False,
        is_demo=False, matter_key="k", guidance="", opened_on=DAY, opened_month="2026-09",
        approval={}, plan={}, due_unverified=False, penalty_filed=False,
        supervision_focus=False, created_at=dt.datetime(2026, 9, 1),
        updated_at=dt.datetime(2026, 9, 1),
    )  # fmt: skip
    with engine.begin() as conn:
        return conn.execute(sa.insert(table).values(**row).returning(table.c.id)).scalar_one()


def test_drafts_migration_upgrades_0001_database_keeping_rows(blank_engine):
    engine = blank_engine
    case_id, handler_id = _fill_at_0001(engine)
    assert "case_drafts" not in sa.inspect(engine).get_table_names()
    count = lambda s, model: s.scalar(sa.select(sa.func.count()).select_from(model))  # noqa: E731
    with db.session_scope(engine) as s:
        before = [count(s, m) for m in (db.Jurisdiction, db.User, db.Case, db.AuditEntry)]

    db.upgrade(engine)
    with db.session_scope(engine) as s:
        after = [count(s, m) for m in (db.Jurisdiction, db.User, db.Case, db.AuditEntry)]
        handler = users.actor_for(s, handler_id)
        assert cases.get_case(s, handler, case_id).title == "测试事项1"
        drafts.save_drafts(s, handler, case_id, TEXTS, DAY)
    with engine.connect() as conn:
        version = conn.execute(sa.text("select version_num from alembic_version")).scalar()
    assert before == after and before[2] == 1
    assert version == "0006"  # the head revision (0006: record statement)
    with db.session_scope(engine) as s:
        assert drafts.load_drafts(s, handler, case_id).texts == TEXTS


def test_drafts_models_match_migrations(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.Base.metadata)
    assert diff == []
