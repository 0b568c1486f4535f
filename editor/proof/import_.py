"""Proof import (导入校对意见): the comments a proofreader added to a proof PDF in any reader
become annotations on the source text (layer: proof).

Each markup annotation is mapped to the text under it with the proof's own positioned text
(the map embedded by ``editor.proof.export``; a rebuilt ``ProofMap`` when a PDF lacks it):
Highlight, Underline, Squiggly and StrikeOut by their QuadPoints (falling back to Rect),
Caret by its insertion point, Text (sticky note) by the character under its corner,
FreeText by the characters under its box (or the nearest one).  The kind follows the
subtype — StrikeOut 删, Caret 增 (inserted text from /Contents), Highlight/Underline/
Squiggly/Text/FreeText 注 or 疑 (a question) — unless the note starts with a kind
("改：新文字", "删：", "疑：…"; also "改为…").  Acrobat's "replace text" (a StrikeOut with a
grouped Caret) becomes one 改.  Replies to the proof's own marks become replies.  What
cannot be placed is listed, never guessed.

A damaged proof is read through ``editor.guard``: the file is refused by type before it is
opened (a FIFO named .pdf), the embedded map is decompressed with a limit (a gzip bomb is
refused) and checked, and a damaged PDF is refused plainly.  One malformed annotation
(a date of month 13, a Rect of three numbers or of names, broken QuadPoints/RD/IRT) is
skipped and listed with the reason; at most ``MAX_ANNOTATIONS`` are read.
"""
from __future__ import annotations

import copy
import datetime as _dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ClassVar

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from editor.app.command import Change, Command
from editor.errors import GazetteError
from editor.guard import DAMAGE as _GUARD_DAMAGE
from editor.guard import Guard, display_name, read_input
from editor.model import Annotation, Document, Issue, Reply
from editor.proof.anchor import CONTEXT, reanchor
from editor.proof.export import MAP_NAME, NM_PREFIX
from editor.proof.geometry import (Box, Hit, PageMap, PdfSpace, ProofMap, caret_offset,
                                   char_under_point, chars_in_box, line_items_at,
                                   nearest_char)

MARKUPS = ("/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Caret", "/Text",
           "/FreeText")
_EXPLICIT = re.compile(r"^\s*[【\[]?(改|删|增|疑|注)[】\]]?\s*[：:]\s*")
_CHANGE_TO = re.compile(r"^\s*(?:改为|改成|应为)\s*[：:]?\s*")
MARGIN_REACH = 160.0    # how far a sticky note in the margin may sit from its line
_QUESTION = re.compile(r"[？?]\s*$|^\s*(请核|是否|核实)")
MAX_ANNOTATIONS = 20_000        # marks read from one proof
MAX_MAP_BYTES = 64 * 1024 * 1024
DAMAGED_MARK = "批注数据已损坏，已跳过"
DAMAGE = (*_GUARD_DAMAGE, PyPdfError)     # what a damaged PDF raises while it is read


@dataclass
class Unplaced:
    """A reader's mark that could not be put on the source text."""
    page: int                    # 1-based, as readers number pages
    subtype: str
    contents: str
    reason: str

    def describe(self) -> str:
        return f"第{self.page}页 {self.subtype.lstrip('/')}「{self.contents[:30]}」：{self.reason}"


@dataclass
class ImportResult:
    build: str = ""
    round: str = ""
    map_embedded: bool = True
    annotations: list[Annotation] = field(default_factory=list)
    replies: list[tuple[str, Reply]] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


@dataclass
class _Raw:
    """One annotation dictionary read from the PDF, with what the mapping needs."""
    page: int
    subtype: str
    obj: object
    ref: object
    contents: str
    boxes: list[Box]
    rect: Box


# ---------------------------------------------------------------------------- reading

def _map_guard(reader: PdfReader) -> Guard:
    name = getattr(reader, "_gongbao_name", "校样")
    return Guard(lambda problem, detail: GazetteError(
        f"无法读取校样“{name}”中内嵌的排版数据：{problem}", detail, name),
        part_limit=MAX_MAP_BYTES, damage=(PyPdfError,))


def read_proof_map(reader: PdfReader) -> ProofMap | None:
    """The positioned text embedded by ``editor.proof.export``; None when the PDF has
    none; a damaged one (a bomb, a broken stream, wrong JSON) is a plain refusal."""
    guard = _map_guard(reader)
    with guard.reading(MAP_NAME):
        raw = reader.attachments.get(MAP_NAME)
        if not raw:
            return None
        pmap = ProofMap.from_json(guard.gunzip(bytes(raw[0]), MAP_NAME))
        _check_map(pmap)
    return pmap


