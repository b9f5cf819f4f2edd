"""The eval command's input: the bench format, bad files, label law names as people write them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import BenchFormatError
from assistant.evaluation import evaluate, load_queries, resolve_labels
from assistant.messages import message

REPO = Path(__file__).resolve().parents[2]


def _bench(tmp_path: Path, *lines: dict, encoding: str = "utf-8") -> Path:
    path = tmp_path / "bench.jsonl"
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    "line",
    [
        {"query": "退货", "relevant": []},
        {"query": "退货", "relevant": [{"law": "", "article": 25}]},
        {"query": "退货", "relevant": [{"law": "消保法", "article": 0}]},
        {"query": " ", "relevant": [{"law": "消保法", "article": 25}]},
    ],
)
def test_evaluation_refuses_a_line_without_usable_labels(tmp_path, line):
    with pytest.raises(BenchFormatError) as info:
        load_queries(_bench(tmp_path, line))
    assert info.value.message_zh == message("bench_bad_line", path=tmp_path / "bench.jsonl", line=1)


def test_evaluation_says_a_gbk_file_is_not_utf8(tmp_path):
    line = {"query": "退货", "relevant": [{"law": "消保法", "article": 25}]}
    with pytest.raises(BenchFormatError) as info:
        load_queries(_bench(tmp_path, line, encoding="gbk"))
    assert "不是 UTF-8 编码" in info.value.message_zh


def test_evaluation_reads_short_law_names_and_names_unknown_laws(lexical_index, tmp_path):
    labels = [{"law": "消保法", "article": 25}, {"law": "不存在法", "article": 3}]
    line = {"query": "网店拒绝七日无理由退货", "relevant": labels}
    queries, unknown = resolve_labels(lexical_index, load_queries(_bench(tmp_path, line)))
    assert queries[0].relevant == {("消费者权益保护法", 25), ("不存在法", 3)}
    assert unknown == ["不存在法"]
    assert evaluate(lexical_index, queries, [10], modes=("hybrid",))["hybrid"]["recall@10"] == 0.5


def test_evaluation_cli_refuses_non_positive_k(lexical_index_dir, tmp_path):
    bench = _bench(tmp_path, {"query": "退货", "relevant": [{"law": "消保法", "article": 25}]})
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--queries", str(bench), "--k", "0", "5"],
        capture_output=True, text=True, cwd=REPO,
        env={"YTT_INDEX_DIR": str(lexical_index_dir), "PATH": ""},
    )  # fmt: skip
    assert out.returncode == 2 and "--k 应为正整数" in out.stderr
