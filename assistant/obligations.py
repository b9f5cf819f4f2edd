"""Obligations (义务) read from the normative sentences of an article, and what to do about them.

A normative sentence holds 应当/不得/禁止/必须 (or, for liabilities, 罚款/责令…). The part
of an article that fits the facts best (款, 项) is chosen by token overlap with the facts;
items are only cited where the paragraph lists cases (下列情形之一…), never for exceptions.
Each obligation yields a rectification action phrased by its verb: stop, refund, establish,
disclose, or plainly perform.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import drafting_messages as m
from assistant.chunking import items_of
from assistant.models import Article
from assistant.tokenize import tokenize

DUTY_WORDS = ("应当", "不得", "禁止", "必须", "严禁")
RIGHT_WORDS = ("有权",)
LIABILITY_WORDS = ("罚款", "责令", "吊销", "没收", "警告", "处分", "承担", "赔偿", "处罚")
_SENTENCE_END = re.compile(r"(?<=[。；;！？])")
_LISTING = re.compile(r"(下列(?:情形|行为|情况|事项)(?:之一)?|有下列|以下(?:情形|行为))")
_EXCEPTION = re.compile(r"除外[：:]?$|除外[：:]")
_EXCEPTION_TAIL = re.compile(r"[，,]\s*(?:但|除)[^，,。；;]*除外[：:。；;]?$")
# A paragraph that carves an exception out of the rule before it ("除前款所列商品外，…不适用无理由
# 退货"): the rule is what a business breaches, so it is cited before its exception.
_CARVE_OUT = re.compile(r"^\s*除[^。；;]{0,40}外[，,]|不适用")
_ITEM_LABEL = re.compile(r"^[\s\u3000]*[（(][一二三四五六七八九十]+[)）]\s*")

_STOP = ("不得", "禁止", "严禁")
_REFUND = ("退还", "返还", "退款", "退货", "赔偿", "补偿", "修理", "更换", "重作", "召回", "退回")
_ESTABLISH = ("建立", "制定", "健全", "完善", "设置", "配备", "设立", "培训", "落实")
_DISCLOSE = (
    "标明",
    "明码标价",
    "公示",
    "告知",
    "说明",
    "披露",
    "公开",
    "明示",
    "提示",
    "标示",
    "提供真实",
    "真实、全面",
    "如实",
)


@dataclass(frozen=True)
class ArticlePart:
    """The part of an article a citation points to: 1-based paragraph/item or None."""

    paragraph: int | None
    item: int | None
    text: str  # the paragraph (or lead-in + item) the obligations come from
    overlap: tuple[str, ...]  # tokens shared with the facts


# Words in nearly every consumer article: sharing them says nothing about relevance.
GENERIC_WORDS = frozenset(
    "消费者 经营者 商品 服务 提供 规定 有关 部门 法律 法规 行政 进行 相关 依法 情况 要求"
    " 单位 行为 活动 经营 销售 国家 市场 监督 管理 合法权益 权益".split()
)


def fact_tokens(facts: str) -> frozenset[str]:
    return frozenset(t for t in tokenize(facts) if len(t) >= 2 and t not in GENERIC_WORDS)


def overlap(text: str, facts: frozenset[str]) -> tuple[str, ...]:
    """Tokens of ``text`` that occur in the facts, in text order, without repeats."""
    seen: dict[str, None] = {}
    for tok in tokenize(text):
        if len(tok) >= 2 and tok in facts:
            seen.setdefault(tok, None)
    return tuple(seen)


def best_part(
    article: Article, facts: frozenset[str], extra: tuple[str, ...] = (), paragraph: int = 0
) -> ArticlePart:
    """The paragraph (and item, where the paragraph lists cases) that matches the facts best;
    `paragraph` (1-based), when the violation taxonomy names one, is taken as given."""
    paragraphs = list(article.paragraphs) or [article.text]
    wanted = facts | frozenset(extra)
    scored = [
        (len(overlap(p, wanted)) > 0 and not _CARVE_OUT.search(p), len(overlap(p, wanted)), -i, i)
        for i, p in enumerate(paragraphs)
    ]
    _, best_score, _, index = max(scored)
    if 0 < paragraph <= len(paragraphs) and len(paragraphs) > 1:
        index, best_score = paragraph - 1, max(best_score, 1)
    cite_paragraph = len(paragraphs) > 1 and best_score > 0
    paragraph_no = index + 1 if cite_paragraph else None
    if not cite_paragraph:
        index = _first_normative(paragraphs)
    text = paragraphs[index]
    item_no, item_text = _best_item(text, wanted)
    if item_no is not None:
        text = f"{lead_in(text)}\n{_ITEM_LABEL.sub('', item_text)}"
    return ArticlePart(paragraph_no, item_no, text, overlap(text, facts))


def _first_normative(paragraphs: list[str]) -> int:
    for i, p in enumerate(paragraphs):
        if any(w in p for w in DUTY_WORDS + LIABILITY_WORDS):
            return i
    return 0


def lead_in(paragraph: str) -> str:
    """The paragraph's text before its first item line."""
    return paragraph.splitlines()[0] if paragraph else ""


