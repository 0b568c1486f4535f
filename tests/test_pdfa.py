"""The archival PDF/A-2u file (``build --pdfa``, the archive's copy), judged from the file
written: its XMP packet parsed as XML, the catalog's OutputIntent, every font dictionary,
the trailer and the annotations read with pypdf, the text extracted with PyMuPDF against
the layout's own text — a rare character (硚), an Extension B one from a fallback face
(𠮷) and a character no face has (private use: a placeholder box whose ActualText keeps
it).  veraPDF (Java) is not part of the test environment: these are the PDF/A-2u clauses
the file could break.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from editor.app import production
from editor.errors import GazetteError
from editor.issue_json import load_issue
from test_fonts_pdf import PUA, _body, _title, write_issue

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/"}
BODY = "武汉市硚口区澴河街道，冯𠮷祥同志，编号" + PUA + "号。"


@pytest.fixture(scope="module")
def archival(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfa")
    path = write_issue(folder, {"a.docx": _title("关于硚口区澴河街道有关事项的通知")
                                + _body(BODY) + _body("特此通知。"),
                                "b.docx": _title("硚口区政务简讯") + _body("近日召开会议。")})
    issue = load_issue(path)
    out = folder / "pdfa.pdf"
    laid = production.export_print_pdf(issue, out, pdfa=True)
    return out, laid, PdfReader(str(out))


def _obj(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def test_xmp_says_pdfa_2u_and_matches_the_info_dictionary(archival):
    out, laid, reader = archival
    meta = _obj(reader.trailer["/Root"]["/Metadata"])
    assert "/Filter" not in meta                       # PDF/A: metadata stream unfiltered
    xmp = ET.fromstring(re.search(rb"<x:xmpmeta.*</x:xmpmeta>", meta.get_data(), re.S).group())
    found = {tag: [e.text for e in xmp.iter(f"{{{NS[tag.split(':')[0]]}}}{tag.split(':')[1]}")]
             for tag in ("pdfaid:part", "pdfaid:conformance", "xmp:CreateDate")}
    assert found["pdfaid:part"] == ["2"] and found["pdfaid:conformance"] == ["U"]
    title = [li.text for li in xmp.findall(".//dc:title/rdf:Alt/rdf:li", NS)]
    creator = [li.text for li in xmp.findall(".//dc:creator/rdf:Seq/rdf:li", NS)]
    dates = [li.text for li in xmp.findall(".//dc:date/rdf:Seq/rdf:li", NS)]
    info = reader.metadata
    assert title == [info["/Title"]] == [laid.title] and "硚口区" in laid.title
    assert creator == [info["/Author"]]
    # the same instant: D:YYYYMMDDHHmmSS+00'00' and YYYY-MM-DDTHH:mm:SS+00:00
    stamp = re.sub(r"\D", "", info["/CreationDate"])[:14]
    assert re.sub(r"\D", "", found["xmp:CreateDate"][0])[:14] == stamp
    assert re.sub(r"\D", "", dates[0])[:14] == stamp


def test_srgb_output_intent_with_an_icc_stream_of_three_components(archival):
    reader = archival[2]
    intents = _obj(reader.trailer["/Root"]["/OutputIntents"])
    assert len(intents) == 1
    intent = _obj(intents[0])
    assert intent["/S"] == "/GTS_PDFA1"
    profile = _obj(intent["/DestOutputProfile"])
    data = profile.get_data()
    assert profile["/N"] == 3
    assert data[36:40] == b"acsp" and data[16:20] == b"RGB " and data[12:16] == b"mntr"
    assert data[8] in (2, 4) and data[9] <= 0x20         # ICC version ≤ 4.2 (PDF 1.7)


def test_every_font_embedded_with_a_unicode_map(archival):
    reader = archival[2]
    fonts = {}
    for page in reader.pages:
        for font in _obj(page["/Resources"]).get("/Font", {}).values():
            font = _obj(font)
            fonts[font["/BaseFont"]] = font
    assert len(fonts) >= 2                              # Noto SC and the fallback for 𠮷
    for name, font in fonts.items():
        desc = _obj(font["/FontDescriptor"]) if "/FontDescriptor" in font else _obj(
            _obj(font["/DescendantFonts"])[0])["/FontDescriptor"]
        assert "/FontFile2" in desc or "/FontFile3" in desc, name
        cmap = _obj(font["/ToUnicode"]).get_data()
        assert b"beginbfchar" in cmap or b"beginbfrange" in cmap, name


def test_text_extracts_to_the_layouts_characters(archival):
    """Every page's characters come back from the file as the layout drew them (level U);
    the character no face has is kept as ActualText of its placeholder box."""
    out, laid, reader = archival
    with pymupdf.open(str(out)) as doc:
        assert len(doc) == len(laid.pages)
        checked = 0
        for page, pdf_page in zip(laid.pages, doc):
            drawn = "".join(t.text for t in page.texts() if t.text and PUA not in t.text)
            want = re.sub(r"\s", "", drawn)
            got = re.sub(r"\s", "", pdf_page.get_text())
            assert sorted(got.replace(PUA, "")) == sorted(want), page.index
            for span in pdf_page.get_texttrace():
                assert all(c[0] not in (0, 0xFFFD) and c[1] != 0 for c in span["chars"])
            checked += "硚" in want and "𠮷" in want
        assert checked >= 1                              # the sample page with 硚 and 𠮷
    raw = b"".join(_obj(p["/Contents"]).get_data() if not isinstance(_obj(p["/Contents"]), list)
                   else b"".join(_obj(c).get_data() for c in _obj(p["/Contents"]))
                   for p in reader.pages)
    assert b"/ActualText <FEFFE0A5>" in raw
    assert [w for w in laid.warnings if w.code == "GLYPH_MISSING"]


def test_no_encryption_an_id_and_printable_links(archival):
    out, laid, reader = archival
    assert "/Encrypt" not in reader.trailer and not reader.is_encrypted
    ids = reader.trailer["/ID"]
    assert len(ids) == 2 and len(ids[0].original_bytes) >= 16
    root = reader.trailer["/Root"]
    assert "/OpenAction" not in root and "/AA" not in root
    assert "/JavaScript" not in _obj(root.get("/Names", {}))
    links = [_obj(a) for p in reader.pages for a in _obj(p.get("/Annots", []))]
    assert links                                          # the 目录 entries
    for link in links:
        assert link["/Subtype"] == "/Link" and link["/F"] == 4
        assert _obj(_obj(link["/AP"])["/N"])["/Subtype"] == "/Form"
        action = _obj(link.get("/A", {}))
        assert action.get("/S", "/GoTo") in ("/GoTo", "/URI")
    assert b"/JavaScript" not in Path(out).read_bytes() and b"/JS " not in Path(out).read_bytes()


@pytest.mark.parametrize("options", [{"bleed": True}, {"pdfx": "x"}])
def test_pdfa_with_bleed_or_pdfx_is_refused_in_chinese(options, tmp_path):
    with pytest.raises(GazetteError, match="存档 PDF（PDF/A-2u）"):
        production.build_file(None, tmp_path / "a.pdf", pdfa=True, **options)
    assert not (tmp_path / "a.pdf").exists()


def test_export_dialog_offers_the_archival_pdf(qtbot, archival, tmp_path):
    """导出 offers 存档 PDF（PDF/A-2u） beside 印刷 PDF; choosing it turns bleed and PDF/X
    off, and the export job then writes a PDF/A file."""
    from editor.ui.export import ExportDialog, export_work
    dialog = ExportDialog(tmp_path / "存档.pdf")
    qtbot.addWidget(dialog)
    assert dialog.print_kind.isChecked() and not dialog.archival()
    assert dialog.archival_kind.text() == "存档 PDF（PDF/A-2u）"
    dialog.pdfx.setChecked(True)
    dialog.archival_kind.setChecked(True)
    assert dialog.archival() and dialog.pdfx_options() is None
    assert not dialog.bleed.isEnabled() and not dialog.pdfx.isEnabled()
    issue = load_issue(archival[0].parent / "issue.json")
    out = tmp_path / "存档.pdf"
    export_work(issue, out, False, dialog.pdfx_options(), dialog.archival())(None)
    assert b"<pdfaid:part" in out.read_bytes() and b"/GTS_PDFA1" in out.read_bytes()
