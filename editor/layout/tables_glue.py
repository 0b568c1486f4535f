"""Tables in a document: template [tables] settings → ``TableStyle`` → flowables (layer: layout).

``table_flowable(table, template, measurer, doc_id)`` returns the flowables for one
``model.Table``: an ``editor.layout.table.TableFlowable`` with a ``TableStyle`` filled from
the template (font role and size, padding, border widths, header fill, repeated header,
续表 caption, landscape threshold) — only the fields that ``TableStyle`` declares are
passed, so both sides can grow independently.

``bind_tables(flowables)`` ties each table of a document's flowables to its title (kept
with the table, on its landscape page) and its ``注：`` note (room kept for it below the
last row).
"""
from __future__ import annotations

import dataclasses
import re

from editor import model
from editor.fonts.measure import Measurer
from editor.layout.paragraph import ParagraphFlowable
from editor.layout.shapes import PageBreak
from editor.layout.table import TableFlowable, TableStyle
from editor.layout.template import Template, font_size


def template_table_settings(template: Template) -> dict:
    """The template's table settings in points (keys as in layouts/*.toml [tables])."""
    raw = template.section("tables")
    size = font_size(raw["size"])
    caption = str(raw["continued_caption"])
    return {
        "role": str(raw["role"]),
        "size": size,
        "wide_size": font_size(raw["wide_size"]),
        "wide_columns": int(raw["wide_columns"]),
        "punct": str(raw["punct"] or template.style("body").punct),   # "": as the body
        "min_split_lines": int(raw["min_split_lines"]),
        "min_fragment_lines": int(raw["min_fragment_lines"]),
        "unit_break_lines": int(raw["unit_break_lines"]),
        "label_max_lines": int(raw["label_max_lines"]),
        "min_size": font_size(raw["min_size"]),
        "padding": template.length(raw["padding"]),
        "border_width": float(raw["border_width"]),
        "outer_border_width": float(raw["outer_border_width"]),
        "border_color": str(raw["border_color"]),
        "header_fill": raw["header_fill"],
        "header_role": str(raw["header_role"]),
        "header_bold": bool(raw["header_bold"]),
        "repeat_header": bool(raw["repeat_header"]),
        "continued_caption": caption,
        "continuation_caption": caption or None,
        "merged_continuation": str(raw["merged_continuation"]),
        "line_pitch_factor": float(raw["line_pitch_factor"]),
        "landscape_threshold": float(raw["landscape_threshold"]),
        "landscape_min_width_ratio": float(raw["landscape_threshold"]),
        "landscape_min_chars": int(raw["landscape_min_chars"]),
        "portrait_width": template.frame(1).width,
    }


def table_style(template: Template) -> TableStyle:
    """The ``TableStyle`` the template's [tables] settings describe."""
    settings = template_table_settings(template)
    names = {f.name for f in dataclasses.fields(TableStyle)}
    return TableStyle(**{k: v for k, v in settings.items() if k in names})


def table_flowable(table: model.Table, template: Template, measurer: Measurer,
                   doc_id: str) -> list:
    style = table_style(template)
    if is_name_grid(table):
        # a 表彰/任免 name list laid out in a borderless table: the names are body text
        # (三号 仿宋 as the paragraphs around them), not a table's 小四
        body = template.style("body")
        style = dataclasses.replace(
            style, role=body.role, size=body.size, wide_size=body.size,
            header_fill=None, header_role=body.role, header_bold=False,
            repeat_header=False, continuation_caption=None, padding=0.0,
            line_pitch_factor=(body.line_pitch or template.line_pitch) / body.size)
    elif is_box(table):
        # a 专栏 or 说明 box (one shaded cell) carried over a page is no 续表
        style = dataclasses.replace(style, continuation_caption=None)
    return [TableFlowable(table, style, measurer, doc_id)]


def is_box(table: model.Table) -> bool:
    """A table of one cell: a box round text (a 政府工作报告's 专栏), not a table."""
    return table.n_cols == 1 and len(table.rows) == 1 and len(table.rows[0].cells) == 1


NAME_MAX_CHARS = 5          # a name cell: 王伟, 欧阳明华, 王　伟 (spaces not counted)


def is_name_grid(table: model.Table) -> bool:
    """A table drawn with no lines at all whose every cell holds at most one short line
    (a name) — a name list the sender aligned in columns, at least 2 × 2."""
    def lined(borders: dict | None) -> bool:
        return bool(borders) and any(w > 0 for w in borders.values())
    if table.n_cols < 2 or len(table.rows) < 2 or table.borders is None \
            or lined(table.borders):
        return False
    filled = 0
    for row in table.rows:
        for cell in row.cells:
            if lined(cell.borders):
                return False
            if not all(isinstance(b, model.Paragraph) for b in cell.blocks):
                return False
            texts = [b.display_text for b in cell.blocks if b.display_text.strip()]
            if len(texts) > 1:
                return False
            if texts:
                name = "".join(texts[0].split())
                if len(name) > NAME_MAX_CHARS or not all("\u4e00" <= ch <= "\u9fff" or ch == "·"
                                                         for ch in name):
                    return False
                filled += 1
    return filled >= 4


_NOTE = re.compile(r"^\s*注\s*[：:]")
TITLE_MAX_CHARS = 60        # a paragraph right before a table this short is its title
_SENTENCE_END = ("。", "！", "？", "；", ".", "!", "?", ";")


def bind_tables(flowables: list) -> list:
    """Tie each table to its title and note (in place; returns ``flowables``): the short
    paragraph right before a table is kept with it (and set on the table's landscape
    page, with the heads of the page before it — 附件N, the attachment title — when they
    lead from a page break); a ``注：`` paragraph right after it gets room kept below the
    table's last row and is set on the same kind of page."""
    for k, f in enumerate(flowables):
        if not isinstance(f, TableFlowable):
            continue
        heads = _heads_before(flowables, k)
        for h in heads:
            h.keep_with_next = True
            if f.landscape:
                h.landscape = True
        nxt = flowables[k + 1] if k + 1 < len(flowables) else None
        if isinstance(nxt, ParagraphFlowable) and _NOTE.match(_text(nxt)):
            f.note = nxt
            if f.landscape:
                nxt.landscape = True
    return flowables


def _text(p: ParagraphFlowable) -> str:
    return "".join(s.text for s in p.spans)


def _heads_before(flowables: list, k: int) -> list:
    """The table's title (the short paragraph right before it), and with it the short
    paragraphs back to a page break when there are at most three.  A sentence (ending in
    。！？；) is text, not a title: it stays where the sender put it, on its own page
    before a landscape table."""
    out = []
    j = k - 1
    while j >= 0 and isinstance(flowables[j], ParagraphFlowable) and len(out) < 3 \
            and len(_text(flowables[j]).strip()) <= TITLE_MAX_CHARS \
            and not _text(flowables[j]).rstrip().endswith(_SENTENCE_END):
        out.append(flowables[j])
        j -= 1
    if not out:
        return []
    if j >= 0 and not isinstance(flowables[j], PageBreak) and len(out) > 1:
        return out[:1]
    return out
