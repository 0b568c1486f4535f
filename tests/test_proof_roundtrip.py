"""Proof round trip on the sample issue (总第32期), built once for the module.

A proof is exported, 100 comments are added the way a reader's PDF program adds them
(highlight a phrase, strike out a word, caret insert, sticky note — written with pypdf at
the positions of the PDF's own characters as pdfplumber reads them), and the proof is
imported: the intended text of each comment is known from the layout's positioned items,
and at least 95 of the 100 must land on exactly that text, the rest listed.  Accepting a
改 changes the next build; undo restores it.  Anchors survive reordering the documents
and laying the issue out with the other template.
"""
from __future__ import annotations

import copy
import random

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream

from editor.fonts import default_fontbook
from editor.layout.paginate import layout_issue
from editor.proof.anchor import make_annotation, text_of
from editor.proof.corrections import AcceptAnnotation
from editor.proof.export import export_proof
from editor.proof.import_ import import_proof
from editor.issue_json import load_issue
from editor.resources import sample_issue_path
from test_proof_pdf import caret_rect, char_quad, lines_of, note_rect, reader_mark

pytestmark = pytest.mark.slow      # proofs of the whole sample issue

N_MARKS = 100


@pytest.fixture(scope="module")
def fontbook():
    return default_fontbook()


@pytest.fixture(scope="module")
def built(tmp_path_factory, fontbook):
    issue = load_issue(sample_issue_path())
    laid_out = layout_issue(issue, measurer=fontbook)
    path = tmp_path_factory.mktemp("proof") / "proof.pdf"
    pmap, missing = export_proof(issue, path, "一校", laid_out=laid_out, fontbook=fontbook)
    return issue, laid_out, pmap, path


# ---------------------------------------------------------------------------- ground truth

def _baseline(char, height: float) -> float:
    return height - char["matrix"][5]


def source_of(page, char, height: float):
    """(doc, block, offset) of a pdfplumber char, from the layout's positioned items: the
    item character with the same text on the same baseline nearest in x (within 1 pt; the
    PDF writes character spacing with limited precision, so positions drift a little)."""
    y = _baseline(char, height)
    best, best_dx = None, 1.0
    for item in page.texts():
        s = item.source
        if s is None or abs(item.y - y) > 0.05 or len(item.text) != s.end - s.start:
            continue
        for k, x in enumerate(item.xs):
            dx = abs(x - char["x0"])
            if dx < best_dx and item.text[k] == char["text"]:
                best, best_dx = (s.doc_id, s.block_id, s.start + k), dx
    return best


def _runs(line, page, height):
    """Split a pdfplumber line into runs of chars of one block with consecutive offsets."""
    runs, cur, prev = [], [], None
    for c in line:
        src = source_of(page, c, height)
        if src and prev and src[:2] == prev[:2] and src[2] == prev[2] + 1:
            cur.append((c, src))
        else:
            if cur:
                runs.append(cur)
            cur = [(c, src)] if src else []
        prev = src
    if cur:
        runs.append(cur)
    return runs


def _plan(laid_out, pdf, rng):
    """100 marks on body pages: (page, kind, chars, intended (doc, block, start, end))."""
    body = [i for i, p in enumerate(laid_out.pages) if p.kind == "body" and p.doc_id]
    pages = rng.sample(body, min(len(body), 34))
    plans = []
    kinds = ["highlight", "strike", "caret", "note", "replace"]
    for n in range(N_MARKS):
        index = pages[n % len(pages)]
        page, ppage = laid_out.pages[index], pdf.pages[index]
        runs = [r for line in lines_of(ppage) for r in _runs(line, page, ppage.height)
                if len(r) >= 8]
        run = rng.choice(runs)
        kind = kinds[n % len(kinds)]
        width = {"highlight": rng.randint(2, 6), "strike": rng.randint(1, 3),
                 "replace": rng.randint(2, 4)}.get(kind, 1)
        first = rng.randrange(1, len(run) - width)
        chosen = run[first:first + width]
        doc, block, start = chosen[0][1]
        end = start if kind == "caret" else start + width
        plans.append((index, kind, [c for c, _ in chosen], (doc, block, start, end)))
    return plans