def _check_map(pmap: ProofMap) -> None:
    """Every number of the map a finite number, every text a string (ValueError else),
    so that a damaged map is refused here rather than failing while marks are placed."""
    import math
    if not isinstance(pmap.build, str):
        raise ValueError("build is not a string")
    for page in pmap.pages:
        for value in (page.width, page.height):
            if not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ValueError("page size")
        for it in page.items:
            s = it.source
            numbers = [it.x, it.y, it.size, it.width, *it.xs]
            if not (isinstance(it.text, str) and isinstance(it.xs, list)
                    and all(isinstance(v, (int, float)) and math.isfinite(v) for v in numbers)
                    and isinstance(s.doc_id, str) and isinstance(s.block_id, str)
                    and isinstance(s.start, int) and isinstance(s.end, int)
                    and 0 <= s.start <= s.end and len(it.xs) >= len(it.text)):
                raise ValueError(f"bad map item {it.text!r:.40}")


def _text(value) -> str:
    return str(value) if value is not None else ""


def _numbers(value, count: int | None = None) -> list[float]:
    """A PDF array of finite numbers (``count`` of them when given); ValueError else."""
    import math
    out = [float(v) for v in list(value)[:10_000]]
    if not all(math.isfinite(v) for v in out) or (count is not None and len(out) != count):
        raise ValueError("not an array of finite numbers")
    return out


def _page_boxes(space: PdfSpace, obj) -> tuple[list[Box], Box]:
    """The quads (as boxes) and the rect of an annotation, in page coordinates (a
    malformed Rect raises ValueError; malformed QuadPoints fall back to the Rect)."""
    rect = space.box(*_numbers(obj.get("/Rect", [0, 0, 0, 0]), 4))
    try:
        quads = _numbers(obj.get("/QuadPoints", []))
    except DAMAGE:
        quads = []
    boxes = []
    for i in range(0, len(quads) - 7, 8):
        xs, ys = quads[i:i + 8:2], quads[i + 1:i + 8:2]
        boxes.append(space.box(min(xs), min(ys), max(xs), max(ys)))
    return boxes, rect


def _read(reader: PdfReader, pmap: ProofMap, skipped: list[Unplaced]) -> list[_Raw]:
    """The markup annotations of every page; a malformed one is listed in ``skipped``."""
    out = []
    for index, page in enumerate(reader.pages):
        try:
            space = PdfSpace.of(page, pmap.pages[index])
            annots = page.get("/Annots") or []
            annots = list(annots.get_object() if hasattr(annots, "get_object") else annots)
        except DAMAGE:
            skipped.append(Unplaced(index + 1, "/Annots", "", "本页的批注列表已损坏，已跳过"))
            continue
        for ref in annots:
            if len(out) + len(skipped) >= MAX_ANNOTATIONS:
                skipped.append(Unplaced(index + 1, "", "",
                                        f"批注超过 {MAX_ANNOTATIONS} 条，其余未读取"))
                return out
            raw = _read_one(index, space, ref, skipped)
            if raw is not None:
                out.append(raw)
    return out


def _read_one(index: int, space: PdfSpace, ref, skipped: list[Unplaced]) -> _Raw | None:
    subtype = ""
    try:
        obj = ref.get_object()
        if not hasattr(obj, "get"):
            raise ValueError("annotation is not a dictionary")
        subtype = _text(obj.get("/Subtype"))
        if subtype not in MARKUPS or "/StateModel" in obj:
            return None             # review states (Accepted/Rejected ticks) are no comments
        boxes, rect = _page_boxes(space, obj)
        return _Raw(index, subtype, obj, getattr(ref, "idnum", None),
                    _text(obj.get("/Contents")), boxes, rect)
    except DAMAGE:
        skipped.append(Unplaced(index + 1, subtype or "/Annot", "", DAMAGED_MARK))
        return None


def _pdf_time(value: str) -> str:
    """ISO time of a PDF date; "" for one that is no date (month 13, 30 February)."""
    m = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?", value or "")
    if not m:
        return ""
    parts = [int(p) if p else d for p, d in zip(m.groups(), (0, 1, 1, 0, 0, 0))]
    try:
        return _dt.datetime(*parts).isoformat(timespec="seconds")
    except (ValueError, OverflowError):
        return ""


