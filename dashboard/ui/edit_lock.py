"""The case version this browser session's forms were rendered from.

A rerun reloads the case before a submit handler runs, so the freshly read version would always
pass the optimistic-lock check. The version first shown is kept per case in the session state
and passed as ``expected_version`` to every save; it moves on only after this session's own
save or an explicit refresh, so a save from a stale page is refused (VersionConflict)."""

from __future__ import annotations

import streamlit as st

from dashboard.ui import keys

FORM_PREFIXES = ("plan_{id}_", "form_{id}_")  # keyed inputs that hold a case's unsaved text


def _key(case_id: int) -> str:
    return f"{keys.CASE_VERSION}_{case_id}"


def shown_version(case_id: int, current: int) -> int:
    """The version the forms were rendered with (``current`` when the case is newly opened)."""
    if st.session_state.get(keys.SHOWN_CASE) != case_id:
        st.session_state[keys.SHOWN_CASE] = case_id
        st.session_state[_key(case_id)] = current
    return st.session_state.setdefault(_key(case_id), current)


def saved(case_id: int, version: int) -> None:
    """This session saved the case: its forms now stand on ``version``."""
    st.session_state[_key(case_id)] = version


def refresh(case_id: int) -> None:
    """Drop the kept version and the unsaved inputs so the page shows the case as stored."""
    st.session_state.pop(_key(case_id), None)
    prefixes = tuple(p.format(id=case_id) for p in FORM_PREFIXES)
    for name in [k for k in st.session_state if str(k).startswith(prefixes)]:
        del st.session_state[name]
