"""Proof PDF export and import on a PDF drawn here from hand-placed text items.

The page items are placed on a simple 28-character grid from a sample's paragraphs and
drawn with reportlab (one glyph per recorded x), so these tests exercise the proof code
independently of the typesetter.  Reader marks are written with pypdf at positions taken
from pdfplumber's characters, the way a PDF reader would place them.
"""
from __future__ import annotations

import gzip
import io
import uuid

import docx
import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject,
                           NumberObject, TextStringObject)
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from conftest import sample
from editor.app.command import Command
from editor.layout.items import LaidOutIssue, Page, Source, TextItem
from editor.model import Document, Issue, Paragraph, Run, Section
from editor.proof.anchor import make_annotation, text_of
from editor.proof.export import MAP_NAME, annotate_pdf, open_annotations
from editor.proof.geometry import ProofMap
from editor.proof.import_ import AddImportedAnnotations, import_proof, kind_of

W, H, PITCH, LINE = 595.28, 841.89, 15.79, 28.95


# ---------------------------------------------------------------------------- reader marks

def _n(v: float) -> FloatObject:
    return FloatObject(round(v, 3))


def reader_mark(writer: PdfWriter, page: int, subtype: str, contents: str = "",
                quads=None, rect=None, author: str = "校对员", extra=None):
    """Add an annotation as a PDF reader does; quads/rect are PDF-space (x0, y0, x1, y1)."""
    d = {"/Type": NameObject("/Annot"), "/Subtype": NameObject("/" + subtype),
         "/Contents": TextStringObject(contents), "/T": TextStringObject(author),
         "/NM": TextStringObject(str(uuid.uuid4())),
         "/M": TextStringObject("D:20261123010203+08'00'"),
         "/C": ArrayObject([_n(1), _n(0.8), _n(0)]), "/F": NumberObject(4)}
    if quads:
        d["/QuadPoints"] = ArrayObject(_n(v) for x0, y0, x1, y1 in quads
                                       for v in (x0, y1, x1, y1, x0, y0, x1, y0))
        rect = [min(q[0] for q in quads), min(q[1] for q in quads),
                max(q[2] for q in quads), max(q[3] for q in quads)]
    d["/Rect"] = ArrayObject(_n(v) for v in rect)
    d.update(extra or {})
    return writer.add_annotation(page, DictionaryObject({NameObject(k): v for k, v in d.items()}))


def char_quad(chars, height: float):
    """PDF-space box over consecutive pdfplumber chars of one line."""
    return (chars[0]["x0"], height - max(c["bottom"] for c in chars),
            chars[-1]["x1"], height - min(c["top"] for c in chars))


def caret_rect(char, height: float):
    """A caret just before ``char``: a small box on its baseline, like Acrobat's."""
    x, base = char["x0"], height - char["bottom"]
    return [x - 3.5, base - 1, x + 3.5, base + 6]


def note_rect(char, height: float):
    """A sticky note whose icon's top-left corner is on ``char``."""
    x, y = (char["x0"] + char["x1"]) / 2, height - (char["top"] + char["bottom"]) / 2
    return [x, y - 20, x + 20, y]


def lines_of(page):
    """pdfplumber chars of a page grouped into lines (by top), left to right."""
    rows: dict[int, list] = {}
    for c in page.chars:
        rows.setdefault(round(c["top"]), []).append(c)
    return [sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items())]


# ---------------------------------------------------------------------------- fixture

def _hand_layout(document: Document) -> LaidOutIssue:
    pages, y = [Page(index=0, width=W, height=H, doc_id=document.id)], 100.0
    for para in document.body:
        text = para.display_text
        for s in range(0, len(text), 28):
            if y > 780:
                pages.append(Page(index=len(pages), width=W, height=H, doc_id=document.id))
                y = 100.0
            seg = text[s:s + 28]
            xs = [79 + PITCH * k for k in range(len(seg))]
            pages[-1].items.append(TextItem(
                x=xs[0], y=y, text=seg, face="STSong-Light", size=16, xs=xs,
                width=PITCH * len(seg), source=Source(document.id, para.id, s, s + len(seg))))
            y += LINE
    return LaidOutIssue(pages=pages)


def _draw(laid_out: LaidOutIssue) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in laid_out.pages:
        c.setPageSize((page.width, page.height))
        for it in page.texts():
            c.setFont("STSong-Light", it.size)
            for ch, x in zip(it.text, it.xs):
                c.drawString(x, page.height - it.y, ch)
        c.showPage()
    c.save()
    return buf.getvalue()


