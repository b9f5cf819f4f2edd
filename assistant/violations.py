"""Recognising violation types (违法行为类型) in a case note.

The taxonomy (corpus/violations.toml) maps behaviours, as officials and consumers describe
them, to the articles the conduct breaches and the articles that punish it. A note may
show several behaviours; each recognised type contributes its articles to retrieval.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.normalize import normalize_for_matching, to_simplified
from assistant.settings import ROOT

TAXONOMY_PATH = ROOT / "corpus" / "violations.toml"


@dataclass(frozen=True)
class ArticleRef:
    """An article named by law title and number, e.g. 中华人民共和国消费者权益保护法 25; "16/2"
    names its 第二款 (the paragraph the conduct breaches, where the article has several),
    "253-1" its 之一."""

    law: str
    number: int
    suffix: int = 0
    paragraph: int = 0  # 0: let the facts choose the paragraph

    @classmethod
    def parse(cls, text: str) -> ArticleRef:
        law, _, number = text.strip().rpartition(" ")
        number, _, paragraph = number.partition("/")
        main, _, suffix = number.partition("-")
        return cls(law.strip(), int(main), int(suffix or 0), int(paragraph or 0))

    @property
    def article(self) -> tuple[str, int, int]:
        return self.law, self.number, self.suffix


@dataclass(frozen=True)
class ViolationType:
    id: str
    name: str
    cues: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...]
    breaches: tuple[ArticleRef, ...]
    penalties: tuple[ArticleRef, ...]
    weight: float = 1.0
    # A neutral name of the problem area (七日无理由退货, 食品保质期、日期标注) for the papers:
    # `name` lists every alternative of the statute, which the facts may not all show.
    brief: str = ""


@dataclass(frozen=True)
class ViolationMatch:
    type: ViolationType
    score: float
    cues: tuple[str, ...]  # the text each found cue matched in the note, to explain the match


@cache
def load_taxonomy(path: Path = TAXONOMY_PATH) -> tuple[ViolationType, ...]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(_entry(e) for e in data.get("violation", []))


def _entry(e: dict) -> ViolationType:
    return ViolationType(
        id=e["id"],
        name=e["name"],
        cues=tuple(tuple(group) for group in e["cues"]),
        exclude=tuple(e.get("exclude", ())),
        breaches=tuple(ArticleRef.parse(r) for r in e.get("breaches", ())),
        penalties=tuple(ArticleRef.parse(r) for r in e.get("penalties", ())),
        weight=float(e.get("weight", 1.0)),
        brief=e.get("brief", e["name"]),
    )


def paragraph_of(type_name: str, law_title: str, number: int, suffix: int = 0) -> int:
    """The paragraph the type called `type_name` names for that article (0: none named)."""
    from assistant.importing import canonical_title  # importing is heavy; only when drafting

    kind = next((t for t in load_taxonomy() if t.name == type_name), None)
    refs = (*kind.breaches, *kind.penalties) if kind else ()
    title = canonical_title(law_title)
    return next(
        (
            r.paragraph
            for r in refs
            if (canonical_title(r.law), r.number, r.suffix) == (title, number, suffix)
        ),
        0,
    )


def brief_of(name: str) -> str:
    """The brief of the type called `name` (the name itself when no type has it)."""
    return next((t.brief for t in load_taxonomy() if t.name == name), name)


def hit_cue(cue: str, text: str) -> bool:
    return cue_span(cue, text) > 0


def cue_span(cue: str, text: str) -> int:
    """Length of the text a cue matched in `text` (0: not found). A regular expression counts
    what it matched, not the length of its pattern."""
    return len(cue_text(cue, text))


def cue_text(cue: str, text: str) -> str:
    """The text a cue matched in `text` ('' when not found): what the papers quote."""
    if cue.startswith("re:"):
        found = _regex(cue[3:]).search(text)
        return found.group(0) if found else ""
    plain = _normalized(cue)
    return plain if plain in text else ""


@cache
def _normalized(cue: str) -> str:
    return normalize_for_matching(cue)


@cache
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def prepare_note(note: str) -> str:
    """Normalised, simplified text of a note, ready for cue matching."""
    return normalize_for_matching(to_simplified(note))


def recognise(note: str, taxonomy: tuple[ViolationType, ...] | None = None) -> list[ViolationMatch]:
    """The violation types whose every cue group occurs in the note, best first."""
    text = prepare_note(note)
    matches = []
    for vtype in taxonomy if taxonomy is not None else load_taxonomy():
        if any(hit_cue(c, text) for c in vtype.exclude):
            continue
        found: list[str] = []
        score = 0.0
        for group in vtype.cues:
            hits = [t for c in group if (t := cue_text(c, text))]
            if not hits:
                break
            found += hits
            score += min(len(hits), 3)
        else:
            matches.append(ViolationMatch(vtype, score * vtype.weight, tuple(found)))
    matches.sort(key=lambda m: (-m.score, m.type.id))
    return matches


def ranked_refs(matches: list[ViolationMatch]) -> list[tuple[ArticleRef, ViolationMatch, str]]:
    """Articles of the matches in citing order: each type's first breach, then the other
    breaches, then penalties. Each with the match and its role ('breach' or 'penalty')."""
    out: list[tuple[ArticleRef, ViolationMatch, str]] = []
    seen: set[tuple[str, int, int]] = set()

    def add(ref: ArticleRef, match: ViolationMatch, role: str) -> None:
        if ref.article not in seen:
            seen.add(ref.article)
            out.append((ref, match, role))

    for m in matches:
        for ref in m.type.breaches[:1]:
            add(ref, m, "breach")
    for m in matches:
        for ref in m.type.breaches[1:]:
            add(ref, m, "breach")
    for m in matches:
        for ref in m.type.penalties:
            add(ref, m, "penalty")
    return out
