"""Project file upgrades: a version-1 file (as the first editor wrote it, with documents,
history and a pending redo) opens upgraded to the current version with a backup copy made
first and its contents intact; read-only use upgrades only a copy in memory; a failing
step changes nothing; a file from a newer editor is refused untouched."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from conftest import sample
from editor.app import commands as c
from editor.app.session import Session
from editor.errors import GazetteError
from editor.store import SCHEMA_VERSION, ProjectStore, check_file, load_issue
from editor.store.migration import MIGRATIONS, upgrade


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _versions(path) -> tuple[str, int, set[str]]:
    conn = sqlite3.connect(path)
    try:
        meta = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        indexes = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revisions'")}
    finally:
        conn.close()
    return meta, user_version, indexes


@pytest.fixture
def v1_project(tmp_path):
    """A version-1 project: two sections, one imported document, a redo pending."""
    path = tmp_path / "旧格式.gazette"
    with Session(ProjectStore.create(path, schema_version=1)) as s:
        s.execute(c.AddSection(title="区级文件选登"))
        s.import_documents([sample("05")], "区级文件选登")
        s.execute(c.AddSection(title="大事记"))
        s.execute(c.RenameSection(section_id="s2", title="政务简讯"))
        s.undo()
    assert check_file(path) == 1
    return path


def test_v1_file_is_backed_up_then_upgraded(v1_project):
    before = load_issue(v1_project)
    with Session.open(v1_project) as s:
        backup = s.store.upgrade_backup
        assert backup.name == "旧格式.v1-backup.gazette"
        assert s.issue == before
        assert s.redo_text == "重做“栏目“大事记”改名为“政务简讯””"
        assert s.store.log()[-1]["description"] == \
            f"项目文件格式由 1 升级到 {SCHEMA_VERSION}（升级前的备份：{backup.name}）"
        s.redo()
        assert [x.title for x in s.issue.sections] == ["区级文件选登", "政务简讯"]
        assert s.store.integrity() == "ok"
    assert _versions(v1_project) == (str(SCHEMA_VERSION), SCHEMA_VERSION,
                                     {"revisions_redo", "revisions_open"})
    assert check_file(backup) == 1
    assert _versions(backup) == ("1", 1, set())
    assert load_issue(backup) == before
    with Session.open(v1_project) as s:                  # already current: no new copy
        assert s.store.upgrade_backup is None
    assert sorted(p.name for p in v1_project.parent.glob("*.gazette")) == [
        "旧格式.gazette", "旧格式.v1-backup.gazette"]


def test_second_backup_does_not_overwrite_the_first(v1_project):
    taken = v1_project.with_name("旧格式.v1-backup.gazette")
    taken.write_bytes(b"the user's own file")
    with Session.open(v1_project) as s:
        assert s.store.upgrade_backup.name == "旧格式.v1-backup-2.gazette"
    assert taken.read_bytes() == b"the user's own file"


def test_read_only_use_upgrades_a_copy_in_memory(v1_project):
    digest = _digest(v1_project)
    issue = load_issue(v1_project)
    assert [x.title for x in issue.sections] == ["区级文件选登", "大事记"]
    assert len(list(issue.documents())) == 1
    assert _digest(v1_project) == digest and _versions(v1_project)[0] == "1"
    assert not list(v1_project.parent.glob("*backup*"))


def test_upgraded_log_queries_use_the_new_indexes(v1_project):
    with Session.open(v1_project) as s:
        conn = s.store.conn
        discard = conn.execute("EXPLAIN QUERY PLAN UPDATE revisions SET discarded = 1"
                               " WHERE undone = 1 AND discarded = 0").fetchall()
        history = conn.execute("EXPLAIN QUERY PLAN SELECT seq FROM revisions"
                               " WHERE discarded = 0 AND data IS NOT NULL ORDER BY seq").fetchall()
    assert "revisions_redo" in str(discard)
    assert "revisions_open" in str(history)


def test_failing_step_leaves_the_file_at_its_version(v1_project):
    conn = sqlite3.connect(v1_project, isolation_level=None)
    broken = {**MIGRATIONS, SCHEMA_VERSION + 1: lambda db: db.execute(
        "ALTER TABLE no_such_table ADD COLUMN x TEXT")}
    try:
        with pytest.raises(sqlite3.OperationalError):
            upgrade(conn, 1, target=SCHEMA_VERSION + 1, steps=broken)
        with pytest.raises(GazetteError, match="缺少项目文件格式的升级步骤"):
            upgrade(conn, 1, target=SCHEMA_VERSION + 2)
    finally:
        conn.close()
    assert _versions(v1_project) == ("1", 1, set())
    assert check_file(v1_project) == 1


def test_file_from_newer_editor_refused_untouched(v1_project):
    with Session.open(v1_project):
        pass
    conn = sqlite3.connect(v1_project)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                 (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    digest = _digest(v1_project)
    for opener in (Session.open, load_issue):
        with pytest.raises(GazetteError) as info:
            opener(v1_project)
        assert "由更新版本的公报编辑器创建" in info.value.message
        assert "请升级编辑器" in info.value.message
    assert _digest(v1_project) == digest


def test_a_project_with_notes_is_refused_by_a_version_3_editor_not_stripped(tmp_path,
                                                                           monkeypatch):
    """Footnote reference points (Run.note) and this session's other model fields would be
    dropped unseen by an editor of format 3 saving the project; the format is 4, so that
    editor (its SCHEMA_VERSION) refuses the file and it stays as it was.  A format-3
    project opens here upgraded, with its backup."""
    from editor import model
    from editor.store import schema
    path = tmp_path / "脚注.gazette"
    doc = model.Document(id="d1", title="关于脚注的通知", body=[model.Paragraph(
        id="p1", runs=[model.Run("正文"), model.Run("", note="fn1")])],
        footnotes=[model.Footnote(id="fn1", text="注释文字")])
    with Session(ProjectStore.create(path)) as s:
        s.execute(c.AddSection(title="区级文件选登"))
        s.execute(c.AddDocument(section_id="s1", document=doc))
    assert check_file(path) == SCHEMA_VERSION >= 4
    digest = _digest(path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)          # the editor of last release
    with pytest.raises(GazetteError, match="请升级编辑器后再打开"):
        ProjectStore.open(path)
    monkeypatch.undo()
    assert _digest(path) == digest
    assert load_issue(path).find_document("d1").body[0].runs[1].note == "fn1"

    old = tmp_path / "三.gazette"
    ProjectStore.create(old, schema_version=3).close()
    with Session.open(old) as s:
        assert s.store.upgrade_backup.name == "三.v3-backup.gazette"
    assert check_file(old) == SCHEMA_VERSION
