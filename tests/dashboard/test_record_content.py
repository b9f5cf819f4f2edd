"""The record step takes what was said (约谈情况) and the party's statement and commitments
(约谈对象陈述及承诺); the record paper prints them and then the guidance as 整改意见 (art. 12),
never the guidance in their place."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from assistant.papers import PaperKind, Party
from dashboard import cases, db, interviews
from dashboard.errors import ValidationError
from dashboard.ui import casework
from tests.dashboard.app_support import _actor, add_case, app_db_fixture, sign_in  # noqa: F401
from tests.dashboard.helpers import approve, draft, fill_record, prepare_interview

SAID = "约谈人通报了预付卡投诉集中的情况。\n宣读了《消费者权益保护法》第五十三条。"
STATEMENT = "该公司负责人承认停业未通知会员，承诺于12月31日前退还预付款。"
GUIDANCE = "立即整改售后服务流程，15个工作日内提交整改报告。"


def _record_text(view: casework.CaseView) -> str:
    data = casework.docx_bytes(PaperKind.RECORD, casework.paper_context(view))
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _view(**changes) -> casework.CaseView:
    base = dict(
        id=1, case_no="YT2026-650102-000001", title="预付卡退费问题", state="interview",
        version=3, jurisdiction_code="650102", jurisdiction_name="天山区",
        handling_unit="消费者权益保护科", trigger="data_analysis", problem_category="prepaid",
        industry="", reason="预付卡退费难", facts="", complaint_count=12, is_major=False,
        is_demo=False, opened_on=dt.date(2026, 11, 30), interview_date=None,
        rectification_due=None, due_unverified=False, guidance=GUIDANCE, approval={}, plan={},
        notice_issued_on=None, parties=[Party("乌鲁木齐某健身有限公司")],
    )  # fmt: skip
    return casework.CaseView(**{**base, **changes})


def test_record_content_stored_and_kept_when_time_is_saved(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        case_id = cases.create_case(s, h, draft()).id
        approve(s, actors, case_id)
        prepare_interview(s, actors, case_id)
        fill_record(s, actors, case_id)
        interviews.set_record_content(s, h, case_id, f" {SAID} ", STATEMENT)
        start = dt.datetime(2026, 9, 18, 9, 30)
        interviews.update_record(s, h, case_id, start, start + dt.timedelta(hours=1), "会议室")
        record = cases.get_case(s, h, case_id).record
        assert (record.content, record.party_statement) == (SAID, STATEMENT)
        with pytest.raises(ValidationError):
            interviews.set_record_content(s, h, case_id, "长" * 20_001, "")


def test_record_paper_prints_what_was_said_then_the_guidance():
    text = _record_text(_view(record_content=SAID, record_statement=STATEMENT))
    assert "约谈情况：约谈人通报了预付卡投诉集中的情况。" in text
    assert "宣读了《消费者权益保护法》第五十三条。" in text
    assert f"约谈对象陈述及承诺：{STATEMENT}" in text
    assert text.index(STATEMENT) < text.index(f"整改意见：{GUIDANCE}")


def test_record_paper_invited_units_are_those_entered_once_people_are():
    """The plan's 受邀 units stand in until the record has people; then only those entered."""
    from dashboard.ui.casework import invited_of

    plan = {"participants": "受邀代表：区消费者协会代表"}
    assert invited_of([], [], plan) == ("区消费者协会代表",)
    assert invited_of([], ["张科长"], plan) == ()
    assert invited_of(["王某（区消协）"], ["张科长"], plan) == ("王某（区消协）",)


def test_record_paper_leaves_lines_to_fill_by_hand_until_written():
    text = _record_text(_view())
    assert GUIDANCE not in text and "约谈情况：" not in text
    assert text.count("________________") >= 6


def test_app_record_step_saves_content_and_statement(app_db):
    from dashboard.ui import services

    case_id = add_case(app_db, "tianshan", "650102", 3, "天山区事项")
    with services.session() as s:
        actors = {name: _actor(s, name) for name in ("tianshan", "tianshan_leader")}
        actors["urumqi_approver"] = _actor(s, "urumqi_approver")
        actors["urumqi_leader"] = actors["tianshan_leader"]
        approve(s, actors, case_id)
        prepare_interview(s, actors, case_id)
    at = sign_in("tianshan")
    at.switch_page("pages/cases.py").run()
    at.selectbox(key="cases_open").set_value(case_id)
    at.button(key="cases_open_button").click()
    at.run()
    content = at.text_area(key=f"form_{case_id}_record_content")
    assert content.placeholder.startswith("如：") and content.value == ""
    content.input(SAID)
    at.text_area(key=f"form_{case_id}_record_statement").input(STATEMENT)
    at.button(key=f"FormSubmitter:record_content_{case_id}-保存约谈内容").click()
    at.run()
    assert not at.exception and not at.error
    with services.session() as s:
        record = cases.get_case(s, _actor(s, "tianshan"), case_id).record
        assert (record.content, record.party_statement) == (SAID, STATEMENT)
