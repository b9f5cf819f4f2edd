"""Dense retrieval: article embeddings in an embedded ChromaDB under indexes/."""

from __future__ import annotations

import logging
from pathlib import Path

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from assistant.embeddings import NamedEmbeddings

log = logging.getLogger(__name__)


def client(index_dir: Path) -> chromadb.ClientAPI:
    path = index_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    )


def collection_name(scope: str) -> str:
    return f"articles_{scope}"


class DenseIndex:
    """One Chroma collection of article vectors; ids are article keys."""

    def __init__(self, collection, embeddings: NamedEmbeddings):
        self.collection = collection
        self.embeddings = embeddings

    @classmethod
    def open(cls, index_dir: Path, scope: str, embeddings: NamedEmbeddings) -> DenseIndex:
        coll = client(index_dir).get_or_create_collection(
            collection_name(scope),
            metadata={
                "hnsw:space": "cosine",
                "model": embeddings.model_id,
                "dimension": embeddings.dimension,
            },
            embedding_function=None,
        )
        return cls(coll, embeddings)

    @staticmethod
    def reset(index_dir: Path, scope: str) -> None:
        c = client(index_dir)
        try:
            c.delete_collection(collection_name(scope))
        except Exception:  # noqa: BLE001 - absent collection is fine
            log.debug("collection %s absent", collection_name(scope))

    def stored_metadata(self) -> dict[str, dict]:
        """article key -> metadata stored now (content hash, status, level, …)."""
        out: dict[str, dict] = {}
        total = self.collection.count()
        for offset in range(0, total, 5000):
            got = self.collection.get(include=["metadatas"], limit=5000, offset=offset)
            for key, meta in zip(got["ids"], got["metadatas"], strict=True):
                out[key] = dict(meta or {})
        return out

    def upsert(self, keys: list[str], vectors: np.ndarray, metadatas: list[dict]) -> None:
        for start in range(0, len(keys), 1000):
            end = start + 1000
            self.collection.upsert(
                ids=keys[start:end], embeddings=vectors[start:end], metadatas=metadatas[start:end]
            )

    def delete(self, keys: list[str]) -> None:
        for start in range(0, len(keys), 1000):
            self.collection.delete(ids=keys[start : start + 1000])

    def run(
        self, query: str, top_k: int = 100, where: dict | None = None
    ) -> list[tuple[str, float]]:
        """Article keys and cosine similarities of the `top_k` nearest articles."""
        count = self.collection.count()
        if count == 0:
            return []
        vector = np.asarray(self.embeddings.embed_query(query), dtype=np.float32)
        res = self.collection.query(
            query_embeddings=[vector],
            n_results=min(top_k, count),
            where=where or None,
            include=["distances"],
        )
        return [
            (k, 1.0 - float(d)) for k, d in zip(res["ids"][0], res["distances"][0], strict=True)
        ]
