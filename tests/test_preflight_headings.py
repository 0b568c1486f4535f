"""HEADING_SEQUENCE on real heading runs: a restart at （一） or 1. is right only under a new
higher-level heading; （一） after （十） within the same 一、 is a repeat."""
from __future__ import annotations

from editor import model
from editor.preflight.documents import heading_sequence

CN = "一二三四五六七八九十"


def _doc(lines: list[str]) -> model.Document:
    body = [model.Paragraph(id=f"p{k}", runs=[model.Run(text)]) for k, text in enumerate(lines)]
    return model.Document(id="d1", kind="notice", title="关于加强防汛工作的通知", body=body)


def _second(n: int, text: str = "落实责任") -> str:
    return f"（{CN[n - 1]}）{text}。要把各项措施落到实处，确保安全度汛。"


def test_restart_after_ten_under_the_same_first_level_is_flagged():
    lines = ["一、总体要求"] + [_second(n) for n in range(1, 11)] + [_second(1, "再次开始")]
    found = heading_sequence(_doc(lines))
    assert [(f.rule, f.text) for f in found] == [("HEADING_SEQUENCE", "（一）")]
    assert "重复" in found[0].message and "（十）" in found[0].message
    assert found[0].block_id == "p11"


def test_restart_under_a_new_first_level_heading_is_right():
    lines = (["一、总体要求"] + [_second(n) for n in range(1, 11)] + ["二、保障措施"]
             + [_second(n) for n in (1, 2)])
    assert heading_sequence(_doc(lines)) == []


def test_third_level_may_run_on_or_restart_under_a_new_second_level():
    lines = ["一、主要任务", _second(1), "1.排查隐患。", "2.整改到位。", _second(2),
             "3.建立台账。", _second(3), "1.加强值守。", "2.及时报告。"]
    assert heading_sequence(_doc(lines)) == []
    again = ["一、主要任务", _second(1), "1.排查隐患。", "2.整改到位。", "1.再排查。"]
    found = heading_sequence(_doc(again))
    assert [f.text for f in found] == ["1."]


def test_first_level_restart_is_flagged():
    found = heading_sequence(_doc(["一、总体要求", "二、主要任务", "一、保障措施"]))
    assert [f.text for f in found] == ["一、"]
