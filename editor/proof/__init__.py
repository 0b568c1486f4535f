"""Proofreading (校对): anchored annotations, accepted corrections, proof PDF export and
import of PDF comments, draft comparison (layer: proof, headless — no Qt).

- ``anchor``: place annotations on the source text and find them again after edits,
  reordering and re-import (``reanchor``, ``carry_over``);
- ``corrections``: AcceptAnnotation / RejectAnnotation / AnswerAnnotation commands that
  edit the model text (undoable, exact revert);
- ``geometry``: the positioned text of a build (``ProofMap``), page ↔ PDF coordinates;
- ``stamp``: the 校样 watermark and margin line;
- ``export``: the proof PDF (watermark + real PDF annotations + embedded map);
- ``import_``: PDF comments from any reader back to annotations (AddImportedAnnotations);
- ``compare``: what text changed between two drafts, per document;
- ``view``: helpers for the window's 校对 mode (selection, highlights, hit tests, filters).
"""
