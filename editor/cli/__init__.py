"""Command line: ``python main.py [SUBCOMMAND ...]`` (layer: cli).

Subcommands live in modules ``editor/cli/cmd_*.py``; each defines ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``.  They are discovered here, so adding a
subcommand never touches this file.  With no subcommand (or a ``*.gazette`` path) the
editor window opens.  A ``GazetteError`` is printed in Chinese and exits with code 2.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from editor import __version__
from editor.errors import GazetteError


def _commands():
    import editor.cli as pkg
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("cmd_"):
            yield importlib.import_module(f"editor.cli.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="公报编辑器 — 区人民政府公报排版与校对")
    parser.add_argument("--version", action="version", version=f"公报编辑器 {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for module in _commands():
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
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
        return 2
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


def _open_window(argv: list[str]) -> int:
    try:
        from editor.ui.app import run_app
    except ImportError as exc:
        print(f"错误：无法启动编辑器窗口（{exc}）", file=sys.stderr)
        return 2
    return run_app(argv)
