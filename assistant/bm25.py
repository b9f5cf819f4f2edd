"""Lexical retrieval: BM25 (bm25s) over jieba tokens."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import bm25s
import numpy as np

from assistant.tokenize import tokenize

log = logging.getLogger(__name__)
# bm25s sets its own logger to DEBUG, which prints "Building index from tokens" on every build.
logging.getLogger("bm25s").setLevel(logging.WARNING)

KEYS_FILE = "keys.json"


class Bm25Index:
    """BM25 over the articles of one scope; row i of the index is `keys[i]`."""

    def __init__(self, model: bm25s.BM25, keys: list[str]):
        self.model = model
        self.keys = keys

    @classmethod
    def build(cls, keys: list[str], texts: list[str]) -> Bm25Index:
        if len(keys) != len(texts):
            raise ValueError("keys and texts must have the same length")
        model = bm25s.BM25(k1=1.2, b=0.75)
        model.index([tokenize(t) or ["∅"] for t in texts], show_progress=False)
        return cls(model, keys)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.model.save(str(folder), show_progress=False)
        (folder / KEYS_FILE).write_text(json.dumps(self.keys, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Bm25Index:
        model = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)
        keys = json.loads((folder / KEYS_FILE).read_text(encoding="utf-8"))
        return cls(model, keys)

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        tokens = tokenize(query)
        if not tokens:
            return np.zeros(len(self.keys), dtype=np.float32)
        scores = self.model.get_scores(tokens)
        return scores * mask if mask is not None else scores

    def run(
        self, query: str, top_k: int = 100, mask: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Indices and scores of the best `top_k` rows (only rows with a positive score)."""
        scores = self.scores(query, mask)
        return top_indices(scores, top_k)


def top_indices(scores: np.ndarray, top_k: int) -> list[tuple[int, float]]:
    k = min(top_k, len(scores))
    if k <= 0:
        return []
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]
