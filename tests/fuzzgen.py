"""Seeded mutations of .docx packages and proof PDFs for the robustness fuzz test
(tests/test_fuzz_inputs.py) and its bench variant (bench/bench_fuzz.py).

Families (issue #24): byte flips, truncation, a corrupted zip member, and XML mutations —
huge spans and grid offsets, numbering starts, w:sym codes, deep table nesting, DOCTYPE
(late in the part or in UTF-16), picture extents, a huge PNG, 400-digit numbers; proof
PDFs: bad dates, malformed Rect/QuadPoints/RD/Annots/IRT, damaged embedded maps (gzip
bomb, broken stream, wrong JSON), too many annotations, byte flips and truncation.
Everything is a pure function of the seed and the source files.
"""
from __future__ import annotations

import gzip
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HUGE = ["1000", "1000000", "100000000", "1" + "0" * 20, "9" * 400, "-5", "abc", "1e9",
        "NaN", "inf", "2147483648", "0"]
SYM_CODES = ["D800", "DFFF", "-5", "FFFFFFFF", "110000", "FFFE", "0001", "F0B7", "zz",
             "1F600", "FDD0", "0"]
EXTENTS = ["NaN", "inf", "-inf", "abc", "-12700", "1e30", "9" * 400, "", "0"]

DOCX_FAMILIES = ("byteflip", "truncate", "member", "span", "gridbefore", "numstart", "sym",
                 "nesting", "doctype", "extent", "hugepng", "bignumber", "textbox")
PDF_FAMILIES = ("pdf-date", "pdf-rect", "pdf-quad", "pdf-rd", "pdf-annots", "pdf-irt",
                "pdf-map", "pdf-many", "pdf-flip", "pdf-truncate")


