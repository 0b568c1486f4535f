"""A footnote called from a document's head (政府工作报告① with its note saying where it was
delivered; a reference after the ——subtitle or speaker line): kept on that head part by
the import and through the store, printed as a gazette prints it — the raised mark right
after the part's last character, the note at the foot of the document's first page —
and never in the 目录, bookmarks or running heads.  Judged from the PDF."""
from __future__ import annotations

import re

import pymupdf
import pytest

from docx_builder import note_ref as _ref
from docx_builder import notes_xml, package
from docx_builder import run as _r
from editor import model
from editor.app.commands import SetDocumentField
from editor.docx_import import import_docx_bytes
from editor.model.serialize import to_dict
from editor.store.codec import document_from_parts, document_parts

CIRCLED = "①②③④⑤"
FOLIO = re.compile(r"^—\s*(\d+)\s*—$")
TITLE = "政府工作报告"
SUBTITLE = "——2025年1月8日在武汉市东西湖区第十七届人民代表大会第五次会议上"
NOTE = "2025年1月8日在武汉市东西湖区第十七届人民代表大会第五次会议上的报告。"
SPEECH = "区长在全区安全生产工作会议上的讲话"
SPEECH_NOTE = "本文根据会议录音整理，经本人审阅。"
BODY_NOTE = "营商环境：市场主体活动的环境。"


def _centred(inner: str) -> str:
    return f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{inner}</w:p>'


def _body(n: int, ref: str = "") -> str:
    text = "各位代表：现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员提出意见。"
    return "".join(f"<w:p>{_r(text * 2)}{ref if k == 1 else ''}</w:p>" for k in range(n))


def report_docx(body_paras: int = 3) -> bytes:
    """政府工作报告 with ① after the title, its ——subtitle and speaker line, a body
    note too."""
    body = (_centred(_r(TITLE, '<w:sz w:val="44"/>') + _ref(1)) + _centred(_r(SUBTITLE))
            + _centred(_r("区长　张三")) + _body(body_paras, _ref(2)))
    return package(body, footnotes=notes_xml("footnote", {"1": NOTE, "2": BODY_NOTE}))


def speech_docx() -> bytes:
    """A speech whose note is called from the end of its ——subtitle line."""
    body = (_centred(_r(SPEECH, '<w:sz w:val="44"/>'))
            + _centred(_r("——2025年3月6日") + _ref(1)) + _body(2))
    return package(body, footnotes=notes_xml("footnote", {"1": SPEECH_NOTE}))


def _warnings(res) -> list[str]:
    return [e.message_zh for e in res.report.entries if e.level == "warning"]


# -- import and store ---------------------------------------------------------------------

def test_a_title_note_stays_on_the_title_through_import_and_store():
    res = import_docx_bytes(report_docx(), "report.docx")
    doc = res.document
    assert (doc.title, doc.subtitle) == (TITLE, SUBTITLE)
    assert doc.head_notes == {"title": ["fn1"]}
    assert not any("改排在正文之后" in m for m in _warnings(res))
    assert [n.plain_text for n in doc.footnotes] == [NOTE, BODY_NOTE]
    again = document_from_parts(*document_parts(doc), [])
    assert again.head_notes == doc.head_notes and again.footnotes == doc.footnotes
    # an optional field: absent from the stored JSON of a document without head notes
    doc.head_notes = {}
    assert "head_notes" not in to_dict(doc)
    sub = import_docx_bytes(speech_docx(), "speech.docx").document
    assert sub.subtitle.startswith("——2025年3月6日")
    assert sub.head_notes == {"subtitle": ["fn1"]}


def test_a_note_in_the_issuer_mark_still_prints_after_the_text_and_is_said():
    body = (_centred(_r("武汉市东西湖区人民政府文件", '<w:sz w:val="72"/><w:color w:val="FF0000"/>')
                     + _ref(1))
            + _centred(_r("东政〔2025〕3号")) + _centred(_r("关于做好防汛工作的通知",
                                                          '<w:sz w:val="44"/>'))
            + "<w:p>" + _r("各街道办事处：") + "</w:p>" + _body(2))
    res = import_docx_bytes(package(body, footnotes=notes_xml("footnote", {"1": NOTE})), "n.docx")
    assert res.document.issuer_mark and res.document.head_notes == {}
    assert any("改排在正文之后" in m for m in _warnings(res))


