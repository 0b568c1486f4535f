"""An editing session over one project file: commands applied to the in-memory Issue and
written to the file in the same step, with an undo/redo history kept in the file
(layer: app, no Qt).

``Session.execute(cmd)`` applies the command and, in one SQLite transaction, writes the
rows its ``Change`` names plus a revision (command, Chinese description, time, OS user).
If writing fails the command is reverted, so memory and file never disagree.  ``undo`` /
``redo`` walk the stored history, which survives a restart (the newest ``HISTORY_LIMIT``
commands stay undoable; older ones remain in the log).  ``listeners`` are plain callables
called with every ``Change`` (the window refreshes from them).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from editor.app import commands as cmds
from editor.app.command import Change, Command, CommandGroup
from editor.errors import GazetteError
from editor.model import Issue
from editor.store import ProjectStore
from editor.store.project import now, user_name

HISTORY_LIMIT = 500


@dataclass
class HistoryEntry:
    """One stored command of the undo history."""
    seq: int
    name: str
    text: str
    time: str
    user: str
    data: dict | None = None              # read from the file when first needed
    store: ProjectStore | None = field(default=None, repr=False, compare=False)

    def describe(self) -> str:
        return self.text

    @property
    def title(self) -> str:
        return self.text

    def stored(self) -> dict:
        """The command as stored in the file (read on first use)."""
        if self.data is None and self.store is not None:
            self.data = self.store.revision_data(self.seq)
        return self.data

    def command(self) -> Command:
        return Command.from_dict(self.stored())


@dataclass
class ImportOutcome(Change):
    """What a batch import changed, with the imported ids and the problems (Chinese)."""
    imported: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Session:
    """See the module docstring.  Use ``create`` or ``open``; ``close`` when done."""

    def __init__(self, store: ProjectStore):
        self.store = store
        self.path = store.path
        self.access = None          # editor.appdirs.ProjectAccess when opened by ``open``
        self.issue: Issue = store.read_issue()
        self.listeners: list[Callable[[Change], None]] = []
        self._done: list[HistoryEntry] = []
        self._redo: list[HistoryEntry] = []       # next redo last
        for seq, time, user, name, text, undone in store.history_rows():
            entry = HistoryEntry(seq, name, text, time, user, None, store)
            (self._redo if undone else self._done).append(entry)
        self._redo.reverse()

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, from_issue_json: str | Path | None = None,
               progress: Callable[[str], None] | None = None,
               like: str | Path | None = None) -> "Session":
        """A new project at ``path``: empty, holding the issue described by an issue.json
        (same document ids and model as building from the JSON), or — ``like`` an earlier
        project — the next issue of that gazette (``next_issue``).  The file appears only
        when complete."""
        from editor.app.importing import create_project, next_issue
        base = None
        if like is not None:
            old = ProjectStore.open(Path(like), readonly=True)
            try:
                base = next_issue(old.read_head())
            finally:
                old.close()
        return cls(create_project(Path(path), from_issue_json, progress, base))

    @classmethod
    def open(cls, path: str | Path) -> "Session":
        """Open a project; on a network share read-only while another editor writes it
        (``session.access`` says so, editor.appdirs.project_access)."""
        from editor.appdirs import project_access, release_project
        access = project_access(path)
        try:
            session = cls(ProjectStore.open(Path(path), readonly=access.readonly))
        except BaseException:
            if access.claimed:
                release_project(path)
            raise
        session.access = access
        return session

    def close(self) -> None:
        self.store.close()
        if self.access is not None and self.access.claimed:
            from editor.appdirs import release_project
            release_project(self.path)

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- commands --------------------------------------------------------------------------
    def execute(self, command: Command) -> Change:
        """Apply ``command`` and store it (one transaction); returns its Change."""
        return self._execute(command)

    def _execute(self, command: Command, sources: Iterable[tuple[str, str, bytes]] = (),
                 reports: dict | None = None) -> Change:
        change = command.apply(self.issue)
        if reports is None:
            reports = _reports(command, undo=False)
        try:
            with self.store.transaction():
                for sha, name, data in sources:
                    self.store.put_source(sha, name, data)
                self.store.persist(self.issue, change, reports)
                data = command.to_dict()
                seq = self.store.add_revision(type(command).__name__, command.describe(), data)
                if len(self._done) >= HISTORY_LIMIT:
                    self.store.expire_before(self._done[-HISTORY_LIMIT + 1].seq)
        except BaseException:
            command.revert(self.issue)
            raise
        self._done.append(HistoryEntry(seq, type(command).__name__, command.describe(),
                                       now(), user_name(), None, self.store))
        del self._done[:-HISTORY_LIMIT]
        self._redo.clear()
        self._notify(change)
        return change

    def undo(self) -> Change:
        if not self._done:
            raise GazetteError("没有可撤销的操作")
        return self._step(self._done, self._redo, undo=True)

    def redo(self) -> Change:
        if not self._redo:
            raise GazetteError("没有可重做的操作")
        return self._step(self._redo, self._done, undo=False)

    def _step(self, source: list[HistoryEntry], target: list[HistoryEntry], undo: bool
              ) -> Change:
        """Revert (undo) or re-apply (redo) the newest entry of ``source`` and store the
        result; the entry moves to ``target``.  On a write error the model is put back."""
        entry = source[-1]
        command = entry.command()
        change = command.revert(self.issue) if undo else command.apply(self.issue)
        try:
            with self.store.transaction():
                self.store.persist(self.issue, change, _reports(command, undo=undo))
                self.store.set_undone(entry.seq, undo, None if undo else command.to_dict())
        except BaseException:
            if undo:
                command.apply(self.issue)
            else:
                command.revert(self.issue)
            raise
        if not undo:
            entry.data = None                 # re-read: apply captured new state
        target.append(source.pop())
        self._notify(change)
        return change

    def group_last(self, count: int, text: str) -> None:
        """Make the newest ``count`` commands one undo step (a ``CommandGroup``) described
        by ``text``.  Their own revisions stay in the log but are no longer undoable
        apart; nothing changes in the issue."""
        if count < 2 or count > len(self._done) or self._redo:
            return
        entries = self._done[-count:]
        group = CommandGroup(parts=[e.stored() for e in entries], text=text)
        with self.store.transaction():
            self.store.expire_revisions([e.seq for e in entries])
            seq = self.store.add_revision(type(group).__name__, text, group.to_dict())
        del self._done[-count:]
        self._done.append(HistoryEntry(seq, type(group).__name__, text, now(), user_name(),
                                       None, self.store))

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return f"撤销“{self._done[-1].text}”" if self._done else "撤销"

    @property
    def redo_text(self) -> str:
        return f"重做“{self._redo[-1].text}”" if self._redo else "重做"

    @property
    def history(self) -> list[HistoryEntry]:
        """The undoable commands, oldest first (the last one is undone first)."""
        return list(self._done)

    @property
    def redo_history(self) -> list[HistoryEntry]:
        """The redoable commands, next redo first."""
        return list(reversed(self._redo))

    def _notify(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)

    # -- documents --------------------------------------------------------------------------
    def import_report(self, doc_id: str):
        """The stored import report (``ImportReport``) of a document, or None."""
        return self.store.import_report(doc_id)

    def source(self, doc_id: str) -> tuple[str, bytes] | None:
        return self.store.source(doc_id)

    def iter_import(self, paths: Iterable[str | Path], section_title: str
                    ) -> Iterator[str]:
        """Import .docx files into the section titled ``section_title`` (created when
        missing), one committed command per document; yields Chinese progress lines and
        returns an ``ImportOutcome``."""
        from editor.app.importing import iter_import
        return (yield from iter_import(self, list(paths), section_title))

    def import_documents(self, paths: Iterable[str | Path], section_title: str,
                         progress: Callable[[str], None] | None = None) -> ImportOutcome:
        """Run :meth:`iter_import` to the end, passing each line to ``progress``."""
        gen = self.iter_import(paths, section_title)
        while True:
            try:
                line = next(gen)
            except StopIteration as stop:
                return stop.value
            if progress:
                progress(line)

    def reimport(self, doc_id: str, path: str | Path) -> Change:
        """Replace a document with a newer .docx, keeping its place, the overrides that
        still apply and its annotations (re-anchored; unplaceable ones flagged)."""
        from editor.app.reimport import reimport_command
        data = Path(path).read_bytes() if Path(path).is_file() else None
        if data is None:
            raise GazetteError(f"找不到文件：{path}")
        old = self.store.import_report(doc_id)
        old_entries = [vars(e) for e in old.entries] if old is not None else []
        command, _report = reimport_command(self.issue, doc_id, data, Path(path).name,
                                            old_entries)
        sha = command.document.source_sha256 or hashlib.sha256(data).hexdigest()
        return self._execute(command, sources=[(sha, Path(path).name, data)])

    def save_as(self, target: str | Path) -> None:
        """A consistent copy of the project at ``target``; this session stays on its file."""
        self.store.backup(target)

    def find_section(self, title: str):
        return cmds.find_section_by_title(self.issue, title)


def _reports(command: Command, undo: bool) -> dict | None:
    """Import reports a command brings with it (re-import), to store with its rows."""
    reports_for = getattr(command, "reports_for", None)
    return reports_for(undo) if callable(reports_for) else None
