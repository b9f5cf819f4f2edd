"""The drafting assistant (起草助手): legal basis, rectification, outline, plan and papers.

``draft_case`` runs small typed steps: retrieve articles for the facts, select the legal
basis (taxonomy first, version of the interview date), read obligations from the normative
sentences, derive rectification items and the deadline (15 working days), build the interview
outline (第十条) and plan (第十一条（二）), and fill the papers context. Offline by default;
with a chat model it also streams a model draft whose citations are checked against the
corpus. Every draft records its provenance (articles, versions, mode, model, index).
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from assistant import drafting_messages as m
from assistant.case_input import CaseInput, validate
from assistant.citations import find_citations
from assistant.errors import CitationNotFound, DraftInputError, LlmUnavailable
from assistant.legal_basis import (
    BasisEntry,
    BasisSelection,
    add_hit,
    select_basis,
    strong_violations,
)
from assistant.obligations import action_for, fact_tokens, is_duty, short
from assistant.papers import (
    ConsumerNotice,
    InterviewOutline,
    OutlineSection,
    PaperContext,
    PaperError,
    PaperKind,
    RectificationItem,
    format_date,
    render_markdown,
)
from assistant.retrieval import Hit, LawIndex, SearchResult

log = logging.getLogger(__name__)

K = 20  # articles retrieved per case
MAX_STOP_ITEMS = 3  # "stop the conduct" items, one per recognised violation type
MAX_OBLIGATION_ITEMS = 5  # obligations that each yield one rectification action
DRAFT_KINDS = (PaperKind.LEGAL_BASIS, PaperKind.RECTIFICATION, PaperKind.OUTLINE, PaperKind.PLAN)
_NOT_GB2312 = "gb2312"


@dataclass
class LlmSection:
    """The model's draft after the citation check."""

    model: str
    text: str  # with 【未核实引用】 marks
    verified: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)  # Chinese explanations
    report: str = ""


@dataclass
class Draft:
    case: CaseInput
    interview_date: date
    basis: BasisSelection
    search: SearchResult
    problems: list[str]
    reason: str
    rectification: list[RectificationItem]
    deadline: date | None
    deadline_unverified: bool
    report_requirements: list[str]
    outline: InterviewOutline
    context: PaperContext
    notices: list[str]
    provenance: dict[str, Any]
    llm: LlmSection | None = None

    @property
    def citations(self) -> list[BasisEntry]:
        return self.basis.entries

    def markdown(self, kind: PaperKind | str, context: PaperContext | None = None) -> str:
        """The paper as Markdown, with the drafting notices where they belong; ``context``
        addresses a paper sent to a party to one party of a 集中约谈."""
        kind = PaperKind(kind)
        text = render_markdown(kind, context or self.context)
        if kind == PaperKind.LEGAL_BASIS:
            text += _notices_md(self.notices) + _llm_md(self.llm)
        elif kind == PaperKind.RECTIFICATION and self.deadline_unverified:
            text += _notices_md([n for n in self.notices if "待核验" in n])
        return text

    def citation_lines(self) -> list[dict[str, Any]]:
        """What the CLI prints: one {"law", "article", "citation"} per cited article."""
        return [
            {"law": e.version.title, "article": e.article.number, "citation": e.reference}
            for e in self.basis.entries
        ]


