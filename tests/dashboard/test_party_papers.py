"""共性问题集中约谈: every party gets its own 通知书 and 整改文书 (a selector on the case page and a
ZIP with one file per party); the 审批表 and 约谈记录 keep listing all parties."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx

from assistant.papers import PaperKind
from tests.dashboard.app_support import (
    _actor,
    app_db_fixture,  # noqa: F401  (the app_db fixture)
    sign_in,
    texts,
)
from tests.dashboard.helpers import valid_credit_code

NAMES = ("甲美容有限公司", "乙美发有限公司", "丙健身服务有限公司")


def _collective_case(url: str) -> int:
    from dashboard import cases, db
    from dashboard.cases import CaseDraft, PartyDraft

    engine = db.make_engine(url)
    with db.session_scope(engine) as s:
        case = cases.create_case(s, _actor(s, "tianshan"), CaseDraft(
            title="预付卡共性问题", jurisdiction_code="650102", trigger="data_analysis",
            problem_category="contract", reason="预付式消费拒不退款", facts="多家门店停业不退款。",
            parties=[PartyDraft(name, valid_credit_code(i + 1)) for i, name in enumerate(NAMES)],
            opened_on=dt.date.today(), is_collective=True,
        ))  # fmt: skip
        case_id = case.id
    engine.dispose()
    return case_id


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _context(case_id: int):
    from dashboard.ui import casework, services

    with services.session() as s:
        actor = _actor(s, "tianshan")
    view = casework.load(actor, case_id)
    return view, casework.paper_context(view)


def test_party_papers_each_notice_addressed_to_its_own_party(app_db):
    from dashboard.ui import casework

    _, ctx = _context(_collective_case(app_db))
    for i, name in enumerate(NAMES):
        code = valid_credit_code(i + 1)
        for kind in (PaperKind.NOTICE, PaperKind.RECTIFICATION_NOTICE):
            text = _text(casework.docx_bytes(kind, casework.paper_for(kind, ctx, i)))
            assert f"{name}（统一社会信用代码：{code}）：" in text
            assert all(other not in text for other in NAMES if other != name)


def test_party_papers_approval_and_record_list_all_parties(app_db):
    from dashboard.ui import casework

    _, ctx = _context(_collective_case(app_db))
    for kind in (PaperKind.APPROVAL, PaperKind.RECORD):
        text = _text(casework.docx_bytes(kind, casework.paper_for(kind, ctx, 2)))
        assert all(name in text for name in NAMES)


def test_party_papers_zip_has_one_file_per_party_and_paper(app_db):
    from dashboard.ui import casework

    view, ctx = _context(_collective_case(app_db))
    archive = zipfile.ZipFile(io.BytesIO(casework.party_papers_zip(view.case_no, ctx)))
    names = sorted(archive.namelist())
    assert len(names) == 2 * len(NAMES)
    for name in NAMES:
        notice = f"{view.case_no}-消费维权行政约谈通知书-{name}.docx"
        assert notice in names and f"{view.case_no}-整改建议书-{name}.docx" in names
        assert f"{name}（统一社会信用代码" in _text(archive.read(notice))


def test_app_party_papers_selector_picks_the_addressee(app_db):
    case_id = _collective_case(app_db)
    at = sign_in("tianshan")
    at.switch_page("pages/cases.py").run()
    at.selectbox(key="cases_open").set_value(case_id)
    at.button(key="cases_open_button").click()
    at.run()
    assert "本案有 3 个约谈对象" in texts(at)
    at.selectbox(key="paper_party").set_value(1)
    at.run()
    labels = [d.label for d in at.get("download_button")]
    assert f"下载消费维权行政约谈通知书：{NAMES[1]}（DOCX）" in labels
    assert "下载消费维权行政约谈审批表（DOCX）" in labels
    assert "下载全部 3 个约谈对象的通知书和整改文书（ZIP）" in labels
