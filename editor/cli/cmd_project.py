"""``python main.py project …``: create, fill, inspect and edit a project file from the
command line (layer: cli).

  project new FILE.gazette [--from ISSUE.json]
  project import FILE.gazette DOC.docx… --section 名称
  project show FILE.gazette [--json]
  project move FILE.gazette 文件编号 --section 名称 [--position 序号]
  project reimport FILE.gazette 文件编号 NEW.docx
  project undo FILE.gazette / project redo FILE.gazette
  project log FILE.gazette

Every edit is the same command the window uses, so it is undoable there too.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from editor.errors import GazetteError

KINDS = ("notice", "request", "minutes", "speech", "news", "article", "doc_list", "chronicle", "other")
PARTS = ("title", "subtitle", "speaker", "date", "mark", "heading1", "heading2", "heading3",
         "heading4", "body")
NAME = "project"
HELP = "期刊项目文件（.gazette）：新建、导入、查看、移动、撤销/重做"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作", required=True)
    p = sub.add_parser("new", help="新建项目（可由 issue.json 生成）")
    p.add_argument("file", metavar="项目.gazette", help="项目文件 FILE.gazette")
    p.add_argument("--from", dest="from_json", metavar="整期.json", help="整期描述文件")
    p.add_argument("--like", metavar="上一期.gazette",
                   help="沿用上一期的刊名、简介、口号、版权页和栏目（总期数加 1）")
    p = sub.add_parser("import", help="把 .docx 导入某栏目（栏目不存在时新建）")
    p.add_argument("file", metavar="项目.gazette")
    p.add_argument("docs", nargs="+", metavar="文件.docx")
    p.add_argument("--section", required=True, metavar="名称", help="栏目名称")
    p = sub.add_parser("show", help="列出栏目和文件")
    p.add_argument("file", metavar="项目.gazette")
    p.add_argument("doc_id", nargs="?", metavar="文件编号", help="只看这个文件：识别出的各部分和段落编号")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p = sub.add_parser("move", help="把文件移到某栏目的某个位置")
    p.add_argument("file", metavar="项目.gazette")
    p.add_argument("doc_id", metavar="文件编号")
    p.add_argument("--section", required=True, metavar="名称")
    p.add_argument("--position", type=int, default=None, metavar="序号",
                   help="在栏目中的位置（从 1 起；默认放在最后）")
    p = sub.add_parser("reimport", help="用新版 .docx 替换某个文件（保留版式设置和批注）")
    p.add_argument("file", metavar="项目.gazette")
    p.add_argument("doc_id", metavar="文件编号")
    p.add_argument("new_docx", metavar="新版.docx", help="新版文件")
    p = sub.add_parser("set-kind", help="更正文件类型并按该类型重新识别（可撤销）")
    p.add_argument("file", metavar="项目.gazette")
    p.add_argument("doc_id", metavar="文件编号")
    p.add_argument("kind", choices=KINDS, metavar="类型", help=" | ".join(KINDS))
    p = sub.add_parser("set-part", help="把某段落设为标题、副标题、讲话人、日期、会议文件标识、"
                                        "一至四级标题或正文（可撤销）")
    p.add_argument("file", metavar="项目.gazette")
    p.add_argument("doc_id", metavar="文件编号")
    p.add_argument("block_id", metavar="段落编号",
                   help="段落编号（project show 文件编号 --blocks 列出），或 title/subtitle/speaker/mark/date")
    p.add_argument("part", choices=PARTS, metavar="部分", help=" | ".join(PARTS))
    for action, text in (("undo", "撤销最近一次操作"), ("redo", "重做最近撤销的操作"),
                         ("log", "列出修订记录")):
        p = sub.add_parser(action, help=text)
        p.add_argument("file", metavar="项目.gazette")


def run(args: argparse.Namespace) -> int:
    from editor.app.session import Session

    path = Path(args.file)
    if args.action == "new":
        if args.from_json and not Path(args.from_json).is_file():
            raise GazetteError(f"找不到整期描述文件：{args.from_json}")
        if args.like and not Path(args.like).is_file():
            raise GazetteError(f"找不到上一期的项目文件：{args.like}")
        if args.like and args.from_json:
            raise GazetteError("--from 与 --like 只能选一个")
        with Session.create(path, from_issue_json=args.from_json, progress=_progress_new,
                            like=args.like) as s:
            print(f"已新建项目 {path}：{len(s.issue.sections)} 个栏目，"
                  f"{sum(1 for _ in s.issue.documents())} 个文件")
        return 0
    with Session.open(path) as session:
        for row in session.damaged:
            _progress(f"提示：{row.message}")
        if session.store.upgrade_backup is not None:
            _progress(f"项目文件已升级到新格式，升级前的文件备份为 {session.store.upgrade_backup.name}")
        return ACTIONS[args.action](session, args)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _progress_new(message: str) -> None:
    """Progress of ``project new``, without the 已新建项目 line it prints itself."""
    if not message.startswith("已新建项目"):
        _progress(message)


def _import(session, args) -> int:
    outcome = session.import_documents([Path(p) for p in args.docs], args.section, _progress)
    if outcome.imported:
        print(f"已导入 {len(outcome.imported)} 个文件到栏目“{args.section}”")
    else:
        print("未导入任何文件，项目没有改动")
    for doc_id in outcome.imported:
        doc = session.issue.find_document(doc_id)
        print(f"  {doc_id}  {doc.toc_title}")
    for line in outcome.problems:
        print(f"  注意：{line}")
    return 0 if outcome.imported or not args.docs else 2


def _show(session, args) -> int:
    issue = session.issue
    if args.doc_id:
        return _show_document(session, args)
    if args.json:
        print(json.dumps(summary(session), ensure_ascii=False, indent=2))
        return 0
    meta = issue.meta
    print(f"{meta.title or '（未命名期刊）'} {meta.issue_label} {meta.period}".rstrip())
    for n, section in enumerate(issue.sections, 1):
        print(f"{n}. {section.title}（{len(section.documents)} 个文件）")
        for k, doc in enumerate(section.documents, 1):
            notes = len(doc.annotations)
            extra = f"  [批注 {notes}]" if notes else ""
            print(f"   {k}. {doc.id}  {doc.toc_title}{extra}")
    if session.can_undo:
        print(f"可{session.undo_text}")
    return 0


def summary(session) -> dict:
    issue = session.issue
    return {
        "file": str(session.path),
        "meta": {"title": issue.meta.title, "issue_label": issue.meta.issue_label,
                 "period": issue.meta.period, "published": issue.meta.published},
        "template": issue.template,
        "sections": [{"id": s.id, "title": s.title, "documents": [
            {"id": d.id, "title": d.title, "toc_title": d.toc_title, "kind": d.kind,
             "doc_number": d.doc_number, "source_name": d.source_name,
             "annotations": len(d.annotations),
             "orphaned_annotations": sum(a.orphaned for a in d.annotations)}
            for d in s.documents]} for s in issue.sections],
        "undo": session.history[-1].text if session.can_undo else None,
        "redo": session.redo_history[0].text if session.can_redo else None,
    }


def _move(session, args) -> int:
    from editor.app.commands import MoveDocument, find_section_by_title
    section = find_section_by_title(session.issue, args.section)
    if section is None:
        raise GazetteError(f"找不到栏目“{args.section}”")
    if session.issue.find_document(args.doc_id) is None:
        raise GazetteError(f"找不到文件 {args.doc_id}（用 project show 查看编号）")
    index = len(section.documents) if args.position is None else args.position - 1
    if index < 0:
        raise GazetteError("位置从 1 开始")
    session.execute(MoveDocument(doc_id=args.doc_id, section_id=section.id, index=index))
    print(f"已移动 {args.doc_id} 到栏目“{section.title}”")
    return 0


def _reimport(session, args) -> int:
    if session.issue.find_document(args.doc_id) is None:
        raise GazetteError(f"找不到文件 {args.doc_id}（用 project show 查看编号）")
    session.reimport(args.doc_id, Path(args.new_docx))
    print(f"已{session.undo_text}")
    report = session.import_report(args.doc_id)
    for entry in report.entries if report is not None else ():
        print(f"  注意：{entry.message_zh}")
    return 0


def _undo(session, args) -> int:
    text, who = session.undo_text, _made_by(session.history)
    session.undo()
    print(f"已{text}{who}")
    return 0


def _redo(session, args) -> int:
    text, who = session.redo_text, _made_by(session.redo_history[:1])
    session.redo()
    print(f"已{text}{who}")
    return 0


def _made_by(entries) -> str:
    """“（张三 2026-12-06 09:30 所做）”: whose step the command line takes back or redoes
    (several people may edit one project)."""
    if not entries:
        return ""
    entry = entries[-1]
    from editor.app.session import local_time
    return f"（{entry.user} {local_time(entry.time)} 所做）"


def _log(session, args) -> int:
    states = {(False, False): "", (True, False): "（已撤销）", (True, True): "（已放弃）"}
    for row in session.store.log():
        state = states.get((row["undone"], row["discarded"]), "")
        print(f"{row['seq']:>4}  {row['time']}  {row['user']}  {row['description']}{state}")
    return 0


ACTIONS = {"import": _import, "show": _show, "move": _move, "reimport": _reimport,
           "undo": _undo, "redo": _redo, "log": _log}


def _doc_or_fail(session, doc_id: str):
    doc = session.issue.find_document(doc_id)
    if doc is None:
        raise GazetteError(f"找不到文件 {doc_id}（用 project show 查看编号）")
    return doc


def _show_document(session, args) -> int:
    """One document's recognised parts and its paragraphs with their ids (for set-part)."""
    from editor.model import Heading, Paragraph
    doc = _doc_or_fail(session, args.doc_id)
    parts = {"kind": doc.kind, "mark": doc.mark, "title": doc.title, "subtitle": doc.subtitle,
             "speaker": doc.speaker, "date": doc.date, "uncertain": doc.uncertain,
             "blocks": [{"id": b.id, "part": f"heading{b.level}" if isinstance(b, Heading)
                         else "body", "text": b.display_text[:40]}
                        for b in doc.all_blocks() if isinstance(b, Paragraph)]}
    if args.json:
        print(json.dumps(parts, ensure_ascii=False, indent=1))
        return 0
    for key in ("kind", "mark", "title", "subtitle", "speaker", "date"):
        if parts[key]:
            print(f"{key}: {parts[key]}")
    if doc.uncertain:
        print("待核对：" + "、".join(doc.uncertain))
    for b in parts["blocks"]:
        print(f"  {b['id']:>6}  {b['part']:<8} {b['text']}")
    return 0


def _set_kind(session, args) -> int:
    from editor.app.recognition_commands import SetDocumentKind
    _doc_or_fail(session, args.doc_id)
    command = SetDocumentKind(doc_id=args.doc_id, kind=args.kind)
    session.execute(command)
    doc = session.issue.find_document(args.doc_id)
    print(f"{command.describe()}：《{doc.toc_title}》（可撤销）")
    return 0


def _set_part(session, args) -> int:
    from editor.app.recognition_commands import SetPart
    _doc_or_fail(session, args.doc_id)
    command = SetPart(doc_id=args.doc_id, block_id=args.block_id, target=args.part)
    session.execute(command)
    doc = session.issue.find_document(args.doc_id)
    print(f"{command.describe()}：《{doc.toc_title}》（可撤销）")
    return 0


ACTIONS["set-kind"] = _set_kind
ACTIONS["set-part"] = _set_part
