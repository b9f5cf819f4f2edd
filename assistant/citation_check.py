"""The citation check (引用核对): every 《…》第…条 in a text is resolved against the corpus.

A citation passes when its law is in the corpus and the article (and 款/项, if given) exists
in the version that applied on the interview date. Unknown laws, missing articles and
articles that only exist in superseded versions are flagged: the text gets 【未核实引用】
right after each of them and the check lists why, so nothing unverified is silently kept.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from assistant import drafting_messages as m
from assistant.chunking import locate
from assistant.citations import CITATION, CitationRef, parse_citation
from assistant.errors import ArticlePartNotFound
from assistant.legal_basis import REPEALED, applicable_version
from assistant.retrieval import LawIndex

log = logging.getLogger(__name__)

_LAW_NAME_END = re.compile(r"(法|条例|办法|规定|细则|规则|解释|决定|法典|通则)$")
_NOT_A_NAME = re.compile(r"(本|该|前述|上述|此)(法|条例|办法|规定|细则|规则|解释|决定)$")


@dataclass(frozen=True)
class CheckedCitation:
    written: str  # the citation as it appears in the text
    ref: CitationRef
    problem: str = ""  # Chinese explanation; empty when the citation resolved

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass
class CitationCheck:
    text: str  # the text with 【未核实引用】 after each flagged citation
    verified: list[CheckedCitation] = field(default_factory=list)
    flagged: list[CheckedCitation] = field(default_factory=list)

    def report(self) -> str:
        """The list of flagged citations, for the reviewer (empty when none)."""
        if not self.flagged:
            return ""
        lines = [m.UNVERIFIED_HEADING]
        lines += [f"{n}. {c.problem}" for n, c in enumerate(self.flagged, 1)]
        return "\n".join(lines)


def check_text(text: str, index: LawIndex, on_date: date) -> CitationCheck:
    """Check every citation in ``text``; flagged ones are marked in place."""
    check = CitationCheck(text="")
    lines = []
    for line in text.split("\n"):
        lines.append(_check_line(line, index, on_date, check))
    check.text = "\n".join(lines)
    log.info("citation check: %s verified, %s flagged", len(check.verified), len(check.flagged))
    return check


def _check_line(line: str, index: LawIndex, on_date: date, check: CitationCheck) -> str:
    norm = unicodedata.normalize("NFKC", line)
    same_length = len(norm) == len(line)
    ends: list[int] = []
    for match in CITATION.finditer(norm):
        written = match.group(0)
        ref = parse_citation(written)
        if ref is None or not _is_citation(match, ref, index):
            continue
        checked = check_citation(written, ref, index, on_date)
        (check.verified if checked.ok else check.flagged).append(checked)
        if not checked.ok:
            ends.append(match.end() if same_length else len(line))
    for end in sorted(ends, reverse=True):
        line = line[:end] + m.UNVERIFIED_MARK + line[end:]
    return line


def _is_citation(match: re.Match, ref: CitationRef, index: LawIndex) -> bool:
    """Quoted names always count; bare names count when they resolve or look like a law."""
    if match.group("quoted"):
        return True
    if index.resolver.resolve(ref.law_text):
        return True
    name = ref.law_text.strip()
    return bool(_LAW_NAME_END.search(name)) and not _NOT_A_NAME.search(name)


def check_citation(
    written: str, ref: CitationRef, index: LawIndex, on_date: date
) -> CheckedCitation:
    law_key = index.resolver.resolve(ref.law_text)
    if not law_key:
        problem = m.UNVERIFIED_UNKNOWN_LAW.format(citation=written, law=ref.law_text)
        return CheckedCitation(written, ref, problem)
    versions = index.store.versions(law_key)
    version = applicable_version(versions, on_date)
    article = index.store.article(version.version_id, ref.number, ref.suffix) if version else None
    if version is None or version.status == REPEALED or article is None:
        return CheckedCitation(written, ref, _missing(written, ref, index, versions, on_date))
    try:
        locate(article, ref.paragraph, ref.item)
    except ArticlePartNotFound as exc:
        problem = m.UNVERIFIED_PART.format(citation=written, reason=exc.message_zh)
        return CheckedCitation(written, ref, problem)
    return CheckedCitation(written, ref)


def _missing(written, ref: CitationRef, index: LawIndex, versions, on_date: date) -> str:
    elsewhere = any(index.store.article(v.version_id, ref.number, ref.suffix) for v in versions)
    if elsewhere:
        return m.UNVERIFIED_SUPERSEDED.format(citation=written, date=on_date.isoformat())
    newest = versions[0] if versions else None
    return m.UNVERIFIED_NO_ARTICLE.format(
        citation=written,
        law=newest.title if newest else ref.law_text,
        version=newest.version_date if newest else "",
        label=ref.article_label,
    )
