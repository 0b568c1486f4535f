"""Block walker: w:body (or a cell, text box) -> model blocks in document order (layer: import).

Paragraphs and tables interleaved; content controls, custom XML and block-level revisions
unwrapped; images, text boxes and page breaks found inside paragraphs become blocks of
their own right after (or before) their paragraph.  Paragraph formatting and run fonts come
from the style cascade; auto-numbered paragraphs get their label from numbering.xml.
"""
from __future__ import annotations

import io
import posixpath
from dataclasses import replace

from editor.docx_import.context import Context, ParaInfo
from editor.docx_import.pictures import for_print
from editor.docx_import.runs import RunCollector, image_rel
from editor.docx_import.styles import merge_ppr, para_props
from editor.docx_import.xmlutil import MC_NS, W_NS, alternate_branch, local, ns, w
from editor.model import Image, ListItem, PageBreak, Paragraph, ParaStyle, Run

_BLOCK_SKIP = {"bookmarkStart", "bookmarkEnd", "sectPr", "proofErr", "permStart", "permEnd",
               "commentRangeStart", "commentRangeEnd", "sdtPr", "sdtEndPr", "customXmlPr",
               "tcPr", "tblPr", "trPr", "tblPrEx",
               "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"}
_CONTENT_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                  ".gif": "image/gif", ".bmp": "image/bmp", ".tif": "image/tiff",
                  ".tiff": "image/tiff", ".emf": "image/x-emf", ".wmf": "image/x-wmf",
                  ".svg": "image/svg+xml", ".webp": "image/webp"}


def walk_blocks(ctx: Context, parent, id_prefix: str = "", rels=None) -> list:
    """Model blocks of a block container, in order.  A table of contents Word or WPS made
    for the document itself (a TOC field, or the content control holding one) is left
    out with a note: its page numbers are the sender's pages, and the gazette has its own
    目录 (it printed as 一、总体要求1 / 二、整治内容3 in the body)."""
    out: list = []
    counter = {"p": 0}
    for el in parent:
        # open fields of a TOC field being skipped (kept on the context: the body is
        # walked one element at a time, section by section)
        depth = ctx.toc_fields_open
        if depth or _starts_toc(el):
            if not depth:
                ctx.note("info", "文件自带的目录（Word 目录域）未导入，公报目录另行编排", "TOC field")
            ctx.toc_fields_open = max(0, depth + _field_balance(el))
            continue
        if _is_toc_control(el):
            ctx.note("info", "文件自带的目录（Word 目录域）未导入，公报目录另行编排",
                     "TOC content control")
            continue
        _block(ctx, el, out, id_prefix, counter, rels)
    return out


def _is_toc_control(el) -> bool:
    """A content control of the 目录 gallery (Word's and WPS's 插入目录)."""
    if local(el.tag) != "sdt" or ns(el.tag) != W_NS:
        return False
    gallery = el.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and gallery.get(w("val"), "") == "Table of Contents"


def _starts_toc(el) -> bool:
    """A paragraph whose first field is a TOC field."""
    if local(el.tag) != "p" or ns(el.tag) != W_NS:
        return False
    for instr in el.iter(w("instrText")):
        return (instr.text or "").strip().upper().startswith("TOC")
    return False


def _field_balance(el) -> int:
    """Fields begun less fields ended in an element (a TOC field holds a PAGEREF field
    per entry; it ends with the paragraph where the count returns to zero)."""
    balance = 0
    for ch in el.iter(w("fldChar")):
        kind = ch.get(w("fldCharType"))
        balance += 1 if kind == "begin" else -1 if kind == "end" else 0
    return balance


def _block(ctx: Context, el, out: list, prefix: str, counter: dict, rels) -> None:
    name, space = local(el.tag), ns(el.tag)
    if space == MC_NS and name == "AlternateContent":
        target = alternate_branch(el)
        for c in (target if target is not None else []):
            _block(ctx, c, out, prefix, counter, rels)
        return
    if space != W_NS:
        if name:
            ctx.note("info", "正文中有无法识别的内容，已忽略", f"block {el.tag}")
        return
    if name == "p":
        out.extend(paragraph(ctx, el, _para_id(ctx, prefix, counter), prefix, rels))
    elif name == "tbl":
        from editor.docx_import.tables import table
        made = table(ctx, el, rels)
        if isinstance(made, list):          # nested too deep: plain paragraphs
            out.extend(made)
        else:
            out.append(made)
    elif name == "sdt":
        content = el.find(w("sdtContent"))
        if content is not None:
            for c in content:
                _block(ctx, c, out, prefix, counter, rels)
    elif name in ("customXml", "ins", "moveTo", "smartTag"):
        for c in el:
            _block(ctx, c, out, prefix, counter, rels)
    elif name in ("del", "moveFrom"):
        ctx.note("info", "修订中删除的内容未导入（按接受修订处理）", "block-level w:del")
    elif name == "altChunk":
        ctx.note("warning", "文档嵌入了外部文件块（altChunk），其内容未导入", "w:altChunk")
    elif name not in _BLOCK_SKIP:
        ctx.note("info", "正文中有无法识别的内容，已忽略", f"block w:{name}")


