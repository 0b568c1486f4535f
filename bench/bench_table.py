"""Benchmark: lay out the 93-row 营商环境 attachment table over all its pages (layer: bench).

Imports resources/samples/02_… with editor.docx_import, then places the table's
TableFlowable page after page in a 442.2 × 637.8 pt frame (GB/T 9704 版心) with a fresh
flowable and an emptied composition cache each round (cold: column sizing, composition of
every cell, splitting) and once more with the cache warm.  Measurer: the real FontBook
(``editor.fonts.default_fontbook``) when available, else reportlab's STSong-Light widths.
Prints figures; the goal is < 0.3 s cold.

    python bench/bench_table.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from editor import model  # noqa: E402
from editor.docx_import import import_docx  # noqa: E402
from editor.layout import compose as cp  # noqa: E402
from editor.layout.flow import Frame  # noqa: E402
from editor.layout.table import TableFlowable, TableStyle  # noqa: E402

FRAME = Frame(87.9, 102.0, 442.2, 637.8)


def measurer():
    try:
        from editor.fonts import default_fontbook
        return default_fontbook(), "FontBook"
    except (ImportError, Exception) as exc:       # fonts not installed on this machine
        from tablecheck import STSongMeasurer
        return STSongMeasurer(), f"STSong-Light (FontBook unavailable: {exc})"


def lay_out(table: model.Table, doc_id: str, m) -> int:
    cur, pages = TableFlowable(table, TableStyle(), m, doc_id), 0
    while cur is not None:
        cur = cur.place(FRAME, FRAME.y, True).rest
        pages += 1
    return pages


def main() -> None:
    path = next((ROOT / "resources" / "samples").glob("02_*.docx"))
    doc = import_docx(path).document
    table = next(b for b in doc.all_blocks() if isinstance(b, model.Table))
    m, name = measurer()
    cold = []
    for _ in range(5):
        cp.clear_cache()
        t0 = time.perf_counter()
        pages = lay_out(table, doc.id, m)
        cold.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    lay_out(table, doc.id, m)
    warm = time.perf_counter() - t0
    print(f"measurer: {name}")
    print(f"table: {len(table.rows)} rows, {pages} pages")
    print(f"cold layout: median {statistics.median(cold):.3f} s, max {max(cold):.3f} s "
          f"(goal < 0.3 s)")
    print(f"warm layout (composition cached): {warm:.3f} s")


if __name__ == "__main__":
    main()
