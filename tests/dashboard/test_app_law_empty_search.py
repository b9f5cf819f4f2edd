"""法规 page: searching with nothing typed says what to type instead of showing nothing;
a cited law the corpus lacks is named."""

from __future__ import annotations

from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    wait_for_index,
)


def test_app_law_empty_search_shows_hint(app_db):
    wait_for_index()
    at = sign_in("tianshan")
    at.switch_page("pages/laws.py").run()
    assert not any("请输入问题、案情或法条引用" in i.value for i in at.info)  # not before asking
    at.text_input(key="law_query").input("   ")
    at.button(key="FormSubmitter:law_search-检索").click()
    at.run()
    assert not at.exception
    assert any("请输入问题、案情或法条引用" in i.value for i in at.info)


def test_app_law_search_names_an_unquoted_law_the_corpus_lacks(app_db):
    wait_for_index()
    at = sign_in("tianshan")
    at.switch_page("pages/laws.py").run()
    at.text_input(key="law_query").input("火星法第3条")
    at.button(key="FormSubmitter:law_search-检索").click()
    at.run()
    assert not at.exception
    assert any("法规库中没有「火星法」" in w.value for w in at.warning)