def _para_id(ctx: Context, prefix: str, counter: dict) -> str:
    if not prefix:
        return ctx.next_id("p")
    counter["p"] += 1
    return f"{prefix}p{counter['p']}"


def paragraph(ctx: Context, p, pid: str, prefix: str = "", rels=None) -> list:
    """One w:p -> [PageBreak?] Paragraph/ListItem [Image|text-box blocks|PageBreak …]."""
    ppr_el = p.find(w("pPr"))
    direct = _direct_ppr(ctx, ppr_el)
    pstyle = direct.get("pstyle")
    style_rpr, style_ppr = ctx.styles.paragraph(pstyle)
    num_id = direct.get("num_id", style_ppr.get("num_id"))
    ilvl = direct.get("ilvl", style_ppr.get("ilvl"))
    if num_id and ilvl is None:
        ilvl = ctx.numbering.level_for_style(num_id, pstyle) or 0
    label, lvl = ctx.numbering.label(num_id, ilvl or 0) if num_id else ("", None)
    ppr = merge_ppr(style_ppr, lvl.ppr if lvl else {}, direct)
    collector = RunCollector(ctx, style_rpr, pid)
    collector.walk(p)
    runs = collector.runs
    collector.inline = _in_line_pictures(ctx, collector.inline, runs, rels)
    style = _para_style(ppr, style_rpr)
    style_name = ctx.styles.name(pstyle) if pstyle else ctx.styles.name(ctx.styles.default_para)
    if lvl is not None and num_id:
        text = "".join(r.text for r in runs)
        if label and text[:1] in ("\t", " "):
            _strip_leading(runs)
        block = ListItem(id=pid, runs=runs, label=label, style=style, style_name=style_name,
                         level=ilvl or 0, num_id=num_id)
    else:
        block = Paragraph(id=pid, runs=runs, style=style, style_name=style_name)
    ctx.info[pid] = _info(ctx, block, ppr, pstyle, bool(lvl))
    out: list = []
    if collector.page_breaks and collector.page_breaks[0] == 0:
        out.append(PageBreak(id=ctx.next_id("pb")))
    if ppr.get("page_break_before") and not out:
        block.style.page_break_before = True
    out.append(block)
    tail = _split_at_page_break(ctx, block, collector.page_breaks, prefix, ppr, pstyle)
    split = len(block.text) if tail is not None else None
    text = block.text
    last = None             # (offset, Image) of the paragraph's picture before this one
    for offset, el in collector.inline:
        if split is None or offset <= split:
            last = _pictures(ctx, el, prefix, rels, out, text, offset, last)
    if any(b > 0 for b in collector.page_breaks):
        out.append(PageBreak(id=ctx.next_id("pb")))
    if tail is not None:
        out.append(tail)
        last = None
        for offset, el in collector.inline:
            if offset > split:
                last = _pictures(ctx, el, prefix, rels, out, tail.text, offset - split, last)
    return out


IN_LINE_MAX_EM = 2.0     # an inline picture up to 2 字 high inside text is a glyph-like icon


def _in_line_pictures(ctx: Context, inline: list, runs: list, rels) -> list:
    """Small pictures inside a sentence (an icon about the text's height placed inline,
    not floating) become picture runs at their place in the text; returns the inline
    objects left to set as blocks.  A paragraph of no text keeps its pictures as blocks."""
    if not inline or not "".join(r.text for r in runs).strip():
        return inline
    size = max((r.size or 0 for r in runs if r.text.strip()), default=0) or 10.5
    rest = []
    for offset, el in inline:
        rid, width, height = image_rel(el)
        if rid is None or _outer_boxes(el) or not _placed_inline(el) or height <= 0 \
                or height > IN_LINE_MAX_EM * size or width > 2 * IN_LINE_MAX_EM * size:
            rest.append((offset, el))
            continue
        image = _image(ctx, rid, width, height, el, rels)
        if image is None:
            continue
        _insert_at(runs, offset, Run(text="", size=size, picture=image))
        ctx.note("info", "文字中的小图片（图标）已随文字排在行内", "inline picture in a line")
    return rest


