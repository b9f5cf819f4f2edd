"""Chinese tokenisation for BM25: jieba with the project's legal-term dictionary."""

from __future__ import annotations

import logging
import re
import threading
from functools import cache

import jieba

from assistant.normalize import normalize_for_matching
from assistant.settings import ROOT
from assistant.violations import load_taxonomy

log = logging.getLogger(__name__)

LEGAL_TERMS = ROOT / "corpus" / "legal_terms.txt"
_LOCK = threading.Lock()
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
# Function words that carry no retrieval signal in statutes or case notes.
STOPWORDS = frozenset(
    "的 了 和 与 或 及 等 是 在 有 为 对 由 其 之 者 所 以 而 也 就 都 并 被 把 将 从"
    " 向 于 按 这 那 该 本 此 其他 应当 可以 一 个 中 上 下 后 前 时 不 没有 我们 他们"
    " 你们 什么 怎么 如何 吗 呢 吧"
    " 啊 请问 能 会 要 让 给 还 又 已 已经 但 但是 如果 因为 所以 ".split()
)


@cache
def _tokenizer() -> jieba.Tokenizer:
    with _LOCK:
        tk = jieba.Tokenizer()
        jieba.setLogLevel(logging.WARNING)
        tk.load_userdict(str(LEGAL_TERMS))
        for term in _taxonomy_terms():
            tk.add_word(term, freq=2000)
        return tk


def _taxonomy_terms() -> set[str]:
    """Plain cue words of the violation taxonomy (跑路, 退一赔三, …) are domain terms too."""
    terms = set()
    for vtype in load_taxonomy():
        for group in vtype.cues:
            terms.update(c for c in group if not c.startswith("re:") and 2 <= len(c) <= 8)
    return terms


def tokenize(text: str) -> list[str]:
    """Normalised search tokens of `text` (search-mode segmentation, stopwords removed)."""
    norm = normalize_for_matching(text, simplify=True).lower()
    tokens = []
    for tok in _tokenizer().cut_for_search(norm):
        tok = tok.strip()
        if tok and tok not in STOPWORDS and _WORD.search(tok):
            tokens.append(tok)
    return tokens


def add_terms(terms: list[str]) -> None:
    """Teach the tokenizer extra domain terms (e.g. from the glossary or the taxonomy)."""
    tk = _tokenizer()
    for term in terms:
        tk.add_word(term, freq=2000)
