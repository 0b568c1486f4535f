"""Archive use cases for the window and the command line (layer: app, no Qt).

``add_issue`` lays an issue out exactly as ``build`` does, writes its archival PDF/A-2u
(``build --pdfa``: the print pages, fonts embedded with Unicode maps, sRGB output intent)
and stores the issue, its documents, its page texts and that PDF in the archive; ``search``,
``write_year_index`` and ``write_web`` wrap the archive for the two front ends, so each use
case is written once.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from editor.archive import Archive, Hit
from editor.app.loading import load_any_issue
from editor.archive.records import issue_record
from editor.errors import GazetteError

Progress = Callable[[str], None]


def _print_pdf(issue, template: str | None, progress: Progress | None):
    """(laid-out issue, archival PDF/A-2u bytes), made as ``build --pdfa`` makes them."""
    from editor.app.production import export_print_pdf
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "issue.pdf"
        laid_out = export_print_pdf(issue, out, template=template, progress=progress,
                                    pdfa=True)
        return laid_out, out.read_bytes()


def add_issue(archive_path: str | Path, source: str | Path, template: str | None = None,
              progress: Progress | None = None) -> tuple[str, bool, int]:
    """Add the issue in ``source`` (.gazette or issue.json) to the archive; returns
    (its label, whether it replaced an older copy, the number of documents)."""
    source = Path(source)
    issue = load_any_issue(source, progress)
    return archive_issue(archive_path, issue, str(source.resolve()), template, progress)


def archive_issue(archive_path: str | Path, issue, source: str = "",
                  template: str | None = None, progress: Progress | None = None
                  ) -> tuple[str, bool, int]:
    """Add an Issue already in memory (the window's open issue); see ``add_issue``."""
    meta = issue.meta
    if not meta.title.strip() or not (meta.total_number or meta.issue_label.strip()):
        raise GazetteError("这一期还没有刊名或期号（总第N期），归档后无法分辨、会与别的期相互覆盖；"
                           "请先在“属性”中填写刊名和总期数。")
    laid_out, pdf = _print_pdf(issue, template, progress)
    record = issue_record(issue, laid_out)
    if not record.documents:
        raise GazetteError("这一期没有可归档的文件。")
    with Archive(archive_path) as archive:
        replaced = archive.add(record, pdf, source)
    return record.label or record.key, replaced, len(record.documents)


def search(archive_path: str | Path, query: str, **filters) -> list[Hit]:
    with Archive(archive_path, create=False) as archive:
        return archive.search(query, **filters)


def year_index_pdf(archive: Archive, year: int, out: Path, template: str | None = None,
                   progress: Progress | None = None, pdfa: bool = False):
    """The year's 总目次 PDF at ``out`` (``pdfa``: as PDF/A-2u, for the electronic edition)."""
    from editor.archive.year_index import layout_year_index
    from editor.fonts import default_fontbook
    from editor.render.pdf import write_pdf
    from editor.render.production import write_archival_pdf
    book = default_fontbook()
    laid_out = layout_year_index(archive, year, book, template)
    if pdfa:
        write_archival_pdf(laid_out, out, book, progress=progress)
    else:
        write_pdf(laid_out, out, book, progress=progress)
    return laid_out


def write_year_index(archive_path: str | Path, year: int, out: str | Path,
                     template: str | None = None, progress: Progress | None = None,
                     force: bool = False) -> int:
    """Write the 年度总目次 PDF; returns its page count.  ``out`` is never the archive or
    a project, and another existing file only with ``force`` (editor.app.outputs)."""
    from editor.app.outputs import check_output
    from editor.app.production import writing
    out = check_output(out, [archive_path], force=force)
    with Archive(archive_path, create=False) as archive, writing(out):
        return len(year_index_pdf(archive, year, out, template, progress).pages)


def write_web(archive_path: str | Path, out_dir: str | Path, template: str | None = None,
              progress: Progress | None = None, force: bool = False) -> list[Path]:
    """Write the electronic edition (with each year's 总目次 PDF); returns its HTML pages.
    A folder holding anything but an edition written here is refused unless ``force``."""
    from editor.archive.web import site_folder_problem, write_site
    problem = site_folder_problem(out_dir)
    if problem is not None and (not force or Path(out_dir).is_file()):
        raise GazetteError(f"{problem}；请选一个空文件夹" + ("" if Path(out_dir).is_file()
                                                            else "，或加 --force 仍写入"))
    with Archive(archive_path, create=False) as archive:
        indexes = {}
        with tempfile.TemporaryDirectory() as folder:
            for year in archive.years():
                if progress:
                    progress(f"{year}年总目次")
                out = Path(folder) / f"{year}.pdf"
                year_index_pdf(archive, year, out, template, pdfa=True)
                indexes[year] = out.read_bytes()
        if progress:
            progress("写出网页")
        return write_site(archive, out_dir, indexes)
