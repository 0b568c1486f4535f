"""Third QA pass: gazette-shaped documents none of the other builders make
(tests/gazette_docs.py), judged from the PDF.

What a reader of the printed gazette saw at once and what holds now: in a 大事记 whose
dates are headlines on lines of their own (``1月3日`` then its entry), a date was left
as the last line of a page with its entry on the next; 100 names a 决定 aligned in a
borderless table were set at the table size (小四, two sizes below the paragraphs around
them) where gazettes set a name list as body text; a 统计公报's table of four rows at
a page foot was split two rows, 续表, two rows."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pymupdf
import pytest

import gazette_docs

DATE_LINE = re.compile(r"^\d{1,2}月\d{1,2}日$")


def _one(folder: Path, name: str) -> Path:
    """Build an issue of the one document ``name`` of gazette_docs; the PDF path."""
    from editor.issue_json import load_issue
    from editor.render import build_pdf
    (folder / name).write_bytes(gazette_docs.DOCS[name]())
    path = folder / "issue.json"
    path.write_text(json.dumps(
        {"title": "东西湖区人民政府公报", "period": "2025年第3期", "issue_label": "总第35期",
         "sections": [{"title": "部门文件", "documents": [{"file": name}]}]},
        ensure_ascii=False), encoding="utf-8")
    out = folder / "one.pdf"
    build_pdf(load_issue(path), out)
    return out


def _body_lines(page) -> list[str]:
    """The text lines of ``page`` at body size (16 pt), top to bottom."""
    rows: dict[int, list] = {}
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if spans and abs(spans[0]["size"] - 16) < 0.5:
                rows.setdefault(round(line["bbox"][3]), []).extend(
                    (s["bbox"][0], s["text"]) for s in spans)
    return ["".join(t for _x, t in sorted(v)).replace(" ", "") for _y, v in sorted(rows.items())]


def test_chronicle_date_headline_not_left_at_page_foot(tmp_path):
    pdf = _one(tmp_path, "g06_chronicle.docx")
    with pymupdf.open(str(pdf)) as doc:
        pages = [_body_lines(p) for p in doc]
    dated = [k for k, lines in enumerate(pages) if any(DATE_LINE.match(t) for t in lines)]
    assert len(dated) >= 2                      # the entries run over pages
    stranded = [(k + 1, lines[-1]) for k, lines in enumerate(pages[:-1])
                if lines and DATE_LINE.match(lines[-1])]
    assert not stranded, stranded


def _sizes_of(pdf: Path, words: set[str]) -> dict[str, float]:
    """The font size each of ``words`` (two or three characters, spaces dropped) is set
    at, read from the lines of the PDF."""
    found: dict[str, float] = {}
    with pymupdf.open(str(pdf)) as doc:
        for page in doc:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        text = "".join(span["text"].split())
                        if text in words:
                            found[text] = span["size"]
    return found


def test_name_list_in_borderless_table_is_set_as_body_text(tmp_path):
    """100 names a 决定 aligned in a borderless five-column table: set at the body size
    (三号) like the paragraphs around them, not at a table's 小四/五号."""
    pdf = _one(tmp_path, "g03_name_list.docx")
    names = {"".join(n.split()) for n in gazette_docs.names_100()}
    sizes = _sizes_of(pdf, names)
    assert len(sizes) >= 90, len(sizes)
    assert min(sizes.values()) > 15.5, sorted(set(sizes.values()))


def test_ruled_table_keeps_table_size(tmp_path):
    """A ruled table of short cells (合格, 第一街道) stays at the table size."""
    pdf = _one(tmp_path, "g07_three_level_table.docx")
    sizes = _sizes_of(pdf, {"合格", "街道", "信访"})
    assert sizes and max(sizes.values()) < 13, sizes


def test_small_tables_of_a_statistics_bulletin_do_not_split(tmp_path):
    """Eight tables of four rows in a 统计公报: none is split into two rows, 续表 and two
    more; each moves whole to the next page when it does not fit."""
    pdf = _one(tmp_path, "g05_statistics.docx")
    with pymupdf.open(str(pdf)) as doc:
        texts = ["".join(p.get_text().split()) for p in doc]
    assert sum(t.count("比上年增长（%）") for t in texts) == 8      # header shown once each
    assert not [k + 1 for k, t in enumerate(texts) if "续表" in t]
    for k in range(8):          # each table's four rows on one page
        rows = [f"{r * 123.4 + k:.1f}" for r in range(1, 5)]
        assert any(all(v in t for v in rows) for t in texts), k
