"""Chinese wording of the drafting assistant (legal basis, rectification, outline, LLM prompts).

Kept apart from the logic so the sentences can be reviewed by the bureau's legal staff; each
template uses named ``str.format`` placeholders.
"""

from __future__ import annotations

# --- input validation ------------------------------------------------------------------------

INPUT_INTRO = "案件信息不完整，无法起草。请补充以下内容后重试："
INPUT_MISSING = {
    "party": "约谈对象（谁）：经营者的单位名称，写在 party.name（集中约谈写在 parties 列表）",
    "credit_code": "约谈对象的统一社会信用代码（18位），写在 party.credit_code",
    "jurisdiction": "管辖地区（jurisdiction），如“新疆维吾尔自治区乌鲁木齐市天山区”",
    "facts": "案情（facts）：至少写明一两句完整的话",
    "conduct": "做了什么：经营者的具体行为，如“拒绝七日无理由退货”“虚假宣传”“关门停业不退预付款”",
    "scale": "何时、多少投诉：发生时间、投诉（举报）数量、涉及金额或人数",
}
INPUT_BAD_CREDIT_CODE = (
    "统一社会信用代码“{code}”的格式或校验位不正确（应为18位数字和大写字母），请核对营业执照。"
)
INPUT_BAD_JSON = "案件文件“{path}”无法读取：{reason}。请检查文件是否为 UTF-8 编码的 JSON。"
INPUT_BAD_CASE_FILE = "案件文件“{path}”无法读取：{reason}。"
INPUT_NOT_A_CASE_FILE = (
    "这是{kind}文件，不是案件文件。draft 只读取 JSON 格式的案件文件（UTF-8 编码，字段见 "
    "README「draft --case 读取的案件文件」），请把约谈对象、案情和辖区等写入 .json 文件后重试"
)
INPUT_BAD_FIELD = "案件字段“{field}”的格式不正确：{reason}。"
INPUT_BAD_TIME = "约谈时间“{value}”无法识别，请写成“2026-03-05 09:30”的形式。"
INPUT_FEW_INTERVIEWERS = (
    "约谈人员（interviewers）只写了 {count} 人（{names}）。《消费维权行政约谈制度》第七条要求"
    "约谈人员不少于两人：请写明至少两名不同的约谈人员；尚未确定时可删去此项，文书中留空待填。"
)
INPUT_REPEATED_INTERVIEWER = "约谈人员“{name}”重复列出，请删去重复的一项。"
INPUT_REPEATED_PARTY = (
    "约谈对象“{name}”在 parties 中重复列出，同一经营者只应约谈、通知一次，请删去重复的一项。"
)
INPUT_PARTY_AND_PARTIES = (
    "同时填写了 party 和 parties，无法确定约谈对象：单个约谈对象请只写 party；"
    "集中约谈请把全部约谈对象写在 parties 列表中，并删去 party。"
)

# --- notices shown with the draft -------------------------------------------------------------

