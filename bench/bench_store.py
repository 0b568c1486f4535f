"""Benchmark of the project file (layer: bench): batch import of 50 documents and its
undo/redo as one step, opening a 50-document project, one reorder command committed
(targets: open < 0.5 s, reorder < 20 ms).  Prints figures; run
``python bench/bench_store.py``."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.app.commands import MoveDocument  # noqa: E402
from editor.app.session import Session  # noqa: E402
from editor.store import load_issue  # noqa: E402

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.docx"))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.gazette"
        session = Session.create(path)
        docs = SAMPLES * 10
        t = time.perf_counter()
        outcome = session.import_documents(docs, "基准栏目")
        spent = time.perf_counter() - t
        print(f"batch import: {len(outcome.imported)} documents in {spent:.2f} s "
              f"({spent / len(docs) * 1000:.0f} ms per document, import + commit, folded "
              f"into one undo step)")
        for step in (session.undo, session.redo):
            t = time.perf_counter()
            step()
            print(f"{step.__name__} of the whole batch (one step): "
                  f"{(time.perf_counter() - t) * 1000:.0f} ms")
        session.close()
        print(f"file size: {path.stat().st_size / 1e6:.1f} MB")

        opens = []
        for _ in range(5):
            t = time.perf_counter()
            session = Session.open(path)
            opens.append(time.perf_counter() - t)
            session.close()
        print(f"open 50-document project (check + read all models): "
              f"median {statistics.median(opens) * 1000:.0f} ms, max {max(opens) * 1000:.0f} ms"
              f"  (target < 500 ms)")
        t = time.perf_counter()
        load_issue(path)
        print(f"load_issue (read-only, for build): {(time.perf_counter() - t) * 1000:.0f} ms")

        session = Session.open(path)
        section = session.issue.sections[0]
        times, undos = [], []
        for n in range(40):
            doc = section.documents[n % len(section.documents)]
            t = time.perf_counter()
            session.execute(MoveDocument(doc_id=doc.id, section_id=section.id,
                                         index=(n * 7) % len(section.documents)))
            times.append(time.perf_counter() - t)
        for _ in range(20):
            t = time.perf_counter()
            session.undo()
            undos.append(time.perf_counter() - t)
        session.close()
        print(f"reorder command (apply + commit, synchronous=FULL): median "
              f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms"
              f"  (target < 20 ms)")
        print(f"undo of a reorder: median {statistics.median(undos) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
