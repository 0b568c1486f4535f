"""Every character prints, judged from the PDF: glyph ids read back with PyMuPDF's
``get_texttrace`` (glyph 0 is .notdef, the empty box) and the text a reader extracts.

Names and places outside GB2312 (硚 澴 勠 堃 喆 … and 𠮷, Extension B) in body text, a bold
headline, a table cell, the 目录 and running heads; a character no face has (a private-use
code point) is told (GLYPH_MISSING) and drawn as a framed placeholder, never as glyph 0;
the substituted office fonts are told once per role (FONT_SUBSTITUTED).  The fonts are
the bundled open faces only (tests/conftest.py sets GONGBAO_SYSTEM_FONTS=0)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pymupdf
import pytest

from docx_builder import package, para
from editor.fonts.measure import MISSING_FACE
from editor.issue_json import load_issue
from editor.render import build_pdf

NAMES = "堃喆昇镕赟珺祎犇淼燚𠮷"
PLACES = "硚澴勠"
REPRODUCE = "武汉市硚口区、澴河街道，任命张堃、李喆、冯𠮷祥同志，勠力同心。"
PERSONS = ["张堃", "李喆", "王昇", "刘镕", "陈赟", "杨珺", "赵祎", "黄犇", "周淼", "吴燚",
           "冯𠮷祥", "孙䶮"]          # 䶮: Extension A
PUA = "\ue0a5"


def _rpr(font: str, half_points: int, bold: bool = False) -> str:
    return (f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}"/>'
            + ("<w:b/>" if bold else "") + f'<w:sz w:val="{half_points}"/>')


def _title(text: str) -> str:
    return para(text, '<w:jc w:val="center"/>', _rpr("方正小标宋简体", 44))


def _body(text: str) -> str:
    return para(text, '<w:ind w:firstLineChars="200"/>', _rpr("仿宋_GB2312", 32))


def _table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>'
                                        f"{para(text, '', _rpr('仿宋_GB2312', 28))}</w:tc>"
                                        for text in row) + "</w:tr>" for row in rows)
    return ('<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/>'
            '<w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
            f"{cells}</w:tbl>")


def write_issue(folder: Path, docs: dict[str, str]) -> Path:
    """An issue.json with one section per document (file name → w:body XML)."""
    folder.mkdir(parents=True, exist_ok=True)
    sections = []
    for name, body in docs.items():
        (folder / name).write_bytes(package(body + "<w:sectPr/>"))
        sections.append({"title": "区级文件选登" if len(sections) == 0 else "政务简讯",
                         "documents": [{"file": name}]})
    issue = {"title": "硚口区人民政府公报", "period": "2025年", "issue_label": "总第1期",
             "total_number": 1, "sections": sections}
    path = folder / "issue.json"
    path.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    return path


def glyphs(pdf: Path) -> tuple[Counter, list[tuple[str, int, str]], str]:
    """(characters drawn, the .notdef ones as (char, page, font), the extracted text)."""
    drawn: Counter = Counter()
    notdef = []
    text = []
    with pymupdf.open(str(pdf)) as doc:
        for number, page in enumerate(doc):
            for span in page.get_texttrace():
                for unicode, glyph, *_rest in span["chars"]:
                    drawn[chr(unicode)] += 1
                    if glyph == 0:
                        notdef.append((chr(unicode), number, span["font"]))
            text.append(page.get_text())
    return drawn, notdef, "".join(text)


@pytest.fixture(scope="module")
def names_issue(tmp_path_factory):
    """The issue of the "Done when": the reproduce text, a 12-name 任免 notice and a news
    item about 硚口区 with a bold headline and a table."""
    folder = tmp_path_factory.mktemp("names")
    appoint = [_title("区人民政府关于张堃等同志职务任免的通知"), _body("经区人民政府研究决定：")]
    appoint += [_body(f"任命{n}同志为硚口区澴河街道办事处副主任；") for n in PERSONS]
    news = [_title("硚口区勠力同心推进澴河治理"),
            para("硚口区澴河街道勠力同心", "", _rpr("黑体", 32, bold=True)),
            _body("近日，武汉市硚口区召开会议，部署澴河治理。"),
            _table([["姓名", "单位"], ["张堃", "硚口区澴河街道"], ["冯𠮷祥", "勠力小组"]])]
    path = write_issue(folder, {
        "reproduce.docx": _title("关于硚口区澴河街道有关事项的通知") + _body(REPRODUCE),
        "appoint.docx": "".join(appoint), "news.docx": "".join(news)})
    issue = load_issue(path)
    out = folder / "names.pdf"
    laid = build_pdf(issue, out)
    return out, laid


def test_names_and_places_print_with_real_glyphs(names_issue):
    out, laid = names_issue
    drawn, notdef, text = glyphs(out)
    assert notdef == []
    for ch in NAMES + PLACES + "䶮":
        assert drawn[ch] > 0 and ch in text, ch
    assert REPRODUCE in text.replace("\n", "")
    assert not [w for w in laid.warnings if w.code == "GLYPH_MISSING"]


def test_rare_characters_in_headline_table_cell_and_toc(names_issue):
    """The bold headline, the table cell and the 目录 entry carry 硚 as a real glyph: the
    positioned items say where each run is, the PDF's glyph ids say what was drawn."""
    out, laid = names_issue
    toc = next(p.index for p in laid.pages if p.kind == "toc")
    places = {"bold": None, "cell": None, "toc": None}
    for page in laid.pages:
        for item in page.texts():
            if "硚" not in item.text and "𠮷" not in item.text:
                continue
            if item.bold:
                places["bold"] = page.index
            if item.source and item.source.block_id.count("/") == 2:
                places["cell"] = page.index
            if page.index == toc:
                places["toc"] = page.index
    assert None not in places.values(), places
    with pymupdf.open(str(out)) as doc:
        for where, number in places.items():
            spans = doc[number].get_texttrace()
            chars = [(chr(c[0]), c[1]) for s in spans for c in s["chars"]]
            assert ("硚", 0) not in chars and any(ch == "硚" or ch == "𠮷" for ch, _g in chars), where
            if where == "bold":     # synthetic bold: filled, then stroked (type 1)
                assert any(s["type"] == 1 and "硚" in "".join(chr(c[0]) for c in s["chars"])
                           for s in spans)