def _best_item(paragraph: str, wanted: frozenset[str]) -> tuple[int | None, str]:
    """The item (项) to cite: only in listings of cases, and only when one item stands out."""
    head = lead_in(paragraph)
    items = items_of(paragraph)
    if not items or not _LISTING.search(head) or _EXCEPTION.search(head):
        return None, ""
    scores = [len(overlap(_ITEM_LABEL.sub("", it), wanted)) for it in items]
    top = max(scores)
    if top < 1 or scores.count(top) > 1:
        return None, ""
    return scores.index(top) + 1, items[scores.index(top)]


def sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        out += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return out


def normative_sentences(text: str, liability: bool = False) -> list[str]:
    """Sentences that state a duty (or, for liabilities, a consequence), in text order."""
    words = DUTY_WORDS + LIABILITY_WORDS if liability else DUTY_WORDS
    found = [s for s in sentences(text) if any(w in s for w in words)]
    if not found and not liability:
        found = [s for s in sentences(text) if any(w in s for w in RIGHT_WORDS)]
    return found or sentences(text)[:1]


def rank_sentences(
    found: list[str], facts: frozenset[str], prefer: tuple[str, ...] = ()
) -> list[str]:
    """Normative sentences: those with a ``prefer`` word first, then by words shared with
    the facts (stable)."""

    def key(i: int) -> tuple[int, int, int]:
        preferred = any(w in found[i] for w in prefer)
        return (0 if preferred else 1, -len(overlap(found[i], facts)), i)

    return [found[i] for i in sorted(range(len(found)), key=key)]


def is_duty(sentence: str) -> bool:
    return any(w in sentence for w in DUTY_WORDS)


def action_for(sentence: str) -> str:
    """The rectification action an obligation sentence calls for, phrased by its verb."""
    sentence = _EXCEPTION_TAIL.sub("", sentence)
    if not is_duty(sentence):
        return m.ACTION_RIGHT.format(clause=sentence.rstrip("。；;：:，,"))
    clause = _clause(sentence)
    if any(w in sentence for w in _STOP):
        return m.ACTION_PROHIBITION.format(clause=_after(sentence, _STOP))
    if any(w in clause for w in _REFUND):
        return m.ACTION_REFUND.format(clause=clause)
    if any(w in clause for w in _ESTABLISH):
        return m.ACTION_ESTABLISH.format(clause=clause)
    if any(w in clause for w in _DISCLOSE):
        return m.ACTION_DISCLOSE.format(clause=clause)
    return m.ACTION_DUTY.format(clause=clause)


def _clause(sentence: str) -> str:
    for word in ("应当", "必须"):
        if word in sentence:
            return _after(sentence, (word,))
    return sentence.rstrip("。；;：:")


def _after(sentence: str, words: tuple[str, ...]) -> str:
    cut = min((sentence.find(w), w) for w in words if w in sentence)
    return sentence[cut[0] + len(cut[1]) :].strip("，,。；;：: ")


def short(sentence: str, limit: int = 60) -> str:
    """A sentence cut for quoting in running text (…)."""
    sentence = _EXCEPTION_TAIL.sub("", sentence).rstrip("。；;：:")
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
