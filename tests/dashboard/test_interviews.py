"""Procedure steps: distinct approvers, the planned time and place, correcting the record's
persons (edit, audited removal, recused persons kept)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import cases, db, interviews, messages, people
from dashboard.errors import ValidationError, VersionConflict
from tests.dashboard.helpers import approve, draft, prepare_interview


def _case(engine, actors, submit=True) -> int:
    with db.session_scope(engine) as s:
        case = cases.create_case(s, actors["tianshan"], draft())
        if submit:
            cases.transition(s, actors["tianshan"], case.id, "submit")
        return case.id


def _version(engine, actor, case_id) -> int:
    with db.session_scope(engine) as s:
        return cases.get_case(s, actor, case_id).version


def test_interviews_one_person_cannot_sign_section_head_and_deputy(world):
    engine, actors = world
    case_id = _case(engine, actors)
    leader, sign = actors["tianshan_leader"], interviews.record_approval
    with db.session_scope(engine) as s:
        sign(s, leader, case_id, "section_head", "同意", _version(engine, leader, case_id))
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        sign(s, leader, case_id, "deputy", "同意", _version(engine, leader, case_id))
    assert "须由不同的人签署" in err.value.user_text()
    with db.session_scope(engine) as s:
        # re-signing one's own line is allowed; another leader signs the deputy's line
        case = sign(s, leader, case_id, "section_head", "同意，请审批",
                    cases.get_case(s, leader, case_id).version)  # fmt: skip
        case = sign(s, actors["tianshan_head"], case_id, "deputy", "同意", case.version)
        assert case.approval["section_head"]["by"] == leader.id
        assert case.approval["deputy"]["by"] == actors["tianshan_head"].id
        assert case.approval["section_head"]["opinion"] == "同意，请审批"


def test_interviews_line_signed_by_another_is_not_overwritten(world):
    engine, actors = world
    case_id = _case(engine, actors)
    approver, leader = actors["urumqi_approver"], actors["tianshan_leader"]
    with db.session_scope(engine) as s:
        interviews.record_approval(
            s, approver, case_id, "section_head", "同意", _version(engine, approver, case_id)
        )
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        interviews.record_approval(
            s, leader, case_id, "section_head", "同意约谈", _version(engine, leader, case_id)
        )
    text = err.value.user_text()
    assert "“业务处（科）室负责人”一栏已由urumqi_approver签署" in text
    assert "请选择尚未签署的栏目" in text
    with db.session_scope(engine) as s:
        # the first signature stands, and the leader can still sign his own line
        case = interviews.record_approval(
            s, leader, case_id, "deputy", "同意约谈", cases.get_case(s, leader, case_id).version
        )
        assert case.approval["section_head"]["by"] == approver.id
        assert case.approval["section_head"]["opinion"] == "同意"
        assert case.approval["deputy"]["by"] == leader.id


def test_interviews_schedule_recorded_and_audited(world):
    engine, actors = world
    case_id = _case(engine, actors, submit=False)
    with db.session_scope(engine) as s:
        approve(s, actors, case_id)
    h = actors["tianshan"]
    at = dt.datetime(2026, 12, 10, 10, 30)
    with pytest.raises(ValidationError), db.session_scope(engine) as s:
        interviews.set_schedule(s, h, case_id, at, "  ", _version(engine, h, case_id))
    with db.session_scope(engine) as s:
        interviews.set_schedule(
            s, h, case_id, at, "天山区局三楼会议室", _version(engine, h, case_id)
        )
    with db.session_scope(engine) as s:
        case = cases.get_case(s, h, case_id)
        assert (case.planned_at, case.planned_place) == (at, "天山区局三楼会议室")
        last = cases.audit_trail(s, h, case_id)[-1]
    assert (last.action, last.comment) == ("set_schedule", "2026-12-10 10:30 天山区局三楼会议室")
    assert messages.action_title(last.action) == "确定约谈时间地点"


def _interview_case(engine, actors) -> int:
    case_id = _case(engine, actors, submit=False)
    with db.session_scope(engine) as s:
        approve(s, actors, case_id)
        prepare_interview(s, actors, case_id)
    return case_id


def test_interviews_person_edited_and_signature_reset(world):
    engine, actors = world
    case_id, h = _interview_case(engine, actors), actors["tianshan"]
    with db.session_scope(engine) as s:
        person = interviews.add_person(s, h, case_id, "interviewer", "张科长")
        interviews.sign(s, h, case_id, person.id)
        person_id = person.id
    with pytest.raises(ValidationError), db.session_scope(engine) as s:
        interviews.update_person(s, h, case_id, person_id, phone="123")
    with db.session_scope(engine) as s:
        interviews.update_person(s, h, case_id, person_id, name="张处长", unit="天山区局",
                                 is_main=True)  # fmt: skip
    with db.session_scope(engine) as s:
        (view,) = people.record_persons(s, h, case_id)
        last = cases.audit_trail(s, h, case_id)[-1]
    assert (view.name, view.unit, view.is_main, view.signed) == ("张处长", "天山区局", True, False)
    assert (last.action, last.comment) == ("update_person", "张处长")


def test_interviews_person_removed_with_audit_but_recused_person_kept(world):
    engine, actors = world
    case_id, h = _interview_case(engine, actors), actors["tianshan"]
    with db.session_scope(engine) as s:
        wrong = interviews.add_person(s, h, case_id, "recorder", "王记录").id
        recused = interviews.add_person(s, h, case_id, "interviewer", "李干部").id
        interviews.declare_conflict(s, h, case_id, recused, "与约谈对象负责人系亲属")
    with db.session_scope(engine) as s:
        interviews.remove_person(s, h, case_id, wrong, "重复添加")
    for change in (
        lambda s: interviews.remove_person(s, h, case_id, recused),
        lambda s: interviews.update_person(s, h, case_id, recused, name="李某"),
    ):
        with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
            change(s)
        assert "已回避的人员须保留" in err.value.user_text()
    with db.session_scope(engine) as s:
        persons = people.record_persons(s, h, case_id)
        trail = cases.audit_trail(s, h, case_id)
    assert [(p.name, p.recused) for p in persons] == [("李干部", True)]
    removal = next(e for e in trail if e.action == "remove_person")
    assert removal.comment == "记录人 王记录：重复添加"
    assert removal.actor_id == h.id


def test_interviews_signing_own_line_twice_is_refused_or_recorded_as_a_change(world):
    engine, actors = world
    case_id, h = _case(engine, actors), actors["tianshan"]
    with db.session_scope(engine) as s:
        interviews.record_approval(
            s, h, case_id, "applicant", "拟约谈", _version(engine, h, case_id)
        )
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        interviews.record_approval(
            s, h, case_id, "applicant", "拟约谈", _version(engine, h, case_id)
        )
    assert "无需重复签署" in err.value.user_text()
    with db.session_scope(engine) as s:
        case = interviews.record_approval(
            s, h, case_id, "applicant", "拟约谈，请审批", _version(engine, h, case_id)
        )
        assert case.approval["applicant"]["opinion"] == "拟约谈，请审批"
        trail = [(a.action, a.comment) for a in cases.audit_trail(s, h, case_id)
                 if a.action.startswith("approval_")]  # fmt: skip
    assert trail == [
        ("approval_applicant", "拟约谈"),
        ("approval_applicant_changed", "拟约谈，请审批"),
    ]
    assert messages.action_title("approval_applicant_changed") == "修改审批意见（申请人）"


def test_interviews_recusal_needs_a_reason_and_keeps_the_person_uncounted(world):
    engine, actors = world
    case_id, h = _interview_case(engine, actors), actors["tianshan"]
    with db.session_scope(engine) as s:
        main = interviews.add_person(s, h, case_id, "interviewer", "张科长", is_main=True).id
        interviews.add_person(s, h, case_id, "interviewer", "李干部")
    version = _version(engine, h, case_id)
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        interviews.declare_conflict(s, h, case_id, main, "  ", version)
    assert "请填写回避理由" in err.value.user_text()
    with db.session_scope(engine) as s:
        interviews.declare_conflict(s, h, case_id, main, " 系约谈对象股东亲属 ", version)
    with pytest.raises(VersionConflict), db.session_scope(engine) as s:
        interviews.declare_conflict(s, h, case_id, main, "重复提交", version)  # stale page
    with pytest.raises(ValidationError) as again, db.session_scope(engine) as s:
        interviews.add_person(s, h, case_id, "interviewer", "张科长（科长）")  # the same person
    assert again.value.problems == {"person": "validation.recused_person"}
    with db.session_scope(engine) as s:
        shown = {p.name: p for p in people.record_persons(s, h, case_id)}
        case = cases.get_case(s, h, case_id)
        problems = interviews.record_problems(case)
        trail = cases.audit_trail(s, h, case_id)
    assert shown["张科长"].recused and not shown["张科长"].is_main
    assert shown["张科长"].recusal_reason == "系约谈对象股东亲属"
    assert "guard.interviewers_fewer_than_two" in problems
    assert "guard.main_interviewer_missing" in problems
    assert [e.comment for e in trail if e.action == "recusal"] == ["张科长：系约谈对象股东亲属"]
