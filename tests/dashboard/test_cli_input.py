"""Bad command-line input gets a Chinese error and exit code 2, never a traceback or a folder
created on the way; ``--help`` is Chinese."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from dashboard import __main__ as cli


def _fails(argv, capsys) -> str:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("count", ["-5", "0", "abc"])
def test_cli_input_demo_data_refuses_non_positive_count(count, capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    err = _fails(["demo-data", "--cases", count, "--db", url], capsys)
    assert f"参数 --cases: 应为大于0的整数，收到“{count}”" in err
    assert not (tmp_path / "demo.sqlite").exists()


def test_cli_input_sqlite_in_missing_folder_refused(capsys, tmp_path):
    missing = tmp_path / "nonexist" / "dir"
    err = _fails(["demo-data", "--cases", "5", "--db", f"sqlite:///{missing / 'x.sqlite'}"], capsys)
    assert f"SQLite 数据库所在的文件夹 {missing} 不存在" in err
    assert not missing.parent.exists()


@pytest.mark.parametrize("url", ["foo://bar", "not a url", "postgresql+nodriver://u@h/db"])
def test_cli_input_unusable_db_url_refused_in_chinese(url, capsys):
    err = _fails(["init", "--db", url], capsys)
    assert f"数据库地址“{url}”无法识别" in err and "Traceback" not in err


def test_cli_input_help_in_chinese():
    out = subprocess.run([sys.executable, "-m", "dashboard", "--help"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    assert out.startswith("用法：python -m dashboard")
    assert "显示本帮助并退出" in out and "计算整改报告的截止日期" in out
    assert "show this help" not in out and "usage:" not in out
    sub = subprocess.run([sys.executable, "-m", "dashboard", "demo-data", "--help"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "案件数量（正整数），默认 2000" in sub and "用法：用法" not in sub


def test_cli_input_postgres_server_down_says_what_to_do(capsys):
    # Port 1 on loopback refuses connections: a real refused connection, not a stand-in.
    code = cli.main(["init", "--db", "postgresql+psycopg://ytt:secret@127.0.0.1:1/ytt"])
    err = capsys.readouterr().err
    assert code == 2
    assert "无法连接数据库 postgresql+psycopg://ytt:***@127.0.0.1:1/ytt" in err
    assert "YTT_DB_URL" in err and "secret" not in err and "Traceback" not in err


@pytest.mark.parametrize("day", ["2026-02-30", "2026-04-31", "2026-13-01"])
def test_cli_input_deadline_date_that_does_not_exist(day, capsys):
    err = _fails(["deadline", day], capsys)
    assert f"日期 {day} 不存在" in err and "格式应为" not in err


def test_cli_input_deadline_date_in_wrong_form(capsys):
    assert "日期格式应为 YYYY-MM-DD" in _fails(["deadline", "2026/2/3"], capsys)


@pytest.mark.parametrize("days", ["251", "1000000", "100000000"])
def test_cli_input_deadline_refuses_more_than_a_year_of_workdays(days, capsys):
    err = _fails(["deadline", "2026-03-02", "--days", days], capsys)
    assert f"工作日数最多 250（约一年；整改期限通常为 15 个工作日），收到“{days}”" in err


def test_cli_input_deadline_counts_up_to_the_cap(capsys):
    assert cli.main(["deadline", "2026-01-05", "--days", "250"]) == 0
    assert capsys.readouterr().out.startswith("2027-")


def test_add_workdays_refuses_a_count_beyond_the_cap():
    from dashboard import workdays
    from dashboard.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        workdays.add_workdays(dt.date(2026, 3, 2), workdays.MAX_WORKDAYS + 1)
    assert "约一年的工作日" in info.value.user_text()


def test_cli_input_deadline_postgres_server_down_says_what_to_do(capsys):
    code = cli.main(["deadline", "2026-03-02", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x"])
    err = capsys.readouterr().err
    assert code == 2
    assert "无法连接数据库 postgresql+psycopg://nobody@127.0.0.1:1/x" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("existing", [False, True])
def test_cli_input_deadline_on_a_new_database_says_to_initialise(existing, capsys, tmp_path):
    path = tmp_path / "fresh.sqlite"
    if existing:
        path.touch()
    assert cli.main(["deadline", "2026-03-02", "--db", f"sqlite:///{path}"]) == 2
    err = capsys.readouterr().err
    assert "中还没有数据表" in err and "python -m dashboard init --db" in err
    assert path.exists() == existing  # a mistyped address leaves no new file behind


def test_cli_input_deadline_reads_an_initialised_database(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'ready.sqlite'}"
    assert cli.main(["init", "--db", url]) == 0
    assert cli.main(["deadline", "2026-03-02", "--db", url]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2026-03-23"


def test_cli_input_deadline_counts_the_configured_databases_regional_holidays(
    capsys, tmp_path, monkeypatch
):
    """Without --db the deadline reads YTT_DB_URL, as the dashboard does: a regional holiday
    kept there (肉孜节 on 2026-03-20) moves the due date from 03-27 to 03-30."""
    from dashboard import db, users, workdays

    url = f"sqlite:///{tmp_path / 'region.sqlite'}"
    assert cli.main(["init", "--db", url, "--admin-password", "Ytt-admin-2026"]) == 0
    engine = db.make_engine(url)
    with db.session_scope(engine) as s:
        admin = users.actor_by_username(s, "admin")
        workdays.set_regional_day(s, admin, dt.date(2026, 3, 20), "肉孜节")
    monkeypatch.setenv("YTT_DB_URL", url)
    assert cli.main(["deadline", "2026-03-06"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2026-03-30"
    monkeypatch.setenv("YTT_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:1/x")
    assert cli.main(["deadline", "2026-03-06"]) == 2
    assert "无法连接数据库" in capsys.readouterr().err
