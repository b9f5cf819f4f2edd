"""Jurisdiction scope through the UI: county users see only their county's cases, the
region's leader sees both, and the shared caches keep scopes apart."""

from __future__ import annotations

from tests.dashboard.app_support import (
    add_case,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)


def _case_options(username: str) -> list[str]:
    at = sign_in(username)
    at.switch_page("pages/cases.py").run()
    assert not at.exception
    picker = at.selectbox(key="cases_open")
    return list(picker.options)  # the labels shown: case number and title


def test_app_scope_two_counties_see_different_cases(app_db):
    add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    add_case(app_db, "kashgar", "653101", 2, "喀什市事项")

    tianshan = _case_options("tianshan")
    kashgar = _case_options("kashgar")
    region = _case_options("region_leader")

    assert len(tianshan) == 1 and "天山区事项" in tianshan[0]
    assert len(kashgar) == 1 and "喀什市事项" in kashgar[0]
    assert sorted(region) == sorted(tianshan + kashgar)


def test_app_scope_overview_counts_follow_the_user(app_db):
    add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    add_case(app_db, "kashgar", "653101", 2, "喀什市事项")
    add_case(app_db, "kashgar", "653101", 3, "喀什市事项二")

    region = sign_in("region_leader")
    prefecture = sign_in("urumqi_approver")
    county = sign_in("tianshan_leader")

    opened = {at: next(m.value for m in at.metric if m.label == "新登记约谈")
              for at in (region, prefecture, county)}  # fmt: skip
    assert opened[region] == "3"
    assert opened[prefecture] == "1"
    assert opened[county] == "1"
    assert "乌鲁木齐市" in texts(prefecture)
