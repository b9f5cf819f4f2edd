"""Shared fixtures: real indexes built from the built-in laws and ../shared/corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
BENCH = SHARED / "bench"

# Laws of the small dense test index: enough for consumer cases, quick to embed.
SMALL_LAWS = (
    "中华人民共和国消费者权益保护法",
    "中华人民共和国广告法",
    "中华人民共和国价格法",
    "中华人民共和国行政处罚法",
)


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.fail(f"test data missing: {SHARED_CORPUS} (the founders' shared/corpus folder)")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def lexical_index_dir(tmp_path_factory, shared_corpus) -> Path:
    """Default scope, lexical only, with ../shared/corpus imported (a few seconds)."""
    from assistant import indexing

    folder = tmp_path_factory.mktemp("lexical-index")
    indexing.build("default", [shared_corpus], lexical_only=True, folder=folder)
    return folder


@pytest.fixture(scope="session")
def lexical_index(lexical_index_dir):
    from assistant.retrieval import LawIndex

    return LawIndex("default", folder=lexical_index_dir)


@pytest.fixture(scope="session")
def small_dense_index_dir(tmp_path_factory, shared_corpus) -> Path:
    """A real dense index (bundled multilingual-e5-small) over a few laws and two rules."""
    from assistant import indexing

    folder = tmp_path_factory.mktemp("dense-index")
    rules = shared_corpus / "部门规章" / "市场监督管理总局"
    sources = [
        rules / "侵害消费者权益行为处罚办法(2015-01-05).md",
        rules / "明码标价和禁止价格欺诈规定(2022-04-14).md",
    ]
    indexing.build("default", sources, folder=folder, only_laws=SMALL_LAWS)
    return folder


@pytest.fixture(scope="session")
def small_dense_index(small_dense_index_dir):
    from assistant.retrieval import LawIndex

    return LawIndex("default", folder=small_dense_index_dir)
