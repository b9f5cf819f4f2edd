"""The steps between registration and rectification: approval (审批表), interview plan
(约谈方案), notice (通知书/回执) and the interview record (约谈记录) with its persons,
recusals and signatures. Also the workflow guards and effects that enforce them."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy.orm import Session

from assistant.case_input import person_key
from dashboard import cases, identifiers, messages, workdays, workflow
from dashboard.db import Case, InterviewRecord, RecordPerson, now
from dashboard.errors import InterviewNotYetHeld, NotFound, RoleNotPermitted, ValidationError
from dashboard.users import Actor

log = logging.getLogger(__name__)

# Approval steps of the 审批表 and the roles that may sign each.
APPROVAL_STEPS = {
    "applicant": ("handler",),
    "section_head": ("approver", "leader"),
    "deputy": ("leader",),
    "principal": ("leader",),
}
# Lines of the 审批表 that must be signed by different people (art. 11(1)).
DISTINCT_SIGNERS = ("section_head", "deputy", "principal")
PERSON_FIELDS = ("kind", "name", "unit", "is_main", "is_leader", "gender", "ethnicity",
                 "id_number", "phone")  # fmt: skip
MAX_RECORD_TEXT = 20_000  # one record field; far above a real record, keeps a pasted file out


# --- approval, plan, notice -----------------------------------------------------------------


def record_approval(
    session: Session, actor: Actor, case_id: int, step: str, opinion: str, expected_version: int
) -> Case:
    """Sign one line of the approval form; 'principal' needs the 主要领导 (is_principal)."""
    case = cases.get_case(session, actor, case_id)
    workflow.check_version(case, expected_version)
    if step not in APPROVAL_STEPS:
        raise ValidationError({"step": "validation.choice"})
    allowed = APPROVAL_STEPS[step]
    if actor.role not in allowed or (step == "principal" and not actor.is_principal):
        raise RoleNotPermitted(actor.role, f"approval_{step}", allowed)
    _check_not_signed_by_other(case, actor, step)
    _check_distinct_signer(case, actor, step)
    action = _signing_action(case, actor, step, opinion.strip())
    entry = {"by": actor.id, "name": actor.display_name, "opinion": opinion.strip(),
             "at": dt.datetime.now().isoformat(timespec="seconds")}  # fmt: skip
    case.approval = {**(case.approval or {}), step: entry}
    workflow.audit(session, case, actor, action, comment=opinion.strip())
    workflow.flush(session, case)
    return case


def _signing_action(case: Case, actor: Actor, step: str, opinion: str) -> str:
    """The audit action of a signature: a first signature, or the signer changing their own
    opinion; signing one's own line again with the same opinion is refused (no duplicate)."""
    earlier = (case.approval or {}).get(step)
    if earlier is None or earlier.get("by") != actor.id:
        return f"approval_{step}"
    if earlier.get("opinion", "") == opinion:
        raise ValidationError({"approval": "validation.approval_already_signed"})
    return f"approval_{step}_changed"


def _check_not_signed_by_other(case: Case, actor: Actor, step: str) -> None:
    """A line signed by someone else keeps that signature: only its signer may change it."""
    earlier = (case.approval or {}).get(step)
    if earlier is not None and earlier.get("by") != actor.id:
        raise ValidationError(
            {"approval": "validation.approval_signed_by_other"},
            {"step_title": messages.APPROVAL_STEPS[step], "signer": earlier.get("name", "")},
        )


def _check_distinct_signer(case: Case, actor: Actor, step: str) -> None:
    """The section head, the deputy and the principal must be different people."""
    if step not in DISTINCT_SIGNERS:
        return
    for other, entry in (case.approval or {}).items():
        if other != step and other in DISTINCT_SIGNERS and entry.get("by") == actor.id:
            raise ValidationError({"approval": "validation.approval_same_person"})


