"""Building the indexes: collect sources, merge versions, write the store, BM25 and Chroma.

One writer at a time (a file lock). Rebuilds are incremental: an article whose text did
not change is never embedded again (vectors are cached by model and content hash).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from assistant import builtin, settings
from assistant.bm25 import Bm25Index
from assistant.dense import DenseIndex
from assistant.embeddings import NamedEmbeddings, configured_embeddings
from assistant.errors import ImportRefused, IndexBusy, IndexDirInvalid, SourceMissing
from assistant.importing import SUPPORTED_SUFFIXES, canonical_title, read_document
from assistant.manifest import default_law_titles
from assistant.messages import message
from assistant.models import STATUS_IN_FORCE, STATUS_PENDING, Article, LawVersion
from assistant.store import CorpusStore

log = logging.getLogger(__name__)


Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class ImportReport:
    """What a build did with each imported file."""

    imported: list[dict] = field(default_factory=list)  # {path, title, articles, notices}
    refused: list[dict] = field(default_factory=list)  # {path, reason}
    duplicates: list[dict] = field(default_factory=list)  # {path, same_as}


@dataclass
class BuildResult:
    scope: str
    articles: int
    embedded: int
    reused: int
    dense_ready: bool
    seconds: float
    report: ImportReport


def index_dir() -> Path:
    folder = settings.path("index_dir")
    if folder.exists() and not folder.is_dir():
        raise IndexDirInvalid(folder)
    return folder


def store_path(folder: Path | None = None) -> Path:
    return (folder or index_dir()) / "corpus.sqlite"


def scope_dir(scope: str, folder: Path | None = None) -> Path:
    return (folder or index_dir()) / scope


def read_info(scope: str, folder: Path | None = None) -> dict:
    path = scope_dir(scope, folder) / "index.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _write_info(scope: str, folder: Path, info: dict) -> None:
    path = scope_dir(scope, folder) / "index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def build(
    scope: str = "default",
    sources: Iterable[Path] = (),
    lexical_only: bool = False,
    embeddings: NamedEmbeddings | None = None,
    folder: Path | None = None,
    progress: Progress | None = None,
    include_builtin: bool = True,
    only_laws: Iterable[str] | None = None,
) -> BuildResult:
    """Build (or refresh) the indexes of `scope`. Raises IndexBusy if another build runs.

    `only_laws` keeps just those built-in laws (by title), for small test indexes.
    """
    folder = folder or index_dir()
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder / ".build.lock"))
    try:
        lock.acquire(timeout=1)
    except Timeout as exc:
        raise IndexBusy(str(folder)) from exc
    try:
        wanted = {canonical_title(t) for t in only_laws} if only_laws is not None else None
        sources = _check_sources(list(sources))
        return _build_locked(
            scope,
            list(sources),
            lexical_only,
            embeddings,
            folder,
            progress,
            include_builtin,
            wanted,
        )
    finally:
        lock.release()


def _build_locked(
    scope, sources, lexical_only, embeddings, folder, progress, include_builtin, wanted
):
    started = time.monotonic()
    report = ImportReport()

    # Collect the built-in laws and the imported documents, merged into one law per title.
    entries = list(builtin.read_versions()) if include_builtin else []
    if wanted is not None:
        entries = [(v, a) for v, a in entries if canonical_title(v.title) in wanted]
    store = CorpusStore(store_path(folder))
    try:
        known = _known_sources(store)
        named = [p for p in sources if p not in known]
        sources = _present([*known, *named], report)
        for missing in (p for p in settings.import_dirs() if not p.exists()):
            report.refused.append(
                {"path": str(missing), "reason": message("import_dir_missing", path=missing)}
            )
        files = _files(settings.import_dirs() + sources, report)
        entries += _import_files(files, report, progress)
        merged = _merge(entries, report)
        _remember(store, known + [p for p in named if imported_under(report, p)])

        # Write the store, then the lexical index of the scope. Until both are written, the
        # store says a build is running, so a killed build is noticed (build_interrupted).
        store.set_meta(RUNNING, str(os.getpid()))
        store.replace_all(merged)
        store.set_meta("import_report", json.dumps(report.__dict__, ensure_ascii=False))
        rows = store.scope_rows(scope)
        _notify(progress, "bm25", 0, 1)
        keys = [a.key for a, _, _ in rows]
        Bm25Index.build(keys, [search_text(a) for a, _, _ in rows]).save(
            scope_dir(scope, folder) / "bm25"
        )
        _notify(progress, "bm25", 1, 1)
        pending = pending_dates(v for v, _, _, _ in merged)
        info = {
            "scope": scope,
            "articles": len(rows),
            "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
            "pending_from": pending[0] if pending else "",
            "dense_ready": False,
            "model": "",
            "dimension": 0,
        }
        _write_info(scope, folder, {**read_info(scope, folder), **info, "dense_ready": False})
        store.set_meta(RUNNING, "")  # an interrupted dense sync keeps what it embedded
        embedded = reused = 0
        if not lexical_only:
            embeddings = embeddings or configured_embeddings()
            embedded, reused = _sync_dense(store, rows, scope, folder, embeddings, progress)
            info.update(dense_ready=True, model=embeddings.model_id, dimension=embeddings.dimension)
            _write_info(scope, folder, info)
    finally:
        store.close()
    seconds = time.monotonic() - started
    log.info(
        "built scope=%s articles=%s embedded=%s reused=%s in %.1fs",
        scope,
        len(rows),
        embedded,
        reused,
        seconds,
    )
    return BuildResult(scope, len(rows), embedded, reused, not lexical_only, seconds, report)


RUNNING = "build_running"


def build_interrupted(store: CorpusStore) -> bool:
    """True when a build wrote the store but was killed before its lexical index was written:
    the index and the store disagree until the next build."""
    pid = store.meta(RUNNING)
    if not pid:
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, ValueError):
        return False
    return False


def statuses_outdated(info: dict, today: str | None = None) -> str:
    """The date a not-yet-effective version took effect since the build ('' if none did):
    the index then shows an old version as the one in force until it is rebuilt."""
    pending_from = info.get("pending_from", "")
    today = today or date.today().isoformat()
    return pending_from if pending_from and pending_from <= today else ""


def _check_sources(sources: list[Path]) -> list[Path]:
    """Paths named on this build must exist: a typing mistake is an error, not an import."""
    missing = [str(p) for p in sources if not Path(p).exists()]
    if missing:
        raise SourceMissing(missing)
    return [Path(p).resolve() for p in sources]


def forget_sources(paths: Iterable[Path], folder: Path | None = None) -> list[Path]:
    """Stop including sources remembered from an earlier --source (a path, or anything under
    it); returns the remembered paths dropped. The next build leaves their laws out."""
    folder = folder or index_dir()
    drop = [Path(p).resolve() for p in paths]
    lock = FileLock(str(folder / ".build.lock"))
    try:
        lock.acquire(timeout=1)
    except Timeout as exc:
        raise IndexBusy(str(folder)) from exc
    try:
        store = CorpusStore(store_path(folder))
        try:
            known = [Path(p) for p in json.loads(store.meta("sources", "[]"))]
            gone = [p for p in known if any(p == d or d in p.parents for d in drop)]
            kept = [p for p in known if p not in gone]
            store.set_meta("sources", json.dumps([str(p) for p in kept], ensure_ascii=False))
        finally:
            store.close()
    finally:
        lock.release()
    return gone


def remembered_sources(folder: Path | None = None) -> list[Path]:
    store = CorpusStore(store_path(folder or index_dir()))
    try:
        return [Path(p) for p in json.loads(store.meta("sources", "[]"))]
    finally:
        store.close()


def _known_sources(store: CorpusStore) -> list[Path]:
    return [Path(p) for p in json.loads(store.meta("sources", "[]"))]


def _remember(store: CorpusStore, sources: list[Path]) -> None:
    """Sources named once with --source stay in every later build, but only once something
    under them was imported: a refused file (empty.md) is reported once, not on every build."""
    store.set_meta("sources", json.dumps([str(p) for p in sources], ensure_ascii=False))


def _present(sources: list[Path], report: ImportReport) -> list[Path]:
    """The sources that exist now. A remembered one that is missing (an unmounted share) stays
    remembered; its laws are left out of this build only."""
    for gone in (p for p in sources if not p.exists()):
        report.refused.append({"path": str(gone), "reason": message("source_gone")})
    return [p for p in sources if p.exists()]


def imported_under(report: ImportReport, root: Path) -> bool:
    """Whether this build imported a document under ``root`` (or found it already held)."""
    done = [Path(e["path"]) for e in report.imported + report.duplicates]
    return any(path == root or path.is_relative_to(root) for path in done)


def search_text(article: Article) -> str:
    """The text indexed for an article: law title, chapter and the article itself."""
    return f"{article.law_title} {article.chapter} {article.section} {article.text}"


def _files(folders: list[Path], report: ImportReport | None = None) -> list[Path]:
    out: list[Path] = []
    for folder in folders:
        folder = Path(folder)
        if folder.is_dir() and not os.access(folder, os.R_OK | os.X_OK):
            log.warning("no permission to list %s", folder)
            if report is not None:
                reason = message("import_no_permission", name=folder.name)
                report.refused.append({"path": str(folder), "reason": reason})
            continue
        if folder.is_file():
            out.append(folder)
        elif folder.is_dir():
            out += sorted(
                p
                for p in folder.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.startswith(("_", "."))
                and p.name != "README.md"
            )
    return out


def _import_files(files: list[Path], report: ImportReport, progress) -> list:
    entries = []
    for i, path in enumerate(files):
        _notify(progress, "import", i, len(files))
        try:
            doc = read_document(path)
        except ImportRefused as exc:
            report.refused.append({"path": str(path), "reason": exc.reason_zh})
            log.warning("refused %s: %s", path, exc)
            continue
        except Exception:  # noqa: BLE001 - one unreadable file must not stop the build
            log.exception("could not parse %s", path)
            report.refused.append({"path": str(path), "reason": message("parse_failed")})
            continue
        report.imported.append(
            {
                "path": str(path),
                "title": doc.version.title,
                "articles": len(doc.articles),
                "notices": list(doc.notices),
            }
        )
        entries.append((doc.version, doc.articles))
    _notify(progress, "import", len(files), len(files))
    return entries


def _merge(entries, report: ImportReport) -> list[tuple[LawVersion, list[Article], str, bool]]:
    """Group versions by law; drop same-version duplicates; the newest in-force version wins."""
    defaults = {canonical_title(t) for t in default_law_titles()}
    by_law: dict[str, list[tuple[LawVersion, list[Article]]]] = {}
    for version, articles in entries:
        by_law.setdefault(canonical_title(version.title), []).append((version, articles))
    out = []
    for law_key, versions in by_law.items():
        imported = any(not v.source == builtin.SOURCE for v, _ in versions)
        kept = _dedupe_versions(versions, report)
        for version, articles in _resolve_status(kept):
            out.append((version, articles, law_key, law_key in defaults or imported))
    return out


def _dedupe_versions(versions, report: ImportReport):
    """Keep one entry per version (same version date, or same content): built-in first."""
    versions = sorted(versions, key=lambda va: va[0].source != builtin.SOURCE)
    kept: dict[str, tuple[LawVersion, list[Article]]] = {}
    for version, articles in versions:
        key = version.version_date or version.version_id
        if key in kept:
            report.duplicates.append({"path": version.source, "same_as": kept[key][0].source})
            report.imported = [i for i in report.imported if i["path"] != version.source]
            continue
        kept[key] = (version, articles)
    return list(kept.values())


_SUPERSEDED = ("历史版本", "已被修改")


def _resolve_status(versions, today: str | None = None):
    """Statuses on `today`: a version marked in force that takes effect later is 尚未生效, and
    until it does the latest earlier version that has taken effect is the one in force.
    Of several versions in force, only the newest stays so."""
    today = today or date.today().isoformat()

    def started(v: LawVersion) -> bool:
        return not v.effective_date or v.effective_date <= today

    marked = [v for v, _ in versions if v.status == STATUS_IN_FORCE]
    pending = [v for v in marked if not started(v)]
    newest = max((v for v in marked if started(v)), key=lambda v: v.version_date, default=None)
    if newest is None and pending:
        earlier = [v for v, _ in versions if v.status in _SUPERSEDED and started(v)]
        newest = max(earlier, key=lambda v: v.version_date, default=None)
    out = []
    for version, articles in versions:
        if any(version is v for v in pending):
            version = _with_status(version, STATUS_PENDING)
        elif version is newest:
            version = _with_status(version, STATUS_IN_FORCE)
        elif version.status == STATUS_IN_FORCE:
            version = _with_status(version, "历史版本")
        out.append((version, articles))
    return out


def pending_dates(versions: Iterable[LawVersion]) -> list[str]:
    """Effective dates of versions not yet in force: on those days statuses change."""
    return sorted({v.effective_date for v in versions if v.status == STATUS_PENDING})


def _with_status(version: LawVersion, status: str) -> LawVersion:
    return replace(version, status=status)


def _sync_dense(store, rows, scope, folder, embeddings, progress) -> tuple[int, int]:
    """Bring the Chroma collection in line with `rows`; embed only what is not cached."""
    existing = read_info(scope, folder)
    dense = DenseIndex.open(folder, scope, embeddings)
    meta = dense.collection.metadata or {}
    if (
        meta.get("model") != embeddings.model_id
        or meta.get("dimension") != embeddings.dimension
        or existing.get("model") not in ("", None, embeddings.model_id)
    ):
        DenseIndex.reset(folder, scope)
        dense = DenseIndex.open(folder, scope, embeddings)
    stored = dense.stored_metadata()
    wanted = {a.key: (a, v, h) for a, v, h in rows}
    stale = [k for k in stored if k not in wanted]
    dense.delete(stale)
    # A new vector when the text changed; new metadata (a version's status changed, say)
    # reuses the cached vector.
    todo = [(a, v, h) for k, (a, v, h) in wanted.items() if stored.get(k) != _metadata(a, v, h)]
    cache = store.cached_vectors(embeddings.model_id, sorted({h for _, _, h in todo}))
    missing = [(a, v, h) for a, v, h in todo if h not in cache]
    _embed_missing(store, embeddings, missing, cache, progress)
    if todo:
        vectors = np.stack([cache[h] for _, _, h in todo])
        dense.upsert([a.key for a, _, _ in todo], vectors, [_metadata(a, v, h) for a, v, h in todo])
    return len(missing), len(todo) - len(missing)


def _embed_missing(store, embeddings, missing, cache, progress, batch: int = 32) -> None:
    total = len(missing)
    for start in range(0, total, batch):
        _notify(progress, "embed", start, total)
        chunk = missing[start : start + batch]
        vectors = embeddings.embed_array([a.embedding_text for a, _, _ in chunk])
        new = {h: vec for (_, _, h), vec in zip(chunk, vectors, strict=True)}
        store.cache_vectors(embeddings.model_id, new)
        cache.update(new)
    _notify(progress, "embed", total, total)


def _metadata(article: Article, version: LawVersion, content_hash: str) -> dict:
    return {
        "law": canonical_title(version.title),
        "level": version.level,
        "status": version.status,
        "region": version.region,
        "content_hash": content_hash,
        "number": article.number,
    }


def _notify(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
