"""Drafting assistant: legal basis, rectification, outline, papers, CLI and the citation guard.

All drafts run offline over the real lexical index (``lexical_index``: built-in laws plus
../shared/corpus, BM25 and the violation taxonomy).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant import drafting_messages as m
from assistant.case_input import CaseInput, parse_case
from assistant.citation_check import check_text
from assistant.citations import find_citations
from assistant.drafting import DRAFT_KINDS, draft_case
from assistant.drafting_cli import write_draft
from assistant.errors import DraftInputError
from assistant.papers import PaperKind, default_kinds

REPO = Path(__file__).resolve().parents[2]
CONSUMER_LAW = "中华人民共和国消费者权益保护法"
RETURN_FACTS = (
    "某服装网店在商品详情页写着“特价款不退不换”。消费者收到衣服试穿后觉得不合身，吊牌没拆，"
    "签收第三天申请退货，客服以“活动商品不支持七天无理由”为由拒绝。平台转来的投诉一个月内有52件。"
)
JURISDICTION = "新疆维吾尔自治区乌鲁木齐市天山区"
INTERVIEW = date(2026, 3, 5)


def _case(facts: str = RETURN_FACTS, name: str = "乌鲁木齐某某服饰有限公司", **extra) -> CaseInput:
    data = {"party": {"name": name}, "facts": facts, "jurisdiction": JURISDICTION, **extra}
    return parse_case(data)


def _entry(draft, law: str, number: int):
    return next(
        (e for e in draft.basis.entries if e.version.title == law and e.article.number == number),
        None,
    )


def _own_lines(markdown: str) -> str:
    """The draft's own text: quoted law text ('>' lines) is the corpus's, not a citation."""
    return "\n".join(line for line in markdown.splitlines() if not line.startswith(">"))


def test_drafting_return_refusal_cites_article_25_with_text_and_version(lexical_index):
    draft = draft_case(_case(), lexical_index, INTERVIEW)

    entry = _entry(draft, CONSUMER_LAW, 25)
    assert entry is not None and entry.role == "obligation"
    assert entry.version.version_date == "2013-10-25"
    assert "七日内退货" in entry.article.text
    basis = draft.markdown(PaperKind.LEGAL_BASIS)
    assert "《中华人民共和国消费者权益保护法》第二十五条" in basis
    assert "2013年10月25日版" in basis and "七日内退货" in basis
    assert "无理由" in entry.reason  # the reason is tied to the facts' cue words
    assert any(e.role == "liability" for e in draft.basis.entries)
    assert draft.deadline == date(2026, 3, 26) and not draft.deadline_unverified
    assert draft.provenance["mode"] == "offline"
    assert entry.article.key in {c["key"] for c in draft.provenance["cited"]}


def test_drafting_rectification_items_come_from_obligations(lexical_index):
    draft = draft_case(_case(), lexical_index, INTERVIEW)

    references = {e.reference for e in draft.basis.obligations}
    based = [i for i in draft.rectification if i.basis]
    assert based and all(i.basis in references for i in based)
    assert any("52件" in i.action for i in draft.rectification)
    text = draft.markdown(PaperKind.RECTIFICATION)
    assert "2026年3月26日前" in text and "整改报告应当包括的内容" in text


def test_drafting_outline_and_plan_follow_the_regulation(lexical_index):
    draft = draft_case(_case(), lexical_index, INTERVIEW)

    outline = draft.markdown(PaperKind.OUTLINE)
    headings = [line for line in outline.splitlines() if line.startswith("## ")]
    assert [h.split("、", 1)[0] for h in headings] == ["## 一", "## 二", "## 三", "## 四", "## 五"]
    assert "52件投诉" in outline
    plan = draft.markdown(PaperKind.PLAN)
    assert sum(1 for line in plan.splitlines() if line.startswith("## ")) == 8
    assert "《中华人民共和国消费者权益保护法》第二十五条" in plan


def test_drafting_markdown_citations_all_resolve(lexical_index):
    draft = draft_case(_case(), lexical_index, INTERVIEW)

    found = 0
    for kind in default_kinds(draft.context):
        for ref in find_citations(_own_lines(draft.markdown(kind)), lexical_index.resolver):
            assert ref.law_key, ref
            lexical_index.article(ref.law_key, ref.number, ref.suffix)
            found += 1
    assert found >= len(draft.basis.entries)


@pytest.mark.parametrize("facts", ["", "   ", "退货", "投诉很多"])
def test_drafting_empty_or_one_word_facts_ask_for_more(facts):
    with pytest.raises(DraftInputError) as caught:
        _case(facts)
    assert caught.value.missing == ["facts", "conduct", "scale"]
    assert "做了什么" in caught.value.message_zh and "多少投诉" in caught.value.message_zh


def test_drafting_missing_party_and_bad_credit_code_are_listed():
    with pytest.raises(DraftInputError) as caught:
        parse_case(
            {"party": {"name": "", "credit_code": "123"}, "facts": RETURN_FACTS, "jurisdiction": ""}
        )
    assert caught.value.missing == ["party", "jurisdiction"]
    assert "123" in caught.value.message_zh


def test_drafting_traditional_characters_and_full_width_digits(lexical_index):
    facts = (
        "某服裝網店在商品詳情頁寫著「特價款不退不換」。消費者簽收第三天申請退貨，"
        "客服以「活動商品不支持七天無理由」為由拒絕。平臺轉來的投訴有５２件。"
    )
    case = _case(facts)
    draft = draft_case(case, lexical_index, INTERVIEW)

    assert case.complaint_count == 52
    assert _entry(draft, CONSUMER_LAW, 25) is not None
    assert m.TRADITIONAL_INPUT in draft.notices
    assert draft.context.facts == facts  # the original text is kept for display


def test_drafting_law_not_in_corpus_says_so(lexical_index):
    facts = "张三和李四周末在公园打羽毛球，天气晴朗，两人约定下周继续切磋球技。"
    draft = draft_case(_case(facts), lexical_index, INTERVIEW)

    assert draft.basis.entries == []
    assert draft.notices[0] == m.NO_LAW_FOUND
    assert "index build --source" in draft.markdown(PaperKind.LEGAL_BASIS)


def test_drafting_cited_law_missing_from_corpus_is_reported(lexical_index):
    facts = RETURN_FACTS + "另据反映，该店违反《殡葬服务管理条例》第二十二条的规定。"
    draft = draft_case(_case(facts), lexical_index, INTERVIEW)

    assert any("殡葬服务管理条例" in n and "导入" in n for n in draft.notices)
    assert all("殡葬" not in e.version.title for e in draft.basis.entries)


TRADEMARK_FACTS = (
    "某服装店销售假冒注册商标的运动鞋，违反商标法第五十七条，消费者投诉12件，涉及金额3万元。"
)


def test_drafting_uses_the_version_in_force_on_the_interview_date(lexical_index):
    # The 2019 text applies until the 2026 revision takes effect on 2027-01-01.
    draft = draft_case(_case(TRADEMARK_FACTS), lexical_index, date(2026, 8, 1))

    entry = _entry(draft, "中华人民共和国商标法", 57)
    assert entry is not None and entry.version.version_date == "2019-04-23"
    assert "侵犯注册商标专用权" in entry.article.text


def test_drafting_follows_a_renumbered_article_into_the_revision(lexical_index):
    # From 2027-01-01 the infringing acts of the old 第五十七条 are 第七十二条 of the revision;
    # the revision's own 第五十七条 is about something else and must not be cited.
    draft = draft_case(_case(TRADEMARK_FACTS), lexical_index, date(2027, 3, 1))

    entry = _entry(draft, "中华人民共和国商标法", 72)
    assert entry is not None and entry.version.version_date == "2026-06-26"
    assert "侵犯注册商标专用权" in entry.article.text
    assert _entry(draft, "中华人民共和国商标法", 57) is None


def test_drafting_rare_party_name_and_uncovered_year(lexical_index, tmp_path):
    draft = draft_case(_case(name="新疆王䶮商贸有限公司"), lexical_index, date(2027, 3, 5))

    assert any("䶮" in n for n in draft.notices)
    assert draft.deadline is not None and draft.deadline_unverified
    assert "待核验" in draft.markdown(PaperKind.RECTIFICATION)
    written = write_draft(draft, tmp_path / "out")
    notice = docx.Document(str(tmp_path / "out" / "notice.docx"))
    assert any("䶮" in p.text for p in notice.paragraphs)
    assert tmp_path / "out" / "provenance.json" in written


def test_drafting_collective_interview_adds_a_consumer_notice(lexical_index):
    data = {
        "parties": [{"name": "甲服饰网店"}, {"name": "乙服饰网店"}],
        "facts": RETURN_FACTS,
        "jurisdiction": JURISDICTION,
    }
    draft = draft_case(parse_case(data), lexical_index, INTERVIEW)

    assert PaperKind.CONSUMER_ALERT in default_kinds(draft.context)
    alert = draft.markdown(PaperKind.CONSUMER_ALERT)
    assert "2家经营者" in alert and "第二十五条" in alert


def test_citation_check_flags_unknown_and_missing_articles(lexical_index):
    text = (
        "依据《中华人民共和国消费者权益保护法》第二十五条，应当退货；"
        "又依《网络消费管理条例》第五条和《消费者权益保护法》第二百条，"
        "以及消保法第二十五条第九款。本法第五条不算引用。"
    )
    check = check_text(text, lexical_index, INTERVIEW)

    assert [c.ref.number for c in check.verified] == [25]
    assert [c.ref.number for c in check.flagged] == [5, 200, 25]
    assert check.text.count(m.UNVERIFIED_MARK) == 3
    assert "网络消费管理条例》第五条" + m.UNVERIFIED_MARK in check.text
    assert "《中华人民共和国消费者权益保护法》第二十五条，" in check.text


def test_llm_citation_guard_flags_invented_citation(lexical_index):
    """Checks the citation guard on a fixed answer from LangChain's fake chat model; it says
    nothing about a real model."""
    answer = (
        "一、法律依据：该店拒绝七日无理由退货，违反《中华人民共和国消费者权益保护法》第二十五条。"
        "同时违反《网络消费管理条例》第五条。"
    )
    fake = FakeListChatModel(responses=[answer])
    draft = draft_case(_case(), lexical_index, INTERVIEW, llm=fake)

    assert draft.llm is not None and draft.provenance["mode"] == "llm"
    assert draft.llm.verified == ["《中华人民共和国消费者权益保护法》第二十五条"]
    assert len(draft.llm.flagged) == 1 and "网络消费管理条例" in draft.llm.flagged[0]
    basis = draft.markdown(PaperKind.LEGAL_BASIS)
    assert "《网络消费管理条例》第五条" + m.UNVERIFIED_MARK in basis
    assert draft.provenance["unverified_citations"] == draft.llm.flagged


def _run_cli(index_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "YTT_INDEX_DIR": str(index_dir)}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_drafting_cli_writes_files_and_prints_citations(lexical_index_dir, tmp_path):
    case_file = tmp_path / "case.json"
    case = {"party": {"name": "某服饰网店"}, "facts": RETURN_FACTS, "jurisdiction": JURISDICTION}
    case_file.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    done = _run_cli(
        lexical_index_dir,
        "draft",
        "--case",
        str(case_file),
        "--out",
        str(out),
        "--date",
        "2026-03-05",
    )

    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert {"law": CONSUMER_LAW, "article": 25} in [
        {"law": x["law"], "article": x["article"]} for x in lines
    ]
    assert all(set(x) == {"law", "article", "citation"} for x in lines)
    for kind in DRAFT_KINDS:
        assert (out / f"{kind.value}.md").is_file()
    for name in ("notice.docx", "record.docx", "approval.docx", "rectification_notice.docx"):
        assert (out / name).stat().st_size > 0
    provenance = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["interview_date"] == "2026-03-05" and provenance["cited"]


def test_drafting_cli_bad_input_exits_2_and_writes_nothing(lexical_index_dir, tmp_path):
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({"party": {"name": "某店"}, "facts": "退货"}), encoding="utf-8")
    out = tmp_path / "out"
    done = _run_cli(lexical_index_dir, "draft", "--case", str(case_file), "--out", str(out))

    assert done.returncode == 2
    assert "案件信息不完整" in done.stderr and "管辖地区" in done.stderr
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == [case_file]


class _UnreachableModel(FakeListChatModel):
    """A stand-in for an endpoint that cannot be reached."""

    def _stream(self, *args, **kwargs):
        raise ConnectionError("connection refused")


def test_drafting_unreachable_llm_falls_back_to_offline(lexical_index):
    draft = draft_case(_case(), lexical_index, INTERVIEW, llm=_UnreachableModel(responses=["x"]))

    assert draft.llm is None and draft.provenance["mode"] == "offline"
    assert any("无法连接大模型服务" in n for n in draft.notices)
    assert _entry(draft, CONSUMER_LAW, 25) is not None


def test_drafting_refuses_a_date_that_contradicts_the_planned_interview(lexical_index):
    case = _case(interview_time="2026-12-16 10:00")
    with pytest.raises(DraftInputError) as info:
        draft_case(case, lexical_index, date(2025, 10, 1))
    assert info.value.message_zh == m.DATE_CONFLICT.format(given="2025-10-01", planned="2026-12-16")
    assert "paper input" not in info.value.message_zh
    assert draft_case(case, lexical_index, date(2026, 12, 16)).interview_date == date(2026, 12, 16)


def test_drafting_cites_the_rule_not_its_exception(lexical_index):
    """第二十五条第二款 carves goods out of 七日无理由退货; a shop refusing an intact item
    breaches the rule of 第一款, whatever words the exception shares with the facts."""
    facts = (
        "消费者在网店购买蓝牙耳机，签收后第3天申请七日无理由退货，商品完好、包装齐全。"
        "店铺首页公告“本店商品一律不支持七天无理由退货”，客服据此拒绝。"
    )
    entry = _entry(draft_case(_case(facts), lexical_index, INTERVIEW), CONSUMER_LAW, 25)
    assert entry is not None and entry.part.paragraph == 1
    assert "七日内退货，且无需说明理由" in entry.reason


def test_drafting_names_the_regulations_to_import(tmp_path):
    """With only the 消保法 in the corpus, a 七日无理由退货 case says which rules of the
    recognised violation (侵害消费者权益行为处罚办法) must be imported to be cited."""
    from assistant import indexing
    from assistant.retrieval import LawIndex

    indexing.build("all", lexical_only=True, folder=tmp_path, only_laws=[CONSUMER_LAW])
    draft = draft_case(_case(), LawIndex("all", folder=tmp_path), INTERVIEW)

    wanted = [n for n in draft.notices if "《侵害消费者权益行为处罚办法》，但该文件尚未导入" in n]
    assert wanted and "七日无理由退货" in wanted[0]
    assert not any(f"《{CONSUMER_LAW}》，但该文件尚未导入" in n for n in draft.notices)


def test_drafting_write_is_all_or_nothing_when_a_name_is_taken_by_a_folder(lexical_index, tmp_path):
    out = tmp_path / "out"
    (out / "provenance.json").mkdir(parents=True)
    draft = draft_case(_case(), lexical_index, INTERVIEW)
    with pytest.raises(DraftInputError) as info:
        write_draft(draft, out)
    assert "已有同名文件夹（provenance.json）" in info.value.message_zh
    assert [p.name for p in out.iterdir()] == ["provenance.json"]  # nothing else moved in


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"party": {\xe2\x80\x9cname\xe2\x80\x9d: 1}}', "不是有效的 JSON"),
        ('{"facts": "退货"}'.encode("utf-16"), "无法读取"),
        ('{"facts": "网店退货"}'.encode("gbk"), "不是 UTF-8 编码"),
    ],
)
def test_drafting_case_file_errors_are_chinese(tmp_path, content, expected):
    from assistant.case_input import load_case

    path = tmp_path / "case.json"
    path.write_bytes(content)
    with pytest.raises(DraftInputError) as info:
        load_case(path)
    assert expected in info.value.message_zh
    assert not any(w in info.value.message_zh for w in ("Error", "Expecting", "codec"))


def test_drafting_collective_interview_writes_each_party_its_own_notice(lexical_index, tmp_path):
    parties = [{"name": "乌鲁木齐某服饰电子商务有限公司"}, {"name": "天山区某小家电网店"}]
    case = parse_case({"parties": parties, "facts": RETURN_FACTS, "jurisdiction": JURISDICTION})
    names = [
        p.name for p in write_draft(draft_case(case, lexical_index, INTERVIEW), tmp_path / "o")
    ]

    assert "notice-1-乌鲁木齐某服饰电子商务有限公司.docx" in names
    assert "notice-2-天山区某小家电网店.md" in names and "notice.md" not in names
    second = (tmp_path / "o" / "notice-2-天山区某小家电网店.md").read_text(encoding="utf-8")
    assert "天山区某小家电网店" in second and "乌鲁木齐某服饰电子商务有限公司" not in second
    record = (tmp_path / "o" / "record.md").read_text(encoding="utf-8")
    assert "天山区某小家电网店" in record and "乌鲁木齐某服饰电子商务有限公司" in record


@pytest.mark.parametrize("interviewers", [["李某"], ["李某", "李某"], "李某", ["李某", " 李 某 "]])
def test_drafting_refuses_fewer_than_two_interviewers(interviewers):
    with pytest.raises(DraftInputError) as caught:
        _case(interviewers=interviewers)
    text = caught.value.message_zh
    assert "只写了 1 人（李某）" in text and "不少于两人" in text


def test_drafting_one_person_with_and_without_title_is_one_interviewer():
    """李某（科长） and 李某 are one person: the two-interviewer rule is not met by a title."""
    with pytest.raises(DraftInputError) as caught:
        _case(interviewers=["李某（科长）", "李某"])
    assert "只写了 1 人（李某（科长））" in caught.value.message_zh
    assert _case(interviewers=["李某（科长）", "王某（副科长）"]).interviewers == (
        "李某（科长）",
        "王某（副科长）",
    )


def test_drafting_accepts_two_interviewers_or_none():
    assert _case(interviewers="李某、王某").interviewers == ("李某", "王某")
    assert _case().interviewers == ()  # left blank in the papers, filled in by hand


def test_drafting_refuses_an_interviewer_listed_twice():
    with pytest.raises(DraftInputError) as caught:
        _case(interviewers=["李某", "王某", "李某"])
    assert caught.value.problems == [m.INPUT_REPEATED_INTERVIEWER.format(name="李某")]


@pytest.mark.parametrize(
    "parties",
    [
        ["乌鲁木齐某服饰有限公司", "乌鲁木齐某服饰有限公司 "],
        [
            {"name": "某服饰有限公司", "credit_code": "91350100M000100Y43"},
            {"name": "某服饰公司", "credit_code": "91350100M000100Y43"},
        ],
    ],
)
def test_drafting_refuses_a_party_listed_twice(parties):
    data = {"parties": parties, "facts": RETURN_FACTS, "jurisdiction": JURISDICTION}
    with pytest.raises(DraftInputError) as caught:
        parse_case(data)
    assert "在 parties 中重复列出" in caught.value.message_zh
    assert caught.value.missing == []


def test_drafting_refuses_both_party_and_parties():
    data = {"party": {"name": "甲公司"}, "parties": ["乙公司", "丙公司"]}
    with pytest.raises(DraftInputError) as caught:
        parse_case({**data, "facts": RETURN_FACTS, "jurisdiction": JURISDICTION})
    assert caught.value.problems == [m.INPUT_PARTY_AND_PARTIES]
    assert caught.value.missing == []


def test_drafting_cli_refuses_one_interviewer_and_writes_nothing(tmp_path, capsys):
    from assistant import cli

    case = {"party": {"name": "某店"}, "facts": RETURN_FACTS, "jurisdiction": JURISDICTION,
            "interviewers": ["李某"]}  # fmt: skip
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    code = cli.main(["draft", "--case", str(case_file), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "不少于两人" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [case_file]


def _workbook(path: Path) -> None:
    import openpyxl

    openpyxl.Workbook().save(path)


def _word(path: Path) -> None:
    import docx

    docx.Document().save(path)


@pytest.mark.parametrize(
    ("name", "write", "kind"),
    [
        ("good.xlsx", _workbook, "这是Excel文件"),
        ("case.docx", _word, "这是Word文件"),
        ("case.json", lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), "这是PDF文件"),
    ],
)
def test_drafting_case_file_that_is_a_document_says_to_write_json(tmp_path, name, write, kind):
    from assistant.case_input import load_case

    path = tmp_path / name
    write(path)
    with pytest.raises(DraftInputError) as info:
        load_case(path)
    assert kind in info.value.message_zh and "只读取 JSON 格式的案件文件" in info.value.message_zh
    assert "UTF-8 编码（可能是 GBK）" not in info.value.message_zh


@pytest.mark.parametrize("out", ["", "  "])
def test_drafting_cli_refuses_an_empty_out(tmp_path, capsys, out):
    from assistant import cli

    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({"party": "某店"}), encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        cli.main(["draft", "--case", str(case_file), "--out", out])
    assert stop.value.code == 2
    assert "参数 --out: 不能为空，请写出保存文书的文件夹" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [case_file]


PREPAID_FACTS = (
    "2026年10月以来，该健身房以办理年卡、私教课预付费形式收取消费者费用约20万元，后突然闭店，"
    "拒绝退还剩余预付款，消费者投诉35件。"
)


def test_drafting_papers_name_problems_with_the_case_words_not_cue_lists(lexical_index):
    """Papers served on the business state each problem with the official's own clause, not
    the recogniser's cue words (“预付”“年卡”“私教”)."""
    draft = draft_case(_case(PREPAID_FACTS, name="天山区某健身房"), lexical_index, INTERVIEW)
    assert draft.problems and all(p.startswith("涉嫌存在") for p in draft.problems)
    assert any("拒绝退还剩余预付款" in p for p in draft.problems)
    for kind in (PaperKind.RECTIFICATION, PaperKind.OUTLINE, PaperKind.PLAN, PaperKind.NOTICE):
        assert "案情中有" not in draft.markdown(kind), kind


