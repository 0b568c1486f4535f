"""Laying an issue out and writing the files that go to print: the use cases the window
and the command line share (layer: app, no Qt).

    lay_out(issue)                      → LaidOutIssue (with this machine's fonts)
    export_print_pdf(issue, out, …)     → the print PDF: plain, with bleed, or PDF/X;
                                          or the archival PDF/A-2u (``pdfa=True``)
    export_booklet(issue, out, …)       → the saddle-stitch booklet PDF
    build_file / booklet_file           → the same from a file name (issue.json, *.gazette,
                                          or the bundled sample), output checked first

Each long one takes a ``progress`` callable (one Chinese line per stage).  The output is
checked by ``editor.app.outputs`` (never an input or a project; another existing file
only with ``force``) and a file that an error left half written is removed.  ``python
main.py build`` / ``booklet`` and the window's 导出印刷PDF / 导出小册子PDF call these; the
proof round is in ``editor.app.proofs``, the checks in ``editor.app.checks``.

``LAYOUT_LOCK`` serialises layouts: the window's preview worker and an export share the
process-wide layout cache.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from editor.app.loading import load_any_issue
from editor.app.outputs import check_output, issue_inputs, written
from editor.errors import GazetteError

Progress = Callable[[str], None] | None
LAYOUT_LOCK = threading.Lock()
PDFX_4 = "PDF/X-4"
PDFX_1A = "PDF/X-1a:2001"


def say(progress: Progress, message: str) -> None:
    if progress:
        progress(message)


def fontbook():
    """The FontBook of this machine (what the pages are measured and drawn with)."""
    from editor.fonts import default_fontbook
    return default_fontbook()


def lay_out(issue, template=None, progress: Progress = None, measurer=None):
    """Lay ``issue`` out in ``template`` (default: the issue's own) with this machine's
    fonts; returns the ``LaidOutIssue``."""
    from editor.layout.paginate import layout_issue
    if measurer is None:
        measurer = fontbook()
    with LAYOUT_LOCK:
        return layout_issue(issue, template, measurer=measurer, progress=progress)


def template_of(issue, template=None):
    """The Template ``issue`` is laid out in (``template``: a name, path or Template)."""
    from editor.layout.paginate import resolve_template
    return resolve_template(issue, template)


def pdfx_options(version: str = PDFX_4, icc: str | None = None,
                 registration_marks: bool = False):
    """The PDF/X options of a print file: ``version`` PDF/X-4 or PDF/X-1a, the print
    shop's CMYK profile ``icc`` (None: the generic one), registration marks."""
    from editor.render.pdfx import PdfxOptions
    if icc and not Path(icc).is_file():
        raise GazetteError(f"找不到 ICC 特性文件：{icc}")
    return PdfxOptions(version=version, icc_path=icc or None,
                       registration_marks=registration_marks)


@contextmanager
def writing(out: Path):
    """Around writing ``out``: a half-written new file is removed, and a file another
    program holds open is said in Chinese."""
    try:
        with written(out):
            yield out
    except PermissionError as exc:
        raise GazetteError(f"无法写入 {out}（文件可能正被其他程序打开）", str(exc),
                           str(out)) from exc


def check_pdfa(pdfa: bool, bleed: bool = False, pdfx=None) -> None:
    """PDF/A-2u is the archive's file, kept apart from the print shop's: refused with
    bleed (crop marks and slug outside the page) or PDF/X (CMYK output intent)."""
    if pdfa and pdfx is not None:
        raise GazetteError("存档 PDF（PDF/A-2u）与印刷 PDF/X 不能同时输出：PDF/A 用 sRGB 输出意图、"
                           "PDF/X 用印刷 CMYK 输出意图；请分两次导出")
    if pdfa and bleed:
        raise GazetteError("存档 PDF（PDF/A-2u）不加出血和裁切线：请去掉 --bleed，"
                           "出血版请另行导出印刷 PDF")


def export_print_pdf(issue, out, *, template=None, bleed: bool = False, pdfx=None,
                     progress: Progress = None, laid_out=None, pdfa: bool = False):
    """Lay ``issue`` out (unless ``laid_out`` is given) and write the print PDF at ``out``
    (``bleed``: 3 mm bleed with crop marks; ``pdfx``: a PDF/X file; ``pdfa``: the archival
    PDF/A-2u file instead); returns the ``LaidOutIssue``.  The caller has checked ``out``
    (``target`` / ``check_output``)."""
    check_pdfa(pdfa, bleed, pdfx)
    book = fontbook()
    if laid_out is None:
        laid_out = lay_out(issue, template, progress, book)
    say(progress, f"写出 PDF（{len(laid_out.pages)} 页）")
    with writing(Path(out)):
        if pdfa:
            from editor.render.production import write_archival_pdf
            write_archival_pdf(laid_out, out, book, progress=progress)
        elif pdfx is None:
            from editor.render.pdf import write_pdf
            write_pdf(laid_out, out, book, bleed=bleed, progress=progress)
        else:
            from editor.render.production import write_print_pdf
            write_print_pdf(laid_out, out, book, bleed=bleed, pdfx=pdfx, progress=progress)
    return laid_out


@dataclass
class Booklet:
    laid_out: object               # the LaidOutIssue imposed
    sides: int                     # sheet sides printed (two pages each)

    @property
    def pages(self) -> int:
        """Pages after padding to a multiple of 4."""
        return self.sides * 2


def export_booklet(issue, out, *, sheet: str = "A3", creep_mm: float = 0.0,
                   back_cover: bool = False, template=None,
                   progress: Progress = None) -> Booklet:
    """Lay ``issue`` out and write the saddle-stitch booklet at ``out`` on ``sheet`` (A3:
    A4 pages at full size; A4: A5-reduced proofs); the padding blanks go before the back
    cover (``back_cover``, or the issue's last page is one)."""
    from editor.render.impose import BookletOptions
    from editor.render.production import has_back_cover, write_booklet
    if not 0 <= creep_mm <= 5:
        raise GazetteError("爬移补偿应在 0～5 毫米之间")
    book = fontbook()
    laid_out = lay_out(issue, template, progress, book)
    if not laid_out.pages:
        raise GazetteError("这一期没有页面，无法拼小册子")
    options = BookletOptions(sheet=sheet, creep_mm=creep_mm,
                             back_cover=back_cover or has_back_cover(laid_out))
    with writing(Path(out)):
        sides = write_booklet(laid_out, out, book, options, progress=progress)
    return Booklet(laid_out, sides)


def booklet_pages_text(booklet: Booklet) -> str:
    """``68 页`` when nothing was padded, else ``66 页补足为 68 页``."""
    from editor.render.production import pages_text
    return pages_text(len(booklet.laid_out.pages), booklet.pages)


# -- from a file name (the command line) -------------------------------------------------------

def source_path(source: str | Path | None) -> Path:
    """The issue file the user named, or the bundled sample issue."""
    from editor.resources import sample_issue_path
    return Path(source) if source else sample_issue_path()


def target(out: str | Path, default_name: str, inputs: Iterable, force: bool = False) -> Path:
    """``out`` as a checked Path (a folder gets ``default_name`` inside it): never an input
    or a project, another existing file only with ``force`` (editor.app.outputs)."""
    out = Path(out)
    if out.is_dir():
        out = out / default_name
    return check_output(out, inputs, force=force)


def open_for_output(source, out, default_name: str, force: bool = False, extra_inputs=(),
                    progress: Progress = None):
    """(issue file, checked output) before any work: the output is refused over the issue
    file, the files it lists and ``extra_inputs``."""
    path = source_path(source)
    return path, target(out, default_name, issue_inputs(path) + list(extra_inputs), force)


def read_issue(path: Path, progress: Progress = None):
    say(progress, f"读取整期：{path}")
    return load_any_issue(path, progress)


@dataclass
class Built:
    out: Path
    issue: object
    laid_out: object
    report: object                 # the 印前检查 Report of the pages


def build_file(source, out, *, template=None, bleed: bool = False, pdfx=None,
               force: bool = False, progress: Progress = None, pdfa: bool = False) -> Built:
    """``python main.py build``: the issue in ``source`` (default: the sample) as a print
    PDF at ``out`` (``pdfa``: the archival PDF/A-2u), with its 印前检查 report."""
    from editor.app.checks import ignored_in, preflight_pages
    check_pdfa(pdfa, bleed, pdfx)
    path = source_path(source)
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    path, out = open_for_output(path, out, "公报.pdf", force)
    issue = read_issue(path, progress)
    laid_out = export_print_pdf(issue, out, template=template, bleed=bleed, pdfx=pdfx,
                                progress=progress, pdfa=pdfa)
    report = preflight_pages(issue, laid_out, template, ignored_in(path))
    return Built(out, issue, laid_out, report)


def booklet_file(source, out, *, sheet: str = "A3", creep_mm: float = 0.0,
                 back_cover: bool = False, template=None, force: bool = False,
                 progress: Progress = None) -> tuple[Path, Booklet]:
    """``python main.py booklet``: the issue in ``source`` as a booklet PDF at ``out``."""
    if not 0 <= creep_mm <= 5:
        raise GazetteError("爬移补偿应在 0～5 毫米之间")
    path, out = open_for_output(source, out, "小册子.pdf", force)
    issue = read_issue(path, progress)
    return out, export_booklet(issue, out, sheet=sheet, creep_mm=creep_mm,
                               back_cover=back_cover, template=template, progress=progress)
