"""Import documents (Markdown, TXT, DOCX, PDF) into law versions and articles.

``read_document`` either returns an ImportedDocument or raises ImportRefused with a
Chinese reason; a refused document yields nothing, so nothing of it is indexed.

A document without 第…条 structure (and every court case, 案例) becomes one article
numbered ``chunking.WHOLE_DOCUMENT`` (0) in a version with ``structured=False``:
0 is never a real article number, so such a document can never be cited as 第一条;
cite it by its title alone.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from assistant.chunking import (
    ArticleDraft,
    DocumentMeta,
    parse_law_text,
    parse_metadata,
    whole_document,
)
from assistant.errors import ImportRefused
from assistant.messages import message, page_list
from assistant.models import Article, LawVersion
from assistant.normalize import garbled_ratio, looks_garbled, normalize_for_matching
from assistant.settings import ROOT

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")
SHORT_NAMES_FILE = ROOT / "corpus" / "short_names.toml"
PRC_PREFIX = "中华人民共和国"
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class ImportedDocument:
    version: LawVersion
    articles: list[Article]
    notices: list[str] = field(default_factory=list)  # Chinese, for the user


@dataclass
class ImportBatch:
    documents: list[ImportedDocument] = field(default_factory=list)
    refused: list[ImportRefused] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # duplicates skipped, per document notes


def _refuse(path: Path, code: str, pages: list[int] | None = None, **values) -> ImportRefused:
    if pages:
        values["pages"] = page_list(pages)
    reason = message(code, name=path.name, **values)
    log.info("Refused %s: %s", path.name, code)
    return ImportRefused(path, reason, pages=pages, code=code)


# ---------------------------------------------------------------------------
# Text extraction, per format.


def decode_text(path: Path, data: bytes) -> str:
    """Decode strictly: UTF-8, UTF-8 with BOM, then GB18030 (a superset of GBK). NUL bytes
    mean a binary or UTF-16 file, which would otherwise decode into nonsense."""
    if b"\x00" in data:
        raise _refuse(path, "import_binary")
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.removeprefix("\ufeff")
    raise _refuse(path, "import_undecodable")


def _read_plain(path: Path) -> str:
    text = decode_text(path, path.read_bytes())
    if path.suffix.lower() != ".txt":
        text = _FRONT_MATTER.sub("", text, count=1)
    return text


def _read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise _refuse(path, "import_unreadable", detail="不是有效的 DOCX 文件") from exc
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    """One line per table row, merged cells counted once."""
    out = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        out.append("\t".join(cells))
    return out


def _open_pdf(path: Path):
    """A readable PdfReader; encrypted files are opened with the empty password or refused."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _refuse(path, "pdf_encrypted")
    except (PdfReadError, OSError, ValueError, NotImplementedError) as exc:
        raise _refuse(path, "import_unreadable", detail="PDF 文件结构损坏或不受支持") from exc
    return reader


def _page_text(page) -> str:
    from pypdf.errors import PdfReadError

    try:
        return page.extract_text() or ""
    except (PdfReadError, KeyError, ValueError, TypeError) as exc:
        log.warning("Cannot extract text of a PDF page: %s", type(exc).__name__)
        return ""


def _read_pdf(path: Path) -> tuple[str, list[str]]:
    """Text of the pages that have a text layer; pages without one are named."""
    reader = _open_pdf(path)
    texts, missing = [], []
    for number, page in enumerate(reader.pages, start=1):
        text = _PAGE_NUMBER_LINE.sub("", _page_text(page))
        if text.strip():
            texts.append(text)
        else:
            missing.append(number)
    if missing and not texts:
        raise _refuse(path, "pdf_scanned", pages=missing)
    notices = []
    if missing:
        notices.append(message("pdf_pages_missing", name=path.name, pages=page_list(missing)))
    return reflow_lines("\n".join(texts)), notices


_PAGE_NUMBER_LINE = re.compile(
    r"^[\s\u3000]*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页.*|\d+)[\s\u3000]*$", re.M
)
_LINE_END = tuple("。；：！？”」）)：;:!?")
_BLOCK_START = re.compile(r"^[\s\u3000]*(?:第\S{1,8}[条章节编]|[（(]|#|\*\*)")


