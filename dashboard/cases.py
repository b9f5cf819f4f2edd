"""Case service: register, read, edit, move through the workflow, and list cases.

Every function takes the SQLAlchemy session and the acting ``users.Actor``; reads and writes are
limited to the actor's jurisdiction. The caller owns the transaction (``db.session_scope``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from dashboard import identifiers, jurisdictions, messages, workdays, workflow
from dashboard.db import AuditEntry, Case, Jurisdiction, Party
from dashboard.errors import DuplicateMatter, NotFound, ValidationError
from dashboard.users import Actor, require_permission

log = logging.getLogger(__name__)

EDITABLE = (
    "title", "handling_unit", "trigger", "problem_category", "goods_category", "industry",
    "reason", "facts", "complaint_count", "amount_involved", "is_major",
)  # fmt: skip


@dataclass
class PartyDraft:
    name: str
    credit_code: str  # may be empty: an unlicensed operator (无照经营) has none
    legal_representative: str = ""
    address: str = ""
    industry: str = ""


@dataclass
class CaseDraft:
    """Input for a new case; ``parties`` holds one party, or several for a collective interview."""

    title: str
    jurisdiction_code: str
    trigger: str
    problem_category: str
    parties: list[PartyDraft]
    is_collective: bool = False
    is_major: bool = False
    handling_unit: str = ""
    goods_category: str = ""
    industry: str = ""
    reason: str = ""
    facts: str = ""
    complaint_count: int = 0
    amount_involved: Decimal | float | str = 0
    opened_on: dt.date | None = None
    reminder_id: int | None = None
    is_demo: bool = False


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list (what list pages and exports show)."""

    id: int
    case_no: str
    title: str
    state: str
    state_title: str
    jurisdiction_code: str
    jurisdiction_name: str
    problem_category: str
    trigger: str
    opened_on: dt.date
    rectification_due: dt.date | None
    due_unverified: bool
    is_major: bool
    is_collective: bool
    is_demo: bool
    version: int
    party_names: str


@dataclass
class CaseFilter:
    states: list[str] = field(default_factory=list)
    jurisdiction_code: str | None = None  # narrow further inside the actor's scope
    problem_category: str | None = None
    trigger: str | None = None
    is_major: bool | None = None
    opened_from: dt.date | None = None
    opened_to: dt.date | None = None
    search: str = ""  # case number, title or party name
    overdue_on: dt.date | None = None  # only cases whose report is overdue on that day
    due_by: dt.date | None = None  # only open rectifications due on or before that day


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    total: int
    page: int
    page_size: int


# --- validation -----------------------------------------------------------------------------


def _party_problems(parties: list[PartyDraft], collective: bool) -> dict[str, str]:
    if collective and len(parties) < 2:
        return {"parties": "validation.collective_parties"}
    if not collective and len(parties) != 1:
        return {"parties": "validation.individual_party"}
    codes = [identifiers.normalize(p.credit_code) for p in parties]
    if any(not p.name.strip() for p in parties):
        return {"name": "validation.required"}
    if any(c and not identifiers.is_credit_code(c) for c in codes):
        return {"credit_code": "validation.credit_code"}
    keys = [party_key(p.name, p.credit_code) for p in parties]
    if len(set(keys)) != len(keys):
        return {"parties": "validation.duplicate_party"}
    return {}


