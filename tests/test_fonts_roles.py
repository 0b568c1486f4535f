"""Roles that look like themselves where the machine allows, the substitutions told, font
discovery that leaves the host's fonts out on request, and the CFF → TrueType conversion
(the same bytes through HarfBuzz or fontTools).  Fonts: small faces cut from the bundled
Noto faces and renamed, in a folder given to the FontBook."""
from __future__ import annotations

import builtins
import filecmp
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from editor.fonts import FontBook
from editor.fonts.convert import subset_to_truetype
from editor.fonts.discovery import bundled_files, font_files

TEXT = "东西湖区人民政府关于印发通知一二三（）、，。"


def _face(src: Path, out: Path, family: str, full: str, ps: str, extra: str = "") -> Path:
    """A copy of ``src`` naming itself family ``family``, full name ``full``."""
    font = TTFont(str(src))
    names = font["name"]
    names.names = []
    for name_id, value in ((1, family), (2, "Regular"), (4, full), (6, ps), (16, family)):
        names.setName(value, name_id, 3, 1, 0x409)
    if extra:
        names.setName(extra, 1, 3, 1, 0x804)
    font.save(str(out))
    return out


@pytest.fixture(scope="module")
def linux_fonts(tmp_path_factory) -> Path:
    """What Debian's fonts-noto-cjk and fonts-lxgw-wenkai put on a machine, in miniature."""
    folder = tmp_path_factory.mktemp("fonts")
    serif = next(p for p in bundled_files() if p.name == "NotoSerifSC-Regular.otf")
    small = subset_to_truetype(serif, 0, set(TEXT), tmp_path_factory.mktemp("w") / "s.ttf")
    _face(small, folder / "cjk-regular.ttf", "Noto Serif CJK SC", "Noto Serif CJK SC",
          "NotoSerifCJKsc-Regular")
    _face(small, folder / "cjk-bold.ttf", "Noto Serif CJK SC", "Noto Serif CJK SC Bold",
          "NotoSerifCJKsc-Bold")
    _face(small, folder / "wenkai.ttf", "LXGW WenKai", "LXGW WenKai", "LXGWWenKai-Regular",
          extra="霞鹜文楷")
    return folder


def _book(folder: Path | None, tmp_path: Path) -> FontBook:
    return FontBook(None, cache_dir=tmp_path / "cache", extra_dirs=[folder] if folder else [],
                    system_fonts=False, user_file=tmp_path / "none.json")


def test_title_and_kai_roles_use_a_heavy_serif_and_a_kai_face(linux_fonts, tmp_path):
    book = _book(linux_fonts, tmp_path)
    assert book.faces_for_role("biaosong")[0] == "NotoSerifCJKsc-Bold"
    assert book.faces_for_role("kai")[0] == "LXGWWenKai-Regular"
    assert book.faces_for_role("fangsong")[0] == "NotoSerifSC-Regular"
    assert book.substitute("biaosong") == ("方正小标宋简体", "Noto Serif CJK SC Bold")
    assert book.substitute("kai") == ("楷体_GB2312", "霞鹜文楷")
    # what the small faces lack still comes from a face that has it
    assert book.face_for("鑫", "kai").startswith("NotoSerifSC-Regular")


def test_only_the_bundled_faces_without_installed_fonts(tmp_path):
    book = _book(None, tmp_path)
    assert {book.faces_for_role(r)[0] for r in ("biaosong", "song", "fangsong", "kai")} == \
        {"NotoSerifSC-Regular"}
    assert book.substitute("fangsong") == ("仿宋_GB2312", "Noto Serif SC")
    assert book.substitute("hei") == ("黑体", "Noto Sans SC")
    assert book.face_for("𠮷", "fangsong").startswith("NotoSerifJP-Regular")   # Extension B
    assert book.face_for("𠮷", "hei").startswith("NotoSansJP-Regular")


