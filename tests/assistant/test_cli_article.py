"""`python -m assistant article`: the 之一 part in JSON, law and article in one argument."""

from __future__ import annotations

import json

import pytest

from assistant import cli
from assistant.messages import message


@pytest.fixture
def run(lexical_index_dir, monkeypatch, capsys):
    monkeypatch.setenv("YTT_INDEX_DIR", str(lexical_index_dir))

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["article", *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_article_json_keeps_the_suffix_of_an_inserted_article(run):
    code, out, _ = run("刑法", "第一百二十条之一", "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["article"], data["suffix"], data["label"]) == (120, 1, "第一百二十条之一")
    assert data["citation"] == "《中华人民共和国刑法》第一百二十条之一"
    assert data["status"] == "已被修改" and "现行有效的文本" in data["note"]
    consumer = json.loads(run("消保法", "25", "--json")[1])
    assert (consumer["suffix"], consumer["status"], consumer["note"]) == (0, "现行有效", "")


@pytest.mark.parametrize("citation", ["刑法第一百二十条之一", "《中华人民共和国刑法》第120条之一"])
def test_article_accepts_law_and_article_in_one_argument(run, citation):
    code, out, _ = run(citation, "--json")
    assert code == 0 and json.loads(out)["label"] == "第一百二十条之一"


def test_article_in_one_argument_refuses_a_double_suffix(run):
    code, out, err = run("消保法第二十五条之一之一")
    assert code == 2 and out == ""
    assert "无法识别条号「第二十五条之一之一」" in err and "缺少必填参数" not in err


def test_article_without_a_number_says_how_to_write_it(run):
    code, _, err = run("消保法")
    assert code == 2
    assert err.strip() == f"错误：{message('article_number_missing', law='消保法')}"


def test_article_of_a_law_without_text_in_force_says_so(run):
    """The built-in DB holds 刑法 only as amended 2020 text: the article is shown with a warning
    to check the text in force, while an article in force gets none."""
    code, out, _ = run("刑法", "第一百二十条之一")
    assert code == 0
    assert "法规库中没有《中华人民共和国刑法》现行有效的文本" in out and "已被修改" in out
    assert "注意" not in run("消保法", "25")[1]
