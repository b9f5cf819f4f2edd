"""The 导入案件 page's service calls: import an uploaded workbook and show the report."""

from __future__ import annotations

import logging

import streamlit as st

from dashboard import excel, messages
from dashboard.errors import DashboardError
from dashboard.ui import queries, services
from dashboard.users import Actor

log = logging.getLogger(__name__)


def required_columns() -> str:
    return "、".join(excel.REQUIRED)


def run(actor: Actor, upload) -> None:
    """Import ``upload`` (all rows or none); show the count, or every refused row and why."""
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
    st.success(messages.text("import.done", count=len(ids)))
