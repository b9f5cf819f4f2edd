"""The corpus store: every law version and article known to the assistant, in SQLite.

It is rebuilt from the sources (built-in database, import folders) by `index build`;
embeddings are cached here by (model, content hash) so rebuilds never embed an
unchanged article twice.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import numpy as np

from assistant.chunking import group_paragraphs
from assistant.models import STATUS_IN_FORCE, Article, LawVersion

SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    version_id TEXT PRIMARY KEY, law_key TEXT NOT NULL, title TEXT NOT NULL, level TEXT,
    issuing_body TEXT, version_date TEXT, effective_date TEXT, status TEXT, source TEXT,
    region TEXT, structured INTEGER, in_default INTEGER NOT NULL DEFAULT 0,
    duplicate_of TEXT
);
CREATE INDEX IF NOT EXISTS versions_law ON versions(law_key);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY, version_id TEXT NOT NULL, number INTEGER NOT NULL,
    suffix INTEGER NOT NULL, chapter TEXT, section TEXT, text TEXT NOT NULL,
    content_hash TEXT NOT NULL, ord INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_version ON articles(version_id, number, suffix);
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL, content_hash TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (model, content_hash)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

VERSION_FIELDS = (
    "version_id",
    "title",
    "level",
    "issuing_body",
    "version_date",
    "effective_date",
    "status",
    "source",
    "region",
    "structured",
)


def content_hash(article: Article) -> str:
    """Hash of exactly what is embedded: a changed heading or number means a new vector."""
    return hashlib.sha1(article.embedding_text.encode()).hexdigest()


class CorpusStore:
    """Read and write access to indexes/corpus.sqlite."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._conn:
            yield self._conn

    # --- writing -------------------------------------------------------------------------

    def replace_all(self, entries: Iterable[tuple[LawVersion, list[Article], str, bool]]) -> int:
        """Replace versions and articles: entries of (version, articles, law_key, in_default)."""
        count = 0
        with self.transaction() as conn:
            conn.execute("DELETE FROM versions")
            conn.execute("DELETE FROM articles")
            for version, articles, law_key, in_default in entries:
                self._insert_version(conn, version, law_key, in_default)
                conn.executemany(
                    "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
                    [_article_row(a, i) for i, a in enumerate(articles)],
                )
                count += len(articles)
        return count

    def _insert_version(self, conn, version: LawVersion, law_key: str, in_default: bool) -> None:
        values = [getattr(version, f) for f in VERSION_FIELDS]
        conn.execute(
            "INSERT OR REPLACE INTO versions (version_id, title, level, issuing_body, version_date,"
            " effective_date, status, source, region, structured, law_key, in_default)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [*values, law_key, int(in_default)],
        )

    def mark_duplicate(self, version_id: str, of_version_id: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE versions SET duplicate_of=? WHERE version_id=?", (of_version_id, version_id)
            )

    def set_status(self, version_id: str, status: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE versions SET status=? WHERE version_id=?", (status, version_id))

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))

    def meta(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    # --- embedding cache -------------------------------------------------------------------

    def cached_vectors(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            chunk = hashes[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for h, blob in self._conn.execute(
                "SELECT content_hash, vector FROM embeddings"
                f" WHERE model=? AND content_hash IN ({marks})",
                [model, *chunk],
            ):
                out[h] = np.frombuffer(blob, dtype=np.float32)
        return out

    def cache_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?,?,?)",
                [(model, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in vectors.items()],
            )

    # --- reading ---------------------------------------------------------------------------

    def versions(self, law_key: str | None = None) -> list[LawVersion]:
        sql = f"SELECT {', '.join(VERSION_FIELDS)} FROM versions"
        params: list = []
        if law_key is not None:
            sql += " WHERE law_key=?"
            params.append(law_key)
        sql += " ORDER BY version_date DESC"
        return [_version(row) for row in self._conn.execute(sql, params)]

    def law_keys(self) -> list[tuple[str, str]]:
        """(law_key, title of its newest version) for every law."""
        return self._conn.execute(
            "SELECT law_key, title FROM versions"
            " GROUP BY law_key HAVING version_date=MAX(version_date)"
        ).fetchall()

    def version(self, version_id: str) -> LawVersion | None:
        row = self._conn.execute(
            f"SELECT {', '.join(VERSION_FIELDS)} FROM versions WHERE version_id=?", (version_id,)
        ).fetchone()
        return _version(row) if row else None

    def scope_rows(self, scope: str) -> list[tuple[Article, LawVersion, str]]:
        """Indexable articles of a scope: (article, version, content hash), no duplicates."""
        where = "v.duplicate_of IS NULL" + (" AND v.in_default=1" if scope == "default" else "")
        sql = (
            f"SELECT a.key, a.version_id, a.number, a.suffix, a.chapter, a.section, a.text,"
            f" a.content_hash, {', '.join('v.' + f for f in VERSION_FIELDS)}"
            f" FROM articles a JOIN versions v ON v.version_id=a.version_id WHERE {where}"
            " ORDER BY v.law_key, a.version_id, a.ord"
        )
        out = []
        for row in self._conn.execute(sql):
            version = _version(row[8:])
            out.append((_row_article(row, version.title), version, row[7]))
        return out

    def articles_of(self, version_id: str) -> list[Article]:
        version = self.version(version_id)
        if version is None:
            return []
        rows = self._conn.execute(
            "SELECT key, version_id, number, suffix, chapter, section, text FROM articles"
            " WHERE version_id=? ORDER BY ord",
            (version_id,),
        ).fetchall()
        return [_row_article(r, version.title) for r in rows]

    def article(self, version_id: str, number: int, suffix: int = 0) -> Article | None:
        version = self.version(version_id)
        row = self._conn.execute(
            "SELECT key, version_id, number, suffix, chapter, section, text FROM articles"
            " WHERE version_id=? AND number=? AND suffix=?",
            (version_id, number, suffix),
        ).fetchone()
        return _row_article(row, version.title) if row and version else None

    def law_key_of(self, version_id: str) -> str:
        row = self._conn.execute(
            "SELECT law_key FROM versions WHERE version_id=?", (version_id,)
        ).fetchone()
        return row[0] if row else ""

    def counts(self) -> dict[str, int]:
        q = self._conn.execute
        return {
            "laws": q("SELECT COUNT(DISTINCT law_key) FROM versions").fetchone()[0],
            "versions": q("SELECT COUNT(*) FROM versions").fetchone()[0],
            "articles": q("SELECT COUNT(*) FROM articles").fetchone()[0],
            "in_force_articles": q(
                "SELECT COUNT(*) FROM articles a JOIN versions v USING (version_id)"
                " WHERE v.status=? AND v.duplicate_of IS NULL",
                (STATUS_IN_FORCE,),
            ).fetchone()[0],
        }


def _article_row(article: Article, ordinal: int) -> tuple:
    return (
        article.key,
        article.version_id,
        article.number,
        article.suffix,
        article.chapter,
        article.section,
        article.text,
        content_hash(article),
        ordinal,
    )


def _row_article(row, title: str) -> Article:
    _key, version_id, number, suffix, chapter, section, text = row[:7]
    return Article(
        version_id=version_id,
        law_title=title,
        number=number,
        suffix=suffix,
        text=text,
        chapter=chapter or "",
        section=section or "",
        paragraphs=group_paragraphs(text),
    )


def _version(row) -> LawVersion:
    values = dict(zip(VERSION_FIELDS, row, strict=True))
    values["structured"] = bool(values["structured"])
    for k, v in values.items():
        if v is None:
            values[k] = ""
    return LawVersion(**values)


__all__ = ["CorpusStore", "content_hash", "asdict"]
