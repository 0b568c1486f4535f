"""Event-loop stalls of the editor window while the sample issue is built (layer: bench).

Opens the window offscreen, creates the sample project (resources/samples/issue.json) in a
temporary user folder and — with a 10 ms QTimer recording the longest gap between its
ticks — measures each phase: creating the project (import in a worker), the first build
shown after opening, a cold rebuild with every layout cache cleared, moving a document
and undoing it (cache hits: only the issue is reassembled), exporting the print PDF.
Prints the time and the worst stall of each phase; the goal is < 100 ms.

    python bench/bench_ui_stall.py
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class StallMeter:
    """A 10 ms timer; ``worst`` is the longest time between two ticks minus the period."""

    def __init__(self, period_ms: int = 10):
        from PySide6.QtCore import QTimer
        self.period = period_ms / 1000
        self.timer = QTimer()
        self.timer.setInterval(period_ms)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self.last = None

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.worst = max(self.worst, now - self.last - self.period)
        self.last = now

    def start(self) -> None:
        self.worst, self.last = 0.0, time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def wait_until(app, condition, timeout: float = 300.0) -> None:
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("timed out")
        app.processEvents()
        time.sleep(0.002)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="公报_bench_"))
    os.environ["GONGBAO_HOME"] = str(home)
    from PySide6.QtCore import QSettings

    from editor.layout.cache import default_cache
    from editor.layout.compose import clear_cache as clear_compose_cache
    from editor.ui.app import make_application
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings

    app = make_application([])
    window = MainWindow(Settings(QSettings(str(home / "settings.ini"),
                                           QSettings.Format.IniFormat)))
    window.resize(1400, 900)
    window.show()
    meter = StallMeter()

    started = time.perf_counter()
    meter.start()
    window.open_sample()                 # import the 5 .docx and write the project (worker)
    wait_until(app, lambda: window.session is not None)
    create_stall, create_s = meter.stop(), time.perf_counter() - started
    started = time.perf_counter()
    meter.start()                        # the first build, as the user sees it after opening
    wait_until(app, lambda: window.laid_out is not None and not window.layout_worker.busy)
    app.processEvents()
    first_stall, first_s = meter.stop(), time.perf_counter() - started

    default_cache().clear()              # a cold rebuild: no laid-out documents, no lines
    clear_compose_cache()
    generation = window.layout_worker.generation
    started = time.perf_counter()
    meter.start()
    window.request_layout()
    wait_until(app, lambda: window.laid_generation > generation
               and not window.layout_worker.busy)
    app.processEvents()
    build_stall, build_s = meter.stop(), time.perf_counter() - started
    pages = len(window.laid_out.pages)

    issue = window.session.issue
    first = issue.sections[0]
    started = time.perf_counter()
    meter.start()
    window.move_document(first.documents[0].id, first.id, len(first.documents) - 1)
    wait_until(app, lambda: not window.layout_worker.busy)
    app.processEvents()
    window.undo.stack.undo()
    wait_until(app, lambda: not window.layout_worker.busy)
    app.processEvents()
    reorder_stall, reorder_s = meter.stop(), time.perf_counter() - started

    out = home / "导出" / "公报.pdf"
    done = []
    started = time.perf_counter()
    meter.start()
    window.export_pdf(out, bleed=False, on_done=done.append)
    wait_until(app, lambda: bool(done))
    export_stall, export_s = meter.stop(), time.perf_counter() - started

    print(f"sample issue: {pages} pages")
    rows = [("create project from samples (import)", create_s, create_stall),
            ("first build after opening", first_s, first_stall),
            ("cold rebuild (caches cleared)", build_s, build_stall),
            ("reorder + undo (cache hits)", reorder_s, reorder_stall),
            ("export print PDF", export_s, export_stall)]
    for name, seconds, stall in rows:
        print(f"{name:38s} {seconds:6.2f} s   worst stall {stall * 1000:6.1f} ms")
    worst = max(stall for _n, _s, stall in rows)
    print(f"worst event-loop stall: {worst * 1000:.1f} ms (goal < 100 ms)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
