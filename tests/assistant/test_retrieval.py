"""Retrieval over real indexes built from the built-in laws and ../shared/corpus."""

import json
import subprocess
import sys

import numpy as np
import pytest
from filelock import FileLock

from assistant import indexing
from assistant.embeddings import NamedEmbeddings
from assistant.errors import CitationNotFound, IndexBusy, IndexMissing, IndexStale
from assistant.messages import message
from assistant.retrieval import Filters, LawIndex, LawRetriever

from ..conftest import REPO


def test_search_finds_the_seven_day_return_article_lexically(lexical_index):
    result = lexical_index.search("网购衣服七日无理由退货被拒绝", k=5, mode="bm25")
    cited = [(h.version.title, h.article.number) for h in result.hits]
    assert ("中华人民共和国消费者权益保护法", 25) in cited
    assert not result.dense_used


def test_search_hybrid_recognises_the_violation_type(lexical_index):
    note = "某健身会所突然闭店，会员年卡和私教课的预付款不退，12315投诉83件。"
    result = lexical_index.search(note, k=5)
    top = result.hits[0]
    assert (top.version.title, top.article.number) == ("中华人民共和国消费者权益保护法", 53)
    assert top.violation and top.role == "breach"
    assert "dense_not_ready" in result.notices


def test_search_matches_kangxi_radical_lookalikes(lexical_index):
    # '⾏' (U+2F8F) and '⽣' are Kangxi radicals some PDFs emit instead of 行 and 生.
    plain = lexical_index.search("明码标价 价格欺诈 ⾏为", k=3, mode="bm25").hits
    assert plain and plain[0].article.text
    assert lexical_index.search("明码标价 价格欺诈 行为", k=3, mode="bm25").hits[0].article.key == (
        plain[0].article.key
    )


def test_search_filters_by_law_level_and_region(lexical_index):
    by_law = lexical_index.search("退货", k=10, filters=Filters(law="消保法"), mode="bm25").hits
    assert by_law and {h.version.title for h in by_law} == {"中华人民共和国消费者权益保护法"}
    rules = lexical_index.search("价格", k=10, filters=Filters(level="部门规章")).hits
    assert rules and {h.version.level for h in rules} == {"部门规章"}
    local = lexical_index.search("消费者", k=10, filters=Filters(region="上海")).hits
    assert local and {h.version.title for h in local} == {"上海市消费者权益保护条例"}


def test_search_json_cli_prints_the_agreed_fields(lexical_index_dir):
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "search", "七日无理由退货", "--k", "3", "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        env={"YTT_INDEX_DIR": str(lexical_index_dir), "PATH": ""},
    )
    rows = json.loads(out.stdout)
    assert len(rows) == 3
    assert {"law", "article", "citation", "text"} <= rows[0].keys()
    assert isinstance(rows[0]["article"], int)


def test_article_cli_shows_the_version_in_force(lexical_index_dir):
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "article", "消保法", "25"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        env={"YTT_INDEX_DIR": str(lexical_index_dir), "PATH": ""},
    )
    assert "第二十五条" in out.stdout and "现行有效" in out.stdout and "2013-10-25" in out.stdout


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("10000", "没有第一万条"),
        ("25之10000", "没有第二十五条之一万"),
        ("99999999999999999999999", "无法识别条号"),
        ("25之0", "无法识别条号"),
        ("二十五条之一之一", "无法识别条号"),
    ],
)
def test_article_cli_odd_numbers_get_a_chinese_answer(lexical_index_dir, number, expected):
    from assistant import cli

    out = subprocess.run(
        [sys.executable, "-m", "assistant", "article", "消保法", number],
        capture_output=True, text=True, cwd=REPO,
        env={"YTT_INDEX_DIR": str(lexical_index_dir), "PATH": ""},
    )  # fmt: skip
    assert out.returncode == 2 and expected in out.stderr and "Traceback" not in out.stderr
    assert cli.parse_number("25之一") == (25, 1)


def test_search_names_a_quoted_law_the_corpus_lacks(lexical_index):
    absent = lexical_index.search("《不存在的办法》第3条", k=3).absent
    assert absent == [message("law_not_in_corpus", law="不存在的办法")]
    huge = lexical_index.search("消保法第99999999999999999999999条", k=3).absent
    assert huge and "第99999999999999999999999条" in huge[0]


