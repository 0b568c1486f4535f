"""The PDF checker (tests/pdfcheck.py) on drawn PDFs, and composition checked end to end.

PDFs are drawn with reportlab's built-in CID font STSong-Light (Adobe's GB 1 font, no
file needed); ``STSongMeasurer`` measures with the same metrics, so what the composer
sets is what pdfplumber reads back.
"""
from __future__ import annotations

import docx
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from conftest import sample
from editor.layout.flow import Frame, ParaFormat, Span
from editor.layout.items import Source
from editor.layout.paragraph import ParagraphFlowable
from pdfcheck import count_violations, layout_report, pdf_lines

pytestmark = pytest.mark.slow      # whole-issue builds

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PAGE_W, PAGE_H = 595.28, 841.89
BOX = (79.37, 79.37 + 442.2)


class STSongMeasurer:
    """Measurer with the metrics of reportlab's STSong-Light."""

    def advance(self, ch, role, size):
        return pdfmetrics.stringWidth(ch, FONT, size)

    def face_for(self, ch, role):
        return FONT

    def ascent(self, role, size):
        return 0.88 * size

    def descent(self, role, size):
        return 0.12 * size


def draw(path, pages):
    """Draw pages of (x, baseline, text, size) or TextItems, one char at a time."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for runs in pages:
        for run in runs:
            if isinstance(run, tuple):
                x, y, text, size = run
                xs = []
                for ch in text:
                    xs.append(x)
                    x += pdfmetrics.stringWidth(ch, FONT, size)
            else:
                xs, y, text, size = run.xs, run.y, run.text, run.size
            c.setFont(FONT, size)
            for cx, ch in zip(xs, text):
                c.drawString(cx, PAGE_H - y, ch)
        c.showPage()
    c.save()


def test_checker_counts_each_kind_of_violation(tmp_path):
    em, pitch = 16, 20.8
    x0 = BOX[0]
    rows = [
        (x0 + 200, 60, "标题", 16),                          # centred-ish heading
        (x0, 100, "一" * 27 + "二", 16),                     # full line
        (x0, 100 + pitch, "，" + "一" * 25, 16),             # NOT_START, and short
        (x0, 100 + 2 * pitch, "一" * 27 + "（", 16),         # NOT_END
        (x0, 100 + 3 * pitch, "一" * 27 + "—", 16),          # —— split ...
        (x0, 100 + 4 * pitch, "—一二。", 16),                # ... here; paragraph end
        (x0 + 2 * em, 100 + 5 * pitch, "——新段开始" + "一" * 20, 16),
        (x0, 100 + 6 * pitch, "一二三。", 16),
        (x0, 300, "甲乙", 16), (x0 + 200, 300, "丙丁", 16),   # a table row
        (x0, 300 + pitch, "甲乙", 16),
        (x0 + 200, 800, "— 1 —", 14),                         # folio
    ]
    pdf = tmp_path / "check.pdf"
    draw(pdf, [rows])
    details = []
    box = (BOX[0], BOX[0] + 28 * em)
    got = count_violations(pdf, box, details=details)
    assert {k: got[k] for k in ("not_start", "not_end", "split_pairs", "short")} == \
        {"not_start": 2, "not_end": 1, "split_pairs": 1, "short": 1}, details
    # the torn —— also leaves a single dash at a line start: counted as both
    short = [ln for kind, ln in details if kind == "short"]
    assert short[0].text.startswith("，")
    lines = pdf_lines(pdf)[0]
    assert lines[1].text == "一" * 27 + "二"
    assert lines[1].x1 == box[1]


def test_checker_sees_clean_text_as_clean(tmp_path):
    rows = [(BOX[0] + 32, 100, "一" * 26, 16), (BOX[0], 120.8, "一" * 28, 16),
            (BOX[0], 141.6, "一二。", 16)]
    pdf = tmp_path / "clean.pdf"
    draw(pdf, [rows])
    got = count_violations(pdf, (BOX[0], 50, BOX[0] + 448, 790))
    assert got == {"lines": 3, "not_start": 0, "not_end": 0, "split_pairs": 0, "short": 0}


def _paragraphs(prefix):
    for p in docx.Document(str(sample(prefix))).paragraphs:
        text = p.text.strip()
        if text:
            yield text


def _typeset(texts, measurer, fmt):
    """Stack ParagraphFlowables into GB/T 9704 text frames (a minimal paginator)."""
    frame = Frame(x=BOX[0], y=104.88, width=442.2, height=637.8, grid_pitch=637.8 / 22)
    pages, items, y, first = [], [], frame.y, True
    queue = [ParagraphFlowable([Span(t, source=Source("d", str(i)))], fmt, measurer)
             for i, t in enumerate(texts)]
    while queue:
        pl = queue[0].place(frame, y, first)
        items += pl.items
        if pl.rest is None:
            queue.pop(0)
            y, first = pl.y_end, False
        else:
            queue[0] = pl.rest
            pages.append(items)
            items, y, first = [], frame.y, True
    pages.append(items)
    return pages


def test_samples_typeset_with_zero_violations(tmp_path):
    texts = list(_paragraphs("02")) + list(_paragraphs("05"))
    fmt = ParaFormat(first_indent=32, line_pitch=637.8 / 22, snap_to_grid=True,
                     punct="quanjiao", char_pitch=442.2 / 28)
    pages = _typeset(texts, STSongMeasurer(), fmt)
    pdf = tmp_path / "samples.pdf"
    draw(pdf, pages)
    details = []
    got = count_violations(pdf, BOX, details=details)
    assert got["lines"] > 400
    assert (got["not_start"], got["not_end"], got["split_pairs"], got["short"]) == \
        (0, 0, 0, 0), details[:5]
    per_page = [len({round(ln.baseline, 1) for ln in page}) for page in pdf_lines(pdf)]
    assert max(per_page) == 22
    assert count_violations(pdf, "auto") == got                 # the box is found


def test_checker_catches_reportlab_cjk_wrapping(tmp_path):
    """The failure the typesetter replaces: reportlab's wordWrap='CJK' lets ，。、 start
    lines and leaves justified lines ragged; the checker must see both."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName=FONT, fontSize=16, leading=28.99,
                           firstLineIndent=32, wordWrap="CJK", alignment=TA_JUSTIFY)
    pdf = tmp_path / "reportlab.pdf"
    doc = SimpleDocTemplate(str(pdf), pagesize=(PAGE_W, PAGE_H), leftMargin=BOX[0],
                            rightMargin=PAGE_W - BOX[1], topMargin=104.88,
                            bottomMargin=99.2)
    doc.build([Paragraph(t, style) for t in _paragraphs("02")])
    got = count_violations(pdf, BOX)
    assert got["not_start"] > 5
    assert got["short"] > got["lines"] / 2


