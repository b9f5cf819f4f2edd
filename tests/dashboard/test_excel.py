import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from dashboard import cases, db, excel
from dashboard.db import Case
from dashboard.errors import ImportFailed
from tests.dashboard.helpers import valid_credit_code

HEADER = [
    "约谈事项",
    "辖区代码",
    "约谈情形",
    "问题类别",
    "约谈对象",
    "统一社会信用代码",
    "登记日期",
    "约谈日期",
    "状态",
    "负责人姓名",
    "身份证号",
    "联系电话",
]


def _book(rows, header=None) -> io.BytesIO:
    wb = Workbook()
    wb.active.append(header or HEADER)
    for r in rows:
        wb.active.append(r)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def _row(i, opened, **kw):
    base = [
        f"导入事项{i}",
        "650102",
        "新闻媒体曝光",
        "价格",
        f"导入企业{i}",
        valid_credit_code(60 + i),
        opened,
        kw.get("interview"),
        kw.get("state", "登记"),
        "赵经理",
        kw.get("id", "11010519491231002X"),
        "13812345678",
    ]
    return base


def test_excel_import_odd_dates_all_rows(world):
    engine, actors = world
    rows = [
        _row(1, 46086),
        _row(2, "2026年3月5日"),
        _row(3, "2026/3/5"),
        _row(4, "2026.3.5", interview="2026.9.18", state="整改"),
    ]
    with db.session_scope(engine) as s:
        ids = excel.import_cases(s, actors["admin"], _book(rows))
        imported = [s.get(Case, i) for i in ids]
        assert [c.opened_on for c in imported] == [dt.date(2026, 3, 5)] * 4
        assert imported[3].state == "rectification"
        assert imported[3].rectification_due == dt.date(2026, 10, 15)
        assert imported[0].trigger == "media" and imported[0].problem_category == "price"


def test_excel_import_bad_row_imports_nothing_and_reports_row(world):
    engine, actors = world
    rows = [_row(1, "2026/3/5"), _row(2, "2026/2/30"), _row(3, "2026/3/5", id="110105194912310021")]
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book(rows))
    report = {r.row: r.problems for r in err.value.rows}
    assert report == {
        3: {"opened_on": "validation.no_such_date"},
        4: {"id_number": "validation.id_number"},
    }
    assert "第 3、4 行" in err.value.user_text()
    with db.session_scope(engine) as s:
        assert s.query(Case).count() == 0


def test_excel_export_masks_personal_data_for_trainee(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book([_row(1, "2026/3/5")]))
    for who, expected in (("tianshan", "11010519491231002X"), ("trainee", "110105********002X")):
        out = io.BytesIO()
        with db.session_scope(engine) as s:
            assert excel.export_cases(s, actors[who], cases.CaseFilter(), out) == 1
        out.seek(0)
        sheet = load_workbook(out).active
        header = [c.value for c in sheet[1]]
        values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
        assert values["身份证号"] == expected
        assert values["约谈对象"] == "导入企业1"
