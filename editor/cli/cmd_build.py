"""``python main.py build [ISSUE] -o OUT.pdf [--template NAME] [--bleed]
[--pdfx [--x1a] [--icc PATH] [--reg-marks]]`` (layer: cli).

Reads an issue description (issue.json: metadata and .docx paths) or a project file
(*.gazette), lays the issue out in the chosen template and writes the print PDF.  With no
ISSUE the bundled sample issue (总第32期) is built.  One progress line per stage goes to
stderr; problems the user can fix are ``GazetteError``s (exit code 2, no traceback).
``--pdfx`` turns the result into a PDF/X-4 print file (``--x1a``: PDF/X-1a), with the
output intent's CMYK profile from ``--icc`` or the generated generic one.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from editor.app.loading import load_any_issue  # noqa: F401  (the other commands use it too)
from editor.app.outputs import check_output, issue_inputs, written
from editor.errors import GazetteError
from editor.resources import sample_issue_path

NAME = "build"
HELP = "排版整期公报并输出印刷用 PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("issue", nargs="?", help="整期描述 issue.json 或项目文件 *.gazette（默认：内置样例）")
    parser.add_argument("-o", "--output", default="公报.pdf", help="输出 PDF 路径（默认：当前目录下的 公报.pdf）")
    parser.add_argument("--template", default=None, help="版式模板名称或 .toml 路径（默认：整期指定的模板）")
    parser.add_argument("--force", action="store_true",
                        help="输出文件已存在时覆盖它（项目文件和输入文件永远不会被覆盖）")
    parser.add_argument("--bleed", action="store_true", help="加 3 毫米出血并画裁切线")
    parser.add_argument("--pdfx", action="store_true",
                        help="输出 PDF/X-4 印刷文件（CMYK 输出意图，文字纯黑 K100）")
    parser.add_argument("--x1a", action="store_true", help="与 --pdfx 同用：输出 PDF/X-1a（仅 CMYK、无透明）")
    parser.add_argument("--icc", default=None, metavar="ICC文件",
                        help="与 --pdfx 同用：印刷厂提供的 CMYK ICC 特性文件（默认：内置通用铜版纸特性）")
    parser.add_argument("--reg-marks", action="store_true",
                        help="与 --pdfx --bleed 同用：在出血外四边居中加套准标记")


def pdfx_options(args: argparse.Namespace):
    """PdfxOptions from ``--pdfx/--x1a/--icc`` (None: a plain PDF)."""
    if not (args.pdfx or args.x1a):
        if args.icc or args.reg_marks:
            raise GazetteError("--icc 和 --reg-marks 只能与 --pdfx 一起使用")
        return None
    if args.reg_marks and not args.bleed:
        raise GazetteError("套准标记画在出血之外：--reg-marks 需要同时使用 --bleed")
    from editor.render.pdfx import PdfxOptions
    if args.icc and not Path(args.icc).is_file():
        raise GazetteError(f"找不到 ICC 特性文件：{args.icc}")
    return PdfxOptions(version="PDF/X-1a:2001" if args.x1a else "PDF/X-4", icc_path=args.icc,
                       registration_marks=args.reg_marks)


def output_path(args: argparse.Namespace, default_name: str, inputs) -> Path:
    """``-o`` as a checked Path (a folder gets ``default_name`` inside it): never an input
    or a project, another existing file only with ``--force`` (editor.app.outputs)."""
    out = Path(args.output)
    if out.is_dir():
        out = out / default_name
    return check_output(out, inputs, force=args.force)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _preflight_counts(issue, laid_out, args: argparse.Namespace, path: Path) -> None:
    """印前检查's error and warning counts, and the command that lists them."""
    from editor.fonts import default_fontbook
    from editor.layout.paginate import resolve_template
    from editor.preflight import run_preflight
    ignored = {}
    if path.suffix.lower() == ".gazette":
        from editor.store.project import load_ignored
        ignored = load_ignored(path)
    report = run_preflight(issue, laid_out, resolve_template(issue, args.template),
                           default_fontbook(), ignored)
    c = report.counts
    command = "python main.py preflight" + (f" {args.issue}" if args.issue else "")
    _progress(f"印前检查：错误 {c['error']} 条，警告 {c['warning']} 条，提示 {c['info']} 条"
              + (f"（列出：{command}）" if report.findings else ""))


def run(args: argparse.Namespace) -> int:
    from editor.layout.items import where_text
    from editor.render import build_pdf

    pdfx = pdfx_options(args)
    started = time.perf_counter()
    path = Path(args.issue) if args.issue else sample_issue_path()
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    out = output_path(args, "公报.pdf", issue_inputs(path))
    _progress(f"读取整期：{path}")
    issue = load_any_issue(path, _progress)
    try:
        with written(out):
            laid_out = build_pdf(issue, out, template=args.template, bleed=args.bleed,
                                 progress=_progress, pdfx=pdfx)
    except PermissionError as exc:
        raise GazetteError(f"无法写入 {out}（文件可能正被其他程序打开）", str(exc), str(out)) from exc
    for warning in laid_out.warnings:
        _progress(f"提示：{warning.text}{where_text(laid_out, warning)}")
    _preflight_counts(issue, laid_out, args, path)
    seconds = time.perf_counter() - started
    kind = f"{pdfx.version}，" if pdfx else ""
    print(f"已写出 {out.resolve()}（{kind}{len(laid_out.pages)} 页，用时 {seconds:.2f} 秒）")
    return 0