# --- the whole sample issue, as the build writes it -----------------------------------

@pytest.fixture(scope="module")
def issue_pdf(tmp_path_factory):
    """(PDF path, laid-out issue, template) of the sample issue built like the CLI."""
    from editor.issue_json import load_issue
    from editor.layout.template import load_template
    from editor.render import build_pdf
    from editor.resources import sample_issue_path
    out = tmp_path_factory.mktemp("issue") / "issue.pdf"
    laid = build_pdf(load_issue(sample_issue_path()), out)
    return out, laid, load_template(None)


def _template_box(laid, template):
    """page index → the page's text box (x0, top, x1, bottom) from the template;
    running heads and folios lie outside it; turned (landscape) pages are skipped."""
    def box(index):
        page = laid.pages[index]
        if page.landscape:
            return None
        parity = page.folio if page.folio is not None else index + 1
        f = template.frame(parity % 2)
        return (f.x, f.y, f.x + f.width, f.bottom)
    return box


def test_whole_issue_has_no_violation_of_any_kind(issue_pdf):
    pdf, laid, template = issue_pdf
    details = []
    got = count_violations(pdf, _template_box(laid, template), details=details)
    assert got["lines"] > 1200
    assert (got["not_start"], got["not_end"], got["split_pairs"], got["short"]) == \
        (0, 0, 0, 0), [(k, ln.page + 1, ln.text) for k, ln in details[:8]]
    auto = count_violations(pdf, "auto")
    assert auto["lines"] > 1200
    assert (auto["not_start"], auto["not_end"], auto["split_pairs"], auto["short"]) == \
        (0, 0, 0, 0)


def test_whole_issue_nothing_stranded_or_overlapping_and_marks_full_width(issue_pdf):
    """The page-level checks on the sample issue: no text under a picture, no heading
    or single line at a page foot or top, 28 characters per full grid line, and at
    least 95 % of the mid-line ，、；： outside tables at full width (全身式)."""
    pdf, laid, template = issue_pdf
    details: list = []
    got = layout_report(pdf, _template_box(laid, template), details=details)
    assert (got["overlaps"], got["stranded_headings"], got["orphans"], got["widows"],
            got["grid_off"]) == (0, 0, 0, 0, 0), details[:8]
    assert got["grid_lines"] > 300
    assert got["marks_full"] >= 0.95 * got["marks_mid"] > 800, got


def test_whole_issue_dashes_never_overprint_their_neighbours(issue_pdf):
    """Every dash and ellipsis glyph ends before the next character starts (read from
    the PDF), and a single dash between numbers (2025—2027) keeps a full em between
    them, its glyph centred in it."""
    pdf, _, _ = issue_pdf
    seen = connectors = 0
    for page in pdf_lines(pdf):
        for ln in page:
            chars = ln.chars
            for a, b, c in zip(chars, chars[1:], chars[2:]):
                if b["text"] not in "—…" or c["text"] in "—…":
                    continue
                seen += 1
                assert c["x0"] >= b["x1"] - 0.05, (ln.page + 1, ln.text)
                if a["text"].isdigit() and c["text"].isdigit():
                    connectors += 1
                    assert c["x0"] - a["x1"] >= b["size"] - 0.3, (ln.page + 1, ln.text)
                    before, after = b["x0"] - a["x1"], c["x0"] - b["x1"]
                    assert abs(before - after) < 0.1, (ln.page + 1, ln.text)
    assert seen >= 10 and connectors >= 5, (seen, connectors)


