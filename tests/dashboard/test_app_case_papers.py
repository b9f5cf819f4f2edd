"""Drafts reach the case: the plan filled from the draft, the planned time and place on the
notice and as the 起草 page's date, the papers' problems and items, plain DOCX text, Chinese
history and times, and the worklist of the signed-in user."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx

from assistant.papers import PaperKind
from tests.dashboard.app_support import (
    _actor,
    add_case,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)

PLANNED = dt.datetime(2026, 12, 10, 10, 0)


def _session(url):
    from dashboard import db

    return db.session_scope(db.make_engine(url))


def _to_planning(url: str, case_id: int) -> None:
    from dashboard import cases, interviews

    with _session(url) as s:
        handler, leader = _actor(s, "tianshan"), _actor(s, "tianshan_leader")
        case = cases.transition(s, handler, case_id, "submit")
        case = interviews.record_approval(s, _actor(s, "urumqi_approver"), case_id,
                                          "section_head", "同意", case.version)  # fmt: skip
        case = interviews.record_approval(s, leader, case_id, "deputy", "同意", case.version)
        cases.transition(s, leader, case_id, "approve", expected_version=case.version)


def _save_drafts(case_id: int, index) -> None:
    from dashboard.ui import casework, drafts

    actor = _named("tianshan")
    draft = drafts.run(casework.load(actor, case_id), index, PLANNED.date())
    texts = {k.value: draft.markdown(k) for k in drafts.DRAFT_KINDS}
    drafts.save(case_id, actor, texts, PLANNED.date())


def _named(username: str):
    from dashboard.ui import services

    with services.session() as s:
        return _actor(s, username)


def _open_case(at, case_id: int):
    at.switch_page("pages/cases.py").run()
    at.selectbox(key="cases_open").set_value(case_id)
    at.button(key="cases_open_button").click()
    return at.run()


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_app_case_plan_filled_from_draft_and_schedule_reaches_papers(app_db, lexical_index):
    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    _to_planning(app_db, case_id)
    at = _open_case(sign_in("tianshan"), case_id)
    assert "尚无起草结果" in texts(at)

    _save_drafts(case_id, lexical_index)
    at = _open_case(sign_in("tianshan"), case_id)
    at.button(key=f"plan_fill_{case_id}").click()
    at.run()
    assert "第五十三条" in at.text_area(key=f"plan_{case_id}_legal_basis").value
    assert "预付" in at.text_area(key=f"plan_{case_id}_proposals").value
    # The draft's time (its drafting day) is not copied: the schedule fields below decide.
    assert at.text_area(key=f"plan_{case_id}_time_place").value == ""
    at.date_input(key="plan_day").set_value(PLANNED.date())
    at.time_input(key="plan_time").set_value(PLANNED.time())
    at.text_input(key="plan_place").input("天山区局三楼会议室")
    at.button(key=f"FormSubmitter:plan_{case_id}-保存约谈方案").click()
    at.run()
    assert not at.exception and "已保存" in texts(at)
    labels = [d.label for d in at.get("download_button")]
    assert "下载整改建议书（DOCX）" in labels and "下载整改通知书（DOCX）" not in labels
    at.button(key="step_finish_plan").click()  # all eight items are filled
    at.run()
    assert at.metric[0].value == "告知"

    from dashboard.ui import casework, drafts

    actor = _named("tianshan")
    view = casework.load(actor, case_id)
    fields, source = drafts.paper_fields(actor, case_id)
    assert view.plan["time_place"] == "时间：2026年12月10日 10:00\n地点：天山区局三楼会议室"
    assert source == "saved"
    ctx = casework.paper_context(view, fields)
    notice = _docx_text(casework.docx_bytes(PaperKind.NOTICE, ctx))
    assert "2026年12月10日10时" in notice and "天山区局三楼会议室" in notice
    rectify = _docx_text(casework.docx_bytes(PaperKind.RECTIFICATION_NOTICE, ctx))
    assert "整改建议书" in rectify
    assert (
        "涉嫌存在预付式消费退款问题" in rectify
        and "《中华人民共和国消费者权益保护法》第五十三条" in rectify
    )
    assert "2026年12月31日前" in rectify  # the draft's deadline: 15 working days after 12月10日

    at.switch_page("pages/drafting.py").run()
    assert at.date_input(key=f"draft_date_{case_id}").value == PLANNED.date()


def test_app_case_history_in_chinese_with_readable_times(app_db):
    case_id = add_case(app_db, "tianshan", "650102", 2, "天山区事项")
    _to_planning(app_db, case_id)
    at = _open_case(sign_in("tianshan"), case_id)
    timeline = at.dataframe[-1].value
    actions = list(timeline["操作"])
    assert "签署审批意见（业务处（科）室负责人）" in actions
    assert "签署审批意见（分管局领导）" in actions
    assert not any(re.fullmatch(r"[a-z_]+", a) for a in actions)
    assert all(
        re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d", str(v)) for v in timeline["时间"]
    )


def test_app_worklist_shows_cases_waiting_for_the_leaders_approval(app_db):
    from dashboard import cases

    waiting = add_case(app_db, "tianshan", "650102", 3, "待审批事项")
    add_case(app_db, "tianshan", "650102", 4, "刚登记事项")
    with _session(app_db) as s:
        cases.transition(s, _actor(s, "tianshan"), waiting, "submit")
    leader = sign_in("tianshan_leader")  # lands on 总览
    assert not leader.exception
    assert "待我处理" in texts(leader)
    assert [tab.label for tab in leader.tabs][:1] == ["待审批（1）"]
    assert list(leader.dataframe[0].value["约谈事项"]) == ["待审批事项"]
    leader.button(key="wl_open_overview_0").click()
    leader.run()
    assert not leader.exception and leader.metric[0].value == "审批"

    handler = sign_in("tianshan").switch_page("pages/cases.py").run()
    labels = [tab.label for tab in handler.tabs]
    assert "待提交审批（1）" in labels and "待审批（1）" not in labels


def _to_interview(url: str, case_id: int) -> None:
    from dashboard import cases, interviews, messages

    _to_planning(url, case_id)
    with _session(url) as s:
        h = _actor(s, "tianshan")
        case = cases.get_case(s, h, case_id)
        case = interviews.set_schedule(s, h, case_id, PLANNED, "天山区局会议室", case.version)
        case = interviews.set_plan(s, h, case_id, dict.fromkeys(messages.PLAN_ITEMS, "已填写"),
                                   case.version)  # fmt: skip
        case = cases.transition(s, h, case_id, "finish_plan", expected_version=case.version)
        case = interviews.record_notice(s, h, case_id, dt.date(2026, 12, 3), "written",
                                        case.version)  # fmt: skip
        cases.transition(s, h, case_id, "notify", expected_version=case.version)
        interviews.add_person(s, h, case_id, "interviewer", "张科长")
        interviews.add_person(s, h, case_id, "recorder", "王记录")


def test_app_record_person_edited_and_removed_time_defaults_to_plan(app_db):
    from dashboard.ui import casework

    case_id = add_case(app_db, "tianshan", "650102", 5, "天山区事项")
    _to_interview(app_db, case_id)
    at = _open_case(sign_in("tianshan"), case_id)
    place = next(w for w in at.text_input if w.label == "约谈地点")
    assert place.value == "天山区局会议室"  # the record starts from the planned place
    assert at.date_input[0].value == PLANNED.date()
    persons = casework.load(_named("tianshan"), case_id).persons
    first, second = persons[0].id, persons[1].id
    at.button(key=f"edit_{first}").click()
    at.run()
    form_name = next(w for w in at.text_input if w.label == "姓名" and w.value == "张科长")
    form_name.input("张处长")
    at.button(key=f"FormSubmitter:edit_person_{first}-保存修改").click()
    at.run()
    at.button(key=f"remove_{second}").click()
    at.run()
    assert not at.exception
    names = [p.name for p in casework.load(_named("tianshan"), case_id).persons]
    assert names == ["张处长"]
    actions = list(at.dataframe[-1].value["操作"])
    assert "修改约谈人员" in actions and "删除约谈人员" in actions
