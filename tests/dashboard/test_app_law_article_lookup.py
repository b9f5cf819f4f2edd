"""法规 → 条文与版本: an empty law name asks for one; a 之一 article is looked up with the
之 box (条号 1, 之 1 -> 第一条之一)."""

from __future__ import annotations

import shutil

from tests.dashboard.app_support import app_environment, sign_in, texts

RULES = (
    "测试市场监管补充条例\n\n"
    "第一条  为规范预付式消费经营行为，保护消费者合法权益，制定本条例。\n\n"
    "第一条之一  经营者收取预付款的，应当与消费者订立书面合同并约定退款方式。\n\n"
    "第二条  本条例自发布之日起施行。\n"
)


def _laws_page(monkeypatch, tmp_path, lexical_index_dir):
    from dashboard.ui import law_import, law_index

    index_dir = tmp_path / "index"
    shutil.copytree(lexical_index_dir, index_dir)
    app_environment(monkeypatch, tmp_path, index_dir)
    loader = law_index.loader()
    assert loader.wait(60)
    report = law_import.import_uploads(
        [("测试市场监管补充条例.txt", RULES.encode("utf-8"))], loader, lambda *_: None
    )
    assert report["imported"], report
    at = sign_in("tianshan")
    return at.switch_page("pages/laws.py").run()


def test_app_law_article_lookup_empty_name_and_zhi_yi(monkeypatch, tmp_path, lexical_index_dir):
    at = _laws_page(monkeypatch, tmp_path, lexical_index_dir)
    at.text_input(key="article_law").input("  ")
    at.button(key="article_go").click().run()
    assert not at.exception
    assert "请填写法规名称" in texts(at) and "法规库中没有" not in texts(at)

    at.text_input(key="article_law").input("测试市场监管补充条例")
    at.number_input(key="article_no").set_value(1)
    at.number_input(key="article_suffix").set_value(1)
    at.button(key="article_go").click().run()
    assert not at.exception and not at.error
    assert "### 《测试市场监管补充条例》第一条之一" in texts(at)
    assert "订立书面合同" in texts(at)

    # 刑法 is held only as its amended 2020 text: the page warns before showing it.
    at.text_input(key="article_law").input("刑法")
    at.number_input(key="article_no").set_value(120)
    at.number_input(key="article_suffix").set_value(1)
    at.button(key="article_go").click().run()
    assert not at.exception
    assert any("现行有效的文本" in w.value for w in at.warning)


def test_law_text_keeps_paragraphs_apart_for_markdown():
    from dashboard.ui import law_versions

    text = "经营者采用网络……但下列商品除外：\n（一）消费者定作的；\n\n（二）鲜活易腐的；"
    assert (
        law_versions.paragraphs(text)
        == "经营者采用网络……但下列商品除外：\n\n（一）消费者定作的；\n\n（二）鲜活易腐的；"
    )
    assert law_versions.inline("甲\n乙") == "甲  \n乙"
