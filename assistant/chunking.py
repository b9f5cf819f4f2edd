"""Parse a law's text into articles (条), with chapters (章/节), paragraphs (款), items (项).

Also reads the metadata of the shared corpus Markdown format: ``# <title>``, date
lines (公布/通过/修正/施行), ``<!-- INFO END -->``, in ``<level>/<body>/<title>(<date>).md``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from assistant.errors import ArticlePartNotFound
from assistant.messages import message
from assistant.models import STATUS_IN_FORCE, article_label
from assistant.numerals import CN_NUMBER, cn_to_int, int_to_cn

log = logging.getLogger(__name__)

WHOLE_DOCUMENT = 0  # article number of a document without 第…条 structure (one article)
INFO_END = "<!-- INFO END -->"
NOT_YET_IN_FORCE = "尚未生效"

_NUM = rf"(?:{CN_NUMBER}|[0-9０-９]+)"
_LEAD = r"^[\s\u3000]*(?:#{1,6}[\s\u3000]*)?(?:\*\*)?[\s\u3000]*"
_ARTICLE_START = re.compile(
    _LEAD + rf"第[\s\u3000]*({_NUM})[\s\u3000]*[条條](?:之({_NUM}))?(?:\*\*)?(?P<rest>.*)$"
)
_HEADING = re.compile(_LEAD + rf"第({_NUM})(编|編|分编|分編|章|节|節)(?:\*\*)?(?P<name>.*)$")
_ITEM_START = re.compile(r"^[\s\u3000]*[（(]\s*([一二三四五六七八九十]+)\s*[)）]")
# Text right after 条 that marks a reference (依照第五条规定…), not an article start.
_REFERENCE_FOLLOWERS = tuple("规、至和或及第所中的款项有，,。")


@dataclass
class ArticleDraft:
    """One article as parsed, before it is bound to a law version."""

    number: int
    suffix: int = 0
    text: str = ""  # original text without the 第…条 label
    chapter: str = ""
    section: str = ""
    paragraphs: tuple[str, ...] = ()  # 款; each keeps its items (项) as further lines

    @property
    def label(self) -> str:
        return article_label(self.number, self.suffix)


@dataclass
class ParsedBody:
    articles: list[ArticleDraft]
    chapters: list[str] = field(default_factory=list)  # headings in order, e.g. 第一章 总则
    preamble: str = ""  # text before the first article

    @property
    def structured(self) -> bool:
        """True when the text is a law's articles (a lone quoted 第五条 line is not)."""
        return len(self.articles) >= 2 or (bool(self.articles) and self.articles[0].number == 1)


def _clean_heading(kind_label: str, name: str) -> str:
    name = re.sub(r"[\s\u3000*#]+", "", name)
    return f"{kind_label} {name}".strip()


def _heading(line: str) -> tuple[str, str] | None:
    """('章', '第一章 总则') when the line is a chapter/section heading."""
    m = _HEADING.match(line)
    if not m or len(line.strip()) > 40 or re.search(r"[，。；：,;]", m.group("name")):
        return None
    if m.group("name").startswith(_REFERENCE_FOLLOWERS):
        return None  # 第二章规定的… is a reference, not a heading
    label = f"第{m.group(1)}{m.group(2)}"
    return m.group(2), _clean_heading(label, m.group("name"))


def _article_start(line: str, last: tuple[int, int]) -> tuple[int, int, str] | None:
    """(number, suffix, rest of line) when ``line`` starts a new article after ``last``."""
    m = _ARTICLE_START.match(line)
    if not m:
        return None
    key = (cn_to_int(m.group(1)), cn_to_int(m.group(2)) if m.group(2) else 0)
    rest = m.group("rest")
    if key <= last:
        return None  # numbering must increase; otherwise it is quoted text
    spaced = rest == "" or rest[0] in " \t\u3000"
    if not spaced:
        expected = key in ((last[0] + 1, 0), (last[0], last[1] + 1))
        if not expected or rest.startswith(_REFERENCE_FOLLOWERS):
            return None
    return key[0], key[1], rest.strip(" \t\u3000")


