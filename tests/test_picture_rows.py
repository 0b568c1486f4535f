"""Pictures as the sender placed them, judged from the PDF: two pictures typed side by
side in one paragraph print side by side (scaled together) above their caption, not one
under the other; pictures too wide to share a line at half size stay stacked."""
from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pymupdf
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

import sender_docs

TEXT = sender_docs.TEXT


def _issue(folder: Path, data: bytes) -> Path:
    (folder / "one.docx").write_bytes(data)
    path = folder / "issue.json"
    path.write_text(json.dumps(
        {"title": "东西湖区人民政府公报", "period": "2025年第2期",
         "sections": [{"title": "工作交流", "documents": [{"file": "one.docx"}]}]},
        ensure_ascii=False), encoding="utf-8")
    return path


def _build(folder: Path, data: bytes) -> pymupdf.Document:
    from editor.issue_json import load_issue
    from editor.render import build_pdf
    build_pdf(load_issue(_issue(folder, data)), folder / "out.pdf")
    return pymupdf.open(folder / "out.pdf")


def _row_doc(width_mm: float, count: int = 2) -> bytes:
    d = sender_docs._new()
    sender_docs._title(d, "东西湖区2025年“春风行动”工作简报")
    sender_docs._p(d, TEXT, indent=True)
    para = sender_docs._p(d, align="c")
    for k in range(count):
        para.add_run().add_picture(io.BytesIO(sender_docs._png(800, 600, (60 + 50 * k, 90, 60))),
                                   width=Mm(width_mm))
        para.add_run("  ")
    sender_docs._p(d, "▲左：径河街道专场；右：柏泉街道专场", "c", 12, "楷体_GB2312")
    sender_docs._p(d, TEXT, indent=True)
    return sender_docs._bytes(d)


def _pictures(pdf) -> tuple[int, list[tuple[float, float, float, float]]]:
    for page in pdf:
        rects = [tuple(i["bbox"]) for i in page.get_image_info()]
        if rects:
            return page.number, sorted(rects)
    raise AssertionError("no picture printed")


def _caption_top(page) -> float:
    hits = page.search_for("径河街道专场")
    assert hits, "caption not on the pictures' page"
    return hits[0].y0


def test_two_pictures_in_one_paragraph_print_side_by_side_above_the_caption(tmp_path):
    pdf = _build(tmp_path, _row_doc(75))
    number, rects = _pictures(pdf)
    assert len(rects) == 2
    (l0, t0, r0, b0), (l1, t1, r1, b1) = rects
    assert abs(b0 - b1) < 0.5                 # on one foot, side by side
    assert r0 < l1                            # left one, then right one, not overlapping
    assert abs((r0 - l0) - 75 * 72 / 25.4) < 1.0     # 75 mm each: they fit the 版心 as placed
    cap = _caption_top(pdf[number])
    assert cap > max(b0, b1)                  # the caption under both
    assert cap - max(b0, b1) < 40


def test_pictures_too_wide_for_one_line_shrink_together(tmp_path):
    pdf = _build(tmp_path, _row_doc(100))    # 2 × 100 mm > the 版心: scaled by one factor
    number, rects = _pictures(pdf)
    (l0, t0, r0, b0), (l1, t1, r1, b1) = rects
    assert abs(t0 - t1) < 0.5 and r0 < l1
    assert abs((r0 - l0) - (r1 - l1)) < 0.5 and (r0 - l0) < 100 * 72 / 25.4 * 0.8
    assert _caption_top(pdf[number]) > max(b0, b1)


def test_pictures_that_would_shrink_below_half_stay_stacked(tmp_path):
    pdf = _build(tmp_path, _row_doc(120, count=3))
    rects = [tuple(i["bbox"]) for page in pdf for i in page.get_image_info()]
    assert len(rects) == 3
    assert all(r[2] - r[0] > 120 * 72 / 25.4 * 0.9 for r in rects)   # not shrunk to fit


