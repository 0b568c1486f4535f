"""A batch import killed with SIGKILL part-way leaves a project that opens, passes
``PRAGMA integrity_check`` and holds every document whose import had completed."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES
from editor.app.session import Session

CHILD = r"""
import sys
from pathlib import Path
from editor.app.session import Session

path, samples = Path(sys.argv[1]), sorted(Path(sys.argv[2]).glob("*.docx"))
with Session.open(path) as session:
    def committed(change):
        for doc_id in sorted(change.documents):
            print("committed", doc_id, flush=True)
    session.listeners.append(committed)
    session.import_documents(samples * 12, "批量导入")
print("finished", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_batch_import_keeps_completed_documents(tmp_path):
    path = tmp_path / "crash.gazette"
    Session.create(path).close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(SAMPLES)],
                             stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    done = []
    try:
        for line in child.stdout:
            if line.startswith("committed"):
                done.append(line.split()[1])
            if len(done) >= 7 or line.startswith("finished"):
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL       # killed mid-batch, not finished
    assert len(done) == 7

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    with Session.open(path) as session:
        section = session.find_section("批量导入")
        present = [d.id for d in section.documents]
        assert present[:len(done)] == done
        assert 7 <= len(present) < 60                  # at most the one in flight more
        for doc in section.documents:
            assert doc.body and session.source(doc.id) is not None
        # the history knows every committed import and can undo it
        assert [h.name for h in session.history][-len(present):] == ["AddDocument"] * len(
            present)
        session.undo()
        assert len(session.find_section("批量导入").documents) == len(present) - 1
