"""The window and another writer on the same project (a second window, or the command
line): the window re-reads what the other wrote and says so, its own edit keeps the
other's, and 撤销 names a step made elsewhere instead of silently taking it back."""
from __future__ import annotations

import pytest

from editor.app import commands as c
from editor.app.session import Session
from ui_window import TIMEOUT, close_window, make_window


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "两处.gazette"
    with Session.create(path) as s:
        s.execute(c.AddSection(title="甲"))
        s.execute(c.AddSection(title="乙"))
    return path


@pytest.fixture
def window(tmp_path, qapp, qtbot, project):
    win = make_window(tmp_path)
    win.open_project(project)
    qtbot.waitUntil(lambda: win.session is not None and win.laid_out is not None
                    and not win.layout_worker.busy, timeout=TIMEOUT)
    yield win
    close_window(win, qapp)


def _titles(issue):
    return [s.title for s in issue.sections]


def test_the_window_rereads_another_writers_edit_and_keeps_it(window, project, qtbot):
    shown = []
    window.undo.external.connect(shown.append)
    issue = window.session.issue
    with Session.open(project) as other:
        other.execute(c.RenameSection(section_id=other.issue.sections[0].id, title="甲一"))
        window.undo.check_file()                      # what the timer does every 1.5 s
        assert shown and "另一处修改" in shown[-1] and "甲一" in shown[-1]
        assert "另一处修改" in window.statusBar().currentMessage()
        assert window.session.issue is issue and _titles(issue) == ["甲一", "乙"]
        assert window.tree_model.rowCount() == 2
        assert "另一处所做" in window.undo.stack.undoText()
        # the other writer again, then an edit in the window: both stay
        other.execute(c.RenameSection(section_id=other.issue.sections[1].id, title="乙二"))
        window.execute(c.AddSection(title="丙"))
        assert _titles(window.session.issue) == ["甲一", "乙二", "丙"]
    with Session.open(project) as again:
        assert _titles(again.issue) == ["甲一", "乙二", "丙"]


def test_undo_in_the_window_never_silently_takes_back_a_step_made_elsewhere(window, project,
                                                                           qtbot):
    window.execute(c.RenameSection(section_id=window.session.issue.sections[0].id,
                                   title="窗口改"))
    with Session.open(project) as other:
        other.execute(c.RenameSection(section_id=other.issue.sections[1].id, title="别处改"))
    window.undo.stack.undo()                          # the window has not polled yet
    assert window.errors and "另一处修改" in window.errors[-1][1]
    qtbot.waitUntil(lambda: "另一处所做" in window.undo.stack.undoText(), timeout=5000)
    assert _titles(window.session.issue) == ["窗口改", "别处改"]
    window.undo.stack.undo()                          # now it says what it undoes
    assert _titles(window.session.issue) == ["窗口改", "乙"]
    assert window.undo.stack.undoText() == "栏目“甲”改名为“窗口改”"      # this window's own
    with Session.open(project) as again:
        assert _titles(again.issue) == ["窗口改", "乙"]
