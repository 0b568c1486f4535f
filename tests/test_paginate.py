"""Pagination with the fixed-width measurer: new pages, blanks, folios, keep-with-next,
landscape pages and the layout cache (editor.layout.paginate)."""
from __future__ import annotations

import pytest

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.layout.cache import LayoutCache
from editor.layout.items import LineItem, TextItem
from editor.layout.paginate import flow_pages, layout_issue
from editor.layout.shapes import ImageFlowable
from editor.layout.template import load_template

SENTENCE = "根据《中华人民共和国文物保护法》有关规定，现将我区第一至第三批区级文物保护单位保护范围予以公布。"


def _doc(doc_id: str, n_paras: int, **kw) -> model.Document:
    body = []
    for k in range(n_paras):
        if k % 7 == 0:
            body.append(model.Heading(id=f"h{k}", runs=[model.Run("总体要求")], label="一、", level=1))
        body.append(model.Paragraph(id=f"p{k}", runs=[model.Run(SENTENCE * 2)]))
    return model.Document(id=doc_id, title=f"关于{doc_id}的通知", body=body, **kw)


def _issue(sizes=(20, 9, 30)) -> model.Issue:
    meta = model.IssueMeta(title="东西湖区人民政府公报", period="2025年1月~2025年6月",
                           issue_label="总第32期", published="2025年9月",
                           slogans=["传达政令"], intro_paragraphs=["简介。"],
                           colophon={"主办": "东西湖区人民政府"})
    docs = [_doc(f"d{i}", n, issuer_mark="东西湖区人民政府文件", doc_number=f"东政发〔2025〕{i}号",
                 signature=["东西湖区人民政府"], date="2025年3月13日")
            for i, n in enumerate(sizes)]
    return model.Issue(meta=meta, sections=[model.Section("s1", "区级文件选登", docs[:2]),
                                            model.Section("s2", "大事记", docs[2:])])


def test_front_matter_unnumbered_and_folios_continuous_from_first_document():
    laid = layout_issue(_issue(), "gbt9704", FixedMeasurer(), LayoutCache())
    kinds = [p.kind for p in laid.pages]
    assert kinds[:3] == ["cover", "inner_cover", "intro"] and "toc" in kinds
    first_body = next(i for i, p in enumerate(laid.pages) if p.kind == "body")
    assert first_body % 2 == 0                       # a recto: odd physical page number
    assert all(p.folio is None for p in laid.pages[:first_body])
    for p in laid.pages[first_body:]:
        if p.folio is not None:
            assert p.folio == p.index - first_body + 1
    assert laid.pages[first_body].folio == 1


def test_each_document_starts_on_a_new_page_and_title_is_on_it():
    issue = _issue()
    laid = layout_issue(issue, "gbt9704", FixedMeasurer(), LayoutCache())
    for doc in issue.documents():
        page = laid.pages[laid.doc_first_page[doc.id]]
        assert page.doc_id == doc.id
        assert any(t.source and t.source.block_id == "title" for t in page.texts())
        prev = laid.pages[page.index - 1]
        assert prev.doc_id != doc.id


def test_odd_page_start_inserts_unnumbered_blank_pages():
    issue = _issue()
    laid = layout_issue(issue, "gazette16k", FixedMeasurer(), LayoutCache())
    for doc in issue.documents():
        assert laid.pages[laid.doc_first_page[doc.id]].folio % 2 == 1
    blanks = [p for p in laid.pages if p.kind == "blank"]
    assert blanks and all(p.folio is None and not p.items for p in blanks)


def test_folio_outer_side_and_no_running_head_on_first_page():
    t = load_template("gbt9704")
    laid = layout_issue(_issue(), t, FixedMeasurer(), LayoutCache())
    for p in laid.pages:
        if p.folio is None:
            continue
        folio = [it for it in p.texts() if it.text == f"— {p.folio} —"]
        assert len(folio) == 1
        frame = t.frame(p.folio % 2)
        if p.folio % 2:
            assert folio[0].x + folio[0].width == pytest.approx(frame.x + frame.width - 14, abs=0.5)
        else:
            assert folio[0].x == pytest.approx(frame.x + 14, abs=0.5)
        assert folio[0].y > frame.bottom + 7 * 72 / 25.4
        head = [it for it in p.texts() if it.y < frame.y and it.size < 12]   # not the banner
        first = p.index == laid.doc_first_page.get(p.doc_id)
        assert bool(head) != first