def draft_case(
    case: CaseInput,
    index: LawIndex,
    interview_date: date | None = None,
    llm: Any | None = None,
) -> Draft:
    """Draft everything for ``case``; ``llm`` is an optional LangChain chat model."""
    started = time.perf_counter()
    validate(case)
    planned = case.interview_time.date() if case.interview_time else None
    if interview_date and planned and interview_date != planned:
        text = m.DATE_CONFLICT.format(given=interview_date, planned=planned)
        raise DraftInputError([], [text], text)
    on_date = interview_date or (case.interview_time.date() if case.interview_time else None)
    date_notes = [] if on_date else [m.DATE_ASSUMED.format(date=date.today().isoformat())]
    on_date = on_date or date.today()

    # Retrieval and the legal basis.
    result = retrieve(case, index)
    facts = fact_tokens(case.matching_facts)
    selection = select_basis(result, index, facts, on_date, case.jurisdiction)
    cited_notices = add_cited_in_facts(selection, case, index, on_date, facts)

    # Problems, rectification, deadline, outline, papers.
    problems = problems_of(case, result)
    reason = case.reason or reason_of(case, result)
    deadline, unverified, deadline_notes = rectification_deadline(on_date)
    items = rectification_items(case, result, selection)
    report = report_requirements(case, items)
    outline = interview_outline(case, result, reason, problems, selection, items, deadline)
    ctx = paper_context(case, reason, problems, selection, items, deadline, report, outline)
    if interview_date is not None and case.interview_time is None:
        ctx = replace(ctx, interview_date=interview_date)
    notices = draft_notices(
        case, selection, result, date_notes + cited_notices + deadline_notes, index
    )

    draft = Draft(
        case, on_date, selection, result, problems, reason, items, deadline, unverified,
        report, outline, ctx, notices, {},
    )  # fmt: skip
    if llm is not None:
        _run_llm(draft, index, llm)
    draft.provenance = provenance(draft, index, time.perf_counter() - started)
    return draft


# --- retrieval ---------------------------------------------------------------------------


def retrieve(case: CaseInput, index: LawIndex) -> SearchResult:
    """Search the facts (simplified, NFKC) plus the problem category, if given."""
    query = " ".join(p for p in (case.problem_category, case.matching_facts) if p)
    return index.search(query, K)


def add_cited_in_facts(selection, case, index: LawIndex, on_date: date, facts) -> list[str]:
    """Articles the facts cite themselves (违反消保法第二十五条) join the basis via lookup;
    laws the corpus lacks are reported so they can be imported."""
    notices = []
    for ref in find_citations(case.matching_facts, index.resolver):
        written = case.matching_facts[ref.span[0] : ref.span[1]]
        if not ref.law_key:
            notices.append(m.LAW_NOT_IN_CORPUS.format(law=ref.law_text))
            continue
        try:
            _, article, version = index.lookup(written)
        except CitationNotFound as exc:
            notices.append(f"{exc.message_zh}（案情中引用：{written}）")
            continue
        law_key = index.resolver.resolve(ref.law_text) or ""
        add_hit(selection, index, Hit(article, version, law_key, 0.0), facts, on_date, ())
    return notices


# --- problems and reason -------------------------------------------------------------------


def problems_of(case: CaseInput, result: SearchResult) -> list[str]:
    strong = strong_violations(result)
    if strong:
        return [_problem(v.type.brief, fact_sentence(case.facts, v.cues)) for v in strong]
    return [case.problem_category or _first_sentence(case.facts)]


def _problem(brief: str, fact: str) -> str:
    if not fact:
        return m.PROBLEM_VIOLATION.format(violation=brief)
    return m.PROBLEM_VIOLATION_FACT.format(violation=brief, fact=fact)


def fact_sentence(facts: str, cues: tuple[str, ...] | list[str], limit: int = 40) -> str:
    """The clause of the case facts holding one of `cues` (the conduct as the official wrote
    it; with the next clause when it is very short), shortened to `limit` characters; ""
    when no cue occurs. The last cues are tried first: a type's cue groups run from the
    subject (预付, 年卡) to the conduct (闭店, 拒绝退), and the conduct tells types apart."""
    clauses = [c.strip() for c in re.split(r"[，,。；;！？!?\n]", facts) if c.strip()]
    for cue in reversed(cues):
        at = next((i for i, c in enumerate(clauses) if cue and cue in c), None)
        if at is not None:
            text = clauses[at]
            if len(text) < 12 and at + 1 < len(clauses):
                text += "，" + clauses[at + 1]
            return short(text, limit)
    return ""


