"""Optimistic locking of record changes: a stale expected_version is refused, and of two
sessions that loaded the same version only the first save lands."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import cases, db, interviews, messages
from dashboard.errors import VersionConflict
from tests.dashboard.helpers import approve, draft, prepare_interview

START = dt.datetime(2026, 9, 18, 10, 0)


def _interview_case(engine, actors) -> tuple[int, int]:
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft()).id
        approve(s, actors, case_id)
        return case_id, prepare_interview(s, actors, case_id).version


def _version(engine, actor, case_id) -> int:
    with db.session_scope(engine) as s:
        return cases.get_case(s, actor, case_id).version


def test_lost_update_record_time_refused_when_stale(world):
    engine, actors = world
    h = actors["tianshan"]
    case_id, shown = _interview_case(engine, actors)
    end = START + dt.timedelta(hours=1)
    with db.session_scope(engine) as s:
        interviews.update_record(s, h, case_id, START, end, "会议室A", expected_version=shown)
    with pytest.raises(VersionConflict) as err, db.session_scope(engine) as s:
        interviews.update_record(s, h, case_id, START, end, "会议室B", expected_version=shown)
    assert err.value.user_text().startswith("该案件已被他人修改，请刷新后重新填写")
    with db.session_scope(engine) as s:
        assert cases.get_case(s, h, case_id).record.place == "会议室A"
    assert _version(engine, h, case_id) == shown + 1


def test_lost_update_add_person_refused_when_stale(world):
    engine, actors = world
    h = actors["tianshan"]
    case_id, shown = _interview_case(engine, actors)
    with db.session_scope(engine) as s:
        interviews.add_person(s, h, case_id, "interviewer", "张科长", expected_version=shown)
    with pytest.raises(VersionConflict), db.session_scope(engine) as s:
        interviews.add_person(s, h, case_id, "interviewer", "李干部", expected_version=shown)
    with db.session_scope(engine) as s:
        names = [p.name for p in cases.get_case(s, h, case_id).record.persons]
    assert names == ["张科长"]


def test_lost_update_sign_refused_when_stale(world):
    engine, actors = world
    h = actors["tianshan"]
    case_id, _ = _interview_case(engine, actors)
    with db.session_scope(engine) as s:
        person_id = interviews.add_person(s, h, case_id, "recorder", "王记录").id
    shown = _version(engine, h, case_id)
    with db.session_scope(engine) as s:
        interviews.update_record(s, h, case_id, START, START, "会议室A", expected_version=shown)
    with pytest.raises(VersionConflict), db.session_scope(engine) as s:
        interviews.sign(s, h, case_id, person_id, expected_version=shown)
    with db.session_scope(engine) as s:
        assert cases.get_case(s, h, case_id).record.persons[0].signed is False
        interviews.sign(s, h, case_id, person_id, expected_version=shown + 1)
        assert cases.get_case(s, h, case_id).record.persons[0].signed is True


def test_lost_update_second_plan_save_from_stale_page_refused(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, h, draft()).id
        approve(s, actors, case_id)
    shown = _version(engine, h, case_id)  # both sessions render the form at this version
    items_a = {k: f"A-{k}" for k in messages.PLAN_ITEMS}
    items_b = {k: f"B-{k}" for k in messages.PLAN_ITEMS}
    with db.session_scope(engine) as s:
        interviews.set_plan(s, h, case_id, items_a, shown)
    with pytest.raises(VersionConflict), db.session_scope(engine) as s:
        interviews.set_plan(s, h, case_id, items_b, shown)
    with db.session_scope(engine) as s:
        assert cases.get_case(s, h, case_id).plan == items_a
