"""Every file of the wild corpus (MANIFEST.tsv) imports or is refused with DocxImportError;
nothing else may be raised.  Files python-docx opens must import; the known broken ones
must be refused."""
from __future__ import annotations

import csv

import pytest

from conftest import WILD
from editor.docx_import import DocxImportError, import_docx

MANIFEST = WILD / "MANIFEST.tsv"
ROWS = list(csv.DictReader(MANIFEST.open(encoding="utf-8"), delimiter="\t")) \
    if MANIFEST.exists() else []
pytestmark = pytest.mark.skipif(not WILD.is_dir(),
                                reason=f"wild corpus not at {WILD} (set GONGBAO_SHARED)")
# Not documents at all: lock file, encrypted, damaged zips, a DTD, a theme-only package.
REFUSED = {"docx2python__~$strict.docx", "poi__bug53475-password-is-pass.docx",
           "poi__clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx",
           "poi__clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx",
           "poi__truncated62886.docx", "poi__ExternalEntityInText.docx", "poi__stress025.docx",
           # empty documents (no text, table or picture) are refused, not imported blank
           "onlyoffice__zh-CN_new.docx", "poi-tl__627.docx"}


def test_manifest_present():
    assert len(ROWS) >= 100


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_wild_file_imports_or_is_refused_cleanly(row):
    path = WILD / row["file"]
    try:
        result = import_docx(path)
    except DocxImportError as exc:
        assert row["file"] in REFUSED, f"refused unexpectedly: {exc}"
        assert row["file"] in exc.message
        return
    assert row["file"] not in REFUSED, "a broken file was accepted"
    doc = result.document
    paragraphs = int(row["paragraphs"] or 0)
    if paragraphs and row["python_docx_1.2.0"] == "ok":
        # Something was read: the body is not silently empty.
        assert list(doc.all_blocks()) or doc.title or result.report


def test_renamed_main_parts():
    for name in ("docx2python__renamed_document_xml.docx", "pandoc__alternate_document_path.docx"):
        assert list(import_docx(WILD / name).document.all_blocks()), name


def test_theme_package_refused_as_what_it_is():
    with pytest.raises(DocxImportError) as info:
        import_docx(WILD / "poi__stress025.docx")
    assert "这是 Office 主题文件，不是文档" in info.value.message


ACCEPTED = [r for r in ROWS if r["file"] not in REFUSED]


@pytest.mark.parametrize("row", ACCEPTED, ids=[r["file"] for r in ACCEPTED])
def test_wild_file_lays_out_and_prints_inside_its_pages(row, tmp_path):
    """Every file that imports becomes pages and a PDF, and no text is set outside its
    page (tables, pictures, numbering and fields of all sorts, up to 800-page manuals)."""
    from editor import model
    from editor.fonts import default_fontbook
    from editor.layout.cache import LayoutCache
    from editor.layout.paginate import layout_issue
    from editor.render.pdf import write_pdf

    doc = import_docx(WILD / row["file"]).document
    issue = model.Issue(sections=[model.Section("s1", "来文", [doc])])
    fontbook = default_fontbook()
    laid = layout_issue(issue, None, fontbook, LayoutCache())
    assert any(p.doc_id == doc.id for p in laid.pages)
    for page in laid.pages:
        for item in page.texts():
            left = item.xs[0] if item.xs else item.x
            assert -0.5 <= left and left + item.width <= page.width + 0.5, (page.index, item.text)
            assert item.size * 0.5 <= item.y <= page.height + 0.5, (page.index, item.text)
    out = tmp_path / "wild.pdf"
    write_pdf(laid, out, fontbook)
    assert out.read_bytes().startswith(b"%PDF-")
