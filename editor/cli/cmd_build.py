"""``python main.py build [ISSUE] -o OUT.pdf [--template NAME] [--bleed]`` (layer: cli).

Reads an issue description (issue.json: metadata and .docx paths) or a project file
(*.gazette), lays the issue out in the chosen template and writes the print PDF.  With no
ISSUE the bundled sample issue (总第32期) is built.  One progress line per stage goes to
stderr; problems the user can fix are ``GazetteError``s (exit code 2, no traceback).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from editor.errors import GazetteError
from editor.resources import sample_issue_path

NAME = "build"
HELP = "排版整期公报并输出印刷用 PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("issue", nargs="?", help="整期描述 issue.json 或项目文件 *.gazette（默认：内置样例）")
    parser.add_argument("-o", "--output", default="公报.pdf", help="输出 PDF 路径（默认：当前目录下的 公报.pdf）")
    parser.add_argument("--template", default=None, help="版式模板名称或 .toml 路径（默认：整期指定的模板）")
    parser.add_argument("--bleed", action="store_true", help="加 3 毫米出血并画裁切线")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_any_issue(path: Path, progress=None):
    """An Issue from an issue.json or a *.gazette project file."""
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    if path.suffix.lower() == ".gazette":
        try:
            from editor.store import load_issue as load_project
        except ImportError as exc:
            raise GazetteError("此版本无法读取项目文件（.gazette）", str(exc), str(path)) from exc
        return load_project(path)
    from editor.issue_json import load_issue
    return load_issue(path, progress)


def _require_components() -> None:
    """A clear message instead of a traceback when an installation lacks a stage."""
    missing = []
    for module, name, label in (("editor.docx_import", "import_docx", "docx 导入"),
                                ("editor.fonts", "default_fontbook", "字体库")):
        try:
            getattr(__import__(module, fromlist=[name]), name)
        except (ImportError, AttributeError):
            missing.append(label)
    if missing:
        raise GazetteError(f"此安装缺少组件：{'、'.join(missing)}，无法排版")


def run(args: argparse.Namespace) -> int:
    from editor.render import build_pdf

    started = time.perf_counter()
    path = Path(args.issue) if args.issue else sample_issue_path()
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    _require_components()
    _progress(f"读取整期：{path}")
    issue = load_any_issue(path, _progress)
    out = Path(args.output)
    if out.exists() and out.is_dir():
        out = out / "公报.pdf"
    try:
        laid_out = build_pdf(issue, out, template=args.template, bleed=args.bleed,
                             progress=_progress)
    except PermissionError as exc:
        raise GazetteError(f"无法写入 {out}（文件可能正被其他程序打开）", str(exc), str(out)) from exc
    for warning in laid_out.warnings:
        _progress(f"提示：{warning}")
    seconds = time.perf_counter() - started
    print(f"已写出 {out.resolve()}（{len(laid_out.pages)} 页，用时 {seconds:.2f} 秒）")
    return 0
