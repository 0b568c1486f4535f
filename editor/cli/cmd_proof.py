"""``python main.py proof [ISSUE|PROJECT] -o proof.pdf [--round 一校] [--compare OLD.pdf]``
(layer: cli).

Builds the issue and writes the proof (校样): the print PDF with a 校样 watermark, the round
and date in the margin and every open annotation as a PDF comment.  ``--compare`` lists,
per document, the text that changed since an earlier proof (read from that proof's
embedded positions).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from editor.errors import GazetteError
from editor.resources import sample_issue_path

NAME = "proof"
HELP = "导出校样 PDF（校样水印、校次日期、批注）"
ROUNDS = ("一校", "二校", "三校", "终校")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("issue", nargs="?",
                        help="整期描述 issue.json 或项目文件 *.gazette（默认：内置样例）")
    parser.add_argument("-o", "--output", default="校样.pdf", help="输出路径（默认：校样.pdf）")
    parser.add_argument("--round", default="", help=f"校次，如 {'、'.join(ROUNDS)}")
    parser.add_argument("--template", default=None, help="版式模板名称或 .toml 路径")
    parser.add_argument("--force", action="store_true",
                        help="输出文件已存在时覆盖它（项目文件和输入文件永远不会被覆盖）")
    parser.add_argument("--compare", default=None, metavar="旧校样.pdf",
                        help="与上一校的校样比较，列出各文件改动的文字")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from editor.app.outputs import issue_inputs, written
    from editor.cli.cmd_build import load_any_issue, output_path
    from editor.proof.compare import compare_drafts, format_report
    from editor.proof.export import export_proof, open_annotations
    from editor.proof.import_ import read_old_proof

    started = time.perf_counter()
    path = Path(args.issue) if args.issue else sample_issue_path()
    out = output_path(args, "校样.pdf", issue_inputs(path) + [args.compare])
    previous = read_old_proof(args.compare) if args.compare else None
    _progress(f"读取整期：{path}")
    issue = load_any_issue(path, _progress)
    try:
        with written(out):
            pmap, missing = export_proof(issue, out, args.round, template=args.template,
                                         progress=_progress)
    except PermissionError as exc:
        raise GazetteError(f"无法写入 {out}（文件可能正被其他程序打开）", str(exc), str(out)) from exc
    shown = len(open_annotations(issue)) - len(missing)
    seconds = time.perf_counter() - started
    print(f"已写出校样 {out.resolve()}（{len(pmap.pages)} 页，{shown} 条批注，"
          f"构建 {pmap.build[:8]}，用时 {seconds:.2f} 秒）")
    for ann in missing:
        print(f"未能标出的批注：{ann.kind}「{ann.quote[:20]}」（{ann.note[:30]}）")
    if previous is not None:
        print(format_report(compare_drafts(previous, pmap)))
    return 0