def _annotate(path, plans, out):
    writer = PdfWriter(clone_from=str(path))
    height = float(PdfReader(str(path)).pages[0].mediabox.height)
    for n, (index, kind, chars, _) in enumerate(plans):
        if kind == "highlight":
            reader_mark(writer, index, "Highlight", f"第{n}条：请核实？", quads=[char_quad(chars, height)])
        elif kind == "strike":
            reader_mark(writer, index, "StrikeOut", "", quads=[char_quad(chars, height)])
        elif kind == "replace":
            reader_mark(writer, index, "Highlight", f"改：替换{n}", quads=[char_quad(chars, height)])
        elif kind == "caret":
            reader_mark(writer, index, "Caret", f"增{n}", rect=caret_rect(chars[0], height))
        else:
            reader_mark(writer, index, "Text", f"便签{n}", rect=note_rect(chars[0], height))
    writer.write(str(out))


@pytest.fixture(scope="module")
def round_trip(built, tmp_path_factory):
    issue, laid_out, pmap, path = built
    with pdfplumber.open(str(path)) as pdf:
        plans = _plan(laid_out, pdf, random.Random(9))
    out = tmp_path_factory.mktemp("marked") / "annotated.pdf"
    _annotate(path, plans, out)
    return plans, import_proof(str(out), issue)


EXPECTED_KIND = {"highlight": "疑", "strike": "删", "caret": "增", "note": "注", "replace": "改"}


@pytest.mark.slow
def test_hundred_reader_marks_land_on_their_text(round_trip):
    plans, result = round_trip
    by_note = {}
    for ann in result.annotations:
        by_note.setdefault(ann.note or ann.new_text, ann)
    exact = 0
    for n, (_, kind, chars, (doc, block, start, end)) in enumerate(plans):
        key = {"highlight": f"第{n}条：请核实？", "caret": f"增{n}", "note": f"便签{n}",
               "replace": f"替换{n}"}.get(kind)
        ann = by_note.get(key) if key else None
        if kind == "strike":
            ann = next((a for a in result.annotations if a.kind == "删" and a.doc_id == doc
                        and a.block_id == block and a.start == start), None)
        if ann is None:
            continue
        if (ann.kind, ann.doc_id, ann.block_id, ann.start, ann.end) == (
                EXPECTED_KIND[kind], doc, block, start, end):
            exact += 1
    print(f"placed exactly: {exact}/{N_MARKS}, unplaced listed: {len(result.unplaced)}")
    assert exact >= 95
    # Every mark is either placed (one annotation each) or listed.
    assert len(result.annotations) + len(result.unplaced) == N_MARKS


def test_imported_quotes_match_the_model_text(built, round_trip):
    issue, *_ = built
    plans, result = round_trip
    for ann in result.annotations:
        doc = issue.find_document(ann.doc_id)
        assert text_of(doc, ann.block_id)[ann.start:ann.end] == ann.quote
        assert ann.round == "一校" and ann.author == "校对员"


def test_accepted_correction_shows_in_next_build_and_undo_restores(built, fontbook):
    issue, laid_out, pmap, path = built
    doc = next(d for d in issue.documents() if len(d.body) > 10)
    para = next(b for b in doc.body if len(getattr(b, "text", "")) > 40)
    old = text_of(doc, para.id)[4:10]
    doc.annotations.append(make_annotation(doc, para.id, 4, 10, id="fix1", kind="改",
                                           new_text="（已改正文字）"))
    cmd = AcceptAnnotation(doc_id=doc.id, annotation_id="fix1", author="编辑")

    def shown():
        again = layout_issue(issue, measurer=fontbook)
        return "".join(t.text for p in again.pages for t in p.texts()
                       if t.source and t.source.block_id == para.id and t.source.doc_id == doc.id)

    before = shown()
    assert old in before
    cmd.apply(issue)
    after = shown()
    assert "（已改正文字）" in after and after.replace("（已改正文字）", old, 1) == before
    cmd.revert(issue)
    assert shown() == before
    doc.annotations = [a for a in doc.annotations if a.id != "fix1"]


# ---------------------------------------------------------------------------- relayout

