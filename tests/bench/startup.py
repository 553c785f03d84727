"""Process start to first paint, to the Listings table's first rows, and peak memory.

The app is started as `main.py --db SHOP --startup-probe`, which prints `probe painted` when the
main window first paints, `probe rows` when the Listings table has painted its first rows (read
before the shop is open) and `probe ready` when the open shop's Listings page has painted (its
filters, search and actions work), then exits. The baseline is `bare_window.py`. Times are
taken in this process, from just before Popen to the moment each line is read; peak memory is
the child's own maximum resident set, from wait4(). Both run offscreen, alternating, after one
warm-up run each.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tests.bench.measure import current_rss_mib, maxrss_to_mib, median
from tests.bench.report import Row, Target, not_available

ROOT = Path(__file__).resolve().parents[2]
BARE_WINDOW = Path(__file__).resolve().parent / "bare_window.py"
PAINTED, ROWS, READY = "probe painted", "probe rows", "probe ready"
PAINT_TARGET = Target(1.5, on_ratio=True)
ROWS_TARGET = Target(3, on_ratio=True)
MEMORY_TARGET = Target(150)


@dataclass
class ProbeRun:
    seen: dict[str, float] = field(default_factory=dict)  # line -> seconds after Popen
    peak_rss_mib: float | None = None
    exit_code: int | None = None
    timed_out: bool = False
    problem: str = ""


def _read_lines(stream: IO[bytes], lines: queue.Queue[tuple[str, float]]) -> None:
    for raw in stream:
        lines.put((raw.decode(errors="replace").strip(), time.perf_counter()))
    lines.put(("", -1.0))  # end of output


def run_probe(command: list[str], wanted: tuple[str, ...], env: dict[str, str],
              timeout_s: float) -> ProbeRun:
    """Start `command`, note when each `wanted` line arrives, then reap it and its peak RSS."""
    run = ProbeRun()
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                   stderr=errors, stdin=subprocess.DEVNULL)
        lines: queue.Queue[tuple[str, float]] = queue.Queue()
        reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
        reader.start()
        _collect(run, lines, wanted, start, timeout_s)
        if len(run.seen) < len(wanted):
            _kill(process)
        _reap(process, run, timeout_s)
        reader.join(timeout_s)
        process.stdout.close()  # type: ignore[union-attr]
        if len(run.seen) < len(wanted):
            errors.seek(0)
            run.problem = _problem(run, wanted, errors.read().decode(errors="replace"))
    return run


def _problem(run: ProbeRun, wanted: tuple[str, ...], stderr: str) -> str:
    """Which line never came, how the process ended, and the end of what it said on stderr."""
    missing = next(line for line in wanted if line not in run.seen)
    ended = "timed out" if run.timed_out else f"exit code {run.exit_code}"
    tail = stderr.strip().splitlines()[-3:]
    return f"no '{missing}' line ({ended})" + (": " + " | ".join(tail) if tail else "")


def _collect(run: ProbeRun, lines: queue.Queue[tuple[str, float]], wanted: tuple[str, ...],
             start: float, timeout_s: float) -> None:
    deadline = start + timeout_s
    while len(run.seen) < len(wanted):
        try:
            text, at = lines.get(timeout=max(deadline - time.perf_counter(), 0.001))
        except queue.Empty:
            run.timed_out = True
            return
        if at < 0:
            return
        if text in wanted and text not in run.seen:
            run.seen[text] = at - start


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill without reaping (Popen.kill would reap an exited child and lose its usage)."""
    if not hasattr(os, "wait4"):
        process.kill()
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGKILL)


def _reap(process: subprocess.Popen[bytes], run: ProbeRun, timeout_s: float) -> None:
    """Wait for the child; with wait4 also take its peak resident memory."""
    if not hasattr(os, "wait4"):
        run.exit_code = process.wait(timeout_s)
        return
    deadline = time.monotonic() + timeout_s
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            _kill(process)
            deadline = float("inf")
        time.sleep(0.02)
    process.returncode = run.exit_code = os.waitstatus_to_exitcode(status)
    run.peak_rss_mib = maxrss_to_mib(usage.ru_maxrss)


def probe_env() -> dict[str, str]:
    data = Path(__file__).resolve().parent / ".cache" / "data-dir"
    data.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ECDESK_DATA_DIR": str(data)}


def app_command(shop: Path) -> list[str]:
    return [sys.executable, "main.py", "--db", str(shop), "--startup-probe"]


