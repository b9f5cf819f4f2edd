"""Chinese numerals as used in article numbers: 第二百五十三条之一 <-> (253, 1)."""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMBER = "[零〇一二两三四五六七八九十百千]+"


def cn_to_int(text: str) -> int:
    """Convert 二百五十三 / 十五 / 一千零二 (or ASCII / full-width digits) to an int."""
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    ascii_digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if ascii_digits.isdigit():
        return int(ascii_digits)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def int_to_cn(number: int) -> str:
    """Convert 253 to 二百五十三 (the form used in article labels; 10-19 as 十…)."""
    if number < 0:
        raise ValueError("negative numeral")
    if number == 0:
        return "零"
    if number >= 10000:  # 一万零二十五: no law has that many articles, but a typo may ask
        high, low = divmod(number, 10000)
        gap = "零" if 0 < low < 1000 else ""
        return f"{int_to_cn(high)}万{gap}{int_to_cn(low) if low else ''}"
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, number = divmod(number, value)
        if d:
            if zero_pending:
                parts.append("零")
            parts.append(digits[d] + unit)
            zero_pending = False
        elif parts:
            zero_pending = True
    out = "".join(parts)
    return out[1:] if out.startswith("一十") else out


def article_label(number: int, suffix: int = 0) -> str:
    """(253, 1) -> 第二百五十三条之一 (a mistyped huge number stays in digits)."""

    def cn(n: int) -> str:
        return int_to_cn(n) if n < 100000 else str(n)

    return f"第{cn(number)}条" + (f"之{cn(suffix)}" if suffix else "")


_LABEL = re.compile(rf"第\s*({CN_NUMBER}|[0-9０-９]+)\s*条(?:之\s*({CN_NUMBER}|[0-9]+))?")


def parse_article_label(text: str) -> tuple[int, int] | None:
    """第二十五条 / 第25条 / 第二百五十三条之一 -> (number, suffix)."""
    m = _LABEL.search(text)
    if not m:
        return None
    return cn_to_int(m.group(1)), cn_to_int(m.group(2)) if m.group(2) else 0
