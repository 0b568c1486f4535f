"""Benchmark of document recognition over the corpus in tests/recognition (prints figures;
not a test): for each part (kind, title, 文号, date, recipients, signature, subtitle,
speaker, mark, heading count, news items, landscape attachments, uncertain flags) the share
of documents where the importer's reading equals the one typed by hand, then every miss.
Goal: every part right in ≥ 98 % of documents.

    python bench/bench_recognition.py [-v]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))     # the corpus builder uses tests/docx_builder.py

from tests.recognition.cases import CASES  # noqa: E402
from tests.recognition.evaluate import PARTS, score  # noqa: E402


def main() -> int:
    verbose = "-v" in sys.argv
    start = time.perf_counter()
    results = {name: score(name) for name in CASES}
    took = time.perf_counter() - start
    print(f"{len(CASES)} documents, {took:.2f} s (writing and importing)")
    print(f"{'part':<12} {'right':>6} {'of':>4} {'accuracy':>9}")
    misses = []
    for part in PARTS + ("refused",):
        rows = [(name, r[part]) for name, r in results.items() if part in r]
        right = sum(1 for _n, (ok, _g, _w) in rows if ok)
        if rows:
            print(f"{part:<12} {right:>6} {len(rows):>4} {100.0 * right / len(rows):>8.1f}%")
        misses += [(name, part, got, want) for name, (ok, got, want) in rows if not ok]
    whole = sum(1 for r in results.values() if all(ok for ok, _g, _w in r.values()))
    print(f"{'all parts':<12} {whole:>6} {len(results):>4} {100.0 * whole / len(results):>8.1f}%")
    for name, part, got, want in misses if verbose else misses[:40]:
        print(f"  MISS {name} {part}: got {got!r}, want {want!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
