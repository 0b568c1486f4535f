"""Per-user folders and path facts, with Windows simulated on any machine."""
from pathlib import Path

from editor import appdirs

WIN_ENV = {"APPDATA": r"C:\Users\张三\AppData\Roaming", "LOCALAPPDATA": r"C:\Users\张三\AppData\Local"}


def test_windows_folders_use_appdata():
    assert str(appdirs.data_dir("win32", WIN_ENV)) == r"C:\Users\张三\AppData\Roaming\GongbaoEditor"
    assert str(appdirs.cache_dir("win32", WIN_ENV)) == r"C:\Users\张三\AppData\Local\GongbaoEditor\cache"
    # Without the variables, fall back below the profile folder.
    assert str(appdirs.cache_dir("win32", {}, home=r"C:\Users\李四")).startswith(r"C:\Users\李四\AppData\Local")


def test_unix_and_override_folders():
    assert appdirs.cache_dir("linux", {"XDG_CACHE_HOME": "/x/cache"}) == Path("/x/cache/gongbao-editor")
    assert appdirs.data_dir("darwin", {}, home="/Users/w") == Path("/Users/w/Library/Application Support/GongbaoEditor")
    assert appdirs.cache_dir("win32", {"GONGBAO_CACHE_DIR": "/tmp/c"}) == Path("/tmp/c")


def test_long_windows_paths_get_the_extended_prefix():
    long_path = "C:\\" + "\\".join(["公报文件夹很长的名字"] * 30) + "\\通知.docx"
    assert appdirs.windows_long_path(long_path).startswith("\\\\?\\C:\\")
    assert appdirs.windows_long_path(r"C:\短\通知.docx") == r"C:\短\通知.docx"
    unc = "\\\\server\\share\\" + "目录\\" * 90 + "a.gazette"
    assert appdirs.windows_long_path(unc).startswith("\\\\?\\UNC\\server\\share")


def test_network_paths_are_recognised():
    assert appdirs.is_network_path(r"\\fileserver\公报\2025.gazette", "win32")
    mounts = "/dev/sda1 / ext4 rw 0 0\nserver:/export /mnt/share nfs4 rw 0 0\n//nas/docs /mnt/nas cifs rw 0 0\n"
    assert appdirs.is_network_path("/mnt/share/期刊/a.gazette", "linux", mounts)
    assert appdirs.is_network_path("/mnt/nas/a.gazette", "linux", mounts)
    assert not appdirs.is_network_path("/home/u/a.gazette", "linux", mounts)


def test_word_lock_file_is_found(tmp_path):
    doc = tmp_path / "关于印发营商环境行动方案的通知.docx"
    doc.write_bytes(b"x")
    assert appdirs.word_lock_file(doc) is None
    lock = tmp_path / ("~$" + doc.name[2:])
    lock.write_bytes(b"owner")
    assert appdirs.word_lock_file(doc) == lock
