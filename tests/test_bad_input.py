"""Bad input: each kind of file the importer refuses gives a DocxImportError with a Chinese
message naming the file; packages Word opens but python-docx refuses are repaired."""
from __future__ import annotations

import io
import zipfile

import pytest

from conftest import sample
from docx_builder import package, para
from editor.docx_import import DocxImportError, import_docx, import_docx_bytes
from editor.errors import GazetteError


def _refused(data: bytes, name: str = "坏文件.docx") -> DocxImportError:
    with pytest.raises(DocxImportError) as info:
        import_docx_bytes(data, name)
    err = info.value
    assert isinstance(err, GazetteError)
    assert name in err.message and err.detail
    return err


def _rezip(src: bytes, change) -> bytes:
    """Copy a zip, letting ``change(name, data)`` return new data, or None to drop it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
    return out.getvalue()


SAMPLE = sample("01").read_bytes()


def test_not_a_zip():
    assert "zip" in _refused("这只是一段文字。".encode()).message


def test_renamed_pdf():
    assert "PDF" in _refused(b"%PDF-1.7\n1 0 obj <<>> endobj\n").message


def test_legacy_doc():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le")
    assert ".doc" in _refused(ole).message


def test_wps_and_old_excel_or_powerpoint_files_are_named_as_what_they_are():
    """Offices receive .wps (WPS 文字), .xls/.et and .ppt files too: each refusal says
    what the file is and how to get a .docx."""
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
    word = head + "WordDocument".encode("utf-16-le")
    assert "WPS 文字文件" in _refused(word, "来文.wps").message
    assert "另存为" in _refused(word, "来文.wps").message
    assert "Excel" in _refused(head + "Workbook".encode("utf-16-le"), "统计表.doc").message
    assert "PowerPoint" in _refused(head + "PowerPoint Document".encode("utf-16-le"),
                                    "汇报.docx").message


def test_encrypted_docx():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + \
        "EncryptedPackage".encode("utf-16-le") + "EncryptionInfo".encode("utf-16-le")
    assert "加密" in _refused(ole).message


def test_truncated_zip():
    assert "损坏" in _refused(SAMPLE[: len(SAMPLE) // 2]).message


def test_missing_main_part():
    data = _rezip(SAMPLE, lambda n, d: None if n == "word/document.xml" else d)
    assert "主文档" in _refused(data).message


def test_word_lock_file():
    lock = bytes([6]) + "张三".encode("utf-16-le").ljust(53, b"\0") + b"\0" * 108
    assert "锁定" in _refused(lock, "~$东政发.docx").message


def test_empty_file():
    assert "空" in _refused(b"").message


def test_zip_bomb_bounded():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (70 * 1024 * 1024))
    assert "炸弹" in _refused(out.getvalue()).message


def test_external_entity_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    doc = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    data = _rezip(SAMPLE, lambda n, d: doc.encode() if n == "word/document.xml" else d)
    err = _refused(data)
    assert "实体" in err.message and "TOPSECRET" not in str(err)


def test_broken_main_xml():
    data = _rezip(SAMPLE, lambda n, d: d[: len(d) // 2] if n == "word/document.xml" else d)
    assert "XML" in _refused(data).message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DocxImportError, match="不存在"):
        import_docx(tmp_path / "没有.docx")
    with pytest.raises(DocxImportError, match="文件夹"):
        import_docx(tmp_path)


# -- repaired instead of refused -----------------------------------------------------------
def _title(data: bytes) -> str:
    return import_docx_bytes(data, "repaired.docx").document.title


def test_missing_web_settings_and_core_properties():
    def change(name, data):
        if name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>",
                                b'<Relationship Id="rIdWs" Type="http://schemas.openxmlformats.org/'
                                b'officeDocument/2006/relationships/webSettings" '
                                b'Target="webSettings.xml"/></Relationships>')
        if name == "_rels/.rels":
            return data.replace(b"</Relationships>",
                                b'<Relationship Id="rIdCp" Type="http://schemas.openxmlformats.org/'
                                b'package/2006/relationships/metadata/core-properties" '
                                b'Target="docProps/core.xml"/></Relationships>')
        return None if name.startswith("docProps/") else data
    assert _title(_rezip(SAMPLE, change)).startswith("东西湖区人民政府关于公布")


def test_template_content_type_and_unusual_main_path():
    data = package(para("模板中的标题", '<w:jc w:val="center"/>') + para("正文。"),
                   main="word/main-part.xml", kind="template")
    doc = import_docx_bytes(data, "x.dotx").document
    assert (doc.title, [b.text for b in doc.body]) == ("模板中的标题", ["正文。"])


def test_missing_package_relationships_uses_content_types():
    data = package(para("没有包关系"), main="word/document2.xml", root_rels=False)
    result = import_docx_bytes(data, "norels.docx")
    assert result.document.body[0].text == "没有包关系" and result.report


def test_strict_ooxml_imports():
    strict_w = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    transitional_w = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def change(name, data):
        data = data.replace(transitional_w, strict_w)
        return data.replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                            b"http://purl.oclc.org/ooxml/officeDocument/relationships")
    result = import_docx_bytes(_rezip(SAMPLE, change), "strict.docx")
    assert result.document.doc_number == "东政发〔2025〕3号"
    assert any("Strict" in e.message_zh for e in result.report.entries)


def test_a_pdf_is_named_as_a_pdf_and_renamed_only_when_it_was():
    """A PDF is told as a PDF, with what to ask the sender for; "只是扩展名改成了 .docx" only
    for a PDF that carries the .docx name (a 来文.pdf chosen in the dialog was told so)."""
    pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\n"
    plain = _refused(pdf, "来文.pdf").message
    assert "PDF" in plain and "扩展名" not in plain and ".docx" in plain
    assert "扩展名改成了 .docx" in _refused(pdf, "来文.docx").message
