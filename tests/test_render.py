"""The PDF painter (editor.render.pdf) with the real fonts: glyphs where the composer put
them, page boxes, bleed and crop marks, turned landscape pages, document info and
deterministic bytes."""
from __future__ import annotations

from datetime import date

import pdfplumber
import pypdf
import pytest

from editor import model
from editor.docx_import import import_docx
from editor.layout.cache import LayoutCache
from editor.layout.items import LaidOutIssue, Page
from editor.layout.paginate import flow_pages, layout_issue
from editor.layout.template import MM, load_template
from editor.render.pdf import write_pdf

from conftest import sample


@pytest.fixture(scope="module")
def fontbook():
    from editor.fonts import default_fontbook
    return default_fontbook()


@pytest.fixture(scope="module")
def notice_issue():
    doc = import_docx(sample("01")).document
    doc.id = "d01"
    meta = model.IssueMeta(title="东西湖区人民政府公报", period="2025年1月~2025年6月",
                           issue_label="总第32期", published="2025年9月")
    return model.Issue(meta=meta, sections=[model.Section("s1", "区级文件选登", [doc])])


@pytest.fixture(scope="module")
def laid(notice_issue, fontbook):
    return layout_issue(notice_issue, "gbt9704", fontbook, LayoutCache())


def test_glyphs_are_drawn_exactly_where_the_layout_put_them(laid, fontbook, tmp_path):
    out = tmp_path / "n.pdf"
    write_pdf(laid, out, fontbook)
    index = laid.doc_first_page["d01"]
    expected = [(ch, x, it.y) for it in laid.pages[index].texts()
                for ch, x in zip(it.text, it.xs) if not ch.isspace()]
    with pdfplumber.open(out) as pdf:
        chars = [(c["text"], c["x0"], pdf.pages[index].height - c["matrix"][5])
                 for c in pdf.pages[index].chars if not c["text"].isspace()]
    assert len(chars) == len(expected) > 100
    for (ch, x, y), (pch, px, py) in zip(sorted(expected, key=lambda e: (round(e[2], 1), e[1])),
                                         sorted(chars, key=lambda e: (round(e[2], 1), e[1]))):
        assert ch == pch
        assert px == pytest.approx(x, abs=0.05) and py == pytest.approx(y, abs=0.05)


def test_document_info_and_boxes(laid, fontbook, tmp_path):
    out = tmp_path / "n.pdf"
    write_pdf(laid, out, fontbook)
    reader = pypdf.PdfReader(str(out))
    info = reader.metadata
    assert info.title == "东西湖区人民政府公报 总第32期"
    assert info.subject == "2025年1月~2025年6月"
    assert "公报编辑器" in info.creator
    for page in reader.pages:
        assert [round(float(v), 2) for v in page.mediabox] == [0, 0, 595.28, 841.89]
        assert [round(float(v), 2) for v in page.trimbox] == [0, 0, 595.28, 841.89]


def test_bleed_adds_room_trim_and_bleed_boxes_and_crop_marks(laid, fontbook, tmp_path):
    out = tmp_path / "bleed.pdf"
    write_pdf(laid, out, fontbook, bleed=True)
    reader = pypdf.PdfReader(str(out))
    page = reader.pages[0]
    trim = [float(v) for v in page.trimbox]
    bleed = [float(v) for v in page.bleedbox]
    assert trim[2] - trim[0] == pytest.approx(595.28, abs=0.01)
    assert trim[3] - trim[1] == pytest.approx(841.89, abs=0.01)
    assert bleed[0] == pytest.approx(trim[0] - 3 * MM) and bleed[3] == pytest.approx(trim[3] + 3 * MM)
    assert float(page.mediabox[2]) > bleed[2]
    with pdfplumber.open(out) as pdf:
        p = pdf.pages[0]
        marks = [ln for ln in p.lines if ln["x1"] <= trim[0] + 0.1 or ln["x0"] >= trim[2] - 0.1]
        assert len(marks) >= 4


def test_bleed_pdf_dates_its_slug_from_source_date_epoch(laid, fontbook, tmp_path,
                                                         monkeypatch):
    """Reproducible builds: with SOURCE_DATE_EPOCH set, a bleed PDF (whose slug line
    carries the build date) has the same bytes whenever it is built."""
    from editor.render.pdf import build_date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")          # 2025-07-01 00:00 UTC
    assert build_date() == "2025-07-01"
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf(laid, first, fontbook, bleed=True)
    write_pdf(laid, second, fontbook, bleed=True)
    assert first.read_bytes() == second.read_bytes()
    with pdfplumber.open(first) as pdf:
        assert "2025-07-01" in pdf.pages[0].extract_text()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert build_date() == date.today().isoformat()


def test_landscape_page_is_a_turned_portrait_sheet(notice_issue, fontbook, tmp_path):
    from editor.layout.shapes import ImageFlowable

    class Wide(ImageFlowable):
        landscape = True

    t = load_template("gbt9704")
    pages, _ = flow_pages([Wide(b"", "image/png", 700, 300)], t)
    assert pages[0].landscape
    w, h = t.page_size(True)
    from editor.layout.folios import Furniture
    items = pages[0].items + Furniture(t, fontbook).folio(3, True)
    out = tmp_path / "land.pdf"
    write_pdf(LaidOutIssue(pages=[Page(0, w, h, "body", 3, True, items)]), out, fontbook)
    page = pypdf.PdfReader(str(out)).pages[0]
    assert [round(float(v), 2) for v in page.mediabox] == [0, 0, 595.28, 841.89]
    with pdfplumber.open(out) as pdf:
        chars = pdf.pages[0].chars
        assert chars and not any(c["upright"] for c in chars)     # the folio turns too


def test_same_layout_same_bytes(laid, fontbook, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")      # reproducible: dated by it
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf(laid, a, fontbook)
    write_pdf(laid, b, fontbook)
    assert a.read_bytes() == b.read_bytes()
