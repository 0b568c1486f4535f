"""Long work off the UI thread: generators yielding progress → Qt signals (layer: ui).

One runner for everything slow (import, layout, PDF export, opening a project):

* ``run_job(parent, title, work, on_done)`` runs ``work(progress)`` — or iterates ``work()``
  when it returns a generator (each yielded string is a progress message, the return value
  the result) — in a ``QThread`` and shows a ``QProgressDialog`` after a short delay;
  ``on_done(result)`` runs on the UI thread, errors become Chinese message boxes.
* ``LayoutWorker`` keeps the preview current: the window hands it a snapshot of the issue
  after every edit; only the latest request is laid out (requests made while one runs
  replace each other), and the pages come back with a generation number.

Only worker threads call the layout, through ``editor.app.production.lay_out`` whose
``LAYOUT_LOCK`` serialises them (the preview and an export share the layout cache).  Workers never see the live issue: ``IssueSnapshots``
copies the documents an edit changed (pickle round trip, the same serialisation the layout
cache hashes) and reuses the copies of the others, so a snapshot is cheap after the first.
"""
from __future__ import annotations

import copy
import gc
import inspect
import pickle
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog

from editor import model
from editor.app import production
from editor.errors import user_message  # the window's modules import it from here too


class Cancelled(Exception):
    """Raised inside a job when the user pressed 取消."""


def _record(exc: BaseException, trace: str, what: str) -> Path | None:
    """The traceback of a failed job to stderr and, for a program fault
    (``editor.errors.unforeseen``), to a crash record for support; the record's path, or
    None when none was written."""
    if not trace:
        return None
    import sys
    print(trace, file=sys.stderr)
    from editor.crashlog import record_unforeseen
    return record_unforeseen(exc, what)


class _Worker(QThread):
    progress = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object, str)      # exception, formatted traceback (for the log)

    def __init__(self, work: Callable, parent=None):
        super().__init__(parent)
        self.work = work
        self.cancel_requested = False

    def _report(self, message: str) -> None:
        if self.cancel_requested:
            raise Cancelled()
        self.progress.emit(str(message))

    def run(self) -> None:
        try:
            result = _call(self.work, self._report)
        except Cancelled as exc:
            self.failed.emit(exc, "")
        except Exception as exc:      # noqa: BLE001 — every error reaches the user as text
            self.failed.emit(exc, traceback.format_exc())
        else:
            self.succeeded.emit(result)


def _call(work: Callable, report: Callable[[str], None]):
    """Run ``work``: a generator function is iterated (yields are progress), anything
    else is called with the progress callback."""
    if inspect.isgeneratorfunction(work):
        gen = work()
    else:
        result = work(report)
        if not inspect.isgenerator(result):
            return result
        gen = result
    while True:
        try:
            message = next(gen)
        except StopIteration as stop:
            return stop.value
        if message is not None:
            report(message)


_RUNNING: set[_Worker] = set()


def run_job(parent, title: str, work: Callable, on_done: Callable[[object], None],
            on_error: Callable[[BaseException], None] | None = None,
            dialog: bool = True) -> _Worker:
    """Start ``work`` in a thread (see the module docstring); returns the worker."""
    worker = _Worker(work)
    box = None
    if dialog:
        box = QProgressDialog(title, "取消", 0, 0, parent)
        box.setWindowTitle(title)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setMinimumDuration(400)
        box.setAutoClose(False)
        box.canceled.connect(lambda: setattr(worker, "cancel_requested", True))
        worker.progress.connect(box.setLabelText)

    def finish():
        if box is not None:
            box.reset()
            box.deleteLater()

    def done(result):
        finish()
        on_done(result)

    def failed(exc, trace):
        finish()
        if isinstance(exc, Cancelled):
            return
        log = _record(exc, trace, title)
        if on_error is not None:
            on_error(exc)
        else:
            from PySide6.QtWidgets import QMessageBox

            from editor.crashlog import send_hint
            text = user_message(exc) + ("\n\n" + send_hint(log) if log else "")
            QMessageBox.warning(parent, title, text)

    worker.succeeded.connect(done, Qt.ConnectionType.QueuedConnection)
    worker.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _keep_until_finished(worker)
    worker.start()
    return worker


