"""Project file versions: a new file at the current version, older files upgraded step by
step (layer: store, no Qt).

``create_schema`` writes the version-1 tables and then runs every step, so a new file and
an upgraded one have the same schema.  ``MIGRATIONS[n]`` takes a connection from version
n-1 to n; ``upgrade`` runs the steps in order in one transaction and sets the version
(``meta.schema_version`` and ``PRAGMA user_version``), so an interrupted upgrade leaves
the old file.  Before a file is upgraded for writing, ``upgrade_file`` copies it with the
SQLite backup API to ``NAME.v<old>-backup.gazette`` beside it; a read-only open upgrades
an in-memory copy (``upgraded_copy``) and leaves the file as it was.

Tables, rows and versions go through sqlite-utils where it can say them: the steps'
new tables (``Table.create``), the version row.  The version-1 tables stay one DDL
script because sqlite-utils cannot express their ``CHECK (id = 1)``, ``ON DELETE SET
NULL``/``CASCADE`` and ``AUTOINCREMENT``, and the version-2 indexes are partial (``WHERE
…``), which ``Table.create_index`` cannot write either.

Version history: 1 — the first format; 2 — partial indexes on the revision log for the
two queries every edit and every open make; 3 — ``preflight_ignored``: the 印前检查
findings the editor accepted (忽略) with the reason.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from editor.errors import GazetteError
from editor.store.schema import APPLICATION_ID, DDL_V1, SCHEMA_VERSION

Step = Callable[[sqlite3.Connection], None]


def _v2_revision_indexes(conn: sqlite3.Connection) -> None:
    """Each command discards the redo branch (undone, not yet discarded revisions) and
    each open reads the still-undoable ones; without these the log is scanned whole."""
    conn.execute("CREATE INDEX IF NOT EXISTS revisions_redo ON revisions(seq)"
                 " WHERE undone = 1 AND discarded = 0")
    conn.execute("CREATE INDEX IF NOT EXISTS revisions_open ON revisions(seq)"
                 " WHERE discarded = 0 AND data IS NOT NULL")


def _v3_preflight_ignored(conn: sqlite3.Connection) -> None:
    """印前检查 findings accepted as exceptions, by the finding's stable key."""
    sqlite_utils.Database(conn)["preflight_ignored"].create(
        {"key": str, "rule": str, "doc_id": str, "text": str, "reason": str, "user": str,
         "time": str}, pk="key", not_null={"rule", "text", "reason", "user", "time"},
        defaults={"text": ""}, if_not_exists=True)


def _v4_model_fields(conn: sqlite3.Connection) -> None:
    """No table changes: the stored documents may now hold what an editor of version 3
    would drop unseen when it saved them — footnote and endnote reference points
    (``Run.note``, ``Footnote.kind/blocks``), 着重号 (``Run.emphasis``), pictures in a line
    (``Run.picture``) or side by side (``Image.beside``), a guessed table head
    (``Table.header_doubt``) and the 纪要 kind.  The new number makes that editor refuse
    the file (请升级编辑器) instead of losing them."""


# version -> step upgrading a connection from version - 1 (run inside a transaction).
MIGRATIONS: dict[int, Step] = {2: _v2_revision_indexes, 3: _v3_preflight_ignored,
                               4: _v4_model_fields}


def create_schema(conn: sqlite3.Connection, version: int = SCHEMA_VERSION) -> None:
    """Create the tables of ``version`` (default: the current one) in an empty database,
    in one transaction.  An older ``version`` makes a file as that editor wrote it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in DDL_V1.split(";"):
            if statement.strip():
                conn.execute(statement)
        sqlite_utils.Database(conn)["meta"].insert({"key": "schema_version", "value": "1"})
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _run_steps(conn, 1, version, MIGRATIONS)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def upgrade(conn: sqlite3.Connection, version: int, target: int = SCHEMA_VERSION,
            steps: dict[int, Step] | None = None) -> None:
    """Bring a checked database from ``version`` up to ``target`` in one transaction
    (nothing is changed when a step fails)."""
    if version >= target:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        _run_steps(conn, version, target, MIGRATIONS if steps is None else steps)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _run_steps(conn: sqlite3.Connection, version: int, target: int,
               steps: dict[int, Step]) -> None:
    missing = [v for v in range(version + 1, target + 1) if v not in steps]
    if missing:
        raise GazetteError("缺少项目文件格式的升级步骤", f"no migration to {missing}")
    for step in range(version + 1, target + 1):
        steps[step](conn)
    sqlite_utils.Database(conn)["meta"].update("schema_version", {"value": str(target)})
    conn.execute(f"PRAGMA user_version = {int(target)}")


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the open database at ``target`` (SQLite online backup, a
    single file without a journal); written to ``target.part`` and renamed."""
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(str(tmp))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)


def backup_path(path: Path, version: int) -> Path:
    """``NAME.v<version>-backup.gazette`` beside ``path``; a number is added when taken."""
    stem, suffix = path.stem, path.suffix or ".gazette"
    candidate = path.with_name(f"{stem}.v{version}-backup{suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}.v{version}-backup-{n}{suffix}")
        n += 1
    return candidate


def upgrade_file(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Back the file up, then upgrade it through ``conn`` (a write connection); returns
    the backup's path.  Errors are Chinese ``GazetteError``s and leave the file as it was."""
    backup = backup_path(path, version)
    try:
        copy_database(conn, backup)
    except (OSError, sqlite3.Error) as exc:
        raise GazetteError(
            f"项目文件“{path.name}”需要升级到新格式，但无法在同一文件夹中保存备份，"
            "未作任何修改", str(exc), str(path)) from None
    try:
        upgrade(conn, version)
    except sqlite3.Error as exc:
        raise GazetteError(
            f"项目文件“{path.name}”升级到新格式时出错，文件未作改动（备份：{backup.name}）",
            str(exc), str(path)) from None
    return backup


def upgraded_copy(conn: sqlite3.Connection, version: int) -> sqlite3.Connection:
    """An in-memory copy of the database at the current version (for read-only use of an
    older file); ``conn`` is closed."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    memory.text_factory = conn.text_factory
    try:
        conn.backup(memory)
    finally:
        conn.close()
    upgrade(memory, version)
    return memory