def name_key(name: str) -> str:
    """A party name for matching only: NFKC (（全角） is (全角)) and no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


def party_key(name: str, credit_code: str) -> str:
    """Who a party is for duplicate checks: its credit code, or its name when it has none."""
    return identifiers.normalize(credit_code) or f"name:{name_key(name)}"


MAX_AMOUNT = Decimal(10) ** 12  # 涉及金额 below one trillion yuan (Numeric(14, 2))
CENT = Decimal("0.01")
MAX_COMPLAINTS = 10**6
# Text fields with a column length: the limit comes from the schema.
CASE_TEXT_FIELDS = ("title", "handling_unit", "goods_category", "industry")
PARTY_TEXT_FIELDS = {"name": "name", "legal_representative": "legal_representative",
                     "address": "address", "industry": "industry"}  # fmt: skip


def parse_amount(value) -> Decimal | None:
    """The amount when finite, 0 <= amount < 10^12 and at most two decimals; else None."""
    try:
        amount = Decimal(str(value).strip() or "0") if value is not None else Decimal(0)
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT:
        return None
    return amount if amount == amount.quantize(CENT) else None


_amount = parse_amount


def _count_ok(count) -> bool:
    """投诉数量: a whole number from 0 to MAX_COMPLAINTS."""
    return isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= MAX_COMPLAINTS


def max_length(model, name: str) -> int:
    return model.__table__.c[name].type.length


def too_long(model, values: dict[str, str]) -> dict[str, str]:
    """Field -> message id for every text longer than its column allows."""
    return {name: f"validation.too_long_{max_length(model, name)}"
            for name, value in values.items()
            if len(str(value or "").strip()) > max_length(model, name)}  # fmt: skip


def _length_problems(draft: CaseDraft) -> dict[str, str]:
    problems = too_long(Case, {f: getattr(draft, f) for f in CASE_TEXT_FIELDS})
    for party in draft.parties:
        values = {column: getattr(party, attr) for attr, column in PARTY_TEXT_FIELDS.items()}
        for name, message_id in too_long(Party, values).items():
            problems.setdefault("party_name" if name == "name" else name, message_id)
    return problems


def validate_draft(session: Session, draft: CaseDraft) -> dict[str, str]:
    """Field -> message id of every problem found (empty when the draft is valid)."""
    problems: dict[str, str] = {}
    if not draft.title.strip():
        problems["title"] = "validation.required"
    if draft.trigger not in messages.TRIGGERS:
        problems["trigger"] = "validation.choice"
    if draft.problem_category not in messages.PROBLEM_CATEGORIES:
        problems["problem_category"] = "validation.choice"
    if session.get(Jurisdiction, draft.jurisdiction_code or "") is None:
        problems["jurisdiction_code"] = "validation.unknown_jurisdiction"
    if not _count_ok(draft.complaint_count):
        problems["complaint_count"] = "validation.complaint_count"
    if _amount(draft.amount_involved) is None:
        problems["amount_involved"] = "validation.amount"
    problems.update(_party_problems(draft.parties, draft.is_collective))
    problems.update(_length_problems(draft))
    return problems


def matter_key(problem_category: str, parties: list[PartyDraft]) -> str:
    keys = sorted(party_key(p.name, p.credit_code) for p in parties)
    return f"{problem_category}|{','.join(keys)}"[:120]


def find_same_matter(
    session: Session,
    problem_category: str,
    parties: list[PartyDraft],
    exclude_id: int | None = None,
) -> Case | None:
    """An earlier case on the same problem with any of these parties (art. 6: not twice).
    Parties are the same by credit code, or by name when either of the two lacks a code (a
    firm first registered without its code, later with it)."""
    codes = [c for c in (identifiers.normalize(p.credit_code) for p in parties) if c]
    names = {name_key(p.name) for p in parties}
    uncoded = {name_key(p.name) for p in parties if not identifiers.normalize(p.credit_code)}
    same_matter = (
        select(Case)
        .join(Party, Party.case_id == Case.id)
        .where(Case.problem_category == problem_category, Case.id != (exclude_id or 0))
    )
    order = (Case.opened_on, Case.id)
    found = [session.scalar(same_matter.where(Party.credit_code.in_(codes)).order_by(*order))]
    # Names are compared normalised, so in Python: earlier parties without a code (few)
    # against every name; earlier parties with one only when a name comes without a code.
    without_code = same_matter.where(Party.credit_code == "")
    with_code = same_matter.where(Party.credit_code != "")
    for stored, wanted in ((without_code, names), (with_code, uncoded)):
        if wanted:
            named = session.execute(stored.add_columns(Party.name).order_by(*order))
            found.append(next((c for c, n in named if name_key(n) in wanted), None))
    earlier = [c for c in found if c is not None]
    return min(earlier, key=lambda c: (c.opened_on, c.id), default=None)


# --- create, read, edit ---------------------------------------------------------------------


def _new_case(session: Session, actor: Actor, draft: CaseDraft) -> Case:
    opened = draft.opened_on or dt.date.today()
    codes = [identifiers.normalize(p.credit_code) for p in draft.parties]
    case = Case(
        title=draft.title.strip(), state=workflow.definition().initial,
        jurisdiction_code=draft.jurisdiction_code, handling_unit=draft.handling_unit,
        trigger=draft.trigger, problem_category=draft.problem_category,
        goods_category=draft.goods_category, industry=draft.industry, reason=draft.reason,
        facts=draft.facts, complaint_count=draft.complaint_count,
        amount_involved=_amount(draft.amount_involved), is_major=draft.is_major,
        is_collective=draft.is_collective, is_demo=draft.is_demo,
        matter_key=matter_key(draft.problem_category, draft.parties), opened_on=opened,
        opened_month=opened.strftime("%Y-%m"), reminder_id=draft.reminder_id, created_by=actor.id,
        approval={}, plan={},
        **jurisdictions.lineage(session, draft.jurisdiction_code),
    )  # fmt: skip
    case.parties = [
        Party(name=p.name.strip(), credit_code=c, legal_representative=p.legal_representative,
              address=p.address, industry=p.industry or draft.industry)
        for p, c in zip(draft.parties, codes, strict=True)
    ]  # fmt: skip
    return case


def next_case_no(session: Session, year: int, jurisdiction_code: str) -> str:
    """YT<year>-<jurisdiction>-<serial>: real cases only (demo cases are numbered DEMO-...)."""
    prefix = f"YT{year}-{jurisdiction_code}-"
    last = session.scalar(select(func.max(Case.case_no)).where(Case.case_no.like(f"{prefix}%")))
    serial = int(last[len(prefix) :]) + 1 if last and last[len(prefix) :].isdigit() else 1
    return f"{prefix}{serial:06d}"


def create_case(
    session: Session, actor: Actor, draft: CaseDraft, confirm_duplicate: bool = False
) -> Case:
    """Register a case (state 登记). Raises ValidationError, OutOfScope, or DuplicateMatter
    (with the earlier case) unless ``confirm_duplicate`` is set, which is then audited."""
    require_permission(actor, "edit_case")
    problems = validate_draft(session, draft)
    if problems:
        raise ValidationError(problems)
    if not jurisdictions.covers(session, actor.jurisdiction_code, draft.jurisdiction_code):
        raise jurisdictions.OutOfScope(actor.id, draft.jurisdiction_code)
    earlier = find_same_matter(session, draft.problem_category, draft.parties)
    if earlier is not None and not confirm_duplicate:
        raise DuplicateMatter(earlier.id, earlier.case_no or str(earlier.id))
    case = _new_case(session, actor, draft)
    session.add(case)
    session.flush()
    case.case_no = next_case_no(session, case.opened_on.year, case.jurisdiction_code)
    note = (
        messages.text("audit.duplicate_confirmed", case_no=earlier.case_no or str(earlier.id))
        if earlier is not None
        else ""
    )
    workflow.audit(session, case, actor, "create", to_state=case.state, comment=note)
    session.flush()
    log.info("case %s registered in %s", case.id, case.jurisdiction_code)
    return case


def get_case(session: Session, actor: Actor, case_id: int) -> Case:
    """The case if it exists and lies in the actor's jurisdiction (NotFound / OutOfScope)."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("case", case_id)
    jurisdictions.require_scope(actor, case)
    return case


