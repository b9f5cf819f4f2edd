"""Excel import of an existing case list and export of any filtered list.

Import is all-or-nothing: every row is checked first; if any row is bad, nothing is written and
``ImportFailed.rows`` lists each bad row (sheet row number) with its problems. Dates may be Excel
serials, date cells, 2026年3月5日, 2026/3/5, 2026.3.5 or 2026-03-05.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import BinaryIO
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import cases, identifiers, jurisdictions, messages, people, workdays, workflow
from dashboard.db import Case, InterviewRecord, Party, RecordPerson
from dashboard.errors import (
    DashboardError,
    ImportFailed,
    NothingToImport,
    RowError,
    UnreadableWorkbook,
)
from dashboard.users import Actor, require_permission

log = logging.getLogger(__name__)
EXCEL_EPOCH = dt.date(1899, 12, 30)
DATE_TEXT = re.compile(
    r"^\s*(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$"  # a time of day after the date is ignored
)
THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")  # 12,000 or 1,234,567.50
HEADER_HINT = re.compile(r"[(\[【].*?[)\]】]|[*\s]")  # 登记日期（YYYY-MM-DD）, *约谈事项
SPLIT = re.compile(r"[;；、\n]+")
CODE_SPLIT = re.compile(r"[;；、\n]")  # one separator per party: an empty position counts
NO_CODE = {"", "无", "—", "-"}  # written for a party without a credit code
EARLIEST = dt.date(2000, 1, 1)  # no case of this workbench is older
LATEST_DAYS_AHEAD = 365
CHOICE_FIELDS = ("state", "trigger", "problem_category")  # a refusal repeats the cell text

REQUIRED = {
    "约谈事项": "title",
    "辖区代码": "jurisdiction_code",
    "约谈情形": "trigger",
    "问题类别": "problem_category",
    "约谈对象": "party_names",
    "统一社会信用代码": "credit_codes",
    "登记日期": "opened_on",
}
OPTIONAL = {
    "法定代表人": "legal_representative",
    "地址": "address",
    "行业": "industry",
    "商品服务类别": "goods_category",
    "投诉数量": "complaint_count",
    "涉及金额": "amount_involved",
    "重大问题": "is_major",
    "状态": "state",
    "约谈日期": "interview_date",
    "事由": "reason",
    "负责人姓名": "person_name",
    "身份证号": "id_number",
    "联系电话": "phone",
}


def parse_date(value) -> dt.date | None:
    """A date from a cell value; None when it cannot be read."""
    return read_date(value)[0]


def read_date(value) -> tuple[dt.date | None, str | None]:
    """(date, None), or (None, message id) for text that is no date or a day that does not
    exist (2026-02-30). Full-width digits and a time of day after the date are accepted."""
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return EXCEL_EPOCH + dt.timedelta(days=int(value)), None
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return EXCEL_EPOCH + dt.timedelta(days=int(float(text))), None
    m = DATE_TEXT.match(text)
    if m is None:
        return None, "validation.date"
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])), None
    except ValueError:
        return None, "validation.no_such_date"


def _choice(value, table: dict[str, str]) -> str | None:
    text = str(value or "").strip()
    if text in table:
        return text
    return next((k for k, title in table.items() if title == text), None)


@dataclass
class ParsedRow:
    row: int
    draft: cases.CaseDraft
    state: str
    interview_date: dt.date | None
    person: tuple[str, str, str] | None


def _cell(values: dict, key: str) -> str:
    v = values.get(key)
    return "" if v is None else str(v).strip()


def _parties(values: dict, problems: dict) -> list[cases.PartyDraft]:
    names = [n for n in SPLIT.split(_cell(values, "party_names")) if n.strip()]
    codes = _codes(_cell(values, "credit_codes"), len(names))
    if not names or len(names) != len(codes):
        problems["parties"] = "validation.required"
        return []
    return [
        cases.PartyDraft(
            n.strip(), c.strip(), _cell(values, "legal_representative"), _cell(values, "address")
        )
        for n, c in zip(names, codes, strict=True)
    ]


def _codes(cell: str, parties: int) -> list[str]:
    """Credit codes in the parties' order; an empty cell, or 无 / — in a position, means the
    party has none (无照经营). Empty positions are kept, so the count must match the names."""
    if not cell:
        return [""] * parties
    parts = [c.strip() for c in CODE_SPLIT.split(cell)]
    return ["" if c in NO_CODE else c for c in parts]


def _whole_number(values: dict, key: str, problems: dict) -> int:
    """A count: a whole number >= 0 (2.7 is refused, not truncated; 3.0 from Excel is 3)."""
    raw = _cell(values, key) or "0"
    try:
        number = Decimal(raw)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0 or number != number.to_integral():
        problems[key] = "validation.whole_number"
        return 0
    return int(number)


def _amount_text(values: dict) -> str:
    """涉及金额 as typed; NFKC, and thousands separators dropped (12,000 is 12000)."""
    text = unicodedata.normalize("NFKC", _cell(values, "amount_involved")).replace(" ", "")
    return (text.replace(",", "") if THOUSANDS.fullmatch(text) else text) or "0"


def _person(values: dict, problems: dict) -> tuple[str, str, str] | None:
    name = _cell(values, "person_name")
    id_number = identifiers.normalize(_cell(values, "id_number"))
    phone = identifiers.normalize(_cell(values, "phone"))
    if id_number and not identifiers.is_id_number(id_number):
        problems["id_number"] = "validation.id_number"
    if phone and not identifiers.is_phone(phone):
        problems["phone"] = "validation.phone"
    if (id_number or phone) and not name:
        problems["name"] = "validation.required"
    return (name, id_number, phone) if name else None


def plausible(day: dt.date, today: dt.date | None = None) -> bool:
    """Case dates lie between EARLIEST and one year after today (serial 1 or 2099 do not)."""
    today = today or dt.date.today()
    return EARLIEST <= day <= today + dt.timedelta(days=LATEST_DAYS_AHEAD)


def _date(values: dict, key: str, problems: dict) -> dt.date | None:
    if not _cell(values, key):
        if key in REQUIRED.values():
            problems[key] = "validation.required"
        return None
    day, problem = read_date(values.get(key))
    if problem is not None:
        problems[key] = problem
    elif not plausible(day):
        problems[key], day = "validation.date_range", None
    return day


def _check_interview_date(state: str, interview: dt.date | None, problems: dict) -> None:
    """The 约谈日期 fits the 状态 (workflow.toml): set once the interview was held, absent
    before it, never in the future."""
    needs, before = workflow.interview_date_states()
    if interview is None and state in needs:
        problems["interview_date"] = "validation.interview_date_needed"
    elif interview is not None and state in before:
        problems["interview_date"] = "validation.interview_date_early"
    elif interview is not None and interview > dt.date.today():
        problems["interview_date"] = "validation.interview_date_future"


def _parse_row(session: Session, row: int, values: dict) -> tuple[ParsedRow | None, dict]:
    problems: dict[str, str] = {}
    opened = _date(values, "opened_on", problems)
    interview = _date(values, "interview_date", problems)
    if opened and interview and interview < opened:
        problems["interview_date"] = "validation.interview_before_opened"
    state = _choice(
        values.get("state") or "登记", {k: s.title for k, s in workflow.definition().states.items()}
    )
    if state is None:
        problems["state"] = "validation.choice"
    elif "interview_date" not in problems:
        _check_interview_date(state, interview, problems)
    parties = _parties(values, problems)
    draft = cases.CaseDraft(
        title=_cell(values, "title"),
        jurisdiction_code=_cell(values, "jurisdiction_code"),
        trigger=_choice(values.get("trigger"), messages.TRIGGERS) or "?",
        problem_category=_choice(values.get("problem_category"), messages.PROBLEM_CATEGORIES)
        or "?",
        parties=parties,
        is_collective=len(parties) > 1,
        is_major=_cell(values, "is_major") in ("是", "1", "Y", "y", "true", "True"),
        goods_category=_cell(values, "goods_category"),
        industry=_cell(values, "industry"),
        reason=_cell(values, "reason"),
        complaint_count=_whole_number(values, "complaint_count", problems),
        amount_involved=_amount_text(values),
        opened_on=opened,
    )
    person = _person(values, problems)
    if parties:
        problems.update(
            {k: v for k, v in cases.validate_draft(session, draft).items() if k not in problems}
        )
    parsed = ParsedRow(row, draft, state or "registered", interview, person)
    return (None if problems else parsed), problems


def header_name(cell) -> str:
    """A header cell as a column name: NFKC, without a bracketed hint, spaces or * marks."""
    return HEADER_HINT.sub("", unicodedata.normalize("NFKC", str(cell or "")))


def _open_sheet(source: str | Path | BinaryIO):
    """The first worksheet whose header names a required column (else the first worksheet);
    UnreadableWorkbook when the file is not an .xlsx workbook."""
    try:
        sheets = load_workbook(source, read_only=True, data_only=True).worksheets
        wanted = {header_name(h) for h in REQUIRED}
        for sheet in sheets:
            first = next(sheet.iter_rows(max_row=1, values_only=True), ())
            if wanted & {header_name(h) for h in first}:
                return sheet
        return sheets[0]
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
        log.warning("unreadable workbook: %s", exc)
        raise UnreadableWorkbook(type(exc).__name__) from exc


def _read_sheet(source: str | Path | BinaryIO) -> tuple[list[str], list[tuple[int, dict]]]:
    sheet = _open_sheet(source)
    rows = sheet.iter_rows(values_only=True)
    header = [header_name(h) for h in next(rows, ())]
    mapping = {**REQUIRED, **OPTIONAL}
    out = []
    for number, values in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        out.append(
            (number, {mapping[h]: v for h, v in zip(header, values, strict=False) if h in mapping})
        )
    return header, out


def _header_problems(header: list[str]) -> dict[str, str]:
    """Missing required columns, or a column named twice (which one to read is unclear)."""
    missing = [h for h in REQUIRED if h not in header]
    if missing:
        return {"header": "validation.unknown_header", "columns": "、".join(missing)}
    known = [h for h in header if h in REQUIRED or h in OPTIONAL]
    twice = sorted({h for h in known if known.count(h) > 1}, key=known.index)
    if twice:
        return {"header": "validation.duplicate_header", "duplicate_columns": "、".join(twice)}
    return {}


def parse_workbook(session: Session, actor: Actor, source) -> list[ParsedRow]:
    """Check every row; raise ImportFailed listing all bad rows, else return the parsed rows."""
    header, rows = _read_sheet(source)
    if not rows and not any(header):
        raise NothingToImport()
    if problems := _header_problems(header):
        raise ImportFailed([RowError(1, problems)])
    if not rows:
        raise NothingToImport()
    parsed, errors, seen = [], [], {}
    for number, values in rows:
        item, problems = _parse_row(session, number, values)
        code = _cell(values, "jurisdiction_code")
        if item and not jurisdictions.covers(session, actor.jurisdiction_code, code):
            problems, item = {"jurisdiction_code": "error.out_of_scope"}, None
        if item:
            problems = _same_matter(session, item, seen)
        if problems:
            given = {k: _cell(values, k) for k in CHOICE_FIELDS if k in problems}
            errors.append(RowError(number, problems, given))
        else:
            parsed.append(item)
    if errors:
        raise ImportFailed(errors)
    return parsed


def _same_matter(session: Session, item: ParsedRow, seen: dict) -> dict[str, str]:
    """Art. 6 (not twice on one matter): a row repeating an earlier case or an earlier row."""
    draft = item.draft
    earlier = cases.find_same_matter(session, draft.problem_category, draft.parties)
    if earlier is not None:
        return {"duplicate": "validation.duplicate_case", "earlier_case": earlier.case_no or ""}
    # As in find_same_matter: by credit code, or by name when either row lacks a code.
    category = draft.problem_category
    wanted, kept = [], []
    for p in draft.parties:
        code, name = identifiers.normalize(p.credit_code), cases.name_key(p.name)
        if code:
            wanted += [(category, "code", code), (category, "uncoded", name)]
            kept += [(category, "code", code), (category, "coded", name)]
        else:
            wanted += [(category, "uncoded", name), (category, "coded", name)]
            kept += [(category, "uncoded", name)]
    row = next((seen[k] for k in wanted if k in seen), None)
    if row is not None:
        return {"duplicate": "validation.duplicate_row", "earlier_row": str(row)}
    for key in kept:
        seen.setdefault(key, item.row)
    return {}


def import_cases(session: Session, actor: Actor, source) -> list[int]:
    """Import a case list (all rows or none); returns the new case ids."""
    require_permission(actor, "import_cases")
    parsed = parse_workbook(session, actor, source)
    calendar = workdays.regional_days(session)
    ids = []
    for item in parsed:
        case = cases._new_case(session, actor, item.draft)
        _apply_history(case, item, calendar)
        session.add(case)
        session.flush()
        case.case_no = cases.next_case_no(session, case.opened_on.year, case.jurisdiction_code)
        workflow.audit(
            session, case, actor, "import", to_state=case.state, comment=f"第{item.row}行"
        )
        ids.append(case.id)
    session.flush()
    log.info("imported %s cases", len(ids))
    return ids


def refusal_lines(err: DashboardError) -> list[str]:
    """A refused import in Chinese: what happened and what to do, then one line per bad row."""
    lines = [err.user_text()]
    if isinstance(err, ImportFailed):
        lines += err.report_lines()
    return lines


def _apply_history(case: Case, item: ParsedRow, calendar: dict) -> None:
    case.state = item.state
    if item.interview_date:
        case.interview_date = item.interview_date
        deadline = workdays.add_workdays(item.interview_date, 15, calendar)
        case.rectification_due, case.due_unverified = deadline.due, deadline.unverified
    if item.person:
        name, id_number, phone = item.person
        case.record = InterviewRecord(
            persons=[RecordPerson(kind="attendee", name=name, id_number=id_number, phone=phone)]
        )


EXPORT_HEADERS = [
    "案件编号", "约谈事项", "状态", "辖区代码", "辖区", "约谈对象", "统一社会信用代码",
    "问题类别", "约谈情形", "涉及金额", "投诉数量", "登记日期", "约谈日期", "整改期限",
    "期限待核验", "重大问题", "负责人姓名", "身份证号", "联系电话",
]  # fmt: skip
DATE_FORMAT = "yyyy-mm-dd"


def _figures(session: Session, case_ids: list[int]) -> dict[int, tuple]:
    """Case id -> (credit codes joined by 、, amount, complaints, interview date)."""
    codes: dict[int, list[str]] = {}
    for case_id, code in session.execute(
        select(Party.case_id, Party.credit_code).where(Party.case_id.in_(case_ids))
        .order_by(Party.id)
    ):  # fmt: skip
        codes.setdefault(case_id, []).append(code or "无")
    stmt = select(Case.id, Case.amount_involved, Case.complaint_count, Case.interview_date)
    return {
        i: ("、".join(codes.get(i, [])), float(amount or 0), count, interview)
        for i, amount, count, interview in session.execute(stmt.where(Case.id.in_(case_ids)))
    }


def _attendees(session: Session, case_ids: list[int]) -> dict[int, tuple[str, str, str]]:
    stmt = (
        select(
            InterviewRecord.case_id, RecordPerson.name, RecordPerson.id_number, RecordPerson.phone
        )
        .join(RecordPerson, RecordPerson.record_id == InterviewRecord.id)
        .where(InterviewRecord.case_id.in_(case_ids), RecordPerson.kind == "attendee")
        .order_by(RecordPerson.id)
    )
    out: dict[int, tuple[str, str, str]] = {}
    for case_id, name, id_number, phone in session.execute(stmt):
        out.setdefault(case_id, (name, id_number, phone))
    return out


def _export_row(actor: Actor, r: cases.CaseRow, person: tuple, figures: tuple) -> list:
    name, id_number, phone = person
    id_number, phone = people.present(actor, id_number, phone)
    codes, amount, complaints, interview = figures
    return [
        r.case_no, r.title, r.state_title, r.jurisdiction_code, r.jurisdiction_name,
        r.party_names, codes,
        messages.PROBLEM_CATEGORIES.get(r.problem_category, r.problem_category),
        messages.TRIGGERS.get(r.trigger, r.trigger), amount, complaints, r.opened_on, interview,
        r.rectification_due, "待核验" if r.due_unverified else "", "是" if r.is_major else "否",
        name, id_number, phone,
    ]  # fmt: skip


def export_cases(
    session: Session, actor: Actor, f: cases.CaseFilter | None, target: str | Path | BinaryIO
) -> int:
    """Write the filtered list to an .xlsx file or stream; personal data masked per role."""
    rows = cases.all_rows(session, actor, f)
    persons = _attendees(session, [r.id for r in rows])
    wb = Workbook()
    ws = wb.active
    ws.title = "约谈案件"
    ws.append(EXPORT_HEADERS)
    figures = _figures(session, [r.id for r in rows])
    for r in rows:
        ws.append(_export_row(actor, r, persons.get(r.id, ("", "", "")), figures[r.id]))
    for column in ("L", "M", "N"):  # 登记日期, 约谈日期, 整改期限: real dates, shown as dates
        for cell in ws[column][1:]:
            cell.number_format = DATE_FORMAT
    wb.save(target)
    return len(rows)
