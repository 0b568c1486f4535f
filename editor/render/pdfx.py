"""Turn a finished gazette PDF into a PDF/X print file (layer: render, no Qt).

Input: the PDF written by ``editor.render.pdf`` (reportlab; RGB colour operators).
Output: PDF/X-4 (default) or PDF/X-1a:2001:
- every colour operator rewritten to DeviceCMYK: pure black text and rules become K only
  (never rich black), the template's spot-like colours (the 版头 red) get their exact CMYK
  values, anything else is converted through the output profile's model;
- images: X-4 tags RGB images with an ICC-based sRGB space; X-1a converts them to CMYK
  (flattened onto white, no transparency);
- OutputIntent (GTS_PDFX) with the embedded CMYK profile, GTS_PDFXVersion, Trapped,
  CreationDate/ModDate, XMP metadata with the same facts, a document ID;
- TrimBox and BleedBox on every page (BleedBox = TrimBox grown by the bleed, within the
  MediaBox);
- optional registration marks (target circles with a cross, in the ``All`` separation so
  they print on every plate) centred on each side, outside the bleed, when the page has
  room for them (a bleed PDF with crop marks has 7 mm).

pikepdf (qpdf) does the object surgery: it parses and rewrites content streams safely,
which reportlab (a writer only) cannot do after the fact.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pikepdf
from pikepdf import Name

from editor.render import icc
from editor.render.pdf import creation_time

MM = 72 / 25.4

# The template's named colours and their print values (GB/T 9704 red: M80 Y80; the
# templates draw it as D7000F on screen).
DEFAULT_COLOURS = {
    (0.0, 0.0, 0.0): (0.0, 0.0, 0.0, 1.0),
    (1.0, 0.0, 0.0): (0.0, 0.8, 0.8, 0.0),
    (0xD7 / 255, 0.0, 0x0F / 255): (0.0, 0.8, 0.8, 0.0),
}
# Annotations a PDF/X file may keep (everything else, e.g. 目录 links, is dropped).
_PRINT_ANNOTS = {"/PrinterMark", "/TrapNet"}


@dataclass
class PdfxOptions:
    version: str = "PDF/X-4"                     # or "PDF/X-1a:2001"
    icc_path: str | None = None
    bleed_mm: float = 3.0
    colours: dict[tuple[float, float, float], tuple[float, float, float, float]] = field(
        default_factory=lambda: dict(DEFAULT_COLOURS))
    title: str = ""
    registration_marks: bool = False
    timestamp: datetime | None = None     # None: now, or SOURCE_DATE_EPOCH (reproducible)


def make_pdfx(src: str | Path, dst: str | Path, options: PdfxOptions | None = None) -> None:
    opts = options or PdfxOptions()
    x1a = opts.version.upper().startswith("PDF/X-1")
    profile, description = icc.load_profile(opts.icc_path)
    raw = Path(src).read_bytes()
    stamp = opts.timestamp or creation_time()
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        converter = _ColourRewriter(opts.colours)
        srgb = _srgb_space(pdf) if not x1a else None
        reg_space = _registration_space(pdf) if opts.registration_marks else None
        for page in pdf.pages:
            _rewrite_page(pdf, page, converter, srgb, x1a, profile)
            _set_boxes(page, opts.bleed_mm)
            _drop_annotations(page)
            if reg_space is not None:
                _registration_marks(page, reg_space, opts.bleed_mm)
        _output_intent(pdf, profile, description)
        _info_and_xmp(pdf, opts, stamp, raw)
        # PDF/X-4 is based on PDF 1.6, PDF/X-1a:2001 on PDF 1.3
        pdf.save(dst, force_version="1.3" if x1a else "1.6", static_id=False,
                 deterministic_id=True, fix_metadata_version=False)


# --- colour --------------------------------------------------------------------------------

class _ColourRewriter:
    def __init__(self, colours):
        self.colours = {tuple(round(v, 3) for v in k): v for k, v in colours.items()}

    def cmyk(self, r: float, g: float, b: float) -> tuple[float, float, float, float]:
        key = (round(r, 3), round(g, 3), round(b, 3))
        if key in self.colours:
            return self.colours[key]
        if r == g == b:
            return 0.0, 0.0, 0.0, round(1.0 - r, 4)
        return tuple(round(v, 4) for v in icc.lab_to_cmyk(*icc._srgb_to_lab(r, g, b)))

    def rewrite(self, instructions):
        out = []
        for operands, operator in instructions:
            op = str(operator)
            if op in ("rg", "RG") and len(operands) == 3:
                vals = self.cmyk(*(float(v) for v in operands))
                out.append(([*vals], pikepdf.Operator("k" if op == "rg" else "K")))
            elif op in ("g", "G") and len(operands) == 1:
                out.append(([0, 0, 0, round(1 - float(operands[0]), 4)],
                            pikepdf.Operator("k" if op == "g" else "K")))
            else:
                out.append((operands, operator))
        return out


def _rewrite_page(pdf, page, converter, srgb, x1a, profile) -> None:
    instructions = pikepdf.parse_content_stream(page)
    rewritten = converter.rewrite(instructions)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(rewritten))
    resources = page.obj.get("/Resources")
    if resources is not None:
        _rewrite_resources(pdf, resources, converter, srgb, x1a, profile, set())


def _rewrite_resources(pdf, resources, converter, srgb, x1a, profile, seen) -> None:
    xobjects = resources.get("/XObject")
    if xobjects is None:
        return
    for name in list(xobjects.keys()):
        xobj = xobjects[name]
        key = xobj.objgen
        if key in seen:
            continue
        seen.add(key)
        subtype = xobj.get("/Subtype")
        if subtype == Name.Form:
            xobj.write(pikepdf.unparse_content_stream(
                converter.rewrite(pikepdf.parse_content_stream(xobj))))
            inner = xobj.get("/Resources")
            if inner is not None:
                _rewrite_resources(pdf, inner, converter, srgb, x1a, profile, seen)
        elif subtype == Name.Image:
            _fix_image(pdf, xobjects, name, xobj, srgb, x1a, profile)


def _srgb_space(pdf):
    from editor.render.pdfa import srgb_profile     # one fixed-date profile: rebuilds match
    stream = pdf.make_stream(srgb_profile())
    stream.N = 3
    stream.Alternate = Name.DeviceRGB
    return pikepdf.Array([Name.ICCBased, stream])


def _fix_image(pdf, xobjects, name, xobj, srgb, x1a, profile) -> None:
    space = xobj.get("/ColorSpace")
    if space != Name.DeviceRGB and not (x1a and "/SMask" in xobj):
        return
    if not x1a:
        xobj.ColorSpace = srgb
        return
    from PIL import Image, ImageCms
    pil = pikepdf.PdfImage(xobj).as_pil_image().convert("RGBA")
    white = Image.new("RGBA", pil.size, (255, 255, 255, 255))
    flat = Image.alpha_composite(white, pil).convert("RGB")
    transform = ImageCms.buildTransform(ImageCms.createProfile("sRGB"),
                                        ImageCms.ImageCmsProfile(io.BytesIO(profile)), "RGB", "CMYK")
    cmyk = ImageCms.applyTransform(flat, transform)
    new = pdf.make_stream(cmyk.tobytes())
    new.Type, new.Subtype = Name.XObject, Name.Image
    new.Width, new.Height = cmyk.size
    new.ColorSpace, new.BitsPerComponent = Name.DeviceCMYK, 8
    xobjects[name] = new


# --- boxes, output intent, metadata ----------------------------------------------------------

def _set_boxes(page, bleed_mm: float) -> None:
    media = [float(v) for v in page.obj.MediaBox]
    trim = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
    b = bleed_mm * MM
    bleed = [max(media[0], trim[0] - b), max(media[1], trim[1] - b),
             min(media[2], trim[2] + b), min(media[3], trim[3] + b)]
    page.obj.TrimBox = pikepdf.Array(trim)
    page.obj.BleedBox = pikepdf.Array(bleed)
    if "/ArtBox" in page.obj:
        del page.obj["/ArtBox"]


REG_RADIUS = 2.0 * MM
REG_ARM = 3.0 * MM
_KAPPA = 0.5523


def _circle(cx: float, cy: float, r: float) -> str:
    k = r * _KAPPA
    return (f"{cx + r:.3f} {cy:.3f} m "
            f"{cx + r:.3f} {cy + k:.3f} {cx + k:.3f} {cy + r:.3f} {cx:.3f} {cy + r:.3f} c "
            f"{cx - k:.3f} {cy + r:.3f} {cx - r:.3f} {cy + k:.3f} {cx - r:.3f} {cy:.3f} c "
            f"{cx - r:.3f} {cy - k:.3f} {cx - k:.3f} {cy - r:.3f} {cx:.3f} {cy - r:.3f} c "
            f"{cx + k:.3f} {cy - r:.3f} {cx + r:.3f} {cy - k:.3f} {cx + r:.3f} {cy:.3f} c S ")


def _registration_space(pdf):
    """[/Separation /All /DeviceCMYK f]: tint 1 prints 100 % on every plate."""
    function = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0],
                                  C1=[1, 1, 1, 1], N=1)
    return pdf.make_indirect(pikepdf.Array([Name.Separation, Name.All, Name.DeviceCMYK,
                                            function]))


def _registration_marks(page, space, bleed_mm: float) -> None:
    """Target marks centred on the four sides, between the bleed and the media edge."""
    media = [float(v) for v in page.obj.MediaBox]
    trim = [float(v) for v in page.obj.TrimBox]
    room = min(trim[0] - media[0], media[2] - trim[2], trim[1] - media[1], media[3] - trim[3])
    needed = bleed_mm * MM + 2 * REG_ARM + 0.5 * MM
    if room < needed:
        return
    d = bleed_mm * MM + REG_ARM + 0.25 * MM            # centre distance from the trim
    cx, cy = (trim[0] + trim[2]) / 2, (trim[1] + trim[3]) / 2
    centres = [(cx, trim[1] - d), (cx, trim[3] + d), (trim[0] - d, cy), (trim[2] + d, cy)]
    ops = ["q /CSReg CS 1 SCN 0.25 w "]
    for x, y in centres:
        ops.append(_circle(x, y, REG_RADIUS))
        ops.append(f"{x - REG_ARM:.3f} {y:.3f} m {x + REG_ARM:.3f} {y:.3f} l "
                   f"{x:.3f} {y - REG_ARM:.3f} m {x:.3f} {y + REG_ARM:.3f} l S ")
    ops.append("Q\n")
    page.add_resource(space, Name.ColorSpace, Name.CSReg, prefix="",
                      replace_existing=True)
    page.contents_add("".join(ops).encode("ascii"))


def _drop_annotations(page) -> None:
    """Links and other screen annotations have no place in a print file."""
    annots = page.obj.get("/Annots")
    if annots is None:
        return
    keep = [a for a in annots if str(a.get("/Subtype")) in _PRINT_ANNOTS]
    if keep:
        page.obj.Annots = pikepdf.Array(keep)
    else:
        del page.obj["/Annots"]


def _output_intent(pdf, profile: bytes, description: str) -> None:
    stream = pdf.make_stream(profile)
    stream.N = 4
    intent = pikepdf.Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX,
        OutputConditionIdentifier=pikepdf.String("Custom"),
        OutputCondition=pikepdf.String(icc.CONDITION if description == icc.DESCRIPTION
                                       else description),
        Info=pikepdf.String(description), RegistryName=pikepdf.String(""),
        DestOutputProfile=stream)
    pdf.Root.OutputIntents = pdf.make_indirect(pikepdf.Array([intent]))


def _pdf_date(stamp: datetime) -> str:
    return stamp.strftime("D:%Y%m%d%H%M%S+00'00'")


def _info_and_xmp(pdf, opts: PdfxOptions, stamp: datetime, raw: bytes) -> None:
    info = pdf.docinfo
    title = opts.title or str(info.get("/Title", "")) or "公报"
    info[Name.Title] = pikepdf.String(title)
    info[Name.GTS_PDFXVersion] = pikepdf.String(opts.version)
    if opts.version.upper().startswith("PDF/X-1"):
        info[Name.GTS_PDFXConformance] = pikepdf.String("PDF/X-1a:2001")
    info[Name.Trapped] = Name("/False")
    info[Name.CreationDate] = pikepdf.String(_pdf_date(stamp))
    info[Name.ModDate] = pikepdf.String(_pdf_date(stamp))
    doc_id = "uuid:" + hashlib.sha256(raw).hexdigest()[:32]
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
        meta["xmp:CreateDate"] = stamp.isoformat()
        meta["xmp:ModifyDate"] = stamp.isoformat()
        meta["xmp:MetadataDate"] = stamp.isoformat()
        meta["pdf:Producer"] = str(info.get("/Producer", "Gongbao Editor"))
        meta["pdf:Trapped"] = "False"
        meta["pdfxid:GTS_PDFXVersion"] = opts.version
        meta["xmpMM:DocumentID"] = doc_id
        meta["xmpMM:InstanceID"] = doc_id
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"
