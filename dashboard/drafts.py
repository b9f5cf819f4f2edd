"""Drafts saved with a case: the edited Markdown of each paper kind, stored in ``case_drafts``.

Saving needs the ``edit_case`` permission and the case in the actor's jurisdiction (the same
checks as ``cases.update_case``); reading needs only the scope (``cases.get_case``). Every save
writes an audit row naming the kinds saved. Kinds are the assistant's paper ids
(``legal_basis``, ``outline``, ...); this module only checks that they look like ids.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.papers import PaperKind
from dashboard import workflow
from dashboard.cases import get_case
from dashboard.db import SavedDraft, now
from dashboard.errors import ValidationError
from dashboard.users import Actor, require_permission

log = logging.getLogger(__name__)

KIND = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_CHARS = 200_000  # one paper; far above any real draft, keeps a pasted file out


@dataclass(frozen=True)
class SavedDrafts:
    """The drafts saved with a case; empty ``texts`` (and None fields) when none were saved."""

    texts: dict[str, str] = field(default_factory=dict)
    interview_date: dt.date | None = None
    saved_at: dt.datetime | None = None
    saved_by: int | None = None


def _check(texts: dict[str, str]) -> None:
    if not texts:
        raise ValidationError({"drafts": "validation.required"})
    problems = {}
    for kind, text in texts.items():
        if not isinstance(kind, str) or not KIND.match(kind):
            problems["drafts"] = "validation.choice"
        elif not isinstance(text, str) or len(text) > MAX_CHARS:
            problems["drafts"] = "validation.draft_too_long"
    if problems:
        raise ValidationError(problems)


def save_drafts(
    session: Session,
    actor: Actor,
    case_id: int,
    texts: dict[str, str],
    interview_date: dt.date | None,
) -> int:
    """Store each kind's text with the case (replacing what was saved); returns how many."""
    require_permission(actor, "edit_case")
    case = get_case(session, actor, case_id)
    _check(texts)

    stmt = select(SavedDraft).where(SavedDraft.case_id == case.id)
    existing = {row.kind: row for row in session.scalars(stmt)}
    at = now()
    for kind, text in texts.items():
        row = existing.get(kind) or SavedDraft(case_id=case.id, kind=kind)
        row.text, row.interview_date = text, interview_date
        row.saved_at, row.saved_by = at, actor.id
        session.add(row)

    titles = "、".join(_kind_title(kind) for kind in sorted(texts))
    workflow.audit(session, case, actor, "save_drafts", comment=titles)
    session.flush()
    log.info("%s drafts of case %s saved by user %s", len(texts), case.id, actor.id)
    return len(texts)


def load_drafts(session: Session, actor: Actor, case_id: int) -> SavedDrafts:
    """The drafts saved with the case (scope-checked); the latest save's date and author."""
    case = get_case(session, actor, case_id)
    rows = list(session.scalars(select(SavedDraft).where(SavedDraft.case_id == case.id)))
    if not rows:
        return SavedDrafts()
    latest = max(rows, key=lambda r: (r.saved_at, r.id))
    return SavedDrafts(
        texts={r.kind: r.text for r in rows},
        interview_date=latest.interview_date,
        saved_at=latest.saved_at,
        saved_by=latest.saved_by,
    )


def _kind_title(kind: str) -> str:
    """The Chinese title of a paper kind for the case history (the id if it is not a paper)."""
    try:
        return PaperKind(kind).title
    except ValueError:
        return kind
