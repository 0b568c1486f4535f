"""Printing from the window: page items → a QPrinter, as pages or as a booklet (layer: ui).

Nothing is rasterised: each page's items are painted with ``PagePainter`` (the same code
as the preview) on the printer's QPainter, scaled from points to the printer's
resolution.  ``print_pages`` prints the issue page by page (page ranges and copies from
the print dialog); ``print_booklet`` prints saddle-stitch sheet sides — two pages side by
side on a landscape A3 (A4 pages at full size) or A4 sheet (A5-reduced proof), placed by
``editor.render.impose.booklet_plan`` (the same plan the booklet PDF uses), for a duplex
printer flipping on the short edge.  The dialogs (打印, 打印预览, 打印小册子, 导出小册子PDF) are the functions taking
the main window at the end of the module.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from editor.render.impose import BookletOptions, booklet_plan, ends_with_back_cover
from editor.ui.painter import PagePainter

SHEETS = {"A3": QPageSize.PageSizeId.A3, "A4": QPageSize.PageSizeId.A4}


def _portrait_size(page) -> QSizeF:
    return QSizeF(page.height, page.width) if page.landscape else QSizeF(page.width, page.height)


def _paint_page(p: QPainter, page, pages_painter: PagePainter, device_scale: float) -> None:
    """Paint one page in the painter's current coordinates (points, sheet top-left)."""
    p.save()
    if page.landscape:          # turned with its head toward the binding, as in the PDF
        p.translate(0, page.width)
        p.rotate(-90)
    p.setClipRect(QRectF(0, 0, page.width, page.height))
    pages_painter.paint(p, page, device_scale)
    p.restore()


def _begin(printer: QPrinter, layout: QPageLayout) -> QPainter:
    printer.setFullPage(True)
    printer.setPageLayout(layout)
    p = QPainter()
    if not p.begin(printer):
        raise OSError("无法开始打印（打印机不可用）")
    return p


def _copies(printer: QPrinter) -> int:
    """Copies the program must make itself (the driver makes them when it can)."""
    return 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())


def selected_pages(printer: QPrinter, count: int) -> list[int]:
    """The 0-based page indexes the print dialog asked for (all, or its page ranges)."""
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return list(range(count))
    ranges = printer.pageRanges()
    wanted: list[int] = []
    if not ranges.isEmpty():
        for r in ranges.toRangeList():
            wanted.extend(range(r.from_ - 1, r.to))
    else:
        wanted = list(range(printer.fromPage() - 1, printer.toPage()))
    return [i for i in wanted if 0 <= i < count]


