"""One background read at a time, for whatever the user is looking at now.

Arrowing down a list asks for each row's details in turn, and only the last request matters.
`LatestJob` runs each request as a `Job` on Qt's thread pool, cancels the one before (one that
has not started yet never runs) and reports only the latest request's result: a slow earlier
read can never overwrite a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

from ecdesk.views.widgets.workers import Job


class LatestJob(QObject):
    finished = Signal(object, object)  # the request's key, the work's result
    failed = Signal(object, object)  # the request's key, an EcdeskError for the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Job | None = None
        self._key: object = None
        self._jobs: set[Job] = set()  # every job still running, kept alive until it ends

    @property
    def running(self) -> bool:
        """The latest request has not been answered yet."""
        return self._job is not None

    def start(self, key: object, work: Callable[[], Any]) -> None:
        """Run `work` (on a worker thread; it opens its own unit of work) for `key`."""
        self.forget()
        job = Job(lambda _progress: work(), self)
        self._job, self._key = job, key
        self._jobs.add(job)
        job.signals.finished.connect(lambda result, j=job: self._ended(j, self.finished, result))
        job.signals.failed.connect(lambda error, j=job: self._ended(j, self.failed, error))
        job.signals.cancelled.connect(lambda j=job: self._ended(j, None, None))
        job.start()

    def forget(self) -> None:
        """Drop the request in progress: its answer, when it comes, is not reported."""
        if self._job is not None:
            self._job.cancel()
        self._job = None

    def _ended(self, job: Job, report: SignalInstance | None, value: object) -> None:
        self._jobs.discard(job)
        job.signals.deleteLater()  # (after this emit returns) arrowing leaves no QObjects behind
        if job is self._job:
            self._job = None
            if report is not None:
                report.emit(self._key, value)