# -- layout (fixed-width measurer: fast) --------------------------------------------------

def _layout(doc):
    from editor.fonts.measure import FixedMeasurer
    from editor.layout.paginate import layout_document
    from editor.layout.template import load_template
    return layout_document(doc, load_template("gbt9704"), FixedMeasurer())


def _texts(laid):
    return [[it for it in page.items if getattr(it, "text", "")] for page in laid.pages]


def test_an_edited_title_keeps_its_note_and_a_removed_one_prints_it_after_the_text():
    doc = import_docx_bytes(report_docx(), "report.docx").document
    issue = model.Issue(sections=[model.Section("s", "领导讲话", [doc])])
    cmd = SetDocumentField(doc.id, "title", "二〇二五年区政府工作报告")
    cmd.apply(issue)
    page = _texts(_layout(doc))[0]
    title = [it for it in page if it.text.startswith("二〇二五")]
    mark = [it for it in page if it.text == "①" and it.note == "fn1"]
    assert title and mark and mark[0].y < title[-1].y        # raised, on the title's line
    assert abs(mark[0].x - (title[-1].x + title[-1].width)) < 1.0
    assert any(NOTE[:8] in it.text and it.y > title[-1].y + 200 for it in page)
    cmd.revert(issue)
    assert doc.title == TITLE and doc.head_notes == {"title": ["fn1"]}
    # no title left to carry it: the note is not lost, it prints after the text
    SetDocumentField(doc.id, "title", "").apply(issue)
    pages = _texts(_layout(doc))
    flat = [it.text for p in pages for it in p]
    assert "注释" in flat and any(NOTE[:8] in t for t in flat[flat.index("注释"):])


# -- the printed page ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from editor.render import build_pdf
    folder = tmp_path_factory.mktemp("titlenotes")
    report = import_docx_bytes(report_docx(14), "report.docx").document
    speech = import_docx_bytes(speech_docx(), "speech.docx").document
    issue = model.Issue(sections=[model.Section("s1", "领导讲话", [report, speech])])
    out = folder / "titlenotes.pdf"
    build_pdf(issue, out)
    pages = []
    with pymupdf.open(str(out)) as pdf:
        toc = pdf.get_toc()
        for page in pdf:
            glyphs = [(chr(c[0]), s["size"], c[2], c[3]) for s in page.get_texttrace()
                      for c in s["chars"]]
            pages.append((glyphs, page.get_text()))
    return pages, toc


def _first_page(pages, title: str) -> int:
    return next(k for k, (_, text) in enumerate(pages)
                if title in re.sub(r"\s+", "", text) and "目录" not in re.sub(r"\s+", "", text))


def _mark_after(glyphs, title: str, mark: str = "①"):
    """The glyphs of ``title`` as set (its largest size) and the mark following it."""
    size = max(g[1] for g in glyphs if g[0] == title[0])
    chars = [g for g in glyphs if g[1] == size]
    text = "".join(g[0] for g in chars)
    assert title in text, text
    last = chars[text.index(title) + len(title) - 1]
    marks = [g for g in glyphs if g[0] == mark and 0.5 * size < g[1] < 0.8 * size]
    return last, marks


def _body_and_notes(glyphs):
    body = [g for g in glyphs if g[1] >= 15.5]
    notes = [g for g in glyphs if abs(g[1] - 9.0) < 0.05]
    return body, notes


