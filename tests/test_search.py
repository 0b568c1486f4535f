"""查找: finding text on the laid-out sample issue — every hit shows exactly the query on
the pages, phrases broken over lines are found, hits come in page order, Latin letters
match regardless of case."""
from __future__ import annotations

import pytest

from editor import model
from editor.fonts import default_fontbook
from editor.issue_json import load_issue
from editor.layout.paginate import layout_issue
from editor.proof.geometry import ProofMap
from editor.proof.search import find_text
from editor.resources import sample_issue_path


@pytest.fixture(scope="module")
def laid():
    issue = load_issue(sample_issue_path())
    laid_out = layout_issue(issue, None, default_fontbook())
    return issue, laid_out, ProofMap.from_layout(laid_out)


def _shown(pmap: ProofMap, match) -> tuple[str, int]:
    """The characters the page items show for a match, and how many items show them."""
    pieces = []
    for _page, item in pmap.block_items(match.doc_id, match.block_id):
        s = item.source
        lo, hi = max(match.start, s.start), min(match.end, s.end)
        if lo < hi:
            pieces.append(item.text[lo - s.start:hi - s.start])
    return "".join(pieces), len(pieces)


@pytest.mark.parametrize("query", ["区行政审批局", "营商环境", "东政办〔2025〕2号", "文物保护单位"])
def test_every_hit_shows_the_query_where_its_boxes_are(laid, query):
    issue, laid_out, pmap = laid
    hits = find_text(issue, pmap, query)
    assert hits
    for hit in hits:
        shown, n_items = _shown(pmap, hit)
        assert shown == query
        assert len(hit.boxes) == n_items
        for page, box in hit.boxes:
            assert 0 <= page < len(laid_out.pages)
            assert 0 <= box.x0 < box.x1 <= laid_out.pages[page].width
    pages = [h.page for h in hits]
    assert pages == sorted(pages)
    # the hits are all the places the query is set: count it in the page text, joining
    # the pieces of each block (a phrase may be broken over lines)
    assert len(hits) == sum(text.count(query) for text in _block_texts(pmap).values())


def _block_texts(pmap: ProofMap) -> dict:
    out: dict = {}
    for key in pmap.shown_blocks():
        items = sorted((item for _p, item in pmap.block_items(*key)),
                       key=lambda it: it.source.start)
        out[key] = "".join(it.text for it in items)
    return out


def test_a_phrase_broken_over_two_lines_has_a_box_on_each(laid):
    issue, _laid_out, pmap = laid
    hits = find_text(issue, pmap, "区行政审批局")
    split = [h for h in hits if len(h.boxes) > 1]
    assert split, "the sample's table sets 区行政审批局 over two lines in narrow cells"
    for hit in split:
        ys = [box.top for _p, box in hit.boxes]
        assert len(set(round(y, 1) for y in ys)) == len(ys)      # one box per line


def test_latin_letters_match_regardless_of_case_unless_asked(laid):
    issue, laid_out, _pmap = laid
    doc = issue.sections[0].documents[0]
    original = list(doc.body)
    doc.body.insert(0, model.Paragraph("find-probe", runs=[model.Run("开通 Wi-Fi 与 WI-FI 热点。")]))
    try:
        relaid = layout_issue(issue, None, default_fontbook())
        pmap = ProofMap.from_layout(relaid)
        assert [(h.block_id, h.start) for h in find_text(issue, pmap, "wi-fi")] == [
            ("find-probe", 3), ("find-probe", 11)]
        assert [h.start for h in find_text(issue, pmap, "Wi-Fi", match_case=True)] == [3]
        assert find_text(issue, pmap, "") == [] and find_text(issue, pmap, "无此词语") == []
    finally:
        doc.body[:] = original
