"""Print production on the sample issue: ``build --pdfx/--x1a --bleed`` and ``booklet``.

The files are made by the real commands (``editor.cli.main``) from the bundled sample issue
(总第32期; 69 pages when this was written, the tests take the count from the layout) and
are read back with pikepdf, pdfplumber, PIL.ImageCms (LittleCMS) and, where installed, qpdf.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess

import pdfplumber
import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import ImageCms

from editor.cli import main as cli_main
from editor.fonts import default_fontbook
from editor.issue_json import load_issue
from editor.layout.paginate import layout_issue
from editor.render.impose import booklet_order
from editor.resources import sample_issue_path

pytestmark = pytest.mark.slow      # whole-issue builds

MM = 72 / 25.4
FOLIO = re.compile(r"^[—-]\s*(\d+)\s*[—-]$", re.M)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    out = {name: folder / f"{name}.pdf" for name in ("x4", "x1a", "a3", "a4")}
    assert cli_main(["build", "-o", str(out["x4"]), "--bleed", "--pdfx"]) == 0
    assert cli_main(["build", "-o", str(out["x1a"]), "--bleed", "--pdfx", "--x1a",
                     "--reg-marks"]) == 0
    assert cli_main(["booklet", "-o", str(out["a3"])]) == 0
    assert cli_main(["booklet", "-o", str(out["a4"]), "--sheet", "A4", "--creep", "1.5"]) == 0
    return out


@pytest.fixture(scope="module")
def pages():
    """The sample issue's laid-out pages (kinds and folios are the expected values)."""
    issue = load_issue(sample_issue_path())
    return layout_issue(issue, None, measurer=default_fontbook()).pages


def _all_fonts(pdf):
    fonts = {}

    def walk(resources):
        if resources is None:
            return
        for font in (resources.get("/Font") or {}).values():
            fonts[font.objgen] = font
        for xobj in (resources.get("/XObject") or {}).values():
            if xobj.get("/Subtype") == "/Form":
                walk(xobj.get("/Resources"))
    for page in pdf.pages:
        walk(page.obj.get("/Resources"))
    return fonts


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    desc = font.get("/FontDescriptor")
    return desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _qpdf_check(path):
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []
    if shutil.which("qpdf"):
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "No syntax or stream encoding errors" in done.stdout
        assert "WARNING" not in (done.stdout + done.stderr).upper()
    if shutil.which("pdfinfo"):                          # poppler opens it without complaint
        done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stderr.strip(), done.stderr
        return done.stdout
    return ""


# --- PDF/X -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, version", [("x4", "PDF/X-4"), ("x1a", "PDF/X-1a:2001")])
def test_pdfx_keys_intent_and_profile(files, name, version):
    with pikepdf.open(files[name]) as pdf:
        assert pdf.pdf_version == ("1.6" if name == "x4" else "1.3")
        assert str(pdf.docinfo.GTS_PDFXVersion) == version
        assert str(pdf.docinfo.Title) == "东西湖区人民政府公报 总第32期"
        assert str(pdf.docinfo.Trapped) == "/False"
        assert len(pdf.trailer.ID) == 2 and len(bytes(pdf.trailer.ID[0])) == 16
        meta = pdf.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == version
        assert meta["xmpMM:DocumentID"].startswith("uuid:")
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFX"
        data = intents[0].DestOutputProfile.read_bytes()
    assert int.from_bytes(data[:4], "big") == len(data)
    header = (data[12:16], data[16:20], data[20:24], data[36:40])
    assert header == (b"prtr", b"CMYK", b"Lab ", b"acsp")     # output profile, CMYK → Lab
    profile = ImageCms.ImageCmsProfile(io.BytesIO(data))          # LittleCMS parses it
    transform = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), profile, "RGB", "CMYK")
    assert transform is not None


