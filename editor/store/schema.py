"""The project file's schema: the version-1 tables, the current version and the checks made
before a file is opened for writing (layer: store, no Qt).

A project (``*.gazette``) is one SQLite database.  ``meta`` holds ``schema_version``; a
file from a newer editor is refused, an older one is upgraded by
``editor.store.migration`` (a backup copy first, then the steps in one transaction).  Before
any write connection is made the file is checked through a *read-only* connection (SQLite
header, ``PRAGMA integrity_check``, our tables, the version), so a file that is not a
project, is damaged or is too new is refused with a Chinese ``GazetteError`` and never
modified.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from editor.errors import GazetteError, storage_error, storage_problem
from editor.guard import not_regular

SCHEMA_VERSION = 4                   # the steps from version 1 are in editor.store.migration
APPLICATION_ID = 0x47415A31          # "GAZ1": marks the file as a gazette project
SQLITE_HEADER = b"SQLite format 3\x00"

DDL_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE issue (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    metadata TEXT NOT NULL,
    template TEXT NOT NULL
);
CREATE TABLE sections (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE sources (
    sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    added TEXT NOT NULL
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    section_id TEXT REFERENCES sections(id) ON DELETE SET NULL,
    position INTEGER,
    source_name TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT REFERENCES sources(sha256),
    model TEXT NOT NULL,
    import_report TEXT NOT NULL DEFAULT '[]',
    overrides TEXT NOT NULL DEFAULT '{}',
    updated TEXT NOT NULL
);
CREATE INDEX documents_place ON documents(section_id, position);
CREATE TABLE annotations (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX annotations_id ON annotations(id);
CREATE TABLE revisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    user TEXT NOT NULL,
    command TEXT NOT NULL,
    description TEXT NOT NULL,
    data TEXT,
    undone INTEGER NOT NULL DEFAULT 0,
    discarded INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

REQUIRED_TABLES = {"meta", "issue", "sections", "documents", "annotations", "revisions"}


def check_file(path: Path) -> int:
    """Check ``path`` without modifying it and return its schema version; raise a
    ``GazetteError`` for anything that is not an intact project this editor can open."""
    special = not_regular(path)             # a FIFO named x.gazette would block the open
    if special is not None:
        raise GazetteError(special, path=str(path))
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise GazetteError(f"找不到项目文件：{path}", path=str(path)) from None
    except IsADirectoryError:
        raise GazetteError(f"“{path.name}”是文件夹，不是项目文件", path=str(path)) from None
    except OSError as exc:
        raise GazetteError(f"无法读取项目文件：{path.name}", str(exc), str(path)) from None
    if header != SQLITE_HEADER:
        raise GazetteError(f"“{path.name}”不是公报项目文件（.gazette），无法打开",
                           "not an SQLite database", str(path))
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise storage_error(exc, path) or GazetteError(
            f"项目文件“{path.name}”无法读取，可能已损坏", str(exc), str(path)) from None
    try:
        return _check_contents(conn, path)
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) or GazetteError(
            f"项目文件“{path.name}”已损坏，无法打开（未作任何修改）", str(exc),
            str(path)) from None
    finally:
        conn.close()
        tidy_after_reading(path)


def tidy_after_reading(path: Path) -> None:
    """Remove the ``-wal``/``-shm`` files a read-only connection leaves beside a WAL
    project: SQLite deletes them when the last read-write connection closes, so one is
    opened and closed (only while the log is empty, so the database is not written).  When another program (the editor window) has the project open,
    SQLite keeps them, as it must; a read-only file or folder is left alone."""
    path, wal = Path(path), Path(f"{path}-wal")
    try:
        if wal.stat().st_size:          # a writer's log: not ours to fold in
            return
    except OSError:
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout = 0")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass


class DamagedText(str):
    """Text read from the file whose bytes are not UTF-8 (undecodable bytes shown as
    U+FFFD); readers of document rows treat it as damage."""


def decode_text(raw: bytes) -> str:
    """The connections' ``text_factory``: a bad byte in one row must not make the whole
    query fail, so it yields a ``DamagedText`` instead of raising."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return DamagedText(raw.decode("utf-8", "replace"))


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection.  A WAL file needs its ``-shm`` beside it; where none can be
    made (a read-only drive or folder, a full disk, a name too long for it) the file is
    opened as immutable — nothing can write it there anyway."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        if storage_problem(path, extra_bytes=len("-shm")) is None:
            conn.close()
            raise
        conn.close()
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    conn.text_factory = decode_text
    return conn


def _check_contents(conn: sqlite3.Connection, path: Path) -> int:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        problems = "; ".join(str(r[0]) for r in rows[:3])
        raise GazetteError(f"项目文件“{path.name}”未通过完整性检查，可能已损坏（未作任何修改）",
                           problems, str(path))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not REQUIRED_TABLES <= tables:
        raise GazetteError(f"“{path.name}”是 SQLite 数据库，但不是公报项目文件",
                           f"missing tables {sorted(REQUIRED_TABLES - tables)}", str(path))
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        version = int(row[0]) if row else 0
    except ValueError:
        version = 0
    if version < 1:
        raise GazetteError(f"“{path.name}”缺少格式版本信息，不是有效的公报项目文件",
                           "no schema_version", str(path))
    if version > SCHEMA_VERSION:
        raise GazetteError(
            f"项目文件“{path.name}”由更新版本的公报编辑器创建（格式版本 {version}，"
            f"本程序支持到 {SCHEMA_VERSION}），请升级编辑器后再打开",
            f"schema {version} > {SCHEMA_VERSION}", str(path))
    return version
