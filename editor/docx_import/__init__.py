"""Import .docx files into the document model (layer: import).

``import_docx(path)`` / ``import_docx_bytes(data, name)`` -> ``ImportResult`` with the
``Document`` and an ``ImportReport`` of everything not understood or left out; refused
files raise ``DocxImportError`` (Chinese message naming the file and the problem).
"""
from editor.docx_import.importer import ImportResult, import_docx, import_docx_bytes
from editor.docx_import.report import DocxImportError, ImportReport, ReportEntry

__all__ = ["import_docx", "import_docx_bytes", "ImportResult", "ImportReport", "ReportEntry",
           "DocxImportError"]
