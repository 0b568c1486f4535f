"""Footnotes and endnotes: import (robust to odd input), store round trip, and the printed
page judged from the PDF — notes at the foot of their reference's page, below all body
text and above the folio, ①② restarting per page, a long note running over, a note
called from a table cell, endnotes under 注释."""
from __future__ import annotations

import re

import pymupdf
import pytest

from docx_builder import notes_xml, package
from editor import model
from editor.docx_import import import_docx_bytes
from editor.store.codec import document_from_parts, document_parts

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FOLIO = re.compile(r"^—\s*(\d+)\s*—$")


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _ref(nid, kind: str = "footnote") -> str:
    return f'<w:r><w:{kind}Reference w:id="{nid}"/></w:r>'


def _title(text: str) -> str:
    return (f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
            + _r(text, '<w:sz w:val="44"/>') + "</w:p>")


def _import(body: str, **parts):
    return import_docx_bytes(package(body, **parts), "notes.docx")


# -- import -------------------------------------------------------------------------------

def test_notes_keep_their_paragraphs_runs_and_reference_point():
    notes = notes_xml("footnote", {
        "1": '<w:p><w:r><w:footnoteRef/></w:r>' + _r(" 见") + _r("区政府文件", "<w:b/>")
             + "</w:p><w:p>" + _r("第二段。") + "</w:p>"})
    ends = notes_xml("endnote", {"1": "尾注内容。"})
    body = ("<w:p>" + _r("依据有关规定") + _ref(1) + _r("，现通知如下") + _ref(1, "endnote")
            + _r("。") + "</w:p>")
    doc = _import(body, footnotes=notes, endnotes=ends).document
    foot, end = doc.footnotes
    assert (foot.id, foot.kind, end.id, end.kind) == ("fn1", "footnote", "en1", "endnote")
    assert [b.text for b in foot.blocks] == ["见区政府文件", "第二段。"]
    assert [r.bold for r in foot.blocks[0].runs] == [False, True]
    para = doc.body[0]
    assert para.text == "依据有关规定，现通知如下。"          # no mark in the text
    notes_at = [(len("".join(r.text for r in para.runs[:k])), r.note)
                for k, r in enumerate(para.runs) if r.note]
    assert notes_at == [(6, "fn1"), (12, "en1")]


def test_odd_notes_are_reported_in_chinese_never_a_crash():
    body = ("<w:p>" + _r("甲") + _ref(1) + _r("乙") + _ref(7) + _r("丙") + _ref(-1)
            + _r("丁") + _ref(2, "endnote") + "</w:p>")
    # no footnotes part at all, no endnotes part
    res = _import(body)
    assert [n.plain_text for n in res.document.footnotes] == ["", "", "", ""]
    said = [e.message_zh for e in res.report.entries if e.level == "warning"]
    assert any("脚注引用找不到对应的脚注内容" in m for m in said), said
    assert any("尾注引用找不到对应的尾注内容" in m for m in said), said
    # the separators (-1, 0) are not notes; a note the text never calls is not printed
    notes = notes_xml("footnote", {"1": "有内容。", "5": "没有引用。"})
    res = _import(body, footnotes=notes)
    assert [(n.id, n.plain_text) for n in res.document.footnotes] == [
        ("fn1", "有内容。"), ("fn2", ""), ("fn3", ""), ("en1", "")]
    # a damaged part is a part that is not there
    res = _import(body, footnotes="<w:footnotes xmlns:w='x'><broken")
    assert res.document.body[0].text == "甲乙丙丁"


def test_notes_survive_the_store_and_a_proof_edit():
    notes = notes_xml("footnote", {"1": "注释文字。"})
    doc = _import("<w:p>" + _r("正文") + _ref(1) + _r("继续。") + "</w:p>",
                  footnotes=notes).document
    again = document_from_parts(*document_parts(doc), [])
    assert again.footnotes == doc.footnotes and again.body == doc.body
    from editor.proof.corrections import replace_in_runs
    runs = replace_in_runs(doc.body[0].runs, 2, 4, "接着")      # the text after the mark
    assert [(r.text, r.note) for r in runs] == [("正文", None), ("", "fn1"), ("接着。", None)]


# -- layout (fixed-width measurer: fast) --------------------------------------------------

def _fixed_doc(n: int, long_at: int | None = None) -> model.Document:
    doc = model.Document(id="d", title="关于做好城市更新工作的通知")
    for k in range(1, n + 1):
        runs = [model.Run("正文内容" * 9 + "工作"), model.Run("", note=f"fn{k}"),
                model.Run("，继续文字。")]
        doc.body.append(model.Paragraph(id=f"p{k}", runs=runs))
        text = f"第{k}条脚注的内容。" * (250 if k == long_at else 3)
        doc.footnotes.append(model.Footnote(id=f"fn{k}", blocks=[
            model.Paragraph(id=f"fn{k}p1", runs=[model.Run(text)])]))
    return doc


