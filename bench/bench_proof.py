"""Benchmark: the proof round trip on the sample issue (总第32期) (layer: bench).

Prints figures, asserts nothing:
- layout of the issue, proof export (PDF + watermark + annotations + embedded map), size;
- a reader adds N comments (highlight, strike-out, caret, sticky note, "改：" highlight)
  with pypdf at the positions of the proof's own characters (pdfplumber);
- import time, and how many comments landed on exactly the intended source text;
- re-anchoring every imported annotation after the documents are reordered.

Usage: python bench/bench_proof.py [--marks N] [--seed S]
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
