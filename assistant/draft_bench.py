"""Drafting benchmark: ``python -m assistant draft-bench --queries FILE.jsonl [--json]``.

Each line's query is drafted as the facts of a case (offline, no model). Printed: the share
of cases whose primary article is cited in the legal basis (target >= 0.85), the number of
citations in the generated Markdown that do not resolve to the corpus (must be 0), and the
mean and max seconds per draft (target < 2 s). The index is loaded and the tokenizer warmed
up before timing starts.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import date

from assistant.case_input import CaseInput
from assistant.citation_check import check_text
from assistant.drafting import DRAFT_KINDS, Draft, draft_case
from assistant.evaluation import read_bench_lines
from assistant.papers import Party
from assistant.retrieval import LawIndex

BENCH_PARTY = Party(name="某经营者（评测）", credit_code="")
BENCH_JURISDICTION = "新疆维吾尔自治区乌鲁木齐市"
BENCH_DATE = date(2026, 3, 5)


@dataclass
class BenchReport:
    cases: int = 0
    primary_cited: float = 0.0
    unresolved_citations: int = 0
    mean_seconds: float = 0.0
    max_seconds: float = 0.0
    misses: list[dict] = field(default_factory=list)  # cases whose primary was not cited
    unresolved: list[str] = field(default_factory=list)


def run_bench(index: LawIndex, queries: list[dict]) -> BenchReport:
    index.search("消费者投诉 退货", 5)  # warm up the tokenizer outside the timings
    report = BenchReport(cases=len(queries))
    hits, times = 0, []
    for q in queries:
        case = CaseInput(parties=(BENCH_PARTY,), facts=q["query"], jurisdiction=BENCH_JURISDICTION)
        started = time.perf_counter()
        draft = draft_case(case, index, BENCH_DATE)
        times.append(time.perf_counter() - started)
        if primary_cited(draft, q):
            hits += 1
        else:
            report.misses.append(
                {"id": q.get("id"), "primary": _primary(q), "cited": _cited(draft)}
            )
        report.unresolved += unresolved_citations(draft, index)
    report.primary_cited = hits / len(queries) if queries else 0.0
    report.unresolved_citations = len(report.unresolved)
    report.mean_seconds = sum(times) / len(times) if times else 0.0
    report.max_seconds = max(times, default=0.0)
    return report


def primary_cited(draft: Draft, query: dict) -> bool:
    primary = _primary(query)
    return any(
        e.version.title == primary["law"] and e.article.number == primary["article"]
        for e in draft.basis.entries
    )


def unresolved_citations(draft: Draft, index: LawIndex) -> list[str]:
    """Citations the draft itself makes (law text quoted in '>' lines excluded) that fail."""
    out = []
    for kind in DRAFT_KINDS:
        own = "\n".join(
            line for line in draft.markdown(kind).splitlines() if not line.startswith(">")
        )
        out += [c.problem for c in check_text(own, index, draft.interview_date).flagged]
    return out


def _primary(query: dict) -> dict:
    relevant = query["relevant"]
    return next((r for r in relevant if r.get("primary")), relevant[0])


def _cited(draft: Draft) -> list[str]:
    return [e.reference for e in draft.basis.entries]


def cmd_draft_bench(args) -> int:
    report = run_bench(LawIndex(args.scope), read_bench_lines(args.queries))
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=1))
        return 0
    print(f"{report.cases} 个案例（{args.queries.name}，范围 {args.scope}，离线起草）")
    print(f"首选法条被引用比例：{report.primary_cited:.3f}（目标 ≥ 0.85）")
    print(f"无法在法规库中核实的引用：{report.unresolved_citations}（必须为 0）")
    print(f"每份起草用时：平均 {report.mean_seconds:.3f} 秒，最长 {report.max_seconds:.3f} 秒")
    for miss in report.misses:
        primary = miss["primary"]
        print(f"  未引用首选法条：{miss['id']} {primary['law']} 第{primary['article']}条")
    for problem in report.unresolved:
        print(f"  未核实引用：{problem}")
    return 0
