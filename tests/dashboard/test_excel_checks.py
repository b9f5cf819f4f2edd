"""Excel import refuses repeated matters, implausible dates and fractional counts row by row;
an export imports again into an empty database with the same cases."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from dashboard import cases, db, excel, jurisdictions, users
from dashboard.db import Case
from dashboard.errors import ImportFailed
from tests.dashboard.helpers import PASSWORD
from tests.dashboard.test_excel import HEADER, _book, _row


def _report(engine, admin, rows) -> dict:
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, admin, _book(rows))
    return {r.row: r.problems for r in err.value.rows}


def test_excel_checks_same_rows_twice_reported_per_row(world):
    engine, actors = world
    admin = actors["admin"]
    rows = [_row(1, "2026/3/5"), _row(2, "2026/3/6")]
    with db.session_scope(engine) as s:
        first = excel.import_cases(s, admin, _book(rows))
        numbers = [s.get(Case, i).case_no for i in first]
    report = _report(engine, admin, rows)
    assert report == {
        2: {"duplicate": "validation.duplicate_case", "earlier_case": numbers[0]},
        3: {"duplicate": "validation.duplicate_case", "earlier_case": numbers[1]},
    }
    with db.session_scope(engine) as s:
        assert s.query(Case).count() == 2


def test_excel_checks_repeated_row_inside_one_file(world):
    engine, actors = world
    report = _report(engine, actors["admin"], [_row(1, "2026/3/5"), _row(1, "2026/4/1")])
    assert report == {3: {"duplicate": "validation.duplicate_row", "earlier_row": "2"}}
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book([_row(1, 1), _row(2, "2026/3/5")]))
    assert err.value.report_lines() == [
        "第 2 行：登记日期：日期不合理：应在2000年1月1日至今后一年之内，请核对"
    ]


def test_excel_checks_implausible_dates_refused(world):
    engine, actors = world
    rows = [
        _row(1, 1),  # Excel serial 1 = 1899-12-31
        _row(2, "2099/1/1"),
        _row(3, "2026/5/1", interview="2026/4/30", state="整改"),
        _row(4, "2026/3/5", interview="2026/3/5", state="整改"),  # same day is fine
    ]
    report = _report(engine, actors["admin"], rows)
    assert report == {
        2: {"opened_on": "validation.date_range"},
        3: {"opened_on": "validation.date_range"},
        4: {"interview_date": "validation.interview_before_opened"},
    }
    assert excel.plausible(dt.date(2000, 1, 1)) and not excel.plausible(dt.date(1999, 12, 31))


def test_excel_checks_export_imports_again_into_empty_database(world, tmp_path):
    engine, actors = world
    header = [*HEADER, "涉及金额", "投诉数量"]
    rows = [_row(1, "2026/3/5") + [12000.5, 7],
            _row(2, "2026/3/6", interview="2026/9/18", state="整改") + [0, 0]]  # fmt: skip
    with db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book(rows, header))
    out = io.BytesIO()
    with db.session_scope(engine) as s:
        assert excel.export_cases(s, actors["tianshan"], cases.CaseFilter(), out) == 2
    empty = db.make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    db.upgrade(empty)
    with db.session_scope(empty) as s:
        jurisdictions.load_region(s, "650000")
        ids = excel.import_cases(s, users.create_admin(s, PASSWORD), io.BytesIO(out.getvalue()))
        again = sorted((s.get(Case, i) for i in ids), key=lambda c: c.opened_on)
        got = [(c.title, c.trigger, c.problem_category, Decimal(c.amount_involved),
                c.complaint_count, c.opened_on, c.interview_date, c.state,
                [p.credit_code for p in c.parties]) for c in again]  # fmt: skip
    with db.session_scope(engine) as s:
        before = sorted(s.query(Case).all(), key=lambda c: c.opened_on)
        want = [(c.title, c.trigger, c.problem_category, Decimal(c.amount_involved),
                 c.complaint_count, c.opened_on, c.interview_date, c.state,
                 [p.credit_code for p in c.parties]) for c in before]  # fmt: skip
    empty.dispose()
    assert got == want
    assert got[0][3:6] == (Decimal("12000.5"), 7, dt.date(2026, 3, 5))
    assert got[1][6:8] == (dt.date(2026, 9, 18), "rectification")


def test_excel_checks_state_contradicting_interview_date_refused(world):
    engine, actors = world
    ahead = dt.date.today() + dt.timedelta(days=180)
    rows = [
        _row(1, "2026/3/2", state="整改"),  # interview held, date missing
        _row(2, "2026/3/2", interview="2026/3/6", state="登记"),  # not yet interviewed
        _row(3, "2026/3/2", interview=ahead, state="整改"),  # interview in the future
        _row(4, "2026/3/2", interview="2026/3/6", state="督查"),
        _row(5, "2026/3/2", state="结案"),  # closed after 拒不接受约谈 needs no interview
    ]
    report = _report(engine, actors["admin"], rows)
    assert report == {
        2: {"interview_date": "validation.interview_date_needed"},
        3: {"interview_date": "validation.interview_date_early"},
        4: {"interview_date": "validation.interview_date_future"},
    }
    with db.session_scope(engine) as s:
        assert s.query(Case).count() == 0
