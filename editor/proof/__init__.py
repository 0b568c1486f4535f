"""Proofreading (校对): anchored annotations, accepted corrections, proof PDF export and
import of PDF comments, draft comparison (layer: proof, headless).

- ``anchor``: place annotations on the source text and find them again after edits;
- ``corrections``: accept/reject commands that edit the model text (undoable);
- ``export``: the proof PDF (校样 watermark + real PDF annotations);
- ``import_``: PDF comments made in any reader back to annotations;
- ``compare``: what changed between two drafts.
"""
