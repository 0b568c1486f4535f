"""``preflight [ISSUE.json|FILE.gazette|FILE.docx] [--json] [--strict]``: 印前检查 from the
command line (layer: cli).

Lays the issue out with this machine's fonts and runs ``editor.preflight`` over the
documents and the pages; prints the findings by page (错误/警告/提示, rule id, document,
message), or with ``--json`` ``{"findings": [...], "counts": {...}}``.  A project file's
accepted exceptions (忽略) are left out and counted.  Exit code 0 when there is no error
(also with errors unless ``--strict``), 1 with errors under ``--strict``, 2 when the input
is refused.  The work is ``editor.app.checks.preflight_file``; this module parses and
prints.
"""
from __future__ import annotations

import argparse
import json
import sys

NAME = "preflight"
HELP = "印前检查：列出整期的错误、警告和提示（缺字、重叠、超出版心、文号、日期、标点……）"


def add_arguments(parser) -> None:
    parser.add_argument("issue", nargs="?",
                        help="issue.json、项目文件 .gazette 或单个 .docx（默认：示例期刊）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--strict", action="store_true", help="有错误时以退出码 1 结束")
    parser.add_argument("--previous", metavar="上一期", default=None,
                        help="上一期的项目文件或 issue.json，用来核对总第N期")


def run(args: argparse.Namespace) -> int:
    from editor.app.checks import preflight_file
    from editor.preflight import ERROR
    report = preflight_file(args.issue, args.previous)
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(report)
    return 1 if args.strict and report.counts[ERROR] else 0


def print_report(report) -> None:
    """Findings by page, then the issue-wide ones, then the counts."""
    page = object()
    for f in report.findings:
        if f.page != page:
            page = f.page
            print(f"{f.where()}（PDF 第 {f.pdf_page} 页）" if page is not None else "整期")
        # a long title shortened says so (《…网上办》 read as a whole title)
        name = f.document if len(f.document) <= 20 else f.document[:19] + "…"
        doc = f"《{name}》" if f.document else ""
        print(f"  {f.severity_zh} {f.rule} {doc}{f.message}")
    if report.ignored:
        print(f"已忽略 {len(report.ignored)} 条（项目文件中记录的例外）")
    print(f"印前检查：{report.summary()}" if report.findings else "印前检查：未发现问题")
