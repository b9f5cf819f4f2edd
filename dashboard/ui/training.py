"""Training content: the procedure step by step (in the product's own words), each step linked
to the regulation's articles and the papers it produces; a practice case compared with the
assistant's draft; a quiz generated from the regulation's rules and the workflow definition.

The regulation (自治区市场监督管理机关消费维权行政约谈制度) is not shipped with the product:
its article text is shown when the user has imported it into the law corpus, otherwise a
short paraphrase and a hint to import it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from assistant.case_input import CaseInput
from assistant.citations import find_citations
from assistant.drafting import Draft, draft_case
from assistant.errors import AssistantError
from assistant.papers import Party
from assistant.retrieval import LawIndex
from dashboard import messages, settings, workflow

REGULATION_NAMES = ("消费维权行政约谈制度",)
MIN_INTERVIEWERS = 2  # regulation art. 7: 行政约谈人员一般不得少于两人
MAJOR_REPORT_HOURS = 24  # regulation art. 17


@dataclass(frozen=True)
class Step:
    title: str
    explanation: str  # the product's own words
    articles: tuple[int, ...]  # regulation articles the step rests on
    paraphrase: str  # short paraphrase shown when the regulation is not imported
    papers: tuple[str, ...]
    state: str = ""


STEPS = (
    Step("发现问题、登记事项",
         "从12315数据分析、上级交办、协会反映、媒体曝光、抽检等渠道发现经营者存在侵害消费者权益的"
         "倾向性、苗头性问题，初步核查后在系统中登记约谈事项，写明约谈对象、事由和核查情况。",
         (3, 9), "约谈是行政指导行为；第九条列出可以约谈的八类情形（登记时的“约谈情形”把第（一）项"
         "按问题来源分成五项：12315大数据、上级交办、其他部门转办、协会反映、媒体曝光，共十二项）。",
         (), "registered"),
    Step("报请审批",
         "填写审批表，由业务处（科）室负责人提出意见，报分管局领导批准；涉及重大问题的须报主要领导批准。",
         (6, 11), "约谈须经分管局领导批准，重大问题报主要领导批准，由负责人或其指定人员约谈。",
         ("消费维权行政约谈审批表",), "approval"),
    Step("制定约谈方案",
         "方案须写明八项内容：约谈对象基本信息、约谈事项、核查情况和证据、法律依据、时间地点、"
         "主约谈人及参加人员、对象应提供的材料、拟提出的行政建议。",
         (11,), "第十一条第（二）项规定约谈方案的八项内容。", ("约谈方案",), "planning"),
    Step("告知约谈对象",
         "以书面通知书或电话告知约谈内容、时间、地点和参加人员；对象原则上为法定代表人（负责人）"
         "或其委托授权人，书面告知时收回回执。",
         (11,), "第十一条第（三）项规定书面或电话告知。", ("消费维权行政约谈通知书（含回执）",),
         "notification"),
    Step("实施约谈",
         "约谈人员不少于两人，有利害关系的应当回避；主约谈人一般为处（科）室负责人；通报问题、"
         "听取陈述、宣讲法规、确定整改内容和期限；专人记录，各方签字确认。",
         (7, 8, 10, 11, 12), "第七条：不少于两人、回避；第八条：专人记录、共同签字、备案。",
         ("消费维权行政约谈记录", "约谈提纲"), "interview"),
    Step("督促整改",
         "约谈结束后，约谈对象应在15个工作日内制定整改方案、落实整改并递交整改报告；"
         "系统按工作日（含调休、地方节日）自动计算期限并提示逾期。",
         (16,), "第十六条：15个工作日内递交整改报告，机关及时督查。", ("整改通知书",),
         "rectification"),
    Step("督查与结案",
         "对整改情况进行督查，确认已整改的结案；拒不接受约谈或不落实整改的，列为监管重点，"
         "发现违法行为的依法立案处罚。",
         (14, 15, 16), "第十四条：发现违法依法处罚；第十五条：拒不整改的列为监管重点。", (),
         "inspection"),
    Step("备案、提示与报告",
         "约谈记录报上一级机关备案；对共性问题及时发布消费提示或警示；遇特殊重大情况24小时内"
         "向本机关负责人报告。",
         (8, 17), "第八条：备案与约谈提醒；第十七条：消费提示警示、24小时报告。",
         ("消费提示/警示",), ""),
)  # fmt: skip


def regulation_article(index: LawIndex | None, number: int) -> str | None:
    """The regulation's article text when it is in the corpus, else None."""
    law_key = regulation_key(index)
    if law_key is None:
        return None
    try:
        article, _version = index.article(law_key, number)
    except AssistantError:
        return None
    return article.text


def regulation_key(index: LawIndex | None) -> str | None:
    """The corpus key of the regulation, found by its title (imported titles vary)."""
    if index is None:
        return None
    for law_key, title in index.store.law_keys():
        if any(name in title for name in REGULATION_NAMES):
            return law_key
    return None