def test_substituted_office_fonts_are_told_once_per_role(names_issue):
    _out, laid = names_issue
    subs = [w.text for w in laid.warnings if w.code == "FONT_SUBSTITUTED"]
    assert len(subs) == len(set(subs))
    assert any("仿宋_GB2312" in t and "Noto Serif SC" in t for t in subs)
    assert any("方正小标宋简体" in t for t in subs) and any("黑体" in t and "Noto Sans SC" in t for t in subs)


def test_character_no_face_has_is_told_and_boxed(tmp_path):
    """A private-use code point: a GLYPH_MISSING warning naming it, its document and page,
    and on that page a framed placeholder drawn as lines — no glyph 0, no text."""
    path = write_issue(tmp_path, {"pua.docx": _title("关于启用新印章的通知")
                                  + _body(f"新印章样式为{PUA}，自即日起启用。")})
    issue = load_issue(path)
    out = tmp_path / "pua.pdf"
    laid = build_pdf(issue, out)
    (warning,) = [w for w in laid.warnings if w.code == "GLYPH_MISSING"]
    assert f"U+{ord(PUA):04X}" in warning.text and "关于启用新印章的通知" in warning.text
    assert warning.doc_id == next(issue.documents()).id and warning.block_id
    (item,) = [it for it in laid.pages[warning.page].texts() if it.face == MISSING_FACE]
    assert item.text == PUA
    drawn, notdef, text = glyphs(out)
    assert notdef == [] and PUA not in drawn and PUA not in text and "新印章样式为" in text
    with pymupdf.open(str(out)) as doc:
        page = doc[warning.page]
        em = item.size
        boxes = [d for d in page.get_drawings()
                 if abs(d["rect"].width - em * 0.88) < 1.5 and abs(d["rect"].height - em * 0.96) < 1.5
                 and d["rect"].x0 >= item.x - 1 and d["rect"].x1 <= item.x + em + 1]
        assert boxes, "no placeholder frame where the character stands"
        frame = boxes[0]["rect"]
        strokes = [d for d in page.get_drawings() if d["rect"] in frame + (-0.5, -0.5, 0.5, 0.5)
                   and d is not boxes[0]]
        assert strokes          # the code's digits inside the frame


def test_placeholder_geometry_stays_in_its_slot():
    from editor.fonts.placeholder import placeholder, placeholders
    mark = placeholder("\U000f0001", 100.0, 200.0, 16.0)
    x, y, w, h = mark.frame
    assert 100 < x and x + w < 116 and 200 - 16 < y and y + h < 200 + 4
    assert all(x <= min(s[0], s[2]) and max(s[0], s[2]) <= x + w and y <= min(s[1], s[3])
               and max(s[1], s[3]) <= y + h for s in mark.strokes)
    assert len({round(s[0]) for s in mark.strokes}) > 3          # six digits in three columns
    two = placeholders(PUA * 2, [10.0, 26.0], 50.0, 16.0, 32.0)
    assert two[0].frame[0] + two[0].frame[2] < two[1].frame[0]


