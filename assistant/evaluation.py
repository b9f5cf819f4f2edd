"""Retrieval evaluation on the bench format: {"id", "query", "relevant": [{"law", "article"}]}.

Prints Recall@k and MRR@10 for bm25, dense and hybrid side by side, with queries per second.
`hybrid` is the full pipeline the assistant itself uses. When a line marks `primary`
entries, `primary@k` is Recall@k over those alone.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import BenchFormatError
from assistant.importing import canonical_title
from assistant.messages import message
from assistant.retrieval import MODES, LawIndex


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    relevant: frozenset[tuple[str, int]]
    primary: frozenset[tuple[str, int]]


def read_bench_lines(path: Path) -> list[dict]:
    """The JSON objects of a bench file, each checked to have a query and relevant articles."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchFormatError(message("bench_unreadable", path=path)) from exc
    lines = []
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            lines.append(_bench_line(path, n, line))
    if not lines:
        raise BenchFormatError(message("bench_empty", path=path))
    return lines


def _bench_line(path: Path, n: int, line: str) -> dict:
    try:
        d = json.loads(line)
        assert isinstance(d, dict) and isinstance(d["query"], str) and d["query"].strip()
        for r in d["relevant"]:
            str(r["law"]), int(r["article"])
        return d
    except (json.JSONDecodeError, AssertionError, KeyError, TypeError, ValueError) as exc:
        raise BenchFormatError(message("bench_bad_line", path=path, line=n)) from exc


def load_queries(path: Path) -> list[Query]:
    out = []
    for n, d in enumerate(read_bench_lines(path), start=1):
        rel = frozenset((canonical_title(r["law"]), int(r["article"])) for r in d["relevant"])
        pri = frozenset(
            (canonical_title(r["law"]), int(r["article"]))
            for r in d["relevant"]
            if r.get("primary")
        )
        out.append(Query(str(d.get("id", n)), d["query"], rel, pri))
    return out


def evaluate(
    index: LawIndex, queries: list[Query], ks: list[int], modes: tuple[str, ...] = MODES
) -> dict[str, dict[str, float]]:
    depth = max([*ks, 10])
    report: dict[str, dict[str, float]] = {}
    for mode in modes:
        if mode == "dense" and index.dense is None:
            continue
        ranked, seconds = _run(index, queries, depth, mode)
        report[mode] = _metrics(queries, ranked, ks) | _latency(seconds)
    return report


def _run(index: LawIndex, queries: list[Query], depth: int, mode: str):
    """Ranked (law, article) lists and the seconds each query took (warm: one query first)."""
    if queries:
        index.search(queries[0].text, depth, mode=mode)
    ranked, seconds = [], []
    for q in queries:
        started = time.perf_counter()
        hits = index.search(q.text, depth, mode=mode).hits
        seconds.append(time.perf_counter() - started)
        ranked.append([(canonical_title(h.version.title), h.article.number) for h in hits])
    return ranked, seconds


def _latency(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds) or [0.0]
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "qps": len(seconds) / max(sum(seconds), 1e-9),
        "p50_ms": 1000 * ordered[len(ordered) // 2],
        "p95_ms": 1000 * p95,
    }


def _metrics(queries: list[Query], ranked: list[list[tuple[str, int]]], ks: list[int]) -> dict:
    out: dict[str, float] = {}
    for k in ks:
        out[f"recall@{k}"] = _mean(
            len(q.relevant & set(r[:k])) / len(q.relevant)
            for q, r in zip(queries, ranked, strict=True)
        )
        with_primary = [(q, r) for q, r in zip(queries, ranked, strict=True) if q.primary]
        if with_primary:
            out[f"primary@{k}"] = _mean(
                len(q.primary & set(r[:k])) / len(q.primary) for q, r in with_primary
            )
    out["mrr@10"] = _mean(
        next((1 / i for i, x in enumerate(r[:10], 1) if x in q.relevant), 0.0)
        for q, r in zip(queries, ranked, strict=True)
    )
    return out


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def misses(index: LawIndex, queries: list[Query], k: int = 5) -> list[dict]:
    """Queries whose primary (or, lacking one, any relevant) article is not in the top k."""
    out = []
    for q in queries:
        hits = index.search(q.text, k).hits
        got = [(canonical_title(h.version.title), h.article.number) for h in hits]
        target = q.primary or q.relevant
        if not target & set(got):
            out.append({"id": q.id, "want": sorted(target), "got": got})
    return out
