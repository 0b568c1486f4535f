"""``archive``: the gazette archive from the command line (layer: cli).

  archive add ARCHIVE FILE.gazette…            add (or update) issues
  archive search ARCHIVE 关键词 [--year 2025] [--kind notice] [--issuer 名称]
                 [--from 日期] [--to 日期] [--json]
  archive list ARCHIVE                          the archived issues
  archive index ARCHIVE --year 2025 -o 总目次.pdf
  archive web ARCHIVE -o 站点目录/

The work is done by ``editor.app.archive``, which the window calls too.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "archive"
HELP = "公报档案：加入各期、全文检索、年度总目次、电子版网站"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作", required=True)
    p = sub.add_parser("add", help="把一期或多期加入档案（同一期再次加入即更新）")
    p.add_argument("archive", metavar="档案文件")
    p.add_argument("issues", nargs="+", metavar="期刊文件", help="项目文件 .gazette 或 issue.json")
    p.add_argument("--template", metavar="版式模板", default=None)
    p = sub.add_parser("search", help="全文检索")
    p.add_argument("archive", metavar="档案文件")
    p.add_argument("query", metavar="关键词", help="多个词用空格分开，须全部出现")
    p.add_argument("--year", type=int, metavar="年份")
    p.add_argument("--kind", metavar="类型", help="notice、speech、news、doc_list、chronicle 等")
    p.add_argument("--issuer", metavar="发文机关", help="发文机关名称的一部分")
    p.add_argument("--from", dest="date_from", metavar="日期", help="成文日期起，如 2025-01-01")
    p.add_argument("--to", dest="date_to", metavar="日期", help="成文日期止")
    p.add_argument("--limit", type=int, default=50, metavar="条数")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p = sub.add_parser("list", help="列出档案中的各期")
    p.add_argument("archive", metavar="档案文件")
    p = sub.add_parser("index", help="年度总目次 PDF")
    p.add_argument("archive", metavar="档案文件")
    p.add_argument("--year", type=int, required=True, metavar="年份")
    p.add_argument("-o", "--output", required=True, metavar="输出文件")
    p.add_argument("--template", metavar="版式模板", default=None)
    p.add_argument("--force", action="store_true",
                   help="输出文件已存在时覆盖它（档案、项目文件永远不会被覆盖）")
    p = sub.add_parser("web", help="电子版网站（静态网页目录，可直接打开）")
    p.add_argument("archive", metavar="档案文件")
    p.add_argument("-o", "--output", required=True, metavar="输出目录")
    p.add_argument("--force", action="store_true",
                   help="输出目录里已有别的文件时仍写入（同名文件被覆盖）")
    p.add_argument("--template", metavar="版式模板", default=None)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    return {"add": _add, "search": _search, "list": _list, "index": _index,
            "web": _web}[args.action](args)


def _add(args) -> int:
    from editor.app.archive import add_issue
    for source in args.issues:
        label, replaced, n = add_issue(args.archive, source, args.template, _progress)
        print(f"{'已更新' if replaced else '已加入'}档案：{label}（{n} 个文件）")
    return 0


def _search(args) -> int:
    from editor.app.archive import search
    hits = search(args.archive, args.query, year=args.year, kind=args.kind,
                  issuer=args.issuer, date_from=args.date_from, date_to=args.date_to,
                  limit=args.limit)
    if args.json:
        results = [{"issue": h.issue, "total_number": h.total_number, "year": h.year,
                    "section": h.section, "title": h.title, "doc_number": h.doc_number,
                    "page": h.page, "pdf_page": h.pdf_page + 1, "snippet": h.snippet}
                   for h in hits]
        print(json.dumps({"query": args.query, "results": results}, ensure_ascii=False,
                         indent=2))
        return 0
    if not hits:
        print(f"没有找到“{args.query}”")
        return 1
    for h in hits:
        number = f"（{h.doc_number}）" if h.doc_number else ""
        year = f"{h.year}年 " if h.year else ""
        print(f"{year}{h.issue} 第 {h.page} 页  [{h.section}] {h.title}{number}")
        print(f"    {h.snippet}")
    print(f"共 {len(hits)} 处")
    return 0


def _list(args) -> int:
    from editor.archive import Archive
    with Archive(args.archive, create=False) as archive:
        issues = archive.issues()
        for issue in issues:
            n = len(archive.documents(issue_key=issue["key"]))
            print(f"{issue['year'] or '—'}年  {issue['label']}  {issue['period']}  {n} 个文件")
    print(f"共 {len(issues)} 期")
    return 0


def _index(args) -> int:
    from editor.app.archive import write_year_index
    out = Path(args.output)
    pages = write_year_index(args.archive, args.year, out, args.template, _progress,
                             force=args.force)
    print(f"已写出 {out}（{args.year}年总目次，{pages} 页）")
    return 0


def _web(args) -> int:
    from editor.app.archive import write_web
    out = Path(args.output)
    pages = write_web(args.archive, out, args.template, _progress, force=args.force)
    print(f"已写出电子版 {out}（{len(pages)} 个网页），入口：{out / 'index.html'}")
    return 0
