"""Model objects ⇄ the JSON kept in the project file's rows (layer: store, no I/O).

A document is split into three parts: the parsed model (what the importer produced, with
its table structure), the editor's overrides (``Document.layout`` and every table's
``TableLayout``, keyed by table id) and its annotations (one row each).  Keeping them apart
lets a table fix or a comment rewrite only the small part it touched, and lets a re-import
replace the model while the overrides and annotations stay.
"""
from __future__ import annotations

import json
from typing import Any

from editor.model import Annotation, Document, IssueMeta
from editor.model.serialize import from_dict, to_dict


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def meta_json(meta: IssueMeta) -> str:
    return dump(to_dict(meta))


def meta_from_json(text: str) -> IssueMeta:
    value = from_dict(json.loads(text))
    return value if isinstance(value, IssueMeta) else IssueMeta()


def _tables(node: Any):
    """Every serialised Table dict inside ``node`` (nested tables included)."""
    if isinstance(node, dict):
        if node.get("type") == "Table":
            yield node
        for value in node.values():
            yield from _tables(value)
    elif isinstance(node, list):
        for value in node:
            yield from _tables(value)


def document_parts(doc: Document) -> tuple[str, str]:
    """(model JSON, overrides JSON) of a document; annotations are stored apart."""
    data = to_dict(doc)
    data.pop("annotations", None)
    overrides: dict[str, Any] = {}
    layout = data.pop("layout", None)
    if layout:
        overrides["document"] = layout
    tables = {}
    for table in _tables(data):
        tl = table.pop("layout", None)
        if tl:
            tables[table["id"]] = tl
    if tables:
        overrides["tables"] = tables
    return dump(data), dump(overrides)


def annotation_json(ann: Annotation) -> str:
    return dump(to_dict(ann))


def document_from_parts(model_json: str, overrides_json: str,
                        annotations: list[str]) -> Document:
    """Inverse of :func:`document_parts` plus the annotation rows (in order)."""
    data = json.loads(model_json)
    overrides = json.loads(overrides_json or "{}")
    tables = overrides.get("tables") or {}
    if tables:
        for table in _tables(data):
            if table.get("id") in tables:
                table["layout"] = tables[table["id"]]
    doc = from_dict(data)
    if "document" in overrides:
        doc.layout = from_dict(overrides["document"])
    doc.annotations = [from_dict(json.loads(a)) for a in annotations]
    return doc


def report_json(report: Any) -> str:
    """An import report (``ImportReport``, list of entries or None) as JSON."""
    entries = getattr(report, "entries", report) or []
    out = []
    for e in entries:
        if isinstance(e, dict):
            out.append({"level": str(e.get("level", "info")),
                        "message_zh": str(e.get("message_zh", "")),
                        "detail": str(e.get("detail", ""))})
        else:
            out.append({"level": getattr(e, "level", "info"),
                        "message_zh": getattr(e, "message_zh", str(e)),
                        "detail": getattr(e, "detail", "")})
    return dump(out)


def report_from_json(text: str):
    """The stored report as an ``ImportReport`` (entries with level and message_zh)."""
    from editor.docx_import.report import ImportReport, ReportEntry
    entries = json.loads(text or "[]")
    return ImportReport([ReportEntry(e.get("level", "info"), e.get("message_zh", ""),
                                     e.get("detail", "")) for e in entries])


__all__ = ["document_parts", "document_from_parts", "annotation_json", "meta_json",
           "meta_from_json", "report_json", "report_from_json"]
