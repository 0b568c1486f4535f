"""Open a .docx package safely: bytes -> parsed XML parts (layer: import).

Refuses what is not a Word document (PDF, legacy .doc, encrypted file, lock file, broken
or truncated zip, zip bomb, XML declaring entities) with a ``DocxImportError`` naming the
file and the problem; repairs what Word itself opens (missing or odd relationships, an
unusual main-part path, .dotx/.docm content types, Strict OOXML namespaces).
"""
from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from editor.docx_import.report import DocxImportError, ImportReport
from editor.guard import BOMB, MAX_PART_BYTES, MAX_TOTAL_BYTES, Guard

MAX_MEMBERS = 20_000                       # zip entries of one package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Strict OOXML namespaces -> their Transitional equivalents (same element names).
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W_NS.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", R_NS.encode()),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture",
     b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=True, remove_comments=True,
                          remove_pis=True)


def _refuse(name: str, problem: str, detail: str) -> DocxImportError:
    return DocxImportError(f"无法导入“{name}”：{problem}", detail, path=name)


class Package:
    """The parts of one .docx, read lazily through one ``Guard`` (bounded decompression,
    damaged members refused naming the part); opened by python-docx where it can
    (``editor.docx_import.opc``), else by our own reading with its repairs."""

    def __init__(self, data: bytes, name: str, report: ImportReport):
        self.name = name
        self.report = report
        self.strict = False
        self.guard = Guard(lambda problem, detail: _refuse(name, problem, detail))
        self.view = None
        _sniff(data, name)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise _refuse(name, "文件已损坏或不完整（压缩包无法打开，可能下载或复制时被截断）",
                          f"bad zip: {exc}") from None
        self.names = {i.filename: i for i in infos}
        self._lower = {n.lower(): n for n in self.names}
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES or len(infos) > MAX_MEMBERS:
            raise _refuse(name, BOMB, f"declared uncompressed size {total}, "
                                      f"{len(infos)} members")
        if any(i.flag_bits & 0x1 for i in infos):
            raise _refuse(name, "文件已加密，请先在 Word 中取消密码再导入", "encrypted zip entries")
        from editor.docx_import.opc import open_view
        self.view = open_view(self)
        self.main = self.view.main if self.view else self._find_main_part()
        self.main_rels = self.rels_of(self.main)

    # -- raw access ------------------------------------------------------------------
    def has(self, part: str) -> bool:
        return self._actual(part) is not None

    def _actual(self, part: str) -> str | None:
        part = part.lstrip("/")
        if part in self.names:
            return part
        return self._lower.get(part.lower())

    def read(self, part: str, limit: int = MAX_PART_BYTES) -> bytes | None:
        """Decompressed bytes of a part (None when absent); bounded against bombs, a
        damaged member refused naming the part."""
        actual = self._actual(part)
        if actual is None:
            return None
        if self.view is not None:
            blob = self.view.blob(actual)
            if blob is not None:
                return blob
        return self.guard.zip_member(self.zip, self.names[actual], limit)

    def xml(self, part: str, required: bool = False):
        """The parsed root element of a part, or None (absent or broken non-main part)."""
        if self.view is not None and self._actual(part) is not None:
            root = self.view.element(part.lstrip("/"))
            if root is not None:
                return root
        data = self.read(part)
        if data is None:
            if required:
                raise _refuse(self.name, f"缺少主文档部件 {part}", f"missing part {part}")
            return None
        self.guard.check_xml(data, part)
        if b"purl.oclc.org/ooxml" in data:
            self.strict = True
            for old, new in _STRICT:
                data = data.replace(old, new)
        try:
            root = etree.fromstring(data, _PARSER)
            self.guard.doctype_after_parse(root, part)
            return root
        except (etree.XMLSyntaxError, ValueError) as exc:
            if required:
                raise _refuse(self.name, f"主文档部件 {part} 的 XML 已损坏",
                              f"XML error in {part}: {exc}") from None
            self.report.warning(f"部件 {part} 的 XML 已损坏，已忽略", str(exc))
            return None

    # -- relationships ---------------------------------------------------------------
    def rels_of(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId -> (type suffix, resolved target, external) for a part."""
        if self.view is not None:
            rels = self.view.rels_of(part.lstrip("/"))
            if rels is not None:
                return rels
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str, bool]] = {}
        if root is None:
            return out
        for rel in root:
            if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
                continue
            rid, rtype, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target", "")
            external = rel.get("TargetMode", "") == "External"
            if not external:
                if target.startswith("/"):
                    target = target.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
            out[rid] = (rtype.rsplit("/", 1)[-1], target, external)
        return out

    def related(self, type_suffix: str, fallback: str | None = None) -> str | None:
        """Target of the main part's first relationship of a type (or a fallback path)."""
        for rtype, target, external in self.main_rels.values():
            if rtype == type_suffix and not external and self.has(target):
                return target
        folder = posixpath.dirname(self.main)
        if fallback and self.has(posixpath.join(folder, fallback)):
            return posixpath.join(folder, fallback)
        return None

    def _find_main_part(self) -> str:
        root = None
        if self.has("_rels/.rels"):
            root = self.xml("_rels/.rels")
        if root is not None:
            for rel in root:
                rtype = rel.get("Type", "") if isinstance(rel.tag, str) else ""
                if rtype.endswith("/officeDocument") and rel.get("TargetMode") != "External":
                    target = rel.get("Target", "").lstrip("/")
                    if self.has(target):
                        return self._actual(target)
        else:
            self.report.info("文件缺少包关系部件（_rels/.rels），已按内容类型查找主文档",
                             "missing _rels/.rels")
        ct = self.xml("[Content_Types].xml") if self.has("[Content_Types].xml") else None
        if ct is not None:
            for el in ct:
                ctype = el.get("ContentType", "") if isinstance(el.tag, str) else ""
                if ".main+xml" in ctype and ("wordprocessingml" in ctype or "ms-word" in ctype):
                    part = el.get("PartName", "").lstrip("/")
                    if self.has(part):
                        return self._actual(part)
        if self.has("word/document.xml"):
            return self._actual("word/document.xml")
        if any(n.lower().endswith((".xlsx", "xl/workbook.xml")) for n in self.names) or \
                self.has("xl/workbook.xml"):
            raise _refuse(self.name, "这是 Excel 表格文件，不是 Word 文档", "spreadsheet package")
        if self.has("ppt/presentation.xml"):
            raise _refuse(self.name, "这是 PowerPoint 演示文稿，不是 Word 文档", "presentation package")
        raise _refuse(self.name, "文件中找不到 Word 主文档部件（word/document.xml）",
                      "no officeDocument part in package")


def _legacy_office(data: bytes, base: str) -> tuple[str, str]:
    """(message, detail) for an unencrypted OLE compound file: which old format it is,
    told by its streams' names (and a WPS file by its extension: WPS 文字 writes the same
    streams as Word 97-2003)."""
    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in data
    lower = base.lower()
    if lower.endswith((".wps", ".wpt")):
        return ("这是 WPS 文字文件（.wps），请在 WPS 中“另存为”Word 文档（.docx）后再导入",
                "OLE compound file (WPS Writer)")
    if not has("WordDocument") and (has("Workbook") or has("Book")):
        return ("这是旧版 Excel 表格（.xls / .et），不是 Word 文档", "OLE compound file (spreadsheet)")
    if not has("WordDocument") and has("PowerPoint Document"):
        return ("这是旧版 PowerPoint 演示文稿（.ppt / .dps），不是 Word 文档",
                "OLE compound file (presentation)")
    return ("这是旧版 Word 97-2003 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入",
            "OLE compound file (legacy .doc)")


def _sniff(data: bytes, name: str) -> None:
    """Refuse files that are clearly not a .docx before opening the zip."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if not data:
        raise _refuse(name, "文件是空的", "empty file")
    if "~$" in base and not data.startswith(b"PK"):
        raise _refuse(name, "这是 Word 打开文档时生成的临时锁定文件（~$ 开头），不是文档本身",
                      "Word owner/lock file")
    if data.startswith(b"%PDF"):
        renamed = "（只是扩展名改成了 .docx）" if base.lower().endswith((".docx", ".docm")) else ""
        raise _refuse(name, f"这是 PDF 文件{renamed}，无法导入；请向来文单位要 Word 原文（.docx），"
                      "或在 WPS / Word 中把 PDF 转成 .docx 后再导入", "PDF signature")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptionInfo".encode("utf-16-le") in data or \
                "EncryptedPackage".encode("utf-16-le") in data:
            raise _refuse(name, "文件已加密（设置了打开密码），请先在 Word 中取消密码再导入",
                          "OLE container with EncryptedPackage")
        raise _refuse(name, *_legacy_office(data, base))
    if data.startswith(b"{\\rtf"):
        raise _refuse(name, "这是 RTF 文件，请在 Word 中另存为 .docx 后再导入", "RTF signature")
    if not data.startswith(b"PK"):
        raise _refuse(name, "文件不是 Word 文档（.docx 应为 zip 压缩包格式）", "not a zip file")
