"""Messages that say what happened to a project file: another program's lock, a name too
long for SQLite's side files, a read-only file, folder or drive, a full disk — each its
own Chinese sentence; “已损坏” only for real damage; never 内部错误 nor a crash record."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager

import pytest

from editor.app import commands as c
from editor.app.session import Session
from editor.cli import main
from editor.errors import StorageError, storage_error, unforeseen, user_message
from editor.store import project as store_project


@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    """A project with two sections (no documents: quick to copy and to write)."""
    path = tmp_path_factory.mktemp("messages") / "P.gazette"
    with Session.create(path) as s:
        s.execute(c.AddSection(title="甲"))
        s.execute(c.AddSection(title="乙"))
    return path


@pytest.fixture
def project(small_project, tmp_path):
    path = tmp_path / "P.gazette"
    shutil.copy(small_project, path)
    return path


@pytest.fixture
def no_crash_records(tmp_path, monkeypatch):
    logs = tmp_path / "home"
    monkeypatch.setenv("GONGBAO_HOME", str(logs))
    yield
    assert not list(logs.rglob("错误记录-*")), "a crash record was written"


def _cli(argv, capsys) -> tuple[int, str]:
    code = main(argv)
    err = capsys.readouterr().err
    assert "内部错误" not in err and "Traceback" not in err
    return code, err


def test_another_programs_lock_is_named_and_the_edit_can_be_repeated(project, capsys,
                                                                     monkeypatch,
                                                                     no_crash_records):
    monkeypatch.setattr(store_project, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(project, isolation_level=None)
    with Session.open(project) as s:
        holder.execute("BEGIN IMMEDIATE")           # e.g. a backup tool writing the file
        with pytest.raises(StorageError, match="正被其他程序锁定") as caught:
            s.execute(c.RenameSection(section_id=s.issue.sections[0].id, title="丙"))
        assert caught.value.kind == "locked" and s.issue.sections[0].title == "甲"
        code, err = _cli(["project", "undo", str(project)], capsys)
        assert code == 2 and "正被其他程序锁定" in err and "已损坏" not in err
        holder.execute("ROLLBACK")
        s.execute(c.RenameSection(section_id=s.issue.sections[0].id, title="丙"))
    holder.close()
    with Session.open(project) as s:
        assert s.issue.sections[0].title == "丙"


def test_a_name_too_long_for_the_side_files_is_said_so(project, tmp_path, capsys,
                                                       no_crash_records):
    name = "长" * 81 + "a.gazette"                  # 252 bytes: "-wal" would make 256
    assert len(os.fsencode(name)) == 252
    long = tmp_path / name
    shutil.copy(project, long)
    with Session.open(long) as s:                  # opens, read-only, and says why
        assert s.store.readonly and [x.title for x in s.issue.sections] == ["甲", "乙"]
        assert any("文件名太长（252 字节）" in w for w in s.access.warnings)
    code, err = _cli(["project", "undo", str(long)], capsys)
    assert code == 2 and "文件名太长" in err and "已损坏" not in err
    code, err = _cli(["project", "new", str(tmp_path / ("新" * 80 + ".gazette"))], capsys)
    assert code == 2 and "文件名太长" in err
    assert not list(tmp_path.glob("新*"))
    code, _err = _cli(["project", "show", str(long)], capsys)
    assert code == 0


def test_sqlite_errors_of_the_machine_are_told_apart_from_faults(project):
    ro = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        ro.execute("UPDATE sections SET title = 'x'")
    ro.close()
    told = storage_error(caught.value, project)
    assert told.kind == "readonly" and "不能写入" in told.message
    assert not unforeseen(caught.value) and "内部错误" not in user_message(caught.value)
    with pytest.raises(sqlite3.IntegrityError) as fault:       # a program's own mistake
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE TABLE t (x PRIMARY KEY)")
        conn.execute("INSERT INTO t VALUES (1), (1)")
    assert storage_error(fault.value) is None and unforeseen(fault.value)
    garbage = project.with_name("坏.gazette")
    garbage.write_bytes(project.read_bytes()[:100] + os.urandom(8192))
    with pytest.raises(Exception, match="已损坏|不是公报项目文件|完整性检查"):
        Session.open(garbage)


def _can_mount() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return True


@contextmanager
def _tmpfs(where, size="2m"):
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _fill(path) -> None:
    """Write ``path`` until the disk is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a small file system")
def test_a_full_disk_and_a_read_only_drive_are_said_so(project, tmp_path, capsys,
                                                       no_crash_records):
    with _tmpfs(tmp_path / "disk") as disk:
        target = disk / "P.gazette"
        shutil.copy(project, target)
        with Session.open(target) as s:              # room at opening; then the disk fills
            _fill(disk / "fill")
            with pytest.raises(StorageError, match="磁盘空间不足") as caught:
                for n in range(200):
                    s.execute(c.SetMeta(field="title", value="很长的刊名" * 200 + str(n)))
            assert caught.value.kind == "full"
        _fill(disk / "fill2")
        code, err = _cli(["project", "undo", str(target)], capsys)
        assert code == 2 and "磁盘空间不足" in err and "已损坏" not in err
        code, err = _cli(["project", "new", str(disk / "新.gazette")], capsys)
        assert code == 2 and "磁盘空间不足" in err and not list(disk.glob("新*"))
        code, err = _cli(["build", str(target), "-o", str(disk / "x.pdf")], capsys)
        assert code == 2 and "磁盘空间不足" in err and not (disk / "x.pdf").exists()
    with _tmpfs(tmp_path / "cd") as cd:
        target = cd / "P.gazette"
        shutil.copy(project, target)
        subprocess.run(["mount", "-o", "remount,ro", str(cd)], check=True)
        with Session.open(target) as s:
            assert s.store.readonly and any("只读" in w for w in s.access.warnings)
            assert [x.title for x in s.issue.sections] == ["甲", "乙"]
        code, err = _cli(["project", "undo", str(target)], capsys)
        assert code == 2 and "只读" in err and "已损坏" not in err
        code, err = _cli(["project", "new", str(cd / "新.gazette")], capsys)
        assert code == 2 and "只读" in err
