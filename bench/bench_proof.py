"""Benchmark: the proof round trip on the sample issue (总第32期) (layer: bench).

Prints figures, asserts nothing:
- layout of the issue, proof export (PDF + watermark + annotations + embedded map), size;
- a reader adds N comments (highlight, strike-out, caret, sticky note, "改：" highlight)
  with pypdf at the positions of the proof's own characters (pdfplumber);
- import time, and how many comments landed on exactly the intended source text;
- re-anchoring every imported annotation after the documents are reordered;
- the same round trip with other seeds (--seeds), and reader marks at every kind of
  compressed punctuation (tests/test_proof_punct.py's cases): exact / unplaced / wrong;
- what 校对 mode computes on the UI thread after each change: where every annotation
  is on the pages (ProofMap of the layout + annotation_boxes for all of them).

Usage: python bench/bench_proof.py [--marks N] [--seed S] [--seeds 1,2,3]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--marks", type=int, default=100)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    args = parser.parse_args()

    import pdfplumber

    import test_proof_roundtrip as rt
    from editor.fonts import default_fontbook
    from editor.issue_json import load_issue
    from editor.layout.paginate import layout_issue
    from editor.proof.anchor import reanchor
    from editor.proof.export import export_proof
    from editor.proof.import_ import import_proof
    from editor.resources import sample_issue_path

    rt.N_MARKS = args.marks
    tmp = Path(tempfile.mkdtemp())
    t0 = time.perf_counter()
    issue = load_issue(sample_issue_path())
    fontbook = default_fontbook()
    t1 = time.perf_counter()
    laid_out = layout_issue(issue, measurer=fontbook)
    t2 = time.perf_counter()
    proof = tmp / "proof.pdf"
    pmap, _ = export_proof(issue, proof, "一校", laid_out=laid_out, fontbook=fontbook)
    t3 = time.perf_counter()
    print(f"import .docx + fonts      {t1 - t0:7.3f} s")
    print(f"layout ({len(laid_out.pages)} pages)       {t2 - t1:7.3f} s")
    print(f"proof export             {t3 - t2:7.3f} s   {proof.stat().st_size / 1024:.0f} KiB")

    with pdfplumber.open(str(proof)) as pdf:
        plans = rt._plan(laid_out, pdf, random.Random(args.seed))
    marked = tmp / "marked.pdf"
    rt._annotate(proof, plans, marked)
    t4 = time.perf_counter()
    result = import_proof(str(marked), issue)
    t5 = time.perf_counter()
    placed = {(a.kind, a.doc_id, a.block_id, a.start, a.end) for a in result.annotations}
    exact = sum((rt.EXPECTED_KIND[kind], *intended) in placed
                for _, kind, _, intended in plans)
    print(f"proof import ({args.marks} marks)  {t5 - t4:7.3f} s")
    print(f"placed exactly           {exact}/{len(plans)}   listed as unplaced: "
          f"{len(result.unplaced)}")

    for section in issue.sections:
        section.documents.reverse()
    t6 = time.perf_counter()
    moved = [reanchor(a, issue.find_document(a.doc_id)) for a in result.annotations]
    t7 = time.perf_counter()
    print(f"re-anchor after reorder  {t7 - t6:7.3f} s   orphaned: "
          f"{sum(a.orphaned for a in moved)}")
    for section in issue.sections:
        section.documents.reverse()

    total = exact
    seeds = [int(x) for x in args.seeds.split(",") if x.strip()]
    for seed in seeds:
        with pdfplumber.open(str(proof)) as pdf:
            plans = rt._plan(laid_out, pdf, random.Random(seed))
        rt._annotate(proof, plans, marked)
        result = import_proof(str(marked), issue)
        placed = {(a.kind, a.doc_id, a.block_id, a.start, a.end) for a in result.annotations}
        got = sum((rt.EXPECTED_KIND[kind], *intended) in placed for _, kind, _, intended in plans)
        total += got
        print(f"  seed {seed:<3}                 {got}/{len(plans)}   unplaced: "
              f"{len(result.unplaced)}")
    print(f"placed exactly, all seeds {total}/{len(plans) * (len(seeds) + 1)}")

    _punctuation(tmp, issue, laid_out, proof)
    _ui_figures(laid_out, issue, result.annotations)
    return 0


def _punctuation(tmp: Path, issue, laid_out, proof: Path) -> None:
    from pypdf import PdfWriter

    import test_proof_punct as pc
    from editor.proof.import_ import import_proof
    from test_proof_pdf import char_quad, note_rect, reader_mark
    pc.MAX_CASES = 60
    cases = pc._cases(laid_out, proof)
    writer = PdfWriter(clone_from=str(proof))
    for n, (index, kind, chars, height, _) in enumerate(cases):
        if kind == "note":
            reader_mark(writer, index, "Text", f"便签{n}", rect=note_rect(chars[0], height))
        else:
            subtype = "StrikeOut" if kind == "strike" else "Highlight"
            reader_mark(writer, index, subtype, f"m{n}？", quads=[char_quad(chars, height)])
    out = tmp / "punct.pdf"
    writer.write(str(out))
    result = import_proof(str(out), issue)
    by_note = {a.note: a for a in result.annotations}
    exact = wrong = 0
    for n, (_, kind, _, _, intended) in enumerate(cases):
        ann = by_note.get(f"便签{n}" if kind == "note" else f"m{n}？")
        if ann is None:
            continue
        if (ann.kind, ann.doc_id, ann.block_id, ann.start, ann.end) == (pc.KIND[kind],
                                                                        *intended):
            exact += 1
        else:
            wrong += 1
    print(f"compressed punctuation   {exact}/{len(cases)} exact, {len(result.unplaced)} "
          f"unplaced, {wrong} wrong")


def _ui_figures(laid_out, issue, annotations) -> None:
    from editor.proof.geometry import ProofMap
    from editor.proof.view import annotation_boxes
    t0 = time.perf_counter()
    pmap = ProofMap.from_layout(laid_out)
    t1 = time.perf_counter()
    boxes = [annotation_boxes(pmap, a) for a in annotations]
    t2 = time.perf_counter()
    print(f"校对 mode: page map {1000 * (t1 - t0):6.1f} ms, boxes of {len(annotations)} "
          f"annotations {1000 * (t2 - t1):6.1f} ms ({sum(map(len, boxes))} boxes)")


if __name__ == "__main__":
    sys.exit(main())