def editable_case(session: Session, actor: Actor, case_id: int, expected_version: int | None):
    """Load a case for a change: permission, scope, version, and not in a terminal state."""
    require_permission(actor, "edit_case")
    case = get_case(session, actor, case_id)
    workflow.check_version(case, expected_version)
    if workflow.definition().states[case.state].terminal:
        raise workflow.TransitionNotAllowed("edit", case.state)
    return case


def update_case(
    session: Session, actor: Actor, case_id: int, expected_version: int, **changes
) -> Case:
    """Change descriptive fields (see EDITABLE). A stale ``expected_version`` is refused."""
    case = editable_case(session, actor, case_id, expected_version)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "validation.choice"))
    _check_changes(changes)
    category = changes.get("problem_category", case.problem_category)
    if category != case.problem_category:  # art. 6 (not twice) for the new problem type
        parties = [PartyDraft(p.name, p.credit_code) for p in case.parties]
        earlier = find_same_matter(session, category, parties, exclude_id=case.id)
        if earlier is not None:
            raise DuplicateMatter(earlier.id, earlier.case_no or str(earlier.id))
    for name, value in changes.items():
        setattr(case, name, _amount(value) if name == "amount_involved" else value)
    titles = "、".join(messages.field_title(name) for name in EDITABLE if name in changes)
    workflow.audit(session, case, actor, "update", comment=titles)
    workflow.flush(session, case)
    return case


PARTY_EDITABLE = ("name", "credit_code", "legal_representative", "address", "industry")


