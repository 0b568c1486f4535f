"""The package as python-docx opens it: parts, relationships and the parsed XML of the
document, styles, numbering, comments and notes parts (layer: import).

python-docx reads the package through the import's ``Guard`` (a physical-package reader
of our own), so every member it reads is bounded and every XML part is checked for a
DOCTYPE before python-docx parses it.  Where python-docx has an API we use it (the main
document part, each part's relationships and content type); where it has none (numbering
levels, comments, notes, run content) we read its lxml elements directly.  A package
python-docx refuses (Strict OOXML, a missing content-types part, a dangling relationship,
a main part that is a template, a tree too deep for its parser, a damaged member of a
part the import may not even need) returns None, and
``editor.docx_import.package`` reads it with its own repairs instead.
"""
from __future__ import annotations

from lxml import etree

_STRICT = b"purl.oclc.org/ooxml"


class _Declined(Exception):
    """python-docx is not the reader for this package (fall back to our own)."""


class _GuardedPhysReader:
    """python-docx's physical-package reader interface over our guarded zip reads."""

    def __init__(self, pkg):
        self.pkg = pkg

    def blob_for(self, pack_uri) -> bytes:
        from editor.errors import GazetteError
        try:
            data = self.pkg.read(pack_uri.membername)
        except GazetteError as exc:
            # python-docx reads every related part; our own reading reads only those the
            # import needs, and refuses only when one of them is damaged.
            raise _Declined(exc.detail) from None
        if data is None:
            raise _Declined(f"missing part {pack_uri.membername}")
        if pack_uri.membername.endswith((".xml", ".rels")) or data[:1] == b"<":
            self.pkg.guard.check_xml(data, pack_uri.membername)
            if _STRICT in data:
                raise _Declined("Strict OOXML")
        return data

    @property
    def content_types_xml(self) -> bytes:
        from docx.opc.packuri import PackURI
        return self.blob_for(PackURI("/[Content_Types].xml"))

    def rels_xml_for(self, source_uri) -> bytes | None:
        if not self.pkg.has(source_uri.rels_uri.membername):
            return None
        return self.blob_for(source_uri.rels_uri)

    def close(self) -> None:
        pass


class OpcView:
    """What python-docx gives of one package: ``main`` (member name of the main document
    part), ``parts`` (member name → python-docx Part) and the relationships of a part."""

    def __init__(self, package, main_part, guard=None):
        self.package = package
        self.guard = guard
        self.main = main_part.partname.lstrip("/")
        self.parts = {p.partname.lstrip("/"): p for p in package.iter_parts()}
        self._elements: dict[str, object] = {}

    def element(self, part: str):
        """The parsed root of an XML part python-docx loaded (comments and processing
        instructions stripped, as our own parser does), else None."""
        if part in self._elements:
            return self._elements[part]
        found = self.parts.get(part)
        root = getattr(found, "element", None) if found is not None else None
        if root is not None and self.guard is not None:
            self.guard.doctype_after_parse(root, part)   # encodings the byte check misses
        if root is not None:
            etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction,
                                 with_tail=False)
        self._elements[part] = root
        return root

    def blob(self, part: str) -> bytes | None:
        found = self.parts.get(part)
        if found is None or getattr(found, "element", None) is not None:
            return None              # an XML part's blob is re-serialised: read the zip
        return found.blob

    def rels_of(self, part: str) -> dict[str, tuple[str, str, bool]] | None:
        """rId → (type suffix, resolved target, external), as ``Package.rels_of``."""
        found = self.parts.get(part)
        if found is None:
            return None
        out = {}
        for rid, rel in found.rels.items():
            if rel.is_external:
                target = rel.target_ref
            else:
                target = rel.target_part.partname.lstrip("/")
            out[rid] = (rel.reltype.rsplit("/", 1)[-1], target, rel.is_external)
        return out


def open_view(pkg) -> OpcView | None:
    """python-docx's view of ``pkg`` (a ``Package`` whose reads are guarded), or None when
    python-docx refuses the package."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.package import Unmarshaller
    from docx.opc.packuri import PACKAGE_URI
    from docx.opc.part import PartFactory, XmlPart
    from docx.opc.pkgreader import PackageReader, _ContentTypeMap
    from docx.package import Package as DocxPackage

    phys = _GuardedPhysReader(pkg)
    try:
        types = _ContentTypeMap.from_xml(phys.content_types_xml)
        srels = PackageReader._srels_for(phys, PACKAGE_URI)
        sparts = PackageReader._load_serialized_parts(phys, srels, types)
        package = DocxPackage()
        Unmarshaller.unmarshal(PackageReader(types, srels, sparts), package, PartFactory)
        main = package.part_related_by(RT.OFFICE_DOCUMENT)
    except (_Declined, KeyError, ValueError, AttributeError, TypeError, IndexError,
            etree.XMLSyntaxError, etree.LxmlError, RecursionError):
        return None
    if not isinstance(main, XmlPart):
        return None
    return OpcView(package, main, pkg.guard)
