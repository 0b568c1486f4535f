"""Benchmark: building the sample issue (总第32期) into the print PDF (layer: bench).

Prints figures, asserts nothing:
- cold build: ``python main.py build`` in a fresh process (import, docx import, fonts,
  layout, PDF), best and median of N runs — wall time, and CPU time (user + sys), which
  a busy shared machine disturbs less —, once with bytecode cached as an installed Python
  has it and once compiling every module from source, and the children's peak memory
  (max RSS);
- in process: a warm full build, then a rebuild after moving one document to another
  place — layout alone (the layout cache makes it a renumbering) and PDF writing,
  reported separately — and the layout cache's hits and misses.

Reference points from the issue: Typst builds the same seed issue in 0.41 s; goal
≤ 1.0 s cold, ≤ 0.05 s for the layout after a move.

Usage: python bench/bench_build.py [--runs N] [--template NAME]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cold_builds(runs: int, template: str | None, bytecode: bool = True) -> dict:
    """Wall and CPU (user + sys) seconds of ``runs`` fresh ``main.py build`` processes,
    and the largest peak RSS among them (MB).  ``bytecode``: the children read and write
    ``__pycache__`` as an installed Python does (one warm-up run first); otherwise every
    module is compiled from source in every run (PYTHONDONTWRITEBYTECODE=1)."""
    walls, cpus = [], []
    out = Path(tempfile.mkdtemp()) / "bench.pdf"
    cmd = [sys.executable, str(ROOT / "main.py"), "build", "-o", str(out), "--force"]
    if template:
        cmd += ["--template", template]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(cmd, cwd=ROOT, capture_output=True, env=env)     # writes the .pyc
    else:       # an empty cache prefix: existing __pycache__ folders are not read either
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp()
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            raise SystemExit(f"build failed with exit code {proc.returncode}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"wall": walls, "cpu": cpus, "peak_mb": peak_kb / 1024}


def in_process(template: str | None, runs: int) -> dict:
    from editor.fonts import default_fontbook
    from editor.issue_json import load_issue
    from editor.layout.cache import LayoutCache
    from editor.layout.paginate import layout_issue
    from editor.render.pdf import write_pdf
    from editor.resources import sample_issue_path

    t0 = time.perf_counter()
    issue = load_issue(sample_issue_path())
    t_import = time.perf_counter() - t0
    fontbook = default_fontbook()
    cache = LayoutCache()
    out = Path(tempfile.mkdtemp()) / "bench.pdf"
    t0 = time.perf_counter()
    laid = layout_issue(issue, template, fontbook, cache)
    t_layout = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_pdf(laid, out, fontbook)
    t_pdf = time.perf_counter() - t0
    moves_layout, moves_pdf = [], []
    docs = issue.sections[0].documents
    misses = cache.misses
    for _ in range(runs):
        docs.append(docs.pop(0))                     # move the first document to the end
        t0 = time.perf_counter()
        laid = layout_issue(issue, template, fontbook, cache)
        moves_layout.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        write_pdf(laid, out, fontbook)
        moves_pdf.append(time.perf_counter() - t0)
    return {"import": t_import, "layout": t_layout, "pdf": t_pdf,
            "pages": len(laid.pages), "move_layout": moves_layout, "move_pdf": moves_pdf,
            "relaid_after_moves": cache.misses - misses, "size": out.stat().st_size}


def _loop_seconds() -> float:
    """Best of three runs of a fixed pure-Python loop: how fast this machine runs Python
    right now, so that build times measured on different machines can be compared."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--template", default=None)
    args = ap.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    load = os.getloadavg()[0]
    print(f"machine load average before: {load:.2f} on {os.cpu_count()} cores "
          "(wall times are only meaningful on an idle machine)")
    print(f"machine speed: a pure-Python loop of 10^7 additions takes {_loop_seconds():.2f} s "
          "(compare figures from different machines through it)")
    for bytecode, label in ((True, "bytecode cached"), (False, "no bytecode cache")):
        cold = cold_builds(args.runs, args.template, bytecode)
        wall, cpu = cold["wall"], cold["cpu"]
        print(f"cold build, fresh process, {label} ({args.runs} runs): wall best "
              f"{min(wall):.3f} s, median {statistics.median(wall):.3f} s; CPU (user+sys) "
              f"best {min(cpu):.3f} s, median {statistics.median(cpu):.3f} s")
    print(f"peak memory of a build process (max RSS): {cold['peak_mb']:.0f} MB")
    r = in_process(args.template, args.runs)
    print(f"in process, first build: docx import {r['import']:.3f} s, layout "
          f"{r['layout']:.3f} s, PDF {r['pdf']:.3f} s; {r['pages']} pages, "
          f"{r['size'] / 1024:.0f} KiB")
    print(f"rebuild after moving one document: layout best {min(r['move_layout']) * 1000:.1f} ms "
          f"(median {statistics.median(r['move_layout']) * 1000:.1f} ms), PDF best "
          f"{min(r['move_pdf']):.3f} s; documents laid out again: {r['relaid_after_moves']}")
    print("reference: Typst 0.41 s for the same issue; goals: cold ≤ 1.0 s, move ≤ 0.05 s")


if __name__ == "__main__":
    main()
