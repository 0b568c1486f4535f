"""Anchors survive a re-import of a slightly edited .docx (characters changed elsewhere,
a paragraph added, text inserted before an annotated phrase)."""
from __future__ import annotations

import re
import zipfile

from conftest import sample
from docx_builder import edited_copy
from editor.docx_import import import_docx
from editor.model import Paragraph
from editor.proof.anchor import carry_over, make_annotation, text_of


def _insert_paragraph(xml: str, before_text: str) -> str:
    """Insert a new paragraph before the one holding ``before_text`` (ids after it move)."""
    at = xml.index(before_text)
    start = max(xml.rfind("<w:p>", 0, at), xml.rfind("<w:p ", 0, at))
    return xml[:start] + "<w:p><w:r><w:t>校对时新增的一段。</w:t></w:r></w:p>" + xml[start:]


def _long_paragraphs(doc):
    return [b for b in doc.all_blocks() if isinstance(b, Paragraph) and len(b.text) > 40]


def _xml_texts(path) -> list[str]:
    """The texts of the w:t elements of the sample (ten characters or more, unique)."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    found = re.findall(r"<w:t(?: [^>]*)?>([^<]{10,})</w:t>", xml)
    return [t for t in found if xml.count(t) == 1]


def test_annotations_follow_text_into_edited_reimport(tmp_path):
    path = sample("02")
    old = import_docx(path).document
    paras = _long_paragraphs(old)
    annotated, spare = paras[1::3][:6], paras[2::3]
    for n, p in enumerate(annotated):
        start = len(p.label) + 30
        old.annotations.append(make_annotation(old, p.id, start, start + 6, id=f"a{n}",
                                               kind="删", note="测试"))
    old.annotations.append(make_annotation(old, "title", 2, 6, id="t", kind="疑"))
    texts = _xml_texts(path)
    # Edits: a few characters changed in an unannotated paragraph, and text inserted
    # before the annotated phrase of another (its anchor's offsets move).
    victim = next(t for t in texts for p in spare if t in p.text)
    target, run = next((n, t) for n, p in enumerate(annotated) for t in texts
                       if 0 <= p.text.find(t) < 30 - 4)
    edited = tmp_path / "edited.docx"
    edits = [(">" + victim, ">" + victim[:3] + "（改动）" + victim[5:]),
             (">" + run, ">新加文字" + run)]
    edited_copy(path, edited, edits, then=lambda xml: _insert_paragraph(xml, edits[0][1]))
    new = import_docx(edited).document
    new_texts = [getattr(b, "text", "") for b in new.all_blocks()]
    assert any("（改动）" in t for t in new_texts) and "校对时新增的一段。" in new_texts
    orphans = carry_over(old, new)
    assert orphans == []
    placed = {a.id: a for a in new.annotations}
    for ann in old.annotations:
        moved = placed[ann.id]
        assert text_of(new, moved.block_id)[moved.start:moved.end] == ann.quote
    shifted = placed[f"a{target}"]
    assert shifted.start == old.annotations[target].start + 4
