"""公报编辑器 — the gazette editor.

Pipeline (one direction; each stage a package with a small typed contract):

    .docx ──docx_import──▶ model.Document (+ ImportReport)
    model.Issue (sections → documents, metadata, overrides)
          ──layout (template from layouts/, fonts.Measurer)──▶ layout.items.LaidOutIssue (positioned Pages)
          ──render──▶ print PDF (reportlab) | booklet | proof PDF
          ──ui──▶ on-screen preview (QPainter over the same page items)
    store (SQLite via sqlite-utils) keeps issue, sources, models, overrides, annotations, revisions;
    app holds the Qt-free use cases and the undoable edit commands; ui (PySide6 only) wraps them.

Only ``editor.ui`` imports Qt; everything else runs headless.
"""
__version__ = "0.1.0"
