"""Hybrid retrieval over one scope: BM25 + dense + the violation taxonomy, fused.

Pipeline (each a small typed step): lexical candidates, dense candidates, violation types
recognised in the query, reciprocal-rank fusion, filters. `LawIndex.search` is what the
assistant, the dashboard and the eval command call; `LawRetriever` wraps it for LangChain.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant import indexing
from assistant.bm25 import Bm25Index
from assistant.builtin import repealed_laws
from assistant.citations import CitationRef, LawResolver, find_citations, parse_citation
from assistant.dense import DenseIndex
from assistant.embeddings import NamedEmbeddings, configured_embeddings
from assistant.errors import CitationNotFound, IndexMissing, IndexOutdated, IndexStale
from assistant.fusion import reciprocal_rank_fusion
from assistant.importing import canonical_title
from assistant.messages import message
from assistant.models import STATUS_IN_FORCE, Article, LawVersion
from assistant.numerals import article_label
from assistant.store import CorpusStore
from assistant.topics import TopicMatch, general_articles, recognise_topics
from assistant.versions import currency_note
from assistant.violations import ViolationMatch, ranked_refs, recognise

log = logging.getLogger(__name__)

MODES = ("hybrid", "bm25", "dense")
# Legal topics recognised in a question (corpus/topics) add their articles: the best
# TOPICS_USED topics, each range ordered by how the first fusion ranked its articles.
TOPIC_WEIGHT = 0.5
TOPIC_K = 10
TOPICS_USED = 4
CANDIDATES = 200
MAX_ARTICLE = 99999  # beyond any law: a larger number is a typing mistake (and overflows SQLite)
CASE_LEVEL = "案例"
# "消保法二十五条" / "消保法25条": people often leave out the 第 of an article number.
_MISSING_DI = re.compile(
    r"(?<![第\d零〇一二两三四五六七八九十百千])([零〇一二两三四五六七八九十百千]+|\d+)条"
)
# Dense outranks BM25 on both benches (layperson questions and case notes); the taxonomy's
# articles, when conduct is recognised, come first.
WEIGHTS = {"bm25": 1.0, "dense": 1.5, "taxonomy": 4.0, "citation": 10.0, "topic": TOPIC_WEIGHT}
# The taxonomy's order (each recognised type's breached article first) is expert knowledge:
# a small k keeps it, letting retrieval agreement swap only close neighbours.
RANK_KS = {"taxonomy": 10, "citation": 1, "topic": TOPIC_K}
LAW_PRIOR = 0.5  # how much the laws that dominate the top results lift their other articles
LAW_PRIOR_DEPTH = 30


@dataclass(frozen=True)
class Filters:
    """Restrict results; status defaults to the versions in force. Court cases (案例) are
    left out unless asked for (a legal basis cites articles, not cases)."""

    law: str | None = None
    level: str | None = None
    status: str | None = STATUS_IN_FORCE
    region: str | None = None
    include_cases: bool = False


@dataclass(frozen=True)
class Hit:
    article: Article
    version: LawVersion
    law_key: str
    score: float
    ranks: dict[str, int] = field(default_factory=dict)  # rank in each retriever
    violation: str = ""  # name of the violation type that brought it, if any
    role: str = ""  # 'breach' or 'penalty' when it came from the taxonomy
    topic: str = ""  # name of the legal topic whose range holds it, if one was recognised

    @property
    def citation(self) -> str:
        """《title》第N条; a document without article structure is cited by its title."""
        if not self.version.structured:
            return f"《{self.version.title}》"
        return f"《{self.version.title}》{self.article.label}"


@dataclass
class SearchResult:
    hits: list[Hit]
    dense_used: bool
    violations: list[ViolationMatch] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    topics: list[TopicMatch] = field(default_factory=list)
    # Cited articles the corpus does not hold (消保法第二百条), each as a Chinese sentence.
    absent: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    article: Article
    version: LawVersion
    law_key: str


_GONE = _Row(
    Article(version_id="", law_title="", number=0),
    LawVersion(version_id="", title="", level="", status="已移除"),
    "",
)


class LawIndex:
    """The loaded indexes of one scope."""

    def __init__(
        self,
        scope: str = "default",
        folder: Path | None = None,
        embeddings: NamedEmbeddings | None = None,
        require_dense: bool = False,
    ):
        self.scope = scope
        self.folder = folder or indexing.index_dir()
        info = indexing.read_info(scope, self.folder)
        if not info:
            raise IndexMissing(scope)
        self.info = info
        self.store = CorpusStore(indexing.store_path(self.folder))
        self.bm25 = Bm25Index.load(indexing.scope_dir(scope, self.folder) / "bm25")
        self._rows = self._load_rows()
        self.resolver = LawResolver(self.store.law_keys())
        self.dense = self._open_dense(embeddings, require_dense)
        # A version adopted but not yet in force when the index was built may be in force now.
        self.statuses_changed_on = indexing.statuses_outdated(info)
        # A build was killed after writing the store: some laws may be missing from search.
        self.interrupted = indexing.build_interrupted(self.store)

    # --- loading -------------------------------------------------------------------------

    def _load_rows(self) -> list[_Row]:
        by_key = {a.key: _Row(a, v, "") for a, v, _ in self.store.scope_rows(self.scope)}
        law_keys = {
            v.version_id: self.store.law_key_of(v.version_id)
            for v in {r.version for r in by_key.values()}
        }
        missing = sum(key not in by_key for key in self.bm25.keys)
        if missing > len(self.bm25.keys) // 2:
            raise IndexOutdated(self.scope)
        if missing:  # a build replaced the store and is rewriting this index right now
            log.warning(
                "index %s: %s articles left the store; they are not returned", self.scope, missing
            )
        rows = []
        for key in self.bm25.keys:
            r = by_key.get(key) or _GONE
            rows.append(_Row(r.article, r.version, law_keys.get(r.version.version_id, "")))
        self._live = np.array([key in by_key for key in self.bm25.keys], dtype=bool)
        self._index_of = {r.article.key: i for i, r in enumerate(rows)}
        self._by_ref = {
            (r.law_key, r.article.number, r.article.suffix): i
            for i, r in enumerate(rows)
            if r.version.status == STATUS_IN_FORCE
        }
        self._columns = {
            "law": np.array([r.law_key for r in rows], dtype=object),
            "level": np.array([r.version.level for r in rows], dtype=object),
            "status": np.array([r.version.status for r in rows], dtype=object),
            "region": np.array([r.version.region for r in rows], dtype=object),
        }
        return rows

    def _open_dense(self, embeddings, require_dense) -> DenseIndex | None:
        if not self.info.get("dense_ready"):
            if require_dense:
                raise IndexMissing(self.scope)
            return None
        embeddings = embeddings or configured_embeddings()
        built_model, built_dim = self.info.get("model", ""), int(self.info.get("dimension", 0))
        if built_model != embeddings.model_id or built_dim != embeddings.dimension:
            raise IndexStale(
                self.scope, built_model, built_dim, embeddings.model_id, embeddings.dimension
            )
        return DenseIndex.open(self.folder, self.scope, embeddings)

    # --- search --------------------------------------------------------------------------

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, mode: str = "hybrid"
    ) -> SearchResult:
        filters = filters or Filters()
        mask = self._mask(filters)
        rankings: dict[str, list[int]] = {}
        refs = self.citations(query)
        cited = self.cited(refs, mask) if mode == "hybrid" else []
        if cited:
            rankings["citation"] = cited
        if mode in ("hybrid", "bm25"):
            rankings["bm25"] = self.lexical(query, mask)
        dense_used = self.dense is not None and mode in ("hybrid", "dense")
        if dense_used:
            rankings["dense"] = self.semantic(query, filters)
        matches: list[ViolationMatch] = []
        tax: list[tuple[int, ViolationMatch, str]] = []
        if mode == "hybrid":
            matches = recognise(query)
            tax = [t for t in self.taxonomy(matches) if mask is None or mask[t[0]]]
            rankings["taxonomy"] = [i for i, _, _ in tax]
        fused = reciprocal_rank_fusion(rankings, WEIGHTS, ks=RANK_KS)
        topics: list[TopicMatch] = []
        topic_of: dict[int, str] = {}
        if mode == "hybrid":
            topics = recognise_topics(query)[:TOPICS_USED]
            topic_of = self.topic_rows(topics, mask)
        if topic_of:
            order = {i: rank for rank, (i, _, _) in enumerate(fused)}
            rankings["topic"] = sorted(topic_of, key=lambda i: order.get(i, len(order)))
            fused = reciprocal_rank_fusion(rankings, WEIGHTS, ks=RANK_KS)
        if mode == "hybrid" and not tax and not cited and not topic_of:
            # A recognised violation spans several laws on purpose (breach and penalty).
            fused = law_prior(fused, self._columns["law"])
        origin = {i: (m, role) for i, m, role in tax}
        hits = [
            self._hit(i, score, ranks, origin.get(i), topic_of.get(i, ""))
            for i, score, ranks in fused[:k]
        ]
        notices = [] if dense_used or mode == "bm25" else ["dense_not_ready"]
        if self.statuses_changed_on:
            notices.append("statuses_outdated")
        if self.interrupted:
            notices.append("build_interrupted")
        return SearchResult(hits, dense_used, matches, notices, topics, self.absent(refs))

    def notice_text(self, notice: str) -> str:
        """The Chinese text of a search notice, with this index's details filled in."""
        return message(notice, date=self.statuses_changed_on, scope=self.scope)

    def topic_rows(self, topics: list[TopicMatch], mask: np.ndarray | None) -> dict[int, str]:
        """Rows of the recognised topics' articles (in force, within the filters), each with
        the name of the first topic that holds it, then the general rules their parts draw on
        (合同编通则 for a lease question); insertion order is that order."""
        wanted = [(m.topic.law, n, m.topic.name) for m in topics for n in m.topic.articles]
        wanted += [
            (m.topic.law, n, f"{m.topic.name}（{rule}）")
            for m in topics
            for n, rule in general_articles(m.topic)
        ]
        out: dict[int, str] = {}
        for law, number, name in wanted:
            law_key = self.resolver.resolve(law)
            i = self._by_ref.get((law_key, number, 0)) if law_key else None
            if i is not None and (mask is None or mask[i]) and i not in out:
                out[i] = name
        return out

    def citations(self, query: str) -> list[CitationRef]:
        """The citations in a query (消保法第25条, 消保法二十五条, 《某办法》第3条), with those
        of laws the corpus lacks (火星法第3条) keeping no law key."""
        return find_citations(_MISSING_DI.sub(r"第\1条", query), self.resolver, keep_unknown=True)

    def cited(self, refs: list[CitationRef], mask: np.ndarray | None) -> list[int]:
        """Rows of the cited articles in force within the filters: those come first."""
        rows = []
        for ref in refs:
            i = self._by_ref.get((ref.law_key, ref.number, ref.suffix))
            if i is not None and (mask is None or mask[i]):
                rows.append(i)
        return rows

    def absent(self, refs: list[CitationRef]) -> list[str]:
        """Why each cited article that the version in force does not have is not shown."""
        out = []
        for ref in refs:
            if not ref.law_key:  # 《不存在的法》第3条, 火星法第3条: a law the corpus does not hold
                out.append(_not_held(ref.law_text))
                continue
            if (ref.law_key, ref.number, ref.suffix) in self._by_ref:
                continue
            try:
                article, version = self.article(ref.law_key, ref.number, ref.suffix)
            except CitationNotFound as exc:
                out.append(exc.message_zh)
                continue
            # The library holds it, but search does not: not in force, or outside this scope.
            out.append(
                currency_note(version)
                or message(
                    "article_out_of_scope",
                    citation=f"《{version.title}》{article.label}",
                    scope=self.scope,
                )
            )
        return list(dict.fromkeys(out))

    def lexical(self, query: str, mask: np.ndarray | None) -> list[int]:
        return [i for i, _ in self.bm25.run(query, CANDIDATES, mask)]

    def semantic(self, query: str, filters: Filters) -> list[int]:
        where = _where(self.conditions(filters), filters.include_cases)
        rows = (self._index_of.get(key) for key, _ in self.dense.run(query, CANDIDATES, where))
        mask = self._mask(filters)  # the store's statuses decide, even if Chroma's lag behind
        return [i for i in rows if i is not None and self._live[i] and (mask is None or mask[i])]

    def taxonomy(self, matches: list[ViolationMatch]) -> list[tuple[int, ViolationMatch, str]]:
        out = []
        for ref, match, role in ranked_refs(matches):
            law_key = self.resolver.resolve(ref.law)
            i = self._by_ref.get((law_key, ref.number, ref.suffix)) if law_key else None
            if i is not None:
                out.append((i, match, role))
        return out

    def conditions(self, filters: Filters) -> dict[str, str]:
        """Filters resolved to stored values: law name to law key, 上海 to 上海市."""
        out = {}
        if filters.law:
            out["law"] = self.resolver.resolve(filters.law) or filters.law
        if filters.level:
            out["level"] = filters.level
        if filters.status:
            out["status"] = filters.status
        if filters.region:
            regions = sorted({r for r in self._columns["region"] if r})
            out["region"] = next(
                (r for r in regions if r.startswith(filters.region)), filters.region
            )
        return out

    def _mask(self, filters: Filters) -> np.ndarray | None:
        mask = self._live.copy()
        for name, value in self.conditions(filters).items():
            mask &= self._columns[name] == value
        if not filters.level and not filters.include_cases:
            mask &= self._columns["level"] != CASE_LEVEL
        return None if mask.all() else mask.astype(np.float32)

    def _hit(self, i: int, score: float, ranks: dict, origin, topic: str = "") -> Hit:
        row = self._rows[i]
        match, role = origin if origin else (None, "")
        return Hit(
            row.article,
            row.version,
            row.law_key,
            score,
            ranks,
            match.type.name if match else "",
            role,
            topic,
        )

    # --- lookup --------------------------------------------------------------------------

    def lookup(self, citation: str) -> tuple[CitationRef, Article, LawVersion]:
        """Resolve 消保法第二十五条 (any common form) to the article of the version in force."""
        ref = parse_citation(citation, self.resolver)
        if ref is None or not ref.law_key:
            raise CitationNotFound(citation, message("citation_unparsed", citation=citation))
        return ref, *self.article(ref.law_key, ref.number, ref.suffix, citation)

    def article(
        self, law: str, number: int, suffix: int = 0, citation: str = ""
    ) -> tuple[Article, LawVersion]:
        law_key = self.resolver.resolve(law) or law
        versions = self.store.versions(law_key)
        if not versions:
            raise CitationNotFound(citation or law, _not_held(law))
        current = _current(versions)
        in_range = 0 < number <= MAX_ARTICLE and 0 <= suffix <= MAX_ARTICLE
        art = self.store.article(current.version_id, number, suffix) if in_range else None
        if art is None:
            reason = message(
                "article_not_in_law",
                title=current.title,
                version_date=current.version_date or "日期不详",
                label=article_label(number, suffix),
            )
            raise CitationNotFound(citation or law, reason)
        return art, current

    def versions_of(
        self, law: str, number: int, suffix: int = 0
    ) -> list[tuple[LawVersion, Article | None]]:
        law_key = self.resolver.resolve(law) or law
        return [
            (v, self.store.article(v.version_id, number, suffix))
            for v in self.store.versions(law_key)
        ]


