import datetime as dt

import pytest

from dashboard import cases, db, followup, interviews, people
from dashboard.cases import CaseFilter, PartyDraft
from dashboard.errors import (
    DuplicateMatter,
    GuardFailed,
    OutOfScope,
    RoleNotPermitted,
    TransitionNotAllowed,
    ValidationError,
    VersionConflict,
)
from tests.dashboard.helpers import (
    approve,
    draft,
    fill_record,
    prepare_interview,
    valid_credit_code,
)


def test_cases_two_users_editing_one_case_conflict_and_nothing_lost(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft()).id
    with db.session_scope(engine) as a, db.session_scope(engine) as b:
        first = cases.get_case(a, actors["tianshan"], case_id)
        second = cases.get_case(b, actors["tianshan"], case_id)
        v = first.version
        assert second.version == v
    with db.session_scope(engine) as s:
        cases.update_case(s, actors["tianshan"], case_id, v, facts="甲填写的事实")
    with pytest.raises(VersionConflict) as err, db.session_scope(engine) as s:
        cases.update_case(s, actors["tianshan"], case_id, v, facts="乙的覆盖")
    assert err.value.expected == v and err.value.actual == v + 1
    assert "该案件已被他人修改，请刷新后重新填写" in err.value.user_text()
    with db.session_scope(engine) as s:
        case = cases.get_case(s, actors["tianshan"], case_id)
        assert (case.facts, case.version) == ("甲填写的事实", v + 1)


def test_cases_concurrent_flush_race_raises_version_conflict(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft()).id
    a = db.Session(engine, expire_on_commit=False)
    case_a = cases.get_case(a, actors["tianshan"], case_id)  # read; version check passes later
    v = case_a.version
    a.commit()  # end the read transaction; the loaded object keeps the old version
    with db.session_scope(engine) as b:
        cases.update_case(b, actors["tianshan"], case_id, v, reason="乙先保存")
    case_a.reason = "甲后保存"
    with pytest.raises(VersionConflict):
        db_flush_as_workflow(a, case_a)
    a.close()
    with db.session_scope(engine) as s:
        assert cases.get_case(s, actors["tianshan"], case_id).reason == "乙先保存"


def db_flush_as_workflow(session, case):
    from dashboard import workflow

    workflow.flush(session, case)


def test_cases_county_official_cannot_see_or_change_other_county(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft()).id
        cases.create_case(s, actors["shayibake"], draft("650103", seed=2))
        cases.create_case(s, actors["kashgar"], draft("653101", seed=3))
    with db.session_scope(engine) as s:
        other = actors["shayibake"]
        with pytest.raises(OutOfScope):
            cases.get_case(s, other, case_id)
        with pytest.raises(OutOfScope):
            cases.update_case(s, other, case_id, 1, facts="越权修改")
        with pytest.raises(OutOfScope):
            cases.transition(s, other, case_id, "submit")
        assert [r.jurisdiction_code for r in cases.list_cases(s, other).rows] == ["650103"]
        with pytest.raises(OutOfScope):
            cases.create_case(s, other, draft("650102", seed=4))
    with db.session_scope(engine) as s:
        assert cases.get_case(s, actors["tianshan"], case_id).facts == ""


