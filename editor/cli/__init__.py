"""Command line: ``python main.py [SUBCOMMAND ...]`` (layer: cli).

Subcommands live in modules ``editor/cli/cmd_*.py``; each defines ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``.  They are discovered here, so adding a
subcommand never touches this file.  With no subcommand (or a ``*.gazette`` path) the
editor window opens.  A ``GazetteError`` — or a file, disk or memory problem — is printed
in Chinese and exits with code 2, without a traceback; only a program fault also leaves a
crash record (``editor.crashlog``) that the user is asked to send.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import re
import sys

from editor.errors import GazetteError, user_message


def _commands():
    import editor.cli as pkg
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("cmd_"):
            yield importlib.import_module(f"editor.cli.{info.name}")


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help with a Chinese 用法 line."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def format_help(self) -> str:
        """Section headings end in a full-width colon (位置参数：, 选项：)."""
        return re.sub(r"^(\S[^\n]*?):$", r"\1：", super().format_help(), flags=re.M)


# argparse's own messages (Python 3.11+) → Chinese; anything else is shown as it is.
_ERRORS = [
    (re.compile(r"^unrecognized arguments: (.*)$"), "无法识别的参数：{0}"),
    (re.compile(r"^the following arguments are required: (.*)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.*)\)$"),
     "{0} 不能是 {1}（可选：{2}）"),
    (re.compile(r"^argument (.+?): expected one argument$"), "{0} 后面需要一个值"),
    (re.compile(r"^argument (.+?): expected at least one argument$"), "{0} 后面至少需要一个值"),
    (re.compile(r"^argument (.+?): invalid (\w+) value: (.*)$"), "{0} 的值 {2} 无效（应为{1}）"),
    (re.compile(r"^argument (.+?): not allowed with argument (.*)$"), "{0} 不能与 {1} 同时使用"),
    (re.compile(r"^argument (.+?): ignored explicit argument (.*)$"), "{0} 不接受值 {1}"),
]
_TYPES = {"int": "整数", "float": "数字"}


def chinese_error(message: str) -> str:
    for pattern, text in _ERRORS:
        m = pattern.match(message)
        if m:
            parts = [_TYPES.get(g, g) for g in m.groups()]
            return text.format(*parts)
    return message


# Chinese names for arguments shown in 用法 lines (by dest), where a command set none.
_METAVARS = {"issue": "整期文件", "file": "文件", "output": "输出文件", "template": "版式模板",
             "round": "校次", "project": "项目文件", "pdf": "PDF文件"}


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Chinese (the users' language);
    subcommand parsers are made of the same class."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出")

    def add_argument(self, *args, **kwargs):
        """As argparse's, with a Chinese metavar for a value named in ``_METAVARS``."""
        if "metavar" not in kwargs and "choices" not in kwargs and kwargs.get("action") in (
                None, "store", "append") and args:
            dest = kwargs.get("dest") or next(
                (a.lstrip("-") for a in args if a.startswith("--")), args[0].lstrip("-"))
            name = _METAVARS.get(dest.replace("-", "_"))
            if name:
                kwargs["metavar"] = name
        return super().add_argument(*args, **kwargs)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_error(message)}\n")


class _VersionAction(argparse.Action):
    """--version: the version, then the font file serving each gazette role and the
    components' versions (the same text as 帮助 › 关于 copies), for support requests."""

    def __call__(self, parser, namespace, values, option_string=None):
        from editor.appinfo import collect
        try:
            from editor.fonts import default_fontbook
            text = collect(default_fontbook()).as_text()
        except GazetteError as exc:
            text = collect().as_text() + f"\n  {exc}"
        print(text)
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="main.py", description="公报编辑器 — 区人民政府公报排版与校对")
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="显示版本号、所用字体和组件版本后退出")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for module in _commands():
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):       # a GBK file name must not end the run
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    special = _special_file(argv)
    if special:
        print(f"错误：{special}", file=sys.stderr)
        return 2
    if not argv or (len(argv) == 1 and argv[0].endswith(".gazette")):
        return _open_window(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 0
    try:
        return int(args._run(args) or 0)
    except GazetteError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        if exc.detail:          # English detail: for a log, never for the user's screen
            logging.getLogger("gongbao").info("%s (%s)", exc.message, exc.detail)
        return 2
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 — every error reaches the user as Chinese text
        # A file or disk problem (OSError), too little memory: told plainly, no record.
        # A program fault: a crash record, and the user is asked to send it (if written).
        from editor.crashlog import record_unforeseen, send_hint
        log = record_unforeseen(exc, " ".join(["main.py"] + argv))
        print(f"错误：{user_message(exc)}", file=sys.stderr)
        if log:
            print(send_hint(log), file=sys.stderr)
        return 2


NO_DISPLAY = ("错误：编辑器窗口需要图形显示，但没有找到显示（X11 或 Wayland）。\n"
              "在没有显示器的服务器或自动化环境中，可用虚拟显示运行：xvfb-run python main.py\n"
              "不需要窗口的工作也可用命令行完成（python main.py -h 列出全部命令）。")


def no_display() -> bool:
    """True on Linux when no display is reachable (and no Qt platform was chosen), where
    Qt would abort with an English message about its xcb plugin."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


_FILE_TYPES = (".gazette", ".docx", ".docm", ".dotx", ".pdf", ".json", ".doc", ".wps")


def _special_file(argv: list[str]) -> str | None:
    """A refusal for a FIFO, device or socket named like a file we read or write (a pipe
    called x.gazette would block the program forever); told by its type, never opened."""
    from editor.guard import not_regular
    for arg in argv:
        refusal = not_regular(arg) if arg.lower().endswith(_FILE_TYPES) else None
        if refusal:
            return refusal
    return None


def _open_window(argv: list[str]) -> int:
    if no_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    try:
        from editor.ui.app import run_app
    except ImportError as exc:
        print(f"错误：无法启动编辑器窗口（{exc}）", file=sys.stderr)
        return 2
    return run_app(argv)