# ---------------------------------------------------------------------------- kinds

def kind_of(subtype: str, contents: str) -> tuple[str, str, str]:
    """(kind, new text, note) for a mark of ``subtype`` with ``contents``."""
    m = _EXPLICIT.match(contents)
    if m:
        kind, rest = m.group(1), contents[m.end():]
        if kind in ("改", "增"):
            first, _, note = rest.partition("\n")
            return kind, first.strip(), note.strip()
        return kind, "", rest.strip()
    m = _CHANGE_TO.match(contents)
    if m and subtype != "/Caret":
        first, _, note = contents[m.end():].partition("\n")
        return "改", first.strip(), note.strip()
    if subtype == "/StrikeOut":
        return "删", "", contents.strip()
    if subtype == "/Caret":
        return "增", contents.strip(), ""
    return ("疑" if _QUESTION.search(contents) else "注"), "", contents.strip()


# ---------------------------------------------------------------------------- placing

def _hits_of(raw: _Raw, page: PageMap) -> list[Hit]:
    if raw.subtype == "/Caret":
        try:
            rd = _numbers(raw.obj.get("/RD", [0, 0, 0, 0]), 4)
        except DAMAGE:
            rd = [0.0] * 4
        r = raw.rect
        x = (r.x0 + rd[0] + r.x1 - rd[2]) / 2
        hit = caret_offset(page, x, r.top + rd[3], r.bottom - rd[1])
        return [hit] if hit else []
    if raw.subtype in ("/Text",):
        hit = char_under_point(page, raw.rect.x0, raw.rect.top) \
            or nearest_char(page, raw.rect.x0, raw.rect.top)
        if hit is None:
            # A note in the margin beside a line: the line's nearest character.
            hit = nearest_char(page, raw.rect.x0, raw.rect.top, reach=MARGIN_REACH)
            if hit is not None and not line_items_at(page, raw.rect.top, slack=2.0):
                hit = None
        return [hit] if hit else []
    boxes = raw.boxes or [raw.rect]
    hits = [h for b in boxes for h in chars_in_box(page, b)]
    if not hits and raw.subtype == "/FreeText":
        hit = nearest_char(page, raw.rect.x0, raw.rect.top)
        hits = [hit] if hit else []
    return hits


def _ranges(hits: list[Hit], insertion: bool) -> list[tuple[str, str, int, int]]:
    """(doc, block, start, end) per block touched, in reading order."""
    if insertion:
        h = hits[0]
        return [(h.doc_id, h.block_id, h.offset, h.offset)]
    spans: dict[tuple[str, str], list[int]] = {}
    for h in hits:
        spans.setdefault((h.doc_id, h.block_id), []).append(h.offset)
    out = []
    for (d, b), offs in spans.items():
        offs = sorted(set(offs))
        start = prev = offs[0]
        for o in offs[1:] + [None]:
            # A gap of more than one character (one may be an undrawn space at a line
            # end) means the reader marked separate pieces.
            if o is None or o - prev > 2:
                out.append((d, b, start, prev + 1))
                start = o
            prev = o if o is not None else prev
    return out


def _map_text(pmap: ProofMap, doc_id: str, block_id: str) -> dict[int, str]:
    chars: dict[int, str] = {}
    for page in pmap.pages:
        for it in page.items:
            s = it.source
            if s.doc_id == doc_id and s.block_id == block_id:
                for k, ch in enumerate(it.text):
                    chars[s.start + k] = ch
    return chars


def _span(chars: dict[int, str], start: int, end: int) -> str:
    return "".join(chars.get(i, "") for i in range(start, end))


def _annotation(pmap: ProofMap, raw: _Raw, rng, kind: str, new: str, note: str,
                ann_id: str, round_label: str) -> Annotation:
    doc_id, block_id, start, end = rng
    chars = _map_text(pmap, doc_id, block_id)
    return Annotation(
        id=ann_id, doc_id=doc_id, block_id=block_id, start=start, end=end,
        quote=_span(chars, start, end), prefix=_span(chars, max(0, start - CONTEXT), start),
        suffix=_span(chars, end, end + CONTEXT), kind=kind, note=note, new_text=new,
        author=_text(raw.obj.get("/T")), time=_pdf_time(_text(raw.obj.get("/M")
                                                           or raw.obj.get("/CreationDate"))),
        round=round_label)


