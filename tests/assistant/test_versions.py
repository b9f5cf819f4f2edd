"""Which version of a law is in force: a revision adopted but not yet effective is 尚未生效,
and until it takes effect the earlier version still applies (e.g. 商标法 2026 revision,
effective 2027-01-01, in the built-in DB marked 现行有效)."""

from __future__ import annotations

from datetime import date

from assistant import indexing
from assistant.indexing import _resolve_status, pending_dates, statuses_outdated
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


def test_versions_built_in_trademark_law_in_force_today(tmp_path):
    indexing.build("all", lexical_only=True, folder=tmp_path,
                   only_laws=["中华人民共和国商标法"])  # fmt: skip
    index = LawIndex("all", folder=tmp_path)
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
