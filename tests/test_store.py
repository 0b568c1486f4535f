"""The project file: a project made from the sample issue.json holds the same model and
builds the same PDF bytes; files that are not projects, damaged or too new are refused and
left untouched; save-as copies consistently; only the rows a command changed are written."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from conftest import SAMPLES
from editor.app.commands import MoveDocument, SetDocumentLayout, SetMeta
from editor.app.session import Session
from editor.errors import GazetteError
from editor.issue_json import load_issue as load_issue_json
from editor.store import SCHEMA_VERSION, ProjectStore, load_issue

ISSUE_JSON = SAMPLES / "issue.json"


@pytest.fixture(scope="module")
def json_issue():
    return load_issue_json(ISSUE_JSON)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_project_from_issue_json_has_same_model(sample_project, json_issue):
    issue = load_issue(sample_project)
    assert issue == json_issue
    assert [s.title for s in issue.sections] == ["区级文件选登", "上级政府文件目录", "大事记"]
    assert len(list(issue.documents())) == 5


def test_project_keeps_sources_and_reports(sample_project, json_issue):
    store = ProjectStore.open(sample_project, readonly=True)
    try:
        for doc in json_issue.documents():
            name, data = store.source(doc.id)
            assert name == doc.source_name
            assert data == (SAMPLES / name).read_bytes()
            assert hashlib.sha256(data).hexdigest() == doc.source_sha256
            assert store.import_report(doc.id) is not None
        version = store.conn.execute(
            "SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        assert int(version) == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        store.close()


@pytest.mark.slow
def test_project_builds_same_pdf_bytes_as_issue_json(sample_project, json_issue, tmp_path,
                                                     monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")      # reproducible: dated by it
    from editor.render import build_pdf
    a, b = tmp_path / "json.pdf", tmp_path / "project.pdf"
    build_pdf(json_issue, a)
    build_pdf(load_issue(sample_project), b)
    assert a.read_bytes() == b.read_bytes()


def test_load_issue_does_not_write(sample_project):
    before = _sha(sample_project)
    load_issue(sample_project)
    assert _sha(sample_project) == before


def test_not_sqlite_refused_unchanged(tmp_path):
    path = tmp_path / "fake.gazette"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a project" * 50)
    before = _sha(path)
    with pytest.raises(GazetteError, match="不是公报项目文件"):
        Session.open(path)
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake.gazette"]


def test_other_sqlite_database_refused_unchanged(tmp_path):
    path = tmp_path / "other.gazette"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = _sha(path)
    with pytest.raises(GazetteError, match="不是公报项目文件"):
        Session.open(path)
    assert _sha(path) == before


def test_damaged_file_refused_unchanged(project):
    size = project.stat().st_size
    data = bytearray(project.read_bytes())
    page = 4096
    for offset in range(page * 2, size - page, page * 3):   # scribble over b-tree pages
        data[offset + 8:offset + 200] = b"\xff" * 192
    project.write_bytes(bytes(data))
    before = _sha(project)
    with pytest.raises(GazetteError, match="损坏"):
        Session.open(project)
    assert _sha(project) == before


def test_newer_schema_refused_unchanged(project):
    conn = sqlite3.connect(project)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                 (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _sha(project)
    with pytest.raises(GazetteError, match="更新版本") as info:
        Session.open(project)
    assert str(SCHEMA_VERSION + 1) in info.value.message
    with pytest.raises(GazetteError, match="更新版本"):
        load_issue(project)
    assert _sha(project) == before


def test_existing_file_not_overwritten_by_create(project):
    before = _sha(project)
    with pytest.raises(GazetteError, match="已存在"):
        Session.create(project)
    assert _sha(project) == before


def test_save_as_is_a_consistent_copy(project, tmp_path):
    with Session.open(project) as session:
        session.execute(SetMeta(field="issue_label", value="总第33期"))
        copy = tmp_path / "copy.gazette"
        session.save_as(copy)
        issue = session.issue
    with Session.open(copy) as copied:
        assert copied.issue == issue
        assert [h.text for h in copied.history] == ["修改刊期信息"]
        assert copied.store.integrity() == "ok"


def test_reorder_writes_only_placement_rows(project):
    with Session.open(project) as session:
        conn = session.store.conn
        models = dict(conn.execute("SELECT id, model FROM documents"))
        section = session.issue.sections[0]
        before = conn.total_changes
        session.execute(MoveDocument(doc_id=section.documents[0].id, section_id=section.id,
                                     index=2))
        changed = conn.total_changes - before
        # three documents change position, plus one revision row
        assert changed == 3 + 1
        assert dict(conn.execute("SELECT id, model FROM documents")) == models
        order = [r[0] for r in conn.execute(
            "SELECT id FROM documents WHERE section_id = ? ORDER BY position", (section.id,))]
        assert order == [d.id for d in section.documents]


def test_document_override_stored_apart_from_model(project):
    with Session.open(project) as session:
        doc = session.issue.sections[0].documents[1]
        model_before = session.store.conn.execute(
            "SELECT model FROM documents WHERE id = ?", (doc.id,)).fetchone()[0]
        session.execute(SetDocumentLayout(doc_id=doc.id, field="toc_title", value="营商环境方案"))
        model_after, overrides = session.store.conn.execute(
            "SELECT model, overrides FROM documents WHERE id = ?", (doc.id,)).fetchone()
    assert model_after == model_before
    assert "营商环境方案" in overrides
    assert load_issue(project).find_document(doc.id).toc_title == "营商环境方案"
