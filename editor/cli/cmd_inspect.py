"""``inspect FILE.docx [--json]``: show what the importer recognised (layer: cli)."""
from __future__ import annotations

import json
import sys

from editor.docx_import import import_docx
from editor.docx_import.summary import all_tables, as_json, headings, news_items, table_info
from editor.model.address import PART_LABELS, kind_label

NAME = "inspect"
HELP = "检查一个 .docx 文件：识别出的红头各部分、标题层级、表格和导入报告"

_PARTS = {**PART_LABELS, "kind": "类型"}


def add_arguments(parser) -> None:
    parser.add_argument("file", help=".docx 文件路径")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（含全部可见文字）")


def run(args) -> int:
    result = import_docx(args.file)
    if args.json:
        json.dump(as_json(result), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    _print_text(result)
    return 0


def _print_text(result) -> None:
    doc, report = result.document, result.report
    out = [f"文件：{doc.source_name}", f"类型：{kind_label(doc.kind)}"]
    for label, value in (("会议文件标识", doc.mark), ("发文机关标志", doc.issuer_mark),
                         ("发文字号", doc.doc_number), ("标题", doc.title), ("副标题", doc.subtitle), ("讲话人", doc.speaker),
                         ("主送机关", doc.recipients)):
        if value:
            out.append(f"{label}：{value}")
    out.append(f"正文：{len(doc.body)} 块")
    for label, lines in (("附件说明", doc.attachment_note), ("落款", doc.signature),
                         ("版记", doc.colophon_note)):
        if lines:
            out.append(f"{label}：" + " / ".join(lines))
    if doc.date:
        out.append(f"{'日期' if doc.date_in_head else '成文日期'}：{doc.date}")
    if doc.uncertain:
        out.append("待核对：" + "、".join(_PARTS.get(p, p) for p in doc.uncertain) + "（导入时未能确定）")
    items = news_items(doc)
    if items:
        out.append(f"简讯条目（{len(items)} 条）：")
        out.extend(f"  {item['title']}" + (f"（{item['date']}）" if item["date"] else "")
                   for item in items)
    for att in doc.attachments:
        out.append(f"附件：{att.label or '（无标签）'} {att.title}（{len(att.blocks)} 块）")
    heads = headings(doc)
    if heads:
        out.append(f"标题层级（{len(heads)} 个）：")
        out.extend("  " * h["level"] + f"[{h['level']}] {h['text']}" for h in heads)
    for table in all_tables(doc):
        info = table_info(table)
        out.append(f"表格 {info['id']}：{info['rows']} 行 × {info['cols']} 列，表头 "
                   f"{info['header_rows']} 行，合并单元格 {len(info['spans'])} 个")
    if doc.annotations:
        out.append(f"批注：{len(doc.annotations)} 条")
    feet = sum(1 for n in doc.footnotes if n.kind == "footnote")
    if feet:
        out.append(f"脚注：{feet} 条")
    if len(doc.footnotes) > feet:
        out.append(f"尾注：{len(doc.footnotes) - feet} 条")
    if report:
        out.append("导入报告：")
        out.extend(f"  [{'提示' if e.level == 'info' else '警告'}] {e.message_zh}"
                   for e in report.entries)
    else:
        out.append("导入报告：无")
    print("\n".join(out))
