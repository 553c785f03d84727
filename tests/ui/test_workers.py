"""Background jobs on Qt's thread pool: a job waiting for a free worker still runs."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from ecdesk.views.widgets.workers import Job
from tests.ui.conftest import finish_workers


def test_a_job_queued_behind_busy_workers_runs_once_one_is_free(qtbot: QtBot,
                                                                 qapp: object) -> None:
    # Every worker busy: the job waits in the pool's queue while Python collects garbage. What
    # the pool runs later must still be alive (a lost runnable once crashed the test run).
    pool, gate = QThreadPool.globalInstance(), threading.Event()
    for _ in range(pool.maxThreadCount()):
        pool.start(lambda: gate.wait(10))
    owner = QObject()
    results: list[object] = []
    job = Job(lambda _progress: 42, owner)
    job.signals.finished.connect(results.append)
    job.start()
    gc.collect()
    gate.set()
    try:
        qtbot.waitUntil(lambda: results == [42], timeout=5000)
    finally:
        gate.set()
        finish_workers()
