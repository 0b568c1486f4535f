"""Tables in a document: template [tables] settings → ``TableStyle`` → flowables (layer: layout).

``table_flowable(table, template, measurer, doc_id)`` returns the flowables for one
``model.Table``: an ``editor.layout.table.TableFlowable`` with a ``TableStyle`` filled from
the template (font role and size, padding, border widths, header fill, repeated header,
续表 caption, landscape threshold) — only the fields that ``TableStyle`` declares are
passed, so both sides can grow independently.
"""
from __future__ import annotations

import dataclasses

from editor import model
from editor.fonts.measure import Measurer
from editor.layout.table import TableFlowable, TableStyle
from editor.layout.template import Template, font_size


def template_table_settings(template: Template) -> dict:
    """The template's table settings in points (keys as in layouts/*.toml [tables])."""
    raw = template.section("tables")
    size = font_size(raw.get("size", 14))
    caption = str(raw.get("continued_caption", "续表"))
    return {
        "role": str(raw.get("role", "fangsong")),
        "size": size,
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
        "merged_continuation": str(raw.get("merged_continuation", "flow")),
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
