"""Parsing law text into articles, chapters, paragraphs and items; document metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.chunking import (
    ArticleDraft,
    file_title_date,
    level_of,
    locate,
    parse_dates,
    parse_law_text,
    parse_metadata,
    region_of,
    split_header,
)
from assistant.errors import ArticlePartNotFound

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

# Article counts checked by hand against the files (line-start 第…条, numbered 1..N).
CORPUS_ARTICLES = {
    "民法商法/消费者权益保护法(2013-10-25).md": 63,
    "部门规章/市场监督管理总局/明码标价和禁止价格欺诈规定(2022-04-14).md": 27,
    "部门规章/市场监督管理总局/侵害消费者权益行为处罚办法(2015-01-05).md": 22,
    "部门规章/市场监督管理总局/家用汽车产品修理更换退货责任规定(2021-07-22).md": 42,
    "部门规章/市场监督管理总局/食品生产经营监督检查管理办法(2021-12-24).md": 55,
    "部门规章/市场监督管理总局/市场监督管理投诉举报处理暂行办法(2022-03-24).md": 40,
    "部门规章/市场监督管理总局/市场监督管理行政处罚信息公示规定(2021-07-30).md": 19,
    "行政法规/缺陷汽车产品召回管理条例(2019-03-02).md": 29,
    "行政法规/食品安全法实施条例(2019-10-11).md": 86,
    "司法解释/最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）(2022-03-01).md": 20,
    "司法解释/最高人民法院关于审理预付式消费民事纠纷案件适用法律若干问题的解释(2025-03-13).md": 27,
    "司法解释/最高人民法院关于审理食品药品惩罚性赔偿纠纷案件适用法律若干问题的解释"
    "(2024-08-21).md": 19,
    "地方性法规/上海/上海市消费者权益保护条例.md": 73,
    "地方性法规/北京/北京市实施《消费者权益保护法》办法.md": 26,
    "地方性法规/山东/山东省消费者权益保护条例(2017-03-29).md": 52,
    "地方性法规/浙江/浙江省实施《消费者权益保护法》办法(2017-03-31).md": 41,
}

SAMPLE = """某某管理办法

第一章　总　则

第一节 一般规定

第一条　为了规范管理，制定本办法。

第二条 经营者不得有下列行为：
（一）虚构原价；
(二) 谎称降价；
（三）其他误导行为。
有前款第（一）项行为的，依照本法第五十五条处罚。
第五条规定的情形，不适用本条。

第二章 罚则

第三条　违反本办法第二条规定的，责令改正。
第二条 这一行是引用旧条文，不是新条。

第三条之一　新增的条文。

