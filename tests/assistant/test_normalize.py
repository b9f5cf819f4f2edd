"""Matching normalisation and garbled-text detection."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from assistant.normalize import (
    GARBLED_THRESHOLD,
    RADICAL_LOOKALIKES,
    garbled_ratio,
    looks_garbled,
    normalize_for_matching,
    to_simplified,
)

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
SAMPLE = "经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货。"


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"shared corpus missing at {CORPUS}; these tests need it")
    return CORPUS


def test_normalize_full_width_forms_become_half_width():
    assert normalize_for_matching("第２５条（一）ＡＢＣ：") == "第25条(一)ABC:"


def test_normalize_kangxi_radicals_become_ideographs():
    assert normalize_for_matching("⾏政处罚法第⼆⼗条") == "行政处罚法第二十条"


def test_normalize_radicals_supplement_lookalikes_become_ideographs():
    assert normalize_for_matching("⻔店⻋辆⻓期⻚⾯") == "门店车辆长期页面"


def test_normalize_radical_table_covers_only_what_nfkc_misses():
    for radical, ideograph in RADICAL_LOOKALIKES.items():
        assert 0x2E80 <= ord(radical) <= 0x2EFF
        assert unicodedata.normalize("NFKC", radical) == radical
        assert unicodedata.name(ideograph).startswith("CJK UNIFIED IDEOGRAPH")


def test_normalize_collapses_whitespace_and_joins_spaced_out_cjk():
    assert normalize_for_matching("  消 费\u3000者\n\n权益  ABC   def ") == "消费者权益 ABC def"


def test_normalize_simplify_converts_traditional_characters():
    assert to_simplified("消費者權益保護法") == "消费者权益保护法"
    assert normalize_for_matching("經營者　第２條", simplify=True) == "经营者第2条"


def test_garbled_ratio_clean_law_text_is_zero():
    assert garbled_ratio(SAMPLE) == 0.0
    assert not looks_garbled(SAMPLE)


def test_garbled_gbk_bytes_read_as_latin1_detected():
    mojibake = SAMPLE.encode("gbk").decode("latin-1")
    assert garbled_ratio(mojibake) == 1.0
    assert looks_garbled(mojibake)


def test_garbled_utf8_bytes_read_as_gbk_detected():
    mojibake = SAMPLE.encode("utf-8").decode("gbk", errors="replace")
    assert garbled_ratio(mojibake) > 0.6
    assert looks_garbled(mojibake)


def test_garbled_private_use_and_replacement_stream_detected():
    broken = "第一条" + "".join(chr(0xE000 + i) for i in range(30)) + "\ufffd" * 10
    assert looks_garbled(broken)


def test_garbled_short_or_latin_text_not_judged():
    assert garbled_ratio("Ïû·Ñ") == 0.0  # too few scored characters to judge
    assert not looks_garbled("Consumer protection law, article 25. " * 10)


def test_garbled_every_shared_corpus_file_is_clean(corpus):
    ratios = {p.name: garbled_ratio(p.read_text(encoding="utf-8")) for p in corpus.rglob("*.md")}
    assert len(ratios) >= 30
    assert max(ratios.values()) < GARBLED_THRESHOLD / 10
