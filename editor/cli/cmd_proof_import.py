"""``python main.py proof-import PROJECT annotated.pdf [--round 二校] [--dry-run]``
(layer: cli).

Reads the comments a proofreader added to a proof PDF (in Acrobat, WPS, Foxit, a browser
…), puts each on the source text under it and stores them in the project as annotations,
as one undoable step.  Lists what it could not place.  With an issue.json (which cannot
hold annotations) or ``--dry-run`` it only lists what it would import.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.app.proofs import summary_lines
from editor.errors import GazetteError

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


def _rebuilt_map(issue, template):
    """A map from laying the issue out again (for proofs that carry none)."""
    def build():
        from editor.fonts import default_fontbook
        from editor.layout.paginate import layout_issue
        from editor.proof.geometry import ProofMap

        _progress("校样未附排版信息，重新排版以定位批注")
        return ProofMap.from_layout(layout_issue(issue, template, measurer=default_fontbook()))
    return build


def run(args: argparse.Namespace) -> int:
    from editor.proof.import_ import import_proof

    path, pdf = Path(args.project), Path(args.pdf)
    if not pdf.exists():
        raise GazetteError(f"找不到文件：{pdf}")
    if path.suffix.lower() != ".gazette":
        from editor.cli.cmd_build import load_any_issue
        issue = load_any_issue(path, _progress)
        result = import_proof(str(pdf), issue, fallback=_rebuilt_map(issue, args.template),
                              round_label=args.round)
        print("\n".join(summary_lines(result)))
        print("（issue.json 不能保存批注；请用项目文件导入。）")
        return 0
    session = _open_session(path)
    try:
        result = import_proof(str(pdf), session.issue,
                              fallback=_rebuilt_map(session.issue, args.template),
                              round_label=args.round)
        print("\n".join(summary_lines(result)))
        if not args.dry_run:
            _store(session, path, result)
    finally:
        session.close()
    return 0


def _store(session, path: Path, result) -> None:
    """Add what is new as one undoable command of the project."""
    from editor.proof.import_ import AddImportedAnnotations

    known = {a.id for d in session.issue.documents() for a in d.annotations}
    fresh = [a for a in result.annotations if a.id not in known]
    if not fresh and not result.replies:
        print(f"项目 {path} 中已有这些批注，没有新的校对意见。")
        return
    cmd = AddImportedAnnotations(annotations=fresh, replies=result.replies)
    session.execute(cmd)
    print(f"已写入项目 {path}：新增 {len(cmd.added)} 条批注，{len(cmd.replied)} 条答复。")


def _open_session(path: Path):
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    from editor.app.session import Session
    return Session.open(path)
