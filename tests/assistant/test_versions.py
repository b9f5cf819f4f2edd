"""Which version of a law is in force: a revision adopted but not yet effective is 尚未生效,
and until it takes effect the earlier version still applies (e.g. 商标法 2026 revision,
effective 2027-01-01, in the built-in DB marked 现行有效)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant import builtin, indexing
from assistant.evaluation import Query, evaluate, follow_versions, load_queries
from assistant.indexing import _resolve_status, pending_dates, statuses_outdated
from assistant.legal_basis import applicable_version
from assistant.models import STATUS_IN_FORCE, STATUS_PENDING, LawVersion
from assistant.retrieval import LawIndex


def _version(vid: str, status: str, version_date: str, effective: str) -> LawVersion:
    return LawVersion(vid, "中华人民共和国商标法", "法律", status=status,
                      version_date=version_date, effective_date=effective)  # fmt: skip


def _statuses(today: str) -> dict[str, str]:
    versions = [
        (_version("2019", "历史版本", "2019-04-23", "1983-03-01"), []),
        (_version("2026", STATUS_IN_FORCE, "2026-06-26", "2027-01-01"), []),
    ]
    return {v.version_id: v.status for v, _ in _resolve_status(versions, today)}


def test_versions_revision_not_yet_effective_leaves_the_earlier_in_force():
    assert _statuses("2026-12-03") == {"2019": STATUS_IN_FORCE, "2026": STATUS_PENDING}


def test_versions_revision_in_force_from_its_effective_date():
    assert _statuses("2027-01-01") == {"2019": "历史版本", "2026": STATUS_IN_FORCE}


def test_versions_new_law_not_yet_effective_has_nothing_in_force():
    new = [(_version("new", STATUS_IN_FORCE, "2026-08-28", "2027-01-01"), [])]
    ((version, _),) = _resolve_status(new, "2026-12-03")
    assert version.status == STATUS_PENDING
    assert pending_dates([version]) == ["2027-01-01"]


def test_versions_outdated_once_a_pending_version_took_effect():
    info = {"pending_from": "2027-01-01"}
    assert statuses_outdated(info, "2026-12-31") == ""
    assert statuses_outdated(info, "2027-01-01") == "2027-01-01"
    assert statuses_outdated({}, "2030-01-01") == ""


@pytest.fixture(scope="module")
def trademark_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trademark")
    indexing.build("all", lexical_only=True, folder=folder,
                   only_laws=["中华人民共和国商标法"])  # fmt: skip
    return LawIndex("all", folder=folder)


def test_versions_built_in_trademark_law_in_force_today(trademark_index):
    index = trademark_index
    by_date = {
        v.version_date: v.status for v in index.store.versions(index.resolver.resolve("商标法"))
    }
    today = date.today().isoformat()
    revision_status = STATUS_IN_FORCE if today >= "2027-01-01" else STATUS_PENDING
    assert by_date["2026-06-26"] == revision_status
    assert (by_date["2019-04-23"] == STATUS_IN_FORCE) == (revision_status == STATUS_PENDING)
    _, current = index.article("商标法", 1)
    assert current.status == STATUS_IN_FORCE
    assert index.info["pending_from"] == ("2027-01-01" if today < "2027-01-01" else "")


def test_versions_found_accepts_a_label_under_its_in_force_number():
    q = Query("1", "q", frozenset({("商标法", 72), ("民法典", 1)}), frozenset(),
              also={("商标法", 72): ("商标法", 57)})  # fmt: skip
    assert q.found(q.relevant, [("商标法", 57)]) == 1
    assert q.found(q.relevant, [("商标法", 72), ("民法典", 1)]) == 2
    assert q.found(q.relevant, [("商标法", 58)]) == 0


def test_versions_eval_reads_labels_numbered_after_the_pending_revision(trademark_index, tmp_path):
    """The 2026 revision numbers the infringing acts 第七十二条; until it takes effect the
    assistant returns 第五十七条 of the 2019 version, and the eval counts that as found."""
    bench = tmp_path / "bench.jsonl"
    line = {"id": "t1", "query": "未经商标注册人的许可，在同一种商品上使用与其注册商标相同的商标",
            "relevant": [{"law": "中华人民共和国商标法", "article": 72}]}  # fmt: skip
    bench.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    queries, followed = follow_versions(trademark_index, load_queries(bench))
    hits = trademark_index.search(line["query"], 3, mode="bm25").hits
    if date.today().isoformat() >= "2027-01-01":
        assert followed == 0
        assert hits[0].article.number == 72
    else:
        assert followed == 1
        assert queries[0].also == {("商标法", 72): ("商标法", 57)}
        assert hits[0].article.number == 57 and hits[0].version.version_date == "2019-04-23"
    assert evaluate(trademark_index, queries, [1], modes=("bm25",))["bm25"]["recall@1"] == 1.0


def test_versions_amendment_takes_effect_on_its_own_date_not_the_base_texts():
    """The built-in DB pairs an amendment with the base text's 施行 date (消保法 2013 version:
    1994-01-01). An amendment takes effect on the date its decision names, else on the day
    it was promulgated."""
    dates = {
        (v.title, v.version_date): v.effective_date
        for v, _ in builtin.read_versions()
        if v.title in ("中华人民共和国消费者权益保护法", "中华人民共和国广告法",
                       "中华人民共和国食品安全法", "中华人民共和国民法典")
    }  # fmt: skip
    assert dates[("中华人民共和国消费者权益保护法", "2013-10-25")] == "2014-03-15"
    assert dates[("中华人民共和国食品安全法", "2025-09-12")] == "2025-12-01"
    assert dates[("中华人民共和国广告法", "2021-04-29")] == "2021-04-29"
    assert dates[("中华人民共和国民法典", "2020-05-28")] == "2021-01-01"  # stated, later: kept


def test_versions_amendment_not_applied_between_promulgation_and_effect():
    """The DB holds only the 2025 food-safety version: on 2025-10-01 it did not yet apply, so
    the drafter must not cite it as in force then (it says no version it holds applied)."""
    versions = [v for v, _ in builtin.read_versions() if v.title == "中华人民共和国食品安全法"]
    assert applicable_version(versions, date(2025, 10, 1)) is None
    assert applicable_version(versions, date(2025, 12, 1)).version_date == "2025-09-12"


def test_currency_note_names_a_pending_law_and_its_start_date():
    from assistant.models import LawVersion
    from assistant.versions import currency_note

    pending = LawVersion(
        version_id="x", title="中华人民共和国医疗保障法", level="法律", status="尚未生效",
        version_date="2026-08-28", effective_date="2027-01-01",
    )  # fmt: skip
    assert "2027-01-01 起施行" in currency_note(pending)
    assert currency_note(LawVersion(version_id="y", title="某法", level="法律")) == ""