def test_langchain_retriever_returns_documents_with_citations(lexical_index):
    docs = LawRetriever(index=lexical_index, k=3).invoke("明码标价")
    assert len(docs) == 3
    assert docs[0].metadata["citation"].startswith("《")
    assert docs[0].page_content


def test_index_missing_says_how_to_build(tmp_path):
    with pytest.raises(IndexMissing) as info:
        LawIndex("default", folder=tmp_path)
    assert "python -m assistant index build" in info.value.message_zh


def test_build_refuses_a_second_writer(tmp_path):
    lock = FileLock(str(tmp_path / ".build.lock"))
    with lock, pytest.raises(IndexBusy) as info:
        indexing.build("default", lexical_only=True, folder=tmp_path)
    assert "正在进行" in info.value.message_zh


def test_build_reports_refused_and_duplicate_imports(tmp_path, shared_corpus):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    rule = (
        shared_corpus
        / "部门规章"
        / "市场监督管理总局"
        / "明码标价和禁止价格欺诈规定(2022-04-14).md"
    )
    (docs / "copy1.md").write_bytes(rule.read_bytes())
    (docs / "copy2.md").write_bytes(rule.read_bytes())
    result = indexing.build(
        "default",
        [docs],
        lexical_only=True,
        folder=tmp_path / "idx",
        only_laws=["中华人民共和国价格法"],
    )
    assert [r["path"].endswith("empty.txt") for r in result.report.refused] == [True]
    assert len(result.report.duplicates) == 1
    index = LawIndex("default", folder=tmp_path / "idx")
    assert index.lookup("明码标价和禁止价格欺诈规定第十九条")[1].number == 19


class _OtherModel(NamedEmbeddings):
    model_id = "test/other-768"
    dimension = 768

    def embed_documents(self, texts):
        return [[0.0] * 768 for _ in texts]

    def embed_query(self, text):
        return [0.0] * 768


@pytest.mark.slow
def test_dense_index_of_another_model_is_refused_with_the_rebuild_command(small_dense_index_dir):
    with pytest.raises(IndexStale) as info:
        LawIndex("default", folder=small_dense_index_dir, embeddings=_OtherModel())
    assert "384" in info.value.message_zh and "768" in info.value.message_zh
    assert "index build" in info.value.message_zh


@pytest.mark.slow
def test_dense_search_understands_a_paraphrase(small_dense_index):
    hits = small_dense_index.search("买东西被商家多收钱还骗人", k=10, mode="dense").hits
    assert hits and small_dense_index.dense is not None
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and all(h.ranks.get("dense") for h in hits)
    laws = {h.version.title for h in hits}
    assert laws & {
        "中华人民共和国价格法",
        "中华人民共和国消费者权益保护法",
        "明码标价和禁止价格欺诈规定",
    }


@pytest.mark.slow
def test_rebuild_with_nothing_changed_embeds_nothing(small_dense_index_dir, shared_corpus):
    rules = shared_corpus / "部门规章" / "市场监督管理总局"
    sources = [
        rules / "侵害消费者权益行为处罚办法(2015-01-05).md",
        rules / "明码标价和禁止价格欺诈规定(2022-04-14).md",
    ]
    from ..conftest import SMALL_LAWS

    again = indexing.build("default", sources, folder=small_dense_index_dir, only_laws=SMALL_LAWS)
    assert again.embedded == 0
    assert again.reused == 0  # nothing changed, so nothing was even re-written
    index = LawIndex("default", folder=small_dense_index_dir)
    assert index.dense.collection.count() == again.articles
    vec = np.asarray(index.dense.embeddings.embed_query("退货"))
    assert vec.shape == (384,) and abs(float(np.linalg.norm(vec)) - 1.0) < 1e-3


@pytest.mark.parametrize("query", ["消保法第25条", "消保法二十五条", "消费者权益保护法第二十五条"])
def test_search_puts_a_cited_article_first(lexical_index, query):
    top = lexical_index.search(query, k=3).hits[0]
    assert (top.version.title, top.article.number) == ("中华人民共和国消费者权益保护法", 25)


def test_build_refuses_a_mistyped_source_path_and_changes_nothing(tmp_path):
    from assistant.errors import SourceMissing

    with pytest.raises(SourceMissing) as info:
        indexing.build("default", [tmp_path / "nope.txt"], lexical_only=True, folder=tmp_path)
    assert "nope.txt" in info.value.message_zh
    assert not (tmp_path / "corpus.sqlite").exists()


