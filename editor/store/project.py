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

Rows go through sqlite-utils (``self.db``): inserts (``insert``/``insert_all``, ``ignore``
for sources kept once), upserts (sections, settings), deletes and every query
(``rows_where``, ``query``, ``count_where``); it joins our ``BEGIN IMMEDIATE`` with
savepoints, so a command stays one transaction.  Updates of a document or a revision
row stay plain SQL: ``Table.update`` first reads the whole row (``SELECT *``), which
for a document is its whole model JSON — a reorder would read every moved document —
and bulk updates by condition (discarding the redo branch, expiring old steps) have no
sqlite-utils form.

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
            store.db["issue"].insert({"id": 1, "metadata": codec.meta_json(issue.meta),
                                      "template": issue.template})
            store.db["meta"].insert_all([{"key": "created", "value": now()},
                                         {"key": "created_by", "value": user_name()}])
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
        self._placed = {r["id"]: (r["section_id"], r["position"]) for r in
                        self.db["documents"].rows_where(select="id, section_id, position")}
        self._sections = {r["id"]: (r["title"], r["position"]) for r in
                          self.db["sections"].rows_where(select="id, title, position")}

    # -- reading ---------------------------------------------------------------------------
    def read_head(self) -> Issue:
        """The issue's metadata, template and sections in order, without their documents
        (what the next issue carries on from; nothing of the documents is decoded)."""
        row = self._issue_row()
        issue = Issue()
        if row:
            issue.template = row["template"]
            try:
                if isinstance(row["metadata"], DamagedText):
                    raise ValueError("not UTF-8")
                issue.meta = codec.meta_from_json(row["metadata"])
            except (ValueError, TypeError, AttributeError, RecursionError):
                pass                  # read_issue reports it; the head stays blank
        issue.sections = [Section(id=r["id"], title=r["title"]) for r in
                          self.db["sections"].rows_where(select="id, title", order_by="position")]
        return issue

    def _issue_row(self) -> dict | None:
        return next(self.db["issue"].rows_where("id = 1", select="metadata, template"), None)

    def read_issue(self) -> Issue:
        """The whole issue; documents whose rows cannot be read are left out and listed
        in ``damaged``."""
        with self.reading():
            issue = self.read_head()
            self.damaged = []
            meta = self._issue_row()
            if meta and not _readable_meta(meta["metadata"]):
                self.damaged.append(DamagedRow("", "期刊信息", "刊名、期次等信息无法读出，暂以空白代替"))
            by_id = {s.id: s for s in issue.sections}
            notes: dict[str, list[str]] = {}
            for r in self.db.query(
                    "SELECT a.doc_id, a.data FROM annotations a JOIN documents d"
                    " ON d.id = a.doc_id WHERE d.section_id IS NOT NULL"
                    " ORDER BY a.doc_id, a.position"):
                notes.setdefault(r["doc_id"], []).append(r["data"])
            for r in self.db["documents"].rows_where(
                    "section_id IS NOT NULL", order_by="position",
                    select="id, section_id, source_name, model, overrides"):
                doc, reason = _read_document(r["id"], r["model"], r["overrides"],
                                             notes.get(r["id"], []))
                if doc is None:
                    self.damaged.append(DamagedRow(r["id"], r["source_name"] or r["id"], reason))
                else:
                    by_id[r["section_id"]].documents.append(doc)
        return issue

    def damaged_ids(self) -> set[str]:
        return {d.doc_id for d in self.damaged if d.doc_id}

    def document_ids(self) -> set[str]:
        """Every document id ever stored (placed or not): new ids must avoid them."""
        return set(self._placed)

    def import_report(self, doc_id: str):
        row = next(self.db["documents"].rows_where("id = ?", [doc_id], select="import_report"),
                   None)
        if not row:
            return None
        try:
            return codec.report_from_json(row["import_report"])
        except (ValueError, TypeError, AttributeError, RecursionError):
            return codec.report_from_json(codec.report_json(
                [{"level": "warning", "message_zh": "导入报告已损坏，无法显示"}]))

    def source(self, doc_id: str) -> tuple[str, bytes] | None:
        """(original file name, .docx bytes) of a document, or None."""
        row = next(self.db.query(
            "SELECT s.name, s.data FROM documents d JOIN sources s ON s.sha256 = d.source_sha256"
            " WHERE d.id = ?", [doc_id]), None)
        return (row["name"], bytes(row["data"])) if row else None

    # -- writing (inside transaction()) -----------------------------------------------------
    def put_source(self, sha256: str, name: str, data: bytes) -> None:
        self.db["sources"].insert({"sha256": sha256, "name": name, "size": len(data),
                                   "data": data, "added": now()}, ignore=True)

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
            self.db["issue"].update(1, {"metadata": codec.meta_json(issue.meta),
                                        "template": issue.template})
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
            holders = {r["doc_id"] for r in self.db["annotations"].rows_where(
                "id = ?", [ann_id], select="doc_id")}
            holders |= {d.id for d in present.values()
                        if any(a.id == ann_id for a in d.annotations)}
            for doc_id in holders - touched:
                if doc_id in present:
                    self._write_annotations(present[doc_id])
                else:
                    self.db["annotations"].delete((doc_id, ann_id))
                touched.add(doc_id)

    def _write_sections(self, issue: Issue) -> None:
        wanted = {s.id: (s.title, i) for i, s in enumerate(issue.sections)}
        gone = [sid for sid in self._sections if sid not in wanted]
        for sid in gone:
            self.db["sections"].delete(sid)
            for doc_id, (placed_in, _) in self._placed.items():
                if placed_in == sid:              # ON DELETE SET NULL did this in the file
                    self._placed[doc_id] = (None, None)
        for sid, value in wanted.items():
            if self._sections.get(sid) != value:
                self.db["sections"].upsert({"id": sid, "title": value[0], "position": value[1]},
                                           pk="id")
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
        self.db["documents"].insert({
            "id": doc.id, "section_id": None, "position": None, "source_name": doc.source_name,
            "source_sha256": sha, "model": model_json, "import_report": codec.report_json(report),
            "overrides": overrides, "updated": now()})
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
        return bool(sha) and self.db["sources"].count_where("sha256 = ?", [sha]) > 0

    def _write_annotations(self, doc) -> None:
        table = self.db["annotations"]
        table.delete_where("doc_id = ?", [doc.id])
        table.insert_all({"id": a.id, "doc_id": doc.id, "position": i,
                          "data": codec.annotation_json(a)} for i, a in enumerate(doc.annotations))

    # -- revisions ---------------------------------------------------------------------------
    def add_revision(self, name: str, description: str, data: dict | None) -> int:
        """Record a command (the redo branch, if any, is discarded); returns its seq."""
        self.conn.execute("UPDATE revisions SET discarded = 1 WHERE undone = 1 AND discarded = 0")
        table = self.db["revisions"].insert({
            "time": now(), "user": user_name(), "command": name, "description": description,
            "data": None if data is None else codec.dump(data)})
        return int(table.last_rowid)

    def add_log_entry(self, name: str, description: str) -> None:
        """A line in the revision log that is not an undoable command (the redo branch is
        kept)."""
        self.db["revisions"].insert({"time": now(), "user": user_name(), "command": name,
                                     "description": description, "data": None})

    def set_undone(self, seq: int, undone: bool, data: dict | None = None) -> None:
        if data is None:
            self.conn.execute("UPDATE revisions SET undone = ? WHERE seq = ?", (int(undone), seq))
        else:
            self.conn.execute("UPDATE revisions SET undone = ?, data = ? WHERE seq = ?",
                              (int(undone), codec.dump(data), seq))

    def history_rows(self) -> list[tuple]:
        """(seq, time, user, command, description, undone) of every command that can
        still be undone or redone, oldest first (the command data is read on demand)."""
        rows = self.db["revisions"].rows_where(
            "discarded = 0 AND data IS NOT NULL", order_by="seq",
            select="seq, time, user, command, description, undone")
        return [(r["seq"], r["time"], r["user"], r["command"], r["description"],
                 bool(r["undone"])) for r in rows]

    def revision_data(self, seq: int) -> dict:
        row = next(self.db["revisions"].rows_where("seq = ?", [seq], select="data"), None)
        text = row["data"] if row is not None else None
        if text is None:
            raise GazetteError("该操作已过期，无法撤销或重做", f"revision {seq}")
        try:
            if isinstance(text, DamagedText):
                raise ValueError("not UTF-8")
            data = json.loads(text)
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
        return [dict(r, undone=bool(r["undone"]), discarded=bool(r["discarded"]))
                for r in self.db["revisions"].rows_where(
                    order_by="seq",
                    select="seq, time, user, command, description, undone, discarded")]

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
        row = next(self.db["settings"].rows_where("key = ?", [key], select="value"), None)
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self.transaction():
            self.db["settings"].upsert({"key": key, "value": codec.dump(value)}, pk="key")

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