def set_schedule(
    session: Session,
    actor: Actor,
    case_id: int,
    planned_at: dt.datetime,
    place: str,
    expected_version: int,
) -> Case:
    """The interview's planned time and place (plan item 5, printed on the notice)."""
    case = cases.editable_case(session, actor, case_id, expected_version)
    if not isinstance(planned_at, dt.datetime):
        raise ValidationError({"planned_at": "validation.required"})
    if not place.strip():
        raise ValidationError({"planned_place": "validation.required"})
    if case.notice_issued_on and planned_at.date() < case.notice_issued_on:
        raise ValidationError({"planned_at": "validation.interview_before_notice"})
    case.planned_at, case.planned_place = planned_at.replace(second=0, microsecond=0), place.strip()
    when = f"{planned_at:%Y-%m-%d %H:%M}"
    workflow.audit(session, case, actor, "set_schedule", comment=f"{when} {case.planned_place}")
    workflow.flush(session, case)
    return case


def set_plan(
    session: Session, actor: Actor, case_id: int, items: dict[str, str], expected_version: int
) -> Case:
    """Fill the interview plan; keys are ``messages.PLAN_ITEMS`` (the eight items of art. 11)."""
    case = cases.editable_case(session, actor, case_id, expected_version)
    unknown = set(items) - set(messages.PLAN_ITEMS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "validation.choice"))
    case.plan = {**(case.plan or {}), **{k: str(v).strip() for k, v in items.items()}}
    titles = "、".join(title for key, title in messages.PLAN_ITEMS.items() if key in items)
    workflow.audit(session, case, actor, "set_plan", comment=titles)
    workflow.flush(session, case)
    return case


def record_notice(
    session: Session,
    actor: Actor,
    case_id: int,
    issued_on: dt.date,
    method: str,
    expected_version: int,
    receipt_on: dt.date | None = None,
) -> Case:
    """The party was told (method 'written' with 通知书, or 'phone'); receipt date if returned."""
    case = cases.editable_case(session, actor, case_id, expected_version)
    if method not in ("written", "phone"):
        raise ValidationError({"notice_method": "validation.choice"})
    if case.planned_at and issued_on > case.planned_at.date():
        raise ValidationError({"notice_issued_on": "validation.notice_after_interview"})
    if receipt_on and receipt_on < issued_on:
        raise ValidationError({"receipt_received_on": "validation.receipt_before_notice"})
    case.notice_issued_on, case.notice_method, case.receipt_received_on = (
        issued_on,
        method,
        receipt_on,
    )
    method_title = messages.NOTICE_METHODS[method]
    workflow.audit(session, case, actor, "record_notice", comment=f"{method_title} {issued_on}")
    workflow.flush(session, case)
    return case


# --- record and persons ---------------------------------------------------------------------


def _open_record(
    session: Session, actor: Actor, case_id: int, expected_version: int | None = None
) -> tuple[Case, InterviewRecord]:
    case = cases.editable_case(session, actor, case_id, expected_version)
    if case.record is None:
        case.record = InterviewRecord()
        session.flush()
    if case.record.closed:
        raise ValidationError({"record": "validation.record_closed"})
    return case, case.record


def update_record(
    session: Session,
    actor: Actor,
    case_id: int,
    start_at: dt.datetime,
    end_at: dt.datetime,
    place: str,
    content: str | None = None,
    expected_version: int | None = None,
) -> InterviewRecord:
    """Time, place and (when given) content of the interview record (created on first use);
    ``content=None`` keeps the content already written.

    A stale ``expected_version`` (the case changed since the form was shown) is refused."""
    case, record = _open_record(session, actor, case_id, expected_version)
    if start_at > now():
        raise ValidationError({"start_at": "validation.record_in_future"})
    if end_at < start_at:
        raise ValidationError({"end_at": "validation.end_before_start"})
    record.start_at, record.end_at, record.place = start_at, end_at, place
    if content is not None:
        record.content = content.strip()
    workflow.audit(session, case, actor, "update_record")
    _touch(session, case)
    return record


