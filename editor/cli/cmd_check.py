"""``check [ISSUE.json|FILE.gazette|FILE.docx] [--fix]``: 标点检查 from the command line
(layer: cli).

Lists what ``editor.proof.punctcheck`` finds — half-width marks in Chinese text and
发文字号 year brackets — one line per place with its document,
the text around it and the fix.  ``--fix`` applies every fix to a project file as one
undoable step (the window's 编辑 › 撤销 takes it back).  Exit code 0 when nothing is
found (or everything was fixed), 1 when places are listed, 2 on errors.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from editor.errors import GazetteError
from editor.resources import sample_issue_path

NAME = "check"
HELP = "标点检查：列出中文里的半角标点和发文字号年份的括号（--fix 改正项目文件）"


def add_arguments(parser) -> None:
    parser.add_argument("issue", nargs="?", help="issue.json、项目文件 .gazette 或单个 .docx（默认：示例期刊）")
    parser.add_argument("--fix", action="store_true", help="把找到的各处一次改正（仅项目文件，可撤销）")


def run(args: argparse.Namespace) -> int:
    from editor.proof.punctcheck import check_punctuation, fix_places
    path = Path(args.issue) if args.issue else sample_issue_path()
    if args.fix and path.suffix.lower() != ".gazette":
        raise GazetteError("--fix 只能用于项目文件（.gazette）：请先用 project new 建立项目")
    if args.fix:
        from editor.app.session import Session
        from editor.proof.corrections import FixPunctuation
        with Session.open(path) as session:
            if session.access is not None and session.access.readonly:
                raise GazetteError("项目文件正由他人编辑，只能读取，不能改正", path=str(path))
            findings = check_punctuation(session.issue)
            if findings:
                session.execute(FixPunctuation(places=fix_places(findings)))
        print(f"已改正 {len(findings)} 处（可在编辑器中撤销）" if findings else "未发现问题")
        return 0
    issue = _load(path)
    findings = check_punctuation(issue)
    for f in findings:
        doc = issue.find_document(f.doc_id)
        print(f"《{doc.toc_title[:24]}》 {f.context} → “{f.fix}”（{f.reason}）")
    print(f"共 {len(findings)} 处" if findings else "未发现问题")
    return 1 if findings else 0


def _load(path: Path):
    if path.suffix.lower() == ".docx":
        from editor import model
        from editor.docx_import import import_docx
        doc = import_docx(path).document
        return model.Issue(sections=[model.Section("s1", "来文", [doc])])
    from editor.cli.cmd_build import load_any_issue
    return load_any_issue(path)
