"""Printing from the window on the sample issue: QPrinter in PDF mode, page ranges,
booklet order, the print preview, 导出小册子PDF and the PDF/X options of 导出印刷PDF."""
from __future__ import annotations

import re
import unicodedata

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QPageRanges  # noqa: E402
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget  # noqa: E402

from editor.errors import GazetteError  # noqa: E402
from ui_window import TIMEOUT, close_window, make_window, open_sample  # noqa: E402
from editor.render.impose import booklet_order  # noqa: E402

pytestmark = pytest.mark.slow      # prints and exports the whole sample issue

FOLIO = re.compile(r"^[—-]\s*(\d+)\s*[—-]$", re.M)


@pytest.fixture(scope="module")
def window(tmp_path_factory, qapp):
    home = tmp_path_factory.mktemp("打印")
    mp = pytest.MonkeyPatch()
    mp.setenv("GONGBAO_HOME", str(home))
    win = make_window(home)
    win.home = home
    open_sample(win, qapp)
    yield win
    close_window(win, qapp)
    mp.undo()


def _pdf_printer(path, sheet=None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _norm(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text or ""))


def _same_text(printed: str, exported: str) -> bool:
    """Qt's PDF writes its own ToUnicode map and sends some glyphs back to another code
    point (⺠ for 民, 戶 for 户): a CJK radical matches any character, and one in a
    hundred characters may be another CJK ideograph.  A bold run of a face without a
    bold weight is emboldened by Qt drawing each glyph twice, which a text extractor
    reads as every character doubled (6月8日 → 66月月88日日): runs of a repeated
    character count once, in both texts alike."""
    a, b = _single(_norm(printed)), _single(_norm(exported))
    if len(a) != len(b):
        return False
    other = [(x, y) for x, y in zip(a, b) if x != y and not "\u2e80" <= x <= "\u2eff"]
    return len(other) <= len(a) // 100 and all(_ideograph(x) and _ideograph(y) for x, y in other)


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _single(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


def test_printing_to_a_pdf_printer_reproduces_the_exported_pages(window, qtbot, tmp_path):
    from editor.ui.printing import print_pages
    exported, printed = tmp_path / "导出.pdf", tmp_path / "打印.pdf"
    done = []
    window.export_pdf(exported, bleed=False, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    pages = window.laid_out.pages
    assert print_pages(_pdf_printer(printed), pages, window.preview.painter) == len(pages) > 45
    with pdfplumber.open(printed) as got, pdfplumber.open(exported) as want:
        assert len(got.pages) == len(want.pages) == len(pages)
        for index in (0, 3, 6, 30, len(pages) - 1):
            assert (round(got.pages[index].width), round(got.pages[index].height)) == (595, 842)
            text = got.pages[index].extract_text()
            assert _norm(text), index
            assert _same_text(text, want.pages[index].extract_text()), index


def test_page_ranges_from_the_print_dialog_are_honoured(window, tmp_path):
    from editor.ui.printing import print_pages, selected_pages
    out = tmp_path / "部分.pdf"
    printer = _pdf_printer(out)
    ranges = QPageRanges()
    ranges.addRange(8, 9)
    ranges.addPage(20)
    printer.setPageRanges(ranges)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    pages = window.laid_out.pages
    indexes = selected_pages(printer, len(pages))
    assert indexes == [7, 8, 19]
    assert print_pages(printer, pages, window.preview.painter, indexes=indexes) == 3
    with pdfplumber.open(out) as pdf:
        folios = [int(FOLIO.findall(p.extract_text())[-1]) for p in pdf.pages]
    assert folios == [pages[i].folio for i in indexes] and None not in folios
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    assert selected_pages(printer, 5) == [0, 1, 2, 3, 4]


def test_booklet_printing_puts_the_pages_in_saddle_stitch_order(window, tmp_path):
    from editor.ui.printing import print_booklet
    out = tmp_path / "小册子.pdf"
    pages = window.laid_out.pages
    sides = (len(pages) + 3) // 4 * 2
    assert print_booklet(_pdf_printer(out), pages, window.preview.painter, "A3") == sides
    order = booklet_order(len(pages))
    doc = pdfium.PdfDocument(str(out))        # fast bounded text extraction (PDFium)
    try:
        assert len(doc) == sides
        for n, (left, right) in enumerate(order):
            sheet = doc[n]
            width, height = sheet.get_size()
            assert (round(width), round(height)) == (1191, 842)
            text = sheet.get_textpage()
            for x0, index in ((0, left), (width / 2, right)):
                if index is None:            # the padding page is blank
                    assert not text.get_text_bounded(x0, 0, x0 + width / 2, height).strip()
                else:                        # the folio sits in the bottom margin
                    foot = text.get_text_bounded(x0, 0, x0 + width / 2, height * 0.14)
                    found = FOLIO.findall(foot.replace("\r", ""))
                    assert (int(found[-1]) if found else None) == pages[index].folio, index
    finally:
        doc.close()


def test_print_preview_shows_the_booklet_sheets(window, qtbot):
    from editor.ui.printing import make_preview
    for sheet, count in (("A4", (len(window.laid_out.pages) + 3) // 4 * 2),):
        dialog = make_preview(window, sheet)
        dialog.open()
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        qtbot.waitUntil(lambda: preview.pageCount() == count, timeout=30_000)
        dialog.reject()
        dialog.deleteLater()


def test_file_menu_has_the_print_entries(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    for wanted in ("导出印刷PDF(&E)…", "导出小册子PDF…", "打印预览(&V)…", "打印(&P)…",
                   "打印小册子(&B)…"):
        assert wanted in texts
    for name in ("print_preview", "print_booklet", "export_booklet"):
        assert window.actions[name].isEnabled()


def test_export_booklet_and_pdfx_from_the_window(window, qtbot, tmp_path):
    from editor.render import icc
    from editor.ui.export import ExportDialog
    from editor.ui.printing import export_booklet_dialog
    booklet = tmp_path / "小册子A4.pdf"
    done = []
    export_booklet_dialog(window, booklet, "A4", on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    with pikepdf.open(booklet) as pdf:
        assert len(pdf.pages) == (len(window.laid_out.pages) + 3) // 4 * 2
        assert [round(float(v)) for v in pdf.pages[0].mediabox] == [0, 0, 842, 595]

    dialog = ExportDialog(tmp_path / "印刷.pdf", window)
    assert dialog.pdfx_options() is None
    dialog.pdfx.setChecked(True)
    dialog.pdfx_version.setCurrentIndex(1)
    dialog.icc.setText(str(tmp_path / "没有.icc"))
    with pytest.raises(GazetteError, match="ICC"):
        dialog.pdfx_options()
    profile = tmp_path / "印刷厂.icc"
    profile.write_bytes(icc.load_profile(None)[0])
    dialog.icc.setText(str(profile))
    options = dialog.pdfx_options()
    assert (options.version, options.icc_path) == ("PDF/X-1a:2001", str(profile))
    dialog.deleteLater()

    out = tmp_path / "印刷.pdf"
    done.clear()
    window.export_pdf(out, bleed=True, on_done=done.append, pdfx=options)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-1a:2001"
        assert pdf.Root.OutputIntents[0].DestOutputProfile.read_bytes() == profile.read_bytes()
        assert all("/TrimBox" in p.obj and "/BleedBox" in p.obj for p in pdf.pages)
    assert not window.errors
