"""Front matter from the sample issue's metadata (resources/samples/issue.json): cover,
inner cover, 简介, 目录 header and colophon, all unnumbered and inside the page."""
from __future__ import annotations

import pytest

from editor import model
from editor.fonts.measure import FixedMeasurer
from editor.issue_json import read_issue_json, read_meta
from editor.layout.cache import LayoutCache
from editor.layout.paginate import layout_issue
from editor.resources import sample_issue_path


@pytest.fixture(scope="module")
def laid():
    meta = read_meta(read_issue_json(sample_issue_path()))
    doc = model.Document(id="d1", title="大事记", kind="chronicle", body=[
        model.Paragraph(id="p1", runs=[model.Run("1月3日　武汉力翰人才离岸工作联络站揭牌。")])])
    issue = model.Issue(meta=meta, sections=[model.Section("s1", "大事记", [doc])])
    return meta, layout_issue(issue, "gbt9704", FixedMeasurer(), LayoutCache())


def _text(page) -> str:
    return "".join(t.text for t in sorted(page.texts(), key=lambda t: (round(t.y), t.x)))


def test_front_matter_order_and_no_folios(laid):
    meta, lo = laid
    kinds = [p.kind for p in lo.pages[:5]]
    assert kinds == ["cover", "inner_cover", "intro", "toc", "colophon"]
    assert all(p.folio is None for p in lo.pages[:5])
    for p in lo.pages[:5]:
        for t in p.texts():
            assert 0 <= t.x and t.x + t.width <= p.width and 0 < t.y < p.height


def test_cover_inner_cover_intro_and_colophon_texts(laid):
    meta, lo = laid
    cover, inner, intro, toc, colophon = (_text(p) for p in lo.pages[:5])
    assert meta.title in cover and meta.title_pinyin in cover
    assert meta.published in cover and "总第32期" in cover
    positions = [inner.index(s) for s in meta.slogans]
    assert positions == sorted(positions) and len(meta.slogans) == 6
    for para in meta.intro_paragraphs:
        assert para in intro
    assert meta.intro_note in intro
    assert "2025年1月~2025年6月" in toc and "目　录" in toc
    for label, value in meta.colophon.items():
        assert value in colophon
    assert "主　　办" in colophon and "邮政编码" in colophon


def test_a_new_issue_gets_no_empty_front_pages():
    """Before the editor fills in 简介, slogans and colophon there are no pages for them;
    each comes back as soon as it has content, and the body still starts on a recto."""
    doc = model.Document(id="d1", source_name="C:\\文件\\关于做好春节期间安全工作的通知.docx",
                         body=[model.Paragraph(id="p1", runs=[model.Run("各街道办事处：")])])
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])
    lo = layout_issue(issue, "gbt9704", FixedMeasurer(), LayoutCache())
    front = [p.kind for p in lo.pages if p.folio is None and p.kind != "blank"]
    assert front == ["cover", "toc"]
    first_body = next(p for p in lo.pages if p.kind == "body")
    assert first_body.index % 2 == 0                     # page 1, 3, 5 … of the file: a recto
    toc = _text(next(p for p in lo.pages if p.kind == "toc"))
    # no title: never the file name in the 目录 or bookmarks (the import flags it instead)
    assert "无标题文件" in toc and "春节" not in toc and ".docx" not in toc
    assert [e.title for e in lo.outline if e.level > 0] == ["无标题文件"]

    issue.meta.slogans = ["传达政令"]
    issue.meta.intro_paragraphs = ["本刊是区政府主办的政府出版物。"]
    issue.meta.colophon = {"主办": "东西湖区人民政府"}
    lo = layout_issue(issue, "gbt9704", FixedMeasurer(), LayoutCache())
    front = [p.kind for p in lo.pages if p.folio is None and p.kind != "blank"]
    assert front == ["cover", "inner_cover", "intro", "toc", "colophon"]
