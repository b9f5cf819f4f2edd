"""Layout-neutral blocks that a paper is built from.

A paper template turns a case context into a tuple of blocks; the Markdown
renderer (assistant.papers) and the DOCX renderer (assistant.docx_layout) each
turn the same blocks into their format, so both outputs always say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Align(StrEnum):
    JUSTIFY = "justify"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Masthead:
    """The issuing body's name above the title (发文机关), centred."""

    text: str


@dataclass(frozen=True)
class Title:
    """The paper's title (标题), 2号 小标宋, centred."""

    text: str


@dataclass(frozen=True)
class DocNumber:
    """The document number (发文字号), 3号 仿宋, centred under the title."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A numbered heading: level 1 一、(黑体), level 2 （一）(楷体), level 3 1.(仿宋)."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """Body text; indented two characters unless it is a salutation or a form line."""

    text: str
    indent: bool = True
    align: Align = Align.JUSTIFY


@dataclass(frozen=True)
class NumberedList:
    """Items numbered 1. 2. 3. in the body font."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """Quoted source text (an article's wording), set off from the body."""

    text: str


@dataclass(frozen=True)
class CutLine:
    """The dotted line along which a receipt (回执) is cut off."""


@dataclass(frozen=True)
class FormField:
    """One labelled cell of a form table.

    lines are the filled-in value; signoff lines (申请人, 签字, date) sit at the
    bottom right of the cell; a tall cell leaves room for a handwritten opinion.
    """

    label: str
    lines: tuple[str, ...]
    signoff: tuple[str, ...] = ()
    tall: bool = False


@dataclass(frozen=True)
class FormTable:
    """A two- or four-column form (审批表): each row holds one or two labelled fields."""

    rows: tuple[tuple[FormField, ...], ...]


Block = (
    Masthead | Title | DocNumber | Heading | Paragraph | NumberedList | Quote | CutLine | FormTable
)
