"""argparse in Chinese: headings, the help option and error lines (both command-line tools)."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys

from assistant import settings

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"

# argparse's English error phrases and what an official reads instead.
ERROR_WORDS = {
    "the following arguments are required": "缺少必填参数",
    "invalid choice": "无效的选项",
    "choose from": "可选",
    "unrecognized arguments": "无法识别的参数",
    "expected one argument": "此参数需要一个值",
    "expected at least one argument": "此参数至少需要一个值",
    "invalid int value": "不是整数",
    "invalid Path value": "不是有效的路径",
    "argument ": "参数 ",
    ": command": "：命令",
}


class ChineseHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    """argparse with Chinese headings, help option and error line."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, formatter_class=ChineseHelp, add_help=False, **kwargs)
        self._positionals.title, self._optionals.title = "位置参数", "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
        # On every (sub)command, before or after its name; SUPPRESS keeps a subcommand from
        # resetting a -v given before it. Read it with verbose(args).
        self.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                          help="同时显示英文运行日志（排查问题时使用）")  # fmt: skip

    def error(self, message: str):
        for english, chinese in ERROR_WORDS.items():
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{message}\n")


def configure_logging(verbose: bool = False) -> str:
    """Send English log lines to stderr from YTT_LOG_LEVEL up (ERROR unless set; INFO with
    --verbose), so a user sees the Chinese message alone. Returns a Chinese error for a bad
    YTT_LOG_LEVEL, "" when all is well."""
    raw = settings.get("log_level").strip().upper() or "ERROR"
    if raw not in LOG_LEVELS:
        logging.basicConfig(level=logging.ERROR, format=LOG_FORMAT)
        return (
            f"环境变量 YTT_LOG_LEVEL 的值“{settings.get('log_level')}”无效，"
            f"应为 {'、'.join(LOG_LEVELS)} 之一，或删去该变量。"
        )
    level = min(logging.getLevelName(raw), logging.INFO) if verbose else logging.getLevelName(raw)
    logging.basicConfig(level=level, format=LOG_FORMAT)
    return ""


def verbose(args: argparse.Namespace) -> bool:
    """Whether -v/--verbose was given anywhere on the command line."""
    return getattr(args, "verbose", False)


def close_broken_pipe() -> None:
    """The reader of our output went away (`... | head -1`): point stdout at /dev/null so the
    interpreter's final flush does not raise again, and let the command end quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # stdout is not a real file
        pass
