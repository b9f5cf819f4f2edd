"""Excel case import is reachable: ``python -m dashboard import-cases`` and the 导入案件 page
(administrators). Reports are Chinese; an empty sheet or a non-xlsx file is refused, not a
silent success."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from dashboard import __main__ as cli
from dashboard import db, excel
from dashboard.db import Case
from dashboard.errors import NothingToImport
from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    seed_users,
    sign_in,
    texts,
)
from tests.dashboard.test_excel import HEADER, _book, _row


def _save(path, book: io.BytesIO):
    path.write_bytes(book.getvalue())
    return str(path)


@pytest.fixture(name="seeded")
def seeded_fixture(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    seed_users(url)
    return url


def _count(url: str) -> int:
    engine = db.make_engine(url)
    with db.session_scope(engine) as s:
        n = s.query(Case).count()
    engine.dispose()
    return n


def test_excel_import_entry_header_only_sheet_says_no_cases(world):
    engine, actors = world
    with pytest.raises(NothingToImport) as err, db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book([]))
    assert err.value.user_text().startswith("表中没有案件")


def test_excel_import_entry_blank_workbook_says_no_cases(world):
    engine, actors = world
    out = io.BytesIO()
    Workbook().save(out)
    out.seek(0)
    with pytest.raises(NothingToImport), db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], out)


def test_excel_import_entry_cli_imports_and_reports_count(seeded, tmp_path, capsys):
    book = _save(tmp_path / "cases.xlsx", _book([_row(1, "2026/3/5"), _row(2, "2026/3/6")]))
    assert cli.main(["import-cases", book, "--db", seeded]) == 0
    assert capsys.readouterr().out.strip() == "已导入 2 件案件。"
    assert _count(seeded) == 2


def test_excel_import_entry_cli_refusal_lists_rows_and_exits_2(seeded, tmp_path, capsys):
    rows = [_row(1, "2026/3/5"), _row(2, "2026/2/30")]
    book = _save(tmp_path / "cases.xlsx", _book(rows))
    assert cli.main(["import-cases", book, "--db", seeded]) == 2
    err = capsys.readouterr().err
    assert "导入未执行：共有 1 行有误（第 3 行）" in err
    assert "第 3 行：登记日期：该日期不存在" in err
    assert _count(seeded) == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [(_book([]).getvalue(), "表中没有案件"), (b"not a workbook", "无法读取上传的文件")],
)
def test_excel_import_entry_cli_empty_or_unreadable_exits_2(
    content, expected, seeded, tmp_path, capsys
):
    path = tmp_path / "cases.xlsx"
    path.write_bytes(content)
    assert cli.main(["import-cases", str(path), "--db", seeded]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_excel_import_entry_cli_missing_file_and_unknown_user(seeded, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["import-cases", str(tmp_path / "nope.xlsx"), "--db", seeded])
    assert stop.value.code == 2
    assert "找不到文件" in capsys.readouterr().err
    book = _save(tmp_path / "cases.xlsx", _book([_row(1, "2026/3/5")]))
    assert cli.main(["import-cases", book, "--db", seeded, "--user", "tianshan"]) == 2
    assert "此操作需由管理员办理" in capsys.readouterr().err


def test_excel_import_entry_page_for_admin_only(app_db):
    at = sign_in("admin")
    at.switch_page("pages/import_cases.py").run()
    assert not at.exception
    shown = texts(at)
    assert "导入案件" in shown and HEADER[0] in shown
    handler = sign_in("tianshan")
    with pytest.raises(ValueError):
        handler.switch_page("pages/import_cases.py")


def test_excel_import_entry_page_same_file_not_imported_twice(app_db):
    book = _book([_row(1, "2026/3/5"), _row(2, "2026/3/6")]).getvalue()
    at = sign_in("admin")
    at.switch_page("pages/import_cases.py").run()
    at.file_uploader(key="import_file").set_value(("cases.xlsx", book, "application/xlsx")).run()
    at.button(key="import_run").click().run()
    assert not at.exception and not at.error
    assert "已导入 2 件案件。该文件已导入" in at.success[0].value
    at.run()  # a later run (another click, any widget) keeps the result and offers no import
    assert "已导入 2 件案件" in at.success[0].value and not at.error
    assert not [b for b in at.button if b.key == "import_run"]
    assert _count(app_db) == 2


def test_excel_import_entry_cli_before_any_administrator_says_how_to_create_one(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    book = _save(tmp_path / "cases.xlsx", _book([_row(1, "2026/3/5")]))
    assert cli.main(["import-cases", book, "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("还没有管理员账号，无法导入。")
    assert "python -m dashboard init --admin-password" in err and "未找到该用户" not in err
    assert cli.main(["init", "--db", url, "--admin-password", "Admin-pass-9"]) == 0
    assert cli.main(["import-cases", book, "--db", url]) == 0
    assert _count(url) == 1
