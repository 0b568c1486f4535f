"""Benchmark of the project-file upgrade (layer: bench): a version-1 project with a long
revision log (20,000 entries), the cost of one command's log write and of reading the
undo history at open before and after the upgrade to the current version, and the time
the upgrade itself takes (backup copy included).  Prints figures; run
``python bench/bench_migration.py``."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.store import SCHEMA_VERSION, ProjectStore  # noqa: E402

LOG_SIZE = 20_000


def _fill_log(store: ProjectStore) -> None:
    rows = [("2026-01-01T00:00:00+00:00", "bench", "SetMeta", f"修改 {n}",
             None if n < LOG_SIZE - 400 else '{"command": "SetMeta", "data": {}}',
             int(n % 97 == 0)) for n in range(LOG_SIZE)]
    with store.transaction():
        store.conn.executemany("INSERT INTO revisions (time, user, command, description,"
                               " data, discarded) VALUES (?, ?, ?, ?, ?, ?)", rows)


def _timings(store: ProjectStore) -> tuple[float, float]:
    """(median ms of one log write, median ms of reading the undo history)."""
    writes, reads = [], []
    for _ in range(30):
        t = time.perf_counter()
        with store.transaction():
            store.add_revision("SetMeta", "基准", {"command": "SetMeta", "data": {}})
        writes.append(time.perf_counter() - t)
        t = time.perf_counter()
        store.history_rows()
        reads.append(time.perf_counter() - t)
    return statistics.median(writes) * 1000, statistics.median(reads) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "old.gazette"
        store = ProjectStore.create(path, schema_version=1)
        _fill_log(store)
        write1, read1 = _timings(store)
        store.close()
        print(f"version 1, {LOG_SIZE} log entries: log write {write1:.2f} ms, "
              f"history read {read1:.2f} ms")
        t = time.perf_counter()
        store = ProjectStore.open(path)
        spent = time.perf_counter() - t
        print(f"open with upgrade 1 -> {SCHEMA_VERSION} (backup copy "
              f"{store.upgrade_backup.stat().st_size / 1e6:.1f} MB): {spent * 1000:.0f} ms")
        write2, read2 = _timings(store)
        store.close()
        print(f"version {SCHEMA_VERSION}: log write {write2:.2f} ms, "
              f"history read {read2:.2f} ms")


if __name__ == "__main__":
    main()
