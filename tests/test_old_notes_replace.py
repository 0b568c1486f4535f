"""替换 reaches a note stored by an older version (``Footnote.text`` only, no paragraphs,
printed under 注释 after the text): it is replaced in one undoable step, like the text
of any paragraph, and the PDF prints the new wording; judged from the PDF."""
from __future__ import annotations

import pymupdf

from editor import model


def _issue() -> model.Issue:
    doc = model.Document(id="d", title="关于做好城市更新工作的通知")
    doc.body.append(model.Paragraph(id="p1", runs=[model.Run("依据有关规定执行"),
                                                   model.Run("1", vert="superscript")]))
    doc.footnotes.append(model.Footnote(id="fn1", text="  见市政府文件，市政府办公厅印发。"))
    return model.Issue(sections=[model.Section("s1", "区级文件选登", [doc])])


def _pdf_text(issue, path) -> str:
    from editor.render import build_pdf
    build_pdf(issue, path)
    with pymupdf.open(str(path)) as pdf:
        return "".join(page.get_text() for page in pdf).replace("\n", "")


def test_replace_reaches_a_note_stored_as_plain_text(tmp_path):
    from editor.layout.paginate import layout_issue
    from editor.proof.corrections import ReplaceText, editable
    from editor.proof.geometry import ProofMap
    from editor.proof.search import find_text
    issue = _issue()
    laid = layout_issue(issue, "gbt9704", cache=None)
    hits = find_text(issue, ProofMap.from_layout(laid), "市政府")
    assert [(h.block_id, h.start) for h in hits] == [("fn1", 1), ("fn1", 7)]
    doc = issue.find_document("d")
    assert all(editable(doc, h.block_id, h.start) for h in hits)
    cmd = ReplaceText(places=[[h.doc_id, h.block_id, h.start, h.end] for h in hits],
                      query="市政府", new="区人民政府")
    cmd.apply(issue)
    text = _pdf_text(issue, tmp_path / "after.pdf")
    assert "见区人民政府文件，区人民政府办公厅印发。" in text
    assert "市政府" not in text
    cmd.revert(issue)
    assert doc.footnotes[0].text == "  见市政府文件，市政府办公厅印发。"
