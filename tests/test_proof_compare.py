"""Round comparison: per document, the text that changed between two drafts."""
from __future__ import annotations

import copy

import docx
import pytest

from conftest import sample
from editor.model import Document, Issue, Paragraph, Run, Section
from editor.proof.compare import compare_drafts, draft_texts, format_report


@pytest.fixture
def issue() -> Issue:
    docs = []
    for prefix in ("01", "02"):
        paras = [p.text for p in docx.Document(str(sample(prefix))).paragraphs if p.text.strip()]
        body = [Paragraph(id=f"p{i}", runs=[Run(t)]) for i, t in enumerate(paras)]
        docs.append(Document(id=f"d{prefix}", title=paras[2], body=body))
    return Issue(sections=[Section(id="s1", title="区级文件选登", documents=docs)])


def test_identical_drafts_have_no_changes(issue):
    assert compare_drafts(issue, copy.deepcopy(issue)) == []
    assert format_report([]) == "两稿文字相同。"


def test_changes_listed_per_document_with_new_positions(issue):
    new = copy.deepcopy(issue)
    doc = new.sections[0].documents[1]
    p10 = doc.body[10]
    at = p10.text.index("习近平") + 3
    p10.runs[0].text = p10.text[:at] + "同志" + p10.text[at:]
    removed = doc.body.pop(12).text
    p20 = doc.body[20]
    cut = p20.text[5:9]
    p20.runs[0].text = p20.text[:5] + "【改】" + p20.text[9:]
    for i, p in enumerate(doc.body):
        p.id = f"n{i}"                       # a re-import renames every block
    diffs = compare_drafts(issue, new)
    assert [d.doc_id for d in diffs] == ["d02"]
    changes = diffs[0].changes
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("增", "", "同志"), ("删", removed, ""), ("改", cut, "【改】")]
    texts = draft_texts(new)["d02"]
    first, third = changes[0], changes[2]
    assert texts[first.block_id][first.start:first.end] == "同志"
    assert texts[third.block_id][third.start:third.end] == "【改】"
    assert changes[1].block_id == "n12" and changes[1].start == 0
    report = format_report(diffs)
    assert "3 处改动" in report and "增「同志」" in report


def test_added_and_removed_documents(issue):
    new = copy.deepcopy(issue)
    gone = new.sections[0].documents.pop(0)
    new.sections[0].documents.append(Document(id="d99", title="新文件",
                                              body=[Paragraph(id="p", runs=[Run("内容")])]))
    diffs = compare_drafts(issue, new)
    assert [(d.doc_id, d.status) for d in diffs] == [("d99", "added"), (gone.id, "removed")]
