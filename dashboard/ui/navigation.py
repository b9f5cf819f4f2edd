"""Which pages each role sees, grouped for ``st.navigation``."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.ui_messages import t

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"

# page id -> (file, title id, icon, roles that see it)
PAGES = {
    "overview": ("overview.py", "page.overview", ":material/monitoring:",
                 {"leader", "approver", "admin"}),
    "cases": ("cases.py", "page.cases", ":material/folder_open:",
              {"leader", "handler", "approver", "admin"}),
    "drafting": ("drafting.py", "page.drafting", ":material/edit_document:",
                 {"leader", "handler", "approver"}),
    "laws": ("laws.py", "page.laws", ":material/gavel:",
             {"leader", "handler", "approver", "trainee", "admin"}),
    "training": ("training.py", "page.training", ":material/school:",
                 {"leader", "handler", "approver", "trainee", "admin"}),
    "users": ("users.py", "page.users", ":material/group:", {"admin"}),
    "import": ("import_cases.py", "page.import", ":material/upload_file:", {"admin"}),
}  # fmt: skip
GROUPS = {
    "nav.work": ("overview", "cases", "drafting"),
    "nav.knowledge": ("laws", "training"),
    "nav.admin": ("users", "import"),
}
DEFAULT_FIRST = {"handler": "cases", "trainee": "training"}


def page_ids_for(role: str) -> list[str]:
    return [pid for pid, spec in PAGES.items() if role in spec[3]]


def pages_for(role: str) -> dict[str, list]:
    """Grouped ``st.Page`` objects the role may open; its home page is marked default."""
    visible = page_ids_for(role)
    home = DEFAULT_FIRST.get(role, visible[0])
    grouped: dict[str, list] = {}
    for group, ids in GROUPS.items():
        pages = [_page(pid, pid == home) for pid in ids if pid in visible]
        if pages:
            grouped[t(group)] = pages
    return grouped


def _page(pid: str, default: bool):
    file, title, icon, _roles = PAGES[pid]
    return st.Page(str(PAGES_DIR / file), title=t(title), icon=icon, url_path=pid, default=default)


def sign_in_page(render) -> st.Page:
    """The only page before sign-in (a Chinese title, never the file names of pages/)."""
    return st.Page(render, title=t("auth.heading"), icon=":material/login:", url_path="login",
                   default=True)  # fmt: skip


def error_page(text: str) -> st.Page:
    """The only page when the dashboard cannot start: the Chinese reason and what to do."""

    def show_error() -> None:
        st.error(text)

    return st.Page(show_error, title=t("app.cannot_start"), icon=":material/error:",
                   url_path="error", default=True)  # fmt: skip