# -- zip helpers ----------------------------------------------------------------------------
def _members(data: bytes) -> list[tuple[str, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [(i.filename, z.read(i)) for i in z.infolist()]
    except Exception:       # noqa: BLE001 — a broken source: byte-level families only
        return None


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def _main_name(members) -> str | None:
    names = [n for n, _ in members]
    for n in names:
        if n.lower() == "word/document.xml":
            return n
    return next((n for n in names if n.endswith("document.xml")), None)


def _with_part(members, name: str, data: bytes) -> list[tuple[str, bytes]]:
    out = [(n, d) for n, d in members if n != name]
    return out + [(name, data)]


def _edit_main(members, edit) -> bytes | None:
    main = _main_name(members)
    if main is None:
        return None
    xml = dict(members)[main].decode("utf-8", "replace")
    new = edit(xml)
    if new is None or new == xml:
        return None
    return _zip([(n, new.encode("utf-8") if n == main else d) for n, d in members])


# -- docx families ----------------------------------------------------------------------------
def _byteflip(rng, data, members):
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        k = rng.randrange(len(out))
        out[k] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng, data, members):
    return data[:rng.randrange(1, max(2, len(data)))]


def _member(rng, data, members):
    """Corrupt the compressed bytes (or the CRC) of one member in place."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = [i for i in z.infolist() if i.compress_size > 4]
    if not infos:
        return None
    info = rng.choice(infos)
    out = bytearray(data)
    name_len, extra_len = struct.unpack("<HH", out[info.header_offset + 26:
                                                   info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    if rng.random() < 0.25:
        crc = info.header_offset + 14
        out[crc:crc + 4] = bytes(rng.randrange(256) for _ in range(4))
    else:
        for _ in range(rng.randint(1, 6)):
            k = start + rng.randrange(info.compress_size)
            out[k] = rng.randrange(256)
    return bytes(out)


def _span(rng, data, members):
    value = rng.choice(HUGE)
    attr = rng.choice(["gridSpan", "gridSpan", "hMerge"])

    def edit(xml):
        if "<w:tc>" not in xml and "<w:tc " not in xml:
            table = (f'<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>'
                     f'<w:tcPr><w:{attr} w:val="{value}"/></w:tcPr><w:p><w:r><w:t>格</w:t>'
                     "</w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>")
            return xml.replace("</w:body>", table + "</w:body>", 1) if "</w:body>" in xml \
                else None
        return re.sub(r"<w:tc>|<w:tc (?=[^>]*>)",
                      lambda m: m.group() + f'<w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>'
                      if m.group() == "<w:tc>" else m.group(), xml, count=rng.randint(1, 3))
    return _edit_main(members, edit)


def _gridbefore(rng, data, members):
    value = rng.choice(HUGE)
    tag = rng.choice(["gridBefore", "gridAfter"])

    def edit(xml):
        if "<w:tr>" not in xml:
            table = (f'<w:tbl><w:tr><w:trPr><w:{tag} w:val="{value}"/></w:trPr><w:tc><w:p>'
                     "<w:r><w:t>前</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
            return xml.replace("</w:body>", table + "</w:body>", 1)
        return xml.replace("<w:tr>", f'<w:tr><w:trPr><w:{tag} w:val="{value}"/></w:trPr>',
                           rng.randint(1, 3))
    return _edit_main(members, edit)


_NUMBERING = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
              '<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
              '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="0"/>{override}</w:num></w:numbering>')


def _numstart(rng, data, members):
    """Numbering with a huge start (or startOverride) on paragraphs of the main part."""
    start = rng.choice(["1000000000000", "9" * 400, "-7", "32768", "2147483647", "abc"])
    fmt = rng.choice(["upperRoman", "lowerRoman", "upperLetter", "chineseCounting",
                      "decimal", "ideographTraditional", "decimalEnclosedCircle"])
    override = (f'<w:lvlOverride w:ilvl="{rng.choice(["0", "99", "-1", "9" * 30])}">'
                f'<w:startOverride w:val="{start}"/></w:lvlOverride>'
                if rng.random() < 0.4 else "")
    numbering = _NUMBERING.format(start=start, fmt=fmt, override=override).encode()
    main = _main_name(members)
    if main is None:
        return None
    folder = main.rsplit("/", 1)[0]
    names = dict(members)
    rels_name = f"{folder}/_rels/{main.rsplit('/', 1)[1]}.rels"
    rels = names.get(rels_name, b"").decode("utf-8", "replace")
    if "numbering" not in rels and "</Relationships>" in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdFz" Type="http://schema'
                            's.openxmlformats.org/officeDocument/2006/relationships/numbering" '
                            'Target="numbering.xml"/></Relationships>')
    target = f"{folder}/numbering.xml"
    for n in names:
        if n.lower().endswith("numbering.xml"):
            target = n
    xml = names[main].decode("utf-8", "replace")
    xml = re.sub(r"<w:p>", '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
                 "</w:numPr></w:pPr>", xml, count=rng.randint(1, 5))
    out = [(n, d) for n, d in members if n not in (main, rels_name, target)]
    out += [(main, xml.encode()), (target, numbering)]
    if rels:
        out.append((rels_name, rels.encode()))
    return _zip(out)


def _sym(rng, data, members):
    codes = [rng.choice(SYM_CODES) for _ in range(rng.randint(1, 4))]
    runs = "".join(f'<w:r><w:sym w:font="{rng.choice(["Symbol", "Wingdings", "宋体"])}" '
                   f'w:char="{c}"/></w:r>' for c in codes)
    return _edit_main(members, lambda xml: re.sub(r"</w:p>", runs + "</w:p>", xml,
                                                  count=rng.randint(1, 3)))


def _nesting(rng, data, members):
    depth = rng.choice([30, 120, 200, 300])
    inner = "<w:p><w:r><w:t>最深处</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return _edit_main(members, lambda xml: xml.replace("</w:body>", inner + "</w:body>", 1)
                      if "</w:body>" in xml else None)


def _doctype(rng, data, members):
    main = _main_name(members)
    if main is None:
        return None
    xml = dict(members)[main].decode("utf-8", "replace")
    decl = re.match(r"<\?xml[^>]*\?>", xml)
    body = xml[decl.end():] if decl else xml
    doctype = '<!DOCTYPE w:document [<!ENTITY e "x">]>'
    if rng.random() < 0.5:
        new = '<?xml version="1.0" encoding="UTF-16"?>' + "<!--" + "填" * 3000 + "-->" + \
            doctype + body
        blob = new.encode("utf-16")
    else:
        new = '<?xml version="1.0" encoding="UTF-8"?>' + "\n" * rng.randint(4096, 9000) + \
            doctype + body
        blob = new.encode("utf-8")
    return _zip(_with_part(members, main, blob))


def _extent(rng, data, members):
    cx, cy = rng.choice(EXTENTS), rng.choice(EXTENTS)
    drawing = ('<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
               f'drawingml/2006/wordprocessingDrawing"><wp:extent cx="{cx}" cy="{cy}"/>'
               '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
               '<a:graphicData><a:blip xmlns:r="http://schemas.openxmlformats.org/'
               'officeDocument/2006/relationships" r:embed="rIdFzImg"/></a:graphicData>'
               "</a:graphic></wp:inline></w:drawing></w:r>")

    def edit(xml):
        if "<wp:extent " in xml:
            return re.sub(r'<wp:extent cx="[^"]*" cy="[^"]*"', f'<wp:extent cx="{cx}" cy="{cy}"',
                          xml)
        return re.sub(r"</w:p>", drawing + "</w:p>", xml, count=1)
    return _edit_main(members, edit)


def huge_png(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of ``width`` × ``height``, small on disk (white with a rule),
    written row by row so that making it never holds the pixels."""
    row_bytes = (width + 7) // 8
    white = b"\0" + b"\xff" * row_bytes
    line = b"\0" + b"\x00" * row_bytes
    comp = zlib.compressobj(9)
    body = bytearray()
    for y in range(height):
        body += comp.compress(line if y % 997 == 0 else white)
    body += comp.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0,
                                                              0, 0, 0))
            + chunk(b"IDAT", bytes(body)) + chunk(b"IEND", b""))


