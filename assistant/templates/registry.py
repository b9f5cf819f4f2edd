"""The paper kinds and the template that builds each."""

from __future__ import annotations

from collections.abc import Callable

from assistant.papers import PaperContext, PaperKind
from assistant.templates import (
    alert,
    approval,
    legal_basis,
    notice,
    outline,
    plan,
    record,
    rectification,
)
from assistant.templates.blocks import Block

TEMPLATES: dict[PaperKind, Callable[[PaperContext], list[Block]]] = {
    PaperKind.NOTICE: notice.build,
    PaperKind.RECORD: record.build,
    PaperKind.APPROVAL: approval.build,
    PaperKind.RECTIFICATION_NOTICE: rectification.build_notice,
    PaperKind.CONSUMER_ALERT: alert.build,
    PaperKind.LEGAL_BASIS: legal_basis.build,
    PaperKind.RECTIFICATION: rectification.build_draft,
    PaperKind.OUTLINE: outline.build,
    PaperKind.PLAN: plan.build,
}
