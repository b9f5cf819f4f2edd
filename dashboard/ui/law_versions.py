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


def paragraphs(text: str) -> str:
    """Article text for st.markdown: each 款/项 on its own line (Markdown would run single
    newlines together into one line)."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def inline(text: str) -> str:
    """Article text inside a list item: its lines kept apart by hard breaks."""
    return "  \n".join(line.strip() for line in text.splitlines() if line.strip())


def other_versions(index, law: str, number: int, suffix: int, shown_id: str) -> str:
    """Markdown listing the article in every version but the one shown ("" when there is
    none): each version's line and its text, or that the version lacks the article."""
    others = [(v, a) for v, a in index.versions_of(law, number, suffix) if v.version_id != shown_id]
    if not others:
        return ""
    lines = [f"*{t('dr.other_versions')}*", ""]
    for version, article in others:
        body = inline(article.text) if article else t("lw.not_in_version")
        lines.append(f"- {line(version)}：{body}")
    return "\n".join(lines)