_PNG_CACHE: dict[tuple[int, int], bytes] = {}


def with_picture(members, png: bytes, cx: str = "5400000", cy: str = "5400000") -> bytes | None:
    """The package with a picture (``png``) appended to the body as a new paragraph."""
    main = _main_name(members)
    if main is None:
        return None
    folder, base = main.rsplit("/", 1)
    names = dict(members)
    rels_name = f"{folder}/_rels/{base}.rels"
    rels = names.get(rels_name, b"<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                                b"package/2006/relationships\"></Relationships>").decode(
        "utf-8", "replace")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdFzImg" Type="http://schemas'
                        '.openxmlformats.org/officeDocument/2006/relationships/image" '
                        'Target="media/fuzz.png"/></Relationships>')
    drawing = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
               f'drawingml/2006/wordprocessingDrawing"><wp:extent cx="{cx}" cy="{cy}"/>'
               '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
               '<a:graphicData><a:blip xmlns:r="http://schemas.openxmlformats.org/'
               'officeDocument/2006/relationships" r:embed="rIdFzImg"/></a:graphicData>'
               "</a:graphic></wp:inline></w:drawing></w:r></w:p>")
    xml = names[main].decode("utf-8", "replace")
    if "</w:body>" not in xml:
        return None
    xml = xml.replace("<w:sectPr", drawing + "<w:sectPr", 1) if "<w:sectPr" in xml else \
        xml.replace("</w:body>", drawing + "</w:body>", 1)
    out = [(n, d) for n, d in members if n not in (main, rels_name)]
    out += [(main, xml.encode()), (rels_name, rels.encode()), (f"{folder}/media/fuzz.png", png)]
    return _zip(out)


def _hugepng(rng, data, members):
    size = rng.choice([(7000, 7000), (9000, 6000), (12000, 3000)])
    if size not in _PNG_CACHE:
        _PNG_CACHE[size] = huge_png(*size)
    return with_picture(members, _PNG_CACHE[size])


def _bignumber(rng, data, members):
    big = rng.choice(["9" * 400, "1" + "0" * 40, "-" + "9" * 60])
    attrs = [(r'<w:sz w:val="\d+"', f'<w:sz w:val="{big}"'),
             (r'<w:ind ', f'<w:ind w:firstLine="{big}" '),
             (r'<w:spacing ', f'<w:spacing w:line="{big}" '),
             (r'<w:gridCol w:w="\d+"', f'<w:gridCol w:w="{big}"'),
             (r'<w:trHeight w:val="\d+"', f'<w:trHeight w:val="{big}"')]

    def edit(xml):
        for pattern, repl in rng.sample(attrs, 3):
            xml = re.sub(pattern, repl, xml, count=rng.randint(1, 4))
        return xml + "" if "<w:p>" not in xml else xml.replace(
            "<w:p>", f'<w:p><w:pPr><w:spacing w:before="{big}"/><w:ind w:left="{big}"/>'
            "</w:pPr>", 1)
    return _edit_main(members, edit)


