"""Long work off the GUI thread: a worker that reports progress, a result or an error.

The work is a plain function `work(progress) -> result`; it opens its own unit of work inside
the worker thread (`db.uow("gui")`) and never touches a widget. `progress(done, total)` returns
False once the user pressed Cancel: the service then raises a CancelledError and writes
nothing.

A job is a read or a file written elsewhere. A write to the shop goes through
`ShopContext.run_operation` (`operations.Operation`): the same job, plus the progress dialog and
the broadcast of the Changed the service returned.

The worker thread touches no Qt object at all: it puts its reports on a thread-safe queue, and
a timer owned by the dialog or model (GUI thread) turns them into the `JobSignals` signals.
Emitting on a QObject from a worker while the GUI thread deletes its window would be a
use-after-free that no `except RuntimeError` catches; here, deleting the owner only stops the
timer and the work ends unheard.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from ecdesk.errors import CancelledError, EcdeskError
from ecdesk.views.widgets.damage_watch import report_damage

Work = Callable[[Callable[[int, int], bool]], Any]
POLL_MS = 25

PROGRESS, FINISHED, FAILED, CANCELLED = "progress", "finished", "failed", "cancelled"


class JobSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the work's result
    failed = Signal(object)  # an EcdeskError (ValidationError included), for the user
    cancelled = Signal()


class _Task:
    """What the worker thread holds: the work, the cancel flag and the report queue (no Qt)."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.cancel = threading.Event()
        self.reports: queue.SimpleQueue[tuple[str, tuple[Any, ...]]] = queue.SimpleQueue()

    def progress(self, done: int, total: int) -> bool:
        if self.cancel.is_set():
            return False
        self.reports.put((PROGRESS, (done, total)))
        return True

    def run(self) -> None:
        try:
            if self.cancel.is_set():
                raise CancelledError("cancelled before it started")
            result = self.work(self.progress)
        except CancelledError:
            self.reports.put((CANCELLED, ()))
        except EcdeskError as error:
            self.reports.put((FAILED, (error,)))
        except Exception as error:  # a worker has no one to show a traceback to: log it
            logging.getLogger("ecdesk").exception("A background job failed")
            self.reports.put((FAILED, (EcdeskError(
                f"Something unexpected went wrong ({type(error).__name__}: {error}). "
                "Nothing was changed; the details are in the log file"),)))
        else:
            self.reports.put((FINISHED, (result,)))


class Job:
    """Runs `work` on Qt's thread pool; `cancel()` makes its progress callback say stop."""

    def __init__(self, work: Work, parent: QObject) -> None:
        self.signals = JobSignals(parent)
        self._task = _Task(work)
        self._timer = QTimer(self.signals, interval=POLL_MS)
        self._timer.timeout.connect(self._deliver)
        self.running = False

    def start(self) -> Job:
        self.running = True
        self._timer.start()
        # A plain callable: the pool's own runnable keeps it alive until it has run. (A Python
        # QRunnable subclass waiting in the queue was seen to lose its Python half, '_Runner'
        # object has no attribute '_task', and the process then crashed.)
        QThreadPool.globalInstance().start(self._task.run)
        return self

    def cancel(self) -> None:
        self._task.cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._task.cancel.is_set()

    def _deliver(self) -> None:
        """On the GUI thread: pass on the latest progress and the end, if it came."""
        latest: tuple[Any, ...] | None = None
        end: tuple[str, tuple[Any, ...]] | None = None
        while end is None:
            try:
                kind, args = self._task.reports.get_nowait()
            except queue.Empty:
                break
            if kind == PROGRESS:
                latest = args
            else:
                end = (kind, args)
        if latest is not None:
            self.signals.progress.emit(*latest)
        if end is not None:
            self._timer.stop()
            self.running = False
            if end[0] == FAILED:
                report_damage(end[1][0])  # the shell offers a backup; the owner still hears
            getattr(self.signals, end[0]).emit(*end[1])
