"""Print production files from a laid-out issue: PDF/X print file, booklet (layer: render).

The one place where the CLI (``build --pdfx``, ``booklet``) and the window (导出印刷PDF,
导出小册子PDF) turn a ``LaidOutIssue`` into the files that go to the print shop or to the
office printer:

- ``write_print_pdf``: the plain PDF (``editor.render.pdf.write_pdf``, optionally with
  bleed, crop marks and slug line), then, when PDF/X options are given, the PDF/X
  conversion (``editor.render.pdfx.make_pdfx``) into the same path;
- ``write_archival_pdf``: the archival PDF/A-2u file (``editor.render.pdfa``);
- ``write_booklet``: the trim-size PDF imposed in saddle-stitch order
  (``editor.render.impose.impose_booklet``); the padding blanks go before a back cover.

Intermediate files live in a temporary folder; the output is moved into place only when
it is complete, so a failed run never leaves half a file under the user's name.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from editor.render.impose import (BookletOptions, booklet_order, ends_with_back_cover,
                                  impose_booklet)
from editor.render.pdf import write_pdf
from editor.render.pdfa import PDFA_2U, PdfaOptions, make_pdfa
from editor.render.pdfx import PdfxOptions, make_pdfx

Progress = Callable[[str], None] | None


def _say(progress: Progress, message: str) -> None:
    if progress:
        progress(message)


def _replace(tmp: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(tmp), str(out))


def write_print_pdf(laid_out, out_path, fontbook, bleed: bool = False,
                    pdfx: PdfxOptions | None = None, progress: Progress = None) -> Path:
    """The print PDF at ``out_path``; a PDF/X file when ``pdfx`` is given."""
    out = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="gongbao-print-") as folder:
        plain = Path(folder) / "plain.pdf"
        write_pdf(laid_out, plain, fontbook, bleed=bleed, progress=progress)
        if pdfx is None:
            _replace(plain, out)
            return out
        if not pdfx.title:
            pdfx = PdfxOptions(**{**pdfx.__dict__, "title": laid_out.title})
        _say(progress, f"转换为 {pdfx.version}（CMYK 输出意图）")
        final = Path(folder) / "pdfx.pdf"
        make_pdfx(plain, final, pdfx)
        _replace(final, out)
    return out


def write_archival_pdf(laid_out, out_path, fontbook, progress: Progress = None) -> Path:
    """The archival PDF/A-2u file at ``out_path`` (no bleed, RGB, links kept)."""
    out = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="gongbao-pdfa-") as folder:
        plain = Path(folder) / "plain.pdf"
        write_pdf(laid_out, plain, fontbook, progress=progress, archival=True)
        _say(progress, f"转换为存档 {PDFA_2U}（sRGB 输出意图、XMP 元数据）")
        final = Path(folder) / "pdfa.pdf"
        for note in make_pdfa(plain, final, PdfaOptions(title=laid_out.title)):
            _say(progress, note)
        _replace(final, out)
    return out


def has_back_cover(laid_out) -> bool:
    """True when the issue's last page is a back cover (padding goes before it)."""
    return ends_with_back_cover(laid_out.pages)


def booklet_sides(laid_out, back_cover: bool | None = None):
    """Sheet sides in print order as (left, right) page indexes (None = blank)."""
    cover = has_back_cover(laid_out) if back_cover is None else back_cover
    return booklet_order(len(laid_out.pages), cover)


def pages_text(pages: int, total: int) -> str:
    """``68 页`` when nothing was padded, else ``66 页补足为 68 页``."""
    return f"{pages} 页" if pages == total else f"{pages} 页补足为 {total} 页"


def write_booklet(laid_out, out_path, fontbook, options: BookletOptions | None = None,
                  progress: Progress = None) -> int:
    """The saddle-stitch booklet PDF at ``out_path``; returns the number of sheet sides."""
    opts = options or BookletOptions(back_cover=has_back_cover(laid_out))
    out = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="gongbao-booklet-") as folder:
        plain = Path(folder) / "pages.pdf"
        write_pdf(laid_out, plain, fontbook, bleed=False, progress=progress)
        total = (len(laid_out.pages) + 3) // 4 * 4
        _say(progress, f"拼版：{pages_text(len(laid_out.pages), total)}，"
                       f"{total // 4} 张 {opts.sheet} 纸双面")
        final = Path(folder) / "booklet.pdf"
        sides = impose_booklet(plain, final, opts)
        _replace(final, out)
    return sides
