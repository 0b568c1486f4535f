"""Fuzz test (issue #24): a seeded generator mutates the samples and the wild corpus
(byte flips, truncation, a corrupted zip member, huge spans and grid offsets, numbering
starts, w:sym codes, deep nesting, DOCTYPE, picture extents, a huge PNG, 400-digit
numbers, nested text boxes) and proof PDFs (dates, Rect, QuadPoints, RD, Annots, IRT,
damaged maps, many annotations, flips, truncation).  Every case must import (into a
document the project file can store) or be refused with a plain Chinese message, in
bounded time, in this process.  A case that fails is kept under tests/regress/ (see
test_robust_bounds.py).  ``bench/bench_fuzz.py`` runs more cases with a fresh seed."""
from __future__ import annotations

import collections
import resource

import pytest

from conftest import SAMPLES, WILD
from fuzzgen import docx_mutations, pdf_mutations, run_case

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

SEED = 20261206
DOCX_CASES = 300
PDF_CASES = 60
LIMIT = 20.0            # seconds per case


def _sources():
    wild = sorted(p for p in WILD.glob("*.docx") if p.stat().st_size < 400_000) \
        if WILD.is_dir() else []
    return sorted(SAMPLES.glob("*.docx")) + wild


def test_mutated_inputs_import_or_are_refused_plainly():
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    failures, slowest = [], 0.0
    baseline = _reset_peak()
    cases = [("docx", fam, name, data) for fam, name, data in
             docx_mutations(_sources(), SEED, DOCX_CASES)]
    cases += [("pdf", fam, "proof.pdf", data) for fam, data in pdf_mutations(SEED, PDF_CASES)]
    for kind, family, name, data in cases:
        outcome, seconds, detail = run_case(kind, data, name, LIMIT)
        counts[family][outcome] += 1
        slowest = max(slowest, seconds)
        if outcome == "internal":
            failures.append(f"{family} {name}: {detail}")
    print("\n".join(f"{fam:12} {dict(c)}" for fam, c in counts.items()))
    peak_mb = _peak_mb() - baseline          # what the fuzz cases took on top
    print(f"cases {len(cases)}, slowest {slowest:.2f} s, peak RSS growth {peak_mb:.0f} MB")
    assert len(cases) >= DOCX_CASES + PDF_CASES
    assert not failures, "\n\n".join(failures[:5])
    assert slowest < LIMIT
    assert peak_mb < 1024


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith(field)) / 1024
    except (OSError, StopIteration):
        return None


def _reset_peak() -> float:
    """Start the peak-memory count afresh where Linux allows it (clear_refs 5) and return
    the memory already held (the tests before, in this process), which the peak then
    includes; elsewhere 0 and the process's whole peak counts."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        return 0.0
    return _status_mb("VmRSS:") or 0.0


def _peak_mb() -> float:
    peak = _status_mb("VmHWM:")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
