"""Benchmark: compose the whole sample issue's text (layer: bench).

Reads every paragraph and table-cell text of resources/samples/*.docx with python-docx,
composes each as a justified 16 pt paragraph (2 字 first indent) in a 442.2 pt measure
(GB/T 9704 版心), once cold and once more (every paragraph a cache hit), with
FixedMeasurer, reportlab's STSong-Light metrics and, when available, the real FontBook.  Prints figures; the goal is
< 0.3 s for the cold composition.

    python bench/bench_compose.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.fonts.measure import FixedMeasurer  # noqa: E402
from editor.layout import compose as cp  # noqa: E402
from editor.layout.flow import ParaFormat, Span  # noqa: E402

WIDTH = 442.2


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


def real_fontbook():
    try:
        from editor.fonts import default_fontbook
    except ImportError:
        return None
    try:
        return default_fontbook()
    except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
        print(f"  FontBook unavailable: {exc}")
        return None


class STSongMeasurer:
    """Metrics of reportlab's built-in CID font STSong-Light: a real font's widths while
    the FontBook is not available (no font file needed)."""

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


def run(name: str, measurer, texts: list[str]) -> None:
    fmt = ParaFormat(first_indent=32, line_pitch=28.99, punct="quanjiao")
    cp.clear_cache()
    paras = [[Span(t, size=16.0)] for t in texts]
    t0 = time.perf_counter()
    lines = [cp.compose(p, fmt, WIDTH, measurer) for p in paras]
    cold = time.perf_counter() - t0
    hits0 = cp.cache_stats["hits"]
    t0 = time.perf_counter()
    again = [cp.compose(p, fmt, WIDTH, measurer) for p in paras]
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_items = sum(len(ln.to_items(79.4, 100.0)) for ls in lines for ln in ls)
    items = time.perf_counter() - t0
    hits = all(a is b for a, b in zip(lines, again))
    n_chars = sum(len(t) for t in texts)
    n_lines = sum(len(ls) for ls in lines)
    print(f"{name}: {len(texts)} paragraphs, {n_chars} chars, {n_lines} lines")
    print(f"  compose (cold)       {cold * 1000:8.1f} ms   ({n_chars / cold / 1000:.0f} k chars/s)"
          f"   goal < 300 ms: {'OK' if cold < 0.3 else 'MISSED'}")
    print(f"  compose again        {warm * 1000:8.1f} ms   cache hits: {cp.cache_stats['hits'] - hits0}"
          f" / {len(paras)}  same objects: {hits}")
    print(f"  to_items (all lines) {items * 1000:8.1f} ms   {n_items} text items")


def main() -> int:
    texts = sample_texts()
    run("FixedMeasurer", FixedMeasurer(), texts)
    run("STSong-Light metrics (reportlab)", STSongMeasurer(), texts)
    book = real_fontbook()
    if book is not None:
        run("FontBook", book, texts)
    else:
        print("FontBook: editor.fonts.default_fontbook not available yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
