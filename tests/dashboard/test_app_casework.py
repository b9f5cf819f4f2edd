"""Case work through the UI: a transition by button (role-checked, audited), the new-case
form's Chinese validation errors, and the drafting workspace (run, check, save)."""

from __future__ import annotations

from tests.dashboard.app_support import (
    add_case,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    saved_drafts,
    sign_in,
    texts,
    wait_for_index,
)


def _open_case(at, case_id: int):
    at.switch_page("pages/cases.py").run()
    at.selectbox(key="cases_open").set_value(case_id)
    at.button(key="cases_open_button").click()
    return at.run()


def test_app_case_transition_by_button_is_audited(app_db):
    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    leader = _open_case(sign_in("tianshan_leader"), case_id)
    assert "step_submit" not in [b.key for b in leader.button]  # 提交审批 is the handler's

    at = _open_case(sign_in("tianshan"), case_id)
    assert at.metric[0].value == "登记"
    at.button(key="step_submit").click()
    at.run()
    assert not at.exception
    assert at.metric[0].value == "审批"
    assert "已执行：提交审批" in texts(at)
    timeline = at.dataframe[-1].value
    assert list(timeline["操作"]) == ["登记", "提交审批"]
    assert list(timeline["环节"])[-1] == "登记 → 审批"


def test_app_case_approval_guard_message_in_chinese(app_db):
    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    at = _open_case(sign_in("tianshan"), case_id)
    at.button(key="step_submit").click()
    at.run()
    approver = _open_case(sign_in("urumqi_approver"), case_id)
    approver.button(key="step_approve").click()
    approver.run()
    assert "暂不能执行“批准约谈”" in texts(approver)
    assert "缺少分管局领导审批意见" in texts(approver)


def test_app_new_case_form_shows_validation_errors_in_chinese(app_db):
    at = sign_in("tianshan")
    at.text_input(key="new_title").input("预付卡退款问题")
    at.text_input(key="new_party_1_name").input("某某美容有限公司")
    at.text_input(key="new_party_1_code").input("91650102MA12345678")
    at.button(key="FormSubmitter:new_case-登记").click()
    at.run()
    assert "统一社会信用代码不正确" in texts(at)

    from tests.dashboard.helpers import valid_credit_code

    at.text_input(key="new_party_1_code").input(valid_credit_code(9))
    at.button(key="FormSubmitter:new_case-登记").click()
    at.run()
    assert not at.exception
    assert "已登记：YT" in texts(at)
    assert at.metric[0].value == "登记"


def test_app_drafting_runs_checks_and_saves(app_db, tmp_path):
    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    wait_for_index()
    at = sign_in("tianshan")
    at.switch_page("pages/drafting.py").run()
    at.button(key="draft_run").click()
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "《中华人民共和国消费者权益保护法》第五十三条" in [e.label for e in at.expander]
    assert "草稿中的" in shown and "均已在法规库中核实" in shown
    downloads = [d.label for d in at.get("download_button")]
    assert "下载消费维权行政约谈通知书（DOCX）" in downloads
    assert "draft_save_confirm" not in [c.key for c in at.checkbox]  # all verified: no question

    key = f"ytt_draft_text_{case_id}_legal_basis"
    at.text_area(key=key).input(
        at.text_area(key=key).value + "\n依据《消费者权益保护法》第九百条。"
    )
    at.run()
    assert "以下引用未能在法规库中核实" in texts(at)

    at.button(key="draft_save").click()
    at.run()
    assert "尚未保存" in texts(at) and "草稿已保存到案件" not in texts(at)
    assert saved_drafts(app_db, "tianshan", case_id).texts == {}  # nothing saved unconfirmed

    at.checkbox(key="draft_save_confirm").check()
    at.button(key="draft_save").click()
    at.run()
    assert "草稿已保存到案件" in texts(at)
    saved = saved_drafts(app_db, "tianshan", case_id)
    assert "第九百条" in saved.texts["legal_basis"]
    assert not (tmp_path / "data" / "drafts").exists()  # in the database, not in files

    again = sign_in("tianshan")
    again.switch_page("pages/drafting.py").run()
    again.button(key="draft_run").click()
    again.run()
    assert "第九百条" in again.text_area(key=key).value  # the saved text reopens
    assert "已保存的草稿" in texts(again)


