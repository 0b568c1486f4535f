"""FontBook: TTC subfont choice, CFF → TrueType conversion, per-character fallback,
embedding permissions and docx font names → roles, on fonts cut from the bundled Noto faces."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTCollection, TTFont

from editor.errors import GazetteError
from editor.fonts import FontBook, role_for_font_name
from editor.fonts.convert import subset_to_truetype
from editor.fonts.discovery import bundled_files
from tests.conftest import SAMPLES

TEXT = "中华人民共和国东西湖区政府公报第一二三年月日，。ABC123"


def _bundled(word: str) -> Path:
    return next(p for p in bundled_files() if word in p.name)


def _rename(path: Path, family: str, ps: str, fs_type: int | None = None) -> None:
    font = TTFont(str(path))
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 4, 16, 21, 17, 18, 3, 6):
            name.removeNames(nameID=rec.nameID)
    for nid, text in ((1, family), (4, family), (16, family), (6, ps), (3, ps)):
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)
    if fs_type is not None:
        font["OS/2"].fsType = fs_type
    font.save(str(path))


@pytest.fixture(scope="module")
def test_fonts(tmp_path_factory) -> Path:
    """Font folder: a two-face TTC, a partial face and a face forbidding embedding."""
    folder = tmp_path_factory.mktemp("fonts")
    work = tmp_path_factory.mktemp("work")
    serif = subset_to_truetype(_bundled("Serif"), 0, set(TEXT), work / "a.ttf")
    sans = subset_to_truetype(_bundled("Sans"), 0, set(TEXT), work / "b.ttf")
    _rename(serif, "Gongbao Test Serif", "GongbaoTestSerif")
    _rename(sans, "Gongbao Test Sans", "GongbaoTestSans")
    ttc = TTCollection()
    ttc.fonts = [TTFont(str(serif)), TTFont(str(sans))]
    ttc.save(str(folder / "pair.ttc"))
    partial = subset_to_truetype(_bundled("Sans"), 0, set("中华人民"), folder / "partial.ttf")
    _rename(partial, "Gongbao Partial", "GongbaoPartial")
    shutil.copy(partial, folder / "restricted.ttf")
    _rename(folder / "restricted.ttf", "Gongbao Restricted", "GongbaoRestricted", fs_type=0x0002)
    return folder


def _book(folder: Path, tmp_path: Path, prefs: dict) -> FontBook:
    """A FontBook of ``folder`` and the bundled faces only, whatever the host has installed."""
    return FontBook(prefs, cache_dir=tmp_path / "cache", extra_dirs=[folder],
                    system_fonts=False, user_file=tmp_path / "none.json")


def test_ttc_second_subfont_chosen_by_name(test_fonts, tmp_path):
    book = _book(test_fonts, tmp_path, {"hei": ["Gongbao Test Sans"]})
    face = book.faces_for_role("hei")[0]
    assert face == "GongbaoTestSans"
    path, index = book.face_path(face)
    assert path.name == "pair.ttc" and index == 1
    sans = TTFont(str(_bundled("Sans")), lazy=True)
    upem = sans["head"].unitsPerEm
    glyph = sans.getBestCmap()[ord("A")]
    assert book.advance("A", "hei", 10) == pytest.approx(sans["hmtx"][glyph][0] / upem * 10)
    pdf = book.prepare_for_pdf({face: set("中华A")})[face]
    out = TTFont(str(pdf.path))
    assert out["name"].getDebugName(1) == "Gongbao Test Sans"
    assert set("中华A") <= {chr(cp) for cp in out.getBestCmap()}
    names = book.register_reportlab({face: set("中华A")})
    assert names == book.register_reportlab({face: set("中华A")})


def test_cff_conversion_keeps_outlines_cmap_and_advances(tmp_path):
    src_path = _bundled("Serif")
    chars = set("公报東①㎡℃·Ag")
    out = subset_to_truetype(src_path, 0, chars, tmp_path / "conv.ttf")
    src, conv = TTFont(str(src_path), lazy=True), TTFont(str(out))
    assert "CFF " in src and "CFF " not in conv and "glyf" in conv
    assert conv.sfntVersion == "\x00\x01\x00\x00"
    src_cmap = src.getBestCmap()
    expected = {cp for cp in map(ord, chars) if cp in src_cmap}
    assert set(conv.getBestCmap()) == expected
    glyf = conv["glyf"]
    for cp in expected:
        name = conv.getBestCmap()[cp]
        glyph = glyf[name]
        assert glyph.numberOfContours > 0, chr(cp)
        assert conv["hmtx"][name][0] == src["hmtx"][src_cmap[cp]][0]
    # the converted outline covers the same box as the cubic original (within 2 units)
    from fontTools.pens.boundsPen import BoundsPen
    bounds = []
    for font, cmap in ((src, src_cmap), (conv, conv.getBestCmap())):
        pen = BoundsPen(font.getGlyphSet())
        font.getGlyphSet()[cmap[ord("公")]].draw(pen)
        bounds.append(pen.bounds)
    assert bounds[0][2] - bounds[0][0] > 500
    assert all(abs(a - b) <= 2 for a, b in zip(*bounds)), bounds


def test_missing_character_comes_from_next_face(test_fonts, tmp_path):
    """A character the role's face lacks comes from the next installed face of the same
    kind (serif for 宋体), then from the bundled open faces."""
    book = _book(test_fonts, tmp_path, {"song": ["Gongbao Partial"]})
    assert book.faces_for_role("song")[:2] == ["GongbaoPartial", "NotoSerifSC-Regular"]
    assert book.face_for("中", "song") == "GongbaoPartial"
    assert book.face_for("国", "song") == "GongbaoTestSerif"       # installed, serif
    assert book.face_for("国", "hei") == "NotoSansSC-Regular"      # the role's own face
    assert book.face_for("京", "song") == "NotoSerifSC-Regular"    # bundled
    assert book.face_for("京", "hei") == "NotoSansSC-Regular"
    assert book.report()["substitutions"] == {"国": "GongbaoTestSerif", "京": "NotoSerifSC-Regular"}
    # a character outside the cached base set is drawn from a per-build subset
    rare = "\u3447"     # 㑇, not in GB2312
    face = book.face_for(rare, "song")
    assert face.startswith("NotoSerifSC-Regular") and face != "NotoSerifSC-Regular"
    pdf = book.prepare_for_pdf({face: {rare}})[face]
    assert ord(rare) in TTFont(str(pdf.path)).getBestCmap()


def test_control_characters_are_not_searched_for_in_every_face(test_fonts, tmp_path):
    """A line break or a tab from Word (w:br, w:tab) has no glyph anywhere: it takes half
    an em in the role's first face without loading the metrics of every installed face."""
    book = _book(test_fonts, tmp_path, {"song": ["Gongbao Partial"]})
    for ch in "\n\t\r":
        assert book.face_for(ch, "song") == "GongbaoPartial"
        assert book.advance(ch, "song", 16) == 8.0
    assert book._metrics == {}
    assert not book.report()["missing"] and not book.report()["substitutions"]
    assert book.face_for("中", "song") == "GongbaoPartial"
    assert len(book._metrics) == 1


