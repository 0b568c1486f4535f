"""Fonts on a Windows workstation (simulated folders) and the bundle's pre-converted
fallback fonts."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

from editor.fonts import FontBook
from editor.fonts.convert import subset_to_truetype
from editor.fonts.discovery import bundled_dir, discover, font_files, system_font_dirs
from editor.fonts.seed import portable_key, seed_name, seeded_base, write_seeds

CHARS = "东西湖区人民政府公报关于印发通知一二三（）、，。0123456789"


def _renamed(src: Path, out: Path, family: str, chinese: str) -> Path:
    """A copy of a small TrueType face calling itself ``family`` / ``chinese``."""
    font = TTFont(str(src))
    names = font["name"]
    names.names = []
    for lang, text in ((0x409, family), (0x804, chinese)):
        for name_id, value in ((1, text), (2, "Regular"), (4, text), (6, family)):
            names.setName(value if name_id != 6 else family, name_id, 3, 1, lang)
    font.save(str(out))
    return out


@pytest.fixture(scope="module")
def windows_fonts(tmp_path_factory):
    """%WINDIR%\\Fonts with simsun.ttc, simhei.ttf, simkai.ttf and the per-user folder
    %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts with simfang.ttf (as a user install puts it)."""
    base = tmp_path_factory.mktemp("win")
    small = subset_to_truetype(bundled_dir() / "NotoSerifSC-Regular.otf", 0, CHARS, base / "small.ttf")
    system = base / "Windows" / "Fonts"
    user = base / "Users" / "张三" / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"
    system.mkdir(parents=True)
    user.mkdir(parents=True)
    collection = TTCollection()
    collection.fonts = [TTFont(str(_renamed(small, base / n, f, c)))
                        for n, f, c in (("a.ttf", "SimSun", "宋体"), ("b.ttf", "NSimSun", "新宋体"))]
    collection.save(str(system / "simsun.ttc"))
    _renamed(small, system / "simhei.ttf", "SimHei", "黑体")
    _renamed(small, system / "simkai.ttf", "KaiTi", "楷体")
    _renamed(small, user / "simfang.ttf", "FangSong", "仿宋")
    env = {"WINDIR": str(base / "Windows"), "LOCALAPPDATA": str(user.parents[2])}
    return env, system, user


def test_windows_font_folders_are_system_then_per_user():
    env = {"WINDIR": r"D:\WINNT", "LOCALAPPDATA": r"C:\Users\张三\AppData\Local"}
    dirs = [str(d) for d in system_font_dirs("win32", env)]
    assert dirs[0].replace("/", "\\") == r"D:\WINNT\Fonts"
    assert dirs[1].replace("/", "\\") == r"C:\Users\张三\AppData\Local\Microsoft\Windows\Fonts"
    # Without the variables: C:\Windows and the profile's AppData\Local.
    bare = [str(d).replace("/", "\\") for d in system_font_dirs("win32", {}, home=r"C:\Users\李四")]
    assert bare == [r"C:\Windows\Fonts", r"C:\Users\李四\AppData\Local\Microsoft\Windows\Fonts"]


def test_windows_fonts_are_found_before_the_fallback(windows_fonts):
    env, system, user = windows_fonts
    files = font_files(use_fontconfig=False, system="win32", env=env)
    names = [p.name for p in files]
    for name in ("simsun.ttc", "simhei.ttf", "simkai.ttf", "simfang.ttf"):
        assert name in names
    assert names.index("simsun.ttc") < names.index("simfang.ttf") < names.index("NotoSerifSC-Regular.otf")


def test_windows_faces_win_their_roles_over_noto(windows_fonts, tmp_path):
    env, system, user = windows_fonts
    faces = discover(tmp_path, use_fontconfig=False, system="win32", env=env)
    book = FontBook(faces=faces, cache_dir=tmp_path, user_file=tmp_path / "none.json")
    expected = {"song": ("SimSun", system / "simsun.ttc"), "hei": ("SimHei", system / "simhei.ttf"),
                "kai": ("KaiTi", system / "simkai.ttf"), "fangsong": ("FangSong", user / "simfang.ttf")}
    for role, (key, path) in expected.items():
        chain = book.faces_for_role(role)
        assert chain[0] == key, (role, chain)
        assert book.face_path(key)[0] == path
        assert book.face_for("政", role) == key
        assert chain[-1].startswith("Noto"), "the open fallback stays at the end of the chain"
    # A character the Windows face lacks falls back to Noto, per character.
    assert book.face_for("鑫", "fangsong").startswith("NotoSerifSC")
    # 宋体 is the first face of the collection: subfont 0 of simsun.ttc.
    assert book.face_path("SimSun")[1] == 0 and book.face_path("NSimSun")[1] == 1


def test_seed_names_survive_copying_the_font(tmp_path):
    src = bundled_dir() / "NotoSansSC-Regular.otf"
    copy = tmp_path / "安装目录" / src.name
    copy.parent.mkdir()
    shutil.copyfile(src, copy)          # new path and new mtime, as an installer writes it
    assert portable_key(copy, 0) == portable_key(src, 0)
    assert seed_name(copy, 0) == seed_name(src, 0)
    assert seeded_base(copy, 0, tmp_path) is None


def test_seeds_are_converted_once_and_identically(tmp_path):
    src = bundled_dir() / "NotoSansSC-Regular.otf"
    small = subset_to_truetype(src, 0, CHARS, tmp_path / "a" / "NotoSansSC-Regular.ttf")
    first = write_seeds(tmp_path / "s1", [small])
    second = write_seeds(tmp_path / "s2", [small])
    assert [p.name for p in first] == [p.name for p in second] == [seed_name(small, 0)]
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in first + second]
    assert digest[0] == digest[1]
    # The conversion keeps the source's timestamp: output never depends on when it ran.
    original = TTFont(str(src), lazy=True)["head"].modified
    assert TTFont(str(first[0]))["head"].modified == original
    assert seeded_base(small, 0, tmp_path / "s1") == first[0]
    assert "glyf" in TTFont(str(first[0]))
