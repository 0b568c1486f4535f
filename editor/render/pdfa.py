"""Turn a finished gazette PDF into an archival PDF/A-2u file (layer: render, no Qt).

Archives (档案馆) keep every published issue for the long term and ask for PDF/A
(ISO 19005-2, level U: every character's Unicode recoverable).  Input: the PDF written by
``editor.render.pdf.write_pdf(..., archival=True)`` — every font already an embedded
TrueType subset with a ToUnicode map, the placeholder boxes of characters no face has
drawn as paths inside a ``/Span`` with ``ActualText``.  This module adds what PDF/A asks:

- an OutputIntent (``GTS_PDFA1``) with an sRGB ICC profile (N=3), which the page's RGB
  colour operators and images are then interpreted through.  The profile is LittleCMS's
  built-in sRGB, made by Pillow (``ImageCms.createProfile("sRGB")``): no file of unclear
  licence is shipped; its header version is written as 4.2 (ICC.1:2004-10, the version
  PDF 1.7 names) — LittleCMS says 4.4 but uses no tag later than 4.2;
- XMP metadata with ``pdfaid:part`` 2 and ``pdfaid:conformance`` U and the Info
  dictionary's facts in their XMP properties (Title ↔ dc:title, Author ↔ dc:creator,
  Subject ↔ dc:description, Creator ↔ xmp:CreatorTool, Producer ↔ pdf:Producer,
  CreationDate/ModDate ↔ xmp:CreateDate/ModifyDate, the same instant), dc:date;
- annotations: only links within the file (GoTo) or to the web (URI); each with the
  print flag (F=4) and an appearance stream (an empty form: the link draws nothing);
- pictures in DeviceCMYK (a CMYK JPEG from a sender) are tagged ICC-based with the
  generic CMYK profile of ``editor.render.icc`` (a device CMYK space is not allowed
  beside an RGB output intent);
- no encryption, no JavaScript or other actions, no interpolated images; a file ID.

Transparency (soft-masked pictures) is allowed in PDF/A-2 and kept.  What cannot be made
right here (a font not embedded, a glyph without Unicode) is refused in Chinese.
"""
from __future__ import annotations

import hashlib
import io
import struct
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pikepdf
from pikepdf import Name

from editor.errors import GazetteError
from editor.render.pdf import creation_time
from editor.render.pdfx import _pdf_date

PDFA_2U = "PDF/A-2u"
SRGB_CONDITION = "sRGB IEC61966-2.1"
_LINK_ACTIONS = {"/GoTo", "/URI"}
_KEEP_ANNOTS = {"/Link"}
_PRINT = 4


@dataclass
class PdfaOptions:
    title: str = ""
    timestamp: datetime | None = None     # None: now, or SOURCE_DATE_EPOCH (reproducible)