def group_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs (款): non-empty lines, with item lines (（一）…) kept in the paragraph above."""
    out: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip(" \t\u3000")
        if not line:
            continue
        if _ITEM_START.match(line) and out:
            out[-1].append(line)
        else:
            out.append([line])
    return tuple("\n".join(lines) for lines in out)


def _finish(draft: ArticleDraft, lines: list[str]) -> ArticleDraft:
    draft.text = "\n".join(lines).strip()
    draft.paragraphs = group_paragraphs(draft.text)
    return draft


class _BodyParser:
    """Walks the lines of a law's body, tracking the current chapter, section and article."""

    def __init__(self) -> None:
        self.body = ParsedBody(articles=[])
        self.chapter = self.section = ""
        self.preamble: list[str] = []
        self.current: ArticleDraft | None = None
        self.lines: list[str] = []

    def heading(self, kind: str, label: str) -> None:
        self.body.chapters.append(label)
        if kind in ("节", "節"):
            self.section = label
        else:  # 章 starts a chapter; 编/分编 (parts of a code) reset both
            self.chapter, self.section = (label if kind == "章" else ""), ""

    def line(self, line: str) -> None:
        last = (self.current.number, self.current.suffix) if self.current else (0, 0)
        start = _article_start(line, last)
        if start:
            self.close()
            self.current = ArticleDraft(
                start[0], start[1], chapter=self.chapter, section=self.section
            )
            self.lines = [start[2]]
        elif self.current:
            self.lines.append(line)
        else:
            self.preamble.append(line)

    def close(self) -> None:
        if self.current:
            self.body.articles.append(_finish(self.current, self.lines))
            self.current = None


def parse_law_text(text: str) -> ParsedBody:
    """Split a law's body into articles; in-text references are not article starts."""
    parser = _BodyParser()
    for line in text.splitlines():
        heading = _heading(line)
        if heading:
            parser.heading(*heading)
        else:
            parser.line(line)
    parser.close()
    parser.body.preamble = "\n".join(parser.preamble).strip()
    return parser.body


def whole_document(text: str) -> ArticleDraft:
    """The single article standing for a document without 第…条 structure."""
    return _finish(ArticleDraft(WHOLE_DOCUMENT), text.splitlines())


def items_of(paragraph: str) -> list[str]:
    """The items (项) of one paragraph, each with its （一） label."""
    return [line for line in paragraph.splitlines() if _ITEM_START.match(line)]


def locate(article, paragraph: int | None = None, item: int | None = None) -> str:
    """The text of 第N款 / 第（M）项 of ``article`` (an Article or ArticleDraft).

    ``paragraph`` and ``item`` are 1-based. With only ``item``, items are searched
    in the whole article (citations omit 款 when the article has one paragraph).
    Raises ArticlePartNotFound naming what the article has.
    """
    label = article_label(article.number, article.suffix)
    paragraphs = list(article.paragraphs)
    if paragraph is not None:
        if not 1 <= paragraph <= len(paragraphs):
            text = message(
                "paragraph_not_found", label=label, count=len(paragraphs), paragraph=paragraph
            )
            raise ArticlePartNotFound(label, paragraph, item, text)
        paragraphs = [paragraphs[paragraph - 1]]
    if item is None:
        return "\n".join(paragraphs)
    items = [i for p in paragraphs for i in items_of(p)]
    if not 1 <= item <= len(items):
        where = f"第{int_to_cn(paragraph)}款" if paragraph else ""
        text = message("item_not_found", label=label, where=where, item=int_to_cn(item))
        raise ArticlePartNotFound(label, paragraph, item, text)
    return items[item - 1]


# ---------------------------------------------------------------------------
# Metadata of a document: title, level, issuing body, dates, status, region.

