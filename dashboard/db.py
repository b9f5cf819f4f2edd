"""Storage: SQLAlchemy 2 models, engine and session factory, Alembic upgrade.

SQLite (default, WAL mode, foreign keys on) and PostgreSQL are both supported. The schema is
created and upgraded by Alembic: call ``upgrade(url)`` once at startup.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    inspect,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from dashboard import settings
from dashboard.errors import DatabaseEmpty, DatabaseUnavailable

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def now() -> dt.datetime:
    """Current time, naive, in the server's local zone (deployments run in Asia/Shanghai)."""
    return dt.datetime.now().replace(microsecond=0)


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON}


class Jurisdiction(Base):
    """A node of the division tree: region, prefecture, county, or market-regulation station."""

    __tablename__ = "jurisdiction"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[int] = mapped_column(Integer)  # 1 region, 2 prefecture, 3 county, 4 station
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("jurisdiction.code"), index=True)
    # The office's full name as an administrator set it; None: derived from the tree.
    office_name: Mapped[str | None] = mapped_column(String(100), nullable=True)


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    is_principal: Mapped[bool] = mapped_column(Boolean, default=False)  # 主要领导
    jurisdiction_code: Mapped[str] = mapped_column(ForeignKey("jurisdiction.code"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)  # wrong passwords in a row
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)  # sign-in refused until