def test_headings_never_end_a_page():
    laid = layout_issue(_issue((60,)), "gbt9704", FixedMeasurer(), LayoutCache())
    for p in laid.pages:
        body = [t for t in p.texts() if t.source and t.source.doc_id == "d0"]
        if body:
            last = max(body, key=lambda t: t.y)
            assert not last.source.block_id.startswith("h"), p.index


def test_reordering_documents_lays_nothing_out_again():
    cache = LayoutCache()
    m = FixedMeasurer()
    issue = _issue()
    before = layout_issue(issue, "gbt9704", m, cache)
    misses = cache.misses
    issue.sections[0].documents.reverse()
    after = layout_issue(issue, "gbt9704", m, cache)
    assert cache.misses == misses
    assert after.doc_first_page["d1"] < before.doc_first_page["d1"]
    issue.sections[0].documents[0].annotations.append(
        model.Annotation(id="a1", doc_id="d1", block_id="p1", note="请核对"))
    layout_issue(issue, "gbt9704", m, cache)
    assert cache.misses == misses                    # a 批注 does not change the layout
    issue.sections[0].documents[0].body[1].runs[0].text += "补充。"
    layout_issue(issue, "gbt9704", m, cache)
    assert cache.misses == misses + 1


def test_toc_numbers_and_outline_agree_with_pages():
    laid = layout_issue(_issue(), "gbt9704", FixedMeasurer(), LayoutCache())
    assert [e.level for e in laid.outline] == [0, 1, 1, 0, 1]
    toc = [p for p in laid.pages if p.kind == "toc"]
    numbers = [t.text for p in toc for t in p.texts() if t.text.isdigit()]
    first = {d: laid.pages[i].folio for d, i in laid.doc_first_page.items()}
    assert numbers == [str(first["d0"]), str(first["d1"]), str(first["d2"])]
    links = [it for p in toc for it in p.items if type(it).__name__ == "LinkItem"]
    assert sorted(l.target for l in links) == sorted(laid.doc_first_page.values())


class _Wide(ImageFlowable):
    landscape = True


def test_landscape_flowable_gets_turned_pages_then_portrait_again():
    t = load_template("gbt9704")
    m = FixedMeasurer()
    from editor.layout.documents import document_flowables
    flows = document_flowables(_doc("d", 3), t, m)
    flows.insert(2, _Wide(b"", "image/png", 600, 300))
    flows.append(_Wide(b"", "image/png", 600, 300))
    pages, warnings = flow_pages(flows, t)
    assert [p.landscape for p in pages] == [False, True, False, True]
    wide = pages[1].items[0]
    assert wide.w <= t.height - 72 * 72 / 25.4 + 0.01     # within the turned 版心


def test_masthead_is_red_and_rule_spans_the_type_area():
    t = load_template("gbt9704")
    laid = layout_issue(_issue((3,)), t, FixedMeasurer(), LayoutCache())
    page = laid.pages[laid.doc_first_page["d0"]]
    mark = [it for it in page.texts() if it.source and it.source.block_id == "issuer_mark"]
    assert mark and all(it.color == "D7000F" for it in mark)
    rules = [it for it in page.items if isinstance(it, LineItem) and it.color == "D7000F"]
    frame = t.frame(1)
    assert len(rules) == 1 and rules[0].x2 - rules[0].x1 == pytest.approx(frame.width)
    number = [it for it in page.texts() if it.source and it.source.block_id == "doc_number"]
    assert mark[0].y < number[0].y < rules[0].y1
    title = [it for it in page.texts() if it.source and it.source.block_id == "title"]
    assert title[0].y > rules[0].y1 and all(isinstance(i, TextItem) for i in title)


def test_section_title_pages_are_counted_but_carry_no_folio():
    issue = _issue()
    laid = layout_issue(issue, "gazette16k", FixedMeasurer(), LayoutCache())
    sections = [p for p in laid.pages if p.kind == "section"]
    assert [p.section_id for p in sections] == ["s1", "s2"]
    first_body = min(i for i, p in enumerate(laid.pages) if p.kind in ("body", "section"))
    for p in sections:
        assert p.folio is None and (p.index - first_body + 1) % 2 == 1   # on a recto
        assert any(t.text == "区级文件选登" or t.text == "大事记" for t in p.texts())
    numbered = [p for p in laid.pages if p.folio is not None]
    assert all(p.folio == p.index - first_body + 1 for p in numbered)