def update_party(
    session: Session, actor: Actor, case_id: int, position: int, expected_version: int, **changes
) -> Case:
    """Correct the ``position``-th party (0-based, in registration order): its name, credit
    code (add one registered without, or fix a typo), legal representative, address or
    industry. The same checks as registration apply: a valid code, no party twice in the
    case, and not the same matter as an earlier case (art. 6)."""
    case = editable_case(session, actor, case_id, expected_version)
    unknown = set(changes) - set(PARTY_EDITABLE)
    if unknown or not 0 <= position < len(case.parties):
        raise ValidationError(dict.fromkeys(sorted(unknown) or ["parties"], "validation.choice"))
    party = case.parties[position]
    values = {f: str(changes.get(f, getattr(party, f)) or "").strip() for f in PARTY_EDITABLE}
    drafts = [
        PartyDraft(values["name"], values["credit_code"]) if i == position
        else PartyDraft(p.name, p.credit_code)
        for i, p in enumerate(case.parties)
    ]  # fmt: skip
    problems = _party_problems(drafts, case.is_collective)
    problems.update(too_long(Party, {f: values[f] for f in PARTY_TEXT_FIELDS}))
    if problems:
        raise ValidationError(problems)
    earlier = find_same_matter(session, case.problem_category, drafts[position:position + 1],
                               exclude_id=case.id)  # fmt: skip
    if earlier is not None:
        raise DuplicateMatter(earlier.id, earlier.case_no or str(earlier.id))
    values["credit_code"] = identifiers.normalize(values["credit_code"])
    changed = [f for f in PARTY_EDITABLE if values[f] != (getattr(party, f) or "")]
    for name in changed:
        setattr(party, name, values[name])
    titles = "、".join(messages.field_title(name) for name in changed)
    workflow.audit(session, case, actor, "update_party", comment=f"{party.name}：{titles}")
    workflow.flush(session, case)
    return case


def _check_changes(changes: dict) -> None:
    problems = {}
    if "title" in changes and not str(changes["title"]).strip():
        problems["title"] = "validation.required"
    if "trigger" in changes and changes["trigger"] not in messages.TRIGGERS:
        problems["trigger"] = "validation.choice"
    if changes.get("problem_category", "after_sales") not in messages.PROBLEM_CATEGORIES:
        problems["problem_category"] = "validation.choice"
    if "amount_involved" in changes and _amount(changes["amount_involved"]) is None:
        problems["amount_involved"] = "validation.amount"
    if not _count_ok(changes.get("complaint_count", 0)):
        problems["complaint_count"] = "validation.complaint_count"
    problems.update(too_long(Case, {f: changes[f] for f in CASE_TEXT_FIELDS if f in changes}))
    if problems:
        raise ValidationError(problems)


def transition(
    session: Session,
    actor: Actor,
    case_id: int,
    transition_id: str,
    comment: str = "",
    expected_version: int | None = None,
    on_date: dt.date | None = None,
) -> Case:
    """Take a workflow step (ids in workflow.toml); ``on_date`` for a step that asks for a
    date (收到整改报告: the day the report arrived). Errors: see ``workflow.execute``."""
    from dashboard import interviews  # noqa: F401  (registers the guards and effects)

    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("case", case_id)
    return workflow.execute(session, actor, case, transition_id, comment, expected_version, on_date)


def available_transitions(session: Session, actor: Actor, case_id: int) -> list:
    return workflow.available(actor, get_case(session, actor, case_id))


def set_guidance(
    session: Session, actor: Actor, case_id: int, text: str, expected_version: int
) -> Case:
    """The guidance and rectification opinion, one text for all parties (art. 6, same guidance)."""
    case = editable_case(session, actor, case_id, expected_version)
    if not text.strip():
        raise ValidationError({"guidance": "validation.required"})
    case.guidance = text.strip()
    workflow.audit(session, case, actor, "set_guidance")
    workflow.flush(session, case)
    return case


def guidance_for_parties(session: Session, actor: Actor, case_id: int) -> dict[str, str]:
    """Party name -> the guidance it receives (identical for every party by construction)."""
    case = get_case(session, actor, case_id)
    return {p.name: case.guidance for p in case.parties}


def audit_trail(session: Session, actor: Actor, case_id: int) -> list[AuditEntry]:
    get_case(session, actor, case_id)
    stmt = select(AuditEntry).where(AuditEntry.case_id == case_id).order_by(AuditEntry.id)
    return list(session.scalars(stmt))


# --- lists ----------------------------------------------------------------------------------


