"""The cyclic collector is paused around bulk imports and always comes back."""

from __future__ import annotations

import gc
import threading

import pytest

from ecdesk.services.shop_file.collector_pause import collector_paused


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_paused_inside_and_running_again_after():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_resume_only_when_the_outer_one_ends():
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_resumes_the_collector():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("bad row")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_jobs_on_two_threads_keep_it_paused_until_both_end():
    first_inside, release_first = threading.Event(), threading.Event()

    def first_job() -> None:
        with collector_paused():
            first_inside.set()
            release_first.wait(5)

    worker = threading.Thread(target=first_job)
    worker.start()
    first_inside.wait(5)
    with collector_paused():
        release_first.set()
        worker.join(5)
        assert not gc.isenabled()  # the first job ended; this one still runs
    assert gc.isenabled()


def test_as_a_decorator_it_pauses_while_the_function_runs():
    @collector_paused()
    def job() -> bool:
        return gc.isenabled()

    assert job() is False
    assert gc.isenabled()