def test_app_new_case_industry_is_a_choice_and_case_page_shows_figures(app_db):
    from tests.dashboard.helpers import valid_credit_code

    at = sign_in("tianshan")
    industry = at.selectbox(key="new_industry")
    assert industry.options[-1] == "其他" and "美容美发洗浴" in industry.options
    code = valid_credit_code(11)
    at.text_input(key="new_title").input("预付卡退款问题")
    industry.set_value("美容美发洗浴")
    at.number_input(key="new_complaints").set_value(35)
    at.text_input(key="new_amount").input("120000")
    at.text_input(key="new_party_1_name").input("某某美容有限公司")
    at.text_input(key="new_party_1_code").input(code)
    at.button(key="FormSubmitter:new_case-登记").click()
    at.run()
    assert not at.exception
    shown = texts(at)
    assert f"统一社会信用代码：{code}" in shown
    assert "投诉数量**：35 件" in shown and "120,000.00 元" in shown
    assert "**行业**：美容美发洗浴" in shown


def test_app_drafting_new_run_can_replace_the_saved_drafts(app_db):
    """Saved drafts reopen after a new run; one click puts the new run in the editor (e.g.
    after importing a rule), and saving then replaces the case's drafts."""
    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    wait_for_index()
    key = f"ytt_draft_text_{case_id}_legal_basis"
    at = sign_in("tianshan")
    at.switch_page("pages/drafting.py").run()
    at.button(key="draft_run").click().run()
    at.text_area(key=key).input("旧草稿：只有这一句。")
    at.run()
    at.button(key="draft_save").click().run()
    assert saved_drafts(app_db, "tianshan", case_id).texts["legal_basis"] == "旧草稿：只有这一句。"

    again = sign_in("tianshan")
    again.switch_page("pages/drafting.py").run()
    again.button(key="draft_run").click().run()
    assert again.text_area(key=key).value == "旧草稿：只有这一句。"
    again.button(key="draft_use_new").click().run()
    assert not again.exception
    assert "第五十三条" in again.text_area(key=key).value
    assert "点击“保存到案件”才会替换它" in texts(again)
    assert saved_drafts(app_db, "tianshan", case_id).texts["legal_basis"] == "旧草稿：只有这一句。"
    again.button(key="draft_save").click().run()
    assert "第五十三条" in saved_drafts(app_db, "tianshan", case_id).texts["legal_basis"]


def _sign_approval(at, case_id: int):
    at.button(key=f"FormSubmitter:approval_{case_id}-签署意见").click()
    return at.run()


def test_app_approval_selector_skips_a_line_another_signed(app_db):
    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    at = _open_case(sign_in("tianshan"), case_id)
    at.button(key="step_submit").click()
    at.run()
    approver = _open_case(sign_in("urumqi_approver"), case_id)
    assert next(s for s in approver.selectbox if s.label == "审批栏目").value == "section_head"
    _sign_approval(approver, case_id)
    assert not approver.exception

    leader = _open_case(sign_in("tianshan_leader"), case_id)
    shown = texts(leader)
    assert "**业务处（科）室负责人**：urumqi_approver　同意" in shown
    assert "**分管局领导**：（未签署）" in shown
    selector = next(s for s in leader.selectbox if s.label == "审批栏目")
    assert selector.value == "deputy"  # not the line the approver signed
    assert "业务处（科）室负责人（已由urumqi_approver签署）" in selector.options
    _sign_approval(leader, case_id)
    assert not leader.exception
    shown = texts(leader)
    assert "**业务处（科）室负责人**：urumqi_approver　同意" in shown
    assert "**分管局领导**：tianshan_leader　同意" in shown

    # now the leader's own line is offered first; choosing the approver's line is refused
    selector = next(s for s in leader.selectbox if s.label == "审批栏目")
    assert selector.value == "deputy"
    selector.set_value("section_head")
    _sign_approval(leader, case_id)
    assert "一栏已由urumqi_approver签署，不能覆盖他人的意见" in texts(leader)


def test_app_recusal_needs_a_reason_and_strikes_the_person_through(app_db):
    from dashboard.ui import casework
    from tests.dashboard.test_app_case_papers import _named, _to_interview

    case_id = add_case(app_db, "tianshan", "650102", 5, "天山区事项")
    _to_interview(app_db, case_id)  # 张科长 (interviewer) and 王记录 (recorder)
    at = _open_case(sign_in("tianshan"), case_id)
    first = casework.load(_named("tianshan"), case_id).persons[0]
    assert first.name == "张科长"
    at.button(key=f"recuse_{first.id}").click()
    at.run()
    submit = f"FormSubmitter:recuse_person_{first.id}-确认回避"
    at.button(key=submit).click()
    at.run()
    assert "请填写回避理由" in texts(at)  # refused: nothing recorded, the form stays
    assert not casework.load(_named("tianshan"), case_id).persons[0].recused

    at.text_input(key=f"form_{case_id}_recuse_{first.id}").input("系约谈对象股东亲属")
    at.button(key=submit).click()
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "~~约谈人：张科长~~　**已回避**：系约谈对象股东亲属" in shown
    assert "约谈人员不得少于两人（回避人员不计）" in shown
    assert f"recuse_{first.id}" not in [b.key for b in at.button]
    assert "回避" in list(at.dataframe[-1].value["操作"])


