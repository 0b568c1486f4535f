"""Benchmark: the font step of a build for the sample issue (layer: bench).

Lays the bundled sample issue out once to get the characters drawn per face, then times,
each in a fresh process with its own font cache folder:
  cold  — empty cache: discovery, metrics, CFF → TrueType conversion (progress shown),
          registration with reportlab;
  warm  — cache filled (a later build on the same machine), twice;
and, inside one process, a repeated build (hot).  Prints figures; the goal is warm < 0.1 s.

    python bench/bench_fonts.py [--keep CACHE_DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_chars(path: Path) -> None:
    """Write {face: chars} of the laid-out sample issue to ``path``."""
    from editor.fonts import default_fontbook
    from editor.issue_json import load_issue
    from editor.layout.paginate import layout_issue
    from editor.render.pdf import chars_by_face
    from editor.resources import sample_issue_path
    book = default_fontbook()
    laid_out = layout_issue(load_issue(sample_issue_path()), None, measurer=book)
    data = {face: "".join(sorted(chars)) for face, chars in chars_by_face(laid_out).items()}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def phase(chars_file: Path, label: str) -> None:
    """One font step in this process: FontBook creation and register_reportlab."""
    started = time.perf_counter()
    from editor.fonts import FontBook
    imported = time.perf_counter()
    data = json.loads(chars_file.read_text(encoding="utf-8"))
    book = FontBook()
    for chars in data.values():          # measuring loads the metrics of the faces used
        for ch in chars:
            book.face_for(ch, "song")
    made = time.perf_counter()
    progress = (lambda msg: print(f"    {msg}", flush=True)) if label == "cold" else None
    book.register_reportlab({face: set(chars) for face, chars in data.items()}, progress)
    step = time.perf_counter() - made
    again = time.perf_counter()
    book.register_reportlab({face: set(chars) for face, chars in data.items()})
    hot = time.perf_counter() - again
    print(f"  {label:5s} import {imported - started:6.3f} s   FontBook+metrics {made - imported:6.3f} s   "
          f"font step (prepare+register) {step:7.3f} s   repeated in-process {hot:6.4f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--chars", help=argparse.SUPPRESS)
    parser.add_argument("--keep", help="use (and keep) this cache folder instead of a temporary one")
    args = parser.parse_args()
    if args.phase:
        phase(Path(args.chars), args.phase)
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-fonts-"))
    cache = Path(args.keep) if args.keep else work / "cache"
    chars_file = work / "chars.json"
    sample_chars(chars_file)
    data = json.loads(chars_file.read_text(encoding="utf-8"))
    print("sample issue: " + ", ".join(f"{face} {len(chars)} chars" for face, chars in data.items()))
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, GONGBAO_CACHE_DIR=str(cache))
    for label in ("cold", "warm", "warm"):
        subprocess.run([sys.executable, __file__, "--phase", label, "--chars", str(chars_file)],
                       env=env, check=True)
    size = sum(p.stat().st_size for p in (cache / "fonts").glob("*") if p.is_file())
    print(f"font cache: {cache / 'fonts'} ({size / 1e6:.1f} MB)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
