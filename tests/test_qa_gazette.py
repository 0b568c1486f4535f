"""Third QA pass: gazette-shaped documents none of the other builders make
(tests/gazette_docs.py), judged from the PDF.

What a reader of the printed gazette saw at once and what holds now: in a 大事记 whose
dates are headlines on lines of their own (``1月3日`` then its entry), a date was left
as the last line of a page with its entry on the next."""
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