NO_LAW_FOUND = (
    "法规库中没有找到与本案情相关的法条，本稿未列出法律依据。可能是本案涉及的法律、法规或规章"
    "尚未导入法规库：请在“法规”页面导入相关文件，或运行 "
    "python -m assistant index build --source 文件路径，然后重新起草。"
)
LAW_NOT_IN_CORPUS = (
    "案情提到的《{law}》不在法规库中，本稿无法引用。如需引用，请在“法规”页面导入该文件，"
    "或运行 python -m assistant index build --source 文件路径，然后重新起草。"
)
TAXONOMY_LAW_NOT_IMPORTED = (
    "案情涉及“{violation}”，通常还适用《{law}》，但该文件尚未导入法规库，本稿未能引用。"
    "如需引用，请在“法规”页面导入该文件，或运行 python -m assistant index build --source 文件路径，"
    "然后重新起草。"
)
NO_TAXONOMY_MATCH = (
    "未能从案情中识别出已知的违法行为类型，以下法律依据仅按检索相关度列出，请逐条核对是否适用。"
)
VERSION_CHANGED = (
    "{citation}：约谈日期（{date}）适用的是{used}版；现行版本为{current}版（{current_from}起施行），"
    "本稿按约谈日期适用的版本引用。"
)
VERSION_NOT_YET = "{citation}：该版本自{start}起施行，约谈日期（{date}）时尚未施行，本稿未引用。"
VERSION_REPEALED = "{citation}：该法规已废止，本稿未引用。"
DATE_ASSUMED = "未指定约谈日期，按今天（{date}）选取法规版本、计算整改期限；确定日期后请重新起草。"
DEADLINE_UNVERIFIED = (
    "整改期限按周一至周五推算：{year}年的法定节假日安排尚无官方数据，期限待核验，"
    "请在国务院公布放假安排后重新计算。"
)
DEADLINE_UNAVAILABLE = "整改期限未能计算（{reason}），请按15个工作日手工计算。"
CREDIT_CODE_MISSING = "未填写统一社会信用代码（{names}），通知书中该项留空，请补充后再发出。"
RARE_CHARACTERS = "单位名称含生僻字“{chars}”（超出 GB2312 字符集），打印前请确认字体能正常显示。"
TRADITIONAL_INPUT = "案情含繁体字，检索时已转换为简体字匹配；文书中保留原文。"
UNVERIFIED_MARK = "【未核实引用】"
UNVERIFIED_HEADING = "以下引用未能在法规库中核实，已标注“【未核实引用】”，请删除或改正："
UNVERIFIED_UNKNOWN_LAW = "{citation}：法规库中没有名为“{law}”的法律法规"
UNVERIFIED_NO_ARTICLE = "{citation}：《{law}》（{version}版）没有{label}"
UNVERIFIED_SUPERSEDED = "{citation}：该条只见于已修改或废止的版本，约谈日期（{date}）时不适用"
UNVERIFIED_PART = "{citation}：{reason}"
NOTICES_HEADING = "起草提示"
LLM_HEADING = "模型起草稿（{model}，仅供参考，引用已核对）"

# --- legal basis --------------------------------------------------------------------------

REASON_TAXONOMY = (
    "案情反映的{violation}问题（案情中有“{cues}”等表述），属于本条“{sentence}”所规范的情形。"
)
REASON_RETRIEVAL = "案情中“{words}”等表述与本条“{sentence}”的内容相对应，请核对是否适用。"
REASON_LIABILITY = "如查实{violation}{item}，可依本条“{sentence}”追究法律责任。"
REASON_ITEM = "（属本条所列“{item}”情形）"
VIOLATION_FALLBACK = "上述行为"

# --- problems, reason, evidence -----------------------------------------------------------

# Papers go to the business: the problem is named with the case's own sentence, never with
# the recogniser's cue words.
PROBLEM_VIOLATION = "涉嫌存在{violation}问题"
PROBLEM_VIOLATION_FACT = "涉嫌存在{violation}问题（{fact}）"
REASON_DEFAULT = "你单位在经营活动中涉嫌存在{problems}等问题，{scale}"
REASON_SCALE_COMPLAINTS = "消费者投诉较为集中（{count}件）"
REASON_SCALE_DEFAULT = "侵害或者可能侵害消费者合法权益"
REASON_GENERIC = "消费者反映的问题"
EVIDENCE_COMPLAINTS = "消费者投诉{count}件（投诉举报平台记录）"
EVIDENCE_AMOUNT = "涉及金额约{amount}"
DEFAULT_MATERIALS = (
    "营业执照副本复印件（加盖公章）",
    "法定代表人（负责人）身份证明；委托他人参加的，提供授权委托书及受托人身份证件",
    "与约谈事项有关的经营记录、合同（格式条款）、宣传材料",
    "消费者投诉的处理记录（退款、赔偿等凭证）",
    "内部管理制度及消费纠纷处理制度文本",
)

# --- rectification ---------------------------------------------------------------------------

ACTION_STOP_VIOLATION = "立即纠正{violation}方面的违法行为，全面自查同类问题并纠正"
ACTION_PROHIBITION = "立即停止并纠正以下行为：{clause}"
ACTION_REFUND = "对已投诉和未投诉的相关消费者逐一排查，依法履行：{clause}"
ACTION_ESTABLISH = "建立健全相关内部管理制度，落实：{clause}"
ACTION_DISCLOSE = "依法如实公示、告知：{clause}"
ACTION_DUTY = "严格履行法定义务：{clause}"
ACTION_RIGHT = "保障消费者依法享有的权利：{clause}"
ACTION_COMPLAINTS = "妥善处理已受理的{count}件消费者投诉，逐件回复处理结果，依法退款或者赔偿"
ACTION_MECHANISM = "完善消费纠纷处理机制，明确投诉处理责任人、处理时限和流程"
REPORT_ITEMS = "逐项说明上述{count}项整改事项的落实情况及证明材料"
REPORT_COMPLAINTS = "已受理的{count}件投诉的处理结果清单（退款、赔偿金额及消费者确认情况）"

