"""Fixed Chinese wording of the papers, kept apart from the layout code.

Sentences that come from the regulation's annexes follow their wording; the
placeholders in braces are filled with str.format by the paper templates.
"""

from __future__ import annotations

BLANK = "________"
BLANK_LONG = "________________________________"
BLANK_DATE = "____年__月__日"
BLANK_TIME = "____年__月__日__时__分"
BLANK_HOUR = "__时__分"
BLANK_DOC_NUMBER = "________〔____〕____号"
LIST_SEPARATOR = "、"

TITLES = {
    "notice": "消费维权行政约谈通知书",
    "record": "消费维权行政约谈记录",
    "approval": "消费维权行政约谈审批表",
    "rectification_notice": "整改通知书",
    "consumer_alert": "消费提示",
    "legal_basis": "法律依据",
    "rectification": "整改意见",
    "outline": "约谈提纲",
    "plan": "约谈方案",
}
RECTIFICATION_NOTICE_TITLES = {"责令": "责令整改通知书", "建议": "整改建议书"}
ALERT_TITLES = {"提示": "消费提示", "警示": "消费警示"}
DEFAULT_BUREAU = "________市场监督管理局"

# 约谈通知书 and its 回执 (annex 1).
NOTICE_SALUTATION = "{party}："
NOTICE_SALUTATION_CODE = "{party}（统一社会信用代码：{code}）："
NOTICE_BODY = (
    "因{reason}，请你单位负责人于{time}到{place}参加我局组织的行政约谈，沟通整改有关事宜。"
)
NOTICE_MATERIALS = "面谈时，请携带下列资料："
NOTICE_CLOSING = "特此通知。"
NOTICE_PLACE = "约谈地点：{value}"
NOTICE_CONTACT = "联 系 人：{value}"
NOTICE_PHONE = "联系电话：{value}"
SEAL = "（单位印章）"
RECEIPT_TITLE = "回　执"
RECEIPT_SALUTATION = "{bureau}："
RECEIPT_BODY = (
    "你单位传真/邮寄/送达我单位的《消费维权行政约谈通知书》{number}收悉。我单位将按时参加行政约谈。"
)
RECEIPT_NAME = "单位名称：{value}"
RECEIPT_CONTACT = "联 系 人：{value}"
RECEIPT_RECIPIENT = "收 件 人：{value}"
RECEIPT_PHONE = "联系电话：{value}"
RECEIPT_SEAL = "（公章）"

# 约谈记录 (annex 2).
RECORD_TIME = "时间：{start}至{end}"
RECORD_PLACE = "地点：{value}"
RECORD_INTERVIEWERS = "约谈人姓名：{value}"
RECORD_INVITED = "受邀代表姓名及单位：{value}"
RECORD_PARTY = "约谈对象单位名称：{value}"
RECORD_PERSON = "约谈对象姓名：{name}；性别：{gender}；民族：{ethnicity}"
RECORD_PERSON_ID = "身份证（其他有效证件）号：{id_number}；联系电话：{phone}"
RECORD_RECORDER = "记录人：{value}"
RECORD_CONTENT = "约 谈 内 容"
RECORD_SAID = "约谈情况："
RECORD_STATEMENT = "约谈对象陈述及承诺："
RECORD_GUIDANCE = "整改意见："
RECORD_SIGNATURES = (
    "约谈人（签字）：",
    "受邀代表（签字）：",
    "约谈对象（签字）：",
    "记录人（签字）：",
)

# 审批表 (annex 3).
APPROVAL_PARTY = "约谈对象"
APPROVAL_DEPARTMENT = "业务处（科）室"
APPROVAL_INVITED = "受邀单位（人员）"
APPROVAL_TIME = "约谈时间"
APPROVAL_PLACE = "约谈地点"
APPROVAL_REASON = "约谈事由"
APPROVAL_APPLICANT = "申请人：{value}"
APPROVAL_DEPARTMENT_HEAD = "业务处（科）室负责人：{value}"
APPROVAL_LEADER = "局领导审批意见"
APPROVAL_CHIEF = "主要领导审批意见"
APPROVAL_SIGN = "签字：{value}"
APPROVAL_SIGNED = "{name}（意见：{opinion}）"

# 整改通知书.
RECTIFY_INTRO_DATED = "{date}，我局对你单位进行了消费维权行政约谈。经查，你单位存在以下问题："
RECTIFY_INTRO = "经查，你单位存在以下问题："
RECTIFY_OBLIGATIONS = "上述行为不符合下列规定："
RECTIFY_LIABILITIES = "违反上述规定的，依照下列规定承担法律责任："
RECTIFY_DEMAND = {
    "责令": "现责令你单位对上述问题进行整改，具体要求如下：",
    "建议": "现建议你单位对上述问题进行整改，具体如下：",
}
RECTIFY_DEADLINE = "请你单位于{deadline}完成整改，并向我局书面递交整改报告。整改报告应当包括："
RECTIFY_WARNING = (
    "无正当理由不落实整改措施、不履行法定义务的，我局将把你单位列为监管重点，"
    "对查实的违法行为依法给予行政处罚，并依法公示。"
)
CONTACT_LINE = "联系人：{name}　联系电话：{phone}"
DEFAULT_REPORT_REQUIREMENTS = (
    "对约谈指出问题的自查自纠情况；",
    "整改方案及已经落实的整改措施；",
    "涉及消费者的投诉、退款、赔偿等处理结果；",
    "建立或者完善的内部管理制度和消费纠纷处理机制；",
    "相关证明材料。",
)