_PROFILE_DATE = struct.pack(">6H", 2024, 1, 1, 0, 0, 0)


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile (LittleCMS's built-in, via Pillow), header version 4.2, dated
    2024-01-01 (LittleCMS stamps the time it was made: rebuilds would differ)."""
    from PIL import ImageCms
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    if data[8] == 4 and data[9] > 0x20:     # the profile ID stays zero: nothing to re-hash
        data[9:12] = b"\x20\x00\x00"
    data[24:36] = _PROFILE_DATE
    return bytes(data)


def make_pdfa(src: str | Path, dst: str | Path, options: PdfaOptions | None = None
              ) -> list[str]:
    """Write ``src`` as PDF/A-2u at ``dst`` (see the module docstring); returns what was
    changed beyond the metadata, said in Chinese (CMYK pictures, links dropped)."""
    opts = options or PdfaOptions()
    raw = Path(src).read_bytes()
    stamp = opts.timestamp or creation_time()
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        if pdf.is_encrypted:
            raise GazetteError("PDF 已加密，不能转换为存档 PDF（PDF/A 不允许加密）")
        problems = font_problems(pdf)
        if problems:
            raise GazetteError("无法生成存档 PDF（PDF/A-2u）：" + "；".join(problems[:5]))
        _catalog(pdf)
        cmyk: dict = {"count": 0}
        seen: set = set()
        dropped = 0
        for page in pdf.pages:
            for key in ("/AA", "/PresSteps"):
                if key in page.obj:
                    del page.obj[key]
            dropped += _annotations(pdf, page)
            _images(pdf, page.obj.get("/Resources"), seen, cmyk)
        _output_intent(pdf)
        _info_and_xmp(pdf, opts, stamp, raw)
        pdf.save(dst, force_version="1.7", static_id=False, deterministic_id=True,
                 fix_metadata_version=False)
    notes = []
    if cmyk["count"]:
        notes.append(f"提示：{cmyk['count']} 幅 CMYK 图片按通用铜版纸 CMYK 特性标注了色彩"
                     "（存档 PDF 的输出意图是 sRGB）")
    if dropped:
        notes.append(f"提示：去掉了 {dropped} 个 PDF/A 不允许的注释或链接（JavaScript、启动程序、"
                     "外部文件等；网址链接保留）")
    return notes


# --- checks ------------------------------------------------------------------------------------

def _fonts(resources, seen: set):
    """Every font dictionary reachable from ``resources`` (pages' forms included)."""
    if resources is None:
        return
    for font in (resources.get("/Font") or {}).values():
        if font.objgen not in seen:
            seen.add(font.objgen)
            yield font
            yield from _fonts(font.get("/Resources"), seen)        # Type 3 glyph procs
    for xobj in (resources.get("/XObject") or {}).values():
        if xobj.get("/Subtype") == Name.Form and xobj.objgen not in seen:
            seen.add(xobj.objgen)
            yield from _fonts(xobj.get("/Resources"), seen)


def font_problems(pdf) -> list[str]:
    """What keeps the fonts of ``pdf`` from PDF/A-2u, in Chinese (empty: nothing)."""
    out: list[str] = []
    seen: set = set()
    for page in pdf.pages:
        for font in _fonts(page.obj.get("/Resources"), seen):
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            desc = font.get("/FontDescriptor")
            if font.get("/Subtype") == Name.Type0:
                desc = font.DescendantFonts[0].get("/FontDescriptor")
            if font.get("/Subtype") != Name.Type3 and (
                    desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2",
                                                                 "/FontFile3"))):
                out.append(f"字体 {name} 未嵌入")
            if "/ToUnicode" not in font:
                out.append(f"字体 {name} 缺少 ToUnicode 映射（文字无法还原为 Unicode）")
    return out


# --- document structure --------------------------------------------------------------------------

def _catalog(pdf) -> None:
    root = pdf.Root
    for key in ("/AA", "/OpenAction", "/AcroForm", "/OCProperties", "/Requirements"):
        if key in root and (key != "/OpenAction" or _is_action(root[key])):
            del root[key]
    names = root.get("/Names")
    if names is not None:
        for key in ("/JavaScript", "/EmbeddedFiles", "/AlternatePresentations"):
            if key in names:
                del names[key]


def _is_action(obj) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and "/S" in obj


def _annotations(pdf, page) -> int:
    """Keep the links PDF/A allows, printable and with an appearance; returns how many
    annotations were dropped."""
    annots = page.obj.get("/Annots")
    if annots is None:
        return 0
    keep = []
    for annot in annots:
        if str(annot.get("/Subtype")) not in _KEEP_ANNOTS:
            continue
        action = annot.get("/A")
        if action is not None and str(action.get("/S")) not in _LINK_ACTIONS:
            continue                                # Launch, JavaScript, GoToR …
        if action is not None and "/Next" in action:
            del action["/Next"]
        if "/AA" in annot:
            del annot["/AA"]
        annot.F = _PRINT
        rect = [float(v) for v in annot.Rect]
        form = pdf.make_stream(b"")
        form.Type, form.Subtype = Name.XObject, Name.Form
        form.BBox = pikepdf.Array([0, 0, abs(rect[2] - rect[0]), abs(rect[3] - rect[1])])
        annot.AP = pikepdf.Dictionary(N=form)
        keep.append(annot)
    if keep:
        page.obj.Annots = pikepdf.Array(keep)
    else:
        del page.obj["/Annots"]
    return len(annots) - len(keep)