def reason_of(case: CaseInput, result: SearchResult) -> str:
    names = "、".join(v.type.brief for v in strong_violations(result)[:3])
    names = names or case.problem_category or m.REASON_GENERIC
    count = case.complaint_count
    scale = m.REASON_SCALE_COMPLAINTS.format(count=count) if count else m.REASON_SCALE_DEFAULT
    return m.REASON_DEFAULT.format(problems=names, scale=scale)


def _first_sentence(text: str) -> str:
    for end in "。；;！？\n":
        text = text.split(end)[0]
    return short(text.strip(), 80)


# --- rectification ---------------------------------------------------------------------------


def rectification_deadline(on_date: date) -> tuple[date | None, bool, list[str]]:
    """15 working days after the interview, from the dashboard's official calendar."""
    try:
        from dashboard.errors import DashboardError
        from dashboard.workdays import rectification_deadline as compute
    except ImportError as exc:
        log.warning("working-day calendar unavailable: %s", exc)
        return None, True, [m.DEADLINE_UNAVAILABLE.format(reason=type(exc).__name__)]
    try:
        deadline = compute(None, on_date)
    except DashboardError as exc:
        log.warning("deadline not computed: %s", type(exc).__name__)
        return None, True, [m.DEADLINE_UNAVAILABLE.format(reason=type(exc).__name__)]
    if not deadline.unverified:
        return deadline.due, False, []
    years = sorted({d.year for d in deadline.uncovered})
    note = m.DEADLINE_UNVERIFIED.format(year="、".join(str(y) for y in years))
    return deadline.due, True, [note]


def rectification_items(case, result: SearchResult, selection) -> list[RectificationItem]:
    """Stop the recognised conduct, then one action per breached obligation (duties first)."""
    items: list[RectificationItem] = []
    first_basis = selection.obligations[0].reference if selection.obligations else ""
    for v in strong_violations(result)[:MAX_STOP_ITEMS]:
        action = m.ACTION_STOP_VIOLATION.format(violation=v.type.brief)
        items.append(RectificationItem(action, _basis_for(v.type.name, selection) or first_basis))
    for entry in selection.obligations[:MAX_OBLIGATION_ITEMS]:
        if any(i.basis == entry.reference for i in items):
            continue  # its conduct already has a "stop" item citing this article
        sentence = next((s for s in entry.sentences if is_duty(s)), None)
        sentence = sentence or (entry.sentences[0] if entry.sentences else "")
        action = action_for(sentence) if sentence else ""
        if action and all(i.action != action for i in items):
            items.append(RectificationItem(action, entry.reference))
    if case.complaint_count:
        items.append(RectificationItem(m.ACTION_COMPLAINTS.format(count=case.complaint_count)))
    items.append(RectificationItem(m.ACTION_MECHANISM))
    return items


def _basis_for(violation: str, selection: BasisSelection) -> str:
    for entry in selection.obligations:
        if entry.violation == violation:
            return entry.reference
    return ""


def report_requirements(case: CaseInput, items: list[RectificationItem]) -> list[str]:
    from assistant.templates.wording import DEFAULT_REPORT_REQUIREMENTS

    out = [m.REPORT_ITEMS.format(count=len(items)) + "；"]
    if case.complaint_count:
        out.append(m.REPORT_COMPLAINTS.format(count=case.complaint_count) + "；")
    return out + list(DEFAULT_REPORT_REQUIREMENTS)


# --- outline -----------------------------------------------------------------------------------


def interview_outline(
    case, result, reason, problems, selection, items, deadline
) -> InterviewOutline:
    """The five contents of 第十条 in order, with questions for this case."""
    due = format_date(deadline) if deadline else m.QUESTION_DEADLINE_DEFAULT
    return InterviewOutline(
        reason=OutlineSection(points=(reason, *problems, m.OUTLINE_PURPOSE)),
        statement=OutlineSection(questions=tuple(_statement_questions(case, result, due))),
        law_and_rectification=_law_section(selection, items, due),
    )


