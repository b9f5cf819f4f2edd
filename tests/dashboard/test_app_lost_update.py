"""Two browser sessions on one case: the page opened first and saved second is refused with a
Chinese message, keeps its input, and the earlier save stays."""

from __future__ import annotations

from tests.dashboard.app_support import (
    _actor,
    add_case,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)
from tests.dashboard.test_app_case_papers import _open_case, _session, _to_planning

SAVE = "FormSubmitter:plan_{id}-保存约谈方案"


def _fill_plan(at, case_id: int, text: str) -> None:
    at.text_area(key=f"plan_{case_id}_matters").input(text)
    at.text_input(key="plan_place").input("天山区局会议室")
    at.button(key=SAVE.format(id=case_id)).click()
    at.run()


def _stored_plan(url: str, case_id: int) -> dict:
    from dashboard import cases

    with _session(url) as s:
        return dict(cases.get_case(s, _actor(s, "tianshan"), case_id).plan)


def test_app_lost_update_stale_plan_save_refused_and_input_kept(app_db):
    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    _to_planning(app_db, case_id)
    first = _open_case(sign_in("tianshan"), case_id)
    second = _open_case(sign_in("tianshan"), case_id)

    _fill_plan(first, case_id, "甲填写的违法事实")
    assert "已保存" in texts(first)
    _fill_plan(second, case_id, "乙填写的违法事实")
    assert not second.exception
    assert "该案件已被他人修改，请刷新后重新填写" in texts(second)
    assert second.text_area(key=f"plan_{case_id}_matters").value == "乙填写的违法事实"
    assert _stored_plan(app_db, case_id)["matters"] == "甲填写的违法事实"

    # the first session saves again on its own new version; the second refreshes and sees it
    _fill_plan(first, case_id, "甲补充的违法事实")
    assert _stored_plan(app_db, case_id)["matters"] == "甲补充的违法事实"
    second.button(key=f"refresh_{case_id}").click()
    second.run()
    assert second.text_area(key=f"plan_{case_id}_matters").value == "甲补充的违法事实"
    _fill_plan(second, case_id, "乙刷新后填写")
    assert "已保存" in texts(second)
    assert _stored_plan(app_db, case_id)["matters"] == "乙刷新后填写"
