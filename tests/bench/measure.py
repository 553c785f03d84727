"""Timing and memory helpers shared by the benchmarks. No Qt and no ecdesk imports here."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

MIB = 1024 * 1024


def median(values: list[float]) -> float:
    return statistics.median(values)


def time_once(action: Callable[[], object]) -> float:
    """Seconds taken by one call of `action`."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def time_repeated(action: Callable[[], object], repeats: int = 7, budget_s: float = 20.0,
                  minimum: int = 3) -> list[float]:
    """Seconds per call: one warm-up call, then `repeats` timed calls.

    A slow action stops after `minimum` timed calls once `budget_s` is spent, so one bad figure
    cannot hold the whole run for minutes.
    """
    action()
    times: list[float] = []
    spent = 0.0
    while len(times) < repeats and (len(times) < minimum or spent < budget_s):
        times.append(time_once(action))
        spent += times[-1]
    return times


def current_rss_mib() -> float:
    """Resident memory of this process now (Linux); the peak so far elsewhere."""
    return _status_mib("VmRSS")


def peak_rss_mib() -> float:
    """This process's peak resident memory. On Linux from VmHWM: `ru_maxrss` survives exec, so
    a child started by a big parent would report the parent's size."""
    return _status_mib("VmHWM")


def _status_mib(key: str) -> float:
    """A memory line of /proc/self/status (Linux); elsewhere the peak from getrusage."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{key}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # not on Windows

    return maxrss_to_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def maxrss_to_mib(maxrss: int) -> float:
    """`ru_maxrss` is in KiB on Linux and in bytes on macOS."""
    return maxrss / MIB if sys.platform == "darwin" else maxrss / 1024
