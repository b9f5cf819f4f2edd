"""法规 → 按章节浏览 opens on the 消费者权益保护法; a version without a date (an imported 制度)
is named 日期不详, never "— 版"."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from tests.dashboard.app_support import app_environment, sign_in

SEED = (
    Path(__file__).resolve().parents[3] / "shared" / "seed" / "消费维权行政约谈制度（修订稿）.txt"
)


def test_law_version_line_names_a_missing_date():
    from dashboard.ui import law_versions

    undated = SimpleNamespace(version_date=None, status="现行有效")
    dated = SimpleNamespace(version_date="2013-10-25", status="现行有效")
    assert law_versions.line(undated) == "日期不详（现行有效）"
    assert law_versions.line(dated) == "2013-10-25 版（现行有效）"
    assert law_versions.caption(undated) == "版本：日期不详　效力：现行有效"


def test_app_law_browse_opens_on_consumer_law_and_names_undated_versions(
    monkeypatch, tmp_path, lexical_index_dir
):
    from dashboard.ui import law_import, law_index

    index_dir = tmp_path / "index"
    shutil.copytree(lexical_index_dir, index_dir)
    app_environment(monkeypatch, tmp_path, index_dir)
    loader = law_index.loader()
    assert loader.wait(60)
    law_import.import_uploads([(SEED.name, SEED.read_bytes())], loader, lambda *_: None)

    at = sign_in("tianshan")
    at.switch_page("pages/laws.py").run()
    picker = at.selectbox(key="browse_law")
    assert picker.value == "消费者权益保护法"  # the law key; sorted first would be another law
    assert picker.options[0] != "中华人民共和国消费者权益保护法"
    titles = dict(law_index.ready_index().store.law_keys())
    picker.set_value(next(key for key, title in titles.items() if "约谈制度" in title))
    at.run()
    versions = at.selectbox(key="browse_version").options
    assert versions and all("—" not in v for v in versions)
    assert any("日期不详" in v for v in versions)
