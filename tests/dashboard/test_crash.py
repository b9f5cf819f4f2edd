"""A writer process killed mid-transaction leaves the database intact and usable."""

import os
import signal
import subprocess
import sys
import textwrap

import sqlalchemy as sa

from dashboard import cases, db
from dashboard.db import Case
from tests.dashboard.helpers import draft

WRITER = textwrap.dedent(
    """
    import sys
    import sqlalchemy as sa
    from dashboard import db
    engine = db.make_engine(sys.argv[1], schema=sys.argv[2] or None)
    with engine.connect() as conn:
        conn.execute(sa.text("UPDATE interview_case SET facts = 'half', version = version + 1"))
        row = "INSERT INTO audit_entry (action, comment, at) VALUES ('x', 'y', CURRENT_TIMESTAMP)"
        for i in range(200):
            conn.execute(sa.text(row))
        print("in-transaction", flush=True)
        sys.stdin.readline()  # wait to be killed before commit
        conn.commit()
    """
)


def test_crash_writer_killed_mid_transaction_leaves_db_intact(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case = cases.create_case(s, actors["tianshan"], draft())
        case_id, version = case.id, case.version
        audits = s.query(db.AuditEntry).count()
    url = engine.url.render_as_string(hide_password=False)
    schema = (engine.dialect.name == "postgresql" and _search_path(engine)) or ""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, url, schema], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout.readline().strip() == "in-transaction"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    engine.dispose()
    with db.session_scope(engine) as s:
        if engine.dialect.name == "sqlite":
            assert s.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
        case = s.get(Case, case_id)
        assert (case.facts, case.version) == ("", version)
        assert s.query(db.AuditEntry).count() == audits
        cases.update_case(s, actors["tianshan"], case_id, version, facts="崩溃后可继续写入")
    with db.session_scope(engine) as s:
        assert s.get(Case, case_id).facts == "崩溃后可继续写入"


def _search_path(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(sa.text("SHOW search_path")).scalar()
