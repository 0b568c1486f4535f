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


# -- files held by another program ------------------------------------------------------------
def test_read_shared_retries_a_sharing_violation(tmp_path):
    doc = tmp_path / "通知.docx"
    doc.write_bytes(b"PK data")
    calls = []

    def flaky(name):
        calls.append(name)
        if len(calls) < 3:
            raise PermissionError(13, "being used by another process")
        return Path(name).read_bytes()

    assert appdirs.read_shared(doc, delay=0, reader=flaky) == b"PK data"
    assert len(calls) == 3

    def held(name):
        raise PermissionError(13, "being used by another process")

    import pytest
    with pytest.raises(PermissionError):
        appdirs.read_shared(doc, attempts=2, delay=0, reader=held)


def test_read_shared_gives_long_windows_paths_the_prefix():
    seen = []
    long_path = "C:\\" + "\\".join(["各街道办事处报送材料汇总"] * 25) + "\\通知.docx"
    appdirs.read_shared(long_path, system="win32", reader=lambda name: seen.append(name) or b"")
    assert seen == ["\\\\?\\" + long_path]


def test_locked_file_messages_name_word_when_word_has_it(tmp_path):
    doc = tmp_path / "关于印发营商环境行动方案的通知.docx"
    doc.write_bytes(b"PK")
    assert "其他程序" in appdirs.locked_message(doc)
    assert appdirs.open_in_word_note(doc) is None
    (tmp_path / ("~$" + doc.name[2:])).write_bytes(b"owner")
    assert "Word" in appdirs.locked_message(doc)
    assert "最后一次保存" in appdirs.open_in_word_note(doc)


# -- a project on a network share -------------------------------------------------------------
MOUNTS = "/dev/sda1 / ext4 rw 0 0\n//nas/公报 {share} cifs rw 0 0\n"


def _owner(pid, host="办公室-PC1", user="张三"):
    return appdirs.Owner(user, host, pid, "2025-07-01 09:30")


def test_local_projects_open_read_write_without_owner_file(tmp_path):
    project = tmp_path / "2025年第2期.gazette"
    project.write_bytes(b"x")
    access = appdirs.project_access(project, "linux", "/dev/sda1 / ext4 rw 0 0\n")
    assert access == appdirs.ProjectAccess()
    assert not appdirs.owner_file(project).exists()


def test_share_project_warns_and_the_second_writer_gets_read_only(tmp_path):
    mounts = MOUNTS.format(share=tmp_path)
    project = tmp_path / "2025年第2期.gazette"
    project.write_bytes(b"x")
    first = appdirs.project_access(project, "linux", mounts, me=_owner(100), alive=lambda pid: True)
    assert not first.readonly and first.claimed and first.warnings == [appdirs.NETWORK_WARNING]
    assert appdirs.read_owner(project) == _owner(100)
    # another workstation opens the same file while the first one edits it
    second = appdirs.project_access(project, "linux", mounts, me=_owner(7, host="办公室-PC2", user="李四"),
                                    alive=lambda pid: True)
    assert second.readonly and second.owner == _owner(100)
    assert "张三（计算机 办公室-PC1）" in second.warnings[1] and "只读" in second.warnings[1]
    # the first editor closes: the owner file goes, the next one may write
    appdirs.release_project(project, me=_owner(7, host="办公室-PC2"))
    assert appdirs.owner_file(project).exists(), "only the owner removes its file"
    appdirs.release_project(project, me=_owner(100))
    assert not appdirs.owner_file(project).exists()
    third = appdirs.project_access(project, "linux", mounts, me=_owner(7, host="办公室-PC2"))
    assert not third.readonly and third.claimed


def test_stale_owner_file_of_a_crashed_editor_is_replaced(tmp_path):
    mounts = MOUNTS.format(share=tmp_path)
    project = tmp_path / "期刊.gazette"
    project.write_bytes(b"x")
    appdirs.claim_project(project, _owner(100))
    # same computer, the process 100 has ended (editor crashed): the claim is taken over
    access = appdirs.project_access(project, "linux", mounts, me=_owner(200), alive=lambda pid: pid != 100)
    assert not access.readonly and appdirs.read_owner(project).pid == 200
    # an unreadable owner file does not lock anyone out
    appdirs.owner_file(project).write_text("{broken", encoding="utf-8")
    assert appdirs.claim_project(project, _owner(300)) is None
    assert appdirs.read_owner(project).pid == 300
    # claiming again from the same process is harmless
    assert appdirs.claim_project(project, _owner(300)) is None



def test_import_of_a_document_word_holds_explains_it(tmp_path, monkeypatch):
    import shutil

    import pytest
    from conftest import sample
    from editor.docx_import import import_docx
    from editor.errors import GazetteError
    doc = tmp_path / "营商环境行动方案.docx"
    shutil.copyfile(sample("02"), doc)
    (tmp_path / ("~$" + doc.name[2:])).write_bytes(b"owner")
    assert import_docx(doc).document is not None      # readable while Word has it open

    def sharing_violation(path, *args, **kwargs):      # Word saving: Windows error 32
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(appdirs, "read_shared", sharing_violation)
    with pytest.raises(GazetteError) as caught:
        import_docx(doc)
    assert "正在 Word 中打开" in caught.value.message


def test_session_on_a_share_is_read_only_while_another_editor_writes(tmp_path, monkeypatch):
    import os

    import pytest
    from editor.app.session import Session
    from editor.errors import GazetteError
    project = tmp_path / "共享盘" / "2025年第2期.gazette"
    project.parent.mkdir()
    Session.create(project).close()
    monkeypatch.setattr(appdirs, "is_network_path", lambda path, *a, **k: True)   # a share
    other = appdirs.Owner("李四", "办公室-PC2", 4242, "2025-07-01 09:30")
    assert appdirs.claim_project(project, other) is None
    session = Session.open(project)
    try:
        assert session.access.readonly and session.store.readonly
        assert session.access.owner == other and len(session.access.warnings) == 2
        with pytest.raises(GazetteError):
            with session.store.transaction():
                pass
    finally:
        session.close()
    assert appdirs.read_owner(project) == other, "the reader leaves the writer's claim alone"
    appdirs.owner_file(project).unlink()               # 李四 closes the issue
    session = Session.open(project)
    try:
        assert not session.access.readonly and session.access.warnings == [appdirs.NETWORK_WARNING]
        assert appdirs.read_owner(project).pid == os.getpid()
    finally:
        session.close()
    assert not appdirs.owner_file(project).exists()
