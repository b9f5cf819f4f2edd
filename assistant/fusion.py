"""Fusion of ranked lists: weighted reciprocal-rank fusion."""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def reciprocal_rank_fusion(
    rankings: dict[str, Sequence[Hashable]],
    weights: dict[str, float] | None = None,
    k: int = 60,
    ks: dict[str, int] | None = None,
) -> list[tuple[Hashable, float, dict[str, int]]]:
    """Fuse named rankings (best first) into one: (item, score, {ranking: 1-based rank}).

    score(item) = sum over rankings of weight / (k + rank); `ks` gives a ranking its own k
    (a small k keeps that ranking's own order: its ranks matter more than agreement).
    """
    weights = weights or {}
    ks = ks or {}
    scores: dict[Hashable, float] = {}
    ranks: dict[Hashable, dict[str, int]] = {}
    for name, ranking in rankings.items():
        w, k_name = weights.get(name, 1.0), ks.get(name, k)
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + w / (k_name + rank)
            ranks.setdefault(item, {})[name] = rank
    fused = sorted(scores.items(), key=lambda kv: -kv[1])
    return [(item, score, ranks[item]) for item, score in fused]
