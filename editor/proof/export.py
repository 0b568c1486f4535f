"""Proof PDF (校样): the build's PDF plus a 校样 watermark, the round and date in the margin,
and every open annotation as a real PDF annotation at its text (layer: proof/render).

Marks: 删 and 改 → StrikeOut, 疑 and 注 → Highlight, 增 → Caret at the insertion point;
each with QuadPoints over the exact characters (from the build's TextItems), its own
appearance stream (so every viewer shows it, not only those that synthesise one), and a
Popup holding kind, author and note.  ``/NM`` is "gongbao:<annotation id>", so the import
recognises the proof's own marks and the replies made to them.

The proof carries its build: the document info has ``/GongbaoBuild`` (hash of the
positioned text) and ``/GongbaoRound``, and the positioned text itself is embedded as
``gongbao-proof-map.json.gz``.  A sidecar file is therefore not needed, and a proof can be
imported even after the project has changed (accepted corrections move later text).
"""
from __future__ import annotations

import datetime as _dt
import gzip
import io
import re
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)

from editor.errors import GazetteError
from editor.layout.items import LaidOutIssue
from editor.model import Annotation, Issue
from editor.proof.geometry import (ASCENT, DESCENT, Box, PdfSpace, ProofMap, boxes_for,
                                   insertion_point)
from editor.proof.stamp import stamp_pdf
from editor.render.pdf import creation_time, reproducible

MAP_NAME = "gongbao-proof-map.json.gz"
NM_PREFIX = "gongbao:"
KIND_NAMES = {"改": "改正", "删": "删除", "增": "增补", "疑": "存疑", "注": "批注"}
COLORS = {"改": (0.85, 0.1, 0.1), "删": (0.85, 0.1, 0.1), "增": (0.1, 0.3, 0.85),
          "疑": (1.0, 0.85, 0.0), "注": (0.55, 0.85, 0.35)}


@dataclass
class Mark:
    """One PDF annotation to write: page, subtype and boxes in page coordinates."""
    page: int
    subtype: str                       # StrikeOut | Highlight | Caret
    boxes: list[Box] = field(default_factory=list)
    size: float = 16.0
    annotation: Annotation | None = None
    part: int = 0


def contents_of(ann: Annotation) -> str:
    """The note text a reader sees: "改：新文字" first, then the note and the replies."""
    head = f"{ann.kind}：{ann.new_text}" if ann.kind in ("改", "增") else f"{ann.kind}："
    lines = [head + ("" if ann.kind in ("改", "增") else ann.note)]
    if ann.kind in ("改", "增") and ann.note:
        lines.append(ann.note)
    lines += [f"{r.author}：{r.text}" for r in ann.replies]
    return "\n".join(lines)


def marks_for(ann: Annotation, pmap: ProofMap) -> list[Mark]:
    """The PDF marks that show ``ann`` on the pages of ``pmap`` (empty when its text is not
    on any page)."""
    if ann.kind == "增" or ann.start == ann.end:
        place = insertion_point(pmap, ann.doc_id, ann.block_id, ann.end)
        if place is None:
            return []
        page, x, item = place
        box = Box(x - item.size * 0.3, item.y - item.size * 0.35, x + item.size * 0.3,
                  item.y + item.size * DESCENT * 1.5)
        return [Mark(page, "Caret", [box], item.size, ann)]
    subtype = "StrikeOut" if ann.kind in ("删", "改") else "Highlight"
    by_page: dict[int, list[Box]] = {}
    for page, box in boxes_for(pmap, ann.doc_id, ann.block_id, ann.start, ann.end):
        by_page.setdefault(page, []).append(box)
    return [Mark(page, subtype, boxes, _box_size(boxes[0]), ann, part)
            for part, (page, boxes) in enumerate(sorted(by_page.items()))]


def _box_size(box: Box) -> float:
    return (box.bottom - box.top) / (ASCENT + DESCENT)


def open_annotations(issue: Issue) -> list[Annotation]:
    return [a for d in issue.documents() for a in d.annotations
            if a.status == "open" and not a.orphaned]


# ---------------------------------------------------------------------------- PDF objects

def _num(v: float) -> FloatObject:
    return FloatObject(round(v, 3))


