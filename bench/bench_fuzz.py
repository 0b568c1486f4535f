"""Fuzz benchmark of damaged inputs (prints figures; not a test).

Mutates the samples and the wild corpus (.docx) and small proof PDFs with a seed (a new
one each run unless given; see tests/fuzzgen.py for the families), imports every case in
this process and prints, per family, how many imported, were refused plainly, or failed
(an unforeseen exception or a run over the time bound), with the slowest case and the
peak resident memory.  Failing cases are written to ``--keep`` for tests/regress/.
Goals (issue #24): 0 internal errors, 0 runs over 20 s, peak memory < 1 GB.

    python bench/bench_fuzz.py [--seed N] [--docx 600] [--pdf 100] [--keep DIR]
"""
from __future__ import annotations

import argparse
import collections
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import SAMPLES, WILD  # noqa: E402
from fuzzgen import docx_mutations, pdf_mutations, run_case  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--docx", type=int, default=600)
    parser.add_argument("--pdf", type=int, default=100)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per case")
    parser.add_argument("--keep", type=Path, default=None, help="folder for failing cases")
    args = parser.parse_args()
    sources = sorted(SAMPLES.glob("*.docx"))
    if WILD.is_dir():
        sources += sorted(p for p in WILD.glob("*.docx") if p.stat().st_size < 1_500_000)
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    slowest = (0.0, "")
    failures = []
    start = time.perf_counter()
    cases = ((("docx", fam, name, data) for fam, name, data in
              docx_mutations(sources, args.seed, args.docx)))
    pdfs = (("pdf", fam, "proof.pdf", data) for fam, data in pdf_mutations(args.seed, args.pdf))
    for n, (kind, family, name, data) in enumerate([*cases, *pdfs]):
        outcome, seconds, detail = run_case(kind, data, name, args.limit)
        counts[family][outcome] += 1
        if seconds > slowest[0]:
            slowest = (seconds, f"{family} {name}")
        if outcome == "internal":
            failures.append((family, name, detail))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{n:04d}-{family}.{kind}").write_bytes(data)
    total = sum(sum(c.values()) for c in counts.values())
    print(f"seed {args.seed}: {total} cases in {time.perf_counter() - start:.1f} s")
    print(f"{'family':14}{'import':>8}{'refused':>9}{'internal':>10}")
    for family, c in counts.items():
        print(f"{family:14}{c['import']:8}{c['refused']:9}{c['internal']:10}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"internal errors {len(failures)}; slowest {slowest[0]:.2f} s ({slowest[1]}); "
          f"peak RSS {peak:.0f} MB")
    for family, name, detail in failures[:5]:
        print(f"--- {family} {name}\n{detail}")
    return 1 if failures or slowest[0] > args.limit or peak > 1024 else 0


if __name__ == "__main__":
    sys.exit(main())
