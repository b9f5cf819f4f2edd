"""The drafts saved with a case (Markdown as edited on the 起草 page) read back as paper fields.

The assistant writes each draft as Markdown with numbered ``## 一、…`` sections; the official
edits them and saves them with the case. This module reads the edited text back: the plan's
eight sections become the case's 约谈方案 items, the 整改意见 gives the problems, rectification
items, deadline and report requirements, and the 法律依据 gives the cited articles, so the
papers printed from the case page carry what the official approved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assistant.citations import CitationRef, find_citations
from assistant.papers import Citation, CitationRole, RectificationItem, unescape_markdown
from dashboard import messages

_SECTION = re.compile(r"^##\s+([一二三四五六七八九十]+)、(.*)$")
_SUBSECTION = re.compile(r"^###\s+（[一二三四五六七八九十]+）(.*)$")
_NUMBERED = re.compile(r"^\d+[.、]\s*(.*)$")
_DEADLINE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日前")
_CHINESE_ORDER = "一二三四五六七八"


@dataclass(frozen=True)
class PaperFields:
    """What the papers need from the drafts; empty when nothing was drafted."""

    problems: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    rectification_items: tuple[RectificationItem, ...] = ()
    deadline: dt.date | None = None
    report_requirements: tuple[str, ...] = ()
    plan: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.problems or self.citations or self.rectification_items or self.plan)


def sections(markdown: str) -> dict[str, list[str]]:
    """Chinese ordinal of each ``## 一、title`` section -> its non-empty lines (unescaped)."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in markdown.splitlines():
        line = unescape_markdown(raw.strip())
        if m := _SECTION.match(line):
            current = out.setdefault(m.group(1), [])
        elif line.startswith("## "):
            current = None  # notices, provenance and other trailing sections
        elif current is not None and line:
            current.append(line)
    return out


def _numbered(lines: list[str]) -> tuple[str, ...]:
    return tuple(m.group(1).strip() for line in lines if (m := _NUMBERED.match(line)))


def plan_items(markdown: str) -> dict[str, str]:
    """The plan's eight sections keyed by ``messages.PLAN_ITEMS`` (in the regulation's order)."""
    found = sections(markdown)
    items = {}
    for ordinal, key in zip(_CHINESE_ORDER, messages.PLAN_ITEMS, strict=True):
        lines = found.get(ordinal, [])
        if lines:
            items[key] = "\n".join(lines)
    return items


def rectification(markdown: str) -> dict:
    """problems, rectification_items, deadline and report_requirements of the 整改意见."""
    found = sections(markdown)
    deadline = None
    if m := _DEADLINE.search(" ".join(found.get("三", []))):
        deadline = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return {
        "problems": _numbered(found.get("一", [])),
        "rectification_items": tuple(RectificationItem(t) for t in _numbered(found.get("二", []))),
        "deadline": deadline,
        "report_requirements": _numbered(found.get("四", [])),
    }


def citations(markdown: str) -> tuple[Citation, ...]:
    """The cited articles of the 法律依据: section 一 obligations, section 二 liabilities."""
    out: list[Citation] = []
    role = None
    for raw in markdown.splitlines():
        line = unescape_markdown(raw.strip())
        if m := _SECTION.match(line):
            role = {"一": CitationRole.OBLIGATION, "二": CitationRole.LIABILITY}.get(m.group(1))
        elif line.startswith("## "):
            role = None
        elif role is not None and (m := _SUBSECTION.match(line)):
            if refs := find_citations(m.group(1)):
                out.append(_citation(refs[0], role))
    return tuple(out)


def _citation(ref: CitationRef, role: CitationRole) -> Citation:
    return Citation(ref.law_text, ref.article_label, paragraph=ref.paragraph, item=ref.item,
                    role=role)  # fmt: skip


_LIST_MARK = re.compile(r"^(?:\d+[.、．)）]|[（(][一二三四五六七八九十\d]+[)）]|[-*•])\s*")
_INVITED = re.compile(r"受邀[^：:]{0,8}[：:]\s*(.+)$")
_SEPARATORS = re.compile(r"[、，,；;]")


def _filled(text: str) -> bool:
    """Not empty and not a blank left to fill by hand (________)."""
    return bool(text.strip().strip("_＿ "))


def plan_list(text: str) -> tuple[str, ...]:
    """One plan item written as lines (numbered or not) -> its entries, numbering removed."""
    lines = (_LIST_MARK.sub("", unescape_markdown(line.strip())) for line in text.splitlines())
    return tuple(line.strip() for line in lines if _filled(line))


def plan_invited(text: str) -> tuple[str, ...]:
    """The invited units or persons the plan's 参加人员 item names (a "受邀…：" line)."""
    out: list[str] = []
    for line in plan_list(text):
        if m := _INVITED.search(line):
            out += [part.strip() for part in _SEPARATORS.split(m.group(1)) if _filled(part)]
    return tuple(out)


def from_texts(texts: dict[str, str]) -> PaperFields:
    """Paper fields from saved drafts keyed by kind (legal_basis, rectification, plan)."""
    fields = rectification(texts.get("rectification", ""))
    return PaperFields(
        citations=citations(texts.get("legal_basis", "")),
        plan=plan_items(texts.get("plan", "")),
        **fields,
    )
