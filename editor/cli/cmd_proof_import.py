"""``python main.py proof-import PROJECT annotated.pdf [--round 二校] [--dry-run]``
(layer: cli).

Reads the comments a proofreader added to a proof PDF (in Acrobat, WPS, Foxit, a browser
…), puts each on the source text under it and stores them in the project as annotations,
as one undoable step.  Lists what it could not place.  With an issue.json (which cannot
hold annotations) or ``--dry-run`` it only lists what it would import.  The work is
``editor.app.proofs.import_proof_file``; this module parses and prints.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.app.proofs import summary_lines

NAME = "proof-import"
HELP = "导入校对意见：把 PDF 阅读器里加的批注读回项目"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", help="项目文件 *.gazette（或 issue.json，仅列出不保存）")
    parser.add_argument("pdf", help="校对人员加过批注的校样 PDF")
    parser.add_argument("--round", default=None, help="校次（默认：校样上记录的校次）")
    parser.add_argument("--template", default=None,
                        help="校样不含排版信息时，用此模板重新排版以定位批注")
    parser.add_argument("--dry-run", action="store_true", help="只列出，不写入项目")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from editor.app.proofs import import_proof_file

    result, command, storable = import_proof_file(
        args.project, args.pdf, template=args.template, round_label=args.round,
        dry_run=args.dry_run, progress=_progress)
    print("\n".join(summary_lines(result)))
    if not storable:
        print("（issue.json 不能保存批注；请用项目文件导入。）")
    elif command is not None:
        print(f"已写入项目 {Path(args.project)}：新增 {len(command.added)} 条批注，"
              f"{len(command.replied)} 条答复。")
    elif not args.dry_run:
        print(f"项目 {Path(args.project)} 中已有这些批注，没有新的校对意见。")
    return 0
