"""Bad input on the pages: the new-case form answers NaN amounts and over-long titles with
Chinese messages instead of a traceback, and keeps what was typed."""

from __future__ import annotations

from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)
from tests.dashboard.helpers import valid_credit_code

SUBMIT = "FormSubmitter:new_case-登记"


def test_app_bad_input_nan_amount_and_long_title_in_chinese(app_db):
    at = sign_in("tianshan")
    at.text_input(key="new_title").input("长" * 4002)
    at.text_input(key="new_party_1_name").input("某某美容有限公司")
    at.text_input(key="new_party_1_code").input(valid_credit_code(9))
    at.text_input(key="new_amount").input("NaN")
    at.button(key=SUBMIT).click()
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "涉及金额：应为 0 至 1 万亿元（不含）之间的金额，最多两位小数" in shown
    assert "约谈事项：内容过长，最多 200 个字" in shown
    assert at.text_input(key="new_amount").value == "NaN"  # the input is kept for correction


def test_app_bad_input_sign_in_locked_after_five_wrong_passwords(app_db):
    for _ in range(4):
        assert "用户名或密码不正确" in texts(sign_in("tianshan", "wrong-passw0rd"))
    at = sign_in("tianshan", "wrong-passw0rd")
    assert not at.exception
    assert "已暂停登录 5 分钟。请于" in texts(at)
    assert "已暂停登录" in texts(sign_in("tianshan"))  # the right password waits too


def test_app_bad_input_case_list_shows_dash_not_none(app_db):
    from tests.dashboard.app_support import add_case

    add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    at = sign_in("tianshan")
    at.switch_page("pages/cases.py").run()
    assert not at.exception
    (frame,) = [d.value for d in at.dataframe if "剩余天数" in d.value.columns]
    assert list(frame["整改期限"]) == ["—"] and list(frame["剩余天数"]) == ["—"]
    assert "None" not in frame.astype(str).to_string()


def test_app_bad_input_negative_complaint_count_answered_in_chinese(app_db):
    at = sign_in("tianshan")
    at.text_input(key="new_title").input("某健身会所预付卡")
    at.text_input(key="new_party_1_name").input("某某健身有限公司")
    at.number_input(key="new_complaints").set_value(-3)
    at.button(key=SUBMIT).click()
    at.run()
    assert not at.exception
    assert at.number_input(key="new_complaints").min is None  # no English range message
    assert "投诉数量：应为 0 至 1000000 之间的整数" in texts(at)


def test_app_bad_input_index_dir_that_is_a_file(monkeypatch, tmp_path):
    from dashboard.ui import law_index

    a_file = tmp_path / "indexes"
    a_file.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("YTT_INDEX_DIR", str(a_file))
    failed = law_index.loader()
    assert failed.state == "failed" and failed.index is None
    assert f"索引目录 {a_file} 是一个文件" in failed.error


def test_app_bad_input_missing_import_folder_is_reported(monkeypatch, tmp_path):
    from assistant import indexing

    monkeypatch.setenv("YTT_IMPORT_DIRS", str(tmp_path / "nowhere"))
    result = indexing.build("all", lexical_only=True, folder=tmp_path / "index",
                            only_laws=["中华人民共和国价格法"])  # fmt: skip
    assert [r["path"] for r in result.report.refused] == [str(tmp_path / "nowhere")]
    assert "不存在" in result.report.refused[0]["reason"]
