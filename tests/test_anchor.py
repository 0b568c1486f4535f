"""Anchoring annotations to source text: placing, reordering, edited and renamed blocks."""
from __future__ import annotations

import copy
import dataclasses

import docx
import pytest

from conftest import sample
from editor.model import Cell, Document, Paragraph, Row, Run, Table
from editor.proof.anchor import (block_texts, carry_over, find_block, locate,
                                 make_annotation, reanchor, reanchor_document, text_of)


def _paragraph_document(prefix: str, doc_id: str) -> Document:
    """The sample's non-empty paragraphs as plain body paragraphs (one run each)."""
    paras = [p.text for p in docx.Document(str(sample(prefix))).paragraphs if p.text.strip()]
    body = [Paragraph(id=f"p{i}", runs=[Run(text=t)]) for i, t in enumerate(paras)]
    return Document(id=doc_id, title=paras[0], body=body,
                    signature=["武汉市东西湖区人民政府办公室"], date="2025年3月13日")


@pytest.fixture
def doc() -> Document:
    return _paragraph_document("02", "d02")


def _quote_at(document, anchor):
    return text_of(document, anchor.block_id)[anchor.start:anchor.end]


def test_make_annotation_records_quote_and_context(doc):
    p = doc.body[10]
    ann = make_annotation(doc, p.id, 5, 12, id="a", kind="改", new_text="某")
    assert ann.quote == p.text[5:12]
    assert ann.prefix == p.text[:5]
    assert ann.suffix == p.text[12:24]
    with pytest.raises(ValueError):
        make_annotation(doc, p.id, 5, 10_000)


def test_survives_reordering_and_renamed_blocks(doc):
    long = [p for p in doc.body if len(p.text) > 40]
    anns = [make_annotation(doc, p.id, 20, 27, id=f"a{i}") for i, p in enumerate(long)]
    quotes = [a.quote for a in anns]
    doc.body.reverse()
    for i, p in enumerate(doc.body):
        p.id = f"renamed{i}"
    for ann, quote in zip(anns, quotes):
        new = reanchor(ann, doc)
        assert not new.orphaned
        assert text_of(doc, new.block_id)[new.start:new.end] == quote
        assert new.block_id.startswith("renamed")


def test_repeated_word_is_told_apart_by_context(doc):
    p = next(p for p in doc.body if p.text.count("营商环境") >= 2)
    second = p.text.index("营商环境", p.text.index("营商环境") + 1)
    ann = make_annotation(doc, p.id, second, second + 4, id="x")
    p.runs[0].text = "插入一段新文字。" + p.text
    new = reanchor(ann, doc)
    assert new.start == second + 8 and new.quote == "营商环境"


def test_fuzzy_match_when_quote_was_edited(doc):
    p = doc.body[12]
    ann = make_annotation(doc, p.id, 4, 16, id="f")
    edited = ann.quote[:5] + "某" + ann.quote[6:]
    p.runs[0].text = p.text.replace(ann.quote, edited)
    doc.body.insert(0, Paragraph(id="new", runs=[Run("新增的第一段。")]))
    new = reanchor(ann, doc)
    assert not new.orphaned
    assert new.quote == edited and new.block_id == p.id


def test_insertion_point_anchored_by_context(doc):
    p = doc.body[8]
    ann = make_annotation(doc, p.id, 6, 6, id="ins", kind="增", new_text="的")
    before, after = p.text[:6], p.text[6:]
    p.runs[0].text = "前言：" + p.text
    p.id = "moved"
    found = locate(ann, doc)
    assert found is not None and found.block_id == "moved"
    text = text_of(doc, "moved")
    assert text[:found.start].endswith(before) and text[found.start:] == after


def test_missing_text_is_flagged_never_dropped(doc):
    p = doc.body[13]
    ann = make_annotation(doc, p.id, 0, 10, id="gone")
    quote = ann.quote
    doc.body.remove(p)
    doc.annotations.append(ann)
    orphans = reanchor_document(doc)
    assert [a.id for a in orphans] == ["gone"]
    assert doc.annotations[0].orphaned and doc.annotations[0].quote == quote


def test_short_quote_without_matching_context_is_orphaned(doc):
    p = doc.body[10]
    i = p.text.index("，")
    ann = make_annotation(doc, p.id, i, i + 1, id="comma", kind="删")
    p.runs[0].text = "完全改写的一段文字，与原来无关。"
    assert reanchor(ann, doc).orphaned


def test_head_parts_table_cells_and_list_lines(doc):
    inner = Paragraph(id="cp", runs=[Run("单元格里的文字")])
    doc.body.append(Table(id="t1", grid=[100.0], rows=[Row(cells=[Cell(id="c1", col=0, blocks=[inner])])]))
    texts = block_texts(doc)
    assert texts["title"] == doc.title
    assert texts["t1/c1/cp"] == "单元格里的文字"
    assert find_block(doc, "t1/c1/cp") is inner
    assert text_of(doc, "signature/0") == doc.signature[0]
    ann = make_annotation(doc, "t1/c1/cp", 3, 5, id="c")
    assert ann.quote == "里的"
    doc.body.insert(0, doc.body.pop())
    assert locate(ann, doc).block_id == "t1/c1/cp"


def test_carry_over_to_reimported_document(doc):
    anns = [make_annotation(doc, doc.body[i].id, 2, 10, id=f"k{i}") for i in (4, 8, 15)]
    doc.annotations.extend(anns)
    new = copy.deepcopy(doc)
    new.annotations = []
    for i, p in enumerate(new.body):
        p.id = f"n{i}"
    new.body[8].runs[0].text = "（本段已重写）"
    orphans = carry_over(doc, new)
    assert [a.id for a in orphans] == ["k8"]
    placed = {a.id: a for a in new.annotations}
    assert _quote_at(new, placed["k4"]) == anns[0].quote
    assert placed["k15"].block_id == "n15"
    assert dataclasses.asdict(anns[0])["block_id"] == "p4"
