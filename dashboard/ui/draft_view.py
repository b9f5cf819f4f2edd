"""Rendering a draft: the legal basis with each article's full text and versions, the
editable drafts, the citation check, saving, and DOCX downloads."""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from assistant.drafting import DRAFT_KINDS, Draft
from assistant.errors import AssistantError
from assistant.retrieval import LawIndex
from dashboard import users
from dashboard.errors import DashboardError
from dashboard.ui import casework, drafts, formats, keys, law_versions, paper_downloads, services
from dashboard.ui_messages import t


def reset_editor(case_id: int, fresh: bool = False) -> None:
    """Forget edited texts so the editor shows the drafts anew: the case's saved drafts, or
    with `fresh` the assistant's new run (saving then replaces what the case holds)."""
    for kind in DRAFT_KINDS:
        st.session_state.pop(f"{keys.DRAFT_TEXT}_{case_id}_{kind.value}", None)
    chosen = st.session_state.setdefault(keys.DRAFT_FRESH, set())
    if fresh:
        chosen.add(case_id)
    else:
        chosen.discard(case_id)


def legal_basis(draft: Draft, index: LawIndex) -> None:
    st.markdown(f"#### {t('dr.basis')}")
    basis = draft.basis
    for title_id, entries in (("dr.obligation", basis.obligations),
                              ("dr.liability", basis.liabilities)):  # fmt: skip
        st.markdown(f"**{t(title_id)}**")
        for entry in entries:
            with st.expander(entry.reference):
                st.caption(law_versions.caption(entry.version))
                st.markdown(law_versions.paragraphs(entry.article.text))
                st.caption(t("dr.reason", reason=entry.reason))
                _other_versions(index, entry)


def _other_versions(index: LawIndex, entry) -> None:
    article = entry.article
    text = law_versions.other_versions(index, entry.law_key, article.number, article.suffix,
                                       entry.version.version_id)  # fmt: skip
    if text:
        st.markdown(text)


def editor(actor: users.Actor, view: casework.CaseView, draft: Draft, index, on_date) -> None:
    st.markdown(f"#### {t('dr.edit')}")
    saved = drafts.load_saved(actor, view.id)
    fresh = view.id in st.session_state.get(keys.DRAFT_FRESH, set())
    if saved.saved_at is not None:
        at = formats.moment(saved.saved_at)
        st.caption(t("dr.saved_replaced", at=at) if fresh else t("dr.saved_at", at=at))
        if not fresh and st.button(t("dr.use_new"), key="draft_use_new"):
            reset_editor(view.id, fresh=True)
            st.rerun()
    initial = drafts.initial_texts(draft, {} if fresh else saved.texts)
    tabs = st.tabs([k.title for k in DRAFT_KINDS])
    texts = {}
    for tab, kind in zip(tabs, DRAFT_KINDS, strict=True):
        key = f"{keys.DRAFT_TEXT}_{view.id}_{kind.value}"
        with tab:
            texts[kind.value] = st.text_area(kind.title, initial[kind.value], height=420, key=key)
            st.download_button(t("dr.download_draft", title=kind.title),
                               drafts.markdown_docx(texts[kind.value]),
                               file_name=f"{view.case_no}-{kind.title}.docx",
                               key=f"draft_docx_{kind.value}")  # fmt: skip
    unverified = _check(texts, index, on_date)
    _save(actor, view, texts, on_date, unverified)


def _check(texts: dict[str, str], index: LawIndex, on_date: dt.date) -> bool:
    """Show the citation check; True when some citations could not be verified."""
    verified, flagged = drafts.unresolved(texts, index, on_date)
    if flagged:
        st.error(t("dr.unresolved") + "\n\n" + "\n".join(f"- {p}" for p in flagged))
    else:
        st.success(t("dr.all_resolved", count=verified))
    return bool(flagged)


def _save(actor: users.Actor, view: casework.CaseView, texts, on_date: dt.date,
          unverified: bool) -> None:  # fmt: skip
    """Save to the case; with unverified citations only after an explicit confirmation."""
    if not users.can(actor, "edit_case"):
        st.caption(t("dr.no_permission_save"))
        return
    confirmed = not unverified or st.checkbox(t("dr.save_confirm"), key="draft_save_confirm")
    if st.button(t("dr.save"), key="draft_save", type="primary"):
        if not confirmed:
            st.warning(t("dr.save_confirm_needed"))
            return
        try:
            count = drafts.save(view.id, actor, texts, on_date)
        except DashboardError as err:
            services.show_error(err)
            return
        st.session_state.get(keys.DRAFT_FRESH, set()).discard(view.id)
        st.success(t("dr.saved", case_no=view.case_no, count=count))


def papers(view: casework.CaseView, draft: Draft) -> None:
    st.markdown(f"#### {t('dr.papers')}")
    ctx = dataclasses.replace(draft.context, approvals=casework.approval_signatures(view.approval))
    paper_downloads.render(view.case_no, ctx, drafts.OFFICIAL_PAPERS, key="draft_paper")


def input_error_text(err: AssistantError) -> str:
    """One Chinese sentence naming what the case lacks for drafting (the page's field names,
    not the keys of the command line's case file); other assistant errors as they are."""
    missing = list(getattr(err, "missing", []))
    if "facts" in missing:  # the facts hint already asks for the conduct and the scale
        missing = [k for k in missing if k not in ("conduct", "scale")]
    parts = list(getattr(err, "problems", []))
    if missing:
        fields = "、".join(t(f"dr.need.{k}") for k in missing)
        parts.insert(0, t("dr.input_missing", fields=fields))
    if not parts:
        return err.message_zh or t("common.error", reason=type(err).__name__)
    return t("dr.input_error", reason="".join(parts))