def test_fact_sentence_prefers_the_conduct_clause():
    from assistant.drafting import fact_sentence

    assert fact_sentence(PREPAID_FACTS, ("预付", "闭店")) == "后突然闭店，拒绝退还剩余预付款"
    assert fact_sentence(PREPAID_FACTS, ("没有的词",)) == ""


def test_drafting_cites_the_paragraph_the_taxonomy_names():
    """消保法第十六条 has three paragraphs; not delivering what was agreed breaches the second
    (按照约定履行义务), which the taxonomy names ("16/2"), though the first shares more words."""
    from assistant.violations import ArticleRef, paragraph_of

    assert ArticleRef.parse("中华人民共和国消费者权益保护法 16/2").paragraph == 2
    assert ArticleRef.parse("中华人民共和国刑法 253-1").suffix == 1
    name = "收取价款后不提供或不按约定提供商品、服务（服务缩水、货不对板）"
    assert paragraph_of(name, "中华人民共和国消费者权益保护法", 16) == 2
    assert paragraph_of(name, "消费者权益保护法", 16) == 2  # titles compared canonically
    assert paragraph_of("没有的类型", "中华人民共和国消费者权益保护法", 16) == 0


def test_drafting_agreed_service_not_delivered_cites_article_16_paragraph_2(lexical_index):
    facts = (
        "该健身房向消费者销售年卡和私教课程，合同约定提供一年健身服务。2026年11月起门店停止营业，"
        "未按约定提供服务，也未退还消费者剩余预付款。消费者投诉40件。"
    )
    draft = draft_case(_case(facts, name="天山区某健身有限公司"), lexical_index, INTERVIEW)
    entry = _entry(draft, CONSUMER_LAW, 16)
    assert entry is not None and entry.reference.endswith("第十六条第二款")
    assert "按照约定履行义务" in entry.reason


@pytest.mark.parametrize(
    "spelling", ["李某", " 李 某 ", "李某（科长）", "李某 (科长)", "李某，科长", "李某/科长"]
)
def test_person_key_reads_one_person_under_every_spelling(spelling):
    from assistant.case_input import person_key

    assert person_key(spelling) == "李某"
