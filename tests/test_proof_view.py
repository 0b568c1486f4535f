"""Headless helpers of the 校对 mode: selecting, placing and finding annotations."""
from __future__ import annotations

import copy

import pytest

from editor.proof.anchor import text_of
from editor.proof import compare
from editor.proof.compare import compare_drafts, reduce_draft
from editor.proof.geometry import ProofMap
from editor.proof.view import (SourceRange, annotation_at, annotation_boxes, change_boxes,
                               change_places, filter_annotations, insertion_at, margin_marks,
                               new_annotation, selection)
from test_proof_pdf import LINE, PITCH, _hand_layout, _issue


@pytest.fixture
def setup():
    issue = _issue()
    doc = next(issue.documents())
    laid_out = _hand_layout(doc)
    return issue, doc, laid_out, ProofMap.from_layout(laid_out)


def _line(pmap, page, n):
    return pmap.pages[page].items[n]


def test_drag_selects_reading_order_across_lines(setup):
    issue, doc, laid_out, pmap = setup
    items = pmap.pages[1].items
    k = next(i for i in range(len(items) - 1) if len(items[i].text) == 28
             and items[i].source.block_id == items[i + 1].source.block_id)
    first, second = items[k], items[k + 1]
    start = (first.xs[20] + 3, first.y - 5)
    end = (second.xs[4] + 3, second.y - 5)
    ranges = selection(pmap, 1, start, end)
    s = first.source
    assert ranges == [SourceRange(s.doc_id, s.block_id, s.start + 20, s.start + 28 + 5)]
    backwards = selection(pmap, 1, end, start)
    assert backwards == ranges


def test_selection_across_paragraphs_splits_per_block(setup):
    issue, doc, laid_out, pmap = setup
    items = pmap.pages[0].items
    k = next(i for i in range(len(items) - 1)
             if items[i].source.block_id != items[i + 1].source.block_id)
    a, b = items[k], items[k + 1]
    ranges = selection(pmap, 0, (a.xs[-2] + 2, a.y - 4), (b.xs[1] + 2, b.y - 4))
    assert [r.block_id for r in ranges] == [a.source.block_id, b.source.block_id]
    assert ranges[1].start == b.source.start and ranges[1].end == b.source.start + 2


def test_new_annotation_boxes_and_hit(setup):
    issue, doc, laid_out, pmap = setup
    item = _line(pmap, 1, 3)
    rng = selection(pmap, 1, (item.xs[2] + 2, item.y - 4), (item.xs[7] + 2, item.y - 4))[0]
    ann = new_annotation(issue, rng, "疑", note="出处？", author="李四", round_label="一校")
    assert ann.quote == item.text[2:8] and ann.id.startswith("a-")
    doc.annotations.append(ann)
    [(page, box)] = annotation_boxes(pmap, ann)
    assert page == 1 and box.x0 == pytest.approx(item.xs[2]) and box.x1 == pytest.approx(item.xs[8])
    assert margin_marks(pmap, ann) == [(1, pytest.approx(item.y - 16 * 0.38))]
    assert annotation_at(pmap, issue, 1, item.xs[5], item.y - 3) is ann
    assert annotation_at(pmap, issue, 1, item.xs[12], item.y - 3) is None
    with pytest.raises(ValueError):
        new_annotation(issue, rng, "错")


def test_insertion_point_from_click(setup):
    issue, doc, laid_out, pmap = setup
    item = _line(pmap, 0, 4)
    left = insertion_at(pmap, 0, item.xs[6] + 2, item.y - 4)
    right = insertion_at(pmap, 0, item.xs[6] + PITCH - 2, item.y - 4)
    assert (left.start, right.start) == (item.source.start + 6, item.source.start + 7)
    ann = new_annotation(issue, left, "增", new_text="的")
    [(page, box)] = annotation_boxes(pmap, ann)
    assert box.x0 < item.xs[6] < box.x1
    assert insertion_at(pmap, 0, 300, 100 - LINE * 3) is None     # far above the text


def test_filters(setup):
    issue, doc, laid_out, pmap = setup
    rng = SourceRange(doc.id, "p10", 0, 4)
    doc.annotations = [
        new_annotation(issue, rng, "删", author="甲", round_label="一校"),
        new_annotation(issue, rng, "疑", author="乙", round_label="二校"),
    ]
    doc.annotations[1].status = "answered"
    assert [a.kind for a in filter_annotations(issue, round_label="二校")] == ["疑"]
    assert [a.kind for a in filter_annotations(issue, status="open", author="甲")] == ["删"]
    assert filter_annotations(issue, doc_id="other") == []


def test_change_boxes_locate_comparison(setup):
    issue, doc, laid_out, pmap = setup
    new = copy.deepcopy(issue)
    p = next(new.documents()).body[12]
    p.runs[0].text = p.text[:3] + "【新】" + p.text[3:]
    new_layout = ProofMap.from_layout(_hand_layout(next(new.documents())))
    boxes = change_boxes(new_layout, compare_drafts(issue, new))
    assert len(boxes) == 1 and boxes[0][2] == "增"
    page, box, _ = boxes[0]
    item = next(it for it in new_layout.pages[page].items if it.source.block_id == "p12")
    assert box.x0 == pytest.approx(item.xs[3]) and text_of(next(new.documents()), "p12")[3:6] == "【新】"


def test_change_places_per_change_make_change_boxes(setup):
    issue, doc, laid_out, pmap = setup
    new = copy.deepcopy(issue)
    body = next(new.documents()).body
    body[3].runs[0].text = body[3].text[:2] + "【新】" + body[3].text[6:]
    body[20].runs[0].text = body[20].text + "（补）"
    new_layout = ProofMap.from_layout(_hand_layout(next(new.documents())))
    diffs = compare_drafts(issue, new)
    places = [change_places(new_layout, d.doc_id, c) for d in diffs for c in d.changes]
    assert len(places) == 2 and all(places)
    assert [kind for _p, _b, kind in places[0]] == ["改"] * len(places[0])
    assert change_boxes(new_layout, diffs) == places[0] + places[1]


def test_a_reduced_draft_is_read_once_and_compares_as_the_draft(setup, monkeypatch):
    from editor.layout.items import Source, TextItem
    issue, doc, laid_out, pmap = setup
    new = copy.deepcopy(issue)
    p = next(new.documents()).body[12]
    p.runs[0].text = p.text[:3] + "【新】" + p.text[3:]
    title = "关于印发行动方案的通知"
    maps = []
    for layout in (laid_out, _hand_layout(next(new.documents()))):
        xs = [79 + PITCH * k for k in range(len(title))]
        layout.pages[0].items.append(TextItem(x=xs[0], y=60, text=title, face="STSong-Light",
                                              size=16, xs=xs, width=PITCH * len(title),
                                              source=Source(doc.id, "title", 0, len(title))))
        maps.append(ProofMap.from_layout(layout))
    pmap, new_map = maps
    expected = compare_drafts(pmap, new_map)
    assert expected and expected[0].title == title
    calls = []
    texts = compare.draft_texts
    monkeypatch.setattr(compare, "draft_texts", lambda draft: calls.append(draft) or texts(draft))
    assert compare_drafts(pmap, new_map) == expected
    assert len(calls) == 2                  # once per draft, titles included
    old = reduce_draft(pmap)
    assert reduce_draft(old) is old and old.titles == {doc.id: title}
    calls.clear()
    assert compare_drafts(old, new_map) == expected and calls == [new_map]
