"""Both command-line tools show the user the Chinese message alone; English log lines only at
ERROR, unless YTT_LOG_LEVEL or --verbose asks for more."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from assistant.cli_parser import configure_logging

from ..conftest import REPO


def _build_refusing(tmp_path, *options: str, level: str = "") -> subprocess.CompletedProcess:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    env = {**os.environ, "YTT_INDEX_DIR": str(tmp_path / "index"),
           "YTT_IMPORT_DIRS": str(tmp_path / "none"), "YTT_LOG_LEVEL": level}  # fmt: skip
    argv = [*options, "index", "build", "--lexical-only", "--source", str(empty)]
    return subprocess.run([sys.executable, "-m", "assistant", *argv], capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=300)  # fmt: skip


def test_cli_logging_refused_source_shows_only_the_chinese_message(tmp_path):
    done = _build_refusing(tmp_path)
    assert done.returncode == 2
    assert "--source 指定的文件都没有导入" in done.stderr
    assert "WARNING" not in done.stderr and "assistant.indexing" not in done.stderr


def test_cli_logging_env_brings_back_the_english_log_lines(tmp_path):
    done = _build_refusing(tmp_path, level="warning")
    assert "WARNING assistant.indexing: refused" in done.stderr


def _bare_root(monkeypatch) -> logging.Logger:
    """The root logger as a fresh process has it (pytest adds its handlers for each phase, so
    call this in the test itself)."""
    monkeypatch.setattr(logging.root, "handlers", [])
    monkeypatch.setattr(logging.root, "level", logging.WARNING)
    return logging.root


@pytest.mark.parametrize(
    ("level", "verbose", "expected"),
    [("", False, logging.ERROR), ("", True, logging.INFO), ("debug", True, logging.DEBUG),
     ("WARNING", False, logging.WARNING)],
)  # fmt: skip
def test_cli_logging_level_from_env_and_verbose(monkeypatch, level, verbose, expected):
    bare_root = _bare_root(monkeypatch)
    monkeypatch.setenv("YTT_LOG_LEVEL", level)
    assert configure_logging(verbose) == ""
    assert bare_root.level == expected


def test_cli_logging_bad_level_is_named_in_chinese(monkeypatch, capsys):
    from dashboard import __main__ as dashboard_cli

    bare_root = _bare_root(monkeypatch)
    monkeypatch.setenv("YTT_LOG_LEVEL", "loud")
    assert dashboard_cli.main(["deadline", "2026-03-02"]) == 2
    err = capsys.readouterr().err
    assert "YTT_LOG_LEVEL 的值“loud”无效" in err and bare_root.level == logging.ERROR


@pytest.mark.parametrize("module", ["assistant", "dashboard"])
def test_cli_output_into_a_closed_pipe_ends_quietly(module, lexical_index_dir, tmp_path):
    """`... | head -1` closes the pipe early: the command ends with 0 and no English traceback.
    The pipe's reading end is closed before the command starts, so every run hits it."""
    argv = ["article", "消保法", "25"] if module == "assistant" else ["deadline", "2026-09-18"]
    env = {**os.environ, "YTT_INDEX_DIR": str(lexical_index_dir),
           "YTT_DB_URL": "", "YTT_DATA_DIR": str(tmp_path)}  # fmt: skip
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", module, *argv], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, cwd=REPO, env=env,
                              timeout=300)  # fmt: skip
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "argv", [["-v", "article", "消保法", "25"], ["article", "消保法", "25", "-v"]]
)
def test_cli_verbose_is_read_before_or_after_the_subcommand(argv):
    from assistant.cli import _parser
    from assistant.cli_parser import verbose

    assert verbose(_parser().parse_args(argv)) is True
    assert verbose(_parser().parse_args(["article", "消保法", "25"])) is False
