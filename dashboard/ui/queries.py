"""Cached read-only queries behind the overview and the pickers.

Streamlit caches are shared by every user of the server, so each function takes the actor
(whose jurisdiction is the scope) or the scope's code as an argument and never reads the
session state: two users of different counties get different cache entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import cases, jurisdictions, messages, stats
from dashboard.ui import services
from dashboard.ui_messages import t
from dashboard.users import Actor

TTL = 60  # seconds; writes clear the caches explicitly (see clear())
COMMON_MIN_DIVISIONS = 3  # a problem found in this many divisions is "common"
COMMON_MIN_CASES = 5
WARNING_CATEGORIES = {"food_safety", "safety", "quality"}


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: int
    depth: int  # 0 for the scope's own node

    @property
    def label(self) -> str:
        return "　" * self.depth + self.name


@st.cache_data(ttl=3600, show_spinner=False)
def divisions(root_code: str, db_url: str) -> list[Division]:
    """The division ``root_code`` and everything below it, in code order (tree order)."""
    with services.session() as s:
        root = jurisdictions.get(s, root_code)
        out = [Division(root.code, root.name, root.level, 0)]
        stack = [(root.code, 1)]
        while stack:
            code, depth = stack.pop()
            kids = jurisdictions.children(s, code)
            for kid in reversed(kids):
                stack.append((kid.code, depth + 1))
            out += [Division(k.code, k.name, k.level, depth) for k in kids]
    return _tree_order(out)


def _tree_order(nodes: list[Division]) -> list[Division]:
    return sorted(nodes, key=lambda d: (d.code.ljust(9, "0"), d.depth))


@st.cache_data(ttl=TTL, show_spinner=False)
def overview(actor: Actor, start: dt.date, end: dt.date, today: dt.date) -> stats.Overview:
    with services.session() as s:
        return stats.overview(s, actor, stats.Period(start, end), today)


@st.cache_data(ttl=TTL, show_spinner=False)
def demo_count(actor: Actor, start: dt.date | None = None, end: dt.date | None = None) -> int:
    """Demo cases in the actor's scope, registered in [start, end] when given (their titles
    carry the 【演示数据】 label)."""
    label = messages.text("demo.label")
    f = cases.CaseFilter(search=label, opened_from=start, opened_to=end)
    with services.session() as s:
        return cases.list_cases(s, actor, f, page_size=1).total


def division_rows(actor: Actor, rows: list[tuple[str, str, int]]) -> list | None:
    """The by-division counts as shown: below a county, its 市场监管所 (cases the county bureau
    handled itself get their own label); None when the county has no station registered."""
    if actor.level != jurisdictions.COUNTY:
        return rows
    with services.session() as s:
        stations = jurisdictions.children(s, actor.jurisdiction_code)
    if not stations:
        return None
    return [(code, name if code else t("ov.county_itself"), n) for code, name, n in rows]


@st.cache_data(ttl=TTL, show_spinner=False)
def case_total(actor: Actor) -> int:
    with services.session() as s:
        return cases.list_cases(s, actor, cases.CaseFilter(), page_size=1).total


@st.cache_data(ttl=TTL, show_spinner=False)
def deadline_lists(actor: Actor, today: dt.date) -> tuple[list, list]:
    """(overdue, due soon) rectification reports in the scope."""
    with services.session() as s:
        return cases.overdue_cases(s, actor, today), cases.due_soon_cases(s, actor, today)


def monthly_trend(actor: Actor, start: dt.date, end: dt.date, today: dt.date) -> pd.DataFrame:
    """Cases per month of the period with last month (环比) and the same month a year ago (同比)."""
    year_before = start.replace(year=start.year - 1, day=1)
    counts = dict(overview(actor, year_before, end, today).monthly)
    rows = []
    for month in _months(start, end):
        prev, last_year = _shift(month, -1), _shift(month, -12)
        n = counts.get(month, 0)
        rows.append({
            t("ov.col.month"): month_label(month, today), t("ov.col.count"): n,
            t("ov.col.last_month"): counts.get(prev, 0),
            t("ov.col.last_year"): counts.get(last_year, 0),
            t("ov.col.mom"): _change(n, counts.get(prev, 0)),
            t("ov.col.yoy"): _change(n, counts.get(last_year, 0)),
        })  # fmt: skip
    return pd.DataFrame(rows)


def month_label(month: str, today: dt.date) -> str:
    """2026-03 -> 2026年3月; the current month is marked as not yet complete."""
    year, mon = int(month[:4]), int(month[5:])
    label = f"{year}年{mon}月"
    if (year, mon) == (today.year, today.month):
        label += t("ov.month_partial", day=today.day)
    return label


def _months(start: dt.date, end: dt.date) -> list[str]:
    out, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _shift(month: str, by: int) -> str:
    year, mon = int(month[:4]), int(month[5:])
    index = year * 12 + mon - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _change(now: int, before: int) -> str:
    if before == 0:
        return "—"
    return f"{(now - before) / before:+.1%}"


@st.cache_data(ttl=TTL, show_spinner=False)
def common_problems(actor: Actor, start: dt.date, end: dt.date, today: dt.date) -> pd.DataFrame:
    """Problem categories found in several divisions one level below the scope."""
    by_category: dict[str, dict[str, int]] = {}
    for code, _name, _n in overview(actor, start, end, today).by_division:
        if not code:
            continue
        child = services.narrowed(actor, code, min(actor.level + 1, jurisdictions.STATION))
        for category, n in overview(child, start, end, today).by_category:
            by_category.setdefault(category, {})[code] = n
    rows = []
    for category, per_division in by_category.items():
        total = sum(per_division.values())
        if len(per_division) >= COMMON_MIN_DIVISIONS and total >= COMMON_MIN_CASES:
            kind = "warning" if category in WARNING_CATEGORIES else "tip"
            rows.append({
                "category": category, t("ov.col.category"): category_title(category),
                t("ov.col.divisions"): len(per_division), t("ov.col.count"): total,
                t("ov.col.suggest"): messages.ALERT_KINDS[kind], "kind": kind,
            })  # fmt: skip
    frame = pd.DataFrame(rows)
    return frame.sort_values(t("ov.col.count"), ascending=False) if rows else frame


def category_title(category: str) -> str:
    return messages.PROBLEM_CATEGORIES.get(category, category or t("ov.unknown"))


def clear() -> None:
    """Forget cached statistics after a write (new case, transition, demo data)."""
    for fn in (overview, demo_count, case_total, deadline_lists, common_problems):
        fn.clear()
