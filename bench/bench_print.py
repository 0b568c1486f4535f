"""Benchmark: print production of the sample issue (总第32期) (layer: bench).

Prints figures, asserts nothing.  From one layout of the sample issue (warm, in process):
- the plain PDF, the bleed PDF, PDF/X-4 and PDF/X-1a with bleed, the A3 and A4
  booklets: seconds (best of N) and file size;
- page and sheet counts; ``qpdf --check`` verdict of each file when qpdf is installed;
- printing every page to a QPrinter in PDF mode (QPainter at 1200 dpi), when PySide6 is
  available (offscreen platform).

Usage: python bench/bench_print.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def _qpdf(path: Path) -> str:
    if not shutil.which("qpdf"):
        return "（未安装 qpdf）"
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    last = (done.stdout.strip().splitlines() or [""])[-1]
    ok = done.returncode == 0 and "No syntax or stream encoding errors" in done.stdout
    return "clean" if ok else f"exit {done.returncode}: {last}"


def _pages(path: Path) -> int:
    import pikepdf
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _qt_print(laid_out, fontbook, out: Path) -> float | None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtPrintSupport import QPrinter

        from editor.ui.app import make_application
        from editor.ui.painter import FaceFonts, PagePainter
        from editor.ui.printing import print_pages
    except ImportError:
        return None
    make_application([])
    painter = PagePainter(FaceFonts(fontbook))

    def once():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        print_pages(printer, laid_out.pages, painter)
    return _best(once, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from editor.fonts import default_fontbook
    from editor.issue_json import load_issue
    from editor.layout.paginate import layout_issue
    from editor.render.impose import BookletOptions
    from editor.render.pdf import write_pdf
    from editor.render.pdfx import PdfxOptions
    from editor.render.production import write_booklet, write_print_pdf
    from editor.resources import sample_issue_path

    fontbook = default_fontbook()
    laid_out = layout_issue(load_issue(sample_issue_path()), None, measurer=fontbook)
    folder = Path(tempfile.mkdtemp(prefix="bench-print-"))
    jobs = {
        "plain PDF": lambda p: write_pdf(laid_out, p, fontbook),
        "bleed PDF": lambda p: write_pdf(laid_out, p, fontbook, bleed=True),
        "PDF/X-4 + bleed": lambda p: write_print_pdf(laid_out, p, fontbook, bleed=True,
                                                     pdfx=PdfxOptions()),
        "PDF/X-1a + bleed": lambda p: write_print_pdf(
            laid_out, p, fontbook, bleed=True, pdfx=PdfxOptions(version="PDF/X-1a:2001")),
        "booklet A3": lambda p: write_booklet(laid_out, p, fontbook, BookletOptions("A3")),
        "booklet A4 (A5)": lambda p: write_booklet(laid_out, p, fontbook,
                                                   BookletOptions("A4", creep_mm=1.0)),
    }
    print(f"sample issue: {len(laid_out.pages)} pages; best of {args.runs} runs")
    print(f"{'file':<18}{'seconds':>9}{'KiB':>9}{'pages':>7}  qpdf --check")
    for n, (name, job) in enumerate(jobs.items()):
        out = folder / f"{n}.pdf"
        seconds = _best(lambda: job(out), args.runs)
        print(f"{name:<18}{seconds:>9.3f}{out.stat().st_size / 1024:>9.0f}"
              f"{_pages(out):>7}  {_qpdf(out)}")
    qt = _qt_print(laid_out, fontbook, folder / "qt.pdf")
    if qt is None:
        print("Qt printing: PySide6 not available")
    else:
        print(f"Qt printing of {len(laid_out.pages)} pages to a PDF QPrinter (1200 dpi): "
              f"{qt:.3f} s, {_pages(folder / 'qt.pdf')} pages")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
