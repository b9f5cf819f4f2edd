"""Command line: ``python -m dashboard deadline|demo-data|bench|init``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys

from dashboard import messages
from dashboard.errors import DashboardError


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("日期格式应为 YYYY-MM-DD，例如 2026-09-18") from exc
    if not 2000 <= day.year <= 2099:
        raise argparse.ArgumentTypeError("日期应在 2000—2099 年之间，例如 2026-09-18")
    return day


def cmd_deadline(args) -> None:
    from dashboard import db, workdays

    session_cm = None
    if args.db:
        session_cm = db.session_scope(db.make_engine(args.db))
    if session_cm is None:
        deadline = workdays.add_workdays(args.date, args.days)
    else:
        with session_cm as s:
            deadline = workdays.rectification_deadline(s, args.date, args.days)
    flag = f" {messages.text('deadline.unverified')}" if deadline.unverified else ""
    print(f"{deadline.due.isoformat()}{flag}")
    if deadline.unverified:
        years = sorted({d.year for d in deadline.uncovered})
        print(
            messages.text("deadline.unverified_help", years="、".join(map(str, years))),
            file=sys.stderr,
        )


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


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard", description="约谈通 case tracking")
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("deadline", help="due date of the rectification report")
    d.add_argument("date", type=_date, help="interview date, YYYY-MM-DD")
    d.add_argument("--days", type=int, default=15)
    d.add_argument("--db", help="database URL whose regional holiday table is applied")
    d.set_defaults(func=cmd_deadline)
    m = sub.add_parser("demo-data", help="write labelled synthetic cases")
    m.add_argument("--cases", type=int, default=2000)
    m.add_argument("--db")
    m.add_argument("--seed", type=int, default=7)
    m.set_defaults(func=cmd_demo)
    b = sub.add_parser("bench", help="time the overview and case-list services")
    b.add_argument("--cases", type=int, default=100_000)
    b.add_argument("--db")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench)
    i = sub.add_parser("init", help="create the schema, load divisions, optionally an admin")
    i.add_argument("--db")
    i.add_argument("--admin-password", help="first administrator's password (user 'admin')")
    i.set_defaults(func=cmd_init)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    args = parser().parse_args(argv)
    try:
        args.func(args)
    except DashboardError as err:
        print(err.user_text(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
