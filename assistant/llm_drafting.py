"""Optional drafting with a language model at an OpenAI-compatible endpoint (Qwen, DeepSeek…).

The model only sees the articles the offline drafter selected (in the version of the
interview date) and is told to cite nothing else; its text is streamed to the caller and,
once complete, goes through the citation check: citations that do not resolve to the corpus
are marked 【未核实引用】 and listed, never silently kept. No model is contacted unless
``llm_url`` is configured; the client is built lazily.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant import drafting_messages as m
from assistant import settings
from assistant.citation_check import check_text
from assistant.errors import LlmUnavailable
from assistant.papers import format_date, format_version

if TYPE_CHECKING:
    from assistant.drafting import Draft
    from assistant.retrieval import LawIndex

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 120


def configured_chat_model() -> Any | None:
    """A ChatOpenAI client for the configured endpoint, or None when none is configured."""
    url = settings.get("llm_url").strip()
    if not url:
        return None
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=url,
        model=settings.get("llm_model").strip() or "default",
        api_key=settings.get("llm_key") or "not-needed",
        temperature=0.1,
        timeout=TIMEOUT_SECONDS,
        max_retries=1,
    )


def model_name(llm: Any) -> str:
    for attr in ("model_name", "model"):
        value = getattr(llm, attr, None)
        if isinstance(value, str) and value:
            return value
    return type(llm).__name__


def prompt_messages(draft: Draft) -> list[tuple[str, str]]:
    """System and human messages in Chinese: the case and the only articles it may cite."""
    articles = "\n".join(
        m.LLM_ARTICLE.format(
            citation=e.reference,
            version=format_version(e.version.version_date),
            text=e.article.text.replace("\n", " "),
        )
        for e in draft.basis.entries
    )
    human = m.LLM_HUMAN.format(
        party="、".join(p.name for p in draft.case.parties),
        jurisdiction=draft.case.jurisdiction,
        date=format_date(draft.interview_date),
        facts=draft.case.facts,
        articles=articles or "（无）",
    )
    return [("system", m.LLM_SYSTEM), ("human", human)]


def stream_text(draft: Draft, llm: Any) -> Iterator[str]:
    """The model's answer chunk by chunk; endpoint failures raise LlmUnavailable."""
    try:
        for chunk in llm.stream(prompt_messages(draft)):
            text = chunk.content if isinstance(chunk.content, str) else ""
            if text:
                yield text
    except Exception as exc:  # the client raises many transport-specific errors
        url = settings.get("llm_url") or model_name(llm)
        reason = type(exc).__name__
        log.warning("llm stream failed: %s", reason)
        raise LlmUnavailable(url, reason, m.LLM_UNAVAILABLE.format(url=url, reason=reason)) from exc


def stream_checked(draft: Draft, index: LawIndex, llm: Any) -> Iterator[str]:
    """Stream the model's text (for the dashboard), then check its citations and store the
    checked text on ``draft.llm``; the provenance switches to mode 'llm'."""
    from assistant.drafting import LlmSection

    parts: list[str] = []
    for text in stream_text(draft, llm):
        parts.append(text)
        yield text
    check = check_text("".join(parts), index, draft.interview_date)
    draft.llm = LlmSection(
        model=model_name(llm),
        text=check.text,
        verified=[c.written for c in check.verified],
        flagged=[c.problem for c in check.flagged],
        report=check.report(),
    )
    if draft.provenance:
        draft.provenance.update(
            mode="llm", model=draft.llm.model, unverified_citations=draft.llm.flagged
        )
