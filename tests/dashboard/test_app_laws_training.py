"""The 法规 and 培训 pages: search, article with versions, import with a report of what was
indexed and refused, the procedure steps with the regulation's text once imported, the
practice comparison and the scored quiz."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.dashboard.app_support import (
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    app_environment,
    sign_in,
    texts,
    wait_for_index,
)

SEED = (
    Path(__file__).resolve().parents[3] / "shared" / "seed" / "消费维权行政约谈制度（修订稿）.txt"
)


def test_app_laws_search_and_article_versions(app_db):
    wait_for_index()
    at = sign_in("tianshan")
    at.switch_page("pages/laws.py").run()
    at.text_input(key="law_query").input("预付卡拒不退款")
    at.button(key="FormSubmitter:law_search-检索").click()
    at.run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert any("第五十三条" in label or "第十条" in label for label in labels)

    at.text_input(key="law_query").input("消保法第200条")
    at.button(key="FormSubmitter:law_search-检索").click()
    at.run()
    assert "没有第二百条，请核对条号。以下为按文字检索的结果。" in [w.value for w in at.warning][0]

    at.number_input(key="article_no").set_value(25)
    at.button(key="article_go").click()
    at.run()
    assert "### 《中华人民共和国消费者权益保护法》第二十五条" in texts(at)
    assert "现行有效" in texts(at)


def test_app_law_import_reports_indexed_and_refused(monkeypatch, tmp_path, lexical_index_dir):
    from dashboard.ui import law_import, law_index

    index_dir = tmp_path / "index"
    shutil.copytree(lexical_index_dir, index_dir)
    app_environment(monkeypatch, tmp_path, index_dir)
    loader = law_index.loader()
    assert loader.wait(60)
    stages = []
    uploads = [(SEED.name, SEED.read_bytes()), ("空文件.txt", b"")]
    report = law_import.import_uploads(uploads, loader, lambda s, d, n: stages.append(s))

    assert [e["title"] for e in report["imported"]] == [
        "自治区市场监督管理机关消费维权行政约谈制度（修订稿）"
    ]
    assert report["imported"][0]["articles"] == 20
    assert len(report["refused"]) == 1 and "空文件" in report["refused"][0]["reason"]
    assert "bm25" in stages
    stored = law_import.stored_name(SEED.name, SEED.read_bytes())
    assert report["imported"][0]["path"] == SEED.name and report["imported"][0]["stored"] == stored
    assert [p.name for p in (tmp_path / "import").iterdir()] == [stored]

    # The training page now shows the regulation's own text for each step.
    at = sign_in("trainee")
    at.switch_page("pages/training.py").run()
    assert "行政约谈人员一般不得少于两人" in texts(at)
    assert "制度原文尚未导入" not in texts(at)


def test_app_training_hint_quiz_and_practice(app_db):
    from dashboard.ui import training

    wait_for_index()
    at = sign_in("trainee")
    assert at.header[0].value == "培训"  # a trainee's home page
    assert "制度原文尚未导入" in texts(at)
    for n, question in enumerate(training.quiz(), 1):
        at.radio(key=f"quiz_{n}").set_value(question.answer)
    at.button(key="FormSubmitter:quiz-交卷").click()
    at.run()
    assert f"得分：{len(training.quiz())}/{len(training.quiz())}" in texts(at)

    at.text_area(key="practice_answer").input("依据《消费者权益保护法》第五十三条，应退还预付款。")
    at.button(key="practice_compare").click()
    at.run()
    assert not at.exception
    assert "您引用了助手选用条文中的 1/" in texts(at)


def test_training_quiz_distractors_are_plausible_values():
    from dashboard.ui import training

    by_text = {q.text: q for q in training.quiz(seed=3)}
    hours = by_text["遇有特殊和具有重大影响的情况，应在多少小时内向本机关负责人报告？"]
    assert sorted(hours.options) == sorted(["12小时", "24小时", "48小时", "72小时"])
    days = by_text["约谈结束后，约谈对象应在多少个工作日内递交整改报告？"]
    assert sorted(days.options) == sorted(["7个工作日", "10个工作日", "15个工作日", "30个工作日"])
    assert days.answer == "15个工作日"
    not_plan = by_text["下列哪一项不属于约谈方案的内容？"]
    assert not_plan.answer == "对约谈对象作出的行政处罚决定"
    assert all(len(q.options) == 4 and q.answer in q.options for q in by_text.values())
