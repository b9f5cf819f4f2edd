"""Excel import messages say what is wrong and what is accepted: non-existent dates, blank
required dates, the values a choice column allows; full-width digits, times of day, 12,000,
hinted headers, a later sheet holding the cases and a header named twice."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from dashboard import db, excel
from dashboard.db import Case
from dashboard.errors import ImportFailed
from tests.dashboard.test_excel import HEADER, _book, _row


def _lines(engine, admin, book) -> list[str]:
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, admin, book)
    return err.value.report_lines()


def test_excel_messages_date_that_does_not_exist_and_blank_required_date(world):
    engine, actors = world
    lines = _lines(engine, actors["admin"], _book([_row(1, "2026-02-30"), _row(2, None)]))
    assert lines == [
        "第 2 行：登记日期：该日期不存在，请核对月份（1—12）和该月的天数",
        "第 3 行：登记日期：此项必填",
    ]


def test_excel_messages_unknown_choice_lists_allowed_values(world):
    engine, actors = world
    rows = [_row(1, "2026/3/5", state="已办结"), _row(2, "2026/3/5")]
    rows[1][2], rows[1][3] = "办结", "价钱"
    lines = _lines(engine, actors["admin"], _book(rows))
    assert lines[0].startswith("第 2 行：状态：“已办结”不是可选的取值，应为以下之一：登记、审批")
    assert "结案" in lines[0]
    assert "约谈情形：“办结”不是可选的取值，应为以下之一：12315平台大数据分析" in lines[1]
    assert "问题类别：“价钱”不是可选的取值，应为以下之一：售后服务、食品安全" in lines[1]


def test_excel_messages_full_width_digits_time_of_day_and_thousands_accepted(world):
    engine, actors = world
    header = [*HEADER, "涉及金额"]
    rows = [
        _row(1, "２０２６－０３－０５") + ["12,000"],
        _row(2, "2026-3-5 10:00") + ["１２，０００.５"],
    ]
    with db.session_scope(engine) as s:
        ids = excel.import_cases(s, actors["admin"], _book(rows, header))
        got = [(s.get(Case, i).opened_on, float(s.get(Case, i).amount_involved)) for i in ids]
    assert got == [(dt.date(2026, 3, 5), 12000.0), (dt.date(2026, 3, 5), 12000.5)]


def test_excel_messages_header_with_hint_is_recognised(world):
    engine, actors = world
    header = [*HEADER]
    header[6] = "登记日期（YYYY-MM-DD）"
    header[0] = "*约谈事项"
    with db.session_scope(engine) as s:
        assert len(excel.import_cases(s, actors["admin"], _book([_row(1, "2026/3/5")], header)))


def test_excel_messages_cases_on_a_later_sheet_are_found(world):
    engine, actors = world
    wb = Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["请在“案件”工作表中逐行填写"])
    cases_sheet = wb.create_sheet("案件")
    cases_sheet.append(HEADER)
    cases_sheet.append(_row(1, "2026/3/5"))
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    with db.session_scope(engine) as s:
        assert len(excel.import_cases(s, actors["admin"], out)) == 1


def test_excel_messages_header_named_twice_is_refused(world):
    engine, actors = world
    header = [*HEADER, "登记日期"]
    lines = _lines(engine, actors["admin"], _book([_row(1, "2026/3/5") + ["2026/3/6"]], header))
    assert lines[0].startswith("第 1 行：表头：有两列的表头相同")
    assert lines[0].endswith("重复的列：登记日期")
