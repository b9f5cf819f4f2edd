"""Follow-up duties of the regulation: filing the record with the level above (备案, art. 8),
约谈提醒 from the level above becoming a task for a lower unit (arts. 8, 9(7)), 消费提示/警示
for common problems (art. 17) and the 24-hour report of major situations (art. 17)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import cases, jurisdictions, messages, workflow
from dashboard.db import Case, ConsumerAlert, MajorSituation, Reminder, now
from dashboard.errors import NotFound, OutOfScope, ValidationError
from dashboard.users import Actor, require_permission

log = logging.getLogger(__name__)
REPORT_WITHIN = dt.timedelta(hours=24)


def file_with_upper(session: Session, actor: Actor, case_id: int, expected_version: int) -> Case:
    """备案: send the signed record to the level above the case's jurisdiction."""
    case = cases.get_case(session, actor, case_id)
    require_permission(actor, "edit_case")
    workflow.check_version(case, expected_version)
    if case.record is None or not case.record.closed:
        raise workflow.GuardFailed("file_with_upper", ["guard.record_not_closed"])
    upper = jurisdictions.upper_of(session, case.jurisdiction_code)
    case.filed_upper_on = dt.date.today()
    case.filed_upper_to = upper.code if upper else case.jurisdiction_code
    workflow.audit(session, case, actor, "file_with_upper", comment=case.filed_upper_to)
    workflow.flush(session, case)
    return case


def unfiled_cases(session: Session, actor: Actor) -> list[Case]:
    """Cases with a closed record not yet filed with the level above."""
    stmt = (
        select(Case)
        .where(jurisdictions.scope_clause(actor), Case.interview_date.is_not(None))
        .where(Case.filed_upper_on.is_(None))
        .order_by(Case.interview_date)
    )
    return list(session.scalars(stmt))


def issue_reminder(
    session: Session, actor: Actor, to_code: str, subject: str, details: str = ""
) -> Reminder:
    """约谈提醒 to a unit strictly below the actor's jurisdiction."""
    require_permission(actor, "issue_reminder")
    if not subject.strip():
        raise ValidationError({"title": "validation.required"})
    inside = jurisdictions.covers(session, actor.jurisdiction_code, to_code)
    if to_code == actor.jurisdiction_code or not inside:
        raise ValidationError({"jurisdiction_code": "validation.lower_level_only"})
    reminder = Reminder(
        from_code=actor.jurisdiction_code,
        to_code=to_code,
        subject=subject.strip(),
        details=details,
        created_by=actor.id,
    )
    session.add(reminder)
    workflow.audit(session, None, actor, "issue_reminder", comment=f"to {to_code}")
    session.flush()
    return reminder


def open_reminders(session: Session, actor: Actor) -> list[Reminder]:
    """Reminders addressed to the actor's unit or a unit below it, not yet acted on."""
    stmt = select(Reminder).where(Reminder.status == "open").order_by(Reminder.created_at)
    return [
        r
        for r in session.scalars(stmt)
        if jurisdictions.covers(session, actor.jurisdiction_code, r.to_code)
    ]


def open_case_from_reminder(
    session: Session, actor: Actor, reminder_id: int, draft: cases.CaseDraft
) -> Case:
    """Register the case a reminder asks for (trigger 上级约谈提醒) and close the reminder."""
    reminder = session.get(Reminder, reminder_id)
    if reminder is None:
        raise NotFound("reminder", reminder_id)
    if reminder.status != "open":
        raise ValidationError({"reminder": "validation.reminder_closed"})
    if not jurisdictions.covers(session, actor.jurisdiction_code, reminder.to_code):
        raise OutOfScope(actor.id, reminder.to_code)
    draft.trigger, draft.reminder_id = "upper_reminder", reminder.id
    case = cases.create_case(session, actor, draft)
    reminder.status = "case_opened"
    session.flush()
    return case


def issue_alert(
    session: Session, actor: Actor, kind: str, title: str, body: str, case_ids: list[int]
) -> ConsumerAlert:
    """消费提示 ('tip') or 消费警示 ('warning') based on cases in the actor's scope."""
    require_permission(actor, "issue_alert")
    if kind not in messages.ALERT_KINDS:
        raise ValidationError({"kind": "validation.alert_kind"})
    if not title.strip() or not body.strip():
        raise ValidationError({"title": "validation.required"})
    for case_id in case_ids:
        cases.get_case(session, actor, case_id)
    alert = ConsumerAlert(
        kind=kind,
        title=title.strip(),
        body=body.strip(),
        jurisdiction_code=actor.jurisdiction_code,
        case_ids={"ids": list(case_ids)},
        issued_by=actor.id,
    )
    session.add(alert)
    workflow.audit(session, None, actor, f"issue_alert_{kind}", comment=title.strip())
    session.flush()
    return alert


def list_alerts(session: Session, actor: Actor) -> list[ConsumerAlert]:
    stmt = select(ConsumerAlert).order_by(ConsumerAlert.issued_at.desc())
    return [
        a
        for a in session.scalars(stmt)
        if jurisdictions.covers(session, actor.jurisdiction_code, a.jurisdiction_code)
        or jurisdictions.covers(session, a.jurisdiction_code, actor.jurisdiction_code)
    ]


@dataclass(frozen=True)
class PendingReport:
    situation_id: int
    case_id: int
    occurred_at: dt.datetime
    due_at: dt.datetime
    overdue: bool


def note_major_situation(
    session: Session, actor: Actor, case_id: int, occurred_at: dt.datetime, summary: str
) -> MajorSituation:
    """Record a special or major situation; it must be reported within 24 hours."""
    case = cases.get_case(session, actor, case_id)
    if not summary.strip():
        raise ValidationError({"comment": "validation.required"})
    item = MajorSituation(case_id=case.id, occurred_at=occurred_at, summary=summary.strip())
    session.add(item)
    workflow.audit(session, case, actor, "note_major_situation")
    session.flush()
    return item


def report_major_situation(
    session: Session,
    actor: Actor,
    situation_id: int,
    reported_to: str,
    at: dt.datetime | None = None,
) -> MajorSituation:
    item = session.get(MajorSituation, situation_id)
    if item is None:
        raise NotFound("situation", situation_id)
    case = cases.get_case(session, actor, item.case_id)
    item.reported_at, item.reported_to = at or now(), reported_to
    late = item.reported_at - item.occurred_at > REPORT_WITHIN
    workflow.audit(session, case, actor, "report_major_situation", comment="late" if late else "")
    session.flush()
    return item


def pending_major_reports(
    session: Session, actor: Actor, at: dt.datetime | None = None
) -> list[PendingReport]:
    """Unreported major situations in scope, with their 24-hour due time and overdue flag."""
    at = at or now()
    stmt = (
        select(MajorSituation)
        .join(Case, Case.id == MajorSituation.case_id)
        .where(jurisdictions.scope_clause(actor), MajorSituation.reported_at.is_(None))
        .order_by(MajorSituation.occurred_at)
    )
    return [
        PendingReport(
            m.id,
            m.case_id,
            m.occurred_at,
            m.occurred_at + REPORT_WITHIN,
            at > m.occurred_at + REPORT_WITHIN,
        )
        for m in session.scalars(stmt)
    ]
