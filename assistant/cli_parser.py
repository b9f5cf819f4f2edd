"""argparse in Chinese: headings, the help option and error lines (both command-line tools)."""

from __future__ import annotations

import argparse
import sys

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

    def error(self, message: str):
        for english, chinese in ERROR_WORDS.items():
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{message}\n")
