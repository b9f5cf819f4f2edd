"""Retrieval evaluation on the bench format: {"id", "query", "relevant": [{"law", "article"}]}.

Prints Recall@k and MRR@10 for bm25, dense and hybrid side by side, with queries per second.
`hybrid` is the full pipeline the assistant itself uses. When a line marks `primary`
entries, `primary@k` is Recall@k over those alone.

Labels name an article by law and number. A bench written against the newest version of a
law may number an article after a revision that is not yet in force (商标法 2026, in force
from 2027-01-01); the assistant then rightly returns the article of the version in force.
`follow_versions` lets such a label count as found under either number, and says how many
labels it read that way.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.errors import BenchFormatError
from assistant.importing import canonical_title
from assistant.messages import message
from assistant.models import STATUS_IN_FORCE, STATUS_PENDING
from assistant.retrieval import MODES, LawIndex
from assistant.versions import matching_article

log = logging.getLogger(__name__)

Label = tuple[str, int]  # (canonical law title, article number)


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    relevant: frozenset[Label]
    primary: frozenset[Label]
    # A label numbered after a version not yet in force -> the in-force article that states
    # the same rule (see follow_versions).
    also: dict[Label, Label] = field(default_factory=dict)

    def found(self, labels: frozenset[Label], ranked: list[Label]) -> int:
        """How many of `labels` are in `ranked`, each under its own number or its `also`."""
        got = set(ranked)
        return sum(label in got or self.also.get(label) in got for label in labels)


def read_bench_lines(path: Path) -> list[dict]:
    """The JSON objects of a bench file, each checked to have a query and relevant articles."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BenchFormatError(message("bench_not_utf8", path=path)) from exc
    except OSError as exc:
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
        assert isinstance(d["relevant"], list) and d["relevant"]
        for r in d["relevant"]:
            assert str(r["law"]).strip() and int(r["article"]) > 0
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


def resolve_labels(index: LawIndex, queries: list[Query]) -> tuple[list[Query], list[str]]:
    """Queries whose label laws are written as the corpus titles them (消保法 -> 消费者权益保护法,
    as search accepts), and the label laws the corpus does not hold."""
    titles = dict(index.store.law_keys())
    unknown: dict[str, None] = {}

    def title(law: str) -> str:
        key = index.resolver.resolve(law)
        if key is None:
            unknown.setdefault(law, None)
            return law
        return canonical_title(titles.get(key, law))

    def fix(labels: frozenset[Label]) -> frozenset[Label]:
        return frozenset((title(law), number) for law, number in labels)

    out = [replace(q, relevant=fix(q.relevant), primary=fix(q.primary)) for q in queries]
    return out, list(unknown)


def follow_versions(index: LawIndex, queries: list[Query]) -> tuple[list[Query], int]:
    """Queries whose labels, where a law has a version not yet in force holding that article
    number, also accept the in-force article stating the same rule; and how many labels."""
    cache: dict[Label, Label | None] = {}
    out, mapped = [], 0
    for q in queries:
        also = {}
        for label in q.relevant:
            if label not in cache:
                cache[label] = _in_force_counterpart(index, label)
            if cache[label] and cache[label] != label:
                also[label] = cache[label]
        mapped += len(also)
        out.append(replace(q, also=also) if also else q)
    return out, mapped


def _in_force_counterpart(index: LawIndex, label: Label) -> Label | None:
    law_key = index.resolver.resolve(label[0])
    versions = index.store.versions(law_key) if law_key else []
    pending = [v for v in versions if v.status == STATUS_PENDING]
    in_force = [v for v in versions if v.status == STATUS_IN_FORCE]
    if not pending or not in_force:
        return None
    newest = max(pending, key=lambda v: v.effective_date)
    article = index.store.article(newest.version_id, label[1])
    if article is None:
        return None
    current = max(in_force, key=lambda v: v.version_date)
    same = matching_article(index.store, article, current)
    return (label[0], same.number) if same is not None else None


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
            q.found(q.relevant, r[:k]) / len(q.relevant)
            for q, r in zip(queries, ranked, strict=True)
        )
        with_primary = [(q, r) for q, r in zip(queries, ranked, strict=True) if q.primary]
        if with_primary:
            out[f"primary@{k}"] = _mean(
                q.found(q.primary, r[:k]) / len(q.primary) for q, r in with_primary
            )
    out["mrr@10"] = _mean(
        next((1 / i for i, x in enumerate(r[:10], 1) if q.found(q.relevant, [x])), 0.0)
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
        if not q.found(target, got):
            out.append({"id": q.id, "want": sorted(target), "got": got})
    return out