def test_import_marks_only_pictures_sharing_a_paragraph_as_beside():
    from editor.docx_import.importer import import_docx_bytes
    from editor import model
    d = docx.Document()
    para = d.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(2):
        para.add_run().add_picture(io.BytesIO(sender_docs._png(80, 60)), width=Mm(40))
        para.add_run("\u3000")
    d.add_picture(io.BytesIO(sender_docs._png(80, 60)), width=Mm(40))
    d.add_paragraph("正文").runs[0].font.size = Pt(16)
    doc = import_docx_bytes(sender_docs._bytes(d), "x.docx").document
    images = [b for b in doc.body if isinstance(b, model.Image)]
    assert [i.beside for i in images] == [False, True, False]


def _icon_doc(icon_mm: float) -> bytes:
    d = sender_docs._new()
    sender_docs._title(d, "东西湖区生态环境分局关于2025年第一季度环境空气质量情况的通报")
    para = sender_docs._p(d, "监测数据可扫码查询", indent=True)
    para.add_run().add_picture(io.BytesIO(sender_docs._png(60, 60, (0, 0, 0))),
                               width=Mm(icon_mm), height=Mm(icon_mm))
    sender_docs._run(para, "，或登录区政府门户网站查询。")
    sender_docs._p(d, TEXT, indent=True)
    return sender_docs._bytes(d)


def _chars(page) -> list[tuple[str, pymupdf.Rect, float]]:
    out = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                out.extend((c["c"], pymupdf.Rect(c["bbox"]), span["size"]) for c in span["chars"])
    return out


def test_a_small_picture_inside_a_sentence_stays_in_its_line(tmp_path):
    """A 5 mm icon typed inside a sentence printed as a picture of its own, centred
    under the paragraph; it stays in the line, between 询 and ，, one 字 high."""
    pdf = _build(tmp_path, _icon_doc(5))
    number, rects = _pictures(pdf)
    assert len(rects) == 1
    icon = pymupdf.Rect(rects[0])
    chars = _chars(pdf[number])
    text = "".join(c for c, _r, _s in chars)
    at = text.index("查询，")
    before, after, size = chars[at + 1][1], chars[at + 2][1], chars[at + 1][2]
    assert before.x1 - 0.5 <= icon.x0 and icon.x1 <= after.x0 + 0.5   # in its place
    assert after.x0 - before.x1 < 1.6 * size                            # a 字's room
    middle = (before.y0 + before.y1) / 2
    assert abs((icon.y0 + icon.y1) / 2 - middle) < 0.25 * size          # on the line
    assert 0.7 * size < icon.height <= 1.05 * size                      # one 字 high
    assert icon.y0 > before.y0 - 0.3 * size and icon.y1 < before.y1 + 0.3 * size


def test_a_picture_of_several_lines_in_a_sentence_is_still_a_block(tmp_path):
    pdf = _build(tmp_path, _icon_doc(30))
    number, rects = _pictures(pdf)
    icon = pymupdf.Rect(rects[0])
    assert icon.height > 60                          # as placed (30 mm), in its own box
    row = [r for c, r, _s in _chars(pdf[number]) if r.y1 > icon.y0 and r.y0 < icon.y1]
    assert not row                                   # no text beside it


def test_in_line_picture_survives_a_text_correction_and_the_project_file(tmp_path):
    from editor import model
    from editor.docx_import.importer import import_docx_bytes
    from editor.proof.corrections import replace_in_runs
    from editor.store import ProjectStore
    doc = import_docx_bytes(_icon_doc(5), "x.docx").document
    para = next(b for b in doc.body if isinstance(b, model.Paragraph)
                and any(r.picture for r in b.runs))
    assert not any(isinstance(b, model.Image) for b in doc.body)
    assert para.text == "监测数据可扫码查询，或登录区政府门户网站查询。"
    k = next(i for i, r in enumerate(para.runs) if r.picture)
    assert "".join(r.text for r in para.runs[:k]) == "监测数据可扫码查询"
    runs = replace_in_runs(para.runs, 2, 4, "信息")
    assert [r.picture is not None for r in runs].count(True) == 1
    issue = model.Issue(sections=[model.Section("s1", "部门文件", [doc])])
    store = ProjectStore.create(tmp_path / "x.gazette", issue)
    try:
        store.write_issue(issue)
        back = store.read_issue().sections[0].documents[0]
    finally:
        store.close()
    got = next(b for b in back.body if getattr(b, "id", "") == para.id)
    pic = next(r.picture for r in got.runs if r.picture)
    assert isinstance(pic, model.Image) and pic.data and pic.height > 0