_LEVEL_FOLDERS = {
    "宪法": "宪法",
    "法律": "法律",
    "宪法相关法": "法律",
    "民法典": "法律",
    "民法商法": "法律",
    "行政法": "法律",
    "经济法": "法律",
    "社会法": "法律",
    "刑法": "法律",
    "诉讼与非诉讼程序法": "法律",
    "行政法规": "行政法规",
    "部门规章": "部门规章",
    "司法解释": "司法解释",
    "地方性法规": "地方性法规",
    "案例": "案例",
    "规范性文件": "规范性文件",
}
_DEFAULT_BODIES = {
    "法律": "全国人民代表大会常务委员会",
    "宪法": "全国人民代表大会",
    "行政法规": "国务院",
    "司法解释": "最高人民法院",
}
PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区", "台湾省",
)  # fmt: skip
_DATE = re.compile(
    r"([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_FILE_DATE = re.compile(r"[(（]\s*(\d{4}-\d{2}-\d{2})\s*[)）]\s*$")
_ORDER_BODY = re.compile(r"([\u4e00-\u9fff]{2,20}?)令第")
_CONGRESS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}?(?:省|市|自治区))?)第[一二三四五六七八九十]+届(全国)?人民代表大会"
    r"(常务委员会)?"
)
_BODY_EFFECTIVE = re.compile(r"自\s*(" + _DATE.pattern + r")\s*起施行")


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    level: str
    issuing_body: str = ""
    version_date: str = ""
    effective_date: str = ""
    status: str = STATUS_IN_FORCE
    region: str = ""


def split_header(text: str) -> tuple[str, list[str], str]:
    """(title, header lines, body) of the corpus Markdown format.

    Without ``<!-- INFO END -->`` there is no header block; a leading ``# title``
    line still gives the title.
    """
    head, sep, body = text.partition(INFO_END)
    if not sep:
        head, body = "", text
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    title = ""
    if lines and lines[0].startswith("# "):
        title = lines.pop(0)[2:].strip()
    elif not sep:
        first, _, rest = body.lstrip().partition("\n")
        if first.startswith("# "):
            title, body = first[2:].strip(), rest
    return title, lines, body


def _iso(match: re.Match) -> str:
    year = match.group(1)
    if not year.isdigit():
        year = "".join(str(cn_to_int(ch)) for ch in year)
    return f"{int(year):04d}-{cn_to_int(match.group(2)):02d}-{cn_to_int(match.group(3)):02d}"


def parse_dates(lines: list[str]) -> tuple[str, str]:
    """(version_date, effective_date) from date lines.

    A date followed by 施行 (before the next date) is the effective date; the
    latest of the other dates (通过/公布/修正…) is the version date.
    """
    versions: list[str] = []
    effective = ""
    for line in lines:
        line = _ISO_DATE.sub(r"\1年\2月\3日", line)
        matches = list(_DATE.finditer(line))
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
            if "施行" in line[m.end() : end]:
                effective = _iso(m)
            else:
                versions.append(_iso(m))
    return max(versions, default=""), effective


def file_title_date(path: Path) -> tuple[str, str]:
    """('明码标价和禁止价格欺诈规定', '2022-04-14') from a corpus-style file name."""
    m = _FILE_DATE.search(path.stem)
    if not m:
        return path.stem.strip(), ""
    return path.stem[: m.start()].strip(), m.group(1)


def level_of(path: Path, title: str) -> str:
    """The level from the innermost known folder name, else guessed from the title."""
    for part in reversed(path.parent.parts):
        if part in _LEVEL_FOLDERS:
            return _LEVEL_FOLDERS[part]
    return _level_from_title(title)


def _level_from_title(title: str) -> str:
    name = re.sub(r"[(（][^)）]*[)）]$", "", title.removeprefix("中华人民共和国")).strip()
    if title.startswith(("最高人民法院", "最高人民检察院")):
        return "司法解释"
    if _province_in(title):
        return "地方性法规"
    if name.endswith("法") and not name.endswith("办法"):
        return "法律"
    if name.endswith("条例"):
        return "行政法规"
    if name.endswith(("规定", "办法", "细则", "规则")):
        return "部门规章"
    return "规范性文件"


