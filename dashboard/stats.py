"""Leaders' overview: aggregations computed in SQL over the actor's scope and a period.

Definitions: opened = cases registered in the period; in_progress = those not in a terminal
state; rectified = closed with the rectification confirmed; overdue_reports = in 整改 with the
due date passed; rectification_rate = rectified / (rectified + not rectified), None when no
inspection has concluded; penalty = turned into 立案 (转立案处罚).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, and_, case, func, select
from sqlalchemy.orm import Session

from dashboard import jurisdictions, workflow
from dashboard.db import Case, Jurisdiction
from dashboard.users import Actor


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive


@dataclass(frozen=True)
class Kpis:
    opened: int
    in_progress: int
    rectified: int
    not_rectified: int
    overdue_reports: int
    penalty: int
    rectification_rate: float | None


@dataclass(frozen=True)
class Overview:
    kpis: Kpis
    by_division: list[tuple[str, str, int]]  # (code, name, count) one level below the scope
    by_category: list[tuple[str, int]]
    by_industry: list[tuple[str, int]]
    by_state: list[tuple[str, int]]
    monthly: list[tuple[str, int]]  # ("2026-03", count)


def _where(actor: Actor, period: Period):
    return and_(jurisdictions.scope_clause(actor), Case.opened_on.between(period.start, period.end))


def _count_if(cond):
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0).cast(Integer)


def kpis(session: Session, actor: Actor, period: Period, today: dt.date | None = None) -> Kpis:
    today = today or dt.date.today()
    terminal = [s.id for s in workflow.definition().states.values() if s.terminal]
    overdue = and_(Case.state == "rectification", Case.rectification_due < today)
    row = session.execute(
        select(
            func.count(),
            _count_if(Case.state.not_in(terminal)),
            _count_if(Case.rectified.is_(True)),
            _count_if(Case.rectified.is_(False)),
            _count_if(overdue),
            _count_if(Case.penalty_filed.is_(True)),
        ).where(_where(actor, period))
    ).one()
    concluded = row[2] + row[3]
    rate = round(row[2] / concluded, 4) if concluded else None
    return Kpis(*(int(v or 0) for v in row), rectification_rate=rate)


def _grouped(session: Session, column, actor: Actor, period: Period) -> list[tuple]:
    stmt = (
        select(column, func.count())
        .where(_where(actor, period))
        .group_by(column)
        .order_by(func.count().desc())
    )
    return [(key or "", int(n)) for key, n in session.execute(stmt)]


def by_division(session: Session, actor: Actor, period: Period) -> list[tuple[str, str, int]]:
    """Counts per division one level below the actor's (per station for a county user)."""
    level = min(actor.level + 1, jurisdictions.STATION)
    column = getattr(Case, jurisdictions.LEVEL_COLUMN[level])
    counts = _grouped(session, column, actor, period)
    codes = [c for c, _ in counts if c]
    names = dict(session.execute(select(Jurisdiction.code, Jurisdiction.name)
                                 .where(Jurisdiction.code.in_(codes))).all())  # fmt: skip
    return sorted((code, names.get(code, "（直属）"), n) for code, n in counts)


def monthly(session: Session, actor: Actor, period: Period) -> list[tuple[str, int]]:
    stmt = (
        select(Case.opened_month, func.count())
        .where(_where(actor, period))
        .group_by(Case.opened_month)
        .order_by(Case.opened_month)
    )
    return [(m, int(n)) for m, n in session.execute(stmt)]


def overview(
    session: Session, actor: Actor, period: Period, today: dt.date | None = None
) -> Overview:
    """Everything the overview page shows, for the actor's scope and the period."""
    return Overview(
        kpis=kpis(session, actor, period, today),
        by_division=by_division(session, actor, period),
        by_category=_grouped(session, Case.problem_category, actor, period),
        by_industry=_grouped(session, Case.industry, actor, period),
        by_state=_grouped(session, Case.state, actor, period),
        monthly=monthly(session, actor, period),
    )
