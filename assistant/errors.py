"""Errors of the assistant package: small classes with fields.

Hierarchy::

    AssistantError
    ├── ImportRefused          a document that must not be indexed
    ├── ArticlePartNotFound    a 款/项 that an article does not have
    ├── IndexBusy              another build holds the index lock
    ├── IndexMissing           no index built for the scope yet
    ├── IndexOutdated          the scope's index no longer matches the corpus store
    ├── IndexStale             the dense index was built with another embedding model
    ├── EmbeddingModelMissing  YTT_EMBEDDING names no model directory
    ├── SourceMissing          a path given to index build --source does not exist
    ├── IndexDirInvalid        YTT_INDEX_DIR names a file, not a folder
    ├── BenchFormatError       an eval queries file in the wrong format
    └── CitationNotFound       a citation names a law or article not in the corpus

Each error carries a Chinese message for users (``message_zh``) built from
``assistant.messages``; ``str(error)`` stays English for logs.
"""

from __future__ import annotations

from pathlib import Path

from assistant.messages import message


class AssistantError(Exception):
    """Base class of the assistant's errors; ``message_zh`` is shown to users."""

    message_zh: str = ""


class ImportRefused(AssistantError):
    """A document was not imported; nothing of it reaches the index.

    ``code`` is the message id in ``assistant.messages`` (e.g. ``pdf_encrypted``),
    ``pages`` the 1-based page numbers concerned, when the reason is about pages.
    """

    def __init__(
        self,
        path: Path | str,
        reason_zh: str,
        pages: list[int] | None = None,
        code: str = "",
    ) -> None:
        self.path = Path(path)
        self.reason_zh = reason_zh
        self.pages = pages
        self.code = code
        self.message_zh = reason_zh
        super().__init__(f"import refused ({code or 'unspecified'}): {self.path.name}")


class ArticlePartNotFound(AssistantError):
    """A citation names a paragraph (款) or item (项) the article does not have."""

    def __init__(self, label: str, paragraph: int | None, item: int | None, message_zh: str):
        self.label = label
        self.paragraph = paragraph
        self.item = item
        self.message_zh = message_zh
        super().__init__(f"{label}: no paragraph={paragraph} item={item}")


# --- index and retrieval errors (indexing.py, retrieval.py, citations.py) -----------------


class IndexBusy(AssistantError):
    """Another process is building the index (one writer at a time)."""

    def __init__(self, folder: str):
        self.folder = folder
        self.message_zh = message("index_busy")
        super().__init__(f"index build already running in {folder}")


class IndexMissing(AssistantError):
    """No index was built for this scope yet."""

    def __init__(self, scope: str):
        self.scope = scope
        self.message_zh = message("index_missing", scope=scope)
        super().__init__(f"no index for scope {scope}")


class IndexOutdated(AssistantError):
    """The scope's lexical index names articles the store no longer has."""

    def __init__(self, scope: str):
        self.scope = scope
        self.message_zh = message("index_outdated", scope=scope)
        super().__init__(f"index {scope} does not match the corpus store; rebuild it")


class IndexStale(AssistantError):
    """The dense index was built with another embedding model or dimension."""

    def __init__(self, scope: str, built_model: str, built_dim: int, model: str, dim: int):
        self.scope, self.built_model, self.built_dim = scope, built_model, built_dim
        self.model, self.dim = model, dim
        self.message_zh = message(
            "index_stale",
            scope=scope,
            built_model=built_model,
            built_dim=built_dim,
            model=model,
            dim=dim,
        )
        super().__init__(
            f"index {scope} built with {built_model}/{built_dim}, configured {model}/{dim}"
        )


class EmbeddingModelMissing(AssistantError):
    """YTT_EMBEDDING names a directory that holds no sentence-transformers model."""

    def __init__(self, directory: str):
        self.directory = directory
        self.message_zh = message("embedding_model_missing", directory=directory)
        super().__init__(f"no sentence-transformers model in {directory}")


class SourceMissing(AssistantError):
    """A path given to index build --source does not exist."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        self.message_zh = message("source_missing", paths="、".join(paths))
        super().__init__(f"sources not found: {paths}")


class IndexDirInvalid(AssistantError):
    """YTT_INDEX_DIR names an existing file, not a folder."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        self.message_zh = message("index_dir_not_folder", path=self.path)
        super().__init__(f"index dir is not a folder: {self.path}")


class BenchFormatError(AssistantError):
    """A bench/eval queries file that cannot be read as {"query", "relevant": [...]} lines."""

    def __init__(self, message_zh: str):
        self.message_zh = message_zh
        super().__init__("bad bench file")


class CitationNotFound(AssistantError):
    """A citation names a law or an article that is not in the corpus."""

    def __init__(self, citation: str, reason_zh: str):
        self.citation = citation
        self.message_zh = reason_zh
        super().__init__(f"citation not found: {citation}")


# --- drafting errors (case_input.py, llm_drafting.py) --------------------------------------


class DraftInputError(AssistantError):
    """A case cannot be drafted: ``missing`` lists the absent parts (ids of
    ``drafting_messages.INPUT_MISSING``), ``problems`` other Chinese explanations."""

    def __init__(self, missing: list[str], problems: list[str], message_zh: str):
        self.missing = missing
        self.problems = problems
        self.message_zh = message_zh
        super().__init__(f"case input incomplete: missing={missing} problems={len(problems)}")


class LlmUnavailable(AssistantError):
    """The configured language-model endpoint could not be reached or failed."""

    def __init__(self, url: str, reason: str, message_zh: str):
        self.url = url
        self.reason = reason
        self.message_zh = message_zh
        super().__init__(f"llm endpoint failed: {reason}")
