"""Accepting/rejecting annotations edits the model text and undoes exactly."""
from __future__ import annotations

import docx
import pytest

from conftest import sample
from editor.app.command import Command
from editor.errors import GazetteError
from editor.model import Document, Issue, Paragraph, Run, Section
from editor.model.serialize import to_dict
from editor.proof.anchor import make_annotation, text_of
from editor.proof.corrections import (AcceptAnnotation, AnswerAnnotation, RejectAnnotation,
                                      accept_all, replace_in_runs)


@pytest.fixture
def issue() -> Issue:
    paras = [p.text for p in docx.Document(str(sample("03"))).paragraphs if p.text.strip()]
    body = [Paragraph(id=f"p{i}", runs=[Run(text=t, font="仿宋_GB2312", size=16)])
            for i, t in enumerate(paras)]
    long = next(p for p in body[5:] if len(p.text) > 60 and "\n" not in p.text)
    t = long.text
    long.runs = [Run(t[:20], size=16), Run(t[20:40], size=16, bold=True), Run(t[40:], size=16)]
    long.label = "1."
    doc = Document(id="d03", title=paras[2], body=body, signature=["甲单位", "乙单位"])
    return Issue(sections=[Section(id="s1", title="区级文件选登", documents=[doc])])


def _doc(issue):
    return next(issue.documents())


def _long(issue):
    return next(p for p in _doc(issue).body if p.label == "1.")


def test_replace_in_runs_keeps_formatting_and_merges():
    runs = [Run("甲乙丙", size=16), Run("丁戊", bold=True), Run("己庚", size=16)]
    out = replace_in_runs(runs, 2, 4, "子")
    assert [(r.text, r.bold) for r in out] == [("甲乙子", False), ("戊", True), ("己庚", False)]
    out = replace_in_runs(runs, 3, 5, "")
    assert [(r.text, r.bold) for r in out] == [("甲乙丙己庚", False)]
    out = replace_in_runs(runs, 5, 5, "插")
    assert [(r.text, r.bold) for r in out] == [("甲乙丙", False), ("丁戊插", True), ("己庚", False)]
    out = replace_in_runs(runs, 0, 0, "首")
    assert out[0].text == "首甲乙丙" and runs[0].text == "甲乙丙"


def test_accept_replace_delete_insert_then_undo_exactly(issue):
    doc, long = _doc(issue), _long(issue)
    before = to_dict(issue)
    text = long.display_text
    doc.annotations = [
        make_annotation(doc, long.id, 18, 24, id="a", kind="改", new_text="【改后】"),
        make_annotation(doc, long.id, 50, 52, id="b", kind="删"),
        make_annotation(doc, long.id, 60, 60, id="c", kind="增", new_text="（增）"),
        make_annotation(doc, "signature", 4, 5, id="d", kind="改", new_text="丙"),
        make_annotation(doc, long.id, 30, 33, id="q", kind="疑", note="是否准确？"),
    ]
    before = to_dict(issue)
    cmds = [AcceptAnnotation(doc_id="d03", annotation_id=i, author="编辑", time="t")
            for i in "abcdq"]
    for cmd in cmds:
        cmd.apply(issue)
    expected = text[:18] + "【改后】" + text[24:50] + text[52:60] + "（增）" + text[60:]
    assert long.display_text == expected
    assert long.runs[0].text.startswith(text[2:18])
    assert not long.runs[0].bold and long.runs[1].bold
    assert doc.signature == ["甲单位", "丙单位"]
    by_id = {a.id: a for a in doc.annotations}
    assert all(a.status == "accepted" for a in doc.annotations)
    assert text_of(doc, long.id)[by_id["q"].start:by_id["q"].end] == text[30:33]
    assert by_id["a"].quote == "【改后】"
    for cmd in reversed(cmds):
        Command.from_dict(cmd.to_dict()).revert(issue)
    assert to_dict(issue) == before


def test_accept_survives_text_moved_since_annotating(issue):
    doc, long = _doc(issue), _long(issue)
    text = long.display_text
    doc.annotations.append(make_annotation(doc, long.id, 45, 50, id="m", kind="删"))
    long.runs.insert(0, Run("新加的开头。"))
    AcceptAnnotation(doc_id="d03", annotation_id="m").apply(issue)
    assert long.display_text == text[:2] + "新加的开头。" + text[2:45] + text[50:]


def test_label_and_missing_quote_refused(issue):
    doc, long = _doc(issue), _long(issue)
    everything = "\n".join(p.display_text for p in doc.body)
    s = next(s for s in range(10, 60) if everything.count(long.display_text[s - 3:s + 10]) == 1)
    doc.annotations = [make_annotation(doc, long.id, 0, 3, id="l", kind="删"),
                       make_annotation(doc, long.id, s, s + 7, id="x", kind="删")]
    with pytest.raises(GazetteError):
        AcceptAnnotation(doc_id="d03", annotation_id="l").apply(issue)
    long.runs = [Run("整段被改写了。")]
    with pytest.raises(GazetteError):
        AcceptAnnotation(doc_id="d03", annotation_id="x").apply(issue)


def test_reject_and_answer_keep_text_and_add_reply(issue):
    doc, long = _doc(issue), _long(issue)
    doc.annotations = [make_annotation(doc, long.id, 5, 9, id="r", kind="改", new_text="甲"),
                       make_annotation(doc, long.id, 9, 12, id="y", kind="疑")]
    text = long.display_text
    reject = RejectAnnotation(doc_id="d03", annotation_id="r", reply="原文无误", author="编辑")
    answer = AnswerAnnotation(doc_id="d03", annotation_id="y", reply="已核实", author="编辑")
    assert reject.apply(issue).annotations == {"r"}
    answer.apply(issue)
    assert long.display_text == text
    assert [a.status for a in doc.annotations] == ["rejected", "answered"]
    assert doc.annotations[0].replies[0].text == "原文无误"
    answer.revert(issue)
    reject.revert(issue)
    assert [a.status for a in doc.annotations] == ["open", "open"]
    assert not doc.annotations[0].replies