def test_an_office_font_that_is_installed_is_no_substitution(tmp_path, linux_fonts):
    folder = tmp_path / "office"
    folder.mkdir()
    _face(linux_fonts / "cjk-regular.ttf", folder / "fs.ttf", "仿宋_GB2312", "仿宋_GB2312",
          "FangSong_GB2312")
    book = _book(folder, tmp_path)
    assert book.faces_for_role("fangsong")[0] == "FangSongGB2312"
    assert book.substitute("fangsong") is None


def test_host_fonts_left_out_on_request(tmp_path):
    """GONGBAO_SYSTEM_FONTS=0: no system folder, no fontconfig — the named folders and
    the bundled faces only (how the tests and a trial with unpacked packages run)."""
    system = tmp_path / "usr-share-fonts"
    system.mkdir()
    (system / "host.ttf").write_bytes(b"")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.ttf").write_bytes(b"")
    env = {"GONGBAO_FONT_DIRS": str(mine), "GONGBAO_SYSTEM_FONTS": "0", "XDG_DATA_HOME": str(tmp_path)}
    found = font_files(system="linux", env=env)
    assert found[0] == mine / "a.ttf"
    assert all(p.parent != system and not str(p).startswith("/usr/share/fonts") for p in found)
    assert set(bundled_files()) <= set(found)
    env["GONGBAO_SYSTEM_FONTS"] = "1"
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "user.ttf").write_bytes(b"")
    assert tmp_path / "fonts" / "user.ttf" in font_files(system="linux", env=env,
                                                          use_fontconfig=False)


def test_cff_conversion_is_the_same_with_or_without_harfbuzz(tmp_path, monkeypatch):
    pytest.importorskip("uharfbuzz")
    src = next(p for p in bundled_files() if p.name == "NotoSansSC-Regular.otf")
    chars = set(TEXT + "硚澴勠Ag①")
    fast = subset_to_truetype(src, 0, chars, tmp_path / "hb.ttf")
    real_import = builtins.__import__

    def no_harfbuzz(name, *args, **kwargs):
        if name == "uharfbuzz":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_harfbuzz)
    slow = subset_to_truetype(src, 0, chars, tmp_path / "ft.ttf")
    assert filecmp.cmp(fast, slow, shallow=False)
    font = TTFont(str(fast))
    assert {chr(c) for c in font.getBestCmap()} == chars and "glyf" in font


def test_a_glyph_the_body_face_lacks_comes_from_songti_before_the_title_face(tmp_path, linux_fonts):
    """仿宋_GB2312 → 宋体 (as on the office's Windows machine), not the heavy 小标宋."""
    folder = tmp_path / "office"
    folder.mkdir()
    serif = next(p for p in bundled_files() if p.name == "NotoSerifSC-Regular.otf")
    partial = subset_to_truetype(serif, 0, set("中华人民"), tmp_path / "p.ttf")
    _face(partial, folder / "fs.ttf", "仿宋_GB2312", "仿宋_GB2312", "FangSong_GB2312")
    for name, family in (("bs.ttf", "方正小标宋简体"), ("ss.ttf", "SimSun")):
        _face(linux_fonts / "cjk-regular.ttf", folder / name, family, family, family)
    book = _book(folder, tmp_path)
    assert book.face_for("中", "fangsong") == "FangSongGB2312"
    assert book.face_for("东", "fangsong") == "SimSun"
    assert book.face_for("东", "biaosong") != "SimSun"      # the title face has it itself


def test_extension_b_from_an_installed_face_before_the_bundled_one(tmp_path):
    """On the office's Windows machine 𠮷 comes from SimSun-ExtB (an installed CJK face),
    before the bundled Noto JP."""
    folder = tmp_path / "win"
    folder.mkdir()
    jp = next(p for p in bundled_files() if p.name == "NotoSerifJP-Regular.otf")
    extb = subset_to_truetype(jp, 0, set("𠮷"), tmp_path / "x.ttf")
    _face(extb, folder / "simsunb.ttf", "SimSun-ExtB", "SimSun-ExtB", "SimSun-ExtB")
    book = _book(folder, tmp_path)
    assert book.face_for("𠮷", "fangsong") == "SimSun-ExtB~x"
    assert book.face_for("𠮷", "hei") == "SimSun-ExtB~x"