def _issue() -> Issue:
    paras = [p.text.replace("\n", "") for p in docx.Document(str(sample("02"))).paragraphs
             if p.text.strip()][:40]
    body = [Paragraph(id=f"p{i}", runs=[Run(t)]) for i, t in enumerate(paras)]
    doc = Document(id="d02", title=paras[2], body=body)
    return Issue(sections=[Section(id="s1", title="区级文件选登", documents=[doc])])


@pytest.fixture(scope="module")
def proof(tmp_path_factory):
    issue = _issue()
    doc = next(issue.documents())
    doc.annotations = [
        make_annotation(doc, "p10", 5, 40, id="a", kind="删", author="张三", note="重复"),
        make_annotation(doc, "p13", 3, 8, id="b", kind="疑", note="数字是否正确？"),
        make_annotation(doc, "p14", 6, 6, id="c", kind="增", new_text="的"),
        make_annotation(doc, "p15", 2, 5, id="d", kind="改", new_text="改后"),
        make_annotation(doc, "p16", 2, 9, id="e", kind="注", status="rejected"),
    ]
    laid_out = _hand_layout(doc)
    pmap = ProofMap.from_layout(laid_out)
    path = tmp_path_factory.mktemp("proof") / "proof.pdf"
    missing = annotate_pdf(_draw(laid_out), pmap, open_annotations(issue), str(path), "一校",
                           title="东西湖区人民政府公报")
    assert missing == []
    return issue, laid_out, pmap, path


# ---------------------------------------------------------------------------- export

def _marks(path):
    reader = PdfReader(str(path))
    return [(i, a.get_object()) for i, p in enumerate(reader.pages)
            for a in p.get("/Annots") or [] if a.get_object()["/Subtype"] != "/Popup"]


def test_export_marks_every_open_annotation_at_its_characters(proof):
    issue, laid_out, pmap, path = proof
    marks = {str(a["/NM"]): (i, a) for i, a in _marks(path)}
    assert set(marks) == {"gongbao:a", "gongbao:b", "gongbao:c", "gongbao:d"}
    assert marks["gongbao:a"][1]["/Subtype"] == "/StrikeOut"
    assert marks["gongbao:b"][1]["/Subtype"] == "/Highlight"
    assert marks["gongbao:c"][1]["/Subtype"] == "/Caret"
    assert str(marks["gongbao:a"][1]["/T"]) == "张三"
    assert str(marks["gongbao:d"][1]["/Contents"]).startswith("改：改后")
    page_index, strike = marks["gongbao:a"]
    quads = [float(v) for v in strike["/QuadPoints"]]
    assert len(quads) == 16                     # 35 characters over two lines
    with pdfplumber.open(str(path)) as pdf:
        page = pdf.pages[page_index]
        text = "".join(c["text"] for line in lines_of(page) for c in line)
        doc = next(issue.documents())
        quote = text_of(doc, "p10")[5:40]
        start = text.index(quote)
        chars = [c for line in lines_of(page) for c in line][start:start + len(quote)]
    first, last = chars[0], chars[-1]
    assert quads[0] == pytest.approx(first["x0"], abs=0.05)
    # The slot ends at the next character (pitch 15.79) while the glyph is 16 wide.
    assert quads[8 + 2] == pytest.approx(last["x1"], abs=0.25)
    for i, a in _marks(path):
        assert "/AP" in a and "/Popup" in a


@pytest.mark.slow
def test_proof_carries_build_map_watermark_and_round(proof):
    issue, laid_out, pmap, path = proof
    reader = PdfReader(str(path))
    assert reader.metadata["/GongbaoBuild"] == pmap.build
    assert reader.metadata["/GongbaoRound"] == "一校"
    assert reader.metadata["/Title"] == "东西湖区人民政府公报（校样）"
    embedded = ProofMap.from_json(gzip.decompress(reader.attachments[MAP_NAME][0]))
    assert embedded.build == pmap.build
    assert [len(p.items) for p in embedded.pages] == [len(p.items) for p in pmap.pages]
    assert embedded.pages[1].items[3].xs == pytest.approx(pmap.pages[1].items[3].xs)
    with pdfplumber.open(str(path)) as pdf:
        first = pdf.pages[0]
        # The stamp is outlines: no stray characters mix into the page text.
        assert len(first.chars) == sum(len(t.text) for t in laid_out.pages[0].texts())
    for page in reader.pages:                   # every sheet draws the stamp form
        assert page.get_contents().get_data().rstrip().endswith(b"/GbStamp0 Do Q")
    form = reader.pages[0]["/Resources"]["/XObject"]["/GbStamp0"]
    assert form["/Subtype"] == "/Form"
    data = form.get_data()
    assert data.count(b" c ") + data.count(b" c\n") > 50       # 校样 outlines
    assert b"Tf" not in data and "/Font" not in form["/Resources"]


