"""Legal topics (法律问题主题): people's words for a question, mapped to where the law answers it.

A layperson asks "超市检查搜身，能要求赔偿吗"; the law answers in the personality-rights part of
the civil code (身体权, 人格尊严). Retrieval by similarity alone often misses such articles:
the question and the statute share few words. The topic files under corpus/topics/ map
everyday wording (cue groups, as in the violation taxonomy) to a law's article ranges, most
central articles first. A topic recognised in a query contributes its articles to fusion.

Format of one entry (TOML, array of tables named "topic"):
  id        stable English id, unique across all files
  name      Chinese title shown to users
  law       law title as in the built-in DB (中华人民共和国民法典)
  articles  article ranges of that law: ["1032-1039", "1226"]
  key       optional: the central articles, cited first when the topic is recognised
  cues      cue groups; recognised when EVERY group has a cue present (substring, or a
            regular expression when it starts with "re:")
  exclude   optional cues that veto the topic

general_rules.toml (array of tables named "general") names the general articles a specific
part draws on (合同编通则 for a lease question); they follow the topic's own articles.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.settings import ROOT
from assistant.violations import cue_span, hit_cue, prepare_note

TOPICS_DIR = ROOT / "corpus" / "topics"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    law: str
    articles: tuple[int, ...]  # every article of the ranges, key articles first
    cues: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeneralRules:
    name: str
    law: str
    applies_to: frozenset[int]
    articles: tuple[int, ...]


@dataclass(frozen=True)
class TopicMatch:
    topic: Topic
    score: float
    cues: tuple[str, ...]


def parse_ranges(ranges: list[str | int]) -> list[int]:
    """["1032-1039", "1226", 7] -> [1032, …, 1039, 1226, 7] (order kept, no repeats)."""
    out: list[int] = []
    for item in ranges:
        first, _, last = str(item).partition("-")
        start, end = int(first), int(last or first)
        if end < start:
            raise ValueError(f"article range runs backwards: {item}")
        out += [n for n in range(start, end + 1) if n not in out]
    return out


def _entry(e: dict) -> Topic:
    key = [int(n) for n in e.get("key", ())]
    rest = [n for n in parse_ranges(e["articles"]) if n not in key]
    return Topic(
        id=e["id"],
        name=e["name"],
        law=e["law"],
        articles=tuple(key + rest),
        cues=tuple(tuple(group) for group in e["cues"]),
        exclude=tuple(e.get("exclude", ())),
    )


@cache
def load_topics(folder: Path = TOPICS_DIR) -> tuple[Topic, ...]:
    topics: list[Topic] = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            topics += [_entry(e) for e in tomllib.load(fh).get("topic", [])]
    return tuple(topics)


@cache
def load_general_rules(folder: Path = TOPICS_DIR) -> tuple[GeneralRules, ...]:
    rules: list[GeneralRules] = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            for e in tomllib.load(fh).get("general", []):
                rules.append(
                    GeneralRules(
                        e["name"],
                        e["law"],
                        frozenset(parse_ranges(e["applies_to"])),
                        tuple(int(n) for n in e["articles"]),
                    )
                )
    return tuple(rules)


def general_articles(
    topic: Topic, rules: tuple[GeneralRules, ...] | None = None
) -> list[tuple[int, str]]:
    """(article, rule name) of the general rules the topic's part of its law draws on."""
    out: list[tuple[int, str]] = []
    for rule in rules if rules is not None else load_general_rules():
        if rule.law == topic.law and rule.applies_to.intersection(topic.articles):
            out += [(n, rule.name) for n in rule.articles if n not in topic.articles]
    return out


def recognise_topics(query: str, topics: tuple[Topic, ...] | None = None) -> list[TopicMatch]:
    """Topics whose every cue group occurs in the query, the most cues found first."""
    text = prepare_note(query)
    matches = []
    for topic in topics if topics is not None else load_topics():
        if any(hit_cue(c, text) for c in topic.exclude):
            continue
        found: dict[str, int] = {}
        for group in topic.cues:
            spans = {c: n for c in group if (n := cue_span(c, text))}
            if not spans:
                break
            found |= spans
        else:
            score = sum(found.values())  # longer, more specific wording counts more
            matches.append(TopicMatch(topic, float(score), tuple(found)))
    matches.sort(key=lambda m: (-m.score, m.topic.id))
    return matches