def _province_in(text: str) -> str:
    """The full province name that ``text`` starts with (上海市… or 上海…), or ''."""
    for full in PROVINCES:
        short = re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", full)
        if text.startswith((full, short)):
            return full
    return ""


def region_of(path: Path, level: str, title: str) -> str:
    """The province of a local regulation (folder under 地方性法规, else the title)."""
    if level != "地方性法规":
        return ""
    parts = path.parent.parts
    if "地方性法规" in parts:
        below = parts[parts.index("地方性法规") + 1 :]
        if below and _province_in(below[0]):
            return _province_in(below[0])
    return _province_in(title)


def issuing_body_of(path: Path, level: str, header: str, region: str = "") -> str:
    """The issuing body: the folder under 部门规章, else the header's 令/人大 line, else default."""
    parts = path.parent.parts
    if level == "部门规章" and "部门规章" in parts:
        below = parts[parts.index("部门规章") + 1 :]
        if below:
            return below[0]
    m = _ORDER_BODY.search(header)
    if m:
        return m.group(1).removeprefix("中华人民共和国")
    m = _CONGRESS.search(header)
    if m:
        return f"{m.group(2) or m.group(1)}人民代表大会{m.group(3) or ''}"
    if "最高人民法院" in header:
        return "最高人民法院"
    if level == "地方性法规" and region:
        return f"{region}人民代表大会常务委员会"
    return _DEFAULT_BODIES.get(level, "")


def _effective_from_body(body: str, version_date: str) -> str:
    """自…起施行 in the text, when not older than the version (old texts keep old dates)."""
    found = [_iso(_DATE.search(m.group(1))) for m in _BODY_EFFECTIVE.finditer(body)]
    if found and found[-1] >= version_date:
        return found[-1]
    return ""


def parse_metadata(path: Path, text: str, today: date | None = None) -> tuple[DocumentMeta, str]:
    """(metadata, body) of a document's text; ``path`` gives level, body and date hints."""
    title, header, body = split_header(text)
    if not title and not header:
        title = guess_title(body)
    stem_title, stem_date = file_title_date(path)
    level = level_of(path, title or stem_title)
    if level == "案例" or not title:
        title = stem_title  # a case's heading is its holding; its file name is its name
    header = header or _implicit_header(body)
    version_date, effective = parse_dates(header)
    version_date = stem_date or version_date
    effective = effective or _effective_from_body(body, version_date)
    today_iso = (today or date.today()).isoformat()
    region = region_of(path, level, title)
    meta = DocumentMeta(
        title=title,
        level=level,
        issuing_body=issuing_body_of(path, level, "\n".join(header), region),
        version_date=version_date,
        effective_date=effective,
        status=NOT_YET_IN_FORCE if effective > today_iso else STATUS_IN_FORCE,
        region=region,
    )
    return meta, body


_DATE_LINE_WORDS = ("通过", "公布", "发布", "修正", "修订", "修改", "施行")


def _implicit_header(body: str, max_lines: int = 12) -> list[str]:
    """Date lines (…通过/公布/施行) among the first lines before the first article."""
    out = []
    for line in [x.strip() for x in body.splitlines() if x.strip()][:max_lines]:
        if _ARTICLE_START.match(line):
            break
        if _DATE.search(line) and any(word in line for word in _DATE_LINE_WORDS):
            out.append(line)
    return out


def guess_title(body: str) -> str:
    """The first line when it looks like a title (short, not an article, no sentence end)."""
    for line in body.splitlines():
        line = line.strip(" \t\u3000#*")
        if not line:
            continue
        short = len(line) <= 60 and not re.search(r"[。；;，,:：]", line)
        if (
            short
            and not _DATE.search(line)
            and not _ARTICLE_START.match(line)
            and not _HEADING.match(line)
        ):
            return line
        return ""
    return ""
