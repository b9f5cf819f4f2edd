"""Validation and masking of identifiers: 统一社会信用代码 (GB 32100-2015), 居民身份证号码
(GB 11643-1999) and telephone numbers."""

from __future__ import annotations

import datetime as dt
import re

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def normalize(value: str) -> str:
    """Upper-case, without spaces; full-width letters and digits made ASCII."""
    table = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    return str(value or "").translate(table).replace(" ", "").strip().upper()


def credit_check_char(first17: str) -> str:
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def is_credit_code(value: str) -> bool:
    code = normalize(value)
    if len(code) != 18 or any(c not in CREDIT_CHARS for c in code):
        return False
    return credit_check_char(code[:17]) == code[17]


def id_check_char(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def is_id_number(value: str) -> bool:
    code = normalize(value)
    if not re.fullmatch(r"\d{17}[\dX]", code):
        return False
    try:
        dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return False
    return id_check_char(code[:17]) == code[17]


def is_phone(value: str) -> bool:
    phone = normalize(value)
    return bool(MOBILE.match(phone) or LANDLINE.match(phone))


def mask_id_number(value: str) -> str:
    return value[:6] + "*" * (len(value) - 10) + value[-4:] if len(value) > 10 else "*" * len(value)


def mask_phone(value: str) -> str:
    return value[:3] + "*" * (len(value) - 7) + value[-4:] if len(value) > 7 else "*" * len(value)
