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
    size = font_size(raw.get("size", 12))
    caption = str(raw.get("continued_caption", "续表"))
    return {
        "role": str(raw.get("role", "fangsong")),
        "size": size,
        "wide_size": font_size(raw.get("wide_size", raw.get("size", 10.5))),
        "wide_columns": int(raw.get("wide_columns", 7)),
        "punct": str(raw.get("punct") or template.style("body").punct),   # "": as the body
        "min_split_lines": int(raw.get("min_split_lines", 4)),
        "min_fragment_lines": int(raw.get("min_fragment_lines", 2)),
        "unit_break_lines": int(raw.get("unit_break_lines", 2)),
        "label_max_lines": int(raw.get("label_max_lines", 12)),
        "min_size": font_size(raw.get("min_size", 9)),
        "padding": template.length(raw.get("padding", "1.5mm")),
        "border_width": float(raw.get("border_width", 0.5)),
        "outer_border_width": float(raw.get("outer_border_width", 0.75)),
        "border_color": str(raw.get("border_color", "000000")),
        "header_fill": raw.get("header_fill"),
        "header_role": str(raw.get("header_role", "hei")),
        "header_bold": bool(raw.get("header_bold", False)),
        "repeat_header": bool(raw.get("repeat_header", True)),
        "continued_caption": caption,
        "continuation_caption": caption or None,
        "merged_continuation": str(raw.get("merged_continuation", "repeat")),
        "line_pitch_factor": float(raw.get("line_pitch_factor", 1.3)),
        "landscape_threshold": float(raw.get("landscape_threshold", 1.0)),
        "landscape_min_width_ratio": float(raw.get("landscape_threshold", 1.0)),
        "landscape_min_chars": int(raw.get("landscape_min_chars", 5)),
        "portrait_width": template.frame(1).width,
    }


def table_style(template: Template) -> TableStyle:
    """The ``TableStyle`` the template's [tables] settings describe."""
    settings = template_table_settings(template)
    names = {f.name for f in dataclasses.fields(TableStyle)}
    return TableStyle(**{k: v for k, v in settings.items() if k in names})


def table_flowable(table: model.Table, template: Template, measurer: Measurer,
                   doc_id: str) -> list:
    return [TableFlowable(table, table_style(template), measurer, doc_id)]


_NOTE = re.compile(r"^\s*注\s*[：:]")
TITLE_MAX_CHARS = 60        # a paragraph right before a table this short is its title


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
    paragraphs back to a page break when there are at most three."""
    out = []
    j = k - 1
    while j >= 0 and isinstance(flowables[j], ParagraphFlowable) and len(out) < 3 \
            and len(_text(flowables[j]).strip()) <= TITLE_MAX_CHARS:
        out.append(flowables[j])
        j -= 1
    if not out:
        return []
    if j >= 0 and not isinstance(flowables[j], PageBreak) and len(out) > 1:
        return out[:1]
    return out