def test_qt_painter_draws_the_same_placeholder(qapp):
    from PySide6.QtGui import QColor
    from editor.layout.items import Page, TextItem
    from editor.ui.painter import FaceFonts, PagePainter, render_page_image
    page = Page(index=0, width=100, height=60)
    page.items.append(TextItem(x=20, y=40, text=PUA, face=MISSING_FACE, size=24, xs=[20.0],
                               width=24.0, role="fangsong"))
    image = render_page_image(page, PagePainter(FaceFonts(None)), 4.0)
    dark = [(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
            if QColor(image.pixel(x, y)).lightness() < 128]
    assert dark
    xs, ys = [x / 4 for x, _ in dark], [y / 4 for _, y in dark]
    assert 20 <= min(xs) and max(xs) <= 44 and 40 - 24 <= min(ys) and max(ys) <= 40 + 4


def gbk_chars() -> list[str]:
    """The GBK (GB 18030 two-byte) characters, in code order."""
    out = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                out.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return out


EXT_NAMES = "䶮㑇㛃𠮷𬌗𬍛𫖯𬇕𬀩𣲗𨭉"      # Extension A and B (and later) name characters


@pytest.mark.slow
def test_every_gbk_character_and_name_extensions_print(tmp_path):
    """All GBK characters the installed faces cover (21,7xx of 21,886 with the bundled
    faces) plus Extension A/B name characters, in body paragraphs: every one drawn as a
    real glyph and read back as itself from the PDF."""
    from editor.fonts import default_fontbook
    book = default_fontbook()
    chars = [c for c in gbk_chars() + list(EXT_NAMES)
             if not c.isspace() and book.face_for(c, "fangsong") != MISSING_FACE]
    assert len(chars) > 21_700 and set(EXT_NAMES) <= set(chars)
    text = "".join(chars)            # two-byte characters only: nothing to escape in XML
    paras = [_body(text[k:k + 600]) for k in range(0, len(text), 600)]
    path = write_issue(tmp_path, {"gbk.docx": _title("关于公布汉字字形检查结果的通知") + "".join(paras)})
    out = tmp_path / "gbk.pdf"
    laid = build_pdf(load_issue(path), out)
    drawn, notdef, _text = glyphs(out)
    assert notdef == []
    assert [c for c in chars if c not in drawn] == []
    assert not [w for w in laid.warnings if w.code == "GLYPH_MISSING"]


def test_print_file_with_bleed_and_slug_has_no_notdef(tmp_path):
    """The slug line outside the trim names the issue (硚口区…): drawn in a face that has it."""
    path = write_issue(tmp_path, {"reproduce.docx": _title("关于硚口区澴河街道有关事项的通知")
                                  + _body(REPRODUCE)})
    out = tmp_path / "bleed.pdf"
    build_pdf(load_issue(path), out, bleed=True)
    drawn, notdef, text = glyphs(out)
    assert notdef == [] and "硚口区人民政府公报" in text.replace("\n", "")


def test_names_print_with_the_fonts_this_machine_has(names_issue, tmp_path):
    """The same issue laid out and written with the host's installed fonts as well (Debian's
    fonts-noto-cjk, LXGW WenKai, Windows' SimSun-ExtB …, whatever is there): whichever
    faces serve, no glyph 0 and every name character present."""
    from editor.fonts import FontBook
    from editor.layout.paginate import layout_issue
    from editor.render.pdf import write_pdf
    book = FontBook(system_fonts=True, user_file=tmp_path / "none.json")
    issue = load_issue(Path(names_issue[0]).parent / "issue.json")
    laid = layout_issue(issue, None, measurer=book)
    out = tmp_path / "host.pdf"
    write_pdf(laid, out, book)
    drawn, notdef, text = glyphs(out)
    assert notdef == []
    missing = {w.text for w in laid.warnings if w.code == "GLYPH_MISSING"}
    for ch in NAMES + PLACES + "䶮":
        assert (drawn[ch] > 0 and ch in text) or any(f"U+{ord(ch):04X}" in m for m in missing), ch


def test_tabs_and_zero_width_characters_draw_nothing(tmp_path):
    """A Word tab and format characters pasted from the web (zero-width space, BOM, soft
    hyphen, word joiner, zero-width joiner) have no glyph anywhere: never drawn (no glyph
    0), never a placeholder, and the format characters take no room."""
    body = _body("零宽\u200b空格\ufeff字节序\u00ad软连字符\u2060词连接\u200d结束。")
    body += ('<w:p><w:r><w:t>制表</w:t></w:r><w:r><w:tab/></w:r>'
             '<w:r><w:t>之后</w:t></w:r></w:p>')
    path = write_issue(tmp_path, {"c.docx": _title("关于测试的通知") + body})
    out = tmp_path / "ctl.pdf"
    laid = build_pdf(load_issue(path), out)
    drawn, notdef, text = glyphs(out)
    assert notdef == [] and not [w for w in laid.warnings if w.code == "GLYPH_MISSING"]
    assert "零宽空格字节序软连字符词连接结束" in text.replace("\n", "")
    (item,) = [it for p in laid.pages for it in p.texts() if "\u200b" in it.text]
    k = item.text.index("\u200b")
    assert item.xs[k + 1] == pytest.approx(item.xs[k])        # no room taken
