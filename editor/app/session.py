"""An editing session over one project file: commands applied to the in-memory Issue and
written to the file in the same step, with an undo/redo history kept in the file
(layer: app, no Qt).

``Session.execute(cmd)`` applies the command and, in one SQLite transaction, writes the
rows its ``Change`` names plus a revision (command, Chinese description, time, OS user).
If writing fails the command is reverted, so memory and file never disagree.  ``undo`` /
``redo`` walk the stored history, which survives a restart (the newest ``HISTORY_LIMIT``
commands stay undoable; older ones remain in the log).  ``listeners`` are plain callables
called with every ``Change`` (the window refreshes from them).

**Other writers.**  Two windows, or a window and ``python main.py project …``, may edit
the same file.  Every edit, undo and redo is a read-modify-write inside the one
``BEGIN IMMEDIATE`` transaction that stores it: when another writer committed since this
session last read the file (``PRAGMA data_version``), the issue and the history are read
again first and the command applies to the file's current state, never to a stale copy.
The re-read is an ``ExternalChange`` (all views refresh; ``take_external`` gives it to
the window, which says so).  ``refresh`` checks without writing (the window polls it).
Undo always takes back the newest step of the file's history: a step another writer
made while this session was open is named as such in ``undo_text`` (“……（另一处所做）”),
and an undo or redo that finds the file changed under it is refused once, with the new
state shown, so it never takes back something other than what the user was shown.
"""
from __future__ import annotations

import hashlib
import threading
from datetime import datetime
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
    foreign: bool = False                 # made by another writer while this session was open

    def describe(self) -> str:
        if self.foreign:
            return f"{self.text}（另一处所做：{self.user} {local_time(self.time, '%H:%M')}）"
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
        data = self.stored()
        try:
            return Command.from_dict(data)
        except GazetteError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GazetteError("项目文件中这一步操作的记录已损坏，无法撤销或重做（其余内容不受影响）",
                               f"revision {self.seq}: {type(exc).__name__}: {exc}") from None


