"""Selecting the legal basis (法律依据) of a case from retrieval hits.

Taxonomy hits come first (breaches as obligations, penalties as liabilities), then retrieval
hits that share enough words with the facts. Every entry is an article of the corpus, in the
version in force on the interview date: when that version is not the current one it is used
and a notice says so; articles not yet in force or repealed on that date are left out.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date

from assistant import drafting_messages as m
from assistant.models import Article, LawVersion
from assistant.numerals import int_to_cn
from assistant.obligations import (
    DUTY_WORDS,
    ArticlePart,
    best_part,
    normative_sentences,
    overlap,
    rank_sentences,
    short,
)
from assistant.papers import Citation, CitationRole
from assistant.retrieval import Hit, LawIndex, SearchResult
from assistant.versions import matching_article
from assistant.violations import brief_of, paragraph_of

log = logging.getLogger(__name__)

OBLIGATION, LIABILITY = "obligation", "liability"
REPEALED = "已废止"
EXCLUDED_LEVELS = ("案例", "司法解释", "宪法")  # not a basis for an administrative interview
MIN_OVERLAP = 3  # shared words needed for a retrieval-only hit
MIN_OVERLAP_WITH_TAXONOMY = 5
MAX_EXTRA = 4
SECONDARY_SHARE = 0.4  # a violation type scoring under 40% of the best is not cited
MAX_EXTRA_WITH_TAXONOMY = 2
MAX_OBLIGATIONS = 6  # taxonomy articles cited as obligations
MAX_LIABILITIES = 3
_LIABILITY_TEXT = ("罚款", "吊销营业执照", "责令停业", "没收违法所得", "追究刑事责任")
_REGION_SUFFIX = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")


@dataclass(frozen=True)
class BasisEntry:
    """One cited article: which part, in which version, why it applies."""

    article: Article
    version: LawVersion
    law_key: str
    role: str  # OBLIGATION or LIABILITY
    part: ArticlePart
    sentences: tuple[str, ...]  # normative sentences of the cited part, best match first
    reason: str
    source: str  # 'taxonomy' or 'retrieval'
    violation: str = ""
    cues: tuple[str, ...] = ()
    current: LawVersion | None = None  # the current version when an older one is cited

    @property
    def law_title(self) -> str:
        """The title for a 《》 citation; inner book marks become 〈〉."""
        return self.version.title.replace("《", "〈").replace("》", "〉")

    @property
    def part_label(self) -> str:
        out = self.article.label
        if self.part.paragraph:
            out += f"第{int_to_cn(self.part.paragraph)}款"
        if self.part.item:
            out += f"第（{int_to_cn(self.part.item)}）项"
        return out

    @property
    def reference(self) -> str:
        return f"《{self.law_title}》{self.part_label}"

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.law_key, self.article.number, self.article.suffix)

    def to_citation(self) -> Citation:
        return Citation(
            law_title=self.law_title,
            article_label=self.article.label,
            paragraph=self.part.paragraph,
            item=self.part.item,
            version_date=self.version.version_date or None,
            status=self.version.status,
            text=self.article.text,
            reason=self.reason,
            role=CitationRole.LIABILITY if self.role == LIABILITY else CitationRole.OBLIGATION,
        )


@dataclass
class BasisSelection:
    entries: list[BasisEntry] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def obligations(self) -> list[BasisEntry]:
        return [e for e in self.entries if e.role == OBLIGATION]

    @property
    def liabilities(self) -> list[BasisEntry]:
        return [e for e in self.entries if e.role == LIABILITY]


def select_basis(
    result: SearchResult,
    index: LawIndex,
    facts: frozenset[str],
    on_date: date,
    jurisdiction: str,
) -> BasisSelection:
    """Taxonomy hits, then relevant retrieval hits, each in the version of ``on_date``."""
    selection = BasisSelection()
    cues = {v.type.name: v.cues for v in result.violations}
    strong = {v.type.name for v in strong_violations(result)}
    taxonomy = [h for h in result.hits
                if h.violation in strong and _usable(h, jurisdiction)]  # fmt: skip
    for hit in taxonomy:
        if _room(selection, hit):
            add_hit(selection, index, hit, facts, on_date, cues.get(hit.violation, ()))
    limit = MAX_EXTRA_WITH_TAXONOMY if taxonomy else MAX_EXTRA
    need = MIN_OVERLAP_WITH_TAXONOMY if taxonomy else MIN_OVERLAP
    extra = [h for h in result.hits if not h.violation and _relevant(h, facts, need, jurisdiction)]
    if taxonomy:  # with recognised conduct, other hits only add articles of the laws it cites
        laws = {e.law_key for e in selection.entries}
        extra = [h for h in extra if h.law_key in laws]
    for hit in extra[:limit]:
        add_hit(selection, index, hit, facts, on_date, ())
    return selection


def strong_violations(result: SearchResult) -> list:
    """Violation types recognised clearly enough to cite, best first: a type far weaker than
    the best one (a few shared words such as 退货, 拒绝) is left out of the drafts."""
    if not result.violations:
        return []
    best = max(v.score for v in result.violations)
    return [v for v in result.violations if v.score >= SECONDARY_SHARE * best]


def _room(selection: BasisSelection, hit: Hit) -> bool:
    if hit.role == "penalty":
        return len(selection.liabilities) < MAX_LIABILITIES
    return len(selection.obligations) < MAX_OBLIGATIONS


def _usable(hit: Hit, jurisdiction: str) -> bool:
    if hit.version.level in EXCLUDED_LEVELS or hit.article.number == 0:
        return False
    return not hit.version.region or _in_region(hit.version.region, jurisdiction)


def _relevant(hit: Hit, facts: frozenset[str], need: int, jurisdiction: str) -> bool:
    return _usable(hit, jurisdiction) and len(overlap(hit.article.text, facts)) >= need


def _in_region(region: str, jurisdiction: str) -> bool:
    return _REGION_SUFFIX.sub("", region) in jurisdiction


def add_hit(selection, index, hit: Hit, facts, on_date: date, cues: tuple[str, ...]) -> None:
    """Add the hit in the version of ``on_date`` unless already cited or not applicable."""
    if any(
        e.key == (hit.law_key, hit.article.number, hit.article.suffix) for e in selection.entries
    ):
        return
    found = version_on(index, hit, on_date)
    if isinstance(found, str):
        selection.notices.append(found)
        return
    version, article, current = found
    if current is not None:
        selection.notices.append(_changed_notice(hit, version, current, on_date))
    selection.entries.append(make_entry(hit, version, article, current, facts, cues))


def make_entry(hit: Hit, version, article, current, facts, cues) -> BasisEntry:
    role = _role(hit, article)
    named = paragraph_of(hit.violation, article.law_title, article.number, article.suffix)
    part = best_part(article, facts, cues, named)
    found = normative_sentences(part.text, liability=role == LIABILITY)
    prefer = ("罚款", "责令改正") if role == LIABILITY else DUTY_WORDS
    ranked = tuple(rank_sentences(found, facts | frozenset(cues), prefer))
    cues = tuple(dict.fromkeys(cues))
    entry = BasisEntry(
        article,
        version,
        hit.law_key,
        role,
        part,
        ranked,
        "",
        "taxonomy" if hit.violation else "retrieval",
        hit.violation,
        cues,
        current,
    )
    return _with_reason(entry, facts)


def _role(hit: Hit, article: Article) -> str:
    if hit.role:
        return LIABILITY if hit.role == "penalty" else OBLIGATION
    if "法律责任" in article.chapter or any(w in article.text for w in _LIABILITY_TEXT):
        return LIABILITY
    return OBLIGATION


def _with_reason(entry: BasisEntry, facts: frozenset[str]) -> BasisEntry:
    sentence = short(entry.sentences[0]) if entry.sentences else short(entry.article.text)
    if entry.role == LIABILITY:
        name = entry.violation or m.VIOLATION_FALLBACK
        case = m.REASON_ITEM.format(item=short(item_text(entry.part))) if entry.part.item else ""
        reason = m.REASON_LIABILITY.format(violation=name, item=case, sentence=sentence)
    elif entry.violation:
        cues = "”“".join(entry.cues[:4]) or entry.violation
        brief = brief_of(entry.violation)
        reason = m.REASON_TAXONOMY.format(violation=brief, cues=cues, sentence=sentence)
    else:
        words = "”“".join(entry.part.overlap[:5] or overlap(entry.article.text, facts)[:5])
        reason = m.REASON_RETRIEVAL.format(words=words, sentence=sentence)
    return replace(entry, reason=reason)


def item_text(part: ArticlePart) -> str:
    """The cited item's own words (the part text is the lead-in's last line + the item)."""
    return part.text.splitlines()[-1] if part.text else ""


# --- versions ---------------------------------------------------------------------------


def version_start(version: LawVersion) -> str:
    """ISO date from which a version applies: the later of promulgation and effect dates."""
    return max(version.version_date or "", version.effective_date or "")


def applicable_version(versions: list[LawVersion], on_date: date) -> LawVersion | None:
    """The version that applied on ``on_date`` (the latest one started by then), or None."""
    day = on_date.isoformat()
    started = [v for v in versions if version_start(v) <= day]
    return max(started, key=version_start) if started else None


def version_on(index: LawIndex, hit: Hit, on_date: date) -> tuple | str:
    """(version, article, current-or-None) in force on ``on_date``, or a notice why none is."""
    day = on_date.isoformat()
    versions = index.store.versions(hit.law_key) or [hit.version]
    chosen = applicable_version(versions, on_date)
    if chosen is None:
        start = min(version_start(v) for v in versions)
        return m.VERSION_NOT_YET.format(citation=hit.citation, start=start, date=day)
    if chosen.status == REPEALED:
        return m.VERSION_REPEALED.format(citation=hit.citation)
    if chosen.version_id == hit.version.version_id:
        return hit.version, hit.article, None
    article = matching_article(index.store, hit.article, chosen)
    if article is None:
        log.info("article %s has no counterpart in version %s", hit.article.key, chosen.version_id)
        return m.VERSION_NOT_YET.format(
            citation=hit.citation, start=version_start(hit.version), date=day
        )
    return chosen, article, hit.version


def _changed_notice(hit: Hit, used: LawVersion, current: LawVersion, on_date: date) -> str:
    return m.VERSION_CHANGED.format(
        citation=hit.citation,
        date=on_date.isoformat(),
        used=used.version_date,
        current=current.version_date,
        current_from=version_start(current),
    )
