"""The case a draft is written for (案件信息), read from CASE.json and validated.

Required: the party (``party`` or ``parties`` for a collective interview, 集中约谈), the
facts and the jurisdiction; never both ``party`` and ``parties``, nor one party twice.
Optional: bureau, interview time and place, interviewers (none, or at least two different
people), recorder, invited representatives, problem category, reason, evidence, materials,
doc number.
Validation collects everything missing and raises one ``DraftInputError`` listing it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from assistant import drafting_messages as m
from assistant.errors import DraftInputError
from assistant.normalize import normalize_for_matching, to_simplified
from assistant.papers import Party

MIN_FACT_CHARS = 12  # fewer meaningful characters than this is not a case description
_MEANINGFUL = re.compile(r"[\w\u3400-\u9fff]")
_COUNT = re.compile(r"(\d+)\s*(?:件|起|宗|次|条|单)")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?\s*(?:万|亿)?元)")
_TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


@dataclass(frozen=True)
class CaseInput:
    parties: tuple[Party, ...]
    facts: str  # as written, kept for display
    jurisdiction: str
    bureau: str = ""
    interview_time: datetime | None = None
    place: str = ""
    interviewers: tuple[str, ...] = ()
    recorder: str = ""
    invited: tuple[str, ...] = ()
    problem_category: str = ""
    reason: str = ""
    evidence: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    doc_number: str = ""
    department: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def collective(self) -> bool:
        """共性问题集中约谈: several parties interviewed together."""
        return len(self.parties) > 1

    @property
    def matching_facts(self) -> str:
        """The facts as matched: simplified characters, NFKC (full-width digits to ASCII)."""
        return normalize_for_matching(to_simplified(self.facts))

    @property
    def traditional(self) -> bool:
        return to_simplified(self.facts) != self.facts

    @property
    def complaint_count(self) -> int | None:
        counts = [int(c) for c in _COUNT.findall(self.matching_facts)]
        return max(counts) if counts else None

    @property
    def amount(self) -> str:
        found = _AMOUNT.findall(self.matching_facts)
        return found[0].replace(" ", "") if found else ""


def load_case(path: Path) -> CaseInput:
    """Read and validate CASE.json; unreadable files raise DraftInputError too."""
    try:
        raw = path.read_bytes()
        if kind := _binary_kind(path, raw):
            reason = m.INPUT_NOT_A_CASE_FILE.format(kind=kind)
            raise DraftInputError(
                [], [reason], m.INPUT_BAD_CASE_FILE.format(path=path, reason=reason)
            )
        data = json.loads(raw.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = _read_reason(exc)
        raise DraftInputError(
            [], [reason], m.INPUT_BAD_JSON.format(path=path, reason=reason)
        ) from exc
    if not isinstance(data, dict):
        text = m.INPUT_BAD_JSON.format(path=path, reason="顶层应为 JSON 对象")
        raise DraftInputError([], ["not an object"], text)
    return parse_case(data)


# Files people pick by mistake instead of CASE.json: by their first bytes, then by name.
_SIGNATURES = {
    b"PK\x03\x04": "Excel、Word 或压缩包",
    b"%PDF": "PDF",
    b"\xd0\xcf\x11\xe0": "Excel 或 Word",
}
_SUFFIXES = {
    ".xlsx": "Excel", ".xls": "Excel", ".et": "WPS 表格", ".docx": "Word", ".doc": "Word",
    ".wps": "WPS 文字", ".pdf": "PDF", ".zip": "压缩包", ".rar": "压缩包", ".7z": "压缩包",
}  # fmt: skip


def _binary_kind(path: Path, raw: bytes) -> str:
    """What kind of document a case file is instead of JSON (Excel, PDF …), or "" for text."""
    by_name = _SUFFIXES.get(path.suffix.lower(), "")
    for signature, kind in _SIGNATURES.items():
        if raw.startswith(signature):
            return by_name or kind
    return by_name if raw.lstrip()[:1] not in (b"{", b"[") else ""


def _read_reason(exc: Exception) -> str:
    """Why a case file could not be read, in Chinese (the exception's text is English)."""
    if isinstance(exc, UnicodeDecodeError):
        return "不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8"
    if isinstance(exc, json.JSONDecodeError):
        return f"第 {exc.lineno} 行第 {exc.colno} 列不是有效的 JSON（常见原因：中文引号、漏了逗号）"
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    return "无法读取该文件"


def bureau_of(jurisdiction: str) -> str:
    """乌鲁木齐市天山区 -> 乌鲁木齐市天山区市场监督管理局 (a unit name is kept as it is)."""
    if not jurisdiction or jurisdiction.endswith(("局", "所", "处", "科")):
        return jurisdiction
    return f"{jurisdiction}市场监督管理局"


def parse_case(data: dict) -> CaseInput:
    """A CaseInput from the JSON object, or one DraftInputError naming all that is missing."""
    problems: list[str] = []
    parties = _parties(data, problems)
    interview_time = _time(data.get("interview_time"), problems)
    case = CaseInput(
        parties=parties,
        facts=_text(data.get("facts")),
        jurisdiction=_text(data.get("jurisdiction")),
        bureau=_text(data.get("bureau")) or bureau_of(_text(data.get("jurisdiction"))),
        interview_time=interview_time,
        place=_text(data.get("place") or data.get("interview_place")),
        interviewers=_interviewers(data.get("interviewers"), problems),
        recorder=_text(data.get("recorder")),
        invited=_texts(data.get("invited")),
        problem_category=_text(data.get("problem_category") or data.get("category")),
        reason=_text(data.get("reason")),
        evidence=_texts(data.get("evidence")),
        materials=_texts(data.get("materials")),
        doc_number=_text(data.get("doc_number")),
        department=_text(data.get("department")),
        contact_name=_text(data.get("contact_name")),
        contact_phone=_text(data.get("contact_phone")),
    )
    validate(case, problems)
    return case


def validate(case: CaseInput, problems: list[str] | None = None) -> None:
    """Raise DraftInputError listing what is missing (who, what conduct, when/how many)."""
    problems = list(problems or [])
    missing = []
    if not case.parties or not all(p.name for p in case.parties):
        missing.append("party")
    if not case.jurisdiction:
        missing.append("jurisdiction")
    missing += _missing_in_facts(case.matching_facts)
    for party in case.parties:
        if party.credit_code and not _credit_code_ok(party.credit_code):
            problems.append(m.INPUT_BAD_CREDIT_CODE.format(code=party.credit_code))
    if missing or problems:
        raise DraftInputError(missing, problems, input_message(missing, problems))


def _missing_in_facts(facts: str) -> list[str]:
    meaningful = len(_MEANINGFUL.findall(facts))
    if meaningful == 0:
        return ["facts", "conduct", "scale"]
    if meaningful < MIN_FACT_CHARS:
        return ["facts", "conduct", "scale"]
    return []


def input_message(missing: list[str], problems: list[str]) -> str:
    lines = [m.INPUT_INTRO]
    lines += [f"{n}. {m.INPUT_MISSING[key]}" for n, key in enumerate(missing, 1)]
    lines += [f"{n}. {p}" for n, p in enumerate(problems, len(missing) + 1)]
    return "\n".join(lines)


def _credit_code_ok(code: str) -> bool:
    from dashboard.identifiers import is_credit_code

    return is_credit_code(code)


def _parties(data: dict, problems: list[str]) -> tuple[Party, ...]:
    raw = data.get("parties")
    if raw and data.get("party"):  # which one is meant cannot be guessed
        problems.append(m.INPUT_PARTY_AND_PARTIES)
    if raw is None:
        raw = [data["party"]] if data.get("party") else []
    if not isinstance(raw, list):
        problems.append(m.INPUT_BAD_FIELD.format(field="parties", reason="应为列表"))
        return ()
    out = []
    for item in raw:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            problems.append(m.INPUT_BAD_FIELD.format(field="party", reason="应为对象"))
            continue
        out.append(_party(item))
    return _once_each(out, problems)


def _once_each(parties: list[Party], problems: list[str]) -> tuple[Party, ...]:
    """The parties, refusing one named twice (same name, or same credit code): each would
    get its own notice, served twice on one company."""
    seen: set[str] = set()
    for party in parties:
        keys = {_squashed(party.name)} | ({party.credit_code} if party.credit_code else set())
        keys.discard("")
        if keys & seen:
            problems.append(m.INPUT_REPEATED_PARTY.format(name=party.name or party.credit_code))
        seen |= keys
    return tuple(parties)


def _interviewers(value, problems: list[str]) -> tuple[str, ...]:
    """The interviewers named: none (left blank in the papers) or at least two different
    people (《消费维权行政约谈制度》第七条; the dashboard's guard asks the same)."""
    names = _texts(value)
    keys = [person_key(n) for n in names]
    first: dict[str, str] = {}  # each person as first written
    for name in names:
        first.setdefault(person_key(name), name)
    for key in dict.fromkeys(k for k in keys if keys.count(k) > 1):
        problems.append(m.INPUT_REPEATED_INTERVIEWER.format(name=first[key]))
    if names and len(first) < 2:
        shown = "、".join(first.values())
        problems.append(m.INPUT_FEW_INTERVIEWERS.format(count=len(first), names=shown))
    return names


def _squashed(name: str) -> str:
    return re.sub(r"\s+", "", normalize_for_matching(name))


def person_key(name: str) -> str:
    """Who a name denotes: 李某, 李 某, 李某（科长）, 李某，科长 and 李某/科长 are one person (the
    name before a title added after a bracket, comma, 、, slash or colon). The dashboard's
    interview record counts people with it too."""
    squashed = _squashed(name)
    return _TITLE_AFTER_NAME.split(squashed, maxsplit=1)[0] or squashed


_TITLE_AFTER_NAME = re.compile(r"[(,、/:;]")  # after normalisation: （ is (, ， is ,


def _party(item: dict) -> Party:
    return Party(
        name=_text(item.get("name")),
        credit_code=_text(item.get("credit_code")).upper(),
        legal_rep=_text(item.get("legal_rep")),
        address=_text(item.get("address")),
        industry=_text(item.get("industry")),
    )


def _time(value, problems: list[str]) -> datetime | None:
    if not value:
        return None
    text = normalize_for_matching(str(value))
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    problems.append(m.INPUT_BAD_TIME.format(value=value))
    return None


def _text(value) -> str:
    return str(value).strip() if value is not None else ""


def _texts(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = re.split(r"[、，,；;\n]", value)
    return tuple(t for t in (_text(v) for v in value) if t)
