"""The official papers (文书) of a 消费维权行政约谈, as plain data and as Markdown.

Inputs are plain dataclasses (Party, Attendee, Citation, RectificationItem,
InterviewOutline, ConsumerNotice, PaperContext) so the papers layer does not
depend on retrieval. Each paper kind has a template in assistant.templates that
turns a PaperContext into layout blocks; render_markdown() and render_docx()
turn those blocks into Markdown (for review in the dashboard) and DOCX (GB/T 9704
layout, see assistant.docx_layout). Missing optional values become blanks
("________") to fill in by hand, as on the printed forms.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from assistant.errors import AssistantError
from assistant.numerals import int_to_cn
from assistant.templates import blocks as b
from assistant.templates import wording as w

logger = logging.getLogger(__name__)

STATUS_IN_FORCE = "现行有效"


class PaperKind(StrEnum):
    """Every paper the drafter writes; the value is also the output file stem."""

    NOTICE = "notice"  # 约谈通知书 + 回执 (annex 1)
    RECORD = "record"  # 约谈记录 (annex 2)
    APPROVAL = "approval"  # 审批表 (annex 3)
    RECTIFICATION_NOTICE = "rectification_notice"  # 整改通知书
    CONSUMER_ALERT = "consumer_alert"  # 消费提示/警示
    LEGAL_BASIS = "legal_basis"  # 法律依据 (draft)
    RECTIFICATION = "rectification"  # 整改意见 (draft)
    OUTLINE = "outline"  # 约谈提纲 (draft)
    PLAN = "plan"  # 约谈方案 (draft)

    @property
    def title(self) -> str:
        """The Chinese title of this kind of paper."""
        return w.TITLES[self.value]

    def filename(self, suffix: str) -> str:
        """Output file name, e.g. legal_basis.md or notice.docx."""
        return f"{self.value}.{suffix.lstrip('.')}"

    @property
    def sent_to_party(self) -> bool:
        """Served on the party: in a 集中约谈 each party gets its own copy, addressed to it."""
        return self in (PaperKind.NOTICE, PaperKind.RECTIFICATION_NOTICE)


class CitationRole(StrEnum):
    OBLIGATION = "obligation"  # 义务性规定 the party breached
    LIABILITY = "liability"  # 法律责任 it may face


# --- errors -----------------------------------------------------------------


class PaperError(AssistantError, ValueError):
    """Bad input for a paper: message_zh tells the user what to fix; str() is English for logs.

    Kept here rather than in assistant.errors because only the papers layer raises them.
    """

    key = ""

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        self.message_zh = w.ERRORS[self.key].format(**fields)
        super().__init__(f"paper input rejected: {self.key} ({', '.join(fields)})")


class UnknownPaperKind(PaperError):
    key = "unknown_kind"


class InvalidDocNumber(PaperError):
    key = "doc_number"


class InvalidSchedule(PaperError):
    key = "schedule"


class InvalidDeadline(PaperError):
    key = "deadline"


class InvalidCitation(PaperError):
    key = "citation"


class InvalidRectificationMode(PaperError):
    key = "mode"


class PaperWriteError(PaperError):
    key = "write"

    @classmethod
    def from_os_error(cls, path: Path, exc: OSError) -> PaperWriteError:
        return cls(path=str(path), reason=exc.strerror or type(exc).__name__)


# --- formatting ---------------------------------------------------------------

_DOC_NUMBER = re.compile(
    r"^(?P<code>\S.*?)\s*[〔\[【（(［]\s*(?P<year>\d{4})\s*[〕\]】）)］]\s*第?\s*(?P<serial>\d+)\s*号$"
)


def format_doc_number(agency_code: str, year: int, serial: int) -> str:
    """乌市监约, 2026, 3 -> 乌市监约〔2026〕3号 (GB/T 9704: 〔〕, no leading zeros, no 第)."""
    text = f"{agency_code}〔{year}〕{serial}号"
    if not agency_code.strip() or not 1000 <= year <= 9999 or serial < 1:
        raise InvalidDocNumber(text=text)
    return text


def normalize_doc_number(text: str) -> str:
    """Repair common slips: [2026], 【2026】, (2026), 第003号, full-width digits."""
    match = _DOC_NUMBER.match(unicodedata.normalize("NFKC", text).replace(" ", ""))
    if not match:
        raise InvalidDocNumber(text=text)
    return format_doc_number(match["code"], int(match["year"]), int(match["serial"]))


def format_date(value: date | None) -> str:
    """2026-03-05 -> 2026年3月5日 (Arabic numerals, no leading zeros)."""
    if value is None:
        return w.BLANK_DATE
    return f"{value.year}年{value.month}月{value.day}日"


def format_datetime(value: datetime | None) -> str:
    """2026-03-05 09:30 -> 2026年3月5日9时30分; on the hour -> 2026年3月5日9时."""
    if value is None:
        return w.BLANK_TIME
    minutes = f"{value.minute}分" if value.minute else ""
    return f"{format_date(value.date())}{value.hour}时{minutes}"


def format_deadline(value: date | None) -> str:
    """2026-03-26 -> 2026年3月26日前."""
    return f"{format_date(value)}前"


def format_version(value: str | date | None) -> str:
    """An ISO date (str or date) -> 2013年10月25日版; other text is kept as given."""
    if not value:
        return w.BLANK
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return w.VERSION_DATED.format(date=format_date(value))


def or_blank(value: object) -> str:
    """The value as text, or a blank line to fill in by hand."""
    text = "" if value is None else str(value).strip()
    return text or w.BLANK


def join_or_blank(values: Iterable[str]) -> str:
    return or_blank(w.LIST_SEPARATOR.join(v.strip() for v in values if v and v.strip()))


def _ordinal_part(value: int | str | None, unit: str, bracket: bool = False) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    number = int_to_cn(value)
    return f"第（{number}）{unit}" if bracket else f"第{number}{unit}"


# --- inputs -----------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """The business being interviewed (约谈对象)."""

    name: str
    credit_code: str = ""  # 统一社会信用代码
    legal_rep: str = ""  # 法定代表人（负责人）
    address: str = ""
    industry: str = ""


@dataclass(frozen=True)
class Attendee:
    """A person attending for the party (约谈对象姓名), as the record lists them."""

    name: str = ""
    gender: str = ""
    ethnicity: str = ""  # 民族
    id_number: str = ""  # 身份证（其他有效证件）号
    phone: str = ""


@dataclass(frozen=True)
class Signature:
    """An opinion signed on one line of the 审批表: who, what they wrote, and the day."""

    name: str
    opinion: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class Citation:
    """One cited article; paragraph/item as int (1 -> 第一款, 2 -> 第（二）项) or as text."""

    law_title: str
    article_label: str  # 第二十五条
    paragraph: int | str | None = None
    item: int | str | None = None
    version_date: str | date | None = None  # ISO date of the version cited
    status: str = STATUS_IN_FORCE
    text: str = ""  # the article's wording
    reason: str = ""  # 适用理由, tied to the facts
    role: CitationRole = CitationRole.OBLIGATION

    def __post_init__(self) -> None:
        if not self.law_title.strip() or not self.article_label.strip():
            raise InvalidCitation(reference=f"《{self.law_title}》{self.article_label}")

    @property
    def reference(self) -> str:
        """《中华人民共和国消费者权益保护法》第二十五条第一款第（二）项."""
        title = self.law_title.strip().strip("《》")
        paragraph = _ordinal_part(self.paragraph, "款")
        item = _ordinal_part(self.item, "项", bracket=True)
        return f"《{title}》{self.article_label.strip()}{paragraph}{item}"


@dataclass(frozen=True)
class RectificationItem:
    """One thing the party must do; basis names the obligation it comes from."""

    action: str
    basis: str = ""

    @property
    def text(self) -> str:
        if not self.basis:
            return self.action
        return w.RECTIFICATION_ITEM_BASIS.format(
            action=self.action.rstrip("。；;"), basis=self.basis
        )


@dataclass(frozen=True)
class OutlineSection:
    """What the interviewer states (points) and asks (questions) in one part of the outline."""

    points: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewOutline:
    """The five contents of 第十条, in order; empty sections get the standard wording."""

    reason: OutlineSection = OutlineSection()
    statement: OutlineSection = OutlineSection()
    law_and_rectification: OutlineSection = OutlineSection()
    management: OutlineSection = OutlineSection()
    other: OutlineSection = OutlineSection()

    @property
    def sections(self) -> tuple[OutlineSection, ...]:
        return (
            self.reason,
            self.statement,
            self.law_and_rectification,
            self.management,
            self.other,
        )


@dataclass(frozen=True)
class ConsumerNotice:
    """A 消费提示 (severity 提示) or 消费警示 (警示) on a problem common to several parties."""

    title: str
    situation: str
    tips: tuple[str, ...] = ()
    severity: str = "提示"
    hotline: str = "12315"


@dataclass
class PaperContext:
    """Everything the papers of one case may show; all but the bureau are optional."""

    bureau_name: str = ""
    doc_number: str = ""  # normalised to 乌市监约〔2026〕3号
    parties: Sequence[Party] = ()
    reason: str = ""  # 事由
    facts: str = ""  # 核查情况
    problems: Sequence[str] = ()
    evidence: Sequence[str] = ()
    interview_start: datetime | None = None
    interview_end: datetime | None = None
    interview_date: date | None = None  # the day, when the hour is not fixed yet
    place: str = ""
    interviewers: Sequence[str] = ()  # the first is the main interviewer (主约谈人)
    recorder: str = ""
    invited: Sequence[str] = ()  # 受邀代表 as "姓名（单位）"
    attendees: Sequence[Attendee] = ()
    materials: Sequence[str] = ()
    contact_name: str = ""
    contact_phone: str = ""
    issue_date: date | None = None  # 成文日期
    department: str = ""  # 业务处（科）室
    applicant: str = ""
    # Signed lines of the 审批表 keyed applicant / section_head / deputy / principal.
    approvals: Mapping[str, Signature] = field(default_factory=dict)
    major: bool = False  # 重大问题: needs the 主要领导's approval
    citations: Sequence[Citation] = ()
    rectification_items: Sequence[RectificationItem] = ()
    rectification_deadline: date | None = None
    rectification_mode: str = "建议"  # 责令 or 建议
    report_requirements: Sequence[str] = w.DEFAULT_REPORT_REQUIREMENTS
    record_content: Sequence[str] = ()
    suggestions: Sequence[str] = ()  # 拟提出的行政建议; defaults to the rectification items
    outline: InterviewOutline = field(default_factory=InterviewOutline)
    consumer_notice: ConsumerNotice | None = None
    # What produced the drafts (mode, model, retrieved article ids and versions), one line each;
    # shown at the end of the four drafts so a reviewer can trace them, never on official papers.
    provenance: Sequence[str] = ()

    def __post_init__(self) -> None:
        if self.doc_number.strip():
            self.doc_number = normalize_doc_number(self.doc_number)
        if self.rectification_mode not in w.RECTIFY_DEMAND:
            raise InvalidRectificationMode(mode=self.rectification_mode)
        self._check_schedule()

    @property
    def interview_when(self) -> str:
        """The interview's date and time as papers print it; the hour left blank if unknown."""
        if self.interview_start is not None:
            return format_datetime(self.interview_start)
        if self.interview_date is not None:
            return f"{format_date(self.interview_date)}{w.BLANK_HOUR}"
        return w.BLANK_TIME

    @property
    def interview_day(self) -> date | None:
        return self.interview_start.date() if self.interview_start else self.interview_date

    def _check_schedule(self) -> None:
        start, end = self.interview_start, self.interview_end
        if start and end and end < start:
            raise InvalidSchedule(start=format_datetime(start), end=format_datetime(end))
        deadline = self.rectification_deadline
        if start and deadline and deadline < start.date():
            raise InvalidDeadline(deadline=format_date(deadline), start=format_date(start.date()))

    @property
    def party(self) -> Party:
        """The party a single-addressee paper is sent to (the first one)."""
        return self.parties[0] if self.parties else Party(name="")

    def addressed_to(self, party: Party) -> PaperContext:
        """The same case addressed to one party (each party of a 集中约谈 gets its own notice)."""
        return replace(self, parties=(party,))

    @property
    def bureau(self) -> str:
        return self.bureau_name.strip() or w.DEFAULT_BUREAU

    @property
    def party_names(self) -> str:
        return join_or_blank(p.name for p in self.parties)

    def citations_for(self, role: CitationRole) -> list[Citation]:
        return [c for c in self.citations if c.role == role]


