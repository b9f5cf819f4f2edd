"""The drafting workspace's glue: a case as the assistant's input, running the drafter, the
citation check of edited drafts, DOCX of edited Markdown, and saving drafts with the case.

The case domain has no field for drafts, so saved drafts are files under the data folder,
one folder per case id: ``<data_dir>/drafts/<case_id>/<kind>.md`` plus ``meta.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
from pathlib import Path

from assistant.case_input import CaseInput
from assistant.citation_check import check_text
from assistant.docx_layout import write_document
from assistant.drafting import DRAFT_KINDS, Draft, draft_case
from assistant.papers import PaperKind
from assistant.retrieval import LawIndex
from assistant.templates import blocks as b
from dashboard import settings
from dashboard.ui.casework import CaseView
from dashboard.users import Actor

log = logging.getLogger(__name__)

OFFICIAL_PAPERS = (
    PaperKind.NOTICE, PaperKind.RECORD, PaperKind.APPROVAL, PaperKind.RECTIFICATION_NOTICE,
)  # fmt: skip
_MD_LINE = re.compile(r"^(#{1,4})\s+(.*)$")


def case_input(view: CaseView) -> CaseInput:
    """The assistant's view of the case: parties, facts, place and the interview's people."""
    active = [p for p in view.persons if not p.recused]
    return CaseInput(
        parties=tuple(view.parties),
        facts=view.facts or view.reason,
        jurisdiction=view.jurisdiction_name,
        bureau=view.bureau,
        interview_time=view.record_start,
        place=view.record_place,
        interviewers=tuple(p.name for p in active if p.kind == "interviewer"),
        recorder=next((p.name for p in active if p.kind == "recorder"), ""),
        invited=tuple(p.name for p in active if p.kind == "invited"),
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


def folder(case_id: int) -> Path:
    return settings.data_dir() / "drafts" / str(int(case_id))


def load_saved(case_id: int) -> tuple[dict[str, str], dict]:
    """(kind -> Markdown, meta) of the drafts saved with the case; empty when none."""
    base = folder(case_id)
    texts = {k.value: (base / k.filename("md")).read_text(encoding="utf-8")
             for k in DRAFT_KINDS if (base / k.filename("md")).exists()}  # fmt: skip
    meta_path = base / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return texts, meta


def save(case_id: int, actor: Actor, texts: dict[str, str], on_date: dt.date) -> int:
    """Write each draft atomically (temp file, then rename); returns how many were saved."""
    base = folder(case_id)
    base.mkdir(parents=True, exist_ok=True)
    for kind, text in texts.items():
        _atomic_write(base / PaperKind(kind).filename("md"), text)
    meta = {"saved_at": dt.datetime.now().isoformat(timespec="seconds"), "by": actor.id,
            "interview_date": on_date.isoformat(), "kinds": sorted(texts)}  # fmt: skip
    _atomic_write(base / "meta.json", json.dumps(meta, ensure_ascii=False, indent=1))
    log.info("drafts of case %s saved by user %s", case_id, actor.id)
    return len(texts)


def _atomic_write(path: Path, text: str) -> None:
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


# --- DOCX --------------------------------------------------------------------------------


def markdown_blocks(text: str) -> list:
    """Edited Markdown as paper blocks: # title, ## / ### headings, > quotes, - items."""
    out: list = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if m := _MD_LINE.match(line):
            level = len(m.group(1))
            out.append(b.Title(m.group(2)) if level == 1 else b.Heading(level - 1, m.group(2)))
        elif line.startswith(">"):
            out.append(b.Quote(line.lstrip("> ").strip()))
        elif line.startswith(("- ", "* ")):
            out.append(b.Paragraph(line[2:].strip()))
        else:
            out.append(b.Paragraph(line.replace("**", "")))
    return out


def markdown_docx(text: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.docx"
        write_document(markdown_blocks(text), path)
        return path.read_bytes()