def _pdf_date(when: _dt.datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S")


def _union(rects: list[list[float]], pad: float = 1.0) -> list[float]:
    return [min(r[0] for r in rects) - pad, min(r[1] for r in rects) - pad,
            max(r[2] for r in rects) + pad, max(r[3] for r in rects) + pad]


def _appearance(writer: PdfWriter, mark: Mark, space: PdfSpace,
                bbox: list[float]) -> DictionaryObject:
    """A normal appearance stream drawing the mark; geometry is made in page space and
    mapped through ``space`` (so marks on turned landscape pages turn with the text)."""
    r, g, b = COLORS[mark.annotation.kind]
    resources = DictionaryObject()

    def path(points) -> str:
        pts = [space.to_pdf(x, y) for x, y in points]
        first, rest = pts[0], pts[1:]
        return (f"{first[0]:.2f} {first[1]:.2f} m "
                + " ".join(f"{x:.2f} {y:.2f} l" for x, y in rest))

    if mark.subtype == "Highlight":
        gs = DictionaryObject({NameObject("/Type"): NameObject("/ExtGState"),
                               NameObject("/BM"): NameObject("/Multiply"),
                               NameObject("/ca"): _num(0.45)})
        resources[NameObject("/ExtGState")] = DictionaryObject({NameObject("/G0"): gs})
        ops = [f"/G0 gs {r} {g} {b} rg"] + [
            path([(x.x0, x.top), (x.x1, x.top), (x.x1, x.bottom), (x.x0, x.bottom)]) + " h f"
            for x in mark.boxes]
    elif mark.subtype == "StrikeOut":
        ops = [f"{r} {g} {b} RG {max(0.6, mark.size / 16):.2f} w"]
        for x in mark.boxes:
            y = x.bottom - (x.bottom - x.top) * (DESCENT + ASCENT * 0.38)
            ops.append(path([(x.x0, y), (x.x1, y)]) + " S")
    else:
        x = mark.boxes[0]
        ops = [f"{r} {g} {b} rg " + path([(x.x0, x.bottom), (x.x1, x.bottom),
                                          ((x.x0 + x.x1) / 2, x.top)]) + " h f"]
    stream = DecodedStreamObject()
    stream.set_data(("q " + " ".join(ops) + " Q").encode("ascii"))
    stream.update({NameObject("/Type"): NameObject("/XObject"),
                   NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): ArrayObject(_num(v) for v in bbox),
                   NameObject("/Resources"): resources})
    # pypdf has no public call to register a stream object; streams must be indirect.
    return DictionaryObject({NameObject("/N"): writer._add_object(stream)})


def _write_mark(writer: PdfWriter, mark: Mark, space: PdfSpace, when: _dt.datetime) -> None:
    page = writer.pages[mark.page]
    ann = mark.annotation
    rects = [space.rect(b) for b in mark.boxes]
    bbox = _union(rects)
    name = f"{NM_PREFIX}{ann.id}" + (f"#{mark.part}" if mark.part else "")
    stamp = _pdf_date(when)
    d = {NameObject("/Type"): NameObject("/Annot"),
         NameObject("/Subtype"): NameObject("/" + mark.subtype),
         NameObject("/Rect"): ArrayObject(_num(v) for v in bbox),
         NameObject("/Contents"): TextStringObject(contents_of(ann)),
         NameObject("/T"): TextStringObject(ann.author or "校对"),
         NameObject("/Subj"): TextStringObject(KIND_NAMES.get(ann.kind, ann.kind)),
         NameObject("/NM"): TextStringObject(name),
         NameObject("/M"): TextStringObject(stamp),
         NameObject("/CreationDate"): TextStringObject(stamp),
         NameObject("/F"): NumberObject(4),
         NameObject("/C"): ArrayObject(_num(c) for c in COLORS[ann.kind]),
         NameObject("/CA"): _num(1.0)}
    if mark.subtype == "Caret":
        d[NameObject("/RD")] = ArrayObject(_num(0) for _ in range(4))
    else:
        d[NameObject("/QuadPoints")] = ArrayObject(
            _num(v) for r in mark.boxes for v in space.quad(r))
    d[NameObject("/AP")] = _appearance(writer, mark, space, bbox)
    markup = writer.add_annotation(mark.page, DictionaryObject(d))
    width = float(page.mediabox.right)
    popup = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Popup"),
        NameObject("/Rect"): ArrayObject(_num(v) for v in (
            max(0.0, width - 200), bbox[3] - 120, width - 4, bbox[3])),
        NameObject("/Open"): BooleanObject(False),
        NameObject("/Parent"): markup.indirect_reference})
    writer.add_annotation(mark.page, popup)


# ---------------------------------------------------------------------------- stamp

def _stream(writer: PdfWriter, data: bytes, extra: dict | None = None):
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream.update(extra or {})
    return writer._add_object(stream)


