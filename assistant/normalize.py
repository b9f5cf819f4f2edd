"""Text normalisation for matching, and detection of garbled CJK text.

Matching forms are never shown: the original text is kept for display.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK Radicals Supplement (U+2E80-U+2EFF) look-alikes that NFKC leaves alone (it maps
# only U+2E9F and U+2EF3). PDFs with broken font tables emit them instead of the
# ideograph. Component radicals map to the unified component character (e.g. 氵).
RADICAL_LOOKALIKES = {
    "⺁": "厂", "⺅": "亻", "⺆": "冂", "⺇": "几", "⺉": "刂", "⺊": "卜", "⺌": "小",
    "⺎": "兀", "⺐": "尢", "⺒": "巳", "⺓": "幺", "⺕": "彐", "⺖": "忄", "⺘": "扌",
    "⺙": "攵", "⺛": "旡", "⺜": "日", "⺝": "月", "⺠": "民", "⺡": "氵", "⺢": "氺",
    "⺣": "灬", "⺤": "爫", "⺥": "爫", "⺦": "丬", "⺨": "犭", "⺩": "王", "⺪": "疋",
    "⺫": "罒", "⺬": "示", "⺭": "礻", "⺯": "糹", "⺰": "纟", "⺱": "冈", "⺲": "罒",
    "⺳": "罓", "⺹": "耂", "⺺": "肀", "⺻": "聿", "⺼": "月", "⺽": "臼", "⺾": "艹",
    "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "覀", "⻄": "西", "⻅": "见",
    "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻋": "车", "⻌": "辶", "⻍": "辶",
    "⻎": "辶", "⻏": "阝", "⻐": "钅", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门",
    "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞",
    "⻝": "食", "⻞": "飠", "⻟": "飠", "⻠": "饣", "⻡": "首", "⻢": "马", "⻣": "骨",
    "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾",
    "⻫": "斉", "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜",
    "⻲": "亀",
}  # fmt: skip
_RADICAL_TABLE = str.maketrans(RADICAL_LOOKALIKES)

_WHITESPACE = re.compile(r"\s+")
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")

GARBLED_THRESHOLD = 0.3  # share of suspicious characters above which text is refused
_MIN_SCORED_CHARS = 20  # below this many scored characters, never call text garbled


def normalize_for_matching(text: str, simplify: bool = False) -> str:
    """The form of ``text`` used for matching only (never for display).

    NFKC (full-width digits, letters and punctuation to half-width; Kangxi radicals
    to ideographs), CJK-radical look-alikes to ideographs, whitespace runs collapsed
    to one space and spaces between two CJK characters dropped (PDF extraction often
    spaces out characters: 消 费 者). With ``simplify``, traditional characters are
    converted to simplified ones.
    """
    out = unicodedata.normalize("NFKC", text).translate(_RADICAL_TABLE)
    out = _WHITESPACE.sub(" ", out).strip()
    out = _SPACE_BETWEEN_CJK.sub("", out)
    return to_simplified(out) if simplify else out


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified characters (OpenCC t2s, offline dictionaries)."""
    return _t2s_converter().convert(text)


def _char_weight(ch: str) -> float | None:
    """How suspicious one character is: 0 (common), 0.5 (uncommon), 1 (rare), None (not scored).

    Common is a GB2312 level-1 hanzi (first byte 0xB0-0xD7); level-2 hanzi are
    uncommon; other CJK ideographs, CJK extensions, private use, replacement
    characters, control characters and Latin-1 Supplement letters (mojibake of GBK
    bytes read as Latin-1) are rare. ASCII, punctuation and other scripts are not
    scored.
    """
    cp = ord(ch)
    if 0x4E00 <= cp <= 0x9FFF:
        try:
            first = ch.encode("gb2312")[0]
        except UnicodeEncodeError:
            return 1.0
        return 0.0 if first <= 0xD7 else 0.5
    rare = (
        0x80 <= cp <= 0xFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xE000 <= cp <= 0xF8FF
        or cp >= 0x20000
        or cp == 0xFFFD
        or (cp < 0x20 and ch not in "\t\n\r\f")
    )
    return 1.0 if rare else None


def garbled_ratio(text: str) -> float:
    """Share (0..1) of suspicious characters among the scored ones (see _char_weight)."""
    weights = [w for w in map(_char_weight, text) if w is not None]
    if len(weights) < _MIN_SCORED_CHARS:
        return 0.0
    return sum(weights) / len(weights)


def looks_garbled(text: str) -> bool:
    """True when ``text`` looks like CJK broken by a bad font mapping or decoding.

    Traditional characters are outside GB2312 but not broken: the text is judged after
    conversion to simplified characters too, and the better of the two counts.
    """
    if garbled_ratio(text) <= GARBLED_THRESHOLD:
        return False
    return garbled_ratio(to_simplified(text)) > GARBLED_THRESHOLD
