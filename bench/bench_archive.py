"""Benchmark of the gazette archive (layer: bench): adding an issue (layout, print PDF,
records), searching an archive of 50 issues (goal: < 50 ms per query, for trigram
queries and 2-character ones), and building a year's 总目次.  Prints
figures; run ``python bench/bench_archive.py``."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.app import archive as use  # noqa: E402
from editor.archive import Archive  # noqa: E402
from editor.archive.records import issue_record  # noqa: E402
from editor.issue_json import load_issue  # noqa: E402

QUERIES = ["营商环境", "东政办〔2025〕2号", "文物保护单位", "审批", "区行政审批局 一网通办",
           "高校毕业生", "创业", "不存在的词语组合"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.gazette-archive"
        sample = ROOT / "resources" / "samples" / "issue.json"
        t = time.perf_counter()
        use.add_issue(path, sample)
        print(f"add one issue (load, lay out, print PDF, store): {time.perf_counter() - t:.2f} s")
        issue = load_issue(sample)
        laid_out, pdf = use._print_pdf(issue, None, None)
        record = issue_record(issue, laid_out)
        t = time.perf_counter()
        with Archive(path) as archive:
            for n in range(1, 50):           # 49 more issues: the sample, renumbered
                record.key = f"{record.gazette}|{32 + n}"
                record.total_number, record.label = 32 + n, f"总第{32 + n}期"
                record.year = 2025 + n // 2
                archive.add(record, pdf)
        print(f"store 49 more issues: {time.perf_counter() - t:.2f} s "
              f"({path.stat().st_size / 1e6:.0f} MB with their PDFs)")
        with Archive(path) as archive:
            for query in QUERIES:
                times, hits = [], []
                for _ in range(5):
                    t = time.perf_counter()
                    hits = archive.search(query)
                    times.append(time.perf_counter() - t)
                kind = "character index" if any(len(w) < 3 for w in query.split()) else "trigram"
                print(f"search {query!r} ({kind}) over 50 issues: {len(hits)} hits, median "
                      f"{statistics.median(times) * 1000:.1f} ms")
            t = time.perf_counter()
            out = Path(tmp) / "index.pdf"
            pages = len(use.year_index_pdf(archive, 2026, out).pages)
            print(f"year index (2026, {len(archive.issues(2026))} issues): {pages} pages in "
                  f"{time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