def _keep_until_finished(worker: _Worker) -> None:
    """Hold a reference to the thread object until its thread has really ended (a
    QThread object destroyed while its thread runs aborts the program).

    While any worker runs, Python's automatic garbage collection is paused: it runs in
    whichever thread allocates when a threshold is crossed, and a cycle it frees may hold
    Qt wrappers (a closed dialog, an old page model) whose C++ objects must only be
    destroyed on the UI thread — freed from a worker, they crash the program (seen in
    CI).  Collection resumes, on the UI thread, when the last worker has ended."""
    if not _RUNNING:
        _GC_STATE["enabled"] = gc.isenabled()
        gc.disable()
    _RUNNING.add(worker)

    def ended():
        _RUNNING.discard(worker)
        worker.deleteLater()
        if not _RUNNING and _GC_STATE.pop("enabled", False):
            gc.enable()

    worker.finished.connect(ended, Qt.ConnectionType.QueuedConnection)


_GC_STATE: dict[str, bool] = {}        # "enabled": gc's state when the first worker started


# -- snapshots for the layout worker -------------------------------------------------------------

class IssueSnapshots:
    """Immutable-by-convention copies of the issue for worker threads."""

    def __init__(self):
        self._docs: dict[str, model.Document] = {}

    def invalidate(self, doc_ids=None) -> None:
        """Forget the copies of ``doc_ids`` (all when None)."""
        if doc_ids is None:
            self._docs.clear()
            return
        for doc_id in doc_ids:
            self._docs.pop(doc_id, None)

    def annotations_changed(self, issue: model.Issue) -> set[str]:
        """Ids of the documents whose copy holds other annotations than the live issue."""
        return {d.id for d in issue.documents()
                if d.id in self._docs and self._docs[d.id].annotations != d.annotations}

    def take(self, issue: model.Issue) -> model.Issue:
        sections = []
        live = set()
        for section in issue.sections:
            docs = []
            for doc in section.documents:
                live.add(doc.id)
                copy_ = self._docs.get(doc.id)
                if copy_ is None:
                    copy_ = self._docs[doc.id] = pickle.loads(pickle.dumps(doc, protocol=5))
                docs.append(copy_)
            sections.append(model.Section(section.id, section.title, docs))
        for gone in set(self._docs) - live:
            del self._docs[gone]
        return model.Issue(meta=copy.deepcopy(issue.meta), sections=sections,
                           template=issue.template)


def default_measurer():
    """The FontBook of this machine (the measurer the PDF uses too)."""
    return production.fontbook()


def lay_out(issue: model.Issue, progress: Callable[[str], None] | None = None):
    """Lay ``issue`` out with the real fonts (worker threads only)."""
    return production.lay_out(issue, None, progress)


class LayoutWorker(QObject):
    """Lays out the latest snapshot in a thread; emits ``laid_out(generation, result,
    seconds)`` or ``failed(generation, message)``."""
    laid_out = Signal(int, object, float)
    failed = Signal(int, str)
    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pending: tuple[int, model.Issue] | None = None
        self._worker: _Worker | None = None
        self.generation = 0
        self.layout_function = lay_out

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def request(self, snapshot: model.Issue) -> int:
        self.generation += 1
        self._pending = (self.generation, snapshot)
        if self._worker is None:
            QTimer.singleShot(0, self._start)
        return self.generation

    def _start(self) -> None:
        if self._worker is not None or self._pending is None:
            return
        generation, snapshot = self._pending
        self._pending = None
        started = time.perf_counter()
        function = self.layout_function

        def work(progress):
            return function(snapshot, progress)

        worker = _Worker(work)
        worker.succeeded.connect(
            lambda result: self._done(generation, result, time.perf_counter() - started),
            Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(lambda exc, trace: self._fail(generation, exc, trace),
                              Qt.ConnectionType.QueuedConnection)
        _keep_until_finished(worker)
        self._worker = worker
        self.busy_changed.emit(True)
        worker.start()

    def _done(self, generation: int, result, seconds: float) -> None:
        self._worker = None
        self.laid_out.emit(generation, result, seconds)
        self._next()

    def _fail(self, generation: int, exc, trace: str) -> None:
        self._worker = None
        _record(exc, trace, "排版")
        self.failed.emit(generation, user_message(exc))
        self._next()

    def _next(self) -> None:
        if self._pending is not None:
            self._start()
        else:
            self.busy_changed.emit(False)

    def wait_idle(self, timeout_ms: int = 60000) -> None:
        """Block until no layout runs (shutdown and tests)."""
        worker = self._worker
        if worker is not None:
            worker.wait(timeout_ms)


def wait_all(timeout_ms: int = 60000) -> None:
    """Block until every job thread has ended (on quitting)."""
    for worker in list(_RUNNING):
        worker.cancel_requested = True
        worker.wait(timeout_ms)
