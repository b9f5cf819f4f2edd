"""Dates and times as the pages show them: 2026年12月3日, 2026年12月3日 17:30."""

from __future__ import annotations

import datetime as dt


def day(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


NO_VALUE = "—"  # a list cell without a value (never "None")


def date_or_dash(value: dt.date | None) -> str:
    """A date in a list column as YYYY-MM-DD (sortable), or a dash when there is none."""
    return value.isoformat() if value else NO_VALUE


def moment(value: dt.datetime | dt.date | str | None) -> str:
    """A time (or ISO text as stored in JSON) as 2026年12月3日 17:30; '' when missing."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        return day(value)
    return f"{day(value.date())} {value:%H:%M}"