@pytest.mark.slow
def test_the_title_mark_is_raised_after_its_last_glyph_and_the_note_at_the_first_page_foot(
        printed):
    pages, _ = printed
    k = _first_page(pages, TITLE)
    glyphs, text = pages[k]
    last, marks = _mark_after(glyphs, TITLE)
    assert len(marks) == 1                  # in the title's size (the body's is 三号 × 0.6)
    mark = marks[0]
    # right after the last character, its baseline raised, smaller
    assert last[0] == "告" and 0 <= mark[3][0] - last[3][2] < 2.0, (mark, last)
    assert mark[2][1] < last[2][1] - 4
    # the note at this page's foot: below all the body text, above the folio, led by ①
    body, notes = _body_and_notes(glyphs)
    note = "".join(g[0] for g in notes)
    assert note.startswith("①") and NOTE.replace(" ", "") in note.replace(" ", "")
    assert min(g[2][1] for g in notes) > max(g[2][1] for g in body)
    folio = [ln for ln in text.splitlines() if FOLIO.match(ln.strip())]
    folio_y = max(g[2][1] for g in glyphs if g[1] >= 13.5 and g[1] < 15.5)
    assert folio and max(g[2][1] for g in notes) < folio_y
    # the body note is ② on this page; no page after it repeats the title's note
    assert "②" in note and BODY_NOTE[:6] in note
    assert not any(NOTE[:10] in re.sub(r"\s+", "", t) for _, t in pages[k + 1:])


@pytest.mark.slow
def test_a_subtitle_note_marks_the_subtitle_line(printed):
    pages, _ = printed
    k = _first_page(pages, SPEECH)
    glyphs, _ = pages[k]
    line = [g for g in glyphs if g[0] == "日" and g[1] >= 15.5]
    marks = [g for g in glyphs if g[0] == "①" and 9.5 < g[1] < 12]     # 三号 × 0.6
    assert line and len(marks) == 1
    last = max(line, key=lambda g: g[3][0])
    assert 0 <= marks[0][3][0] - last[3][2] < 2.0 and marks[0][2][1] < last[2][1] - 3
    notes = "".join(g[0] for g in glyphs if abs(g[1] - 9.0) < 0.05)
    assert notes.startswith("①") and SPEECH_NOTE in notes


@pytest.mark.slow
def test_the_toc_bookmarks_and_running_heads_show_no_mark(printed):
    pages, toc = printed
    titles = [t for _, t, _ in toc]
    assert TITLE in titles and SPEECH in titles
    assert not any(c in t for t in titles for c in CIRCLED)
    toc_page = next(t for _, t in pages if "目" in t and "录" in t and TITLE in t)
    entry = next(ln for ln in toc_page.splitlines() if TITLE in ln)
    assert not any(c in entry for c in CIRCLED), entry
    # a mark is printed only beside a title, a line of text or a note: never in a page's
    # running head (the glyphs above the 版心)
    for glyphs, _ in pages:
        top = [g for g in glyphs if g[0] in CIRCLED and g[2][1] < 100]
        assert not top, top


def test_a_date_line_and_a_speaker_line_carry_their_own_marks_also_read_again():
    body = (_centred(_r("在全区优化营商环境大会上的讲话", '<w:sz w:val="44"/>'))
            + _centred(_r("（2025年2月10日）") + _ref(1)) + _centred(_r("区长　张三") + _ref(2))
            + _body(2))
    notes = notes_xml("footnote", {"1": "据录音整理。", "2": "张三时任区长。"})
    doc = import_docx_bytes(package(body, footnotes=notes), "s.docx").document
    assert doc.date_in_head and doc.head_notes == {"date": ["fn1"], "speaker": ["fn2"]}
    from editor.docx_import.again import recognise_as
    again, _ = recognise_as(doc, "article" if doc.kind != "article" else "speech")
    assert again.head_notes == doc.head_notes
    page = _texts(_layout(doc))[0]
    marks = {it.note: it for it in page if it.text in CIRCLED and it.note}
    close = next(it for it in page if it.text == "）")
    speaker = next(it for it in page if it.text == "区长　张三")
    assert marks["fn1"].text == "①" and marks["fn2"].text == "②"
    assert abs(marks["fn1"].x - (close.x + close.width)) < 1.0 and marks["fn1"].y < close.y
    assert abs(marks["fn2"].x - (speaker.x + speaker.width)) < 1.0
    foot = [it.text for it in page if it.size == 9.0]
    assert foot == ["①", "据录音整理。", "②", "张三时任区长。"]
