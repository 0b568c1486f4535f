"""Tables in a document: template [tables] settings → ``TableStyle`` → flowables (layer: layout).

``table_flowable(table, template, measurer, doc_id)`` returns the flowables for one
``model.Table``.  When ``editor.layout.table.TableFlowable`` is available it is used with
a ``TableStyle`` filled from the template (font role and size, padding, border widths,
header fill, repeated header, 续表 caption, landscape threshold) — only the fields that
``TableStyle`` declares are passed, so both sides can grow independently.  Without it,
each row is set as a paragraph of its cells (cells separated by wide spaces, a fine rule
under each row): plain, but no text is ever cut or set outside the 版心.
"""
from __future__ import annotations

import dataclasses

from editor.fonts.measure import Measurer
from editor.layout.flow import Span
from editor.layout.items import Source
from editor.layout.paragraph import ParagraphFlowable
from editor.layout.shapes import Rule
from editor.layout.template import Template, font_size
from editor import model


def template_table_settings(template: Template) -> dict:
    """The template's table settings in points (keys as in layouts/*.toml [tables])."""
    raw = template.section("tables")
    size = font_size(raw.get("size", 14))
    return {
        "role": str(raw.get("role", "fangsong")),
        "size": size,
        "font_size": size,
        "min_size": font_size(raw.get("min_size", 9)),
        "min_font_size": font_size(raw.get("min_size", 9)),
        "padding": template.length(raw.get("padding", "1.5mm")),
        "border_width": float(raw.get("border_width", 0.5)),
        "outer_border_width": float(raw.get("outer_border_width", 0.75)),
        "header_fill": raw.get("header_fill"),
        "header_role": str(raw.get("header_role", "hei")),
        "repeat_header": bool(raw.get("repeat_header", True)),
        "continued_caption": str(raw.get("continued_caption", "续表")),
        "landscape_threshold": float(raw.get("landscape_threshold", 1.0)),
    }


def table_style(template: Template):
    """A ``editor.layout.table.TableStyle`` from the template, or None when the table
    module is not available."""
    try:
        from editor.layout.table import TableStyle
    except ImportError:
        return None
    settings = template_table_settings(template)
    names = {f.name for f in dataclasses.fields(TableStyle)}
    return TableStyle(**{k: v for k, v in settings.items() if k in names})


def table_flowable(table: model.Table, template: Template, measurer: Measurer,
                   doc_id: str) -> list:
    style = table_style(template)
    if style is not None:
        from editor.layout.table import TableFlowable
        return [TableFlowable(table, style, measurer, doc_id)]
    return _rows_as_paragraphs(table, template, measurer, doc_id)


def _rows_as_paragraphs(table: model.Table, template: Template, measurer: Measurer,
                        doc_id: str) -> list:
    settings = template_table_settings(template)
    body = template.style("body")
    fmt = body.fmt(first_indent=0.0, align="left", snap_to_grid=False, char_pitch=None,
                   line_pitch=settings["size"] * 1.5, space_after=2.0)
    out: list = [Rule(width=settings["outer_border_width"], gap_before=4.0)]
    for row in table.rows:
        spans: list[Span] = []
        for k, cell in enumerate(row.cells):
            for block in cell.blocks:
                if not isinstance(block, model.Paragraph) or not block.display_text:
                    continue
                if spans:
                    spans.append(Span("　　", settings["role"], settings["size"]))
                src = Source(doc_id, f"{table.id}/{cell.id}/{block.id}", 0,
                             len(block.display_text))
                role = settings["header_role"] if row.is_header else settings["role"]
                spans.append(Span(block.display_text, role, settings["size"], source=src))
        if spans:
            out.append(ParagraphFlowable(spans, fmt, measurer))
            out.append(Rule(width=settings["border_width"], gap_before=1.0, gap_after=3.0))
    return out