第4条 本办法自公布之日起施行。
"""


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"shared corpus missing at {CORPUS}; these tests need it")
    return CORPUS


@pytest.fixture(scope="module")
def sample() -> list[ArticleDraft]:
    return parse_law_text(SAMPLE).articles


def test_chunking_sample_article_numbers_and_suffixes(sample):
    assert [(a.number, a.suffix) for a in sample] == [(1, 0), (2, 0), (3, 0), (3, 1), (4, 0)]
    assert sample[3].label == "第三条之一"


def test_chunking_references_are_not_article_starts(sample):
    second = sample[1]
    assert second.paragraphs[-1] == "第五条规定的情形，不适用本条。"
    assert "依照本法第五十五条处罚" in second.text
    assert sample[2].text.endswith("第二条 这一行是引用旧条文，不是新条。")


def test_chunking_chapters_and_sections(sample):
    parsed = parse_law_text(SAMPLE)
    assert parsed.chapters == ["第一章 总则", "第一节 一般规定", "第二章 罚则"]
    assert (sample[0].chapter, sample[0].section) == ("第一章 总则", "第一节 一般规定")
    assert (sample[2].chapter, sample[2].section) == ("第二章 罚则", "")
    assert parsed.preamble == "某某管理办法"


def test_chunking_items_stay_in_their_paragraph(sample):
    second = sample[1]
    assert len(second.paragraphs) == 3
    assert second.paragraphs[0].splitlines()[1:] == [
        "（一）虚构原价；",
        "(二) 谎称降价；",
        "（三）其他误导行为。",
    ]


def test_chunking_locate_paragraph_and_item(sample):
    second = sample[1]
    assert locate(second, 2) == "有前款第（一）项行为的，依照本法第五十五条处罚。"
    assert locate(second, 1, 3) == "（三）其他误导行为。"
    assert locate(second, None, 2) == "(二) 谎称降价；"
    assert locate(second).startswith("经营者不得有下列行为：")


def test_chunking_locate_missing_part_raises_with_chinese_message(sample):
    with pytest.raises(ArticlePartNotFound) as err:
        locate(sample[1], 5)
    assert err.value.message_zh == "第二条只有 3 款，没有第5款。请核对引用的款号。"
    with pytest.raises(ArticlePartNotFound) as err:
        locate(sample[1], 2, 1)
    assert "第二条第二款没有第（一）项" in err.value.message_zh


def test_chunking_markdown_bold_and_heading_labels():
    text = "## 第一章 总则\n\n**第一条**　甲。\n\n### **第二条** 乙。\n\n第三条丙：依照前条处理。"
    parsed = parse_law_text(text)
    assert [(a.number, a.text) for a in parsed.articles] == [
        (1, "甲。"),
        (2, "乙。"),
        (3, "丙：依照前条处理。"),
    ]
    assert parsed.articles[0].chapter == "第一章 总则"


def test_chunking_unspaced_start_accepted_only_in_sequence():
    text = "第一条 甲。\n第二条乙。\n第五条规定的除外。\n第九条丙。"
    parsed = parse_law_text(text)
    assert [a.number for a in parsed.articles] == [1, 2]
    assert parsed.articles[1].paragraphs == ("乙。", "第五条规定的除外。", "第九条丙。")


def test_chunking_chapter_reference_is_not_a_heading():
    parsed = parse_law_text("第一章 总则\n第一条 甲：\n第二章规定的情形除外\n第二条 乙。")
    assert parsed.chapters == ["第一章 总则"]
    assert parsed.articles[0].paragraphs == ("甲：", "第二章规定的情形除外")


def test_chunking_lone_quoted_article_is_not_structure():
    parsed = parse_law_text("判决书引用：\n第十二条 进口的食品不符合标准的，不予支持。\n以上。")
    assert [a.number for a in parsed.articles] == [12]
    assert not parsed.structured
    assert not parse_law_text("没有任何条文的通知。").structured


def test_chunking_consumer_law_article_25(corpus):
    path = corpus / "民法商法/消费者权益保护法(2013-10-25).md"
    articles = parse_law_text(path.read_text(encoding="utf-8")).articles
    art25 = articles[24]
    assert art25.label == "第二十五条"
    assert art25.chapter == "第三章 经营者的义务"
    assert locate(art25, 1, 2) == "（二）鲜活易腐的；"
    assert locate(art25, 2).startswith("除前款所列商品外")
    assert len(art25.paragraphs) == 3


def test_chunking_price_rules_article_19_text(corpus):
    path = corpus / "部门规章/市场监督管理总局/明码标价和禁止价格欺诈规定(2022-04-14).md"
    articles = parse_law_text(path.read_text(encoding="utf-8")).articles
    art19 = articles[18]
    assert art19.number == 19
    assert art19.text.startswith("经营者不得实施下列价格欺诈行为：\n\n（一）谎称商品和服务价格为")
    assert locate(art19, 1, 1) == "（一）谎称商品和服务价格为政府定价或者政府指导价；"


@pytest.mark.parametrize("relative, count", sorted(CORPUS_ARTICLES.items()))
def test_chunking_corpus_article_counts(corpus, relative, count):
    parsed = parse_law_text((corpus / relative).read_text(encoding="utf-8"))
    assert [a.number for a in parsed.articles] == list(range(1, count + 1))
    assert all(a.text for a in parsed.articles)


def test_chunking_corpus_covers_every_law_file(corpus):
    laws = {str(p.relative_to(corpus)) for p in corpus.rglob("*.md")}
    laws = {p for p in laws if not p.startswith("案例") and p != "README.md"}
    assert laws == set(CORPUS_ARTICLES)


def test_chunking_split_header_of_corpus_format():
    text = (
        "# 某规定\n\n2022年4月14日 某局令第1号公布\n\n2022年7月1日 施行\n\n"
        "<!-- INFO END -->\n\n第一条 甲。"
    )
    title, header, body = split_header(text)
    assert title == "某规定"
    assert header == ["2022年4月14日 某局令第1号公布", "2022年7月1日 施行"]
    assert body.strip() == "第一条 甲。"


def test_chunking_parse_dates_variants():
    assert parse_dates(["2022年4月14日 公布", "2022年7月1日 施行"]) == ("2022-04-14", "2022-07-01")
    assert parse_dates(["（2021年3月1日通过　2021年5月1日起施行）"]) == ("2021-03-01", "2021-05-01")
    assert parse_dates(["1995年12月26日通过", "2000年10月29日修订2017年3月30日修订"]) == (
        "2017-03-30",
        "",
    )
    assert parse_dates(["二〇一三年十月二十五日修正"]) == ("2013-10-25", "")
    assert parse_dates(["最高人民法院发布", "2022-03-15"]) == ("2022-03-15", "")
    assert parse_dates(["消费者权益保护典型案例"]) == ("", "")


def test_chunking_file_title_date_and_level():
    path = Path("x/部门规章/市场监督管理总局/明码标价和禁止价格欺诈规定(2022-04-14).md")
    assert file_title_date(path) == ("明码标价和禁止价格欺诈规定", "2022-04-14")
    assert level_of(path, "") == "部门规章"
    assert level_of(Path("x/民法商法/a.md"), "") == "法律"
    assert level_of(Path("user/a.docx"), "中华人民共和国电子商务法") == "法律"
    assert level_of(Path("user/a.docx"), "网络交易监督管理办法") == "部门规章"
    assert level_of(Path("user/a.docx"), "中华人民共和国消费者权益保护法实施条例") == "行政法规"
    assert level_of(Path("user/a.pdf"), "浙江省电子商务条例") == "地方性法规"


def test_chunking_region_of_local_regulations():
    assert (
        region_of(Path("地方性法规/上海/a.md"), "地方性法规", "上海市消费者权益保护条例")
        == "上海市"
    )
    assert region_of(Path("u/a.md"), "地方性法规", "广西壮族自治区消费者权益保护条例") == (
        "广西壮族自治区"
    )
    assert region_of(Path("u/a.md"), "部门规章", "上海市某办法") == ""


def test_chunking_metadata_of_corpus_rule(corpus):
    path = corpus / "部门规章/市场监督管理总局/明码标价和禁止价格欺诈规定(2022-04-14).md"
    meta, body = parse_metadata(path, path.read_text(encoding="utf-8"), today=date(2026, 1, 1))
    assert (meta.title, meta.level, meta.issuing_body) == (
        "明码标价和禁止价格欺诈规定",
        "部门规章",
        "市场监督管理总局",
    )
    assert (meta.version_date, meta.effective_date, meta.status) == (
        "2022-04-14",
        "2022-07-01",
        "现行有效",
    )
    assert body.lstrip().startswith("第一条")


def test_chunking_metadata_not_yet_in_force_before_effective_date(corpus):
    path = corpus / "部门规章/市场监督管理总局/明码标价和禁止价格欺诈规定(2022-04-14).md"
    meta, _ = parse_metadata(path, path.read_text(encoding="utf-8"), today=date(2022, 6, 30))
    assert meta.status == "尚未生效"


def test_chunking_metadata_of_local_regulation_and_regulation(corpus):
    path = corpus / "地方性法规/山东/山东省消费者权益保护条例(2017-03-29).md"
    meta, _ = parse_metadata(path, path.read_text(encoding="utf-8"))
    assert (meta.level, meta.region, meta.issuing_body) == (
        "地方性法规",
        "山东省",
        "山东省人民代表大会常务委员会",
    )
    path = corpus / "行政法规/食品安全法实施条例(2019-10-11).md"
    meta, _ = parse_metadata(path, path.read_text(encoding="utf-8"))
    assert (meta.title, meta.level, meta.issuing_body, meta.effective_date) == (
        "中华人民共和国食品安全法实施条例",
        "行政法规",
        "国务院",
        "2019-12-01",
    )
