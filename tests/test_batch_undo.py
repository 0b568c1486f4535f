"""A batch import is one undo step: the commands of the batch are folded into a
``CommandGroup`` that undoes and redoes as a whole, survives a restart, keeps the single
imports in the log, and is taken back completely when one of its parts fails."""
from __future__ import annotations

import pytest

from conftest import sample
from editor.app import commands as c
from editor.app.command import Command, CommandGroup
from editor.app.session import Session
from editor.errors import GazetteError
from editor.model import Issue
from editor.store import load_issue


def _ids(session: Session, title: str) -> list[str]:
    section = session.find_section(title)
    return [d.id for d in section.documents] if section else []


@pytest.mark.slow
def test_batch_into_existing_section_is_one_step_across_restart(tmp_path):
    path = tmp_path / "batch.gazette"
    with Session.create(path) as s:
        s.execute(c.AddSection(title="区级文件选登"))
        s.import_documents([sample("01")], "区级文件选登")       # one file: its own step
        first = _ids(s, "区级文件选登")
        outcome = s.import_documents([sample("02"), sample("03"), sample("05")], "区级文件选登")
        assert len(outcome.imported) == 3
        assert [e.text for e in s.history][-1] == "导入 3 个文件到“区级文件选登”"
        assert len(s.history) == 3                       # section, 01, the batch
        s.undo()
        assert _ids(s, "区级文件选登") == first
        assert load_issue(path) == s.issue
    with Session.open(path) as s:                        # the redo survives a restart
        assert s.redo_text == "重做“导入 3 个文件到“区级文件选登””"
        s.redo()
        assert _ids(s, "区级文件选登") == first + outcome.imported
        assert all(s.import_report(i) is not None for i in outcome.imported)
        log = [r["command"] for r in s.store.log()]
        assert log.count("AddDocument") == 4 and log[-1] == "CommandGroup"
        s.undo()
        s.undo()
        assert _ids(s, "区级文件选登") == []
    assert list(load_issue(path).documents()) == []


def test_batch_stopped_part_way_is_grouped_as_far_as_it_went(tmp_path):
    with Session.create(tmp_path / "stop.gazette") as s:
        gen = s.iter_import([sample("02"), sample("03"), sample("05")], "新栏目")
        lines = []
        for line in gen:
            lines.append(line)
            if line.startswith("正在导入 3/3"):
                break
        gen.close()                                      # the user stopped the job
        assert len(_ids(s, "新栏目")) == 2
        assert [e.text for e in s.history] == ["导入 2 个文件到“新栏目”"]
        s.undo()
        assert s.issue.sections == []


def test_group_taken_back_when_a_part_fails():
    issue = Issue()
    group = CommandGroup(parts=[c.AddSection(title="甲").to_dict(),
                                c.AddSection(title="乙").to_dict(),
                                c.RemoveSection(section_id="no-such").to_dict()],
                         text="三步")
    with pytest.raises(GazetteError):
        group.apply(issue)
    assert issue.sections == []


def test_group_round_trips_through_its_stored_form():
    issue = Issue()
    group = CommandGroup(parts=[c.AddSection(title="甲").to_dict(),
                                c.AddSection(title="乙").to_dict()], text="两栏")
    change = group.apply(issue)
    assert change.sections and [s.title for s in issue.sections] == ["甲", "乙"]
    stored = Command.from_dict(group.to_dict())
    assert stored.describe() == "两栏"
    stored.revert(issue)
    assert issue.sections == []
    stored.apply(issue)
    assert [s.id for s in issue.sections] == ["s1", "s2"]
