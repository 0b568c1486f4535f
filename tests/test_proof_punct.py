"""Reader marks at compressed punctuation, on the sample issue's proof (editor.proof).

Where the composer sets punctuation in half its em (、，。” before another mark or at a
line end) a PDF viewer still shows the glyph's full em box, which reaches into the next
character.  A reader's highlight ending on such a mark, a strike-out starting right after
it and a sticky note on it must land on exactly the intended characters, or be listed as
unplaced — never silently on the neighbour.  The marks are made with pypdf at the
positions pdfplumber reads from the proof, the intended text comes from the layout.
"""
from __future__ import annotations

import pdfplumber
import pytest
from pypdf import PdfWriter

from editor.fonts import default_fontbook
from editor.issue_json import load_issue
from editor.layout.paginate import layout_issue
from editor.proof.export import export_proof
from editor.proof.import_ import import_proof
from editor.resources import sample_issue_path
from test_proof_pdf import char_quad, lines_of, note_rect, reader_mark
from test_proof_roundtrip import _runs

pytestmark = pytest.mark.slow      # a proof of the whole sample issue

PUNCT = set("、，。；：”）》」！？")
MAX_CASES = 15


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    issue = load_issue(sample_issue_path())
    fontbook = default_fontbook()
    laid_out = layout_issue(issue, measurer=fontbook)
    folder = tmp_path_factory.mktemp("punct")
    proof = folder / "proof.pdf"
    export_proof(issue, proof, "一校", laid_out=laid_out, fontbook=fontbook)
    cases = _cases(laid_out, proof)
    out = folder / "marked.pdf"
    writer = PdfWriter(clone_from=str(proof))
    for n, (index, kind, chars, height, _) in enumerate(cases):
        if kind == "note":
            reader_mark(writer, index, "Text", f"便签{n}", rect=note_rect(chars[0], height))
        elif kind == "strike":
            reader_mark(writer, index, "StrikeOut", f"删{n}", quads=[char_quad(chars, height)])
        else:
            reader_mark(writer, index, "Highlight", f"第{n}条请核实？",
                        quads=[char_quad(chars, height)])
    writer.write(str(out))
    return cases, import_proof(str(out), issue)


def _compressed(run, i) -> bool:
    c, nxt = run[i][0], run[i + 1][0]
    return c["text"] in PUNCT and (nxt["x0"] - c["x0"]) < 0.75 * (c["x1"] - c["x0"])


def _cases(laid_out, proof):
    """(page, kind, chars, page height, intended (doc, block, start, end)) around
    compressed punctuation in the middle of a run of one block."""
    cases = []
    with pdfplumber.open(str(proof)) as pdf:
        for page in laid_out.pages:
            if page.kind != "body" or not page.doc_id:
                continue
            ppage = pdf.pages[page.index]
            height = float(ppage.height)
            for line in lines_of(ppage):
                for run in _runs(line, page, height):
                    for i in range(2, len(run) - 3):
                        if not _compressed(run, i):
                            continue
                        doc, block, at = run[i][1]
                        chars = [c for c, _ in run]
                        cases += [
                            (page.index, "highlight", chars[i - 2:i + 1], height,
                             (doc, block, at - 2, at + 1)),
                            (page.index, "strike", chars[i + 1:i + 3], height,
                             (doc, block, at + 1, at + 3)),
                            (page.index, "note", [chars[i]], height, (doc, block, at, at + 1))]
                        break
                if len(cases) >= 3 * MAX_CASES:
                    return cases
    return cases


KIND = {"highlight": "疑", "strike": "删", "note": "注"}


def test_there_are_compressed_marks_to_test(marked):
    cases, _ = marked
    assert len(cases) >= 30


def test_marks_at_compressed_punctuation_land_exactly_or_are_listed(marked):
    cases, result = marked
    by_text = {a.note: a for a in result.annotations if a.kind != "删"}
    strikes = [a for a in result.annotations if a.kind == "删"]
    unplaced = {u.describe() for u in result.unplaced}
    exact, wrong = 0, []
    for n, (_, kind, _chars, _h, (doc, block, start, end)) in enumerate(cases):
        if kind == "strike":
            ann = next((a for a in strikes if a.note == f"删{n}"), None)
        else:
            ann = by_text.get(f"便签{n}" if kind == "note" else f"第{n}条请核实？")
        if ann is None:
            continue
        if (ann.kind, ann.doc_id, ann.block_id, ann.start, ann.end) == (
                KIND[kind], doc, block, start, end):
            exact += 1
        else:
            wrong.append((n, kind, ann.quote, (start, end), (ann.start, ann.end)))
    assert not wrong, wrong
    assert exact + len(unplaced) == len(cases)
    assert exact >= 0.95 * len(cases)