def _stamp(writer: PdfWriter, pmap: ProofMap, round_label: str, when: _dt.datetime) -> None:
    """Put the stamp (watermark + margin line) on every sheet: one form XObject per sheet
    size, drawn after the page's own content, which is wrapped in q/Q so its graphics
    state cannot leak into the stamp."""
    sizes = sorted({tuple(round(v, 2) for v in p.sheet_size) for p in pmap.pages})
    stamps = PdfReader(io.BytesIO(stamp_pdf(sizes, round_label, when, pmap.build))).pages
    forms = {}
    for n, (size, page) in enumerate(zip(sizes, stamps)):
        # reportlab opens every page by selecting its initial font; the stamp draws no
        # text, so that empty text object and the (unembedded) font resource go.
        data = re.sub(rb"BT /F\d+ [\d.]+ Tf [\d.]+ TL ET", b"", page.get_contents().get_data())
        resources = page["/Resources"].clone(writer)
        resources.pop(NameObject("/Font"), None)
        form = _stream(writer, data, {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(_num(v) for v in (0, 0, *size)),
            NameObject("/Resources"): resources})
        forms[size] = (NameObject(f"/GbStamp{n}"), form)
    push = _stream(writer, b"q\n")
    for page, pm in zip(writer.pages, pmap.pages):
        name, form = forms[tuple(round(v, 2) for v in pm.sheet_size)]
        resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
        xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
        xobjects[name] = form
        trim = page.trimbox
        draw = _stream(writer, f"Q q 1 0 0 1 {float(trim.left):.2f} {float(trim.bottom):.2f} cm "
                               f"{name} Do Q\n".encode("ascii"))
        raw = page.raw_get("/Contents")
        parts = list(raw.get_object()) if isinstance(raw.get_object(), ArrayObject) else [raw]
        page[NameObject("/Contents")] = ArrayObject([push, *parts, draw])


# ---------------------------------------------------------------------------- proof

def annotate_pdf(base_pdf, pmap: ProofMap, annotations: list[Annotation], out,
                 round_label: str = "", when: _dt.datetime | None = None,
                 title: str = "") -> list[Annotation]:
    """Write the proof: ``base_pdf`` (path or bytes of the build's PDF, one page per page of
    ``pmap``) with watermark, margin line, annotations and the embedded map, to ``out``
    (path or binary file).  Returns the annotations whose text is on no page."""
    when = when or (creation_time() if reproducible() else _dt.datetime.now())
    reader = PdfReader(io.BytesIO(base_pdf) if isinstance(base_pdf, bytes) else base_pdf)
    if len(reader.pages) != len(pmap.pages):
        raise GazetteError("校样页数与排版结果不一致，请重新生成。",
                           f"pdf {len(reader.pages)} pages, layout {len(pmap.pages)}")
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = b"%PDF-1.6"        # transparency, blend modes, embedded files
    _stamp(writer, pmap, round_label, when)
    missing = []
    for ann in annotations:
        marks = marks_for(ann, pmap)
        if not marks:
            missing.append(ann)
        for mark in marks:
            _write_mark(writer, mark, PdfSpace.of(writer.pages[mark.page],
                                                  pmap.pages[mark.page]), when)
    writer.add_attachment(MAP_NAME, gzip.compress(pmap.to_json(), mtime=0))
    meta = {"/GongbaoBuild": pmap.build, "/GongbaoRound": round_label,
            "/Subject": f"校样 {round_label} {when:%Y-%m-%d}".strip()}
    if title:
        meta["/Title"] = f"{title}（校样）"
    writer.add_metadata(meta)
    writer.write(out)
    return missing


def export_proof(issue: Issue, out, round_label: str = "", *, template=None,
                 laid_out: LaidOutIssue | None = None, fontbook=None,
                 when: _dt.datetime | None = None, progress=None
                 ) -> tuple[ProofMap, list[Annotation]]:
    """Lay ``issue`` out (unless ``laid_out`` is given), write its PDF with the normal
    writer and turn that into the proof at ``out``.  Returns the proof's map and the open
    annotations that could not be shown (their text is on no page)."""
    import tempfile
    from pathlib import Path

    from editor.layout.paginate import layout_issue
    from editor.render.pdf import write_pdf

    if fontbook is None:
        from editor.fonts import default_fontbook
        fontbook = default_fontbook()
    if laid_out is None:
        laid_out = layout_issue(issue, template, measurer=fontbook, progress=progress)
    pmap = ProofMap.from_layout(laid_out)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "build.pdf"
        write_pdf(laid_out, base, fontbook, bleed=False, progress=progress)
        if progress:
            progress("加校样水印与批注")
        missing = annotate_pdf(base.read_bytes(), pmap, open_annotations(issue), out,
                               round_label, when, issue.meta.title)
    return pmap, missing


__all__ = ["MAP_NAME", "NM_PREFIX", "KIND_NAMES", "Mark", "contents_of", "marks_for",
           "open_annotations", "annotate_pdf", "export_proof"]
