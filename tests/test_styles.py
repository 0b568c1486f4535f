"""Style cascade: docDefaults -> style chain (basedOn) -> numbering -> direct formatting, for
fonts (East Asian first), size, bold, colour, alignment, indents and spacing."""
from __future__ import annotations

from docx_builder import package, para, styles_xml
from editor.docx_import import import_docx_bytes
from editor.model import ListItem, Paragraph

DEFAULTS = ('<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/>'
            '<w:sz w:val="21"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault>')
STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/>'
    '<w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Body2"><w:name w:val="公文正文"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200"/>'
    '<w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Body2"/><w:pPr><w:outlineLvl w:val="0"/><w:jc w:val="left"/></w:pPr>'
    '<w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="C00000"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
    '<w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/><w:b/></w:rPr></w:style>')


def _import(body: str, styles: str = STYLES, defaults: str = DEFAULTS, **kw):
    data = package(body, styles=styles_xml(styles, defaults), **kw)
    return import_docx_bytes(data, "test.docx").document


def test_defaults_and_default_paragraph_style():
    (p,) = _import(para("正文第一段。")).body
    run = p.runs[0]
    assert (run.font, run.font_latin, run.role, run.size) == ("仿宋_GB2312", "Times New Roman",
                                                              "fangsong", 16.0)
    assert p.style.align == "justify" and p.style.space_after == 6.0


def test_based_on_chain_and_char_indent():
    (p,) = _import(para("正文。", '<w:pStyle w:val="Body2"/>')).body
    assert p.style_name == "公文正文"
    assert p.style.first_indent == 32.0           # 2 characters of 16 pt
    assert p.style.line_pitch == 28.0 and p.style.line_multiple is None
    assert p.runs[0].role == "fangsong" and p.style.align == "justify"


def test_heading_style_overrides_and_outline_level():
    doc = _import(para("工作要求", '<w:pStyle w:val="H1"/>'))
    (h,) = doc.body
    run = h.runs[0]
    assert (run.font, run.role, run.bold, run.color, run.size) == ("黑体", "hei", True, "C00000",
                                                                   16.0)
    assert h.style.align == "left" and h.level == 1


def test_direct_formatting_wins_and_character_style():
    body = ('<w:p><w:pPr><w:pStyle w:val="H1"/><w:jc w:val="center"/>'
            '<w:ind w:firstLine="0"/></w:pPr>'
            '<w:r><w:rPr><w:b w:val="0"/><w:color w:val="auto"/><w:sz w:val="44"/>'
            '<w:rFonts w:eastAsia="方正小标宋简体"/></w:rPr><w:t>标题</w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>强调</w:t></w:r></w:p>')
    (p,) = _import(body).body
    title, strong = p.runs
    assert (title.font, title.role, title.bold, title.color, title.size) == (
        "方正小标宋简体", "biaosong", False, None, 22.0)
    assert (strong.font, strong.role, strong.bold, strong.color) == ("楷体_GB2312", "kai", True,
                                                                     "C00000")
    assert p.style.align == "center" and p.style.first_indent == 0.0


def test_latin_font_gives_role_when_no_east_asian_font():
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
              '<w:name w:val="Normal"/></w:style>')
    (p,) = _import(para("Hello", rpr='<w:rFonts w:ascii="Arial"/>'), styles=styles,
                   defaults="").body
    assert p.runs[0].font is None and p.runs[0].font_latin == "Arial"
    assert p.runs[0].role == "latin" and p.runs[0].size is None


def test_numbering_indent_between_style_and_direct():
    numbering = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                 'main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr>'
                 '<w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
                 '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>'
    body = (para("甲", num + '<w:pStyle w:val="Body2"/>') +
            para("乙", num + '<w:ind w:left="1440"/>'))
    first, second = _import(body, numbering=numbering).body
    assert isinstance(first, ListItem) and first.label == "1." and second.label == "2."
    assert (first.style.left_indent, first.style.first_indent) == (36.0, -18.0)
    assert (second.style.left_indent, second.style.first_indent) == (72.0, -18.0)


def test_theme_fonts_resolve():
    theme = ('<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
             '<a:themeElements><a:fontScheme><a:majorFont><a:latin typeface="Calibri Light"/>'
             '<a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>'
             '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/>'
             '<a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme>'
             '</a:themeElements></a:theme>')
    rpr = '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
    data = package(para("主题字体", rpr=rpr), styles=styles_xml(STYLES, DEFAULTS),
                   extra={"word/theme/theme1.xml": theme.encode()})
    (p,) = import_docx_bytes(data, "t.docx").document.body
    assert (p.runs[0].font, p.runs[0].font_latin, p.runs[0].role) == ("等线", "Calibri", "hei")


def test_missing_styles_part_still_imports():
    data = package(para("没有样式表"))
    (p,) = import_docx_bytes(data, "bare.docx").document.body
    assert isinstance(p, Paragraph) and p.text == "没有样式表" and p.runs[0].size is None
