"""The papers printed from the case page carry what was signed and saved in the system: the
审批表's opinions with names and dates, the plan's invited units, the notice's materials."""

from __future__ import annotations

import datetime as dt
import io

import docx

from assistant.papers import PaperKind, Party
from dashboard import draft_sections
from dashboard.ui import casework

APPROVAL = {
    "applicant": {"by": 5, "name": "张承办", "opinion": "拟约谈", "at": "2026-12-01T09:30:00"},
    "section_head": {"by": 6, "name": "李科长", "opinion": "同意", "at": "2026-12-01T15:00:00"},
    "deputy": {"by": 7, "name": "王副局长", "opinion": "同意约谈", "at": "2026-12-02T10:00:00"},
    "principal": {"by": 8, "name": "赵局长", "opinion": "同意", "at": "2026-12-03T11:00:00"},
}
PLAN = {
    "participants": "主约谈人：李科长\n参加人员：张承办\n受邀代表：区消费者协会代表、区商务局",
    "materials": "1. 营业执照副本复印件\n2. 预付卡销售台账\n3. 退款处理记录",
}


def _view(**changes) -> casework.CaseView:
    base = dict(
        id=1, case_no="YT2026-650102-000001", title="预付卡退费问题", state="planning",
        version=3, jurisdiction_code="650102", jurisdiction_name="天山区",
        handling_unit="消费者权益保护科", trigger="data_analysis", problem_category="prepaid",
        industry="", reason="预付卡退费难", facts="", complaint_count=12, is_major=True,
        is_demo=False, opened_on=dt.date(2026, 11, 30), interview_date=None,
        rectification_due=None, due_unverified=False, guidance="", approval=APPROVAL,
        plan=PLAN, notice_issued_on=None, parties=[Party("乌鲁木齐某健身有限公司")],
        planned_at=dt.datetime(2026, 12, 11, 10, 0), planned_place="区局三楼会议室",
    )  # fmt: skip
    return casework.CaseView(**{**base, **changes})


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_case_papers_approval_form_shows_signed_opinions_and_invited_units():
    text = _text(casework.docx_bytes(PaperKind.APPROVAL, casework.paper_context(_view())))
    assert "申请人：张承办（意见：拟约谈）" in text and "2026年12月1日" in text
    assert "业务处（科）室负责人：李科长（意见：同意）" in text
    assert "同意约谈" in text and "签字：王副局长" in text and "2026年12月2日" in text
    assert "签字：赵局长" in text and "2026年12月3日" in text  # 主要领导, major matter
    assert "区消费者协会代表、区商务局" in text


def test_case_papers_approval_form_leaves_unsigned_lines_blank():
    view = _view(approval={"applicant": APPROVAL["applicant"]}, is_major=False, plan={})
    text = _text(casework.docx_bytes(PaperKind.APPROVAL, casework.paper_context(view)))
    assert "申请人：张承办" in text
    assert "业务处（科）室负责人：________" in text and "签字：________" in text
    assert "主要领导" not in text


def test_case_papers_notice_lists_the_plans_materials():
    text = _text(casework.docx_bytes(PaperKind.NOTICE, casework.paper_context(_view())))
    for item in ("营业执照副本复印件", "预付卡销售台账", "退款处理记录"):
        assert item in text
    assert "1. ________" not in text


def test_case_papers_record_persons_invited_win_over_the_plan():
    from dashboard.people import PersonView

    person = PersonView(1, "invited", "钱代表", "区消费者协会", "", "", False, False, False)
    ctx = casework.paper_context(_view(persons=[person]))
    assert tuple(ctx.invited) == ("钱代表（区消费者协会）",)


def test_draft_sections_plan_lists_ignore_blanks_and_numbering():
    assert draft_sections.plan_list("1、甲\n（二）乙\n- 丙\n________\n") == ("甲", "乙", "丙")
    assert draft_sections.plan_invited("受邀代表：________") == ()
    assert draft_sections.plan_invited("受邀单位（人员）：区消协，区商务局") == (
        "区消协",
        "区商务局",
    )


def test_case_papers_drafting_input_takes_materials_and_invited_from_the_plan():
    from dashboard.ui import drafts

    given = drafts.case_input(_view())
    assert given.materials == ("营业执照副本复印件", "预付卡销售台账", "退款处理记录")
    assert given.invited == ("区消费者协会代表", "区商务局")
