"""One issue's project file (``*.gazette``): the Issue ⇄ rows, written per change (layer: store).

``ProjectStore`` owns the SQLite connection.  The connection runs in WAL mode with foreign
keys on and ``synchronous=FULL``: every commit is on disk before the command returns, so
a power cut loses nothing that was shown as done (WAL keeps that cheap — one sequential
fsync of the log per command).  There is no "save": the Session calls :meth:`persist`
inside :meth:`transaction` for each command, which writes only the rows the command's
``Change`` names.  Removed documents keep their row (unplaced, ``section_id`` NULL) so an
undo brings back their import report and source; sources (.docx bytes) are kept once per
sha256.  Save-as uses the SQLite backup API, so the copy is consistent even mid-session.

Several writers (two windows, a window and ``python main.py project …``) may hold the
same file: ``changed_elsewhere()`` compares ``PRAGMA data_version`` with the value at the
last read, so the Session re-reads the file inside its write transaction before it
changes anything (see ``editor.app.session``).  ``reading()`` gives a consistent snapshot
for a read of several tables.

A row that passes ``integrity_check`` but cannot be read (text that is not UTF-8, JSON
that does not parse, a document type this version does not know) does not stop the
project from opening: ``read_issue`` leaves that document out and lists it in
``damaged`` (``DamagedRow``, with a Chinese reason), and the row is never rewritten.
"""
from __future__ import annotations

import getpass
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from editor.app.command import Change
from editor.errors import GazetteError, StorageError, storage_error
from editor.model import DOCUMENT_KINDS, Document, Issue, Section
from editor.store import codec
from editor.store.migration import (copy_database, create_schema, upgrade_file,
                                    upgraded_copy)
from editor.store.schema import (SCHEMA_VERSION, DamagedText, check_file, connect_readonly,
                                 decode_text, tidy_after_reading)


BUSY_TIMEOUT_MS = 5000        # how long an edit waits for another writer's lock


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:                     # noqa: BLE001 — no login name (containers)
        return os.environ.get("USERNAME") or "unknown"


@dataclass
class DamagedRow:
    """A stored document that could not be read back (its row is left as it is)."""
    doc_id: str
    name: str                 # the source file name, or the document id
    reason: str               # Chinese

    @property
    def message(self) -> str:
        return f"文件“{self.name}”已损坏，未能打开（{self.reason}）；项目的其余内容照常打开"


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.text_factory = decode_text
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