def _id_for(raw: _Raw, build: str) -> str:
    nm = _text(raw.obj.get("/NM"))
    key = nm or f"{raw.page}|{raw.subtype}|{raw.rect}|{raw.contents}"
    return "pdf-" + hashlib.sha1(f"{build}|{key}".encode("utf-8")).hexdigest()[:12]


def _own_id(obj) -> str | None:
    if not hasattr(obj, "get"):
        return None
    nm = _text(obj.get("/NM"))
    return nm[len(NM_PREFIX):].split("#")[0] if nm.startswith(NM_PREFIX) else None


def open_pdf(pdf) -> PdfReader:
    """A reader for a proof PDF (path or binary file) the user picked; a file that is no
    PDF, is cut short or is locked with a password gives a GazetteError in Chinese, and
    pypdf's English repair notes stay out of the console."""
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    name = display_name(getattr(pdf, "name", None) or str(pdf))
    try:
        if isinstance(pdf, (str, Path)):        # a FIFO or device named .pdf: refused by type
            pdf = io.BytesIO(read_input(pdf, lambda problem, detail: GazetteError(
                f"无法读取“{Path(name).name}”：{problem}", detail, name)))
        reader = PdfReader(pdf)
        reader._gongbao_name = Path(name).name
        if reader.is_encrypted and not reader.decrypt(""):
            raise GazetteError("该 PDF 设有打开密码，无法读取；请在阅读器中另存为无密码的副本后再导入。",
                               "", name)
        len(reader.pages)                 # a broken page tree shows here, not later
    except FileNotFoundError as exc:
        raise GazetteError(f"找不到文件：{Path(name).name}", str(exc), name) from exc
    except DAMAGE as exc:
        raise GazetteError(f"无法读取该 PDF（文件不是 PDF 或已损坏）：{Path(name).name}",
                           f"{type(exc).__name__}: {exc}", name) from None
    return reader


def read_old_proof(pdf) -> ProofMap:
    """The positioned text of a proof PDF this program exported (path or binary file), for
    校次比较; any other PDF gives a GazetteError in Chinese (as do a missing, broken or
    locked file, through ``open_pdf``)."""
    pmap = read_proof_map(open_pdf(pdf))
    if pmap is None:
        raise GazetteError("该 PDF 不是本程序导出的校样，无法比较。请选择“导出校样PDF”得到的文件。",
                           "", getattr(pdf, "name", None) or str(pdf))
    return pmap


def import_proof(pdf, issue: Issue | None = None,
                 fallback: ProofMap | Callable[[], ProofMap] | None = None,
                 round_label: str | None = None) -> ImportResult:
    """Read the reader's marks from the proof ``pdf`` (path or binary file).  With ``issue``
    the new annotations are re-anchored onto its current text (their quotes come from the
    proof).  ``fallback`` (a map, or a function building one) is used when the PDF carries
    no map of its own."""
    reader = open_pdf(pdf)
    try:
        meta = dict(reader.metadata or {})
    except DAMAGE:
        meta = {}
    pmap = read_proof_map(reader)
    result = ImportResult(build=_text(meta.get("/GongbaoBuild")),
                          round=round_label or _text(meta.get("/GongbaoRound")),
                          map_embedded=pmap is not None)
    if pmap is None and fallback is not None:
        pmap = fallback() if callable(fallback) else fallback
    if pmap is None:
        raise GazetteError("该PDF不是本程序导出的校样，且未提供排版结果，无法定位批注。")
    if len(pmap.pages) != len(reader.pages):
        raise GazetteError("校样页数与排版结果不一致，无法定位批注。",
                           f"pdf {len(reader.pages)} pages, map {len(pmap.pages)}")
    with _map_guard(reader).reading("/Annots"):
        raws = _read(reader, pmap, result.unplaced)
    grouped = _grouped_replacements(raws)
    for raw in raws:
        try:
            if (raw.ref in grouped and grouped[raw.ref] is None) or _own_id(raw.obj):
                continue
            if _reply(raw, result):
                continue
            _place(raw, pmap, result, grouped.get(raw.ref), issue)
        except DAMAGE:
            result.unplaced.append(Unplaced(raw.page + 1, raw.subtype, raw.contents[:200],
                                            DAMAGED_MARK))
    return result


