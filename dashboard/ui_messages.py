"""Chinese texts of the Streamlit pages, keyed by stable ids (domain texts stay in
``dashboard.messages``). ``t(id, **params)`` fills named placeholders."""

from __future__ import annotations

TEXTS = {
    "app.title": "约谈通 · 消费维权行政约谈工作台",
    "nav.work": "业务办理",
    "nav.knowledge": "法规与培训",
    "nav.admin": "系统管理",
    "page.overview": "总览",
    "page.cases": "案件",
    "page.drafting": "起草",
    "page.laws": "法规",
    "page.training": "培训",
    "page.users": "用户管理",
    "page.import": "导入案件",
    "app.cannot_start": "无法启动",
    "im.help": (
        "上传 .xlsx 案件表：工作表的第一行为表头，必须有以下列：{columns}；每行一件案件。"
        "所有行都无误才会导入，有错时一行也不导入，并列出每一行的错误，改正后重新上传即可。"
    ),
    "im.file": "案件表（.xlsx）",
    "im.run": "导入",
    "im.again": (
        "该文件已导入，无需再次导入；可到“案件”页面查看。如需导入其他案件，请上传新的文件。"
    ),
    # sign-in and first run
    "auth.password_was_reset": "您的密码已由管理员重新设置，请用新密码重新登录。",
    "auth.heading": "登录",
    "auth.username": "用户名",
    "auth.password": "密码",
    "auth.submit": "登录",
    "auth.signed_in_as": "{name}（{role}，{place}）",
    "auth.sign_out": "退出登录",
    "auth.first_run": "首次使用：请设置系统管理员的密码（至少10位，须包含字母和数字）。",
    "auth.confirm": "再次输入密码",
    "auth.create_admin": "创建管理员并登录",
    "auth.mismatch": "两次输入的密码不一致，请重新输入。",
    "auth.admin_created": "管理员账户“{username}”已创建。",
    # law index status
    "law.loading": "法规索引加载中，可先办理其他工作；加载完成后即可检索和起草。",
    "law.building": "首次使用，正在建立法规索引（{stage}：{done}/{total}）……",
    "law.dense_building": (
        "语义检索索引正在后台建立（{stage}：{done}/{total}），当前使用关键词检索。"
    ),
    "law.ready": "法规索引已就绪：{articles} 条条文{dense}",
    "law.dense_on": "（含语义检索）",
    "law.dense_off": "（关键词检索）",
    "law.failed": "法规索引不可用：{reason}",
    "law.refresh": "刷新状态",
    # scope
    "scope.label": "辖区范围",
    "scope.up": "返回上一级",
    "scope.drill": "下钻到",
    "scope.all": "（全部）",
    # overview
    "ov.period": "统计期间",
    "ov.kpi.opened": "新登记约谈",
    "ov.kpi.in_progress": "办理中",
    "ov.kpi.rectified": "已整改",
    "ov.kpi.overdue": "逾期未报整改报告（本期登记）",
    "ov.kpi.rate": "整改率",
    "ov.kpi.penalty": "转立案处罚",
    "ov.by_division": "按辖区分布",
    "ov.by_category": "按问题类别",
    "ov.by_industry": "按行业",
    "ov.by_state": "按办理环节",
    "ov.monthly": "月度趋势（同比、环比）",
    "ov.overdue": "整改报告逾期（全部在办）",
    "ov.lists_scope": (
        "名单包括当前辖区内所有在办案件，不限统计期间；上方指标只统计在统计期间内登记的案件。"
    ),
    "ov.no_stations": (
        "该县区尚未登记市场监管所，案件均由县区局直接办理，暂无下级分布。"
        "管理员可在「用户管理」页面登记市场监管所。"
    ),
    "ov.county_itself": "（县区局直接办理）",
    "ov.month_partial": "（截至{day}日，未满月）",
    "ov.partial_marker": "未满月",
    "ov.partial_note": "本月尚未结束",
    "ov.partial_month": "最后一个月份截至今天（{day}日），数据不完整，同比、环比仅供参考。",
    "ov.demo_manage": "演示数据管理",
    "ov.demo_remove_hint": "数据库中有 {count} 件演示案件、{real} 件真实案件。删除只影响演示案件。",
    "ov.demo_remove_confirm": "我确认删除全部演示案件",
    "ov.demo_remove": "删除演示数据",
    "ov.demo_removed": "已删除 {count} 件演示案件。",
    "ov.due_soon": "整改报告即将到期",
    "ov.common": "跨辖区共性问题（建议发布消费提示/警示）",
    "ov.common_none": "本期暂无在多个辖区集中出现的问题类别。",
    "ov.issue_alert": "发布{kind}",
    "ov.alert_issued": "已发布{kind}：“{title}”。",
    "ov.export_hint": "每个图表右上角的工具栏可下载 PNG 图片（离线可用）；表格可下载为 Excel。",
    "ov.download_excel": "下载表格（Excel）",
    "ov.empty": "当前辖区内还没有约谈案件。",
    "ov.demo_offer": "数据库为空：可以先载入一批标注为“演示数据”的合成案件，试用各项统计功能。",
    "ov.demo_count": "演示案件数量",
    "ov.demo_count_range": "演示案件数量应在 100 至 20000 之间，请修改后再写入。",
    "ov.demo_load": "载入演示数据",
    "ov.demo_progress": "正在写入演示数据：{done}/{total}",
    "ov.demo_done": "已写入 {count} 件演示案件。",
    "ov.demo_banner": (
        "注意：当前辖区共有 {count} 件【演示数据】（合成案件，并非真实办案数据，不限统计期间），"
        "其中 {in_period} 件在统计期间内登记、计入下方统计。"
    ),
    "ov.no_permission": "您的角色不查看统计总览，请使用左侧的其他页面。",
    "ov.col.division": "辖区",
    "ov.col.category": "问题类别",
    "ov.col.industry": "行业",
    "ov.col.state": "环节",
    "ov.col.count": "案件数",
    "ov.col.month": "月份",
    "ov.col.last_month": "上月",
    "ov.col.last_year": "上年同月",
    "ov.col.mom": "环比",
    "ov.col.yoy": "同比",
    "ov.col.divisions": "涉及辖区数",
    "ov.col.suggest": "建议",
    "ov.unknown": "（未填写）",
    # worklists
    "wl.heading": "待我处理",
    "wl.none": "目前没有等待您处理的案件。",
    "wl.more": "仅显示前 {shown} 件（共 {total} 件），其余可在“案件”页面按环节筛选查看。",
    # case list and form
    "cs.filters": "筛选",
    "cs.search": "搜索（编号、事项或约谈对象）",
    "cs.states": "环节",
    "cs.category": "问题类别",
    "cs.trigger": "约谈情形",
    "cs.major_only": "仅重大问题",
    "cs.from": "登记日期自",
    "cs.to": "至",
    "cs.page": "页码",
    "cs.total": "共 {total} 件，第 {page}/{pages} 页",
    "cs.page_clamped": "页码应在 1 至 {pages} 之间，已显示第 {page} 页。",
    "cs.open": "打开案件",
    "cs.open_button": "查看",
    "cs.export": "导出当前筛选结果（Excel）",
    "cs.new": "登记新约谈事项",
    "cs.none": "没有符合条件的案件。",
    "cs.col.case_no": "编号",
    "cs.col.title": "约谈事项",
    "cs.col.state": "环节",
    "cs.col.place": "辖区",
    "cs.col.parties": "约谈对象",
    "cs.col.category": "问题类别",
    "cs.col.opened": "登记日期",
    "cs.col.due": "整改期限",
    "cs.col.days_left": "剩余天数",
    "form.title": "约谈事项",
    "form.jurisdiction": "辖区",
    "form.unit": "承办处（科）室或所",
    "form.trigger": "约谈情形",
    "form.category": "问题类别",
    "form.industry": "行业",
    "form.industry_pick": "请选择（12315 服务大类）",
    "form.goods": "商品或服务类别",
    "form.reason": "约谈事由",
    "form.facts": "核查情况（事实）",
    "form.complaints": "投诉数量",
    "form.amount": "涉及金额（元）",
    "form.major": "涉及重大问题",
    "form.collective": "共性问题集中约谈（多个约谈对象）",
    "form.party": "约谈对象 {n}",
    "form.party_name": "名称",
    "form.credit_code": "统一社会信用代码",
    "form.complaints_help": "不小于0的整数，最多1000000件",
    "form.credit_code_help": "18位；无照经营等没有代码的，可不填",
    "form.legal_rep": "法定代表人（负责人）",
    "form.address": "地址",
    "form.confirm_duplicate": "确认再次约谈同一事项（将记入审计记录）",
    "form.submit": "登记",
    "form.created": "已登记：{case_no}",
    "form.no_permission": "您的角色不能登记约谈事项。",
    # case page
    "cp.back": "返回列表",
    "cp.state": "当前环节",
    "cp.demo": "本案件为【演示数据】（合成案件）。",
    "cp.parties": "约谈对象",
    "cp.facts": "核查情况",
    "cp.deadline": "整改报告期限：{due}（{left}）",
    "cp.days_left": "还剩 {days} 天",
    "cp.days_over": "已逾期 {days} 天",
    "cp.due_today": "今天到期",
    "cp.unverified": "，日期{flag}：节假日数据未覆盖，请人工核对",
    "cp.no_deadline": "约谈完成后自动计算整改报告期限（15个工作日）。",
    "cp.report_received": "整改报告期限：{due}；整改报告收到日期：{received}（{late}）",
    "cp.report_late": "逾期 {days} 天提交",
    "cp.report_on_time": "按期提交",
    "cp.step_date.report_received_on": "整改报告收到日期（不早于约谈日期，不晚于今天）",
    "cp.next_steps": "下一步",
    "cp.no_steps": "当前环节没有您可以执行的操作。",
    "cp.no_steps_but_form": (
        "您不能推进到下一环节；可在下面“办理本环节”中填写本环节由您负责的内容（如签署审批意见）。"
    ),
    "cp.major": "**涉及重大问题**：{flag}",
    "cp.major_yes": "是（须报主要领导批准，主约谈人应为局领导或其指定人员）",
    "cp.major_no": "否",
    "cp.comment": "意见或理由",
    "cp.comment_needed": "（需填写意见）",
    "cp.done": "已执行：{action}。",
    "cp.timeline": "办理记录",
    "cp.papers": "文书",
    "cp.paper_download": "下载{title}（DOCX）",
    "cp.paper_download_party": "下载{title}：{party}（DOCX）",
    "cp.paper_party": "通知书和整改文书送达对象",
    "cp.paper_party_hint": (
        "本案有 {count} 个约谈对象：通知书和整改文书每个对象一份，请选择对象后下载，"
        "或下载 ZIP 一次取得全部；审批表和约谈记录列出全部约谈对象。"
    ),
    "cp.papers_zip": "下载全部 {count} 个约谈对象的通知书和整改文书（ZIP）",
    "cp.paper_preview": "预览{title}",
    "cp.steps_form": "办理本环节",
    "cp.approval": "审批意见",
    "cp.approval_step": "审批栏目",
    "cp.approval_opinion": "意见",
    "cp.approval_save": "签署意见",
    "cp.approval_unsigned": "（未签署）",
    "cp.approval_signed_by": "{step}（已由{name}签署）",
    "cp.plan_save": "保存约谈方案",
    "cp.plan_fill": "从起草结果填入",
    "cp.plan_fill_none": (
        "尚无起草结果：在“起草”页面运行起草助手并保存到案件后，可一键填入方案八项内容。"
    ),
    "cp.planned_day": "计划约谈日期",
    "cp.planned_time": "计划约谈时间",
    "cp.planned_place": "计划约谈地点",
    "cp.time_place_text": "时间：{when}\n地点：{place}",
    "cp.schedule_line": "**约谈时间、地点**：{when}　{place}",
    "cp.party_line": "**约谈对象**：{name}　统一社会信用代码：{code}　法定代表人（负责人）：{rep}",
    "cp.figures": "**投诉数量**：{count} 件　**涉及金额**：{amount} 元　**行业**：{industry}　"
    "**商品或服务类别**：{goods}",
    "cp.papers_from.saved": ("文书中的问题、法律依据、整改事项和期限取自保存到本案件的起草结果。"),
    "cp.papers_from.session": (
        "文书中的问题、法律依据和整改事项取自本次起草结果（尚未保存到案件）。"
    ),
    "cp.papers_from.none": (
        "尚未起草：文书中的问题、法律依据和整改事项为空白。请在“起草”页面运行起草助手并保存到案件。"
    ),
    "cp.rectification_mode": "整改文书",
    "cp.person_edit": "修改",
    "cp.person_remove": "删除",
    "cp.person_update": "保存修改",
    "cp.notice_date": "告知日期",
    "cp.notice_method": "告知方式",
    "cp.notice_written": "书面通知书",
    "cp.notice_phone": "电话",
    "cp.receipt_date": "回执收到日期（可不填）",
    "cp.notice_save": "保存告知情况",
    "cp.interview_ahead": (
        "计划约谈时间为 {when}，尚未到达。约谈进行后再按实际填写约谈开始时间并确认约谈记录；"
        "如约谈已改期，请在下面修改计划约谈时间。"
    ),
    "cp.reschedule_save": "修改计划约谈时间、地点",
    "cp.record_time": "约谈开始时间",
    "cp.record_end": "约谈结束时间",
    "cp.record_place": "约谈地点",
    "cp.record_save": "保存约谈时间地点",
    "cp.person_kind": "人员类别",
    "cp.person_name": "姓名",
    "cp.person_unit": "单位",
    "cp.person_main": "主约谈人",
    "cp.person_leader": "局领导或其指定人员",
    "cp.person_add": "添加人员",
    "cp.person_sign": "签字确认",
    "cp.signed": "已签字",
    "cp.recused_because": "**已回避**：{reason}",
    "cp.person_recuse": "回避",
    "cp.recuse_hint": (
        "{name} 与约谈对象有直接利害关系的，应当回避（制度第七条）。回避后仍留在约谈记录中，"
        "不计入约谈人员；请填写理由后确认，并另行添加约谈人员"
    ),
    "cp.recuse_reason": "回避理由（必填）",
    "cp.recuse_save": "确认回避",
    "cp.record_content": "约谈情况（通报的问题、宣传的法规、提出的整改要求）",
    "cp.record_content_help": (
        "如：约谈人通报了本辖区预付式消费投诉集中的情况，宣读了《消费者权益保护法》第五十三条，"
        "要求……"
    ),
    "cp.record_statement": "约谈对象陈述及承诺",
    "cp.record_statement_help": (
        "如：该公司负责人陈述停业原因……，承诺于……前退还预付款并书面报告整改情况。"
    ),
    "cp.record_content_save": "保存约谈内容",
    "cp.record_content_hint": "这两项写入约谈记录的“约谈内容”；未填写时记录中留空行供手写。",
    "cp.guidance": "约谈指导意见（对所有约谈对象相同）",
    "cp.guidance_save": "保存指导意见",
    "cp.close_record": "约谈记录签字确认完毕",
    "cp.record_problems": "约谈记录尚缺：{items}",
    "cp.saved": "已保存。",
    "ce.title": "编辑案件信息",
    "ce.hint": (
        "登记时漏填或填错的，可在此改正（约谈对象的名称、统一社会信用代码等在下方"
        "“修改约谈对象信息”中改正）；只保存改动过的项目，并记入办理记录"
    ),
    "ce.save": "保存案件信息",
    "ce.party_title": "修改约谈对象信息",
    "ce.party_hint": (
        "补填或改正约谈对象的统一社会信用代码、名称等；保存时同样核验代码，"
        "并检查是否与其他案件为同一事项"
    ),
    "ce.party_pick": "约谈对象",
    "ce.party_save": "保存约谈对象信息",
    "ce.unchanged": "没有改动任何项目，无需保存；请修改需要改正的项目后再保存。",
    "cp.stale": "该案件已被他人修改，请刷新后重新填写（刷新显示最新内容，未保存的填写会清除）。",
    "cp.refresh": "刷新",
    "cp.audit_create": "登记",
    "cp.audit_unknown_user": "（未知用户）",
    # drafting
    "dr.pick": "选择案件",
    "dr.no_cases": "您的辖区内还没有案件，请先在“案件”页面登记。",
    "dr.no_match": (
        "没有与“{search}”相符的案件。请换用案件编号、约谈事项或约谈对象名称中的字词，"
        "或清空搜索框查看全部案件。"
    ),
    "dr.date": "约谈日期（用于确定适用的法律版本和整改期限）",
    "dr.date_unplanned": (
        "尚未确定约谈时间：请在案件页面的约谈方案中填写计划约谈时间；暂按今天起草。"
    ),
    "dr.date_unplanned.registered": (
        "尚未确定约谈时间：案件还在登记环节，请先在案件页面提交审批；审批通过后，在约谈方案中"
        "填写计划约谈时间。暂按今天起草。"
    ),
    "dr.date_unplanned.approval": (
        "尚未确定约谈时间：案件正在审批，审批通过后在案件页面的约谈方案中填写计划约谈时间。"
        "暂按今天起草。"
    ),
    "dr.run": "运行起草助手",
    "dr.running": "正在检索法规并起草……",
    "dr.needs_index": "起草需要法规索引。",
    "dr.basis": "法律依据",
    "dr.obligation": "违反的义务性规定",
    "dr.liability": "可能承担的法律责任",
    "dr.version": "版本：{date}　效力：{status}",
    "dr.reason": "适用理由：{reason}",
    "dr.other_versions": "其他版本",
    "dr.edit": "编辑草稿",
    "dr.save": "保存到案件",
    "dr.saved": "草稿已保存到案件 {case_no}（{count} 份）。",
    "dr.saved_at": (
        "编辑区显示案件中已保存的草稿（{at}），上方法律依据是刚才按最新法规库生成的；"
        "如要改用新生成的起草稿，请点击下面的按钮。"
    ),
    "dr.use_new": "改用新生成的起草稿（保存前不影响案件中的草稿）",
    "dr.saved_replaced": (
        "编辑区显示刚生成的起草稿；案件中仍保存着 {at} 的版本，点击“保存到案件”才会替换它。"
    ),
    "dr.check": "核对引用",
    "dr.unresolved": "以下引用未能在法规库中核实，请修改或删除后再使用：",
    "dr.all_resolved": "草稿中的 {count} 处引用均已在法规库中核实。",
    "dr.download_draft": "下载{title}（DOCX）",
    "dr.papers": "正式文书",
    "dr.notices": "起草提示",
    "dr.save_confirm": "我已核对，仍要保存（草稿中有未能核实的引用）",
    "dr.save_confirm_needed": (
        "草稿中有未能在法规库中核实的引用，尚未保存。请修改或删除这些引用；"
        "确需保留的，勾选“我已核对，仍要保存”后再保存。"
    ),
    "dr.no_permission_save": "您的角色不能修改案件草稿，可下载后交承办人员处理。",
    "dr.input_error": "无法起草：{reason}",
    "dr.input_missing": "请先在「案件」页补充{fields}，再运行起草助手。",
    "dr.need.party": "约谈对象名称",
    "dr.need.jurisdiction": "辖区",
    "dr.need.facts": "案情（至少一两句完整的话，写明经营者做了什么、何时发生、投诉数量或涉及金额）",
    "dr.need.conduct": "案情中经营者的具体行为（如拒绝退款、虚假宣传）",
    "dr.need.scale": "案情中的发生时间、投诉数量或涉及金额",
    # laws
    "lw.search": "检索",
    "lw.browse": "按章节浏览",
    "lw.article": "条文与版本",
    "lw.import": "导入法规文件",
    "lw.empty_query": "请输入问题、案情或法条引用（如“消保法第25条”）后再检索。",
    "lw.query": "检索内容（可输入案情描述或法条，如“消保法第25条”）",
    "lw.mode": "检索方式",
    "lw.mode.hybrid": "混合检索",
    "lw.mode.bm25": "关键词",
    "lw.mode.dense": "语义",
    "lw.law": "限定法规名称",
    "lw.level": "效力级别",
    "lw.status": "时效性",
    "lw.region": "地区（地方性法规）",
    "lw.any": "不限",
    "lw.count": "结果数",
    "lw.go": "检索",
    "lw.no_hits": "没有找到相关条文，请换个说法再试。",
    "lw.dense_off": "语义检索尚未就绪，本次结果仅来自关键词检索。",
    "lw.hit_violation": "（识别到的违法类型：{name}）",
    "lw.citation_absent": "{reason}以下为按文字检索的结果。",
    "lw.hit_topic": "（识别到的法律问题：{name}）",
    "lw.pick_law": "选择法规",
    "lw.pick_version": "版本",
    "lw.chapter_none": "（无章节）",
    "lw.article_no": "条号",
    "lw.article_no_positive": (
        "条号应为大于 0 的整数（如 25），“之”应为 0 或正整数（如第一百三十三条之一填 133 和 1），"
        "请修改后再查询。"
    ),
    "lw.article_suffix": "之",
    "lw.article_suffix_help": (
        "查询“之一”“之二”条时填 1、2（如刑法第一百三十三条之一：条号 133，之 1）；普通条文填 0。"
    ),
    "lw.law_required": "请填写法规名称（如 消费者权益保护法），再查询条文。",
    "lw.lookup": "查看",
    "lw.version_line": "{date} 版（{status}）",
    "lw.date_unknown": "日期不详",
    "lw.version_undated": "日期不详（{status}）",
    "lw.not_in_version": "该版本中没有此条。",
    "lw.upload": "选择文件（PDF、DOCX、Markdown、TXT，可多选）",
    "lw.import_go": "导入并重建索引",
    "lw.import_stage": "{stage}：{done}/{total}",
    "lw.import_done": (
        "导入完成：{imported} 个文件已编入索引，{refused} 个被拒绝，{duplicates} 个重复。"
    ),
    "lw.imported": "已编入索引",
    "lw.refused": "未导入",
    "lw.duplicates": "与已有文件或版本重复，未重复保存",
    "lw.pending": "已保存，等待编入索引",
    "lw.pending_note": (
        "另一次索引构建正在进行：{count} 个文件已保存，将在该次构建结束后自动编入索引，"
        "无需重新上传。稍后刷新本页即可检索。"
    ),
    "lw.import_denied": "您的角色不能导入法规文件，请联系管理员。",
    "lw.stage.import": "读取文件",
    "lw.stage.bm25": "关键词索引",
    "lw.stage.embed": "语义向量",
    "lw.stage.dense": "语义索引",
    # training
    "tr.steps": "办理流程",
    "tr.practice": "案例练习",
    "tr.quiz": "测验",
    "tr.article_hint": (
        "（制度原文尚未导入法规库。请在“法规”页面导入《消费维权行政约谈制度》后即可在此查看原文。）"
    ),
    "tr.papers": "本环节文书：{papers}",
    "tr.no_papers": "本环节不产生正式文书",
    "tr.state": "系统中的环节：{state}",
    "tr.practice_case": "练习案情",
    "tr.practice_answer": "请写出您认为适用的法律依据（写明《法规名称》第…条）和整改意见",
    "tr.compare": "与起草助手的草稿对照",
    "tr.matched": "您引用了助手选用条文中的 {hit}/{total} 条。",
    "tr.missed": "助手还引用了：",
    "tr.extra_unresolved": "您的答案中有未能核实的引用：",
    "tr.submit_quiz": "交卷",
    "tr.score": "得分：{score}/{total}",
    "tr.correct": "正确",
    "tr.wrong": "错误，正确答案：{answer}",
    "tr.source": "依据：{source}",
    # users
    "us.list": "用户列表",
    "us.new": "新建用户",
    "us.display_name": "姓名",
    "us.role": "角色",
    "us.principal": "主要领导（可批准重大问题约谈）",
    "us.create": "创建用户",
    "us.pick_place": "请选择该用户所属的辖区",
    "us.created": "用户“{username}”已创建。",
    "us.station_new": "登记市场监管所",
    "us.station_no_county": "您的辖区内没有县区，无法登记市场监管所。",
    "us.station_county": "所属县区",
    "us.station_name": "市场监管所名称",
    "us.station_placeholder": "如：红山市场监管所",
    "us.station_add": "登记",
    "us.station_added": "已在{county}下登记“{name}”，现在可以为它建账号、登记案件。",
    "us.col.username": "用户名",
    "us.col.name": "姓名",
    "us.col.role": "角色",
    "us.col.place": "辖区",
    "us.col.principal": "主要领导",
    "us.col.status": "账号状态",
    "us.yes": "是",
    "us.active": "在用",
    "us.inactive": "已停用",
    "us.username_help": "3至64位，只能用字母、数字或 _ . -；登录时不区分大小写。",
    "us.password_help": "至少10位，须同时包含字母和数字，开头和结尾不能是空格。",
    "us.principal_help": "只对“领导”角色有效：主要领导可批准重大问题约谈。",
    "us.rules": (
        "用户名3至64位（字母、数字或 _ . -）；密码至少10位，须同时包含字母和数字。"
        "创建后请把用户名和初始密码当面告知本人。"
    ),
    "us.edit": "修改用户",
    "us.edit_pick": "选择要修改的用户",
    "us.edit_pick_hint": "选择用户后可修改姓名、角色、辖区，停用账号或重设密码",
    "us.edit_save": "保存修改",
    "us.edit_saved": "用户“{username}”的信息已保存，本人下次操作时生效。",
    "us.deactivate_hint": (
        "停用后该账号不能再登录（已登录的会被退出），办理过的案件记录仍显示其姓名；可随时重新启用。"
    ),
    "us.deactivate": "停用账号",
    "us.deactivated": "用户“{username}”已停用，不能再登录；如需恢复请点“启用账号”。",
    "us.inactive_hint": "该账号已停用，不能登录。启用后可用原密码登录。",
    "us.reactivate": "启用账号",
    "us.reactivated": "用户“{username}”已重新启用，可用原密码登录。",
    "us.reset_heading": "为“{username}”设置新密码",
    "us.new_password": "新密码",
    "us.reset": "设置新密码",
    "us.reset_done": "已为“{username}”设置新密码，请当面告知本人，旧密码不再有效。",
    "us.office": "单位名称（文书抬头和落款）",
    "us.office_hint": (
        "单位名称按辖区层级自动生成（如“乌鲁木齐市天山区市场监督管理局”）。"
        "名称不同时，在下面填写全称并保存；清空后保存即恢复自动生成的名称。"
    ),
    "us.office_place": "辖区",
    "us.office_derived": "自动生成的名称：{name}",
    "us.office_name": "单位全称",
    "us.office_save": "保存单位名称",
    "us.office_saved": "已保存：文书将使用“{name}”。",
    "tl.at": "时间",
    "tl.who": "办理人",
    "tl.action": "操作",
    "tl.states": "环节",
    "tl.comment": "意见",
    "ov.alert_title": "关于{category}问题的{kind}",
    "ov.alert_body": "{divisions}个辖区本期共有{count}件{category}问题约谈事项，请消费者注意防范。",
    "common.error": "操作未完成：{reason}",
    "common.demo": "演示数据",
}


def t(message_id: str, **params) -> str:
    template = TEXTS.get(message_id, message_id)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
