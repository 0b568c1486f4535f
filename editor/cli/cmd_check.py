"""``check [ISSUE.json|FILE.gazette|FILE.docx] [--fix]``: 标点检查 from the command line
(layer: cli).

Lists what ``editor.proof.punctcheck`` finds — half-width marks in Chinese text and
发文字号 year brackets — one line per place with its document,
the text around it and the fix.  ``--fix`` applies every fix to a project file as one
undoable step (the window's 编辑 › 撤销 takes it back).  Exit code 0 when nothing is
found (or everything was fixed), 1 when places are listed, 2 on errors.  The work is in
``editor.app.checks``; this module parses and prints.
"""
from __future__ import annotations

import argparse

NAME = "check"
HELP = "标点检查：列出中文里的半角标点和发文字号年份的括号（--fix 改正项目文件）"


def add_arguments(parser) -> None:
    parser.add_argument("issue", nargs="?", help="issue.json、项目文件 .gazette 或单个 .docx（默认：示例期刊）")
    parser.add_argument("--fix", action="store_true", help="把找到的各处一次改正（仅项目文件，可撤销）")


def run(args: argparse.Namespace) -> int:
    from editor.app.checks import fix_punctuation_file, punctuation_file
    if args.fix:
        fixed = fix_punctuation_file(args.issue)
        print(f"已改正 {fixed} 处（可在编辑器中撤销）" if fixed else "未发现问题")
        return 0
    issue, findings = punctuation_file(args.issue)
    for f in findings:
        doc = issue.find_document(f.doc_id)
        print(f"《{doc.toc_title[:24]}》 {f.context} → “{f.fix}”（{f.reason}）")
    print(f"共 {len(findings)} 处" if findings else "未发现问题")
    return 1 if findings else 0