@pytest.mark.parametrize("name", ["x4", "x1a"])
def test_boxes_on_every_page_consistent_with_bleed_and_marks(files, pages, name):
    with pikepdf.open(files[name]) as pdf:
        boxes = []
        for page in pdf.pages:
            assert "/ArtBox" not in page.obj and "/Annots" not in page.obj
            media = [float(v) for v in page.obj.MediaBox]
            trim = [float(v) for v in page.obj.TrimBox]
            bleed = [float(v) for v in page.obj.BleedBox]
            assert trim[2] - trim[0] == pytest.approx(595.28, abs=0.01)     # A4 trim
            assert trim[3] - trim[1] == pytest.approx(841.89, abs=0.01)
            assert bleed == pytest.approx([trim[0] - 3 * MM, trim[1] - 3 * MM,
                                           trim[2] + 3 * MM, trim[3] + 3 * MM], abs=0.01)
            assert media[0] < bleed[0] and media[1] < bleed[1]
            assert media[2] > bleed[2] and media[3] > bleed[3]
            boxes.append((media, trim, bleed))
        assert len(boxes) == len(pages)
    media, trim, bleed = boxes[6]
    with pdfplumber.open(files[name]) as doc:
        page = doc.pages[6]
        height = page.height
        crop = [ln for ln in page.lines if ln["stroking_color"] == (0, 0, 0, 1)]
        outside = [ln for ln in crop
                   if ln["x1"] <= trim[0] + 0.1 or ln["x0"] >= trim[2] - 0.1
                   or height - ln["top"] <= trim[1] + 0.1 or height - ln["bottom"] >= trim[3] - 0.1]
        assert len(outside) == 8                       # two crop marks at each corner
        for ln in outside:                             # marks start beyond the bleed
            in_x = bleed[0] + 0.01 < ln["x0"] and ln["x1"] < bleed[2] - 0.01
            in_y = bleed[1] + 0.01 < height - ln["bottom"] and height - ln["top"] < bleed[3] - 0.01
            assert not (in_x and in_y)
        slug = page.crop((0, height - bleed[1], page.width, height)).extract_text()
        registration = [c for c in page.curves if c["stroking_color"] in (1, (1,), [1])]
        for mark in registration:                      # entirely outside the bleed
            assert (mark["x1"] < bleed[0] or mark["x0"] > bleed[2]
                    or height - mark["top"] < bleed[1] or height - mark["bottom"] > bleed[3])
    assert len(registration) == (4 if name == "x1a" else 0)     # --reg-marks on x1a only
    assert pages[6].folio == 1
    assert re.fullmatch(rf"东西湖区人民政府公报 总第32期\s*第 7/{len(pages)} 面\s*页码 1\s*"
                        r"\d{4}-\d\d-\d\d", slug)


def test_cover_colour_fields_run_into_the_bleed(files, pages):
    from editor.layout.items import RectItem
    bands = [it for it in pages[0].items if isinstance(it, RectItem) and it.fill
             and it.x <= 0 and it.x + it.w >= pages[0].width]
    assert len(bands) == 2                           # the cover's red bands, edge to edge
    with pikepdf.open(files["x4"]) as pdf:
        trim = [float(v) for v in pdf.pages[0].obj.TrimBox]
    with pdfplumber.open(files["x4"]) as doc:
        cover = doc.pages[0]
        wide = [r for r in cover.rects if r["fill"] and r["width"] > trim[2] - trim[0]]
        inner = doc.pages[6]
        assert not [r for r in inner.rects if r["x0"] < trim[0]]   # nothing else moves
    assert len(wide) == 2
    for r in wide:
        assert r["x0"] == pytest.approx(trim[0] - 3 * MM, abs=0.05)
        assert r["x1"] == pytest.approx(trim[2] + 3 * MM, abs=0.05)


@pytest.mark.parametrize("name", ["x4", "x1a"])
def test_text_is_pure_black_and_red_is_cmyk(files, name):
    fills = set()
    with pikepdf.open(files[name]) as pdf:
        for page in pdf.pages:
            in_text = False
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                assert op not in ("rg", "RG", "g", "G", "sc", "scn", "cs")
                if op == "CS":                       # only the registration marks' All
                    assert [str(v) for v in operands] == ["/CSReg"]
                if op in ("BT", "ET"):
                    in_text = op == "BT"
                elif op == "k" and in_text:
                    fills.add(tuple(round(float(v), 3) for v in operands))
    assert (0.0, 0.0, 0.0, 1.0) in fills              # body text: K only
    assert (0.0, 0.8, 0.8, 0.0) in fills              # 版头 red: M80 Y80
    assert all(c == m == y == 0 for c, m, y, k in fills if k > 0)    # never rich black


@pytest.mark.parametrize("name", ["x4", "x1a"])
def test_fonts_embedded_and_file_checks_clean(files, name):
    with pikepdf.open(files[name]) as pdf:
        fonts = _all_fonts(pdf)
        assert fonts and all(_embedded(f) for f in fonts.values())
    info = _qpdf_check(files[name])
    if info:
        assert re.search(r"PDF subtype:\s+PDF/X-" + ("4" if name == "x4" else "1a"), info)