def set_record_content(
    session: Session,
    actor: Actor,
    case_id: int,
    content: str,
    statement: str,
    expected_version: int | None = None,
) -> InterviewRecord:
    """What was said (约谈情况) and the party's statement and commitments (约谈对象陈述及承诺),
    as the record paper prints them (art. 8: the record reflects process, content and result)."""
    case, record = _open_record(session, actor, case_id, expected_version)
    if len(content) > MAX_RECORD_TEXT or len(statement) > MAX_RECORD_TEXT:
        raise ValidationError({"content": "validation.record_text_too_long"})
    record.content, record.party_statement = content.strip(), statement.strip()
    workflow.audit(session, case, actor, "set_record_content")
    _touch(session, case)
    return record


def _touch(session: Session, case: Case) -> None:
    """A record change is a change of the case: bump its version under the optimistic lock."""
    case.updated_at = dt.datetime.now()
    workflow.flush(session, case)


def _person_problems(kind: str, name: str, id_number: str, phone: str) -> dict[str, str]:
    problems = {}
    if kind not in messages.PERSON_KINDS:
        problems["kind"] = "validation.person_kind"
    if not name.strip():
        problems["name"] = "validation.required"
    if id_number and not identifiers.is_id_number(id_number):
        problems["id_number"] = "validation.id_number"
    if phone and not identifiers.is_phone(phone):
        problems["phone"] = "validation.phone"
    return problems


def add_person(
    session: Session,
    actor: Actor,
    case_id: int,
    kind: str,
    name: str,
    *,
    expected_version: int | None = None,
    **details,
) -> RecordPerson:
    """Add an interviewer, recorder, invited representative or attending party person.

    ``details``: unit, user_id, is_main, is_leader, gender, ethnicity, id_number, phone.
    A person who has declared a conflict of interest in this case cannot be added again.
    A stale ``expected_version`` is refused.
    """
    case, record = _open_record(session, actor, case_id, expected_version)
    id_number = identifiers.normalize(details.pop("id_number", ""))
    phone = identifiers.normalize(details.pop("phone", ""))
    problems = _person_problems(kind, name, id_number, phone)
    if any(p.recused and person_key(p.name) == person_key(name) for p in record.persons):
        problems["person"] = "validation.recused_person"
    elif any(p.kind == kind and person_key(p.name) == person_key(name)
             for p in active_persons(record)):  # fmt: skip
        problems["person"] = "validation.person_twice"
    if problems:
        raise ValidationError(problems)
    if details.get("is_main"):
        for p in record.persons:
            p.is_main = False
    person = RecordPerson(kind=kind, name=name.strip(), id_number=id_number, phone=phone, **details)
    record.persons.append(person)
    kind_title = messages.PERSON_KINDS[kind]
    workflow.audit(session, case, actor, "add_person", comment=f"{kind_title} {person.name}")
    _touch(session, case)
    return person


def update_person(
    session: Session,
    actor: Actor,
    case_id: int,
    person_id: int,
    *,
    expected_version: int | None = None,
    **changes,
) -> RecordPerson:
    """Correct a person of the open record (``PERSON_FIELDS``); the signature must be given again.

    A person who declared a conflict of interest stays as recorded and cannot be changed.
    """
    case, record = _open_record(session, actor, case_id, expected_version)
    person = _person(record, person_id)
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "validation.choice"))
    if person.recused:
        raise ValidationError({"person": "validation.recused_kept"})
    merged = {f: getattr(person, f) for f in PERSON_FIELDS} | changes
    merged["id_number"] = identifiers.normalize(merged["id_number"])
    merged["phone"] = identifiers.normalize(merged["phone"])
    problems = _person_problems(
        merged["kind"], merged["name"], merged["id_number"], merged["phone"]
    )
    if problems:
        raise ValidationError(problems)
    if merged["is_main"]:
        for p in record.persons:
            p.is_main = p is person
    for name, value in merged.items():
        setattr(person, name, value.strip() if isinstance(value, str) else value)
    person.signed = False
    workflow.audit(session, case, actor, "update_person", comment=person.name)
    _touch(session, case)
    return person


