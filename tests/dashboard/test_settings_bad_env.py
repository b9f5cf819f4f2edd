"""Bad environment settings get the same Chinese answer as bad command-line values: in the
command line (exit 2) and in the browser (an error page, no traceback, no English page names);
no folder is created for a SQLite file whose folder does not exist."""

from __future__ import annotations

import pytest

from dashboard import __main__ as cli
from dashboard import settings
from dashboard.errors import ConfigError
from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    start_app,
    texts,
)

BAD_URLS = {
    "/tmp/foo.sqlite": "SQLite 数据库请写成 sqlite:////tmp/foo.sqlite",
    "garbage://": "数据库地址“garbage://”无法识别",
    "mysql://u@h/db": "需要的数据库驱动 MySQLdb 没有安装",
    "sqlite:////tmp": "指向文件夹 /tmp，应指向数据库文件",
    "sqlite:////nonexistent/dir/x.sqlite": "SQLite 数据库所在的文件夹 /nonexistent/dir 不存在",
}


@pytest.mark.parametrize(("url", "expected"), BAD_URLS.items())
def test_settings_bad_env_db_url_refused_like_the_db_option(url, expected, monkeypatch, capsys):
    monkeypatch.setenv("YTT_DB_URL", url)
    with pytest.raises(ConfigError) as err:
        settings.db_url()
    assert err.value.user_text().startswith("配置有误（YTT_DB_URL）：")
    assert expected in err.value.user_text()
    assert cli.main(["init"]) == 2  # the env var, read by the command line
    assert expected in capsys.readouterr().err
    with pytest.raises(SystemExit):  # the same value given to --db
        cli.main(["init", "--db", url])
    assert expected in capsys.readouterr().err


def test_settings_bad_env_no_folder_created(monkeypatch, tmp_path):
    missing = tmp_path / "nonexistent" / "dir"
    monkeypatch.setenv("YTT_DB_URL", f"sqlite:///{missing / 'x.sqlite'}")
    assert cli.main(["init"]) == 2
    assert not missing.parent.exists()


def test_settings_bad_env_region_code_in_chinese_only(monkeypatch):
    monkeypatch.setenv("YTT_REGION_CODE", "999999")
    with pytest.raises(ConfigError) as err:
        settings.region_code()
    text = err.value.user_text()
    assert "“999999”不是省级行政区划代码，应为以 0000 结尾的 6 位数字，例如 650000" in text
    assert not any("a" <= ch.lower() <= "z" for ch in text.replace("YTT_REGION_CODE", ""))


@pytest.mark.parametrize(
    ("env", "value", "expected"),
    [
        ("YTT_DB_URL", "sqlite:////tmp", "指向文件夹 /tmp"),
        ("YTT_DENSE_IN_BACKGROUND", "yes", "“yes”无法识别，应为 1（在后台建立语义索引）或 0"),
        ("YTT_REGION_CODE", "999999", "不是省级行政区划代码"),
    ],
)
def test_settings_bad_env_app_shows_chinese_error_page(env, value, expected, app_db, monkeypatch):
    monkeypatch.setenv(env, value)
    at = start_app()
    assert not at.exception
    assert f"配置有误（{env}）" in texts(at) and expected in texts(at)
    with pytest.raises(ValueError, match=r"Known pages: \['无法启动'\]"):
        at.switch_page("pages/cases.py")  # no page of pages/ is listed by its file name