def test_x1a_has_no_rgb_and_no_transparency(files):
    with pikepdf.open(files["x1a"]) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                obj = obj.stream_dict
            if isinstance(obj, pikepdf.Dictionary):
                assert "/SMask" not in obj or obj.SMask == "/None"
                for key in ("/CA", "/ca"):
                    assert float(obj.get(key, 1)) == 1
                assert "/Group" not in obj
                names = [str(v) for v in obj.values() if isinstance(v, pikepdf.Name)]
                assert "/DeviceRGB" not in names
            elif isinstance(obj, pikepdf.Array):
                assert "/DeviceRGB" not in [str(v) for v in obj]
        assert str(pdf.docinfo.GTS_PDFXConformance) == "PDF/X-1a:2001"


# --- booklets ----------------------------------------------------------------------------

def _half_sheets(path):
    """(left text, right text, sheet width, sheet height) per sheet side (PDFium: fast)."""
    out = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for k in range(len(doc)):
            page = doc[k]
            w, h = page.get_size()
            text = page.get_textpage()
            out.append((text.get_text_bounded(0, 0, w / 2, h).replace("\r", ""),
                        text.get_text_bounded(w / 2, 0, w, h).replace("\r", ""),
                        round(w), round(h)))
    finally:
        doc.close()
    return out


def _folio(text: str):
    found = FOLIO.findall(text)
    return int(found[-1]) if found else None


@pytest.mark.parametrize("name, size", [("a3", (1191, 842)), ("a4", (842, 595))])
def test_booklet_sides_in_saddle_stitch_order(files, pages, name, size):
    halves = _half_sheets(files[name])
    n = len(pages)
    total = len(halves) * 2
    assert total % 4 == 0 and 0 <= total - n < 4               # padded to a multiple of 4
    assert all((w, h) == size for _, _, w, h in halves)
    expected = booklet_order(n)
    assert expected[0][1] == 0 and expected[1][0] == 1         # cover outside, page 2 behind
    for (left, right, _, _), sides in zip(halves, expected):
        for text, index in zip((left, right), sides):
            if index is None:
                assert text.strip() == ""                      # unnumbered blank page
            else:
                assert _folio(text) == pages[index].folio, (index, text[-40:])
    cover, inner_cover = (re.sub(r"\s", "", halves[0][1]), re.sub(r"\s", "", halves[1][0]))
    assert "（总第32期）" in cover and "传达政令" in inner_cover
    # the middle of the stack: the innermost sheet's back carries two facing pages
    middle = total // 2
    assert (_folio(halves[-1][0]), _folio(halves[-1][1])) == (pages[middle - 1].folio,
                                                              pages[middle].folio)


def test_booklet_embeds_each_font_once(files, pages):
    with pikepdf.open(files["a3"]) as booklet, pikepdf.open(files["x4"]) as single:
        fonts = _all_fonts(booklet)
        programs = [f.DescendantFonts[0].FontDescriptor if f.get("/Subtype") == "/Type0"
                    else f.FontDescriptor for f in fonts.values()]
        files_ = {(d.get("/FontFile2") or d.get("/FontFile3") or d.get("/FontFile")).objgen
                  for d in programs}
        assert len(fonts) == len(_all_fonts(single)) == len(files_)
        assert all(_embedded(f) for f in fonts.values())
        # each side holds two Form XObjects, shared with no copy per sheet
        forms = {x.objgen for p in booklet.pages
                 for x in (p.obj.Resources.get("/XObject") or {}).values()}
        assert len(forms) == len(pages)
    _qpdf_check(files["a3"])


def test_print_options_the_command_refuses(tmp_path, capsys):
    out = str(tmp_path / "x.pdf")
    for argv, message in ((["--pdfx", "--reg-marks"], "--bleed"),
                          (["--icc", str(tmp_path / "a.icc")], "--pdfx"),
                          (["--pdfx", "--icc", str(tmp_path / "没有.icc")], "找不到 ICC")):
        assert cli_main(["build", "-o", out, *argv]) == 2
        assert message in capsys.readouterr().err
    assert cli_main(["booklet", "-o", out, "--creep", "9"]) == 2
    assert "爬移" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
