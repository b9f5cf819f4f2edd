"""Builders shared by the dashboard tests (drafts, credit codes, a case walked to a state)."""

from __future__ import annotations

import datetime as dt

from dashboard.cases import CaseDraft, PartyDraft

PASSWORD = "Passw0rd-test"


def valid_credit_code(seed: int) -> str:
    from dashboard.identifiers import CREDIT_CHARS, credit_check_char

    body = "9165" + "0102" + "MA" + "".join(CREDIT_CHARS[(seed * 7 + i * 3) % 31] for i in range(7))
    return body + credit_check_char(body)


def draft(code: str = "650102", seed: int = 1, **kw) -> CaseDraft:
    parties = kw.pop("parties", None) or [
        PartyDraft(f"测试商贸有限公司{seed}", valid_credit_code(seed))
    ]
    base = dict(
        title=f"测试事项{seed}",
        jurisdiction_code=code,
        trigger="data_analysis",
        problem_category="after_sales",
        parties=parties,
        opened_on=dt.date(2026, 3, 2),
    )
    base.update(kw)
    return CaseDraft(**base)


def approve(s, actors, case_id, major=False):
    """Submit and approve a case: section head + deputy (+ principal for major matters)."""
    from dashboard import cases, interviews

    case = cases.transition(s, actors["tianshan"], case_id, "submit")
    case = interviews.record_approval(
        s, actors["urumqi_approver"], case_id, "section_head", "同意", case.version
    )
    case = interviews.record_approval(
        s, actors["tianshan_leader"], case_id, "deputy", "同意", case.version
    )
    if major:
        case = interviews.record_approval(
            s, actors["tianshan_head"], case_id, "principal", "同意", case.version
        )
    return cases.transition(
        s, actors["urumqi_leader"], case_id, "approve", expected_version=case.version
    )


def prepare_interview(s, actors, case_id):
    """Plan and notice done: the case waits in 实施约谈."""
    from dashboard import cases, interviews, messages

    h = actors["tianshan"]
    case = cases.get_case(s, h, case_id)
    case = interviews.set_plan(
        s, h, case_id, {k: "已填写" for k in messages.PLAN_ITEMS}, case.version
    )
    case = cases.transition(s, h, case_id, "finish_plan", expected_version=case.version)
    case = interviews.record_notice(s, h, case_id, dt.date(2026, 9, 10), "written", case.version)
    return cases.transition(s, h, case_id, "notify", expected_version=case.version)


def fill_record(s, actors, case_id, start=dt.datetime(2026, 9, 18, 10, 0), leader_main=False):
    """Two interviewers, recorder and one attendee, all signed; content and guidance set."""
    from dashboard import cases, interviews

    h = actors["tianshan"]
    interviews.update_record(
        s, h, case_id, start, start + dt.timedelta(hours=1), "天山区局会议室",
        content="指出预付卡退费难问题，当事人承认并承诺整改。",
    )  # fmt: skip
    people = [
        interviews.add_person(
            s, h, case_id, "interviewer", "张科长", is_main=True, is_leader=leader_main
        ),
        interviews.add_person(s, h, case_id, "interviewer", "李干部"),
        interviews.add_person(s, h, case_id, "recorder", "王记录"),
        interviews.add_person(
            s, h, case_id, "attendee", "赵经理", id_number="11010519491231002X", phone="13812345678"
        ),
    ]
    case = cases.get_case(s, h, case_id)
    cases.set_guidance(
        s, h, case_id, "立即整改售后服务流程，15个工作日内提交整改报告。", case.version
    )
    for p in people:
        interviews.sign(s, h, case_id, p.id)
    return people
