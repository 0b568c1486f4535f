"""Property: random edit commands with undo/redo (and restarts) interleaved leave the
project file equal to the session's model, equal to replaying the surviving commands on a
fresh issue, and undoing everything gives back the empty issue.  20 examples × 55 steps
= 1,100 commands, undos and redos; small synthetic documents keep it fast."""
from __future__ import annotations

import pytest

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.app import commands as c
from editor.app.command import Command
from editor.app.session import Session
from editor.app.recognition_commands import SetParagraphRole
from editor.app.table_commands import SetColumnWidths
from editor.errors import GazetteError
from editor.model import (Annotation, Cell, Document, Issue, Paragraph, Row, Run, Table)
from editor.store import load_issue

OPS = ["add_section", "rename_section", "remove_section", "move_section", "add_doc",
       "add_doc", "move_doc", "move_doc", "remove_doc", "set_meta", "set_layout", "add_ann",
       "edit_ann", "ann_status", "delete_ann", "head", "para_role", "table", "undo", "undo", "redo", "redo", "reopen"]
STEPS = 55
EXAMPLES = 20


def _document(n: int) -> Document:
    cells = [Cell(id="c1", col=0, blocks=[Paragraph(id="c1p", runs=[Run("格一")])]),
             Cell(id="c2", col=1, blocks=[Paragraph(id="c2p", runs=[Run("格二")])])]
    return Document(id=f"x{n}", title=f"测试文件{n}", doc_number=f"东政〔2025〕{n}号",
                    body=[Paragraph(id="p1", runs=[Run(f"第{n}号文件的第一段文字。")]),
                          Table(id="t1", grid=[60.0, 90.0], rows=[Row(cells=cells)])],
                    source_name=f"{n}.docx")


class Driver:
    """Turns hypothesis' numbers into valid commands on the current issue."""

    def __init__(self, session: Session):
        self.session = session
        self.counter = itertools.count(1)
        self.count = 0

    def step(self, op: str, a: int, b: int, cnum: int) -> None:
        s = self.session
        self.count += 1
        if op == "undo" and s.can_undo:
            s.undo()
            return
        if op == "redo" and s.can_redo:
            s.redo()
            return
        if op == "reopen":
            path = s.path
            s.close()
            self.session = Session.open(path)
            return
        command = self.command(op, a, b, cnum) or c.AddSection(title=f"栏目{next(self.counter)}")
        try:
            s.execute(command)
        except GazetteError:            # e.g. a duplicate section title: nothing changed
            pass

    def command(self, op, a, b, cnum) -> Command | None:
        issue = self.session.issue
        sections = issue.sections
        docs = list(issue.documents())
        notes = [n for d in docs for n in d.annotations]
        n = next(self.counter)
        if op == "rename_section" and sections:
            return c.RenameSection(section_id=sections[a % len(sections)].id, title=f"栏目{n}")
        if op == "remove_section" and sections:
            return c.RemoveSection(section_id=sections[a % len(sections)].id)
        if op == "move_section" and sections:
            return c.MoveSection(section_id=sections[a % len(sections)].id,
                                 index=b % len(sections))
        if op == "add_doc" and sections:
            return c.AddDocument(document=_document(n), section_id=sections[a % len(sections)].id,
                                 index=b % 4)
        if op == "move_doc" and docs:
            target = sections[b % len(sections)]
            return c.MoveDocument(doc_id=docs[a % len(docs)].id, section_id=target.id,
                                  index=cnum % (len(target.documents) + 1))
        if op == "remove_doc" and docs:
            return c.RemoveDocument(doc_id=docs[a % len(docs)].id)
        if op == "set_meta":
            field, value = [("issue_label", f"总第{n}期"), ("period", f"{n}月"),
                            ("slogans", [f"口号{n}"]), ("total_number", n),
                            ("colophon", {"主办": f"单位{n}"})][a % 5]
            return c.SetMeta(field=field, value=value)
        if op == "set_layout" and docs:
            field, value = [("toc_title", f"目录标题{n}"), ("start", "odd_page"),
                            ("start", None), ("show_masthead", bool(b % 2))][a % 4]
            return c.SetDocumentLayout(doc_id=docs[b % len(docs)].id, field=field, value=value)
        if op == "add_ann" and docs:
            doc = docs[a % len(docs)]
            return c.AddAnnotation(annotation=Annotation(
                id=f"a{n}", doc_id=doc.id, block_id="p1", start=0, end=2, quote="第" + doc.id[1:],
                kind="疑", note=f"批注{n}"))
        if op == "edit_ann" and notes:
            return c.EditAnnotation(annotation_id=notes[a % len(notes)].id,
                                    values={"note": f"改{n}", "kind": "改"})
        if op == "ann_status" and notes:
            return c.SetAnnotationStatus(annotation_id=notes[a % len(notes)].id,
                                         status=["accepted", "rejected", "open"][b % 3])
        if op == "head" and docs:
            field = ["title", "doc_number", "recipients", "date"][b % 4]
            return c.SetDocumentField(doc_id=docs[a % len(docs)].id, field=field,
                                      value=f"改{n}")
        if op == "para_role" and docs:
            return SetParagraphRole(doc_id=docs[a % len(docs)].id, block_id="p1",
                                      target=["title", "heading1", "heading3", "body"][b % 4])
        if op == "delete_ann" and notes:
            return c.DeleteAnnotation(annotation_id=notes[a % len(notes)].id)
        if op == "table" and docs:
            return SetColumnWidths(doc_id=docs[a % len(docs)].id, table_id="t1",
                                   value=[1.0 + b % 3, 2.0])
        return None


def _replay(session: Session) -> Issue:
    fresh = Issue()
    for entry in session.history:
        entry.command().apply(fresh)
    return fresh


steps = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 999), st.integers(0, 999),
                           st.integers(0, 999)), min_size=STEPS, max_size=STEPS)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ops=steps)
@pytest.mark.slow
def test_random_commands_undo_redo_match_replay(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("prop") / "p.gazette"
    driver = Driver(Session.create(path))
    try:
        for op in ops:
            driver.step(*op)
        session = driver.session
        assert driver.count == STEPS
        assert load_issue(path) == session.issue            # the file is always current
        assert _replay(session) == session.issue            # surviving commands replay
        reopened_redo = [h.text for h in session.redo_history]
        session.close()
        driver.session = session = Session.open(path)
        assert [h.text for h in session.redo_history] == reopened_redo
        while session.can_undo:
            session.undo()
        assert session.issue == Issue()
        assert load_issue(path) == Issue()
    finally:
        driver.session.close()