def _statement_questions(case, result: SearchResult, due: str) -> list[str]:
    names = [v.type.brief for v in result.violations[:3]]
    names = names or [case.problem_category or _first_sentence(case.facts)]
    questions = [m.QUESTION_CUE.format(cue=f"“{n}”") for n in names]
    if case.complaint_count:
        questions.append(m.QUESTION_COMPLAINTS.format(count=case.complaint_count))
    questions.append(m.QUESTION_COMMIT.format(deadline=due))
    return questions


def _law_section(selection: BasisSelection, items, due: str) -> OutlineSection:
    points = [
        m.OUTLINE_LAW.format(citation=e.reference, sentence=short(e.sentences[0], 80))
        for e in selection.entries
        if e.sentences
    ]
    points.append(m.OUTLINE_CAUSE)
    points += [f"整改要求：{i.text}" for i in items]
    points.append(m.OUTLINE_DEADLINE.format(deadline=due))
    questions = [
        m.QUESTION_OBLIGATION.format(sentence=short(e.sentences[0], 50))
        for e in selection.obligations[:3]
        if e.sentences
    ]
    return OutlineSection(
        points=tuple(points), questions=(*questions, "对整改内容、措施和期限有无异议？")
    )


# --- papers ---------------------------------------------------------------------------------


def paper_context(case, reason, problems, selection, items, deadline, report, outline):
    """The PaperContext all papers are rendered from; bad values raise DraftInputError."""
    try:
        return PaperContext(
            bureau_name=case.bureau,
            doc_number=case.doc_number,
            parties=case.parties,
            reason=reason,
            facts=case.facts,
            problems=problems,
            evidence=evidence_of(case),
            interview_start=case.interview_time,
            place=case.place,
            interviewers=case.interviewers,
            recorder=case.recorder,
            invited=case.invited,
            materials=case.materials or m.DEFAULT_MATERIALS,
            contact_name=case.contact_name,
            contact_phone=case.contact_phone,
            department=case.department,
            citations=[e.to_citation() for e in selection.entries],
            rectification_items=items,
            rectification_deadline=deadline,
            report_requirements=report,
            outline=outline,
            consumer_notice=consumer_notice(case, selection, problems),
        )
    except PaperError as exc:
        raise DraftInputError([], [exc.message_zh], exc.message_zh) from exc


def evidence_of(case: CaseInput) -> list[str]:
    out = list(case.evidence)
    if case.complaint_count:
        out.append(m.EVIDENCE_COMPLAINTS.format(count=case.complaint_count))
    if case.amount:
        out.append(m.EVIDENCE_AMOUNT.format(amount=case.amount))
    return out


def consumer_notice(case: CaseInput, selection, problems: list[str]) -> ConsumerNotice | None:
    """A 消费提示 for a common problem (collective interview, 第十七条)."""
    if not case.collective:
        return None
    topic = case.problem_category or problems[0].removeprefix("涉嫌")
    tips = [
        m.ALERT_TIP_LAW.format(citation=e.reference, sentence=short(e.sentences[0], 90))
        for e in selection.obligations[:3]
        if e.sentences
    ]
    situation = m.ALERT_SITUATION.format(count=len(case.parties), topic=topic, facts="")
    return ConsumerNotice(
        title=m.ALERT_TITLE.format(topic=topic),
        situation=situation.strip(),
        tips=(*tips, m.ALERT_TIP_KEEP),
    )


# --- notices and provenance --------------------------------------------------------------


def draft_notices(
    case, selection: BasisSelection, result: SearchResult, extra, index: LawIndex
) -> list[str]:
    notices = []
    if not selection.entries:
        notices.append(m.NO_LAW_FOUND)
    elif not result.violations:
        notices.append(m.NO_TAXONOMY_MATCH)
    notices += [
        m.TAXONOMY_LAW_NOT_IMPORTED.format(law=law, violation=name)
        for law, name in laws_to_import(result, index)
    ]
    if case.traditional:
        notices.append(m.TRADITIONAL_INPUT)
    rare = rare_characters(" ".join(p.name for p in case.parties))
    if rare:
        notices.append(m.RARE_CHARACTERS.format(chars="、".join(rare)))
    missing_codes = [p.name for p in case.parties if not p.credit_code]
    if missing_codes:
        notices.append(m.CREDIT_CODE_MISSING.format(names="、".join(missing_codes)))
    return notices + selection.notices + list(extra)