def _placed_inline(el) -> bool:
    """A w:drawing placed in the line (wp:inline), not floating (wp:anchor)."""
    return any(local(c.tag) == "inline" for c in el) and local(el.tag) == "drawing"


def _insert_at(runs: list, offset: int, run) -> None:
    """Insert ``run`` (no text) at character ``offset`` of the runs' text, splitting the
    run that spans it."""
    pos = 0
    for k, r in enumerate(runs):
        if offset <= pos:
            runs.insert(k, run)
            return
        if offset < pos + len(r.text):
            cut = offset - pos
            runs[k:k + 1] = [replace(r, text=r.text[:cut]), run, replace(r, text=r.text[cut:])]
            return
        pos += len(r.text)
    runs.append(run)


def _pictures(ctx: Context, el, prefix: str, rels, out: list, text: str, offset: int, last):
    """Append the blocks of one inline object to ``out``; a picture with nothing but
    spaces between it and the paragraph's picture before it is marked ``beside`` (the
    sender set them side by side in one line).  Returns the new (offset, Image) or None."""
    blocks = _inline_object(ctx, el, prefix, rels)
    out.extend(blocks)
    if len(blocks) != 1 or not isinstance(blocks[0], Image):
        return None
    if last is not None and not text[last[0]:offset].strip() and last[1] is out[-2]:
        blocks[0].beside = True
    return offset, blocks[0]


def _split_at_page_break(ctx: Context, block, breaks: list[int], prefix: str, ppr: dict,
                         pstyle) -> Paragraph | None:
    """The text after a page break inside a body paragraph, as a paragraph of its own
    (``block`` keeps the text before it), or None.  WPS leaves Ctrl+Enter in the
    paragraph: ``2025年3月12日⏎附件`` ran the 成文日期 and the 附件 label together into
    one line, so neither was recognised and the page break came after both."""
    if prefix or not isinstance(block, Paragraph) or isinstance(block, ListItem):
        return None
    text = "".join(r.text for r in block.runs)
    at = next((b for b in breaks if 0 < b < len(text) and text[:b].strip()
               and text[b:].strip()), None)
    if at is None:
        return None
    head, rest, pos = [], [], 0
    for run in block.runs:
        end = pos + len(run.text)
        if end <= at:
            head.append(run)
        elif pos >= at:
            rest.append(run)
        else:
            head.append(replace(run, text=run.text[:at - pos]))
            rest.append(replace(run, text=run.text[at - pos:]))
        pos = end
    while rest and not rest[0].text.strip() and not rest[0].anchored:
        rest.pop(0)
    if rest:
        rest[0] = replace(rest[0], text=rest[0].text.lstrip())
    block.runs = head
    tail = Paragraph(id=ctx.next_id("p"), runs=rest, style=replace(block.style),
                     style_name=block.style_name)
    ctx.info[tail.id] = _info(ctx, tail, ppr, pstyle, False)
    for anchor in ctx.anchors.values():        # comments on the text after the break
        if anchor[0] == block.id and anchor[1] >= at:
            anchor[0], anchor[1] = tail.id, anchor[1] - at
            anchor[2] = None if anchor[2] is None else max(0, anchor[2] - at)
        elif anchor[0] == block.id and anchor[2] is not None and anchor[2] > at:
            anchor[2] = at
    return tail


def _direct_ppr(ctx: Context, ppr_el) -> dict:
    return para_props(ppr_el)


def _strip_leading(runs) -> None:
    while runs and runs[0].text[:1] in ("\t", " "):
        runs[0].text = runs[0].text.lstrip("\t ")
        if not runs[0].text:
            runs.pop(0)


def _para_style(ppr: dict, rpr: dict) -> ParaStyle:
    size = rpr.get("size") or 10.5

    def length(key: str):
        if key + "_chars" in ppr:
            return ppr[key + "_chars"] * size
        return ppr.get(key)
    return ParaStyle(align=ppr.get("align"), first_indent=length("first_indent"),
                     left_indent=length("left_indent"), right_indent=length("right_indent"),
                     space_before=ppr.get("space_before"), space_after=ppr.get("space_after"),
                     line_pitch=ppr.get("line_pitch"), line_multiple=ppr.get("line_multiple"),
                     keep_with_next=bool(ppr.get("keep_with_next")),
                     keep_together=bool(ppr.get("keep_together")),
                     page_break_before=bool(ppr.get("page_break_before")),
                     widow_control=ppr.get("widow_control", True))


