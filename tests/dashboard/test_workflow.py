import datetime as dt
import tomllib

import pytest

from dashboard import cases, db, interviews, workflow
from dashboard.db import AuditEntry
from dashboard.errors import GuardFailed, RoleNotPermitted, TransitionNotAllowed, ValidationError
from tests.dashboard.helpers import approve, draft, fill_record, prepare_interview


def test_workflow_definition_every_state_reachable_and_nonterminal_has_exit():
    d = workflow.definition()
    reachable, frontier = {d.initial}, [d.initial]
    while frontier:
        state = frontier.pop()
        for t in d.transitions.values():
            if state in t.sources and t.target not in reachable:
                reachable.add(t.target)
                frontier.append(t.target)
    assert reachable == set(d.states)
    for s in d.states.values():
        exits = [t for t in d.transitions.values() if s.id in t.sources]
        assert bool(exits) != s.terminal, s.id
    assert d.states["closed"].title == "结案"
    assert d.states["penalty"].terminal and d.states["penalty"].title == "转立案处罚"


def test_workflow_toml_states_follow_the_issue_order():
    raw = tomllib.loads(workflow.DEFINITION_FILE.read_text(encoding="utf-8"))
    titles = [v["title"] for v in raw["states"].values()]
    assert titles[:8] == [
        "登记",
        "审批",
        "制定约谈方案",
        "告知",
        "实施约谈",
        "整改",
        "督查",
        "结案",
    ]


def test_workflow_full_run_to_closure_writes_audit_and_deadline(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft()).id
        approve(s, actors, case_id)
        prepare_interview(s, actors, case_id)
        fill_record(s, actors, case_id)
        case = interviews.close_record(
            s, actors["tianshan"], case_id, cases.get_case(s, actors["tianshan"], case_id).version
        )
        case = cases.transition(s, actors["tianshan"], case_id, "finish_interview")
        assert case.interview_date == dt.date(2026, 9, 18)
        assert case.rectification_due == dt.date(2026, 10, 15)
        assert case.state == "rectification"
        cases.transition(
            s, actors["tianshan"], case_id, "receive_report", on_date=dt.date(2026, 10, 9)
        )
        case = cases.transition(s, actors["tianshan_leader"], case_id, "confirm_rectified")
        assert (case.state, case.rectified) == ("closed", True)
    with db.session_scope(engine) as s:
        trail = cases.audit_trail(s, actors["tianshan"], case_id)
        moves = [(a.from_state, a.to_state) for a in trail if a.from_state]
        assert moves == [
            ("registered", "approval"), ("approval", "planning"), ("planning", "notification"),
            ("notification", "interview"), ("interview", "rectification"),
            ("rectification", "inspection"), ("inspection", "closed"),
        ]  # fmt: skip
        assert all(a.actor_id and a.at for a in trail)


def test_workflow_role_not_permitted_differs_from_transition_not_possible(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft()).id
        with pytest.raises(TransitionNotAllowed) as not_possible:
            cases.transition(s, actors["tianshan"], case_id, "approve")
        assert not_possible.value.state == "registered"
        with pytest.raises(RoleNotPermitted) as no_role:
            cases.transition(s, actors["trainee"], case_id, "submit")
        assert no_role.value.allowed == ("handler",)
        assert "承办人员" in no_role.value.user_text()
        assert "登记" in not_possible.value.user_text()


def test_workflow_comment_required_for_side_exit(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft()).id
        approve(s, actors, case_id)
        prepare_interview(s, actors, case_id)
        with pytest.raises(ValidationError) as err:
            cases.transition(s, actors["tianshan"], case_id, "refuse_attendance", comment=" ")
        assert err.value.problems == {"comment": "validation.comment_required"}
        case = cases.transition(
            s, actors["tianshan"], case_id, "refuse_attendance", "无正当理由拒不到场"
        )
        assert (case.state, case.supervision_focus) == ("supervision_focus", True)
        case = cases.transition(
            s, actors["tianshan"], case_id, "find_violation", "已核实违法，立案"
        )
        assert (case.state, case.penalty_filed) == ("penalty", True)
        rows = s.query(AuditEntry).filter_by(case_id=case_id, action="find_violation").all()
        assert rows[0].comment == "已核实违法，立案"


def test_workflow_approval_needs_deputy_and_major_needs_principal(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, actors["tianshan"], draft(is_major=True)).id
        case = cases.transition(s, actors["tianshan"], case_id, "submit")
        case = interviews.record_approval(
            s, actors["urumqi_approver"], case_id, "section_head", "同意", case.version
        )
        with pytest.raises(GuardFailed) as err:
            cases.transition(s, actors["urumqi_leader"], case_id, "approve")
        assert err.value.reasons == ["guard.deputy_missing", "guard.principal_missing"]
        with pytest.raises(RoleNotPermitted):  # a leader who is not the 主要领导
            interviews.record_approval(
                s, actors["tianshan_leader"], case_id, "principal", "同意", case.version
            )
        case = interviews.record_approval(
            s, actors["tianshan_leader"], case_id, "deputy", "同意", case.version
        )
        case = interviews.record_approval(
            s, actors["tianshan_head"], case_id, "principal", "同意", case.version
        )
        case = cases.transition(s, actors["urumqi_leader"], case_id, "approve")
        assert case.state == "planning"


def test_workflow_interview_date_states_follow_the_graph():
    needs, before = workflow.interview_date_states()
    assert needs == {"rectification", "inspection"}  # closed is reachable via 监管重点结案
    assert before == {"registered", "approval", "planning", "notification"}
