"""A small picture set in a line (Run.picture, an icon in a sentence) is an item of its
document like any other: its ImageItem carries a Source (the paragraph and the
picture's place in it, so a click on it can find the paragraph), the 印前检查 measures
it as it measures a picture of its own box (IMAGE_LOW_RES, IMAGE_SCALED), and the
import summary counts it among the pictures."""
from __future__ import annotations

import io

import docx
import pymupdf
from docx.shared import Pt
from PIL import Image as PILImage

from editor import model
from editor.docx_import import import_docx_bytes

ICON_PT = 24.0          # placed 1.5 字 high in 16 pt text: printed one 字 high


def _png(px: int) -> bytes:
    img = PILImage.new("RGB", (px, px), (200, 40, 40))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _docx(px: int, in_table: bool = False) -> bytes:
    d = docx.Document()
    d.add_paragraph().add_run("关于做好办事指南发布工作的通知").font.size = Pt(22)
    d.paragraphs[0].alignment = 1
    if in_table:
        para = d.add_table(rows=1, cols=2).cell(0, 1).paragraphs[0]
        d.tables[0].cell(0, 0).text = "办理方式"
    else:
        para = d.add_paragraph()
    run = para.add_run("请扫描二维码")
    run.font.size = Pt(16)
    para.add_run().add_picture(io.BytesIO(_png(px)), height=Pt(ICON_PT))
    para.add_run("办理，或登录政务服务网。").font.size = Pt(16)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _laid(data: bytes, tmp_path):
    from editor.fonts import default_fontbook
    from editor.layout.paginate import resolve_template
    from editor.preflight import run_preflight
    from editor.render import build_pdf
    result = import_docx_bytes(data, "icon.docx")
    issue = model.Issue(meta=model.IssueMeta(title="测试公报"),
                        sections=[model.Section("s1", "区级文件选登", [result.document])])
    laid = build_pdf(issue, tmp_path / "icon.pdf")
    report = run_preflight(issue, laid, resolve_template(issue, None), default_fontbook())
    return result.document, laid, report


def _inline_items(laid):
    from editor.layout.items import ImageItem
    return [(k, it) for k, p in enumerate(laid.pages) for it in p.items
            if isinstance(it, ImageItem) and it.h < 20]


def _findings(report, rule):
    items = getattr(report, "findings", report)
    return [f for f in items if f.rule == rule]


def test_an_icon_in_a_line_has_the_source_of_its_place(tmp_path):
    for in_table in (False, True):
        doc, laid, _report = _laid(_docx(120, in_table), tmp_path)
        (k, item), = _inline_items(laid)
        para = next(b for b in doc.all_blocks() if isinstance(b, model.Paragraph)
                    and "二维码" in b.display_text) if not in_table else \
            doc.body[-1].rows[0].cells[1].blocks[0]
        assert item.source is not None and item.source.doc_id == doc.id
        assert item.source.block_id.split("/")[-1] == para.id
        assert item.source.start == item.source.end == len("请扫描二维码")
        # the PDF draws it in the line, between the words around it
        with pymupdf.open(tmp_path / "icon.pdf") as pdf:
            page = pdf[k]
            (info,) = page.get_image_info()
            words = [w for w in page.get_text("words") if "二维码" in w[4]]
            assert words and abs(info["bbox"][3] - words[0][3]) < 8


def test_preflight_measures_an_icon_in_a_line(tmp_path):
    _doc, _laid_out, report = _laid(_docx(24), tmp_path)      # 24 px at one 字: ~108 ppi
    low = _findings(report, "IMAGE_LOW_RES")
    scaled = _findings(report, "IMAGE_SCALED")
    assert len(low) == 1 and "ppi" in low[0].message and low[0].page is not None
    assert len(scaled) == 1 and "缩小" in scaled[0].message
    _doc, _laid_out, report = _laid(_docx(400), tmp_path)     # sharp: told scaled only
    assert not _findings(report, "IMAGE_LOW_RES") and _findings(report, "IMAGE_SCALED")


def test_the_import_summary_counts_pictures_in_lines():
    from editor.docx_import.summary import as_json
    for in_table in (False, True):
        result = import_docx_bytes(_docx(120, in_table), "icon.docx")
        assert as_json(result)["images"] == 1