def _filtered(actor: Actor, f: CaseFilter) -> Select:
    conds = [jurisdictions.scope_clause(actor)]
    if f.jurisdiction_code:
        conds.append(or_(*(getattr(Case, c) == f.jurisdiction_code
                           for c in jurisdictions.LEVEL_COLUMN.values())))  # fmt: skip
    if f.states:
        conds.append(Case.state.in_(f.states))
    for name in ("problem_category", "trigger", "is_major"):
        if getattr(f, name) is not None:
            conds.append(getattr(Case, name) == getattr(f, name))
    if f.opened_from:
        conds.append(Case.opened_on >= f.opened_from)
    if f.opened_to:
        conds.append(Case.opened_on <= f.opened_to)
    if f.overdue_on:
        conds += [Case.state == "rectification", Case.rectification_due < f.overdue_on]
    if f.due_by:
        conds += [Case.state == "rectification", Case.rectification_due <= f.due_by]
    if f.search.strip():
        conds.append(_search_clause(f.search.strip()))
    return select(Case).where(and_(*conds))


def _search_clause(text: str):
    pattern = f"%{text}%"
    party_hit = exists().where(Party.case_id == Case.id, Party.name.like(pattern))
    return or_(Case.case_no.like(pattern), Case.title.like(pattern), party_hit)


def _rows(session: Session, cases: list[Case]) -> list[CaseRow]:
    ids = [c.id for c in cases]
    names: dict[int, list[str]] = {}
    for case_id, name in session.execute(
        select(Party.case_id, Party.name).where(Party.case_id.in_(ids)).order_by(Party.id)
    ):
        names.setdefault(case_id, []).append(name)
    codes = {c.jurisdiction_code for c in cases}
    places = dict(session.execute(select(Jurisdiction.code, Jurisdiction.name)
                                  .where(Jurisdiction.code.in_(codes))).all())  # fmt: skip
    return [
        _row(c, places.get(c.jurisdiction_code, ""), "、".join(names.get(c.id, []))) for c in cases
    ]


def _row(c: Case, place: str, parties: str) -> CaseRow:
    return CaseRow(
        c.id, c.case_no or "", c.title, c.state, messages.state_title(c.state),
        c.jurisdiction_code, place, c.problem_category, c.trigger, c.opened_on,
        c.rectification_due, c.due_unverified, c.is_major, c.is_collective, c.is_demo,
        c.version, parties,
    )  # fmt: skip


def list_cases(
    session: Session, actor: Actor, f: CaseFilter | None = None, page: int = 1, page_size: int = 50
) -> CasePage:
    """Cases in the actor's scope matching ``f``, newest first, one page at a time."""
    f = f or CaseFilter()
    page, page_size = max(page, 1), min(max(page_size, 1), 1000)
    stmt = _filtered(actor, f)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    paged = stmt.order_by(Case.opened_on.desc(), Case.id.desc())
    cases = list(session.scalars(paged.offset((page - 1) * page_size).limit(page_size)))
    return CasePage(_rows(session, cases), total or 0, page, page_size)


def all_rows(session: Session, actor: Actor, f: CaseFilter | None = None) -> list[CaseRow]:
    """Every matching case (for exports)."""
    stmt = _filtered(actor, f or CaseFilter()).order_by(Case.opened_on.desc(), Case.id.desc())
    return _rows(session, list(session.scalars(stmt)))


def overdue_cases(session: Session, actor: Actor, today: dt.date | None = None) -> list[CaseRow]:
    """Rectification reports past their due date, in the actor's scope."""
    return all_rows(session, actor, CaseFilter(overdue_on=today or dt.date.today()))


def due_soon_cases(
    session: Session, actor: Actor, today: dt.date | None = None, within: int | None = None
) -> list[CaseRow]:
    """Rectification reports due from today up to ``within`` working days ahead."""
    from dashboard import settings

    today = today or dt.date.today()
    within = within if within is not None else settings.int_setting("due_soon_days")
    cutoff = workdays.add_workdays(today, within, workdays.regional_days(session)).due
    rows = all_rows(session, actor, CaseFilter(due_by=cutoff))
    return [r for r in rows if r.rectification_due and r.rectification_due >= today]


def worklist(session: Session, actor: Actor, worklist_id: str) -> list[CaseRow]:
    """A worklist from workflow.toml (e.g. 'to_approve') for the actor's role and scope."""
    spec = workflow.definition().worklists[worklist_id]
    if actor.role not in spec.roles:
        return []
    return all_rows(session, actor, CaseFilter(states=list(spec.states)))
