"""The 起草 page's DOCX of edited Markdown: Markdown escapes become the plain characters."""

from __future__ import annotations

import datetime as dt
import io

import docx

from assistant.papers import PaperContext, PaperKind, Party, render_markdown, unescape_markdown
from dashboard.ui import drafts


def test_draft_docx_has_no_markdown_backslashes():
    ctx = PaperContext(parties=(Party("某_星*号[店]"),), interview_date=dt.date(2026, 12, 3))
    markdown = render_markdown(PaperKind.PLAN, ctx)
    assert "\\_\\_时\\_\\_分" in markdown  # the assistant escapes the blanks
    document = docx.Document(io.BytesIO(drafts.markdown_docx(markdown)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "\\" not in text
    assert "2026年12月3日__时__分" in text
    assert "地点：________" in text and "单位名称：某_星*号[店]" in text


def test_unescape_markdown_keeps_bold_marks_out_and_literal_text_in():
    assert unescape_markdown("\\*\\*重要\\*\\* a\\\\b \\#1") == "**重要** a\\b #1"
    blocks = drafts.markdown_blocks("**加粗** \\*号")
    assert [b.text for b in blocks] == ["加粗 *号"]