def law_prior(
    fused: list, laws: np.ndarray, beta: float = LAW_PRIOR, depth: int = LAW_PRIOR_DEPTH
) -> list:
    """Re-score fused results: a question is usually about one or two laws, so articles of
    the laws that dominate the top `depth` results are lifted by up to (1 + beta)."""
    weight: dict[str, float] = {}
    for rank, (i, _, _) in enumerate(fused[:depth], start=1):
        weight[laws[i]] = weight.get(laws[i], 0.0) + 1.0 / rank
    top = max(weight.values(), default=0.0) or 1.0
    rescored = [(i, s * (1 + beta * weight.get(laws[i], 0.0) / top), r) for i, s, r in fused]
    return sorted(rescored, key=lambda item: -item[1])


def _not_held(law: str) -> str:
    """Why a cited law is not shown: repealed and replaced (合同法 -> 民法典), or not imported."""
    repealed = repealed_laws().get(canonical_title(law))
    if repealed:
        return message(
            "law_repealed", law=law, date=repealed["repealed"], successor=repealed["successor"]
        )
    return message("law_not_in_corpus", law=law)


def _current(versions: list[LawVersion]) -> LawVersion:
    in_force = [v for v in versions if v.status == STATUS_IN_FORCE]
    return max(in_force or versions, key=lambda v: v.version_date)


def _where(conditions: dict[str, str], include_cases: bool) -> dict | None:
    clauses = [{name: value} for name, value in conditions.items()]
    if "level" not in conditions and not include_cases:
        clauses.append({"level": {"$ne": CASE_LEVEL}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class LawRetriever(BaseRetriever):
    """LangChain retriever over a `LawIndex` (hybrid pipeline, with filters)."""

    index: object
    k: int = 10
    filters: Filters = Filters()

    model_config = {"arbitrary_types_allowed": True}

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        result = self.index.search(query, self.k, self.filters)
        return [to_document(h) for h in result.hits]


def to_document(hit: Hit) -> Document:
    return Document(
        page_content=hit.article.text,
        metadata={
            "key": hit.article.key,
            "law": hit.version.title,
            "article": hit.article.number,
            "citation": hit.citation,
            "version_date": hit.version.version_date,
            "status": hit.version.status,
            "score": hit.score,
            "violation": hit.violation,
        },
    )
