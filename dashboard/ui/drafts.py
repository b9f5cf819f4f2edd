"""The drafting workspace's glue: a case as the assistant's input, running the drafter, the
citation check of edited drafts, DOCX of edited Markdown, and saving drafts with the case.

Saved drafts live in the database through the case domain (``dashboard.drafts``), which checks
the actor's jurisdiction and the ``edit_case`` permission and writes the audit row.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import streamlit as st

from assistant.case_input import CaseInput
from assistant.citation_check import check_text
from assistant.docx_layout import write_document
from assistant.drafting import DRAFT_KINDS, Draft, draft_case
from assistant.papers import PaperKind, unescape_markdown
from assistant.retrieval import LawIndex
from assistant.templates import blocks as b
from dashboard import draft_sections
from dashboard import drafts as saved_drafts
from dashboard.ui import keys, services
from dashboard.ui.casework import CaseView, invited_of
from dashboard.users import Actor

OFFICIAL_PAPERS = (
    PaperKind.NOTICE, PaperKind.RECORD, PaperKind.APPROVAL, PaperKind.RECTIFICATION_NOTICE,
)  # fmt: skip
_MD_LINE = re.compile(r"^(#{1,4})\s+(.*)$")
_BOLD = re.compile(r"(?<!\\)\*\*")  # ** not escaped


def case_input(view: CaseView) -> CaseInput:
    """The assistant's view of the case: parties, facts, place and the interview's people."""
    active = [p for p in view.persons if not p.recused]
    return CaseInput(
        parties=tuple(view.parties),
        facts=view.facts or view.reason,
        jurisdiction=view.jurisdiction_name,
        bureau=view.bureau,
        interview_time=view.interview_start,
        place=view.interview_place,
        interviewers=tuple(p.name for p in active if p.kind == "interviewer"),
        recorder=next((p.name for p in active if p.kind == "recorder"), ""),
        invited=invited_of([p.name for p in active if p.kind == "invited"], active, view.plan),
        materials=draft_sections.plan_list(view.plan.get("materials", "")),
        reason=view.reason,
        department=view.handling_unit,
    )


def run(view: CaseView, index: LawIndex, on_date: dt.date) -> Draft:
    """Draft the case offline (DraftInputError names what is missing)."""
    return draft_case(case_input(view), index, on_date)


def initial_texts(draft: Draft, saved: dict[str, str]) -> dict[str, str]:
    """The editable drafts: what was saved with the case, else the assistant's text."""
    return {k.value: saved.get(k.value) or draft.markdown(k) for k in DRAFT_KINDS}


def unresolved(texts: dict[str, str], index: LawIndex, on_date: dt.date) -> tuple[int, list[str]]:
    """(citations verified, explanations of those that could not be resolved)."""
    verified, flagged = 0, []
    for text in texts.values():
        check = check_text(text, index, on_date)
        verified += len(check.verified)
        flagged += [c.problem for c in check.flagged if c.problem not in flagged]
    return verified, flagged


# --- saved drafts ------------------------------------------------------------------------


def load_saved(actor: Actor, case_id: int) -> saved_drafts.SavedDrafts:
    """The drafts saved with the case (empty when none); OutOfScope outside the actor's area."""
    with services.session() as s:
        return saved_drafts.load_drafts(s, actor, case_id)


def save(case_id: int, actor: Actor, texts: dict[str, str], on_date: dt.date) -> int:
    """Store the edited drafts with the case; returns how many were saved (DashboardError)."""
    with services.session() as s:
        return saved_drafts.save_drafts(s, actor, case_id, texts, on_date)


def paper_fields(actor: Actor, case_id: int) -> tuple[draft_sections.PaperFields, str]:
    """(fields, source) for the case's papers: the drafts saved with the case ("saved"), else
    the draft made on the 起草 page in this session ("session"), else nothing ("none")."""
    saved = load_saved(actor, case_id)
    if saved.texts:
        return draft_sections.from_texts(saved.texts), "saved"
    draft = st.session_state.get(keys.DRAFTS, {}).get(case_id)
    if draft is not None:
        texts = {k.value: draft.markdown(k) for k in DRAFT_KINDS}
        return draft_sections.from_texts(texts), "session"
    return draft_sections.PaperFields(), "none"


# --- DOCX --------------------------------------------------------------------------------


def markdown_blocks(text: str) -> list:
    """Edited Markdown as paper blocks: # title, ## / ### headings, > quotes, - items."""
    out: list = []
    plain = unescape_markdown
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if m := _MD_LINE.match(line):
            level, title = len(m.group(1)), plain(m.group(2))
            out.append(b.Title(title) if level == 1 else b.Heading(level - 1, title))
        elif line.startswith(">"):
            out.append(b.Quote(plain(line.lstrip("> ").strip())))
        elif line.startswith(("- ", "* ")):
            out.append(b.Paragraph(plain(line[2:].strip())))
        else:
            out.append(b.Paragraph(plain(_BOLD.sub("", line))))
    return out


def markdown_docx(text: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.docx"
        write_document(markdown_blocks(text), path)
        return path.read_bytes()
