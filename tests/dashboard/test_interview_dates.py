"""Dates of the procedure: the interview cannot be confirmed before it takes place, and the
rectification report's received date is asked for, checked and compared with the deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import cases, db, interviews
from dashboard.errors import GuardFailed, InterviewNotYetHeld, ValidationError
from tests.dashboard.helpers import approve, draft, fill_record, prepare_interview


def _version(s, actor, case_id) -> int:
    return cases.get_case(s, actor, case_id).version


def _interview_case(engine, actors, planned: dt.datetime) -> int:
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, h, draft()).id
        approve(s, actors, case_id)
        interviews.set_schedule(s, h, case_id, planned, "区局会议室", _version(s, h, case_id))
        prepare_interview(s, actors, case_id)
    return case_id


def _now() -> dt.datetime:
    return dt.datetime.now().replace(second=0, microsecond=0)


def test_interview_planned_next_week_cannot_be_recorded_or_completed_today(world):
    engine, actors = world
    h, planned = actors["tianshan"], _now() + dt.timedelta(days=7)
    case_id = _interview_case(engine, actors, planned)
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        interviews.update_record(s, h, case_id, planned, planned + dt.timedelta(hours=1), "会议室")
    assert err.value.problems == {"start_at": "validation.record_in_future"}
    assert "不能晚于现在" in err.value.user_text()

    earlier = _now() - dt.timedelta(hours=2)
    with db.session_scope(engine) as s:
        fill_record(s, actors, case_id, start=earlier)
    with pytest.raises(InterviewNotYetHeld) as held, db.session_scope(engine) as s:
        interviews.close_record(s, h, case_id, _version(s, h, case_id))
    text = held.value.user_text()
    assert f"{planned:%Y-%m-%d %H:%M}" in text and "修改计划约谈时间" in text
    with pytest.raises(GuardFailed), db.session_scope(engine) as s:
        cases.transition(s, h, case_id, "finish_interview")

    # The interview was brought forward: change the plan, then it can be confirmed.
    with db.session_scope(engine) as s:
        interviews.set_schedule(s, h, case_id, earlier, "区局会议室", _version(s, h, case_id))
        interviews.close_record(s, h, case_id, _version(s, h, case_id))
        case = cases.transition(s, h, case_id, "finish_interview")
        assert case.interview_date == earlier.date()
        assert case.rectification_due > earlier.date()


def test_interview_finish_refused_when_plan_moved_after_record_closed(world):
    engine, actors = world
    h = actors["tianshan"]
    case_id = _interview_case(engine, actors, dt.datetime(2026, 9, 18, 10, 0))
    with db.session_scope(engine) as s:
        fill_record(s, actors, case_id)
        interviews.close_record(s, h, case_id, _version(s, h, case_id))
        later = _now() + dt.timedelta(days=3)
        interviews.set_schedule(s, h, case_id, later, "区局会议室", _version(s, h, case_id))
    with pytest.raises(GuardFailed) as err, db.session_scope(engine) as s:
        cases.transition(s, h, case_id, "finish_interview")
    assert err.value.reasons == ["guard.interview_in_future"]


def _rectification_case(engine, actors) -> int:
    """Interview on 2026-09-18: the report is due on 2026-10-15 (15 working days)."""
    h = actors["tianshan"]
    case_id = _interview_case(engine, actors, dt.datetime(2026, 9, 18, 10, 0))
    with db.session_scope(engine) as s:
        fill_record(s, actors, case_id)
        interviews.close_record(s, h, case_id, _version(s, h, case_id))
        case = cases.transition(s, h, case_id, "finish_interview")
        assert case.rectification_due == dt.date(2026, 10, 15)
    return case_id


@pytest.mark.parametrize(
    ("on_date", "problem"),
    [
        (None, None),
        (dt.date.today() + dt.timedelta(days=1), "guard.report_date_future"),
        (dt.date(2026, 9, 17), "guard.report_before_interview"),
    ],
)
def test_interview_report_date_required_and_plausible(world, on_date, problem):
    engine, actors = world
    h = actors["tianshan"]
    case_id = _rectification_case(engine, actors)
    with db.session_scope(engine) as s:
        with pytest.raises((ValidationError, GuardFailed)) as err:
            cases.transition(s, h, case_id, "receive_report", on_date=on_date)
        case = cases.get_case(s, h, case_id)
        assert (case.state, case.report_received_on) == ("rectification", None)
    if problem is None:
        assert err.value.problems == {"report_received_on": "validation.required"}
    else:
        assert err.value.reasons == [problem]


def test_interview_report_received_late_is_stored_and_flagged(world):
    engine, actors = world
    h = actors["tianshan"]
    case_id = _rectification_case(engine, actors)
    with db.session_scope(engine) as s:
        case = cases.transition(s, h, case_id, "receive_report", on_date=dt.date(2026, 10, 20))
        assert (case.state, case.report_received_on) == ("inspection", dt.date(2026, 10, 20))
        assert interviews.report_days_late(case) == 5
        last = cases.audit_trail(s, h, case_id)[-1]
    assert (last.action, last.comment) == ("receive_report", "2026-10-20")


def test_interview_report_received_on_time_is_not_late(world):
    engine, actors = world
    h = actors["tianshan"]
    case_id = _rectification_case(engine, actors)
    with db.session_scope(engine) as s:
        case = cases.transition(s, h, case_id, "receive_report", on_date=dt.date(2026, 10, 15))
        assert interviews.report_days_late(case) == 0


def test_interview_cannot_be_scheduled_before_the_party_was_told(world):
    """告知 comes first: the interview is not set before the notice day, the notice is not
    dated after the interview, and a receipt does not come back before the notice went out."""
    engine, actors = world
    h = actors["tianshan"]
    planned = dt.datetime(2026, 9, 18, 10, 0)
    case_id = _interview_case(engine, actors, planned)  # told on 2026-09-10
    with pytest.raises(ValidationError) as early, db.session_scope(engine) as s:
        interviews.set_schedule(s, h, case_id, dt.datetime(2026, 9, 9, 10, 0), "会议室",
                                _version(s, h, case_id))  # fmt: skip
    assert early.value.problems == {"planned_at": "validation.interview_before_notice"}
    assert "不能早于告知" in early.value.user_text()
    with pytest.raises(ValidationError) as late, db.session_scope(engine) as s:
        interviews.record_notice(s, h, case_id, dt.date(2026, 9, 19), "written",
                                 _version(s, h, case_id))  # fmt: skip
    assert late.value.problems == {"notice_issued_on": "validation.notice_after_interview"}
    with pytest.raises(ValidationError) as receipt, db.session_scope(engine) as s:
        version = _version(s, h, case_id)
        interviews.record_notice(s, h, case_id, dt.date(2026, 9, 10), "written", version,
                                 receipt_on=dt.date(2026, 9, 8))  # fmt: skip
    assert receipt.value.problems == {"receipt_received_on": "validation.receipt_before_notice"}
    with db.session_scope(engine) as s:  # the same day as the notice is fine
        interviews.set_schedule(s, h, case_id, dt.datetime(2026, 9, 10, 16, 0), "会议室",
                                _version(s, h, case_id))  # fmt: skip