def remove_person(
    session: Session,
    actor: Actor,
    case_id: int,
    person_id: int,
    reason: str = "",
    expected_version: int | None = None,
) -> None:
    """Remove a person added by mistake (audited). Recused persons stay in the record."""
    case, record = _open_record(session, actor, case_id, expected_version)
    person = _person(record, person_id)
    if person.recused:
        raise ValidationError({"person": "validation.recused_kept"})
    kind = messages.PERSON_KINDS.get(person.kind, person.kind)
    note = f"{kind} {person.name}" + (f"：{reason.strip()}" if reason.strip() else "")
    record.persons.remove(person)
    workflow.audit(session, case, actor, "remove_person", comment=note)
    _touch(session, case)
    log.info("person %s removed from case %s by user %s", person_id, case.id, actor.id)


def _person(record: InterviewRecord, person_id: int) -> RecordPerson:
    for p in record.persons:
        if p.id == person_id:
            return p
    raise NotFound("person", person_id)


def declare_conflict(
    session: Session,
    actor: Actor,
    case_id: int,
    person_id: int,
    reason: str,
    expected_version: int | None = None,
) -> RecordPerson:
    """回避 (art. 7): the person has a direct interest in the party and is removed from the
    interview; they stay in the record with the reason and no longer count as an interviewer.
    A stale ``expected_version`` is refused."""
    if not reason.strip():
        raise ValidationError({"recusal_reason": "validation.recusal_reason_required"})
    case, record = _open_record(session, actor, case_id, expected_version)
    person = _person(record, person_id)
    person.recused, person.recusal_reason, person.is_main, person.signed = (
        True,
        reason.strip(),
        False,
        False,
    )
    workflow.audit(session, case, actor, "recusal", comment=f"{person.name}：{reason.strip()}")
    _touch(session, case)
    return person


def sign(
    session: Session,
    actor: Actor,
    case_id: int,
    person_id: int,
    expected_version: int | None = None,
) -> RecordPerson:
    """Mark that the person signed the record (a stale ``expected_version`` is refused)."""
    case, record = _open_record(session, actor, case_id, expected_version)
    person = _person(record, person_id)
    if person.recused:
        raise ValidationError({"person": "validation.recused_person"})
    person.signed = True
    workflow.audit(session, case, actor, "sign", comment=person.name)
    _touch(session, case)
    return person


def active_persons(record: InterviewRecord, kind: str | None = None) -> list[RecordPerson]:
    """The persons taking part: a recusal covers the person under every spelling entered."""
    recused = {person_key(p.name) for p in record.persons if p.recused}
    return [p for p in record.persons if person_key(p.name) not in recused
            and (kind is None or p.kind == kind)]  # fmt: skip


def record_problems(case: Case) -> list[str]:
    """Rules the record breaks (arts. 6-8, 11(4)); empty when it may be closed."""
    record = case.record
    if record is None:
        return ["guard.record_missing"]
    problems = []
    interviewers = active_persons(record, "interviewer")
    if len({person_key(p.name) for p in interviewers}) < 2:  # one name twice is one person
        problems.append("guard.interviewers_fewer_than_two")
    main = [p for p in interviewers if p.is_main]
    if not main:
        problems.append("guard.main_interviewer_missing")
    elif case.is_major and not main[0].is_leader:
        problems.append("guard.major_needs_leader")
    if not active_persons(record, "recorder"):
        problems.append("guard.recorder_missing")
    if record.start_at is None or not record.place.strip():
        problems.append("guard.time_place_missing")
    if not (record.content or "").strip():  # art. 8: process, content and result
        problems.append("guard.record_content_missing")
    if not case.guidance.strip():
        problems.append("guard.guidance_missing")
    if any(not p.signed for p in active_persons(record)):
        problems.append("guard.signatures_missing")
    return problems


