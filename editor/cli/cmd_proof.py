"""``python main.py proof [ISSUE|PROJECT] -o proof.pdf [--round 一校] [--compare OLD.pdf]``
(layer: cli).

Builds the issue and writes the proof (校样): the print PDF with a 校样 watermark, the round
and date in the margin and every open annotation as a PDF comment.  ``--compare`` lists,
per document, the text that changed since an earlier proof (read from that proof's
embedded positions).  The work is ``editor.app.proofs.proof_file``; this module parses
and prints.
"""
from __future__ import annotations

import argparse
import sys
import time

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
    from editor.app.proofs import proof_file

    started = time.perf_counter()
    proof = proof_file(args.issue, args.output, args.round, template=args.template,
                       compare=args.compare, force=args.force, progress=_progress)
    seconds = time.perf_counter() - started
    print(f"已写出校样 {proof.out.resolve()}（{len(proof.pmap.pages)} 页，{proof.shown} 条批注，"
          f"构建 {proof.pmap.build[:8]}，用时 {seconds:.2f} 秒）")
    for ann in proof.missing:
        print(f"未能标出的批注：{ann.kind}「{ann.quote[:20]}」（{ann.note[:30]}）")
    if proof.changes is not None:
        print(proof.changes)
    return 0