def test_signature_right_indented_and_date_two_characters_right_of_it():
    t = load_template("gbt9704")
    laid = layout_issue(_issue((2,)), t, FixedMeasurer(), LayoutCache())
    items = [it for p in laid.pages for it in p.texts() if it.source]
    sig = next(it for it in items if it.source.block_id == "signature")
    date = [it for it in items if it.source.block_id == "date"]
    frame = t.frame(1)
    em = t.char_pitch
    assert sig.xs[-1] + em == pytest.approx(frame.x + frame.width - 2 * em, abs=0.5)
    assert date[0].xs[0] == pytest.approx(sig.xs[0] + 2 * em, abs=0.5)
    assert date[0].y > sig.y


def test_chronicle_in_two_columns_in_the_sixteen_kai_template():
    t = load_template("gazette16k")
    doc = _doc("c", 40)
    doc.kind = "chronicle"
    laid = layout_issue(model.Issue(sections=[model.Section("s", "大事记", [doc])]), t,
                        FixedMeasurer(), LayoutCache())
    body = [p for p in laid.pages if p.doc_id == "c"]
    frame = t.frame(1)
    half = frame.width / 2
    for p in body:
        dx = t.frame(p.folio % 2).x - frame.x
        entries = [it for it in p.texts() if it.source and it.source.block_id.startswith("p")]
        left = [it for it in entries if it.x - dx < frame.x + half]
        right = [it for it in entries if it.x - dx >= frame.x + half]
        assert left and all(it.x + it.width - dx <= frame.x + half for it in left)
        if p is not body[-1]:
            assert right


def _png(width: int, height: int) -> bytes:
    import io

    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def test_a_low_resolution_image_is_reported_a_sharp_one_is_not():
    """A 120-pixel picture set 3 inches wide prints at 40 ppi: the build says so, naming
    the picture and its document; 1200 pixels on the same width (400 ppi) pass quietly;
    a picture scaled down to fit the type area counts at its printed size."""
    def doc(i, pixels, width_pt, name):
        image = model.Image(id=f"img{i}", data=_png(pixels, pixels), width=width_pt,
                            height=width_pt, name=name)
        return model.Document(id=f"d{i}", title=f"关于第{i}项工作的通知", body=[
            model.Paragraph(id="p1", runs=[model.Run("附图如下。")]), image])
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [
        doc(1, 120, 216.0, "现场照片"), doc(2, 1200, 216.0, "规划图"),
        doc(3, 2000, 1400.0, "总平面图")])])
    laid = layout_issue(issue, "gbt9704", FixedMeasurer(), LayoutCache())
    low = [w for w in laid.warnings if "分辨率偏低" in w.text]
    assert len(low) == 1
    assert "关于第1项工作的通知" in low[0].text and "现场照片" in low[0].text \
        and "约 40 ppi" in low[0].text
    assert low[0].doc_id == "d1"               # on the page where the picture stands
    page = laid.pages[low[0].page]
    assert page.doc_id == "d1" and any(type(it).__name__ == "ImageItem" for it in page.items)
    from editor.layout.items import where_text
    assert page.folio and where_text(laid, low[0]) == f"（第 {page.folio} 页）"
    placed = [it for p in laid.pages for it in p.items if type(it).__name__ == "ImageItem"]
    assert len(placed) == 3 and placed[2].w < 1400.0      # 总平面图 shrunk, 2000 px: sharp


def _emf(width: int, height: int) -> bytes:
    """A minimal Windows enhanced metafile: an EMR_HEADER (bounds in device units, frame
    in 0.01 mm, the " EMF" signature, reference device 1920×1080 px / 508×286 mm) and an
    EMR_EOF record — what Word embeds for a vector drawing, without drawing records."""
    import struct
    header = struct.pack("<II4i4i4sIIIHHIII2i2i", 1, 108, 0, 0, width, height, 0, 0,
                         width * 10, height * 10, b" EMF", 0x10000, 128, 2, 1, 0, 0, 0, 0,
                         1920, 1080, 508, 286)
    return header.ljust(108, b"\0") + struct.pack("<IIIII", 14, 20, 0, 16, 20)


def test_a_vector_picture_has_no_resolution_to_report():
    import io

    from PIL import Image

    from editor.layout.shapes import effective_ppi, pixel_size
    emf = _emf(1000, 500)
    with Image.open(io.BytesIO(emf)) as im:          # PIL reads a "size" off a metafile
        assert im.size == (1000, 500)
    assert pixel_size(emf) is None and effective_ppi(emf, 100.0, 100.0) is None
    assert pixel_size(_png(30, 20)) == (30, 20)
