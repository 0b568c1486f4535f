"""Entry points: .docx file or bytes -> ImportResult(document, report) (layer: import)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from editor.docx_import.context import Context
from editor.docx_import.notes import attach_notes, load_comments, load_notes
from editor.docx_import.numbering import MAX_START, Numbering
from editor.docx_import.package import Package
from editor.docx_import.report import DocxImportError, ImportReport
from editor.docx_import.sanitize import sanitize
from editor.docx_import.sections import walk_sections
from editor.docx_import.structure import recognise
from editor.docx_import.styles import StyleSheet, Theme
from editor.docx_import.xmlutil import local, w
from editor.guard import display_name, read_input
from editor.model import Document, PageBreak, Paragraph


@dataclass
class ImportResult:
    document: Document
    report: ImportReport


def import_docx(path: str | Path) -> ImportResult:
    """Import a .docx file; raises ``DocxImportError`` for files it refuses (a FIFO or a
    device named .docx by its type, before anything is read from it)."""
    from editor.appdirs import locked_message, read_shared
    path = Path(path)
    name, shown = display_name(path.name), display_name(str(path))
    try:
        data = read_shared(path, reader=lambda text: read_input(
            text, lambda problem, detail: DocxImportError(
                f"无法导入“{name}”：{problem}", detail, path=shown)))
    except PermissionError as exc:      # held open by another program (Windows), or no rights
        if path.is_dir():               # Windows refuses reading a folder this way
            raise DocxImportError(f"无法导入“{name}”：这是一个文件夹，不是文件",
                                  f"is a directory: {shown}", path=shown) from None
        raise DocxImportError(f"无法导入：{display_name(locked_message(path))}", display_name(str(exc)),
                              path=shown) from None
    except IsADirectoryError:
        raise DocxImportError(f"无法导入“{name}”：这是一个文件夹，不是文件",
                              f"is a directory: {shown}", path=shown) from None
    except FileNotFoundError:
        raise DocxImportError(f"无法导入“{name}”：文件不存在", f"not found: {shown}",
                              path=shown) from None
    except OSError as exc:
        raise DocxImportError(f"无法导入“{name}”：文件无法读取", display_name(str(exc)),
                              path=shown) from None
    return import_docx_bytes(data, name)


def import_docx_bytes(data: bytes, name: str) -> ImportResult:
    """Import a .docx held in memory (``name`` is used in messages and the document)."""
    report = ImportReport()
    name = display_name(name)
    try:
        return _import(data, name, report)
    except DocxImportError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise DocxImportError(f"无法导入“{name}”：文件结构过深或过大", repr(exc), path=name) from None


# Root elements of Office packages that are not Word documents, as the user knows them.
_NOT_A_DOCUMENT = {"themeManager": "这是 Office 主题文件，不是文档",
                   "presentation": "这是 PowerPoint 演示文稿，不是 Word 文档",
                   "workbook": "这是 Excel 工作簿，不是 Word 文档",
                   "glossaryDocument": "这是 Word 构建基块（词汇表）文件，不是文档"}


def _import(data: bytes, name: str, report: ImportReport) -> ImportResult:
    pkg = Package(data, name, report)
    root = pkg.xml(pkg.main, required=True)
    if local(root.tag) != "document":
        what = _NOT_A_DOCUMENT.get(local(root.tag), "其内容不是 Word 文档正文")
        raise DocxImportError(f"无法导入“{name}”：{what}，请选择 Word 文档（.docx）",
                              f"main part root is {root.tag}", path=name)
    theme_part = pkg.related("theme", "theme/theme1.xml")
    theme = Theme(pkg.xml(theme_part) if theme_part else None)
    styles_part = pkg.related("styles", "styles.xml")
    styles = StyleSheet(pkg.xml(styles_part) if styles_part else None, theme)
    numbering_part = pkg.related("numbering", "numbering.xml")
    ctx = Context(pkg=pkg, styles=styles, numbering=Numbering(None), report=report)
    ctx.numbering = Numbering(pkg.xml(numbering_part) if numbering_part else None, theme,
                              styles, unknown=lambda fmt: ctx.note(
                                  "warning", "未知的编号格式，已按阿拉伯数字显示", f"numFmt {fmt}"))
    for value in ctx.numbering.clamped:
        ctx.note("warning", f"自动编号的起始值超出范围，已改为 0～{MAX_START} 之内",
                 f"numbering start {value:g}")
    if pkg.strict:
        report.info("文件为 Strict OOXML 格式，已按标准格式导入", "strict namespaces mapped")
    load_comments(ctx)
    load_notes(ctx)
    body = root.find(w("body"))
    blocks = walk_sections(ctx, body) if body is not None else []
    if body is None:
        report.warning("文档没有正文（w:body）", "missing w:body")
    doc = Document(id="d" + hashlib.sha256(data).hexdigest()[:10], source_name=name,
                   source_sha256=hashlib.sha256(data).hexdigest())
    if not _has_content(blocks):
        raise DocxImportError(f"无法导入“{name}”：文件是空的，没有文字、表格或图片",
                              "empty document", path=name)
    flat = list(blocks)             # the recogniser takes the head paragraphs out of it
    recognise(ctx, blocks, doc)
    attach_notes(ctx, doc, flat)
    fixed = sanitize(doc)
    if fixed:
        ctx.note("warning", f"文字中有 {fixed} 个无效字符（控制字符、代理项或非字符），"
                 "已删除或显示为 �", "text sanitised")
    _report_parts(ctx)
    ctx.counter.flush(report)
    return ImportResult(document=doc, report=report)


def _has_content(blocks: list) -> bool:
    """Any text, table or picture (an empty .docx, or one of blank lines, has none)."""
    return any(not isinstance(b, (Paragraph, PageBreak)) or b.display_text.strip()
               for b in blocks)


def _report_parts(ctx: Context) -> None:
    names = ctx.pkg.names
    if any(n.startswith("word/header") or n.startswith("word/footer") for n in names):
        ctx.note("info", "页眉页脚未导入（由公报模板重新生成）", "headers/footers")
    if any("vbaProject" in n for n in names):
        ctx.note("warning", "文档中的宏未导入", "vbaProject.bin")
    if any(n.startswith("word/embeddings/") for n in names):
        ctx.note("warning", "文档中的嵌入对象（OLE）未导入", "word/embeddings")
