"""Benchmark: compose the whole sample issue's text (layer: bench).

Reads every paragraph and table-cell text of resources/samples/*.docx with python-docx
(about 32,000 characters) and composes each as a body paragraph of the GB/T 9704
template (三号仿宋, 2 字 first indent, 22-line and 28-character grid, 开明 punctuation)
in the 442.2 pt 版心 measure.

With the real FontBook (``editor.fonts.default_fontbook``, the measurer the build uses):

- ``FontBook()``: discovery and the face index (read from the per-user cache);
- ``first compose``: the first composition in this process, font metrics loaded on
  demand — the figure the goal (< 0.3 s) is about;
- ``cold``: composition caches cleared, font caches warm;
- ``again``: every paragraph unchanged — each one a cache hit (counts printed);
- ``one edit``: one paragraph changed, the others hits.

For comparison the same with FixedMeasurer and reportlab's STSong-Light metrics.

    python bench/bench_compose.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.fonts.measure import FixedMeasurer  # noqa: E402
from editor.layout import compose as cp  # noqa: E402
from editor.layout.flow import Span  # noqa: E402
from editor.layout.template import load_template  # noqa: E402

GOAL = 0.3


def sample_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "resources" / "samples").glob("*.docx")):
        d = docx.Document(str(path))
        texts += [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    texts += [p.text for p in cell.paragraphs]
    return [t for t in texts if t.strip()]


class STSongMeasurer:
    """Metrics of reportlab's built-in CID font STSong-Light (no font file needed)."""

    def __init__(self):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        self._width = pdfmetrics.stringWidth

    def advance(self, ch, role, size):
        return self._width(ch, "STSong-Light", size)

    def face_for(self, ch, role):
        return "STSong-Light"

    def ascent(self, role, size):
        return 0.88 * size

    def descent(self, role, size):
        return 0.12 * size


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def run(name: str, measurer, texts: list[str], repeat: int) -> float:
    """Print the figures for one measurer; returns the first composition's time."""
    style = load_template(None).style("body")
    fmt, width = style.fmt(), 442.2
    paras = [[style.span(t)] for t in texts]

    def compose_all():
        return [cp.compose(p, fmt, width, measurer) for p in paras]

    cp.clear_cache()
    first, lines = _timed(compose_all)
    colds = []
    for _ in range(repeat):
        cp.clear_cache()
        colds.append(_timed(compose_all)[0])
    lines = compose_all()
    hits0, misses0 = cp.cache_stats["hits"], cp.cache_stats["misses"]
    warm, again = _timed(compose_all)
    hits = cp.cache_stats["hits"] - hits0
    misses = cp.cache_stats["misses"] - misses0
    same = all(a is b for a, b in zip(lines, again))
    k = max(range(len(paras)), key=lambda i: len(texts[i]))
    paras[k] = [style.span(texts[k] + "（修改）")]
    edit, _ = _timed(compose_all)
    n_chars = sum(len(t) for t in texts)
    n_lines = sum(len(ls) for ls in lines)
    items, n_items = _timed(lambda: sum(len(ln.to_items(79.4, 100.0))
                                        for ls in lines for ln in ls))
    cold = statistics.median(colds)
    print(f"{name}: {len(texts)} paragraphs, {n_chars} chars, {n_lines} lines")
    print(f"  first compose        {first * 1000:8.1f} ms   ({n_chars / first / 1000:.0f} k chars/s)"
          f"   goal < {GOAL * 1000:.0f} ms: {'OK' if first < GOAL else 'MISSED'}")
    print(f"  cold (median of {repeat})   {cold * 1000:8.1f} ms   ({n_chars / cold / 1000:.0f} k chars/s)")
    print(f"  again, unchanged     {warm * 1000:8.1f} ms   cache hits {hits}, misses {misses}"
          f" of {len(paras)}; same line objects: {same}")
    print(f"  one paragraph edited {edit * 1000:8.1f} ms   ({len(texts[k]) + 4} chars recomposed)")
    print(f"  to_items (all lines) {items * 1000:8.1f} ms   {n_items} text items")
    return first


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="cold runs (median printed)")
    args = ap.parse_args(argv)
    texts = sample_texts()
    from editor.fonts.book import FontBook
    created, book = _timed(FontBook)
    print(f"FontBook(): {created * 1000:.1f} ms ({len(book.faces)} faces)")
    run("FontBook (real fonts, as the build)", book, texts, args.repeat)
    run("FixedMeasurer", FixedMeasurer(), texts, args.repeat)
    run("STSong-Light metrics (reportlab)", STSongMeasurer(), texts, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
