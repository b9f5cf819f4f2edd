"""Law uploads are stored under unique names: nothing is overwritten, names the indexer would
skip (``_x``, ``.x``) or that are tracked (``README.md``) still import, identical content is a
duplicate, and an upload during a running build is saved and indexed once that build ends."""

from __future__ import annotations

import shutil

import pytest
from filelock import FileLock

from tests.dashboard.app_support import app_environment


def _law(title: str) -> bytes:
    return (f"{title}\n第一条 为了保护消费者的合法权益，制定本办法。\n"
            "第二条 经营者应当依法提供商品或者服务。\n").encode()  # fmt: skip


@pytest.fixture
def loader(monkeypatch, tmp_path, lexical_index_dir):
    from dashboard.ui import law_index

    index_dir = tmp_path / "index"
    shutil.copytree(lexical_index_dir, index_dir)
    app_environment(monkeypatch, tmp_path, index_dir, with_admin=False)
    loaded = law_index.loader()
    assert loaded.wait(60)
    return loaded


def _upload(loader, uploads):
    from dashboard.ui import law_import

    return law_import.import_uploads(uploads, loader, lambda *_: None)


def test_law_import_same_name_different_content_keeps_both(loader, tmp_path):
    first = _upload(loader, [("办法.txt", _law("甲地消费测试办法"))])
    second = _upload(loader, [("办法.txt", _law("乙地消费测试办法"))])
    assert [e["title"] for e in first["imported"]] == ["甲地消费测试办法"]
    assert [e["title"] for e in second["imported"]] == ["乙地消费测试办法"]
    assert second["imported"][0]["path"] == "办法.txt"  # shown as uploaded
    stored = sorted(p.read_bytes() for p in (tmp_path / "import").iterdir())
    assert stored == sorted([_law("甲地消费测试办法"), _law("乙地消费测试办法")])


def test_law_import_hidden_and_readme_names_are_indexed(loader, tmp_path):
    uploads = [("README.md", _law("说明测试办法")), ("_x.txt", _law("下划线测试办法")),
               (".x.md", _law("点号测试办法"))]  # fmt: skip
    report = _upload(loader, uploads)
    assert sorted(e["title"] for e in report["imported"]) == [
        "下划线测试办法", "点号测试办法", "说明测试办法",
    ]  # fmt: skip
    names = sorted(p.name for p in (tmp_path / "import").iterdir())
    assert len(names) == 3
    assert not any(n.startswith(("_", ".")) or n == "README.md" for n in names)
    assert any(n.startswith("README-") and n.endswith(".md") for n in names)


def test_law_import_identical_content_reported_as_duplicate(loader, tmp_path):
    _upload(loader, [("办法.txt", _law("甲地消费测试办法"))])
    report = _upload(loader, [("另一个名字.txt", _law("甲地消费测试办法"))])
    assert report["imported"] == []
    assert [e["path"] for e in report["duplicates"]] == ["另一个名字.txt"]
    assert len(list((tmp_path / "import").iterdir())) == 1


def test_law_import_during_running_build_saved_and_indexed_after(loader, tmp_path):
    from dashboard.ui import law_import

    lock = FileLock(str(loader.folder / ".build.lock"))
    lock.acquire()
    try:
        report = _upload(loader, [("办法.txt", _law("排队测试办法"))])
    finally:
        lock.release()
    assert [e["path"] for e in report["pending"]] == ["办法.txt"]
    assert report["refused"] == []
    assert len(list((tmp_path / "import").iterdir())) == 1
    law_import.FOLLOW_UPS[-1].join(30)
    assert "排队测试办法" in {v.title for v in loader.index.store.versions()}
