"""Office names (单位全称) derived from the jurisdiction tree, the administrator's override, and
the name on the case's papers."""

from __future__ import annotations

import dataclasses

import pytest

from dashboard import db, jurisdictions
from dashboard.errors import OutOfScope, RoleNotPermitted, ValidationError
from tests.dashboard.app_support import _actor, add_case, app_db_fixture, sign_in  # noqa: F401


@pytest.mark.parametrize(("code", "name"), [
    ("650000", "新疆维吾尔自治区市场监督管理局"),
    ("650100", "乌鲁木齐市市场监督管理局"),
    ("650102", "乌鲁木齐市天山区市场监督管理局"),
    ("653101", "喀什地区喀什市市场监督管理局"),
    ("659001", "石河子市市场监督管理局"),  # directly under the region
])  # fmt: skip
def test_office_name_derived_from_the_tree(world, code, name):
    engine, _ = world
    with db.session_scope(engine) as s:
        assert jurisdictions.office_name(s, code) == name


def test_office_name_of_a_station_follows_its_county_bureau(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        short = jurisdictions.add_station(s, actors["admin"], "650102", "红山")
        full = jurisdictions.add_station(s, actors["admin"], "650102", "和平路市场监管所")
        assert (
            jurisdictions.office_name(s, short.code)
            == "乌鲁木齐市天山区市场监督管理局红山市场监管所"
        )
        assert jurisdictions.office_name(s, full.code) == (
            "乌鲁木齐市天山区市场监督管理局和平路市场监管所"
        )


def test_office_name_override_is_used_and_cleared(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        station = jurisdictions.add_station(s, actors["admin"], "650102", "红山")
        jurisdictions.set_office_name(s, actors["admin"], "650102", " 天山区市场监管局（试点） ")
        assert jurisdictions.office_name(s, "650102") == "天山区市场监管局（试点）"
        assert jurisdictions.office_name(s, station.code).startswith("天山区市场监管局（试点）")
        jurisdictions.set_office_name(s, actors["admin"], "650102", "")
        assert jurisdictions.office_name(s, "650102") == "乌鲁木齐市天山区市场监督管理局"


def test_office_name_override_needs_permission_scope_and_sane_length(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        with pytest.raises(RoleNotPermitted):
            jurisdictions.set_office_name(s, actors["tianshan"], "650102", "某局")
        with pytest.raises(ValidationError):
            jurisdictions.set_office_name(s, actors["admin"], "650102", "局" * 101)
        admin = actors["admin"]
        local = dataclasses.replace(admin, jurisdiction_code="653101", level=3)
        with pytest.raises(OutOfScope):
            jurisdictions.set_office_name(s, local, "650102", "某局")


def test_office_name_on_the_case_papers(app_db):
    from dashboard.ui import casework, services

    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    with services.session() as s:
        actor = _actor(s, "tianshan")
    ctx = casework.paper_context(casework.load(actor, case_id))
    assert ctx.bureau == "乌鲁木齐市天山区市场监督管理局"


def test_app_admin_sets_office_name(app_db):
    from dashboard.ui import casework, services

    case_id = add_case(app_db, "tianshan", "650102", 2, "天山区事项")
    at = sign_in("admin")
    at.switch_page("pages/users.py").run()
    at.selectbox(key="office_place").set_value("650102")
    at.run()
    assert any("乌鲁木齐市天山区市场监督管理局" in c.value for c in at.caption)
    at.text_input(key="office_name_650102").input("乌鲁木齐市天山区市场监督管理局（试）")
    at.button(key="FormSubmitter:office_650102-保存单位名称").click()
    at.run()
    assert not at.exception
    with services.session() as s:
        actor = _actor(s, "tianshan")
    assert casework.load(actor, case_id).bureau == "乌鲁木齐市天山区市场监督管理局（试）"
