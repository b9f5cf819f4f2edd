"""The papers layer: Markdown and GB/T 9704 DOCX of the interview papers and drafts.

Each DOCX is written to a real file and read back with python-docx.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.run import Run

from assistant.papers import (
    Attendee,
    Citation,
    CitationRole,
    ConsumerNotice,
    InterviewOutline,
    InvalidCitation,
    InvalidDeadline,
    InvalidDocNumber,
    InvalidRectificationMode,
    InvalidSchedule,
    OutlineSection,
    PaperContext,
    PaperKind,
    PaperWriteError,
    Party,
    RectificationItem,
    UnknownPaperKind,
    format_datetime,
    format_deadline,
    format_doc_number,
    normalize_doc_number,
    render_docx,
    render_markdown,
    write_papers,
)
from assistant.templates import wording

RARE_NAME = "新疆䶮𠀾餐饮有限公司"  # 䶮 is CJK Extension A, 𠀾 Extension B: both outside GB2312
ARTICLE_26 = (
    "经营者不得以格式条款、通知、声明、店堂告示等方式，作出排除或者限制消费者权利、"
    "减轻或者免除经营者责任、加重消费者责任等对消费者不公平、不合理的规定。"
)


def make_context(**overrides: object) -> PaperContext:
    values: dict[str, object] = {
        "bureau_name": "乌鲁木齐市市场监督管理局",
        "doc_number": "乌市监约〔2026〕3号",
        "parties": [Party("乌鲁木齐美好生活健身有限公司", "91650100MA78ABCD1X", "张某某")],
        "reason": "你单位预付卡消费投诉集中、退费难",
        "facts": "2026年1月至2月，12315平台收到针对你单位的投诉37件。",
        "problems": ["以“概不退卡”店堂告示排除消费者退费权利"],
        "evidence": ["12315平台投诉记录37件"],
        "interview_start": datetime(2026, 3, 5, 9, 30),
        "interview_end": datetime(2026, 3, 5, 11, 0),
        "place": "乌鲁木齐市市场监督管理局三楼会议室",
        "interviewers": ["王某", "李某"],
        "recorder": "赵某",
        "invited": ["刘某（市消费者协会）"],
        "attendees": [Attendee("张某某", "男", "汉族", "650102198001011234", "13800000000")],
        "materials": ["营业执照复印件", "法定代表人授权委托书"],
        "contact_name": "王某",
        "contact_phone": "0991-1234567",
        "issue_date": date(2026, 3, 2),
        "department": "消费者权益保护处",
        "applicant": "李某",
        "citations": [
            Citation(
                "中华人民共和国消费者权益保护法",
                "第二十六条",
                paragraph=2,
                version_date="2013-10-25",
                text=ARTICLE_26,
                reason="“概不退卡”告示排除了消费者依法退费的权利。",
            ),
            Citation(
                "中华人民共和国消费者权益保护法",
                "第五十六条",
                paragraph=1,
                item=8,
                version_date="2013-10-25",
                reason="拒不退还预付款的，可能承担行政责任。",
                role=CitationRole.LIABILITY,
            ),
        ],
        "rectification_items": [
            RectificationItem(
                "撤下“概不退卡”告示。", "《中华人民共和国消费者权益保护法》第二十六条"
            )
        ],
        "rectification_deadline": date(2026, 3, 26),
    }
    values.update(overrides)
    return PaperContext(**values)  # type: ignore[arg-type]


def written(kind: PaperKind, ctx: PaperContext, tmp_path: Path) -> docx.document.Document:
    path = render_docx(kind, ctx, tmp_path / kind.filename("docx"))
    return docx.Document(str(path))


def texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def east_asia_font(run: Run) -> str | None:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_papers_docx_page_is_a4_with_gbt9704_margins(tmp_path: Path) -> None:
    section = written(PaperKind.NOTICE, make_context(), tmp_path).sections[0]

    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 37
    assert round(section.left_margin.mm) == 28
    assert round(210 - section.left_margin.mm - section.right_margin.mm) == 156
    assert round(297 - section.top_margin.mm - section.bottom_margin.mm) == 225


def test_papers_docx_body_runs_name_fangsong_east_asian_font(tmp_path: Path) -> None:
    document = written(PaperKind.NOTICE, make_context(), tmp_path)
    body = next(p for p in document.paragraphs if p.text.startswith("因你单位预付卡"))

    assert body.runs, "the body paragraph has runs"
    assert {east_asia_font(r) for r in body.runs} == {"仿宋_GB2312"}
    assert {r.font.size for r in body.runs} == {Pt(16)}
    assert body.paragraph_format.first_line_indent == Pt(32)
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_papers_docx_title_is_22pt_xiaobiaosong(tmp_path: Path) -> None:
    document = written(PaperKind.NOTICE, make_context(), tmp_path)
    title = next(p for p in document.paragraphs if p.text == "消费维权行政约谈通知书")

    assert title.runs[0].font.size == Pt(22)
    assert east_asia_font(title.runs[0]) == "方正小标宋简体"
    assert title.alignment == docx.enum.text.WD_PARAGRAPH_ALIGNMENT.CENTER


def test_papers_docx_doc_number_uses_hexagonal_brackets(tmp_path: Path) -> None:
    ctx = make_context(doc_number="乌市监约[2026]003号")
    paragraphs = texts(written(PaperKind.RECTIFICATION_NOTICE, ctx, tmp_path))

    assert "乌市监约〔2026〕3号" in paragraphs
    assert not any("[2026]" in p or "003" in p for p in paragraphs)


@pytest.mark.parametrize(
    "raw",
    [
        "乌市监约[2026]003号",
        "乌市监约【2026】第3号",
        "乌市监约（２０２６）３号",
        " 乌市监约〔2026〕3号 ",
    ],
)
def test_papers_normalize_doc_number_repairs_common_slips(raw: str) -> None:
    assert normalize_doc_number(raw) == "乌市监约〔2026〕3号"


def test_papers_doc_number_rejects_malformed_input() -> None:
    with pytest.raises(InvalidDocNumber) as error:
        normalize_doc_number("乌市监约2026-3")
    assert "乌市监约〔2026〕3号" in error.value.message_zh
    with pytest.raises(InvalidDocNumber):
        format_doc_number("乌市监约", 2026, 0)
    assert format_doc_number("新市监消", 2026, 12) == "新市监消〔2026〕12号"


def test_papers_notice_has_fields_and_receipt_after_cut_line(tmp_path: Path) -> None:
    ctx = make_context()
    document = written(PaperKind.NOTICE, ctx, tmp_path)
    paragraphs = texts(document)
    cut = next(
        i for i, p in enumerate(document.paragraphs) if p._p.find(f".//{qn('w:pBdr')}") is not None
    )

    assert paragraphs.index("1. 营业执照复印件") < cut
    assert "约谈地点：乌鲁木齐市市场监督管理局三楼会议室" in paragraphs[:cut]
    assert "联系电话：0991-1234567" in paragraphs[:cut]
    assert "（单位印章）" in paragraphs[:cut] and "2026年3月2日" in paragraphs[:cut]
    assert paragraphs[cut + 1] == "回　执"
    assert "单位名称：乌鲁木齐美好生活健身有限公司" in paragraphs[cut:]
    assert "（公章）" in paragraphs[cut:]
    body = next(p for p in paragraphs if p.startswith("因"))
    assert "于2026年3月5日9时30分到乌鲁木齐市市场监督管理局三楼会议室参加" in body


def test_papers_notice_markdown_contains_filled_fields() -> None:
    markdown = render_markdown(PaperKind.NOTICE, make_context())

    assert markdown.startswith("**乌鲁木齐市市场监督管理局**\n\n# 消费维权行政约谈通知书")
    assert "乌市监约〔2026〕3号" in markdown
    assert "乌鲁木齐美好生活健身有限公司（统一社会信用代码：91650100MA78ABCD1X）：" in markdown
    assert "1. 营业执照复印件\n2. 法定代表人授权委托书" in markdown
    assert "联 系 人：王某" in markdown
    assert "# 回　执" in markdown


def test_papers_approval_is_a_word_table_with_annex_rows(tmp_path: Path) -> None:
    document = written(PaperKind.APPROVAL, make_context(), tmp_path)
    table = document.tables[0]
    labels = [row.cells[0].text for row in table.rows]

    assert len(document.tables) == 1
    assert labels == [
        "约谈对象",
        "业务处（科）室",
        "受邀单位（人员）",
        "约谈时间",
        "约谈事由",
        "局领导审批意见",
    ]
    time_row = table.rows[3].cells
    assert [c.text for c in time_row] == [
        "约谈时间",
        "2026年3月5日9时30分",
        "约谈地点",
        "乌鲁木齐市市场监督管理局三楼会议室",
    ]
    assert table.rows[1].cells[1].text == "消费者权益保护处"
    assert "申请人：李某" in table.rows[4].cells[1].text


def test_papers_approval_table_fills_the_type_area_width(tmp_path: Path) -> None:
    table = written(PaperKind.APPROVAL, make_context(), tmp_path).tables[0]

    assert round(sum(column.width.mm for column in table.columns)) == 156


def test_papers_approval_for_major_problem_adds_chief_row(tmp_path: Path) -> None:
    table = written(PaperKind.APPROVAL, make_context(major=True), tmp_path).tables[0]
    markdown = render_markdown(PaperKind.APPROVAL, make_context(major=True))

    assert table.rows[-1].cells[0].text == "主要领导审批意见"
    assert "| 主要领导审批意见 |" in markdown
    assert "| 约谈事由 | 你单位预付卡消费投诉集中、退费难<br>" in markdown


def test_papers_rare_party_name_round_trips_in_both_outputs(tmp_path: Path) -> None:
    ctx = make_context(parties=[Party(RARE_NAME, "91650100MA78ABCD1X")])
    document = written(PaperKind.NOTICE, ctx, tmp_path)
    salutation = next(p for p in document.paragraphs if p.text.startswith(RARE_NAME))
    fonts = {r.text: east_asia_font(r) for r in salutation.runs}

    assert fonts["䶮"] == "宋体" and fonts["𠀾"] == "SimSun-ExtB"
    assert fonts["新疆"] == "仿宋_GB2312"
    assert f"单位名称：{RARE_NAME}" in texts(document)
    assert f"{RARE_NAME}（统一社会信用代码" in render_markdown(PaperKind.NOTICE, ctx)
    approval = written(PaperKind.APPROVAL, ctx, tmp_path).tables[0]
    assert approval.rows[0].cells[1].text.startswith(RARE_NAME)


@pytest.mark.parametrize("kind", list(PaperKind))
def test_papers_empty_context_renders_blanks_never_none(kind: PaperKind, tmp_path: Path) -> None:
    ctx = PaperContext()
    markdown = render_markdown(kind, ctx)
    document = written(kind, ctx, tmp_path)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    all_text = "\n".join(texts(document) + cells)

    assert "None" not in markdown and "None" not in all_text
    assert "\\_\\_\\_\\_" in markdown  # blanks, escaped so Markdown shows them literally
    assert "____" in all_text


def test_papers_record_lists_times_attendees_and_signatures(tmp_path: Path) -> None:
    paragraphs = texts(written(PaperKind.RECORD, make_context(), tmp_path))

    assert "时间：2026年3月5日9时30分至2026年3月5日11时" in paragraphs
    assert "约谈人姓名：王某、李某" in paragraphs
    assert "受邀代表姓名及单位：刘某（市消费者协会）" in paragraphs
    assert "约谈对象姓名：张某某；性别：男；民族：汉族" in paragraphs
    assert "身份证（其他有效证件）号：650102198001011234；联系电话：13800000000" in paragraphs
    signatures = [p.split("：")[0] for p in paragraphs if "（签字）" in p]
    assert signatures == [
        "约谈人（签字）",
        "受邀代表（签字）",
        "约谈对象（签字）",
        "记录人（签字）",
    ]


def test_papers_rectification_notice_states_deadline_and_basis() -> None:
    markdown = render_markdown(PaperKind.RECTIFICATION_NOTICE, make_context())
    ordered = render_markdown(
        PaperKind.RECTIFICATION_NOTICE, make_context(rectification_mode="责令")
    )

    assert "# 整改建议书" in markdown and "# 责令整改通知书" in ordered
    assert "请你单位于2026年3月26日前完成整改" in markdown
    assert "1. 《中华人民共和国消费者权益保护法》第二十六条第二款" in markdown
    assert "1. 《中华人民共和国消费者权益保护法》第五十六条第一款第（八）项" in markdown
    assert "1. 撤下“概不退卡”告示（依据：《中华人民共和国消费者权益保护法》第二十六条）" in markdown
    assert "5. 相关证明材料。" in markdown
    with pytest.raises(InvalidRectificationMode):
        make_context(rectification_mode="警告")


def test_papers_legal_basis_shows_citation_text_version_status_and_reason() -> None:
    markdown = render_markdown(PaperKind.LEGAL_BASIS, make_context())
    obligations = markdown.index("## 一、违反的义务性规定")
    liabilities = markdown.index("## 二、可能承担的法律责任")

    reference = "### （一）《中华人民共和国消费者权益保护法》第二十六条第二款"
    assert obligations < markdown.index(reference) < liabilities
    assert "版本：2013年10月25日版　效力：现行有效" in markdown
    assert f"> {ARTICLE_26}" in markdown
    assert "适用理由：“概不退卡”告示排除了消费者依法退费的权利。" in markdown
    assert markdown.index("第五十六条第一款第（八）项") > liabilities


def test_papers_outline_follows_the_five_contents_in_order() -> None:
    outline = InterviewOutline(statement=OutlineSection(questions=("共收取预付款多少？",)))
    markdown = render_markdown(PaperKind.OUTLINE, make_context(outline=outline))
    positions = [markdown.index(title) for title in wording.OUTLINE_SECTIONS]

    assert positions == sorted(positions)
    assert markdown.startswith("# 约谈提纲")
    assert "## 一、通报行政约谈原由和目的" in markdown
    assert "1. 共收取预付款多少？" in markdown
    assert "宣讲《中华人民共和国消费者权益保护法》第二十六条第二款的规定。" in markdown
    assert "整改期限：2026年3月26日前递交整改报告。" in markdown


def test_papers_plan_has_the_eight_items_in_order(tmp_path: Path) -> None:
    paragraphs = texts(written(PaperKind.PLAN, make_context(), tmp_path))
    headings = [p for p in paragraphs if p[:2] in {f"{n}、" for n in "一二三四五六七八"}]

    assert len(headings) == 8
    assert headings[0] == "一、约谈对象基本信息" and headings[-1] == "八、拟提出的行政建议或意见"
    assert "主约谈人：王某" in paragraphs and "参加人员：李某" in paragraphs
    assert "法定代表人（负责人）：张某某" in paragraphs


def test_papers_plan_lists_each_party_of_a_collective_interview() -> None:
    parties = [Party("甲健身有限公司", "91650100MA78AAAA1X"), Party("乙健身有限公司")]
    ctx = make_context(parties=parties)
    markdown = render_markdown(PaperKind.PLAN, ctx)
    notice = render_markdown(PaperKind.NOTICE, ctx.addressed_to(parties[1]))

    assert "### （一）甲健身有限公司" in markdown and "### （二）乙健身有限公司" in markdown
    assert "统一社会信用代码：91650100MA78AAAA1X" in markdown
    assert "乙健身有限公司：" in notice and "甲健身有限公司" not in notice


def test_papers_provenance_is_shown_on_drafts_only() -> None:
    ctx = make_context(
        provenance=["模式：离线模板", "条文：consumer-law-2013#26（2013年10月25日版）"]
    )

    for kind in (PaperKind.LEGAL_BASIS, PaperKind.RECTIFICATION, PaperKind.OUTLINE, PaperKind.PLAN):
        markdown = render_markdown(kind, ctx)
        assert markdown.index("## 附：生成依据") < markdown.index("1. 模式：离线模板")
    assert "生成依据" not in render_markdown(PaperKind.NOTICE, ctx)
    assert "生成依据" not in render_markdown(PaperKind.RECTIFICATION_NOTICE, ctx)


def test_papers_consumer_alert_gives_tips_and_12315(tmp_path: Path) -> None:
    notice = ConsumerNotice(
        "关于健身行业预付式消费的消费警示",
        "近期多家健身机构因经营困难停业，消费者预付款难以退还。",
        ("办卡前查看经营者资质。", "单次充值金额不宜过大。"),
        severity="警示",
    )
    paragraphs = texts(
        written(PaperKind.CONSUMER_ALERT, make_context(consumer_notice=notice), tmp_path)
    )

    assert "关于健身行业预付式消费的消费警示" in paragraphs
    assert "二、消费警示内容" in paragraphs
    assert "2. 单次充值金额不宜过大。" in paragraphs
    assert any("12315" in p for p in paragraphs)


def test_papers_footer_has_page_number_field_on_odd_and_even_pages(tmp_path: Path) -> None:
    document = written(PaperKind.PLAN, make_context(), tmp_path)
    section = document.sections[0]

    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and xml.count("—") == 2
    assert document.settings.odd_and_even_pages_header_footer is True
    assert section.footer.paragraphs[0].alignment == docx.enum.text.WD_PARAGRAPH_ALIGNMENT.RIGHT


def test_papers_font_table_declares_fangsong_fallback(tmp_path: Path) -> None:
    document = written(PaperKind.NOTICE, make_context(), tmp_path)
    part = next(p for p in document.part.package.iter_parts() if "fontTable" in str(p.partname))
    xml = part.blob.decode("utf-8")

    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in xml


def test_papers_invalid_schedule_and_citation_raise_clear_errors() -> None:
    with pytest.raises(InvalidSchedule) as error:
        make_context(interview_end=datetime(2026, 3, 5, 8, 0))
    assert "早于开始时间" in error.value.message_zh
    assert str(error.value).isascii()  # log text stays English
    with pytest.raises(InvalidDeadline):
        make_context(rectification_deadline=date(2026, 3, 1))
    with pytest.raises(InvalidCitation):
        Citation("", "第二十六条")


def test_papers_unknown_kind_names_the_choices() -> None:
    with pytest.raises(UnknownPaperKind) as error:
        render_markdown("memo", make_context())
    assert "memo" in error.value.message_zh and "legal_basis" in error.value.message_zh


def test_papers_write_into_missing_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(PaperWriteError) as error:
        render_docx(PaperKind.NOTICE, make_context(), tmp_path / "missing" / "notice.docx")
    assert "missing" in error.value.message_zh
    assert not (tmp_path / "missing").exists()


def test_papers_write_papers_writes_markdown_and_docx(tmp_path: Path) -> None:
    paths = write_papers(make_context(), tmp_path / "out")
    names = sorted(p.name for p in paths)

    assert "legal_basis.md" in names and "plan.docx" in names
    assert "consumer_alert.md" not in names  # no common problem in this case
    assert len(names) == 2 * (len(PaperKind) - 1)
    outline = (tmp_path / "out" / "outline.md").read_text(encoding="utf-8")
    assert outline.startswith("# 约谈提纲")
    assert docx.Document(str(tmp_path / "out" / "plan.docx")).paragraphs[0].text == "约谈方案"


def test_papers_date_formats_use_arabic_numerals_without_zeros() -> None:
    assert format_datetime(datetime(2026, 3, 5, 9, 0)) == "2026年3月5日9时"
    assert format_datetime(datetime(2026, 12, 25, 14, 5)) == "2026年12月25日14时5分"
    assert format_deadline(date(2026, 3, 6)) == "2026年3月6日前"
    assert format_deadline(None) == "____年__月__日前"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_papers_docx_converts_to_pdf_with_libreoffice(tmp_path: Path) -> None:
    path = render_docx(PaperKind.NOTICE, make_context(), tmp_path / "notice.docx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        timeout=120,
    )
    assert (tmp_path / "notice.pdf").stat().st_size > 1000
