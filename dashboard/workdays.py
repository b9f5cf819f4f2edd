"""Working-day deadlines: the 15 working days for the rectification report (art. 16).

The count starts on the day after the interview; a day counts when it is a working day in the
official national calendar (``chinese_calendar``: weekends and statutory holidays skipped,
make-up working days counted), adjusted by the administrator-edited regional table (新疆:
肉孜节, 古尔邦节). For a year the library has no data for it raises; we then fall back to
Monday-Friday for those days and mark the deadline as unverified (待核验).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import settings
from dashboard.db import RegionalDay
from dashboard.errors import ValidationError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    unverified: bool  # some counted day lies outside the official calendar's data (待核验)
    uncovered: tuple[dt.date, ...] = ()


# Holidays on fixed solar dates (全国年节及纪念日放假办法, as amended 2024): 元旦, 劳动节,
# 国庆节. For a year without official data these are still known to be days off; the lunar
# holidays and the make-up working days are not, so such deadlines stay 待核验.
FIXED_HOLIDAYS = frozenset({(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)})
# The most working days counted: about one calendar year. The regulation's period is 15 working
# days and the official calendar covers only the years already announced, so a longer count is
# a typing mistake (and 100000000 days would run for minutes, then overflow the date).
MAX_WORKDAYS = 250


@lru_cache(maxsize=16384)
def official_workday(day: dt.date) -> tuple[bool, bool]:
    """(is working day, covered by official data)."""
    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:
        return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS, False


def is_workday(day: dt.date, regional: dict[dt.date, bool] | None = None) -> tuple[bool, bool]:
    """(is working day, covered); a regional entry overrides (True = regional holiday)."""
    working, covered = official_workday(day)
    if regional and day in regional:
        working = not regional[day]
    return working, covered


def add_workdays(
    start: dt.date, days: int, regional: dict[dt.date, bool] | None = None
) -> Deadline:
    """The ``days``-th working day after ``start`` (``start`` itself never counts)."""
    if days < 1:
        raise ValidationError({"days": "validation.positive"})
    if days > MAX_WORKDAYS:
        raise ValidationError({"days": "validation.too_many_workdays"})
    day, counted, uncovered = start, 0, []
    while counted < days:
        day += dt.timedelta(days=1)
        working, covered = is_workday(day, regional)
        if not covered:
            uncovered.append(day)
        if working:
            counted += 1
    return Deadline(day, bool(uncovered), tuple(uncovered))


def regional_days(session: Session | None, region_code: str | None = None) -> dict[dt.date, bool]:
    """The regional table as {day: is_holiday}; empty without a session."""
    if session is None:
        return {}
    code = region_code or settings.region_code()
    rows = session.execute(
        select(RegionalDay.day, RegionalDay.is_holiday).where(RegionalDay.region_code == code)
    )
    return {day: holiday for day, holiday in rows}


def rectification_deadline(
    session: Session | None, interview_date: dt.date, days: int | None = None
) -> Deadline:
    """Due date of the rectification report for an interview held on ``interview_date``."""
    days = days if days is not None else settings.int_setting("rectification_days")
    deadline = add_workdays(interview_date, days, regional_days(session))
    if deadline.unverified:
        log.info("deadline %s uses the Monday-Friday fallback", deadline.due)
    return deadline


def set_regional_day(
    session: Session, actor, day: dt.date, name: str, is_holiday: bool = True
) -> RegionalDay:
    """Add or change a regional holiday (or extra working day); administrators only."""
    from dashboard.users import require_permission
    from dashboard.workflow import audit

    require_permission(actor, "manage_calendar")
    if not name.strip():
        raise ValidationError({"name": "validation.required"})
    row = session.get(RegionalDay, day) or RegionalDay(day=day)
    row.name, row.is_holiday, row.region_code = name.strip(), is_holiday, settings.region_code()
    session.add(row)
    audit(session, None, actor, "set_regional_day", comment=f"{day} {name} {is_holiday}")
    session.flush()
    return row


def remove_regional_day(session: Session, actor, day: dt.date) -> None:
    from dashboard.users import require_permission
    from dashboard.workflow import audit

    require_permission(actor, "manage_calendar")
    row = session.get(RegionalDay, day)
    if row is not None:
        session.delete(row)
        audit(session, None, actor, "remove_regional_day", comment=str(day))
        session.flush()


def list_regional_days(session: Session, year: int | None = None) -> list[RegionalDay]:
    stmt = select(RegionalDay).order_by(RegionalDay.day)
    if year is not None:
        stmt = stmt.where(RegionalDay.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return list(session.scalars(stmt))
