"""LatestJob: one background read at a time, only the latest request's answer reported."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from ecdesk.errors import EcdeskError
from ecdesk.views.widgets.latest_job import LatestJob
from tests.ui.conftest import finish_workers


def recorder(job: LatestJob) -> list[tuple[str, object, object]]:
    reports: list[tuple[str, object, object]] = []
    job.finished.connect(lambda key, result: reports.append(("finished", key, result)))
    job.failed.connect(lambda key, error: reports.append(("failed", key, str(error))))
    return reports


def test_only_the_latest_requests_answer_is_reported_even_when_an_older_one_ends_last(
        qtbot: QtBot, qapp: object) -> None:
    owner = QObject()
    job = LatestJob(owner)
    reports = recorder(job)
    release, started = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        assert release.wait(10)
        return "old"

    job.start("a", slow)
    assert started.wait(5)
    job.start("b", lambda: "new")
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    release.set()
    finish_workers()
    qtbot.wait(100)  # the old answer's report would have been polled by now
    assert reports == [("finished", "b", "new")]
    assert not job.running


def test_a_request_replaced_before_it_started_never_runs(qtbot: QtBot, qapp: object) -> None:
    owner = QObject()
    job = LatestJob(owner)
    reports = recorder(job)
    ran: list[str] = []
    gate = threading.Event()
    threads = QThreadPool.globalInstance().maxThreadCount()
    blockers = [LatestJob(owner) for _ in range(threads)]  # keep every pool thread busy
    for blocker in blockers:
        blocker.start(None, lambda: gate.wait(10))
    job.start("a", lambda: ran.append("a"))
    job.start("b", lambda: ran.append("b"))
    gate.set()
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    finish_workers()
    assert ran == ["b"] and reports == [("finished", "b", None)]


def test_forgetting_drops_the_answer_on_its_way(qtbot: QtBot, qapp: object) -> None:
    owner = QObject()
    job = LatestJob(owner)
    reports = recorder(job)
    job.start("a", lambda: "answer")
    job.forget()
    assert not job.running
    finish_workers()
    qtbot.wait(100)
    assert reports == []


def test_a_failure_is_reported_with_its_request(qtbot: QtBot, qapp: object) -> None:
    owner = QObject()
    job = LatestJob(owner)
    reports = recorder(job)

    def broken() -> None:
        raise EcdeskError("the shop file is busy")

    job.start("a", broken)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    assert reports == [("failed", "a", "the shop file is busy")]
