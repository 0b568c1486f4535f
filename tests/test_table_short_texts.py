"""Widths from content keep a short text with numbers (第10社区居委会: a unit's name,
at most 8 characters) on one line when the frame has the room, here taken from a long
address column that wraps anyway — and only when no row grows; judged from the PDF."""
from __future__ import annotations

import pymupdf
import pytest

import table_docs


def units_doc(path, rows: int = 16):
    d = table_docs._doc()
    body = [[str(k + 1), f"第{k + 1}社区居委会", f"东西湖区吴家山街道临空港大道{100 + k}号"
             f"{k % 5 + 1}栋{k % 3 + 1}单元综合服务楼{k % 4 + 2}楼", f"027-8389{1200 + k}"]
            for k in range(rows)]
    table_docs._table(d, ["序号", "单位名称", "办公地址", "联系电话"], body)
    d.save(path)
    return path


def _cells(pdf_path):
    """Per body row: {column x (rounded): [line texts]} from the PDF, rows cut at the
    horizontal rules."""
    out = []
    with pymupdf.open(str(pdf_path)) as pdf:
        for page in pdf:
            rules = sorted({round(d["rect"].y0, 1) for d in page.get_drawings()
                            if d["rect"].height < 1 and d["rect"].width > 200})
            lines = [(ln["bbox"], "".join(s["text"] for s in ln["spans"]).replace(" ", ""))
                     for b in page.get_text("dict")["blocks"] for ln in b.get("lines", ())]
            for top, bottom in zip(rules, rules[1:]):
                row: dict[int, list[str]] = {}
                for box, text in lines:
                    if top < (box[1] + box[3]) / 2 < bottom and text:
                        row.setdefault(round(box[0] / 20), []).append(text)
                if row:
                    out.append(row)
    return out


@pytest.mark.slow
def test_short_unit_names_fit_on_one_line_and_no_row_grows(tmp_path):
    laid = table_docs.build(units_doc(tmp_path / "units.docx"), tmp_path / "units.pdf")
    rows = [r for r in _cells(tmp_path / "units.pdf")
            if any(t.startswith("第") and t.endswith("居委会") for ts in r.values() for t in ts)]
    assert len(rows) == 16
    for row in rows:
        name = next(ts for ts in row.values() if ts[0].startswith("第"))
        assert len(name) == 1, name                   # 第10社区居委会 whole
        # the address takes the two lines it took with the names broken: no row grows
        assert max(len(ts) for ts in row.values()) == 2, row
    assert len(laid.pages) == 4                        # cover, 目录, two pages of text
