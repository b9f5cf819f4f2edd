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
# Running text up to the last word that comes before a law's name ("请问关于火星法第3条").
_BEFORE_NAME = re.compile(
    r".*(?:关于|依据|根据|依照|按照|违反|适用|参照|对照|引用|请问|咨询|查询|查看|知道|了解|问下"
    r"|问一下|属于|符合|规定的)"
)
# 最高人民法院关于…的规定: an organ's rule on a matter, named in full.
_ISSUED = re.compile(r".+的(?:规定|解释|决定|办法)")
# How the title of a law, regulation or rule ends (火星法, 某某实施条例, 某某处罚办法).
_TITLE = re.compile(
    r"(?P<core>.+?)(?:法典|法|实施条例|条例|实施办法|办法|实施细则|细则|规定|规则|解释|决定)"
)
# What stands before 法/条例/… in running text that names no law (本法, 该条例, 有关规定).
_NO_NAME = re.compile(
    r"(?:本|该|此|这|那|其|各|同|原|新|旧|上述|前述|下述|上列|下列|上位|有关|相关|其他|其它"
    r"|国家|地方|部门|上级|具体|前款|本款|本条|前条|部|项|个|一|了|的|是|在|按|据|和|与|及|或)+"
)
# A known law's name right after a place is that place's own rule (北京市消费者权益保护法).
_PLACE = re.compile(r"(?:省|市|自治区|自治州|县|区|州|盟|旗)$")


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
        return self.resolve_with_prefix(name)[0]

    def resolve_with_prefix(self, name: str) -> tuple[str | None, str]:
        """The law key for `name` and the text before the law's name (请问 in 请问消保法)."""
        name = _squash(_LEADING.sub("", _squash(name)))
        for start in range(len(name)):
            hit = self._aliases.get(name[start:])
            if hit:
                return hit, name[:start]
            hit = self._aliases.get(canonical_title(name[start:]))
            if hit:
                return hit, name[:start]
        return None, ""

    def resolve_cited(self, name: str) -> str | None:
        """Like `resolve`, for the name a citation gives: 北京市消费者权益保护法 is not 消保法."""
        law_key, before = self.resolve_with_prefix(name)
        return None if _PLACE.search(before) else law_key


def find_citations(
    text: str, resolver: LawResolver | None = None, keep_unknown: bool = False
) -> list[CitationRef]:
    """Every citation in `text`, including the further articles of a list that names its law
    once (消保法第五十三条、第五十六条); with a resolver, bare names must resolve to count.
    With `keep_unknown`, a bare name that reads as a title (火星法第3条) counts too, with no
    law key, as a quoted one does: the caller can say that the corpus lacks that law."""
    norm = normalize_for_matching(text)
    out: list[CitationRef] = []
    pos = 0
    while m := CITATION.search(norm, pos):
        pos = m.end()
        law_text = m.group("quoted") or m.group("bare") or ""
        law_key = resolver.resolve_cited(law_text) if resolver else ""
        if m.group("bare") and resolver and not law_key:
            law_text = unknown_title(law_text) if keep_unknown else ""
        if not law_text:
            # running text like "本法第五条": look again right after its 第 for a law name
            pos = m.start("number")
            continue
        out.append(_ref(m, law_text, law_key or ""))
        while more := CONTINUATION.match(norm, pos):
            out.append(_ref(more, law_text, law_key or ""))
            pos = more.end()
    return out


def unknown_title(bare: str) -> str:
    """The title a bare name reads as (火星法, 网络交易监督管理办法), without the running text
    before it; "" when it names no law (本法, 该条例, 根据法律, 有关规定)."""
    name = _LEADING.sub("", _squash(bare))
    head, about, rest = name.rpartition("关于")
    if about and _ISSUED.fullmatch(rest):  # 某院关于…适用…的规定: its words are the title's
        name = _after_running_text(head) + about + rest
    else:
        name = _after_running_text(name)
    title = _TITLE.fullmatch(name)
    if not title or _NO_NAME.fullmatch(title.group("core")):
        return ""
    return name


def _after_running_text(text: str) -> str:
    if before := _BEFORE_NAME.match(text):
        text = text[before.end() :]
    return _LEADING.sub("", text)


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