# --- rendering ----------------------------------------------------------------


def paper_kind(kind: PaperKind | str) -> PaperKind:
    """Accept a PaperKind or its value; unknown names raise UnknownPaperKind."""
    try:
        return PaperKind(kind)
    except ValueError:
        choices = "、".join(k.value for k in PaperKind)
        raise UnknownPaperKind(kind=kind, choices=choices) from None


def build_blocks(kind: PaperKind | str, ctx: PaperContext) -> tuple[b.Block, ...]:
    """The layout blocks of one paper, shared by both output formats."""
    # Imported here: the templates import this module's dataclasses.
    from assistant.templates.registry import TEMPLATES

    return tuple(TEMPLATES[paper_kind(kind)](ctx))


def render_markdown(kind: PaperKind | str, ctx: PaperContext) -> str:
    """The paper as Markdown, for review in the dashboard."""
    lines: list[str] = []
    for block in build_blocks(kind, ctx):
        lines.extend(_markdown_lines(block))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_docx(kind: PaperKind | str, ctx: PaperContext, path: str | Path) -> Path:
    """Write the paper as a GB/T 9704 DOCX to path; returns the path written."""
    from assistant.docx_layout import write_document

    target = Path(path)
    write_document(build_blocks(kind, ctx), target)
    logger.info("wrote paper kind=%s path=%s", paper_kind(kind).value, target)
    return target


