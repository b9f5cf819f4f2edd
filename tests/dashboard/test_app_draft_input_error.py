"""起草 page: a case too thin to draft gets one Chinese sentence naming what to add, without
repeating itself or showing the case file's English keys."""

from __future__ import annotations

import re

from tests.dashboard.app_support import (
    add_case,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    wait_for_index,
)


def test_app_draft_input_error_names_missing_fields_in_chinese(app_db):
    add_case(app_db, "tianshan", "650102", 1, "天山区事项", facts="")
    wait_for_index()
    at = sign_in("tianshan")
    at.switch_page("pages/drafting.py").run()
    at.button(key="draft_run").click()
    at.run()
    assert not at.exception
    (shown,) = [e.value for e in at.error]
    assert shown.startswith("无法起草：请先在「案件」页补充案情（")
    assert shown.count("无法起草") == 1 and "不完整" not in shown
    assert not re.search(r"[A-Za-z]", shown)  # no facts / party.name keys
