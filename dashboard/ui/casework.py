"""The case page's data: a plain view of one case (read inside one session, so pages never
touch ORM objects), its next steps, its audit timeline and the papers built from it."""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from assistant.papers import Attendee, PaperContext, PaperKind, Party, Signature, render_docx
from assistant.templates import wording
from dashboard import cases, draft_sections, jurisdictions, messages, people, users, workflow
from dashboard.draft_sections import PaperFields
from dashboard.ui import services

CASE_PAPERS = (
    PaperKind.NOTICE, PaperKind.APPROVAL, PaperKind.RECORD, PaperKind.RECTIFICATION_NOTICE,
)  # fmt: skip
# Papers sent to a party: in a 集中约谈 each party gets its own, addressed to it alone; the
# 审批表 and 约谈记录 are the bureau's own papers and list every party.
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\s]+')
PER_PARTY_PAPERS = frozenset(k for k in PaperKind if k.sent_to_party)


@dataclass(frozen=True)
class CaseView:
    id: int
    case_no: str
    title: str
    state: str
    version: int
    jurisdiction_code: str
    jurisdiction_name: str
    handling_unit: str
    trigger: str
    problem_category: str
    industry: str
    reason: str
    facts: str
    complaint_count: int
    is_major: bool
    is_demo: bool
    opened_on: dt.date
    interview_date: dt.date | None
    rectification_due: dt.date | None
    due_unverified: bool
    guidance: str
    approval: dict
    plan: dict
    notice_issued_on: dt.date | None
    parties: list[Party] = field(default_factory=list)
    record_start: dt.datetime | None = None
    record_end: dt.datetime | None = None
    record_place: str = ""
    record_closed: bool = False
    persons: list[people.PersonView] = field(default_factory=list)
    record_problems: list[str] = field(default_factory=list)
    planned_at: dt.datetime | None = None
    planned_place: str = ""
    amount_involved: str = "0"
    goods_category: str = ""
    report_received_on: dt.date | None = None
    report_days_late: int = 0
    office_name: str = ""  # the jurisdiction's full office name (jurisdictions.office_name)
    record_content: str = ""  # 约谈情况
    record_statement: str = ""  # 约谈对象陈述及承诺

    @property
    def interview_start(self) -> dt.datetime | None:
        """The interview's time: as recorded, else as planned."""
        return self.record_start or self.planned_at

    @property
    def interview_place(self) -> str:
        return self.record_place or self.planned_place

    @property
    def interview_day(self) -> dt.date | None:
        start = self.interview_start
        return self.interview_date or (start.date() if start else None)

    @property
    def state_title(self) -> str:
        return messages.state_title(self.state)

    @property
    def bureau(self) -> str:
        return self.office_name or f"{self.jurisdiction_name}{jurisdictions.OFFICE_SUFFIX}"

    @property
    def terminal(self) -> bool:
        return workflow.definition().states[self.state].terminal


def load(actor: users.Actor, case_id: int) -> CaseView:
    """The case as the actor may see it (OutOfScope / NotFound otherwise)."""
    from dashboard import interviews

    with services.session() as s:
        c = cases.get_case(s, actor, case_id)
        place = jurisdictions.get(s, c.jurisdiction_code).name
        parties = [Party(p.name, p.credit_code, p.legal_representative, p.address, p.industry)
                   for p in c.parties]  # fmt: skip
        record = c.record
        return CaseView(
            c.id, c.case_no or str(c.id), c.title, c.state, c.version, c.jurisdiction_code,
            place, c.handling_unit, c.trigger, c.problem_category, c.industry, c.reason,
            c.facts, c.complaint_count, c.is_major, c.is_demo, c.opened_on, c.interview_date,
            c.rectification_due, c.due_unverified, c.guidance, dict(c.approval or {}),
            dict(c.plan or {}), c.notice_issued_on, parties,
            record.start_at if record else None, record.end_at if record else None,
            record.place if record else "", bool(record and record.closed),
            people.record_persons(s, actor, case_id), interviews.record_problems(c),
            c.planned_at, c.planned_place or "", f"{c.amount_involved or 0:,.2f}",
            c.goods_category or "", c.report_received_on, interviews.report_days_late(c),
            jurisdictions.office_name(s, c.jurisdiction_code),
            record.content if record else "", record.party_statement if record else "",
        )  # fmt: skip


def unplanned_hint(state: str) -> str:
    """Message id telling where the planned time is entered, for the case's current step: the
    plan's form only appears once the case is approved."""
    return {"registered": "dr.date_unplanned.registered",
            "approval": "dr.date_unplanned.approval"}.get(state, "dr.date_unplanned")  # fmt: skip


def next_steps(actor: users.Actor, case_id: int) -> list[workflow.Transition]:
    with services.session() as s:
        return cases.available_transitions(s, actor, case_id)


def take_step(
    actor: users.Actor,
    view: CaseView,
    transition_id: str,
    comment: str,
    on_date: dt.date | None = None,
) -> CaseView:
    with services.session() as s:
        cases.transition(s, actor, view.id, transition_id, comment, view.version, on_date)
    return load(actor, view.id)


def timeline(actor: users.Actor, case_id: int) -> list[dict]:
    """Audit rows, oldest first, with the actor's display name and state titles."""
    with services.session() as s:
        entries = cases.audit_trail(s, actor, case_id)
        names: dict[int, str] = {}
        for e in entries:
            if e.actor_id and e.actor_id not in names:
                names[e.actor_id] = _name(s, e.actor_id)
        return [{
            "at": e.at, "who": names.get(e.actor_id, ""), "action": action_title(e.action),
            "from": messages.state_title(e.from_state) if e.from_state else "",
            "to": messages.state_title(e.to_state) if e.to_state else "", "comment": e.comment,
        } for e in entries]  # fmt: skip


