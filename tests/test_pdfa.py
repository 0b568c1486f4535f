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
        if "/FontFile2" in desc and font["/Subtype"] == "/TrueType":
            _check_truetype(name, font, desc)


def _check_truetype(name, font, desc) -> None:
    """PDF/A-2 6.2.11.5/6.2.11.6: a symbolic TrueType font has no /Encoding and one cmap
    subtable (or 3,0); the /Widths are the program's advances."""
    import io
    from fontTools.ttLib import TTFont
    program = TTFont(io.BytesIO(_obj(desc["/FontFile2"]).get_data()))
    tables = [(t.platformID, t.platEncID) for t in program["cmap"].tables]
    if desc["/Flags"] & 4:
        assert "/Encoding" not in font, name
        assert len(tables) == 1 or (3, 0) in tables, (name, tables)
    upem = program["head"].unitsPerEm
    first, widths = font["/FirstChar"], font["/Widths"]
    for code, glyph in program["cmap"].tables[0].cmap.items():
        if first <= code < first + len(widths):
            assert abs(program["hmtx"][glyph][0] * 1000 / upem - widths[code - first]) <= 1


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


def _foreign_pdf(path: Path, font: bool = False) -> Path:
    """A PDF as another program writes it: a DeviceCMYK picture, a JavaScript link, a
    Launch link, a web link, an open action; with ``font`` an unembedded Helvetica."""
    import pikepdf
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    image = pdf.make_stream(bytes([0, 255, 255, 0]), Type=pikepdf.Name.XObject,
                            Subtype=pikepdf.Name.Image, Width=1, Height=1,
                            ColorSpace=pikepdf.Name.DeviceCMYK, BitsPerComponent=8,
                            Interpolate=True)
    resources = {"/XObject": {"/Im0": image}}
    ops = b"q 50 0 0 50 10 10 cm /Im0 Do Q"
    if font:
        resources["/Font"] = {"/F1": pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                       Subtype=pikepdf.Name.Type1,
                                                       BaseFont=pikepdf.Name.Helvetica)}
        ops += b" BT /F1 12 Tf 10 100 Td (Hi) Tj ET"
    page.obj.Resources = pikepdf.Dictionary(resources)
    page.obj.Contents = pdf.make_stream(ops)

    def link(action):
        return pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                                  Rect=[0, 0, 20, 20], A=pikepdf.Dictionary(action))
    page.obj.Annots = pdf.make_indirect(pikepdf.Array([
        link({"/S": pikepdf.Name.JavaScript, "/JS": pikepdf.String("app.alert(1)")}),
        link({"/S": pikepdf.Name.Launch, "/F": pikepdf.String("calc.exe")}),
        link({"/S": pikepdf.Name.URI, "/URI": pikepdf.String("https://www.dxh.gov.cn/")})]))
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript,
                                             JS=pikepdf.String("app.alert(2)"))
    pdf.save(path)
    return path


def test_foreign_content_is_made_archival_or_refused(tmp_path):
    """A CMYK picture becomes ICC-based CMYK, JavaScript and Launch go, the web link
    stays (PDF/A allows URI actions) — and an unembedded font is refused in Chinese."""
    from editor.render.pdfa import make_pdfa
    out = tmp_path / "a.pdf"
    notes = make_pdfa(_foreign_pdf(tmp_path / "in.pdf"), out)
    assert notes == ["提示：1 幅 CMYK 图片按通用铜版纸 CMYK 特性标注了色彩（存档 PDF 的输出意图是 sRGB）",
                     "提示：去掉了 2 个 PDF/A 不允许的注释或链接（JavaScript、启动程序、外部文件等；网址链接保留）"]
    reader = PdfReader(str(out))
    page = reader.pages[0]
    image = _obj(_obj(page["/Resources"])["/XObject"]["/Im0"])
    space = _obj(image["/ColorSpace"])
    assert space[0] == "/ICCBased" and _obj(space[1])["/N"] == 4
    assert str(image.get("/Interpolate", False)).lower() == "false"
    links = [_obj(a) for a in _obj(page["/Annots"])]
    assert [_obj(a["/A"])["/S"] for a in links] == ["/URI"] and links[0]["/F"] == 4
    assert "/OpenAction" not in reader.trailer["/Root"]
    assert b"app.alert" not in out.read_bytes()
    with pytest.raises(GazetteError, match="字体 Helvetica 未嵌入"):
        make_pdfa(_foreign_pdf(tmp_path / "font.pdf", font=True), tmp_path / "b.pdf")
