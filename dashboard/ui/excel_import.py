"""The 导入案件 page's service calls: import an uploaded workbook and show the report."""

from __future__ import annotations

import hashlib
import logging

import streamlit as st

from dashboard import excel, messages
from dashboard.errors import DashboardError
from dashboard.ui import keys, queries, services
from dashboard.ui_messages import t
from dashboard.users import Actor

log = logging.getLogger(__name__)


def required_columns() -> str:
    return "、".join(excel.REQUIRED)


def _digest(upload) -> str:
    return hashlib.sha256(upload.getvalue()).hexdigest()


def already_imported(upload) -> int | None:
    """How many cases this very file imported earlier in the session; None when it did not."""
    return st.session_state.get(keys.IMPORTED_FILES, {}).get(_digest(upload))


def show_done(count: int) -> None:
    st.success(messages.text("import.done", count=count) + t("im.again"))


def run(actor: Actor, upload) -> None:
    """Import ``upload`` (all rows or none); show the count, or every refused row and why.
    A file imported before in this session is not imported again."""
    try:
        with services.session() as s:
            ids = excel.import_cases(s, actor, upload)
    except DashboardError as err:
        lines = excel.refusal_lines(err)
        st.error(lines[0])
        if len(lines) > 1:
            st.markdown("\n".join(f"- {line}" for line in lines[1:]))
        return
    queries.clear()
    log.info("user %s imported %s cases", actor.id, len(ids))
    st.session_state.setdefault(keys.IMPORTED_FILES, {})[_digest(upload)] = len(ids)
    show_done(len(ids))
