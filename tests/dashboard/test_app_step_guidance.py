"""Guidance fits the case's step: in 审批 a handler is told to sign below rather than that
nothing can be done; the 涉及重大问题 flag shows on the case page; the 起草 page's hint about the
planned time names the step the case is in."""

from __future__ import annotations

from dashboard.ui import casework
from tests.dashboard.app_support import (
    add_case,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)
from tests.dashboard.test_app_case_papers import _named, _open_case


def test_app_step_guidance_approval_tells_handler_to_sign(app_db):
    from dashboard import cases
    from dashboard.ui import services

    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    with services.session() as s:
        cases.transition(s, _named("tianshan"), case_id, "submit")
    shown = texts(_open_case(sign_in("tianshan"), case_id))
    assert "当前环节没有您可以执行的操作" not in shown
    assert "办理本环节" in shown and "签署审批意见" in shown
    assert "涉及重大问题" in shown


def test_app_step_guidance_unplanned_hint_follows_the_step():
    from dashboard.ui_messages import t

    assert "提交审批" in t(casework.unplanned_hint("registered"))
    assert "正在审批" in t(casework.unplanned_hint("approval"))
    assert "约谈方案中填写" in t(casework.unplanned_hint("planning"))