def _textbox(rng, data, members):
    depth = rng.choice([5, 20, 40])
    inner = "<w:p><w:r><w:t>框</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
                 f"<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    return _edit_main(members, lambda xml: xml.replace("</w:body>", inner + "</w:body>", 1)
                      if "</w:body>" in xml else None)


_DOCX = {"byteflip": _byteflip, "truncate": _truncate, "member": _member, "span": _span,
         "gridbefore": _gridbefore, "numstart": _numstart, "sym": _sym, "nesting": _nesting,
         "doctype": _doctype, "extent": _extent, "hugepng": _hugepng, "bignumber": _bignumber,
         "textbox": _textbox}


def docx_mutations(sources: list[Path], seed: int, count: int,
                   families: tuple[str, ...] = DOCX_FAMILIES) -> Iterator[tuple[str, str, bytes]]:
    """``count`` mutated packages as (family, source name, bytes), round-robin over the
    families (a family that cannot apply to a source tries another source)."""
    rng = random.Random(seed)
    blobs = [(p.name, p.read_bytes()) for p in sources]
    made = 0
    k = 0
    while made < count:
        family = families[k % len(families)]
        k += 1
        for _attempt in range(8):
            name, data = rng.choice(blobs)
            members = _members(data)
            if members is None and family not in ("byteflip", "truncate"):
                continue
            out = _DOCX[family](rng, data, members)
            if out is not None:
                made += 1
                yield family, name, out
                break


