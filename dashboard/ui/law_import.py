"""Importing law documents from the browser: each upload is checked first (refused files
never reach the corpus folder), accepted ones are stored in the import folder under a unique
name (never overwriting an earlier file), the keyword index is rebuilt with progress, and the
dense index follows in the background. While another build holds the index, the files stay
saved and a follow-up build indexes them as soon as that build ends."""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from assistant import indexing
from assistant import settings as assistant_settings
from assistant.errors import ImportRefused, IndexBusy
from assistant.importing import read_document
from dashboard.ui.law_index import LawIndexLoader

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")
HASH_CHARS = 10  # hex digits of the content hash in a stored name
RETRY_SECONDS = 2.0  # how often a follow-up build asks for the index again
RETRY_LIMIT = 900  # give up a follow-up build after this many tries (about half an hour)
FOLLOW_UPS: list[threading.Thread] = []  # follow-up builds started in this process


def import_folder() -> Path:
    folders = assistant_settings.import_dirs()
    target = folders[0] if folders else assistant_settings.ROOT / "corpus" / "user"
    target.mkdir(parents=True, exist_ok=True)
    return target


def safe_name(name: str) -> str:
    cleaned = _UNSAFE.sub("_", Path(name).name).strip(" .")
    return cleaned or "document.txt"


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_CHARS]


def stored_name(name: str, data: bytes) -> str:
    """``<stem>-<content hash><suffix>``: unique per content, never hidden from the indexer
    (no leading ``_`` or ``.``) and never a tracked file such as ``README.md``."""
    path = Path(safe_name(name))
    stem = path.stem.lstrip("_. ") or "document"
    return f"{stem}-{content_hash(data)}{path.suffix.lower()}"


def _same_content(folder: Path, data: bytes) -> Path | None:
    """A file already in the import folder with exactly these bytes."""
    for existing in sorted(folder.iterdir()):
        if existing.is_file() and existing.stat().st_size == len(data):
            if existing.read_bytes() == data:
                return existing
    return None


def _store(name: str, data: bytes, report: dict) -> Path | None:
    """Save one checked upload; an identical earlier file is reported as a duplicate."""
    folder = import_folder()
    earlier = _same_content(folder, data)
    if earlier is not None:
        report["duplicates"].append({"path": name, "same_as": earlier.name})
        return None
    target = folder / stored_name(name, data)
    target.write_bytes(data)
    return target.resolve()


def _checked(uploads: list[tuple[str, bytes]], report: dict) -> dict[Path, str]:
    """Stored path -> original name of every upload that reads as a law document."""
    accepted: dict[Path, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in uploads:
            path = Path(tmp) / safe_name(name)
            path.write_bytes(data)
            try:
                read_document(path)
            except ImportRefused as err:
                report["refused"].append({"path": name, "reason": err.reason_zh})
                continue
            stored = _store(name, data, report)
            if stored is not None:
                accepted[stored] = name
    return accepted


def import_uploads(
    uploads: list[tuple[str, bytes]],
    loader: LawIndexLoader,
    progress: Callable[[str, int, int], None],
) -> dict[str, list[dict]]:
    """Check, store and index the uploads; returns {imported, refused, duplicates, pending}
    for them (``pending``: saved, indexed when the build running now ends)."""
    report: dict[str, list[dict]] = {"imported": [], "refused": [], "duplicates": [],
                                     "pending": []}  # fmt: skip
    accepted = _checked(uploads, report)
    if not accepted:
        return report
    try:
        result = indexing.build(loader.scope, lexical_only=True, folder=loader.folder,
                                progress=progress)  # fmt: skip
    except IndexBusy:
        report["pending"] = [{"path": name, "stored": p.name} for p, name in accepted.items()]
        log.info("law import: index busy, %s files wait for a follow-up build", len(accepted))
        build_later(loader)
        return report
    loader.reload()
    loader.start_dense()
    return _ours(result.report, accepted, report)


def build_later(loader: LawIndexLoader) -> threading.Thread:
    """Index the saved files once the build that holds the index now has ended."""
    thread = threading.Thread(target=_retry_build, args=(loader,), name="law-import", daemon=True)
    thread.start()
    FOLLOW_UPS.append(thread)
    return thread


def _retry_build(loader: LawIndexLoader) -> None:
    for _ in range(RETRY_LIMIT):
        try:
            indexing.build(loader.scope, lexical_only=True, folder=loader.folder)
        except IndexBusy:
            time.sleep(RETRY_SECONDS)
            continue
        except Exception:  # noqa: BLE001 - the files stay saved; the next build picks them up
            log.exception("follow-up law index build failed")
            return
        loader.reload()
        loader.start_dense()
        log.info("law import: follow-up build done")
        return
    log.warning("law import: index stayed busy, follow-up build given up")


def _ours(build_report, accepted: dict[Path, str], report: dict) -> dict:
    """Keep the lines of the build report about this upload, named as uploaded."""

    def named(entries) -> list[dict]:
        mine = []
        for entry in entries:
            stored = Path(entry.get("path", "")).resolve()
            if stored in accepted:
                mine.append({**entry, "path": accepted[stored], "stored": stored.name})
        return mine

    report["imported"] += named(build_report.imported)
    report["refused"] += named(build_report.refused)
    report["duplicates"] += named(build_report.duplicates)
    log.info("law import: %s indexed, %s refused", len(report["imported"]), len(report["refused"]))
    return report
