"""起草 page: a search that matches no case says so, instead of claiming there are no cases."""

from __future__ import annotations

from tests.dashboard.app_support import (
    add_case,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)


def test_app_draft_search_without_match_says_no_case_matches(app_db):
    add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    at = sign_in("tianshan")
    at.switch_page("pages/drafting.py").run()
    at.text_input(key="draft_search").input("%'\"_").run()
    assert not at.exception
    shown = texts(at)
    assert "没有与“%'\"_”相符的案件" in shown and "还没有案件" not in shown
    at.text_input(key="draft_search").input("天山区").run()
    assert "没有与" not in texts(at) and at.selectbox(key="draft_case").value
