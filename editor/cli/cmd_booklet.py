"""``python main.py booklet [ISSUE|PROJECT] -o booklet.pdf [--sheet A3|A4] [--creep MM]``
(layer: cli).

Lays the issue out (issue.json or *.gazette; the bundled sample when none is given) and
writes a saddle-stitch booklet for a duplex printer: two pages on each side of a landscape
sheet, page count padded to a multiple of 4 with blank pages (before the back cover when
the issue has one).  ``--sheet A3`` puts A4 pages at full size on A3; ``--sheet A4`` gives
the A5-reduced internal proof booklet on A4.  ``--creep`` shifts the pages of the inner
sheets toward the spine (total for the innermost sheet, in millimetres).  The work is
``editor.app.production.booklet_file``; this module parses and prints.
"""
from __future__ import annotations

import argparse
import sys
import time

NAME = "booklet"
HELP = "按骑马钉顺序拼版，输出双面打印用的小册子 PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("issue", nargs="?", help="整期描述 issue.json 或项目文件 *.gazette（默认：内置样例）")
    parser.add_argument("-o", "--output", default="小册子.pdf", help="输出 PDF 路径（默认：小册子.pdf）")
    parser.add_argument("--sheet", default="A3", type=str.upper, choices=("A3", "A4"),
                        help="纸张：A3 为原大 A4 页两拼；A4 为缩成 A5 的内部校样小册子（默认 A3）")
    parser.add_argument("--creep", type=float, default=0.0, metavar="毫米",
                        help="爬移补偿：最内一张纸的页面向书脊移动的毫米数（默认 0）")
    parser.add_argument("--template", default=None, help="版式模板名称或 .toml 路径（默认：整期指定的模板）")
    parser.add_argument("--force", action="store_true",
                        help="输出文件已存在时覆盖它（项目文件和输入文件永远不会被覆盖）")
    parser.add_argument("--back-cover", action="store_true",
                        help="最后一页是封底：补的空白页放在封底之前")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from editor.app import production

    started = time.perf_counter()
    out, booklet = production.booklet_file(args.issue, args.output, sheet=args.sheet,
                                           creep_mm=args.creep, back_cover=args.back_cover,
                                           template=args.template, force=args.force,
                                           progress=_progress)
    seconds = time.perf_counter() - started
    sides = booklet.sides
    print(f"已写出 {out.resolve()}（{production.booklet_pages_text(booklet)}，"
          f"{sides // 2} 张 {args.sheet} 纸双面，共 {sides} 面；用时 {seconds:.2f} 秒）")
    print("打印：双面、短边翻转，整叠对折后在折线处骑马钉。")
    return 0