def test_cases_prefecture_leader_sees_its_counties_only(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        cases.create_case(s, actors["tianshan"], draft())
        cases.create_case(s, actors["shayibake"], draft("650103", seed=2))
        cases.create_case(s, actors["kashgar"], draft("653101", seed=3))
        page = cases.list_cases(s, actors["urumqi_leader"])
        assert page.total == 2
        assert sorted(r.jurisdiction_code for r in page.rows) == ["650102", "650103"]
        assert cases.list_cases(s, actors["region_leader"]).total == 3


def test_cases_list_search_filter_and_pagination(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        for i in range(5):
            cases.create_case(
                s,
                actors["tianshan"],
                draft(seed=10 + i, problem_category="price" if i % 2 else "quality"),
            )
        page = cases.list_cases(s, actors["tianshan"], CaseFilter(problem_category="price"), 1, 1)
        assert (page.total, len(page.rows)) == (2, 1)
        hit = cases.list_cases(s, actors["tianshan"], CaseFilter(search="测试商贸有限公司12"))
        assert [r.party_names for r in hit.rows] == ["测试商贸有限公司12"]
        assert hit.rows[0].state_title == "登记"


def test_cases_invalid_credit_code_refused_with_field(world):
    engine, actors = world
    with db.session_scope(engine) as s, pytest.raises(ValidationError) as err:
        bad = [PartyDraft("某公司", "91350100M000100Y44")]
        cases.create_case(s, actors["tianshan"], draft(parties=bad))
    assert err.value.problems == {"credit_code": "validation.credit_code"}
    assert "统一社会信用代码" in err.value.user_text()


def test_cases_same_matter_warns_with_earlier_case(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        first = cases.create_case(s, actors["tianshan"], draft(seed=5))
        with pytest.raises(DuplicateMatter) as err:
            cases.create_case(s, actors["tianshan"], draft(seed=5, title="再次约谈"))
        assert err.value.earlier_case_no == first.case_no
        again = cases.create_case(s, actors["tianshan"], draft(seed=5), confirm_duplicate=True)
        assert again.id != first.id
        other_problem = cases.create_case(
            s, actors["tianshan"], draft(seed=5, problem_category="price")
        )
        assert other_problem.problem_category == "price"


def test_cases_collective_interview_needs_parties_and_gives_same_guidance(world):
    engine, actors = world
    parties = [PartyDraft(f"集中约谈企业{i}", valid_credit_code(30 + i)) for i in range(3)]
    with db.session_scope(engine) as s:
        with pytest.raises(ValidationError) as err:
            cases.create_case(s, actors["tianshan"], draft(is_collective=True, parties=parties[:1]))
        assert err.value.problems == {"parties": "validation.collective_parties"}
        case = cases.create_case(s, actors["tianshan"], draft(is_collective=True, parties=parties))
        cases.set_guidance(s, actors["tianshan"], case.id, "统一整改：明码标价", case.version)
        guidance = cases.guidance_for_parties(s, actors["tianshan"], case.id)
        assert list(guidance) == ["集中约谈企业0", "集中约谈企业1", "集中约谈企业2"]
        assert set(guidance.values()) == {"统一整改：明码标价"}


def _at_interview(s, actors, **kw):
    case_id = cases.create_case(s, actors["tianshan"], draft(**kw)).id
    approve(s, actors, case_id, major=kw.get("is_major", False))
    prepare_interview(s, actors, case_id)
    return case_id


def test_cases_recusal_removes_person_and_two_interviewers_enforced(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors)
        people_ = fill_record(s, actors, case_id)
        interviews.declare_conflict(s, h, case_id, people_[1].id, "系约谈对象股东亲属")
        case = cases.get_case(s, h, case_id)
        with pytest.raises(GuardFailed) as err:
            interviews.close_record(s, h, case_id, case.version)
        assert err.value.reasons == ["guard.interviewers_fewer_than_two"]
        with pytest.raises(ValidationError) as again:
            interviews.add_person(s, h, case_id, "interviewer", "李干部")
        assert again.value.problems == {"person": "validation.recused_person"}
        extra = interviews.add_person(s, h, case_id, "interviewer", "孙干部")
        interviews.sign(s, h, case_id, extra.id)
        case = interviews.close_record(s, h, case_id, case.version)
        assert case.record.closed and case.interview_date == dt.date(2026, 9, 18)


def test_cases_one_name_twice_is_not_two_interviewers(world):
    """Art. 7 asks for two people: 张科长 again as 张科长（科长） or 张科长，科长 is refused, and a
    recusal covers the person under every spelling already entered."""
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors)
        people_ = fill_record(s, actors, case_id)  # 张科长 (main), 李干部, recorder, attendee
        for spelling in ("张科长（科长）", "张科长，科长", " 张 科长 "):
            with pytest.raises(ValidationError) as err:
                interviews.add_person(s, h, case_id, "interviewer", spelling)
            assert err.value.problems == {"person": "validation.person_twice"}
        # entered earlier under another spelling (e.g. by a colleague), then recused once
        twin = interviews.add_person(s, h, case_id, "recorder", "李干部（科员）")
        interviews.sign(s, h, case_id, twin.id)
        interviews.declare_conflict(s, h, case_id, people_[1].id, "系约谈对象股东亲属")
        record = cases.get_case(s, h, case_id).record
        assert all(not p.name.startswith("李干部") for p in interviews.active_persons(record))
        case = cases.get_case(s, h, case_id)
        with pytest.raises(GuardFailed) as err:
            interviews.close_record(s, h, case_id, case.version)
        assert "guard.interviewers_fewer_than_two" in err.value.reasons


def test_cases_record_needs_all_signatures(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors)
        fill_record(s, actors, case_id)
        invited = interviews.add_person(s, h, case_id, "invited", "消协代表", unit="市消费者协会")
        case = cases.get_case(s, h, case_id)
        with pytest.raises(GuardFailed) as err:
            interviews.close_record(s, h, case_id, case.version)
        assert err.value.reasons == ["guard.signatures_missing"]
        with pytest.raises(GuardFailed) as blocked:
            cases.transition(s, h, case_id, "finish_interview")
        assert blocked.value.reasons == ["guard.record_not_closed"]
        interviews.sign(s, h, case_id, invited.id)
        assert interviews.close_record(s, h, case_id, case.version).record.closed


def test_cases_record_without_content_cannot_be_confirmed(world):
    """Art. 8: the record reflects the interview's process, content and result, so a signed
    record with no 约谈情况 is not confirmed; writing it lets the record close."""
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors)
        fill_record(s, actors, case_id)
        case = cases.get_case(s, h, case_id)
        interviews.set_record_content(s, h, case_id, "   ", "", case.version)
        case = cases.get_case(s, h, case_id)
        with pytest.raises(GuardFailed) as err:
            interviews.close_record(s, h, case_id, case.version)
        assert err.value.reasons == ["guard.record_content_missing"]
        assert "约谈情况" in err.value.user_text()
        interviews.set_record_content(s, h, case_id, "告知问题，当事人承诺整改", "", case.version)
        case = cases.get_case(s, h, case_id)
        assert interviews.close_record(s, h, case_id, case.version).record.closed


def test_cases_major_matter_needs_leader_as_main_interviewer(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors, is_major=True)
        fill_record(s, actors, case_id, leader_main=False)
        case = cases.get_case(s, h, case_id)
        with pytest.raises(GuardFailed) as err:
            interviews.close_record(s, h, case_id, case.version)
        assert err.value.reasons == ["guard.major_needs_leader"]
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors, is_major=True, seed=9)
        fill_record(s, actors, case_id, leader_main=True)
        case = cases.get_case(s, h, case_id)
        assert interviews.close_record(s, h, case_id, case.version).record.closed