class ProjectStore:
    """Rows of one project file; see the module docstring."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool = False,
                 readonly_reason: str = ""):
        self.path = Path(path)
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.readonly = readonly
        self.readonly_reason = readonly_reason      # Chinese, when the file cannot be written
        self.upgrade_backup: Path | None = None    # set when opening upgraded the file
        self.damaged: list[DamagedRow] = []        # set by read_issue
        self._version = None                       # PRAGMA data_version at the last read
        self._load_caches()

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, issue: Issue | None = None,
               schema_version: int = SCHEMA_VERSION) -> "ProjectStore":
        """A new, empty project at ``path`` (which must not exist) holding ``issue``'s
        metadata (sections and documents are written by the caller).  An older
        ``schema_version`` writes the file as that version's editor did."""
        path = Path(path)
        if path.exists():
            raise GazetteError(f"文件已存在：{path}", path=str(path))
        try:
            conn = _connect(path)
            try:
                create_schema(conn, schema_version)
            except BaseException:
                conn.close()
                raise
        except sqlite3.Error as exc:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            raise storage_error(exc, path) or exc from None
        store = cls(path, conn)
        issue = issue or Issue()
        with store.transaction():
            conn.execute("INSERT INTO issue (id, metadata, template) VALUES (1, ?, ?)",
                         (codec.meta_json(issue.meta), issue.template))
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                             [("created", now()), ("created_by", user_name())])
        return store

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False,
             readonly_reason: str = "") -> "ProjectStore":
        """Open an existing project; it is checked read-only first (never modified when
        refused).  An older file is backed up and upgraded (``upgrade_backup`` names the
        copy, and the revision log records it); read-only, an in-memory copy is upgraded.
        ``readonly_reason`` (Chinese) is what a refused edit says."""
        path = Path(path)
        version = check_file(path)
        if readonly:
            conn = connect_readonly(path)
            if version < SCHEMA_VERSION:
                conn = upgraded_copy(conn, version)
            return cls(path, conn, readonly=True, readonly_reason=readonly_reason)
        try:
            conn = _connect(path)
        except sqlite3.Error as exc:
            raise storage_error(exc, path) or GazetteError(
                f"无法写入项目文件“{path.name}”（只读或被占用）", str(exc), str(path)) from None
        if version >= SCHEMA_VERSION:
            return cls(path, conn)
        try:
            backup = upgrade_file(conn, path, version)
        except BaseException:
            conn.close()
            raise
        store = cls(path, conn)
        store.upgrade_backup = backup
        with store.transaction():
            store.add_log_entry("UpgradeFile", f"项目文件格式由 {version} 升级到 {SCHEMA_VERSION}"
                                f"（升级前的备份：{backup.name}）")
        return store

    def close(self) -> None:
        if self.conn is not None:
            if not self.readonly:
                try:
                    self.conn.execute("PRAGMA optimize")
                except sqlite3.Error:
                    pass
            self.conn.close()
            self.conn = None
            if self.readonly:
                tidy_after_reading(self.path)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the project file (保存, Ctrl+S in the window):
        every commit is durable already; afterwards the file alone holds everything."""
        if self.conn is not None and not self.readonly:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def transaction(self):
        """One atomic, durable unit of work (BEGIN IMMEDIATE … COMMIT).  A failure of the
        machine (full disk, read-only, another program's lock) is a ``StorageError`` and
        leaves the file as it was."""
        if self.readonly:
            reason = f"（{self.readonly_reason}）" if self.readonly_reason else ""
            raise StorageError(f"项目以只读方式打开，不能修改{reason}", "readonly",
                               path=str(self.path))
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) or exc from None
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException as exc:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self._load_caches()
            except sqlite3.Error:
                pass                  # the error below says what happened
            told = storage_error(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if told is not None:
                raise told from exc
            raise

    @contextmanager
    def reading(self):
        """A consistent snapshot for several reads (nothing when already in a transaction)."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            self.conn.execute("COMMIT")

    def data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """True when another connection (another window, process or program) committed
        since this store last read the file."""
        return self.data_version() != self._version

    def reload(self) -> None:
        """Forget what was read: the next reads see the file as it is now."""
        self._load_caches()

    def _load_caches(self) -> None:
        self._version = self.data_version()
        self._placed = {r[0]: (r[1], r[2]) for r in self.conn.execute(
            "SELECT id, section_id, position FROM documents")}
        self._sections = {r[0]: (r[1], r[2]) for r in self.conn.execute(
            "SELECT id, title, position FROM sections")}

    # -- reading ---------------------------------------------------------------------------
    def read_head(self) -> Issue:
        """The issue's metadata, template and sections in order, without their documents
        (what the next issue carries on from; nothing of the documents is decoded)."""
        row = self.conn.execute("SELECT metadata, template FROM issue WHERE id = 1").fetchone()
        issue = Issue()
        if row:
            issue.template = row[1]
            try:
                if isinstance(row[0], DamagedText):
                    raise ValueError("not UTF-8")
                issue.meta = codec.meta_from_json(row[0])
            except (ValueError, TypeError, AttributeError, RecursionError):
                pass                  # read_issue reports it; the head stays blank
        issue.sections = [Section(id=sid, title=title) for sid, title in self.conn.execute(
            "SELECT id, title FROM sections ORDER BY position")]
        return issue

    def read_issue(self) -> Issue:
        """The whole issue; documents whose rows cannot be read are left out and listed
        in ``damaged``."""
        with self.reading():
            issue = self.read_head()
            self.damaged = []
            meta = self.conn.execute("SELECT metadata FROM issue WHERE id = 1").fetchone()
            if meta and not _readable_meta(meta[0]):
                self.damaged.append(DamagedRow("", "期刊信息", "刊名、期次等信息无法读出，暂以空白代替"))
            by_id = {s.id: s for s in issue.sections}
            notes: dict[str, list[str]] = {}
            for doc_id, data in self.conn.execute(
                    "SELECT a.doc_id, a.data FROM annotations a JOIN documents d"
                    " ON d.id = a.doc_id WHERE d.section_id IS NOT NULL"
                    " ORDER BY a.doc_id, a.position"):
                notes.setdefault(doc_id, []).append(data)
            for doc_id, sid, name, model_json, overrides in self.conn.execute(
                    "SELECT id, section_id, source_name, model, overrides FROM documents"
                    " WHERE section_id IS NOT NULL ORDER BY position"):
                doc, reason = _read_document(doc_id, model_json, overrides,
                                             notes.get(doc_id, []))
                if doc is None:
                    self.damaged.append(DamagedRow(doc_id, name or doc_id, reason))
                else:
                    by_id[sid].documents.append(doc)
        return issue

    def damaged_ids(self) -> set[str]:
        return {d.doc_id for d in self.damaged if d.doc_id}

    def document_ids(self) -> set[str]:
        """Every document id ever stored (placed or not): new ids must avoid them."""
        return set(self._placed)

    def import_report(self, doc_id: str):
        row = self.conn.execute("SELECT import_report FROM documents WHERE id = ?",
                                (doc_id,)).fetchone()
        if not row:
            return None
        try:
            return codec.report_from_json(row[0])
        except (ValueError, TypeError, AttributeError, RecursionError):
            return codec.report_from_json(codec.report_json(
                [{"level": "warning", "message_zh": "导入报告已损坏，无法显示"}]))

    def source(self, doc_id: str) -> tuple[str, bytes] | None:
        """(original file name, .docx bytes) of a document, or None."""
        row = self.conn.execute(
            "SELECT s.name, s.data FROM documents d JOIN sources s ON s.sha256 = d.source_sha256"
            " WHERE d.id = ?", (doc_id,)).fetchone()
        return (row[0], bytes(row[1])) if row else None

    # -- writing (inside transaction()) -----------------------------------------------------
    def put_source(self, sha256: str, name: str, data: bytes) -> None:
        self.conn.execute("INSERT OR IGNORE INTO sources (sha256, name, size, data, added)"
                          " VALUES (?, ?, ?, ?, ?)", (sha256, name, len(data), data, now()))

    def write_issue(self, issue: Issue, reports: dict | None = None) -> None:
        """Every row of ``issue`` (a new project's first state)."""
        everything = Change(meta=True, sections=True,
                            documents={d.id for d in issue.documents()})
        self.persist(issue, everything, reports)

    def persist(self, issue: Issue, change: Change, reports: dict | None = None) -> None:
        """Write the rows ``change`` names so the file equals ``issue`` again."""
        reports = reports or {}
        present = {d.id: d for d in issue.documents()}
        dirty = set(change.documents) | {d for d, _ in change.tables} | set(reports)
        if change.meta:
            self.conn.execute("UPDATE issue SET metadata = ?, template = ? WHERE id = 1",
                              (codec.meta_json(issue.meta), issue.template))
        new_docs = [d for d in present if d not in self._placed]
        if change.sections or new_docs:
            self._write_sections(issue)
            for doc_id in new_docs:
                self._insert_document(present[doc_id], reports.get(doc_id))
                dirty.discard(doc_id)
            self._write_placement(issue, present)
        for doc_id in sorted(dirty):
            if doc_id in present:
                self._update_document(present[doc_id], reports.get(doc_id))
        touched = set(dirty) | set(new_docs)
        for ann_id in change.annotations:
            holders = {r[0] for r in self.conn.execute(
                "SELECT doc_id FROM annotations WHERE id = ?", (ann_id,))}
            holders |= {d.id for d in present.values()
                        if any(a.id == ann_id for a in d.annotations)}
            for doc_id in holders - touched:
                if doc_id in present:
                    self._write_annotations(present[doc_id])
                else:
                    self.conn.execute("DELETE FROM annotations WHERE doc_id = ? AND id = ?",
                                      (doc_id, ann_id))
                touched.add(doc_id)

    def _write_sections(self, issue: Issue) -> None:
        wanted = {s.id: (s.title, i) for i, s in enumerate(issue.sections)}
        gone = [sid for sid in self._sections if sid not in wanted]
        for sid in gone:
            self.conn.execute("DELETE FROM sections WHERE id = ?", (sid,))
            for doc_id, (placed_in, _) in self._placed.items():
                if placed_in == sid:              # ON DELETE SET NULL did this in the file
                    self._placed[doc_id] = (None, None)
        for sid, value in wanted.items():
            if self._sections.get(sid) != value:
                self.conn.execute(
                    "INSERT INTO sections (id, title, position) VALUES (?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
                    " position = excluded.position", (sid, value[0], value[1]))
        self._sections = wanted

    def _write_placement(self, issue: Issue, present: dict) -> None:
        for section in issue.sections:
            for i, doc in enumerate(section.documents):
                if self._placed.get(doc.id) != (section.id, i):
                    self.conn.execute("UPDATE documents SET section_id = ?, position = ?"
                                      " WHERE id = ?", (section.id, i, doc.id))
                    self._placed[doc.id] = (section.id, i)
        keep = self.damaged_ids()          # unreadable rows stay where they are
        for doc_id, place in self._placed.items():
            if doc_id not in present and doc_id not in keep and place != (None, None):
                self.conn.execute("UPDATE documents SET section_id = NULL, position = NULL"
                                  " WHERE id = ?", (doc_id,))
                self._placed[doc_id] = (None, None)

    def _insert_document(self, doc, report) -> None:
        model_json, overrides, sha = self._document_values(doc)
        self.conn.execute(
            "INSERT INTO documents (id, section_id, position, source_name, source_sha256,"
            " model, import_report, overrides, updated) VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.source_name, sha, model_json, codec.report_json(report), overrides,
             now()))
        self._placed[doc.id] = (None, None)
        self._write_annotations(doc)

    def _update_document(self, doc, report) -> None:
        model_json, overrides, sha = self._document_values(doc)
        self.conn.execute(
            "UPDATE documents SET model = ?, overrides = ?, source_name = ?,"
            " source_sha256 = COALESCE(?, source_sha256), updated = ? WHERE id = ?",
            (model_json, overrides, doc.source_name, sha, now(), doc.id))
        if report is not None:
            self.conn.execute("UPDATE documents SET import_report = ? WHERE id = ?",
                              (codec.report_json(report), doc.id))
        self._write_annotations(doc)

    def _document_values(self, doc) -> tuple[str, str, str | None]:
        """(model JSON, overrides JSON, source sha256 when that source is stored)."""
        model_json, overrides = codec.document_parts(doc)
        return model_json, overrides, (doc.source_sha256 if self._has_source(doc.source_sha256)
                                       else None)

    def _has_source(self, sha: str) -> bool:
        return bool(sha) and self.conn.execute(
            "SELECT 1 FROM sources WHERE sha256 = ?", (sha,)).fetchone() is not None

    def _write_annotations(self, doc) -> None:
        self.conn.execute("DELETE FROM annotations WHERE doc_id = ?", (doc.id,))
        self.conn.executemany(
            "INSERT INTO annotations (id, doc_id, position, data) VALUES (?, ?, ?, ?)",
            [(a.id, doc.id, i, codec.annotation_json(a)) for i, a in enumerate(doc.annotations)])

    # -- revisions ---------------------------------------------------------------------------
    def add_revision(self, name: str, description: str, data: dict | None) -> int:
        """Record a command (the redo branch, if any, is discarded); returns its seq."""
        self.conn.execute("UPDATE revisions SET discarded = 1 WHERE undone = 1 AND discarded = 0")
        cur = self.conn.execute(
            "INSERT INTO revisions (time, user, command, description, data) VALUES (?, ?, ?, ?, ?)",
            (now(), user_name(), name, description,
             None if data is None else codec.dump(data)))
        return int(cur.lastrowid)

    def add_log_entry(self, name: str, description: str) -> None:
        """A line in the revision log that is not an undoable command (the redo branch is
        kept)."""
        self.conn.execute("INSERT INTO revisions (time, user, command, description, data)"
                          " VALUES (?, ?, ?, ?, NULL)", (now(), user_name(), name, description))

    def set_undone(self, seq: int, undone: bool, data: dict | None = None) -> None:
        if data is None:
            self.conn.execute("UPDATE revisions SET undone = ? WHERE seq = ?", (int(undone), seq))
        else:
            self.conn.execute("UPDATE revisions SET undone = ?, data = ? WHERE seq = ?",
                              (int(undone), codec.dump(data), seq))

    def history_rows(self) -> list[tuple]:
        """(seq, time, user, command, description, undone) of every command that can
        still be undone or redone, oldest first (the command data is read on demand)."""
        rows = self.conn.execute(
            "SELECT seq, time, user, command, description, undone FROM revisions"
            " WHERE discarded = 0 AND data IS NOT NULL ORDER BY seq").fetchall()
        return [(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    def revision_data(self, seq: int) -> dict:
        row = self.conn.execute("SELECT data FROM revisions WHERE seq = ?", (seq,)).fetchone()
        if row is None or row[0] is None:
            raise GazetteError("该操作已过期，无法撤销或重做", f"revision {seq}")
        try:
            if isinstance(row[0], DamagedText):
                raise ValueError("not UTF-8")
            data = json.loads(row[0])
            if not isinstance(data, dict) or not isinstance(data.get("command"), str):
                raise ValueError("not a stored command")
        except (ValueError, RecursionError) as exc:
            raise GazetteError("项目文件中这一步操作的记录已损坏，无法撤销或重做（其余内容不受影响）",
                               f"revision {seq}: {exc}") from None
        return data

    def expire_before(self, seq: int) -> None:
        """Older commands stay in the log (what, when, who) but are no longer undoable."""
        self.conn.execute("UPDATE revisions SET data = NULL WHERE seq < ? AND data IS NOT NULL",
                          (seq,))

    def expire_revisions(self, seqs: list[int]) -> None:
        """These commands stay in the log but are no longer undoable on their own (they
        were folded into a group)."""
        self.conn.executemany("UPDATE revisions SET data = NULL WHERE seq = ?",
                              [(seq,) for seq in seqs])

    def log(self) -> list[dict]:
        """The whole revision log, oldest first."""
        return [{"seq": r[0], "time": r[1], "user": r[2], "command": r[3],
                 "description": r[4], "undone": bool(r[5]), "discarded": bool(r[6])}
                for r in self.conn.execute("SELECT seq, time, user, command, description,"
                                           " undone, discarded FROM revisions ORDER BY seq")]

    # -- 印前检查 exceptions -------------------------------------------------------------------
    def ignored_findings(self) -> dict[str, str]:
        """Finding key → the reason the editor gave for accepting it (忽略)."""
        return dict(self.conn.execute("SELECT key, reason FROM preflight_ignored"))

    def ignore_finding(self, key: str, rule: str, doc_id: str | None, text: str,
                       reason: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO preflight_ignored (key, rule, doc_id, text, reason, user, time)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET"
                " reason = excluded.reason, user = excluded.user, time = excluded.time",
                (key, rule, doc_id, text, reason, user_name(), now()))
            self.add_log_entry("IgnoreFinding", f"印前检查：忽略 {rule}（{reason}）")

    def unignore_finding(self, key: str) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM preflight_ignored WHERE key = ?", (key,))

    # -- settings and copies ----------------------------------------------------------------
    def setting(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                              " DO UPDATE SET value = excluded.value", (key, codec.dump(value)))

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the project at ``target`` (SQLite online backup)."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise GazetteError("另存为的目标不能是当前项目文件本身")
        copy_database(self.conn, target)

    def integrity(self) -> str:
        return "; ".join(r[0] for r in self.conn.execute("PRAGMA integrity_check"))


def load_ignored(path: str | Path) -> dict[str, str]:
    """The 印前检查 exceptions of a project file (read without writing to it)."""
    store = ProjectStore.open(path, readonly=True)
    try:
        return store.ignored_findings()
    finally:
        store.close()


def load_issue(path: str | Path, progress=None) -> Issue:
    """The Issue held in a project file, read without writing to it (for ``build``);
    each damaged document is told to ``progress`` (Chinese) and left out."""
    store = ProjectStore.open(path, readonly=True)
    try:
        issue = store.read_issue()
        for row in store.damaged:
            if progress is not None:
                progress(f"提示：{row.message}")
        return issue
    finally:
        store.close()


def _readable_meta(text) -> bool:
    if isinstance(text, DamagedText):
        return False
    try:
        codec.meta_from_json(text)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return False
    return True


def _read_document(doc_id: str, model_json, overrides, notes: list) -> tuple:
    """(Document, "") or (None, Chinese reason) for one stored document."""
    if any(isinstance(t, DamagedText) for t in (model_json, overrides, *notes)):
        return None, "保存的文字不是有效的 UTF-8 编码"
    reason = "保存的内容无法解读"
    try:
        doc = codec.document_from_parts(model_json, overrides, notes)
    except json.JSONDecodeError:
        return None, "保存的内容不完整或格式错误"
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        doc = None
        reason = f"保存的内容无法解读（{type(exc).__name__}）"
    if not isinstance(doc, Document):
        try:
            kind = json.loads(model_json).get("type")
        except (ValueError, AttributeError, RecursionError):
            kind = None
        if kind != "Document":
            return None, f"未知的文件类型“{str(kind)[:40]}”（可能由更新版本的程序写入）"
        return None, reason
    if doc.kind not in DOCUMENT_KINDS:
        return None, f"未知的文件类别“{str(doc.kind)[:40]}”（可能由更新版本的程序写入）"
    if doc.id != doc_id:
        return None, "保存的文件编号与记录不符"
    return doc, ""
