"""``python -m assistant draft --case CASE.json --out DIR [--date YYYY-MM-DD] [--scope …]``.

Writes legal_basis.md, rectification.md, outline.md, plan.md, the papers (Markdown and DOCX)
and provenance.json into DIR, and prints the citations used as JSON lines
({"law", "article", "citation"}) on stdout; messages go to stderr. Everything is written into
a temporary folder next to DIR first and moved in at the end, so a failure leaves nothing
half-written.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from assistant import drafting_messages as m
from assistant.case_input import load_case
from assistant.drafting import Draft, draft_case
from assistant.errors import DraftInputError
from assistant.llm_drafting import configured_chat_model
from assistant.papers import PaperError, default_kinds, render_docx
from assistant.retrieval import LawIndex

log = logging.getLogger(__name__)

PROVENANCE_FILE = "provenance.json"
FIRST_YEAR, LAST_YEAR = 2000, 2099  # interview dates outside this range are typing mistakes


def run_draft(args) -> int:
    """Draft the case and write the files; returns the exit code (2 on bad input)."""
    interview_date = parse_date(args.date)
    refuse_overwrite(Path(args.out), getattr(args, "overwrite", False))
    case = load_case(args.case)
    index = LawIndex(args.scope)
    draft = draft_case(case, index, interview_date, configured_chat_model())
    written = write_draft(draft, Path(args.out))
    for line in draft.citation_lines():
        print(json.dumps(line, ensure_ascii=False))
    for notice in draft.notices:
        print(m.CLI_NOTICE.format(text=notice), file=sys.stderr)
    print(m.CLI_DONE.format(count=len(written), out=args.out), file=sys.stderr)
    return 0


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        day = None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        text = m.CLI_BAD_DATE.format(value=value)
        raise DraftInputError([], [text], text)
    return day


def refuse_overwrite(out: Path, overwrite: bool) -> None:
    """Never replace drafts an official may have edited by hand, unless asked to."""
    if overwrite or not out.is_dir():
        return
    earlier = sorted(p.name for p in out.iterdir() if p.suffix in (".md", ".docx", ".json"))
    if earlier:
        text = m.CLI_OUT_NOT_EMPTY.format(out=out, files="、".join(earlier[:5]))
        raise DraftInputError([], [text], text)


def write_draft(draft: Draft, out: Path) -> list[Path]:
    """Write every file into a temporary folder, then move them into ``out``."""
    parent = out.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise _write_error(out, exc) from exc
    try:
        names = _write_all(draft, staging)
        return _move_in(staging, names, out)
    except OSError as exc:
        raise _write_error(out, exc) from exc
    except PaperError as exc:
        text = exc.message_zh or str(exc)
        raise DraftInputError([], [text], text) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_all(draft: Draft, folder: Path) -> list[str]:
    """Every paper as Markdown and DOCX; in a 集中约谈 a paper served on the party is written
    once per party (notice-1-某公司.md …), each addressed to that party alone."""
    names = []
    parties = draft.context.parties
    for kind in default_kinds(draft.context):
        copies = [("", draft.context)]
        if kind.sent_to_party and len(parties) > 1:
            copies = [
                (f"-{n}-{_safe(p.name)}", draft.context.addressed_to(p))
                for n, p in enumerate(parties, 1)
            ]
        for tag, ctx in copies:
            md, doc = f"{kind.value}{tag}.md", f"{kind.value}{tag}.docx"
            (folder / md).write_text(draft.markdown(kind, ctx), encoding="utf-8")
            render_docx(kind, ctx, folder / doc)
            names += [md, doc]
    provenance = json.dumps(draft.provenance, ensure_ascii=False, indent=1)
    (folder / PROVENANCE_FILE).write_text(provenance, encoding="utf-8")
    return names + [PROVENANCE_FILE]


def _safe(name: str) -> str:
    """A party name usable in a file name on Windows and Linux."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_")[:40] or "party"


def _move_in(staging: Path, names: list[str], out: Path) -> list[Path]:
    """Move the written files into ``out``: all of them, or (when one cannot go) none."""
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(out))
    for name in names:
        if (out / name).is_dir():  # os.replace would fail half-way through the set
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(out / name))
    if not out.exists():
        os.replace(staging, out)
        staging.mkdir()  # so the cleanup in write_draft has something to remove
        return [out / n for n in names]
    for name in names:
        os.replace(staging / name, out / name)
    return [out / n for n in names]


# What an OS error means for the official, in Chinese (strerror is English).
OS_REASONS = {
    errno.EISDIR: "已有同名文件夹（{name}）",
    errno.ENOTDIR: "路径中有同名的普通文件（{name}）",
    errno.ENOENT: "路径不存在",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "位于只读的磁盘上",
    errno.ENAMETOOLONG: "路径太长",
}


def os_reason(exc: OSError) -> str:
    name = Path(exc.filename).name if exc.filename else ""
    return OS_REASONS.get(exc.errno, "系统错误（{name}）").format(name=name or exc.errno)


def _write_error(out: Path, exc: OSError) -> DraftInputError:
    text = m.CLI_BAD_OUT.format(out=out, reason=os_reason(exc))
    log.info("draft output not written: %s", type(exc).__name__)
    return DraftInputError([], [text], text)
