"""Wild-corpus documents with pictures the PDF writer cannot decode (EMF/WMF metafiles
where no decoder exists): the import says so in Chinese, and layout + PDF still succeed
with the text intact and the picture's box left empty."""
from __future__ import annotations

import sys

import pytest
from pypdf import PdfReader

from conftest import WILD
from editor import model
from editor.docx_import import import_docx
from editor.render import build_pdf

EMF = WILD / "docx4j__EMF.docx"
pytestmark = pytest.mark.skipif(not EMF.exists(), reason=f"wild corpus not at {WILD}")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows decodes metafiles")
def test_metafile_pictures_reported_at_import():
    result = import_docx(EMF)
    pictures = [b for b in result.document.all_blocks() if isinstance(b, model.Image)]
    assert [p.name for p in pictures] == ["image1.emf", "image2.emf"]
    warnings = [e.message_zh for e in result.report.warnings]
    assert sum("image1.emf" in w or "image2.emf" in w for w in warnings) == 2
    assert all("另存为 PNG 或 JPEG" in w for w in warnings if ".emf" in w)


def test_document_with_metafiles_builds_with_its_text(tmp_path):
    doc = import_docx(EMF).document
    issue = model.Issue(sections=[model.Section("s1", "测试栏目", [doc])])
    out = tmp_path / "emf.pdf"
    laid_out = build_pdf(issue, out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert len(PdfReader(out).pages) == len(laid_out.pages)
    assert "This document contains an EMF." in text
    assert "ThesewerecreatedinPowerpoint,andthensavedasEMF." in "".join(text.split())