def _mul(m, n):
    """Product of two PDF matrices (a b c d e f), row-vector convention: m then n."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def glyph_centres(reader, index):
    """The centre of every glyph a page's content stream shows, in PDF user space, in
    drawing order — computed from the operators and the fonts' widths as the PDF
    specification defines text positioning.  (pdfminer, under pdfplumber, leaves out the
    character spacing after the last glyph of each string, so its x positions drift on
    justified lines that switch font subsets; this is the exact reference.)"""
    page = reader.pages[index]
    fonts = page["/Resources"].get("/Font", {})
    ctm, stack = (1, 0, 0, 1, 0, 0), []
    tm = tlm = (1, 0, 0, 1, 0, 0)
    tc, tz, size, widths, first = 0.0, 1.0, 0.0, [], 0
    out = []
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":              # the text state belongs to the graphics state
            stack.append((ctm, tc, tz, size, widths, first))
        elif op == b"Q":
            ctm, tc, tz, size, widths, first = stack.pop()
        elif op == b"cm":
            ctm = _mul(tuple(float(v) for v in operands), ctm)
        elif op == b"BT":
            tm = tlm = (1, 0, 0, 1, 0, 0)
        elif op == b"Tm":
            tm = tlm = tuple(float(v) for v in operands)
        elif op == b"Td":
            tm = tlm = _mul((1, 0, 0, 1, float(operands[0]), float(operands[1])), tlm)
        elif op == b"Tc":
            tc = float(operands[0])
        elif op == b"Tz":
            tz = float(operands[0]) / 100
        elif op == b"Tf":
            font = fonts[operands[0]].get_object()
            size, first = float(operands[1]), int(font.get("/FirstChar", 0))
            widths = [float(w) for w in font.get("/Widths", [])]
        elif op == b"Tj":
            for code in operands[0].original_bytes:
                advance = widths[code - first] / 1000 * size
                m = _mul(tm, ctm)
                centre = _mul((1, 0, 0, 1, advance * tz / 2, size * 0.38), m)
                out.append((centre[4], centre[5]))
                tm = _mul((1, 0, 0, 1, (advance + tc) * tz, 0), tm)
        else:
            assert op not in (b"TJ", b"'", b'"', b"TD"), op
    return out


def text_under_marks(path):
    """Annotation id -> the characters the proof shows under its mark's QuadPoints, in
    text order (characters from pdfplumber, positions from ``glyph_centres``)."""
    out: dict[str, str] = {}
    reader = PdfReader(str(path))
    with pdfplumber.open(str(path)) as pdf:
        for index, page in enumerate(reader.pages):
            marks = [a.get_object() for a in page.get("/Annots") or []]
            marks = [a for a in marks if "/QuadPoints" in a
                     and str(a.get("/NM", "")).startswith("gongbao:")]
            if not marks:
                continue
            chars = pdf.pages[index].chars
            centres = glyph_centres(reader, index)
            assert len(chars) == len(centres)
            for a in marks:
                q = [float(v) for v in a["/QuadPoints"]]
                text = ""
                for i in range(0, len(q), 8):
                    ux, uy, rx, ry = q[i:i + 4]
                    xs, ys = q[i:i + 8:2], q[i + 1:i + 8:2]
                    inside = [(c["text"], (x - ux) * (rx - ux) + (y - uy) * (ry - uy))
                              for c, (x, y) in zip(chars, centres)
                              if min(xs) < x < max(xs) and min(ys) < y < max(ys)]
                    text += "".join(t for t, _ in sorted(inside, key=lambda p: p[1]))
                key = str(a["/NM"])[len("gongbao:"):].split("#")[0]
                out[key] = out.get(key, "") + text
    return out


def _annotate_every_document(issue):
    """Three annotations per document on body paragraphs (and one on each title)."""
    made = []
    for doc in issue.documents():
        paras = [b for b in doc.body if len(getattr(b, "text", "")) > 30][:3]
        for n, p in enumerate(paras):
            start = len(p.label) + 5 + n
            ann = make_annotation(doc, p.id, start, start + 4 + n, id=f"{doc.id}-{n}",
                                  kind="删疑注"[n], note="测试")
            doc.annotations.append(ann)
            made.append(ann)
    return made


@pytest.mark.parametrize("template", ["gbt9704", "gazette16k"])
def test_anchors_survive_reorder_and_other_template(built, fontbook, tmp_path, template):
    issue, *_ = built
    moved = copy.deepcopy(issue)
    for section in moved.sections:
        section.documents.reverse()
    moved.sections.reverse()
    made = _annotate_every_document(moved)
    laid_out = layout_issue(moved, template, measurer=fontbook)
    path = tmp_path / f"proof-{template}.pdf"
    pmap, missing = export_proof(moved, path, "二校", laid_out=laid_out, fontbook=fontbook)
    assert missing == []
    shown = text_under_marks(path)
    assert set(shown) == {a.id for a in made}
    for ann in made:
        assert shown[ann.id] == ann.quote.replace("\n", ""), ann.id