def test_app_case_info_corrected_on_the_case_page(app_db):
    from tests.dashboard.app_support import _actor
    from tests.dashboard.test_app_case_papers import _session

    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    leader = _open_case(sign_in("tianshan_leader"), case_id)
    assert "编辑案件信息" not in [e.label for e in leader.expander]  # leaders do not edit cases
    at = _open_case(sign_in("tianshan"), case_id)
    other = _open_case(sign_in("tianshan"), case_id)
    assert "**约谈事由**：预付式消费拒不退款" in texts(at)
    assert "编辑案件信息" in [e.label for e in at.expander]
    save = f"FormSubmitter:case_edit_{case_id}-保存案件信息"

    at.button(key=save).click()
    at.run()
    assert "没有改动任何项目" in texts(at)
    at.selectbox(key=f"form_{case_id}_edit_industry").set_value("美容美发洗浴")
    at.text_input(key=f"form_{case_id}_edit_reason").input("预付卡停业拒不退款")
    at.button(key=save).click()
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "已保存" in shown and "**约谈事由**：预付卡停业拒不退款" in shown
    assert "**行业**：美容美发洗浴" in shown
    assert list(at.dataframe[-1].value["意见"])[-1] == "行业、约谈事由"

    # a page opened before that save is refused and keeps its input
    other.text_input(key=f"form_{case_id}_edit_reason").input("乙的改动")
    other.button(key=save).click()
    other.run()
    assert "该案件已被他人修改，请刷新后重新填写" in texts(other)
    assert other.text_input(key=f"form_{case_id}_edit_reason").value == "乙的改动"
    with _session(app_db) as s:
        from dashboard import cases

        stored = cases.get_case(s, _actor(s, "tianshan"), case_id)
        assert (stored.reason, stored.industry) == ("预付卡停业拒不退款", "美容美发洗浴")


def test_app_step_comment_does_not_carry_over_to_the_next_step(app_db):
    import datetime as dt

    from dashboard import cases, interviews, messages
    from tests.dashboard.app_support import _actor
    from tests.dashboard.test_app_case_papers import _session, _to_planning

    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    _to_planning(app_db, case_id)
    with _session(app_db) as s:
        h = _actor(s, "tianshan")
        case = cases.get_case(s, h, case_id)
        case = interviews.set_plan(s, h, case_id, dict.fromkeys(messages.PLAN_ITEMS, "已填写"),
                                   case.version)  # fmt: skip
        case = cases.transition(s, h, case_id, "finish_plan", expected_version=case.version)
        interviews.record_notice(s, h, case_id, dt.date.today(), "phone", case.version)
    at = _open_case(sign_in("tianshan"), case_id)
    assert at.metric[0].value == "告知"
    at.text_input(key=f"comment_{case_id}_notification").input("已电话告知法定代表人")
    at.button(key="step_notify").click()
    at.run()
    assert not at.exception
    assert at.metric[0].value == "实施约谈"
    box = next(w for w in at.text_input if w.label == "意见或理由")
    assert box.key == f"comment_{case_id}_interview"
    assert box.value == ""  # the next step starts empty
    at.button(key="step_find_violation").click()  # needs its own reason, not the old one
    at.run()
    assert "此操作需要填写意见或理由" in texts(at)
    assert at.metric[0].value == "实施约谈"


def test_app_party_credit_code_added_on_the_case_page(app_db):
    from tests.dashboard.helpers import valid_credit_code

    case_id = add_case(app_db, "tianshan", "650102", 1, "天山区事项")
    at = _open_case(sign_in("tianshan"), case_id)
    assert "修改约谈对象信息" in [e.label for e in at.expander]
    save = f"FormSubmitter:party_edit_{case_id}_0-保存约谈对象信息"
    at.text_input(key=f"form_{case_id}_edit_party_0_credit_code").input("123")
    at.button(key=save).click()
    at.run()
    assert not at.exception and "统一社会信用代码" in texts(at) and "已保存" not in texts(at)
    code = valid_credit_code(97)
    at.text_input(key=f"form_{case_id}_edit_party_0_credit_code").input(code)
    at.button(key=save).click()
    at.run()
    assert not at.exception and "已保存" in texts(at)
    assert f"统一社会信用代码：{code}" in texts(at)