def _layout(doc):
    from editor.fonts.measure import FixedMeasurer
    from editor.layout.paginate import layout_document
    from editor.layout.template import load_template
    return layout_document(doc, load_template("gbt9704"), FixedMeasurer())


def test_layout_keeps_every_note_on_its_mark_page_and_numbers_per_page():
    from editor.layout.items import LineItem, TextItem
    laid = _layout(_fixed_doc(30))
    placed = []
    for page in laid.pages:
        texts = [it for it in page.items if isinstance(it, TextItem)]
        marks = [it for it in texts if it.note]
        notes = [it for it in texts if it.source and it.source.block_id.startswith("fn")]
        body = [it for it in texts if it not in notes and it not in marks]
        assert "".join(m.text for m in marks) == CIRCLED[:len(marks)]
        leads = [it.text for it in notes if it.text in CIRCLED]
        assert leads == [m.text for m in marks]
        placed += [m.note for m in marks]
        if notes:
            rule = next(it for it in page.items if isinstance(it, LineItem))
            assert max(b.y for b in body) < rule.y1 < min(n.y for n in notes)
            assert rule.x2 - rule.x1 == pytest.approx(0.25 * 442.2, abs=1)
    assert placed == [f"fn{k}" for k in range(1, 31)] and len(laid.pages) > 3
    assert not laid.warnings


def test_a_mark_never_starts_a_line():
    from editor.fonts.measure import FixedMeasurer
    from editor.layout.compose import compose
    from editor.layout.flow import Span
    from editor.layout.template import load_template
    st = load_template("gbt9704").style("body")
    for n in range(24, 30):            # the mark falls at and around the line's end
        spans = [st.span("字" * n), st.span("①", size=9.6, rise=5.3, note="fn1"),
                 st.span("，后文。" * 3)]
        lines = compose(spans, st.fmt(), 442.2, FixedMeasurer())
        text = "".join(s.text for s in spans)
        at = text.index("①")
        for ln in lines:
            assert ln.start != at and text[ln.start] != "，", (n, ln.start)


def test_a_note_longer_than_its_page_share_runs_over_whole():
    from editor.layout.items import TextItem
    laid = _layout(_fixed_doc(12, long_at=3))
    pages = [[it for it in p.items if isinstance(it, TextItem)] for p in laid.pages]
    where = [k for k, items in enumerate(pages) for it in items
             if it.source and it.source.block_id == "fn3p1"]
    mark = next(k for k, items in enumerate(pages) if any(it.note == "fn3" for it in items))
    assert where[0] == mark and where[-1] == mark + 1
    text = "".join(it.text for items in pages for it in items       # (not its mark)
                   if it.source and it.source.block_id == "fn3p1" and it.source.end)
    assert text == "第3条脚注的内容。" * 250
    # on the next page the run-over comes first, above that page's own notes
    nxt = pages[mark + 1]
    rest = [it.y for it in nxt if it.source and it.source.block_id == "fn3p1"]
    own = [it.y for it in nxt if it.source and it.source.block_id.startswith("fn")
           and it.source.block_id != "fn3p1"]
    assert not own or max(rest) < min(own)


# -- the printed page ---------------------------------------------------------------------

LONG = "本项规定所称的城市更新，是指在城市建成区内对城市空间形态和功能进行整治提升的活动，" * 70


def _body_para(k: int, note: str | None) -> str:
    text = f"第{k}段。全区各街道、各部门要认真贯彻落实，按照有关规定做好城市更新各项工作"
    return ("<w:p>" + _r(text) + (_ref(note) if note else "") + _r("，确保各项任务按期完成。")
            + "</w:p>")


