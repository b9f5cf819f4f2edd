"""Citations: parse 消保法第二十五条 / 《食品安全法》第一百二十二条第一款 and resolve them.

`LawResolver` maps any common name of a law (full title, title without 中华人民共和国,
short name such as 消保法) to its law key; `find_citations` finds every citation in a
text, which is how drafts are checked against the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.importing import canonical_title, short_names
from assistant.normalize import normalize_for_matching
from assistant.numerals import CN_NUMBER, article_label, cn_to_int

_NUM = rf"(?:{CN_NUMBER}|[0-9]+)"
CITATION = re.compile(
    rf"(?:《(?P<quoted>[^《》]{{2,60}})》|(?P<bare>[\u4e00-\u9fff（）()]{{2,40}}?))\s*"
    rf"第\s*(?P<number>{_NUM})\s*条(?:之\s*(?P<suffix>{_NUM}))?"
    rf"(?:\s*第\s*(?P<paragraph>{_NUM})\s*款)?"
    rf"(?:\s*第?\s*[（(]\s*(?P<item>{_NUM})\s*[)）]\s*项|\s*第\s*(?P<item2>{_NUM})\s*项)?"
)
# "第五十三条、第五十六条第一款第（八）项": further articles of the law just named.
CONTINUATION = re.compile(
    rf"\s*(?:[、，,]|以及|和|及|与|或者|或)\s*"
    rf"第\s*(?P<number>{_NUM})\s*条(?:之\s*(?P<suffix>{_NUM}))?"
    rf"(?:\s*第\s*(?P<paragraph>{_NUM})\s*款)?"
    rf"(?:\s*第?\s*[（(]\s*(?P<item>{_NUM})\s*[)）]\s*项|\s*第\s*(?P<item2>{_NUM})\s*项)?"
)
# Words that may precede a bare law name in running text ("依据消保法第…").
_LEADING = re.compile(r"^(?:依据|根据|依照|按照|违反|适用|参照|对照|引用|即|和|及|与|或|、|，)+")


@dataclass(frozen=True)
class CitationRef:
    """A parsed citation: which law (as written) and which article, paragraph, item."""

    law_text: str
    number: int
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    span: tuple[int, int] = (0, 0)
    law_key: str = ""  # filled in when the law name resolved

    @property
    def article_label(self) -> str:
        return article_label(self.number, self.suffix)


class LawResolver:
    """Resolve a law name as people write it to the store's law key."""

    def __init__(self, laws: list[tuple[str, str]]):
        self._aliases: dict[str, str] = {}
        for law_key, title in laws:
            for alias in {law_key, title, canonical_title(title), *short_names(title)}:
                self._aliases.setdefault(_squash(alias), law_key)

    def resolve(self, name: str) -> str | None:
        """The law key for `name`, trying the longest suffix of it that names a law."""
        name = _squash(_LEADING.sub("", _squash(name)))
        for start in range(len(name)):
            hit = self._aliases.get(name[start:])
            if hit:
                return hit
            hit = self._aliases.get(canonical_title(name[start:]))
            if hit:
                return hit
        return None


def find_citations(text: str, resolver: LawResolver | None = None) -> list[CitationRef]:
    """Every citation in `text`, including the further articles of a list that names its law
    once (消保法第五十三条、第五十六条); with a resolver, bare names must resolve to count."""
    norm = normalize_for_matching(text)
    out: list[CitationRef] = []
    pos = 0
    while m := CITATION.search(norm, pos):
        pos = m.end()
        law_text = m.group("quoted") or m.group("bare") or ""
        law_key = resolver.resolve(law_text) if resolver else ""
        if m.group("bare") and resolver and not law_key:
            # running text like "本法第五条": look again right after its 第 for a law name
            pos = m.start("number")
            continue
        out.append(_ref(m, law_text, law_key or ""))
        while more := CONTINUATION.match(norm, pos):
            out.append(_ref(more, law_text, law_key or ""))
            pos = more.end()
    return out


def parse_citation(text: str, resolver: LawResolver | None = None) -> CitationRef | None:
    found = find_citations(text, resolver)
    return found[0] if found else None


def _ref(m: re.Match, law_text: str, law_key: str) -> CitationRef:
    """A CitationRef from a CITATION or CONTINUATION match (same group names)."""
    item = m.group("item") or m.group("item2")
    return CitationRef(
        law_text=law_text.strip(),
        number=cn_to_int(m.group("number")),
        suffix=cn_to_int(m.group("suffix")) if m.group("suffix") else 0,
        paragraph=cn_to_int(m.group("paragraph")) if m.group("paragraph") else None,
        item=cn_to_int(item) if item else None,
        span=m.span(),
        law_key=law_key,
    )


def _squash(text: str) -> str:
    return re.sub(r"[\s《》“”\"']", "", normalize_for_matching(text))