class Case(Base):
    """One 约谈事项. Jurisdiction codes of every level are stored for indexed scope filters."""

    __tablename__ = "interview_case"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(30))
    version: Mapped[int] = mapped_column(Integer, default=1)
    jurisdiction_code: Mapped[str] = mapped_column(ForeignKey("jurisdiction.code"))
    region_code: Mapped[str] = mapped_column(String(12))
    prefecture_code: Mapped[str | None] = mapped_column(String(12))
    county_code: Mapped[str | None] = mapped_column(String(12))
    station_code: Mapped[str | None] = mapped_column(String(12))
    handling_unit: Mapped[str] = mapped_column(String(100), default="")
    trigger: Mapped[str] = mapped_column(String(30))
    problem_category: Mapped[str] = mapped_column(String(30))
    goods_category: Mapped[str] = mapped_column(String(60), default="")
    industry: Mapped[str] = mapped_column(String(60), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[str] = mapped_column(Text, default="")
    complaint_count: Mapped[int] = mapped_column(Integer, default=0)
    amount_involved: Mapped[float] = mapped_column(Numeric(14, 2), default=0)
    is_major: Mapped[bool] = mapped_column(Boolean, default=False)
    is_collective: Mapped[bool] = mapped_column(Boolean, default=False)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    matter_key: Mapped[str] = mapped_column(String(120), index=True)
    guidance: Mapped[str] = mapped_column(Text, default="")  # same for every party
    opened_on: Mapped[dt.date] = mapped_column(Date)
    opened_month: Mapped[str] = mapped_column(String(7))  # YYYY-MM, portable grouping
    approval: Mapped[dict] = mapped_column(default=dict)
    plan: Mapped[dict] = mapped_column(default=dict)
    planned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # 约谈方案: time
    planned_place: Mapped[str] = mapped_column(String(200), default="")  # 约谈方案: place
    notice_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    notice_method: Mapped[str | None] = mapped_column(String(20))
    receipt_received_on: Mapped[dt.date | None] = mapped_column(Date)
    interview_date: Mapped[dt.date | None] = mapped_column(Date)
    rectification_due: Mapped[dt.date | None] = mapped_column(Date)
    due_unverified: Mapped[bool] = mapped_column(Boolean, default=False)
    report_received_on: Mapped[dt.date | None] = mapped_column(Date)
    rectified: Mapped[bool | None] = mapped_column(Boolean)
    penalty_filed: Mapped[bool] = mapped_column(Boolean, default=False)  # 转立案
    supervision_focus: Mapped[bool] = mapped_column(Boolean, default=False)
    filed_upper_on: Mapped[dt.date | None] = mapped_column(Date)  # 备案
    filed_upper_to: Mapped[str | None] = mapped_column(String(12))
    reminder_id: Mapped[int | None] = mapped_column(ForeignKey("reminder.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now, onupdate=now)

    parties: Mapped[list[Party]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Party.id"
    )
    record: Mapped[InterviewRecord | None] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_case_region_opened", "region_code", "opened_on"),
        Index("ix_case_prefecture_opened", "prefecture_code", "opened_on"),
        Index("ix_case_county_opened", "county_code", "opened_on"),
        Index("ix_case_station_opened", "station_code", "opened_on"),
        Index("ix_case_state_due", "state", "rectification_due"),
        Index("ix_case_opened_id", "opened_on", "id"),
    )


class Party(Base):
    """约谈对象: one business interviewed in a case."""

    __tablename__ = "party"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("interview_case.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    legal_representative: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(60), default="")
    case: Mapped[Case] = relationship(back_populates="parties")


class InterviewRecord(Base):
    """消费维权行政约谈记录 (annex 2 of the regulation)."""

    __tablename__ = "interview_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("interview_case.id"), unique=True)
    start_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    end_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")  # 约谈情况: what was said and done
    # 约谈对象陈述及承诺: the party's statement and what it committed to
    party_statement: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    case: Mapped[Case] = relationship(back_populates="record")
    persons: Mapped[list[RecordPerson]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="RecordPerson.id"
    )


class RecordPerson(Base):
    """A person in a record: interviewer, recorder, invited representative or party attendee."""

    __tablename__ = "record_person"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("interview_record.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    is_main: Mapped[bool] = mapped_column(Boolean, default=False)
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    gender: Mapped[str] = mapped_column(String(4), default="")
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str] = mapped_column(String(30), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    recused: Mapped[bool] = mapped_column(Boolean, default=False)
    recusal_reason: Mapped[str] = mapped_column(Text, default="")
    record: Mapped[InterviewRecord] = relationship(back_populates="persons")


class AuditEntry(Base):
    """Who did what to a case, when, from which state to which, and why."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("interview_case.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    action: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str | None] = mapped_column(String(30))
    to_state: Mapped[str | None] = mapped_column(String(30))
    comment: Mapped[str] = mapped_column(Text, default="")


class SavedDraft(Base):
    """A draft paper saved with a case (one row per case and kind), Markdown as edited."""

    __tablename__ = "case_drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("interview_case.id"))
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    interview_date: Mapped[dt.date | None] = mapped_column(Date)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    saved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (UniqueConstraint("case_id", "kind", name="uq_case_drafts_case_kind"),)


class RegionalDay(Base):
    """An administrator-maintained calendar entry: regional holiday or extra working day."""

    __tablename__ = "regional_day"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    is_holiday: Mapped[bool] = mapped_column(Boolean, default=True)
    region_code: Mapped[str] = mapped_column(String(12), default="650000")


class Reminder(Base):
    """约谈提醒 from an upper-level bureau: a task for a lower unit."""

    __tablename__ = "reminder"
    id: Mapped[int] = mapped_column(primary_key=True)
    from_code: Mapped[str] = mapped_column(ForeignKey("jurisdiction.code"))
    to_code: Mapped[str] = mapped_column(ForeignKey("jurisdiction.code"), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class ConsumerAlert(Base):
    """消费提示 (tip) or 消费警示 (warning) issued for common problems found in interviews."""

    __tablename__ = "consumer_alert"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    jurisdiction_code: Mapped[str] = mapped_column(ForeignKey("jurisdiction.code"))
    case_ids: Mapped[dict] = mapped_column(default=dict)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)


class MajorSituation(Base):
    """A special or major situation that must reach the bureau head within 24 hours."""

    __tablename__ = "major_situation"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("interview_case.id"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime)
    summary: Mapped[str] = mapped_column(Text)
    reported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reported_to: Mapped[str] = mapped_column(String(64), default="")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str | None = None, schema: str | None = None) -> Engine:
    """A new engine for ``url`` (default: settings). ``schema`` sets PostgreSQL's search_path."""
    url = url or settings.db_url()
    if url == settings.default_db_url():  # only the default data folder is created
        settings.data_dir().mkdir(parents=True, exist_ok=True)
    kwargs: dict = {}
    if schema and url.startswith("postgresql"):
        kwargs["connect_args"] = {"options": f"-csearch_path={schema}"}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@contextmanager
def connected(engine: Engine) -> Iterator[Connection]:
    """A transaction on ``engine``; a server that cannot be reached is a DatabaseUnavailable."""
    try:
        conn = engine.connect()
    except (OperationalError, InterfaceError) as exc:
        location = engine.url.render_as_string(hide_password=True)
        raise DatabaseUnavailable(location, str(exc.orig or exc).splitlines()[0]) from exc
    with conn, conn.begin():
        yield conn


def require_schema(engine: Engine) -> None:
    """For a command that only reads: DatabaseEmpty when the database has no tables yet (a new
    file, or a typo in its address), DatabaseUnavailable when its server cannot be reached."""
    location = engine.url.render_as_string(hide_password=True)
    path = engine.url.database
    if engine.dialect.name == "sqlite" and path and path != ":memory:" and not Path(path).exists():
        raise DatabaseEmpty(location)  # before connecting, which would create the file
    with connected(engine) as conn:
        if not inspect(conn).has_table(RegionalDay.__tablename__):
            raise DatabaseEmpty(location)


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> Engine:
    """The shared engine for ``url`` (cached per URL; the UI should use this)."""
    return make_engine(url)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session committed on success and rolled back on any error."""
    session = Session(engine or get_engine(), expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def upgrade(url: str | Engine | None = None, revision: str = "head") -> None:
    """Create or upgrade the schema with Alembic (idempotent)."""
    from alembic import command
    from alembic.config import Config

    engine = url if isinstance(url, Engine) else get_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with connected(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    log.info("database schema at %s", revision)
