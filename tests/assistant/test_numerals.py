import pytest

from assistant.numerals import article_label, cn_to_int, int_to_cn, parse_article_label


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "一"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (101, "一百零一"),
        (110, "一百一十"),
        (253, "二百五十三"),
        (1002, "一千零二"),
        (1260, "一千二百六十"),
    ],
)
def test_numerals_round_trip(number, text):
    assert int_to_cn(number) == text
    assert cn_to_int(text) == number


def test_numerals_accept_ascii_and_full_width_digits():
    assert cn_to_int("25") == 25
    assert cn_to_int("２５") == 25


def test_numerals_label_with_suffix():
    assert article_label(253, 1) == "第二百五十三条之一"
    assert parse_article_label("依照第二百五十三条之一的规定") == (253, 1)
    assert parse_article_label("第25条") == (25, 0)
    assert parse_article_label("没有条号") is None


def test_numerals_reject_other_text():
    with pytest.raises(ValueError):
        cn_to_int("第五")


def test_numerals_beyond_ten_thousand():
    assert [int_to_cn(n) for n in (10000, 10025, 12345, 20100)] == [
        "一万", "一万零二十五", "一万二千三百四十五", "二万零一百"
    ]  # fmt: skip
    assert article_label(10001) == "第一万零一条"
    assert article_label(10**22) == f"第{10**22}条"