def _images(pdf, resources, seen: set, cmyk: dict) -> None:
    """No interpolation, no alternate images, no PostScript (PDF/A-2 6.2.8, 6.2.9); a
    DeviceCMYK picture (also as an Indexed base) ICC-based (6.2.4.3)."""
    if resources is None:
        return
    for xobj in (resources.get("/XObject") or {}).values():
        if xobj.objgen in seen:
            continue
        seen.add(xobj.objgen)
        for key in ("/Alternates", "/OPI", "/PS", "/Subtype2"):
            if key in xobj:
                del xobj[key]
        if xobj.get("/Interpolate"):
            xobj.Interpolate = False
        space = xobj.get("/ColorSpace")
        if space == Name.DeviceCMYK:
            xobj.ColorSpace = _cmyk_space(pdf, cmyk)
            cmyk["count"] += 1
        elif (isinstance(space, pikepdf.Array) and len(space) == 4
              and space[0] == Name.Indexed and space[1] == Name.DeviceCMYK):
            space[1] = _cmyk_space(pdf, cmyk)
            cmyk["count"] += 1
        if xobj.get("/Subtype") == Name.Form:
            _images(pdf, xobj.get("/Resources"), seen, cmyk)


def _cmyk_space(pdf, made: dict):
    """[/ICCBased <generic CMYK profile>], made once per file."""
    if "space" not in made:
        from editor.render import icc
        stream = pdf.make_stream(icc.load_profile(None)[0])
        stream.N = 4
        stream.Alternate = Name.DeviceCMYK
        made["space"] = pdf.make_indirect(pikepdf.Array([Name.ICCBased, stream]))
    return made["space"]


def _output_intent(pdf) -> None:
    stream = pdf.make_stream(srgb_profile())
    stream.N = 3
    stream.Alternate = Name.DeviceRGB
    intent = pikepdf.Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(SRGB_CONDITION),
        Info=pikepdf.String(SRGB_CONDITION),
        RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=stream)
    pdf.Root.OutputIntents = pdf.make_indirect(pikepdf.Array([intent]))


def _info_and_xmp(pdf, opts: PdfaOptions, stamp: datetime, raw: bytes) -> None:
    info = pdf.docinfo
    for key in list(info.keys()):                   # an empty entry has no XMP twin
        if not str(info[key]).strip():
            del info[key]
    title = opts.title or str(info.get("/Title", "")) or "公报"
    info[Name.Title] = pikepdf.String(title)
    info[Name.CreationDate] = pikepdf.String(_pdf_date(stamp))
    info[Name.ModDate] = pikepdf.String(_pdf_date(stamp))
    when = stamp.isoformat()
    doc_id = "uuid:" + hashlib.sha256(raw).hexdigest()[:32]
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "U"
        meta["dc:title"] = title
        meta["dc:format"] = "application/pdf"
        meta["dc:date"] = [when]
        if "/Author" in info:
            meta["dc:creator"] = [str(info.Author)]
        if "/Subject" in info:
            meta["dc:description"] = str(info.Subject)
        if "/Keywords" in info:
            meta["pdf:Keywords"] = str(info.Keywords)
        if "/Creator" in info:
            meta["xmp:CreatorTool"] = str(info.Creator)
        if "/Producer" in info:
            meta["pdf:Producer"] = str(info.Producer)
        if "/Trapped" in info:
            meta["pdf:Trapped"] = str(info.Trapped).lstrip("/")
        meta["xmp:CreateDate"] = when
        meta["xmp:ModifyDate"] = when
        meta["xmp:MetadataDate"] = when
        meta["xmpMM:DocumentID"] = doc_id
        meta["xmpMM:InstanceID"] = doc_id