# ---------------------------------------------------------------------------- import

@pytest.fixture(scope="module")
def annotated(proof, tmp_path_factory):
    """The proof with marks a reader adds on page 2, and what each mark intends."""
    issue, laid_out, pmap, path = proof
    writer = PdfWriter(clone_from=str(path))
    with pdfplumber.open(str(path)) as pdf:
        page = pdf.pages[1]
        h = page.height
        lines = lines_of(page)
    blocks = [t.source.block_id for t in laid_out.pages[1].texts()]
    last = next(i for i in range(5, len(blocks)) if blocks[i] != blocks[i + 1] and
                len(lines[i]) > 20 and len(lines[i + 1]) > 12)
    l1, l2, l3 = lines[2], lines[last], lines[last + 1]
    reader_mark(writer, 1, "Highlight", "这里需要核实？", quads=[char_quad(l1[3:9], h)])
    reader_mark(writer, 1, "StrikeOut", quads=[char_quad(l1[12:14], h)])
    reader_mark(writer, 1, "Caret", "插入", rect=caret_rect(l1[20], h), extra={
        "/RD": ArrayObject([_n(0)] * 4)})
    reader_mark(writer, 1, "Text", "便签", rect=note_rect(l1[25], h))
    reader_mark(writer, 1, "Underline", "改：新词", quads=[char_quad(l2[0:4], h)])
    reader_mark(writer, 1, "Highlight", "跨行", quads=[char_quad(l2[20:], h),
                                                     char_quad(l3[:5], h)])
    reader_mark(writer, 1, "Squiggly", "", quads=[char_quad(l3[10:12], h)])
    reader_mark(writer, 1, "FreeText", "页边空白处的说明", rect=[500, 20, 580, 40])
    strike = reader_mark(writer, 1, "StrikeOut", "", quads=[char_quad(l3[14:16], h)])
    reader_mark(writer, 1, "Caret", "替换文字", rect=caret_rect(l3[16], h), extra={
        "/IRT": strike.indirect_reference, "/RT": NameObject("/Group")})
    own = next(a.get_object() for a in writer.pages[0]["/Annots"]
               if a.get_object().get("/NM") == "gongbao:a")
    reader_mark(writer, 0, "Text", "同意删除", rect=[500, 700, 520, 720],
                extra={"/IRT": own.indirect_reference})
    reader_mark(writer, 0, "Text", "Accepted", rect=[500, 680, 520, 700],
                extra={"/IRT": own.indirect_reference, "/StateModel": TextStringObject("Review"),
                       "/State": TextStringObject("Accepted")})
    margin_y = h - (l1[0]["top"] + l1[0]["bottom"]) / 2
    reader_mark(writer, 1, "Text", "页边便签", rect=[545, margin_y - 20, 565, margin_y])
    out = tmp_path_factory.mktemp("annotated") / "annotated.pdf"
    writer.write(str(out))
    texts = ["".join(c["text"] for c in chars) for chars in
             (l1[3:9], l1[12:14], l2[0:4], l2[20:], l3[:5], l3[10:12], l3[14:16])]
    return out, texts, (l1[19]["text"] + l1[20]["text"], l1[25]["text"], l1[-1]["text"])