def reflow_lines(text: str, min_wrapped: int = 15) -> str:
    """Join lines that a PDF wrapped mid-sentence, so paragraphs (款) stay whole.

    A line is joined to the previous one when that one is long (>= min_wrapped
    characters), does not end a sentence, and this line does not start an
    article, heading or item.
    """
    out: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        prev = out[-1].strip() if out else ""
        wrapped = len(prev) >= min_wrapped and not prev.endswith(_LINE_END)
        if wrapped and line.strip() and not _BLOCK_START.match(line):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def extract_text(path: Path) -> tuple[str, list[str]]:
    """(text, notices) of a document; raises ImportRefused when it has no usable text."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise _refuse(path, "import_unsupported", suffix=suffix or "（无扩展名）")
    if suffix == ".pdf":
        text, notices = _read_pdf(path)
    elif suffix == ".docx":
        text, notices = _read_docx(path), []
    else:
        text, notices = _read_plain(path), []
    if not text.strip():
        raise _refuse(path, "import_empty")
    if looks_garbled(text):
        raise _refuse(path, "import_garbled", percent=round(garbled_ratio(text) * 100))
    return text, notices


# ---------------------------------------------------------------------------
# Documents: fingerprint, parsing into a version and its articles.


def _fingerprint(text: str) -> str:
    return hashlib.sha1(normalize_for_matching(text).encode("utf-8")).hexdigest()


def content_fingerprint(path: Path | str) -> str:
    """sha1 of the document's normalised text: equal for the same content at any path/format.

    The version id of an imported file is ``"file:" + content_fingerprint(path)``.
    Raises ImportRefused when the document has no usable text.
    """
    return _fingerprint(extract_text(Path(path))[0])


def _version(path: Path, meta: DocumentMeta, fingerprint: str, structured: bool) -> LawVersion:
    return LawVersion(
        version_id=f"file:{fingerprint}",
        title=meta.title,
        level=meta.level,
        issuing_body=meta.issuing_body,
        version_date=meta.version_date,
        effective_date=meta.effective_date,
        status=meta.status,
        source=str(path),
        region=meta.region,
        structured=structured,
    )


def _article(version: LawVersion, draft: ArticleDraft) -> Article:
    return Article(
        version_id=version.version_id,
        law_title=version.title,
        number=draft.number,
        suffix=draft.suffix,
        text=draft.text,
        chapter=draft.chapter,
        section=draft.section,
        paragraphs=draft.paragraphs,
    )


def read_document(path: Path | str, today: date | None = None) -> ImportedDocument:
    """Read one document into a law version with its articles, or raise ImportRefused."""
    path = Path(path)
    try:
        path.open("rb").close()  # a file we may not read is refused as such, whatever its type
    except PermissionError as exc:
        raise _refuse(path, "import_no_permission") from exc
    text, notices = extract_text(path)
    meta, body = parse_metadata(path, text, today=today)
    if not body.strip():
        raise _refuse(path, "import_empty")
    parsed = parse_law_text(body)
    structured = meta.level != "案例" and parsed.structured
    drafts = parsed.articles if structured else [whole_document(body)]
    if not structured and meta.level != "案例":
        notices.append(message("no_article_structure", name=path.name))
    version = _version(path, meta, _fingerprint(text), structured)
    articles = [_article(version, draft) for draft in drafts]
    log.info("Imported %s: %d articles, level %s", path.name, len(articles), meta.level)
    return ImportedDocument(version=version, articles=articles, notices=notices)


def iter_document_paths(folder: Path | str) -> Iterator[Path]:
    """Importable files under ``folder``, sorted; README and _/. files are skipped."""
    for path in sorted(Path(folder).rglob("*")):
        hidden = any(part.startswith((".", "_")) for part in path.relative_to(folder).parts)
        readme = path.stem.upper() == "README"
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not hidden | readme:
            yield path


def read_documents(paths: Iterable[Path | str], today: date | None = None) -> ImportBatch:
    """Read many documents; refusals are collected, content seen before is skipped."""
    batch = ImportBatch()
    seen: dict[str, Path] = {}
    for path in map(Path, paths):
        try:
            document = read_document(path, today=today)
        except ImportRefused as refusal:
            batch.refused.append(refusal)
            continue
        first = seen.setdefault(document.version.version_id, path)
        if first != path:
            batch.notices.append(message("import_duplicate", name=path.name, other=first.name))
            continue
        batch.documents.append(document)
        batch.notices.extend(document.notices)
    return batch


# ---------------------------------------------------------------------------
# Titles: one law under several names.

_TITLE_QUOTES = re.compile(r"[《》〈〉<>“”\"'‘’「」『』\s\u3000]")
_TITLE_VERSION_SUFFIX = re.compile(
    r"[(（]\s*(?:\d{4}-\d{2}-\d{2}|\d{4}\s*年?\s*(?:修正|修订|修改|版|年版)?)\s*[)）]$"
)


def canonical_title(title: str) -> str:
    """The form under which one law from several sources is merged.

    Full-width forms normalised, 中华人民共和国 dropped, quotes/brackets and spaces
    removed, and a version suffix such as (2013-10-25) or （2013年修正） cut off.
    """
    out = normalize_for_matching(title)
    out = _TITLE_QUOTES.sub("", out).replace(PRC_PREFIX, "")
    return _TITLE_VERSION_SUFFIX.sub("", out).strip()


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, ...]]:
    with SHORT_NAMES_FILE.open("rb") as handle:
        table = tomllib.load(handle)["abbreviations"]
    return {canonical_title(full): tuple(names) for full, names in table.items()}


def short_names(title: str) -> list[str]:
    """Names the law is known by: the title without 中华人民共和国, then curated abbreviations."""
    names = []
    plain = title.strip().removeprefix(PRC_PREFIX)
    if plain != title.strip():
        names.append(plain)
    for name in _abbreviations().get(canonical_title(title), ()):
        if name not in names and name != title:
            names.append(name)
    return names