# --- outline --------------------------------------------------------------------------------

OUTLINE_PURPOSE = (
    "通过行政约谈，督促你单位及时停止和纠正不当行为，诚信守法经营，切实维护消费者合法权益。"
)
OUTLINE_LAW = "宣讲{citation}：{sentence}"
OUTLINE_CAUSE = (
    "剖析问题产生的原因（内部管理、制度执行、员工培训等）及其对消费者和市场秩序造成的危害。"
)
OUTLINE_DEADLINE = "确定整改期限：{deadline}前递交整改报告。"
QUESTION_CUE = "消费者反映的{cue}方面的问题是否属实？具体是怎么发生的？涉及多少消费者、多少金额？"
QUESTION_OBLIGATION = "对“{sentence}”的规定，你单位目前是如何落实的？"
QUESTION_COMPLAINTS = "已收到的{count}件投诉目前处理了多少件？未处理的准备如何处理？"
QUESTION_COMMIT = "你单位能否在{deadline}前完成整改并作出书面承诺？"
QUESTION_DEADLINE_DEFAULT = "约谈后15个工作日"

# --- consumer notice (collective interviews) ------------------------------------------------

ALERT_TITLE = "关于{topic}的消费提示"
ALERT_SITUATION = "近期，我局对{count}家经营者就{topic}问题进行了集中行政约谈。{facts}"
ALERT_TIP_LAW = "依照{citation}的规定，{sentence}"
ALERT_TIP_KEEP = "消费时请索要并保存发票、合同、聊天记录等凭证，以便发生纠纷时维护自身权益。"

# --- LLM --------------------------------------------------------------------------------------

LLM_SYSTEM = (
    "你是市场监督管理局消费维权科的法制审核助手，为消费维权行政约谈起草材料。"
    "只能引用下面“可引用的法条”中列出的条文，引用时写明《法律全称》第X条；"
    "不得引用清单以外的任何法律、法规或条号，不得编造条文内容。"
    "如果清单中的条文不足以支持某一结论，请直接写“需补充法律依据”。"
    "用规范的公文语言，简洁、准确。"
)
LLM_HUMAN = (
    "约谈对象：{party}\n管辖地区：{jurisdiction}\n约谈日期：{date}\n\n案情：\n{facts}\n\n"
    "可引用的法条（约谈日期有效的版本）：\n{articles}\n\n"
    "请起草：一、法律依据分析（逐条说明为什么适用）；二、整改意见（每项注明依据）。"
)
LLM_ARTICLE = "{citation}（{version}版）：{text}"
LLM_UNAVAILABLE = (
    "无法连接大模型服务（{url}）：{reason}。已使用离线起草结果；如需模型起草，请检查 "
    "YTT_LLM_URL、YTT_LLM_MODEL、YTT_LLM_KEY 配置和网络。"
)

# --- command line -------------------------------------------------------------------------

DATE_CONFLICT = (
    "指定的约谈日期 {given} 与案件文件中的约谈时间 {planned} 不一致。"
    "请去掉 --date（按案件文件的约谈时间起草），或改正其中之一后重试。"
)
CLI_DONE = "已生成 {count} 个文件：{out}"
CLI_NOTICE = "提示：{text}"
CLI_BAD_DATE = "约谈日期“{value}”无法识别，请写成 2000—2099 年间的 YYYY-MM-DD，如 2026-03-05。"
CLI_OUT_NOT_EMPTY = (
    "输出目录“{out}”中已有起草文件（{files}等），为免覆盖人工修改，未写入。"
    "请换一个空目录，或确认后加 --overwrite 覆盖。"
)
CLI_BAD_OUT = "无法写入输出目录“{out}”：{reason}。请检查路径和写入权限。"
