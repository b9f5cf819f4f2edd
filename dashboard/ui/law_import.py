"""Importing law documents from the browser: each upload is checked first (refused files
never reach the corpus folder), accepted ones are copied into the import folder, the
keyword index is rebuilt with progress, and the dense index follows in the background."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from assistant import indexing
from assistant import settings as assistant_settings
from assistant.errors import ImportRefused
from assistant.importing import read_document
from dashboard.ui.law_index import LawIndexLoader

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")


def import_folder() -> Path:
    folders = assistant_settings.import_dirs()
    target = folders[0] if folders else assistant_settings.ROOT / "corpus" / "user"
    target.mkdir(parents=True, exist_ok=True)
    return target


def safe_name(name: str) -> str:
    cleaned = _UNSAFE.sub("_", Path(name).name).strip(" .")
    return cleaned or "document.txt"


def import_uploads(
    uploads: list[tuple[str, bytes]],
    loader: LawIndexLoader,
    progress: Callable[[str, int, int], None],
) -> dict[str, list[dict]]:
    """Check, copy and index the uploads; returns {imported, refused, duplicates} for them."""
    report: dict[str, list[dict]] = {"imported": [], "refused": [], "duplicates": []}
    accepted: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in uploads:
            path = Path(tmp) / safe_name(name)
            path.write_bytes(data)
            try:
                read_document(path)
            except ImportRefused as err:
                report["refused"].append({"path": name, "reason": err.reason_zh})
                continue
            target = import_folder() / path.name
            shutil.copyfile(path, target)
            accepted.append(target.resolve())
    if not accepted:
        return report
    result = indexing.build(loader.scope, lexical_only=True, folder=loader.folder,
                            progress=progress)  # fmt: skip
    loader.reload()
    loader.start_dense()
    return _ours(result.report, accepted, report)


def _ours(build_report, accepted: list[Path], report: dict) -> dict:
    """Keep the lines of the build report about this upload only."""
    mine = {str(p) for p in accepted}

    def of_upload(entry: dict) -> bool:
        return str(Path(entry.get("path", "")).resolve()) in mine

    report["imported"] += [e for e in build_report.imported if of_upload(e)]
    report["refused"] += [e for e in build_report.refused if of_upload(e)]
    report["duplicates"] += [e for e in build_report.duplicates if of_upload(e)]
    log.info("law import: %s indexed, %s refused", len(report["imported"]), len(report["refused"]))
    return report
