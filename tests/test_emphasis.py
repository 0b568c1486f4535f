"""着重号 (w:em): a dot under each character of an emphasised run, judged from the PDF;
kept through the project file."""
from __future__ import annotations

import pymupdf
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import sender_docs
from editor import model
from test_picture_rows import _build

EMPHASISED = "不得擅自变更"


def _doc() -> bytes:
    d = sender_docs._new()
    sender_docs._title(d, "东西湖区财政局关于规范专项资金使用管理的通知")
    para = sender_docs._p(d, "各单位：", indent=False)
    para = sender_docs._p(d, "专项资金必须专款专用，", indent=True)
    run = sender_docs._run(para, EMPHASISED + "，")
    run._element.get_or_add_rPr().append(parse_xml(f'<w:em {nsdecls("w")} w:val="dot"/>'))
    sender_docs._run(para, "确需调整的须报区财政局审批。" + sender_docs.TEXT)
    return sender_docs._bytes(d)


def _dots(page) -> list[tuple[float, float, float]]:
    """(centre x, centre y, diameter) of the small filled shapes on the page."""
    out = []
    for d in page.get_drawings():
        r = d["rect"]
        if d.get("fill") is not None and r.width < 4 and r.height < 4 and \
                abs(r.width - r.height) < 0.3:
            out.append(((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2, r.width))
    return out


def test_each_emphasised_character_gets_a_dot_under_it_in_the_pdf(tmp_path):
    pdf = _build(tmp_path, _doc())
    page = next(p for p in pdf if EMPHASISED in p.get_text().replace(" ", ""))
    chars = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                chars.extend((c["c"], pymupdf.Rect(c["bbox"]), span["size"]) for c in span["chars"])
    text = "".join(c for c, _r, _s in chars)
    at = text.index(EMPHASISED)
    dots = _dots(page)
    assert len(dots) == len(EMPHASISED)        # none under 专项 … nor under the comma
    for ch, box, size in chars[at:at + len(EMPHASISED)]:
        under = [d for d in dots if abs(d[0] - (box.x0 + box.x1) / 2) < size * 0.15]
        assert len(under) == 1, ch
        cx, cy, dia = under[0]
        assert box.y1 - size * 0.2 < cy < box.y1 + size * 0.5     # just under the glyph
        assert 0.08 * size < dia < 0.25 * size


def test_emphasis_is_imported_and_kept_in_the_project_file(tmp_path):
    from editor.docx_import.importer import import_docx_bytes
    from editor.store import ProjectStore
    doc = import_docx_bytes(_doc(), "x.docx").document
    runs = [r for b in doc.body if isinstance(b, model.Paragraph) for r in b.runs]
    assert [r.text for r in runs if r.emphasis] == [EMPHASISED + "，"]
    issue = model.Issue(sections=[model.Section("s1", "部门文件", [doc])])
    store = ProjectStore.create(tmp_path / "x.gazette", issue)
    try:
        store.write_issue(issue)
        back = store.read_issue()
    finally:
        store.close()
    runs = [r for b in back.sections[0].documents[0].body if isinstance(b, model.Paragraph)
            for r in b.runs]
    assert [r.text for r in runs if r.emphasis] == [EMPHASISED + "，"]


def test_the_window_draws_the_same_dots_as_the_pdf(qapp):
    """The preview's painter draws the dots of the same item geometry (one
    ``TextItem.emphasis_dots`` for both painters)."""
    from PySide6.QtGui import QColor

    from editor.layout.items import Page, TextItem
    from editor.ui.painter import FaceFonts, PagePainter, render_page_image
    shades = {}
    for emphasis in (True, False):
        page = Page(index=0, width=120, height=60)
        item = TextItem(x=10, y=30, text="不得擅自，", face="", size=16,
                        xs=[10.0, 26.0, 42.0, 58.0, 74.0], width=80.0, emphasis=emphasis)
        page.items.append(item)
        image = render_page_image(page, PagePainter(FaceFonts(None)), 4.0)
        dots = TextItem(**{**vars(item), "emphasis": True}).emphasis_dots()
        shades[emphasis] = [QColor(image.pixel(round(cx * 4), round(cy * 4))).lightness()
                            for cx, cy, _r in dots]
    assert len(shades[True]) == 4                       # none under the comma
    assert all(v < 100 for v in shades[True]), shades
    assert all(v > 200 for v in shades[False]), shades