def test_undo_menu_names_the_kind_and_quote_even_after_a_stored_round_trip(issue):
    doc, long = _doc(issue), _long(issue)
    text = long.display_text
    doc.annotations = [make_annotation(doc, long.id, 5, 15, id="r", kind="改", new_text="甲"),
                       make_annotation(doc, long.id, 20, 22, id="y", kind="疑")]
    accept = AcceptAnnotation(doc_id="d03", annotation_id="r", author="编辑")
    accept.apply(issue)
    assert accept.describe() == f"采纳批注（改“{text[5:13]}…”）"
    reject = RejectAnnotation(doc_id="d03", annotation_id="y", reply="无误", author="编辑")
    reject.apply(issue)
    stored = Command.from_dict(reject.to_dict())
    assert reject.describe() == stored.describe() == f"不采纳批注（疑“{text[20:22]}”）"
    assert AnswerAnnotation().describe() == "答复批注"        # nothing saved yet


def test_accept_all_applies_in_safe_order(issue):
    doc, long = _doc(issue), _long(issue)
    text = long.display_text
    doc.annotations = [make_annotation(doc, long.id, s, s + 2, id=f"z{s}", kind="删")
                       for s in (10, 20, 44, 56)]
    for cmd in accept_all(issue):
        cmd.apply(issue)
    assert long.display_text == text[:10] + text[12:20] + text[22:44] + text[46:56] + text[58:]


def _places(document, query):
    """Every occurrence of ``query`` in the document's text, found here by hand."""
    from editor.proof.anchor import block_texts
    out = []
    for block_id, text in block_texts(document).items():
        k = text.find(query)
        while k >= 0:
            out.append([document.id, block_id, k, k + len(query)])
            k = text.find(query, k + len(query))
    return out


def test_replace_text_everywhere_keeps_formatting_moves_notes_and_undoes(issue):
    from editor.proof.corrections import ReplaceText
    doc, long = _doc(issue), _long(issue)
    text = long.display_text
    word = text[24:28]                                  # inside the bold run (20..40 + label)
    places = _places(doc, word)
    n_long = text.count(word)
    assert n_long >= 1
    doc.annotations = [make_annotation(doc, long.id, 60, 64, id="n", kind="注", note="核对")]
    quote = doc.annotations[0].quote
    before = to_dict(issue)
    cmd = ReplaceText(places=places, query=word, new="替换后的文字")
    change = cmd.apply(issue)
    assert change.documents == {doc.id}
    assert long.display_text.count("替换后的文字") == n_long and word not in long.display_text
    assert any(r.bold and "替换后的文字" in r.text for r in long.runs)     # took the bold
    note = doc.annotations[0]
    assert (text_of(doc, long.id) or "")[note.start:note.end] == quote     # moved with it
    assert cmd.describe().startswith(f"替换“{word}”为“替换后的文字”")
    saved = Command.from_dict(cmd.to_dict())                 # as the undo history stores it
    saved.revert(issue)
    assert to_dict(issue) == before


def test_replace_refuses_stale_or_numbered_places_and_changes_nothing(issue):
    from editor.proof.corrections import ReplaceText
    doc, long = _doc(issue), _long(issue)
    before = to_dict(issue)
    word = long.display_text[30:33]
    good = _places(doc, word)
    with pytest.raises(GazetteError, match="已改动或不能修改"):
        ReplaceText(places=good + [[doc.id, long.id, 0, 3]], query=word, new="X").apply(issue)
    with pytest.raises(GazetteError, match="已改动或不能修改"):       # the 1. label
        ReplaceText(places=[[doc.id, long.id, 0, 2]], query="1.", new="2.").apply(issue)
    assert to_dict(issue) == before


def test_edit_text_replaces_only_what_differs(issue):
    from editor.proof.corrections import edit_text, editable_text
    doc, long = _doc(issue), _long(issue)
    old, label = editable_text(doc, long.id)
    assert label == "1." and old == long.display_text[2:]       # the 1. is not offered
    doc.annotations = [make_annotation(doc, long.id, 50, 54, id="n", kind="注", note="核对")]
    quote = doc.annotations[0].quote
    before = to_dict(issue)
    new = old[:22] + "【新】" + old[25:]                        # inside the bold run
    cmd = edit_text(issue, doc.id, long.id, new)
    assert cmd.places == [[doc.id, long.id, 24, 27]] and cmd.new == "【新】"
    assert cmd.describe() == f"修改文字（“{old[22:25]}”改为“【新】”）"
    cmd.apply(issue)
    assert long.display_text == "1." + new
    assert any(r.bold and "【新】" in r.text for r in long.runs)
    note = doc.annotations[0]
    assert text_of(doc, long.id)[note.start:note.end] == quote
    Command.from_dict(cmd.to_dict()).revert(issue)
    assert to_dict(issue) == before
    assert edit_text(issue, doc.id, long.id, old) is None
    added = edit_text(issue, doc.id, long.id, old + "（完）")
    assert added.describe() == "修改文字（增“（完）”）" and added.places[0][2:] == [
        2 + len(old)] * 2
    cut_title = edit_text(issue, doc.id, "title", doc.title.replace("关于", "", 1))
    cut_title.apply(issue)
    assert not doc.title.startswith("关于") and cut_title.describe() == "修改文字（删“关于”）"
