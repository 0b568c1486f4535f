"""Print production: PDF/X conversion, the generated CMYK profile, booklet imposition."""
from __future__ import annotations

import io

import pdfplumber
import pikepdf
import pytest
from PIL import Image, ImageCms
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from editor.errors import GazetteError
from editor.render import icc
from editor.render.impose import BookletOptions, booklet_order, impose_booklet
from editor.render.pdfx import PdfxOptions, make_pdfx


def _numbered_pdf(path, n: int, with_image: bool = False):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for i in range(n):
        c.setFillColorRGB(1, 0, 0)
        c.rect(60, 760, 200, 3, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 30)
        c.drawString(280, 400, f"P{i + 1}")
        if with_image:
            img = Image.new("RGBA", (8, 8), (0, 128, 255, 128))
            buf = io.BytesIO()
            img.save(buf, "PNG")
            buf.seek(0)
            from reportlab.lib.utils import ImageReader
            c.drawImage(ImageReader(buf), 100, 100, 40, 40, mask="auto")
        c.showPage()
    c.save()


def _operators(pdf):
    ops = []
    for page in pdf.pages:
        ops += [(list(i.operands), str(i.operator)) for i in pikepdf.parse_content_stream(page)]
    return ops


def test_generated_profile_is_a_valid_cmyk_output_profile():
    data = icc.generic_cmyk_profile()
    profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
    assert "CMYK" in ImageCms.getProfileDescription(profile) or data[16:20] == b"CMYK"
    transform = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), profile, "RGB", "CMYK")
    out = ImageCms.applyTransform(Image.new("RGB", (1, 1), (255, 0, 0)), transform)
    c, m, y, k = out.getpixel((0, 0))
    assert m > 200 and y > 200 and c < 40        # red separates into magenta + yellow
    back = ImageCms.buildTransform(profile, ImageCms.createProfile("sRGB"), "CMYK", "RGB")
    white = ImageCms.applyTransform(Image.new("CMYK", (1, 1), (0, 0, 0, 0)), back).getpixel((0, 0))
    assert min(white) > 235                       # no ink is paper white


def test_user_profile_must_be_cmyk(tmp_path):
    rgb = tmp_path / "srgb.icc"
    rgb.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    with pytest.raises(GazetteError, match="CMYK"):
        icc.load_profile(rgb)
    junk = tmp_path / "junk.icc"
    junk.write_bytes(b"not a profile" * 20)
    with pytest.raises(GazetteError, match="ICC"):
        icc.load_profile(junk)


@pytest.mark.parametrize("version", ["PDF/X-4", "PDF/X-1a:2001"])
def test_pdfx_structure(tmp_path, version):
    src, dst = tmp_path / "in.pdf", tmp_path / "out.pdf"
    _numbered_pdf(src, 3, with_image=True)
    make_pdfx(src, dst, PdfxOptions(version=version, title="东西湖区人民政府公报"))
    with pikepdf.open(dst) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFX"
        profile = intents[0].DestOutputProfile
        assert int(profile.N) == 4
        ImageCms.ImageCmsProfile(io.BytesIO(profile.read_bytes()))     # parses as ICC
        assert str(pdf.docinfo.GTS_PDFXVersion) == version
        assert str(pdf.docinfo.Trapped) == "/False"
        assert "/CreationDate" in pdf.docinfo and "/ModDate" in pdf.docinfo
        assert "/ID" in pdf.trailer
        meta = pdf.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == version
        for page in pdf.pages:
            media = [float(v) for v in page.mediabox]
            trim = [float(v) for v in page.obj.TrimBox]
            bleed = [float(v) for v in page.obj.BleedBox]
            assert media[0] <= bleed[0] <= trim[0] and trim[2] <= bleed[2] <= media[2]
        ops = _operators(pdf)
        assert not [o for o in ops if o[1] in ("rg", "RG", "g", "G")]
        fills = [[float(v) for v in operands] for operands, op in ops if op == "k"]
        assert [0.0, 0.0, 0.0, 1.0] in fills          # text: K only
        assert [0.0, 0.8, 0.8, 0.0] in fills          # 版头 red: M80 Y80
        spaces = []
        for page in pdf.pages:
            for xobj in (page.obj.Resources.get("/XObject") or {}).values():
                if xobj.get("/Subtype") == "/Image":
                    spaces.append(xobj.get("/ColorSpace"))
        if version.startswith("PDF/X-1"):
            assert spaces and all(s == "/DeviceCMYK" for s in spaces)
        else:
            assert spaces and all(s != "/DeviceRGB" for s in spaces)