def test_import_maps_reader_marks_to_source_text(proof, annotated):
    issue, laid_out, pmap, path = proof
    out, texts, (caret_pair, note_char, line_end) = annotated
    result = import_proof(str(out), issue)
    anns = result.annotations
    doc = next(issue.documents())
    got = [(a.kind, a.quote, a.new_text, a.note) for a in anns]
    assert got[0] == ("疑", texts[0], "", "这里需要核实？")
    assert got[1] == ("删", texts[1], "", "")
    assert got[2][:3] == ("增", "", "插入")
    text = text_of(doc, anns[2].block_id)
    assert text[anns[2].start - 1:anns[2].start + 1] == caret_pair
    assert got[3] == ("注", note_char, "", "便签")
    assert got[4] == ("改", texts[2], "新词", "")
    assert [g[1] for g in got[5:7]] == [texts[3], texts[4]]       # one per paragraph
    assert got[7] == ("注", texts[5], "", "")
    assert got[8] == ("改", texts[6], "替换文字", "")
    assert got[9] == ("注", line_end, "", "页边便签")
    assert len(got) == 10
    assert all(a.author == "校对员" and a.round == "一校" for a in anns)
    assert anns[0].time == "2026-11-23T01:02:03"
    for a in anns:
        assert text_of(doc, a.block_id)[a.start:a.end] == a.quote and not a.orphaned
    assert [u.subtype for u in result.unplaced] == ["/FreeText"]
    assert len(result.replies) == 1            # the review-state tick is not a reply
    assert result.replies[0][0] == "a" and result.replies[0][1].text == "同意删除"
    assert result.build == pmap.build and result.map_embedded


def test_import_command_adds_once_and_undoes(proof, annotated):
    issue, laid_out, pmap, path = proof
    out, _, _ = annotated
    doc = next(issue.documents())
    before = [a.id for a in doc.annotations]
    result = import_proof(str(out), issue)
    cmd = AddImportedAnnotations(annotations=result.annotations, replies=result.replies)
    change = cmd.apply(issue)
    assert len(doc.annotations) == len(before) + len(result.annotations)
    assert "a" in change.annotations
    again = Command.from_dict(AddImportedAnnotations(
        annotations=result.annotations, replies=result.replies).to_dict())
    again.apply(issue)
    assert again.added == [] and again.replied == []
    cmd.revert(issue)
    assert [a.id for a in doc.annotations] == before
    assert doc.annotations[0].replies == []


def test_import_without_map_needs_a_layout(tmp_path, proof):
    issue, laid_out, pmap, path = proof
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_draw(laid_out))
    from editor.errors import GazetteError
    with pytest.raises(GazetteError):
        import_proof(str(plain))
    assert import_proof(str(plain), fallback=pmap).map_embedded is False


@pytest.mark.parametrize("subtype,contents,expected", [
    ("/StrikeOut", "", ("删", "", "")),
    ("/StrikeOut", "改：新文字\n原因", ("改", "新文字", "原因")),
    ("/Highlight", "改为 东西湖区", ("改", "东西湖区", "")),
    ("/Highlight", "数据是否准确？", ("疑", "", "数据是否准确？")),
    ("/Highlight", "【疑】：出处", ("疑", "", "出处")),
    ("/Caret", "的", ("增", "的", "")),
    ("/Caret", "增：之", ("增", "之", "")),
    ("/Text", "建议统一格式", ("注", "", "建议统一格式")),
])
def test_kind_of_reader_notes(subtype, contents, expected):
    assert kind_of(subtype, contents) == expected


def test_pdf_space_turns_landscape_pages_like_the_writer():
    from editor.proof.geometry import Box, PdfSpace
    portrait = PdfSpace(0.0, 0.0, 841.89)
    assert portrait.to_pdf(100, 200) == (100, 641.89)
    assert portrait.from_pdf(100, 641.89) == (100, 200)
    # The writer turns a landscape page a quarter: page (x, y) -> sheet (y, x).
    land = PdfSpace(0.0, 0.0, 841.89, landscape=True)
    assert land.to_pdf(300, 50) == (50, 300)
    box = Box(300, 40, 320, 56)
    q = land.quad(box)
    assert q[:4] == [40, 300, 40, 320]          # upper edge runs up the sheet
    assert land.box(*land.rect(box)) == box


@pytest.mark.slow
def test_proof_is_byte_identical_when_rebuilt_with_source_date_epoch(proof, tmp_path,
                                                                     monkeypatch):
    """With SOURCE_DATE_EPOCH set, the same proof written twice a few seconds apart is the
    same file: its stamp and annotation dates are that moment, and the embedded map's
    gzip header carries no time of its own."""
    import time
    issue, laid_out, pmap, _ = proof
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")          # 2025-01-01 UTC
    base = _draw(laid_out)
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    annotate_pdf(base, pmap, open_annotations(issue), str(first), "一校")
    time.sleep(1.1)
    annotate_pdf(base, pmap, open_annotations(issue), str(second), "一校")
    assert first.read_bytes() == second.read_bytes()
    assert "2025-01-01" in PdfReader(str(first)).metadata["/Subject"]
