"""Synthetic demo data, clearly labelled (title prefix 【演示数据】, ``is_demo`` set), spread over
the region's jurisdictions, problem categories, workflow states and dates, overdue ones too.
Refuses to write into a database that holds real cases."""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from dashboard import identifiers, jurisdictions, messages, settings, workdays, workflow
from dashboard.db import (
    AuditEntry,
    Case,
    InterviewRecord,
    Jurisdiction,
    MajorSituation,
    Party,
    RecordPerson,
    SavedDraft,
)
from dashboard.errors import DemoRefused
from dashboard.users import Actor, require_permission

log = logging.getLogger(__name__)
INDUSTRIES = [i for i in messages.INDUSTRIES if i != "其他"]
GOODS = list(messages.GOODS_CATEGORIES)
STATE_WEIGHTS = {
    "registered": 4, "approval": 4, "planning": 3, "notification": 3, "interview": 3,
    "rectification": 10, "inspection": 4, "closed": 55, "penalty": 6, "supervision_focus": 8,
}  # fmt: skip
AFTER_INTERVIEW = {"rectification", "inspection", "closed", "penalty", "supervision_focus"}


def _credit_code(rng: random.Random, county: str) -> str:
    body = "91" + county + "MA" + "".join(rng.choice(identifiers.CREDIT_CHARS) for _ in range(7))
    return body + identifiers.credit_check_char(body)


def _places(session: Session) -> list[dict]:
    nodes = session.scalars(select(Jurisdiction).where(Jurisdiction.level >= jurisdictions.COUNTY))
    return [jurisdictions.lineage(session, n.code) | {"jurisdiction_code": n.code} for n in nodes]


def _case_row(rng: random.Random, i: int, place: dict, today: dt.date) -> dict:
    opened = today - dt.timedelta(days=rng.randint(0, 720))
    state = rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()))[0]
    category = rng.choice(list(messages.PROBLEM_CATEGORIES))
    row = dict(
        case_no=f"DEMO-{opened.year}-{i:07d}", title=f"{messages.text('demo.label')}"
        f"{messages.PROBLEM_CATEGORIES[category]}问题约谈{i}", state=state, version=1,
        handling_unit="消费者权益保护科", trigger=rng.choice(list(messages.TRIGGERS)),
        problem_category=category, goods_category=rng.choice(GOODS),
        industry=rng.choice(INDUSTRIES), reason="演示用合成数据", facts="演示用合成数据",
        complaint_count=rng.randint(1, 200), amount_involved=rng.randint(0, 500000),
        is_major=rng.random() < 0.05, is_collective=rng.random() < 0.1, is_demo=True,
        matter_key=f"demo|{i}", guidance="", opened_on=opened,
        opened_month=opened.strftime("%Y-%m"), approval={}, plan={},
        penalty_filed=state == "penalty", supervision_focus=state == "supervision_focus",
        rectified=True if state == "closed" else (False if state == "supervision_focus" else None),
        **place,
    )  # fmt: skip
    if state in AFTER_INTERVIEW:
        row["interview_date"] = min(opened + dt.timedelta(days=rng.randint(10, 40)), today)
    return row


def _with_deadline(row: dict, calendar: dict) -> dict:
    if "interview_date" in row:
        deadline = workdays.add_workdays(row["interview_date"], 15, calendar)
        row["rectification_due"], row["due_unverified"] = deadline.due, deadline.unverified
    return row


def refuse_if_real(session: Session) -> None:
    real = session.scalar(select(func.count()).select_from(Case).where(Case.is_demo.is_(False)))
    if real:
        raise DemoRefused(int(real))


def generate(
    session: Session, cases: int = 2000, seed: int = 7, today: dt.date | None = None
) -> int:
    """Insert ``cases`` synthetic cases (and one party each); returns the number inserted."""
    refuse_if_real(session)
    jurisdictions.load_region(session, settings.region_code())
    rng, today = random.Random(seed), today or dt.date.today()
    places, calendar = _places(session), workdays.regional_days(session)
    start = int(session.scalar(select(func.count()).select_from(Case)) or 0)
    batch: list[dict] = []
    for i in range(start + 1, start + cases + 1):
        batch.append(_with_deadline(_case_row(rng, i, rng.choice(places), today), calendar))
        if len(batch) == 5000:
            _insert(session, batch, rng)
            batch = []
    if batch:
        _insert(session, batch, rng)
    log.info("inserted %s demo cases", cases)
    return cases


def _insert(session: Session, rows: list[dict], rng: random.Random) -> None:
    ids = session.execute(insert(Case).returning(Case.id, Case.county_code), rows).all()
    parties = [
        dict(case_id=cid, name=f"{messages.text('demo.label')}演示商户{cid}有限公司",
             credit_code=_credit_code(rng, county or "650102"), legal_representative="演示人员")
        for cid, county in ids
    ]  # fmt: skip
    session.execute(insert(Party), parties)


@dataclass(frozen=True)
class DemoStatus:
    demo_cases: int
    real_cases: int

    @property
    def can_load(self) -> bool:
        """Demo data is offered only to an empty database (nothing real, nothing loaded)."""
        return self.demo_cases == 0 and self.real_cases == 0


def status(session: Session) -> DemoStatus:
    """How many demo and real cases the whole database holds (not limited to a scope)."""
    rows = dict(session.execute(select(Case.is_demo, func.count()).group_by(Case.is_demo)).all())
    return DemoStatus(int(rows.get(True, 0)), int(rows.get(False, 0)))


def remove(session: Session, actor: Actor) -> int:
    """Delete every demo case with its parties, record, drafts and history; real cases stay."""
    require_permission(actor, "manage_demo")
    demo_ids = select(Case.id).where(Case.is_demo.is_(True)).scalar_subquery()
    records = select(InterviewRecord.id).where(InterviewRecord.case_id.in_(demo_ids))
    session.execute(
        delete(RecordPerson).where(RecordPerson.record_id.in_(records.scalar_subquery()))
    )
    for model in (InterviewRecord, Party, SavedDraft, MajorSituation, AuditEntry):
        session.execute(delete(model).where(model.case_id.in_(demo_ids)))
    removed = session.execute(delete(Case).where(Case.is_demo.is_(True))).rowcount or 0
    workflow.audit(session, None, actor, "remove_demo", comment=str(removed))
    session.flush()
    log.info("removed %s demo cases", removed)
    return int(removed)