def laws_to_import(result: SearchResult, index: LawIndex) -> list[tuple[str, str]]:
    """(law, violation) for the laws a recognised violation is breached or punished under
    that the corpus lacks (网络购买商品七日无理由退货暂行办法 before it is imported)."""
    out: dict[str, str] = {}
    for match in strong_violations(result):
        for ref in (*match.type.breaches, *match.type.penalties):
            if not index.resolver.resolve(ref.law):
                out.setdefault(ref.law, match.type.name)
    return list(out.items())


def rare_characters(text: str) -> list[str]:
    """Characters outside GB2312 (many official fonts lack them)."""
    out = []
    for ch in text:
        try:
            ch.encode(_NOT_GB2312)
        except UnicodeEncodeError:
            out.append(ch)
    return list(dict.fromkeys(out))


def provenance(draft: Draft, index: LawIndex, seconds: float) -> dict[str, Any]:
    """What produced the draft, so a reviewer can trace each sentence to its source."""
    return {
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "interview_date": draft.interview_date.isoformat(),
        "mode": "llm" if draft.llm else "offline",
        "model": draft.llm.model if draft.llm else "",
        "index": {
            k: index.info.get(k)
            for k in ("scope", "articles", "built_at", "dense_ready", "model", "dimension")
        },
        "dense_used": draft.search.dense_used,
        "violations": [
            {"id": v.type.id, "name": v.type.name, "cues": list(v.cues)}
            for v in draft.search.violations
        ],
        "retrieved": [_hit_record(h) for h in draft.search.hits],
        "cited": [_entry_record(e) for e in draft.basis.entries],
        "notices": draft.notices,
        "unverified_citations": draft.llm.flagged if draft.llm else [],
        "seconds": round(seconds, 3),
    }


def _hit_record(hit: Hit) -> dict[str, Any]:
    return {
        "key": hit.article.key,
        "citation": hit.citation,
        "version_id": hit.version.version_id,
        "version_date": hit.version.version_date,
        "status": hit.version.status,
        "score": round(hit.score, 6),
        "ranks": hit.ranks,
        "violation": hit.violation,
        "role": hit.role,
    }


def _entry_record(entry: BasisEntry) -> dict[str, Any]:
    return {
        "key": entry.article.key,
        "citation": entry.reference,
        "law": entry.version.title,
        "article": entry.article.number,
        "paragraph": entry.part.paragraph,
        "item": entry.part.item,
        "version_id": entry.version.version_id,
        "version_date": entry.version.version_date,
        "status": entry.version.status,
        "role": entry.role,
        "source": entry.source,
        "violation": entry.violation,
        "current_version_date": entry.current.version_date if entry.current else None,
    }


def _notices_md(notices: list[str]) -> str:
    if not notices:
        return ""
    lines = [f"\n## {m.NOTICES_HEADING}\n"] + [f"- {n}" for n in notices]
    return "\n".join(lines) + "\n"


def _llm_md(llm: LlmSection | None) -> str:
    if llm is None:
        return ""
    out = f"\n## {m.LLM_HEADING.format(model=llm.model)}\n\n{llm.text.strip()}\n"
    return out + (f"\n{llm.report}\n" if llm.report else "")


def _run_llm(draft: Draft, index: LawIndex, llm) -> None:
    from assistant.llm_drafting import stream_checked

    try:
        for _ in stream_checked(draft, index, llm):
            pass
    except LlmUnavailable as exc:
        draft.notices.append(exc.message_zh)