def print_pages(printer: QPrinter, pages, pages_painter: PagePainter,
                first: int = 0, last: int | None = None,
                indexes: list[int] | None = None) -> int:
    """Paint the pages (``indexes``, else ``first..last``) on ``printer``; pages printed."""
    if indexes is None:
        last = len(pages) - 1 if last is None else min(last, len(pages) - 1)
        indexes = list(range(max(first, 0), last + 1))
    if not pages or not indexes:
        return 0
    layout = QPageLayout(QPageSize(_portrait_size(pages[indexes[0]]), QPageSize.Unit.Point),
                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    p = _begin(printer, layout)
    try:
        scale = printer.resolution() / 72.0
        jobs = [i for _ in range(_copies(printer)) for i in indexes]
        for n, index in enumerate(jobs):
            if n:
                printer.newPage()
            p.save()
            p.scale(scale, scale)
            _paint_page(p, pages[index], pages_painter, scale)
            p.restore()
    finally:
        p.end()
    return len(jobs)


def booklet_layout(sheet: str = "A3") -> QPageLayout:
    return QPageLayout(QPageSize(SHEETS[sheet]), QPageLayout.Orientation.Landscape,
                       QMarginsF(0, 0, 0, 0))


def prepare_booklet_printer(printer: QPrinter, sheet: str = "A3") -> None:
    """Landscape sheet, duplex flipping on the short edge: what a booklet needs."""
    printer.setPageLayout(booklet_layout(sheet))
    printer.setDuplex(QPrinter.DuplexMode.DuplexShortSide)


def print_booklet(printer: QPrinter, pages, pages_painter: PagePainter, sheet: str = "A3",
                  back_cover: bool = False, creep_mm: float = 0.0) -> int:
    """Paint the saddle-stitch sheet sides on ``printer``; returns the sides printed."""
    if not pages:
        return 0
    options = BookletOptions(sheet=sheet, creep_mm=creep_mm, back_cover=back_cover)
    plan = booklet_plan([(s.width(), s.height()) for s in map(_portrait_size, pages)], options)
    p = _begin(printer, booklet_layout(sheet))
    try:
        dpi_scale = printer.resolution() / 72.0
        for n, places in enumerate(plan):
            if n:
                printer.newPage()
            for place in places:
                p.save()
                p.scale(dpi_scale, dpi_scale)
                p.translate(place.x, place.y)
                p.scale(place.scale, place.scale)
                _paint_page(p, pages[place.index], pages_painter, dpi_scale * place.scale)
                p.restore()
    finally:
        p.end()
    return len(plan)


# --- the window's dialogs ----------------------------------------------------------------

BOOKLET_CHOICES = {"A3 纸（A4 页原大，交装订）": "A3", "A4 纸（缩成 A5，内部校样）": "A4"}
BOOKLET_HINT = "双面打印，选“短边翻转”；整叠对折后在折线处骑马钉。"


def _pages_or_message(window):
    if window.laid_out is None or not window.laid_out.pages:
        window.message("页面尚未排好，请稍候再打印。")
        return None
    return window.laid_out.pages


def _new_printer(window) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(window.windowTitle() or "公报")
    return printer


def print_dialog(window) -> None:
    """文件 › 打印: the system print dialog (printer, page ranges, copies, duplex)."""
    pages = _pages_or_message(window)
    if pages is None:
        return
    printer = _new_printer(window)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle("打印")
    dialog.setMinMax(1, len(pages))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    _run_print(window, lambda: print_pages(printer, pages, window.preview.painter,
                                           indexes=selected_pages(printer, len(pages))), "页")


def _run_print(window, job, unit: str) -> None:
    try:
        count = job()
    except Exception as exc:          # noqa: BLE001 - a printer error is shown, not raised
        from editor.ui.jobs import user_message
        window.error(user_message(exc), "打印失败")
        return
    window.message(f"已送出打印 {count} {unit}")


def make_preview(window, sheet: str | None = None) -> QPrintPreviewDialog | None:
    """The print preview dialog of the pages (``sheet``: of the booklet on that sheet)."""
    pages = _pages_or_message(window)
    if pages is None:
        return None
    printer = _new_printer(window)
    if sheet:
        prepare_booklet_printer(printer, sheet)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.printer_ref = printer          # the dialog does not own it: keep it alive
    dialog.setWindowTitle("打印预览" if not sheet else f"小册子打印预览（{sheet}）")

    def paint(target):
        if sheet:
            print_booklet(target, pages, window.preview.painter, sheet,
                          ends_with_back_cover(pages))
        else:
            print_pages(target, pages, window.preview.painter)
    dialog.paintRequested.connect(paint)
    return dialog


def preview_dialog(window) -> None:
    """文件 › 打印预览."""
    dialog = make_preview(window)
    if dialog is not None:
        dialog.exec()


def _ask_sheet(window, title: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog
    labels = list(BOOKLET_CHOICES)
    label, ok = QInputDialog.getItem(window, title, "纸张：", labels, 0, False)
    return BOOKLET_CHOICES[label] if ok else None


def booklet_dialog(window) -> None:
    """文件 › 打印小册子: sheet choice, then the print dialog preset for duplex booklets."""
    pages = _pages_or_message(window)
    if pages is None:
        return
    sheet = _ask_sheet(window, "打印小册子")
    if sheet is None:
        return
    printer = _new_printer(window)
    prepare_booklet_printer(printer, sheet)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(f"打印小册子（{sheet}）— {BOOKLET_HINT}")
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    _run_print(window, lambda: print_booklet(printer, pages, window.preview.painter, sheet,
                                             ends_with_back_cover(pages)), "面（" + BOOKLET_HINT + "）")


def booklet_work(snapshot, out_path: Path, sheet: str, creep_mm: float = 0.0):
    """The 导出小册子PDF job: lay the snapshot out and write the imposed booklet."""
    def work(progress):
        from editor.app.production import export_booklet
        return export_booklet(snapshot, out_path, sheet=sheet, creep_mm=creep_mm,
                              progress=progress).sides
    return work


def export_booklet_dialog(window, path: Path | None = None, sheet: str | None = None,
                          on_done=None) -> None:
    """文件 › 导出小册子PDF (``path``/``sheet`` given: no dialogs, as in tests)."""
    from PySide6.QtWidgets import QFileDialog

    from editor.ui.export import confirm_output
    from editor.ui.jobs import run_job
    if window.session is None:
        return
    if sheet is None:
        sheet = _ask_sheet(window, "导出小册子PDF")
        if sheet is None:
            return
    if path is None:
        default = Path(window.settings.last_folder("export")) / f"{window.path.stem}-小册子.pdf"
        chosen, _ = QFileDialog.getSaveFileName(window, "导出小册子PDF", str(default),
                                                "PDF 文件 (*.pdf)")
        if not chosen or not confirm_output(window, Path(chosen), [window.path], asked=True):
            return
        path = Path(chosen)
    snapshot = window.snapshots.take(window.session.issue)

    def done(sides):
        window.message(f"已导出小册子 {path}（{sides // 2} 张 {sheet} 纸双面；{BOOKLET_HINT}）",
                       10000)
        if on_done is not None:
            on_done(path)
    run_job(window, "导出小册子PDF", booklet_work(snapshot, Path(path), sheet), done)
