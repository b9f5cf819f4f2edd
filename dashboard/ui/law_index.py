"""The law index, loaded (and if missing, built) in a background thread.

The first page appears at once; pages ask ``loader()`` for the index and show
"法规索引加载中" until it is ready. A missing index is built lexical-only first (quick), then
the dense (semantic) part is built in the background while keyword search already works.
One loader per (scope, folder), shared by all sessions: the index holds no user data.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from assistant import indexing
from assistant.errors import AssistantError
from assistant.retrieval import LawIndex
from dashboard import settings
from dashboard.ui_messages import t

log = logging.getLogger(__name__)

STAGE_IDS = {"import": "lw.stage.import", "bm25": "lw.stage.bm25", "embed": "lw.stage.embed"}


@dataclass
class Progress:
    stage: str = ""
    done: int = 0
    total: int = 0

    def text(self) -> str:
        return t(STAGE_IDS.get(self.stage, "lw.stage.dense")) if self.stage else ""


class LawIndexLoader:
    """Holds the loaded ``LawIndex`` and the state of its background work."""

    def __init__(self, scope: str, folder: Path, dense_in_background: bool):
        self.scope, self.folder, self.dense_wanted = scope, folder, dense_in_background
        self.index: LawIndex | None = None
        self.state = "loading"  # loading | building | ready | failed
        self.dense_state = "off"  # off | building | ready | failed
        self.progress = Progress()
        self.error = ""
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # --- background work -----------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="law-index", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the first load finished (tests and benchmarks); True when ready."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.state == "ready"

    def _run(self) -> None:
        try:
            if not indexing.read_info(self.scope, self.folder):
                self.state = "building"
                indexing.build(self.scope, lexical_only=True, folder=self.folder,
                               progress=self._on_progress)  # fmt: skip
            self.reload()
        except AssistantError as err:
            self._fail(err.message_zh or str(err), err)
            return
        except Exception as err:  # noqa: BLE001 - the page must show why, not crash
            self._fail(type(err).__name__, err)
            return
        stale = self.index is not None and (
            bool(self.index.statuses_changed_on) or self.index.interrupted
        )
        if self.index is not None and (self.index.dense is None or stale) and self.dense_wanted:
            self._build_dense()  # a full build also brings statuses up to date (vectors cached)

    def _fail(self, text: str, err: Exception) -> None:
        log.warning("law index unavailable: %s", type(err).__name__)
        self.state, self.error = "failed", text

    def _build_dense(self) -> None:
        self.dense_state = "building"
        try:
            indexing.build(self.scope, folder=self.folder, progress=self._on_progress)
            self.reload()
            if self.dense_state == "building":
                self.dense_state = "off"
        except Exception as err:  # noqa: BLE001 - keyword search keeps working
            log.warning("dense index build failed: %s", type(err).__name__)
            self.dense_state = "failed"

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.progress = Progress(stage, done, total)

    def reload(self) -> None:
        """Load the index from disk again (after a build or an import)."""
        index = LawIndex(self.scope, folder=self.folder)
        with self._lock:
            self.index = index
            self.state, self.error = "ready", ""
            if index.dense is not None:
                self.dense_state = "ready"
        log.info("law index loaded: %s articles", len(index.bm25.keys))

    def start_dense(self) -> None:
        """Build the dense part in the background (after an import)."""
        if self.dense_wanted and self.dense_state != "building":
            threading.Thread(target=self._build_dense, name="law-dense", daemon=True).start()

    # --- display -------------------------------------------------------------------------

    def status_text(self) -> tuple[str, str]:
        """(kind, text): kind is info, warning or error, for the status line."""
        p = self.progress
        if self.state == "failed":
            return "error", t("law.failed", reason=self.error)
        if self.state == "building":
            return "info", t("law.building", stage=p.text(), done=p.done, total=p.total)
        if self.state == "loading" or self.index is None:
            return "info", t("law.loading")
        if self.dense_state == "building":
            return "info", t("law.dense_building", stage=p.text(), done=p.done, total=p.total)
        dense = t("law.dense_on") if self.index.dense is not None else t("law.dense_off")
        return "success", t("law.ready", articles=len(self.index.bm25.keys), dense=dense)


@st.cache_resource(show_spinner=False)
def _loader(scope: str, folder: str, dense: bool) -> LawIndexLoader:
    loader = LawIndexLoader(scope, Path(folder), dense)
    loader.start()
    return loader


def loader() -> LawIndexLoader:
    """The shared loader for the configured scope and index folder (started on first use);
    a loader in the failed state, saying why, when the index folder setting is unusable."""
    dense = settings.dense_in_background()
    try:
        folder = indexing.index_dir()
    except AssistantError as err:
        failed = LawIndexLoader(settings.index_scope(), Path(), dense)
        failed._fail(err.message_zh, err)
        return failed
    return _loader(settings.index_scope(), str(folder), dense)


def ready_index() -> LawIndex | None:
    """The index if loaded; otherwise shows the status (with a refresh button) and None."""
    current = loader()
    if current.state == "ready" and current.index is not None:
        return current.index
    kind, text = current.status_text()
    getattr(st, kind)(text)
    st.button(t("law.refresh"), key="law_refresh")
    return None


def show_status() -> None:
    """The index status line; refreshes itself every few seconds while work is running."""
    current = loader()
    if current.state in ("loading", "building") or current.dense_state == "building":
        _live_status()
    else:
        _status_line()


def _status_line() -> None:
    kind, text = loader().status_text()
    getattr(st, kind if kind != "success" else "caption")(text)


@st.fragment(run_every=3)
def _live_status() -> None:
    _status_line()