def _rectifying(s, actors, seed, start):
    case_id = _at_interview(s, actors, seed=seed)
    fill_record(s, actors, case_id, start=start)
    case = cases.get_case(s, actors["tianshan"], case_id)
    interviews.close_record(s, actors["tianshan"], case_id, case.version)
    return cases.transition(s, actors["tianshan"], case_id, "finish_interview")


def test_cases_overdue_and_due_soon_lists_per_scope(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        late = _rectifying(s, actors, 40, dt.datetime(2026, 9, 18, 10))  # due 2026-10-15
        soon = _rectifying(s, actors, 41, dt.datetime(2026, 9, 28, 10))  # due 2026-10-23
        today = dt.date(2026, 10, 20)
        assert [r.id for r in cases.overdue_cases(s, actors["tianshan"], today)] == [late.id]
        assert [r.id for r in cases.due_soon_cases(s, actors["tianshan"], today, 3)] == [soon.id]
        assert cases.overdue_cases(s, actors["shayibake"], today) == []
        assert [r.id for r in cases.overdue_cases(s, actors["urumqi_leader"], today)] == [late.id]


def test_cases_filing_reminder_alert_and_24h_report(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case = _rectifying(s, actors, 50, dt.datetime(2026, 9, 18, 10))
        filed = followup.file_with_upper(s, h, case.id, case.version)
        assert filed.filed_upper_to == "650100"
        reminder = followup.issue_reminder(s, actors["urumqi_leader"], "650103", "预付卡投诉集中")
        with pytest.raises(ValidationError):
            followup.issue_reminder(s, actors["urumqi_leader"], "653101", "越级提醒")
        assert [r.id for r in followup.open_reminders(s, actors["shayibake"])] == [reminder.id]
        assert followup.open_reminders(s, h) == []
        opened = followup.open_case_from_reminder(
            s, actors["shayibake"], reminder.id, draft("650103", seed=51)
        )
        assert (opened.trigger, opened.reminder_id) == ("upper_reminder", reminder.id)
        alert = followup.issue_alert(s, h, "warning", "预付卡消费警示", "谨慎预付", [case.id])
        assert alert.case_ids == {"ids": [case.id]}
        item = followup.note_major_situation(s, h, case.id, dt.datetime(2026, 9, 18, 9), "群体投诉")
        pending = followup.pending_major_reports(s, h, dt.datetime(2026, 9, 19, 10))
        assert [(p.situation_id, p.overdue) for p in pending] == [(item.id, True)]
        followup.report_major_situation(s, h, item.id, "局长", dt.datetime(2026, 9, 18, 12))
        assert followup.pending_major_reports(s, h) == []


def test_cases_personal_data_masked_for_roles_without_permission(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors)
        fill_record(s, actors, case_id)
        full = {p.name: p for p in people.record_persons(s, actors["tianshan"], case_id)}
        masked = {p.name: p for p in people.record_persons(s, actors["trainee"], case_id)}
        assert full["赵经理"].id_number == "11010519491231002X"
        assert masked["赵经理"].id_number == "110105********002X"
        assert masked["赵经理"].phone == "138****5678"
        with pytest.raises(ValidationError) as err:
            interviews.add_person(s, actors["tianshan"], case_id, "attendee", "钱某", phone="123")
        assert err.value.problems == {"phone": "validation.phone"}


def test_cases_missing_fields_corrected_until_the_case_ends(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = _at_interview(s, actors)  # registered without industry and 约谈事由
        case = cases.get_case(s, h, case_id)
        assert (case.industry, case.reason) == ("", "")
        case = cases.update_case(s, h, case_id, case.version, industry="销售服务",
                                 reason="售后服务拒不履行")  # fmt: skip
        assert (case.industry, case.reason) == ("销售服务", "售后服务拒不履行")
        assert cases.audit_trail(s, h, case_id)[-1].comment == "行业、约谈事由"
        with pytest.raises(RoleNotPermitted):
            cases.update_case(s, actors["tianshan_leader"], case_id, case.version, reason="领导改")
        case = cases.transition(s, h, case_id, "find_violation", "涉嫌违法，转立案",
                                case.version)  # fmt: skip
        with pytest.raises(TransitionNotAllowed):
            cases.update_case(s, h, case_id, case.version, reason="结案后修改")
