"""How a law's version is named on the pages: its date, or 日期不详 when the source gave none
(e.g. an imported 制度 file without a date), with its status (效力)."""

from __future__ import annotations

from dashboard.ui_messages import t


def date_of(version) -> str:
    return version.version_date or t("lw.date_unknown")


def line(version) -> str:
    """2013-10-25 版（现行有效）, or 日期不详（现行有效）."""
    if not version.version_date:
        return t("lw.version_undated", status=version.status)
    return t("lw.version_line", date=version.version_date, status=version.status)


def caption(version) -> str:
    """版本：2013-10-25　效力：现行有效 (日期不详 when unknown)."""
    return t("dr.version", date=date_of(version), status=version.status)
