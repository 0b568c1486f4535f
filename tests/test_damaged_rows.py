"""Rows damaged inside an intact SQLite file (they pass integrity_check): text that is not
UTF-8, JSON cut short, a document type or an undo step this version does not know.  Each
damaged document is named in Chinese and left untouched; the rest of the project opens,
builds and can be edited; a damaged undo step is refused plainly."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from editor.app import commands as c
from editor.app.session import Session
from editor.cli import main
from editor.errors import GazetteError
from editor.store import load_issue


@pytest.fixture
def damaged(sample_project, tmp_path):
    """The sample with three documents damaged three ways; returns (path, their ids)."""
    path = tmp_path / "work.gazette"
    shutil.copy(sample_project, path)
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY section_id, position")]
    bad_utf8, cut, unknown = ids[0], ids[1], ids[3]
    conn.execute("UPDATE documents SET model = CAST(X'7B2274797065223A22446FE9'"
                 " || X'2200' AS TEXT) WHERE id = ?", (bad_utf8,))
    conn.execute("UPDATE documents SET model = substr(model, 1, 200) WHERE id = ?", (cut,))
    conn.execute("UPDATE documents SET model = ? WHERE id = ?",
                 ('{"type":"Spreadsheet","id":"%s"}' % unknown, unknown))
    conn.commit()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return path, {bad_utf8: "UTF-8", cut: "格式错误", unknown: "未知的文件类型“Spreadsheet”"}


def _rows(path):
    conn = sqlite3.connect(path)
    conn.text_factory = bytes
    rows = {r[0].decode(): r[1:] for r in conn.execute(
        "SELECT id, model, section_id, position FROM documents")}
    conn.close()
    return rows


def test_damaged_documents_are_named_and_the_rest_opens_and_edits(damaged):
    path, reasons = damaged
    with Session.open(path) as s:
        assert {d.doc_id for d in s.damaged} == set(reasons)
        for row in s.damaged:
            assert reasons[row.doc_id] in row.message and "已损坏" in row.message
            assert row.name.endswith(".docx")               # named by its file
        assert len(list(s.issue.documents())) == 2
        before = {k: v for k, v in _rows(path).items() if k in reasons}
        good = next(s.issue.documents()).id
        s.execute(c.MoveDocument(doc_id=good, section_id=s.issue.sections[0].id, index=0))
        s.execute(c.RenameSection(section_id=s.issue.sections[1].id, title="上级文件"))
        s.undo()
        s.undo()
    after = _rows(path)
    assert {k: after[k] for k in reasons} == before        # never rewritten nor unplaced


def test_show_and_build_reading_tell_each_damaged_document(damaged, capsys):
    path, reasons = damaged
    assert main(["project", "show", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("已损坏，未能打开") == 3 and "内部错误" not in captured.err
    told = []
    issue = load_issue(path, told.append)
    assert len(told) == 3 and len(list(issue.documents())) == 2


def test_a_damaged_issue_head_opens_with_a_blank_head(damaged):
    path, _reasons = damaged
    conn = sqlite3.connect(path)
    conn.execute("UPDATE issue SET metadata = '{\"type\":\"IssueMeta\",\"title\":' WHERE id = 1")
    conn.commit()
    conn.close()
    with Session.open(path) as s:
        assert any("期刊信息" in d.message for d in s.damaged)
        assert s.issue.meta.title == ""


@pytest.mark.parametrize("data, expected", [
    ('{"command":"FutureCommand","data":{}}', "无法识别"),
    ('{"command":"MoveDocument","da', "记录已损坏"),
    ('{"command":"MoveDocument","data":{"nonsense":1}}', "记录已损坏"),
])
def test_an_unreadable_undo_step_is_refused_plainly(damaged, data, expected, capsys):
    path, _reasons = damaged
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO revisions (time, user, command, description, data)"
                 " VALUES ('2026-01-01T00:00:00+00:00', 'x', 'FutureCommand', '新功能', ?)",
                 (data,))
    conn.commit()
    conn.close()
    with Session.open(path) as s:
        assert s.undo_text == "撤销“新功能”"
        with pytest.raises(GazetteError, match=expected):
            s.undo()
    assert main(["project", "undo", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "内部错误" not in err


@pytest.mark.slow
def test_the_window_opens_the_rest_and_names_the_damaged_documents(damaged, tmp_path, qapp,
                                                                    qtbot):
    from ui_window import TIMEOUT, close_window, make_window
    path, reasons = damaged
    win = make_window(tmp_path)
    try:
        win.open_project(path)
        qtbot.waitUntil(lambda: win.session is not None and win.laid_out is not None,
                        timeout=TIMEOUT)
        assert win.errors and win.errors[-1][0] == "部分内容已损坏"
        assert win.errors[-1][1].count("已损坏，未能打开") == len(reasons)
        assert len(list(win.session.issue.documents())) == 2 and win.laid_out.pages
    finally:
        close_window(win, qapp)