def _docs(folder):
    """Three documents: notes over many pages (one of them long), a table cell calling a
    note, and endnotes."""
    texts = {str(k): f"第{k}条脚注：依据区人民政府有关文件执行。" for k in range(1, 40)}
    texts["9"] = "第9条脚注（长）：" + LONG
    body = _title("关于做好城市更新工作的通知") + "".join(
        _body_para(k, str(k) if k % 2 else None) for k in range(1, 78))
    many = package(body, footnotes=notes_xml("footnote", texts))
    cell = ("<w:tbl><w:tblGrid><w:gridCol w:w='3000'/><w:gridCol w:w='3000'/></w:tblGrid>"
            "<w:tr><w:tc><w:p>" + _r("项目") + "</w:p></w:tc><w:tc><w:p>" + _r("金额")
            + "</w:p></w:tc></w:tr><w:tr><w:tc><w:p>" + _r("老旧小区改造") + _ref(1)
            + "</w:p></w:tc><w:tc><w:p>" + _r("46个") + "</w:p></w:tc></w:tr></w:tbl>")
    table = package(_title("关于老旧小区改造情况的报告") + "<w:p>" + _r("改造情况如下表。")
                    + "</w:p>" + cell,
                    footnotes=notes_xml("footnote", {"1": "表中数据截至2024年12月31日。"}))
    ends = package(_title("政府工作报告") + "<w:p>" + _r("推进“放管服”改革") + _ref(1, "endnote")
                   + _r("，优化营商环境") + _ref(2, "endnote") + _r("。") + "</w:p>",
                   endnotes=notes_xml("endnote", {"1": "放管服：简政放权、放管结合、优化服务。",
                                                  "2": "营商环境：市场主体活动的环境。"}))
    docs = []
    for name, data in (("many", many), ("table", table), ("ends", ends)):
        doc = import_docx_bytes(data, f"{name}.docx").document
        doc.id = name
        docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from editor.render import build_pdf
    folder = tmp_path_factory.mktemp("notes")
    docs = _docs(folder)
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", docs)])
    out = folder / "notes.pdf"
    laid = build_pdf(issue, out)
    pages = []
    with pymupdf.open(str(out)) as pdf:
        for page in pdf:
            spans = [(s["size"], s["chars"][0][2][1], "".join(chr(c[0]) for c in s["chars"]))
                     for s in page.get_texttrace() if s["chars"]]
            pages.append((spans, re.sub(r"[ \t]+", "", page.get_text())))
    return pages, laid, docs


def _parts(spans):
    """(body spans, marks in the body, note spans, folio spans) of one page: body text
    is 三号 (16 pt), its marks 0.6 × that, notes 小五 (9 pt), the folio 四号."""
    folio = [s for s in spans if FOLIO.match(s[2].strip())]
    body = [s for s in spans if s[0] >= 15.5 and s not in folio]
    marks = [s for s in spans if abs(s[0] - 9.6) < 0.05]
    notes = [s for s in spans if abs(s[0] - 9.0) < 0.05]
    return body, marks, notes, folio


def _note_pages(pages):
    return [(k, sp, text) for k, (sp, text) in enumerate(pages) if "依据区人民政府" in text
            or "城市更新" in text]


@pytest.mark.slow
def test_notes_sit_at_the_foot_of_their_reference_page(printed):
    pages, _, _ = printed
    seen = 0
    for k, spans, _ in _note_pages(pages):
        body, marks, notes, folio = _parts(spans)
        if not marks:
            continue
        seen += 1
        # numbering restarts on every page, in reading order
        assert "".join(m[2] for m in marks) == CIRCLED[:len(marks)], (k, marks)
        # every mark has its note on this page, in the same order, led by the same mark
        leads = [s[2][0] for s in notes if s[2][0] in CIRCLED]
        assert leads == [m[2] for m in marks], (k, leads, marks)
        # the notes are below all body text, above the folio, in the smaller size
        assert min(s[1] for s in notes) > max(s[1] for s in body) + 9, k
        assert folio and max(s[1] for s in notes) < min(s[1] for s in folio), k
        # a mark is raised and follows its character (never the first on a line)
        for m in marks:
            line = [b for b in body if abs(b[1] - m[1]) < 9]
            assert line and m[1] < min(b[1] for b in line) - 3, (k, m)
    assert seen >= 4


@pytest.mark.slow
def test_a_long_note_runs_over_to_the_next_page_foot(printed):
    pages, _, _ = printed
    at = next(k for k, (spans, text) in enumerate(pages) if "第9条脚注（长）" in text)
    here = "".join(s[2] for s in _parts(pages[at][0])[2])
    after_spans = pages[at + 1][0]
    body, marks, notes, _ = _parts(after_spans)
    rest = "".join(s[2] for s in notes)
    first = notes[0]
    assert first[2][0] not in CIRCLED           # the run-over comes first, without a mark
    whole = re.sub(r"[①-⑳\s]", "", here + rest)
    assert ("第9条脚注（长）：" + LONG).replace(" ", "") in whole
    assert min(s[1] for s in notes) > max(s[1] for s in body)


@pytest.mark.slow
def test_a_note_called_from_a_table_cell(printed):
    pages, _, _ = printed
    k = next(k for k, (_, text) in enumerate(pages) if "改造情况如下表" in text)
    spans = pages[k][0]
    cell = next(s for s in spans if s[2] == "老旧小区改造")
    mark = next(s for s in spans if s[2] == "①" and s[1] < cell[1])
    assert mark[0] < 0.75 * cell[0]
    note = next(s for s in spans if "表中数据截至2024年12月31日" in s[2])
    table_bottom = max(s[1] for s in spans if s[0] > 10 and not FOLIO.match(s[2].strip()))
    assert note[1] > table_bottom


