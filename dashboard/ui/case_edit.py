"""编辑案件信息: correct the descriptive fields of a registered case (``cases.update_case``),
for the roles that may edit cases and while the case is not finished. Only the fields that
were changed are sent, on the version the page was rendered with (``edit_lock``)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import streamlit as st

from dashboard import cases, messages, users
from dashboard.ui import case_steps
from dashboard.ui.casework import CaseView
from dashboard.ui_messages import t


def render(actor: users.Actor, view: CaseView) -> None:
    if not users.can(actor, "edit_case") or view.terminal:
        return
    with st.expander(t("ce.title")), st.form(f"case_edit_{view.id}"):
        st.caption(t("ce.hint"))
        values = _fields(view)
        submitted = st.form_submit_button(t("ce.save"))
    if not submitted:
        return
    changes = _changes(view, values)
    if not changes:
        st.info(t("ce.unchanged"))
        return
    case_steps.run(view.id, lambda s: cases.update_case(s, actor, view.id, view.version,
                                                        **changes))  # fmt: skip


def render_parties(actor: users.Actor, view: CaseView) -> None:
    """修改约谈对象信息: one party at a time (``cases.update_party``)."""
    if not users.can(actor, "edit_case") or view.terminal or not view.parties:
        return
    with st.expander(t("ce.party_title")):
        st.caption(t("ce.party_hint"))
        names = [p.name for p in view.parties]
        position = 0
        if len(names) > 1:
            position = st.selectbox(t("ce.party_pick"), range(len(names)),
                                    format_func=names.__getitem__,
                                    key=_key(view, "party_pick"))  # fmt: skip
        party = view.parties[position]
        k = lambda name: _key(view, f"party_{position}_{name}")  # noqa: E731
        with st.form(f"party_edit_{view.id}_{position}"):
            values = {
                "name": st.text_input(t("form.party_name"), value=party.name, key=k("name")),
                "credit_code": st.text_input(t("form.credit_code"), value=party.credit_code,
                                             help=t("form.credit_code_help"),
                                             key=k("credit_code")),
                "legal_representative": st.text_input(t("form.legal_rep"),
                                                      value=party.legal_rep, key=k("rep")),
                "address": st.text_input(t("form.address"), value=party.address,
                                         key=k("address")),
            }  # fmt: skip
            submitted = st.form_submit_button(t("ce.party_save"))
    if not submitted:
        return
    before = {"name": party.name, "credit_code": party.credit_code,
              "legal_representative": party.legal_rep, "address": party.address}  # fmt: skip
    changes = {f: v.strip() for f, v in values.items() if v.strip() != (before[f] or "").strip()}
    if not changes:
        st.info(t("ce.unchanged"))
        return
    case_steps.run(view.id, lambda s: cases.update_party(s, actor, view.id, position,
                                                         view.version, **changes))  # fmt: skip


def _key(view: CaseView, name: str) -> str:
    return f"form_{view.id}_edit_{name}"  # dropped with the other unsaved inputs on refresh


def _fields(view: CaseView) -> dict:
    k = lambda name: _key(view, name)  # noqa: E731
    title = st.text_input(t("form.title"), value=view.title, key=k("title"))
    cols = st.columns(2)
    trigger = cols[0].selectbox(t("form.trigger"), list(messages.TRIGGERS),
                                index=_index(messages.TRIGGERS, view.trigger),
                                format_func=messages.TRIGGERS.get, key=k("trigger"))  # fmt: skip
    category = cols[1].selectbox(
        t("form.category"), list(messages.PROBLEM_CATEGORIES),
        index=_index(messages.PROBLEM_CATEGORIES, view.problem_category),
        format_func=messages.PROBLEM_CATEGORIES.get, key=k("problem_category"),
    )  # fmt: skip
    cols = st.columns(3)
    unit = cols[0].text_input(t("form.unit"), value=view.handling_unit, key=k("handling_unit"))
    industries = list(messages.INDUSTRIES)
    if view.industry and view.industry not in industries:
        industries.append(view.industry)  # an older or imported value stays choosable
    industry = cols[1].selectbox(
        t("form.industry"), industries,
        index=industries.index(view.industry) if view.industry else None,
        placeholder=t("form.industry_pick"), key=k("industry"),
    )  # fmt: skip
    goods = cols[2].text_input(t("form.goods"), value=view.goods_category,
                               key=k("goods_category"))  # fmt: skip
    reason = st.text_input(t("form.reason"), value=view.reason, key=k("reason"))
    facts = st.text_area(t("form.facts"), value=view.facts, key=k("facts"))
    cols = st.columns(3)
    complaints = cols[0].number_input(t("form.complaints"), value=view.complaint_count, step=1,
                                      help=t("form.complaints_help"),
                                      key=k("complaint_count"))  # fmt: skip
    amount = cols[1].text_input(t("form.amount"), value=_plain_amount(view.amount_involved),
                                key=k("amount_involved"))  # fmt: skip
    major = cols[2].checkbox(t("form.major"), value=view.is_major, key=k("is_major"))
    return {
        "title": title, "trigger": trigger, "problem_category": category,
        "handling_unit": unit, "industry": industry or "", "goods_category": goods,
        "reason": reason, "facts": facts, "complaint_count": int(complaints),
        "amount_involved": amount.strip() or "0", "is_major": major,
    }  # fmt: skip


def _index(choices: dict, current: str) -> int:
    return list(choices).index(current) if current in choices else 0


def _plain_amount(shown: str) -> str:
    """The view's amount (120,000.00) as typed in the form (120000.00)."""
    return shown.replace(",", "")


def _changes(view: CaseView, values: dict) -> dict:
    """The fields whose value differs from the case as shown (text compared without the
    surrounding spaces, the amount as a number)."""
    out = {}
    for name, value in values.items():
        before = getattr(view, name)
        if name == "amount_involved":
            if _same_amount(_plain_amount(before), value):
                continue
        elif isinstance(value, str) and value.strip() == str(before or "").strip():
            continue
        elif not isinstance(value, str) and value == before:
            continue
        out[name] = value.strip() if isinstance(value, str) else value
    return out


def _same_amount(before: str, typed: str) -> bool:
    try:
        return Decimal(before) == Decimal(typed)
    except (InvalidOperation, ValueError):
        return False  # not a number: let the case service say what is wrong
