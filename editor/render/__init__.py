"""Render stage: laid-out pages → print PDF, PDF/X, booklets (layer: render).

``build_pdf(issue, out_path, template=None, bleed=False, progress=None)`` is the one-call
convenience used by the CLI and the window: lay the issue out with the default FontBook
and the process-wide layout cache, then paint it with ``editor.render.pdf.write_pdf``.
"""
from __future__ import annotations


def build_pdf(issue, out_path, template=None, bleed: bool = False, progress=None, pdfx=None):
    """Lay out ``issue`` and write the print PDF; returns the ``LaidOutIssue``.

    ``pdfx`` (``editor.render.pdfx.PdfxOptions``) makes it a PDF/X print file."""
    from editor.fonts import default_fontbook
    from editor.layout.paginate import layout_issue
    from editor.render.pdf import write_pdf

    fontbook = default_fontbook()
    laid_out = layout_issue(issue, template, measurer=fontbook, progress=progress)
    if progress:
        progress(f"写出 PDF（{len(laid_out.pages)} 页）")
    if pdfx is None:
        write_pdf(laid_out, out_path, fontbook, bleed=bleed, progress=progress)
    else:
        from editor.render.production import write_print_pdf
        write_print_pdf(laid_out, out_path, fontbook, bleed=bleed, pdfx=pdfx, progress=progress)
    return laid_out