def test_traditional_character_law_is_imported_and_found_by_simplified_query(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "繁體辦法.txt").write_text(
        "某市預付式消費管理辦法\n\n第一條 為了規範預付式消費經營行為，保護消費者合法權益，"
        "制定本辦法。\n"
        "第二條 經營者收取預付款後停業的，應當退還消費者預付款餘額。\n",
        encoding="utf-8",
    )
    result = indexing.build(
        "default", [docs], lexical_only=True, folder=tmp_path / "idx", only_laws=[]
    )
    assert not result.report.refused
    hits = LawIndex("default", folder=tmp_path / "idx").search("预付款 停业 退还", k=1).hits
    assert hits[0].article.number == 2
    assert "預付款" in hits[0].article.text  # the original text is kept for display


def test_search_says_when_the_last_build_was_killed(tmp_path):
    """A build killed (kill -9) after writing the store leaves the store's running mark with
    a dead pid; search says so until a build completes. The mark is set here with the pid
    of a finished process, which is what a killed build leaves behind."""
    from assistant.store import CorpusStore

    indexing.build("all", lexical_only=True, folder=tmp_path, only_laws=["中华人民共和国价格法"])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    store = CorpusStore(indexing.store_path(tmp_path))
    store.set_meta(indexing.RUNNING, dead)
    store.close()

    index = LawIndex("all", folder=tmp_path)
    assert "build_interrupted" in index.search("明码标价", k=3).notices
    assert "index build --scope all" in index.notice_text("build_interrupted")
    indexing.build("all", lexical_only=True, folder=tmp_path, only_laws=["中华人民共和国价格法"])
    assert "build_interrupted" not in LawIndex("all", folder=tmp_path).search("明码标价").notices


def test_cli_argument_errors_are_chinese_and_refused_sources_fail_the_build(tmp_path):
    env = {"YTT_INDEX_DIR": str(tmp_path / "index"), "YTT_IMPORT_DIRS": str(tmp_path), "PATH": ""}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                              text=True, cwd=REPO, env=env)  # fmt: skip

    bad_k = run("search", "退货", "--k", "abc")
    assert bad_k.returncode == 2 and "参数 --k: 不是整数" in bad_k.stderr
    assert "invalid" not in bad_k.stderr and "usage" not in bad_k.stderr

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    built = run("index", "build", "--scope", "default", "--lexical-only", "--source", str(empty))
    assert built.returncode == 2
    assert "空文件" in built.stdout and "都没有导入" in built.stderr


def test_search_names_the_law_that_replaced_a_repealed_one(lexical_index):
    """合同法 is not in the library (repealed 2021-01-01); the notice names 民法典 instead of
    suggesting an import, while the search still answers by the question's words."""
    result = lexical_index.search("根据合同法第五十二条合同无效吗", k=5)
    assert result.absent == [
        "「合同法」已于 2021-01-01 废止，其规定已由《中华人民共和国民法典》取代，"
        "请引用《中华人民共和国民法典》的相应条文。"
    ]
    assert result.hits
    with pytest.raises(CitationNotFound) as err:
        lexical_index.article("食品卫生法", 9)
    assert "《中华人民共和国食品安全法》取代" in err.value.message_zh


def test_repealed_laws_table_names_successors_the_library_holds(lexical_index):
    from assistant.builtin import repealed_laws
    from assistant.importing import canonical_title

    for title, entry in repealed_laws().items():
        assert title == canonical_title(title) and lexical_index.resolver.resolve(title) is None
        assert lexical_index.resolver.resolve(entry["successor"]), entry
        assert entry["repealed"] < "2026-01-01"


def test_search_says_why_a_cited_article_the_library_holds_is_not_listed(lexical_index):
    """Default scope: 民事诉讼法 is held but not searched, 刑法 is held only as amended text;
    each citation gets its reason instead of silently unrelated results."""
    outside = lexical_index.search("民事诉讼法第一百二十二条 起诉条件", k=3)
    assert outside.absent == [
        message(
            "article_out_of_scope",
            citation="《中华人民共和国民事诉讼法》第一百二十二条",
            scope="default",
        )
    ]
    amended = lexical_index.search("刑法第120条之一", k=3)
    assert len(amended.absent) == 1 and "现行有效的文本" in amended.absent[0]
    assert lexical_index.search("消保法第二十五条", k=3).absent == []