# -- proof PDFs ---------------------------------------------------------------------------------
def proof_pdf(pages: int = 2, annotations: list[dict] | None = None,
              map_blob: bytes | None = None) -> bytes:
    """A small proof PDF as the exporter makes one: pages of A4 with the gzipped map of
    their positioned text attached, and markup annotations (dicts of PDF keys)."""
    from pypdf import PdfWriter
    from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject,
                               TextStringObject)

    from editor.layout.items import Source, TextItem
    from editor.proof.export import MAP_NAME
    from editor.proof.geometry import PageMap, ProofMap

    writer = PdfWriter()
    page_maps = []
    for n in range(pages):
        writer.add_blank_page(595.28, 841.89)
        items = [TextItem(x=90.0, y=120.0 + 30 * k, text="关于公布文物保护单位的通知", face="",
                          size=16.0, xs=[90.0 + 16 * j for j in range(13)], width=208.0,
                          source=Source("d1", f"p{n}-{k}", 0, 13)) for k in range(5)]
        page_maps.append(PageMap(595.28, 841.89, items, "d1", False))
    blob = map_blob if map_blob is not None else gzip.compress(
        ProofMap("build1", page_maps).to_json())
    writer.add_attachment(MAP_NAME, blob)

    def pdf_value(v):
        if isinstance(v, list):
            return ArrayObject([pdf_value(x) for x in v])
        if isinstance(v, (int, float)):
            return FloatObject(v)
        if isinstance(v, str) and v.startswith("/"):
            return NameObject(v)
        return TextStringObject(str(v))
    for ann in annotations or []:
        page = writer.pages[ann.pop("_page", 0) % pages]
        d = DictionaryObject({NameObject("/Type"): NameObject("/Annot")})
        for key, value in ann.items():
            d[NameObject(key)] = pdf_value(value)
        ref = writer._add_object(d)
        page.setdefault(NameObject("/Annots"), ArrayObject()).append(ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_GOOD = {"/Subtype": "/Highlight", "/Rect": [90, 700, 300, 725], "/Contents": "请核",
         "/QuadPoints": [90, 725, 300, 725, 90, 700, 300, 700], "/T": "校对员",
         "/M": "D:20250313120000+08'00'"}
_BAD_DATES = ["D:20251301120000", "D:20250230", "D:99999999999999", "D:0000", "garbage",
              "D:2025-03-13", "D:20250231246161"]
_BAD_ARRAYS = [[1, 2, 3], ["/a", "/b", "/c", "/d"], [], [1e300, 0, 1e300, 1e300], "notarray",
               ["/NaN"] * 4, [1] * 9, [[1, 2], 3, 4, 5], [-1e300, -1e300, 0, 0]]


def _pdf_case(rng, family: str) -> bytes:
    def good(**extra):
        d = dict(_GOOD)
        d.update(extra)
        return d
    if family == "pdf-date":
        return proof_pdf(annotations=[good(**{"/M": rng.choice(_BAD_DATES)}),
                                      good(**{"/CreationDate": rng.choice(_BAD_DATES),
                                              "/M": rng.choice(_BAD_DATES)})])
    if family == "pdf-rect":
        return proof_pdf(annotations=[good(**{"/Rect": rng.choice(_BAD_ARRAYS)}), good()])
    if family == "pdf-quad":
        return proof_pdf(annotations=[good(**{"/QuadPoints": rng.choice(_BAD_ARRAYS)})])
    if family == "pdf-rd":
        return proof_pdf(annotations=[{"/Subtype": "/Caret", "/Rect": [100, 700, 110, 725],
                                       "/Contents": "增", "/RD": rng.choice(_BAD_ARRAYS)}])
    if family == "pdf-annots":
        data = proof_pdf(annotations=[good()])
        return data.replace(b"/Annots [", b"/Annots " + rng.choice(
            [b"(x) [", b"42 [", b"/Name [", b"<< >> ["]), 1)
    if family == "pdf-irt":
        return proof_pdf(annotations=[good(), {"/Subtype": "/Text", "/Rect": [90, 700, 95, 705],
                                               "/Contents": "回复", "/IRT": rng.choice(
                                                   ["text", 12, "/Name", [1, 2]]),
                                               "/RT": rng.choice(["/R", "/Group"])}])
    if family == "pdf-map":
        kind = rng.randrange(6)
        if kind == 0:                                    # a gzip bomb (~2 GB if unbounded)
            comp = zlib.compressobj(9, zlib.DEFLATED, 31)
            chunk = b"\0" * (1 << 20)
            blob = b"".join(comp.compress(chunk) for _ in range(rng.choice([200, 2000]))) \
                + comp.flush()
        elif kind == 1:
            blob = gzip.compress(b'{"pages": [')[:-8]       # broken stream
        elif kind == 2:
            blob = gzip.compress(b'{"build": 5, "pages": [{"w": "x", "h": 1, "items": 3}]}')
        elif kind == 3:
            blob = b"not gzip at all"
        elif kind == 4:
            blob = gzip.compress(b'{"build": "b", "pages": [{"w": 595, "h": 842, "items": '
                                 b'[[1, 2, 3, "abc", [1], 5, "d1", "p", 0, 9]]}, '
                                 b'{"w": 595, "h": 842, "items": []}]}')
        else:
            blob = gzip.compress(b"\xff\xfe garbage")
        return proof_pdf(annotations=[good()], map_blob=blob)
    if family == "pdf-many":
        return proof_pdf(annotations=[good(_page=k) for k in range(rng.choice([50, 400]))])
    base = proof_pdf(annotations=[good(), good(**{"/Subtype": "/StrikeOut"})])
    if family == "pdf-truncate":
        return base[:rng.randrange(1, len(base))]
    out = bytearray(base)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def pdf_mutations(seed: int, count: int,
                  families: tuple[str, ...] = PDF_FAMILIES) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    for k in range(count):
        family = families[k % len(families)]
        yield family, _pdf_case(rng, family)


# -- running one case -----------------------------------------------------------------------
class Overtime(BaseException):
    """A case ran over its time bound (a BaseException: no handler in the code under
    test may swallow it)."""


def run_case(kind: str, data: bytes, name: str = "fuzz.docx", limit: float = 20.0):
    """("import" | "refused" | "internal", seconds, detail) of importing one mutated
    input in this process; an import must also give a document the project file can
    store (JSON, UTF-8)."""
    import signal
    import time

    from editor.errors import GazetteError

    def alarm(signum, frame):
        raise Overtime(f"over {limit} s")
    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        if kind == "pdf":
            from editor.proof.import_ import import_proof
            import_proof(io.BytesIO(data))
        else:
            from editor.docx_import import import_docx_bytes
            from editor.model.serialize import dumps, loads
            result = import_docx_bytes(data, name)
            loads(dumps(result.document).encode("utf-8").decode("utf-8"))
        outcome, detail = "import", ""
    except GazetteError as exc:
        outcome, detail = "refused", exc.message
        if "内部错误" in exc.message:
            outcome = "internal"
    except Overtime as exc:
        outcome, detail = "internal", f"Overtime: {exc}"
    except Exception as exc:  # noqa: BLE001 — exactly what the fuzz test looks for
        import traceback
        outcome = "internal"
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        detail = text if len(text) < 3000 else text[:1200] + "\n…\n" + text[-1500:]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return outcome, time.perf_counter() - start, detail