def bare_command() -> list[str]:
    return [sys.executable, str(BARE_WINDOW)]


@dataclass
class StartupRuns:
    bare: list[ProbeRun] = field(default_factory=list)
    app: list[ProbeRun] = field(default_factory=list)
    problem: str = ""  # why the app gave no (or not every) probe line

    def app_with(self, line: str) -> list[ProbeRun]:
        return [run for run in self.app if line in run.seen]


def startup_rows(shop: Path, runs: int, timeout_s: float) -> list[Row]:
    """Rows for first paint, first Listings rows and peak memory, app against bare window."""
    print(f"Startup: a warm-up, then {runs} runs each of the app and a bare window, alternating",
          flush=True)
    measured = _alternate(shop, runs, probe_env(), timeout_s)
    return [_paint_row(measured), _rows_row(measured), _ready_row(measured),
            _memory_row(measured)]


def _alternate(shop: Path, runs: int, env: dict[str, str], timeout_s: float) -> StartupRuns:
    measured = StartupRuns()
    for index in range(runs + 1):  # run 0 is the warm-up (disk cache, .pyc files)
        bare = run_probe(bare_command(), (PAINTED,), env, timeout_s)
        app = run_probe(app_command(shop), (PAINTED, ROWS, READY), env, timeout_s)
        measured.problem = measured.problem or app.problem
        _print_run(index, bare, app)
        if index and PAINTED in bare.seen:
            measured.bare.append(bare)
        if index:
            measured.app.append(app)
        if PAINTED not in app.seen:
            break  # no probe in this build (or it broke): do not wait for it again and again
    return measured


def _print_run(index: int, bare: ProbeRun, app: ProbeRun) -> None:
    def describe(run: ProbeRun) -> str:
        times = ", ".join(f"{line.split()[1]} {seconds * 1000:.0f} ms"
                          for line, seconds in run.seen.items())
        memory = f", peak {run.peak_rss_mib:.0f} MiB" if run.peak_rss_mib else ""
        return (times or "nothing") + memory + (f" ({run.problem})" if run.problem else "")

    label = "warm-up" if index == 0 else f"run {index}"
    print(f"  {label}: bare window {describe(bare)}; app {describe(app)}", flush=True)


def _bare_painted(measured: StartupRuns) -> float | None:
    return median([run.seen[PAINTED] for run in measured.bare]) if measured.bare else None


def _paint_row(measured: StartupRuns) -> Row:
    name = "start → main window painted"
    app = measured.app_with(PAINTED)
    if not app or not measured.bare:
        return not_available(name, "ms", measured.problem or "bare window did not paint",
                             PAINT_TARGET)
    return Row(name, "ms", median([run.seen[PAINTED] for run in app]), _bare_painted(measured),
               "bare window painted", PAINT_TARGET, f"median of {len(app)} runs")


def _rows_row(measured: StartupRuns) -> Row:
    name = "start → first Listings rows painted"
    app = measured.app_with(ROWS)
    if not app or not measured.bare:
        return not_available(name, "ms", measured.problem or "bare window did not paint",
                             ROWS_TARGET)
    return Row(name, "ms", median([run.seen[ROWS] for run in app]), _bare_painted(measured),
               "bare window painted", ROWS_TARGET, f"median of {len(app)} runs")


def _ready_row(measured: StartupRuns) -> Row:
    name = "  start → shop open, Listings page ready"
    app = measured.app_with(READY)
    if not app or not measured.bare:
        return not_available(name, "ms", measured.problem or "bare window did not paint")
    return Row(name, "ms", median([run.seen[READY] for run in app]), _bare_painted(measured),
               "bare window painted", None, f"filters, search and actions work; median of "
               f"{len(app)} runs")


def _memory_row(measured: StartupRuns) -> Row:
    name = "peak RSS, app with Listings open"
    app = [run.peak_rss_mib for run in measured.app_with(ROWS) if run.peak_rss_mib]
    bare = [run.peak_rss_mib for run in measured.bare if run.peak_rss_mib]
    if not app or not bare:
        reason = measured.problem or "peak memory is not available on this platform"
        return not_available(name, "MiB", reason, MEMORY_TARGET)
    floor = current_rss_mib()  # Linux counts the spawning process's RSS into a child's peak
    return Row(name, "MiB", median(app), median(bare), "bare window peak", MEMORY_TARGET,
               f"the child's maximum resident set (wait4 ru_maxrss), median of {len(app)} runs; "
               f"floor {floor:.0f} MiB (this process, which it was spawned from)")