def _grouped_replacements(raws: list[_Raw]) -> dict:
    """Carets grouped with a StrikeOut (Acrobat "replace text"): strike ref -> caret, and
    the caret's own ref marked as consumed."""
    by_ref = {r.ref: r for r in raws if r.ref is not None}
    out = {}
    for raw in raws:
        try:
            irt = raw.obj.get("/IRT")
            if raw.subtype != "/Caret" or irt is None or _text(raw.obj.get("/RT")) != "/Group":
                continue
            parent = by_ref.get(getattr(irt, "idnum", None))
        except DAMAGE:
            continue            # a malformed IRT: the caret stands alone
        if parent is not None and parent.subtype == "/StrikeOut":
            out[parent.ref] = raw
            out[raw.ref] = None
    return out


def _reply(raw: _Raw, result: ImportResult) -> bool:
    irt = raw.obj.get("/IRT")
    if irt is None or _text(raw.obj.get("/RT")) == "/Group":
        return False
    target = _own_id(irt.get_object()) if hasattr(irt, "get_object") else None
    if target is None:
        return False
    result.replies.append((target, Reply(author=_text(raw.obj.get("/T")),
                                         time=_pdf_time(_text(raw.obj.get("/M"))),
                                         text=raw.contents.strip())))
    return True


def _place(raw: _Raw, pmap: ProofMap, result: ImportResult, caret: _Raw | None,
           issue: Issue | None) -> None:
    hits = _hits_of(raw, pmap.pages[raw.page])
    if not hits:
        result.unplaced.append(Unplaced(raw.page + 1, raw.subtype, raw.contents,
                                        "标记处没有正文文字"))
        return
    kind, new, note = kind_of(raw.subtype, raw.contents)
    if caret is not None:
        kind, new, note = "改", kind_of("/Caret", caret.contents)[1], raw.contents.strip()
    base = _id_for(raw, result.build)
    ranges = _ranges(hits, raw.subtype == "/Caret")
    for n, rng in enumerate(ranges):
        ann = _annotation(pmap, raw, rng, kind, new, note,
                          base if n == 0 else f"{base}-{n}", result.round)
        if issue is not None:
            ann = _onto(issue, ann)
            if ann is None:
                result.unplaced.append(Unplaced(raw.page + 1, raw.subtype, raw.contents,
                                                "对应的文件已不在本期中"))
                continue
        result.annotations.append(ann)


def _onto(issue: Issue, ann: Annotation) -> Annotation | None:
    document = issue.find_document(ann.doc_id)
    return None if document is None else reanchor(ann, document)


# ---------------------------------------------------------------------------- command

@dataclass
class AddImportedAnnotations(Command):
    """导入校对意见 as one undoable step: adds the imported annotations (skipping ids the
    document already has, so importing the same PDF twice adds nothing) and the replies."""
    title: ClassVar[str] = "导入校对意见"
    annotations: list = field(default_factory=list)
    replies: list = field(default_factory=list)        # [annotation id, Reply]
    added: list = field(default_factory=list)          # [doc id, annotation id]
    replied: list = field(default_factory=list)        # [doc id, annotation id]

    def apply(self, issue: Issue) -> Change:
        self.added, self.replied = [], []
        for ann in self.annotations:
            document = issue.find_document(ann.doc_id)
            if document is None or any(a.id == ann.id for a in document.annotations):
                continue
            document.annotations.append(copy.deepcopy(ann))
            self.added.append([document.id, ann.id])
        owners = {a.id: d for d in issue.documents() for a in d.annotations}
        for ann_id, reply in self.replies:
            document = owners.get(ann_id)
            target = _by_id(document, ann_id) if document else None
            if target is None or any(r.text == reply.text and r.author == reply.author
                                     for r in target.replies):
                continue
            target.replies.append(copy.deepcopy(reply))
            self.replied.append([document.id, ann_id])
        return self._change()

    def revert(self, issue: Issue) -> Change:
        for doc_id, ann_id in reversed(self.replied):
            _by_id(issue.find_document(doc_id), ann_id).replies.pop()
        for doc_id, ann_id in self.added:
            document = issue.find_document(doc_id)
            document.annotations = [a for a in document.annotations if a.id != ann_id]
        return self._change()

    def _change(self) -> Change:
        return Change(annotations={a for _, a in self.added} | {a for _, a in self.replied})

    def describe(self) -> str:
        return f"导入校对意见（{len(self.added)}条）"


def _by_id(document: Document, ann_id: str) -> Annotation | None:
    return next((a for a in document.annotations if a.id == ann_id), None)


__all__ = ["MARKUPS", "Unplaced", "ImportResult", "read_proof_map", "read_old_proof",
           "kind_of", "import_proof", "AddImportedAnnotations"]