def test_face_forbidding_embedding_is_refused(test_fonts, tmp_path):
    book = _book(test_fonts, tmp_path, {"kai": ["Gongbao Restricted"]})
    assert "GongbaoRestricted" not in book.faces_for_role("kai")
    assert "禁止嵌入" in book.report()["refused"]["GongbaoRestricted"]
    with pytest.raises(GazetteError) as info:
        book.prepare_for_pdf({"GongbaoRestricted": set("中")})
    assert "不能用于印刷 PDF" in info.value.message


def test_preferences_file_and_argument_order(test_fonts, tmp_path):
    user = tmp_path / "fonts.json"
    user.write_text('{"roles": {"song": ["Gongbao Test Serif"]}}', encoding="utf-8")
    book = FontBook(None, cache_dir=tmp_path / "c", extra_dirs=[test_fonts],
                    system_fonts=False, user_file=user)
    assert book.faces_for_role("song")[0] == "GongbaoTestSerif"
    book = FontBook({"song": "Gongbao Partial"}, cache_dir=tmp_path / "c",
                    extra_dirs=[test_fonts], system_fonts=False, user_file=user)
    assert book.faces_for_role("song")[:2] == ["GongbaoPartial", "GongbaoTestSerif"]


@pytest.mark.parametrize("name, role", [
    ("方正小标宋简体", "biaosong"), ("方正小标宋_GBK", "biaosong"), ("华文中宋", "biaosong"),
    ("仿宋_GB2312", "fangsong"), ("FangSong", "fangsong"), ("FangSong_GB2312", "fangsong"),
    ("仿宋", "fangsong"), ("SimSun", "song"), ("宋体", "song"), ("NSimSun", "song"),
    ("黑体", "hei"), ("SimHei", "hei"), ("Microsoft YaHei", "hei"), ("微软雅黑", "hei"),
    ("KaiTi_GB2312", "kai"), ("楷体_GB2312", "kai"), ("楷体", "kai"),
    ("Times New Roman", "latin"), ("Noto Sans CJK SC", "hei"), ("Noto Serif CJK SC", "song"),
])
def test_docx_font_name_to_role(name, role):
    assert role_for_font_name(name) == role


