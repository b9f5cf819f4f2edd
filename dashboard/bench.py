"""Benchmark of the services the leaders' pages call, over a synthetic database."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import func, select

from dashboard import cases, db, demo, jurisdictions, stats
from dashboard.db import Case
from dashboard.users import Actor


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return round(time.perf_counter() - start, 4)


def _actor(level: int, code: str) -> Actor:
    return Actor(0, "bench", "bench", "leader", code, level)


def _busiest_county(session) -> str:
    stmt = (
        select(Case.county_code).group_by(Case.county_code).order_by(func.count().desc()).limit(1)
    )
    return session.scalar(stmt) or "650102"


def run(url: str, n_cases: int, today: dt.date | None = None) -> dict[str, float]:
    """Fill ``url`` up to ``n_cases`` demo cases, then time the overview and case-list calls."""
    engine = db.make_engine(url)
    db.upgrade(engine)
    with db.session_scope(engine) as s:
        have = s.scalar(select(func.count()).select_from(Case)) or 0
        if have < n_cases:
            demo.generate(s, n_cases - have)
    today = today or dt.date.today()
    period = stats.Period(today - dt.timedelta(days=365), today)
    with db.session_scope(engine) as s:
        region = _actor(jurisdictions.REGION, jurisdictions.get(s, "650000").code)
        county = _actor(jurisdictions.COUNTY, _busiest_county(s))
        result = {
            "overview_region_s": _timed(lambda: stats.overview(s, region, period, today)),
            "overview_county_s": _timed(lambda: stats.overview(s, county, period, today)),
            "case_list_s": _timed(lambda: cases.list_cases(s, region, cases.CaseFilter(), 1, 50)),
        }
    engine.dispose()
    return result
