import json
import subprocess
import sys

import pytest

from dashboard import __main__ as cli
from dashboard import cases, db, demo, stats, workflow
from dashboard.errors import DemoRefused
from tests.dashboard.helpers import draft


def test_demo_refuses_database_with_real_cases(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        cases.create_case(s, actors["tianshan"], draft())
    with pytest.raises(DemoRefused) as err, db.session_scope(engine) as s:
        demo.generate(s, 10)
    assert err.value.real_cases == 1
    assert "1 件真实案件" in err.value.user_text()


def test_demo_data_labelled_and_overview_counts_in_sql(world):
    import datetime as dt

    engine, actors = world
    today = dt.date(2026, 6, 30)
    with db.session_scope(engine) as s:
        assert demo.generate(s, 300, today=today) == 300
    with db.session_scope(engine) as s:
        rows = cases.all_rows(s, actors["region_leader"])
        assert len(rows) == 300 and all(
            r.is_demo and r.title.startswith("【演示数据】") for r in rows
        )
        period = stats.Period(dt.date(2024, 1, 1), today)
        view = stats.overview(s, actors["region_leader"], period, today)
        assert view.kpis.opened == 300
        assert sum(n for _, _, n in view.by_division) == 300
        assert sum(n for _, n in view.monthly) == 300
        overdue = [r for r in rows if r.state == "rectification" and r.rectification_due < today]
        assert view.kpis.overdue_reports == len(overdue) > 0
        closed = sum(1 for r in rows if r.state == "closed")
        focus = sum(1 for r in rows if r.state == "supervision_focus")
        assert view.kpis.rectified == closed
        assert view.kpis.rectification_rate == round(closed / (closed + focus), 4)
        county = stats.overview(s, actors["tianshan_leader"], period, today)
        assert county.kpis.opened == sum(
            1 for r in rows if r.jurisdiction_code.startswith("650102")
        )


def test_cli_deadline_prints_due_and_unverified(capsys):
    assert cli.main(["deadline", "2026-09-18"]) == 0
    assert capsys.readouterr().out.strip() == "2026-10-15"
    assert cli.main(["deadline", "2026-12-21", "--days", "15"]) == 0
    assert capsys.readouterr().out.strip() == "2027-01-12 待核验"  # 2027-01-01 元旦 skipped


def test_cli_demo_data_and_bench_json(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    run = [sys.executable, "-m", "dashboard"]
    out = subprocess.run([*run, "demo-data", "--cases", "50", "--db", url], capture_output=True,
                         text=True, check=True)  # fmt: skip
    assert "50 件演示案件" in out.stdout
    bench = subprocess.run([*run, "bench", "--cases", "50", "--db", url, "--json"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    numbers = json.loads(bench.stdout)
    assert set(numbers) == {"overview_region_s", "overview_county_s", "case_list_s"}
    assert all(isinstance(v, float) and v >= 0 for v in numbers.values())


def test_demo_cases_do_not_consume_real_case_numbers(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        demo.generate(s, 120)
    with db.session_scope(engine) as s:
        first = cases.create_case(s, actors["tianshan"], draft(seed=1)).case_no
        second = cases.create_case(s, actors["tianshan"], draft(seed=2)).case_no
        other = cases.create_case(s, actors["shayibake"], draft("650103", seed=3)).case_no
    assert (first, second) == ("YT2026-650102-000001", "YT2026-650102-000002")
    assert other == "YT2026-650103-000001"


def test_demo_remove_deletes_only_demo_cases_and_is_admin_only(world):
    from sqlalchemy import func, select

    from dashboard.db import AuditEntry, Party
    from dashboard.errors import RoleNotPermitted

    engine, actors = world
    with db.session_scope(engine) as s:
        demo.generate(s, 80)
        assert demo.status(s) == demo.DemoStatus(80, 0) and not demo.status(s).can_load
    with db.session_scope(engine) as s:
        real = cases.create_case(s, actors["tianshan"], draft()).id
        demo_case = cases.get_case(s, actors["region_leader"], real - 1)
        workflow.audit(s, demo_case, actors["region_leader"], "update")  # history on a demo case
    with pytest.raises(RoleNotPermitted), db.session_scope(engine) as s:
        demo.remove(s, actors["region_leader"])
    with db.session_scope(engine) as s:
        assert demo.remove(s, actors["admin"]) == 80
    with db.session_scope(engine) as s:
        rows = cases.all_rows(s, actors["region_leader"])
        parties = s.scalar(select(func.count()).select_from(Party))
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "remove_demo")).one()
        assert demo.status(s) == demo.DemoStatus(0, 1)
    assert [r.id for r in rows] == [real] and parties == 1
    assert (audit.actor_id, audit.comment) == (actors["admin"].id, "80")
