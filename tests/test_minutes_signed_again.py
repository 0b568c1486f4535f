"""A 纪要 with its office and date in its head line, signed again by the sender at its
end: the head line prints in the 版头 (over the red rule, GB/T 9704 §10.3) and the
repetition once; a different signature at the end stays where it was typed.  Judged
from the PDF."""
from __future__ import annotations

import pymupdf
import pytest

import minutes_docs
from editor import model
from editor.docx_import import import_docx_bytes
from recognition.builder import Writer

OFFICE = minutes_docs.OFFICE


def _pdf(tmp_path, end_date: str) -> list[tuple[str, float, int]]:
    """(text, top, page) of every printed line of the 纪要 signed at its end."""
    from editor.render import build_pdf
    w = Writer()
    minutes_docs.standing(w)            # head line: 办公室　　2025年3月10日
    w.blank()
    w.p(OFFICE, align="r")
    w.p(end_date, align="r")
    result = import_docx_bytes(w.bytes(), "signed.docx")
    issue = model.Issue(meta=model.IssueMeta(title="测试公报"),
                        sections=[model.Section("s1", "区级文件选登", [result.document])])
    build_pdf(issue, tmp_path / "m.pdf")
    out = []
    with pymupdf.open(tmp_path / "m.pdf") as pdf:
        for page in pdf:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", ()):
                    text = "".join(sp["text"] for sp in line["spans"]).replace(" ", "")
                    out.append((text, line["bbox"][1], page.number))
    return out


def _where(lines, text):
    return [(page, top) for t, top, page in lines if t == text]


@pytest.mark.parametrize("end_date", ["2025年3月10日", "2025年3月12日"])
def test_the_head_line_of_a_signed_minutes_prints_in_its_head(tmp_path, end_date):
    lines = _pdf(tmp_path, end_date)
    body = next((page, top) for t, top, page in lines if t.startswith("2025年3月5日上午"))
    offices, dates = _where(lines, OFFICE), _where(lines, "2025年3月10日")
    assert offices and offices[0] < body            # the office over the rule, in the head
    assert dates and dates[0] < body and abs(dates[0][1] - offices[0][1]) < 1
    if end_date == "2025年3月10日":                # the same signature: printed once
        assert len(offices) == 1 and len(dates) == 1
    else:                                           # another one: kept at the end
        assert len(offices) == 2 and offices[1] > body
        assert _where(lines, end_date)[0] > offices[1]
