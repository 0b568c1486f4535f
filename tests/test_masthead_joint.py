"""联合发文 heads from the PDF: the agencies' names one under another, 文件 to their right
and centred on them vertically (GB/T 9704 7.2.4), from .docx files written as senders
write them (文件 on a line of its own, typed after the last name, or the head laid
out as a table)."""
from __future__ import annotations

import pytest

from editor.docx_import import import_docx_bytes
from editor.layout.shapes import joint_lines
from recognition.builder import Writer
from recognition.cases import XBS

NAMES = ["中共东西湖区委办公室", "东西湖区人民政府办公室"]


def _head_table(w: Writer, size: float) -> None:
    """The names one a row and 文件 in a cell merged down beside them (a borderless
    layout table, as many offices make the joint head in Word)."""
    from docx.shared import Pt, RGBColor
    t = w.d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(1, 0).text = NAMES
    merged = t.cell(0, 1).merge(t.cell(1, 1))
    merged.text = "文件"
    for cell in (t.cell(0, 0), t.cell(1, 0), merged):
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(size)
            run.font.color.rgb = RGBColor(255, 0, 0)


def _joint_docx(lines: list[str] | None, size: float = 36) -> bytes:
    w = Writer()
    if lines is None:
        _head_table(w, size)
    for line in lines or []:
        w.p(line, align="c", size=size, font=XBS, color="FF0000")
    w.blank()
    w.p("东办文〔2025〕9号", align="c")
    w.blank()
    w.p("关于做好2025年春节期间有关工作的通知", align="c", size=22, font=XBS)
    w.p("各街道党工委、办事处，区直各单位：")
    w.body(2)
    w.p("中共东西湖区委办公室　东西湖区人民政府办公室", align="r")
    w.p("2025年1月20日", align="r")
    return w.bytes()


def _head_lines(tmp_path, data: bytes) -> tuple[list, object]:
    import pymupdf

    from editor.model import Issue, IssueMeta, Section
    from editor.render import build_pdf
    doc = import_docx_bytes(data, "joint.docx").document
    issue = Issue(meta=IssueMeta(title="测试公报"),
                  sections=[Section(id="s1", title="区级文件选登", documents=[doc])])
    build_pdf(issue, tmp_path / "joint.pdf")
    page = next(p for p in pymupdf.open(tmp_path / "joint.pdf") if "东办文" in p.get_text())
    lines = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            text = "".join(sp["text"] for sp in line["spans"]).replace(" ", "")
            lines.append((text, pymupdf.Rect(line["bbox"])))
    return lines, page


@pytest.mark.parametrize("mark", [NAMES + ["文件"], NAMES[:1] + [NAMES[1] + "文件"], None],
                         ids=["own_line", "after_last_name", "layout_table"])
def test_joint_head_sets_wenjian_right_of_the_names_centred_on_them(tmp_path, mark):
    lines, page = _head_lines(tmp_path, _joint_docx(mark))
    names = [next(r for t, r in lines if t == n) for n in NAMES]
    word = [r for t, r in lines if t == "文件"]
    assert len(word) == 1, lines            # 文件 once, not on a line of its own below
    word = word[0]
    # the names stacked, spread to one width; 文件 right of them, a gap between
    assert names[0].y1 <= names[1].y0 + 1
    assert names[0].x0 == pytest.approx(names[1].x0, abs=1)
    assert names[0].x1 == pytest.approx(names[1].x1, abs=1)
    assert word.x0 > names[0].x1 + 0.5 * word.height
    # centred on the names vertically
    middle = (names[0].y0 + names[1].y1) / 2
    assert (word.y0 + word.y1) / 2 == pytest.approx(middle, abs=2)
    # the group centred in the 版心 (the doc number is centred on it)
    number = next(r for t, r in lines if t.startswith("东办文"))
    assert (names[0].x0 + word.x1) / 2 == pytest.approx((number.x0 + number.x1) / 2, abs=2)
    assert word.x1 <= page.rect.width - 26 * 72 / 25.4 + 1


def test_only_a_joint_mark_is_set_side_by_side():
    assert joint_lines(["东西湖区人民政府文件"]) is None
    assert joint_lines(["东西湖区人民政府", "文件"]) is None          # one agency
    assert joint_lines(["东西湖区财政局", "东西湖区人社局"]) is None   # no 文件
    assert joint_lines(["武汉市东西湖区人民政府", "关于防汛的紧急通知文件"]) is None
    assert joint_lines(["东西湖区财政局", "东西湖区人社局", "文件"]) == (
        ["东西湖区财政局", "东西湖区人社局"], 2)
