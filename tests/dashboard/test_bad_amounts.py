"""涉及金额 must be finite, 0 <= amount < 10^12 with at most two decimals; texts must fit their
columns. Checked on the case form's service and in the Excel import."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dashboard import cases, db, excel
from dashboard.db import Case
from dashboard.errors import ImportFailed, ValidationError
from tests.dashboard.helpers import draft
from tests.dashboard.test_excel import HEADER, _book, _row

BAD_AMOUNTS = ["NaN", "nan", "sNaN", "inf", "-Infinity", "1e308", "1000000000000", "-1",
               "12.345", "一万", float("nan"), float("inf")]  # fmt: skip


@pytest.mark.parametrize("amount", BAD_AMOUNTS)
def test_bad_amounts_refused_with_chinese_message(amount):
    assert cases.parse_amount(amount) is None


@pytest.mark.parametrize(("amount", "expected"), [
    ("0", Decimal("0")), ("", Decimal("0")), (None, Decimal("0")), ("12000.50", Decimal("12000.5")),
    ("999999999999.99", Decimal("999999999999.99")), (3, Decimal("3")), (0.1, Decimal("0.1")),
])  # fmt: skip
def test_bad_amounts_plausible_amounts_kept(amount, expected):
    assert cases.parse_amount(amount) == expected


def test_bad_amounts_nan_and_long_title_refused_on_create(world):
    engine, actors = world
    h = actors["tianshan"]
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        cases.create_case(s, h, draft(amount_involved="NaN", title="长" * 4002))
    assert err.value.problems == {"amount_involved": "validation.amount",
                                  "title": "validation.too_long_200"}  # fmt: skip
    text = err.value.user_text()
    assert "涉及金额：应为 0 至 1 万亿元（不含）之间的金额" in text
    assert "约谈事项：内容过长，最多 200 个字" in text
    with db.session_scope(engine) as s:
        case = cases.create_case(s, h, draft(amount_involved="999999999999.99", title="长" * 200))
        case_id = case.id
    with db.session_scope(engine) as s:
        stored = s.get(Case, case_id)
        assert (Decimal(stored.amount_involved), len(stored.title)) == (
            Decimal("999999999999.99"), 200,
        )  # fmt: skip


def test_bad_amounts_update_refuses_inf_and_long_party_name_refused(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case = cases.create_case(s, h, draft())
        case_id, version = case.id, case.version
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        cases.update_case(s, h, case_id, version, amount_involved="inf", complaint_count=2.7)
    assert err.value.problems == {"amount_involved": "validation.amount",
                                  "complaint_count": "validation.complaint_count"}  # fmt: skip
    long_party = draft(seed=2)
    long_party.parties[0].name = "公司" * 101
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        cases.create_case(s, h, long_party)
    assert err.value.problems == {"party_name": "validation.too_long_200"}


def test_bad_amounts_excel_import_reports_nan_and_fraction_per_row(world):
    engine, actors = world
    header = [*HEADER, "涉及金额", "投诉数量"]
    rows = [_row(1, "2026/3/5") + ["NaN", 3], _row(2, "2026/3/5") + [1e308, 2.7],
            _row(3, "2026/3/5") + [12000.5, 4.0]]  # fmt: skip
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book(rows, header))
    report = {r.row: r.problems for r in err.value.rows}
    assert report == {
        2: {"amount_involved": "validation.amount"},
        3: {"amount_involved": "validation.amount", "complaint_count": "validation.whole_number"},
    }
    with db.session_scope(engine) as s:
        (case_id,) = excel.import_cases(s, actors["admin"], _book(rows[2:], header))
        stored = s.get(Case, case_id)
        assert (Decimal(stored.amount_involved), stored.complaint_count) == (Decimal("12000.5"), 4)