def test_pdfx_is_reproducible(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")      # reproducible: dated by it
    src = tmp_path / "in.pdf"
    _numbered_pdf(src, 2)
    make_pdfx(src, tmp_path / "a.pdf")
    make_pdfx(src, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_booklet_order_pairs_first_with_last():
    assert booklet_order(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    sides = booklet_order(10)
    assert len(sides) == 6                            # 12 pages = 3 sheets, 2 sides each
    assert sides[0] == (None, 0) and sides[1] == (1, None)
    with_cover = booklet_order(10, back_cover=True)
    assert with_cover[0] == (9, 0)                    # the back cover stays outside
    flat = [i for side in with_cover for i in side]
    assert sorted(i for i in flat if i is not None) == list(range(10))


def _halves(path):
    with pdfplumber.open(path) as pdf:
        out = []
        for p in pdf.pages:
            w = p.width / 2
            out.append((p.crop((0, 0, w, p.height)).extract_text().strip(),
                        p.crop((w, 0, p.width, p.height)).extract_text().strip(),
                        round(p.width), round(p.height)))
        return out


def test_booklet_on_a3_reads_in_saddle_stitch_order(tmp_path):
    src, dst = tmp_path / "in.pdf", tmp_path / "booklet.pdf"
    _numbered_pdf(src, 7)
    assert impose_booklet(src, dst) == 4
    halves = _halves(dst)
    assert [(l, r) for l, r, _, _ in halves] == [("", "P1"), ("P2", "P7"), ("P6", "P3"), ("P4", "P5")]
    assert all((w, h) == (1191, 842) for _, _, w, h in halves)    # A3 landscape


def test_a5_proof_booklet_on_a4_with_creep(tmp_path):
    src, dst = tmp_path / "in.pdf", tmp_path / "booklet.pdf"
    _numbered_pdf(src, 8)
    impose_booklet(src, dst, BookletOptions(sheet="A4", creep_mm=2.0))
    halves = _halves(dst)
    assert [(l, r) for l, r, _, _ in halves] == [("P8", "P1"), ("P2", "P7"), ("P6", "P3"), ("P4", "P5")]
    assert all((w, h) == (842, 595) for _, _, w, h in halves)


def test_items_touching_the_trim_edge_grow_into_the_bleed():
    from editor.layout.items import LineItem, RectItem
    from editor.render.bleed import extend_to_bleed
    band = RectItem(0, 100, 595, 17, fill="D7000F")
    grown = extend_to_bleed(band, 595, 842, 8.5)
    assert (grown.x, grown.y, grown.w, grown.h) == (-8.5, 100, 612, 17)
    corner = extend_to_bleed(RectItem(500, 800, 95, 42, fill="F2F2F2"), 595, 842, 8.5)
    assert (corner.x, corner.y, corner.w, corner.h) == (500, 800, 103.5, 50.5)
    inside = RectItem(10, 10, 100, 20, fill="D7000F")
    assert extend_to_bleed(inside, 595, 842, 8.5) is inside
    outline_only = RectItem(0, 0, 595, 842, stroke="000000")
    assert extend_to_bleed(outline_only, 595, 842, 8.5) is outline_only
    rule = extend_to_bleed(LineItem(595, 50, 0, 50, 1.0), 595, 842, 8.5)
    assert (rule.x1, rule.x2) == (-8.5, 603.5)
    upright = extend_to_bleed(LineItem(300, 0, 300, 400), 595, 842, 8.5)
    assert (upright.y1, upright.y2) == (-8.5, 400)
    assert extend_to_bleed(LineItem(10, 10, 50, 60), 595, 842, 8.5).x1 == 10


def test_registration_marks_on_every_plate_outside_the_bleed(tmp_path):
    src, dst = tmp_path / "in.pdf", tmp_path / "out.pdf"
    room = 10 * 72 / 25.4
    c = canvas.Canvas(str(src), pagesize=(A4[0] + 2 * room, A4[1] + 2 * room), invariant=1)
    for _ in range(2):
        c.setTrimBox((room, room, room + A4[0], room + A4[1]))
        c.rect(room, room, 100, 100, fill=1)
        c.showPage()
    c.save()
    make_pdfx(src, dst, PdfxOptions(registration_marks=True))
    with pikepdf.open(dst) as pdf:
        for page in pdf.pages:
            space = page.obj.Resources.ColorSpace.CSReg
            assert (space[0], space[1], space[2]) == ("/Separation", "/All", "/DeviceCMYK")
            assert [float(v) for v in space[3].C1] == [1, 1, 1, 1]
            ops = [str(op) for _, op in pikepdf.parse_content_stream(page)]
            assert ops.count("c") == 16 and "SCN" in ops      # four circles of four arcs
    with pdfplumber.open(dst) as doc:
        p = doc.pages[0]
        marks = [x for x in p.curves if x["stroking_color"] in (1, (1,), [1])]
        assert len(marks) == 4
        bleed = room - 3 * 72 / 25.4
        for m in marks:
            assert (m["x1"] < bleed or m["x0"] > p.width - bleed
                    or m["top"] > p.height - bleed or m["bottom"] < bleed)
    # no room outside the bleed (a trim-size page): no marks at all
    _numbered_pdf(src, 1)
    make_pdfx(src, dst, PdfxOptions(registration_marks=True))
    with pikepdf.open(dst) as pdf:
        assert "/ColorSpace" not in pdf.pages[0].obj.Resources


def test_one_booklet_plan_puts_spine_edges_at_the_fold_with_creep():
    """The plan the booklet PDF and Qt printing share: A4 pages on A3 at full size, each
    page's spine edge at the sheet centre, the innermost sheet moved by the whole creep."""
    from editor.render.impose import MM, SHEETS, BookletOptions, booklet_plan
    a4 = (210 * MM, 297 * MM)
    plan = booklet_plan([a4] * 12, BookletOptions(sheet="A3", creep_mm=0.6))
    centre = SHEETS["A3"][0] / 2
    assert len(plan) == 6 and all(len(side) == 2 for side in plan)
    for side_no, side in enumerate(plan):
        creep = 0.6 * MM * (side_no // 2) / 2
        left, right = side
        assert left.scale == pytest.approx(1.0) and left.w == pytest.approx(a4[0])
        assert left.x + left.w == pytest.approx(centre + creep)
        assert right.x == pytest.approx(centre - creep)
    assert [(s[0].index, s[1].index) for s in plan[:2]] == [(11, 0), (1, 10)]