# --- practice ------------------------------------------------------------------------------

PRACTICE = CaseInput(
    parties=(Party("演示教育培训有限公司", legal_rep="演示人员"),),
    facts="某教育培训机构以预收款方式销售课程，收取学费后停止授课，拒不退还预付款，"
    "近两个月收到消费者投诉42件，涉及金额36万元。",
    jurisdiction="乌鲁木齐市天山区",
    bureau="乌鲁木齐市天山区市场监督管理局",
)


@dataclass(frozen=True)
class PracticeResult:
    matched: list[str]
    missed: list[str]
    unresolved: list[str]
    draft: Draft

    @property
    def total(self) -> int:
        return len(self.matched) + len(self.missed)


def compare(answer: str, index: LawIndex, on_date: dt.date | None = None) -> PracticeResult:
    """Which articles of the assistant's legal basis the trainee cited, and which not."""
    draft = draft_case(PRACTICE, index, on_date or dt.date.today())
    cited = find_citations(answer, index.resolver)
    mine = {(c.law_key, c.number) for c in cited if c.law_key}
    unresolved = [f"{c.law_text}{c.article_label}" for c in cited if not c.law_key]
    matched, missed = [], []
    for entry in draft.basis.entries:
        (matched if (entry.law_key, entry.article.number) in mine else missed).append(
            entry.reference
        )
    return PracticeResult(matched, missed, unresolved, draft)


# --- quiz ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[str, ...]
    answer: str
    source: str


# Values an official might plausibly confuse with the rule (other deadlines of the 12315 and
# administrative procedures, other counts of the regulation), never obviously wrong numbers.
PLAUSIBLE = {
    "人": (1, 2, 3, 5),
    "个工作日": (7, 10, 15, 30),
    "项": (5, 6, 8, 10),
    "小时": (12, 24, 48, 72),
}
NOT_PLAN_ITEM = "对约谈对象作出的行政处罚决定"


def _numeric(value: int, unit: str) -> tuple[str, ...]:
    """The right value among plausible ones (four options)."""
    others = [v for v in PLAUSIBLE.get(unit, ()) if v != value]
    if len(others) < 3:
        others = [v for v in (value * 2, value + 5, max(1, value // 2), value * 3) if v != value]
    return tuple(f"{v}{unit}" for v in sorted({value, *others[:3]}))


def quiz(seed: int = 0) -> list[Question]:
    """Questions built from the regulation's rules and the workflow definition."""
    d = workflow.definition()
    days = settings.int_setting("rectification_days")
    approve = d.transitions["approve"]
    refused = d.transitions["refuse_attendance"]
    plan_items = list(messages.PLAN_ITEMS.values())
    not_plan = NOT_PLAN_ITEM
    questions = [
        Question("行政约谈人员一般不得少于几人？", _numeric(MIN_INTERVIEWERS, "人"),
                 f"{MIN_INTERVIEWERS}人", "制度第七条"),
        Question("约谈结束后，约谈对象应在多少个工作日内递交整改报告？", _numeric(days, "个工作日"),
                 f"{days}个工作日", "制度第十六条"),
        Question("约谈方案应包括几项内容？", _numeric(len(plan_items), "项"),
                 f"{len(plan_items)}项", "制度第十一条第（二）项"),
        Question("遇有特殊和具有重大影响的情况，应在多少小时内向本机关负责人报告？",
                 _numeric(MAJOR_REPORT_HOURS, "小时"), f"{MAJOR_REPORT_HOURS}小时",
                 "制度第十七条"),
        Question("批准约谈之后，案件进入哪个环节？",
                 tuple(s.title for s in list(d.states.values())[:4]),
                 d.states[approve.target].title, "系统流程（制度第十一条）"),
        Question("约谈对象无正当理由拒不接受约谈，案件转入哪个环节？",
                 tuple(d.states[s].title for s in ("closed", "penalty", "supervision_focus",
                                                   "rectification")),
                 d.states[refused.target].title, "制度第十五条"),
        Question("下列哪一项不属于约谈方案的内容？", (*plan_items[:3], not_plan), not_plan,
                 "制度第十一条第（二）项"),
        Question("涉及重大问题的约谈，应报请谁批准？", ("业务处（科）室负责人", "分管局领导",
                 "主要领导", "上级机关"), "主要领导", "制度第十一条第（一）项"),
    ]  # fmt: skip
    rng = random.Random(seed)
    return [Question(q.text, tuple(rng.sample(q.options, len(q.options))), q.answer, q.source)
            for q in questions]  # fmt: skip


def score(questions: list[Question], answers: list[str | None]) -> int:
    return sum(1 for q, a in zip(questions, answers, strict=True) if a == q.answer)
