"""Each page renders with demo data; the empty overview offers demo data; pages stay thin."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.dashboard.app_support import (
    REPO,
    add_case,
    add_demo,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
    wait_for_index,
)

FORBIDDEN = ("sqlalchemy", "sqlite3", "jieba", "chromadb", "langchain", "langchain_core")
SQL = ("sqlalchemy", "sqlite3", "psycopg", "psycopg2")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_app_pages_import_no_sql_jieba_chroma_or_langchain():
    pages = sorted((REPO / "dashboard" / "pages").glob("*.py"))
    assert len(pages) >= 6
    for page in pages:
        bad = _imports(page) & set(FORBIDDEN)
        assert not bad, f"{page.name} imports {bad}"
        assert "select(" not in page.read_text(encoding="utf-8"), page.name
    # ui/ helpers reach the database only through the domain services (and ui.services)
    modules = sorted((REPO / "dashboard" / "ui").glob("*.py"))
    assert len(modules) >= 10
    for module in modules:
        bad = _imports(module) & set(SQL)
        assert not bad, f"ui/{module.name} imports {bad}"
        assert not _models_imported(module), f"ui/{module.name} imports ORM models"


def _models_imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and node.module == "dashboard.db" for a in node.names}  # fmt: skip


def test_app_overview_offers_demo_data_on_empty_database(app_db):
    at = sign_in("region_leader")
    assert "还没有约谈案件" in texts(at)
    at.number_input(key="demo_n").set_value(300)
    at.button(key="demo_load").click()
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "已写入 300 件演示案件" in shown
    assert "300 件【演示数据】" in shown
    assert any(m.label == "新登记约谈" for m in at.metric)


def test_app_overview_renders_kpis_charts_and_lists(app_db):
    add_demo(app_db, 400)
    at = sign_in("region_leader")
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert labels == ["新登记约谈", "办理中", "已整改", "逾期未报整改报告（本期登记）", "整改率",
                      "转立案处罚"]  # fmt: skip
    shown = texts(at)
    assert "整改报告逾期" in shown and "跨辖区共性问题" in shown
    downloads = [d.label for d in at.get("download_button")]
    assert downloads.count("下载表格（Excel）") >= 5
    assert "PNG" in shown  # the hint that the chart toolbar exports PNG


def test_app_overview_drill_down_to_prefecture(app_db):
    add_demo(app_db, 400)
    at = sign_in("region_leader")
    region_opened = next(m.value for m in at.metric if m.label == "新登记约谈")
    assert "乌鲁木齐市" in at.selectbox(key="ov_drill").options
    at.selectbox(key="ov_drill").set_value("650100")
    at.run()
    assert not at.exception
    assert at.selectbox(key="scope_picker").value == "650100"
    prefecture_opened = next(m.value for m in at.metric if m.label == "新登记约谈")
    assert int(prefecture_opened) < int(region_opened)
    at.button(key="ov_up").click()
    at.run()
    assert at.selectbox(key="scope_picker").value == "650000"


def test_app_cases_drafting_laws_training_render(app_db):
    add_demo(app_db, 200)
    add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    wait_for_index()
    at = sign_in("tianshan_leader")
    for page, expected in (
        ("pages/cases.py", "共 "),
        ("pages/drafting.py", "起草"),
        ("pages/laws.py", "法规"),
        ("pages/training.py", "办理流程"),
    ):
        at.switch_page(page).run()
        assert not at.exception, page
        assert expected in texts(at) or expected in [tab.label for tab in at.tabs], page


def test_app_users_page_creates_account(app_db):
    at = sign_in("admin")
    at.switch_page("pages/users.py").run()
    assert not at.exception
    at.text_input(key="new_user_name").input("shayibake")
    at.text_input(key="new_user_display").input("沙依巴克承办")
    at.text_input(key="new_user_password").input("Another-pass-9")
    at.selectbox(key="new_user_role").set_value("handler")
    at.selectbox(key="new_user_place").set_value("650103")
    at.button(key="FormSubmitter:new_user-创建用户").click()
    at.run()
    assert "用户“shayibake”已创建" in texts(at)
    login = sign_in("shayibake", "Another-pass-9")
    assert "沙依巴克承办（承办人员，沙依巴克区）" in texts(login)


def test_app_users_page_registers_a_station_for_accounts(app_db):
    at = sign_in("admin")
    at.switch_page("pages/users.py").run()
    at.selectbox(key="new_station_county").set_value("650102")
    at.text_input(key="new_station_name").input("红山市场监管所")
    at.button(key="FormSubmitter:new_station-登记").click()
    at.run()
    assert not at.exception
    assert "已在天山区下登记“红山市场监管所”" in texts(at)
    places = at.selectbox(key="new_user_place").options
    assert any("红山市场监管所" in p for p in places)

    at.text_input(key="new_station_name").input("  ")
    at.button(key="FormSubmitter:new_station-登记").click()
    at.run()
    assert not at.exception and at.error  # a blank name is refused with a message


def test_app_overview_demo_banner_trend_labels_and_county_stations(app_db):
    import re

    add_demo(app_db, 400)
    at = sign_in("region_leader")
    shown = texts(at)
    assert "共有 400 件【演示数据】" in shown and "件在统计期间内登记" in shown
    assert "整改报告逾期（全部在办）" in shown and "不限统计期间" in shown
    assert "demo_load" not in [b.key for b in at.button]  # loaded once: no second offer
    trend = next(d.value for d in at.dataframe if "月份" in d.value.columns)
    months = list(trend["月份"])
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月", m) for m in months[:-1])
    assert months[-1].endswith("未满月）")

    county = sign_in("tianshan_leader")
    assert "该县区尚未登记市场监管所" in texts(county)
    from dashboard import db, jurisdictions
    from tests.dashboard.app_support import _actor

    with db.session_scope(db.make_engine(app_db)) as s:
        station = jurisdictions.add_station(s, _actor(s, "admin"), "650102", "红山市场监管所")
        code = station.code
    county = sign_in("tianshan_leader")
    assert "该县区尚未登记市场监管所" not in texts(county)
    assert code.startswith("650102") and not county.exception


def test_app_overview_admin_removes_demo_data(app_db):
    add_demo(app_db, 200)
    add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    at = sign_in("admin")
    assert "demo_load" not in [b.key for b in at.button]
    at.checkbox(key="demo_remove_sure").check()
    at.run()
    at.button(key="demo_remove").click()
    at.run()
    assert not at.exception
    assert "已删除 200 件演示案件" in texts(at)
    assert "【演示数据】" not in texts(at)
    leader = sign_in("region_leader")
    assert next(m.value for m in leader.metric if m.label == "新登记约谈") == "1"