# 消费提示/警示.
ALERT_SITUATION = "一、基本情况"
ALERT_TIPS = "二、{kind}内容"
ALERT_LAW = "三、相关法律规定"
ALERT_CHANNEL = "四、维权渠道"
ALERT_CHANNEL_TEXT = (
    "消费者合法权益受到侵害的，可以拨打{hotline}热线，"
    "或者登录全国12315平台（www.12315.cn）投诉举报。"
)

# Drafts: 法律依据 and 整改意见.
DRAFT_PARTY = "约谈对象：{value}"
DRAFT_REASON = "约谈事由：{value}"
DRAFT_DATE = "约谈日期：{value}"
BASIS_OBLIGATIONS = "违反的义务性规定"
BASIS_LIABILITIES = "可能承担的法律责任"
BASIS_NONE = "（暂无条文，请检索后补充。）"
BASIS_VERSION = "版本：{version}　效力：{status}"
BASIS_REASON = "适用理由：{value}"
VERSION_DATED = "{date}版"
RECTIFICATION_PROBLEMS = "存在的问题"
RECTIFICATION_ITEMS = "整改事项"
RECTIFICATION_ITEM_BASIS = "{action}（依据：{basis}）"
RECTIFICATION_DEADLINE = "整改期限"
RECTIFICATION_DEADLINE_TEXT = (
    "约谈结束后15个工作日内，即{deadline}，制定整改方案、自查自纠、落实整改措施，"
    "并向我局递交整改报告。"
)
RECTIFICATION_REPORT = "整改报告应当包括的内容"

PROVENANCE = "附：生成依据"

# 约谈提纲: the five contents of 第十条, in order.
OUTLINE_SECTIONS = (
    "通报行政约谈原由和目的",
    "听取约谈对象对通报问题的陈述和承诺",
    "宣传法律法规，剖析问题原因和危害，确定整改内容、措施和期限",
    "指导加强内部管理、制度建设和消费纠纷处理机制",
    "其他需要约谈和告知的内容",
)
OUTLINE_POINTS = "通报要点"
OUTLINE_QUESTIONS = "拟询问问题"
OUTLINE_TIME_PLACE = "约谈时间、地点：{time}，{place}"
OUTLINE_LAW_POINT = "宣讲{reference}的规定。"
OUTLINE_ITEM_POINT = "整改要求：{item}"
OUTLINE_DEADLINE = "整改期限：{deadline}递交整改报告。"
OUTLINE_DEFAULT_QUESTIONS = (
    (),
    (
        "对通报的问题是否属实，有无异议？请说明具体情况。",
        "问题产生的原因是什么？涉及多少消费者、多少金额？",
        "对已发生的消费者投诉采取了哪些处理措施？",
        "准备采取哪些整改措施？能否作出书面承诺？",
    ),
    ("对整改内容、措施和期限有无异议？",),
    (
        "内部是否建立了商品服务质量、价格、广告等管理制度？",
        "消费纠纷由谁负责处理？处理时限和流程是怎样的？",
    ),
    (),
)
OUTLINE_DEFAULT_POINTS = (
    (),
    (),
    (),
    (
        "指导约谈对象完善内部管理制度，提高守法经营意识。",
        "指导约谈对象完善消费纠纷处理机制，落实长效管理机制，杜绝类似行为发生。",
    ),
    ("告知约谈对象：约谈记录将存档；无正当理由不落实整改措施的，将被列为监管重点。",),
)

# 约谈方案: the eight items of 第十一条（二）, in order.
PLAN_SECTIONS = (
    "约谈对象基本信息",
    "约谈的事项（内容）",
    "核查情况和相关证据",
    "约谈中涉及的相关法律法规依据",
    "约谈的时间、地点",
    "主约谈人及参加人员",
    "约谈对象应提供的相关材料（证据）",
    "拟提出的行政建议或意见",
)
PLAN_PARTY_FIELDS_KEYS = ("name", "credit_code", "legal_rep", "address", "industry")
PLAN_PARTY_FIELDS = (
    "单位名称：{name}",
    "统一社会信用代码：{credit_code}",
    "法定代表人（负责人）：{legal_rep}",
    "住所（经营场所）：{address}",
    "所属行业：{industry}",
)
PLAN_TIME = "时间：{value}"
PLAN_PLACE = "地点：{value}"
PLAN_MAIN = "主约谈人：{value}"
PLAN_OTHERS = "参加人员：{value}"
PLAN_RECORDER = "记录人：{value}"
PLAN_INVITED = "受邀代表：{value}"
PLAN_FACTS = "核查情况：{value}"
PLAN_EVIDENCE = "相关证据："

# Errors shown to users (what happened, what to do next).
ERRORS = {
    "unknown_kind": "不支持的文书类型“{kind}”。可选类型：{choices}。",
    "doc_number": (
        "发文字号“{text}”格式不正确，应为“机关代字〔年份〕序号号”，如“乌市监约〔2026〕3号”。"
    ),
    "schedule": "约谈结束时间（{end}）早于开始时间（{start}），请核对约谈时间。",
    "deadline": "整改期限（{deadline}）早于约谈日期（{start}），请重新计算整改期限。",
    "citation": "引用的法条缺少法律名称或条号（{reference}），请补充后再生成文书。",
    "mode": "整改方式“{mode}”无效，应为“责令”或“建议”。",
    "write": "无法写入文件“{path}”：{reason}。请检查目录是否存在、是否有写入权限。",
}