def write_papers(
    ctx: PaperContext, out_dir: str | Path, kinds: Iterable[PaperKind | str] | None = None
) -> list[Path]:
    """Write Markdown and DOCX of each kind (default: all that apply) into out_dir."""
    directory = Path(out_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PaperWriteError.from_os_error(directory, exc) from exc
    written: list[Path] = []
    for kind in [paper_kind(k) for k in (kinds if kinds is not None else default_kinds(ctx))]:
        md_path = directory / kind.filename("md")
        _write_text(md_path, render_markdown(kind, ctx))
        written += [md_path, render_docx(kind, ctx, directory / kind.filename("docx"))]
    return written


def default_kinds(ctx: PaperContext) -> list[PaperKind]:
    """Every kind, except the consumer alert when the case has no common problem."""
    return [k for k in PaperKind if k != PaperKind.CONSUMER_ALERT or ctx.consumer_notice]


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PaperWriteError.from_os_error(path, exc) from exc


def _markdown_lines(block: b.Block) -> list[str]:
    match block:
        case b.Masthead(text):
            return [f"**{_escape(text)}**"]
        case b.Title(text):
            return [f"# {_escape(text)}"]
        case b.Heading(level, text):
            return [f"{'#' * (level + 1)} {_escape(text)}"]
        case b.DocNumber(text) | b.Paragraph(text):
            return [_escape(text)]
        case b.NumberedList(items):
            return [f"{i}. {_escape(item)}" for i, item in enumerate(items, 1)]
        case b.Quote(text):
            return [f"> {_escape(line)}" for line in text.splitlines() or [""]]
        case b.CutLine():
            return ["- - - - - - - - - - - - - - - - - - - - - - - - - - - - - -"]
        case b.FormTable(rows):
            return _markdown_table(rows)
    raise TypeError(f"unknown block {block!r}")


def _markdown_table(rows: tuple[tuple[b.FormField, ...], ...]) -> list[str]:
    out = ["| 项目 | 内容 |", "| --- | --- |"]
    for row in rows:
        for cell in row:
            lines = [_escape(line) for line in (*cell.lines, *cell.signoff) if line]
            value = "<br>".join(lines) or w.BLANK
            out.append(f"| {_escape(cell.label)} | {value} |")
    return out


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def _escape(text: str) -> str:
    """Escape Markdown syntax so case text (and the ____ blanks) shows literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


_MARKDOWN_ESCAPED = re.compile(r"\\([\\`*_{}\[\]<>#|()+\-.!~])")


def unescape_markdown(text: str) -> str:
    """Plain text of a Markdown line: backslash escapes (ours or an editor's) removed."""
    return _MARKDOWN_ESCAPED.sub(r"\1", text)
