"""Audit comments shown on the case timeline are Chinese: a confirmed duplicate names the
earlier case, plan and field updates list their Chinese titles."""

from __future__ import annotations

from dashboard import cases, db, interviews
from tests.dashboard.helpers import approve, draft


def test_audit_texts_duplicate_plan_and_update_in_chinese(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        first = cases.create_case(s, h, draft())
        again = cases.create_case(s, h, draft(title="再次约谈"), confirm_duplicate=True)
        created = cases.audit_trail(s, h, again.id)[0].comment
        assert created == f"经确认与案件 {first.case_no} 为同一事项，仍予登记"
        case = cases.update_case(s, h, first.id, first.version, title="新标题", is_major=True)
        assert cases.audit_trail(s, h, first.id)[-1].comment == "约谈事项、重大问题"
        approve(s, actors, case.id, major=True)
        version = cases.get_case(s, h, case.id).version
        interviews.set_plan(s, h, case.id, {"matters": "预付款", "party_info": "某公司"}, version)
        last = cases.audit_trail(s, h, case.id)[-1]
    assert (last.action, last.comment) == ("set_plan", "约谈对象基本信息、约谈的事项（内容）")


def test_not_found_names_what_was_missing_in_chinese(world):
    """A deleted or foreign record is named as users call it (案件, 用户), not by a code word."""
    from dashboard import users
    from dashboard.errors import NotFound

    engine, actors = world
    with db.session_scope(engine) as s:
        for lookup, kind in ((lambda: cases.get_case(s, actors["tianshan"], 999999), "案件"),
                             (lambda: users.actor_for(s, 999999), "用户")):  # fmt: skip
            try:
                lookup()
            except NotFound as err:
                text = err.user_text()
            else:
                raise AssertionError("a missing record was found")
            assert f"未找到该{kind}（999999）" in text
            assert not any("a" <= ch.lower() <= "z" for ch in text)