def test_every_cjk_font_name_in_the_samples_has_a_role():
    names = set()
    for path in SAMPLES.glob("*.docx"):
        for el in docx.Document(str(path)).element.body.iter():
            if el.tag.endswith("}rFonts"):
                names.update(v for k, v in el.attrib.items() if k.endswith("}eastAsia"))
    assert "仿宋_GB2312" in names
    assert {n for n in names if role_for_font_name(n) is None} <= {"DejaVu Sans", "DejaVu Serif"}


def test_windows_font_folders_include_per_user_folder():
    from editor.fonts.discovery import system_font_dirs
    env = {"WINDIR": r"C:\Windows", "LOCALAPPDATA": r"C:\Users\li\AppData\Local"}
    dirs = [str(d).replace("/", "\\") for d in system_font_dirs("win32", env, r"C:\Users\li")]
    assert dirs == [r"C:\Windows\Fonts", r"C:\Users\li\AppData\Local\Microsoft\Windows\Fonts"]


def test_fonts_command_reports_roles_and_sample_coverage(capsys):
    import argparse
    from editor.cli import cmd_fonts
    args = argparse.Namespace(issue=None, sample=True, prepare=False, json=False)
    assert cmd_fonts.run(args) == 0
    out = capsys.readouterr().out
    from editor.fonts import default_fontbook
    assert f"仿宋（fangsong）：{default_fontbook().faces_for_role('fangsong')[0]} " in out
    assert "全部有字形" in out and "缺" not in out.split("整期用字：")[1]


@pytest.mark.slow
def test_fonts_prepare_reports_no_false_missing_characters(capsys):
    """``fonts --prepare`` converts the base sets: a character a face's base set lacks (、。中
    in a Latin face) is not a character missing from every font; the substituted office
    fonts are named with the face standing in."""
    import argparse
    from editor.cli import cmd_fonts
    args = argparse.Namespace(issue=None, sample=False, prepare=True, json=False)
    assert cmd_fonts.run(args) == 0
    out = capsys.readouterr().out
    assert "缺字" not in out
    assert "仿宋：仿宋_GB2312 → Noto Serif SC" in out and "黑体：黑体 → Noto Sans SC" in out


def test_subsetting_a_face_with_a_foreign_table_says_nothing(tmp_path, caplog):
    """A face carrying a table fontTools cannot subset (FontForge's FFTM) is subset
    without a warning on the console: nothing a user could act on."""
    from fontTools.ttLib import newTable
    src = subset_to_truetype(_bundled("Sans"), 0, set("中华人民"), tmp_path / "src.ttf")
    font = TTFont(str(src))
    stamp = newTable("FFTM")
    stamp.version, stamp.FFTimeStamp, stamp.sourceCreated, stamp.sourceModified = 1, 0, 0, 0
    font["FFTM"] = stamp
    font.save(str(src))
    caplog.set_level("DEBUG", logger="fontTools")
    caplog.clear()
    out = subset_to_truetype(src, 0, set("中华"), tmp_path / "out.ttf")
    assert "FFTM" not in TTFont(str(out)) and set(TTFont(str(out)).getBestCmap()) >= {0x4E2D}
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == []
