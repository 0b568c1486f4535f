"""``python main.py build [ISSUE] -o OUT.pdf [--template NAME] [--bleed]
[--pdfx [--x1a] [--icc PATH] [--reg-marks]] [--pdfa]`` (layer: cli).

Reads an issue description (issue.json: metadata and .docx paths) or a project file
(*.gazette), lays the issue out in the chosen template and writes the print PDF
(``editor.app.production.build_file``; this module parses and prints).  With no
ISSUE the bundled sample issue (总第32期) is built.  One progress line per stage goes to
stderr; problems the user can fix are ``GazetteError``s (exit code 2, no traceback).
``--pdfx`` turns the result into a PDF/X-4 print file (``--x1a``: PDF/X-1a), with the
output intent's CMYK profile from ``--icc`` or the generated generic one.  ``--pdfa``
writes the archival PDF/A-2u file instead (refused with ``--pdfx`` or ``--bleed``).
"""
from __future__ import annotations

import argparse
import sys
import time

from editor.app import production
from editor.app.loading import load_any_issue  # noqa: F401  (tests import it from here)
from editor.errors import GazetteError

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
    parser.add_argument("--pdfa", action="store_true",
                        help="输出存档 PDF（PDF/A-2u，供档案馆长期保存；不能与 --pdfx、--bleed 同用）")
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
    return production.pdfx_options(production.PDFX_1A if args.x1a else production.PDFX_4,
                                   args.icc, args.reg_marks)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# what the program only guessed, said at build even when it is no error
DOUBT_RULES = ("TITLE_MISSING", "KIND_UNCERTAIN", "IMAGE_SCALED", "TEXT_COLOURED")


def doubts(report, warnings, issue=None) -> list[str]:
    """Lines for the 印前检查's errors and the guesses of DOUBT_RULES that the layout's
    own warnings (printed above them) do not already name: an unrecognised title, a
    picture scaled down, a page outside the 版心 …  A document is named by its file too
    (three documents without a title were each 《无标题文件》)."""
    said = {(w.code, w.block_id) for w in warnings}
    files = {d.id: d.source_name for d in issue.documents()} if issue is not None else {}
    out = []
    for f in report.findings:
        if (f.severity != "error" and f.rule not in DOUBT_RULES) or (f.rule, f.block_id) in said:
            continue
        name = f.document if len(f.document) <= 20 else f.document[:19] + "…"
        places = [p for p in (f.where(), files.get(f.doc_id)) if p]
        where = f"（{'，'.join(places)}）" if places else ""
        out.append(f"{f.severity_zh}：{f'《{name}》' if name else ''}{f.message}{where}")
    return out


def run(args: argparse.Namespace) -> int:
    from editor.layout.items import where_text
    from editor.preflight.findings import RULES, SEVERITY_ZH

    pdfx = pdfx_options(args)
    started = time.perf_counter()
    built = production.build_file(args.issue, args.output, template=args.template,
                                  bleed=args.bleed, pdfx=pdfx, force=args.force,
                                  progress=_progress, pdfa=args.pdfa)
    for warning in built.laid_out.warnings:
        # said as 印前检查 counts it (a missing character is an error, not a 提示)
        severity = RULES.get(warning.code or "LAYOUT_OTHER", ("warning",))[0]
        _progress(f"{SEVERITY_ZH[severity]}：{warning.text}{where_text(built.laid_out, warning)}")
    report = built.report
    for line in doubts(report, built.laid_out.warnings, built.issue):
        _progress(line)
    c = report.counts
    command = "python main.py preflight" + (f" {args.issue}" if args.issue else "")
    _progress(f"印前检查：错误 {c['error']} 条，警告 {c['warning']} 条，提示 {c['info']} 条"
              + (f"（列出：{command}）" if report.findings else ""))
    seconds = time.perf_counter() - started
    kind = f"{pdfx.version}，" if pdfx else ("存档 PDF/A-2u，" if args.pdfa else "")
    print(f"已写出 {built.out.resolve()}（{kind}{len(built.laid_out.pages)} 页，用时 {seconds:.2f} 秒）")
    return 0