@dataclass
class ExternalChange(Change):
    """The file was changed by another writer and read again; ``text`` says so (Chinese)."""
    text: str = ""


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
        self.issue: Issue = Issue()
        self.listeners: list[Callable[[Change], None]] = []
        self._done: list[HistoryEntry] = []
        self._redo: list[HistoryEntry] = []       # next redo last
        self._lock = threading.RLock()            # the window's import runs in a worker
        self._mine: set[int] = set()              # revisions this session wrote
        self._foreign: set[int] = set()           # revisions others wrote meanwhile
        self._seen = 0                            # newest revision read so far
        self._external: ExternalChange | None = None
        self._loaded = False
        with store.reading():
            store.reload()                        # caches and issue from one snapshot
            self._read()

    @property
    def damaged(self):
        """Stored documents that could not be read (``DamagedRow``: name, Chinese reason)."""
        return list(self.store.damaged)

    def _read(self) -> None:
        """Read the issue and the history from the file, in place (views keep ``issue``)."""
        fresh = self.store.read_issue()
        self.issue.meta, self.issue.template = fresh.meta, fresh.template
        self.issue.sections = fresh.sections
        rows = self.store.history_rows()
        first, self._loaded = not self._loaded, True
        self._done, self._redo = [], []
        for seq, time, user, name, text, undone in rows:
            if not first and seq > self._seen and seq not in self._mine:
                self._foreign.add(seq)
            entry = HistoryEntry(seq, name, text, time, user, None, self.store,
                                 foreign=seq in self._foreign)
            (self._redo if undone else self._done).append(entry)
        self._redo.reverse()
        self._seen = max([self._seen] + [r[0] for r in rows])

    def _catch_up(self) -> ExternalChange | None:
        """Inside a transaction or ``store.reading()``: when another writer committed,
        read everything again and return what that means for the views."""
        if not self.store.changed_elsewhere():
            return None
        before_ids = {d.id for d in self.issue.documents()}
        before = (self.issue.meta, self.issue.template, self.issue.sections,
                  [(e.seq, e.text) for e in self._done], [e.seq for e in self._redo])
        seen = self._seen
        self.store.reload()
        self._read()
        after = (self.issue.meta, self.issue.template, self.issue.sections,
                 [(e.seq, e.text) for e in self._done], [e.seq for e in self._redo])
        if after == before:
            return None               # e.g. another program only optimised the file
        news = [e for e in self._done + self._redo if e.seq > seen and e.seq in self._foreign]
        what = "、".join(f"{e.user}：{e.text}" for e in news[-3:])
        text = (f"项目文件已被另一处修改（{what}），已重新载入最新内容" if what
                else "项目文件已被另一个窗口或程序修改，已重新载入最新内容")
        external = ExternalChange(meta=True, sections=True, documents=before_ids | {
            d.id for d in self.issue.documents()}, text=text)
        self._external = external
        return external

    def refresh(self, wait: bool = True) -> ExternalChange | None:
        """Read the file again when another writer changed it (the window polls this;
        ``wait=False`` returns None at once while this session is busy)."""
        if not self._lock.acquire(blocking=wait):
            return None
        try:
            external = self._read_news()
        finally:
            self._lock.release()
        if external is not None:
            self._notify(external)
        return external

    def _read_news(self) -> ExternalChange | None:
        """``_catch_up`` in a read snapshot, before a write transaction takes the lock
        (so the lock is not held while a changed issue is decoded)."""
        if not self.store.changed_elsewhere():
            return None
        with self.store.reading():
            return self._catch_up()

    def take_external(self) -> ExternalChange | None:
        """The last re-read caused by another writer, once (the window tells the user)."""
        external, self._external = self._external, None
        return external

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
        (``session.access`` says so, editor.appdirs.project_access), and read-only with
        the reason when the file cannot be written here (a read-only file, folder or
        drive, a full disk, a name too long for SQLite's side files)."""
        from editor.appdirs import project_access, release_project
        from editor.errors import storage_problem
        access = project_access(path)
        problem = storage_problem(path) if Path(path).is_file() else None
        if problem is not None and not access.readonly:    # read-only, full, name too long
            access.readonly = True
            access.warnings.append(f"{problem.message}；本窗口以只读方式打开，可以查看和导出，不能修改")
        reason = problem.message if problem is not None else "另一处正在编辑"
        try:
            session = cls(ProjectStore.open(Path(path), readonly=access.readonly,
                                            readonly_reason=reason))
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
        with self._lock:
            external = self._read_news()
            try:
                with self.store.transaction():
                    external = _later(external, self._catch_up())   # the file as it is now
                    change = command.apply(self.issue)
                    try:
                        if reports is None:
                            reports = _reports(command, undo=False)
                        for sha, name, data in sources:
                            self.store.put_source(sha, name, data)
                        self.store.persist(self.issue, change, reports)
                        data = command.to_dict()
                        seq = self.store.add_revision(type(command).__name__,
                                                      command.describe(), data)
                        if len(self._done) >= HISTORY_LIMIT:
                            self.store.expire_before(self._done[-HISTORY_LIMIT + 1].seq)
                    except BaseException:
                        command.revert(self.issue)
                        raise
            finally:
                if external is not None:
                    self._notify(external)
            self._mine.add(seq)
            self._seen = max(self._seen, seq)
            self._done.append(HistoryEntry(seq, type(command).__name__, command.describe(),
                                           now(), user_name(), None, self.store))
            del self._done[:-HISTORY_LIMIT]
            self._redo.clear()
        self._notify(change)
        return change.merge(external) if external is not None else change

    def undo(self) -> Change:
        return self._step(undo=True)

    def redo(self) -> Change:
        return self._step(undo=False)

    def _step(self, undo: bool) -> Change:
        """Revert (undo) or re-apply (redo) the newest entry of the history and store the
        result (the entry moves to the other list).  On a write error the model is put
        back.  Refused when the file turns out to have changed under this session: what
        would be undone is then no longer what the user was shown."""
        with self._lock:
            external = self._read_news()
            try:
                with self.store.transaction():
                    external = _later(external, self._catch_up())
                    source, target = (self._done, self._redo) if undo else (self._redo,
                                                                             self._done)
                    verb = "撤销" if undo else "重做"
                    if external is not None:
                        step = f"“{source[-1].describe()}”" if source else "无"
                        raise GazetteError(f"{external.text}。请看过之后再{verb}"
                                           f"（现在{verb}的将是：{step}）")
                    if not source:
                        raise GazetteError(f"没有可{verb}的操作")
                    entry = source[-1]
                    command = entry.command()
                    change = command.revert(self.issue) if undo else command.apply(self.issue)
                    try:
                        self.store.persist(self.issue, change, _reports(command, undo=undo))
                        self.store.set_undone(entry.seq, undo,
                                              None if undo else command.to_dict())
                    except BaseException:
                        if undo:
                            command.apply(self.issue)
                        else:
                            command.revert(self.issue)
                        raise
            finally:
                if external is not None:
                    self._notify(external)
            if not undo:
                entry.data = None                 # re-read: apply captured new state
            target.append(source.pop())
        self._notify(change)
        return change

    def group_last(self, count: int, text: str) -> None:
        """Make the newest ``count`` commands one undo step (a ``CommandGroup``) described
        by ``text``.  Their own revisions stay in the log but are no longer undoable
        apart; nothing changes in the issue."""
        with self._lock:
            with self.store.transaction():
                self._catch_up()
                entries = self._done[-count:]
                if (count < 2 or count > len(self._done) or self._redo
                        or any(e.seq not in self._mine for e in entries)):
                    return                # another writer's step came in between
                group = CommandGroup(parts=[e.stored() for e in entries], text=text)
                self.store.expire_revisions([e.seq for e in entries])
                seq = self.store.add_revision(type(group).__name__, text, group.to_dict())
            self._mine.add(seq)
            self._seen = max(self._seen, seq)
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
        return f"撤销“{self._done[-1].describe()}”" if self._done else "撤销"

    @property
    def redo_text(self) -> str:
        return f"重做“{self._redo[-1].describe()}”" if self._redo else "重做"

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


def local_time(stamp: str, form: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time in the local time zone (``form``: strftime)."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime(form)
    except ValueError:
        return stamp


def _later(first: ExternalChange | None, second: ExternalChange | None
           ) -> ExternalChange | None:
    """Two re-reads in one step: the views refresh for both, the text of the later one."""
    if first is None or second is None:
        return second or first
    merged = first.merge(second)
    return ExternalChange(merged.meta, merged.sections, merged.documents, merged.tables,
                          merged.annotations, text=second.text)


def _reports(command: Command, undo: bool) -> dict | None:
    """Import reports a command brings with it (re-import), to store with its rows."""
    reports_for = getattr(command, "reports_for", None)
    return reports_for(undo) if callable(reports_for) else None
