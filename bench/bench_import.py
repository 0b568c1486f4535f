"""Benchmark of the .docx import (prints figures; not a test).

Import time per sample (best of several runs, after one warm-up), the five samples in one
process, the whole wild corpus (refused files counted), and peak memory (tracemalloc and
the process's maximum resident set).  Goals: 02 sample < 0.3 s, five samples < 0.5 s,
wild corpus < 30 s with zero crashes.

    python bench/bench_import.py [--repeat N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.docx_import import DocxImportError, import_docx  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"
WILD = ROOT.parent / "shared" / "corpus" / "wild"


def _time(path: Path) -> float:
    start = time.perf_counter()
    import_docx(path)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    samples = sorted(SAMPLES.glob("*.docx"))
    cold_start = time.perf_counter()
    for path in samples:
        import_docx(path)
    cold = time.perf_counter() - cold_start
    print(f"五个样例首次导入（含模块加载后的首轮）：{cold:.3f} s")
    total_best = 0.0
    for path in samples:
        best = min(_time(path) for _ in range(args.repeat))
        total_best += best
        print(f"  {path.name[:40]:<40} {best * 1000:7.1f} ms")
    print(f"五个样例合计（各取最优）：{total_best:.3f} s")
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for path in samples:
            import_docx(path)
        runs.append(time.perf_counter() - start)
    print(f"五个样例一次连续导入：最优 {min(runs):.3f} s，平均 {sum(runs) / len(runs):.3f} s")

    if WILD.exists():
        files = sorted(WILD.glob("*.docx"))
        ok = refused = crashed = 0
        slowest = (0.0, "")
        start = time.perf_counter()
        for path in files:
            t0 = time.perf_counter()
            try:
                import_docx(path)
                ok += 1
            except DocxImportError:
                refused += 1
            except Exception as exc:          # noqa: BLE001 - counted and shown
                crashed += 1
                print(f"  崩溃 {path.name}: {exc!r}")
            slowest = max(slowest, (time.perf_counter() - t0, path.name))
        wall = time.perf_counter() - start
        print(f"野生语料 {len(files)} 个文件：{wall:.2f} s；导入 {ok}，拒绝 {refused}，崩溃 {crashed}；"
              f"最慢 {slowest[1]} {slowest[0]:.2f} s")

    tracemalloc.start()
    for path in samples:
        import_docx(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"五个样例导入的 Python 峰值内存（tracemalloc）：{peak / 1e6:.1f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"进程最大常驻内存（含语料）：{rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
