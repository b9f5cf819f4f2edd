"""Command line: ``python -m dashboard deadline|demo-data|bench|init|import-cases``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from assistant.cli_parser import ChineseParser, close_broken_pipe, configure_logging, verbose
from dashboard import messages
from dashboard.errors import DashboardError, ImportFailed, NoAdministrator


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # right form, but e.g. 2026-02-30
            raise argparse.ArgumentTypeError(messages.text("cli.no_such_date", value=text)) from exc
        raise argparse.ArgumentTypeError("日期格式应为 YYYY-MM-DD，例如 2026-09-18") from exc
    if not 2000 <= day.year <= 2099:
        raise argparse.ArgumentTypeError("日期应在 2000—2099 年之间，例如 2026-09-18")
    return day


def cmd_deadline(args) -> None:
    from dashboard import db, workdays

    url = args.db or _calendar_db()
    if not url:
        deadline = workdays.add_workdays(args.date, args.days)
    else:
        engine = db.make_engine(url)
        db.require_schema(engine)  # read only: a new or mistyped database is not set up here
        with db.session_scope(engine) as s:
            deadline = workdays.rectification_deadline(s, args.date, args.days)
    flag = f" {messages.text('deadline.unverified')}" if deadline.unverified else ""
    print(f"{deadline.due.isoformat()}{flag}")
    if deadline.unverified:
        years = sorted({d.year for d in deadline.uncovered})
        print(
            messages.text("deadline.unverified_help", years="、".join(map(str, years))),
            file=sys.stderr,
        )


def _calendar_db() -> str | None:
    """The database whose regional holidays a deadline counts when --db is not given: the
    configured one (YTT_DB_URL), or the dashboard's default file once it exists; None means
    the national calendar alone (no dashboard set up on this machine yet)."""
    from dashboard import settings

    if settings.get("db_url").strip():
        return settings.db_url()
    default = settings.data_dir() / "yuetantong.sqlite"
    return settings.default_db_url() if default.is_file() else None


def cmd_demo(args) -> None:
    from dashboard import db, demo

    engine = db.make_engine(args.db)
    db.upgrade(engine)
    with db.session_scope(engine) as s:
        n = demo.generate(s, args.cases, seed=args.seed)
    print(f"已写入 {n} 件演示案件（均标注“{messages.text('demo.label')}”）")


def cmd_bench(args) -> None:
    from dashboard import bench, settings

    result = bench.run(args.db or settings.db_url(), args.cases)
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))


def cmd_init(args) -> None:
    from dashboard import db, jurisdictions, users

    engine = db.make_engine(args.db)
    db.upgrade(engine)
    with db.session_scope(engine) as s:
        added = jurisdictions.load_region(s)
        if args.admin_password:
            users.create_admin(s, args.admin_password)
    print(f"数据库已就绪，新增辖区 {added} 个")


def cmd_import_cases(args) -> None:
    """Import an Excel case list in the name of ``--user``; a refusal lists every bad row."""
    from dashboard import db, excel, users

    engine = db.make_engine(args.db)
    db.upgrade(engine)
    with db.session_scope(engine) as s:
        if not users.has_admin(s):  # only administrators may import: say how to create one
            raise NoAdministrator()
        actor = users.actor_by_username(s, args.user)
        ids = excel.import_cases(s, actor, args.file)
    print(messages.text("import.done", count=len(ids)))


def _xlsx_file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        raise argparse.ArgumentTypeError(messages.text("cli.no_file", path=text))
    return path


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(messages.text("cli.positive", value=text))
    return number


def _workdays(text: str) -> int:
    """A count of working days: positive, at most MAX_WORKDAYS (about a year)."""
    from dashboard.workdays import MAX_WORKDAYS

    number = _positive(text)
    if number > MAX_WORKDAYS:
        raise argparse.ArgumentTypeError(
            messages.text("cli.too_many_workdays", most=MAX_WORKDAYS, value=text)
        )
    return number


def _db_url(text: str) -> str:
    """A database URL SQLAlchemy can use (the check YTT_DB_URL gets too)."""
    from dashboard import settings

    problem = settings.db_url_problem(text)
    if problem is not None:
        message_id, params = problem
        raise argparse.ArgumentTypeError(messages.text(message_id, value=text, **params))
    return text


def parser() -> argparse.ArgumentParser:
    from dashboard.workdays import MAX_WORKDAYS

    p = ChineseParser(prog="python -m dashboard", description="约谈通 案件管理命令行工具")
    sub = p.add_subparsers(dest="command", required=True, title="命令",
                           parser_class=ChineseParser)  # fmt: skip
    d = sub.add_parser("deadline", help="计算整改报告的截止日期（工作日）")
    d.add_argument("date", type=_date, help="约谈日期，格式 YYYY-MM-DD")
    d.add_argument("--days", type=_workdays, default=15,
                   help=f"工作日数，默认 15，最多 {MAX_WORKDAYS}")  # fmt: skip
    d.add_argument("--db", type=_db_url, help="数据库地址（使用其中的地区节假日表），默认取配置")
    d.set_defaults(func=cmd_deadline)
    m = sub.add_parser("demo-data", help="写入带“演示”标注的模拟案件")
    m.add_argument("--cases", type=_positive, default=2000, help="案件数量（正整数），默认 2000")
    m.add_argument("--db", type=_db_url, help="数据库地址，默认取配置")
    m.add_argument("--seed", type=int, default=7, help="随机种子，默认 7")
    m.set_defaults(func=cmd_demo)
    b = sub.add_parser("bench", help="测量概览和案件列表服务的耗时")
    b.add_argument("--cases", type=_positive, default=100_000, help="演示案件数量（正整数）")
    b.add_argument("--db", type=_db_url, help="数据库地址，默认取配置")
    b.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    b.set_defaults(func=cmd_bench)
    i = sub.add_parser("init", help="建立数据库结构、载入辖区，可同时创建管理员")
    i.add_argument("--db", type=_db_url, help="数据库地址，默认取配置")
    i.add_argument("--admin-password", help="首个管理员（用户名 admin）的密码")
    i.set_defaults(func=cmd_init)
    x = sub.add_parser("import-cases", help="从 Excel（.xlsx）导入已有案件（全部导入或全部不导入）")
    x.add_argument("file", type=_xlsx_file, help="案件表 .xlsx 文件")
    x.add_argument("--db", type=_db_url, help="数据库地址，默认取配置")
    x.add_argument("--user", default="admin", help="以哪个有导入权限的账号导入，默认 admin")
    x.set_defaults(func=cmd_import_cases)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if problem := configure_logging(verbose(args)):
        print(problem, file=sys.stderr)
        return 2
    try:
        args.func(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        close_broken_pipe()
        return 0
    except DashboardError as err:
        print(err.user_text(), file=sys.stderr)
        for line in err.report_lines() if isinstance(err, ImportFailed) else []:
            print(line, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