@pytest.mark.slow
def test_endnotes_follow_the_text_under_a_heading(printed):
    pages, laid, _ = printed
    k = next(k for k, (_, text) in enumerate(pages) if "政府工作报告" in text
             and "注释" in text)
    spans, text = pages[k]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    head = lines.index("注释")
    assert any("放管服：简政放权" in ln for ln in lines[head:])
    body = next(s for s in spans if "推进" in s[2])
    assert any(s[2] == "[1]" and s[0] < 0.75 * body[0] for s in spans)
    assert not [w for w in laid.warnings if w.code == "FOOTNOTE_OVERFLOW"]


def test_a_note_longer_than_a_page_fills_pages_and_the_text_goes_on():
    from editor.layout.items import TextItem
    doc = _fixed_doc(6, long_at=2)
    doc.footnotes[1].blocks[0].runs[0].text = "第2条脚注的内容。" * 900     # ~3 pages
    laid = _layout(doc)
    pages = [[it for it in p.items if isinstance(it, TextItem)] for p in laid.pages]
    text = "".join(it.text for items in pages for it in items
                   if it.source and it.source.block_id == "fn2p1" and it.source.end)
    assert text == "第2条脚注的内容。" * 900
    for items in pages:                 # every mark has its note's start on its page
        starts = {it.source.block_id[:-2] for it in items
                  if it.source and it.source.block_id.startswith("fn") and not it.source.end}
        assert {it.note for it in items if it.note} == starts
    assert [m.note for items in pages for m in items if m.note] == \
        [f"fn{k}" for k in range(1, 7)]
    assert not [w for w in laid.warnings if w.code == "FOOTNOTE_OVERFLOW"]


def test_a_note_stored_before_notes_had_reference_points_prints_after_the_text():
    from editor.layout.items import TextItem
    doc = model.Document(id="d", title="旧项目中的文件")
    doc.body.append(model.Paragraph(id="p1", runs=[model.Run("依据有关规定"),
                                                   model.Run("1", vert="superscript")]))
    doc.footnotes.append(model.Footnote(id="fn1", text="见市政府文件。"))
    texts = [it for p in _layout(doc).pages for it in p.items if isinstance(it, TextItem)]
    order = [it.text for it in texts]
    assert order.index("注释") < order.index("见市政府文件。")
    assert max(it.y for it in texts if it.text.startswith("依据")) < \
        next(it.y for it in texts if it.text == "注释")


def test_notes_in_columns_never_run_into_an_earlier_column():
    import copy as _copy
    from editor.fonts.measure import FixedMeasurer
    from editor.layout.items import TextItem
    from editor.layout.paginate import layout_document
    from editor.layout.template import Template, load_template
    base = load_template("gbt9704")
    data = _copy.deepcopy(base.data)
    data["chronicle"]["columns"] = 2
    doc = _fixed_doc(24)
    doc.kind = "chronicle"
    laid = layout_document(doc, Template(data, "cols"), FixedMeasurer())
    for page in laid.pages:
        texts = [it for it in page.items if isinstance(it, TextItem)]
        notes = [it for it in texts if it.source and it.source.block_id.startswith("fn")]
        body = [it for it in texts if it not in notes]
        if notes:
            assert max(b.y for b in body) < min(n.y for n in notes) - 9
        marks = {it.note for it in texts if it.note}
        assert marks == {it.source.block_id[:-2] for it in notes if not it.source.end}


def test_find_reaches_the_notes_on_their_pages():
    from editor.fonts.measure import FixedMeasurer
    from editor.layout.paginate import layout_issue
    from editor.proof.geometry import ProofMap
    from editor.proof.search import find_text
    doc = _fixed_doc(12)
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])
    laid = layout_issue(issue, "gbt9704", FixedMeasurer(), cache=None)
    hits = find_text(issue, ProofMap.from_layout(laid), "第7条脚注")
    assert [(h.block_id, h.start) for h in hits] == [("fn7p1", k) for k in (0, 9, 18)]
    mark_page = next(k for k, p in enumerate(laid.pages)
                     if any(getattr(it, "note", "") == "fn7" for it in p.items))
    assert hits[0].page == mark_page


def test_a_custom_mark_and_an_empty_bracket_pair_are_not_text():
    notes = notes_xml("footnote", {"1": '<w:p><w:r><w:t>(</w:t></w:r><w:r><w:footnoteRef/></w:r>'
                                        '<w:r><w:t>)</w:t></w:r>' + _r("\t说明文字。") + "</w:p>"})
    body = ('<w:p>' + _r("依据") + '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/>'
            '<w:t>*</w:t></w:r>' + _r("办理。") + "</w:p>")
    doc = _import(body, footnotes=notes).document
    assert doc.body[0].text == "依据办理。" and doc.footnotes[0].plain_text == "说明文字。"