def close_record(session: Session, actor: Actor, case_id: int, expected_version: int) -> Case:
    """Confirm the signed record; refused while any rule in ``record_problems`` is broken."""
    case = cases.editable_case(session, actor, case_id, expected_version)
    problems = record_problems(case)
    if problems:
        raise workflow.GuardFailed("close_record", problems)
    _require_held(case)
    case.record.closed = True
    case.interview_date = case.record.start_at.date()
    workflow.audit(session, case, actor, "close_record")
    workflow.flush(session, case)
    return case


def _require_held(case: Case) -> None:
    """The interview took place: neither the planned nor the recorded start lies ahead."""
    at = now()
    for moment in (case.planned_at, case.record.start_at if case.record else None):
        if moment is not None and moment > at:
            raise InterviewNotYetHeld(case.id, moment)


# --- guards and effects used by workflow.toml -----------------------------------------------


@workflow.guard("approval_complete")
def _approval_complete(session: Session, case: Case, actor: Actor) -> list[str]:
    approval = case.approval or {}
    missing = []
    if "section_head" not in approval:
        missing.append("guard.section_head_missing")
    if "deputy" not in approval:
        missing.append("guard.deputy_missing")
    if case.is_major and "principal" not in approval:
        missing.append("guard.principal_missing")
    return missing


@workflow.guard("plan_complete")
def _plan_complete(session: Session, case: Case, actor: Actor) -> list[str]:
    plan = case.plan or {}
    return [] if all(plan.get(k) for k in messages.PLAN_ITEMS) else ["guard.plan_incomplete"]


@workflow.guard("notice_issued")
def _notice_issued(session: Session, case: Case, actor: Actor) -> list[str]:
    return [] if case.notice_issued_on else ["guard.notice_missing"]


@workflow.guard("record_closed")
def _record_closed(session: Session, case: Case, actor: Actor) -> list[str]:
    if case.record is None:
        return ["guard.record_missing"]
    return [] if case.record.closed else ["guard.record_not_closed"]


@workflow.guard("interview_held")
def _interview_held(session: Session, case: Case, actor: Actor) -> list[str]:
    today = dt.date.today()
    planned = case.planned_at.date() if case.planned_at else None
    if any(day and day > today for day in (case.interview_date, planned)):
        return ["guard.interview_in_future"]
    return []


@workflow.guard("report_date_plausible")
def _report_date_plausible(session: Session, case: Case, actor: Actor) -> list[str]:
    received = case.report_received_on
    if received > dt.date.today():
        return ["guard.report_date_future"]
    if case.interview_date and received < case.interview_date:
        return ["guard.report_before_interview"]
    return []


def report_days_late(case: Case) -> int:
    """Days the rectification report arrived after its due date (0 when on time or unknown)."""
    received, due = case.report_received_on, case.rectification_due
    return max((received - due).days, 0) if received and due else 0


@workflow.effect("set_rectification_deadline")
def _set_deadline(session: Session, case: Case, actor: Actor) -> None:
    deadline = workdays.rectification_deadline(session, case.interview_date)
    case.rectification_due, case.due_unverified = deadline.due, deadline.unverified


@workflow.effect("mark_supervision_focus")
def _mark_focus(session: Session, case: Case, actor: Actor) -> None:
    case.supervision_focus = True


@workflow.effect("mark_penalty")
def _mark_penalty(session: Session, case: Case, actor: Actor) -> None:
    case.penalty_filed = True


@workflow.effect("mark_report_received")
def _mark_report(session: Session, case: Case, actor: Actor) -> None:
    """The date itself is stored by the step (workflow.toml ``date``); note a late report."""
    late = report_days_late(case)
    if late:
        log.info("case %s: rectification report %s days late", case.id, late)


@workflow.effect("mark_rectified")
def _mark_rectified(session: Session, case: Case, actor: Actor) -> None:
    case.rectified = True


@workflow.effect("mark_not_rectified")
def _mark_not_rectified(session: Session, case: Case, actor: Actor) -> None:
    case.rectified = False