def test_checker_fails_on_an_issue_set_without_the_rules(issue_pdf, tmp_path, monkeypatch):
    """The same issue composed with every break allowed and no stretching: the checker
    over the whole PDF must see the damage (it is able to fail)."""
    from editor.layout import compose as cp
    from editor.layout import justify, linebreak
    from editor.layout.cache import default_cache
    from editor.issue_json import load_issue
    from editor.render import build_pdf
    from editor.resources import sample_issue_path

    monkeypatch.setattr(linebreak, "_pair_ok", lambda text, cls, i: True)
    monkeypatch.setattr(justify, "_stretch", lambda *args: None)
    cp.clear_cache()
    default_cache().clear()
    try:
        out = tmp_path / "bad.pdf"
        build_pdf(load_issue(sample_issue_path()), out)
    finally:
        monkeypatch.undo()
        cp.clear_cache()
        default_cache().clear()
    _, laid, template = issue_pdf
    got = count_violations(out, "auto")
    assert got["not_start"] > 10
    assert got["short"] > 50


def test_checker_applies_character_spacing_after_every_glyph(tmp_path):
    """A justified line drawn as several strings sharing one Tc (as the PDF painter
    draws runs that switch font subsets) is read at its true positions: flush right,
    every glyph one pitch after the previous one."""
    em, n = 16, 27
    pitch = (BOX[1] - BOX[0] - em) / (n - 1)
    c = canvas.Canvas(str(tmp_path / "tc.pdf"), pagesize=(PAGE_W, PAGE_H))
    rows = [("一" * n, 100), ("二" * n, 120.8), ("三四。", 141.6)]
    for text, y in rows:
        to = c.beginText()
        to.setFont(FONT, em)
        to.setCharSpace(pitch - em)
        to.setTextOrigin(BOX[0], PAGE_H - y)
        for k in range(0, n, 5):
            to.textOut(text[k:k + 5])
        c.drawText(to)
    c.showPage()
    c.save()
    lines = pdf_lines(tmp_path / "tc.pdf")[0]
    xs = [ch["x0"] for ch in lines[0].chars]
    assert max(abs(b - a - pitch) for a, b in zip(xs, xs[1:])) < 0.01
    assert abs(lines[0].x1 - BOX[1]) < 0.01
    got = count_violations(tmp_path / "tc.pdf", BOX)
    assert got["short"] == 0 and got["lines"] == 3


def test_page_checks_see_orphans_widows_strands_and_picture_overlaps(tmp_path):
    """Drawn pages: a paragraph's first line alone at a foot, its last line alone at the
    next top, a heading ending a page, a picture over text; and the clean counterparts."""
    em, pitch = 16, 29
    x0, x1 = BOX
    full = int((x1 - x0) // em)

    def page(rows, folio):
        return rows + [(x0 + 200, 800, f"— {folio} —", 14)]
    body = [(x0 + 2 * em, 100 + k * pitch, "政" * (full - 2), em) for k in range(0, 20, 4)] + [
        (x0, 100 + k * pitch, "政" * full, em) for k in range(20) if k % 4]
    orphan = page(sorted(body + [(x0 + 2 * em, 100 + 20 * pitch, "政" * (full - 2), em)],
                         key=lambda r: r[1]), 1)
    widow = page([(x0, 100, "政" * 10 + "。", em),
                  (x0 + 2 * em, 100 + pitch, "政" * (full - 2), em),
                  (x0, 100 + 2 * pitch, "政" * full, em)], 2)
    heading = page(sorted(body + [(x0 + 2 * em, 100 + 20 * pitch, "（三）坚持城市产业双集中", em)],
                          key=lambda r: r[1]), 3)
    after = page([(x0 + 2 * em, 100, "政" * (full - 2), em),
                  (x0, 100 + pitch, "政" * full, em), (x0, 100 + 2 * pitch, "政" * full, em)], 4)
    cont = page([(x0, 100, "政" * full, em), (x0, 100 + pitch, "政" * 5 + "。", em),
                 (x0 + 2 * em, 100 + 2 * pitch, "政" * (full - 2), em),
                 (x0, 100 + 3 * pitch, "政" * 5 + "。", em)], 2)
    mid = page(sorted(body, key=lambda r: r[1]), 3)      # ends with a full middle line
    pdf = tmp_path / "pages.pdf"
    draw(pdf, [orphan, cont, mid, widow, heading, after])
    found: list = []
    got = layout_report(pdf, "auto", details=found)
    assert (got["orphans"], got["widows"], got["stranded_headings"]) == (1, 1, 1), found
    # a picture drawn over the first line of a page
    c = canvas.Canvas(str(tmp_path / "pic.pdf"), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, em)
    for k in range(3):
        c.drawString(x0, PAGE_H - (100 + k * pitch), "政" * full)
    from reportlab.lib.utils import ImageReader
    from test_paginate import _png
    import io
    c.drawImage(ImageReader(io.BytesIO(_png(40, 30))), x0 + 50, PAGE_H - 104 - 60, 100, 60)
    c.showPage()
    c.save()
    assert layout_report(tmp_path / "pic.pdf")["overlaps"] >= 5