def _name(s, user_id: int) -> str:
    return users.user_name(s, user_id)  # deactivated accounts still appear in the history


def action_title(action: str) -> str:
    from dashboard.ui_messages import t

    if action == "create":
        return t("cp.audit_create")
    return messages.action_title(action)


def days_left(due: dt.date, today: dt.date | None = None) -> int:
    return (due - (today or dt.date.today())).days


def paper_context(
    view: CaseView, fields: PaperFields | None = None, mode: str = "建议"
) -> PaperContext:
    """The papers' context: the case's own data plus what the saved drafts say (problems, legal
    basis, rectification items and deadline); the case's own deadline wins once it is set."""
    fields = fields or PaperFields()
    active = [p for p in view.persons if not p.recused]
    interviewers = [p.name for p in sorted(active, key=lambda p: not p.is_main)
                    if p.kind == "interviewer"]  # fmt: skip
    day = view.interview_day
    deadline = view.rectification_due or fields.deadline
    if deadline and day and deadline < day:
        deadline = None  # drafted for an earlier date: the blank is safer than a wrong day
    extra = (
        {"report_requirements": fields.report_requirements} if fields.report_requirements else {}
    )
    plan = {**fields.plan, **{k: v for k, v in view.plan.items() if v}}  # the case's plan wins
    invited = [f"{p.name}（{p.unit}）" if p.unit else p.name for p in active if p.kind == "invited"]
    return PaperContext(
        bureau_name=view.bureau,
        parties=tuple(view.parties),
        reason=view.reason or view.title,
        facts=view.facts,
        problems=fields.problems,
        citations=fields.citations,
        rectification_items=fields.rectification_items,
        rectification_mode=mode,
        interview_start=view.interview_start,
        interview_end=view.record_end,
        interview_date=day,
        place=view.interview_place,
        interviewers=tuple(interviewers),
        recorder=next((p.name for p in active if p.kind == "recorder"), ""),
        invited=invited_of(invited, active, plan),
        materials=draft_sections.plan_list(plan.get("materials", "")),
        approvals=approval_signatures(view.approval),
        attendees=tuple(
            Attendee(p.name, id_number=p.id_number, phone=p.phone)
            for p in active
            if p.kind == "attendee"
        ),  # fmt: skip
        department=view.handling_unit,
        major=view.is_major,
        rectification_deadline=deadline,
        record_content=record_content(view),
        **extra,
    )


def invited_of(invited: list[str], active: list, plan: dict) -> tuple[str, ...]:
    """Invited representatives: those entered in the record; before anyone is entered there,
    the units the plan's 参加人员 names (so the plan and notice can list them). Once the
    record has its people, a unit the plan named but nobody came from is not printed."""
    if invited or active:
        return tuple(invited)
    return draft_sections.plan_invited(plan.get("participants", ""))


def record_content(view: CaseView) -> tuple[str, ...]:
    """The record's 约谈内容: what was said, the party's statement and commitments, then the
    整改意见 given (art. 12), as written in the record step; empty (blank lines to fill by
    hand) until what was said or stated is written."""
    out: list[str] = []
    for label, text in ((wording.RECORD_SAID, view.record_content),
                        (wording.RECORD_STATEMENT, view.record_statement)):  # fmt: skip
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            out += [f"{label}{lines[0]}", *lines[1:]]
    guidance = [line.strip() for line in view.guidance.splitlines() if line.strip()]
    if out and guidance:
        out += [f"{wording.RECORD_GUIDANCE}{guidance[0]}", *guidance[1:]]
    return tuple(out)


def approval_signatures(approval: dict) -> dict[str, Signature]:
    """The opinions signed in the system (``Case.approval``) as the 审批表's signed lines."""
    out = {}
    for step, entry in approval.items():
        out[step] = Signature(entry.get("name", ""), entry.get("opinion", ""), _day(entry))
    return out


def _day(entry: dict) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(str(entry.get("at"))).date()
    except ValueError:
        return None


def paper_title(kind: PaperKind, mode: str = "建议") -> str:
    """The title the paper prints: 整改通知书 is 整改建议书 or 责令整改通知书 by its mode."""
    if kind == PaperKind.RECTIFICATION_NOTICE:
        return wording.RECTIFICATION_NOTICE_TITLES[mode]
    return kind.title


def docx_bytes(kind: PaperKind, ctx: PaperContext) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = render_docx(kind, ctx, Path(folder) / kind.filename("docx"))
        return path.read_bytes()


def paper_for(kind: PaperKind, ctx: PaperContext, party_index: int = 0) -> PaperContext:
    """The context a paper is rendered from: a paper sent to a party is addressed to the
    chosen party only; the bureau's own papers keep every party."""
    if kind not in PER_PARTY_PAPERS or not ctx.parties:
        return ctx
    return ctx.addressed_to(ctx.parties[party_index])


def paper_file_name(case_no: str, title: str, party: Party | None = None) -> str:
    """案件编号-文书名称[-约谈对象].docx; characters a file system refuses are replaced."""
    parts = [case_no, title] + ([party.name] if party is not None else [])
    return _UNSAFE_FILE_CHARS.sub("_", "-".join(p.strip() for p in parts if p.strip())) + ".docx"


def party_papers_zip(case_no: str, ctx: PaperContext) -> bytes:
    """A ZIP with every party's own notice and rectification paper, one DOCX per party."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind in CASE_PAPERS:
            if kind not in PER_PARTY_PAPERS:
                continue
            title = paper_title(kind, ctx.rectification_mode)
            for i, party in enumerate(ctx.parties):
                name = paper_file_name(case_no, title, party)
                archive.writestr(name, docx_bytes(kind, paper_for(kind, ctx, i)))
    return buffer.getvalue()
