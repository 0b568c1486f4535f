"""One guard for damaged packages (issue #24 items 3 and 10): damaged zip members, DOCTYPE
anywhere and in any encoding, and python-docx as the package reader."""
from __future__ import annotations

import io
import zipfile

import pytest

from conftest import sample
from docx_builder import DECL, W_NS, package, para
from editor.docx_import import DocxImportError, import_docx_bytes
from editor.docx_import.package import Package
from editor.docx_import.report import ImportReport
from editor.guard import Guard


def _refusal(data: bytes, name: str = "坏.docx") -> str:
    with pytest.raises(DocxImportError) as info:
        import_docx_bytes(data, name)
    return info.value.message


def _with_main(xml: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(package(para("正文"))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, xml if info.filename == "word/document.xml"
                       else src.read(info))
    return out.getvalue()


def _document(prolog: str = "") -> str:
    return (DECL + prolog + f'<w:document xmlns:w="{W_NS}"><w:body>{para("正文")}'
            "</w:body></w:document>")


def test_doctype_after_the_first_4_kb_is_refused():
    xml = _document("<!--" + "x" * 6000 + '-->\n<!DOCTYPE w:document [<!ENTITY a "b">]>')
    assert "DTD" in _refusal(_with_main(xml.encode("utf-8")))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_doctype_in_utf16_or_utf32_is_refused(codec):
    xml = _document('<!DOCTYPE w:document [<!ENTITY a "b">]>')
    xml = xml.replace('encoding="UTF-8"', f'encoding="{codec.upper()}"')
    data = xml.encode(codec)
    message = _refusal(_with_main(data))
    assert "DTD" in message and "坏.docx" in message


def test_corrupt_deflate_data_is_a_plain_refusal_naming_the_part():
    data = bytearray(package(para("正文" * 400)))
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo("word/document.xml")
    body = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(body + 5, body + 40):
        data[k] ^= 0x5A
    message = _refusal(bytes(data))
    assert "坏.docx" in message and "word/document.xml" in message and "损坏" in message


def test_gzip_bomb_is_bounded_and_refused():
    import gzip
    bomb = gzip.compress(b"\0" * (4 << 20)) * 20          # 80 MB in 20 gzip members
    guard = Guard(lambda problem, detail: DocxImportError(problem, detail),
                  part_limit=16 * 1024 * 1024)
    with pytest.raises(DocxImportError) as info:
        guard.gunzip(bomb, "map")
    assert "压缩炸弹" in info.value.message
    with pytest.raises(DocxImportError) as info:
        guard.gunzip(bomb[:200], "map")
    assert "map" in info.value.message


def test_python_docx_reads_the_samples_and_strict_falls_back():
    pkg = Package(sample("01").read_bytes(), "01.docx", ImportReport())
    assert pkg.view is not None and pkg.main == "word/document.xml"
    assert pkg.xml(pkg.related("styles", "styles.xml")) is pkg.view.element("word/styles.xml")
    strict = _with_main(_document().replace(
        W_NS, "http://purl.oclc.org/ooxml/wordprocessingml/main").encode())
    pkg = Package(strict, "strict.docx", ImportReport())
    assert pkg.view is None and pkg.xml(pkg.main) is not None and pkg.strict