def _info(ctx: Context, block, ppr: dict, pstyle, numbered: bool) -> ParaInfo:
    visible = [r for r in block.runs if r.text.strip()]
    lead = 0
    for r in block.runs:
        if r.bold or not r.text.strip():
            lead += len(r.text)
        else:
            break
    return ParaInfo(align=ppr.get("align"),
                    size=max((r.size or 0 for r in visible), default=None) or None,
                    bold=bool(visible) and all(r.bold for r in visible), lead_bold=lead,
                    color=visible[0].color if visible else None, pstyle=pstyle,
                    outline=ctx.styles.outline_level(pstyle), numbered=numbered,
                    raw=block.text)


def _inline_object(ctx: Context, el, prefix: str, rels) -> list:
    """Blocks for a drawing/pict/object: text boxes' content, then the picture."""
    out: list = []
    for box in _outer_boxes(el):
        if ctx.depth >= MAX_BOX_DEPTH:
            ctx.note("warning", "文本框嵌套过深，更深处的内容未导入", "text boxes too deep")
            continue
        ctx.depth += 1
        try:
            out.extend(walk_blocks(ctx, box, prefix, rels))
        finally:
            ctx.depth -= 1
        ctx.note("info", "文本框内容已作为正文段落导入", "text box")
    if out:
        return out
    rid, width, height = image_rel(el)
    if rid is None:
        if local(el.tag) == "object" or any(local(c.tag) == "chart" for c in el.iter()):
            ctx.note("warning", "嵌入对象或图表无法导入", f"{local(el.tag)} without picture")
        return out
    image = _image(ctx, rid, width, height, el, rels)
    if image is not None:
        out.append(image)
    return out


def _outer_boxes(el) -> list:
    """The text boxes of a drawing, not those inside another of its text boxes (their
    paragraphs bring them), so nested boxes are read once, not once per level."""
    tag = w("txbxContent")
    out = []
    for box in el.iter(tag):
        parent = box.getparent()
        while parent is not None and parent is not el and parent.tag != tag:
            parent = parent.getparent()
        if parent is None or parent is el:
            out.append(box)
    return out


def _image(ctx: Context, rid: str, width: float, height: float, el, rels):
    rels = rels if rels is not None else ctx.pkg.main_rels
    entry = rels.get(rid)
    if entry is None:
        ctx.note("warning", "图片引用缺失，未导入", f"image rel {rid} not found")
        return None
    _type, target, external = entry
    if external:
        ctx.note("warning", "链接到外部文件的图片未导入", f"external image {target}")
        return None
    ext = posixpath.splitext(target)[1].lower()
    name = posixpath.basename(target)
    picture = ctx.images.get(target)
    if picture is None:
        data = ctx.pkg.read(target)
        if data is None:
            ctx.note("warning", "图片文件缺失，未导入", f"missing part {target}")
            return None
        picture = ctx.images[target] = for_print(data, name)
    if picture.note:
        ctx.note("warning", picture.note, picture.detail)
    alt = ""
    for doc_pr in el.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        alt = doc_pr.get("descr") or doc_pr.get("title") or ""
        break
    content_type = picture.content_type or _CONTENT_TYPES.get(ext, "application/octet-stream")
    data = picture.data
    if data and not _drawable(data):
        ctx.note("warning", f"图片“{name}”的格式无法在排版中显示，印刷版上该处留空；"
                 "请在原文件中把它另存为 PNG 或 JPEG 图片后重新导入",
                 f"undecodable {content_type} {target}")
    return Image(id=ctx.next_id("i"), data=data, content_type=content_type,
                 width=round(width, 2), height=round(height, 2), name=name, alt=alt)


# Formats the PDF writer draws as they are; anything else (EMF/WMF metafiles, TIFF …) is
# decoded to find out, which on Windows succeeds for metafiles and elsewhere fails.
_RASTER = {"PNG", "JPEG", "GIF", "BMP"}
MAX_BOX_DEPTH = 24      # tables and text boxes open around a text box


def _drawable(data: bytes) -> bool:
    """Whether the picture can be drawn (judged by its bytes, not its file name)."""
    from PIL import Image as PilImage
    try:
        with PilImage.open(io.BytesIO(data)) as picture:
            if picture.format not in _RASTER:
                picture.load()
        return True
    except Exception:           # noqa: BLE001 — any decoder error means "cannot draw"
        return False
