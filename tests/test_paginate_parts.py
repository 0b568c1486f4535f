"""Document parts on the sample notices: attachment labels (given, missing, blank), 版记
lines with their own source ranges, and the 简介 title centred on its ink."""
from __future__ import annotations

import copy

import pytest

from editor import model
from editor.docx_import import import_docx
from editor.fonts.measure import FixedMeasurer
from editor.layout.cache import LayoutCache
from editor.layout.documents import fallback_labels
from editor.layout.paginate import layout_issue
from editor.layout.template import load_template
from editor.issue_json import read_issue_json, read_meta
from editor.resources import sample_issue_path

from conftest import sample


@pytest.fixture(scope="module")
def notice02() -> model.Document:
    doc = import_docx(sample("02")).document
    doc.id = "d02"
    return doc


def _laid(doc: model.Document, template="gbt9704"):
    issue = model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])
    return layout_issue(issue, template, FixedMeasurer(), LayoutCache())


def _att_page_texts(laid, doc: model.Document, att: model.Attachment) -> list[str]:
    """Texts of the page where the attachment's title starts, top to bottom (inside the
    版心: a running head above it is not the attachment's)."""
    top = load_template("gbt9704").frame(1).y
    for page in laid.pages:
        ids = {it.source.block_id for it in page.texts() if it.source}
        if f"{att.id}/title" in ids:
            texts = [it for it in page.texts() if it.y > top]
            return ["".join(it.text for it in texts if round(it.y) == y)
                    for y in sorted({round(it.y) for it in texts})]
    raise AssertionError(f"title of {att.id} not laid out")


def test_sample_labels_printed_as_given_and_content_attachment_unlabelled(notice02):
    first, second = notice02.attachments
    assert first.label == "" and second.label == "附件"
    laid = _laid(notice02)
    assert _att_page_texts(laid, notice02, second)[0] == "附件"
    lines = _att_page_texts(laid, notice02, first)
    assert lines[0] != "附件" and first.title.startswith(lines[0][:6])
    assert fallback_labels(notice02) == {}


@pytest.mark.slow
def test_unlabelled_announced_attachment_gets_fallback_label(notice02):
    doc = copy.deepcopy(notice02)
    doc.attachments[1].label = "   "
    doc.attachment_note = [f"附件：{doc.attachments[1].title}"]
    assert fallback_labels(doc) == {1: "附件"}
    laid = _laid(doc)
    lines = _att_page_texts(laid, doc, doc.attachments[1])
    assert lines[0] == "附件"                          # never an empty label line
    assert lines[1].startswith(doc.attachments[1].title[:8])
    assert _att_page_texts(laid, doc, doc.attachments[0])[0] != "附件"


def test_numbered_attachment_note_numbers_the_fallback_labels(notice02):
    doc = copy.deepcopy(notice02)
    for att in doc.attachments:
        att.label = ""
    doc.attachment_note = ["附件：1. 行动方案", "2. 任务清单"]
    assert fallback_labels(doc) == {0: "附件1", 1: "附件2"}
    laid = _laid(doc)
    assert [_att_page_texts(laid, doc, a)[0] for a in doc.attachments] == ["附件1", "附件2"]


def test_blank_label_without_note_prints_title_only(notice02):
    doc = copy.deepcopy(notice02)
    doc.attachments[1].label = " \u3000"
    laid = _laid(doc)
    lines = _att_page_texts(laid, doc, doc.attachments[1])
    assert lines[0].startswith(doc.attachments[1].title[:8])
    assert all(line.strip() for line in lines)


def test_colophon_note_lines_carry_their_offsets_in_the_block_text(notice02):
    from editor.proof.anchor import text_of
    doc = copy.deepcopy(notice02)
    doc.attachments = []
    doc.colophon_note = ["抄送：区委各部门，区人大常委会办公室，区政协办公室。", "",
                         "东西湖区人民政府办公室　　2025年3月13日印发"]
    t = copy.deepcopy(load_template("gbt9704"))       # the loaded template is shared
    t.data["document"]["show_colophon_note"] = True
    laid = _laid(doc, t)
    items = [it for p in laid.pages for it in p.texts()
             if it.source and it.source.block_id == "colophon_note"]
    block = text_of(doc, "colophon_note")
    shown = "".join(it.text for it in items)
    assert shown == "".join(line for line in doc.colophon_note)
    starts = sorted({it.source.start for it in items})
    assert len(starts) >= 2 and starts[0] == 0
    for it in items:
        assert block[it.source.start:it.source.end] == it.text


def test_intro_title_ink_is_centred_in_the_type_area():
    from editor.fonts import default_fontbook
    meta = read_meta(read_issue_json(sample_issue_path()))
    t = load_template("gbt9704")
    fontbook = default_fontbook()
    laid = layout_issue(model.Issue(meta=meta), t, fontbook, LayoutCache())
    intro = next(p for p in laid.pages if p.kind == "intro")
    title = min(intro.texts(), key=lambda it: it.y)
    assert title.text.startswith("《")
    half = fontbook.advance("《", title.role, title.size) / 2
    ink_left, ink_right = title.xs[0] + half, title.x + title.width
    frame = t.frame(1)
    assert (ink_left + ink_right) / 2 == pytest.approx(frame.x + frame.width / 2, abs=0.5)
