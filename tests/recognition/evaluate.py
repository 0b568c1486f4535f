"""Score the importer on the recognition corpus: for each document, whether each part it
recognised equals the part typed by hand in ``cases.py`` (layer: tests)."""
from __future__ import annotations

import re

from editor.docx_import import DocxImportError, import_docx_bytes
from editor.model import Heading, Paragraph
from .cases import CASES

PARTS = ("kind", "title", "doc_number", "date", "recipients", "signature", "subtitle",
         "speaker", "mark", "headings", "items", "landscape", "uncertain")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def recognised(doc) -> dict:
    """The parts of an imported document in the corpus's terms."""
    from editor.docx_import.summary import news_items
    return {
        "kind": doc.kind, "title": doc.title, "doc_number": doc.doc_number, "date": doc.date,
        "recipients": doc.recipients, "signature": doc.signature, "subtitle": doc.subtitle,
        "speaker": doc.speaker, "mark": getattr(doc, "mark", ""),
        "headings": sum(isinstance(b, Heading) for b in doc.all_blocks()),
        "items": [item["title"] for item in news_items(doc)],
        "landscape": sum(bool(getattr(a, "landscape", False)) for a in doc.attachments),
        "uncertain": sorted(getattr(doc, "uncertain", [])),
    }


def _same(part: str, got, want) -> bool:
    if part == "title":
        return got == want
    if part == "signature":
        return [_plain(s) for s in got] == [_plain(s) for s in want]
    if part in ("headings", "landscape", "kind", "items", "uncertain"):
        return got == want
    return _plain(got) == _plain(want)


def score(name: str) -> dict:
    """part -> (right?, got, wanted) for one corpus document; an expected refusal is one
    part, "refused"."""
    build, expect = CASES[name]
    data = build()
    try:
        doc = import_docx_bytes(data, name + ".docx").document
    except DocxImportError as exc:
        return {"refused": (bool(expect.get("refused")), str(exc), expect.get("refused"))}
    if expect.get("refused"):
        return {"refused": (False, "imported", True)}
    got = recognised(doc)
    defaults = {"headings": 0, "items": [], "landscape": 0, "uncertain": [],
                "signature": []}
    out = {}
    for part in PARTS:
        want = expect.get(part, defaults.get(part, ""))
        if part == "uncertain":
            want = sorted(want)
        out[part] = (_same(part, got[part], want), got[part], want)
    return out


def body_paragraphs(doc) -> list[Paragraph]:
    return [b for b in doc.body if isinstance(b, Paragraph)]
